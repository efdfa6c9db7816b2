"""Lesson 08 "Cijfers in het nieuws": the numbers that carry a claim, and how to check them.

The notebook shows `key_numbers(dossier)` and draws `handel_grafiek(handel_2017)` (the student's own
answer to Opdracht 1, so the chart never shows the answer first) and
`dossier_lib.charts.honest_and_misleading_bars`. Its exercises are in teacher/sleutels/08_cijfers.yaml.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from ..display import whole_text

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd
    from matplotlib.figure import Figure

    from ..corpus import Article, Dossier

LESSON = "08"

#: Units that make a number a claim a reader can check.
KEY_UNITS = ("procent", "dollar", "gram")
#: From this value on a bare number is "big" enough to check (50.000 workers).
BIG = 1000


def is_key_number(number) -> bool:
    """A number a reader can check: it has a unit like procent/dollar/gram, or it is big."""
    return (number.unit in KEY_UNITS) or (number.kind == "cardinal" and number.value >= BIG)


def key_numbers(source: Dossier | Article | Iterable[Article]) -> pd.DataFrame:
    """The numbers that carry a claim: artikel, tekst, waarde, eenheid, telt (what), ongeveer (ja/nee)."""
    from ..analysis import articles, numbers_table

    table = numbers_table(articles(source, "cijfers.key_numbers(dossier)"))
    keep = table["eenheid"].isin(KEY_UNITS) | ((table["soort"] == "cardinal") & (table["waarde"] >= BIG))
    columns = ["artikel", "tekst", "waarde", "eenheid", "telt", "ongeveer"]
    return whole_text(table.loc[keep, columns].reset_index(drop=True))


def apparent_ratio(big: float, small: float, axis_start: float = 0.0) -> float:
    """How many times taller the big bar looks than the small one when the axis starts at `axis_start`."""
    if not small > axis_start:
        raise ValueError("Het begin van de as moet onder de kleinste staaf liggen, anders zie je die staaf niet.")
    return (big - axis_start) / (small - axis_start)


#: Trade between Russia and North Korea in 2018, in million dollars (article 001).
TRADE_2018 = 34


def handel_grafiek(handel_2017: object) -> Figure:
    """The honest and the misleading chart of the trade, with the student's own 2017 figure (Opdracht 1).

    Until the student has a number (``...``, text, nothing), the figure says in Dutch what to do first.
    """
    import math

    import matplotlib.pyplot as plt

    from ..charts import honest_and_misleading_bars

    number = handel_2017 if isinstance(handel_2017, (int, float)) and not isinstance(handel_2017, bool) else None
    if number is None or not math.isfinite(number) or number <= 0:
        fig, ax = plt.subplots(figsize=(11, 2.4))
        ax.axis("off")
        ax.text(
            0.5,
            0.5,
            "Nog geen grafiek: reken eerst bij Opdracht 1 de handel in 2017 uit (handel_2017 = ...).\n"
            "Voer die cel uit, en daarna deze cel opnieuw.",
            ha="center",
            va="center",
            fontsize=12,
            transform=ax.transAxes,
        )
        return fig
    return honest_and_misleading_bars(
        [round(number), TRADE_2018],
        ["2017 (jouw uitkomst)", "2018"],
        title="Handel tussen Rusland en Noord-Korea",
        unit="miljoen dollar",
    )
