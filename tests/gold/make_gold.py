"""Turn the readable gold specs in tests/gold/specs/ into offset files (*.jsonl).

Why: offsets are easy to get wrong by hand, names and quotes are not. We write
what a reader sees (article, exact text, fields) and let this script find it.

Spec format (one file per kind, see README.md):

    == 000                                  start of an article (its number)
    Kim | PERSON | kim-jong-un              text | fields ...
    # a comment line

Finding the text: the next occurrence at or after the previous spec of the same
article (specs are written in reading order), bounded by non-letters on both
sides, so "Kim" never matches inside "Kims". Extras in the text field:

    Kim @3          the 3rd bounded occurrence in the whole article instead
    zei [Kim] dat   only the bracketed part is the span; the rest is context
    „Ik doe ... doe”   (quotes) from the first part up to the next end part

Run:  .venv/bin/python tests/gold/make_gold.py      (writes the .jsonl files)
      .venv/bin/python tests/gold/make_gold.py --check   (fails if they are stale)
      .venv/bin/python tests/gold/make_gold.py --set devset [--check]
                                  (the dev set in tests/devset/: its own specs and .jsonl files)
Any spec whose text is not found stops the script with a clear message.
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

GOLD = Path(__file__).resolve().parent
ROOT = GOLD.parent.parent
DEVSET = ROOT / "tests" / "devset"
sys.path.insert(0, str(ROOT))

from dossier_lib.corpus import load_dossier  # noqa: E402

KINDS = ("entities", "quotes", "numbers", "dates")
ENTITY_TYPES = {"PERSON", "PLACE", "ORG", "NORP", "EVENT"}
#: The dev set also marks names the knowledge base does not know (whole names, id -).
DEVSET_ENTITY_TYPES = ENTITY_TYPES | {"UNKNOWN"}
DATE_RESOLUTIONS = {"day", "month", "year", "range", "weekday-candidates", "unresolved"}
#: The dev set's articles: tuned on (dev) and only measured (holdout).
DEVSET_PARTS = ("dev", "holdout", "holdout2", "holdout3", "holdout4")


def articles_of(gold_set: str) -> dict:
    """label -> Article for one gold set: the five bundled articles, or the dev set's."""
    if gold_set == "devset":
        return {a.label: a for part in DEVSET_PARTS for a in load_dossier(DEVSET / part, bundled=False)}
    return {a.label: a for a in load_dossier()}


def folder_of(gold_set: str) -> Path:
    return DEVSET if gold_set == "devset" else GOLD


QUOTE_KINDS = {"sentence", "fragment", "scare_quote"}
NUMBER_KINDS = {"cardinal", "ordinal"}
QUOTE_MARKS = {"„": "”", "“": "”", '"': '"', "‘": "’", ",,": "'", "'": "'"}


class SpecError(Exception):
    """A spec line that cannot be turned into a record."""


@dataclass
class Spec:
    kind: str
    line: int
    number: str
    text: str
    fields: list[str]


def read_specs(kind: str, gold_set: str = "gold") -> list[Spec]:
    path = folder_of(gold_set) / "specs" / f"{kind}.txt"
    specs: list[Spec] = []
    number = None
    for i, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("=="):
            number = line[2:].strip()
            continue
        if number is None:
            raise SpecError(f"{path.name}:{i}: spec before any '== NNN' article line")
        parts = [p.strip() for p in raw.split(" | ")]
        specs.append(Spec(kind, i, number, parts[0], parts[1:]))
    return specs


def _bounded(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not before.isalnum() and not after.isalnum()


def _occurrences(text: str, needle: str, lo: int):
    i = text.find(needle, lo)
    while i != -1:
        if _bounded(text, i, i + len(needle)) or not needle[0].isalnum() or not needle[-1].isalnum():
            yield i
        i = text.find(needle, i + 1)


def locate(text: str, spec_text: str, cursor: int, where: str) -> tuple[int, int]:
    """The (start, end) of the spec's span in `text`; raise SpecError when not found."""
    m = re.fullmatch(r"(.*?)\s+@(\d+)", spec_text)
    nth = None
    if m:
        spec_text, nth = m.group(1), int(m.group(2))
    if " ... " in spec_text:
        head, tail = spec_text.split(" ... ", 1)
        if nth is not None:
            raise SpecError(f"{where}: '@n' cannot be combined with ' ... '")
        s = text.find(head, cursor)
        if s == -1:
            raise SpecError(f"{where}: begin {head!r} not found after offset {cursor}")
        e = text.find(tail, s + len(head))
        if e == -1:
            raise SpecError(f"{where}: end {tail!r} not found after {head!r}")
        return s, e + len(tail)
    pre, span, post = "", spec_text, ""
    b = re.fullmatch(r"(.*?)\[(.+?)\](.*)", spec_text)
    if b:
        pre, span, post = b.groups()
    literal = pre + span + post
    lo = 0 if nth else max(0, cursor - len(pre))
    hits = [h for h in _occurrences(text, literal, lo) if nth or h + len(pre) >= cursor]
    if nth is not None:
        if len(hits) < nth:
            raise SpecError(f"{where}: {literal!r} occurs {len(hits)} times, not {nth}")
        s = hits[nth - 1]
    else:
        if not hits:
            raise SpecError(f"{where}: {literal!r} not found after offset {cursor}")
        s = hits[0]
    return s + len(pre), s + len(pre) + len(span)


def build(kind: str, gold_set: str = "gold") -> list[dict]:
    articles = articles_of(gold_set)
    records: list[dict] = []
    cursors: dict[str, int] = {}
    for spec in read_specs(kind, gold_set):
        where = f"specs/{kind}.txt:{spec.line}"
        if spec.number not in articles:
            raise SpecError(f"{where}: no article {spec.number}")
        article = articles[spec.number]
        cursor = cursors.get(spec.number, article.body_start)
        start, end = locate(article.text, spec.text, cursor, where)
        if "@" not in spec.text:
            cursors[spec.number] = start + 1
        record = {"file": article.file, "start": start, "end": end, "text": article.text[start:end]}
        record.update(FIELDS[kind](spec, record, where, gold_set, article))
        records.append(record)
    records.sort(key=lambda r: (r["file"], r["start"], r["end"]))
    return records


def _entity_fields(spec: Spec, record: dict, where: str, gold_set: str = "gold", article=None) -> dict:
    if len(spec.fields) not in (2, 3):
        raise SpecError(f"{where}: write 'text | TYPE | id [| metonym]'")
    etype, eid = spec.fields[0], spec.fields[1]
    if etype not in (DEVSET_ENTITY_TYPES if gold_set == "devset" else ENTITY_TYPES):
        raise SpecError(f"{where}: unknown type {etype!r}")
    if (etype == "UNKNOWN") != (eid == "-"):
        raise SpecError(f"{where}: an UNKNOWN name has id '-', a known one an id")
    metonym = len(spec.fields) == 3
    if metonym and spec.fields[2] != "metonym":
        raise SpecError(f"{where}: third field can only be 'metonym'")
    return {"type": etype, "id": None if eid == "-" else eid, "metonym": metonym}


def _date_fields(spec: Spec, record: dict, where: str, gold_set: str = "gold", article=None) -> dict:
    import datetime as dt

    if len(spec.fields) != 3:
        raise SpecError(f"{where}: write 'text | resolution | JJJJ-MM-DD or - | JJJJ-MM-DD or -'")
    resolution, lo, hi = spec.fields
    if resolution not in DATE_RESOLUTIONS:
        raise SpecError(f"{where}: unknown resolution {resolution!r}")
    try:
        date_from = None if lo == "-" else dt.date.fromisoformat(lo).isoformat()
        date_to = None if hi == "-" else dt.date.fromisoformat(hi).isoformat()
    except ValueError as exc:
        raise SpecError(f"{where}: {exc}") from None
    return {"resolution": resolution, "date_from": date_from, "date_to": date_to}


def _quote_fields(spec: Spec, record: dict, where: str, gold_set: str = "gold", article=None) -> dict:
    if len(spec.fields) != 2:
        raise SpecError(f"{where}: write 'quote | kind | speaker-id or -'")
    qkind, speaker = spec.fields
    if qkind not in QUOTE_KINDS:
        raise SpecError(f"{where}: unknown quote kind {qkind!r}")
    text = record["text"]
    opener = ",," if text.startswith(",,") else text[0]
    if opener not in QUOTE_MARKS or not text.endswith(QUOTE_MARKS[opener]):
        raise SpecError(f"{where}: {text[:20]!r} does not start and end with quotation marks")
    start = record["start"] + len(opener)
    end = record["end"] - 1
    return {
        "content_start": start,
        "content_end": end,
        "content": text[len(opener) : -1],
        "kind": qkind,
        "speaker": None if speaker == "-" else speaker,
    }


def _number_fields(spec: Spec, record: dict, where: str, gold_set: str = "gold", article=None) -> dict:
    if len(spec.fields) != 3:
        raise SpecError(f"{where}: write 'text | value | unit or - | cardinal/ordinal'")
    value, unit, nkind = spec.fields
    if nkind not in NUMBER_KINDS:
        raise SpecError(f"{where}: unknown number kind {nkind!r}")
    number = float(value)
    return {
        "value": int(number) if number.is_integer() else number,
        "unit": None if unit == "-" else unit,
        "kind": nkind,
    }


FIELDS = {"entities": _entity_fields, "quotes": _quote_fields, "numbers": _number_fields, "dates": _date_fields}


def render(records: list[dict]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


def main(argv: list[str]) -> int:
    check = "--check" in argv
    gold_set = argv[argv.index("--set") + 1] if "--set" in argv else "gold"
    base = folder_of(gold_set)
    kinds = [k for k in argv if k in KINDS] or [k for k in KINDS if (base / "specs" / f"{k}.txt").exists()]
    stale = []
    for kind in kinds:
        try:
            records = build(kind, gold_set)
        except SpecError as exc:
            print(f"FOUT: {exc}", file=sys.stderr)
            return 1
        out = base / f"{kind}.jsonl"
        content = render(records)
        if check:
            if not out.exists() or out.read_text(encoding="utf-8") != content:
                stale.append(out.name)
        else:
            out.write_text(content, encoding="utf-8")
            print(f"{out.name}: {len(records)} records")
    if stale:
        print("Verouderd (draai make_gold.py): " + ", ".join(stale), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
