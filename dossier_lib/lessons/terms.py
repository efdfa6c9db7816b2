"""Show what a difficult word means, where a lesson uses it first (from data/glossary.yaml)."""

from __future__ import annotations

import html


class TermBox:
    """One or more glossary words with their Dutch explanation: a box in Jupyter, plain text elsewhere."""

    def __init__(self, entries: list):
        self.entries = entries

    def __str__(self) -> str:
        return "\n".join(f"{e.term}: {e.explanation}" for e in self.entries)

    __repr__ = __str__

    def _repr_html_(self) -> str:
        rows = "".join(
            f"<div style='margin:2px 0'><b>{html.escape(e.term)}</b>: {html.escape(e.explanation)}</div>"
            for e in self.entries
        )
        return (
            "<div class='dossier-begrip' style='border-left:6px solid #56B4E9;background:#f3f9fd;"
            f"color:#222;padding:6px 12px;margin:4px 0;border-radius:4px'><b>Begrippen</b>{rows}</div>"
        )


def explain(*term_ids: str) -> TermBox:
    """The glossary entries for these ids ("sanctions", "summit"), shown together in one box."""
    from ..annotate.glossary import glossary_entry

    if not term_ids:
        raise ValueError('Geef minstens één begrip, bijvoorbeeld explain("sanctions").')
    return TermBox([glossary_entry(t) for t in term_ids])
