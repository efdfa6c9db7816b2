"""The curated timeline: checked dates, places, sources and exact passages in the articles."""

import copy
import datetime as dt

import pytest

from dossier_lib import load_dossier
from dossier_lib.annotate.passages import PassageNotFoundError, resolve
from dossier_lib.annotate.timeline import (
    TimelineError,
    dutch_date_range,
    events_between,
    find_events,
    load_timeline,
    parse_timeline,
    uncovered,
)
from dossier_lib.data import load_yaml


@pytest.fixture(scope="module")
def dossier():
    return load_dossier()


@pytest.fixture(scope="module")
def events(dossier):
    return load_timeline(dossier)


def by_id(events):
    return {e.id: e for e in events}


def test_at_least_25_events_sorted_by_date(events):
    assert len(events) >= 25
    keys = [(e.date_from, e.date_to) for e in events]
    assert keys == sorted(keys)
    assert len({e.id for e in events}) == len(events)


def test_range_runs_from_new_year_2018_to_end_of_2019(events):
    ids = by_id(events)
    assert ids["new-year-speech-2018"].date_from == dt.date(2018, 1, 1)
    assert all(e.date_to <= dt.date(2019, 12, 31) for e in events)
    # Only background before 2018: the Hwasong-15 test that article 004 mentions.
    assert [e.id for e in events if e.date_from < dt.date(2018, 1, 1)] == ["hwasong-15-test"]


def test_every_event_has_dates_place_coordinates_source(events):
    for e in events:
        assert isinstance(e.date_from, dt.date) and isinstance(e.date_to, dt.date)
        assert e.date_to >= e.date_from, e.id
        assert e.place and -90 <= e.lat <= 90 and -180 <= e.lon <= 180, e.id
        assert len(e.source) > 10, e.id
        assert e.title and e.description, e.id


@pytest.mark.parametrize(
    "event_id, start, end, place",
    [
        ("singapore-summit", "2018-06-12", "2018-06-12", "singapore"),
        ("hanoi-summit", "2019-02-27", "2019-02-28", "hanoi"),
        ("vladivostok-summit", "2019-04-25", "2019-04-25", "vladivostok"),
        ("dmz-meeting", "2019-06-30", "2019-06-30", "panmunjom"),
        ("inter-korean-summit-april-2018", "2018-04-27", "2018-04-27", "panmunjom"),
        ("inter-korean-summit-may-2018", "2018-05-26", "2018-05-26", "panmunjom"),
        ("inter-korean-summit-september-2018", "2018-09-18", "2018-09-20", "pyongyang"),
        ("trump-cancels-summit", "2018-05-24", "2018-05-24", "washington"),
        ("choe-press-conference", "2019-03-15", "2019-03-15", "pyongyang"),
        ("stockholm-talks", "2019-10-05", "2019-10-05", "stockholm"),
        ("kim-china-visit-1", "2018-03-25", "2018-03-28", "beijing"),
        ("kim-china-visit-2", "2018-05-07", "2018-05-08", "dalian"),
        ("kim-china-visit-3", "2018-06-19", "2018-06-20", "beijing"),
        ("kim-china-visit-4", "2019-01-07", "2019-01-10", "beijing"),
        ("hwasong-15-test", "2017-11-29", "2017-11-29", "pyongsong"),
    ],
)
def test_key_dates_are_pinned(events, event_id, start, end, place):
    e = by_id(events)[event_id]
    assert (e.date_from.isoformat(), e.date_to.isoformat(), e.place) == (start, end, place)


def test_every_passage_points_at_its_exact_quote(dossier, events):
    raw = {e["id"]: e for e in load_yaml("timeline.yaml")["events"]}
    for e in events:
        quotes = sorted(p["quote"] for p in raw[e.id]["passages"])
        assert sorted(p.text for p in e.passages) == quotes
        for p in e.passages:
            article = dossier[p.article_id]
            assert article.text[p.start : p.end] == p.text
            assert p.start >= article.body_start


def test_covered_and_uncovered_events(events):
    ids = by_id(events)
    assert ids["hanoi-summit"].covered
    assert not ids["dmz-meeting"].covered
    assert not ids["stockholm-talks"].covered
    missing = uncovered(events)
    assert len(missing) >= 8
    assert all(not e.passages for e in missing)


def test_find_events_per_article(dossier, events):
    found = [e.id for e in find_events(dossier["003"], events)]
    assert "trump-cancels-summit" in found and "kim-yong-chol-new-york" in found
    assert "hanoi-summit" not in found
    assert [e.id for e in find_events(dossier["002"], events)] == ["hanoi-summit"]
    vlad = find_events(dossier["001"], events)
    assert "vladivostok-summit" in [e.id for e in vlad]
    # in text order: the first passage of each event comes later than the one before
    starts = [min(p.start for p in e.passages_in(dossier["001"])) for e in vlad]
    assert starts == sorted(starts)


def test_events_between_months_and_days(events):
    assert [e.id for e in events_between("2019-02", "2019-02", events)] == ["hanoi-summit"]
    june_2019 = {e.id for e in events_between("2019-06-01", "2019-06-30", events)}
    assert june_2019 == {"xi-visits-pyongyang", "dmz-meeting"}
    # an event that runs over the start of the period still counts
    assert "winter-olympics-2018" in {e.id for e in events_between("2018-02-20", "2018-03-01", events)}
    with pytest.raises(ValueError, match="begindatum"):
        events_between("2019-03", "2019-01", events)
    with pytest.raises(ValueError, match="JJJJ-MM"):
        events_between("maart", None, events)


def test_dutch_date_labels():
    assert dutch_date_range(dt.date(2018, 6, 12), dt.date(2018, 6, 12)) == "12 juni 2018"
    assert dutch_date_range(dt.date(2019, 2, 27), dt.date(2019, 2, 28)) == "27–28 februari 2019"
    assert dutch_date_range(dt.date(2018, 5, 30), dt.date(2018, 6, 1)) == "30 mei – 1 juni 2018"


def test_broken_quote_gives_dutch_error_with_file_and_event(dossier):
    raw = copy.deepcopy(load_yaml("timeline.yaml"))
    hanoi = next(e for e in raw["events"] if e["id"] == "hanoi-summit")
    hanoi["passages"].append({"article": "002", "quote": "Ze wilden dat alle sancties werden opgeheven"})
    with pytest.raises(PassageNotFoundError) as info:
        parse_timeline(raw, dossier, data_file="timeline.yaml")
    message = str(info.value)
    assert "timeline.yaml" in message and "hanoi-summit" in message
    assert "staat niet in artikel 002" in message and "kopieer" in message


def test_straight_quotes_hint(dossier):
    with pytest.raises(PassageNotFoundError, match="aanhalingstekens"):
        resolve(
            dossier["004"],
            'De leider zou verrast zijn door de "vijandige en wantrouwige" houding',
            data_file="claims.yaml",
            entry_id="x",
        )


def test_unknown_article_and_bad_dates_are_explained(dossier):
    raw = copy.deepcopy(load_yaml("timeline.yaml"))
    raw["events"][0]["passages"] = [{"article": "042", "quote": "iets"}]
    with pytest.raises(PassageNotFoundError, match="artikel '042' bestaat niet"):
        parse_timeline(raw, dossier)

    raw = copy.deepcopy(load_yaml("timeline.yaml"))
    raw["events"][0]["date_to"] = dt.date(2017, 1, 1)
    with pytest.raises(TimelineError, match="vóór date_from"):
        parse_timeline(raw, dossier)

    raw = copy.deepcopy(load_yaml("timeline.yaml"))
    raw["events"][0]["date_from"] = "29 november"
    with pytest.raises(TimelineError, match="JJJJ-MM-DD"):
        parse_timeline(raw, dossier)


def test_dossier_without_bundled_articles_has_no_passages(tmp_path):
    from dossier_lib.corpus import Dossier

    events = load_timeline(Dossier([]))
    assert len(events) >= 25
    assert not any(e.covered for e in events)


#: What the lessons teach students not to rely on: encyclopedias, copy sites and aggregators.
WEAK_SOURCES = ("wikipedia", "owiki", "cryer.org", "epochtimes", "wefornews", "newsbroadcastnetwork", "38northref")


def test_every_source_is_an_identifiable_report_with_a_date(events):
    import re

    for e in events:
        low = e.source.lower()
        assert not any(w in low for w in WEAK_SOURCES), (e.id, e.source)
        assert re.search(r"\b(19|20)\d\d\b", e.source), e.id  # the report's date, at least its year


def test_panmunjom_talks_of_may_2018_end_on_wednesday_30_may(events):
    e = by_id(events)["us-delegation-panmunjom"]
    assert (e.date_from, e.date_to) == (dt.date(2018, 5, 27), dt.date(2018, 5, 30))
    assert e.date_to.weekday() == 2  # a Wednesday, as UPI reported


def test_first_meeting_wording_says_sitting_president(events):
    for e in events:
        if "Voor het eerst ontmoet" in e.description or "Nog nooit" in e.description:
            assert "zittende" in e.description, e.id
    may4 = by_id(events)["missile-test-may-4-2019"].description
    assert "grote wapentest" not in may4 and "17 april" in may4
