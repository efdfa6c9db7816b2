"""Counting and searching the dossier: plain data and DataFrames, no drawing.

Charts (charts.py) and widgets (widgets.py) draw what these functions compute,
so a lesson can also show the table behind every picture.

    >>> from dossier_lib import load_dossier
    >>> from dossier_lib import analysis
    >>> dossier = load_dossier()
    >>> analysis.mention_matrix(dossier).loc["Vladimir Poetin", "001"]
    8

pandas is imported inside the functions, so `import dossier_lib` stays fast.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from .corpus import Article, Dossier

#: The entity types that count as actors: people and organisations.
ACTOR_TYPES = ("PERSON",)
#: Quotes with no speaker: in these articles, words the journalist put between quotation marks.
ANONYMOUS = "(geen spreker)"
_WORD = re.compile(r"\w+(?:[-'’]\w+)*")


class AnalysisError(ValueError):
    """A question the dossier cannot answer as asked; the message says why, in Dutch."""


# ---------------------------------------------------------------- helpers


def label(entry_id: str | None) -> str:
    """The Dutch name for a knowledge-base id ("vladimir-putin" -> "Vladimir Poetin")."""
    if entry_id is None:
        return ANONYMOUS
    from .annotate.kb import load_kb

    kb = load_kb()
    return kb.get(entry_id).label_nl if entry_id in kb else entry_id


def _articles(source: Dossier | Article | Iterable[Article]) -> list[Article]:
    if hasattr(source, "annotations"):
        return [source]  # one article
    return list(source)


def _entities(article: Article, types: Iterable[str] | None) -> list:
    wanted = None if types is None else set(types)
    return [e for e in article.annotations.entities if e.id is not None and (wanted is None or e.type in wanted)]


def quotes_of(article: Article) -> list:
    """The article's quotes; an empty list while the quotes annotator is not installed."""
    try:
        return list(article.annotations.quotes)
    except ModuleNotFoundError as exc:  # annotate/quotes.py not written yet
        if exc.name and exc.name.endswith("annotate.quotes"):
            return []
        raise


def words(text: str) -> int:
    """How many words a piece of text has (hyphenated words count once)."""
    return len(_WORD.findall(text))


# ---------------------------------------------------------------- mentions


def mention_counts(dossier: Dossier, types: Iterable[str] | None = ACTOR_TYPES) -> dict[str, Counter]:
    """Per article id: how often each knowledge-base id is mentioned (plain data)."""
    return {a.id: Counter(e.id for e in _entities(a, types)) for a in _articles(dossier)}


def mention_matrix(dossier: Dossier, types: Iterable[str] | None = ACTOR_TYPES, top: int | None = None) -> pd.DataFrame:
    """Actors × articles: rows are Dutch names, columns article numbers, plus a column 'totaal'.

    Rows are sorted by total (most mentioned first), ties by name; `top` keeps the first rows.
    """
    import pandas as pd

    articles = _articles(dossier)
    counts = mention_counts(articles, types)
    ids = sorted({i for c in counts.values() for i in c})
    names = [label(i) for i in ids]
    names = [f"{n} ({i})" if names.count(n) > 1 else n for n, i in zip(names, ids)]
    data = {a.number: [counts[a.id][i] for i in ids] for a in articles}
    frame = pd.DataFrame(data, index=pd.Index(names, name="naam"), dtype="int64")
    frame.columns.name = "artikel"
    frame["totaal"] = frame.sum(axis=1)
    frame = frame.sort_values("totaal", ascending=False, kind="stable")
    return frame.head(top) if top is not None else frame


# ---------------------------------------------------------------- co-occurrence


def cooccurrence_pairs(
    dossier: Dossier, types: Iterable[str] | None = ACTOR_TYPES
) -> dict[tuple[str, str], list[tuple[str, int]]]:
    """Which two ids appear in the same paragraph, and in which paragraphs (article id, index).

    A pair is counted once per paragraph, however often both are named there.
    Pairs are sorted alphabetically inside: ("donald-trump", "kim-jong-un").
    """
    pairs: dict[tuple[str, str], list[tuple[str, int]]] = defaultdict(list)
    for article in _articles(dossier):
        by_paragraph: dict[int, set[str]] = defaultdict(set)
        for e in _entities(article, types):
            p = article.paragraph_at(e.start)
            if p is not None:
                by_paragraph[p.index].add(e.id)
        for index in sorted(by_paragraph):
            for a, b in itertools.combinations(sorted(by_paragraph[index]), 2):
                pairs[(a, b)].append((article.id, index))
    return dict(pairs)


def cooccurrence(dossier: Dossier, types: Iterable[str] | None = ACTOR_TYPES, min_count: int = 1) -> pd.DataFrame:
    """Pairs of actors named in the same paragraph: one row per pair, most frequent first."""
    import pandas as pd

    from .arguments import dossier_arg

    dossier = dossier_arg(dossier, "analysis.cooccurrence(dossier)", allow_article=False)

    rows = [
        {
            "a": a,
            "b": b,
            "naam_a": label(a),
            "naam_b": label(b),
            "alinea's": len(where),
            "waar": ", ".join(f"{art.split('_', 1)[0]}:{i}" for art, i in where),
        }
        for (a, b), where in cooccurrence_pairs(dossier, types).items()
        if len(where) >= min_count
    ]
    frame = pd.DataFrame(rows, columns=["a", "b", "naam_a", "naam_b", "alinea's", "waar"])
    return frame.sort_values(["alinea's", "a", "b"], ascending=[False, True, True], kind="stable").reset_index(
        drop=True
    )


# ---------------------------------------------------------------- concordance


@dataclass(frozen=True)
class ConcordanceLine:
    """One hit of a search: the words before it, the hit itself and the words after it."""

    article_id: str
    start: int
    end: int
    left: str
    match: str
    right: str

    @property
    def number(self) -> str:
        return self.article_id.split("_", 1)[0]


def compile_search(pattern: str, regex: bool = False) -> re.Pattern:
    """The search as a case-insensitive pattern; a Dutch `AnalysisError` when it cannot be used."""
    if not isinstance(pattern, str) or not pattern.strip():
        raise AnalysisError("Typ eerst een woord om naar te zoeken.")
    if not regex:
        return re.compile(re.escape(pattern.strip()), re.IGNORECASE)
    try:
        compiled = re.compile(pattern, re.IGNORECASE)
    except re.error as exc:
        raise AnalysisError(
            f"Dit zoekpatroon klopt niet: {exc.msg} (bij teken {exc.pos}). "
            "Controleer haakjes en tekens zoals * + ? [ ]."
        ) from None
    if compiled.search(""):
        raise AnalysisError("Dit zoekpatroon past ook op niets. Maak het preciezer, bijvoorbeeld 'top\\w*'.")
    return compiled


_SPACES = re.compile(r"\s+")
_LEAD_WORD = re.compile(r"^\w+")
_TAIL_WORD = re.compile(r"\w+$")


def _flat(text: str) -> str:
    """Newlines and runs of spaces become one space, so a context fits on one line."""
    return _SPACES.sub(" ", text) if ("\n" in text or "  " in text or "\t" in text) else text


def concordance_lines(
    dossier: Dossier,
    pattern: str,
    *,
    regex: bool = False,
    width: int = 40,
    sort: str = "article",
    limit: int | None = None,
    max_hits: int | None = None,
) -> list[ConcordanceLine]:
    """Every place `pattern` occurs in the article texts (header excluded), with context.

    sort: "article" (text order), "left" (by the words just before the hit, nearest
    word first) or "right" (by the words just after the hit). `limit` cuts the sorted
    list; `max_hits` stops the search early (a widget uses it for one-letter searches).
    """
    if sort not in ("article", "left", "right"):
        raise AnalysisError(f"Sorteren kan op 'article', 'left' of 'right', niet op {sort!r}.")
    compiled = compile_search(pattern, regex)
    lines = []
    for article in _articles(dossier):
        text = article.text
        for m in compiled.finditer(text, article.body_start):
            if m.end() == m.start():
                continue
            lo, hi = max(article.body_start, m.start() - width), min(len(text), m.end() + width)
            left, right = text[lo : m.start()], text[m.end() : hi]
            if lo > article.body_start and text[lo - 1].isalnum():  # no half words at the edges
                left = _LEAD_WORD.sub("…", left)
            if hi < len(text) and text[hi].isalnum():
                right = _TAIL_WORD.sub("…", right)
            left, right = _flat(left), _flat(right)
            lines.append(ConcordanceLine(article.id, m.start(), m.end(), left, m.group(), right))
            if max_hits is not None and len(lines) >= max_hits:
                break
        if max_hits is not None and len(lines) >= max_hits:
            break
    if sort == "left":
        lines.sort(key=lambda x: [w.casefold() for w in reversed(_WORD.findall(x.left))])
    elif sort == "right":
        lines.sort(key=lambda x: [w.casefold() for w in _WORD.findall(x.right)])
    return lines[:limit] if limit is not None else lines


def concordance(
    dossier: Dossier, pattern: str, *, regex: bool = False, width: int = 40, sort: str = "article"
) -> pd.DataFrame:
    """Keyword in context as a table: artikel, links, treffer, rechts, start, eind."""
    import pandas as pd

    lines = concordance_lines(dossier, pattern, regex=regex, width=width, sort=sort)
    return pd.DataFrame(
        [
            {
                "artikel": x.number,
                "links": x.left,
                "treffer": x.match,
                "rechts": x.right,
                "start": x.start,
                "eind": x.end,
            }
            for x in lines
        ],
        columns=["artikel", "links", "treffer", "rechts", "start", "eind"],
    )


# ---------------------------------------------------------------- quotes


def quote_counts(dossier: Dossier) -> dict[str | None, tuple[int, int]]:
    """Per speaker id (None = no speaker: scare quotes, or a speaker the text does not name): (number of quotes, words quoted)."""
    result: dict[str | None, list[int]] = defaultdict(lambda: [0, 0])
    for article in _articles(dossier):
        for q in quotes_of(article):
            entry = result[getattr(q, "speaker", None)]
            entry[0] += 1
            entry[1] += words(getattr(q, "content", None) or q.text)
    return {k: (v[0], v[1]) for k, v in result.items()}


def quote_share(dossier: Dossier) -> pd.DataFrame:
    """Who is quoted, how often and with how many words; anonymous quotes get their own row."""
    import pandas as pd

    counts = quote_counts(dossier)
    total_words = sum(w for _, w in counts.values()) or 1
    rows = [
        {"spreker": label(k), "id": k, "citaten": n, "woorden": w, "aandeel_woorden": round(w / total_words, 3)}
        for k, (n, w) in counts.items()
    ]
    frame = pd.DataFrame(rows, columns=["spreker", "id", "citaten", "woorden", "aandeel_woorden"])
    return frame.sort_values(["woorden", "spreker"], ascending=[False, True], kind="stable").reset_index(drop=True)


# ---------------------------------------------------------------- numbers


def numbers_table(dossier: Dossier) -> pd.DataFrame:
    """Every number in the dossier: artikel, tekst, waarde, eenheid, telt (what it counts), soort."""
    import pandas as pd

    rows = [
        {
            "artikel": a.number,
            "tekst": n.text,
            "waarde": n.value,
            "eenheid": n.unit or "",
            "telt": n.counted or "",
            "soort": getattr(n, "kind", ""),
            "start": n.start,
            "eind": n.end,
        }
        for a in _articles(dossier)
        for n in a.annotations.numbers
    ]
    return pd.DataFrame(rows, columns=["artikel", "tekst", "waarde", "eenheid", "telt", "soort", "start", "eind"])


# ---------------------------------------------------------------- timeline


def _events(dossier: Dossier, events: list | None) -> list:
    if events is not None:
        return list(events)
    from .annotate.timeline import load_timeline

    return load_timeline(dossier)


def timeline_coverage(dossier: Dossier, events: list | None = None) -> pd.DataFrame:
    """Events × articles: how many passages of each article refer to each event, plus 'in_dossier'."""
    import pandas as pd

    articles = _articles(dossier)
    rows = []
    for e in _events(dossier, events):
        row = {"id": e.id, "datum": e.date_from, "titel": e.title, "plaats": e.place}
        for a in articles:
            row[a.number] = sum(1 for p in e.passages if p.article_id == a.id)
        row["in_dossier"] = any(row[a.number] for a in articles)
        rows.append(row)
    columns = ["id", "datum", "titel", "plaats", *(a.number for a in articles), "in_dossier"]
    return pd.DataFrame(rows, columns=columns).set_index("id")


def uncovered_events(dossier: Dossier, events: list | None = None) -> list:
    """The events that no article in this dossier refers to (what the dossier leaves out)."""
    ids = {a.id for a in _articles(dossier)}
    return [e for e in _events(dossier, events) if not any(p.article_id in ids for p in e.passages)]


def articles_for_event(event: Any, dossier: Dossier) -> list[str]:
    """The numbers of the articles that refer to `event`, in dossier order."""
    wanted = {p.article_id for p in event.passages}
    return [a.number for a in _articles(dossier) if a.id in wanted]


# ---------------------------------------------------------------- one actor


@dataclass
class ActorProfile:
    """Everything the dossier says about one person: mentions, quotes, company."""

    id: str
    label: str
    role: str
    label_en: str
    mentions: dict[str, int] = field(default_factory=dict)  # article number -> count
    quotes: list[tuple[str, Any]] = field(default_factory=list)  # (article number, Quote)
    with_: list[tuple[str, str, int]] = field(default_factory=list)  # (id, Dutch name, paragraphs)

    @property
    def total_mentions(self) -> int:
        return sum(self.mentions.values())


def persons(dossier: Dossier) -> list[tuple[str, str]]:
    """(Dutch name, id) of every person the dossier mentions, most mentioned first."""
    totals = Counter(e.id for a in _articles(dossier) for e in _entities(a, ("PERSON",)))
    return [(label(i), i) for i, _ in sorted(totals.items(), key=lambda kv: (-kv[1], label(kv[0])))]


def actor_profile(dossier: Dossier, person_id: str, types: Iterable[str] | None = ACTOR_TYPES) -> ActorProfile:
    """Mentions per article, quotes and co-occurring actors of one person id."""
    from .annotate.kb import load_kb

    kb = load_kb()
    if person_id not in kb:
        raise AnalysisError(f"'{person_id}' staat niet in de kennisbank. Kies een id zoals 'kim-jong-un'.")
    entry = kb.get(person_id)
    articles = _articles(dossier)
    profile = ActorProfile(person_id, entry.label_nl, entry.role_nl, entry.label_en)
    for a in articles:
        profile.mentions[a.number] = sum(1 for e in a.annotations.entities if e.id == person_id)
        profile.quotes += [(a.number, q) for q in quotes_of(a) if getattr(q, "speaker", None) == person_id]
    company: Counter = Counter()
    for (x, y), where in cooccurrence_pairs(articles, types).items():
        if person_id in (x, y):
            company[y if x == person_id else x] += len(where)
    profile.with_ = [(i, label(i), n) for i, n in sorted(company.items(), key=lambda kv: (-kv[1], label(kv[0])))]
    return profile
