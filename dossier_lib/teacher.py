"""Helpers for the teacher guide (lesson 00): the lesson plan and an overview of hand-ins.

The lesson plan is read from the header table of each lesson notebook
(Leerdoelen, Tijd, Voorkennis, Bronnen), so the guide never drifts from the lessons.
"""

from __future__ import annotations

import json
import re
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


def lesplan(folder: str | Path | None = NOTEBOOKS):
    """The lesson plan as a table: one row per lesson with goals, time, prior knowledge and sources."""
    from .display import whole_text
    from .paths import project_folder

    folder = project_folder("het lesplan", Path(folder) if folder is not None else None)
    paths = sorted(p for p in folder.glob("[0-9][0-9]_*.ipynb") if not p.name.startswith("00_"))
    rows = [lesson_header(p) for p in paths]
    columns = ["les", "titel", *(f.lower() for f in HEADER_FIELDS)]
    return whole_text(whole_text(rows, columns=columns).fillna(""), index="les")


def inleveringen(folder: str | Path = "inleveren"):
    """All hand-ins in a folder (and its subfolders) as a table; every answer is checked again with the key.

    The score is recomputed from the raw answers (`grade_answer`), never read from the hand-in's own
    summary, so an edited file gains nothing. A damaged or foreign file is listed with a Dutch reason.
    """
    from .exercises.checks import grade_answer
    from .exercises.handin import FORMAT

    rows = []
    for path in sorted(Path(folder).rglob("*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if not isinstance(data, dict) or data.get("format") != FORMAT:
                raise ValueError("geen inlevering van dit pakket")
            graded = [r for r in data["opdrachten"] if r.get("nagekeken")]
            right = sum(1 for r in graded if r.get("beantwoord") and grade_answer(r["id"], r.get("antwoord")).correct)
            rows.append(
                {
                    "naam": (data.get("leerling") or {}).get("naam", "?"),
                    "les": data.get("les", "?"),
                    "datum": str(data.get("datum", ""))[:16].replace("T", " "),
                    "goed (opnieuw nagekeken)": f"{right} van {len(graded)}",
                    "open vragen": sum(
                        1 for r in data["opdrachten"] if r.get("soort") == "reflection" and r.get("beantwoord")
                    ),
                    "bestand": str(path.relative_to(folder).with_suffix(".html")),
                }
            )
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
            reason = exc if isinstance(exc, ValueError) and not isinstance(exc, json.JSONDecodeError) else "onleesbaar"
            rows.append(
                {
                    "naam": "?",
                    "les": "?",
                    "datum": "",
                    "goed (opnieuw nagekeken)": "",
                    "open vragen": 0,
                    "bestand": f"{path.name}: overgeslagen ({reason})",
                }
            )
    columns = ["naam", "les", "datum", "goed (opnieuw nagekeken)", "open vragen", "bestand"]
    from .display import whole_text

    return whole_text(rows, columns=columns, show_index=False)
