"""Checking what a student passes to a lesson function, at its entry: one Dutch sentence with the remedy.

Every function a lesson lets a student call starts by reading its arguments through these
helpers. What a student means is accepted where it is clear ("moskou" for the place id
"moscow", "003" or 3 for article 003, "april" for month 4, "Donderdag" for "donderdag");
anything else raises `StudentInputError` (errors.py) with a Dutch message that names the
right form, often with the nearest valid choice. In a lesson the Dutch error help shows
that message without a traceback.

    >>> place_arg("Moskou")
    'moscow'
    >>> month_arg("april"), weekday_arg("do"), year_arg("2019")
    (4, 'donderdag', 2019)
    >>> glossary_arg("sancties")
    'sanctions'
"""

from __future__ import annotations

import datetime as dt
import difflib
from typing import Any

from .errors import StudentInputError, StudentKeyError
from .nl import MONTHS, WEEKDAYS


def _what(value: Any) -> str:
    from .exercises.normalize import type_name

    if value is None:
        return "None (leeg)"
    if value is Ellipsis:
        return "... (nog niet ingevuld)"
    return type_name(value)


def _unfilled(value: Any, example: str) -> None:
    if value is Ellipsis:
        raise StudentInputError(f"Nog niet ingevuld: vervang ... door je antwoord, bijvoorbeeld {example}.")


def _suggest(wanted: str, choices: list[str], n: int = 1) -> str:
    close = difflib.get_close_matches(wanted.strip().lower(), choices, n=n, cutoff=0.6)
    return f' Bedoel je "{close[0]}"?' if close else ""


# ---------------------------------------------------------------- articles and the dossier


def _is_article(value: Any) -> bool:
    return hasattr(value, "number") and (hasattr(value, "paragraphs") or hasattr(value, "annotations"))


def _is_dossier(value: Any) -> bool:
    return hasattr(value, "articles") and hasattr(value, "between")


def _lesson_articles():
    from .settings import lesson_dossier

    return lesson_dossier()


def article_number(value: Any) -> str | None:
    """ "003" for "003", "3", 3, "artikel 3", "nr. 3"; None when it is no article number."""
    import re

    from .exercises.normalize import _real, plain_text

    real = _real(value)
    if real is not None and not isinstance(value, bool) and float(real).is_integer() and 0 <= real < 1000:
        return f"{int(real):03d}"
    if isinstance(value, str):
        m = re.fullmatch(r"(?:artikel\s*)?(?:nummer\s*|nr\s*)?(\d{1,3})", plain_text(value))
        if m:
            return m.group(1).zfill(3)
    return None


def article_arg(value: Any, example: str = 'dossier["003"]', allow_dossier: bool = False):
    """An article (or, with `allow_dossier`, the dossier); an article number ("003", 3) is looked up."""
    _unfilled(value, example)
    if _is_article(value) or (allow_dossier and _is_dossier(value)):
        return value
    if _is_dossier(value):
        raise StudentInputError(f"Geef één artikel, niet het hele dossier. Schrijf bijvoorbeeld {example}.")
    if hasattr(value, "index") and hasattr(value, "kind") and hasattr(value, "start"):
        raise StudentInputError(f"Je gaf één alinea. Geef het hele artikel, bijvoorbeeld {example}.")
    number = article_number(value)
    if number is not None:
        articles = _lesson_articles()
        if number in articles:
            return articles[number]
        known = ", ".join(a.number for a in articles)
        raise StudentKeyError(f"Artikel {number} bestaat niet. Kies uit: {known}.")
    raise StudentInputError(f"Hier hoort een artikel, bijvoorbeeld {example}, geen {_what(value)}.")


def dossier_arg(value: Any, example: str = "dossier", allow_article: bool = True):
    """The dossier (the variable `dossier` of the lesson's first cell), or one article or a list of articles."""
    _unfilled(value, example)
    if _is_dossier(value) or (allow_article and _is_article(value)):
        return value
    if isinstance(value, (list, tuple)) and value and all(_is_article(a) for a in value):
        return value
    if callable(value) and getattr(value, "__name__", "") == "load_dossier":
        raise StudentInputError(
            "Je gaf de functie load_dossier zelf. Geef het dossier: schrijf dossier (uit de eerste cel van de les)."
        )
    if isinstance(value, (list, tuple)) and len(value) == 1 and _is_dossier(value[0]):
        raise StudentInputError("Zet het dossier niet in een lijst: schrijf gewoon dossier, zonder [ ].")
    if isinstance(value, str) and value.strip().lower() == "dossier":
        raise StudentInputError("Schrijf dossier zonder aanhalingstekens: het is een variabele, geen tekst.")
    raise StudentInputError(
        f"Hier hoort het dossier: schrijf {example} (de variabele uit de eerste cel van de les), geen {_what(value)}."
    )


# ---------------------------------------------------------------- text and numbers


def text_arg(value: Any, name: str, example: str, allow_empty: bool = False, limit: int = 200) -> str:
    """A short text: a number becomes its digits ("2019"), a list of one text that text."""
    from .exercises.normalize import _real

    _unfilled(value, example)
    if isinstance(value, (list, tuple)) and len(value) == 1 and isinstance(value[0], str):
        value = value[0]
    if _real(value) is not None and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        raise StudentInputError(f"{name.capitalize()} moet tekst zijn, tussen aanhalingstekens: {example}.")
    if not allow_empty and not value.strip():
        raise StudentInputError(f"{name.capitalize()} is nog leeg. Schrijf iets tussen de aanhalingstekens: {example}.")
    if len(value) > limit:
        raise StudentInputError(f"{name.capitalize()} is te lang ({len(value)} tekens). Kies een paar woorden.")
    return value


def int_arg(value: Any, name: str, example: str, low: int | None = None, high: int | None = None) -> int:
    """A whole number: also numpy numbers, 4.0 and "4" ("vier" too)."""
    from .exercises.normalize import _real, plain_text
    from .nl import parse_number_word

    _unfilled(value, example)
    real = None if isinstance(value, bool) else _real(value)
    if isinstance(value, str):
        text = plain_text(value)
        real = float(text) if text.isdigit() else parse_number_word(text)
    if real is None or not float(real).is_integer():
        raise StudentInputError(
            f"{name.capitalize()} moet een heel getal zijn, zonder aanhalingstekens. Bijvoorbeeld: {example}."
        )
    number = int(real)
    if (low is not None and number < low) or (high is not None and number > high):
        raise StudentInputError(
            f"{name.capitalize()} moet tussen {low} en {high} liggen, niet {number}. Bijvoorbeeld: {example}."
        )
    return number


def year_arg(value: Any, example: str = "2019") -> int:
    """A year such as 2019 (also "2019")."""
    year = int_arg(value, "het jaar", example)
    if year < 100:
        raise StudentInputError(f"Schrijf het hele jaar, met vier cijfers: {2000 + year} in plaats van {year}.")
    if not 1900 <= year <= 2100:
        raise StudentInputError(f"{year} is geen jaar voor dit dossier. Kies een jaar zoals {example}.")
    return year


def month_arg(value: Any, example: str = "4") -> int:
    """A month 1-12, also written as a Dutch month name ("april", "apr")."""
    from .exercises.normalize import _month_number, plain_text

    _unfilled(value, example)
    if isinstance(value, str) and not plain_text(value).isdigit():
        month = _month_number(plain_text(value))
        if month is None:
            raise StudentInputError(
                f'{value!r} is geen maand. Schrijf de maand als getal ({example} voor april) of als naam, zoals "april".'
            )
        return month
    month = int_arg(value, "de maand", f"{example} voor april (1 is januari, 12 is december)")
    if not 1 <= month <= 12:
        raise StudentInputError(
            f"De maand is een getal van 1 tot en met 12, niet {month}. Bijvoorbeeld: {example} voor april."
        )
    return month


_WEEKDAY_FORMS = {w: w for w in WEEKDAYS}
_WEEKDAY_FORMS.update({w[:2]: w for w in WEEKDAYS})
_WEEKDAY_FORMS.update({w + "en": w for w in WEEKDAYS})  # "donderdagen"
_WEEKDAY_FORMS.update(
    dict(zip(("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"), WEEKDAYS))
)


def weekday_arg(value: Any, example: str = '"donderdag"') -> str:
    """A Dutch weekday name ("donderdag"), also from "Donderdag", "do", "donderdagen" or a typo."""
    _unfilled(value, example)
    if not isinstance(value, str):
        raise StudentInputError(f"Schrijf de dag van de week als tekst, tussen aanhalingstekens: {example}.")
    word = value.strip().lower().rstrip(".")
    if word in _WEEKDAY_FORMS:
        return _WEEKDAY_FORMS[word]
    close = difflib.get_close_matches(word, WEEKDAYS, n=1, cutoff=0.75)
    if close:
        return close[0]
    raise StudentInputError(f"{value!r} is geen dag van de week. Kies uit: {', '.join(WEEKDAYS)}.")


def date_arg(value: Any, name: str = "de datum", example: str = '"2019-04-25"') -> dt.date:
    """A date: a `datetime.date`, "2019-04-25", "25 april 2019" or "25-04-2019"."""
    from .exercises.normalize import AnswerFormatError, date_key

    _unfilled(value, example)
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        raise StudentInputError(f"Schrijf {name} als tekst, tussen aanhalingstekens: {example}.")
    try:
        key = date_key(value)
    except AnswerFormatError as exc:
        raise StudentInputError(f"{exc} Bijvoorbeeld: {example}.") from None
    if len(key) != 10:
        raise StudentInputError(f"Geef ook de dag, niet alleen de maand: {example}.")
    return dt.date.fromisoformat(key)


# ---------------------------------------------------------------- names: places, people, words


def _kb():
    from .annotate.kb import current_kb

    return current_kb()  # with the teacher's own kennisbank.yaml, when a lesson loaded one


def kb_arg(value: Any, kinds: tuple[str, ...] = (), example: str = '"vladimir-putin"', what: str = "naam") -> str:
    """The knowledge-base id a student means: the id itself, or a name as the lessons write it ("Poetin")."""
    from .exercises.normalize import kb_id_of, plain_text

    _unfilled(value, example)
    if not isinstance(value, str) or not value.strip():
        raise StudentInputError(f"Geef een {what} als tekst, tussen aanhalingstekens: {example}.")
    kb = _kb()
    wanted = value.strip().lower()
    candidates = [wanted, wanted.replace(" ", "-")]
    found = next((c for c in candidates if c in kb), None) or kb_id_of(plain_text(value))
    if found and (not kinds or kb.get(found).type in kinds):
        return found
    ids = [e.id for e in kb if not kinds or e.type in kinds]
    names = {plain_text(f): e.id for e in kb if not kinds or e.type in kinds for f in (e.label_nl, *e.aliases)}
    close = difflib.get_close_matches(wanted, ids + list(names), n=1, cutoff=0.6)
    hint = f' Bedoel je "{names.get(close[0], close[0])}"?' if close else ""
    raise StudentKeyError(f"{value!r} staat niet als {what} in de kennisbank.{hint} Schrijf bijvoorbeeld {example}.")


def place_arg(value: Any, example: str = '"pyongyang"') -> str:
    """A place id with coordinates ("moscow"), also from its Dutch name ("Moskou") or any case."""
    kb = _kb()
    try:
        place = kb_arg(value, (), example, "plaats")
    except StudentKeyError:
        places = [e.id for e in kb if e.lat is not None]
        wanted = value.strip().lower() if isinstance(value, str) else ""
        hint = _suggest(wanted, places)
        examples = [p for p in ("pyongyang", "singapore", "hanoi", "beijing", "moscow", "vladivostok") if p in kb]
        raise StudentKeyError(
            f"{value!r} staat niet als plaats in de kennisbank.{hint} De plaatsen hebben Engelse namen met kleine letters, "
            f"zoals {', '.join(examples)}."
        ) from None
    entry = kb.get(place)
    if entry.lat is None or entry.lon is None:
        raise StudentInputError(f"Van {entry.label_nl} ({place}) kent de kennisbank de plek op de kaart niet.")
    return place


def glossary_arg(value: Any, example: str = '"sanctions"') -> str:
    """A glossary id ("sanctions"), also from the Dutch word ("sancties") or any of its forms."""
    from .annotate.glossary import load_glossary

    _unfilled(value, example)
    entries = load_glossary()
    if not isinstance(value, str) or not value.strip():
        raise StudentInputError(f"Geef een begrip als tekst, tussen aanhalingstekens: uitleg({example}).")
    wanted = value.strip().lower()
    for entry in entries:
        forms = {entry.id, entry.term.lower(), entry.term_en.lower(), *(f.lower() for f in entry.forms)}
        if wanted in forms or wanted.replace(" ", "-") == entry.id:
            return entry.id
    names = {e.id: e.id for e in entries} | {e.term.lower(): e.id for e in entries}
    close = difflib.get_close_matches(wanted, list(names), n=1, cutoff=0.6)
    hint = f' Bedoel je "{names[close[0]]}"?' if close else ""
    raise StudentKeyError(
        f"Het begrip {value!r} staat niet in de woordenlijst.{hint} De begrippen hebben Engelse ids, zoals "
        f"{', '.join(e.id for e in entries[:4])}."
    )


def choice_arg(value: Any, choices: list[str], what: str, example: str) -> str:
    """One of `choices` (an id), with the nearest one suggested."""
    _unfilled(value, example)
    if isinstance(value, str) and value.strip() in choices:
        return value.strip()
    if isinstance(value, str) and value.strip().lower().replace(" ", "-") in choices:
        return value.strip().lower().replace(" ", "-")
    hint = _suggest(value, choices) if isinstance(value, str) else ""
    given = repr(value) if isinstance(value, str) else _what(value)
    raise StudentKeyError(f"{given} is geen {what}.{hint} Kies uit: {', '.join(choices)}.")


def month_name(month: int) -> str:
    return MONTHS[month - 1]
