"""What the teacher decides while grading, kept per lesson in the teacher's folder.

One small JSON file per lesson, ``teacher/nakijken/les_NN.json`` (see `paths.GRADING`):
the rubric level per criterion per student, a comment per student, and whether the
right answers go back to the students with their feedback. It holds student names
and grades, so the folder is git-ignored.

Nothing is lost: before a file is replaced, the previous version is copied to
``.backup/les_NN-<time>.json`` next to it; writes are atomic (a crash leaves the old
file). A damaged file is put aside under a new name, never overwritten.

    >>> import tempfile
    >>> store = GradingStore(tempfile.mkdtemp(), "10")
    >>> store.set_level("sanne", "Citeren", "goed")
    >>> store.set_comment("sanne", "Sterke citaten!")
    >>> GradingStore(store.folder, "10").level("sanne", "Citeren")
    'goed'
    >>> len(store.backups())
    1
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
from pathlib import Path
from typing import Any

FORMAT = "dossier-nakijken"
VERSION = 1
BACKUP_FOLDER = ".backup"


def _stamp() -> str:
    return dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")


def _empty(lesson: str) -> dict:
    return {"format": FORMAT, "versie": VERSION, "les": lesson, "antwoorden_vrijgeven": False, "leerlingen": {}}


def _atomic_write(path: Path, text: str) -> None:
    from ..exercises.progress import atomic_write_text

    atomic_write_text(path, text)


class GradingStore:
    """The teacher's grading decisions for one lesson (rubric levels, comments, released answers)."""

    def __init__(self, folder: str | Path, lesson: str):
        self.folder = Path(folder)
        self.lesson = lesson
        self.path = self.folder / f"les_{lesson}.json"
        self.notice = ""
        self.data = self._load()

    # ------------------------------------------------------------------ reading

    def _load(self) -> dict:
        try:
            raw = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return _empty(self.lesson)
        except (OSError, UnicodeDecodeError) as exc:
            raise OSError(
                f"Het bestand {self.path} met uw beoordelingen kan niet gelezen worden ({exc}). "
                "Er is niets veranderd; controleer het bestand."
            ) from None
        try:
            data = json.loads(raw)
            if not (isinstance(data, dict) and isinstance(data.get("leerlingen"), dict)):
                raise ValueError
        except ValueError:
            aside = self.path.with_name(f"{self.path.stem}.kapot-{_stamp()}.json")
            os.replace(self.path, aside)
            self.notice = (
                f"Let op: {self.path.name} was beschadigd en heet nu {aside.name}. "
                "U begint voor deze les met lege beoordelingen; het oude bestand is bewaard."
            )
            return _empty(self.lesson)
        data.setdefault("antwoorden_vrijgeven", False)
        return data

    def _student(self, student_id: str) -> dict:
        entry = self.data["leerlingen"].get(student_id)
        return entry if isinstance(entry, dict) else {}

    def levels(self, student_id: str) -> dict[str, str]:
        """{criterion: level} as scored so far for one student."""
        chosen = self._student(student_id).get("rubriek", {})
        return {str(k): str(v) for k, v in chosen.items()} if isinstance(chosen, dict) else {}

    def level(self, student_id: str, criterion: str) -> str | None:
        return self.levels(student_id).get(criterion)

    def comment(self, student_id: str) -> str:
        text = self._student(student_id).get("opmerking", "")
        return text if isinstance(text, str) else ""

    @property
    def release_answers(self) -> bool:
        """Whether the feedback pages show the right answers (a teacher setting, per lesson)."""
        return self.data.get("antwoorden_vrijgeven") is True

    # ------------------------------------------------------------------ writing

    def backups(self) -> list[Path]:
        return sorted((self.folder / BACKUP_FOLDER).glob(f"{self.path.stem}-*.json"))

    def save(self) -> Path:
        """Write the file; the previous version goes to .backup/ first."""
        text = json.dumps(self.data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
        if self.path.exists():
            if self.path.read_text(encoding="utf-8") == text:
                return self.path
            backup = self.folder / BACKUP_FOLDER / f"{self.path.stem}-{_stamp()}.json"
            backup.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(self.path, backup)
        _atomic_write(self.path, text)
        return self.path

    def _update(self, student_id: str, key: str, value: Any) -> None:
        entry = self.data["leerlingen"].setdefault(student_id, {})
        entry[key] = value
        self.save()

    def set_level(self, student_id: str, criterion: str, level: str | None) -> None:
        """Score one criterion for one student (None: take the score away) and save."""
        chosen = self.levels(student_id)
        if level is None:
            chosen.pop(criterion, None)
        else:
            chosen[criterion] = level
        self._update(student_id, "rubriek", chosen)

    def set_comment(self, student_id: str, text: str) -> None:
        self._update(student_id, "opmerking", str(text))

    def set_release_answers(self, release: bool) -> None:
        self.data["antwoorden_vrijgeven"] = bool(release)
        self.save()
