"""Lesson 10 "Eindopdracht": questions to choose from, the rubric, and a check that citations are real.

    citaten = [("004", "Zij zaten constructieve onderhandelingen in de weg"), ...]
    controleer_citaten(citaten)      # a table: found in which article and paragraph, or not
    bronnen_grafiek(citaten)         # from which articles does the evidence come?
    schrijfvak("10.analyse")         # a text box for the analysis, with a word count and "Bewaar"

`controleer_citaten` uses the same tolerant search as the evidence exercises
(`dossier_lib.exercises.quotes.find_quote`: spaces, quote marks and capitals do not
matter) and stores the result as exercise "10.citaten", so it is part of the hand-in.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..display import whole_text
from ..exercises.checks import check
from ..exercises.citations import CitationReport, citation_report
from .inhoud import entries, text

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd
    from matplotlib.figure import Figure

LESSON = "10"
EXERCISE_ID = "10.citaten"
MIN_CITATIONS = 3
#: How long the analysis should be (lesson 10, Opdracht 5); the key checks the minimum.
ANALYSIS_WORDS = (150, 300)

#: Questions a student may choose, with words to start searching for (data/lessen/10_eindopdracht.yaml).
VRAGEN = tuple(
    (text(row["vraag"]), text(row["zoekwoorden"]))
    for row in entries("10_eindopdracht.yaml", "vragen", required=("vraag", "zoekwoorden"))
)


def vragen() -> pd.DataFrame:
    """The questions to choose from, numbered 1 to 3, with search words to start with."""
    rows = [{"nummer": n, "vraag": q, "zoek bijvoorbeeld op": w} for n, (q, w) in enumerate(VRAGEN, start=1)]
    return whole_text(rows, index="nummer")


def rubric() -> pd.DataFrame:
    """The rubric as a table: one row per criterion, one column per level.

    The rubric (texts and points) is the ``rubriek:`` section of ``data/lessen/10_eindopdracht.yaml``; the gradebook reads it too.
    """
    from ..gradebook.grades import rubric as load_rubric

    r = load_rubric(LESSON)
    rows = [{"criterium": c.name, **dict(zip(r.levels, c.descriptions))} for c in r.criteria]
    return whole_text(rows, columns=["criterium", *r.levels], index="criterium")


def controleer_citaten(citaten: Any = ..., bewaren: bool = True) -> CitationReport:
    """Check that each citation really occurs in an article; at least three must. Stores the result for the hand-in.

    With ``bewaren=False`` (the worked example) nothing is stored.
    """
    if bewaren:
        check(EXERCISE_ID, citaten)  # the verdict in the student's progress, for the hand-in
    return citation_report(citaten, MIN_CITATIONS)


def bronnen_grafiek(citaten: Any) -> Figure:
    """Bars: how many of your correct citations come from each article (every article shown, also with zero)."""
    import matplotlib.pyplot as plt

    from .. import palette
    from ..charts import FLAT_LABELS_MAX, grown, set_article_ticks
    from ..settings import lesson_dossier

    report = citation_report(citaten, MIN_CITATIONS)
    articles = list(lesson_dossier())
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


def _word_count_html(words: int, low: int | None, high: int | None, saved: bool | None) -> str:
    """ "183 woorden (vraag: 150 tot 300) · bewaard" as a short line of HTML."""
    from ..nl import meervoud

    parts = [f"<b>{meervoud(words, 'woord', 'woorden')}</b>"]
    if low and high:
        parts.append(f"(vraag: {low} tot {high})")
    elif low:
        parts.append(f"(vraag: minstens {low})")
    if high and words > high:
        parts.append("· te lang: maak je tekst korter")
    elif low and 0 < words < low:
        parts.append(f"· nog {low - words} te gaan")
    if saved is True:
        parts.append("· bewaard")
    elif saved is False:
        parts.append("· <b>nog niet bewaard</b>: klik op Bewaar")
    return f'<span role="status" aria-live="polite">{" ".join(parts)}</span>'


def schrijfvak(opdracht: str = "10.analyse", regels: int = 14, hooguit: int | None = None):
    """A text box for a long written answer: it wraps, counts words, and stores the text with "Bewaar".

    "Bewaar" does what ``check(opdracht, tekst)`` does: the text goes into the student's progress,
    and so into the hand-in. The box starts with the text the student stored last (so reopening the
    lesson loses nothing). Nothing typed here can break Python code. Keyboard: Tab moves from the
    box to the button; Enter or Space presses it.

    The parts a test needs: ``.area`` (the Textarea), ``.button``, ``.count`` and ``.feedback``
    (HTML), and ``.bewaar()`` (what the button does).
    """
    import ipywidgets as W

    from ..exercises.checks import grade_answer
    from ..exercises.progress import entries
    from ..exercises.registry import get_exercise
    from ..widgets import Panel

    ex = get_exercise(opdracht)
    if ex is None or ex.kind != "reflection":
        reason = grade_answer(opdracht, "").message if ex is None else "Dit vak is voor een open vraag."
        from ..display import box

        return box("ongeldig", "Geen schrijfvak", [reason])
    if hooguit is None and ex.id == "10.analyse":
        hooguit = ANALYSIS_WORDS[1]
    stored = entries(ex.lesson).get(ex.id, {}).get("antwoord")
    start = stored if isinstance(stored, str) else ""
    from .. import controls  # keyboard-safe: keys typed here never reach the notebook

    area = controls.Textarea(
        value=start,
        placeholder="Schrijf hier je tekst. Klik daarna op Bewaar.",
        description="Je tekst:",
        rows=regels,
        continuous=True,
    )
    button = controls.Button(description="Bewaar", primary=True)
    count = W.HTML()
    feedback = W.HTML()
    state = {"saved": start if start else None}

    def refresh(_change=None) -> None:
        saved = None if state["saved"] is None and not area.value.strip() else area.value == state["saved"]
        count.value = _word_count_html(len(area.value.split()), ex.min_words, hooguit, saved)

    def bewaar(_button=None):
        result = check(ex.id, area.value)
        if result.status == "bewaard":
            state["saved"] = area.value
        feedback.value = result._repr_html_()
        refresh()
        return result

    area.observe(refresh, names="value")
    button.on_click(bewaar)
    refresh()
    panel = Panel(
        [area, W.HBox([button, count], layout=W.Layout(align_items="center", grid_gap="12px")), feedback], "Schrijfvak"
    )
    panel.area, panel.button, panel.count, panel.feedback = area, button, count, feedback
    panel.bewaar = bewaar
    return panel
