"""Lesson 02 helpers: weekday candidates, the calendar, counting days, and the exercises' facts."""

import datetime as dt

import pytest

from dossier_lib import load_dossier
from dossier_lib.annotate.timeline import load_timeline
from dossier_lib.exercises import check
from dossier_lib.lessons import tijdlijn


@pytest.fixture(scope="module")
def events():
    return {e.id: e for e in load_timeline()}


def test_weekday_dates():
    assert tijdlijn.weekday_dates(2019, 1, "dinsdag") == [dt.date(2019, 1, d) for d in (1, 8, 15, 22, 29)]
    assert tijdlijn.weekdays_in_month(2019, 4, "Donderdag")[-1] == "25 april 2019"


def test_bad_weekday_and_month_give_dutch_messages():
    with pytest.raises(ValueError, match="geen dag van de week"):
        tijdlijn.weekday_dates(2019, 1, "dinsdagg")
    with pytest.raises(ValueError, match="1 tot en met 12"):
        tijdlijn.weekday_dates(2019, 13, "dinsdag")


def test_month_calendar_marks_the_weekday():
    from dossier_lib.nl import maandkalender

    text = maandkalender(2018, 5, markeer="woensdag")
    assert "mei 2018" in text and "[30]" in text and "[23]" in text and "[24]" not in text


def test_days_inclusive():
    assert tijdlijn.days_inclusive("2019-01-07", "2019-01-10") == 4
    assert tijdlijn.days_inclusive(dt.date(2019, 2, 27), dt.date(2019, 2, 28)) == 2
    with pytest.raises(ValueError, match="Draai ze om"):
        tijdlijn.days_inclusive("2019-01-10", "2019-01-07")


def test_weekday_clues_of_article_000():
    table = tijdlijn.weekday_clues(load_dossier()["000"])
    assert list(table["woord"]) == ["dinsdag", "dinsdag"]
    assert set(table["datum"]) == {"8 januari 2019"}


def test_exercise_answers_agree_with_the_timeline(events):
    assert events["kim-yong-chol-new-york"].date_from == dt.date(2018, 5, 30)
    assert dt.date(2018, 5, 30).weekday() == 2  # a Wednesday
    assert events["trump-cancels-summit"].date_from == dt.date(2018, 5, 24)
    assert events["vladivostok-summit"].date_from == dt.date(2019, 4, 25)
    assert dt.date(2019, 4, 25).weekday() == 3  # a Thursday
    assert (events["kim-china-visit-4"].date_from, events["kim-china-visit-4"].date_to) == (
        dt.date(2019, 1, 7),
        dt.date(2019, 1, 10),
    )
    assert not events["dmz-meeting"].covered
    china = [e for e in events.values() if e.id.startswith("kim-china-visit")]
    assert len(china) == 4 and sum(e.covered for e in china) == 1


def test_every_exercise_checks():
    assert check("02.woensdag-new-york", "30 mei 2018").correct
    month = check("02.woensdag-new-york", "2018-05")
    assert month.correct is False and "maand van het artikel" in month.hint
    assert check("02.donderdag-vladivostok", dt.date(2019, 4, 25)).correct
    assert "toespraak" in check("02.donderdag-vladivostok", "10 april 2019").hint
    assert check("02.ontbrekende-top", "c").correct
    assert check("02.china-bezoeken", 1).correct
    assert check("02.wapenstilstand", "a").correct
    assert "afspraak" in check("02.wapenstilstand", "b").hint
    assert check("02.vooruitblik", "Wat valt te verwachten van deze ontmoeting").correct
    assert check("02.vooruitblik", 0).correct
    assert check("02.reflectie-weglaten", ...).status == "leeg"


def test_day_detective_lists_candidates_and_events():
    text = tijdlijn.day_detective(2019, 4, "donderdag")
    assert "Alle donderdagen in april 2019: 4 april 2019, 11 april 2019, 18 april 2019, 25 april 2019." in text
    assert "25 april 2019 — Top van Kim en Poetin in Vladivostok" in text


def test_day_detective_never_raises():
    assert tijdlijn.day_detective(..., ..., ...).startswith("Nog niet ingevuld")
    assert "geen dag van de week" in tijdlijn.day_detective(2019, 4, "morgen")
    assert tijdlijn.day_detective(2019, "april", "dondrdag").startswith("Alle donderdagen in april 2019")
    assert "1 tot en met 12" in tijdlijn.day_detective(2019, 13, "donderdag")
    assert tijdlijn.day_detective("2019", "4", "Donderdag").startswith("Alle donderdagen")
