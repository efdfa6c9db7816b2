"""Which curated timeline events a teacher's own article reports, and in which sentences.

The five bundled articles are linked to the timeline by hand (the quotes in
data/timeline.yaml). A teacher's article is linked by rules, so that "what the dossier
leaves out" also counts the teacher's articles. Every sentence is compared with every
event on four kinds of evidence:

- time: a day in the sentence falls in the event ("op 12 juni", "1 januari"), a month
  overlaps it ("In juni vorig jaar", "eind februari"), a weekday ("zondag") is one of the
  event's days within a week of the article's month, or (no time in the sentence) the
  article appeared in the event's month or the month after. A day or month in the
  sentence that does not fit the event rules the link out;
- place: the event's place in the sentence or its paragraph ("Panmunjom"), or its country
  in the sentence ("in Noord-Korea");
- people: the event's participants named in the sentence or the paragraph;
- topic: a word of the event's own title ("nieuwjaarstoespraak", "vierde" in "Kims vierde
  bezoek"), or a word for a meeting, visit, talk or test ("top", "bezocht", "raketten") of the
  same kind as the event (a "toespraak" is no evidence for a summit).

The more exact the time, the less else is needed (see `_fits`): a day plus one more kind;
a month plus place and people or topic; a weekday plus place and people or topic; the
article's month only with the place in the sentence and the topic or both leaders. When
one sentence fits several events, only the best-fitting ones are kept, and none when they rest
on a weekday that would be a different day for each ("donderdag" in a month with three events
on Thursdays). Each passage keeps
its reason in Dutch, so a student can check it.
"""

from __future__ import annotations

import datetime as dt
import re
import weakref
from dataclasses import dataclass

from ..nl import MONTHS, date_range_in_words, datum_in_woorden, singular
from .passages import Passage

#: What kind of happening each event word names; a word counts for an event of the same kind only
#: ("toespraak" for a speech, not for a summit; "top" and "ontmoeting" for a meeting).
_WORD_KINDS = {
    **dict.fromkeys(
        ("top", "topontmoeting", "ontmoeting", "ontmoet", "ontmoette", "ontmoetten", "handdruk"), "meeting"
    ),
    **dict.fromkeys(("bezoek", "bezocht", "bezoekt"), "visit"),
    **dict.fromkeys(("gesprek", "gesprekken", "overleg", "onderhandelingen"), "talks"),
    **dict.fromkeys(("toespraak", "persconferentie"), "statement"),
    **dict.fromkeys(("akkoord", "verklaring"), "agreement"),  # "de Verklaring van Pyongyang": a signed text
    **dict.fromkeys(
        (
            "raket",
            "raketten",
            "raketproef",
            "raketproeven",
            "test",
            "testte",
            "afgevuurd",
            "gelanceerd",
            "lancering",
            "lanceringen",
        ),
        "test",
    ),
}
#: Words that say a sentence is about a meeting, a visit, talks, a speech, an agreement or a test.
EVENT_WORDS = tuple(_WORD_KINDS)


def _kinds_of(words) -> set[str]:
    """The kinds of happening the words name ("top" -> meeting, "nieuwjaarstoespraak" -> statement).

    >>> sorted(_kinds_of({"de", "top", "nieuwjaarstoespraak"}))
    ['meeting', 'statement']
    """
    kinds = {_WORD_KINDS[w] for w in words if w in _WORD_KINDS}
    kinds |= {"statement" for w in words if w.endswith("toespraak")}
    kinds |= {"visit" for w in words if w.endswith("bezoek")}
    return kinds


def _event_kinds(event) -> set[str]:
    """The kinds of happening an event's title and description name: a summit is a meeting, and so on."""
    words = {w.lower() for w in _WORD.findall(f"{event.title} {event.description}")}
    words |= {singular(w) for w in words}
    kinds = _kinds_of(words)
    if "meeting" in kinds or "visit" in kinds:
        kinds |= {"meeting", "visit", "talks"}  # a summit or a visit has talks, and a visit is a meeting
    return kinds


_WORD = re.compile(r"\w+(?:-\w+)*")
_SENTENCE = re.compile(r"[^.!?]*(?:[.!?]+[”\"'’]?|$)")
#: Title words too common to say which event is meant.
_COMMON_TITLE_WORDS = frozenset("noord-korea zuid-korea amerikaanse gesprekken kernwapens kernproeven sancties".split())
#: "Kims vierde bezoek aan China": an ordinal in the title tells the visits apart.
_ORDINALS = frozenset("eerste tweede derde vierde vijfde".split())
_LINKS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


@dataclass(frozen=True)
class Link:
    """One sentence of an article that reports one event, and why we think so."""

    event_id: str
    passage: Passage
    points: int


def plain_events() -> list:
    """The curated events without any article passages (the rules add the teacher's)."""
    global _PLAIN
    if _PLAIN is None:
        from ..corpus import Dossier
        from ..data import load_yaml
        from .timeline import TIMELINE_FILE, parse_timeline

        _PLAIN = parse_timeline(load_yaml(TIMELINE_FILE), Dossier([]))
    return _PLAIN


_PLAIN: list | None = None


def article_links(article) -> list[Link]:
    """Every (sentence, event) pair of a teacher's article that the rules link, in text order.

    Empty for a bundled article: those are linked by hand in data/timeline.yaml.
    """
    if getattr(article, "bundled", False):
        return []
    try:
        return _LINKS[article]
    except (KeyError, TypeError):
        pass
    links = _link(article, plain_events())
    try:
        _LINKS[article] = links
    except TypeError:  # an object that cannot be weakly referenced: no cache
        pass
    return links


def _sentences(article) -> list[tuple[int, int, int]]:
    """(start, end, paragraph index) of every sentence in the article's body paragraphs and headlines."""
    out = []
    for p in article.paragraphs:
        for m in _SENTENCE.finditer(article.text, p.start, p.end):
            s, e = m.start(), m.end()
            while s < e and article.text[s].isspace():
                s += 1
            if e - s > 3:
                out.append((s, e, p.index))
    return out


def window(article) -> tuple[dt.date, dt.date]:
    """The days a weekday in the article can mean: its month, and the week before it."""
    first = dt.date(article.year, article.month, 1)
    nxt = dt.date(article.year + (article.month == 12), article.month % 12 + 1, 1)
    return first - dt.timedelta(days=7), nxt - dt.timedelta(days=1)


def event_days(event, lo: dt.date, hi: dt.date) -> list[dt.date]:
    days = []
    d = max(event.date_from, lo)
    while d <= min(event.date_to, hi):
        days.append(d)
        d += dt.timedelta(days=1)
    return days


def _months_between(a: dt.date, b: dt.date) -> int:
    return (b.year - a.year) * 12 + b.month - a.month


def _title_words(event, kb) -> set[str]:
    """Words of the event's title that name it: long words and ordinals, not names of people and places."""
    names = {a.lower() for e in kb for a in (*e.aliases, *e.demonyms, *e.short_names)}
    words = {x.lower() for x in _WORD.findall(event.title)}
    return {w for w in words if ((len(w) >= 8 and w not in _COMMON_TITLE_WORDS) or w in _ORDINALS) and w not in names}


def _link(article, events) -> list[Link]:
    from .dates import find_dates_in
    from .kb import kb_of

    kb = kb_of(article)
    text = article.text
    # a capital standing for its government ("verklaringen uit Pyongyang") says nothing about where it happened
    entities = [e for e in article.annotations.entities if e.id and not e.metonym]
    dates = find_dates_in(text, article.year, article.month, article.body_start)
    days_window = window(article)
    article_month = dt.date(article.year, article.month, 1)
    sentences = _sentences(article)
    in_article = {e.id for e in entities}
    by_paragraph: dict[int, set[str]] = {}
    for e in entities:
        p = article.paragraph_at(e.start)
        if p is not None:
            by_paragraph.setdefault(p.index, set()).add(e.id)
    month_end = days_window[1]
    links: list[Link] = []
    for s, e, para in sentences:
        found: list[Link] = []
        weekday_days: dict[str, str] = {}  # event id -> the day a weekday in the sentence would be
        named_events = _named_events(text, s, e, entities, events, month_end)
        in_sentence = {x.id for x in entities if s <= x.start < e}
        places_in_sentence = {x.id for x in entities if s <= x.start < e and x.type == "PLACE"}
        in_paragraph = by_paragraph.get(para, set())
        # a deadline ("uiterlijk in mei", "tot juni") bounds the time; it does not say when something happened
        exprs = [x for x in dates if s <= x.start < e and not x.text.lower().startswith(("uiterlijk", "tot "))]
        words = {w.lower() for w in _WORD.findall(text, s, e)}
        words |= {singular(w) for w in words}  # "raketproeven" also as "raketproef"
        for event in events:
            if event.id in named_events:  # "kort na de mislukte top in Hanoi": the event by name
                phrase = named_events[event.id]
                reason = f"Gekoppeld aan '{event.title}' ({date_range_in_words(event.date_from, event.date_to)}): '{phrase}' noemt deze gebeurtenis."
                found.append(Link(event.id, Passage(article.id, s, e, text[s:e], reason), 10))
                continue
            time, when = _time_points(event, exprs, days_window, article_month)
            if time <= 0:
                continue
            place_entry = kb.get(event.place) if event.place in kb else None
            country = place_entry.country if place_entry is not None else None
            place = 2 if event.place in in_sentence else 1 if event.place in in_paragraph else 0
            if not place and _title_places(event, kb) & places_in_sentence:
                place = 1  # "de top met Kim in Singapore afgeblazen" for "Trump blaast de top in Singapore af"
            in_country = bool(country and country in places_in_sentence)
            in_text = event.place in in_article
            named = set(event.participants) & in_sentence
            people = min(2, len(named)) if event.participants else 1
            if not named and set(event.participants) & in_paragraph:
                people = max(people, 1)
            title = _title_words(event, kb)
            topic = 2 if any(t in words or any(t in w for w in words) for t in title) else 0
            if not topic:
                topic = 1 if _kinds_of(words) & _event_kinds(event) else 0
            if not _fits(time, place, in_country, len(named), people, topic, in_text):
                continue
            points = max(place, int(in_country)) + people + time + topic
            reason = _reason(event, place, in_country, named, when, topic, kb)
            found.append(Link(event.id, Passage(article.id, s, e, text[s:e], reason), points))
            if time == 2:
                weekday_days[event.id] = when
        best = max((lk.points for lk in found), default=0)
        kept = [lk for lk in found if lk.points == best]
        if len({weekday_days.get(lk.event_id) for lk in kept}) > 1 and all(lk.event_id in weekday_days for lk in kept):
            # "landde donderdag bij Washington": that Thursday fits several events on different days,
            # so the sentence says nothing about which one it reports.
            kept = []
        links += kept
    return links


_NAMED_EVENT = re.compile(
    r"\b(?:top|topontmoeting|ontmoeting|gesprekken)\s+(?:(?:van|tussen)\s+[^.,;:!?]{0,60}?\s+)?(?:in|van)\s+",
    re.IGNORECASE,
)


def _title_places(event, kb) -> set[str]:
    """The places the event's title names ("Trump blaast de top in Singapore af" -> singapore)."""
    words = set(_WORD.findall(event.title))
    return {e.id for e in kb if e.type == "PLACE" and any(a in words for a in e.aliases)}


def _named_events(text: str, s: int, e: int, entities, events, month_end: dt.date) -> dict[str, str]:
    """Events a sentence names as "de top in Hanoi": the only earlier event at that place. id -> the words."""
    found = {}
    starts = {x.start: x for x in entities if x.type == "PLACE"}
    for m in _NAMED_EVENT.finditer(text, s, e):
        place = starts.get(m.end())
        if place is None:
            continue
        earlier = [ev for ev in events if ev.place == place.id and ev.date_from <= month_end]
        if len(earlier) == 1:
            found[earlier[0].id] = text[m.start() : place.end]
    return found


def _fits(time: int, place: int, in_country: bool, named: int, people: int, topic: int, in_text: bool = False) -> bool:
    """The rules of the module docstring: enough evidence of the right kinds.

    `in_text`: the event's place is named somewhere in the article ("De top is woensdag en
    donderdag" in an article about Hanoi).
    """
    if time == 4:  # a day (or a few days) in the sentence falls in the event
        return bool(place or in_country or named or topic)
    if time == 3:  # a month in the sentence overlaps the event
        return place == 2 or (place >= 1 and (named >= 1 or topic >= 1)) or named >= 2 or topic == 2
    if time == 2:  # a weekday that is one of the event's days
        return (
            (place >= 1 and (people >= 1 or topic >= 1))
            or (in_country and (named >= 1 or topic >= 1))
            or (topic == 2 and people >= 1)
            or (in_text and topic >= 1)
        )
    if time == 1 and topic == 2:  # the event's own word ("nieuwjaarstoespraak") in its time
        return place >= 1 or named >= 1
    if time == 1:  # the article's month, or the year of the event
        return place == 2 and (named >= 2 or topic >= 1)
    return False


def _time_points(event, exprs, window, article_month) -> tuple[int, str]:
    """Points for how well the times in a sentence fit the event, and the Dutch words for it."""
    best, when = 0, ""
    conflict = False
    for x in exprs:
        if x.resolution == "weekday-candidates":
            weekday = x.candidates[0].weekday()
            days = [d for d in event_days(event, *window) if d.weekday() == weekday]
            if days:
                if best < 2:
                    best, when = 2, f"'{x.text}' kan {datum_in_woorden(days[0])} zijn"
            else:
                conflict = conflict or not (event.date_from <= window[1] and event.date_to >= window[0])
            continue
        if x.date_from is None or x.date_to is None:
            continue
        span = (x.date_to - x.date_from).days
        overlaps = x.date_from <= event.date_to and x.date_to >= event.date_from
        if overlaps and span <= 62:
            points = 4 if span <= 7 else 3
            if points > best:
                best, when = points, f"'{x.text}' valt op {date_range_in_words(event.date_from, event.date_to)}"
        elif overlaps and span <= 366 and best < 1:
            best, when = 1, f"'{x.text}' is het jaar van de gebeurtenis"
        elif not overlaps and span <= 62:
            conflict = True
    if conflict and best < 4:
        return 0, ""
    if best == 0 and not exprs:
        gap = _months_between(event.date_from.replace(day=1), article_month)
        if 0 <= gap <= 1 or (gap < 0 and _months_between(article_month, event.date_from.replace(day=1)) == 0):
            best, when = (
                1,
                f"het artikel is van {MONTHS[article_month.month - 1]} {article_month.year}, vlak na of tijdens de gebeurtenis",
            )
    return best, when


def _reason(event, place, in_country, named, when, topic, kb) -> str:
    parts = []
    label = kb.get(event.place).label_nl if event.place in kb else event.place
    if place == 2:
        parts.append(f"plaats {label}")
    elif place:
        parts.append(f"plaats {label} (in dezelfde alinea, of genoemd in de titel van de gebeurtenis)")
    elif in_country:
        parts.append(f"het land van {label}")
    if named:
        parts.append("ook genoemd: " + ", ".join(kb.get(i).label_nl if i in kb else i for i in sorted(named)))
    if when:
        parts.append(when)
    if topic == 2:
        parts.append("een woord uit de titel van de gebeurtenis")
    return (
        f"Gekoppeld aan '{event.title}' ({date_range_in_words(event.date_from, event.date_to)}): "
        + "; ".join(parts)
        + "."
    )


def weekday_events(article) -> list[tuple[int, int, object]]:
    """(sentence start, sentence end, event) for every link, for pinning weekdays (dates.py)."""
    by_id = {e.id: e for e in plain_events()}
    return [(lk.passage.start, lk.passage.end, by_id[lk.event_id]) for lk in article_links(article)]


__all__ = ["EVENT_WORDS", "Link", "article_links", "plain_events", "weekday_events"]
