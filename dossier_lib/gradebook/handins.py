"""Reading a folder of hand-ins: every JSON file that `inleveren()` wrote, in any subfolder.

Only what the student actually answered is taken from a hand-in: the lesson, who
they are, when, and per exercise the raw answer (plus the hints and tries they
report, shown for information only). Everything a student could make look better
by editing the file (``status``, ``samenvatting``, ``feedback``) is read by nobody:
`recheck.py` grades the raw answers again with the key.

A file that is not a hand-in, or a damaged one, becomes a `Problem` with a Dutch
reason; it never stops the rest. Several hand-ins of one student for one lesson:
the newest counts, the older ones are listed as replaced.

    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "notities.json").write_text('{"boodschappen": []}', encoding="utf-8")
    >>> found = read_folder(folder)
    >>> found.handins, [p.reason for p in found.problems]
    ([], ['geen inlevering van Dossier Noord-Korea (een ander JSON-bestand)'])
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

FORMAT = "dossier-inlevering"
VERSION = 2
#: A hand-in is a few kilobytes; anything far larger is not one of ours.
MAX_BYTES = 5_000_000
LESSON_PATTERN = re.compile(r"\d\d")
SKIPPED_FOLDERS = (".ipynb_checkpoints", ".backup", "__pycache__")


@dataclass(frozen=True)
class Submitted:
    """One exercise as the student handed it in: the raw answer and what they report about it."""

    exercise_id: str
    answered: bool
    answer: Any
    answer_text: str
    number: int | None = None
    hints: int = 0
    attempts: int = 0


@dataclass(frozen=True)
class HandIn:
    """One readable hand-in file of format 2."""

    path: Path
    lesson: str
    student_id: str
    student_name: str
    source: str
    date: dt.datetime
    package: str
    submitted: dict[str, Submitted] = field(default_factory=dict)

    @property
    def key(self) -> tuple[str, str]:
        """(lesson, student id): one of these counts per student per lesson."""
        return self.lesson, self.student_id


@dataclass(frozen=True)
class Problem:
    """A file that was skipped, and why (in Dutch, for the teacher)."""

    path: Path
    reason: str

    def __str__(self) -> str:
        return f"{self.path.name}: {self.reason}"


@dataclass(frozen=True)
class Replaced:
    """An older hand-in that does not count, because the same student handed in this lesson again later."""

    older: HandIn
    newer: HandIn

    def __str__(self) -> str:
        return (
            f"{self.older.path.name}: vervangen door de nieuwere inlevering {self.newer.path.name} "
            f"({self.newer.date:%d-%m-%Y %H:%M}); alleen de nieuwste telt"
        )


@dataclass
class Found:
    """What `read_folder` found: the hand-ins that count, the older ones, and the skipped files."""

    folder: Path
    handins: list[HandIn] = field(default_factory=list)
    replaced: list[Replaced] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


class NotAHandIn(ValueError):
    """Raised by `parse_handin` with the Dutch reason a file is skipped."""


def _count(value: Any) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 10_000 else 0


def _text(value: Any, limit: int = 200) -> str:
    return " ".join(value.split())[:limit] if isinstance(value, str) else ""


def _date(value: Any, path: Path) -> dt.datetime:
    if isinstance(value, str):
        try:
            return dt.datetime.fromisoformat(value.strip()).replace(tzinfo=None)
        except ValueError:
            pass
    # No readable date: the time the file was written is the next best thing.
    return dt.datetime.fromtimestamp(path.stat().st_mtime)


def _submitted(index: int, item: Any) -> Submitted:
    if not isinstance(item, dict):
        raise NotAHandIn(f"opdracht {index} in het bestand is niet goed opgebouwd")
    ex_id = item.get("id")
    if not isinstance(ex_id, str) or not re.fullmatch(r"\d\d\.[a-z0-9-]+", ex_id):
        raise NotAHandIn(f"opdracht {index} in het bestand heeft geen geldige naam (id)")
    answer = item.get("antwoord")
    answered = answer is not None and answer != "" and answer != []
    number = item.get("nummer")
    return Submitted(
        exercise_id=ex_id,
        answered=answered,
        answer=answer,
        answer_text=text if isinstance(text := item.get("antwoord_tekst"), str) else "",
        number=number if isinstance(number, int) and not isinstance(number, bool) else None,
        hints=_count(item.get("hints")),
        attempts=_count(item.get("pogingen")),
    )


def parse_handin(path: Path, text: str) -> HandIn:
    """The hand-in in `text` (read from `path`); raises `NotAHandIn` with a Dutch reason."""
    try:
        data = json.loads(text)
    except ValueError as exc:
        line = getattr(exc, "lineno", None)
        where = f" (regel {line})" if line else ""
        raise NotAHandIn(f"beschadigd: geen geldige JSON{where}") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        if isinstance(data, dict) and "opdrachten" in data and "naam" in data:
            raise NotAHandIn(
                "inlevering in het oude formaat (van vóór versie 2): de antwoorden zijn daarin niet na te kijken; "
                "laat de leerling de les opnieuw inleveren"
            )
        raise NotAHandIn("geen inlevering van Dossier Noord-Korea (een ander JSON-bestand)")
    version = data.get("versie")
    if version != VERSION:
        if isinstance(version, int) and version > VERSION:
            raise NotAHandIn(f"gemaakt met een nieuwere versie van het pakket (formaat {version}): werk het pakket bij")
        raise NotAHandIn(f"onbekende versie van het formaat ({str(version)[:20]})")
    lesson = data.get("les")
    if isinstance(lesson, int) and not isinstance(lesson, bool):
        lesson = f"{lesson:02d}"
    if not isinstance(lesson, str) or not LESSON_PATTERN.fullmatch(lesson):
        raise NotAHandIn("het lesnummer ('les') ontbreekt of is onleesbaar")
    student = data.get("leerling")
    if not isinstance(student, dict) or not _text(student.get("id"), 80):
        raise NotAHandIn("er staat niet in van welke leerling dit is ('leerling')")
    items = data.get("opdrachten")
    if not isinstance(items, list):
        raise NotAHandIn("de lijst met opdrachten ('opdrachten') ontbreekt")
    submitted: dict[str, Submitted] = {}
    for index, item in enumerate(items, start=1):
        entry = _submitted(index, item)
        if not entry.exercise_id.startswith(f"{lesson}."):
            raise NotAHandIn(f"opdracht {entry.exercise_id} hoort niet bij les {lesson}")
        submitted.setdefault(entry.exercise_id, entry)  # the first one counts, as in the file's order
    student_id = _text(student.get("id"), 80)
    return HandIn(
        path=path,
        lesson=lesson,
        student_id=student_id,
        student_name=_text(student.get("naam"), 80) or student_id,
        source=_text(student.get("bron"), 20),
        date=_date(data.get("datum"), path),
        package=_text(data.get("pakket"), 20),
        submitted=submitted,
    )


def read_file(path: Path) -> HandIn:
    """One hand-in file; raises `NotAHandIn` with a Dutch reason."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise NotAHandIn(f"te groot voor een inlevering ({size // 1_000_000} MB)")
        raw = path.read_bytes()
    except OSError as exc:
        raise NotAHandIn(f"kan niet gelezen worden ({exc.strerror or exc.__class__.__name__})") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise NotAHandIn("geen tekstbestand (geen UTF-8): waarschijnlijk beschadigd") from None
    return parse_handin(path, text)


def hand_in_files(folder: Path) -> list[Path]:
    """Every ``*.json`` under `folder`, in a fixed order, skipping backup and checkpoint folders."""
    return sorted(
        p
        for p in folder.rglob("*.json")
        if p.is_file() and not any(part in SKIPPED_FOLDERS for part in p.relative_to(folder).parts[:-1])
    )


def _newest_first(handin: HandIn) -> tuple:
    # Same minute on one day: the later -k suffix (inleveren never overwrites) wins.
    return handin.date, handin.path.stat().st_mtime if handin.path.exists() else 0, handin.path.name


def read_folder(folder: str | Path) -> Found:
    """Every hand-in in `folder` and its subfolders; the newest per student and lesson counts."""
    folder = Path(folder)
    found = Found(folder)
    if not folder.is_dir():
        found.problems.append(Problem(folder, "deze map bestaat niet (of is geen map)"))
        return found
    by_key: dict[tuple[str, str], list[HandIn]] = {}
    for path in hand_in_files(folder):
        try:
            handin = read_file(path)
        except NotAHandIn as exc:
            found.problems.append(Problem(path, str(exc)))
            continue
        by_key.setdefault(handin.key, []).append(handin)
    for key in sorted(by_key):
        versions = sorted(by_key[key], key=_newest_first, reverse=True)
        found.handins.append(versions[0])
        found.replaced.extend(Replaced(older, versions[0]) for older in versions[1:])
    return found
