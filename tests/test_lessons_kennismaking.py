"""Lesson 01 helpers: the source-card table is honest about what is unknown; every exercise compiles and checks."""

import pytest

from dossier_lib import load_dossier
from dossier_lib.exercises import check
from dossier_lib.exercises.registry import compile_exercise
from dossier_lib.lessons import kennismaking


@pytest.fixture(scope="module")
def dossier():
    return load_dossier()


def test_source_cards_one_row_per_article_in_date_order(dossier):
    table = kennismaking.source_cards(dossier)
    assert list(table.index) == ["003", "000", "002", "004", "001"]
    assert table.loc["002", "maand"] == "februari 2019"


def test_unknown_outlet_and_author_are_said_not_hidden(dossier):
    table = kennismaking.source_cards(dossier)
    assert set(table["krant of website"]) == {"onbekend"}
    assert set(table["schrijver"]) == {"onbekend"}
    card = kennismaking.show_card(dossier["003"])
    assert "krant of website: onbekend" in card and "let op:" in card


def test_longest_article_is_002(dossier):
    frame = dossier.to_frame().set_index("nummer")
    assert frame["woorden"].idxmax() == "002"


def test_every_exercise_compiles():
    ids = [spec["id"] for spec in kennismaking.EXERCISES]
    assert len(ids) == len(set(ids)) and all(i.startswith("01.") for i in ids)
    for spec in kennismaking.EXERCISES:
        compile_exercise(spec)


def test_answers_and_predictable_mistakes():
    kennismaking.register_exercises()
    assert check("01.langste-artikel", "002").correct
    assert check("01.welke-kim", "Kim Yong Chol").correct
    wrong = check("01.welke-kim", "Kim Jong-un")
    assert wrong.correct is False and "leider zelf" in wrong.hint
    assert check("01.persbureau", "Yonhap").correct
    assert check("01.bronkaart-onbekend", "C").correct
    assert "maand" in check("01.bronkaart-onbekend", "a").hint
    assert check("01.leeftijd-kim", 35).correct
    assert check("01.leeftijd-kim", ...).status == "leeg"


def test_the_quoted_sentences_are_in_the_articles(dossier):
    assert "Kim is vice-voorzitter van het centrale comité" in dossier["003"].text
    assert "meldde het Zuid-Koreaanse persbureau Yonhap" in dossier["003"].text
    assert "De 35-jarige dictator" in dossier["001"].text
