"""Lesson 07 "Wie zegt wat?": quotes, speakers and sources without a name.

The notebook stays short: it shows `quotes_table(...)` and `vague_sources(...)`.
Its exercises are in teacher/sleutels/07_wie_zegt_wat.yaml (see dossier_lib/exercises/registry.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from ..display import whole_text

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from ..corpus import Article, Dossier

LESSON = "07"

#: Phrases that give information without saying exactly who gave it.
#: Each is a regular expression (case-insensitive) and a short Dutch remark.
VAGUE_SOURCES: tuple[tuple[str, str], ...] = (
    (r"Zuid-Koreaanse media", "welke media? geen naam"),
    (r"Een Zuid-Koreaanse krant berichtte", "welke krant? geen naam"),
    (r"circuleerden er berichten", "wie verspreidde die berichten? onbekend"),
    (r"Verwacht wordt", "wie verwacht dat? onbekend"),
    (r"Deskundigen", "welke deskundigen? geen namen"),
    (r"Het is niet bekend", "de schrijver zegt eerlijk wat niemand weet"),
    (r"Het is onduidelijk hoe betrouwbaar", "de schrijver twijfelt zelf aan de bron"),
)

_QUOTE_WIDTH = 70


def _short(text: str, width: int = _QUOTE_WIDTH) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def _articles(source: Dossier | Article | Iterable[Article]) -> list[Article]:
    from ..analysis import articles

    return articles(source, "wie_zegt_wat.quotes_table(dossier)")


def quotes_table(source: Dossier | Article | Iterable[Article], width: int = _QUOTE_WIDTH) -> pd.DataFrame:
    """Every quotation: artikel, citaat (shortened), soort, spreker, signaalwoorden ('—' when none)."""
    from ..analysis import label

    rows = []
    articles = _articles(source)
    for article in articles:
        for q in article.annotations.quotes:
            cue = article.text[q.cue_start : q.cue_end] if q.cue_start is not None else "—"
            rows.append(
                {
                    "artikel": article.label,
                    "citaat": _short(q.content.strip(), width),
                    "soort": q.kind_label,
                    "spreker": label(q.speaker) if q.speaker else "(niemand)",
                    "signaalwoorden": " ".join(cue.split()),
                }
            )
    note = (
        "Let op: bij de artikelen van je docent heeft de computer de spreker met regels gezocht, niet een mens. "
        "Kijk bij de signaalwoorden en in het artikel zelf of de spreker klopt."
        if any(not getattr(a, "bundled", True) for a in articles)
        else None
    )
    return whole_text(rows, columns=["artikel", "citaat", "soort", "spreker", "signaalwoorden"], note=note)


def _sentence_around(text: str, start: int, end: int, lo: int, hi: int) -> str:
    """The sentence of text[lo:hi] that contains start..end."""
    left = max(text.rfind(". ", lo, start), text.rfind("\n", lo, start))
    s = lo if left < 0 else left + 1
    m = re.search(r"[.!?](\s|$)", text[end:hi])
    e = hi if m is None else end + m.start() + 1
    return " ".join(text[s:e].split())


def vague_sources(source: Dossier | Iterable[Article]) -> pd.DataFrame:
    """Where the articles lean on a source without a name: artikel, woorden, zin, opmerking."""
    rows = []
    for order, article in enumerate(_articles(source)):
        text = article.text
        for pattern, remark in VAGUE_SOURCES:
            for m in re.finditer(pattern, text[article.body_start :], re.IGNORECASE):
                start, end = m.start() + article.body_start, m.end() + article.body_start
                para = article.paragraph_at(start)
                lo, hi = (para.start, para.end) if para else (article.body_start, len(text))
                rows.append(
                    {
                        "artikel": article.label,
                        "woorden": m.group(),
                        "zin": _short(_sentence_around(text, start, end, lo, hi), 110),
                        "opmerking": remark,
                        "_order": (order, start),
                    }
                )
    rows.sort(key=lambda r: r.pop("_order"))
    articles = _articles(source)
    note = (
        "Let op: deze lijst zoekt de woorden die in de vijf meegeleverde artikelen naar een bron zonder naam "
        "wijzen. In de eigen artikelen van je docent kunnen andere woorden dat doen: lees die zelf na."
        if any(not getattr(a, "bundled", True) for a in articles)
        else None
    )
    return whole_text(rows, columns=["artikel", "woorden", "zin", "opmerking"], note=note)
