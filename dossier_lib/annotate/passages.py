"""Find a quoted passage in an article: the shared step behind the timeline and the claims.

The curated data files (timeline.yaml, claims.yaml) point into the articles by
quoting them, not by numbers: a quote stays readable for a teacher and survives
small edits elsewhere in the file. This module turns `{article: "003", quote: ...}`
into offsets, and when a quote is not in the article it says so in Dutch:
which data file, which entry, and what to do.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


class PassageNotFoundError(ValueError):
    """A quote in a data file is not (exactly) in the article it names."""


@dataclass(frozen=True)
class Passage:
    """A stretch of an article that a timeline event or a claim refers to."""

    article_id: str
    start: int
    end: int
    text: str
    #: Why this passage is linked, in Dutch, when the computer found it (empty for a curated quote).
    reason: str = ""

    @property
    def label(self) -> str:
        """The short article label students use: ``003``, or a teacher's file name."""
        from ..corpus import label_for

        return label_for(self.article_id)

    @property
    def number(self) -> str:
        """The same as `label` (older name)."""
        return self.label


def locate(article, quote: str, *, data_file: str, entry_id: str, occurrence: int = 1) -> tuple[int, int]:
    """Return (start, end) of the `occurrence`-th exact copy of `quote` in `article.text`."""
    if not isinstance(quote, str) or not quote.strip():
        raise PassageNotFoundError(
            f"{data_file}, bij '{entry_id}': er staat een lege quote voor artikel {article.label}. "
            "Wat te doen: kopieer een stuk tekst uit het artikel en plak het achter 'quote:'."
        )
    start = -1
    for _ in range(max(occurrence, 1)):
        start = article.text.find(quote, start + 1)
        if start < 0:
            break
    if start < 0:
        raise PassageNotFoundError(_not_found_message(article, quote, data_file, entry_id))
    return start, start + len(quote)


def resolve(article, quote: str, *, data_file: str, entry_id: str, occurrence: int = 1) -> Passage:
    """Like `locate`, but give a `Passage` with the article id and the quoted text."""
    start, end = locate(article, quote, data_file=data_file, entry_id=entry_id, occurrence=occurrence)
    return Passage(article.id, start, end, article.text[start:end])


def resolve_entry(dossier, item: Any, *, data_file: str, entry_id: str) -> Passage | None:
    """Resolve one `{article, quote}` mapping from a data file against `dossier`.

    Returns None when the article is one of the bundled five but the dossier
    was loaded without it (then there is nothing to point at). An article
    number that does not exist at all is an error, because it is a typo.
    """
    if not isinstance(item, dict) or "article" not in item or "quote" not in item:
        raise PassageNotFoundError(
            f"{data_file}, bij '{entry_id}': elke passage heeft 'article' en 'quote' nodig, "
            f'bijvoorbeeld {{article: "003", quote: "..."}}. Gevonden: {item!r}.'
        )
    number = str(item["article"]).strip()
    if number not in dossier:
        if number in _bundled_numbers():
            return None
        raise PassageNotFoundError(
            f"{data_file}, bij '{entry_id}': artikel {number!r} bestaat niet. "
            "Wat te doen: gebruik het nummer van een meegeleverd artikel (de drie cijfers voor de '_' in de "
            'bestandsnaam, bijvoorbeeld "003") of de bestandsnaam zonder .txt van een eigen artikel.'
        )
    occurrence = int(item.get("occurrence", 1))
    return resolve(dossier[number], item["quote"], data_file=data_file, entry_id=entry_id, occurrence=occurrence)


def _bundled_numbers() -> set[str]:
    from ..corpus import bundled_articles_folder

    return {p.name.split("_", 1)[0] for p in bundled_articles_folder().glob("*.txt")} | {
        p.stem for p in bundled_articles_folder().glob("*.txt")
    }


def _not_found_message(article, quote: str, data_file: str, entry_id: str) -> str:
    hint = ""
    folded = article.text.casefold().find(quote.casefold())
    if folded >= 0:
        hint = " (De tekst staat er wel, maar met andere hoofdletters.)"
    elif _plain_quotes(quote) in _plain_quotes(article.text):
        hint = " (Let op de aanhalingstekens: het artikel gebruikt andere tekens, zoals “ ” „ ‘ ’.)"
    short = quote if len(quote) <= 80 else quote[:77] + "..."
    return (
        f"{data_file}, bij '{entry_id}': de quote \"{short}\" staat niet in artikel "
        f"{article.label} ({article.file}).{hint} Wat te doen: open het artikel, kopieer de zin "
        "precies (elke letter, spatie en elk aanhalingsteken) en plak die achter 'quote:'."
    )


def _plain_quotes(text: str) -> str:
    table = str.maketrans({c: '"' for c in "“”„«»"} | {c: "'" for c in "‘’‚"})
    return text.translate(table)
