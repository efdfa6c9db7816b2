"""`python -m dossier_lib export KIND [--articles FOLDER]`: annotations as JSON Lines on stdout.
With `all`, each record also says which kind it is in the field `annotation`.

Every record has `file`, `start`, `end` (Python string offsets into the article
text, end exclusive) and `text`, plus the fields of its kind. Standoff: the
articles themselves are never changed.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as _dt
import json
import sys
from collections.abc import Iterator

from . import KINDS

#: Kinds that are not per-article annotations but curated data with passages in the articles.
PASSAGE_KINDS = ("events", "claims")
ALL_KINDS = (*KINDS, *PASSAGE_KINDS)


def _plain(value):
    """Make a value JSON-friendly: dates as ISO strings, tuples as lists."""
    if isinstance(value, (_dt.date, _dt.datetime)):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def annotation_records(dossier, kind: str) -> Iterator[dict]:
    """One dict per annotation of `kind`, in article (date) order, then by offset."""
    if kind in KINDS:
        for article in dossier:
            for item in article.annotations.of_kind(kind):
                fields = {f.name: _plain(getattr(item, f.name)) for f in dataclasses.fields(item)}
                yield {"file": article.file, **fields}
    elif kind == "events":
        yield from _event_records(dossier)
    elif kind == "claims":
        yield from _claim_records(dossier)
    else:
        raise KeyError(kind)


def _event_records(dossier) -> Iterator[dict]:
    from .timeline import load_timeline

    files = {a.id: a.file for a in dossier}
    for event in load_timeline(dossier):
        for p in event.passages:
            if p.article_id in files:
                yield {
                    "file": files[p.article_id],
                    "start": p.start,
                    "end": p.end,
                    "text": p.text,
                    "event": event.id,
                    "date_from": _plain(event.date_from),
                    "date_to": _plain(event.date_to),
                    "title": event.title,
                }


def _claim_records(dossier) -> Iterator[dict]:
    from .claims import load_claims

    files = {a.id: a.file for a in dossier}
    for claim in load_claims(dossier):
        for pos in claim.positions:
            if pos.article_id in files:
                yield {
                    "file": files[pos.article_id],
                    "start": pos.start,
                    "end": pos.end,
                    "text": pos.text,
                    "claim": claim.id,
                    "relation": claim.relation,
                    "claimant": pos.claimant,
                    "stance": pos.stance,
                }


def export_main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m dossier_lib export",
        description="Schrijf annotaties als JSON Lines (één record per regel) naar de standaarduitvoer.",
    )
    parser.add_argument("kind", choices=[*ALL_KINDS, "all"], help="welke soort annotaties")
    parser.add_argument("--articles", metavar="MAP", help="map met eigen artikelen (naast de vijf meegeleverde)")
    args = parser.parse_args(argv)

    from .. import DossierFormatError, load_dossier

    try:
        dossier = load_dossier(args.articles)
    except DossierFormatError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        return 1
    kinds = ALL_KINDS if args.kind == "all" else (args.kind,)
    out = sys.stdout
    for kind in kinds:
        for record in annotation_records(dossier, kind):
            if args.kind == "all":
                record = {"annotation": kind, **record}  # `kind` is taken: quotes and numbers have one
            try:
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
            except BrokenPipeError:  # `... | head`: the reader has seen enough
                sys.stderr.close()
                return 0
    return 0
