"""Lesson 02 (tijdlijn): date-detective helpers and the lesson's exercises.

A weekday in a news article ("dinsdag") only becomes a date when you know the
week. The articles give just their month, so a student lists the candidate days
and uses a clue (a birthday, the timeline) to pick one.

    >>> weekdays_in_month(2019, 1, "dinsdag")
    ['1 januari 2019', '8 januari 2019', '15 januari 2019', '22 januari 2019', '29 januari 2019']
"""

from __future__ import annotations

import calendar
import datetime as dt

from ..annotate.dates import MONTH_NAMES, WEEKDAY_NAMES, dutch_date

#: The lesson's exercises in teacher form (see dossier_lib.exercises). Copy them into
#: teacher/answers_teacher.yaml to have them hashed; until then `register_exercises` adds them.
EXERCISES: list[dict] = [
    {
        "id": "02.ontbrekende-top",
        "kind": "choice",
        "question": "Welke ontmoeting van Trump en Kim staat op de tijdlijn, maar in geen enkel artikel?",
        "options": [
            "Singapore, 12 juni 2018.",
            "Hanoi, 27–28 februari 2019.",
            "Panmunjom (in de gedemilitariseerde zone), 30 juni 2019.",
            "Vladivostok, 25 april 2019.",
        ],
        "answer": "c",
        "hints": [
            "Zoek in de grafiek de open grijze cirkels.",
            "Welke van de vier ontmoetingen was ná het laatste artikel (april 2019)?",
        ],
        "mistakes": [
            {"answer": "a", "hint": "Over Singapore gaan artikel 003 en 000. Die staat dus wel in het dossier."},
            {"answer": "b", "hint": "Over Hanoi gaan artikel 002 en 004. Die staat dus wel in het dossier."},
            {"answer": "d", "hint": "In Vladivostok ontmoette Kim niet Trump, maar Poetin."},
        ],
        "explanation": "Trump en Kim zagen elkaar op 30 juni 2019 in Panmunjom. Het laatste artikel is van april 2019, "
                       "dus het dossier kán daar niets over zeggen.",
    },
    {
        "id": "02.china-bezoeken",
        "kind": "value",
        "value_type": "number",
        "question": "Kim ging tussen maart 2018 en januari 2019 vier keer naar China. "
                    "Over hoeveel van die vier bezoeken gaat een artikel uit het dossier?",
        "answer": 1,
        "hints": [
            "Zoek op de tijdlijn de regels 'Kims ... bezoek aan China'.",
            "Tel alleen de bezoeken met een blauwe stip.",
        ],
        "mistakes": [
            {"answer": 4, "hint": "Vier bezoeken staan op de tijdlijn. Maar hoeveel hebben een blauwe stip?"},
            {"answer": 0, "hint": "Kijk nog eens naar januari 2019. Waar gaat artikel 000 over?"},
        ],
        "explanation": "Alleen het vierde bezoek (januari 2019, artikel 000). Over de drie bezoeken in 2018 "
                       "staat niets in het dossier: dat is een keuze van wie de artikelen verzamelde.",
    },
    {
        "id": "02.woensdag-new-york",
        "kind": "value",
        "value_type": "date",
        "question": "Artikel 003 (mei 2018): 'Een hoge Noord-Koreaanse functionaris is woensdag in New York aangekomen.' "
                    "Op welke datum was dat?",
        "answer": "2018-05-30",
        "hints": [
            "Maak eerst een lijst van alle woensdagen in mei 2018.",
            "Volgens het artikel blies Trump de top 'eind mei' af, en 'sindsdien' wordt er gepraat. "
            "Zoek op de tijdlijn wanneer Trump de top afblies.",
            "Trump blies de top af op donderdag 24 mei. Welke woensdag komt daarna nog in mei?",
        ],
        "mistakes": [
            {"answer": "2018-05", "hint": "Dat is de maand van het artikel. De vraag is: welke dag?"},
            {"answer": "2018-05-23", "hint": "23 mei was een woensdag, maar toen was de top nog niet afgeblazen. "
                                             "De gesprekken kwamen pas daarna."},
            {"answer": "2018-05-24", "hint": "24 mei was een donderdag: op die dag blies Trump de top af. Zoek een woensdag."},
        ],
        "explanation": "Woensdag 30 mei 2018 landde Kim Yong-chol in New York. Je vond de dag met twee aanwijzingen: "
                       "het moest een woensdag zijn, en na het afblazen van de top op 24 mei.",
    },
    {
        "id": "02.donderdag-vladivostok",
        "kind": "value",
        "value_type": "date",
        "question": "Artikel 001 (april 2019): 'Kim Jong-un ontmoet donderdag de Russische president Poetin.' "
                    "Op welke datum was die ontmoeting?",
        "answer": "2019-04-25",
        "hints": [
            "Welke donderdagen had april 2019?",
            "Zoek op de tijdlijn de top van Kim en Poetin.",
        ],
        "mistakes": [
            {"answer": "2019-04", "hint": "Dat is de maand van het artikel. De vraag is: welke dag?"},
            {"answer": "2019-04-10", "hint": "Op 10 april hield Kim een toespraak: 'twee weken voor de top'. De top zelf was later."},
            {"answer": "2019-04-04", "hint": "Dat is wel een donderdag in april 2019. Maar welke donderdag staat op de tijdlijn?"},
            {"answer": "2019-04-11", "hint": "Dat is wel een donderdag in april 2019. Maar welke donderdag staat op de tijdlijn?"},
            {"answer": "2019-04-18", "hint": "Dat is wel een donderdag in april 2019. Maar welke donderdag staat op de tijdlijn?"},
        ],
        "explanation": "Donderdag 25 april 2019. Het artikel zegt 'ontmoet' (nu of straks): het is een vooruitblik, "
                       "geschreven vóór de top.",
    },
    {
        "id": "02.vooruitblik",
        "kind": "evidence",
        "article": "001",
        "claim": "Artikel 001 is geschreven vóór de top in Vladivostok, niet erna.",
        "question": "Geef een citaat (of het nummer van de alinea) uit artikel 001 dat laat zien dat de top nog moest komen.",
        "key": {
            "paragraphs": [0],
            "quotes": ["Wat valt te verwachten van deze ontmoeting"],
        },
        "hints": [
            "Lees de eerste alinea. Gaat het over wat er gebeurd is, of over wat er gaat gebeuren?",
            "Zoek een vraag in de eerste alinea.",
        ],
        "explanation": "'Wat valt te verwachten van deze ontmoeting [...]?' Wie iets verwacht, weet de afloop nog niet. "
                       "Ook 'ontmoet donderdag' wijst vooruit.",
    },
    {
        "id": "02.driedaags",
        "kind": "value",
        "value_type": "number",
        "question": "Artikel 000 noemt het bezoek van Kim aan China 'driedaags'. Volgens de Chinese en Noord-Koreaanse "
                    "staatsmedia duurde het van 7 tot en met 10 januari 2019. Hoeveel kalenderdagen zijn dat?",
        "answer": 4,
        "hints": [
            "'Tot en met' betekent: de laatste dag telt mee.",
            "Schrijf de dagen op: 7, 8, ... 10.",
        ],
        "mistakes": [
            {"answer": 3, "hint": "Dat zegt het artikel. Tel zelf: 7, 8, 9 en 10 januari."},
        ],
        "explanation": "Vier dagen: 7, 8, 9 en 10 januari. Het artikel zegt 'driedaags'. "
                       "Misschien telde de schrijver anders, bijvoorbeeld vanaf de aankomst in Peking op 8 januari. "
                       "'Driedaags' is dus minder precies dan het lijkt.",
    },
    {
        "id": "02.reflectie-weglaten",
        "kind": "reflection",
        "question": "Het dossier stopt in april 2019 en slaat ook gebeurtenissen over. Noem één gebeurtenis die je mist. "
                    "Leg uit hoe een lezer daardoor een ander beeld kan krijgen.",
        "min_words": 20,
    },
]


def register_exercises() -> list[str]:
    """Make this lesson's exercises checkable in the running kernel (see exercise_specs.py)."""
    from .exercise_specs import register_missing

    return register_missing(EXERCISES)


def _weekday_number(weekday: str) -> int:
    word = str(weekday).strip().lower()
    if word not in WEEKDAY_NAMES:
        raise ValueError(f"{weekday!r} is geen dag van de week. Kies uit: {', '.join(WEEKDAY_NAMES)}.")
    return WEEKDAY_NAMES.index(word)


def weekday_dates(year: int, month: int, weekday: str) -> list[dt.date]:
    """Every date in `month` of `year` that falls on `weekday` ("dinsdag")."""
    if not 1 <= int(month) <= 12:
        raise ValueError(f"De maand moet tussen 1 en 12 liggen (niet {month}).")
    number = _weekday_number(weekday)
    days = calendar.monthrange(year, month)[1]
    return [dt.date(year, month, d) for d in range(1, days + 1) if dt.date(year, month, d).weekday() == number]


def weekdays_in_month(year: int, month: int, weekday: str) -> list[str]:
    """The same dates in Dutch words: ['1 januari 2019', '8 januari 2019', ...]."""
    return [dutch_date(d) for d in weekday_dates(year, month, weekday)]


def month_calendar(year: int, month: int, mark: str | None = None) -> str:
    """A small Dutch month calendar (Monday first); the days of weekday `mark` get brackets."""
    number = _weekday_number(mark) if mark else None
    lines = [f"{MONTH_NAMES[month - 1]} {year}".center(34), " ".join(f" {w[:2]} " for w in WEEKDAY_NAMES).rstrip()]
    for week in calendar.Calendar(firstweekday=0).monthdayscalendar(year, month):
        cells = []
        for i, day in enumerate(week):
            if day == 0:
                cells.append("    ")
            elif i == number:
                cells.append(f"[{day:>2}]")
            else:
                cells.append(f" {day:>2} ")
        lines.append(" ".join(cells).rstrip())
    return "\n".join(lines)


def weekday_clues(article):
    """The weekday words of an article ("dinsdag") with what the date annotator made of them, as a table."""
    import pandas as pd

    from ..annotate.dates import find_dates

    rows = []
    for x in find_dates(article):
        if x.text.lower().startswith(tuple(WEEKDAY_NAMES)):
            rows.append({
                "woord": x.text,
                "datum": dutch_date(x.date) if x.date else "?",
                "mogelijke dagen": ", ".join(str(d.day) for d in x.candidates) if x.candidates else "",
                "uitleg": x.reasoning,
            })
    return pd.DataFrame(rows, columns=["woord", "datum", "mogelijke dagen", "uitleg"])


def days_inclusive(first: dt.date | str, last: dt.date | str) -> int:
    """How many calendar days from `first` to `last`, both counted ("7 tot en met 10 januari" = 4)."""
    a = dt.date.fromisoformat(first) if isinstance(first, str) else first
    b = dt.date.fromisoformat(last) if isinstance(last, str) else last
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
        year, month = int(year), int(month)
        days = weekdays_in_month(year, month, weekday)
    except (TypeError, ValueError) as exc:
        return f"Dat lukt nog niet: {exc}"
    from ..annotate.timeline import events_between

    lo = dt.date(year, month, 1)
    hi = dt.date(year, month, calendar.monthrange(year, month)[1])
    lines = [f"Alle {str(weekday).strip().lower()}en in {MONTH_NAMES[month - 1]} {year}: {', '.join(days)}.",
             f"Op de tijdlijn in {MONTH_NAMES[month - 1]} {year}:"]
    events = events_between(lo, hi)
    lines += [f"  {e.date_label} — {e.title}" for e in events] or ["  (geen gebeurtenissen)"]
    return "\n".join(lines)
