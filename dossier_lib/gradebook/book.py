"""The gradebook of one folder of hand-ins: every student's re-checked work, per lesson.

    >>> from dossier_lib.gradebook import Gradebook
    >>> book = Gradebook("inleveringen")            # doctest: +SKIP
    >>> [r.student_name for r in book.results("06")]  # doctest: +SKIP
    ['Fenna Visser', 'Sanne de Vries']

Scores come only from `recheck` (the key), never from what a hand-in says about itself.
For a lesson with a rubric (lesson 10) the cijfer comes from the rubric points the
teacher gave (`store.GradingStore`); for the other lessons from the exercises right.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property
from pathlib import Path

from . import grades
from .handins import Found, HandIn, read_folder
from .recheck import Checked, Task, lesson_tasks, recheck
from .store import GradingStore


class NoGradingFolder(RuntimeError):
    """Scores and comments need a folder to be kept in; the package runs without the teacher's folder."""


@dataclass(frozen=True)
class Result:
    """One student's hand-in of one lesson, re-checked, with the teacher's rubric scores."""

    handin: HandIn
    checked: tuple[Checked, ...]
    levels: dict
    comment: str
    rubric: grades.Rubric | None

    @property
    def student_id(self) -> str:
        return self.handin.student_id

    @property
    def student_name(self) -> str:
        return self.handin.student_name

    @property
    def lesson(self) -> str:
        return self.handin.lesson

    @property
    def right(self) -> int:
        return sum(1 for c in self.checked if c.task.counts and c.correct)

    @property
    def graded(self) -> int:
        return sum(1 for c in self.checked if c.task.counts)

    @property
    def hints(self) -> int:
        return sum(c.hints for c in self.checked)

    @property
    def rubric_points(self) -> int | None:
        return self.rubric.total(self.levels) if self.rubric else None

    @property
    def grade(self) -> Decimal | None:
        """The cijfer: from the rubric where the lesson has one (None until fully scored), else from the exercises."""
        if self.rubric is not None:
            return self.rubric.grade(self.levels)
        return grades.cijfer(self.right, self.graded)

    def of(self, task_id: str) -> Checked | None:
        return next((c for c in self.checked if c.task.id == task_id), None)


class Gradebook:
    """All hand-ins under `folder`, re-checked; teacher decisions kept in `grading_folder`.

    `grading_folder` defaults to the teacher's ``teacher/nakijken/`` (`paths.GRADING`).
    """

    def __init__(self, folder: str | Path, grading_folder: str | Path | None = None):
        from ..paths import GRADING

        self.folder = Path(folder)
        self.grading_folder = Path(grading_folder) if grading_folder is not None else GRADING
        self._stores: dict[str, GradingStore] = {}
        self._tasks: dict[str, list[Task]] = {}
        self._checked: dict[Path, tuple[Checked, ...]] = {}

    @cached_property
    def found(self) -> Found:
        found = read_folder(self.folder)
        from .handins import Problem

        known: list[HandIn] = []
        unknown: list[HandIn] = []
        for handin in found.handins:
            (known if self.tasks(handin.lesson) else unknown).append(handin)
        found.handins = known
        found.problems.extend(
            Problem(h.path, f"les {h.lesson} bestaat niet (of heeft geen opdrachten)") for h in unknown
        )
        found.problems.sort(key=lambda p: str(p.path))
        return found

    def reload(self) -> Gradebook:
        """Read the folder again (new hand-ins); the teacher's scores stay."""
        self.__dict__.pop("found", None)
        self._stores.clear()
        self._checked.clear()
        return self

    @property
    def lessons(self) -> list[str]:
        return sorted({h.lesson for h in self.found.handins})

    def tasks(self, lesson: str) -> list[Task]:
        if lesson not in self._tasks:
            try:
                self._tasks[lesson] = lesson_tasks(lesson)
            except (FileNotFoundError, KeyError, ValueError):
                self._tasks[lesson] = []
        return self._tasks[lesson]

    def store(self, lesson: str) -> GradingStore:
        if self.grading_folder is None:
            raise NoGradingFolder(
                "Voor beoordelingen en opmerkingen is een map nodig om ze te bewaren. Geef die op: "
                'Gradebook(map, grading_folder="...") of nakijken MAP --beoordelingen MAP.'
            )
        if lesson not in self._stores:
            self._stores[lesson] = GradingStore(self.grading_folder, lesson)
        return self._stores[lesson]

    def _levels(self, lesson: str, student_id: str) -> tuple[dict, str]:
        if self.grading_folder is None or not (self.grading_folder / f"les_{lesson}.json").exists():
            return {}, ""
        store = self.store(lesson)
        return store.levels(student_id), store.comment(student_id)

    def results(self, lesson: str) -> list[Result]:
        """Every student's hand-in of `lesson`, re-checked, sorted by name."""
        tasks = self.tasks(lesson)
        rubric = grades.rubric(lesson) if grades.has_rubric(lesson) else None
        out = []
        for handin in self.found.handins:
            if handin.lesson != lesson:
                continue
            levels, comment = self._levels(lesson, handin.student_id)
            if handin.path not in self._checked:  # the key does not change while the notebook runs
                self._checked[handin.path] = tuple(recheck(handin, tasks))
            out.append(Result(handin, self._checked[handin.path], levels, comment, rubric))
        return sorted(out, key=lambda r: (r.student_name.casefold(), r.student_id))

    def result(self, lesson: str, student_id: str) -> Result | None:
        return next((r for r in self.results(lesson) if r.student_id == student_id), None)

    def students(self) -> list[tuple[str, str]]:
        """(id, name) of every student with a counted hand-in, sorted by name."""
        seen = {h.student_id: h.student_name for h in self.found.handins}
        return sorted(seen.items(), key=lambda item: (item[1].casefold(), item[0]))
