"""Checking citations: does each quotation really stand in the article it names? (Lesson 10.)

A citation is ``("004", "Zij zaten constructieve onderhandelingen in de weg")`` or just the
quotation; it counts when its words are in the dossier (tolerant of how it was copied, see
quotes.py), and a wrong article number is named ("staat niet in artikel 000, maar wel in 002").

    >>> citation_report([("004", "Zij zaten constructieve onderhandelingen in de weg")], 1).status
    'goed'
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Any

from ..nl import meervoud

MIN_WORDS = 3


def _right_count(right: int, given: int) -> str:
    """ "1 van je 4 citaten klopt", "Geen van je citaten klopt", "Je citaat klopt niet"."""
    if given == 1:
        return "Je citaat klopt" if right else "Je citaat klopt niet"
    if right == 0:
        return f"Geen van je {given} citaten klopt"
    return f"{right} van je {given} citaten {'klopt' if right == 1 else 'kloppen'}"


@dataclass(frozen=True)
class Citation:
    """One citation as checked: where it was found (article number and paragraph) or why not."""

    number: int
    quote: str
    asked_article: str | None
    article: str | None
    paragraph: int | None
    ok: bool
    remark: str


def _dossier():
    """The lesson's dossier (the bundled five, and the teacher's own articles when they are switched on)."""
    from ..settings import lesson_dossier

    return lesson_dossier()


def _article_label(dossier, asked: Any) -> str | None:
    """The label of the article a student named ("004", 4, "singapore_nos"), or None when there is none."""
    if isinstance(asked, bool) or not isinstance(asked, (str, int)):
        return None
    text = str(asked).strip()
    for key in (text, text.zfill(3)):
        try:
            return dossier[key].label
        except KeyError:
            continue
    return None


def _find(quote: str, numbers: list[str]) -> tuple[str, int] | None:
    from ..exercises.quotes import find_quote

    dossier = _dossier()
    for number in numbers:
        article = dossier[number]
        where = find_quote(article.text, quote)
        if where:
            para = article.paragraph_at(where[0])
            return number, para.index if para else -1
    return None


def _check_one(number: int, item: Any) -> Citation:
    dossier = _dossier()
    all_numbers = [a.label for a in dossier]
    asked = None
    if isinstance(item, (tuple, list)) and len(item) == 2:
        asked, quote = item
        asked = _article_label(dossier, asked)
        if asked is None:
            return Citation(
                number,
                str(quote)[:200],
                None,
                None,
                None,
                False,
                f"Artikel {item[0]!r} bestaat niet. Kies uit {', '.join(all_numbers)}.",
            )
    else:
        quote = item
    if not isinstance(quote, str):
        return Citation(
            number,
            repr(quote)[:200],
            asked,
            None,
            None,
            False,
            'Schrijf het citaat als tekst tussen aanhalingstekens, zoals ("004", "Zij zaten ...").',
        )
    quote = " ".join(quote.split())
    if len(quote.split()) < MIN_WORDS:
        return Citation(
            number,
            quote,
            asked,
            None,
            None,
            False,
            f"Te kort: een citaat is minstens {MIN_WORDS} woorden. Kopieer een stuk zin uit het artikel.",
        )
    if asked:
        found = _find(quote, [asked])
        if found:
            return Citation(number, quote, asked, found[0], found[1], True, "Staat in het artikel.")
        elsewhere = _find(quote, [n for n in all_numbers if n != asked])
        if elsewhere:
            return Citation(
                number,
                quote,
                asked,
                elsewhere[0],
                elsewhere[1],
                False,
                f"Staat niet in artikel {asked}, maar wel in artikel {elsewhere[0]}. Verbeter het nummer.",
            )
        return Citation(
            number,
            quote,
            asked,
            None,
            None,
            False,
            f"Niet gevonden in artikel {asked}. Kopieer de woorden precies, zonder ze te veranderen.",
        )
    found = _find(quote, all_numbers)
    if found:
        return Citation(
            number,
            quote,
            None,
            found[0],
            found[1],
            True,
            f"Staat in artikel {found[0]}. Noem dat nummer ook in je tekst.",
        )
    return Citation(
        number,
        quote,
        None,
        None,
        None,
        False,
        "Niet gevonden in de artikelen. Kopieer de woorden precies, zonder ze te veranderen.",
    )


@dataclass(frozen=True)
class CitationReport:
    """All checked citations, with a verdict; shows as a table in Jupyter and as text elsewhere."""

    status: str  # goed, fout, leeg, ongeldig (as in exercises.Feedback)
    message: str
    citations: tuple[Citation, ...] = ()

    @property
    def valid(self) -> list[Citation]:
        return [c for c in self.citations if c.ok]

    @property
    def articles(self) -> list[str]:
        return sorted({c.article for c in self.valid if c.article})

    def summary_text(self) -> str:
        """The citations as plain lines, for the teacher (stored in the progress file and the hand-in)."""
        lines = []
        for c in self.citations:
            where = f"artikel {c.article}, alinea {c.paragraph}" if c.ok else "niet gevonden"
            lines.append(f"{c.number}. “{c.quote}” ({where})")
        return "\n".join(lines)

    def __str__(self) -> str:
        lines = [f"Citaten controleren: {self.message}"]
        for c in self.citations:
            mark = "✓" if c.ok else "✗"
            lines.append(f"{mark} {c.number}. “{c.quote}” — {c.remark}")
        from ..display import wrapped

        return wrapped(lines)

    __repr__ = __str__

    def _repr_html_(self) -> str:
        from .. import palette

        colour = palette.STATUS_COLORS.get(self.status, palette.STATUS_COLORS["leeg"])[0]
        left = ' style="text-align:left;vertical-align:top"'  # JupyterLab right-aligns table cells
        rows = "".join(
            f"<tr><td{left}>{c.number}</td><td{left}>{'✓' if c.ok else '✗'}</td><td{left}>“{html.escape(c.quote)}”</td>"
            f"<td{left}>{html.escape(c.article or '–')}</td><td{left}>{'' if c.paragraph is None else c.paragraph}</td>"
            f"<td{left}>{html.escape(c.remark)}</td></tr>"
            for c in self.citations
        )
        table = (
            (
                f"<table><tr><th{left}>nr</th><th></th><th{left}>citaat</th><th{left}>artikel</th>"
                f"<th{left}>alinea</th><th{left}>opmerking</th></tr>"
                f"{rows}</table>"
            )
            if rows
            else ""
        )
        return (
            f'<div style="border-left:6px solid {colour};padding:6px 12px;margin:4px 0;color:{palette.TEXT}">'
            f"<b>Citaten controleren:</b> {html.escape(self.message)}{table}</div>"
        )


def citation_report(citaten: Any, min_citations: int = 3) -> CitationReport:
    """Every citation checked, with a verdict: right when at least `min_citations` different ones are real."""
    if citaten is ... or citaten is None or (isinstance(citaten, (list, tuple)) and not citaten):
        return CitationReport("leeg", "Nog niet beantwoord: zet je citaten in de lijst.")
    if isinstance(citaten, str):
        citaten = [citaten]
    if not isinstance(citaten, (list, tuple)):
        return CitationReport(
            "ongeldig",
            "Zet je citaten in een lijst tussen [ ], bijvoorbeeld "
            '[("004", "Zij zaten constructieve onderhandelingen in de weg"), ...].',
        )
    if any(item is ... for item in citaten):
        return CitationReport("leeg", "Nog niet af: er staat nog ... in je lijst. Vervang het door je citaten.")
    checked = tuple(_check_one(i, item) for i, item in enumerate(citaten[:20], start=1))
    ok = [c for c in checked if c.ok]
    distinct = {(c.article, c.paragraph, c.quote.lower()) for c in ok}
    if len(distinct) >= min_citations:
        articles = sorted({c.article for c in ok if c.article})
        extra = "" if len(articles) > 1 else " Tip: gebruik ook een tweede artikel, dan kun je kanten vergelijken."
        return CitationReport(
            "goed",
            f"{meervoud(len(distinct), 'citaat staat', 'citaten staan')} echt in de artikelen "
            f"(uit artikel {', '.join(articles)}).{extra}",
            checked,
        )
    return CitationReport(
        "fout",
        f"{_right_count(len(distinct), len(checked))}; je hebt er minstens {min_citations} nodig. "
        "Verbeter de citaten met een ✗ of zoek er een bij.",
        checked,
    )
