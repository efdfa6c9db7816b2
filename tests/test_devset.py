"""The dev set in tests/devset/: its gold is consistent, and the annotators meet the aims for unseen text.

The dev set is self-written text in the style of Dutch news about the same events, kept apart
from the five bundled articles (see tests/devset/README.md). The aims (issue 13): known names
F1 >= 0.97, no known id for a person the knowledge base does not know, quote speakers >= 0.90,
and no past event placed after its article. benchmarks/bench_quality.py prints the figures.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from dossier_lib import load_dossier
from dossier_lib.evaluation import (
    evaluate,
    known_id_for_unknown,
    predict,
    read_jsonl,
    score_dates,
    score_known_entities,
)

DEVSET = Path(__file__).resolve().parent / "devset"
PARTS = ("dev", "holdout", "holdout2", "holdout3", "holdout4")


@pytest.fixture(scope="module")
def parts():
    return {part: load_dossier(DEVSET / part, bundled=False) for part in PARTS}


@pytest.fixture(scope="module")
def articles(parts):
    return {a.file: a for dossier in parts.values() for a in dossier}


def _gold(kind: str, dossier=None) -> list[dict]:
    records = read_jsonl(DEVSET / f"{kind}.jsonl")
    if dossier is None:
        return records
    files = {a.file for a in dossier}
    return [r for r in records if r["file"] in files]


def test_the_dev_set_is_apart_from_the_bundled_articles_and_has_at_least_eight_articles(parts):
    bundled = {a.id for a in load_dossier()}
    assert sum(len(d) for d in parts.values()) >= 8
    assert not bundled & {a.id for d in parts.values() for a in d}


@pytest.mark.parametrize("kind", ["entities", "quotes", "numbers", "dates"])
def test_gold_offsets_point_at_the_text_sorted_without_overlaps(kind, articles):
    records = _gold(kind)
    assert records
    for r in records:
        article = articles[r["file"]]
        assert article.body_start <= r["start"] < r["end"] <= len(article.text), r
        assert article.text[r["start"] : r["end"]] == r["text"], r
    assert records == sorted(records, key=lambda r: (r["file"], r["start"], r["end"]))
    for a, b in zip(records, records[1:]):
        if a["file"] == b["file"]:
            assert a["end"] <= b["start"], f"overlap: {a} / {b}"


def test_every_quotation_mark_is_in_a_gold_quote(articles):
    quotes = _gold("quotes")
    for article in articles.values():
        covered = {i for q in quotes if q["file"] == article.file for i in range(q["start"], q["end"])}
        for m in re.finditer(r"[„“”\"‘]|(?<!\w)'|'(?!\w)", article.text[article.body_start :]):
            assert m.start() + article.body_start in covered, (article.label, m.group())


def test_the_gold_files_match_the_specs():
    script = DEVSET.parent / "gold" / "make_gold.py"
    done = subprocess.run([sys.executable, str(script), "--set", "devset", "--check"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize("part", PARTS)
def test_known_names_and_no_known_id_for_an_unknown_person(part, parts):
    dossier = parts[part]
    predicted = predict("entities", dossier)
    gold = _gold("entities", dossier)
    score = score_known_entities(predicted, gold)
    assert score.f1 >= 0.97, (score.misses, score.false_positives)
    assert known_id_for_unknown(predicted, gold) == []


@pytest.mark.parametrize("part", PARTS)
def test_quote_speakers(part, parts):
    dossier = parts[part]
    score = evaluate("quotes", predict("quotes", dossier), _gold("quotes", dossier))
    assert score.accuracy >= 0.90, score.wrong


@pytest.mark.parametrize("part", PARTS)
def test_no_past_event_after_its_article(part, parts):
    dossier = parts[part]
    months = {a.file: (a.year, a.month) for a in dossier}
    score = score_dates(predict("dates", dossier), _gold("dates", dossier), months)
    assert score.after_article == []
    assert score.spans.recall >= 0.9
