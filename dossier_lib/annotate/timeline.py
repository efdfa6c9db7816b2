"""The curated timeline 2018-2019 and the passages in the articles that refer to each event.

The events live in `dossier_lib/data/timeline.yaml`, each with a checked date,
a place with coordinates, and quotes from the articles. An event that no article
mentions is kept on purpose (`covered` is False): a lesson can show what the
dossier leaves out.

    >>> events = load_timeline()
    >>> [e.id for e in events_between("2019-02-01", "2019-02-28")]
    ['hanoi-summit']
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field
from typing import Any

from .passages import Passage, PassageNotFoundError, resolve_entry

TIMELINE_FILE = "timeline.yaml"
_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


class TimelineError(ValueError):
    """timeline.yaml is not usable; the message says where and what to do, in Dutch."""


@dataclass(frozen=True)
class Event:
    """One dated event on the timeline, with the passages that mention it."""

    id: str
    date_from: _dt.date
    date_to: _dt.date
    title: str
    description: str
    place: str
    lat: float
    lon: float
    participants: tuple[str, ...] = ()
    source: str = ""
    passages: tuple[Passage, ...] = field(default=())

    @property
    def covered(self) -> bool:
        """True when at least one article in the dossier refers to this event."""
        return bool(self.passages)

    @property
    def days(self) -> int:
        return (self.date_to - self.date_from).days + 1

    @property
    def date_label(self) -> str:
        """The date in Dutch words: ``12 juni 2018`` or ``27–28 februari 2019``."""
        return dutch_date_range(self.date_from, self.date_to)

    def passages_in(self, article) -> list[Passage]:
        article_id = getattr(article, "id", article)
        return [p for p in self.passages if p.article_id == article_id]


def load_timeline(dossier=None) -> list[Event]:
    """All events, sorted by date, with passages resolved against `dossier` (default: the lesson's dossier).

    The bundled articles' passages are the curated quotes in timeline.yaml; a teacher's own
    articles are linked by rules (see event_links.py), each passage with its `reason`.
    """
    from ..data import load_yaml

    if dossier is None:  # the lesson's dossier: the bundled five, and the teacher's folder when it is set
        from ..settings import lesson_dossier

        dossier = lesson_dossier()
    raw = load_yaml(TIMELINE_FILE)
    events = parse_timeline(raw, dossier)
    return add_own_articles(events, dossier)


def add_own_articles(events: list[Event], dossier) -> list[Event]:
    """The events with the passages of the dossier's teacher articles added (rules, not curated)."""
    import dataclasses

    from .event_links import article_links

    extra: dict[str, list[Passage]] = {}
    for article in dossier:
        if getattr(article, "bundled", True):
            continue
        for link in article_links(article):
            extra.setdefault(link.event_id, []).append(link.passage)
    if not extra:
        return events
    return [
        dataclasses.replace(
            e, passages=tuple(sorted(e.passages + tuple(extra[e.id]), key=lambda p: (p.article_id, p.start)))
        )
        if e.id in extra
        else e
        for e in events
    ]


def parse_timeline(raw: Any, dossier, data_file: str = TIMELINE_FILE) -> list[Event]:
    """Turn the YAML structure into checked `Event`s (separate from loading, so tests can feed it)."""
    if not isinstance(raw, dict) or not isinstance(raw.get("events"), list):
        raise TimelineError(f"{data_file}: het bestand moet beginnen met 'events:' gevolgd door een lijst.")
    events: list[Event] = []
    seen: set[str] = set()
    for number, entry in enumerate(raw["events"], start=1):
        event = _parse_event(entry, number, dossier, data_file)
        if event.id in seen:
            raise TimelineError(
                f"{data_file}: de id '{event.id}' komt twee keer voor. Geef elke gebeurtenis een eigen id."
            )
        seen.add(event.id)
        events.append(event)
    events.sort(key=lambda e: (e.date_from, e.date_to, e.id))
    return events


def events_between(
    start: str | _dt.date | None = None, end: str | _dt.date | None = None, events: list[Event] | None = None
) -> list[Event]:
    """The events that overlap the period from `start` to `end` (both included; "2019-02" means the whole month)."""
    if events is None:
        events = load_timeline()
    lo = _parse_bound(start, first=True) if start else _dt.date.min
    hi = _parse_bound(end, first=False) if end else _dt.date.max
    if lo > hi:
        raise ValueError(f"De begindatum ({lo}) ligt na de einddatum ({hi}). Draai ze om.")
    return [e for e in events if e.date_from <= hi and e.date_to >= lo]


def find_events(article, events: list[Event] | None = None) -> list[Event]:
    """The events that `article` refers to, in the order of their first passage in the text."""
    if events is None:
        events = load_timeline()
    hits = [(min(p.start for p in e.passages_in(article)), e) for e in events if e.passages_in(article)]
    return [e for _, e in sorted(hits, key=lambda pair: (pair[0], pair[1].date_from))]


def uncovered(events: list[Event] | None = None) -> list[Event]:
    """The events that no article in the dossier mentions."""
    if events is None:
        events = load_timeline()
    return [e for e in events if not e.covered]


from ..nl import date_range_in_words as dutch_date_range  # noqa: E402

# ---------------------------------------------------------------- reading one entry

_REQUIRED = ("id", "date_from", "date_to", "title_nl", "description_nl", "place", "lat", "lon", "source", "passages")


def _parse_event(entry: Any, number: int, dossier, data_file: str) -> Event:
    if not isinstance(entry, dict):
        raise TimelineError(f"{data_file}: gebeurtenis nummer {number} is geen blok met velden (id:, date_from:, ...).")
    name = str(entry.get("id", f"nummer {number}"))
    missing = [k for k in _REQUIRED if k not in entry]
    if missing:
        raise TimelineError(
            f"{data_file}, bij '{name}': het veld {', '.join(missing)} ontbreekt. "
            "Kopieer een bestaand blok en vul alle velden in."
        )
    if not _SLUG.fullmatch(name):
        raise TimelineError(
            f"{data_file}: de id '{name}' mag alleen kleine letters, cijfers en streepjes bevatten, "
            "zoals 'hanoi-summit'."
        )
    date_from = _parse_date(entry["date_from"], name, "date_from", data_file)
    date_to = _parse_date(entry["date_to"], name, "date_to", data_file)
    if date_to < date_from:
        raise TimelineError(
            f"{data_file}, bij '{name}': date_to ({date_to}) ligt vóór date_from ({date_from}). "
            "Draai de twee datums om."
        )
    try:
        lat, lon = float(entry["lat"]), float(entry["lon"])
    except (TypeError, ValueError):
        raise TimelineError(
            f"{data_file}, bij '{name}': lat en lon moeten getallen zijn, zoals 21.03 en 105.85."
        ) from None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise TimelineError(
            f"{data_file}, bij '{name}': lat/lon ({lat}, {lon}) ligt niet op aarde. Kijk of ze omgewisseld zijn."
        )
    if not isinstance(entry["passages"], list):
        raise TimelineError(
            f"{data_file}, bij '{name}': 'passages' moet een lijst zijn; schrijf 'passages: []' als er geen zijn."
        )
    passages = []
    for item in entry["passages"]:
        passage = resolve_entry(dossier, item, data_file=data_file, entry_id=name)
        if passage is not None:
            passages.append(passage)
    passages.sort(key=lambda p: (p.article_id, p.start))
    return Event(
        id=name,
        date_from=date_from,
        date_to=date_to,
        title=str(entry["title_nl"]).strip(),
        description=" ".join(str(entry["description_nl"]).split()),
        place=str(entry["place"]),
        lat=lat,
        lon=lon,
        participants=tuple(entry.get("participants") or ()),
        source=str(entry["source"]).strip(),
        passages=tuple(passages),
    )


def _parse_date(value: Any, name: str, key: str, data_file: str) -> _dt.date:
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    try:
        return _dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise TimelineError(
            f"{data_file}, bij '{name}': {key} '{value}' is geen datum. Schrijf JJJJ-MM-DD, bijvoorbeeld 2019-02-27."
        ) from None


def _parse_bound(value: str | _dt.date, *, first: bool) -> _dt.date:
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    m = re.fullmatch(r"(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?", str(value).strip())
    if not m:
        raise ValueError(f"Schrijf een datum als 'JJJJ-MM-DD' of 'JJJJ-MM', bijvoorbeeld '2019-02' (niet {value!r}).")
    year = int(m.group(1))
    month = int(m.group(2) or (1 if first else 12))
    try:
        if m.group(3):
            return _dt.date(year, month, int(m.group(3)))
        if first:
            return _dt.date(year, month, 1)
        next_month = _dt.date(year + (month == 12), month % 12 + 1, 1)
    except ValueError:
        raise ValueError(f"De datum {value!r} bestaat niet. Kijk de maand en de dag na.") from None
    return next_month - _dt.timedelta(days=1)


__all__ = [
    "Event",
    "Passage",
    "PassageNotFoundError",
    "TimelineError",
    "load_timeline",
    "parse_timeline",
    "events_between",
    "find_events",
    "uncovered",
    "dutch_date_range",
]
