"""Glossary explanations shown in a lesson where a term first appears.

>>> uitleg("sanctions", "leverage")      # last line of a cell: a small box per term
"""

from __future__ import annotations

import html
from dataclasses import dataclass


@dataclass(frozen=True)
class Begrippen:
    """Some glossary entries; shows as a box in Jupyter and as plain text elsewhere."""

    entries: tuple

    def _repr_html_(self) -> str:
        items = "".join(f"<li><b>{html.escape(e.term)}</b>: {html.escape(e.explanation)}</li>" for e in self.entries)
        return (
            '<div style="border-left:4px solid #56B4E9;background:#f3f9fd;padding:6px 12px;margin:4px 0">'
            f"<b>Begrippen</b><ul style='margin:4px 0'>{items}</ul></div>"
        )

    def __repr__(self) -> str:
        return "\n".join(f"{e.term}: {e.explanation}" for e in self.entries)


def uitleg(*term_ids: str) -> Begrippen:
    """The glossary entries with these ids (see dossier_lib/data/glossary.yaml), in this order."""
    from ..annotate.glossary import glossary_entry

    if not term_ids:
        raise ValueError('Geef minstens één woord uit de woordenlijst, bijvoorbeeld uitleg("sanctions").')
    return Begrippen(tuple(glossary_entry(t) for t in term_ids))
