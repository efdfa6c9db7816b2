"""Extra exercises of one lesson, kept beside the shared answer key.

A lesson that needs more exercises than `dossier_lib/data/answers.yaml` holds keeps
them in two files, like the shared key:

- ``teacher/lessen/NN_*.yaml``: the readable teacher form (outside the package);
- ``dossier_lib/lessons/antwoorden_NN.yaml``: the public form (answers hashed or veiled),
  written by `build_public` and read by `register_lesson`.

    >>> register_lesson("05")          # in the lesson's first code cell
    ['05.bezoeken-tellen', ...]
"""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).resolve().parent
TEACHER_FOLDER = HERE.parent.parent / "teacher" / "lessen"


def public_file(lesson: str) -> Path:
    """Where the public form of a lesson's extra exercises lives."""
    return HERE / f"antwoorden_{lesson}.yaml"


def teacher_file(lesson: str) -> Path:
    """The readable key of a lesson's extra exercises (only in the full project folder)."""
    found = sorted(TEACHER_FOLDER.glob(f"{lesson}_*.yaml"))
    if not found:
        raise FileNotFoundError(f"Geen docentbestand voor les {lesson} in {TEACHER_FOLDER}.")
    return found[0]


def build_public(lesson: str) -> str:
    """The text of the public file for `lesson`, made from the teacher file (deterministic)."""
    import yaml

    from ..exercises.answer_key import build_public_text

    teacher = yaml.safe_load(teacher_file(lesson).read_text(encoding="utf-8"))
    return build_public_text(teacher)


def write_public(lesson: str) -> Path:
    """Rebuild `antwoorden_NN.yaml` after a change in the teacher file."""
    path = public_file(lesson)
    path.write_text(build_public(lesson), encoding="utf-8")
    return path


def register_lesson(lesson: str) -> list[str]:
    """Make a lesson's extra exercises known to `check` and `hint` in this kernel; returns their ids."""
    import yaml

    from ..exercises import registry

    path = public_file(lesson)
    if not path.exists():
        raise FileNotFoundError(
            f"De opdrachten van les {lesson} ontbreken ({path.name}). Installeer het pakket opnieuw."
        )
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    salt = data.get("salt")
    ids = []
    for entry in data.get("exercises", []):
        exercise = registry.exercise_from_public(entry, salt) if salt else registry.exercise_from_public(entry)
        registry._REGISTERED[exercise.id] = exercise  # no public hook for a compiled exercise yet
        ids.append(exercise.id)
    return ids
