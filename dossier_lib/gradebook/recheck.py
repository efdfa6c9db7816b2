"""Grading a hand-in again from its raw answers, with the key: the only score the gradebook shows.

`recheck(handin)` asks the key (`dossier_lib.exercises.grade_answer`) about every
exercise of the lesson in lesson order ("Opdracht 1", "Opdracht 2", ...). An exercise
the student did not hand in, or left empty, is "niet beantwoord"; a reflection is
"bewaard" with its word count and counts in no score. What the student's file says
about right or wrong is never read.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from .handins import HandIn, Submitted

#: The statuses the gradebook shows, in the order a teacher reads them.
STATUSES = ("goed", "fout", "ongeldig", "niet beantwoord", "bewaard")
#: Longest answer text kept for the teacher's tables (a reflection may be long).
TEXT_LIMIT = 10_000


@dataclass(frozen=True)
class Task:
    """One exercise of a lesson as the gradebook lists it: Opdracht `number`."""

    id: str
    number: int | None
    label: str  # "Opdracht 3", or "Even nadenken" for an open question without a number
    kind: str
    question: str
    claim: str = ""
    graded: bool = True  # False for reflections: read by the teacher, not scored
    extra: bool = False  # in an "Extra" part of the lesson: checked and shown, never counted in the cijfer

    @property
    def counts(self) -> bool:
        """Counted in the score and the cijfer: graded, and not an Extra part."""
        return self.graded and not self.extra


@dataclass(frozen=True)
class Checked:
    """One re-checked answer."""

    task: Task
    status: str
    answer: Any
    answer_text: str
    message: str
    hints: int
    attempts: int
    words: int | None = None

    @property
    def correct(self) -> bool:
        return self.status == "goed"


def lesson_tasks(lesson: str) -> list[Task]:
    """The exercises of a lesson in lesson order (worked examples are never listed).

    Each has a label as the lesson names it ("Opdracht 3", "Even nadenken"); two alike get their id added.
    """
    from ..exercises import lesson_exercises

    exercises = lesson_exercises(lesson)
    labels = [ex.label for ex in exercises]
    return [
        Task(
            ex.id,
            ex.number,
            label if labels.count(label) == 1 else f"{label} ({ex.id})",
            ex.kind,
            ex.question,
            ex.claim or "",
            ex.graded,
            ex.extra,
        )
        for ex, label in zip(exercises, labels)
    ]


def _grade(exercise_id: str, answer: Any):
    from ..exercises import grade_answer

    return grade_answer(exercise_id, answer)


def answer_as_text(answer: Any) -> str:
    """How a raw answer reads for a teacher: text as it is, anything else as JSON.

    >>> answer_as_text("b"), answer_as_text(4), answer_as_text([["Trump", "persoon"]])
    ('b', '4', '[["Trump", "persoon"]]')
    """
    if isinstance(answer, str):
        return answer[:TEXT_LIMIT]
    return json.dumps(answer, ensure_ascii=False)[:TEXT_LIMIT]


def check_one(task: Task, given: Submitted | None) -> Checked:
    """Re-check one exercise of a hand-in (None: the student did not hand it in)."""
    if given is None or not given.answered:
        return Checked(
            task,
            "niet beantwoord",
            None,
            "",
            "",
            given.hints if given else 0,
            given.attempts if given else 0,
        )
    text = answer_as_text(given.answer)
    try:
        feedback = _grade(task.id, given.answer)
        status, message = feedback.status, feedback.message
    except Exception:  # noqa: BLE001 - one strange answer must not stop the whole class list
        status, message = "ongeldig", "Dit antwoord kon niet worden nagekeken."
    if status in ("leeg", "onbekend"):
        status = "niet beantwoord"
    if task.kind == "reflection":
        words = len(given.answer.split()) if isinstance(given.answer, str) else 0
        status = "bewaard" if isinstance(given.answer, str) and words else "niet beantwoord"
        return Checked(task, status, given.answer, text, "", given.hints, given.attempts, words)
    if status not in STATUSES:
        status = "ongeldig"
    return Checked(task, status, given.answer, text, message, given.hints, given.attempts)


def recheck(handin: HandIn, tasks: list[Task]) -> list[Checked]:
    """Every exercise of the lesson for this hand-in, re-checked with the key, in lesson order."""
    return [check_one(task, handin.submitted.get(task.id)) for task in tasks]
