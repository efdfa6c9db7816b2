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

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd
    from matplotlib.figure import Figure

    from ..corpus import Dossier

LESSON = "09"

#: Where Kim met another leader in the period of the dossier (ids in data/kb.yaml).
SUMMIT_PLACES = ("panmunjom", "beijing", "singapore", "hanoi", "vladivostok")

#: How Kim travelled to a summit, with where we checked it (not from the articles unless said so).
TRAVEL = {
    "singapore": ("vliegtuig", "juni 2018: een Boeing 747 van Air China (KBS, The Week, 10-11 juni 2018)"),
    "hanoi": (
        "trein, laatste stuk per auto",
        "februari 2019: ruim 60 uur met zijn gepantserde trein door China (CGTN, Vice)",
    ),
    "vladivostok": (
        "trein",
        "april 2019: met zijn gepantserde trein, een dag voor de top (Wikipedia; persbureaubericht 25-4-2019)",
    ),
    "beijing": ("trein", "januari 2019: 'De befaamde trein' (artikel 000)"),
}


#: Claims about Russia in article 001, each with the words that prove it (checked in the tests).
#: The veto claim is left out on purpose: students find that evidence themselves (09.bewijs-veto).
RUSSIA_EVIDENCE = (
    (
        "In Rusland werken Noord-Koreaanse dwangarbeiders",
        "de circa 50.000 Noord-Koreaanse dwangarbeiders die in Rusland werken",
    ),
    (
        "Die arbeiders moeten terug naar huis",
        "Volgens de VN-sancties moeten alle arbeiders uiterlijk november naar hun thuisland terugkeren.",
    ),
    (
        "Rusland wil een gasleiding door Noord-Korea",
        "Daarnaast streeft Moskou al jaren naar de aanleg van een aardgaspijplijn",
    ),
    ("De handel tussen de twee landen is klein", "De bilaterale handel bedroeg in 2018 slechts 34 miljoen dollar"),
    (
        "Rusland heeft weinig invloed op de kernwapens",
        "Moskou heeft bovendien geen vinger in de pap bij het heetste hangijzer rond Noord-Korea: de kernwapens.",
    ),
)


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
    """What article 001 says about Russia: claim, the exact words (citaat) and the paragraph number."""

    from ..arguments import dossier_arg
    from ..exercises.quotes import find_quote

    dossier = dossier_arg(dossier, "vladivostok.rusland_bewijs(dossier)", allow_article=False)
    article = dossier["001"]
    rows = []
    for claim, quote in RUSSIA_EVIDENCE:
        where = find_quote(article.text, quote)
        if where is None:
            raise ValueError(f"Het citaat {quote[:40]!r} staat niet (meer) in artikel 001.")
        rows.append(
            {"bewering": claim, "citaat uit artikel 001": quote, "alinea": article.paragraph_at(where[0]).index}
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
