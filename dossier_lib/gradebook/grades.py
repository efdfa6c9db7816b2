"""Dutch cijfers (1 to 10) from points, and the rubric of lesson 10 read from its data file.

One formula for every lesson, the usual Dutch one::

    cijfer = 1 + 9 × punten / maximum      (rounded to one decimal, half up)

For lessons 01–09 the points are the exercises the key marks right (reflections count
in no score); for lesson 10 they are the rubric points the teacher gives
(``dossier_lib/data/rubriek_10.yaml``: per criterion, points per level).

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

RUBRIC_FILE = "rubriek_{lesson}.yaml"


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


class RubricError(ValueError):
    """The rubric data file is not usable: Dutch message naming the file and criterion."""


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


def _parse(lesson: str, data: object, where: str) -> Rubric:
    if not isinstance(data, dict) or not isinstance(data.get("niveaus"), list) or not data.get("criteria"):
        raise RubricError(f"{where}: er horen 'niveaus' (een lijst) en 'criteria' in te staan.")
    levels = tuple(str(level) for level in data["niveaus"])
    criteria = []
    for entry in data["criteria"]:
        name = str(entry.get("naam", "")).strip() if isinstance(entry, dict) else ""
        if not name:
            raise RubricError(f"{where}: elk criterium heeft een 'naam'.")
        texts, points = entry.get("beschrijving", []), entry.get("punten", [])
        if len(texts) != len(levels) or len(points) != len(levels):
            raise RubricError(
                f"{where}, criterium {name!r}: geef precies {len(levels)} beschrijvingen en {len(levels)} punten "
                f"(één per niveau: {', '.join(levels)})."
            )
        if not all(isinstance(p, int) and not isinstance(p, bool) and p >= 0 for p in points) or list(points) != sorted(
            points
        ):
            raise RubricError(f"{where}, criterium {name!r}: de punten zijn hele getallen, oplopend per niveau.")
        criteria.append(Criterion(name, tuple(str(t) for t in texts), tuple(points)))
    return Rubric(lesson, levels, tuple(criteria))


@cache
def rubric(lesson: str = "10") -> Rubric:
    """The rubric of a lesson, from ``dossier_lib/data/rubriek_NN.yaml`` (raises FileNotFoundError if none)."""
    from ..data import DATA_DIR, load_yaml

    name = RUBRIC_FILE.format(lesson=lesson)
    if not (DATA_DIR / name).exists():
        raise FileNotFoundError(f"Les {lesson} heeft geen rubric ({name}).")
    return _parse(lesson, load_yaml(name), f"dossier_lib/data/{name}")


def has_rubric(lesson: str) -> bool:
    from ..data import DATA_DIR

    return (DATA_DIR / RUBRIC_FILE.format(lesson=lesson)).exists()
