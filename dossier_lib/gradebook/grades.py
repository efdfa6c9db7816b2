"""Dutch cijfers (1 to 10) from points, and the rubric of lesson 10 read from its data file.

One formula for every lesson, the usual Dutch one::

    cijfer = 1 + 9 × punten / maximum      (rounded to one decimal, half up)

For lessons 01–09 the points are the exercises the key marks right (reflections count
in no score); for lesson 10 they are the rubric points the teacher gives (the ``rubriek:``
section of ``dossier_lib/data/lessen/10_eindopdracht.yaml``: per criterion, points per level).

    >>> cijfer(0, 5), cijfer(5, 5), cijfer(3, 5)
    (Decimal('1.0'), Decimal('10.0'), Decimal('6.4'))
    >>> dutch_number(cijfer(10, 20))
    '5,5'
    >>> r = rubric("10")
    >>> r.maximum, r.points("Citeren", "goed")
    (20, 3)
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from functools import cache

RUBRIC_KEY = "rubriek"
LEVELS_KEY = "rubriek_niveaus"


def cijfer(points: float, maximum: float) -> Decimal | None:
    """1 + 9 × points / maximum, to one decimal (half up); None when there is nothing to score."""
    if not maximum or maximum <= 0:
        return None
    share = Decimal(str(points)) / Decimal(str(maximum))
    share = min(max(share, Decimal(0)), Decimal(1))
    return (1 + 9 * share).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def dutch_number(value: Decimal | float | None) -> str:
    """A number with a decimal comma, as Dutch school systems read it; '' for None."""
    if value is None:
        return ""
    return str(value).replace(".", ",")


@dataclass(frozen=True)
class Criterion:
    name: str
    descriptions: tuple[str, ...]
    points: tuple[int, ...]

    @property
    def maximum(self) -> int:
        return max(self.points)


@dataclass(frozen=True)
class Rubric:
    """A rubric: levels (from low to high) and criteria, each with a text and points per level."""

    lesson: str
    levels: tuple[str, ...]
    criteria: tuple[Criterion, ...]

    @property
    def maximum(self) -> int:
        return sum(c.maximum for c in self.criteria)

    def criterion(self, name: str) -> Criterion:
        for c in self.criteria:
            if c.name == name:
                return c
        raise KeyError(name)

    def points(self, criterion: str, level: str) -> int:
        """The points of one level of one criterion."""
        return self.criterion(criterion).points[self.levels.index(level)]

    def total(self, chosen: dict[str, str]) -> int | None:
        """The points of a full scoring {criterion: level}; None until every criterion has a level."""
        try:
            return sum(self.points(c.name, chosen[c.name]) for c in self.criteria)
        except (KeyError, ValueError):
            return None

    def grade(self, chosen: dict[str, str]) -> Decimal | None:
        """The cijfer for a full scoring; None while a criterion is still open."""
        total = self.total(chosen)
        return None if total is None else cijfer(total, self.maximum)


def _parse(lesson: str, name: str) -> Rubric:
    """The rubric in lesson file `name`, checked entry by entry (Dutch messages from `inhoud.entries`)."""
    from ..lessons.inhoud import FOLDER, LessonDataError, entries

    levels = tuple(str(row["niveau"]) for row in entries(name, LEVELS_KEY, required=("niveau",)))
    criteria = []
    for row in entries(name, RUBRIC_KEY, required=("criterium", "punten", "beschrijving")):
        where = f"dossier_lib/data/{FOLDER}/{name}, criterium {row['criterium']!r}"
        texts, points = row["beschrijving"], row["punten"]
        if not isinstance(texts, list) or not isinstance(points, list) or not len(texts) == len(points) == len(levels):
            raise LessonDataError(
                f"{where}: geef precies {len(levels)} punten en {len(levels)} beschrijvingen, "
                f"één per niveau ({', '.join(levels)})."
            )
        if not all(isinstance(p, int) and not isinstance(p, bool) and p >= 0 for p in points) or points != sorted(
            points
        ):
            raise LessonDataError(f"{where}: de punten zijn hele getallen, van laag naar hoog per niveau.")
        criteria.append(Criterion(str(row["criterium"]), tuple(str(t) for t in texts), tuple(points)))
    return Rubric(lesson, levels, tuple(criteria))


def _lesson_file(lesson: str) -> str | None:
    """The name of the lesson's content file in ``dossier_lib/data/lessen/`` that has a rubric, or None."""
    from ..data import DATA_DIR
    from ..lessons.inhoud import FOLDER, lesson_file

    for path in sorted((DATA_DIR / FOLDER).glob(f"{lesson}_*.yaml")):
        data = lesson_file(path.name)
        if isinstance(data, dict) and RUBRIC_KEY in data:
            return path.name
    return None


@cache
def rubric(lesson: str = "10") -> Rubric:
    """The rubric of a lesson, from its content file in ``dossier_lib/data/lessen/`` (FileNotFoundError if none)."""
    name = _lesson_file(lesson)
    if name is None:
        raise FileNotFoundError(f"Les {lesson} heeft geen rubric.")
    return _parse(lesson, name)


def has_rubric(lesson: str) -> bool:
    """Whether a lesson is scored with a rubric (lesson 10)."""
    return _lesson_file(lesson) is not None
