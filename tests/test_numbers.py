"""Numbers: every number mention in the five articles, listed by hand, plus Dutch number parsing."""

from pathlib import Path

import pytest

from dossier_lib import load_dossier
from dossier_lib.annotate.numbers import KINDS, Number, find_numbers, find_numbers_in
from dossier_lib.corpus import parse_article
from dossier_lib.nl import parse_digits, parse_number_word, parse_ordinal_word


@pytest.fixture(scope="module")
def dossier():
    return load_dossier()


# article -> every number in text order: (text, value, unit, counted, kind)
EXPECTED = {
    "000": [
        ("35ste", 35, None, "verjaardag", "ordinal"),
        ("10 uur", 10, "uur", None, "clock"),
        ("driedaagse", 3, "dag", "bezoek", "compound"),
        ("tweede", 2, None, "Trump-Kim-ontmoeting", "ordinal"),
        ("tweede", 2, None, "top", "ordinal"),
        ("tweede", 2, None, "top", "ordinal"),
        ("twee", 2, None, "dossiers", "cardinal"),
        ("tweede", 2, None, "Trump-Kim-top", "ordinal"),
        ("één", 1, None, "kernraket", "cardinal"),
    ],
    "001": [
        ("35-jarige", 35, "jaar", "dictator", "compound"),
        ("Twee weken", 2, "week", None, "cardinal"),
        ("twee", 2, None, "ontmoetingen", "cardinal"),
        ("één", 1, None, "landen", "cardinal"),
        ("vijf", 5, None, "landen", "cardinal"),
        ("50.000", 50000, None, "dwangarbeiders", "cardinal"),
        ("34 miljoen dollar", 34_000_000, "dollar", "handel", "cardinal"),
        ("58 procent", 58, "procent", "handel", "cardinal"),
    ],
    "002": [
        ("tweede", 2, None, "topontmoeting", "ordinal"),
        ("eerste", 1, None, "dag", "ordinal"),
        ("550 gram", 550, "gram", "voedselrantsoenen", "cardinal"),
        ("300", 300, "gram", "voedselrantsoenen", "cardinal"),
        ("90 procent", 90, "procent", "handel", "cardinal"),
    ],
    "003": [],  # "12 juni" and "sinds 2000" are time expressions, not numbers
    "004": [
        ("twee", 2, None, "ontmoetingen", "cardinal"),
    ],
}


@pytest.mark.parametrize("number", sorted(EXPECTED))
def test_every_number_in_the_articles(dossier, number):
    article = dossier[number]
    found = find_numbers(article)
    assert [(n.text, n.value, n.unit, n.counted, n.kind) for n in found] == EXPECTED[number]
    for n in found:
        assert isinstance(n, Number)
        assert article.text[n.start : n.end] == n.text
        assert n.start >= article.body_start
        assert n.kind in KINDS
    assert [n.start for n in found] == sorted(n.start for n in found)


def test_approximate_numbers(dossier):
    flagged = {n.text for a in dossier for n in find_numbers(a) if n.approximate}
    assert flagged == {"10 uur", "50.000", "90 procent"}  # rond, circa, ongeveer


def test_not_numbers_in_the_articles(dossier):
    texts = {n.text.lower() for a in dossier for n in find_numbers(a)}
    # "een keer" is the article, "vierde" a verb (vieren), years and days belong to dates.py
    assert not texts & {"een", "vierde", "2017", "2018", "2000", "2020", "12", "beide", "laatste"}


def test_values_are_ints_when_whole(dossier):
    for a in dossier:
        for n in find_numbers(a):
            assert isinstance(n.value, int)


# ---------------------------------------------------------------- synthetic cases


def values(text):
    return [(n.text, n.value, n.unit, n.kind) for n in find_numbers_in(text)]


def test_thousands_dot_decimal_comma_miljoen_miljard():
    assert values("Er kwamen 1.250.000 mensen.") == [("1.250.000", 1_250_000, None, "cardinal")]
    assert values("Het kostte 2,5 miljard euro.") == [("2,5 miljard euro", 2_500_000_000, "euro", "cardinal")]
    assert values("Het kostte 1,75 dollar.") == [("1,75 dollar", 1.75, "dollar", "cardinal")]
    assert values("Een groei van 12% dit jaar.")[0][1:3] == (12, "procent")
    assert values("Dat kostte $ 5 miljoen.") == [("$ 5 miljoen", 5_000_000, "dollar", "cardinal")]
    assert values("Er waren tweehonderd soldaten.") == [("tweehonderd", 200, None, "cardinal")]
    assert values("Er waren drie miljoen mensen.") == [("drie miljoen", 3_000_000, None, "cardinal")]


def test_een_is_not_a_number_but_een_with_accents_is():
    assert values("Hij kwam een keer.") == []
    assert values("Hij gaf maar één kernraket af.") == [("één", 1, None, "cardinal")]


def test_ordinals_and_compounds():
    assert values("Dit is de vijfendertigste keer.") == [("vijfendertigste", 35, None, "ordinal")]
    assert values("De 3e ronde begon.") == [("3e", 3, None, "ordinal")]
    assert values("Een tweejarig plan.") == [("tweejarig", 2, "jaar", "compound")]
    assert values("Het 5-daagse bezoek.") == [("5-daagse", 5, "dag", "compound")]
    assert values("Zij vierde feest.") == []  # the verb, not "the fourth"


def test_clock_time_versus_duration():
    assert values("Om 14.30 uur begon het.") == [("14.30 uur", 14.5, "uur", "clock")]
    assert values("Het duurde drie uur lang.") == [("drie uur", 3, "uur", "cardinal")]


def test_from_to_takes_over_the_unit():
    found = find_numbers_in("Het rantsoen ging van 550 gram naar 300.")
    assert [(n.value, n.unit, n.counted) for n in found] == [(550, "gram", "rantsoen"), (300, "gram", "rantsoen")]


def test_counted_noun_skips_adjectives():
    found = find_numbers_in("Er werken 500 Noord-Koreaanse arbeiders.")
    assert found[0].counted == "arbeiders"


def test_year_like_count_is_a_number_on_a_teacher_article():
    article = parse_article(Path("999_test.txt"), " date 2020-02 Er stonden 2000 soldaten klaar in 2019.")
    assert [(n.text, n.counted) for n in find_numbers(article)] == [("2000", "soldaten")]


@pytest.mark.parametrize(
    "word, value",
    [
        ("twee", 2),
        ("elf", 11),
        ("vijfendertig", 35),
        ("tweeëntwintig", 22),
        ("honderd", 100),
        ("tweehonderdvijftig", 250),
        ("duizend", 1000),
        ("een", None),
        ("achter", None),
        ("tweede", None),
    ],
)
def test_parse_number_word(word, value):
    assert parse_number_word(word) == value


@pytest.mark.parametrize(
    "word, value",
    [
        ("eerste", 1),
        ("tweede", 2),
        ("derde", 3),
        ("achtste", 8),
        ("twintigste", 20),
        ("vijfendertigste", 35),
        ("honderdeerste", 101),
        ("35ste", 35),
        ("2de", 2),
        ("laatste", None),
    ],
)
def test_parse_ordinal_word(word, value):
    assert parse_ordinal_word(word) == value


def test_parse_digits():
    assert parse_digits("50.000") == 50000
    assert parse_digits("2,5") == 2.5
    assert parse_digits("1.234,5") == 1234.5
    assert parse_digits("10.30") is None  # not a thousands dot: a clock time or a mistake


def test_units_agree_with_the_independent_gold(dossier):
    """tests/gold/numbers.jsonl was written by hand by someone else; spans and values are scored
    in test_quality.py, units only here. (Gold kinds are only cardinal/ordinal: our "compound"
    and "clock" are finer, so kinds are compared as cardinal-or-not.)"""
    import json

    gold_path = Path(__file__).parent / "gold" / "numbers.jsonl"
    if not gold_path.exists():
        pytest.skip("no gold numbers yet")
    gold = [json.loads(line) for line in gold_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    ours = {(a.file, n.start, n.end): n for a in dossier for n in find_numbers(a)}
    for g in gold:
        n = ours[(g["file"], g["start"], g["end"])]
        assert (n.value, n.unit) == (g["value"], g["unit"]), g
        assert (n.kind == "ordinal") == (g["kind"] == "ordinal"), g
    assert len(ours) == len(gold)
