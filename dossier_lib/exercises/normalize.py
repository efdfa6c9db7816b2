"""Tolerant normalisation of student answers, so that small differences in writing do not count.

"Kim Jong Un", "kim jong-un", "President Trump" and "Trump" become the same name;
"8 januari 2019", "2019-01-08" and ``datetime.date(2019, 1, 8)`` the same date (and
"8 januari" too, when the exercise knows the year); "80,95", "80.95" and ``numpy.float64(80.95)``
the same number; ["b", "a"] the same list as ["a", "b"]. Each function returns a canonical
string, or raises `AnswerFormatError` with a short Dutch message when the answer cannot be
read at all. The same functions normalise the teacher's key before it is hashed.

    >>> number_key("6.414,94"), number_key("80.95"), number_key("ca. 81 miljoen")
    ('6414.94', '80.95', '81000000')
    >>> date_key("30 mei", year=2018)
    '2018-05-30'
    >>> name_key("persbureau Yonhap") == name_key("Yonhap")
    True
    >>> letters_key("b d", "abcde"), letters_key("BD", "abcde")
    ('b|d', 'b|d')
"""

from __future__ import annotations

import datetime as dt
import difflib
import numbers
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..nl import MONTH_ABBREVIATIONS
from ..nl import MONTHS as DUTCH_MONTHS
from ..nl import WEEKDAYS as _WEEKDAYS


class AnswerFormatError(ValueError):
    """The answer cannot be read as the kind of value the exercise asks for (Dutch message)."""


_MONTHS = {m: i + 1 for i, m in enumerate(DUTCH_MONTHS)}
_MONTHS.update({m[:3]: i + 1 for i, m in enumerate(DUTCH_MONTHS)})
_MONTHS.update(MONTH_ABBREVIATIONS)
_MONTHS.update({"maa": 3, "mrt": 3, "sept": 9, "okt": 10, "mei": 5})


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


# ---------------------------------------------------------------- doubt and negation

#: Words that turn an answer into a doubt or a denial: "niet 5" is not 5, "misschien 5" is no answer yet.
HEDGES = ("niet", "geen", "misschien", "denk", "weet", "gok", "geloof", "ofzo", "idk", "vermoedelijk")


def hedge_word(value: Any) -> str | None:
    """The word that makes a short text answer a doubt or a denial ("niet 5", "5?"), else None.

    >>> hedge_word("geen idee, misschien 5"), hedge_word("ongeveer 81"), hedge_word("5?")
    ('geen', None, '?')
    """
    if not isinstance(value, str):
        return None
    words = plain_text(value).split()
    found = next((w for w in words if w in HEDGES), None)
    if found:
        return found
    return "?" if value.strip().endswith("?") else None


# ---------------------------------------------------------------- names

#: Words before a name that say what someone is, not who: "President Trump", "persbureau Yonhap".
NAME_TITLES = frozenset(
    """de het een heer meneer mevrouw mr mrs ms dhr mevr sir president vicepresident vice voorzitter
    presidente minister onderminister viceminister ambassadeur woordvoerder woordvoerster leider dictator
    generaal koning premier persbureau nieuwsbureau krant agentschap staatspersbureau deskundige expert
    amerikaanse amerikaan noord zuid koreaanse koreaan russische rus chinese chinees vietnamese
    hoofdstad stad land havenstad""".split()
)


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


def known_name_forms() -> list[str]:
    """The name forms the knowledge base knows, in plain text (for spelling suggestions)."""
    return sorted(_name_index())


def kb_id_of(plain: str) -> str | None:
    """The knowledge-base id of a name already in plain text, or None."""
    return _name_index().get(plain)


def _name_forms(value: str) -> list[str]:
    """The name with less and less around it: as written, without brackets and a comma-clause, then one
    title word fewer at a time ("het Zuid-Koreaanse persbureau Yonhap" ... "persbureau Yonhap", "Yonhap")."""
    text = re.sub(r"\([^)]*\)|\[[^\]]*\]", " ", value)
    text = re.split(r"[,;:]", text, maxsplit=1)[0] if re.search(r"\w[,;:]", text) else text
    words = plain_text(text).split()
    forms = [plain_text(value), " ".join(words)]
    while len(words) > 1 and words[0] in NAME_TITLES:
        words.pop(0)
        forms.append(" ".join(words))
    return list(dict.fromkeys(f for f in forms if f))


def _name_core(value: str) -> str:
    """The name without what is said around it: brackets, a comma-clause, titles in front."""
    forms = _name_forms(value)
    return forms[-1] if forms else ""


def _unique_kb_id_inside(plain: str) -> str | None:
    """The one knowledge-base entry whose name stands in `plain` as whole words ("het persbureau Yonhap")."""
    padded = f" {plain} "
    ids = {kb_id for form, kb_id in _name_index().items() if f" {form} " in padded}
    return ids.pop() if len(ids) == 1 else None


def name_key(value: str) -> str:
    """A name's canonical form: the knowledge-base id when it knows the name, else plain text.

    Titles, brackets and descriptions around the name do not count:

    >>> name_key("Kim Yong-chol (vice-voorzitter)") == name_key("kim yong chol")
    True
    """
    text = plain_text(value)
    for candidate in _name_forms(value):
        kb_id = kb_id_of(candidate)
        if kb_id:
            return f"kb:{kb_id}"
    kb_id = _unique_kb_id_inside(_name_core(value))
    return f"kb:{kb_id}" if kb_id else text


def spelling_candidates(value: str, limit: int = 3) -> list[str]:
    """Canonical forms (name keys) the student may have meant when a name is misspelt ("Kim Yong-chul").

    Only for names the knowledge base does not know as they are written: a different real
    person is not a spelling mistake. Knowledge-base names are public, so this reveals nothing.
    """
    plain = _name_core(value)
    if not plain or name_key(value).startswith("kb:"):
        return []
    close = difflib.get_close_matches(plain, known_name_forms(), n=limit, cutoff=0.8)
    return list(dict.fromkeys(f"kb:{kb_id_of(c)}" for c in close))


def one_edit_away(text: str, alphabet: str = "abcdefghijklmnopqrstuvwxyz ") -> set[str]:
    """Every text one letter away from `text` (deleted, swapped, replaced or added): for near misses.

    >>> "jonhap" in one_edit_away("yonhap")
    True
    """
    splits = [(text[:i], text[i:]) for i in range(len(text) + 1)]
    deletes = {a + b[1:] for a, b in splits if b}
    swaps = {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    replaces = {a + c + b[1:] for a, b in splits if b for c in alphabet}
    inserts = {a + c + b for a, b in splits for c in alphabet}
    return (deletes | swaps | replaces | inserts) - {text}


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


# ---------------------------------------------------------------- letters (several choices)


def split_letters(value: Any, letters: str) -> list[str]:
    """The letters of an answer like ["B", "D"], "B en D", "b d", "b,d" or "BD" (lower case, in order given)."""
    allowed = ", ".join(c.upper() for c in letters)
    if isinstance(value, (list, tuple, set, frozenset)):
        items = []
        for item in value:
            if not isinstance(item, str):
                raise AnswerFormatError(
                    f'Schrijf elke letter als tekst tussen aanhalingstekens, zoals ["A", "E"]; '
                    f"{short_repr(item)} is geen letter."
                )
            items.extend(split_letters(item, letters) if item.strip() else [])
        return items
    if not isinstance(value, str):
        raise AnswerFormatError(f'Geef de letters als lijst, bijvoorbeeld ["A", "E"], geen {type_name(value)}.')
    words = [w for w in plain_text(value).replace("zin ", " ").split() if w not in ("en", "of", "zin", "zinnen")]
    if len(words) == 1 and len(words[0]) > 1 and set(words[0]) <= set(letters):
        words = list(words[0])  # "BD"
    wrong = [w for w in words if len(w) != 1 or w not in letters]
    if wrong:
        raise AnswerFormatError(f"{short_repr(wrong[0], 20)} is geen letter die je kunt kiezen. Kies uit {allowed}.")
    return words


def letters_key(value: Any, letters: str) -> str:
    """Several letters in any order: "b|d"."""
    found = sorted(set(split_letters(value, letters)))
    if not found:
        raise AnswerFormatError('Je lijst is leeg. Zet de letters tussen [ en ], bijvoorbeeld ["A", "E"].')
    return "|".join(found)


# ---------------------------------------------------------------- numbers

#: Words for a unit a student may type along with a number, by family.
UNIT_WORDS = {
    "procent": ("%", "procent", "percent", "pct"),
    "geld": ("dollar", "dollars", "$", "usd", "euro", "euros", "€"),
    "afstand": ("km", "kilometer", "kilometers", "kilometre", "mijl", "meter"),
    "dagen": ("dag", "dagen", "kalenderdagen"),
    "jaren": ("jaar", "jaren", "jarig", "jarige"),
    "gewicht": ("gram", "gr", "kilo", "kg"),
    "keer": ("keer", "x", "maal"),
}
UNIT_NAMES = {
    "procent": "een percentage",
    "geld": "een bedrag",
    "afstand": "een afstand",
    "dagen": "een aantal dagen",
    "jaren": "een aantal jaren",
    "gewicht": "een gewicht",
    "keer": "een aantal keer",
}
#: Scale words: "34 miljoen" is 34 times a million.
SCALE_WORDS = {"duizend": 1e3, "miljoen": 1e6, "mln": 1e6, "miljard": 1e9, "mld": 1e9}
_UNIT_FAMILY = {w: family for family, words in UNIT_WORDS.items() for w in words}
#: A number in digits, any common writing: 50.000 / 6.414,94 / 80.95 / 0,42 / -3 / 1,000,000
_NUMBER = re.compile(r"(?<![\d.,])[-+−]?\d+(?:[.,]\d+)*(?!\d)|(?<![\w.,])[-+−]?[.,]\d+(?!\d)")
#: Words for "about" that may stand before a number: "ca. 81", "ruim 6.400".
_ABOUT = re.compile(r"\b(?:ca|ong|circa|ongeveer|ruim|bijna|rond|zo'n|plm|pakweg)\b\.?")
#: A sum typed as text: "34 / 0.42", "34 x 100 / 42".
_SUM = re.compile(r"[\d\s.,()]*\d[\d\s.,()]*[-+*/x×:÷][\d\s.,()+\-*/x×:÷]*\d[\d\s.,()]*")


@dataclass(frozen=True)
class ParsedNumber:
    """A number as typed: its value, a scale word ("miljoen": 1e6) and the unit families typed along."""

    value: float
    scale: float = 1.0
    units: frozenset[str] = frozenset()

    @property
    def total(self) -> float:
        return self.value * self.scale


def _digits_value(token: str) -> float:
    """ "50.000" -> 50000, "6.414,94" -> 6414.94, "80.95" -> 80.95, "0,42" -> 0.42."""
    sign = -1.0 if token[0] in "-−" else 1.0
    token = token.lstrip("+-−")
    if "," in token and "." in token:  # the last one is the decimal separator
        decimal = "," if token.rfind(",") > token.rfind(".") else "."
        thousands = "." if decimal == "," else ","
        whole, _, fraction = token.replace(thousands, "").partition(decimal)
    elif token.count(",") > 1:  # 1,000,000
        whole, fraction = token.replace(",", ""), ""
    elif "," in token:  # Dutch decimal comma
        whole, _, fraction = token.partition(",")
    elif re.fullmatch(r"\d{1,3}(?:\.\d{3})+", token):  # Dutch thousands dots
        whole, fraction = token.replace(".", ""), ""
    elif token.count(".") > 1:
        raise AnswerFormatError(f"{token} kan ik niet als getal lezen. Schrijf het getal zoals 6414 of 80.95.")
    else:
        whole, _, fraction = token.partition(".")
    return sign * float(f"{whole or '0'}.{fraction or '0'}")


def _real(value: Any) -> float | None:
    """A plain float for Python, numpy and pandas numbers (and 0-d arrays); None for anything else."""
    if isinstance(value, bool) or type(value).__name__ in ("bool_", "bool"):
        return None
    if isinstance(value, numbers.Real):
        return float(value)
    if hasattr(value, "item") and getattr(value, "shape", None) == () and hasattr(value, "dtype"):
        return _real(value.item())
    return None


def parse_number(value: Any) -> ParsedNumber:
    """A number from what a student typed: a Python, numpy or pandas number, or a Dutch or English text.

    >>> parse_number("34 miljoen dollar")
    ParsedNumber(value=34.0, scale=1000000.0, units=frozenset({'geld'}))
    >>> parse_number("90%").units
    frozenset({'procent'})
    """
    if isinstance(value, bool) or type(value).__name__ == "bool_":
        raise AnswerFormatError("Je gaf True of False, maar hier hoort een getal.")
    real = _real(value)
    if real is not None:
        if real != real or real in (float("inf"), float("-inf")):
            raise AnswerFormatError("Dat is geen gewoon getal. Schrijf een getal zoals 12.")
        return ParsedNumber(real)
    if not isinstance(value, str):
        raise AnswerFormatError(f"Hier hoort één getal, bijvoorbeeld 12, geen {type_name(value)}.")
    from ..nl import parse_number_word

    text = _ABOUT.sub(" ", value.strip().lower().replace("\u00a0", " ")).strip()
    if _SUM.fullmatch(text) and not re.fullmatch(r"[\d\s.,]+x?", text):
        raise AnswerFormatError("Dit is een som als tekst. Haal de aanhalingstekens weg, dan rekent Python de som uit.")
    tokens = _NUMBER.findall(text)
    rest = _NUMBER.sub(" ", text)
    numbers_found = [_digits_value(t) for t in tokens]
    words = re.findall(r"[a-zà-ÿ]+|[%$€]", rest)
    if not numbers_found:
        numbers_found = [float(n) for n in (parse_number_word(w) for w in words) if n is not None]
    if len(set(numbers_found)) != 1:
        if numbers_found:
            raise AnswerFormatError("Schrijf één getal, niet meer getallen. Bijvoorbeeld: 12.")
        raise AnswerFormatError("Hier hoort een getal, bijvoorbeeld 12 (zonder aanhalingstekens mag ook).")
    scale = next((SCALE_WORDS[w] for w in words if w in SCALE_WORDS), 1.0)
    units = frozenset(_UNIT_FAMILY[w] for w in words if w in _UNIT_FAMILY)
    return ParsedNumber(numbers_found[0], scale, units)


def unit_of(text: str) -> tuple[frozenset[str], float]:
    """The unit families and scale of an exercise's unit, e.g. "miljoen dollar" -> ({"geld"}, 1e6)."""
    words = re.findall(r"[a-zà-ÿ]+|[%$€]", str(text or "").lower())
    families = frozenset(_UNIT_FAMILY[w] for w in words if w in _UNIT_FAMILY)
    scale = next((SCALE_WORDS[w] for w in words if w in SCALE_WORDS), 1.0)
    return families, scale


def tidy_number(value: float, decimals: int | None = None) -> str:
    """A number as canonical text: 5.0 -> "5", 80.9523809 -> "80.952381" (or rounded to `decimals`)."""
    if value != value or value in (float("inf"), float("-inf")):
        raise AnswerFormatError("Dat is geen gewoon getal. Schrijf een getal zoals 12.")
    value = round(float(value), 6 if decimals is None else decimals)
    if float(value).is_integer():
        return str(int(value))
    return repr(value)


def number_key(value: Any, decimals: int | None = None) -> str:
    """A number as canonical text: 5, 5.0, "5", "vijf", "5 artikelen" -> "5"; "50.000" -> "50000"."""
    return tidy_number(parse_number(value).total, decimals)


_tidy_number = tidy_number  # older name


# ---------------------------------------------------------------- dates


def _month_number(word: str) -> int | None:
    """The month of a Dutch month name or abbreviation, tolerant of one typo ("febuari")."""
    if word in _MONTHS:
        return _MONTHS[word]
    if len(word) >= 4:
        close = difflib.get_close_matches(word, DUTCH_MONTHS, n=1, cutoff=0.75)
        if close:
            return DUTCH_MONTHS.index(close[0]) + 1
    return None


def weekday_in(value: Any) -> str | None:
    """The weekday a text answer names ("donderdag 25 april"), or None."""
    if not isinstance(value, str):
        return None
    return next((w for w in plain_text(value).split() if w in _WEEKDAYS), None)


def date_key(value: Any, year: int | None = None) -> str:
    """A date as "YYYY-MM-DD", or a month as "YYYY-MM" when only a month is given.

    `year` is the year the exercise's context fixes: then "30 mei" and "30-5" are read too.
    """
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if hasattr(value, "to_pydatetime"):  # pandas Timestamp
        return value.to_pydatetime().date().isoformat()
    if type(value).__name__ == "datetime64":
        return str(value)[:10]
    if not isinstance(value, str):
        raise AnswerFormatError(
            f'Schrijf een datum als tekst, bijvoorbeeld "2019-01-08" of "8 januari 2019", geen {type_name(value)}.'
        )
    text = plain_text(value.replace("/", "-").replace(".", "-").replace("'", " "))
    words: list[str] = []
    named_month = None
    for w in text.split():
        if w in _WEEKDAYS or w in ("op", "de", "van", "het", "in", "dag"):
            continue
        w = re.sub(r"^(\d{1,2})(?:e|ste|de)$", r"\1", w)
        if not w.isdigit():
            month = _month_number(w)
            if month is None:
                raise AnswerFormatError(
                    'Deze datum kan ik niet lezen. Schrijf hem als "2019-01-08" of als "8 januari 2019" '
                    "(dag, maand, jaar)."
                )
            named_month = len(words)
            w = str(month)
        words.append(w)
    if named_month == 0 and len(words) in (2, 3) and len(words[1]) <= 2:  # "april 25 2019", "juni 12"
        words[0], words[1] = words[1], words[0]
    n = [int(w) for w in words]
    try:
        if len(n) == 3 and len(words[0]) == 4:  # 2019 1 8
            return dt.date(n[0], n[1], n[2]).isoformat()
        if len(n) == 3:  # 8 1 2019 (Dutch order), also 8 1 19
            y = n[2] + 2000 if n[2] < 100 else n[2]
            return dt.date(y, n[1], n[0]).isoformat()
        if len(n) == 2 and len(words[1]) == 4:  # januari 2019 / 1 2019
            if 1 <= n[0] <= 12:
                return f"{n[1]:04d}-{n[0]:02d}"
        if len(n) == 2 and len(words[0]) == 4:  # 2019 1
            if 1 <= n[1] <= 12:
                return f"{n[0]:04d}-{n[1]:02d}"
        if len(n) == 2 and year:  # 30 mei, 30-5
            return dt.date(year, n[1], n[0]).isoformat()
        if len(n) == 1 and named_month is not None and year:  # "mei"
            return f"{year:04d}-{n[0]:02d}"
    except ValueError:
        raise AnswerFormatError(f"{value!r} is geen bestaande datum. Controleer dag en maand.") from None
    if len(n) == 2 and not year:
        raise AnswerFormatError('Zet het jaar erbij, bijvoorbeeld "8 januari 2019".')
    raise AnswerFormatError(
        'Deze datum kan ik niet lezen. Schrijf hem als "2019-01-08" of als "8 januari 2019" (dag, maand, jaar).'
    )


# ---------------------------------------------------------------- choices and types


def choice_key(value: Any, letters: str) -> str:
    """A multiple-choice answer as one lower-case letter: "B", "b)", " b " -> "b"."""
    if isinstance(value, int) and not isinstance(value, bool):
        raise AnswerFormatError(f'Geef de letter van je keuze als tekst, bijvoorbeeld "{letters[0]}".')
    if not isinstance(value, str):
        raise AnswerFormatError(f'Geef de letter van je keuze, bijvoorbeeld "{letters[0]}", geen {type_name(value)}.')
    text = plain_text(value)
    text = re.sub(r"^(?:antwoord|letter|optie|keuze)\s+", "", text)
    if len(text) == 1 and text in letters:
        return text
    allowed = ", ".join(f'"{c}"' for c in letters)
    if len(set(text.replace(" ", "").replace("en", ""))) > 1 and set(text.replace(" ", "")) <= set(letters + "en"):
        raise AnswerFormatError(f"Kies één letter, niet meer: {allowed}.")
    raise AnswerFormatError(f"Kies één letter: {allowed}.")


def type_name(value: Any) -> str:
    """What kind of Python value this is, in Dutch words a student knows."""
    if isinstance(value, bool) or type(value).__name__ == "bool_":
        return "True/False"
    if isinstance(value, str):
        return "tekst"
    if _real(value) is not None:
        return "getal"
    if isinstance(value, (list, tuple)):
        return "lijst"
    if isinstance(value, (set, frozenset)):
        return "verzameling"
    if isinstance(value, dict):
        return "woordenboek (dict)"
    if isinstance(value, (dt.date, dt.datetime)):
        return "datum"
    kind = type(value).__name__
    if kind == "DataFrame":
        return "tabel (DataFrame)"
    if kind == "Series":
        return "kolom van een tabel (Series)"
    if kind == "ndarray":
        return "reeks getallen (numpy-array)"
    if kind in ("Article", "Dossier", "Paragraph"):
        return {"Article": "artikel", "Dossier": "dossier", "Paragraph": "alinea"}[kind]
    if isinstance(value, type):
        return "soort waarde (type)"
    if isinstance(value, BaseException):
        return "foutmelding"
    if isinstance(value, (bytes, bytearray)):
        return "bytes (geen gewone tekst)"
    if isinstance(value, complex):
        return "complex getal"
    if callable(value):
        return "functie (vergeten haakjes of aanhalingstekens?)"
    if type(value).__name__ == "ellipsis":
        return "..."
    return f"waarde van het type {kind}"


def short_repr(value: Any, limit: int = 80) -> str:
    """repr() cut to `limit` characters, safe for any object."""
    try:
        text = repr(value)
    except Exception:  # noqa: BLE001 - a broken __repr__ must not break feedback
        text = f"<{type(value).__name__}>"
    return text if len(text) <= limit else text[: limit - 1] + "…"


_TYPES = {
    "PERSON": ("persoon", "personen", "person", "per", "mens", "people", "naam"),
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
