"""Lesson content a teacher can edit: one YAML file per lesson in ``dossier_lib/data/lessen/``.

Word lists, dated statements and question lists that a lesson shows live there, not in Python,
so that a teacher can correct a fact or add a word without touching code. `entries` reads one
list from such a file and checks every entry; a broken entry gets a Dutch message that names
the file, the list, the entry and the missing field.

    >>> rows = entries("10_eindopdracht.yaml", "vragen", required=("vraag", "zoekwoorden"))
    >>> rows[0]["vraag"]
    'Wie kreeg de schuld van de mislukte top in Hanoi?'
"""

from __future__ import annotations

from typing import Any

#: The folder inside ``dossier_lib/data/`` that holds the lesson files.
FOLDER = "lessen"


class LessonDataError(ValueError):
    """A lesson data file is not usable; the message says where and what to do, in Dutch."""


def lesson_file(name: str) -> Any:
    """The parsed YAML of ``dossier_lib/data/lessen/NAME`` (read once per kernel)."""
    from ..data import load_yaml

    try:
        return load_yaml(f"{FOLDER}/{name}")
    except FileNotFoundError:
        raise LessonDataError(
            f"dossier_lib/data/{FOLDER}/{name} bestaat niet. Wat te doen: zet het bestand terug "
            "(bijvoorbeeld met git checkout) of kijk of de naam goed gespeld is."
        ) from None


def entries(name: str, key: str, required: tuple[str, ...], optional: tuple[str, ...] = ()) -> list[dict]:
    """The list under `key` in lesson file `name`; each entry a dict with every `required` field filled in.

    Fields that are not in `required` or `optional` are refused too: a misspelt field name
    ("bronn:") would otherwise be ignored without a word.
    """
    where = f"dossier_lib/data/{FOLDER}/{name}"
    data = lesson_file(name)
    items = data.get(key) if isinstance(data, dict) else None
    if not isinstance(items, list) or not items:
        raise LessonDataError(f"{where}: het bestand moet een lijst '{key}:' hebben, met minstens één regel.")
    allowed = set(required) | set(optional)
    rows = []
    for number, item in enumerate(items, start=1):
        if not isinstance(item, dict):
            raise LessonDataError(
                f"{where}, '{key}' nummer {number}: elke regel begint met '- ' en heeft velden ({', '.join(required)})."
            )
        missing = [f for f in required if item.get(f) in (None, "", [])]
        if missing:
            raise LessonDataError(
                f"{where}, '{key}' nummer {number}: het veld {', '.join(missing)} ontbreekt of is leeg. "
                "Kopieer een bestaande regel en vul alle velden in."
            )
        unknown = sorted(set(item) - allowed)
        if unknown:
            raise LessonDataError(
                f"{where}, '{key}' nummer {number}: het veld {', '.join(unknown)} ken ik niet. "
                f"Gebruik alleen: {', '.join(sorted(allowed))}."
            )
        rows.append(item)
    return rows


def text(value: Any) -> str:
    """A YAML value as one line of text (folded lines joined, spaces tidied)."""
    return " ".join(str(value).split())
