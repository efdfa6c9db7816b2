"""The articles: reading the text files into `Article` objects and a `Dossier`.

This is the bottom layer. Everything else (annotation, charts, widgets, lessons)
reads articles through it. Offsets in later annotations point into
`Article.text`, which is the whole file exactly as Python reads it with UTF-8
(a byte-order mark is dropped, Windows line endings become ``\\n``).
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from . import validate as _validate
from .errors import DossierFormatError, StudentKeyError
from .nl import MONTHS as DUTCH_MONTHS  # noqa: E402  (kept for older imports)

#: Paragraph kinds: the article's headline, its summary lines under the
#: headline, a short sub-heading between paragraphs, or ordinary body text.
PARAGRAPH_KINDS = ("headline", "summary", "heading", "body")

_WORD = re.compile(r"\w+(?:[-'’]\w+)*")
_SENTENCE_END = tuple(".!?:;\"”’'»)")
_HEADING_MAX_WORDS = 6


@dataclass(frozen=True)
class Paragraph:
    """One paragraph (or headline, summary line, sub-heading) with its place in the text."""

    index: int
    start: int
    end: int
    text: str
    kind: str = "body"

    @property
    def words(self) -> int:
        return len(_WORD.findall(self.text))


@dataclass(frozen=True)
class SourceCard:
    """What we know about where an article comes from, written by us, honest about gaps."""

    title: str
    summary: str
    outlet: str | None = None
    author: str | None = None
    note: str = ""
    url: str | None = field(default=None, repr=False)


@dataclass(eq=False)
class Article:
    """One news article: its file, its month, its text and how that text is divided."""

    path: Path
    text: str
    year: int
    month: int
    body_start: int
    paragraphs: list[Paragraph] = field(default_factory=list)
    card: SourceCard | None = None
    #: True for the five articles that come with the package, False for a teacher's own.
    bundled: bool = False
    #: The source lines under the date line ("bron", "auteur", ...), as card fields.
    meta: dict = field(default_factory=dict)
    #: The knowledge base that annotates this article (the bundled one plus the teacher's kennisbank.yaml).
    kb: Any = field(default=None, repr=False)

    @property
    def id(self) -> str:
        """The file name without ``.txt``: ``003_0b62c6decff88b81``, ``singapore_nos``. Unique in a dossier."""
        return self.path.stem

    @property
    def file(self) -> str:
        return self.path.name

    @property
    def label(self) -> str:
        """The short name students see and type: ``003`` for a bundled article, the file name for a teacher's own.

        Unique in a dossier (a teacher's file may not be called ``003``, see validate.py), so every table,
        chart and menu can use it as a column or a choice.
        """
        return label_for(self.id, self.bundled)

    @property
    def number(self) -> str:
        """The same as `label` (older name): ``003``."""
        return self.label

    @property
    def date(self) -> _dt.date:
        """The first day of the article's month (the files give only year and month)."""
        return _dt.date(self.year, self.month, 1)

    @property
    def month_label(self) -> str:
        """The month in Dutch words: ``januari 2019``."""
        return f"{DUTCH_MONTHS[self.month - 1]} {self.year}"

    @property
    def title(self) -> str:
        if self.card:
            return self.card.title
        return self.headline or _first_words(self.lede, 8)

    @property
    def headline(self) -> str | None:
        return next((p.text for p in self.paragraphs if p.kind == "headline"), None)

    @property
    def summary_lines(self) -> list[str]:
        return [p.text for p in self.paragraphs if p.kind == "summary"]

    @property
    def headings(self) -> list[str]:
        """The short sub-headings between paragraphs ("Timing", "Vijandig", ...)."""
        return [p.text for p in self.paragraphs if p.kind == "heading"]

    @property
    def body(self) -> list[Paragraph]:
        return [p for p in self.paragraphs if p.kind == "body"]

    @property
    def lede(self) -> str:
        """The first body paragraph: the opening that tells what the article is about."""
        body = self.body
        return body[0].text if body else ""

    @property
    def word_count(self) -> int:
        return len(_WORD.findall(self.text, self.body_start))

    def paragraph_at(self, offset: int) -> Paragraph | None:
        """The paragraph that contains character `offset` of the text."""
        for p in self.paragraphs:
            if p.start <= offset < p.end:
                return p
        return None

    # The annotation layer hangs its results here, computed on first use.
    # (Imported lazily so that reading articles stays fast and light.)
    @cached_property
    def annotations(self):
        from .annotate import annotate

        return annotate(self)

    def __repr__(self) -> str:
        return f"<Article {self.id} ({self.month_label}, {self.word_count} woorden)>"


class Dossier:
    """The articles of a lesson, always in date order.

    `folder` is the teacher's own folder (None for the five bundled articles alone) and
    `kb` the knowledge base that annotates them.
    """

    def __init__(self, articles: Iterable[Article], folder: Path | None = None, kb: Any = None):
        self.articles: list[Article] = sorted(articles, key=lambda a: (a.date, a.id))
        self.folder = Path(folder) if folder is not None else None
        self.kb = kb if kb is not None else next((a.kb for a in self.articles if a.kb is not None), None)

    def __iter__(self) -> Iterator[Article]:
        return iter(self.articles)

    def __len__(self) -> int:
        return len(self.articles)

    def __getitem__(self, key: str | int) -> Article:
        """Look up by id (``003_0b62c6decff88b81``, ``singapore_nos``), by label (``003``) or by position.

        An exact id wins, then an exact label, then the same in other letter case, then
        the start of an id (``003_0b`` or ``singapore``) when only one article has it.
        """
        if isinstance(key, int):
            return self.articles[key]
        key = str(key).strip()
        folded = key.casefold()
        tests = (
            lambda a: a.id == key,
            lambda a: a.label == key,
            lambda a: a.id.casefold() == folded or a.label.casefold() == folded,
            lambda a: a.id.casefold().startswith(folded),
        )
        for test in tests:
            matches = [a for a in self.articles if test(a)]
            if len(matches) == 1:
                return matches[0]
            if matches:
                names = ", ".join(a.label for a in matches)
                raise StudentKeyError(f"{key!r} past bij meer dan één artikel ({names}); geef de volledige naam.")
        known = ", ".join(a.label for a in self.articles)
        raise StudentKeyError(f'Geen artikel met nummer {key!r}. Kies uit: {known}, bijvoorbeeld dossier["003"].')

    def __contains__(self, key: str) -> bool:
        try:
            self[key]
        except KeyError:
            return False
        return True

    @property
    def ids(self) -> list[str]:
        return [a.id for a in self.articles]

    @property
    def labels(self) -> list[str]:
        """The short labels in date order: ``['003', '000', ...]``."""
        return [a.label for a in self.articles]

    @property
    def bundled(self) -> Dossier:
        """Only the five bundled articles (the ones the lessons' exercises are about)."""
        return Dossier([a for a in self.articles if a.bundled], None, self.kb)

    @property
    def added(self) -> list[Article]:
        """The teacher's own articles, in date order (empty without a teacher's folder)."""
        return [a for a in self.articles if not a.bundled]

    def between(self, start: str | _dt.date | None = None, end: str | _dt.date | None = None) -> Dossier:
        """The articles from month `start` to month `end`, both included ("2018-05", "2019-02")."""
        lo = _month_start(start) if start else _dt.date.min
        hi = _month_start(end) if end else _dt.date.max
        return Dossier((a for a in self.articles if lo <= a.date <= hi), self.folder, self.kb)

    def to_frame(self):
        """A pandas DataFrame with one row per article."""
        import pandas as pd

        rows = [
            {
                "id": a.id,
                "nummer": a.label,
                "maand": a.date.strftime("%Y-%m"),
                "titel": a.title,
                "woorden": a.word_count,
                "alinea's": len(a.body),
                "tussenkopjes": len(a.headings),
                "bestand": a.file,
            }
            for a in self.articles
        ]
        return pd.DataFrame(rows).set_index("id")

    def table(self, kind: str):
        """One DataFrame of every annotation of `kind` ("entities", "quotes", ...) in the dossier."""
        from dataclasses import asdict

        import pandas as pd

        rows = [{"article": a.id, **asdict(item)} for a in self.articles for item in a.annotations.of_kind(kind)]
        return pd.DataFrame(rows)

    def __repr__(self) -> str:
        return f"<Dossier met {len(self)} artikelen: {', '.join(a.label for a in self)}>"


def _first_words(text: str, n: int) -> str:
    words = text.split()
    return " ".join(words[:n]) + (" …" if len(words) > n else "")


def _month_start(value: str | _dt.date) -> _dt.date:
    if isinstance(value, _dt.date):
        return value.replace(day=1)
    m = re.fullmatch(r"(\d{4})-(\d{1,2})(?:-\d{1,2})?", value.strip())
    if not m:
        raise ValueError(f"Schrijf een maand als 'JJJJ-MM', bijvoorbeeld '2019-02' (niet {value!r}).")
    return _dt.date(int(m.group(1)), int(m.group(2)), 1)


def bundled_articles_folder() -> Path:
    """Where the five articles live: inside an installed wheel, or in the checkout's `seeds/`."""
    from .paths import seeds_folder

    return seeds_folder()


def read_article(path: str | Path, cards: dict[str, SourceCard] | None = None) -> Article:
    """Read one article file; raise `DossierFormatError` when it is not usable."""
    path = Path(path)
    checked = _validate.check_file(path)
    errors = [p for p in checked.problems if p.is_error]
    if errors:
        raise DossierFormatError(errors)
    return parse_article(path, checked.text, cards)


def parse_article(
    path: Path, text: str, cards: dict[str, SourceCard] | None = None, *, bundled: bool = False
) -> Article:
    """Divide a validated text into header, headline, summary lines, headings and paragraphs."""
    header = _validate.parse_header(text)
    assert header, "parse_article expects a validated text"
    article = Article(
        path=path,
        text=text,
        year=header.year,
        month=header.month,
        body_start=header.body_start,
        bundled=bundled,
        meta=dict(header.meta),
    )
    article.paragraphs = _split_paragraphs(text, header.body_start)
    if cards is not None:
        article.card = cards.get(path.stem)
    return article


_BUNDLED_IDS: set[str] | None = None


def bundled_ids() -> set[str]:
    """The ids of the five bundled articles (read from their folder once)."""
    global _BUNDLED_IDS
    if _BUNDLED_IDS is None:
        try:
            _BUNDLED_IDS = {p.stem for p in bundled_articles_folder().glob("*.txt")}
        except FileNotFoundError:
            _BUNDLED_IDS = set()
    return _BUNDLED_IDS


def label_for(article_id: str, bundled: bool | None = None) -> str:
    """The short label of an article id: ``003`` for a bundled article, the id itself for a teacher's own.

    >>> label_for("003_0b62c6decff88b81"), label_for("003_dmz", bundled=False)
    ('003', '003_dmz')
    """
    if bundled is None:
        bundled = article_id in bundled_ids()
    return article_id.split("_", 1)[0] if bundled else article_id


def _split_paragraphs(text: str, body_start: int) -> list[Paragraph]:
    spans = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text[body_start:]) if m.group().strip()]
    spans = [_strip_span(text, body_start + s, body_start + e) for s, e in spans]

    def unfinished(s: int, e: int) -> bool:
        return not text[s:e].rstrip().endswith(_SENTENCE_END)

    # A headline block: the article opens with two or more lines that are not sentences.
    lead_block = 0
    while lead_block < len(spans) and unfinished(*spans[lead_block]):
        lead_block += 1
    kinds: list[tuple[int, int, str]] = []
    if lead_block >= 2:
        first_s, first_e = spans[0]
        split = _headline_split(text, first_s, first_e)
        if split:
            kinds.append((first_s, split[0], "headline"))
            kinds.append((split[1], first_e, "summary"))
        else:
            kinds.append((first_s, first_e, "headline"))
        kinds += [(s, e, "summary") for s, e in spans[1:lead_block]]
    else:
        lead_block = 0
    for s, e in spans[lead_block:]:
        short = len(_WORD.findall(text, s, e)) <= _HEADING_MAX_WORDS
        kind = "heading" if (kinds and short and unfinished(s, e)) else "body"
        kinds.append((s, e, kind))
    return [Paragraph(i, s, e, text[s:e], kind) for i, (s, e, kind) in enumerate(kinds)]


def _strip_span(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def _headline_split(text: str, s: int, e: int) -> tuple[int, int] | None:
    """Find where a headline runs into its first summary line on the same line.

    Article 003 opens with "Historische ontmoeting Trump en Kim Ontmoeting zou ...".
    A capitalised word that the article also uses in lower case ("Ontmoeting",
    "ontmoeting") is a common word starting a new sentence, not a name.
    """
    lower_words = {w for w in _WORD.findall(text) if w[0].islower()}
    words = list(_WORD.finditer(text, s, e))
    for prev, word in zip(words, words[1:]):
        w = word.group()
        if w[0].isupper() and w.lower() in lower_words and word.start() - s >= 8:
            return (prev.end(), word.start())
    return None


def load_source_cards() -> dict[str, SourceCard]:
    """The Dutch titles and summaries we wrote for the bundled articles (`data/sources.yaml`)."""
    from .data import load_yaml

    cards = {}
    for article_id, entry in load_yaml("sources.yaml")["articles"].items():
        cards[article_id] = SourceCard(
            title=entry["title"],
            summary=entry["summary"],
            outlet=entry.get("outlet"),
            author=entry.get("author"),
            note=entry.get("note", ""),
        )
    return cards


#: The note on the card of a teacher's own article.
OWN_ARTICLE_NOTE = "Eigen artikel van de docent."


def own_card(article: Article, fields: dict | None = None) -> SourceCard:
    """The source card of a teacher's article: from its sidecar file, its header lines, else "onbekend".

    `fields` are those of the sidecar file ``NAME.yaml`` (they win over the header lines).
    """
    info = {**article.meta, **(fields or {})}
    title = info.get("title") or article.headline or _first_words(article.lede, 8)
    return SourceCard(
        title=str(title),
        summary=str(info.get("summary") or ""),
        outlet=info.get("outlet") or None,
        author=info.get("author") or None,
        note=OWN_ARTICLE_NOTE,
        url=info.get("url") or None,
    )


def load_dossier(folder: str | Path | None = None, *, bundled: bool = True) -> Dossier:
    """Load the five bundled articles, plus the teacher's articles in `folder` when one is given.

    A teacher's folder is validated first: if any file has a problem, `DossierFormatError`
    lists every problem with file, line and what to do. The folder may also hold
    ``kennisbank.yaml`` (extra people, places and aliases: it is merged with the bundled
    knowledge base and used for every annotation), ``beweringen.yaml`` (extra claims) and
    ``NAME.yaml`` next to ``NAME.txt`` (the article's source card: titel, bron, auteur).
    """
    from .annotate.kb import load_kb, teacher_kb

    cards = load_source_cards()
    folders = []
    if bundled:
        folders.append(bundled_articles_folder())
    if folder is not None:
        folders.append(Path(folder))
    report = _validate.check_folders(folders)
    problems = list(report.errors)
    kb = load_kb()
    sidecars: dict[str, dict] = {}
    if folder is not None and Path(folder).is_dir():
        kb, kb_problems = teacher_kb(Path(folder))
        problems += [p for p in kb_problems if p.is_error]
        for checked in report.files:
            if not checked.bundled:
                fields, card_problems = _validate.check_card(checked.path)
                problems += [p for p in card_problems if p.is_error]
                sidecars[checked.path.stem] = fields
    if problems:
        raise DossierFormatError(problems)
    articles = []
    for checked in report.files:
        article = parse_article(checked.path, checked.text, cards, bundled=checked.bundled)
        if not checked.bundled:
            article.card = own_card(article, sidecars.get(checked.path.stem))
        article.kb = kb
        articles.append(article)
    return Dossier(articles, Path(folder) if folder is not None else None, kb)
