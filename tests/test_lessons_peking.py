"""Lesson 05 helpers: Kim's China visits, the glossary box, and the lesson's extra exercises."""

import pytest

from dossier_lib.exercises import check
from dossier_lib.lessons import peking
from dossier_lib.lessons.begrippen import uitleg


@pytest.fixture(autouse=True)
def _progress_in_tmp(tmp_path, monkeypatch):
    monkeypatch.setenv("DOSSIER_VOORTGANG", str(tmp_path / "voortgang.json"))


def test_china_visits_have_the_checked_dates():
    table = peking.china_bezoeken()
    assert table["wanneer"].tolist() == ["25–28 maart 2018", "7–8 mei 2018", "19–20 juni 2018", "7–10 januari 2019"]
    assert table["plaats"].tolist() == ["Peking", "Dalian", "Peking", "Peking"]
    assert table["dagen"].tolist() == [4, 2, 2, 4]
    assert table["in een artikel?"].tolist() == ["nee", "nee", "nee", "ja"]


def test_china_timeline_chart_has_seven_rows():
    import matplotlib.pyplot as plt

    fig = peking.china_tijdlijn()
    assert len(fig.axes[0].get_yticklabels()) == 7
    assert fig.axes[0].get_title(loc="left") == "Kim in China, tussen de toppen met Trump"
    plt.close(fig)


def test_glossary_box_shows_terms_in_order_and_escapes_html():
    box = uitleg("leverage", "sanctions")
    assert repr(box).splitlines()[0] == "Begrippen"
    assert repr(box).splitlines()[1].startswith("drukmiddel:")
    assert "<b>sancties:</b>" in box._repr_html_()
    with pytest.raises(KeyError, match="woordenlijst"):
        uitleg("geen-woord")
    with pytest.raises(ValueError, match="minstens één begrip"):
        uitleg()


def test_lesson_05_exercises_check_right_wrong_and_empty():
    from dossier_lib.exercises import lesson_exercises

    ids = [ex.id for ex in lesson_exercises("05")]
    assert "05.reisdagen" in ids and "05.feit-of-vermoeden" in ids
    assert check("05.reisdagen", 4).correct is True
    wrong = check("05.reisdagen", 3)
    assert wrong.correct is False and "driedaagse" in wrong.hint
    assert check("05.handel-china", "90").correct is True
    assert check("05.feit-of-vermoeden", ["d", "B"]).correct is True
    assert "Zin C" in check("05.feit-of-vermoeden", ["B", "C"]).hint
    assert check("05.zhao-vermoeden", "b").correct is True
    assert check("05.grote-broer", "A").correct is True
    assert check("05.bewijs-gescheiden", 4).correct is True
    assert "Zhao" in check("05.bewijs-gescheiden", 5).hint
    for ex_id in ids:
        assert check(ex_id, ...).status == "leeg"
