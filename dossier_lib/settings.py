"""Lesson settings a teacher can change without editing a cell (the teacher's own articles).

`lesson_dossier()` is what every lesson's first cell loads.
"""

from __future__ import annotations


def lesson_dossier():
    """The dossier a lesson works with: the five bundled articles (and, later, the teacher's own folder)."""
    from .corpus import load_dossier

    return load_dossier()
