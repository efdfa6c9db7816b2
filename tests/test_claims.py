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


def test_sanctions_case_has_trump_ri_and_the_later_correction(dossier, claims):
    claim = by_id(claims)["hanoi-all-sanctions"]
    assert claim.relation == "correction"
    assert claim.relation_nl == "verbetering"
    by_quote = {p.text: p for p in claim.positions}
    trump = by_quote["Ze wilden dat alle sancties zouden worden opgeheven"]
    ri = next(p for p in claim.positions if p.claimant == "ri-yong-ho")
    washington = by_quote["Later gaf Washington toe dat dit niet zo was"]
    assert (trump.claimant, trump.number) == ("donald-trump", "002")
    assert "gedeeltelijke opheffing van de sancties" in ri.text and ri.number == "002"
    assert (washington.claimant, washington.number) == ("united-states", "004")
    # the correction comes from a later article than the claim it corrects
    assert dossier[washington.article_id].date > dossier[trump.article_id].date


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
