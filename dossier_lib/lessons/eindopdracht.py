"""Lesson 10 "Eindopdracht": questions to choose from, the rubric, and a check that citations are real.

    citaten = [("004", "Zij zaten constructieve onderhandelingen in de weg"), ...]
    controleer_citaten(citaten)      # a table: found in which article and paragraph, or not
    bronnen_grafiek(citaten)         # from which articles does the evidence come?

`controleer_citaten` uses the same tolerant search as the evidence exercises
(`dossier_lib.exercises.checks.find_quote`: spaces, quote marks and capitals do not
matter) and stores the result as exercise "10.citaten", so it is part of the hand-in.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..display import whole_text

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd
    from matplotlib.figure import Figure

LESSON = "10"
EXERCISE_ID = "10.citaten"
MIN_CITATIONS = 3
MIN_WORDS = 3

#: Questions a student may choose, with words to start searching for.
VRAGEN = (
    ("Wie kreeg de schuld van de mislukte top in Hanoi?", "Pompeo, Bolton, sancties, weglopen, in de weg"),
    ("Welke rol speelt China volgens de artikelen?", "China, Peking, Xi, handel, grote broer"),
    ("Hoe betrouwbaar zijn de bronnen in dit dossier?", "volgens, zei, aldus, onduidelijk, berichtte"),
)

LEVELS = ("onvoldoende", "voldoende", "goed", "uitstekend")

#: The rubric: per criterion a short description of each level (in LEVELS order).
RUBRIC = (
    (
        "Bronnen gebruiken",
        (
            "Je noemt geen artikel, of maar één zonder nummer.",
            "Je gebruikt één artikel en noemt het nummer.",
            "Je gebruikt minstens twee artikelen en noemt steeds het nummer.",
            "Je gebruikt drie of meer artikelen en legt uit waarom je juist die koos.",
        ),
    ),
    (
        "Citeren",
        (
            "Minder dan drie citaten, of citaten die niet in de artikelen staan.",
            "Drie citaten die echt in de artikelen staan.",
            "Drie of meer kloppende citaten die je vraag echt ondersteunen.",
            "Kloppende citaten, goed gekozen, en je zegt bij elk citaat wie er aan het woord is.",
        ),
    ),
    (
        "Perspectieven vergelijken",
        (
            "Je geeft maar één kant van het verhaal.",
            "Je noemt twee kanten, maar vergelijkt ze niet.",
            "Je vergelijkt twee kanten en zegt waar ze verschillen.",
            "Je vergelijkt meer kanten en legt uit waarom ze iets anders zeggen.",
        ),
    ),
    (
        "Onzekerheid benoemen",
        (
            "Je schrijft alles op als zeker feit.",
            "Je noemt één ding dat niet zeker is.",
            "Je laat zien wat een feit is en wat een bewering of vermoeden is.",
            "Je zegt ook wat er in de artikelen ontbreekt en hoe je het zou kunnen nagaan.",
        ),
    ),
    (
        "Helder schrijven",
        (
            "Je tekst is moeilijk te volgen of heeft geen antwoord op de vraag.",
            "Je beantwoordt de vraag, maar de opbouw is rommelig.",
            "Vraag, bewijs en conclusie staan in een logische volgorde.",
            "Kort, helder en overtuigend: elke zin helpt je antwoord.",
        ),
    ),
)


def setup() -> list[str]:
    """Make this lesson's exercises known to `check` and `hint`; returns their ids.

    Also shows whole texts in tables in this kernel: a student cannot read a cut-off quote or rubric cell.
    """

    from .oefeningen import register_lesson

    return register_lesson(LESSON)


def vragen() -> pd.DataFrame:
    """The questions to choose from, numbered 1 to 3, with search words to start with."""
    rows = [{"nummer": n, "vraag": q, "zoek bijvoorbeeld op": w} for n, (q, w) in enumerate(VRAGEN, start=1)]
    return whole_text(rows, index="nummer")


def rubric() -> pd.DataFrame:
    """The rubric as a table: one row per criterion, one column per level."""
    rows = [{"criterium": name, **dict(zip(LEVELS, levels))} for name, levels in RUBRIC]
    return whole_text(rows, columns=["criterium", *LEVELS], index="criterium")


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
    from ..exercises.checks import find_quote

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
            lines.append(f"{mark} {c.number}. “{c.quote[:80]}” — {c.remark}")
        return "\n".join(lines)

    __repr__ = __str__

    def _repr_html_(self) -> str:
        from .. import palette

        colour = palette.STATUS_COLORS.get(self.status, palette.STATUS_COLORS["leeg"])[0]
        rows = "".join(
            f"<tr><td>{c.number}</td><td>{'✓' if c.ok else '✗'}</td><td>“{html.escape(c.quote)}”</td>"
            f"<td>{html.escape(c.article or '–')}</td><td>{'' if c.paragraph is None else c.paragraph}</td>"
            f"<td>{html.escape(c.remark)}</td></tr>"
            for c in self.citations
        )
        table = (
            (
                "<table><tr><th>nr</th><th></th><th>citaat</th><th>artikel</th><th>alinea</th><th>opmerking</th></tr>"
                f"{rows}</table>"
            )
            if rows
            else ""
        )
        return (
            f'<div style="border-left:6px solid {colour};padding:6px 12px;margin:4px 0;color:{palette.TEXT}">'
            f"<b>Citaten controleren:</b> {html.escape(self.message)}{table}</div>"
        )


def controleer_citaten(citaten: Any = ..., bewaren: bool = True) -> CitationReport:
    """Check that each citation really occurs in an article; at least three must. Stores the result for the hand-in."""
    report = _report(citaten)
    if bewaren:
        _store(report, citaten)
    return report


def _report(citaten: Any) -> CitationReport:
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
    if len(distinct) >= MIN_CITATIONS:
        articles = sorted({c.article for c in ok})
        extra = "" if len(articles) > 1 else " Tip: gebruik ook een tweede artikel, dan kun je kanten vergelijken."
        return CitationReport(
            "goed",
            f"{len(distinct)} citaten staan echt in de artikelen (uit artikel {', '.join(articles)}).{extra}",
            checked,
        )
    return CitationReport(
        "fout",
        f"{len(distinct)} van je citaten kloppen; je hebt er minstens {MIN_CITATIONS} nodig. "
        "Verbeter de citaten met een ✗ of zoek er een bij.",
        checked,
    )


def _store(report: CitationReport, citaten: Any) -> None:
    from ..exercises.normalize import short_repr
    from ..exercises.progress import ANSWER_LIMIT, notify, record_check

    reflection = report.summary_text() if report.status in ("goed", "fout") else None
    try:
        record_check(EXERCISE_ID, report.status, short_repr(citaten, ANSWER_LIMIT), reflection)
    except Exception:  # noqa: BLE001 - storing is a convenience; the check itself must go on
        notify("Je voortgang kon niet bewaard worden; je citaten zijn wel gecontroleerd.")


def bronnen_grafiek(citaten: Any) -> Figure:
    """Bars: how many of your correct citations come from each article (every article shown, also with zero)."""
    import matplotlib.pyplot as plt

    from .. import palette
    from ..charts import FLAT_LABELS_MAX, grown, set_article_ticks

    report = _report(citaten)
    dossier = _dossier()

    articles = list(dossier)
    numbers = [a.label for a in articles]
    counts = [sum(1 for c in report.valid if c.article == n) for n in numbers]
    many = len(articles) > FLAT_LABELS_MAX
    fig, ax = plt.subplots(figsize=(grown(8, len(articles), 0.42, 2.0), 4.8 if many else 3.4))
    colors = [palette.YES if c else palette.NO for c in counts]
    if many:
        ax.bar(range(len(articles)), counts, color=colors)
        set_article_ticks(ax, articles)
    else:
        ax.bar([f"artikel {a.label}\n{a.month_label}" for a in articles], counts, color=colors)
    ax.set_ylim(0, max(counts + [3]) + 0.5)
    ax.set_yticks(range(0, max(counts + [3]) + 1))
    ax.set_ylabel("kloppende citaten")
    ax.set_title("Uit welke artikelen komt je bewijs?", fontsize=13, loc="left")
    if not report.valid:
        ax.text(0.5, 0.6, "Nog geen kloppende citaten", transform=ax.transAxes, ha="center", color="#555555")
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    fig.tight_layout()
    return fig
