"""Numbers in the text ("50.000", "34 miljoen dollar", "twee", "tweede", "driedaagse").

What is a number mention, and what is not:
- cardinal: digits ("50.000", "2,5", "90 procent", "$ 5") and number words ("twee",
  "vijf", "vijfendertig", "anderhalf", "tweeënhalf"), with "honderd/duizend/miljoen/miljard" after them
  ("34 miljoen dollar" is one mention, value 34000000) and a unit after that.
- ordinal: "tweede", "eerste", "35ste", "3e". Words like "laatste" or "enige" are not.
  An ordinal word must stand after "de/het/een/zijn/zo'n/deze..." (or open a
  sentence) and before a word: in "zijn verjaardag vierde," "vierde" is a verb.
- compound: a number glued to a word: "driedaagse" (3, unit "dag"), "35-jarige"
  (35, unit "jaar"), "tweejarig", "drievoudige" (3, unit "keer").
- clock: a time of day: "rond 10 uur lokale tijd", "om 14.30 uur" (value in hours).
  "10 uur" is a clock time after om/rond/tegen/omstreeks/vanaf/tot, with minutes,
  or before "lokale tijd"; otherwise "drie uur" is a duration (cardinal, unit "uur").
- NOT numbers: idioms ("onder vier ogen", see `nl.NUMBER_IDIOMS`), digits that are part of
  a name ("G20"), a numeral standing for people ("De twee gingen uiteen", "tussen de twee.");
  "een" without accents (the article "a": "een keer", "een paar");
  only "één" is the numeral one. "beide", "enkele", "paar", "meerdere" are not numbers.
  Years and days of the month belong to time expressions (dates.py): "in 2018",
  "12 juni", "eind 2017" are not number mentions; "2000 soldaten" is.

`unit` is a singular Dutch word ("dollar", "procent", "gram", "jaar", "week", "dag",
"uur", "keer"...); `counted` is what the number counts or measures, as it stands in
the text ("dwangarbeiders", "handel", "voedselrantsoenen"), or None:
- a bare number counts the noun after it ("twee eerdere ontmoetingen" -> "ontmoetingen",
  "één van de vijf landen" -> "landen");
- a measure ("90 procent van alle handel") measures what follows "van"; without
  "van" it measures the nearest "de/het ..." noun before it in the sentence
  ("De bilaterale handel bedroeg 34 miljoen dollar" -> "handel");
- "van 550 gram per dag naar 300": the 300 takes unit and counted of the 550;
- time units (jaar, week, dag, uur...) have no counted.
`approximate` is True after "circa", "ongeveer", "zo'n", "rond", "bijna", "ruim", "pakweg".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..nl import (
    NUMBER_IDIOMS,
    NUMERAL_AS_PRONOUN_NEXT,
    multiplier,
    parse_digits,
    parse_half_word,
    parse_number_word,
    parse_ordinal_word,
    tidy,
    word_starts,
)

KINDS = ("cardinal", "ordinal", "compound", "clock")

#: word after a number -> the unit, in the singular
UNIT_WORDS = {
    "dollar": "dollar",
    "dollars": "dollar",
    "euro": "euro",
    "euro's": "euro",
    "procent": "procent",
    "%": "procent",
    "procentpunt": "procentpunt",
    "gram": "gram",
    "kilo": "kilogram",
    "kilogram": "kilogram",
    "kg": "kilogram",
    "ton": "ton",
    "kilometer": "kilometer",
    "km": "kilometer",
    "meter": "meter",
    "mijl": "mijl",
    "jaar": "jaar",
    "jaren": "jaar",
    "maand": "maand",
    "maanden": "maand",
    "week": "week",
    "weken": "week",
    "dag": "dag",
    "dagen": "dag",
    "uur": "uur",
    "uren": "uur",
    "minuut": "minuut",
    "minuten": "minuut",
    "seconde": "seconde",
    "seconden": "seconde",
    "keer": "keer",
    "maal": "keer",
}
TIME_UNITS = {"jaar", "maand", "week", "dag", "uur", "minuut", "seconde", "keer"}
CURRENCY_SIGNS = {"$": "dollar", "€": "euro"}

#: "driedaagse" / "35-jarige": suffix -> unit
COMPOUND_SUFFIXES = {
    "jarige": "jaar",
    "jarig": "jaar",
    "daagse": "dag",
    "daags": "dag",
    "weekse": "week",
    "weeks": "week",
    "maandse": "maand",
    "maands": "maand",
    "urige": "uur",
    "urig": "uur",
    "voudige": "keer",
    "voudig": "keer",
    "delige": "deel",
    "delig": "deel",
}
_CLOCK_CUES = {"om", "rond", "tegen", "omstreeks", "vanaf", "tot"}
_APPROX_CUES = {"circa", "ongeveer", "zo'n", "zo’n", "rond", "bijna", "ruim", "pakweg", "zowat"}
_DETERMINERS = {"de", "het", "alle", "al", "die", "deze", "dat", "dit", "zijn", "haar", "hun"}
_ORDINAL_BEFORE = {
    "de",
    "het",
    "een",
    "zijn",
    "haar",
    "hun",
    "zo'n",
    "zo’n",
    "deze",
    "die",
    "dit",
    "dat",
    "onze",
    "ons",
    "mijn",
    "jouw",
    "uw",
    "elke",
    "iedere",
    "voor",
    "als",
}
_STOP = {
    "van",
    "in",
    "op",
    "met",
    "voor",
    "aan",
    "naar",
    "die",
    "dat",
    "en",
    "of",
    "te",
    "om",
    "bij",
    "uit",
    "tot",
    "is",
    "was",
    "zijn",
    "werd",
    "worden",
    "had",
    "hebben",
    "heeft",
    "dan",
    "als",
    "maar",
    "ook",
    "nog",
    "niet",
    "per",
    "ten",
    "zou",
    "kan",
    "de",
    "het",
    "een",
    "er",
    "door",
    "over",
    "tegen",
    "na",
    "onder",
    "sinds",
    "tijdens",
    "wel",
    "geen",
    "al",
    "hij",
    "zij",
    "ze",
    "wij",
    "we",
    "ik",
    "jij",
    "u",
    "waren",
    "zullen",
    "zal",
    "lang",
    "later",
    "eerder",
    "geleden",
}
_DIGIT_COMPOUND = re.compile(r"(\d+)-?(" + "|".join(COMPOUND_SUFFIXES) + ")")
_DIGIT_ORDINAL = re.compile(r"(\d+)(?:ste|de|e)")
_CLOCK_TOKEN = re.compile(r"(\d{1,2})(?:[.:](\d{2}))?")
_TOKEN = re.compile(r"\d+(?:[.,:]\d+)*(?:-?[^\W\d_]+)?|[^\W\d_]+(?:['’][^\W\d_]+|-[^\W\d_]+)*|[$€%]")
_DEF_NP = re.compile(r"(?<!\w)(?:de|het)\s+(?:[^\W\d_][\w-]*e\s+)*(?P<noun>[a-zà-ÿ][\w-]*)", re.IGNORECASE)


@dataclass(frozen=True)
class Number:
    """A number in an article: where it is, its value, its unit and what it counts."""

    start: int
    end: int
    text: str
    value: int | float
    unit: str | None
    counted: str | None
    kind: str
    approximate: bool = False


def _is_word(tok: re.Match | None) -> bool:
    return tok is not None and tok.group()[0].isalpha()


def _between_is_space(text: str, a: int, b: int) -> bool:
    return a <= b and text[a:b].strip() == "" and "\n" not in text[a:b]


def _noun_after(text: str, toks: list[re.Match], i: int, end: int) -> str | None:
    """The counted noun starting at token `i`: skip "van de", adjectives and number words."""
    if i < len(toks) and toks[i].group().lower() == "van":
        i += 1
    while (
        i < len(toks)
        and toks[i].start() < end
        and (toks[i].group().lower() in _DETERMINERS or parse_number_word(toks[i].group()) is not None)
    ):
        i += 1
    while i < len(toks) and toks[i].start() < end:
        word = toks[i].group()
        if not _is_word(toks[i]) or word.lower() in _STOP:
            return None
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        adjective = (
            word.lower().endswith("e")
            and _is_word(nxt)
            and nxt.start() < end
            and nxt.group().lower() not in _STOP
            and _between_is_space(text, toks[i].end(), nxt.start())
        )
        if not adjective:
            return word
        i += 1
    return None


def _noun_before(text: str, sent_start: int, pos: int) -> str | None:
    """The nearest "de/het <adjectives> noun" before `pos` in the sentence (lower-case nouns only)."""
    noun = None
    for m in _DEF_NP.finditer(text, sent_start, pos):
        if m.group("noun") not in _STOP:
            noun = m.group("noun")
    return noun


def _ordinal_in_place(text: str, toks: list[re.Match], i: int, sent_start: int) -> bool:
    """An ordinal word stands after "de/het/een/zijn/zo'n..." (or opens a sentence) and before a word.

    A comma may stand between it and the next adjective: "een tweede, onaangekondigde ontmoeting".
    """
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    gap = text[toks[i].end() : nxt.start()] if nxt is not None else ""
    if not (_is_word(nxt) and (_between_is_space(text, toks[i].end(), nxt.start()) or gap == ", ")):
        return False
    if i == 0 or toks[i - 1].end() <= sent_start:
        return True
    return toks[i - 1].group().lower() in _ORDINAL_BEFORE


_NUMBERISH = re.compile(
    r"\d|één|eén|een|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|tig"
    r"|honderd|duizend|eerste|derde|nul|half"
)
_IDIOMS = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(i) for i in NUMBER_IDIOMS) + r")(?!\w)", re.IGNORECASE)
_PRONOUN_DETERMINERS = frozenset({"de", "die", "deze", "alle"})


def _counts_things(word: str) -> bool:
    """Can `word` be what a number after "de" counts? A plural ("mannen", "leiders", "Korea's"),
    an adjective before one ("drie Amerikaanse"), or a unit ("twee jaar"); not "verder" or "gratie".

    >>> [_counts_things(w) for w in ("mannen", "leiders", "korea's", "jaar", "amerikaanse", "verder", "gratie")]
    [True, True, True, True, True, False, False]
    """
    word = word.lower()
    return (
        word.endswith(("en", "s", "'s", "’s", "e"))
        and not word.endswith(("ie", "ee"))
        or word in UNIT_WORDS
        or word in TIME_UNITS
    )


@lru_cache(maxsize=8192)
def _core(word: str) -> tuple[int | float, str, str | None] | None:
    """(value, kind, unit) for one token that is a number by itself; None otherwise (cached per word)."""
    lower = word.lower()
    if not _NUMBERISH.search(lower):
        return None
    m = _DIGIT_COMPOUND.fullmatch(lower)
    if m:
        return int(m.group(1)), "compound", COMPOUND_SUFFIXES[m.group(2)]
    m = _DIGIT_ORDINAL.fullmatch(lower)
    if m:
        return int(m.group(1)), "ordinal", None
    value = parse_digits(word)
    if value is not None:
        return value, "cardinal", None
    if not word[0].isalpha():
        return None
    for suffix, unit in COMPOUND_SUFFIXES.items():
        if lower.endswith(suffix):
            head = lower[: -len(suffix)]
            head_value = 1 if head in ("een", "één") else parse_number_word(head)
            if head_value is not None:
                return head_value, "compound", unit
    half = parse_half_word(lower)
    if half is not None:
        return half, "cardinal", None
    ordinal = parse_ordinal_word(lower)
    if ordinal is not None:
        return ordinal, "ordinal", None
    value = parse_number_word(lower)
    if value is not None:
        return value, "cardinal", None
    return None


#: How a number word can begin ("drieëntwintig", "eenjarige", "vijfendertigste").
_NUMBER_WORD_STARTS = (
    "één",
    "eén",
    "een",
    "twee",
    "drie",
    "vier",
    "vijf",
    "zes",
    "zeven",
    "acht",
    "negen",
    "tien",
    "elf",
    "twaalf",
    "dertien",
    "dertig",
    "derde",
    "veertien",
    "veertig",
    "twintig",
    "tachtig",
    "honderd",
    "duizend",
    "eerst",
    "nul",
    "anderhalf",
    "$",
    "€",
)


def _candidate_starts(text: str, start: int) -> list[int]:
    """Where a number may start: digits, currency signs and words that begin like a number word."""
    lower = text.lower()
    if len(lower) != len(text):
        return [m.start() for m in _TOKEN.finditer(text, start)]
    return word_starts(lower, _NUMBER_WORD_STARTS, start)


def find_numbers_in(text: str, start: int = 0, skip: list[tuple[int, int]] | None = None) -> list[Number]:
    """Numbers in `text[start:]`, leaving out the spans in `skip` (time expressions)."""
    from .dates import _sentence_bounds

    skip = list(skip or []) + [(m.start(), m.end()) for m in _IDIOMS.finditer(text, start)]
    found: list[Number] = []
    sentences: dict[int, tuple[int, int, list[re.Match], dict[int, int]]] = {}
    done_until = start
    for pos in _candidate_starts(text, start):
        if pos < done_until:
            continue
        sent_start, sent_end = _sentence_bounds(text, pos, start)
        if sent_start not in sentences:
            toks = list(_TOKEN.finditer(text, sent_start, sent_end))
            sentences[sent_start] = (sent_start, sent_end, toks, {t.start(): k for k, t in enumerate(toks)})
        _, _, toks, index = sentences[sent_start]
        i = index.get(pos)
        if i is None:
            continue
        tok = toks[i]
        word = tok.group()
        if word in CURRENCY_SIGNS:
            continue  # handled with the digits after it
        core = _core(word)
        clockish = word[0].isdigit() and _CLOCK_TOKEN.fullmatch(word)
        if (
            (core is None and not clockish)
            or any(s <= tok.start() < e for s, e in skip)
            or (tok.start() > 0 and text[tok.start() - 1] == "-" and word[0].isdigit())
            or (tok.start() > 0 and text[tok.start() - 1].isalpha() and word[0].isdigit())  # "G20", "F16"
        ):
            continue
        prev = toks[i - 1].group().lower() if i > 0 else ""
        nxt = toks[i + 1] if i + 1 < len(toks) else None

        # clock times: "rond 10 uur lokale tijd", "om 14.30 uur"
        clock = _CLOCK_TOKEN.fullmatch(word)
        if (
            clock
            and nxt is not None
            and nxt.group().lower() == "uur"
            and _between_is_space(text, tok.end(), nxt.start())
        ):
            after = text[nxt.end() : nxt.end() + 14].lower()
            if prev in _CLOCK_CUES or clock.group(2) or after.lstrip().startswith("lokale tijd"):
                hours = int(clock.group(1)) + (int(clock.group(2)) / 60 if clock.group(2) else 0)
                found.append(
                    Number(
                        tok.start(),
                        nxt.end(),
                        text[tok.start() : nxt.end()],
                        tidy(float(hours)),
                        "uur",
                        None,
                        "clock",
                        prev in _APPROX_CUES,
                    )
                )
                done_until = nxt.end()
                continue

        if core is None:
            continue
        value, kind, unit = core
        if kind == "ordinal" and tok.group()[0].isalpha() and not _ordinal_in_place(text, toks, i, sent_start):
            continue  # "zijn verjaardag vierde": the verb "vieren", not "the fourth"
        if kind == "cardinal" and word[0].isalpha() and prev in _PRONOUN_DETERMINERS:
            follower = (
                nxt.group().lower() if nxt is not None and _between_is_space(text, tok.end(), nxt.start()) else None
            )
            if follower is None or follower in NUMERAL_AS_PRONOUN_NEXT or not _counts_things(follower):
                continue  # "De twee gingen uiteen", "de drie gratie verlenen": the number stands for the people
        begin, end, j = tok.start(), tok.end(), i + 1
        if i > 0 and toks[i - 1].group() in CURRENCY_SIGNS and _between_is_space(text, toks[i - 1].end(), begin):
            unit, begin = CURRENCY_SIGNS[toks[i - 1].group()], toks[i - 1].start()
        if kind == "cardinal":
            # "34 miljoen", "twee duizend"
            while j < len(toks) and multiplier(toks[j].group()) and _between_is_space(text, end, toks[j].start()):
                value = value * multiplier(toks[j].group())
                end, j = toks[j].end(), j + 1
            if (
                unit is None
                and j < len(toks)
                and toks[j].group().lower() in UNIT_WORDS
                and _between_is_space(text, end, toks[j].start())
            ):
                unit = UNIT_WORDS[toks[j].group().lower()]
                end, j = toks[j].end(), j + 1
        counted = None
        if unit is None or kind == "compound":
            counted = _noun_after(text, toks, j, sent_end)
        elif unit not in TIME_UNITS:
            counted = (
                _noun_after(text, toks, j, sent_end) if (j < len(toks) and toks[j].group().lower() == "van") else None
            )
            counted = counted or _noun_before(text, sent_start, begin)
        if kind == "cardinal" and unit is None and prev in ("naar", "tot"):
            earlier = [n for n in found if n.start >= sent_start and n.unit and n.kind == "cardinal"]
            if earlier:
                unit, counted = earlier[-1].unit, earlier[-1].counted
        approximate = kind == "cardinal" and prev in _APPROX_CUES
        found.append(Number(begin, end, text[begin:end], tidy(value), unit, counted, kind, approximate))
        done_until = end
    return found


def find_numbers(article) -> list[Number]:
    """Every number mention in the article's body, sorted by start (time expressions left out)."""
    from .dates import find_dates

    skip = [(d.start, d.end) for d in find_dates(article)]
    return find_numbers_in(article.text, article.body_start, skip)
