"""Lesson 08 helpers: the numbers that carry a claim, the apparent bar ratio and the lesson's exercises."""

from __future__ import annotations

import pytest

from dossier_lib import load_dossier
from dossier_lib.exercises import check
from dossier_lib.lessons import cijfers


@pytest.fixture(scope="module")
def dossier():
    return load_dossier()


def test_key_numbers_are_the_six_claims(dossier):
    table = cijfers.key_numbers(dossier)
    assert list(table.columns) == ["artikel", "tekst", "waarde", "eenheid", "telt", "ongeveer"]
    rows = set(zip(table["artikel"], table["tekst"], table["waarde"]))
    assert rows == {
        ("001", "50.000", 50000),
        ("001", "34 miljoen dollar", 34_000_000),
        ("001", "58 procent", 58),
        ("002", "550 gram", 550),
        ("002", "300", 300),
        ("002", "90 procent", 90),
    }
    approx = dict(zip(table["tekst"], table["ongeveer"]))
    assert approx["50.000"] == "ja" and approx["90 procent"] == "ja" and approx["58 procent"] == "nee"
    assert table[table["tekst"] == "300"]["eenheid"].tolist() == ["gram"]


def test_key_numbers_of_one_article(dossier):
    assert cijfers.key_numbers(dossier["000"]).empty
    assert len(cijfers.key_numbers(dossier["002"])) == 3


def test_apparent_ratio():
    assert cijfers.apparent_ratio(550, 300) == pytest.approx(550 / 300)
    assert cijfers.apparent_ratio(550, 300, 250) == 6
    with pytest.raises(ValueError, match="onder de kleinste staaf"):
        cijfers.apparent_ratio(550, 300, 300)


def test_the_article_figures_add_up():
    # 34 million after a fall of 58 %: about 81 million the year before
    assert round(34 / (1 - 0.58)) == 81
    assert round((550 - 300) / 550 * 100) == 45
    # the bug of the lesson: Python reads the Dutch thousands dot as a decimal point
    assert float("50.000") == 50.0


@pytest.mark.parametrize(
    "exercise, answer, status",
    [
        ("08.handel-2017", 34 / 0.42, "goed"),
        ("08.handel-2017", 81, "goed"),
        ("08.handel-2017", 34 * 1.58, "fout"),
        ("08.twijfel-bewijs", "Het is onduidelijk hoe betrouwbaar dat bericht was", "goed"),
        ("08.twijfel-bewijs", 11, "goed"),
        ("08.twijfel-bewijs", 12, "fout"),
        ("08.schijn-verhouding", (550 - 250) / (300 - 250), "goed"),
        ("08.schijn-verhouding", 550 / 300, "fout"),
        ("08.bug-duizendtallen", int("50.000".replace(".", "")), "goed"),
        ("08.bug-duizendtallen", float("50.000"), "fout"),
        ("08.handel-2017", ..., "leeg"),
    ],
)
def test_lesson_08_exercises(exercise, answer, status, tmp_path, monkeypatch):
    monkeypatch.setenv("DOSSIER_VOORTGANG", str(tmp_path / "v.json"))
    assert check(exercise, answer).status == status


def test_predictable_mistakes_get_targeted_hints(tmp_path, monkeypatch):
    monkeypatch.setenv("DOSSIER_VOORTGANG", str(tmp_path / "v.json"))
    assert "1,58" in check("08.handel-2017", 34 * 1.58).hint
    assert "echte verhouding" in check("08.schijn-verhouding", 550 / 300).hint
    assert "vijftig komma nul" in check("08.bug-duizendtallen", 50.0).hint


def test_trade_chart_uses_the_students_own_answer():
    """Findings L3 (08): the chart no longer holds [81, 34] before Opdracht 1 is answered."""
    import matplotlib.pyplot as plt

    fig = cijfers.handel_grafiek(34 / 0.42)
    texts = [t.get_text() for ax in fig.axes for t in ax.texts]
    assert "81" in texts and "34" in texts
    assert [t.get_text() for t in fig.axes[0].get_xticklabels()] == ["2017 (jouw uitkomst)", "2018"]
    plt.close(fig)
    for not_yet in (..., None, "81", True, float("nan"), -5):
        fig = cijfers.handel_grafiek(not_yet)
        assert "Opdracht 1" in " ".join(t.get_text() for ax in fig.axes for t in ax.texts)
        plt.close(fig)
