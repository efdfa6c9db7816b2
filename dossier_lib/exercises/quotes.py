"""Finding a student's quotation in an article, tolerant of how it was copied.

A quotation counts as "in the article" when its words are there, whatever happened
while copying: typographic or straight quotation marks (“ ” „ ‘ ’ vs " '), dashes
(– — vs -), extra spaces or a line break, a missing or extra full stop or comma at
either end, capitals, ellipses (… or ...) at the ends, or the separators of a
concordance row ("links | woord | rechts").

    >>> find_quote("Hij zei: „Ze wilden dat alle sancties zouden worden opgeheven”.", '"ze wilden  dat alle sancties"')
    (10, 37)
    >>> clean_quote("… Mike Pompeo | , om te |")
    'Mike Pompeo , om te'
"""

from __future__ import annotations

import re
import unicodedata

_QUOTES = str.maketrans(
    {c: '"' for c in "“”„‟«»″"} | {c: "'" for c in "‘’‚‛′`´"} | {c: "-" for c in "‐‑‒–—―−"} | {"\u00a0": " "}
)
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))
_EDGE = " \"'.,;:!?…-"


def plain_quotes(text: str) -> str:
    """Quotation marks, dashes and no-break spaces made plain; invisible characters removed."""
    return unicodedata.normalize("NFC", text).translate(_QUOTES).translate(_INVISIBLE)


def clean_quote(quote: str) -> str:
    """What a student meant to quote: concordance separators and leading/trailing ellipses removed."""
    text = plain_quotes(quote).replace("|", " ")
    text = re.sub(r"^\s*(?:\.\.\.|…)\s*|\s*(?:\.\.\.|…)\s*$", "", text)
    return " ".join(text.split())


def _fuzzy(text: str) -> tuple[str, list[int]]:
    """Text with plain quote marks, single spaces and lower case, plus a map back to offsets."""
    out: list[str] = []
    offsets: list[int] = []
    plain = plain_quotes(text)
    if len(plain) != len(text):  # NFC or invisible characters changed the length: map by a slower route
        plain = "".join(plain_quotes(c) or " " for c in text)
    for i, c in enumerate(plain):
        if c.isspace():
            if out and out[-1] == " ":
                continue
            c = " "
        low = c.lower()
        out.append(low if len(low) == 1 else c)
        offsets.append(i)
    return "".join(out), offsets


def _needle(quote: str) -> str:
    needle, _ = _fuzzy(clean_quote(quote))
    return needle.strip(_EDGE).strip()


def find_quote(article_text: str, quote: str) -> tuple[int, int] | None:
    """Where `quote` occurs in the article as (start, end) offsets, tolerant of how it was copied; else None."""
    needle = _needle(quote)
    if not needle:
        return None
    hay, offsets = _fuzzy(article_text)
    at = hay.find(needle)
    if at < 0:
        # "Mike Pompeo , om te": a concordance row puts spaces around punctuation
        loose = re.sub(r"\s+([,.;:!?)])", r"\1", needle)
        at = hay.find(loose)
        if at < 0:
            return None
        needle = loose
    return offsets[at], offsets[at + len(needle) - 1] + 1


def longest_found_start(article_text: str, quote: str) -> str:
    """The longest run of the quote's first words that is in the article (to say where copying went wrong)."""
    words = clean_quote(quote).split()
    for n in range(len(words) - 1, 1, -1):
        if find_quote(article_text, " ".join(words[:n])):
            return " ".join(words[:n])
    return ""
