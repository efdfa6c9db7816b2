"""Counting and searching the dossier: plain data and DataFrames, no drawing.

Charts (charts.py) and widgets (widgets.py) draw what these functions compute,
so a lesson can also show the table behind every picture.

    >>> from dossier_lib import load_dossier
    >>> from dossier_lib import analysis
    >>> dossier = load_dossier()
    >>> int(analysis.mention_matrix(dossier).loc["Vladimir Poetin", "001"])
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
    from .annotate.kb import current_kb

    kb = current_kb()
    return kb.get(entry_id).label_nl if entry_id in kb else entry_id


def articles(source: Dossier | Article | Iterable[Article], example: str | None = None) -> list[Article]:
    """The articles of a dossier, of a list of articles, or one article as a list of one.

    With `example` (how a lesson calls the function) wrong input gets a Dutch message first.

    >>> from dossier_lib import load_dossier
    >>> [a.label for a in articles(load_dossier()["002"])]
    ['002']
    """
    if example is not None:
        from .arguments import dossier_arg

        source = dossier_arg(source, example)
    if hasattr(source, "annotations"):
        return [source]  # one article
    return list(source)


_articles = articles


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
    """Actors × articles: rows are Dutch names, columns article labels ("003", "singapore_nos"), plus 'totaal'.

    Rows are sorted by total (most mentioned first), ties by name; `top` keeps the first rows.
    """
    import pandas as pd

    articles = _articles(dossier)
    counts = mention_counts(articles, types)
    ids = sorted({i for c in counts.values() for i in c})
    names = [label(i) for i in ids]
    names = [f"{n} ({i})" if names.count(n) > 1 else n for n, i in zip(names, ids)]
    data = {a.label: [counts[a.id][i] for i in ids] for a in articles}
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
    from .corpus import label_for

    dossier = dossier_arg(dossier, "analysis.cooccurrence(dossier)", allow_article=False)

    rows = [
        {
            "a": a,
            "b": b,
            "naam_a": label(a),
            "naam_b": label(b),
            "alinea's": len(where),
            "waar": ", ".join(f"{label_for(art)}:{i}" for art, i in where),
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
    def label(self) -> str:
        """The short article label students use: ``003``, or a teacher's file name."""
        from .corpus import label_for

        return label_for(self.article_id)

    @property
    def number(self) -> str:
        """The same as `label` (older name)."""
        return self.label


#: Python's messages about a broken search pattern, in plain Dutch (the first words of each message).
_PATTERN_ERRORS = {
    "missing )": "er staat een haakje ( zonder haakje ) erna",
    "unbalanced parenthesis": "er staat een haakje ) zonder haakje ( ervoor",
    "unterminated character set": "er staat een [ zonder ] erna",
    "nothing to repeat": "een * + of ? moet achter een letter of teken staan, niet vooraan",
    "multiple repeat": "er staan twee tekens als * + ? achter elkaar",
    "bad escape": "na de schuine streep \\ volgt een teken dat niets betekent",
    "bad character range": "in [ ] staat een reeks die niet kan (zoals z-a)",
    "unknown extension": "na (? volgt iets wat niet bestaat",
    "missing group name": "een groep heeft geen naam",
    "unterminated": "er ontbreekt een afsluitend teken",
}


def _pattern_problem(message: str) -> str:
    """Python's explanation of a broken regular expression, said in Dutch."""
    for start, dutch in _PATTERN_ERRORS.items():
        if message.startswith(start):
            return dutch
    return "er klopt iets niet aan de tekens"


def compile_search(pattern: str, regex: bool = False) -> re.Pattern:
    """The search as a case-insensitive pattern; a Dutch `AnalysisError` when it cannot be used.

    >>> compile_search("(sancties", regex=True)
    Traceback (most recent call last):
    ...
    dossier_lib.analysis.AnalysisError: Dit zoekpatroon klopt niet: er staat een haakje ( zonder haakje ) erna (bij teken 1). Haal het vinkje bij 'zoekpatroon' weg om gewoon naar deze letters te zoeken.
    """
    if not isinstance(pattern, str) or not pattern.strip():
        raise AnalysisError("Typ eerst een woord om naar te zoeken.")
    if not regex:
        return re.compile(re.escape(pattern.strip()), re.IGNORECASE)
    try:
        compiled = re.compile(pattern, re.IGNORECASE)
    except re.error as exc:
        where = f" (bij teken {exc.pos + 1})" if exc.pos is not None else ""
        raise AnalysisError(
            f"Dit zoekpatroon klopt niet: {_pattern_problem(exc.msg)}{where}. "
            "Haal het vinkje bij 'zoekpatroon' weg om gewoon naar deze letters te zoeken."
        ) from None
    if compiled.search(""):
        raise AnalysisError("Dit zoekpatroon past ook op niets. Maak het preciezer, bijvoorbeeld 'top\\w*'.")
    return compiled


_SPACES = re.compile(r"[ \t]+")
_BREAKS = re.compile(r"\s*\n\s*")
_LEAD_WORD = re.compile(r"^\S+")
_TAIL_WORD = re.compile(r"\S+$")
#: Marks the start of a new paragraph or heading inside a concordance context.
PARAGRAPH_MARK = "¶"


def _marked(text: str, a: int, b: int, starts: list[int], at_end: bool = False) -> str:
    """text[a:b] with " ¶ " where a paragraph, heading or the summary begins (`starts`, sorted).

    `at_end`: a paragraph that begins exactly at `b` is marked too (for the context left of a hit).
    """
    cuts = [s for s in starts if a < s < b or (at_end and s == b)]
    if not cuts:
        return text[a:b]
    parts, pos = [], a
    for cut in cuts:
        parts.append(text[pos:cut])
        pos = cut
    parts.append(text[pos:b])
    middle = [part.strip() for part in parts[1:-1]]
    return f" {PARAGRAPH_MARK} ".join([parts[0].rstrip(), *middle, parts[-1].lstrip()])


def _flat(text: str) -> str:
    """One line: a line break (new paragraph or heading) becomes " ¶ ", runs of spaces one space."""
    if "\n" in text:
        text = _BREAKS.sub(f" {PARAGRAPH_MARK} ", text)
    return _SPACES.sub(" ", text) if ("  " in text or "\t" in text) else text


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

    A context that runs into another paragraph, heading or the summary shows " ¶ " there;
    a context cut off in the text starts or ends with "…" and never with half a word.

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
        starts = sorted(p.start for p in article.paragraphs)
        for m in compiled.finditer(text, article.body_start):
            if m.end() == m.start():
                continue
            lo, hi = max(article.body_start, m.start() - width), min(len(text), m.end() + width)
            left = _marked(text, lo, m.start(), starts, at_end=True)
            right = _marked(text, m.end(), hi, starts)
            if lo > article.body_start and not text[lo - 1].isspace():  # no half words at the edges
                left = _LEAD_WORD.sub("", left, count=1)
            if hi < len(text) and not text[hi].isspace():
                right = _TAIL_WORD.sub("", right, count=1)
            left, right = _flat(left), _flat(right)
            if lo > article.body_start:  # "…": the text goes on before and after the context
                left = "… " + left.lstrip()
            if hi < len(text):
                right = right.rstrip() + " …"
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
                "artikel": x.label,
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
            "artikel": a.label,
            "tekst": n.text,
            "waarde": n.value,
            "eenheid": n.unit or "",
            "telt": n.counted or "",
            "soort": getattr(n, "kind", ""),
            "ongeveer": "ja" if getattr(n, "approximate", False) else "nee",
            "start": n.start,
            "eind": n.end,
        }
        for a in _articles(dossier)
        for n in a.annotations.numbers
    ]
    columns = ["artikel", "tekst", "waarde", "eenheid", "telt", "soort", "ongeveer", "start", "eind"]
    return pd.DataFrame(rows, columns=columns)


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
            row[a.label] = sum(1 for p in e.passages if p.article_id == a.id)
        row["in_dossier"] = any(row[a.label] for a in articles)
        rows.append(row)
    columns = ["id", "datum", "titel", "plaats", *(a.label for a in articles), "in_dossier"]
    return pd.DataFrame(rows, columns=columns).set_index("id")


def timeline_span(dossier: Dossier, events: list | None = None) -> tuple[Any, Any]:
    """(first, last) date of the timeline: its events and the articles' months, whichever reach further.

    The timeline chart and the timeline explorer both use it, so they show the same events.
    """
    events = _events(dossier, events)
    dates = [a.date for a in _articles(dossier)]
    if not events and not dates:
        raise AnalysisError("Er zijn geen gebeurtenissen en geen artikelen: de tijdlijn is leeg.")
    first = min([e.date_from for e in events] + dates)
    last = max([e.date_to for e in events] + dates)
    return first, last


def uncovered_events(dossier: Dossier, events: list | None = None) -> list:
    """The events that no article in this dossier refers to (what the dossier leaves out)."""
    ids = {a.id for a in _articles(dossier)}
    return [e for e in _events(dossier, events) if not any(p.article_id in ids for p in e.passages)]


def articles_for_event(event: Any, dossier: Dossier) -> list[str]:
    """The labels of the articles that refer to `event`, in dossier order."""
    wanted = {p.article_id for p in event.passages}
    return [a.label for a in _articles(dossier) if a.id in wanted]


# ---------------------------------------------------------------- one actor


@dataclass
class ActorProfile:
    """Everything the dossier says about one person: mentions, quotes, company."""

    id: str
    label: str
    role: str
    label_en: str
    mentions: dict[str, int] = field(default_factory=dict)  # article label -> count
    quotes: list[tuple[str, Any]] = field(default_factory=list)  # (article label, Quote)
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
    from .annotate.kb import current_kb

    kb = getattr(dossier, "kb", None) or current_kb()
    if person_id not in kb:
        raise AnalysisError(f"'{person_id}' staat niet in de kennisbank. Kies een id zoals 'kim-jong-un'.")
    entry = kb.get(person_id)
    articles = _articles(dossier)
    profile = ActorProfile(person_id, entry.label_nl, entry.role_nl, entry.label_en)
    for a in articles:
        profile.mentions[a.label] = sum(1 for e in a.annotations.entities if e.id == person_id)
        profile.quotes += [(a.label, q) for q in quotes_of(a) if getattr(q, "speaker", None) == person_id]
    company: Counter = Counter()
    for (x, y), where in cooccurrence_pairs(articles, types).items():
        if person_id in (x, y):
            company[y if x == person_id else x] += len(where)
    profile.with_ = [(i, label(i), n) for i, n in sorted(company.items(), key=lambda kv: (-kv[1], label(kv[0])))]
    return profile
