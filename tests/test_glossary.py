"""The glossary: entries a fifteen-year-old needs, found in the articles with exact offsets."""

import copy

import pytest

from dossier_lib import load_dossier
from dossier_lib.annotate.glossary import (
    GlossaryError,
    TermMention,
    find_terms,
    glossary_entry,
    load_glossary,
    parse_glossary,
)
from dossier_lib.data import load_yaml


@pytest.fixture(scope="module")
def dossier():
    return load_dossier()


@pytest.fixture(scope="module")
def mentions(dossier):
    return {a.number: find_terms(a) for a in dossier}


def test_glossary_has_the_words_the_lessons_need():
    entries = load_glossary()
    assert len(entries) >= 20
    ids = {e.id for e in entries}
    for needed in (
        "denuclearisation",
        "sanctions",
        "un-security-council",
        "veto",
        "juche",
        "liaison-office",
        "icbm",
        "trade-war",
        "forced-labour",
        "armistice",
        "nuclear-weapon",
        "ballistic-missile",
        "summit",
        "dictator",
        "news-agency",
        "joint-declaration",
        "impasse",
        "bilateral",
        "statesman",
        "geopolitics",
        "autocratic-regime",
        "dmz",
        "cold-war",
        "metonymy",
    ):
        assert needed in ids
    for e in entries:
        assert e.term and e.term_en and e.explanation
        assert len(e.explanation.split()) <= 45, e.id  # short enough for a student


def test_armistice_is_explained_though_no_article_uses_it(mentions):
    entry = glossary_entry("armistice")
    assert "1953" in entry.explanation
    assert all(m.term_id != "armistice" for found in mentions.values() for m in found)


def test_offsets_are_exact_sorted_and_never_overlap(dossier, mentions):
    for article in dossier:
        found = mentions[article.number]
        assert found, article.number
        assert [m.start for m in found] == sorted(m.start for m in found)
        for m in found:
            assert isinstance(m, TermMention)
            assert article.text[m.start : m.end] == m.text
            assert m.start >= article.body_start
        for a, b in zip(found, found[1:]):
            assert a.end <= b.start


def test_longest_form_wins_and_compounds_count(dossier, mentions):
    def texts(number, term_id):
        return [m.text for m in mentions[number] if m.term_id == term_id]

    assert "VN-sancties" in texts("001", "sanctions")
    assert "VN-strafmaatregelen" in texts("001", "sanctions")
    assert "sanctieverlichting" in texts("001", "sanctions")
    # "VN-sancties" is one mention, not also "sancties" inside it
    start = dossier["001"].text.index("VN-sancties")
    assert [m.text for m in mentions["001"] if m.start <= start + 3 < m.end] == ["VN-sancties"]
    assert texts("002", "denuclearisation").count("denucleariseringsproces") == 1
    assert texts("002", "joint-declaration")[0] == "gemeenschappelijke slotverklaring"
    assert texts("001", "icbm") == ["intercontinentale raket"]
    assert texts("003", "autocratic-regime") == ["autocratische regimes"]
    assert texts("001", "juche") == ["Juche"]


def test_case_insensitive_whole_words(dossier, mentions):
    # "Koreaanse oorlog" is written in lower case in 002; the glossary says "Koreaanse Oorlog"
    assert [m.text for m in mentions["002"] if m.term_id == "korean-war"] == ["Koreaanse oorlog"]
    # "Trump-Kim-top" contains the word "top" after a hyphen
    text = dossier["000"].text
    i = text.index("Trump-Kim-top") + len("Trump-Kim-")
    assert any(m.start == i and m.term_id == "summit" for m in mentions["000"])
    # but "top" inside another word ("topontmoeting" is its own form; "stopte" is no summit)
    assert not any(m.text.lower() == "top" and text[m.start - 1].isalpha() for m in mentions["000"])
    # "verklaring" on its own (an explanation in 000) is not a declaration
    assert not any(m.term_id == "joint-declaration" for m in mentions["000"])


def test_counts_per_article_are_stable(mentions):
    def count(n, t):
        return sum(m.term_id == t for m in mentions[n])

    assert count("002", "sanctions") == 8
    assert (
        count("001", "sanctions") == 12
    )  # 7 sancties, VN-sancties, sanctieverlichting, 2 strafmaatregelen, VN-strafmaatregelen
    assert count("004", "deputy-minister") == 3
    assert count("000", "summit") == 5


def test_every_form_found_is_listed_in_the_yaml(mentions):
    forms = {f.casefold(): e.id for e in load_glossary() for f in e.all_forms}
    for found in mentions.values():
        for m in found:
            assert forms[" ".join(m.text.split()).casefold()] == m.term_id


def test_a_form_listed_twice_gives_a_dutch_error():
    raw = copy.deepcopy(load_yaml("glossary.yaml"))
    raw["terms"][1]["forms"].append("denuclearisering")
    with pytest.raises(GlossaryError, match="staat bij 'denuclearisation' en bij 'sanctions'"):
        parse_glossary(raw)


def test_missing_explanation_and_unknown_id_are_explained():
    raw = copy.deepcopy(load_yaml("glossary.yaml"))
    del raw["terms"][0]["explanation_nl"]
    with pytest.raises(GlossaryError, match="explanation_nl ontbreekt"):
        parse_glossary(raw)
    with pytest.raises(KeyError, match="Geen woord met id"):
        glossary_entry("bestaat-niet")


def test_custom_entries_can_be_passed(dossier):
    raw = {"terms": [{"id": "juche", "term": "Juche", "term_en": "Juche", "explanation_nl": "x", "forms": []}]}
    found = find_terms(dossier["001"], list(parse_glossary(raw)))
    assert [m.text for m in found] == ["Juche"]


def test_history_terms_carry_the_checked_facts():
    from dossier_lib.annotate.glossary import load_glossary

    terms = {e.id: e.explanation for e in load_glossary()}
    assert "Sovjet-Unie" in terms["korean-war"] and "China" in terms["korean-war"]
    assert "wapenstilstand" in terms["korean-war"]
    assert "27 juli 1953" in terms["armistice"] and "vredesverdrag" in terms["armistice"]
    assert "vredesverdrag" in terms["peace-declaration"]
