"""Lesson 09 helpers: distances table and chart, Dutch weekdays and calendar, Russia evidence, exercises."""

import datetime as dt

import pytest

from dossier_lib import load_dossier
from dossier_lib.exercises import check
from dossier_lib.lessons import vladivostok as v


@pytest.fixture(scope="module")
def dossier():
    return load_dossier()


def test_summit_places_farthest_first():
    table = v.afstanden()
    assert list(table.index) == ["Singapore", "Hanoi", "Peking", "Vladivostok", "Panmunjom"]
    assert table.loc["Singapore", "afstand (km)"] == 4749
    assert table.loc["Vladivostok", "afstand (km)"] == 687
    assert table.loc["Singapore", "Kim reisde met"] == "vliegtuig"
    assert table.loc["Panmunjom", "Kim reisde met"] == "–"


def test_distance_chart_has_a_dutch_title_and_one_bar_per_place():
    import matplotlib.pyplot as plt

    fig = v.afstanden_grafiek()
    ax = fig.axes[0]
    assert ax.get_title(loc="left") == "Hoe ver is het vanaf Pyongyang?"
    assert len(ax.patches) == len(v.SUMMIT_PLACES)
    assert "4.749 km" in [t.get_text() for t in ax.texts]
    plt.close(fig)


@pytest.mark.parametrize(
    "day, name",
    [
        ("2019-04-25", "donderdag"),
        (dt.date(2019, 3, 15), "vrijdag"),
        ("2019-01-08", "dinsdag"),
        (dt.datetime(2018, 6, 12, 9), "dinsdag"),
    ],
)
def test_weekdays_in_dutch(day, name):
    assert v.weekdag(day) == name


def test_weekday_of_nonsense_is_a_dutch_message():
    with pytest.raises(ValueError, match="jaar erbij"):
        v.weekdag("25 april")
    with pytest.raises(ValueError, match="kan ik niet lezen"):
        v.weekdag("morgen")
    assert v.weekdag("25 april 2019") == "donderdag"


def test_calendar_marks_the_day_in_its_thursday_column():
    text = v.maandkalender(2019, 4, markeer=25)
    lines = text.split("\n")
    assert lines[0].strip() == "april 2019"
    assert lines[1].split() == ["ma", "di", "wo", "do", "vr", "za", "zo"]
    row = next(line for line in lines if "[25]" in line)
    assert row.index("[25]") == lines[1].index(" do ")
    assert text.count("[") == 1
    assert repr(text) == str(text)


def test_calendar_refuses_a_month_13():
    with pytest.raises(ValueError, match="1 tot en met 12"):
        v.maandkalender(2019, 13)


def test_russia_evidence_quotes_occur_in_article_001(dossier):
    table = v.rusland_bewijs(dossier)
    text = dossier["001"].text
    for quote, para in zip(table["citaat uit artikel 001"], table["alinea"]):
        start = text.index(quote)
        assert dossier["001"].paragraph_at(start).index == para
    assert not any("vetorecht" in q for q in table["citaat uit artikel 001"])  # students find that one


def test_april_2019_on_the_timeline():
    table = v.tijdlijn_maand(2019, 4)
    assert "25 april 2019" in list(table["datum"])
    assert "Vladivostok" in list(table["plaats"])


def test_lesson_exercises_accept_the_key_and_explain_mistakes():
    from dossier_lib.exercises import lesson_exercises

    ids = [ex.id for ex in lesson_exercises("09")]
    assert {
        "09.verste-plaats",
        "09.afstand-moskou",
        "09.donderdag",
        "09.bewijs-veto",
        "09.deadline-arbeiders",
        "09.reflectie",
    } <= set(ids)
    assert check("09.verste-plaats", "Singapore").correct
    assert check(
        "09.afstand-moskou", round(__import__("dossier_lib.geo").geo.distance_km("moscow", "vladivostok"))
    ).correct
    assert check("09.donderdag", dt.date(2019, 4, 25)).correct
    assert check("09.bewijs-veto", 5).correct
    assert check("09.deadline-arbeiders", "22 december 2019").correct
    assert "woensdag" in check("09.donderdag", "2019-04-24").hint
    assert "november" in check("09.deadline-arbeiders", "2019-11").hint.lower()
    assert check("09.donderdag", ...).status == "leeg"
