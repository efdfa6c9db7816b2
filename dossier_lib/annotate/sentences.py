"""Sentences: where each sentence of an article starts and ends.

The evidence exercises judge a quotation by the sentence it comes from, so the
sentence boundaries must follow the text a student reads: a sentence ends at
``. ! ? …`` (with any closing quotation mark or bracket after it) when a new sentence
starts after it; not after an abbreviation ("o.a.", "mr.") or an initial ("J.").
A headline, summary line or sub-heading is one sentence of its own.

    >>> from dossier_lib import load_dossier
    >>> article = load_dossier()["002"]
    >>> first = find_sentences(article)[0]
    >>> article.text[first.start:first.end] == first.text
    True
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: Words after which a full stop does not end a sentence (lower case, without the dot).
ABBREVIATIONS = frozenset(
    "o.a bijv bv ca dhr mevr mr dr drs ir prof jl nl vs st blz nr resp incl excl etc enz ong mln mld".split()
)
_END = re.compile(r"[.!?…]+[\"'”’»)\]]*(?=\s+[\"'“‘„«(\[]?[A-Z0-9ÀÁÂÄÈÉÊËÍÎÏÓÔÖÚÛÜ])")


@dataclass(frozen=True)
class Sentence:
    """One sentence: offsets into `Article.text` (end exclusive), its text, and its paragraph's index."""

    start: int
    end: int
    text: str
    paragraph: int


def _ends_abbreviation(text: str, dot: int) -> bool:
    """True when the full stop at `dot` closes an abbreviation or an initial, not a sentence."""
    if text[dot] != ".":
        return False
    word = re.search(r"([\w.]+)$", text[:dot])
    if not word:
        return False
    token = word.group(1).lower()
    return token in ABBREVIATIONS or (len(token) == 1 and word.group(1).isupper())


def split_sentences(text: str, offset: int = 0, paragraph: int = 0) -> list[Sentence]:
    """The sentences of one piece of text; offsets count from `offset`."""
    sentences, start = [], 0
    for m in _END.finditer(text):
        if _ends_abbreviation(text, m.start()):
            continue
        end = m.end()
        if text[start:end].strip():
            sentences.append(_sentence(text, start, end, offset, paragraph))
        start = end
    if text[start:].strip():
        sentences.append(_sentence(text, start, len(text), offset, paragraph))
    return sentences


def _sentence(text: str, start: int, end: int, offset: int, paragraph: int) -> Sentence:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Sentence(offset + start, offset + end, text[start:end], paragraph)


def find_sentences(article) -> list[Sentence]:
    """Every sentence of the article, in text order (headline and headings count as one each)."""
    out: list[Sentence] = []
    for p in article.paragraphs:
        if p.kind in ("headline", "heading"):
            out.append(Sentence(p.start, p.end, p.text, p.index))
        else:
            out.extend(split_sentences(p.text, p.start, p.index))
    return out


def sentence_at(article, offset: int) -> Sentence | None:
    """The sentence that contains character `offset` of the article's text, or None."""
    for s in find_sentences(article):
        if s.start <= offset < s.end:
            return s
    return None
