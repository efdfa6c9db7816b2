"""What a check or a hint shows: a coloured box in Jupyter, plain text in a terminal or in nbval."""

from __future__ import annotations

from dataclasses import dataclass, field

#: status -> the heading of its box (the colours are in palette.STATUS_COLORS)
HEADINGS = {
    "goed": "Goed!",
    "fout": "Nog niet goed.",
    "leeg": "Nog niet beantwoord.",
    "ongeldig": "Dit antwoord kan ik niet lezen.",
    "bewaard": "Bewaard.",
    "onbekend": "Onbekende opdracht.",
    "hint": "Hint",
}


def _box(status: str, title: str, lines: list[tuple[str, str]]) -> str:
    from ..display import box

    return box(status, title, lines, role="status").html


@dataclass(frozen=True)
class Feedback:
    """The result of one check: `correct` is True, False, or None (not checked: empty, unreadable, reflection)."""

    exercise_id: str
    status: str
    message: str
    hint: str = ""
    explanation: str = ""
    details: tuple[str, ...] = field(default=())
    score: float | None = None

    @property
    def correct(self) -> bool | None:
        if self.status == "goed":
            return True
        if self.status == "fout":
            return False
        return None

    def __bool__(self) -> bool:
        return self.correct is True

    def _lines(self) -> list[tuple[str, str]]:
        lines = [("", self.message)]
        lines += [("", d) for d in self.details]
        lines.append(("Tip:", self.hint))
        lines.append(("Uitleg:", self.explanation))
        return lines

    def _title(self) -> str:
        heading = HEADINGS[self.status]
        return f"{heading} ({self.exercise_id})" if self.exercise_id else heading

    def _repr_html_(self) -> str:
        return _box(self.status, self._title(), self._lines())

    def __str__(self) -> str:
        return "\n".join([self._title()] + [f"{label} {text}".strip() for label, text in self._lines() if text])

    def __repr__(self) -> str:
        return str(self)


@dataclass(frozen=True)
class HintCard:
    """One hint: number `level` of `total` for an exercise."""

    exercise_id: str
    text: str
    level: int
    total: int

    def _title(self) -> str:
        if not self.total:
            return f"Hint ({self.exercise_id})"
        return f"Hint {min(self.level, self.total)} van {self.total} ({self.exercise_id})"

    def _footer(self) -> str:
        if self.total and self.level < self.total:
            return "Kom je er nog niet uit? Vraag nog een hint."
        if self.total:
            return "Dit was de laatste hint. Lees het artikel nog eens rustig, of vraag je docent."
        return ""

    def _repr_html_(self) -> str:
        return _box("hint", self._title(), [("", self.text), ("", self._footer())])

    def __str__(self) -> str:
        return "\n".join(x for x in (self._title(), self.text, self._footer()) if x)

    def __repr__(self) -> str:
        return str(self)
