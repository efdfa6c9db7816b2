"""How the lessons show things: one HTML box and one whole-text table.

Feedback, hints, glossary words, Dutch error help and notices all use `box`, so they
look alike and take their colours from `palette.STATUS_COLORS`. Tables of sentences use
`whole_text`, which shows every cell in full and left-aligned *for that table only*:
pandas' settings for the rest of the kernel stay as they were.

    >>> print(box("goed", "Goed!", ["Je antwoord klopt."]).text)
    Goed!
    Je antwoord klopt.
    >>> table = whole_text([{"zin": "Een lange zin. " * 10}])
    >>> len(table.loc[0, "zin"]) > 50
    True

Text that a lesson prints goes through `wrapped`, which breaks long lines between words
(JupyterLab would break them in the middle of a word).
"""

from __future__ import annotations

import html
import textwrap
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from . import palette


@dataclass(frozen=True)
class Box:
    """A coloured box in Jupyter (``_repr_html_``), plain lines in a terminal or in nbval."""

    html: str
    text: str

    def _repr_html_(self) -> str:
        return self.html

    def __repr__(self) -> str:
        return self.text

    __str__ = __repr__


def box(kind: str, title: str, lines: Iterable[str | tuple[str, str]] = (), *, role: str = "note") -> Box:
    """One box: a bold `title` and lines below it (a line may be ``(label, text)``, label in bold).

    `kind` picks the colours (see `palette.STATUS_COLORS`). All text is escaped.
    `role` becomes the ARIA role, so a screen reader announces the box ("status" for feedback).
    """
    border, background = palette.STATUS_COLORS.get(kind, palette.STATUS_COLORS["info"])
    parts, plain = [], [title]
    for line in lines:
        label, text = line if isinstance(line, tuple) else ("", line)
        if not text:
            continue
        bold = f"<b>{html.escape(label)}</b> " if label else ""
        parts.append(f'<div style="margin-top:4px">{bold}{html.escape(text)}</div>')
        plain.append(f"{label} {text}" if label else text)
    markup = (
        f'<div class="dossier-box dossier-{html.escape(kind)}" role="{html.escape(role)}" '
        f'style="border-left:6px solid {border};background:{background};color:{palette.TEXT};'
        f'padding:8px 12px;margin:4px 0;border-radius:4px;font-size:1em;line-height:1.45">'
        f"{f'<b>{html.escape(title)}</b>' if title else ''}{''.join(parts)}</div>"
    )
    return Box(markup, "\n".join(p for p in plain if p))


_WHOLE_TEXT_CLASS = None


def _whole_text_class():
    """The DataFrame subclass behind `whole_text`, made on first use (pandas loads lazily)."""
    global _WHOLE_TEXT_CLASS
    if _WHOLE_TEXT_CLASS is None:
        import pandas as pd

        class WholeTextFrame(pd.DataFrame):
            """A table that shows every cell in full, left-aligned; slices are ordinary tables again."""

            _metadata = ["show_index", "note"]

            @property
            def _constructor(self):
                return pd.DataFrame

            def _repr_html_(self) -> str:
                with pd.option_context("display.max_colwidth", None, "display.max_rows", 200):
                    markup = self.to_html(index=getattr(self, "show_index", True), border=0, classes="dataframe")
                # JupyterLab right-aligns table cells; sentences read better from the left and may wrap
                style = 'style="text-align:left;white-space:normal;vertical-align:top"'
                note = getattr(self, "note", None)
                above = f'<p style="margin:2px 0 6px"><i>{html.escape(note)}</i></p>' if note else ""
                return above + (
                    markup.replace("<td>", f"<td {style}>")
                    .replace('<th style="text-align: right;">', f"<th {style}>")
                    .replace("<th>", f"<th {style}>")
                )

            def __repr__(self) -> str:
                with pd.option_context("display.max_colwidth", None, "display.width", 200, "display.max_rows", 200):
                    table = self.to_string(index=getattr(self, "show_index", True))
                note = getattr(self, "note", None)
                return f"{note}\n{table}" if note else table

        _WHOLE_TEXT_CLASS = WholeTextFrame
    return _WHOLE_TEXT_CLASS


def whole_text(
    rows: Any,
    columns: Sequence[str] | None = None,
    index: str | None = None,
    show_index: bool = True,
    note: str | None = None,
):
    """A table (pandas DataFrame) that shows whole sentences: from rows (dicts) or from a DataFrame.

    `index` names the column to use as row labels; `show_index=False` hides the row labels;
    `note` is one Dutch sentence shown above the table (for example: what the table does not cover).
    """
    import pandas as pd

    frame = (
        rows if isinstance(rows, pd.DataFrame) else pd.DataFrame(list(rows), columns=list(columns) if columns else None)
    )
    if index is not None:
        frame = frame.set_index(index)
    table = _whole_text_class()(frame)
    table.show_index = show_index
    table.note = note
    return table


#: Printed lines are wrapped at this many characters: they fit a notebook at 1280 px wide.
PRINT_WIDTH = 88


def wrapped(lines: Iterable[str], width: int = PRINT_WIDTH) -> str:
    """Lines for print(): each broken between words; a continuation is indented under its text.

    >>> print(wrapped(["  let op: " + "woord " * 20], width=40))
      let op: woord woord woord woord woord
        woord woord woord woord woord woord
        woord woord woord woord woord woord
        woord woord woord
    """
    out = []
    for line in lines:
        indent = line[: len(line) - len(line.lstrip())]
        out.append(
            textwrap.fill(
                line.strip(),
                width=width,
                initial_indent=indent,
                subsequent_indent=indent + "  ",
                break_long_words=False,
                break_on_hyphens=False,
            )
            if line.strip()
            else line
        )
    return "\n".join(out)
