"""Lesson 02 (tijdlijn): date-detective helpers.

A weekday in a news article ("dinsdag") only becomes a date when you know the
week. The articles give just their month, so a student lists the candidate days
and uses a clue (a birthday, the timeline) to pick one.

    >>> weekdays_in_month(2019, 1, "dinsdag")
    ['1 januari 2019', '8 januari 2019', '15 januari 2019', '22 januari 2019', '29 januari 2019']
"""

from __future__ import annotations

import calendar
import datetime as dt

from ..arguments import article_arg, date_arg, dossier_arg, month_arg, weekday_arg, year_arg
from ..display import whole_text
from ..errors import StudentInputError
from ..nl import MONTHS as MONTH_NAMES
from ..nl import WEEKDAYS as WEEKDAY_NAMES
from ..nl import datum_in_woorden as dutch_date
from ..nl import weekday_dates

LESSON = "02"


def weekdays_in_month(year: int, month: int, weekday: str) -> list[str]:
    """The same dates in Dutch words: ['1 januari 2019', '8 januari 2019', ...]."""
    return [dutch_date(d) for d in weekday_dates(year, month, weekday)]


def _possible_days(article, expression) -> str:
    """The days a weekday word could mean: the annotator's candidates, else that weekday in the article's month."""
    days = list(expression.candidates or ())
    if not days:
        word = next(w for w in WEEKDAY_NAMES if expression.text.lower().startswith(w))
        days = weekday_dates(article.year, article.month, word)
    month = MONTH_NAMES[days[0].month - 1] if days else ""
    return f"{', '.join(str(d.day) for d in days)} {month}".strip()


def weekday_clues(article):
    """The weekday words of an article ("dinsdag") with what the date annotator made of them, as a table."""
    article = article_arg(article, 'tijdlijn.weekday_clues(dossier["000"])')

    from ..annotate.dates import find_dates

    rows = []
    for x in find_dates(article):
        if x.text.lower().startswith(tuple(WEEKDAY_NAMES)):
            rows.append(
                {
                    "woord": x.text,
                    "datum": dutch_date(x.date) if x.date else "?",
                    "mogelijke dagen": _possible_days(article, x),
                    "uitleg": x.reasoning,
                }
            )
    return whole_text(rows, columns=["woord", "datum", "mogelijke dagen", "uitleg"])


def days_inclusive(first: dt.date | str, last: dt.date | str) -> int:
    """How many calendar days from `first` to `last`, both counted ("7 tot en met 10 januari" = 4)."""
    a = date_arg(first, "de eerste datum", '"2019-01-07"')
    b = date_arg(last, "de laatste datum", '"2019-01-10"')
    if b < a:
        raise ValueError(f"De einddatum ({b}) ligt vóór de begindatum ({a}). Draai ze om.")
    return (b - a).days + 1


def day_detective(year, month, weekday) -> str:
    """Steps 1 and 2 of the date detective in one text: the candidate days and the timeline events of that month.

    Never raises: an unfilled ``...`` or a wrong value gives a Dutch sentence to fix it.
    """
    if any(v is Ellipsis or v is None for v in (year, month, weekday)):
        return "Nog niet ingevuld: vervang de ... door het jaar, de maand (als getal) en de dag van de week."
    try:
        year = year_arg(year)
        month = month_arg(month)
        weekday = weekday_arg(weekday)
    except StudentInputError as exc:
        return f"Dat lukt nog niet: {exc}"
    days = weekdays_in_month(year, month, weekday)
    from ..annotate.timeline import events_between

    lo = dt.date(year, month, 1)
    hi = dt.date(year, month, calendar.monthrange(year, month)[1])
    lines = [
        f"Alle {str(weekday).strip().lower()}en in {MONTH_NAMES[month - 1]} {year}: {', '.join(days)}.",
        f"Op de tijdlijn in {MONTH_NAMES[month - 1]} {year}:",
    ]
    events = events_between(lo, hi)
    lines += [f"  {e.date_label} — {e.title}" for e in events] or ["  (geen gebeurtenissen)"]
    return "\n".join(lines)


def niet_in_dossier(dossier) -> list:
    """The events on the timeline that no article of this dossier is about (what the dossier leaves out)."""
    dossier = dossier_arg(dossier, "tijdlijn.niet_in_dossier(dossier)", allow_article=False)
    from ..analysis import uncovered_events

    return uncovered_events(dossier)
