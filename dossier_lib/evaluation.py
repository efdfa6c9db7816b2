"""Scoring the annotators against hand-made gold annotations.

Why: the lessons show students what the computer found, so we must know how
often it is right. These are pure functions: give them predicted and gold
records (dicts or dataclasses with the same field names) and they count.

- entities: precision, recall and F1 on exact (start, end, type, id); for the dev set
  also the known names alone, the unknown names (type UNKNOWN, whole span) alone, and
  the mentions that got a known id where the gold says the person is unknown;
- quotes: speaker accuracy over the gold quotes, matched by span;
- numbers: precision, recall and F1 on exact (start, end, value);
- dates: precision and recall of the spans, and how many matched spans point to the
  same dates (resolution and range), plus the past events placed after the article.

Records may carry a ``file`` field; when both sides have it, it is part of the
key, so one call can score the whole dossier.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import asdict, dataclass, field, is_dataclass
from pathlib import Path
from typing import Any

Record = Any  # a dict or a dataclass instance

ENTITY_KEY = ("start", "end", "type", "id")
NUMBER_KEY = ("start", "end", "value")
SPAN_KEY = ("start", "end")


@dataclass(frozen=True)
class Score:
    """Precision, recall and F1, plus the records behind the errors."""

    true_positives: int
    predicted: int
    gold: int
    misses: list = field(default_factory=list)
    false_positives: list = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.true_positives / self.predicted if self.predicted else (1.0 if not self.gold else 0.0)

    @property
    def recall(self) -> float:
        return self.true_positives / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True)
class SpeakerScore:
    """How many gold quotes got the right speaker (a quote with a wrong or missing span counts as wrong)."""

    correct: int
    gold: int
    wrong: list = field(default_factory=list)  # (gold record, predicted speaker)
    unmatched: list = field(default_factory=list)  # gold quotes with no predicted quote of the same span
    spans: Score | None = None  # the span score (start, end) for the quotes themselves

    @property
    def accuracy(self) -> float:
        return self.correct / self.gold if self.gold else 1.0


def as_dict(record: Record) -> dict:
    """A plain dict for a dict or a dataclass record."""
    if isinstance(record, Mapping):
        return dict(record)
    if is_dataclass(record):
        return asdict(record)
    raise TypeError(f"Een annotatie moet een dict of dataclass zijn, niet {type(record).__name__}.")


def with_file(records: Iterable[Record], file: str) -> list[dict]:
    """Predicted records of one article as dicts that carry the article's file name."""
    return [{**as_dict(r), "file": file} for r in records]


def _key_fn(fields: tuple[str, ...], use_file: bool) -> Callable[[dict], tuple]:
    names = (("file",) if use_file else ()) + fields

    def key(r: dict) -> tuple:
        try:
            return tuple(_norm(r[n]) for n in names)
        except KeyError as exc:
            raise ValueError(f"Annotatie mist het veld {exc.args[0]!r}: {r}") from None

    return key


def _norm(value: Any) -> Any:
    import datetime as dt

    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _uses_file(predicted: list[dict], gold: list[dict]) -> bool:
    both = predicted + gold
    return bool(both) and all("file" in r for r in both)


def score(predicted: Iterable[Record], gold: Iterable[Record], fields: tuple[str, ...]) -> Score:
    """Exact-match precision/recall/F1 on the given fields (plus ``file`` when both sides have it)."""
    pred = [as_dict(r) for r in predicted]
    gold_ = [as_dict(r) for r in gold]
    key = _key_fn(fields, _uses_file(pred, gold_))
    gold_keys = {}
    for r in gold_:
        gold_keys.setdefault(key(r), r)
    found, false_positives = set(), []
    for r in pred:  # a repeated prediction counts once as right, then as a false positive
        k = key(r)
        if k in gold_keys and k not in found:
            found.add(k)
        else:
            false_positives.append(r)
    order = lambda r: (r.get("file", ""), r["start"], r["end"])  # noqa: E731
    return Score(
        true_positives=len(found),
        predicted=len(pred),
        gold=len(gold_keys),
        misses=sorted((r for k, r in gold_keys.items() if k not in found), key=order),
        false_positives=sorted(false_positives, key=order),
    )


def score_entities(predicted: Iterable[Record], gold: Iterable[Record]) -> Score:
    """Entities count as right only with the exact span, type and id."""
    return score(predicted, gold, ENTITY_KEY)


def score_numbers(predicted: Iterable[Record], gold: Iterable[Record]) -> Score:
    """Numbers count as right with the exact span and value (the unit is reported, not scored)."""
    return score(predicted, gold, NUMBER_KEY)


def score_quotes(predicted: Iterable[Record], gold: Iterable[Record]) -> SpeakerScore:
    """Speaker accuracy over the gold quotes: a quote is right when the predicted
    quote with the same span (marks included) has the same speaker (``None`` included)."""
    pred = [as_dict(r) for r in predicted]
    gold_ = [as_dict(r) for r in gold]
    key = _key_fn(SPAN_KEY, _uses_file(pred, gold_))
    by_span = {key(r): r for r in pred}
    correct, wrong, unmatched = 0, [], []
    for g in gold_:
        p = by_span.get(key(g))
        if p is None:
            unmatched.append(g)
        elif p.get("speaker") == g.get("speaker"):
            correct += 1
        else:
            wrong.append((g, p.get("speaker")))
    return SpeakerScore(correct, len(gold_), wrong, unmatched, score(pred, gold_, SPAN_KEY))


def read_jsonl(path: str | Path) -> list[dict]:
    """Read a JSON Lines file of records (the gold files in tests/gold/)."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise FileNotFoundError(f"Bestand niet gevonden: {path}") from None
    records = []
    for n, line in enumerate(lines, 1):
        if line.strip():
            try:
                records.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path.name}, regel {n}: geen geldige JSON ({exc.msg}).") from None
    return records


def score_known_entities(predicted: Iterable[Record], gold: Iterable[Record]) -> Score:
    """Entities with a knowledge-base id only (UNKNOWN left out on both sides)."""
    return score(
        [r for r in map(as_dict, predicted) if r["type"] != "UNKNOWN"],
        [r for r in map(as_dict, gold) if r["type"] != "UNKNOWN"],
        ENTITY_KEY,
    )


def score_unknown_names(predicted: Iterable[Record], gold: Iterable[Record]) -> Score:
    """Names the knowledge base does not know: the whole name as one UNKNOWN span."""
    return score(
        [r for r in map(as_dict, predicted) if r["type"] == "UNKNOWN"],
        [r for r in map(as_dict, gold) if r["type"] == "UNKNOWN"],
        SPAN_KEY,
    )


def known_id_for_unknown(predicted: Iterable[Record], gold: Iterable[Record]) -> list[dict]:
    """Predicted mentions with a known id inside a name the gold marks as unknown ("Kim" in "Kim Jong-il")."""
    unknown = [r for r in map(as_dict, gold) if r["type"] == "UNKNOWN"]
    wrong = []
    for r in map(as_dict, predicted):
        if r.get("id") is None:
            continue
        if any(g.get("file") == r.get("file") and g["start"] < r["end"] and r["start"] < g["end"] for g in unknown):
            wrong.append(r)
    return wrong


def score_by_type(predicted: Iterable[Record], gold: Iterable[Record]) -> dict[str, Score]:
    """Entity scores per type (PERSON, PLACE, ...): exact span, type and id."""
    pred, gold_ = [as_dict(r) for r in predicted], [as_dict(r) for r in gold]
    types = sorted({r["type"] for r in pred + gold_})
    return {
        t: score([r for r in pred if r["type"] == t], [r for r in gold_ if r["type"] == t], ENTITY_KEY) for t in types
    }


@dataclass(frozen=True)
class DateScore:
    """Date spans found, how many of them resolve to the gold dates, and past events put after the article."""

    spans: Score
    correct: int
    matched: int
    wrong: list = field(default_factory=list)  # (gold, predicted)
    after_article: list = field(default_factory=list)  # (gold, predicted): a past event put after the article's month

    @property
    def accuracy(self) -> float:
        """Of the gold dates, the share found with the right span and the right dates."""
        return self.correct / self.spans.gold if self.spans.gold else 1.0


def score_dates(predicted: Iterable[Record], gold: Iterable[Record], months: dict[str, tuple[int, int]]) -> DateScore:
    """Dates by exact span; a match is right when resolution, date_from and date_to agree.

    `months` gives each file's (year, month): a gold date up to the end of that month is a
    past (or current) event, and a prediction for it that starts after that month is counted
    in `after_article`.
    """
    import calendar
    import datetime as dt

    pred = [as_dict(r) for r in predicted]
    gold_ = [as_dict(r) for r in gold]
    spans = score(pred, gold_, SPAN_KEY)
    key = _key_fn(SPAN_KEY, _uses_file(pred, gold_))
    by_span = {key(r): r for r in pred}
    fields_ = ("resolution", "date_from", "date_to")
    correct, matched, wrong, after = 0, 0, [], []
    for g in gold_:
        p = by_span.get(key(g))
        if p is None:
            continue
        matched += 1
        if all(_norm(p.get(f)) == _norm(g.get(f)) for f in fields_):
            correct += 1
        else:
            wrong.append((g, p))
        year, month = months.get(g.get("file", ""), (None, None))
        if year is None:
            continue
        end = dt.date(year, month, calendar.monthrange(year, month)[1]).isoformat()
        gold_start = _norm(g.get("date_from")) or _norm(g.get("date_to"))
        pred_start = _norm(p.get("date_from"))
        if gold_start and gold_start <= end and pred_start and pred_start > end:
            after.append((g, p))
    return DateScore(spans, correct, matched, wrong, after)


#: kind -> (annotator module, function, scoring function)
ANNOTATORS = {
    "entities": ("dossier_lib.annotate.entities", "find_entities"),
    "quotes": ("dossier_lib.annotate.quotes", "find_quotes"),
    "numbers": ("dossier_lib.annotate.numbers", "find_numbers"),
    "dates": ("dossier_lib.annotate.dates", "find_dates"),
}


def load_annotator(kind: str) -> Callable:
    """The find_* function for `kind`; ModuleNotFoundError when its module does not exist yet."""
    import importlib

    if kind not in ANNOTATORS:
        raise ValueError(f"Onbekende soort {kind!r}. Kies uit: {', '.join(ANNOTATORS)}.")
    module, function = ANNOTATORS[kind]
    return getattr(importlib.import_module(module), function)


def predict(kind: str, articles: Iterable) -> list[dict]:
    """Run the annotator for `kind` on every article: dict records with a ``file`` field."""
    find = load_annotator(kind)
    return [r for article in articles for r in with_file(find(article), article.file)]


def evaluate(kind: str, predicted: Iterable[Record], gold: Iterable[Record]) -> Score | SpeakerScore:
    """The right score for `kind`: entities and numbers get a Score, quotes a SpeakerScore."""
    scorers = {"entities": score_entities, "quotes": score_quotes, "numbers": score_numbers}
    if kind not in scorers:
        raise ValueError(f"Onbekende soort {kind!r}. Kies uit: {', '.join(scorers)}.")
    return scorers[kind](predicted, gold)
