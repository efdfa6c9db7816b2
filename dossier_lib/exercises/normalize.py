"""Tolerant normalisation of student answers, so that small differences in writing do not count.

"Kim Jong Un", "kim jong-un" and "Kim Jong-un" become the same name; "8 januari 2019",
"2019-01-08" and ``datetime.date(2019, 1, 8)`` the same date; ["b", "a"] the same list
as ["a", "b"]. Each function returns a canonical string, or raises `AnswerFormatError`
with a short Dutch message when the answer cannot be read at all.
The same functions normalise the teacher's key before it is hashed.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from functools import lru_cache
from typing import Any

from ..nl import MONTHS as DUTCH_MONTHS


class AnswerFormatError(ValueError):
    """The answer cannot be read as the kind of value the exercise asks for (Dutch message)."""


_MONTHS = {m: i + 1 for i, m in enumerate(DUTCH_MONTHS)}
_MONTHS.update({m[:3]: i + 1 for i, m in enumerate(DUTCH_MONTHS)})
_MONTHS.update({"mrt": 3, "sept": 9, "okt": 10})
from ..nl import WEEKDAYS as _WEEKDAYS  # noqa: E402


def plain_text(value: str) -> str:
    """Lower case, no accents, hyphens as spaces, no punctuation, single spaces."""
    text = unicodedata.normalize("NFKD", value)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"[-_‐–—/]", " ", text)
    text = re.sub(r"[^\w\s]", "", text)
    return " ".join(text.split())


def quote_text(value: str) -> str:
    """Quotation marks and dashes made plain and all whitespace single spaces: how sentences are compared."""
    from .quotes import plain_quotes

    return " ".join(plain_quotes(value).split())


@lru_cache(maxsize=1)
def _name_index() -> dict[str, str]:
    """Every full name form in the knowledge base (aliases, labels) -> its id. Short names stay out."""
    try:
        from ..annotate.kb import load_kb

        kb = load_kb()
    except Exception:  # noqa: BLE001 - without a KB, names are compared as plain text
        return {}
    index: dict[str, str] = {}
    for entry in kb:
        for form in (*entry.aliases, entry.label_nl, entry.label_en, entry.id):
            if form:
                index.setdefault(plain_text(form), entry.id)
    return index


def name_key(value: str) -> str:
    """A name's canonical form: the knowledge-base id when it knows the name, else plain text."""
    text = plain_text(value)
    kb_id = _name_index().get(text)
    return f"kb:{kb_id}" if kb_id else text


def split_names(value: Any) -> list[str]:
    """A list of names from a list, tuple or set, or from a string like "Trump, Kim en Poetin"."""
    if isinstance(value, str):
        parts = re.split(r"\s*(?:[,;\n]|\sen\s|\s&\s)\s*", " " + value + " ")
        return [p.strip() for p in parts if p.strip()]
    if isinstance(value, (list, tuple, set, frozenset)):
        names = []
        for item in value:
            if not isinstance(item, str):
                raise AnswerFormatError(
                    f"Schrijf elke naam als tekst tussen aanhalingstekens; {short_repr(item)} is geen tekst."
                )
            if item.strip():
                names.append(item.strip())
        return names
    raise AnswerFormatError(f'Geef een lijst met namen, bijvoorbeeld ["Trump", "Kim"], geen {type_name(value)}.')


def names_key(value: Any) -> str:
    """A list of names in any order, each written tolerantly: sorted canonical forms joined by '|'."""
    keys = sorted({name_key(n) for n in split_names(value)})
    if not keys:
        raise AnswerFormatError("Je lijst is leeg. Zet de namen tussen [ en ], gescheiden door komma's.")
    return "|".join(keys)


def number_key(value: Any) -> str:
    """A number as canonical text: 5, 5.0, "5", "vijf", "5 artikelen" -> "5"; "50.000" -> "50000"."""
    if isinstance(value, bool):
        raise AnswerFormatError("Je gaf True of False, maar hier hoort een getal.")
    if isinstance(value, (int, float)):
        return _tidy_number(value)
    if not isinstance(value, str):
        raise AnswerFormatError(f"Hier hoort één getal, bijvoorbeeld 12, geen {type_name(value)}.")
    from ..nl import DIGITS, parse_digits, parse_number_word

    found = [parse_digits(m) for m in re.findall(rf"(?<![\d.,])(?:{DIGITS})(?![\d])", value)]
    if not found:
        found = [n for n in (parse_number_word(w) for w in re.findall(r"\w+", value.lower())) if n is not None]
    if len(found) != 1 or found[0] is None:
        raise AnswerFormatError("Schrijf één getal, bijvoorbeeld 12 (zonder aanhalingstekens mag ook).")
    return _tidy_number(found[0])


def _tidy_number(value: float) -> str:
    if value != value or value in (float("inf"), float("-inf")):
        raise AnswerFormatError("Dat is geen gewoon getal. Schrijf een getal zoals 12.")
    if float(value).is_integer():
        return str(int(value))
    return repr(round(float(value), 6))


def date_key(value: Any) -> str:
    """A date as "YYYY-MM-DD", or a month as "YYYY-MM" when only a month is given."""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if not isinstance(value, str):
        raise AnswerFormatError(
            f'Schrijf een datum als tekst, bijvoorbeeld "2019-01-08" of "8 januari 2019", geen {type_name(value)}.'
        )
    text = plain_text(value.replace("/", "-").replace(".", "-"))
    words = [w for w in text.split() if w not in _WEEKDAYS and w != "op"]
    text = " ".join(words)
    try:
        if m := re.fullmatch(r"(\d{4}) (\d{1,2}) (\d{1,2})", text):  # 2019-01-08
            return dt.date(int(m[1]), int(m[2]), int(m[3])).isoformat()
        if m := re.fullmatch(r"(\d{1,2}) (\d{1,2}) (\d{4})", text):  # 8-1-2019 (Dutch order)
            return dt.date(int(m[3]), int(m[2]), int(m[1])).isoformat()
        if m := re.fullmatch(r"(\d{1,2})(?:e|ste|de)? ([a-z]+) (\d{4})", text):  # 8 januari 2019
            if m[2] in _MONTHS:
                return dt.date(int(m[3]), _MONTHS[m[2]], int(m[1])).isoformat()
        if m := re.fullmatch(r"([a-z]+) (\d{4})", text):  # januari 2019
            if m[1] in _MONTHS:
                return f"{int(m[2]):04d}-{_MONTHS[m[1]]:02d}"
        if m := re.fullmatch(r"(\d{4}) (\d{1,2})", text):  # 2019-01
            if 1 <= int(m[2]) <= 12:
                return f"{int(m[1]):04d}-{int(m[2]):02d}"
    except ValueError:
        raise AnswerFormatError(f"{value!r} is geen bestaande datum. Controleer dag en maand.") from None
    raise AnswerFormatError('Deze datum kan ik niet lezen. Schrijf hem als "2019-01-08" of als "8 januari 2019".')


def choice_key(value: Any, letters: str) -> str:
    """A multiple-choice answer as one lower-case letter: "B", "b)", " b " -> "b"."""
    if isinstance(value, int) and not isinstance(value, bool):
        raise AnswerFormatError(f'Geef de letter van je keuze als tekst, bijvoorbeeld "{letters[0]}".')
    if not isinstance(value, str):
        raise AnswerFormatError(f'Geef de letter van je keuze, bijvoorbeeld "{letters[0]}", geen {type_name(value)}.')
    text = plain_text(value)
    if len(text) == 1 and text in letters:
        return text
    allowed = ", ".join(f'"{c}"' for c in letters)
    raise AnswerFormatError(f"Kies één letter: {allowed}.")


def type_name(value: Any) -> str:
    """What kind of Python value this is, in Dutch words a student knows."""
    if isinstance(value, bool):
        return "True/False"
    if isinstance(value, str):
        return "tekst"
    if isinstance(value, (int, float)):
        return "getal"
    if isinstance(value, (list, tuple)):
        return "lijst"
    if isinstance(value, (set, frozenset)):
        return "verzameling"
    if isinstance(value, dict):
        return "woordenboek (dict)"
    if isinstance(value, (dt.date, dt.datetime)):
        return "datum"
    if callable(value):
        return "functie (vergeten haakjes of aanhalingstekens?)"
    return f"waarde van het type {type(value).__name__}"


def short_repr(value: Any, limit: int = 80) -> str:
    """repr() cut to `limit` characters, safe for any object."""
    try:
        text = repr(value)
    except Exception:  # noqa: BLE001 - a broken __repr__ must not break feedback
        text = f"<{type(value).__name__}>"
    return text if len(text) <= limit else text[: limit - 1] + "…"


_TYPES = {
    "PERSON": ("persoon", "personen", "person", "per", "mens", "people"),
    "PLACE": ("plaats", "plaatsen", "plek", "stad", "land", "locatie", "place", "loc", "gpe", "city", "country"),
    "ORG": ("organisatie", "org", "organization", "organisation", "bedrijf", "persbureau"),
    "EVENT": ("gebeurtenis", "event"),
}
_TYPE_WORDS = {w: t for t, words in _TYPES.items() for w in (*words, t.lower())}


def entity_type(value: Any) -> str:
    """PERSON, PLACE, ORG or EVENT from Dutch or English words ("persoon", "plaats", "land" ...)."""
    if not isinstance(value, str) or plain_text(value) not in _TYPE_WORDS:
        raise AnswerFormatError(
            f'{short_repr(value, 30)} is geen soort die ik ken. Kies "persoon", "plaats" of "organisatie".'
        )
    return _TYPE_WORDS[plain_text(value)]


TYPE_LABELS = {"PERSON": "persoon", "PLACE": "plaats", "ORG": "organisatie", "EVENT": "gebeurtenis"}
