"""The hand-made gold annotations in tests/gold/ are consistent with the articles."""

from __future__ import annotations

import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from dossier_lib.corpus import load_dossier
from dossier_lib.evaluation import read_jsonl

GOLD = Path(__file__).resolve().parent / "gold"
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
ENTITY_TYPES = {"PERSON", "PLACE", "ORG", "NORP", "EVENT"}
COUNTRIES = {"north-korea", "south-korea", "united-states", "china", "russia", "vietnam", "libya"}
CAPITALS = {"washington", "pyongyang", "beijing", "moscow"}
QUOTE_PAIRS = {"„": "”", "“": "”", '"': '"', "‘": "’", ",,": "'", "'": "'"}


@pytest.fixture(scope="module")
def articles():
    return {a.file: a for a in load_dossier(bundled=True)}


def _gold(kind: str) -> list[dict]:
    return read_jsonl(GOLD / f"{kind}.jsonl")


@pytest.mark.parametrize("kind", ["entities", "quotes", "numbers"])
def test_offsets_point_at_the_text(kind, articles):
    records = _gold(kind)
    assert records, f"{kind}.jsonl is empty"
    for r in records:
        article = articles[r["file"]]
        assert article.body_start <= r["start"] < r["end"] <= len(article.text), r
        assert article.text[r["start"] : r["end"]] == r["text"], r


@pytest.mark.parametrize("kind", ["entities", "quotes", "numbers"])
def test_sorted_without_overlaps(kind):
    records = _gold(kind)
    assert records == sorted(records, key=lambda r: (r["file"], r["start"], r["end"]))
    for a, b in zip(records, records[1:]):
        if a["file"] == b["file"]:
            assert a["end"] <= b["start"], f"overlap: {a} / {b}"


@pytest.mark.parametrize("kind", ["entities", "numbers"])
def test_spans_are_whole_words(kind, articles):
    for r in _gold(kind):
        text = articles[r["file"]].text
        assert not text[r["start"] - 1].isalnum(), r
        assert not text[r["end"]].isalnum(), r
        assert r["text"] == r["text"].strip(), r


def test_entity_fields(articles):
    records = _gold("entities")
    for r in records:
        assert set(r) == {"file", "start", "end", "text", "type", "id", "metonym"}, r
        assert r["type"] in ENTITY_TYPES, r
        assert SLUG.fullmatch(r["id"]), r
        assert isinstance(r["metonym"], bool), r
        if r["metonym"]:
            assert r["type"] == "PLACE" and r["id"] in CAPITALS, r
        if r["type"] == "NORP":
            assert r["id"] in COUNTRIES, r
    # every article has names, and every mention type occurs somewhere
    assert {r["file"] for r in records} == set(articles)
    assert {r["type"] for r in records} == ENTITY_TYPES


def test_entity_judgement_calls():
    by_text = {}
    for r in _gold("entities"):
        by_text.setdefault(r["text"], set()).add((r["type"], r["id"]))
    assert by_text["Rus"] == {("PERSON", "vladimir-putin")}
    assert by_text["Sung Kim"] == {("PERSON", "sung-kim")}
    assert by_text["Sara Sanders"] == {("PERSON", "sarah-sanders")}
    assert by_text["Kim"] == {("PERSON", "kim-jong-un"), ("PERSON", "kim-yong-chol")}
    assert by_text["VN-Veiligheidsraad"] == {("ORG", "un-security-council")}
    assert by_text["Koreaanse oorlog"] == {("EVENT", "korean-war")}
    assert by_text["Amerikaans"] == {("NORP", "united-states")}
    assert "Woordvoerder" not in by_text and "Juche" not in by_text
    kims = [r for r in _gold("entities") if r["id"] == "kim-yong-chol"]
    assert [r["text"] for r in kims] == ["Kim Yong-chol", "Kim"]


def test_quote_fields(articles):
    for r in _gold("quotes"):
        text = articles[r["file"]].text
        opener = ",," if r["text"].startswith(",,") else r["text"][0]
        assert r["text"].endswith(QUOTE_PAIRS[opener]), r
        assert r["content_start"] == r["start"] + len(opener) and r["content_end"] == r["end"] - 1, r
        assert text[r["content_start"] : r["content_end"]] == r["content"], r
        assert r["kind"] in {"sentence", "fragment", "scare_quote"}, r
        if r["kind"] == "scare_quote":
            assert r["speaker"] is None, r
        else:
            assert r["speaker"] and SLUG.fullmatch(r["speaker"]), r


def test_every_quotation_mark_is_in_a_quote(articles):
    quotes = _gold("quotes")
    for article in articles.values():
        covered = set()
        for q in quotes:
            if q["file"] == article.file:
                covered.update(range(q["start"], q["end"]))
        for m in re.finditer(r"[„“”\"‘]|(?<!\w)'|'(?!\w)", article.text):
            assert m.start() in covered, (article.number, article.text[m.start() - 20 : m.end() + 20])


def test_quote_speakers_are_known_entities():
    entity_ids = {r["id"] for r in _gold("entities")}
    speakers = Counter(r["speaker"] for r in _gold("quotes"))
    assert set(speakers) - {None} <= entity_ids
    assert speakers["donald-trump"] == 6 and speakers["choe-son-hui"] == 7


def test_number_fields():
    records = _gold("numbers")
    for r in records:
        assert isinstance(r["value"], (int, float)) and r["value"] > 0, r
        assert r["unit"] is None or (isinstance(r["unit"], str) and r["unit"].islower()), r
        assert r["kind"] in {"cardinal", "ordinal"}, r
        # years in dates are time expressions, never numbers
        assert not re.fullmatch(r"(19|20)\d\d", r["text"]), r
    values = {r["text"]: r["value"] for r in records}
    assert values["34 miljoen dollar"] == 34_000_000
    assert values["50.000"] == 50_000
    assert values["driedaagse"] == 3 and values["35-jarige"] == 35


def test_jsonl_files_match_the_specs():
    script = GOLD / "make_gold.py"
    done = subprocess.run([sys.executable, str(script), "--check"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_make_gold_fails_loudly_on_a_missing_text():
    sys.path.insert(0, str(GOLD))
    try:
        import make_gold
    finally:
        sys.path.remove(str(GOLD))
    text = "Kim en Kims vriend Kim"
    assert make_gold.locate(text, "Kims", 0, "t") == (7, 11)
    assert make_gold.locate(text, "Kim", 1, "t") == (19, 22)
    assert make_gold.locate(text, "Kim @2", 0, "t") == (19, 22)
    assert make_gold.locate(text, "[Kim] en", 0, "t") == (0, 3)
    with pytest.raises(make_gold.SpecError, match="not found"):
        make_gold.locate(text, "Trump", 0, "t")
    with pytest.raises(make_gold.SpecError, match="occurs 2 times"):
        make_gold.locate(text, "Kim @3", 0, "t")
