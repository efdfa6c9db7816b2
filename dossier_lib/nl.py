"""Dutch words in one place: month and weekday names, calendars, dates in words, plurals, number words.

Every module that writes or reads a Dutch date or number uses these names, so "mrt" is
spelled one way everywhere. Only plain stdlib; nothing here knows about articles.

    >>> weekdag("2019-04-25")
    'donderdag'
    >>> datum_in_woorden("2019-03-15")
    '15 maart 2019'
    >>> meervoud(1, "citaat", "citaten"), meervoud(3, "citaat", "citaten")
    ('1 citaat', '3 citaten')
    >>> parse_number_word("vijfendertig"), parse_digits("50.000")
    (35, 50000)

Reading numbers:
- "één" (with accents) is the numeral one; "een" without accents is the
  article "a" and is never a number.
- Dutch writes a thousands dot and a decimal comma: "50.000" is 50000,
  "2,5" is 2.5. A dot followed by exactly three digits is a thousands dot.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

MONTHS = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)
#: Short month names as Dutch writes them ("mrt", not "maa").
SHORT_MONTHS = ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec")
#: Abbreviations a reader may meet after a day number ("3 jan.", "12 sept").
MONTH_ABBREVIATIONS = {
    "jan": 1,
    "feb": 2,
    "febr": 2,
    "mrt": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "okt": 10,
    "nov": 11,
    "dec": 12,
}
WEEKDAYS = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")


def as_date(value: dt.date | str) -> dt.date:
    """A date from a `datetime.date` or an ISO text ("2019-04-25"); a Dutch ValueError otherwise."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise ValueError(f'{value!r} is geen datum. Schrijf hem als "2019-04-25" (jaar-maand-dag).') from None


def weekdag(datum: dt.date | str) -> str:
    """The Dutch name of the weekday of a date.

    >>> weekdag("2019-01-08")
    'dinsdag'
    """
    from .arguments import date_arg  # a Dutch message for anything that is not a date

    return WEEKDAYS[date_arg(datum, "de datum", '"2019-04-25"').weekday()]


def weekday_number(weekday: str) -> int:
    """0 for "maandag" ... 6 for "zondag"; a Dutch ValueError for anything else.

    >>> weekday_number("Donderdag")
    3
    """
    word = str(weekday).strip().lower()
    if word not in WEEKDAYS:
        raise ValueError(f"{weekday!r} is geen dag van de week. Kies uit: {', '.join(WEEKDAYS)}.")
    return WEEKDAYS.index(word)


def datum_in_woorden(datum: dt.date | str) -> str:
    """A date in Dutch words.

    >>> datum_in_woorden("2019-01-08")
    '8 januari 2019'
    """
    d = as_date(datum)
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


def month_label(year: int, month: int, short: bool = False) -> str:
    """ "maart 2019", or "mrt 2019" when `short`.

    >>> month_label(2019, 3, short=True)
    'mrt 2019'
    """
    return f"{(SHORT_MONTHS if short else MONTHS)[month - 1]} {year}"


def date_range_in_words(a: dt.date, b: dt.date) -> str:
    """ "12 juni 2018", "27–28 februari 2019", "30 mei – 1 juni 2018".

    >>> date_range_in_words(dt.date(2019, 2, 27), dt.date(2019, 2, 28))
    '27–28 februari 2019'
    """
    if a == b:
        return datum_in_woorden(a)
    if (a.year, a.month) == (b.year, b.month):
        return f"{a.day}–{datum_in_woorden(b)}"
    if a.year == b.year:
        return f"{a.day} {MONTHS[a.month - 1]} – {datum_in_woorden(b)}"
    return f"{datum_in_woorden(a)} – {datum_in_woorden(b)}"


def weekday_dates(year: int, month: int, weekday: str) -> list[dt.date]:
    """Every date in `month` of `year` that falls on `weekday` ("dinsdag").

    >>> [d.day for d in weekday_dates(2019, 3, "vrijdag")]
    [1, 8, 15, 22, 29]
    """
    if not 1 <= int(month) <= 12:
        raise ValueError(f"De maand moet een getal van 1 tot en met 12 zijn (niet {month}).")
    number = weekday_number(weekday)
    return [d for d in _days(year, month) if d.weekday() == number]


def _days(year: int, month: int) -> list[dt.date]:
    return [dt.date(year, month, day) for day in range(1, calendar.monthrange(year, month)[1] + 1)]


class Kalender(str):
    """A month calendar as plain text: prints the same in a notebook and in a terminal."""

    def __repr__(self) -> str:
        return str(self)


def maandkalender(jaar: int, maand: int, markeer: int | str | None = None) -> Kalender:
    """A Dutch month calendar, Monday first.

    `markeer` puts [brackets] around one day (a number, such as 25) or around every day
    of one weekday (a name, such as "dinsdag").

    >>> print(maandkalender(2019, 4, markeer=25))
             april 2019
     ma  di  wo  do  vr  za  zo
      1   2   3   4   5   6   7
      8   9  10  11  12  13  14
     15  16  17  18  19  20  21
     22  23  24 [25] 26  27  28
     29  30
    """
    from .arguments import int_arg, month_arg, weekday_arg, year_arg  # Dutch messages for wrong arguments

    jaar, maand = year_arg(jaar), month_arg(maand)
    mark_weekday = WEEKDAYS.index(weekday_arg(markeer)) if isinstance(markeer, str) else None
    if markeer is not None and mark_weekday is None:
        markeer = int_arg(markeer, "de dag om te markeren", "maandkalender(2019, 4, markeer=25)", 1, 31)
    lines = [month_label(jaar, maand).center(28).rstrip(), "".join(f" {d[:2]} " for d in WEEKDAYS).rstrip()]
    for week in calendar.Calendar(firstweekday=0).monthdayscalendar(jaar, maand):
        cells = []
        for position, day in enumerate(week):
            marked = day and (day == markeer if mark_weekday is None else position == mark_weekday)
            cells.append("    " if day == 0 else f"[{day:>2}]" if marked else f" {day:>2} ")
        lines.append("".join(cells).rstrip())
    return Kalender("\n".join(lines))


def meervoud(n: int, enkelvoud: str, meervoudsvorm: str) -> str:
    """ "1 citaat", "2 citaten": the number with the right form of the word.

    >>> meervoud(1, "woord", "woorden")
    '1 woord'
    """
    return f"{n} {enkelvoud if n == 1 else meervoudsvorm}"


# ---------------------------------------------------------------- words around names

#: Small words that can start a sentence before a name ("Volgens Choe", "Ook Kim", "Vanaf de G20").
FUNCTION_WORDS = frozenset(
    """de het een dat die deze dit en maar ook volgens toen nu zo als in op met voor na bij tot van uit
    over door om aan zoals nadat sinds hoewel terwijl omdat want dus wel niet toch daarnaast bovendien
    later eerder zowel vanaf namens tijdens zonder onder tegen behalve dankzij wegens binnen buiten langs
    via daarna daarom intussen inmiddels zelfs alleen vooral nog al pas ook dan of wat wie welke hoe
    waarom wanneer waar hier daar er hij zij ze wij we ik jij u zijn haar hun elke iedere alle geen
    veel weinig enkele sommige beide andere ondanks volgend vorig vorige afgelopen komende""".split()
)
#: Titles and descriptions that stand before a name and are not part of it ("Premier Shinzo Abe").
TITLES = frozenset(
    """president vicepresident oud-president premier minister-president minister onderminister
    viceminister staatssecretaris woordvoerder woordvoerster leider generaal gezant ambassadeur
    voorzitter vice-voorzitter secretaris-generaal staatshoofd dictator koning koningin paus senator
    kameraad topdiplomaat diplomaat hoofdonderhandelaar onderhandelaar adviseur veiligheidsadviseur
    analist deskundige expert professor hoogleraar dr mevrouw meneer heer journalist correspondent
    oud-minister oud-basketballer basketballer burgemeester kanselier chef""".split()
)
#: Words for family members: "zijn vader Kim Jong-il" is not the Kim a later "Kim" means.
KINSHIP = frozenset(
    """vader grootvader opa moeder grootmoeder oma zus zuster broer vrouw echtgenote man echtgenoot
    dochter zoon oom tante neef nicht halfbroer halfzus""".split()
)


# ---------------------------------------------------------------- plurals back to the singular


def singular(word: str) -> str:
    """A rough singular of a Dutch plural noun, enough to compare words ("raketproeven" -> "raketproef").

    >>> [singular(w) for w in ("raketproeven", "gesprekken", "toespraken", "reizen", "landen", "tests", "top")]
    ['raketproef', 'gesprek', 'toespraak', 'reis', 'land', 'test', 'top']
    """
    w = word.lower()
    if len(w) > 4 and w.endswith("ven"):
        return w[:-3] + "f"
    if len(w) > 4 and w.endswith("zen"):
        return w[:-3] + "s"
    if len(w) > 4 and w.endswith("en"):
        stem = w[:-2]
        if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "aeiou":
            return stem[:-1]  # gesprekk -> gesprek
        if len(stem) > 2 and stem[-1] not in "aeiou" and stem[-2] in "aeou" and stem[-3] not in "aeiou":
            return stem[:-1] + stem[-2] + stem[-1]  # toesprak -> toespraak
        return stem
    if len(w) > 3 and w.endswith("s") and w[-2] not in "aeious":
        return w[:-1]
    return w


# ---------------------------------------------------------------- tense (is a sentence about the past?)

#: Past-tense verb forms that news text uses a lot ("In juni vond de eerste top plaats").
PAST_TENSE_WORDS = frozenset(
    """was waren had hadden werd werden kwam kwamen ging gingen vond vonden liep liepen zag zagen gaf gaven
    sprak spraken bleef bleven stond stonden zat zaten lag lagen nam namen kreeg kregen schreef schreven
    trok trokken vloog vlogen hield hielden liet lieten bracht brachten dacht dachten zei zeiden wist wisten
    riep riepen kon konden wilde wilden moest moesten mocht mochten begon begonnen besloot besloten sloot
    sloten verliep verliepen vertrok vertrokken overleed stierf stierven viel vielen won wonnen verloor
    ontmoette ontmoetten tekende tekenden praatte praatten reisde reisden bezocht bezochten volgde volgden
    vertelde vertelden verklaarde verklaarden meldde meldden stopte stopten testte testten lanceerde
    lanceerden eindigde eindigden startte startten opende openden mislukte mislukten kondigde kondigden
    waarschuwde waarschuwden reageerde reageerden noemde noemden woonde leefde landde arriveerde keerde
    keerden blies bliezen maakte maakten deed deden zette zetten kostte duurde duurden leidde leidden
    ontving ontvingen haalde haalden stapte stapten liep""".split()
)
#: Auxiliaries that, with a past participle ("heeft ... ontmoet", "is ... gesneuveld"), make the past.
PERFECT_AUXILIARIES = frozenset("heeft hebben had hadden is zijn was waren werd werden".split())
#: Words that point ahead ("De top zal in juni plaatsvinden", "volgende maand").
FUTURE_WORDS = frozenset(
    "zal zullen zult gaat gaan binnenkort volgende volgend komende komend verwacht verwachten".split()
)
_PARTICIPLE = re.compile(r"\bge\w{2,}(?:d|t|en)\b")
#: Words that look like a past participle but are adjectives or adverbs: "niet gepast", "twee jaar geleden".
_NOT_PARTICIPLES = frozenset(
    "gepast geschikt gewend geliefd gerust gezond gemiddeld geleden gelegen gevaarlijk".split()
)


def tense(clause: str) -> str:
    """ "past", "future" or "present" for a Dutch clause, from its verbs (a small rule, not a parser).

    >>> tense("In juni vond de eerste plaats"), tense("De top zal in juni zijn"), tense("De top is in juni")
    ('past', 'future', 'present')
    >>> tense("die in de Koreaanse Oorlog zijn gesneuveld")
    'past'
    """
    words = re.findall(r"\w+", clause.lower())
    if any(w in PAST_TENSE_WORDS for w in words):
        return "past"
    if any(w in PERFECT_AUXILIARIES for w in words) and any(
        p not in _NOT_PARTICIPLES for p in _PARTICIPLE.findall(clause.lower())
    ):
        return "past"
    if any(w in FUTURE_WORDS for w in words):
        return "future"
    return "present"


def number_word(n: int) -> str:
    """A small number in words, as in a sentence ("twee tot vier zinnen"); digits from 13 on.

    >>> number_word(1), number_word(4), number_word(25)
    ('één', 'vier', '25')
    """
    words = ("nul", "één", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien", "elf", "twaalf")
    return words[n] if 0 <= n < len(words) else str(n)


# ---------------------------------------------------------------- number words and digits


UNITS = {
    "nul": 0,
    "één": 1,
    "eén": 1,
    "twee": 2,
    "drie": 3,
    "vier": 4,
    "vijf": 5,
    "zes": 6,
    "zeven": 7,
    "acht": 8,
    "negen": 9,
    "tien": 10,
    "elf": 11,
    "twaalf": 12,
    "dertien": 13,
    "veertien": 14,
    "vijftien": 15,
    "zestien": 16,
    "zeventien": 17,
    "achttien": 18,
    "negentien": 19,
}
TENS = {
    "twintig": 20,
    "dertig": 30,
    "veertig": 40,
    "vijftig": 50,
    "zestig": 60,
    "zeventig": 70,
    "tachtig": 80,
    "negentig": 90,
}
#: Ones inside a compound ("eenentwintig") may be written without accents.
_ONES_IN_COMPOUND = {
    "een": 1,
    "één": 1,
    "twee": 2,
    "drie": 3,
    "vier": 4,
    "vijf": 5,
    "zes": 6,
    "zeven": 7,
    "acht": 8,
    "negen": 9,
}
MULTIPLIERS = {"honderd": 100, "duizend": 1000, "miljoen": 1_000_000, "miljard": 1_000_000_000}


def _day_number_words() -> dict[str, int]:
    """Day numbers 1-31 as words: the units, "twintig", "dertig" and their compounds ("eenentwintig")."""
    words = {word: value for word, value in UNITS.items() if value >= 1}
    for tens_word in ("twintig", "dertig"):
        words[tens_word] = TENS[tens_word]
        for ones_word, ones in _ONES_IN_COMPOUND.items():
            joint = "ën" if ones_word.endswith("e") else "en"
            if ones_word != "één" and TENS[tens_word] + ones <= 31:
                words[f"{ones_word}{joint}{tens_word}"] = TENS[tens_word] + ones
    return words


#: Day numbers written as words ("op twaalf maart", "eenendertig mei").
DAY_NUMBER_WORDS = _day_number_words()

#: Ordinal words that do not follow the "-de"/"-ste" pattern of their cardinal.
_IRREGULAR_ORDINALS = {"eerste": 1, "derde": 3}

#: A number in digits: thousands dots ("50.000"), or a decimal comma ("2,5").
DIGITS = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
_DIGIT_ORDINAL = re.compile(r"(\d+)(?:ste|de|e)")
_DIGITS_RE = re.compile(rf"(?:{DIGITS})\Z")


def parse_digits(text: str) -> int | float | None:
    """The value of "50.000", "2,5" or "35"; None if `text` is not written that way."""
    text = text.strip()
    if not _DIGITS_RE.match(text):
        return None
    whole, _, fraction = text.replace(".", "").partition(",")
    if fraction:
        return float(f"{whole}.{fraction}")
    return int(whole)


def _below_hundred(word: str) -> int | None:
    if word in UNITS:
        return UNITS[word]
    if word in TENS:
        return TENS[word]
    # "vijfendertig", "tweeëntwintig": ones + "en"/"ën" + tens
    for tens_word, tens in TENS.items():
        if word.endswith(tens_word):
            head = word[: -len(tens_word)]
            for joint in ("en", "ën"):
                if head.endswith(joint):
                    ones = head[: -len(joint)]
                    if ones in _ONES_IN_COMPOUND:
                        return _ONES_IN_COMPOUND[ones] + tens
    return None


def parse_number_word(word: str) -> int | None:
    """The value of one Dutch number word ("twee", "vijfendertig", "tweehonderd"); else None.

    "een" (without accents) returns None: it is the article "a", not a numeral.
    """
    word = word.lower()
    if not word:
        return None
    small = _below_hundred(word)
    if small is not None:
        return small
    for name, factor in (("duizend", 1000), ("honderd", 100)):
        if name in word:
            head, _, tail = word.partition(name)
            head_value = 1 if head == "" else parse_number_word(head)
            if head_value is None and head in ("een", "één"):
                head_value = 1
            tail_value = 0 if tail == "" else parse_number_word(tail)
            if head_value is None or tail_value is None or head_value >= factor:
                return None
            return head_value * factor + tail_value
    return None


def parse_half_word(word: str) -> float | None:
    """ "anderhalf" is 1.5, "tweeënhalf" 2.5, "vijfenhalf" 5.5; None for other words.

    >>> parse_half_word("anderhalf"), parse_half_word("tweeënhalf")
    (1.5, 2.5)
    """
    word = word.lower()
    if word == "anderhalf":
        return 1.5
    for joint in ("ënhalf", "enhalf"):
        if word.endswith(joint) and len(word) > len(joint):
            head = parse_number_word(word[: -len(joint)])
            if head is not None:
                return head + 0.5
    return None


#: Sayings with a number word that counts nothing: "onder vier ogen" (just the two of them).
NUMBER_IDIOMS = (
    "onder vier ogen",
    "onder zes ogen",
    "op twee gedachten hinken",
    "met twee maten meten",
    "twee handen op één buik",
    "in één adem",
    "op één lijn",
    "in de zevende hemel",
    "ten eerste",
    "ten tweede",
    "ten derde",
    "de eerste de beste",
    "voor het eerst",
    "een tweede natuur",
)
#: Words after "de twee", "die drie" that show the number stands for people, not a count of something:
#: "De twee gingen uiteen", "tussen de twee." (a verb, a pronoun or an article follows, or nothing).
NUMERAL_AS_PRONOUN_NEXT = frozenset(
    """is was zijn waren heeft hebben had hadden gaan ging gingen komen kwam kwamen spreken spraken praten
    praatten zullen zouden willen wilden moeten moesten kunnen konden zagen zien tekenden tekenen ontmoetten
    ontmoeten bleven blijven reisden reizen werden worden staan stonden zitten zaten lijken leken lieten laten
    hielden houden voerden liepen lopen schudden gaven geven maakten maken deden doen elkaar samen zelf
    een het de geen hun zijn haar dit dat die deze er daar hier ook nog al wel niet""".split()
)


def parse_ordinal_word(word: str) -> int | None:
    """The value of an ordinal ("tweede", "vijfendertigste", "35ste", "3e"); else None."""
    word = word.lower()
    m = _DIGIT_ORDINAL.fullmatch(word)
    if m:
        return int(m.group(1))
    for irregular, value in _IRREGULAR_ORDINALS.items():
        if word == irregular:
            return value
        if word.endswith(irregular):  # "honderdeerste", "duizendderde"
            head = parse_number_word(word[: -len(irregular)])
            if head is not None and head >= 100:
                return head + value
    for suffix in ("ste", "de"):
        if word.endswith(suffix):
            number = parse_number_word(word[: -len(suffix)])
            if number is not None and number > 1:
                return number
    return None


def multiplier(word: str) -> int | None:
    """100, 1000, 1e6 or 1e9 for "honderd", "duizend", "miljoen", "miljard"."""
    return MULTIPLIERS.get(word.lower())


def tidy(value: float) -> int | float:
    """An int when the value is whole (34000000), else the float (2.5)."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


_DIGIT_RUN = re.compile(r"\d+")


def word_starts(lower: str, prefixes: tuple[str, ...], start: int = 0, digits: bool = True) -> list[int]:
    """Sorted offsets in `lower` where a word begins with one of `prefixes` (or with a digit).

    Used by numbers.py and dates.py to try their patterns only where they can match.
    `str.find` per prefix is many times faster than one big regex alternation.
    """
    found = set()
    for prefix in prefixes:
        pos = lower.find(prefix, start)
        while pos != -1:
            if pos == 0 or not lower[pos - 1].isalnum():
                found.add(pos)
            pos = lower.find(prefix, pos + 1)
    if digits:
        for m in _DIGIT_RUN.finditer(lower, start):
            found.add(m.start())
    return sorted(found)
