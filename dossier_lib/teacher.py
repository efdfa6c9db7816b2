"""Helpers for the teacher guide (lesson 00): the lesson plan and the run-down of each lesson.

The lesson plan is read from the header table of each lesson notebook
(Leerdoelen, Tijd, Voorkennis, Bronnen), so the guide never drifts from the lessons.
The run-down (lesverloop: phases with minutes, the class discussion, what fast and slow
students do) lives in ``dossier_lib/data/lessen/lesverloop.yaml``; the tests check that the
headings it names ("Klassengesprek", "Extra: ...") are in the lessons.

    >>> [p.fase for p in lesson_runs()["06"].phases][-2:]
    ['klassengesprek', 'afronden']
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from .paths import NOTEBOOKS

_ROW = re.compile(r"^\|\s*\*\*(?P<key>[^*]+)\*\*\s*\|\s*(?P<value>.*?)\s*\|\s*$")
_TITLE = re.compile(r"^#\s+(?P<title>.+)$", re.MULTILINE)
HEADER_FIELDS = ("Leerdoelen", "Tijd", "Voorkennis", "Bronnen")


def lesson_header(path: Path) -> dict[str, str]:
    """Title and header fields of one lesson notebook (from its first Markdown cell)."""
    nb = json.loads(Path(path).read_text(encoding="utf-8"))
    first = next((c for c in nb["cells"] if c["cell_type"] == "markdown"), None)
    source = "".join(first["source"]) if first else ""
    title = _TITLE.search(source)
    row = {"les": path.name[:2], "titel": title.group("title").strip() if title else path.stem}
    for line in source.splitlines():
        m = _ROW.match(line)
        if m and m.group("key").strip() in HEADER_FIELDS:
            row[m.group("key").strip().lower()] = m.group("value").strip()
    return row


_MARKDOWN = [
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),  # [text](link) -> text
    (re.compile(r"(\*\*|__)(.+?)\1"), r"\2"),  # **bold**
    (re.compile(r"(?<![\w*])[*_](?!\s)(.+?)(?<!\s)[*_](?![\w*])"), r"\1"),  # *italic*
    (re.compile(r"`([^`]*)`"), r"\1"),  # `code`
    (re.compile(r"<br\s*/?>", re.IGNORECASE), " "),
]


def plain_text(markdown: str) -> str:
    """Markdown from a lesson's header as plain text, so a table shows no literal * or `.

    >>> plain_text("Een woord als *donderdag*; `check` gebruiken; **vet**")
    'Een woord als donderdag; check gebruiken; vet'
    """
    text = markdown
    for pattern, replacement in _MARKDOWN:
        text = pattern.sub(replacement, text)
    return text.replace("\\|", "|").strip()


def lesplan(folder: str | Path | None = NOTEBOOKS):
    """The lesson plan as a table: one row per lesson with goals, time, prior knowledge and sources.

    Whole text, left-aligned and without Markdown marks (see `display.whole_text`).
    """
    from .display import whole_text
    from .paths import project_folder

    folder = project_folder("het lesplan", Path(folder) if folder is not None else None)
    paths = sorted(p for p in folder.glob("[0-9][0-9]_*.ipynb") if not p.name.startswith("00_"))
    columns = ["les", "titel", *(f.lower() for f in HEADER_FIELDS)]
    rows = [{key: plain_text(row.get(key, "")) for key in columns} for row in map(lesson_header, paths)]
    return whole_text(rows, columns=columns, index="les")


RUN_FILE = "lesverloop.yaml"
PHASES = ("start", "instructie", "werken", "klassengesprek", "afronden")
MINUTES = (45, 50)


@dataclass(frozen=True)
class Phase:
    """One phase of a lesson: from minute `van` to minute `tot`."""

    van: int
    tot: int
    fase: str
    wat: str


@dataclass(frozen=True)
class LessonRun:
    """How one lesson runs in a period: phases, the class discussion, fast and slow students."""

    les: str
    minuten: int
    phases: tuple[Phase, ...]
    klassengesprek: str
    snel: str
    langzaam: str
    thuis: str = ""
    kopjes: tuple[str, ...] = ()


def lesson_runs() -> dict[str, LessonRun]:
    """Every lesson's run-down from data/lessen/lesverloop.yaml, checked (Dutch message naming the lesson)."""
    from .lessons.inhoud import LessonDataError, entries, text

    where = f"dossier_lib/data/lessen/{RUN_FILE}"
    rows = entries(
        RUN_FILE,
        "lessen",
        required=("les", "minuten", "fasen", "klassengesprek", "snel", "langzaam"),
        optional=("thuis", "kopjes"),
    )
    runs: dict[str, LessonRun] = {}
    for row in rows:
        les = str(row["les"]).zfill(2)
        minutes = row["minuten"]
        if not isinstance(minutes, int) or not MINUTES[0] <= minutes <= MINUTES[1]:
            raise LessonDataError(
                f"{where}, les {les}: minuten moet {MINUTES[0]} tot {MINUTES[1]} zijn, niet {minutes!r}."
            )
        phases, end = [], 0
        for item in row["fasen"]:
            try:
                phase = Phase(int(item["van"]), int(item["tot"]), str(item["fase"]), text(item["wat"]))
            except (KeyError, TypeError, ValueError):
                raise LessonDataError(f"{where}, les {les}: elke fase heeft van, tot, fase en wat.") from None
            if phase.fase not in PHASES:
                raise LessonDataError(
                    f"{where}, les {les}: fase {phase.fase!r} ken ik niet. Kies uit: {', '.join(PHASES)}."
                )
            if phase.van != end or phase.tot <= phase.van:
                raise LessonDataError(
                    f"{where}, les {les}: de fase '{phase.wat[:30]}' begint bij minuut {phase.van}, maar de vorige "
                    f"eindigt bij {end}. Laat de fasen op elkaar aansluiten."
                )
            end = phase.tot
            phases.append(phase)
        if end != minutes:
            raise LessonDataError(f"{where}, les {les}: de fasen eindigen bij minuut {end}, de les duurt {minutes}.")
        if [p.fase for p in phases].count("klassengesprek") != 1:
            raise LessonDataError(f"{where}, les {les}: geef precies één fase 'klassengesprek'.")
        runs[les] = LessonRun(
            les,
            minutes,
            tuple(phases),
            text(row["klassengesprek"]),
            text(row["snel"]),
            text(row["langzaam"]),
            text(row.get("thuis") or ""),
            tuple(text(k) for k in row.get("kopjes") or ()),
        )
    return runs


class _RunDown:
    """The run-down of one or more lessons: headings, minute tables and notes (HTML in Jupyter, text elsewhere)."""

    def __init__(self, runs: list[LessonRun], titles: dict[str, str]):
        self.runs, self.titles = runs, titles

    def _notes(self, run: LessonRun) -> list[tuple[str, str]]:
        notes = [("Klassengesprek:", run.klassengesprek), ("Snelle leerlingen:", run.snel)]
        notes.append(("Langzame leerlingen:", run.langzaam))
        if run.thuis:
            notes.append(("Thuis:", run.thuis))
        return notes

    def _table(self, run: LessonRun):
        from .display import whole_text

        rows = [{"minuut": f"{p.van}–{p.tot}", "fase": p.fase, "wat": p.wat} for p in run.phases]
        return whole_text(rows, columns=["minuut", "fase", "wat"], show_index=False)

    def _title(self, run: LessonRun) -> str:
        return f"{self.titles.get(run.les, 'Les ' + run.les)} ({run.minuten} minuten)"

    def _repr_html_(self) -> str:
        import html

        parts = []
        for run in self.runs:
            notes = "".join(f"<li><b>{html.escape(k)}</b> {html.escape(v)}</li>" for k, v in self._notes(run))
            parts.append(f"<h4>{html.escape(self._title(run))}</h4>{self._table(run)._repr_html_()}<ul>{notes}</ul>")
        return "".join(parts)

    def __repr__(self) -> str:
        parts = []
        for run in self.runs:
            notes = "\n".join(f"{k} {v}" for k, v in self._notes(run))
            parts.append(f"{self._title(run)}\n{self._table(run)!r}\n{notes}")
        return "\n\n".join(parts)


def lesverloop(les: str | int | None = None, folder: str | Path | None = NOTEBOOKS) -> _RunDown:
    """The run-down of one lesson ("06") or of all: minutes per phase, the class discussion, fast and slow students."""
    runs = lesson_runs()
    if les is not None:
        key = str(les).strip().zfill(2)
        if key not in runs:
            raise KeyError(f"Les {les!r} staat niet in {RUN_FILE}. Kies uit: {', '.join(runs)}.")
        chosen = [runs[key]]
    else:
        chosen = list(runs.values())
    lessons = Path(folder).glob("[0-9][0-9]_*.ipynb") if folder is not None else []
    titles = {p.name[:2]: lesson_header(p)["titel"] for p in lessons}
    return _RunDown(chosen, titles)
