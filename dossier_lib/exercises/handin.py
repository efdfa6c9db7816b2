"""`inleveren()`: hand in a lesson as one HTML file (to read) and one JSON file (for the gradebook).

The hand-in lists the lesson's exercises in lesson order ("Opdracht 1", ...), each with its
question (for evidence: the claim), the answer as the student wrote it ("niet beantwoord" when
there is none), the feedback the student saw, tries and hints; reflections in full with their
word counts. The score counts only what the computer checks: reflections and exercises of an
"Extra" part are listed, not counted, and worked examples are not in the hand-in at all.

The JSON carries the raw answers, so the teacher's gradebook checks every answer again with the
key (`grade_answer`); its summary is for people and never trusted.

Where it goes: ``$DOSSIER_INLEVEREN`` when set (on a school hub, per student), else ``inleveren/``
in the working folder. The HTML is self-contained (inline CSS, no scripts, no links) and every
piece of student text is escaped. An existing hand-in is never overwritten: a new one gets a
suffix (-2, -3 ...).
"""

from __future__ import annotations

import datetime as dt
import html
import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from .. import palette
from ..nl import meervoud
from .identity import StudentNameError, can_change_name, clean_name, current_student, set_student
from .progress import STATUS_WORDS, entries, presenting
from .registry import lesson_exercises

FOLDER_VAR = "DOSSIER_INLEVEREN"
FORMAT = "dossier-inlevering"
FORMAT_VERSION = 2


def handin_folder() -> Path:
    """Where hand-ins are written: ``$DOSSIER_INLEVEREN``, else ``inleveren/`` in the working folder."""
    return Path(os.environ[FOLDER_VAR]) if os.environ.get(FOLDER_VAR) else Path.cwd() / "inleveren"


def on_binder() -> bool:
    """True on mybinder.org and other BinderHubs: files there are gone when the session ends."""
    return any(name.startswith("BINDER_") for name in os.environ)


def _van_de(n: int, one: str, many: str) -> str:
    """ "Van de 5 opdrachten", "Van de ene opdracht"."""
    return f"Van de ene {one}" if n == 1 else f"Van de {n} {many}"


@dataclass(frozen=True)
class HandIn:
    """The result of `inleveren`: the files written, or why nothing was written."""

    ok: bool
    message: str
    html_path: Path | None = None
    json_path: Path | None = None
    data: dict = field(default_factory=dict, repr=False)

    def _repr_html_(self) -> str:
        from ..display import box

        lines = [self.message]
        if self.ok and on_binder():
            lines.append(
                "Let op: je werkt op Binder. Als je stopt, is alles weg. Download je inlevering nu: klik links in "
                "de bestandenlijst met de rechtermuisknop op het bestand en kies Download."
            )
        return box("goed" if self.ok else "ongeldig", "Ingeleverd" if self.ok else "Nog niet ingeleverd", lines).html

    def __str__(self) -> str:
        return self.message

    __repr__ = __str__


def collect(lesson: str) -> dict:
    """Everything a hand-in of `lesson` holds for the student working now (format 2)."""
    from .. import __version__

    student = current_student()
    stored = entries(lesson, student)
    rows = []
    for ex in lesson_exercises(lesson):
        e = stored.get(ex.id, {})
        answered = e.get("status") not in (None, "leeg")
        rows.append(
            {
                "id": ex.id,
                "nummer": ex.number,
                "label": ex.label,
                "soort": ex.kind,
                "vraag": ex.question,
                "bewering": ex.claim or None,
                "beantwoord": answered,
                "antwoord": e.get("antwoord") if answered else None,
                "antwoord_tekst": e.get("antwoord_tekst", "niet beantwoord") if answered else "niet beantwoord",
                "status": e.get("status", "niet beantwoord") if answered else "niet beantwoord",
                "feedback": e.get("feedback", "") if answered else "",
                "pogingen": int(e.get("pogingen", 0) or 0),
                "hints": int(e.get("hints", 0) or 0),
                "woorden": e.get("woorden") if ex.kind == "reflection" and answered else None,
                "nagekeken": ex.graded,
                "extra": ex.extra,
            }
        )
    graded = [r for r in rows if r["nagekeken"] and not r["extra"]]
    return {
        "format": FORMAT,
        "versie": FORMAT_VERSION,
        "pakket": __version__,
        "les": lesson,
        "leerling": {"id": student.id, "naam": student.name, "bron": student.source} if student else None,
        "datum": dt.datetime.now().isoformat(timespec="seconds"),
        "opdrachten": rows,
        "samenvatting": {
            "goed": sum(1 for r in graded if r["status"] == "goed"),
            "nagekeken": len(graded),
            "beantwoord": sum(1 for r in rows if r["beantwoord"]),
            "reflecties": sum(1 for r in rows if r["soort"] == "reflection" and r["beantwoord"]),
        },
    }


_CSS = (
    "body{font-family:system-ui,sans-serif;max-width:60em;margin:2em auto;padding:0 1em;color:%(text)s;line-height:1.45}"
    "h1{font-size:1.5em}table{border-collapse:collapse;width:100%%;table-layout:fixed}"
    "td,th{border:1px solid #ccc;padding:6px 8px;text-align:left;vertical-align:top;overflow-wrap:anywhere}"
    "th{background:#f0f0f0}col.nr{width:9em}col.res{width:9em}col.n{width:5em}"
    ".goed{color:%(good)s;font-weight:bold}.fout{color:%(bad)s;font-weight:bold}"
    ".antwoord{white-space:pre-wrap;background:#f7f7f7;padding:6px;margin:4px 0;font-family:inherit}"
    ".vraag{color:#444}.feedback{font-size:.95em;color:#333}"
)


def render_html(data: dict) -> str:
    """The hand-in as one self-contained, escaped HTML page: readable on one screen, long text wraps."""
    e = html.escape
    student = (data.get("leerling") or {}).get("naam", "?")
    title = f"Inlevering {student} — les {data['les']}"
    summary = data["samenvatting"]
    rows = []
    for r in data["opdrachten"]:
        css = {"goed": "goed", "fout": "fout"}.get(r["status"], "")
        result = STATUS_WORDS.get(r["status"], r["status"])
        if r["soort"] == "reflection":
            result = (
                f"bewaard ({meervoud(r['woorden'] or 0, 'woord', 'woorden')})" if r["beantwoord"] else "niet beantwoord"
            )
        question = e(r["vraag"]) + (f"<br><i>Bewering:</i> {e(r['bewering'])}" if r.get("bewering") else "")
        feedback = f'<div class="feedback">{e(r["feedback"])}</div>' if r["feedback"] else ""
        answer = r["antwoord_tekst"]
        if r["soort"] == "reflection" and r["beantwoord"] and isinstance(r.get("antwoord"), str):
            answer = r["antwoord"]  # a written text in full, as typed (antwoord_tekst is a short form)
        rows.append(
            f"<tr><td><b>{e(r['label'])}</b><br><small>{e(r['id'])}</small></td>"
            f'<td><div class="vraag">{question}</div><div class="antwoord">{e(answer)}</div>{feedback}</td>'
            f'<td class="{css}">{e(result)}</td><td>{r["pogingen"]}</td><td>{r["hints"]}</td></tr>'
        )
    table = (
        '<table><colgroup><col class="nr"><col><col class="res"><col class="n"><col class="n"></colgroup>'
        "<tr><th>Opdracht</th><th>Vraag en antwoord</th><th>Resultaat</th><th>Pogingen</th><th>Hints</th></tr>"
        + "".join(rows)
        + "</table>"
    )
    css = _CSS % {
        "text": palette.TEXT,
        "good": palette.STATUS_COLORS["goed"][0],
        "bad": palette.STATUS_COLORS["fout"][0],
    }
    when = data["datum"].replace("T", " om ")
    return (
        '<!DOCTYPE html>\n<html lang="nl"><head><meta charset="utf-8">'
        f"<title>{e(title)}</title><style>{css}</style></head><body>"
        f"<h1>{e(title)}</h1><p>Ingeleverd op {e(when)}. Goed: {summary['goed']} van de {summary['nagekeken']} "
        f"opdrachten die de computer nakijkt; {summary['reflecties']} open vragen beantwoord. "
        + ("Extra-opdrachten tellen niet mee. " if any(r.get("extra") for r in data["opdrachten"]) else "")
        + "De docent kijkt alle antwoorden opnieuw na.</p>"
        f"{table}</body></html>\n"
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


def _lesson(les: object) -> str | None:
    if les is None:
        from ..les import current_lesson

        return current_lesson()
    text = str(les).strip()
    return f"{int(text):02d}" if text.isdigit() else None


def inleveren(naam: object = None, les: object = None) -> HandIn:
    """Hand in this lesson: an HTML and a JSON file for your teacher (see handin_folder())."""
    if presenting():
        return HandIn(False, "Dit is de presentatie van de les: hier lever je niets in.")
    lesson = _lesson(les)
    if lesson is None:
        return HandIn(False, 'Welke les lever je in? Schrijf het lesnummer, bijvoorbeeld inleveren(les="06").')
    if not lesson_exercises(lesson):
        return HandIn(False, f'Les {lesson} ken ik niet. Schrijf het lesnummer, bijvoorbeeld inleveren(les="06").')
    student = current_student()
    if naam is not None and naam is not Ellipsis:
        try:
            typed = clean_name(naam)
        except StudentNameError as exc:
            return HandIn(False, str(exc))
        if student is None and can_change_name():
            student = set_student(typed)
        elif student is not None and typed.lower() != student.name.lower():
            return HandIn(
                False,
                f"Je werkt in deze map als {student.name}. Ben je dat niet? Vul dan bovenaan de les (in de eerste "
                "cel) je eigen naam in, en lever daarna in met inleveren().",
            )
    if student is None:
        return HandIn(
            False, "Vul eerst bovenaan de les je naam in (in de eerste cel). Lever daarna in met inleveren()."
        )
    folder = handin_folder()
    try:
        data = collect(lesson)
        folder.mkdir(parents=True, exist_ok=True)
        stem = f"{lesson}_{student.id}_{data['datum'][:10]}"
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
            f"Inleveren lukte niet: de map {folder} is niet beschrijfbaar ({exc.strerror}). "
            "Vraag je docent waar je moet inleveren.",
        )
    s = data["samenvatting"]
    open_questions = sum(1 for r in data["opdrachten"] if r["soort"] == "reflection")
    message = (
        f"{student.name}, je werk van les {lesson} is ingeleverd. "
        f"{_van_de(s['nagekeken'], 'opdracht', 'opdrachten')} die de computer nakijkt, "
        f"heb je er {s['goed']} goed"
        + (" (Extra-opdrachten tellen niet mee)" if any(r.get("extra") for r in data["opdrachten"]) else "")
        + f". Open vragen beantwoord: {s['reflecties']} van de {open_questions}. "
        f"Je docent krijgt {html_path.name} (in de map {folder.name})."
    )
    return HandIn(True, message, html_path, json_path, data)
