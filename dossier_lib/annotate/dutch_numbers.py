"""Reading Dutch numbers: words ("twee", "vijfendertig"), digits ("50.000", "2,5") and ordinals.

Shared by numbers.py and dates.py, so both read "35ste" and "vijfendertigste"
the same way. Only plain stdlib; nothing here knows about articles.

Rules:
- "één" (with accents) is the numeral one; "een" without accents is the
  article "a" and is never a number.
- Dutch writes a thousands dot and a decimal comma: "50.000" is 50000,
  "2,5" is 2.5. A dot followed by exactly three digits is a thousands dot.
"""

from __future__ import annotations

import re

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
            value = parse_number_word(word[: -len(suffix)])
            if value is not None and value > 1:
                return value
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
