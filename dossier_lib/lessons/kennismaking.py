"""Lesson 01 (kennismaking): the five articles and their source cards as tables, and a words chart.

>>> from dossier_lib import load_dossier
>>> source_cards(load_dossier()).loc["003", "krant of website"]
'onbekend'
"""

from __future__ import annotations

from ..arguments import article_arg, dossier_arg
from ..display import whole_text, wrapped

UNKNOWN = "onbekend"

LESSON = "01"


def overview(dossier):
    """The five articles as a short table: number, month in words, our title, words and paragraphs."""
    dossier = dossier_arg(dossier, "kennismaking.overview(dossier)", allow_article=False)

    rows = [
        {"nummer": a.label, "maand": a.month_label, "titel": a.title, "woorden": a.word_count, "alinea's": len(a.body)}
        for a in dossier
    ]
    return whole_text(rows, index="nummer")


def source_cards(dossier):
    """One row per article: number, month, our title and summary, outlet and author ('onbekend' when unknown)."""
    dossier = dossier_arg(dossier, "kennismaking.source_cards(dossier)", allow_article=False)

    rows = []
    for a in dossier:
        card = a.card
        rows.append(
            {
                "nummer": a.label,
                "maand": a.month_label,
                "titel": a.title,
                "samenvatting": card.summary if card else "",
                "krant of website": (card.outlet if card and card.outlet else UNKNOWN),
                "schrijver": (card.author if card and card.author else UNKNOWN),
            }
        )
    return whole_text(rows, index="nummer")


def show_card(article) -> str:
    """The source card of one article as a few Dutch lines (prints well in a notebook)."""
    article = article_arg(article, 'kennismaking.show_card(dossier["003"])')
    card = article.card
    if card is None:
        return (
            f"Artikel {article.label} heeft geen bronkaart. Alles wat we weten: het verscheen in {article.month_label}."
        )
    lines = [
        f"Artikel {article.label} ({article.month_label})",
        f"  titel (door ons bedacht): {card.title}",
        f"  samenvatting: {card.summary}",
        f"  krant of website: {card.outlet or UNKNOWN}",
        f"  schrijver: {card.author or UNKNOWN}",
    ]
    if card.note:
        lines.append(f"  let op: {card.note}")
    return wrapped(lines)


def words_chart(dossier):
    """A bar per article: how many words it has, in date order, with the month under the number."""
    import matplotlib.pyplot as plt

    from .. import palette
    from ..charts import FLAT_LABELS_MAX, grown, set_article_ticks

    dossier = dossier_arg(dossier, "kennismaking.words_chart(dossier)")
    articles = list(dossier) if not hasattr(dossier, "paragraphs") else [dossier]
    many = len(articles) > FLAT_LABELS_MAX
    fig, ax = plt.subplots(figsize=(grown(7, len(articles), 0.42, 2.0), 4.6 if many else 3.2))
    counts = [a.word_count for a in articles]
    if many:
        bars = ax.bar(range(len(articles)), counts, color=palette.OKABE_ITO["blue"])
        set_article_ticks(ax, articles)
    else:
        labels = [f"{a.label}\n{a.month_label}" for a in articles]
        bars = ax.bar(labels, counts, color=palette.OKABE_ITO["blue"])
    ax.bar_label(bars, padding=2, fontsize=9 if not many else 7.5)
    ax.set_title("Hoeveel woorden heeft elk artikel?", loc="left")
    ax.set_ylabel("aantal woorden")
    ax.set_ylim(0, max(counts) * 1.15)
    ax.tick_params(axis="x", labelsize=8)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    fig.tight_layout()
    fig.caption = (
        f"Staafdiagram: het aantal woorden van de {'vijf' if len(articles) == 5 else len(articles)} artikelen, "
        "van oud (links) naar nieuw (rechts)."
    )
    return fig
