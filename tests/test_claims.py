"""Claims that clash across the articles, each position tied to an exact quote."""

import copy

import pytest

from dossier_lib import load_dossier
from dossier_lib.annotate.claims import (
    JOURNALIST,
    RELATIONS,
    ClaimsError,
    find_claims,
    load_claims,
    parse_claims,
)
from dossier_lib.annotate.passages import PassageNotFoundError
from dossier_lib.data import load_yaml


@pytest.fixture(scope="module")
def dossier():
    return load_dossier()


@pytest.fixture(scope="module")
def claims(dossier):
    return load_claims(dossier)


def by_id(claims):
    return {c.id: c for c in claims}


def test_every_position_points_at_its_exact_quote(dossier, claims):
    raw = {c["id"]: c for c in load_yaml("claims.yaml")["claims"]}
    assert len(claims) >= 5
    for claim in claims:
        assert claim.relation in RELATIONS
        assert claim.question.endswith("?")
        assert len(claim.positions) >= 2
        quotes = [p["quote"] for p in raw[claim.id]["positions"]]
        assert [p.text for p in claim.positions] == quotes
        for p in claim.positions:
            article = dossier[p.article_id]
            assert article.text[p.start : p.end] == p.text
            assert p.claim_id == claim.id and p.stance


def test_sanctions_case_is_competing_accounts_credited_to_who_said_it(dossier, claims):
    claim = by_id(claims)["hanoi-all-sanctions"]
    # Not a "correction": no medium corrected its own report. Trump, Ri and article 004 tell different stories.
    assert claim.relation == "competing_accounts"
    by_quote = {p.text: p for p in claim.positions}
    trump = by_quote["Ze wilden dat alle sancties zouden worden opgeheven"]
    ri = next(p for p in claim.positions if p.claimant == "ri-yong-ho")
    admitted = by_quote["Later gaf Washington toe dat dit niet zo was"]
    assert (trump.claimant, trump.number) == ("donald-trump", "002")
    assert "gedeeltelijke opheffing van de sancties" in ri.text and ri.number == "002"
    # article 004's sentences are its writer's claim, not a statement of the United States
    assert {p.claimant for p in claim.positions if p.number == "004"} == {JOURNALIST}
    assert admitted.claimant == JOURNALIST
    # the State Department official's words with their scope, and where they come from
    assert "maart 2016" in claim.context and "wapens" in claim.context and "basically all" in claim.context
    assert any("AP" in s and "2 maart 2019" in s for s in claim.sources)


def test_what_comes_first_does_not_file_the_articles_summary_as_north_koreas_stance(claims):
    claim = by_id(claims)["what-comes-first"]
    troops = next(p for p in claim.positions if "troepen terugtrekt" in p.text)
    assert troops.claimant == JOURNALIST
    assert "19 april 2018" in claim.context and "Moon" in claim.context and claim.sources


def test_indirect_accounts_say_they_are_the_papers_summary(claims):
    """A paraphrase ("Trump is van mening dat ...") keeps its party but says it is the paper's wording."""
    for p in by_id(claims)["what-comes-first"].positions:
        if p.claimant in ("united-states", "donald-trump", "kim-jong-un", "russia"):
            assert p.stance.startswith("Volgens de krant"), p.stance


def test_context_needs_sources(dossier):
    raw = copy.deepcopy(load_yaml("claims.yaml"))
    raw["claims"][0]["sources"] = []
    with pytest.raises(ClaimsError, match="sources"):
        parse_claims(raw, dossier)
    raw["claims"][0]["sources"] = "AP"
    with pytest.raises(ClaimsError, match="lijst bronnen"):
        parse_claims(raw, dossier)


def test_other_clear_cases_are_there(claims):
    ids = by_id(claims)
    assert {"choe-son-hui", "donald-trump", "ri-yong-ho"} <= set(ids["hanoi-why-failed"].claimants)
    assert any("Het is onduidelijk hoe betrouwbaar" in p.text for p in ids["food-rations"].positions)
    singapore = ids["singapore-success"]
    assert singapore.relation == "contradiction"
    assert any("een groot succes" in p.text for p in singapore.positions)
    assert any("geen enkele aanstalten" in p.text for p in singapore.positions)


def test_claimants_are_known_in_the_knowledge_base(claims):
    from dossier_lib.annotate.kb import load_kb

    kb = load_kb()
    for claim in claims:
        for p in claim.positions:
            assert p.claimant == JOURNALIST or kb.get(p.claimant) is not None, p.claimant


def test_find_claims_per_article_is_sorted(dossier, claims):
    found = find_claims(dossier["002"], claims)
    assert found and all(p.number == "002" for p in found)
    assert [p.start for p in found] == sorted(p.start for p in found)
    assert {p.claim_id for p in find_claims(dossier["003"], claims)} == {"what-comes-first", "summit-cancelled-why"}


def test_broken_quote_gives_dutch_error_naming_file_and_claim(dossier):
    raw = copy.deepcopy(load_yaml("claims.yaml"))
    raw["claims"][0]["positions"][2]["quote"] = "Noord-Korea vroeg om gedeeltelijke opheffing"
    with pytest.raises(PassageNotFoundError) as info:
        parse_claims(raw, dossier)
    message = str(info.value)
    assert "claims.yaml" in message and "hanoi-all-sanctions" in message
    assert "staat niet in artikel 002" in message and "precies" in message


def test_bad_relation_and_too_few_positions_are_explained(dossier):
    raw = copy.deepcopy(load_yaml("claims.yaml"))
    raw["claims"][0]["relation"] = "ruzie"
    with pytest.raises(ClaimsError, match="Kies uit: contradiction"):
        parse_claims(raw, dossier)
    raw = copy.deepcopy(load_yaml("claims.yaml"))
    raw["claims"][0]["positions"] = raw["claims"][0]["positions"][:1]
    with pytest.raises(ClaimsError, match="minstens twee posities"):
        parse_claims(raw, dossier)


def test_broken_real_file_through_the_loader(monkeypatch, dossier):
    """The loader itself reports a broken copy, without touching the real data file."""
    import dossier_lib.data as data

    broken = copy.deepcopy(load_yaml("claims.yaml"))
    broken["claims"][1]["positions"][0]["quote"] = "Je moet altijd klaar zijn om weg te lopen."
    monkeypatch.setattr(data, "load_yaml", lambda name: broken if name == "claims.yaml" else load_yaml(name))
    with pytest.raises(PassageNotFoundError, match="hanoi-why-failed"):
        load_claims(dossier)


def test_export_records_for_claims_and_events(dossier):
    from dossier_lib.annotate.export import annotation_records

    claims = list(annotation_records(dossier, "claims"))
    events = list(annotation_records(dossier, "events"))
    assert claims and events
    texts = {a.file: a.text for a in dossier}
    for record in claims + events:
        assert texts[record["file"]][record["start"] : record["end"]] == record["text"]
