"""Lesson 09 "Vladivostok en de kaart": the summits on a map, distances, a Dutch calendar, Russia's role.

The notebook shows `afstanden()`, `afstanden_grafiek()`, `maandkalender(2019, 4, markeer=25)`
and `rusland_bewijs(dossier)`. Its exercises are in teacher/sleutels/09_vladivostok.yaml.

    >>> weekdag("2019-04-25")
    'donderdag'
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING

from ..display import whole_text
from ..nl import maandkalender, weekdag  # noqa: F401  (lesson 09 shows them as vladivostok.*)
from .inhoud import LessonDataError, entries, text

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd
    from matplotlib.figure import Figure

    from ..corpus import Dossier

LESSON = "09"

#: Where Kim met another leader in the period of the dossier (ids in data/kb.yaml).
SUMMIT_PLACES = ("panmunjom", "beijing", "singapore", "hanoi", "vladivostok")

#: How Kim travelled to a summit, with where we checked it (not from the articles unless said so).
#: From data/lessen/09_vladivostok.yaml: place id -> (how, source).
TRAVEL = {
    text(row["plaats"]): (text(row["vervoer"]), text(row["bron"]))
    for row in entries("09_vladivostok.yaml", "reizen", required=("plaats", "vervoer", "bron"))
}


def _russia_evidence() -> tuple[tuple[str, str, str, tuple[str, ...]], ...]:
    rows = entries(
        "09_vladivostok.yaml", "rusland_bewijs", required=("bewering", "citaat"), optional=("nagaan", "bronnen")
    )
    found = []
    for number, row in enumerate(rows, start=1):
        check, sources = text(row.get("nagaan") or ""), tuple(text(s) for s in row.get("bronnen") or ())
        if check and not sources:
            raise LessonDataError(
                f"dossier_lib/data/lessen/09_vladivostok.yaml, rusland_bewijs nummer {number}: bij 'nagaan' horen "
                "ook 'bronnen': zeg waar het vandaan komt."
            )
        found.append((text(row["bewering"]), text(row["citaat"]), check, sources))
    return tuple(found)


#: Claims about Russia in article 001: (claim, the words that prove it, what other sources say, their sources).
#: From data/lessen/09_vladivostok.yaml; the quotes are checked in the tests. The veto claim is left
#: out on purpose: students find that evidence themselves (09.bewijs-veto).
RUSSIA_EVIDENCE = _russia_evidence()


def _places(vanaf: str, plaatsen: Iterable[str]) -> tuple[str, list[str]]:
    from ..arguments import place_arg

    if isinstance(plaatsen, str):
        plaatsen = [plaatsen]
    if not isinstance(plaatsen, (list, tuple)):
        plaatsen = list(SUMMIT_PLACES) if plaatsen is SUMMIT_PLACES else None
    if not plaatsen:
        from ..errors import StudentInputError

        raise StudentInputError('Geef de plaatsen als lijst, bijvoorbeeld ["hanoi", "singapore"].')
    return place_arg(vanaf), [place_arg(p) for p in plaatsen]


def afstanden(vanaf: str = "pyongyang", plaatsen: Iterable[str] = SUMMIT_PLACES) -> pd.DataFrame:
    """Distance in km (rounded) from `vanaf` to each place, farthest first, with how Kim travelled there."""

    from ..geo import distances_from

    vanaf, plaatsen = _places(vanaf, plaatsen)
    rows = [
        {"plaats": name, "afstand (km)": round(km), "Kim reisde met": TRAVEL.get(pid, ("–", ""))[0]}
        for pid, name, km in distances_from(vanaf, plaatsen)
    ]
    return whole_text(rows, columns=["plaats", "afstand (km)", "Kim reisde met"], index="plaats")


def afstanden_grafiek(vanaf: str = "pyongyang", plaatsen: Iterable[str] = SUMMIT_PLACES) -> Figure:
    """Horizontal bars: how far each summit place is from `vanaf` (great-circle km)."""
    import matplotlib.pyplot as plt

    from .. import palette
    from ..geo import distances_from, place

    vanaf, plaatsen = _places(vanaf, plaatsen)
    rows = distances_from(vanaf, plaatsen)[::-1]
    fig, ax = plt.subplots(figsize=(8, 3.6))
    names = [name for _, name, _ in rows]
    kms = [km for _, _, km in rows]
    bars = ax.barh(names, kms, color=palette.YES)
    for bar, km in zip(bars, kms):
        ax.text(
            bar.get_width() + 60,
            bar.get_y() + bar.get_height() / 2,
            f"{round(km):,} km".replace(",", "."),
            va="center",
            fontsize=10,
        )
    ax.set_xlim(0, max(kms) * 1.2)
    ax.set_xlabel("afstand in kilometer (in een rechte lijn over de aardbol)")
    ax.set_title(f"Hoe ver is het vanaf {place(vanaf).name}?", fontsize=13, loc="left")
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    fig.tight_layout()
    return fig


def rusland_bewijs(dossier: Dossier) -> pd.DataFrame:
    """What article 001 says about Russia: claim, the exact words (citaat), the paragraph, and what others say.

    The column 'wat andere bronnen zeggen' is empty where the lesson lets students check it themselves.
    """

    from ..arguments import dossier_arg
    from ..exercises.quotes import find_quote

    dossier = dossier_arg(dossier, "vladivostok.rusland_bewijs(dossier)", allow_article=False)
    article = dossier["001"]
    rows = []
    for claim, quote, check, sources in RUSSIA_EVIDENCE:
        where = find_quote(article.text, quote)
        if where is None:
            raise ValueError(f"Het citaat {quote[:40]!r} staat niet (meer) in artikel 001.")
        others = f"{check} (Bronnen: {'; '.join(sources)}.)" if check else ""
        rows.append(
            {
                "bewering": claim,
                "citaat uit artikel 001": quote,
                "alinea": article.paragraph_at(where[0]).index,
                "wat andere bronnen zeggen": others,
            }
        )
    return whole_text(rows, index="bewering")


def tijdlijn_maand(jaar: int, maand: int) -> pd.DataFrame:
    """The events of one month on the dossier's timeline: datum, gebeurtenis, plaats (Dutch)."""

    from ..analysis import label
    from ..annotate.timeline import events_between
    from ..arguments import month_arg, year_arg

    jaar, maand = year_arg(jaar), month_arg(maand)
    first = dt.date(jaar, maand, 1)
    rows = [
        {"datum": e.date_label, "gebeurtenis": e.title, "plaats": label(e.place) if e.place else ""}
        for e in events_between(first, f"{jaar:04d}-{maand:02d}")
    ]
    return whole_text(rows, columns=["datum", "gebeurtenis", "plaats"])
