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

    #: The first line of the box a notebook shows.
    title = "Deze artikelen kunnen niet geladen worden."

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
            f"<b>{html.escape(self.title)}</b>"
            f"<ul>{items}</ul></div>"
        )


def yaml_error_line(exc, text: str | None = None) -> int:
    """The line (from 1) a YAML error is on; at the very end of the file ("[" never closed), where it began.

    >>> import yaml
    >>> try:
    ...     yaml.safe_load("a: 1\\nb: [2\\n")
    ... except yaml.YAMLError as exc:
    ...     print(yaml_error_line(exc, "a: 1\\nb: [2\\n"))
    2
    """
    problem = getattr(exc, "problem_mark", None)
    context = getattr(exc, "context_mark", None)
    if problem is None:
        return context.line + 1 if context else 0
    lines = (text or "").rstrip("\n").count("\n") + 1 if text is not None else None
    if context is not None and lines is not None and problem.line + 1 > lines:
        return context.line + 1
    return problem.line + 1


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
