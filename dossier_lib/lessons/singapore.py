"""Lesson 04 "Singapore 2018": words of uncertainty, and what an article could not yet know.

A report written before an event is full of "zou", "verwacht wordt" and "het is niet
bekend of". This module finds those words, counts them per article, and sets the
article's month beside what the timeline says happened afterwards.

    >>> from dossier_lib import load_dossier
    >>> uncertainty_table(load_dossier()["003"])["woord"].tolist()[:2]
    ['zou', 'verwacht']
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..arguments import article_arg, date_arg, dossier_arg
from ..display import whole_text
from .inhoud import entries, text

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd
    from matplotlib.figure import Figure

    from ..corpus import Article, Dossier

LESSON = "04"

#: Words and phrases that say "this is not (yet) certain", with the kind of doubt they express.
#: Whole words, case-insensitive. They live in data/lessen/04_singapore.yaml (teacher-editable),
#: longer phrases first, so "verwacht wordt" wins over "verwacht".
UNCERTAINTY_WORDS: tuple[tuple[str, str], ...] = tuple(
    (text(row["woord"]).lower(), text(row["soort"]))
    for row in entries("04_singapore.yaml", "twijfelwoorden", required=("woord", "soort"))
)
_PATTERN = re.compile(r"(?<!\w)(" + "|".join(re.escape(w) for w, _ in UNCERTAINTY_WORDS) + r")(?!\w)", re.IGNORECASE)
_KIND = {w: k for w, k in UNCERTAINTY_WORDS}


@dataclass(frozen=True)
class UncertainWord:
    """One word of uncertainty in an article (offsets into Article.text, end exclusive)."""

    start: int
    end: int
    text: str
    kind: str
    paragraph: int


def find_uncertainty(article: Article) -> list[UncertainWord]:
    """Every word of uncertainty in the article (header excluded), sorted by start."""
    found = []
    for m in _PATTERN.finditer(article.text, article.body_start):
        p = article.paragraph_at(m.start())
        found.append(UncertainWord(m.start(), m.end(), m.group(), _KIND[m.group().lower()], p.index if p else -1))
    return found


def _sentence(article: Article, start: int, end: int) -> str:
    """The sentence around a hit, never crossing its paragraph's edges."""
    p = article.paragraph_at(start)
    lo, hi = (p.start, p.end) if p else (article.body_start, len(article.text))
    text = article.text
    begin = max(text.rfind(". ", lo, start) + 2 if text.rfind(". ", lo, start) != -1 else lo, lo)
    stop = text.find(". ", end, hi)
    return text[begin : stop + 1 if stop != -1 else hi].strip()


def uncertainty_table(article: Article) -> pd.DataFrame:
    """The uncertain words of one article: alinea, woord, soort twijfel and the whole sentence."""
    article = article_arg(article, "singapore.uncertainty_table(artikel)")
    rows = [
        {"alinea": w.paragraph, "woord": w.text, "soort twijfel": w.kind, "zin": _sentence(article, w.start, w.end)}
        for w in find_uncertainty(article)
    ]
    return whole_text(rows, columns=["alinea", "woord", "soort twijfel", "zin"])


def uncertainty_per_article(dossier: Dossier | Iterable[Article]) -> pd.DataFrame:
    """Per article: words, words of uncertainty, and how many per 100 words (to compare fairly)."""

    rows = []
    for a in dossier:
        n = len(find_uncertainty(a))
        rows.append(
            {
                "artikel": a.label,
                "maand": a.month_label,
                "woorden": a.word_count,
                "twijfelwoorden": n,
                "per 100 woorden": round(100 * n / max(a.word_count, 1), 1),
            }
        )
    return whole_text(
        rows, columns=["artikel", "maand", "woorden", "twijfelwoorden", "per 100 woorden"], index="artikel"
    )


def uncertainty_chart(dossier: Dossier | Iterable[Article], highlight: str = "003") -> Figure:
    """Bars: words of uncertainty per 100 words in each article; the lesson's article in orange."""
    import matplotlib.pyplot as plt

    from ..charts import FLAT_LABELS_MAX, grown, set_article_ticks, wrap_caption
    from ..palette import OKABE_ITO

    dossier = dossier_arg(dossier, "singapore.uncertainty_chart(dossier)")
    articles = [dossier] if hasattr(dossier, "paragraphs") else list(dossier)
    table = uncertainty_per_article(articles)
    many = len(articles) > FLAT_LABELS_MAX
    fig, ax = plt.subplots(figsize=(grown(7, len(articles), 0.45, 2.0), 5.2 if many else 3.6))
    labels = [f"{n}\n{m}" for n, m in zip(table.index, table["maand"])]
    colors = [OKABE_ITO["orange"] if n == highlight else OKABE_ITO["sky_blue"] for n in table.index]
    positions = range(len(labels)) if many else labels
    bars = ax.bar(positions, table["per 100 woorden"], color=colors, edgecolor="#333333", linewidth=0.6)
    if many:
        set_article_ticks(ax, articles)
    for bar, count, rate in zip(bars, table["twijfelwoorden"], table["per 100 woorden"]):
        ax.text(
            bar.get_x() + bar.get_width() / 2,
            bar.get_height() + 0.05,
            str(rate).replace(".", ",") if many else f"{str(rate).replace('.', ',')}\n({count} keer)",
            ha="center",
            va="bottom",
            fontsize=7.5 if many else 8.5,
        )
    ax.set_ylim(0, max(table["per 100 woorden"].max() * 1.35, 1))
    ax.yaxis.set_major_formatter(lambda y, _pos: f"{y:g}".replace(".", ","))
    ax.set_ylabel("twijfelwoorden per 100 woorden")
    ax.set_title("Hoeveel twijfel staat er in elk artikel?", loc="left", fontsize=12)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    fig.caption = (
        "Twijfelwoorden zoals 'zou', 'verwacht' en 'niet bekend' per 100 woorden"
        + ("" if many else "; tussen haakjes: hoe vaak in totaal")
        + f". Artikel {highlight} is oranje."
    )
    fig.text(0.5, 0.01, wrap_caption(fig, fig.caption, 8.5), ha="center", va="bottom", fontsize=8.5, color="#333333")
    if many:
        fig.subplots_adjust(left=0.6 / fig.get_size_inches()[0], right=0.98, top=0.9, bottom=0.42)
    else:
        fig.subplots_adjust(left=0.1, right=0.98, top=0.88, bottom=0.27)
    return fig


def known_and_after(article: Article, until: str = "2018-06-30") -> pd.DataFrame:
    """Timeline events from the month before the article to `until`: date, event, and whether the article mentions it.

    The column 'in het artikel?' says "ja" when the timeline links a passage of this article
    to the event, "nee" otherwise; 'na het artikel?' says whether the event came after
    the article's month, so the article could not know it.
    """

    from ..annotate.timeline import load_timeline
    from ..corpus import Dossier

    article = article_arg(article, "singapore.known_and_after(artikel)")
    last = date_arg(until, "de einddatum", '"2018-06-30"')
    first = dt.date(article.year - (article.month == 1), (article.month - 2) % 12 + 1, 1)
    month_end = dt.date(article.year + article.month // 12, article.month % 12 + 1, 1)
    rows = []
    for e in load_timeline(Dossier([article])):
        if not (first <= e.date_from <= last):
            continue
        rows.append(
            {
                "datum": e.date_from.isoformat(),
                "gebeurtenis": e.title,
                "in het artikel?": "ja" if any(p.article_id == article.id for p in e.passages) else "nee",
                "na het artikel?": "ja" if e.date_from >= month_end else "nee",
            }
        )
    return whole_text(rows, columns=["datum", "gebeurtenis", "in het artikel?", "na het artikel?"])
