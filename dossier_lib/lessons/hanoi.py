"""Lesson 06 (Hanoi): the competing accounts of the failed summit, as a table and a dated chart.

>>> standpunten("hanoi-all-sanctions")["wie"].tolist()[:3]
['Donald Trump', 'Donald Trump', 'Ri Yong-ho']
>>> print(buiten_het_dossier("hanoi-all-sanctions").text.splitlines()[0])
Buiten het dossier: wat zeggen andere bronnen?
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..display import Box, whole_text
from .inhoud import LessonDataError, entries, text

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd
    from matplotlib.figure import Figure

    from ..corpus import Dossier


def _claim(claim_id: str, dossier: Dossier | None = None):
    """One claim of data/claims.yaml by id; an unknown id gets a Dutch message with the choices."""
    from ..annotate.claims import load_claims
    from ..arguments import choice_arg, dossier_arg

    if dossier is not None:
        dossier = dossier_arg(dossier, 'hanoi.standpunten("hanoi-all-sanctions", dossier)', allow_article=False)
    claims = {c.id: c for c in load_claims(dossier)}
    claim_id = choice_arg(claim_id, list(claims), "bewering uit de lijst", 'hanoi.standpunten("hanoi-all-sanctions")')
    return claims[claim_id]


def standpunten(claim_id: str, dossier: Dossier | None = None, artikel: str | None = None) -> pd.DataFrame:
    """Who says what about one claim of data/claims.yaml: speaker, article, short stance, exact quote.

    With `artikel` ("002") only what that article says: a lesson can show one article's side
    before the students have read the next one.
    """

    from ..analysis import label
    from ..annotate.claims import JOURNALIST

    claim = _claim(claim_id, dossier)
    positions = [p for p in claim.positions if artikel is None or p.label == artikel]
    if not positions:
        from ..errors import StudentKeyError

        raise StudentKeyError(f"Artikel {artikel!r} zegt niets over de bewering {claim_id!r}.")
    rows = [
        {
            "wie": "de krant zelf" if p.claimant == JOURNALIST else label(p.claimant),
            "artikel": p.label,
            "wat zegt hij of zij?": p.stance,
            "citaat": p.text,
        }
        for p in positions
    ]
    return whole_text(rows, show_index=False)


_OUTSIDE = "Buiten het dossier:"


def buiten_het_dossier(claim_id: str) -> Box:
    """What sources outside the five articles say about one claim (`context_nl` and `sources` in claims.yaml)."""
    from ..display import box

    claim = _claim(claim_id)
    title = "Buiten het dossier: wat zeggen andere bronnen?"
    if not claim.context:
        return box(
            "info", title, [f"Bij de bewering '{claim.question}' staat in claims.yaml niets van buiten het dossier."]
        )
    context = claim.context.strip()
    if context.startswith(_OUTSIDE):
        context = context[len(_OUTSIDE) :].strip()
        context = context[:1].upper() + context[1:]
    lines: list[str | tuple[str, str]] = [("Vraag:", claim.question), context]
    lines += [("Bron:", source) for source in claim.sources]
    return box("info", title, lines)


@dataclass(frozen=True)
class Statement:
    """One public statement about the sanctions, with its date and where we checked it."""

    day: dt.date
    speaker: str
    says: str
    kind: str  # "alle", "bijna-alle", "deel" or "schuld" (see _KIND_COLOURS)
    source: str


#: The colour of each kind of statement in the chart (the labels are in data/lessen/06_hanoi.yaml).
_KIND_COLOURS = {"alle": "vermillion", "bijna-alle": "orange", "deel": "blue", "schuld": "reddish_purple"}


def _statements() -> tuple[Statement, ...]:
    """The dated statements of data/lessen/06_hanoi.yaml, oldest first."""
    rows = entries("06_hanoi.yaml", "uitspraken", required=("datum", "spreker", "zegt", "soort", "bron"))
    found = []
    for number, row in enumerate(rows, start=1):
        day = row["datum"]
        if isinstance(day, str):
            day = _date(day, number)
        if row["soort"] not in _KIND_COLOURS:
            raise LessonDataError(
                f"dossier_lib/data/lessen/06_hanoi.yaml, uitspraak {number}: soort {row['soort']!r} ken ik niet. "
                f"Kies uit: {', '.join(_KIND_COLOURS)}."
            )
        says = "\n".join(text(line) for line in str(row["zegt"]).split("\n"))
        found.append(Statement(day, text(row["spreker"]), says, row["soort"], text(row["bron"])))
    return tuple(sorted(found, key=lambda s: s.day))


def _date(value: str, number: int) -> dt.date:
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise LessonDataError(
            f"dossier_lib/data/lessen/06_hanoi.yaml, uitspraak {number}: de datum {value!r} is niet goed. "
            "Schrijf hem als JJJJ-MM-DD, bijvoorbeeld 2019-03-15."
        ) from None


def _kinds() -> dict[str, tuple[str, str]]:
    """Per kind of statement: the legend text and the palette colour."""
    rows = entries("06_hanoi.yaml", "soorten", required=("soort", "betekent"))
    labels = {row["soort"]: text(row["betekent"]) for row in rows}
    return {kind: (labels.get(kind, kind), colour) for kind, colour in _KIND_COLOURS.items()}


#: What was said, and when. Checked against news reports (see `source`), not only the articles.
STATEMENTS = _statements()
_KINDS = _kinds()


def verhalen_chart() -> Figure:
    """Who said what about the sanctions, day by day after the summit of 27–28 February 2019."""
    import matplotlib.dates as mdates
    import matplotlib.pyplot as plt
    from matplotlib.lines import Line2D

    from .. import palette

    speakers = list(dict.fromkeys(s.speaker for s in STATEMENTS))
    fig, ax = plt.subplots(figsize=(10, 3.6))
    ax.axvspan(dt.date(2019, 2, 27), dt.date(2019, 3, 1), color="#eeeeee", zorder=0, lw=0)
    ax.text(dt.date(2019, 2, 28), -0.75, "top in Hanoi", ha="center", fontsize=9, color="#555555")
    for s in STATEMENTS:
        row = speakers.index(s.speaker)
        color = palette.OKABE_ITO[_KINDS[s.kind][1]]
        ax.plot([s.day], [row], "o", ms=11, color=color, zorder=3)
        ax.annotate(s.says, (s.day, row), xytext=(10, 0), textcoords="offset points", va="center", fontsize=9)
    ax.set_yticks(range(len(speakers)))
    ax.set_yticklabels(speakers)
    ax.set_ylim(len(speakers) - 0.5, -1.1)
    ax.set_xlim(dt.date(2019, 2, 25), dt.date(2019, 3, 24))
    ax.xaxis.set_major_locator(mdates.DayLocator(bymonthday=(1, 8, 15, 22, 27)))
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%d-%m"))
    ax.set_xlabel("datum (dag-maand, 2019)")
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    handles = [Line2D([], [], marker="o", ls="", ms=9, color=palette.OKABE_ITO[c], label=t) for t, c in _KINDS.values()]
    ax.legend(handles=handles, loc="upper right", fontsize=8, frameon=True)
    ax.set_title("Wie zei wat over de sancties, en wanneer?", fontsize=13, loc="left")
    fig.subplots_adjust(left=0.2, right=0.98, top=0.88, bottom=0.17)
    return fig
