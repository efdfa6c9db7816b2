"""Glossary terms a fifteen-year-old needs, and where the articles use them.

The words and their explanations live in `dossier_lib/data/glossary.yaml`.
`find_terms` marks every form listed there: case-insensitive, whole words only,
the longest form first, never two marks on the same letters. A compound such
as "sanctieverlichting" counts as a mention of "sancties" only when the YAML
lists it under `forms`: the teacher decides, not a guess in the code.

    >>> from dossier_lib import load_dossier
    >>> [m.text for m in find_terms(load_dossier()["001"])][:3]
    ['kernwapenprogramma', 'dictator', 'kernwapen']
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

GLOSSARY_FILE = "glossary.yaml"
_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


class GlossaryError(ValueError):
    """glossary.yaml is not usable; the message says where and what to do, in Dutch."""


@dataclass(frozen=True)
class GlossaryEntry:
    """One word in the glossary, with its explanation and the forms to look for."""

    id: str
    term: str
    explanation: str
    term_en: str = ""
    forms: tuple[str, ...] = ()

    @property
    def all_forms(self) -> tuple[str, ...]:
        """The term itself plus its listed forms, without doubles (case-insensitive)."""
        seen: dict[str, str] = {}
        for form in (self.term, *self.forms):
            seen.setdefault(form.casefold(), form)
        return tuple(seen.values())


@dataclass(frozen=True)
class TermMention:
    """A glossary word in an article."""

    start: int
    end: int
    text: str
    term_id: str


def load_glossary() -> list[GlossaryEntry]:
    """All glossary entries in the order of the YAML file (checked: ids, fields, no form twice)."""
    return list(_load_glossary())


def glossary_entry(term_id: str) -> GlossaryEntry:
    """One entry by id, with a Dutch message when the id is unknown."""
    for entry in _load_glossary():
        if entry.id == term_id:
            return entry
    known = ", ".join(e.id for e in _load_glossary())
    raise KeyError(f"Geen woord met id {term_id!r} in de woordenlijst. Kies uit: {known}.")


def find_terms(article, entries: list[GlossaryEntry] | None = None) -> list[TermMention]:
    """Every glossary word in the article's body, sorted by start, without overlaps.

    One combined pattern scans the text once; its alternatives are ordered longest
    first, so "VN-sancties" wins over "sancties" where both would match.
    """
    pattern, owner = _matcher(tuple(entries) if entries is not None else _load_glossary())
    text = article.text
    begin = getattr(article, "body_start", 0)
    return [TermMention(m.start(), m.end(), m.group(), owner[_key(m.group())]) for m in pattern.finditer(text, begin)]


def _key(form: str) -> str:
    return " ".join(form.lower().split())


def parse_glossary(raw: Any, data_file: str = GLOSSARY_FILE) -> tuple[GlossaryEntry, ...]:
    """Turn the YAML structure into checked entries (separate from loading, so tests can feed it)."""
    if not isinstance(raw, dict) or not isinstance(raw.get("terms"), list):
        raise GlossaryError(f"{data_file}: het bestand moet beginnen met 'terms:' gevolgd door een lijst.")
    entries: list[GlossaryEntry] = []
    ids: set[str] = set()
    owner: dict[str, str] = {}
    for number, item in enumerate(raw["terms"], start=1):
        if not isinstance(item, dict):
            raise GlossaryError(f"{data_file}: woord nummer {number} is geen blok met velden (id:, term:, ...).")
        name = str(item.get("id", f"nummer {number}"))
        missing = [k for k in ("id", "term", "explanation_nl", "term_en") if not item.get(k)]
        if missing:
            raise GlossaryError(
                f"{data_file}, bij '{name}': het veld {', '.join(missing)} ontbreekt of is leeg. "
                "Kopieer een bestaand blok en vul alle velden in."
            )
        if not _SLUG.fullmatch(name):
            raise GlossaryError(
                f"{data_file}: de id '{name}' mag alleen kleine letters, cijfers en streepjes bevatten."
            )
        if name in ids:
            raise GlossaryError(f"{data_file}: de id '{name}' komt twee keer voor. Geef elk woord een eigen id.")
        ids.add(name)
        forms = item.get("forms") or []
        if not isinstance(forms, list) or not all(isinstance(f, str) and f.strip() for f in forms):
            raise GlossaryError(
                f"{data_file}, bij '{name}': 'forms' moet een lijst met woorden zijn, "
                "zoals [sancties, VN-sancties]. Schrijf 'forms: []' als er geen zijn."
            )
        entry = GlossaryEntry(
            id=name,
            term=str(item["term"]).strip(),
            explanation=" ".join(str(item["explanation_nl"]).split()),
            term_en=str(item["term_en"]).strip(),
            forms=tuple(f.strip() for f in forms),
        )
        for form in entry.all_forms:
            key = form.casefold()
            if key in owner and owner[key] != name:
                raise GlossaryError(
                    f"{data_file}: de vorm '{form}' staat bij '{owner[key]}' en bij '{name}'. "
                    "Een vorm mag maar bij één woord staan; haal hem bij één van de twee weg."
                )
            owner[key] = name
        entries.append(entry)
    return tuple(entries)


@lru_cache(maxsize=1)
def _load_glossary() -> tuple[GlossaryEntry, ...]:
    from ..data import load_yaml

    return parse_glossary(load_yaml(GLOSSARY_FILE))


@lru_cache(maxsize=8)
def _matcher(entries: tuple[GlossaryEntry, ...]) -> tuple[re.Pattern, dict[str, str]]:
    """One pattern for all forms (whole words only, a hyphen counts as a word edge, any case)
    and a map from each form (lower case) to its term id."""
    owner: dict[str, str] = {}
    for entry in entries:
        for form in entry.all_forms:
            owner.setdefault(_key(form), entry.id)
    forms = sorted(owner, key=len, reverse=True)
    body = "|".join(r"\s+".join(re.escape(part) for part in form.split()) for form in forms)
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)", re.IGNORECASE), owner


__all__ = [
    "GlossaryEntry",
    "GlossaryError",
    "TermMention",
    "find_terms",
    "glossary_entry",
    "load_glossary",
    "parse_glossary",
]
