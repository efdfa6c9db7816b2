"""Print how well the annotators match hand-made gold: the five bundled articles, and text the rules never saw.

Run:  .venv/bin/python benchmarks/bench_quality.py [entities|quotes|numbers|dates|events ...] [--set bundled|dev|holdout] [-v]

Three sets, each scored on its own:
- bundled: the five articles in seeds/ (gold in tests/gold/);
- dev:     eight self-written articles the rules were tuned on (tests/devset/dev/);
- holdout: four more, written at the same time, only measured, never tuned on (tests/devset/holdout/).

Per kind: precision, recall and F1 (entities also per type, known names apart from unknown ones,
and "known id for an unknown person"); quote speaker accuracy and how many wrong speakers were
given (a wrong name is worse than none); dates found and resolved right, and past events placed
after their article; timeline links of the teacher's articles. With -v every difference is listed.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from dossier_lib.corpus import load_dossier  # noqa: E402
from dossier_lib.evaluation import (  # noqa: E402
    evaluate,
    known_id_for_unknown,
    predict,
    read_jsonl,
    score,
    score_by_type,
    score_dates,
    score_known_entities,
    score_unknown_names,
)

GOLD = ROOT / "tests" / "gold"
DEVSET = ROOT / "tests" / "devset"
KINDS = ("entities", "quotes", "numbers", "dates", "events")
#: The aims: for the bundled five (the quality gates of tests/test_quality.py) and for unseen text.
TARGETS = {"entities": 0.97, "quotes": 0.95, "numbers": 0.95}
UNSEEN_TARGETS = {"entities": 0.97, "quotes": 0.90}


def load_set(name: str):
    """(dossier, gold folder) of one set."""
    if name == "bundled":
        return load_dossier(), GOLD
    return load_dossier(DEVSET / name, bundled=False), DEVSET


def _gold(folder: Path, kind: str, dossier) -> list[dict]:
    path = folder / f"{kind}.jsonl"
    if not path.exists():
        return []
    files = {a.file for a in dossier}
    return [r for r in read_jsonl(path) if r["file"] in files]


def _line(r: dict) -> str:
    extra = {
        k: v
        for k, v in r.items()
        if k in ("type", "id", "speaker", "value", "unit", "resolution", "date_from", "date_to")
    }
    return f"      {r.get('file', '')[:24]:24} {r['start']:>5}-{r['end']:<5} {r['text'][:50]!r} {extra}"


def _prf(s) -> str:
    return f"P {s.precision:.3f} R {s.recall:.3f} F1 {s.f1:.3f} ({s.true_positives} right, {s.predicted} found, {s.gold} gold)"


def report_entities(dossier, gold, verbose, unseen) -> bool:
    predicted = predict("entities", dossier)
    known = score_known_entities(predicted, gold)
    target = (UNSEEN_TARGETS if unseen else TARGETS)["entities"]
    print(f"  known names: {_prf(known)}  aim {target} {'OK' if known.f1 >= target else 'BELOW AIM'}")
    for t, s in score_by_type(
        [r for r in predicted if r["type"] != "UNKNOWN"], [r for r in gold if r["type"] != "UNKNOWN"]
    ).items():
        print(f"    {t:8} {_prf(s)}")
    wrong = known_id_for_unknown(predicted, gold)
    ok = known.f1 >= target and not wrong
    if any(r["type"] == "UNKNOWN" for r in gold):
        print(f"  unknown names (whole name as UNKNOWN): {_prf(score_unknown_names(predicted, gold))}")
        print(f"  known id given to an unknown person: {len(wrong)}  aim 0 {'OK' if not wrong else 'BELOW AIM'}")
    else:
        extra = [r for r in predicted if r["type"] == "UNKNOWN"]
        print(f"  UNKNOWN names found (the gold has none): {len(extra)}")
    if verbose:
        for label, rows in (
            ("missed", known.misses),
            ("false positive", known.false_positives),
            ("known id for unknown", wrong),
        ):
            for r in rows:
                print(f"    {label}:\n{_line(r)}")
        u = score_unknown_names(predicted, gold)
        for label, rows in (("unknown missed", u.misses), ("unknown false positive", u.false_positives)):
            for r in rows:
                print(f"    {label}:\n{_line(r)}")
    return ok


def report_quotes(dossier, gold, verbose, unseen) -> bool:
    predicted = predict("quotes", dossier)
    s = evaluate("quotes", predicted, gold)
    target = (UNSEEN_TARGETS if unseen else TARGETS)["quotes"]
    given_wrong = sum(1 for _, speaker in s.wrong if speaker is not None)
    print(
        f"  speakers {s.correct}/{s.gold} = {s.accuracy:.3f}  aim {target} {'OK' if s.accuracy >= target else 'BELOW AIM'}; "
        f"wrong person named: {given_wrong}, left empty where the gold has one: {len(s.wrong) - given_wrong}"
    )
    print(f"  quote spans: {_prf(s.spans)}")
    kinds = {(r["file"], r["start"]): r for r in predicted}
    same_kind = sum(1 for g in gold if kinds.get((g["file"], g["start"]), {}).get("kind") == g["kind"])
    print(f"  kind (sentence/fragment/scare_quote) right: {same_kind}/{len(gold)} (not scored)")
    if verbose:
        for g, speaker in s.wrong:
            print(f"    speaker {speaker!r} instead of {g['speaker']!r}:\n{_line(g)}")
        for label, rows in (("gold quote not found", s.unmatched), ("quote not in gold", s.spans.false_positives)):
            for r in rows:
                print(f"    {label}:\n{_line(r)}")
    return s.accuracy >= target


def report_numbers(dossier, gold, verbose, unseen) -> bool:
    predicted = predict("numbers", dossier)
    s = evaluate("numbers", predicted, gold)
    print(f"  {_prf(s)}" + ("" if unseen else f"  target {TARGETS['numbers']}"))
    if verbose:
        for label, rows in (("missed", s.misses), ("false positive", s.false_positives)):
            for r in rows:
                print(f"    {label}:\n{_line(r)}")
    return unseen or s.f1 >= TARGETS["numbers"]


def report_dates(dossier, gold, verbose, unseen) -> bool:
    if not gold:
        print("  (no date gold for this set)")
        return True
    predicted = predict("dates", dossier)
    months = {a.file: (a.year, a.month) for a in dossier}
    s = score_dates(predicted, gold, months)
    print(f"  spans: {_prf(s.spans)}")
    print(f"  resolved to the gold dates: {s.correct}/{s.spans.gold} = {s.accuracy:.3f} (of {s.matched} spans found)")
    print(
        f"  past event placed after its article: {len(s.after_article)}  aim 0 {'OK' if not s.after_article else 'BELOW AIM'}"
    )
    if verbose:
        for g, p in s.wrong:
            print(
                f"    gold {g['resolution']} {g['date_from']}..{g['date_to']}, found {p['resolution']} {p['date_from']}..{p['date_to']}:\n{_line(g)}"
            )
        for label, rows in (("missed", s.spans.misses), ("not in gold", s.spans.false_positives)):
            for r in rows:
                print(f"    {label}:\n{_line(r)}")
    return not s.after_article


def report_events(dossier, folder, verbose) -> bool:
    path = folder / "specs" / "events.txt"
    if not path.exists():
        print("  (no event gold for this set: the bundled five are linked by hand)")
        return True
    from dossier_lib.annotate.event_links import article_links

    wanted = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            label, ids = line.split(":", 1)
            wanted[label.strip()] = {i.strip() for i in ids.split(",") if i.strip()}
    gold = [
        {"file": a.label, "start": 0, "end": 0, "event": e} for a in dossier for e in sorted(wanted.get(a.label, ()))
    ]
    found = [
        {"file": a.label, "start": 0, "end": 0, "event": e}
        for a in dossier
        for e in sorted({lk.event_id for lk in article_links(a)})
    ]
    s = score(found, gold, ("start", "end", "event"))
    print(f"  articles linked to the events they report: {_prf(s)}")
    if verbose:
        for label, rows in (("missed", s.misses), ("wrong link", s.false_positives)):
            for r in rows:
                print(f"    {label}: {r['file']} -> {r['event']}")
    return True


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    sets = (
        [argv[argv.index("--set") + 1]]
        if "--set" in argv
        else ["bundled", "dev", "holdout", "holdout2", "holdout3", "holdout4"]
    )
    kinds = [k for k in argv if k in KINDS] or list(KINDS)
    results = []
    for name in sets:
        dossier, folder = load_set(name)
        unseen = name != "bundled"
        print(f"===== {name}: {len(dossier)} articles ({', '.join(a.label for a in dossier)})")
        for kind in kinds:
            print(f"== {kind}")
            if kind == "events":
                results.append(report_events(dossier, folder, verbose))
                continue
            gold = _gold(folder, kind, dossier)
            report = {
                "entities": report_entities,
                "quotes": report_quotes,
                "numbers": report_numbers,
                "dates": report_dates,
            }
            results.append(report[kind](dossier, gold, verbose, unseen))
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
