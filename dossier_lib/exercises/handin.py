"""`inleveren(naam)`: hand in a lesson as one HTML file (to read) and one JSON file (to process).

The HTML is self-contained (inline CSS, no scripts, no external links) and every
piece of student text is escaped, so an answer like ``<script>`` shows as text.
An existing hand-in is never overwritten: a new one gets a suffix (-2, -3 ...).
"""

from __future__ import annotations

import datetime as dt
import html
import json
import os
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from .progress import ANSWER_LIMIT, entries
from .registry import all_exercises

NAME_LIMIT = 80
_CSS = (
    "body{font-family:system-ui,sans-serif;max-width:50em;margin:2em auto;color:#222;line-height:1.4}"
    "h1{font-size:1.5em}table{border-collapse:collapse;width:100%}"
    "td,th{border:1px solid #ccc;padding:4px 8px;text-align:left;vertical-align:top}"
    "th{background:#f0f0f0}.goed{color:#1a7f37}.fout{color:#b2182b}"
    "pre{white-space:pre-wrap;background:#f7f7f7;padding:6px;margin:0}"
)


@dataclass(frozen=True)
class HandIn:
    """The result of `inleveren`: the files written, or why nothing was written."""

    ok: bool
    message: str
    html_path: Path | None = None
    json_path: Path | None = None
    data: dict = field(default_factory=dict, repr=False)

    def _repr_html_(self) -> str:
        colour = "#1a9850" if self.ok else "#d73027"
        return (
            f'<div style="border-left:6px solid {colour};padding:8px 12px;background:#fafafa;color:#222">'
            f"{html.escape(self.message)}</div>"
        )

    def __str__(self) -> str:
        return self.message

    __repr__ = __str__


def _slug(name: str) -> str:
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")[:40]


def _status_label(entry: dict) -> str:
    if entry.get("last_status") == "bewaard":
        return "bewaard"
    return {True: "goed", False: "nog niet goed"}.get(entry.get("correct"), "niet gedaan")


def _collect(naam: str, les: str | None) -> dict:
    stored = entries(les)
    questions = {ex.id: ex for ex in all_exercises().values()}
    ids = sorted(set(stored) | {i for i, ex in questions.items() if les is None or ex.lesson == les})
    rows = []
    for ex_id in ids:
        e = stored.get(ex_id, {})
        ex = questions.get(ex_id)
        rows.append(
            {
                "opdracht": ex_id,
                "vraag": ex.question if ex else "",
                "soort": ex.kind if ex else "",
                "antwoord": str(e.get("last_answer", ""))[:ANSWER_LIMIT],
                "resultaat": _status_label(e),
                "goed": e.get("correct"),
                "pogingen": int(e.get("attempts", 0) or 0),
                "hints": int(e.get("hints", 0) or 0),
                "reflectie": e.get("reflection"),
            }
        )
    return {
        "naam": naam,
        "les": les,
        "datum": dt.datetime.now().isoformat(timespec="seconds"),
        "opdrachten": rows,
        "goed": sum(1 for r in rows if r["goed"] is True),
        "totaal": len(rows),
    }


def render_html(data: dict) -> str:
    """The hand-in as one self-contained, escaped HTML page."""
    e = html.escape
    title = f"Inlevering {data['naam']}" + (f" — les {data['les']}" if data["les"] else "")
    rows = []
    for r in data["opdrachten"]:
        css = "goed" if r["goed"] is True else "fout" if r["goed"] is False else ""
        answer = r["reflectie"] if r["reflectie"] else r["antwoord"]
        rows.append(
            f"<tr><td>{e(r['opdracht'])}</td><td>{e(r['vraag'])}</td><td><pre>{e(str(answer or ''))}</pre></td>"
            f'<td class="{css}">{e(r["resultaat"])}</td><td>{r["pogingen"]}</td><td>{r["hints"]}</td></tr>'
        )
    table = (
        (
            "<table><tr><th>Opdracht</th><th>Vraag</th><th>Antwoord</th><th>Resultaat</th>"
            "<th>Pogingen</th><th>Hints</th></tr>" + "".join(rows) + "</table>"
        )
        if rows
        else "<p>Er zijn nog geen antwoorden bewaard.</p>"
    )
    return (
        '<!DOCTYPE html>\n<html lang="nl"><head><meta charset="utf-8">'
        f"<title>{e(title)}</title><style>{_CSS}</style></head><body>"
        f"<h1>{e(title)}</h1><p>Ingeleverd op {e(data['datum'].replace('T', ' om '))}. "
        f"Goed: {data['goed']} van {data['totaal']} opdrachten.</p>{table}</body></html>\n"
    )


def _free_paths(folder: Path, stem: str) -> tuple[Path, Path]:
    n = 1
    while True:
        suffix = "" if n == 1 else f"-{n}"
        html_path, json_path = folder / f"{stem}{suffix}.html", folder / f"{stem}{suffix}.json"
        if not html_path.exists() and not json_path.exists():
            return html_path, json_path
        n += 1


def _write_new(path: Path, text: str) -> None:
    """Write a file that must not exist yet ('x' mode), so a hand-in is never overwritten."""
    with open(path, "x", encoding="utf-8") as fh:
        fh.write(text)
        fh.flush()
        os.fsync(fh.fileno())


def inleveren(naam: object = None, les: object = None, map: str | Path = "inleveren") -> HandIn:  # noqa: A002
    """Hand in your work: writes an HTML and a JSON file for your teacher in the folder `map`."""
    if not isinstance(naam, str) or not naam.strip():
        return HandIn(False, 'Vul eerst je naam in, tussen aanhalingstekens: bijvoorbeeld "Sanne de Vries".')
    naam = " ".join(naam.split())
    if len(naam) > NAME_LIMIT or not _slug(naam):
        return HandIn(False, f"Schrijf je naam met gewone letters (hooguit {NAME_LIMIT} tekens).")
    lesson = None
    if les is not None:
        text = str(les).strip()
        if not text.isdigit():
            return HandIn(False, 'Schrijf het lesnummer als getal, bijvoorbeeld les="06" of les=6.')
        lesson = f"{int(text):02d}"
    try:
        data = _collect(naam, lesson)
        folder = Path(map)
        folder.mkdir(parents=True, exist_ok=True)
        stem = f"{lesson or 'alle'}_{_slug(naam)}_{data['datum'][:10]}"
        for _ in range(20):
            html_path, json_path = _free_paths(folder, stem)
            try:
                _write_new(json_path, json.dumps(data, ensure_ascii=False, indent=1) + "\n")
            except FileExistsError:
                continue
            _write_new(html_path, render_html(data))
            break
        else:  # pragma: no cover - twenty hand-ins in the same instant
            return HandIn(False, "Inleveren lukte niet: probeer het nog eens.")
    except OSError as exc:
        return HandIn(
            False,
            f"Inleveren lukte niet: de map {map} is niet beschrijfbaar ({exc.strerror}). "
            "Vraag je docent waar je moet inleveren.",
        )
    done = sum(1 for r in data["opdrachten"] if r["resultaat"] != "niet gedaan")
    message = (
        f"Ingeleverd, {naam}! {done} van de {data['totaal']} opdrachten gedaan, {data['goed']} goed. "
        f"Bestanden: {html_path} en {json_path.name}."
    )
    return HandIn(True, message, html_path, json_path, data)
