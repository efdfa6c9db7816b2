"""Lesson 01 helpers: the source-card table is honest about what is unknown; every exercise compiles and checks."""

import pytest

from dossier_lib import load_dossier
from dossier_lib.exercises import check
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


def test_answers_and_predictable_mistakes():
    assert check("01.langste-artikel", "002").correct
    assert check("01.welke-kim", "Kim Yong Chol").correct
    wrong = check("01.welke-kim", "Kim Jong-un")
    assert wrong.correct is False and "leider zelf" in wrong.hint
    assert check("01.persbureau", "Yonhap").correct
    assert check("01.bronkaart-onbekend", "C").correct
    assert "maand" in check("01.bronkaart-onbekend", "a").hint
    assert check("01.leeftijd-kim", 35).correct
    assert check("01.leeftijd-kim", ...).status == "leeg"
    assert "geboortejaar" in check("01.leeftijd-kim", 1984).hint
    for ex_id in ("01.langste-artikel", "01.bronkaart-onbekend", "01.welke-kim", "01.persbureau", "01.reflectie-bron"):
        assert check(ex_id, ...).status == "leeg"


def test_the_quoted_sentences_are_in_the_articles(dossier):
    assert "Kim is vice-voorzitter van het centrale comité" in dossier["003"].text
    assert "meldde het Zuid-Koreaanse persbureau Yonhap" in dossier["003"].text
    assert "De 35-jarige dictator" in dossier["001"].text


def test_overview_has_numbers_as_rows_and_months_in_words(dossier):
    table = kennismaking.overview(dossier)
    frame = dossier.to_frame().set_index("nummer")
    assert list(table.index) == ["003", "000", "002", "004", "001"]
    assert table.loc["003", "maand"] == "mei 2018"
    assert table["woorden"].idxmax() == "002" and table.loc["002", "woorden"] == 769
    assert table["alinea's"].tolist() == frame["alinea's"].tolist()
