"""Quality gates: the annotators against the hand-made gold in tests/gold/.

Targets (from the project issue): entities F1 >= 0.97 on exact span, type and
id; quote speakers >= 0.95 over the gold quotes; numbers F1 >= 0.95 on exact
span and value. While an annotator module is missing, its test is skipped.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from dossier_lib.corpus import load_dossier
from dossier_lib.evaluation import evaluate, predict, read_jsonl, score_entities

GOLD = Path(__file__).resolve().parent / "gold"


def _predict(kind: str, dossier) -> list[dict]:
    return predict(kind, dossier)


def _show(records) -> str:
    return "\n".join(
        f"  {r.get('file', '')[:3]} {r['start']}-{r['end']} {r['text']!r} "
        f"{ {k: v for k, v in r.items() if k not in {'file', 'start', 'end', 'text'}} }"
        for r in records
    )


@pytest.fixture(scope="module")
def dossier():
    return load_dossier()


def test_entities_f1(dossier):
    predicted = _predict("entities", dossier)
    score = evaluate("entities", predicted, read_jsonl(GOLD / "entities.jsonl"))
    assert score.f1 >= 0.97, (
        f"F1 {score.f1:.3f} (P {score.precision:.3f}, R {score.recall:.3f})\n"
        f"missed:\n{_show(score.misses)}\nfalse positives:\n{_show(score.false_positives)}"
    )


def test_quote_speakers(dossier):
    predicted = _predict("quotes", dossier)
    score = evaluate("quotes", predicted, read_jsonl(GOLD / "quotes.jsonl"))
    wrong = "\n".join(f"  {g['file'][:3]} {g['text'][:40]!r}: {s} (gold {g['speaker']})" for g, s in score.wrong)
    assert score.accuracy >= 0.95, (
        f"speaker accuracy {score.accuracy:.3f}\nwrong speaker:\n{wrong}\n"
        f"no quote with the gold span:\n{_show(score.unmatched)}"
    )


def test_numbers_f1(dossier):
    predicted = _predict("numbers", dossier)
    score = evaluate("numbers", predicted, read_jsonl(GOLD / "numbers.jsonl"))
    assert score.f1 >= 0.95, (
        f"F1 {score.f1:.3f} (P {score.precision:.3f}, R {score.recall:.3f})\n"
        f"missed:\n{_show(score.misses)}\nfalse positives:\n{_show(score.false_positives)}"
    )


def test_gold_ids_are_in_the_knowledge_base():
    from dossier_lib.data import load_yaml

    text = repr(load_yaml("kb.yaml"))
    ids = {r["id"] for r in read_jsonl(GOLD / "entities.jsonl")}
    missing = sorted(i for i in ids if f"'{i}'" not in text)
    assert not missing, f"ids in the gold but not in kb.yaml: {missing}"


def test_scores_use_file_offsets_and_exact_keys():
    gold = [{"file": "a", "start": 0, "end": 3, "type": "PERSON", "id": "x", "text": "Kim"}]
    same_offsets_other_file = [{**gold[0], "file": "b"}]
    assert score_entities(gold, gold).f1 == 1.0
    assert score_entities(same_offsets_other_file, gold).f1 == 0.0


def test_score_counts_misses_and_false_positives_for_dataclasses():
    from dataclasses import dataclass

    from dossier_lib.evaluation import score_numbers, with_file

    @dataclass(frozen=True)
    class Number:
        start: int
        end: int
        text: str
        value: float

    gold = [
        {"file": "f", "start": 0, "end": 4, "text": "twee", "value": 2},
        {"file": "f", "start": 10, "end": 13, "text": "één", "value": 1},
    ]
    predicted = with_file([Number(0, 4, "twee", 2.0), Number(20, 24, "vijf", 5)], "f")
    score = score_numbers(predicted, gold)
    assert (score.true_positives, score.precision, score.recall) == (1, 0.5, 0.5)
    assert score.f1 == pytest.approx(0.5)
    assert [r["text"] for r in score.misses] == ["één"]
    assert [r["text"] for r in score.false_positives] == ["vijf"]
    twice = score_numbers(predicted[:1] * 2, gold)
    assert (twice.true_positives, twice.predicted, len(twice.false_positives)) == (1, 2, 1)


def test_quote_speaker_needs_the_same_span_and_speaker():
    from dossier_lib.evaluation import score_quotes

    gold = [
        {"start": 0, "end": 9, "text": "“a”", "speaker": "donald-trump"},
        {"start": 20, "end": 30, "text": "“b”", "speaker": None},
        {"start": 40, "end": 50, "text": "“c”", "speaker": "choe-son-hui"},
    ]
    predicted = [
        {"start": 0, "end": 9, "text": "“a”", "speaker": "donald-trump"},
        {"start": 20, "end": 30, "text": "“b”", "speaker": "kim-jong-un"},
        {"start": 41, "end": 50, "text": "c”", "speaker": "choe-son-hui"},
    ]
    score = score_quotes(predicted, gold)
    assert score.correct == 1 and score.accuracy == pytest.approx(1 / 3)
    assert [(g["text"], s) for g, s in score.wrong] == [("“b”", "kim-jong-un")]
    assert [g["text"] for g in score.unmatched] == ["“c”"]


def test_bad_input_gets_a_dutch_message(tmp_path):
    from dossier_lib.evaluation import evaluate, score_entities

    with pytest.raises(ValueError, match="mist het veld 'id'"):
        score_entities([{"start": 0, "end": 1, "type": "PERSON"}], [])
    with pytest.raises(ValueError, match="Onbekende soort"):
        evaluate("dates", [], [])
    broken = tmp_path / "x.jsonl"
    broken.write_text('{"start": 1}\n{kapot\n', encoding="utf-8")
    with pytest.raises(ValueError, match="regel 2"):
        read_jsonl(broken)
