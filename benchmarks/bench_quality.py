"""Print how well the annotators match the hand-made gold, per kind and per article.

Run:  .venv/bin/python benchmarks/bench_quality.py [entities|quotes|numbers ...]
Lists every difference, so a failing quality gate is easy to look into.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from dossier_lib.corpus import load_dossier  # noqa: E402
from dossier_lib.evaluation import ANNOTATORS, evaluate, predict, read_jsonl  # noqa: E402

GOLD = ROOT / "tests" / "gold"
TARGETS = {"entities": 0.97, "quotes": 0.95, "numbers": 0.95}
#: fields that are not scored but worth a look when the spans agree
EXTRA_FIELDS = {"entities": ("metonym",), "quotes": ("kind", "content"), "numbers": ("unit", "kind")}


def _line(r: dict) -> str:
    extra = {
        k: v
        for k, v in r.items()
        if k not in {"file", "start", "end", "text", "content", "content_start", "content_end"}
    }
    return f"    {r.get('file', '')[:3]} {r['start']:>5}-{r['end']:<5} {r['text'][:60]!r} {extra}"


def _figure(kind: str, result) -> tuple[float, str]:
    if kind == "quotes":
        s = result.spans
        return result.accuracy, (
            f"speakers {result.correct}/{result.gold} = {result.accuracy:.3f}; "
            f"spans P {s.precision:.3f} R {s.recall:.3f} F1 {s.f1:.3f}"
        )
    return result.f1, (
        f"P {result.precision:.3f} R {result.recall:.3f} F1 {result.f1:.3f} "
        f"({result.true_positives} right, {result.predicted} found, {result.gold} gold)"
    )


def report(kind: str, dossier) -> bool:
    print(f"== {kind}")
    try:
        predicted = predict(kind, dossier)
    except ModuleNotFoundError as exc:
        print(f"  skipped: {ANNOTATORS[kind][0]} is missing ({exc})")
        return True
    gold = read_jsonl(GOLD / f"{kind}.jsonl")
    total = evaluate(kind, predicted, gold)
    value, text = _figure(kind, total)
    ok = value >= TARGETS[kind]
    print(f"  all articles: {text}  target {TARGETS[kind]} {'OK' if ok else 'BELOW TARGET'}")
    for article in dossier:
        mine = [r for r in predicted if r["file"] == article.file]
        theirs = [r for r in gold if r["file"] == article.file]
        print(f"  {article.number}: {_figure(kind, evaluate(kind, mine, theirs))[1]}")
    if kind == "quotes":
        for g, speaker in total.wrong:
            print(f"  wrong speaker: {speaker!r} instead of {g['speaker']!r}:")
            print(_line(g))
        for label, rows in (
            ("gold quote not found", total.unmatched),
            ("quote not in gold", total.spans.false_positives),
        ):
            for r in rows:
                print(f"  {label}:")
                print(_line(r))
    else:
        for label, rows in (("missed (gold)", total.misses), ("false positive", total.false_positives)):
            if rows:
                print(f"  {label}: {len(rows)}")
                for r in rows:
                    print(_line(r))
    extra = _field_differences(kind, predicted, gold)
    print(f"  same span, other {'/'.join(EXTRA_FIELDS[kind])} (not scored): {len(extra)}")
    for line in extra:
        print(line)
    return ok


def _field_differences(kind: str, predicted: list[dict], gold: list[dict]) -> list[str]:
    by_span = {(r["file"], r["start"], r["end"]): r for r in predicted}
    lines = []
    for g in gold:
        p = by_span.get((g["file"], g["start"], g["end"]))
        for name in EXTRA_FIELDS[kind] if p else ():
            if p.get(name) != g.get(name):
                lines.append(
                    f"    {g['file'][:3]} {g['text'][:40]!r} {name}: gold {g.get(name)!r}, found {p.get(name)!r}"
                )
    return lines


def main(argv: list[str]) -> int:
    kinds = [k for k in argv if k in TARGETS] or list(TARGETS)
    dossier = load_dossier()
    results = [report(kind, dossier) for kind in kinds]
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
