"""Problems with article files, said in Dutch for teachers: file, line, what is wrong, what to do."""

from __future__ import annotations

import html
from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong (or worth knowing) about one article file."""

    file: str
    line: int
    message: str
    fix: str
    is_error: bool = True

    def __str__(self) -> str:
        label = "" if self.is_error else "let op: "
        return f"{self.file}:{self.line}: {label}{self.message} — {self.fix}"


class DossierFormatError(ValueError):
    """An article file could not be loaded. `problems` lists every reason."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))

    def _repr_html_(self) -> str:
        items = "".join(
            f"<li><code>{html.escape(p.file)}:{p.line}</code> {html.escape(p.message)}"
            f"<br><b>Wat te doen:</b> {html.escape(p.fix)}</li>"
            for p in self.problems
        )
        return (
            '<div class="dossier-error" style="border:2px solid #b2182b;border-radius:6px;'
            'padding:8px 12px;background:#fff5f5;color:#222">'
            "<b>Deze artikelen kunnen niet geladen worden.</b>"
            f"<ul>{items}</ul></div>"
        )


class StudentInputError(ValueError):
    """A function a student calls got something it cannot use. The message (Dutch) says what to do instead.

    In a lesson the Dutch error help shows only this message, without a traceback.

    >>> str(StudentInputError("Geef een plaats als tekst, bijvoorbeeld \\"hanoi\\"."))
    'Geef een plaats als tekst, bijvoorbeeld "hanoi".'
    """

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""


class StudentKeyError(StudentInputError, KeyError):
    """Something looked up by name (an article, a glossary term) does not exist; also a KeyError for old code."""
