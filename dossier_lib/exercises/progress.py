"""A student's progress: which exercises are done and right, how many tries and hints.

Stored as a small JSON file next to the notebooks (default: ``.voortgang.json`` in the
notebook's working folder, so ``notebooks/.voortgang.json``; change it with
`set_progress_file` or the environment variable ``DOSSIER_VOORTGANG``).

Every change is read-modify-write with an atomic write (temp file, fsync, os.replace),
so a kernel that dies halfway leaves the old file intact. A damaged file (invalid JSON,
wrong shape) is renamed with a timestamp and a fresh one is started, with a Dutch notice:
a lesson never crashes because of this file.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import tempfile
from pathlib import Path
from typing import Any

FILE_NAME = ".voortgang.json"
ENV_VAR = "DOSSIER_VOORTGANG"
VERSION = 1
ANSWER_LIMIT = 500
REFLECTION_LIMIT = 10_000

_override: Path | None = None
_warned: set[str] = set()


def notify(message: str) -> None:
    """Tell the student something once per kernel (printed, so it shows in any front end)."""
    if message not in _warned:
        _warned.add(message)
        print(message)


def progress_file() -> Path:
    """Where progress is kept now: set_progress_file() > $DOSSIER_VOORTGANG > ./.voortgang.json."""
    if _override is not None:
        return _override
    if os.environ.get(ENV_VAR):
        return Path(os.environ[ENV_VAR])
    return Path.cwd() / FILE_NAME


def set_progress_file(path: str | Path | None) -> Path:
    """Keep progress in `path` from now on (None: back to the default). Returns the path in use."""
    global _override
    _override = Path(path) if path is not None else None
    return progress_file()


def _now() -> str:
    return dt.datetime.now().isoformat(timespec="seconds")


def atomic_write_text(path: Path, text: str) -> None:
    """Write `text` to `path` so that readers see the old or the new file, never half of one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        mode = path.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    fd, tmp = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
    try:
        os.chmod(tmp, mode)
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    try:  # make the rename itself durable; not possible everywhere (Windows)
        dir_fd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
    except OSError:
        pass


def _empty() -> dict:
    return {"version": VERSION, "exercises": {}}


def _valid_shape(data: Any) -> bool:
    if not isinstance(data, dict) or not isinstance(data.get("exercises"), dict):
        return False
    return all(isinstance(k, str) and isinstance(v, dict) for k, v in data["exercises"].items())


def _backup_damaged(path: Path) -> Path:
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    stem = path.name[:-5] if path.name.endswith(".json") else path.name
    target = path.with_name(f"{stem}.kapot-{stamp}.json")
    n = 2
    while target.exists():
        target = path.with_name(f"{stem}.kapot-{stamp}-{n}.json")
        n += 1
    os.replace(path, target)
    return target


def load(path: Path | None = None) -> dict:
    """The progress data; a damaged file is put aside (with a notice) and an empty one returned."""
    path = path or progress_file()
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return _empty()
    except (OSError, UnicodeDecodeError) as exc:
        if isinstance(exc, UnicodeDecodeError):
            raw = None
        else:
            notify(f"Je voortgang kon niet gelezen worden ({path.name}). Je kunt gewoon verder werken.")
            return _empty()
    data = None
    if raw is not None:
        try:
            data = json.loads(raw)
        except ValueError:
            data = None
    if data is None or not _valid_shape(data):
        try:
            backup = _backup_damaged(path)
            notify(
                f"Let op: het bestand met je voortgang ({path.name}) was beschadigd. "
                f"Het oude bestand heet nu {backup.name}; je begint met een nieuw overzicht."
            )
        except OSError:
            notify(
                f"Let op: het bestand met je voortgang ({path.name}) is beschadigd. Je begint met een nieuw overzicht."
            )
        return _empty()
    data.setdefault("version", VERSION)
    return data


def save(data: dict, path: Path | None = None) -> bool:
    """Write progress atomically; False (and a notice) when the folder is not writable."""
    path = path or progress_file()
    try:
        atomic_write_text(path, json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n")
        return True
    except OSError:
        notify(f"Je voortgang kon niet bewaard worden in {path}. Je antwoorden worden wel gecontroleerd.")
        return False


def _entry(data: dict, exercise_id: str) -> dict:
    entry = data["exercises"].setdefault(exercise_id, {})
    for key, default in (("attempts", 0), ("hints", 0)):
        if not isinstance(entry.get(key), int) or isinstance(entry.get(key), bool):
            entry[key] = default
    return entry


def record_check(
    exercise_id: str, status: str, answer_repr: str, reflection: str | None = None, path: Path | None = None
) -> None:
    """Remember one checked answer. Empty or unreadable answers are not counted as tries."""
    data = load(path)
    entry = _entry(data, exercise_id)
    if status in ("goed", "fout", "bewaard"):
        entry["attempts"] += 1
        entry["done"] = True
        entry["correct"] = {"goed": True, "fout": False}.get(status)
        if status == "goed":
            entry["ever_correct"] = True
    entry["last_status"] = status
    entry["last_answer"] = answer_repr[:ANSWER_LIMIT]
    entry["last_time"] = _now()
    if reflection is not None:
        entry["reflection"] = reflection[:REFLECTION_LIMIT]
    save(data, path)


def record_hint(exercise_id: str, level: int, path: Path | None = None) -> None:
    """Remember that hint number `level` was shown."""
    data = load(path)
    entry = _entry(data, exercise_id)
    entry["hints"] = max(entry["hints"], level)
    save(data, path)


def hints_used(exercise_id: str, path: Path | None = None) -> int:
    """How many hints the file says were shown for this exercise."""
    entry = load(path)["exercises"].get(exercise_id, {})
    value = entry.get("hints", 0)
    return value if isinstance(value, int) and not isinstance(value, bool) else 0


def entries(lesson: str | int | None = None, path: Path | None = None) -> dict[str, dict]:
    """The stored entries by exercise id, optionally only one lesson's ("06" or 6)."""
    exercises = load(path)["exercises"]
    prefix = None if lesson is None else f"{int(lesson):02d}." if str(lesson).isdigit() else f"{lesson}."
    return {k: v for k, v in sorted(exercises.items()) if prefix is None or k.startswith(prefix)}


def progress_rows(lesson: str | int | None = None, path: Path | None = None) -> list[dict]:
    """One row per exercise of the lesson (known ones included, even when not tried yet)."""
    from .registry import all_exercises

    stored = entries(lesson, path)
    ids = set(stored)
    for ex in all_exercises().values():
        if lesson is None or ex.lesson == (f"{int(lesson):02d}" if str(lesson).isdigit() else str(lesson)):
            ids.add(ex.id)
    rows = []
    for ex_id in sorted(ids):
        e = stored.get(ex_id, {})
        correct = e.get("correct")
        rows.append(
            {
                "opdracht": ex_id,
                "gedaan": "ja" if e.get("done") else "nee",
                "goed": {True: "ja", False: "nee"}.get(correct, "-"),
                "pogingen": int(e.get("attempts", 0) or 0),
                "hints": int(e.get("hints", 0) or 0),
            }
        )
    return rows


def progress(lesson: str | int | None = None):
    """Your progress as a table (pandas DataFrame): exercise, gedaan, goed, pogingen, hints."""
    import pandas as pd

    try:
        rows = progress_rows(lesson)
    except ValueError:
        rows = []
        notify(f'Les {lesson!r} ken ik niet. Schrijf het lesnummer, bijvoorbeeld progress("06").')
    frame = pd.DataFrame(rows, columns=["opdracht", "gedaan", "goed", "pogingen", "hints"])
    return frame.set_index("opdracht")
