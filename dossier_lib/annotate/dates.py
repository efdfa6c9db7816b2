"""Time expressions ("12 juni", "eind mei", "vorige maand", "dinsdag"), resolved to real dates.

The articles only tell us their month (``Article.year``, ``Article.month``), so
every expression is resolved against that month, and each one carries a Dutch
sentence (`reasoning`) that tells a student how we got there.

What counts as a time expression here (and what does not):
- dates: "12 juni", "12 juni 2018", "3 jan. 2019", "dinsdag 8 januari", "twaalf maart";
- months: "november 2017", "mei", "uiterlijk november", "afgelopen november";
- months with a relative year: "in juni vorig jaar", "vorig jaar juni", "sinds maart vorig jaar";
- years: "in 2018", "sinds 2000", "2017" (a bare four-digit year 1800-2099 counts
  only after "in", "sinds", "vanaf", "tot", "uiterlijk", "rond", a month or another
  year ("in 1956 en 1961"), or when no word follows it: "2000 soldaten" is a number,
  not a year); year spans "1950-1953", "(1950–53)";
- parts: "begin/midden/medio/half/eind <maand of jaar>", "eind dit jaar";
- relative: "vorige/deze/volgende week|maand", "vorig/dit/volgend jaar",
  "vandaag", "gisteren", "eergisteren", "overmorgen";
- weekdays: "dinsdag", "donderdagavond"; with a week ("vorige week donderdag",
  "donderdag volgende week") one expression: that weekday of that week.
Not marked: vague words ("onlangs", "binnenkort", "toen", "sindsdien", "de
afgelopen jaren", "al jaren"), ordinals ("tweede"), clock times ("10 uur": see
numbers.py) and durations ("twee weken": a number with unit "week").
The words "in", "sinds", "vanaf", "tot", "uiterlijk" belong to the span when they
stand before a month or year; "op" before a day does not.

Rules:
- A month without a year is in the article's year ("12 juni" in mei 2018 is
  12 juni 2018); after "afgelopen"/"vorige" it is the last such month before the
  article's month, after "komende"/"volgende" the first one after it; with "vorig
  jaar"/"volgend jaar" the year before or after the article's. The tense decides
  too: a past event in a later month than the article's happened the year before
  ("In juni vond de eerste top plaats" in april 2019 is juni 2018), so a past event
  never lands after the article's month; a future one in an earlier month is next year.
- begin = day 1-10, midden/medio/half = day 11-20, eind = day 21 to the end of the
  month. For a year: begin = januari-april, midden = mei-augustus,
  eind = september-december (the same thirds).
- "vorige week": the article gives no day, so the range runs from the Monday of
  the week before the month's first week to the Sunday before the month's last week.
- A weekday is pinned to one date only by a general rule, tried in this order:
  1. a date right after it ("dinsdag 8 januari");
  2. a birthday in the same sentence ("die dinsdag zijn 35ste verjaardag vierde")
     of a person in data/birthdays.yaml, when that birthday falls in the article's
     month and really is that weekday;
  3. a day date in the same sentence that really is that weekday;
  4. the same weekday word already pinned elsewhere in the article.
  Otherwise `candidates` lists every such weekday in the article's month.
  In a teacher's own article, a weekday is also pinned by the timeline events the
  article reports ("Zondag ... in Panmunjom" -> 30 juni 2019, see `_pin_by_events`),
  with the reasoning recorded.

Resolutions: "day" (date set; date_from == date_to == date), "month", "year",
"range" (date_from..date_to, both included), "weekday-candidates" (candidates
set; date_from/date_to are the first and last), "unresolved" (only the bounds in
date_from/date_to are known, if any).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from ..nl import DAY_NUMBER_WORDS, MONTH_ABBREVIATIONS, MONTHS, WEEKDAYS, datum_in_woorden, tense

MONTH_NAMES = list(MONTHS)
WEEKDAY_NAMES = list(WEEKDAYS)
RESOLUTIONS = ("day", "month", "year", "range", "weekday-candidates", "unresolved")


@dataclass(frozen=True)
class TimeExpression:
    """A time expression in an article and the date (or range) it points to."""

    start: int
    end: int
    text: str
    date: dt.date | None
    date_from: dt.date | None
    date_to: dt.date | None
    resolution: str
    reasoning: str
    candidates: tuple[dt.date, ...] = ()


# ---------------------------------------------------------------- patterns

_MONTH = "|".join(MONTH_NAMES)
_ABBR = "|".join(sorted(MONTH_ABBREVIATIONS, key=len, reverse=True))
_WEEKDAY = "|".join(WEEKDAY_NAMES)
_YEAR = r"(?:18|19|20)\d\d"
_PREP = r"(?P<prep>uiterlijk\s+in|in|sinds|vanaf|tot|uiterlijk)\s+"
_PART = r"(?P<part>begin|midden|medio|half|eind|einde)\s+"
_B = r"(?<![\w.,-])"  # no letter, digit, dot, comma or hyphen before
_E = r"(?![\w-]|[.,]\d)"  # and none after

_DAY_WORDS = "|".join(sorted(DAY_NUMBER_WORDS, key=len, reverse=True))
_REL_YEAR = r"(?P<rel>vorig|verleden|volgend|komend|dit)\s+jaar"
_DAY_DATE = re.compile(
    rf"{_B}(?:(?P<weekday>{_WEEKDAY})\s+)?(?:(?P<day>\d{{1,2}})|(?P<dayword>{_DAY_WORDS}))\s+"
    rf"(?:(?P<month>{_MONTH})|(?P<abbr>{_ABBR})\.?)(?:\s+(?P<year>{_YEAR}))?{_E}",
    re.IGNORECASE,
)
_PART_OF = re.compile(
    rf"{_B}{_PART}(?:(?P<month>{_MONTH})(?:\s+(?P<year>{_YEAR}))?|(?P<onlyyear>{_YEAR})|{_REL_YEAR}){_E}",
    re.IGNORECASE,
)
_MONTH_YEAR = re.compile(
    rf"{_B}(?:{_PREP})?(?:(?P<relpre>vorig|verleden|volgend|komend)\s+jaar\s+(?:in\s+)?)?"
    rf"(?:(?P<dir>afgelopen|vorige|komende|volgende)\s+)?"
    rf"(?P<month>{_MONTH})(?:\s+(?P<year>{_YEAR})|,?\s+(?:van\s+)?{_REL_YEAR})?{_E}",
    re.IGNORECASE,
)
#: "1950-1953", "(1950–53)": a span of whole years.
_YEAR_RANGE = re.compile(rf"{_B}(?P<y1>{_YEAR})\s?[-–]\s?(?P<y2>{_YEAR}|\d\d){_E}")
_BARE_YEAR = re.compile(rf"{_B}(?:(?P<prep>in|sinds|vanaf|tot|uiterlijk|rond)\s+)?(?P<year>{_YEAR}){_E}", re.IGNORECASE)
_RELATIVE = re.compile(
    rf"{_B}(?P<dir>vorige|vorig|afgelopen|deze|dit|volgende|volgend|komende)\s+(?P<unit>week|maand|jaar){_E}",
    re.IGNORECASE,
)
_DAY_WORD = re.compile(
    rf"{_B}(?P<word>vandaag|gisteren|gisteravond|gisterochtend|gistermiddag|gisternacht|eergisteren|overmorgen"
    rf"|vanavond|vanochtend|vanmorgen|vannacht|vanmiddag){_E}",
    re.IGNORECASE,
)
_WEEK_WORDS = re.compile(r"(?P<dir>vorige|afgelopen|deze|volgende|komende)\s+week", re.IGNORECASE)
_WEEKDAY_RE = re.compile(rf"{_B}(?P<weekday>{_WEEKDAY})(?P<part>avond|ochtend|middag|nacht|morgen)?{_E}", re.IGNORECASE)
_ENDS_WITH_MONTH = re.compile(rf"(?:{_MONTH})\s*$", re.IGNORECASE)
_BIRTHDAY = re.compile(r"(?<!\w)(?P<n>\d+(?:ste|de|e)|\w+(?:ste|de))\s+verjaardag", re.IGNORECASE)


# ---------------------------------------------------------------- helpers


dutch_date = datum_in_woorden


def _month_label(year: int, month: int) -> str:
    return f"{MONTH_NAMES[month - 1]} {year}"


def _month_bounds(year: int, month: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _month_number(word: str) -> int | None:
    """1-12 for a Dutch month name or short form ("mei", "sept"); None for other words."""
    word = word.lower().rstrip(".")
    if word in MONTH_NAMES:
        return MONTH_NAMES.index(word) + 1
    return MONTH_ABBREVIATIONS.get(word)


_SENTENCE_BREAK = re.compile(r"[.!?](?=\s|$)|\n")


@lru_cache(maxsize=16)
def _sentence_breaks(text: str) -> tuple[int, ...]:
    """Offsets just after each sentence end (". ", "? ", "! ") or newline, computed once per text."""
    return tuple(m.end() for m in _SENTENCE_BREAK.finditer(text))


def _sentence_bounds(text: str, pos: int, floor: int = 0) -> tuple[int, int]:
    """The sentence around `pos`: from after the last sentence end before it to the next one."""
    from bisect import bisect_right

    breaks = _sentence_breaks(text)
    k = bisect_right(breaks, pos)
    start = max(floor, breaks[k - 1]) if k else floor
    end = breaks[k] if k < len(breaks) else len(text)
    return start, end


def _capital(s: str) -> str:
    return s[:1].upper() + s[1:]


@lru_cache(maxsize=1)
def _birthdays() -> tuple[tuple[str, tuple[str, ...], dt.date, str], ...]:
    """(id, names, birth date, doubt) from data/birthdays.yaml; empty when the file is missing.

    `doubt` is the entry's `uncertain_nl` ("" when the date is certain): it goes into the explanation.
    """
    import yaml

    from ..data import DATA_DIR, load_yaml

    path = DATA_DIR / "birthdays.yaml"
    if not path.is_file():
        return ()
    try:  # the C loader when present: ten times faster than load_yaml's pure-Python one
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError:
        data = load_yaml("birthdays.yaml")  # raises the Dutch message with the line number
    data = data or {}
    people = []
    for person_id, entry in (data.get("people") or {}).items():
        if not isinstance(entry, dict):
            continue
        born = entry.get("born")
        if isinstance(born, str):
            try:
                born = dt.date.fromisoformat(born)
            except ValueError:
                raise ValueError(
                    f"{path}: de geboortedatum van {person_id} ({born!r}) is niet goed geschreven "
                    "— schrijf hem als JJJJ-MM-DD, bijvoorbeeld 1984-01-08."
                ) from None
        if isinstance(born, dt.date):
            names = tuple(sorted(entry.get("names") or [], key=len, reverse=True))
            people.append((person_id, names, born, str(entry.get("uncertain_nl") or "").strip()))
    return tuple(people)


def _anniversary(born: dt.date, years: int) -> dt.date:
    try:
        return born.replace(year=born.year + years)
    except ValueError:  # born on 29 February, no leap year: celebrated on 28 February
        return dt.date(born.year + years, 2, 28)


# ---------------------------------------------------------------- resolvers


def _expr(m: re.Match, text: str, **fields) -> TimeExpression:
    date = fields.get("date")
    if date is not None:
        fields.setdefault("date_from", date)
        fields.setdefault("date_to", date)
    fields.setdefault("date", None)
    fields.setdefault("date_from", None)
    fields.setdefault("date_to", None)
    start, end = m.start(), m.end()
    return TimeExpression(start=start, end=end, text=text[start:end], **fields)


def _on_day(expr: TimeExpression, day: dt.date, reasoning: str) -> TimeExpression:
    """`expr` pinned to one day, with the reason why (a weekday fixed by a birthday, a date or an event)."""
    return TimeExpression(expr.start, expr.end, expr.text, day, day, day, "day", reasoning)


def _year_without_number(
    month: int,
    art_year: int,
    art_month: int,
    direction: str | None,
    clause: str | None = None,
    rel: str | None = None,
) -> tuple[int, str]:
    """Which year a month without a year is in, and why (in Dutch).

    "vorig jaar"/"volgend jaar" next to the month decide; so do "afgelopen"/"komende" before it.
    Otherwise the tense of the sentence: a past event in a month after the article's month
    happened the year before ("In juni vond de eerste top plaats" in April 2019: June 2018),
    a future one in a month before it happens the year after. Otherwise the article's year.
    """
    label = _month_label(art_year, art_month)
    name = MONTH_NAMES[month - 1]
    if rel:
        rel = rel.lower()
        step = {"vorig": -1, "verleden": -1, "volgend": 1, "komend": 1, "dit": 0}[rel]
        year = art_year + step
        return year, f"'{rel} jaar' gerekend vanaf het artikel ({art_year}), dus {year}"
    if direction in ("afgelopen", "vorige"):
        year = art_year if month < art_month else art_year - 1
        return year, f"'{direction}' wijst terug: de laatste {name} vóór {label}"
    if direction in ("komende", "volgende"):
        year = art_year if month > art_month else art_year + 1
        return year, f"'{direction}' wijst vooruit: de eerste {name} na {label}"
    when = tense(clause) if clause else "present"
    if when == "past" and month > art_month:
        return (
            art_year - 1,
            f"er staat geen jaartal bij en de zin gaat over iets dat al gebeurd is (verleden tijd), "
            f"dus de laatste {name} vóór {label}: {art_year - 1}",
        )
    if when == "future" and month < art_month:
        return (
            art_year + 1,
            f"er staat geen jaartal bij en de zin kijkt vooruit, dus de eerste {name} na {label}: {art_year + 1}",
        )
    return art_year, f"er staat geen jaartal bij, dus het jaar van het artikel ({art_year})"


#: Words that open a clause with its own verb: "schreef hij dat de ontmoeting op 12 juni niet gepast is".
_SUBORDINATORS = ("dat", "die", "omdat", "nadat", "voordat", "toen", "waar", "waarin", "terwijl", "als", "zodat")


def _clause(m: re.Match, text: str) -> str:
    """The words whose tense decides a month without a year: its clause (between commas), or the
    whole sentence when that clause is only a few words ("in juni," has no verb of its own).
    A clause also starts after "dat", "die", "toen" ...: "schreef hij dat de top op 12 juni niet gepast is".

    "Zijn regering kondigde aan de oefening, die gewoonlijk in augustus plaatsvindt, op te schorten":
    the clause "die gewoonlijk in augustus plaatsvindt" is in the present, whatever the sentence says.
    """
    s, e = _sentence_bounds(text, m.start())
    left = max(
        text.rfind(",", s, m.start()),
        text.rfind(";", s, m.start()),
        *(
            text.rfind(f" {w} ", s, m.start()) + len(w)
            for w in _SUBORDINATORS
            if text.rfind(f" {w} ", s, m.start()) != -1
        ),
    )
    right = [i for i in (text.find(",", m.end(), e), text.find(";", m.end(), e)) if i != -1]
    clause = text[(left + 1 if left != -1 else s) : (min(right) if right else e)]
    if len(clause.split()) <= 3:
        return text[s:e]
    return clause


def _day_date(m: re.Match, text: str, ay: int, am: int) -> TimeExpression:
    month = _month_number(m.group("month") or m.group("abbr"))
    day = int(m.group("day")) if m.group("day") else DAY_NUMBER_WORDS[m.group("dayword").lower()]
    if m.group("year"):
        year, why = int(m.group("year")), "het jaartal staat erbij"
    else:
        year, why = _year_without_number(month, ay, am, None, _clause(m, text))
    try:
        date = dt.date(year, month, day)
    except ValueError:
        return _expr(
            m,
            text,
            resolution="unresolved",
            reasoning=f"{day} {MONTH_NAMES[month - 1]} {year} bestaat niet: die maand heeft "
            f"maar {calendar.monthrange(year, month)[1]} dagen.",
        )
    reasoning = f"{_capital(dutch_date(date))}: {why}."
    weekday = m.group("weekday")
    if weekday:
        real = WEEKDAY_NAMES[date.weekday()]
        if real == weekday.lower():
            reasoning += f" Dat was inderdaad een {real}."
        else:
            reasoning += f" Let op: dat was een {real}, geen {weekday.lower()}."
    return _expr(m, text, date=date, resolution="day", reasoning=reasoning)


def _part_of(m: re.Match, text: str, ay: int, am: int) -> TimeExpression:
    part = m.group("part").lower()
    part_word = {"einde": "eind", "medio": "midden", "half": "midden"}.get(part, part)
    if m.group("onlyyear") or m.group("rel"):
        year = (
            int(m.group("onlyyear"))
            if m.group("onlyyear")
            else _year_without_number(1, ay, am, None, rel=m.group("rel"))[0]
        )
        first = {"begin": 1, "midden": 5, "eind": 9}[part_word]
        date_from = dt.date(year, first, 1)
        date_to = _month_bounds(year, first + 3)[1]
        said = f"{m.group('rel').lower()} jaar ({year})" if m.group("rel") else str(year)
        reasoning = (
            f"{_capital(part)} {said}: we delen het jaar in drieën, dus "
            f"{MONTH_NAMES[first - 1]} tot en met {MONTH_NAMES[first + 2]} {year}."
        )
        return _expr(m, text, date_from=date_from, date_to=date_to, resolution="range", reasoning=reasoning)
    month = _month_number(m.group("month"))
    if m.group("year"):
        year, why = int(m.group("year")), "het jaartal staat erbij"
    else:
        year, why = _year_without_number(month, ay, am, None, _clause(m, text))
    last = calendar.monthrange(year, month)[1]
    lo, hi = {"begin": (1, 10), "midden": (11, 20), "eind": (21, last)}[part_word]
    reasoning = (
        f"{_capital(part)} {MONTH_NAMES[month - 1]} = dag {lo} tot en met {hi}; {why}. "
        f"Dus {dutch_date(dt.date(year, month, lo))} tot en met {dutch_date(dt.date(year, month, hi))}."
    )
    return _expr(
        m,
        text,
        date_from=dt.date(year, month, lo),
        date_to=dt.date(year, month, hi),
        resolution="range",
        reasoning=reasoning,
    )


def _month_year(m: re.Match, text: str, ay: int, am: int) -> TimeExpression:
    month = _month_number(m.group("month"))
    direction = (m.group("dir") or "").lower() or None
    if m.group("year"):
        year, why = int(m.group("year")), "het jaartal staat erbij"
    else:
        rel = m.group("rel") or m.group("relpre")
        year, why = _year_without_number(month, ay, am, direction, _clause(m, text), rel)
    lo, hi = _month_bounds(year, month)
    prep = (m.group("prep") or "").lower()
    label = _month_label(year, month)
    if prep == "sinds" or prep == "vanaf":
        end = _month_bounds(ay, am)[1]
        return _expr(
            m,
            text,
            date_from=lo,
            date_to=end,
            resolution="range",
            reasoning=f"{_capital(prep)} {label} ({why}) tot de maand van het artikel ({_month_label(ay, am)}).",
        )
    if prep == "tot":
        return _expr(
            m,
            text,
            date_from=None,
            date_to=lo,
            resolution="range",
            reasoning=f"Tot {label}: {why}. Het begin staat er niet bij.",
        )
    extra = " Het is een uiterste datum: het gebeurt in of vóór die maand." if prep.startswith("uiterlijk") else ""
    return _expr(m, text, date_from=lo, date_to=hi, resolution="month", reasoning=f"{_capital(label)}: {why}.{extra}")


def _bare_year(m: re.Match, text: str, ay: int, am: int) -> TimeExpression | None:
    prep = (m.group("prep") or "").lower()
    after = text[m.end() : m.end() + 30]
    before = text[max(0, m.start() - 15) : m.start()]
    followed_by_word = re.match(r"\s+\w", after) is not None
    after_month = _ENDS_WITH_MONTH.search(before) is not None
    after_year = re.search(rf"{_YEAR}\s*(?:,|en|of)\s*$", before) is not None  # "in 1956 en 1961"
    if not prep and followed_by_word and not after_month and not after_year:
        return None  # "2000 soldaten": a number, not a year
    year = int(m.group("year"))
    if prep in ("sinds", "vanaf"):
        end = _month_bounds(ay, am)[1]
        return _expr(
            m,
            text,
            date_from=dt.date(year, 1, 1),
            date_to=end,
            resolution="range",
            reasoning=f"{_capital(prep)} {year}: van begin {year} tot de maand van het artikel "
            f"({_month_label(ay, am)}).",
        )
    if prep == "tot":
        return _expr(
            m,
            text,
            date_to=dt.date(year, 1, 1),
            resolution="range",
            reasoning=f"Tot {year}: het begin staat er niet bij.",
        )
    return _expr(
        m,
        text,
        date_from=dt.date(year, 1, 1),
        date_to=dt.date(year, 12, 31),
        resolution="year",
        reasoning=f"Een jaartal: heel {year}.",
    )


def _year_range(m: re.Match, text: str, ay: int, am: int) -> TimeExpression | None:
    y1 = int(m.group("y1"))
    y2 = m.group("y2")
    y2 = int(y2) if len(y2) == 4 else (y1 // 100) * 100 + int(y2)
    if y2 <= y1:
        return None
    return _expr(
        m,
        text,
        date_from=dt.date(y1, 1, 1),
        date_to=dt.date(y2, 12, 31),
        resolution="range",
        reasoning=f"Van {y1} tot en met {y2}: hele jaren.",
    )


def _relative(m: re.Match, text: str, ay: int, am: int) -> TimeExpression:
    direction, unit = m.group("dir").lower(), m.group("unit").lower()
    step = {"vorige": -1, "vorig": -1, "afgelopen": -1, "deze": 0, "dit": 0, "volgende": 1, "volgend": 1, "komende": 1}[
        direction
    ]
    art = _month_label(ay, am)
    phrase = _capital(m.group().lower())
    if unit == "jaar":
        year = ay + step
        word = {-1: "het jaar vóór ", 0: "", 1: "het jaar na "}[step]
        return _expr(
            m,
            text,
            date_from=dt.date(year, 1, 1),
            date_to=dt.date(year, 12, 31),
            resolution="year",
            reasoning=f"{phrase}: {word}het jaar van het artikel ({ay}), dus {year}.",
        )
    if unit == "maand":
        year, month = _shift_month(ay, am, step)
        lo, hi = _month_bounds(year, month)
        word = {-1: "de maand vóór ", 0: "", 1: "de maand na "}[step]
        return _expr(
            m,
            text,
            date_from=lo,
            date_to=hi,
            resolution="month",
            reasoning=f"{phrase}: {word}de maand van het artikel ({art}), dus {_month_label(year, month)}.",
        )
    # a week: the article's day is unknown, so give the widest honest range
    first, last = _month_bounds(ay, am)
    monday_first = first - dt.timedelta(days=first.weekday())
    monday_last = last - dt.timedelta(days=last.weekday())
    lo = monday_first + dt.timedelta(weeks=step)
    hi = monday_last + dt.timedelta(weeks=step, days=6)
    word = {-1: "de week vóór", 0: "de week van", 1: "de week na"}[step]
    return _expr(
        m,
        text,
        date_from=lo,
        date_to=hi,
        resolution="range",
        reasoning=f"{phrase}: {word} de dag van het artikel. We kennen alleen de maand ({art}), "
        f"dus ergens tussen {dutch_date(lo)} en {dutch_date(hi)}.",
    )


def _day_word(m: re.Match, text: str, ay: int, am: int) -> TimeExpression:
    lo, hi = _month_bounds(ay, am)
    word = m.group("word").lower()
    return _expr(
        m,
        text,
        date_from=lo,
        date_to=hi,
        resolution="unresolved",
        reasoning=f"{_capital(word)}: gerekend vanaf de dag waarop het gezegd of geschreven is. "
        f"Het artikel geeft alleen de maand ({_month_label(ay, am)}), dus de dag is onbekend.",
    )


def _weekday_candidates(m: re.Match, text: str, ay: int, am: int) -> TimeExpression:
    weekday = m.group("weekday").lower()
    number = WEEKDAY_NAMES.index(weekday)
    lo, hi = _month_bounds(ay, am)
    days = tuple(
        lo + dt.timedelta(days=i) for i in range((hi - lo).days + 1) if (lo + dt.timedelta(days=i)).weekday() == number
    )
    listed = ", ".join(str(d.day) for d in days[:-1]) + f" of {days[-1].day} {MONTH_NAMES[am - 1]} {ay}"
    return _expr(
        m,
        text,
        date_from=days[0],
        date_to=days[-1],
        resolution="weekday-candidates",
        candidates=days,
        reasoning=f"{_capital(weekday)}: het artikel geeft alleen de maand ({_month_label(ay, am)}). "
        f"Dat kan {listed} zijn.",
    )


# ---------------------------------------------------------------- weekday pinning


def _pin_by_birthday(expr: TimeExpression, text: str, floor: int, ay: int, am: int) -> TimeExpression | None:
    s, e = _sentence_bounds(text, expr.start, floor)
    sentence = text[s:e]
    weekday = WEEKDAY_NAMES.index(_WEEKDAY_RE.match(expr.text).group("weekday").lower())
    for bm in _BIRTHDAY.finditer(sentence):
        raw = bm.group("n")
        digits = re.match(r"\d+", raw)
        if digits:
            years = int(digits.group())
        else:
            from ..nl import parse_ordinal_word

            years = parse_ordinal_word(raw)
        if not years:
            continue
        for _person_id, names, born, doubt in _birthdays():
            name = next((n for n in names if re.search(rf"(?<![\w-]){re.escape(n)}(?![\w-])", sentence)), None)
            if name is None:
                continue
            day = _anniversary(born, years)
            if (day.year, day.month) != (ay, am) or day.weekday() != weekday:
                continue
            return _on_day(
                expr,
                day,
                f"{_capital(expr.text.lower())}: in dezelfde zin viert {names[0]} zijn {raw} verjaardag. "
                f"Geboren op {dutch_date(born)}{f' ({doubt})' if doubt else ''}, dus dat is {dutch_date(day)}. "
                f"Die dag was echt een {WEEKDAY_NAMES[weekday]}.",
            )
    return None


def _pin_by_sentence_date(
    expr: TimeExpression, found: list[TimeExpression], text: str, floor: int
) -> TimeExpression | None:
    s, e = _sentence_bounds(text, expr.start, floor)
    weekday = WEEKDAY_NAMES.index(_WEEKDAY_RE.match(expr.text).group("weekday").lower())
    for other in found:
        if (
            s <= other.start < e
            and other.resolution == "day"
            and other.date
            and other.date.weekday() == weekday
            and not _WEEKDAY_RE.match(other.text)
        ):
            return _on_day(
                expr,
                other.date,
                f"{_capital(expr.text.lower())}: in dezelfde zin staat {dutch_date(other.date)}, "
                f"en dat was een {WEEKDAY_NAMES[weekday]}.",
            )
    return None


def _pin_weekdays(found: list[TimeExpression], text: str, floor: int, ay: int, am: int) -> list[TimeExpression]:
    pinned: dict[str, TimeExpression] = {}
    result = list(found)
    for i, expr in enumerate(result):
        if expr.resolution != "weekday-candidates":
            continue
        new = _pin_by_birthday(expr, text, floor, ay, am) or _pin_by_sentence_date(expr, result, text, floor)
        if new:
            result[i] = new
            pinned.setdefault(_WEEKDAY_RE.match(expr.text).group("weekday").lower(), new)
    for i, expr in enumerate(result):
        if expr.resolution != "weekday-candidates":
            continue
        weekday = _WEEKDAY_RE.match(expr.text).group("weekday").lower()
        source = pinned.get(weekday)
        if source:
            result[i] = _on_day(
                expr,
                source.date,
                f"{_capital(expr.text.lower())}: elders in het artikel is {weekday} al vastgesteld als "
                f"{dutch_date(source.date)}. We nemen aan dat dezelfde dag bedoeld is.",
            )
    return result


# ---------------------------------------------------------------- main

_PASSES = (
    (_DAY_DATE, _day_date),
    (_PART_OF, _part_of),
    (_MONTH_YEAR, _month_year),
    (_RELATIVE, _relative),
    (_YEAR_RANGE, _year_range),
    (_BARE_YEAR, _bare_year),
    (_DAY_WORD, _day_word),
    (_WEEKDAY_RE, _weekday_candidates),
)


#: Words a time expression can start with; the patterns are tried only there (fast).
_FIRST_WORDS = frozenset(
    MONTH_NAMES
    + list(MONTH_ABBREVIATIONS)
    + WEEKDAY_NAMES
    + list(DAY_NUMBER_WORDS)
    + [
        "verleden",
        "in",
        "sinds",
        "vanaf",
        "tot",
        "uiterlijk",
        "rond",
        "begin",
        "midden",
        "medio",
        "half",
        "eind",
        "einde",
        "afgelopen",
        "vorige",
        "vorig",
        "komende",
        "volgende",
        "volgend",
        "deze",
        "dit",
        "vandaag",
        "gisteren",
        "gisteravond",
        "gisterochtend",
        "gistermiddag",
        "gisternacht",
        "vanavond",
        "vanochtend",
        "vanmorgen",
        "vannacht",
        "vanmiddag",
        "eergisteren",
        "overmorgen",
    ]
)
_ANCHOR = re.compile(r"(?<!\w)(?:" + "|".join(sorted(_FIRST_WORDS, key=len, reverse=True)) + r"|\d)")


def _anchors(text: str, start: int) -> list[int]:
    """Offsets of the words and numbers where a time expression may start (one scan, lower case)."""
    lower = text.lower()
    if len(lower) != len(text):  # a rare letter whose lower case is longer: check every word
        return [m.start() for m in re.compile(r"\w+").finditer(text, start)]
    return [m.start() for m in _ANCHOR.finditer(lower, start)]


def find_dates_in(text: str, year: int, month: int, start: int = 0) -> list[TimeExpression]:
    """Time expressions in `text[start:]`, resolved against month `year`-`month`.

    `find_dates` calls this for an article; it is public so that a lesson can try a
    sentence of its own: ``find_dates_in("Eind mei kwam hij.", 2018, 5)``.
    """
    if not isinstance(text, str):
        raise TypeError(f"Geef een tekst (str), geen {type(text).__name__}.")
    if not 1 <= month <= 12:
        raise ValueError(f"De maand moet tussen 1 en 12 liggen (niet {month}).")
    # numbers.py asks for the same article's dates again: remember the last few answers
    return list(_find_dates_cached(text, year, month, start))


@lru_cache(maxsize=32)
def _find_dates_cached(text: str, year: int, month: int, start: int) -> tuple[TimeExpression, ...]:
    anchors = _anchors(text, start)
    taken: list[tuple[int, int]] = []
    found: list[TimeExpression] = []
    for pattern, resolve in _PASSES:
        for pos in anchors:
            m = pattern.match(text, pos)
            if m is None or any(m.start() < e and s < m.end() for s, e in taken):
                continue
            expr = resolve(m, text, year, month)
            if expr is None:
                continue
            taken.append((expr.start, expr.end))
            found.append(expr)
    found.sort(key=lambda x: x.start)
    return tuple(_week_and_weekday(_pin_weekdays(found, text, start, year, month), text))


def _week_and_weekday(found: list[TimeExpression], text: str) -> list[TimeExpression]:
    """ "vorige week donderdag", "donderdag volgende week": one expression, the weekday within that week.

    >>> [(x.text, x.resolution, len(x.candidates)) for x in find_dates_in("Vorige week donderdag kwam hij.", 2018, 6)]
    [('Vorige week donderdag', 'weekday-candidates', 5)]
    """
    result: list[TimeExpression] = []
    for x in found:
        before = result[-1] if result else None
        if before is not None and re.fullmatch(r"\s+", text[before.end : x.start]):
            week, day = (before, x) if _WEEK_WORDS.fullmatch(before.text) else (x, before)
            if (
                _WEEK_WORDS.fullmatch(week.text)
                and day.resolution == "weekday-candidates"
                and _WEEKDAY_RE.fullmatch(day.text)
                and week.date_from is not None
                and week.date_to is not None
            ):
                weekday = day.candidates[0].weekday()
                span = (week.date_to - week.date_from).days + 1
                days = tuple(
                    d for d in (week.date_from + dt.timedelta(days=k) for k in range(span)) if d.weekday() == weekday
                )
                listed = ", ".join(dutch_date(d) for d in days)
                result[-1] = TimeExpression(
                    before.start,
                    x.end,
                    text[before.start : x.end],
                    None,
                    days[0],
                    days[-1],
                    "weekday-candidates",
                    f"{_capital(text[before.start : x.end].lower())}: de {WEEKDAY_NAMES[weekday]} van "
                    f"{week.text.lower()}. Het artikel geeft geen dag, dus dat kan {listed} zijn.",
                    days,
                )
                continue
        result.append(x)
    return result


def find_dates(article) -> list[TimeExpression]:
    """Every time expression in the article's body, sorted by start.

    In a teacher's own article a weekday is also pinned by the timeline events the article
    reports (see `_pin_by_events`). The five bundled articles are left to the students: lessons
    02 and 09 ask them to find those days with the timeline themselves.
    """
    found = find_dates_in(article.text, article.year, article.month, article.body_start)
    if getattr(article, "bundled", True) is False and getattr(article, "paragraphs", None):
        found = _pin_by_events(found, article)
    return found


def _weeks_from(day: dt.date, found: list[TimeExpression]) -> list[TimeExpression]:
    """ "deze week", "volgende week" counted from the day the article is about, once a weekday pinned it."""
    result = []
    monday = day - dt.timedelta(days=day.weekday())
    for x in found:
        m = _WEEK_WORDS.fullmatch(x.text)
        both = _WEEK_WORDS.search(x.text) if m is None and x.resolution == "weekday-candidates" else None
        if m is None and both is None:
            result.append(x)
            continue
        step = {"vorige": -1, "afgelopen": -1, "deze": 0, "volgende": 1, "komende": 1}[(m or both).group("dir").lower()]
        lo = monday + dt.timedelta(weeks=step)
        hi = lo + dt.timedelta(days=6)
        if both is not None:  # "vorige week donderdag": that weekday of that week
            target = lo + dt.timedelta(days=x.candidates[0].weekday())
            result.append(
                _on_day(
                    x,
                    target,
                    f"{_capital(x.text.lower())}: gerekend vanaf {dutch_date(day)}, de dag waar het artikel over "
                    f"gaat, dus {dutch_date(target)} (waarschijnlijk, niet zeker).",
                )
            )
            continue
        result.append(
            TimeExpression(
                x.start,
                x.end,
                x.text,
                None,
                lo,
                hi,
                "range",
                f"{_capital(x.text.lower())}: gerekend vanaf {dutch_date(day)}, de dag waar het artikel over gaat, "
                f"dus {dutch_date(lo)} tot en met {dutch_date(hi)} (waarschijnlijk, niet zeker).",
            )
        )
    return result


def _pin_by_events(found: list[TimeExpression], article) -> list[TimeExpression]:
    """Pin weekdays with the events the article is linked to (event_links.py), with the reasoning.

    1. the events linked to the weekday's own sentence, else all the article's events: when
       exactly one of their days (from a week before the article's month to its end) is that
       weekday ("Zondag stapte Trump in Panmunjom ..." -> 30 juni 2019);
    2. a weekday close to one pinned that way: the same weekday within three days of it
       ("zaterdag" in an article about Sunday 30 June -> 29 juni), marked as likely;
    3. "deze week", "volgende week" counted from the last day pinned that way, marked as likely.
    """
    from .event_links import event_days, weekday_events, window

    links = weekday_events(article)
    if not links:
        return found
    lo, hi = window(article)
    everything = [ev for _, _, ev in links]

    def days_of(events, weekday):
        return sorted({d for ev in events for d in event_days(ev, lo, hi) if d.weekday() == weekday})

    result = list(found)
    pinned: list[dt.date] = []
    for i, x in enumerate(result):
        if x.resolution != "weekday-candidates" or _WEEK_WORDS.search(x.text):
            continue  # "vorige week donderdag" is counted from the pinned day below
        weekday = x.candidates[0].weekday()
        own = [ev for s, e, ev in links if s <= x.start < e]
        days, events = days_of(own, weekday), own
        if len(days) != 1:
            days, events = days_of(everything, weekday), everything
        if len(days) != 1:
            continue
        day = days[0]
        event = next(ev for ev in events if ev.date_from <= day <= ev.date_to)
        result[i] = _on_day(
            x,
            day,
            f"{_capital(x.text.lower())}: het artikel gaat over '{event.title}' ({event.date_label}); "
            f"de enige {WEEKDAY_NAMES[weekday]} daarin is {dutch_date(day)}.",
        )
        pinned.append(day)
    if not pinned:
        return result
    result = _weeks_from(max(pinned), result)
    for i, x in enumerate(result):
        if x.resolution != "weekday-candidates":
            continue
        weekday = x.candidates[0].weekday()
        near = sorted(
            {
                anchor + dt.timedelta(days=k)
                for anchor in pinned
                for k in range(-3, 4)
                if (anchor + dt.timedelta(days=k)).weekday() == weekday and lo <= anchor + dt.timedelta(days=k) <= hi
            }
        )
        if len(near) != 1:
            continue
        day = near[0]
        anchor = min(pinned, key=lambda d: abs((d - day).days))
        result[i] = _on_day(
            x,
            day,
            f"{_capital(x.text.lower())}: het artikel gaat over {dutch_date(anchor)}; de {WEEKDAY_NAMES[weekday]} die "
            f"daar het dichtst bij ligt is {dutch_date(day)} (waarschijnlijk, niet zeker).",
        )
    return result
