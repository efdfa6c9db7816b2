"""All annotations of one article, each kind computed the first time it is asked for.

    >>> from dossier_lib import load_dossier
    >>> art = load_dossier()["002"]
    >>> [e.text for e in art.annotations.entities[:3]]
    ['Amerikaanse', 'Donald Trump', 'Noord-Koreaanse']

Each kind lives in its own module (entities.py, quotes.py, ...); this file only
gathers them, so a teacher can read one kind without the others.
"""

from __future__ import annotations

from functools import cached_property

#: kind name -> (module, function). The order is the order of `export all`.
KINDS = {
    "entities": ("entities", "find_entities"),
    "quotes": ("quotes", "find_quotes"),
    "numbers": ("numbers", "find_numbers"),
    "dates": ("dates", "find_dates"),
    "glossary": ("glossary", "find_terms"),
}


def _finder(kind: str):
    import importlib

    module, function = KINDS[kind]
    return getattr(importlib.import_module(f"{__name__}.{module}"), function)


class ArticleAnnotations:
    """The annotations of one article: `.entities`, `.quotes`, `.numbers`, `.dates`, `.glossary`."""

    def __init__(self, article):
        self.article = article

    @cached_property
    def entities(self):
        return _finder("entities")(self.article)

    @cached_property
    def quotes(self):
        return _finder("quotes")(self.article)

    @cached_property
    def numbers(self):
        return _finder("numbers")(self.article)

    @cached_property
    def dates(self):
        return _finder("dates")(self.article)

    @cached_property
    def glossary(self):
        return _finder("glossary")(self.article)

    def of_kind(self, kind: str) -> list:
        if kind not in KINDS:
            raise KeyError(f"Onbekende soort {kind!r}. Kies uit: {', '.join(KINDS)}.")
        return getattr(self, kind)


def annotate(article) -> ArticleAnnotations:
    return ArticleAnnotations(article)
