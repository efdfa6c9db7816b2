"""A student's progress: per exercise the last answer, the feedback, how many tries and hints.

One JSON file per student: ``.voortgang/<student-id>.json`` in the working folder (or in the
folder ``$DOSSIER_VOORTGANG``). Who the student is: identity.py.

Safe for a class:

- every change is read-modify-write *under a lock* (a ``.lock`` file next to the progress file),
  with an atomic write (temp file, fsync, os.replace): two kernels writing at once lose nothing,
  and a kernel that dies halfway leaves the old file intact;
- a file that cannot be *read* (permissions, a network drive hiccup) is never replaced: the
  answer is kept in this kernel and written as soon as the file can be read again;
- a file that is *damaged* (not valid JSON) is renamed with a timestamp and a new one started,
  with a Dutch notice: both are kept;
- before anyone has given a name, answers are kept in this kernel and written when the name
  is given (identity.set_student);
- worked examples never reach this file (checks.py does not record them);
- presenting a lesson (``$DOSSIER_PRESENTEREN``) writes nothing at all.

    >>> to_json_answer(("Trump", "persoon"))
    ['Trump', 'persoon']
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from .identity import Student, current_student

FOLDER_NAME = ".voortgang"
FOLDER_VAR = "DOSSIER_VOORTGANG"
PRESENT_VAR = "DOSSIER_PRESENTEREN"
VERSION = 2
ANSWER_TEXT_LIMIT = 500
#: Longest text kept of one answer (a 300-word analysis is about 2,000 characters).
ANSWER_LIMIT = 20_000
LOCK_TIMEOUT = 10.0

_warned: set[str] = set()
_pending: list[Callable[[dict], None]] = []


class ProgressReadError(OSError):
    """The progress file exists but cannot be read now; it must not be overwritten."""


def notify(message: str) -> None:
    """Tell the student something once per kernel (printed, so it shows in any front end)."""
    if message not in _warned:
        _warned.add(message)
        print(message)


def presenting() -> bool:
    """True while a lesson is shown to the class with `present`: nothing is stored then."""
    return bool(os.environ.get(PRESENT_VAR))


def progress_folder() -> Path:
    """The folder with one progress file per student."""
    return Path(os.environ[FOLDER_VAR]) if os.environ.get(FOLDER_VAR) else Path.cwd() / FOLDER_NAME


def progress_file(student: Student | None = None) -> Path | None:
    """The progress file of `student` (default: who works now); None while nobody has given a name."""
    student = student or current_student()
    return progress_folder() / f"{student.id}.json" if student else None


# ---------------------------------------------------------------- files


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
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    try:  # make the rename itself durable; not possible everywhere (Windows)
        dir_fd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
    except OSError:
        pass


@contextlib.contextmanager
def locked(path: Path, timeout: float = LOCK_TIMEOUT) -> Iterator[None]:
    """Hold an exclusive lock on `path` (through ``path.lock``) while the block runs."""
    path.parent.mkdir(parents=True, exist_ok=True)
    lock_path = path.with_name(path.name + ".lock")
    fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o666)
    try:
        _acquire(fd, timeout)
        try:
            yield
        finally:
            _release(fd)
    finally:
        os.close(fd)


def _acquire(fd: int, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while True:
        try:
            _try_lock(fd)
            return
        except OSError:
            if time.monotonic() > deadline:
                raise TimeoutError("de voortgang is bezet") from None
            time.sleep(0.005)


if sys.platform == "win32":
    import msvcrt

    def _try_lock(fd: int) -> None:
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)

    def _release(fd: int) -> None:
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _release(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


def _empty(student: Student | None = None) -> dict:
    data: dict[str, Any] = {"versie": VERSION, "opdrachten": {}}
    if student:
        data["leerling"] = {"id": student.id, "naam": student.name}
    return data


def _valid_shape(data: Any) -> bool:
    if not isinstance(data, dict) or not isinstance(data.get("opdrachten"), dict):
        return False
    return all(isinstance(k, str) and isinstance(v, dict) for k, v in data["opdrachten"].items())


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


def read(path: Path) -> dict:
    """The progress in `path`. Missing: empty. Damaged: put aside (with a notice), empty.

    Raises `ProgressReadError` when the file is there but cannot be read now (it must be kept).
    """
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return _empty()
    except OSError as exc:
        raise ProgressReadError(str(exc)) from exc
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        data = None
    if not _valid_shape(data):
        try:
            backup = _backup_damaged(path)
            notify(
                f"Let op: het bestand met je voortgang ({path.name}) was beschadigd. "
                f"Het oude bestand heet nu {backup.name} en blijft bewaard; je gaat verder in een nieuw bestand."
            )
        except OSError:
            raise ProgressReadError("beschadigd en niet te verplaatsen") from None
        return _empty()
    return data


def update(change: Callable[[dict], None], student: Student | None = None) -> bool:
    """Apply `change` to the student's progress under the lock; False when it is kept in this kernel for now."""
    if presenting():
        return False
    student = student or current_student()
    if student is None:
        _pending.append(change)
        notify(
            "Je antwoord is nagekeken, maar nog niet bewaard: vul eerst bovenaan de les je naam in "
            "(in de eerste cel). Daarna wordt alles bewaard."
        )
        return False
    path = progress_file(student)
    assert path is not None
    changes = [*_pending, change]
    try:
        with locked(path):
            data = read(path)
            for apply in changes:
                apply(data)
            data["leerling"] = {"id": student.id, "naam": student.name}
            data["versie"] = VERSION
            atomic_write_text(path, json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n")
    except (OSError, TimeoutError):
        _pending[:] = changes
        notify(
            f"Je voortgang kon nu niet bewaard worden ({path}). Je antwoorden worden wel nagekeken en "
            "bewaard zodra het weer lukt; er gaat niets verloren."
        )
        return False
    _pending.clear()
    return True


def flush_pending(student: Student) -> bool:
    """Write what was kept in this kernel (before a name was given) into `student`'s file."""
    if not _pending:
        return True
    return update(lambda data: None, student)


def forget_pending() -> None:
    """Drop what this kernel kept for a student who has not given a name (a new student starts)."""
    _pending.clear()


def load(student: Student | None = None) -> dict:
    """The progress of `student` (default: who works now), with what this kernel still has to write."""
    student = student or current_student()
    path = progress_file(student)
    data = _empty(student)
    if path is not None:
        try:
            data = read(path)
        except ProgressReadError:
            notify(f"Je voortgang kon niet gelezen worden ({path.name}). Je kunt gewoon verder werken.")
    for apply in _pending:
        apply(data)
    return data


# ---------------------------------------------------------------- what is recorded


def to_json_answer(value: Any, depth: int = 0) -> Any:
    """An answer as plain JSON (for the hand-in, so the teacher's gradebook can check it again)."""
    import datetime as _dt

    if value is None or isinstance(value, (bool, str)):
        return value[:ANSWER_LIMIT] if isinstance(value, str) else value
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return value if value == value and abs(value) != float("inf") else str(value)
    if isinstance(value, (_dt.date, _dt.datetime)):
        return value.isoformat()
    if hasattr(value, "index") and hasattr(value, "start") and hasattr(value, "end") and hasattr(value, "kind"):
        return value.index  # a Paragraph: its number
    if hasattr(value, "item") and hasattr(value, "dtype") and getattr(value, "shape", None) == ():
        return to_json_answer(value.item(), depth)  # numpy and pandas scalars
    if depth < 3 and isinstance(value, (list, tuple)):
        return [to_json_answer(v, depth + 1) for v in value[:200]]
    if depth < 3 and isinstance(value, (set, frozenset)):
        return sorted((to_json_answer(v, depth + 1) for v in value), key=repr)[:200]
    if depth < 3 and isinstance(value, dict):
        return {str(k): to_json_answer(v, depth + 1) for k, v in list(value.items())[:200]}
    return {"onleesbaar": repr(value)[:ANSWER_TEXT_LIMIT]}


def answer_text(value: Any) -> str:
    """The answer as the student wrote it, for people: "Trump", 5, ["a", "b"]; never 'Ellipsis'."""
    from .normalize import short_repr

    if value is None or value is Ellipsis:
        return "niet beantwoord"
    return short_repr(value, ANSWER_TEXT_LIMIT)


def _entry(data: dict, exercise_id: str) -> dict:
    entry = data["opdrachten"].setdefault(exercise_id, {})
    for key in ("pogingen", "hints"):
        if not isinstance(entry.get(key), int) or isinstance(entry.get(key), bool):
            entry[key] = 0
    return entry


def record_attempt(exercise, feedback, answer: Any) -> None:
    """Remember one checked answer. Empty answers are not counted as tries."""
    raw = to_json_answer(answer)
    text = answer_text(answer)
    now = dt.datetime.now().isoformat(timespec="seconds")
    words = len(answer.split()) if exercise.kind == "reflection" and isinstance(answer, str) else None

    def change(data: dict) -> None:
        entry = _entry(data, exercise.id)
        if feedback.status == "leeg":
            entry.setdefault("status", "leeg")
            return
        entry["pogingen"] += 1
        entry.update(
            status=feedback.status,
            antwoord=raw,
            antwoord_tekst=text,
            feedback=feedback.message,
            tijd=now,
            woorden=words,
        )
        if feedback.status == "goed":
            entry["ooit_goed"] = True

    update(change)


def record_hint(exercise, level: int) -> None:
    """Remember that hint number `level` was shown."""

    def change(data: dict) -> None:
        entry = _entry(data, exercise.id)
        entry["hints"] = max(entry["hints"], level)

    update(change)


def entries(lesson: str | int | None = None, student: Student | None = None) -> dict[str, dict]:
    """The stored entries by exercise id, optionally only one lesson's ("06" or 6)."""
    stored = load(student)["opdrachten"]
    prefix = None if lesson is None else f"{int(lesson):02d}." if str(lesson).isdigit() else f"{lesson}."
    return {k: v for k, v in stored.items() if prefix is None or k.startswith(prefix)}


STATUS_WORDS = {
    "goed": "goed",
    "fout": "nog niet goed",
    "ongeldig": "niet te lezen",
    "bewaard": "bewaard",
    "leeg": "niet beantwoord",
}


def progress_rows(lesson: str | int, student: Student | None = None) -> list[dict]:
    """One row per exercise of the lesson, in lesson order (also the ones not tried yet)."""
    from .registry import lesson_exercises

    stored = entries(lesson, student)
    rows = []
    for ex in lesson_exercises(lesson):
        e = stored.get(ex.id, {})
        rows.append(
            {
                "opdracht": ex.label,
                "id": ex.id,
                "resultaat": STATUS_WORDS.get(e.get("status", "leeg"), "niet beantwoord"),
                "pogingen": int(e.get("pogingen", 0) or 0),
                "hints": int(e.get("hints", 0) or 0),
            }
        )
    return rows


def voortgang(les: str | int | None = None):
    """Hoe ver ben je? A table with every exercise of this lesson: resultaat, pogingen, hints."""
    from ..display import box, whole_text

    lesson = les if les is not None else _current_lesson()
    if lesson is None or not str(lesson).strip().isdigit():
        return box("ongeldig", "Welke les?", ['Schrijf het lesnummer, bijvoorbeeld voortgang("06").'])
    from .registry import lesson_exercises

    student = current_student()
    exercises = lesson_exercises(lesson)
    if not exercises:
        return box("ongeldig", f"Les {lesson} ken ik niet.", ['Schrijf het lesnummer, bijvoorbeeld voortgang("06").'])
    rows = progress_rows(lesson, student)
    counted = [r for r, ex in zip(rows, exercises) if ex.counts]
    right = sum(1 for r in counted if r["resultaat"] == "goed")
    who = student.name if student else "(nog geen naam ingevuld)"
    total = f"de {len(counted)} opdrachten" if len(counted) != 1 else "de ene opdracht"
    title = f"Voortgang van {who}, les {int(lesson):02d}: {right} van {total} goed."
    if any(ex.extra for ex in exercises):
        title += " Een opdracht met (extra) mag leeg blijven en telt niet mee."
    table = whole_text(rows, columns=["opdracht", "id", "resultaat", "pogingen", "hints"], show_index=False)
    return _Progress(title, table)


def _current_lesson() -> str | None:
    from ..les import current_lesson

    return current_lesson()


class _Progress:
    """The progress table with a line above it: shows as HTML in Jupyter, as text elsewhere."""

    def __init__(self, title: str, table):
        self.title = title
        self.table = table

    def _repr_html_(self) -> str:
        import html

        return f"<p><b>{html.escape(self.title)}</b></p>" + self.table._repr_html_()

    def __repr__(self) -> str:
        return self.title + "\n" + repr(self.table)
