"""The lesson content a teacher can edit (dossier_lib/data/lessen/*.yaml): every entry well-formed."""

import datetime as dt
import re

import pytest

from dossier_lib.data import DATA_DIR
from dossier_lib.lessons import inhoud

LESSON_FILES = sorted(p.name for p in (DATA_DIR / inhoud.FOLDER).glob("*.yaml"))


def test_there_is_one_file_per_lesson_that_has_content():
    assert LESSON_FILES == [
        "04_singapore.yaml",
        "06_hanoi.yaml",
        "09_vladivostok.yaml",
        "10_eindopdracht.yaml",
        "lesverloop.yaml",  # the run-down of every lesson, for the teacher guide (teacher.lesverloop)
    ]


@pytest.mark.parametrize("name", LESSON_FILES)
def test_every_file_reads_as_a_mapping_of_lists(name):
    data = inhoud.lesson_file(name)
    assert isinstance(data, dict) and data
    for key, items in data.items():
        assert isinstance(items, list) and items, (name, key)
        assert all(isinstance(i, dict) for i in items), (name, key)


def test_uncertainty_words_are_lowercase_unique_and_longest_first():
    from dossier_lib.lessons import singapore

    words = [w for w, _ in singapore.UNCERTAINTY_WORDS]
    assert all(w == w.lower() and w.strip() == w for w in words)
    assert len(words) == len(set(words))
    for i, short in enumerate(words):
        for long in words[i + 1 :]:  # a phrase that contains an earlier word must come before it
            assert not re.search(rf"(?<!\w){re.escape(short)}(?!\w)", long), (long, short)
    assert {"hoopt", "verwachten"} <= set(words)  # article 001, the vooruitblik, uses them (findings 3.B 04)
    assert all(kind for _, kind in singapore.UNCERTAINTY_WORDS)


def test_hanoi_statements_have_a_date_a_kind_and_a_dated_source():
    from dossier_lib.lessons import hanoi

    assert len(hanoi.STATEMENTS) >= 4
    for s in hanoi.STATEMENTS:
        assert isinstance(s.day, dt.date) and dt.date(2019, 2, 27) <= s.day <= dt.date(2019, 3, 31)
        assert s.kind in hanoi._KINDS and s.speaker and s.says
        assert re.search(r"\b2019\b", s.source), s.source
    assert [s.day for s in hanoi.STATEMENTS] == sorted(s.day for s in hanoi.STATEMENTS)
    assert all(label for label, _ in hanoi._KINDS.values())


def test_travel_is_keyed_by_known_places_and_sourced():
    from dossier_lib.annotate.kb import load_kb
    from dossier_lib.lessons import vladivostok

    kb = load_kb()
    for place, (how, source) in vladivostok.TRAVEL.items():
        assert kb.get(place) is not None and kb.get(place).type == "PLACE", place
        assert how and re.search(r"\b20(18|19)\b", source), place
        assert "wikipedia" not in source.lower()


def test_russia_evidence_quotes_are_in_article_001_and_checks_have_sources():
    from dossier_lib import load_dossier
    from dossier_lib.lessons import vladivostok

    text = load_dossier()["001"].text
    for claim, quote, check, sources in vladivostok.RUSSIA_EVIDENCE:
        assert claim and quote in text
        assert bool(check) == bool(sources), claim
    workers = next(e for e in vladivostok.RUSSIA_EVIDENCE if "50.000" in e[1])
    # the 50,000 is a figure to question, with what other sources said (findings 3.B 09)
    assert "37.000" in workers[2] and "11.000" in workers[2] and "China" in workers[2]
    deadline = next(e for e in vladivostok.RUSSIA_EVIDENCE if "uiterlijk november" in e[1])
    assert deadline[2] == ""  # students work out the 22 December 2019 deadline in exercise 5 themselves


def test_questions_to_choose_from():
    from dossier_lib.lessons import eindopdracht

    assert len(eindopdracht.VRAGEN) >= 3
    assert all(q.endswith("?") and words for q, words in eindopdracht.VRAGEN)


def test_a_broken_entry_gets_a_dutch_message_naming_file_list_entry_and_field(monkeypatch):
    import dossier_lib.data as data

    broken = {"vragen": [{"vraag": "Wie?", "zoekwoorden": "a"}, {"vraag": "Waarom?"}]}
    monkeypatch.setattr(data, "load_yaml", lambda name: broken)
    with pytest.raises(inhoud.LessonDataError) as info:
        inhoud.entries("10_eindopdracht.yaml", "vragen", required=("vraag", "zoekwoorden"))
    message = str(info.value)
    assert "10_eindopdracht.yaml" in message and "'vragen' nummer 2" in message and "zoekwoorden" in message
    broken["vragen"][1] = {"vraag": "Waarom?", "zoekwoorden": "b", "bronn": "x"}
    with pytest.raises(inhoud.LessonDataError, match="bronn"):
        inhoud.entries("10_eindopdracht.yaml", "vragen", required=("vraag", "zoekwoorden"))
    monkeypatch.setattr(data, "load_yaml", lambda name: {})
    with pytest.raises(inhoud.LessonDataError, match="lijst 'vragen:'"):
        inhoud.entries("10_eindopdracht.yaml", "vragen", required=("vraag",))


def test_a_missing_file_is_explained():
    with pytest.raises(inhoud.LessonDataError, match="bestaat niet"):
        inhoud.lesson_file("99_bestaat_niet.yaml")
