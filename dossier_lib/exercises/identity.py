"""Who is working: the student whose progress is kept and whose name is on the hand-in.

In this order:

1. on a JupyterHub: the login name (``$JUPYTERHUB_USER``); it cannot be changed in a lesson;
2. ``$DOSSIER_LEERLING``: a name set from outside (notebook runs, tests, a kiosk PC);
3. the name typed in the lesson's first cell, remembered for this folder in
   ``.dossier-leerling.json`` (so the next lesson in the same folder knows it too).

Two students in one folder (a shared PC, a pair taking turns) each type their own name:
progress is kept per student (``.voortgang/<id>.json``), so nobody sees or hands in someone
else's answers. A teacher starts afresh for a new student with `nieuwe_leerling()`; the earlier
student's progress stays on disk.

    >>> student_id("Sanne de Vries")
    'sanne-de-vries'
"""

from __future__ import annotations

import json
import os
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

HUB_VAR = "JUPYTERHUB_USER"
NAME_VAR = "DOSSIER_LEERLING"
REMEMBER_FILE = ".dossier-leerling.json"
NAME_LIMIT = 80


class StudentNameError(ValueError):
    """A name that cannot be used (empty, too long, no letters); Dutch message."""


@dataclass(frozen=True)
class Student:
    """One student: `id` names their files, `name` is shown; `source` is "hub", "omgeving" or "naam"."""

    id: str
    name: str
    source: str


def student_id(name: str) -> str:
    """A file-safe id for a name: lower case, no accents, words joined by '-'."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")[:40]


def clean_name(name: object) -> str:
    """A typed name, tidied; a Dutch `StudentNameError` when it cannot be used."""
    if not isinstance(name, str) or not name.strip():
        raise StudentNameError('Vul je naam in, tussen aanhalingstekens: bijvoorbeeld "Sanne de Vries".')
    name = " ".join(name.split())
    if len(name) > NAME_LIMIT or not student_id(name):
        raise StudentNameError(f"Schrijf je naam met gewone letters (hooguit {NAME_LIMIT} tekens).")
    return name


def remember_file(folder: Path | None = None) -> Path:
    """Where the typed name is remembered: ``.dossier-leerling.json`` in the working folder."""
    return (folder or Path.cwd()) / REMEMBER_FILE


def current_student(folder: Path | None = None) -> Student | None:
    """The student working now, or None when nobody has given a name yet."""
    hub = os.environ.get(HUB_VAR, "").strip()
    if hub:
        return Student(student_id(hub) or "leerling", hub, "hub")
    named = os.environ.get(NAME_VAR, "").strip()
    if named:
        try:
            name = clean_name(named)
        except StudentNameError:
            return None
        return Student(student_id(name), name, "omgeving")
    try:
        data = json.loads(remember_file(folder).read_text(encoding="utf-8"))
        name = clean_name(data.get("naam"))
    except (OSError, ValueError, AttributeError):
        return None
    return Student(student_id(name), name, "naam")


def can_change_name() -> bool:
    """False on a JupyterHub or when the name comes from the environment."""
    return not (os.environ.get(HUB_VAR, "").strip() or os.environ.get(NAME_VAR, "").strip())


def set_student(naam: object, folder: Path | None = None) -> Student:
    """Remember `naam` as the student working in this folder; returns who works now."""
    from .progress import atomic_write_text, flush_pending

    if not can_change_name():
        student = current_student(folder)
        assert student is not None
        return student
    name = clean_name(naam)
    atomic_write_text(remember_file(folder), json.dumps({"naam": name}, ensure_ascii=False) + "\n")
    student = Student(student_id(name), name, "naam")
    flush_pending(student)
    return student


def nieuwe_leerling(folder: Path | None = None) -> str:
    """Start afresh for a new student in this folder: forget the remembered name (progress files stay)."""
    path = remember_file(folder)
    try:
        old = json.loads(path.read_text(encoding="utf-8")).get("naam", "")
    except (OSError, ValueError, AttributeError):
        old = ""
    try:
        path.unlink()
    except FileNotFoundError:
        pass
    from .progress import forget_pending

    forget_pending()
    if old:
        return f"De naam {old} is vergeten. Het werk van {old} blijft bewaard. Voer de eerste cel opnieuw uit."
    return "Er was nog geen naam bewaard in deze map. Voer de eerste cel opnieuw uit."
