"""Lesson 07 helpers: the quote table, the vague-source table and the lesson's exercises."""

from __future__ import annotations

import pytest

from dossier_lib import load_dossier
from dossier_lib.exercises import check
from dossier_lib.lessons import wie_zegt_wat


@pytest.fixture(scope="module")
def dossier():
    return load_dossier()


def test_quotes_table_lists_every_quote_with_a_speaker_or_none(dossier):
    table = wie_zegt_wat.quotes_table(dossier)
    assert list(table.columns) == ["artikel", "citaat", "soort", "spreker", "signaalwoorden"]
    assert len(table) == 22
    walk_away = table[table["citaat"].str.startswith("Je moet altijd bereid")]
    assert walk_away["spreker"].tolist() == ["Donald Trump"]
    assert walk_away["signaalwoorden"].tolist() == ["—"]
    normaal = table[table["citaat"] == "normaal"].iloc[0]
    assert (normaal["soort"], normaal["spreker"]) == ("woord tussen aanhalingstekens", "(niemand)")
    assert "Sara Sanders zei" in table["signaalwoorden"].tolist()


def test_quotes_table_of_one_article_and_shortened_quotes(dossier):
    table = wie_zegt_wat.quotes_table(dossier["002"], width=30)
    assert set(table["artikel"]) == {"002"}
    assert len(table) == 6
    assert all(len(q) <= 30 for q in table["citaat"])
    assert any(q.endswith("…") for q in table["citaat"])


def test_kim_is_quoted_with_two_words_only(dossier):
    table = wie_zegt_wat.quotes_table(dossier)
    assert table[table["spreker"] == "Kim Jong-un"]["citaat"].tolist() == ["ernstige slag"]


def test_vague_sources_finds_the_sources_without_a_name(dossier):
    table = wie_zegt_wat.vague_sources(dossier)
    found = set(zip(table["artikel"], table["woorden"]))
    assert ("000", "Een Zuid-Koreaanse krant berichtte") in found
    assert ("002", "circuleerden er berichten") in found
    assert ("004", "Deskundigen") in found
    assert ("003", "Verwacht wordt") in found
    row = table[table["woorden"] == "Deskundigen"].iloc[0]
    assert row["zin"].startswith("Deskundigen waren voorafgaand aan de top al sceptisch")
    # in dossier (date) order: 003 (May 2018) comes first
    assert table["artikel"].iloc[0] == "003"


@pytest.mark.parametrize(
    "exercise, answer, status",
    [
        ("07.wie-weglopen", "Donald Trump", "goed"),
        ("07.wie-weglopen", "trump", "goed"),
        ("07.wie-weglopen", "Kim Jong-un", "fout"),
        ("07.aldus-tellen", 3, "goed"),
        ("07.aldus-tellen", "drie", "goed"),
        ("07.aldus-tellen", 2, "fout"),
        ("07.nooit-geciteerd", "d", "goed"),
        ("07.nooit-geciteerd", "c", "fout"),
        ("07.bron-zonder-naam", 2, "goed"),
        ("07.bron-zonder-naam", "Een Zuid-Koreaanse krant berichtte onlangs", "goed"),
        ("07.bron-zonder-naam", 5, "fout"),
        ("07.normaal-tussen-tekens", "b", "goed"),
        ("07.normaal-tussen-tekens", "a", "fout"),
        ("07.wie-weglopen", ..., "leeg"),
    ],
)
def test_lesson_07_exercises(exercise, answer, status, tmp_path, monkeypatch):
    monkeypatch.setenv("DOSSIER_VOORTGANG", str(tmp_path / "v.json"))
    assert check(exercise, answer).status == status


def test_predictable_mistake_gets_a_targeted_hint(tmp_path, monkeypatch):
    monkeypatch.setenv("DOSSIER_VOORTGANG", str(tmp_path / "v.json"))
    assert "Amerikaanse president" in check("07.wie-weglopen", "Kim Jong-un").hint
    assert "Zhao Tong" in check("07.nooit-geciteerd", "c").hint


def test_count_of_aldus_matches_the_articles(dossier):
    from dossier_lib.analysis import concordance_lines

    assert len(concordance_lines(dossier, "aldus")) == 3


def test_tables_show_whole_quotes_in_jupyter(dossier):
    html = wie_zegt_wat.quotes_table(dossier)._repr_html_()
    assert "De Amerikaanse delegatie onder leiding van ambassadeur Sung Kim heeft…" in html
    assert "Deskundigen waren voorafgaand aan de top al sceptisch" in wie_zegt_wat.vague_sources(dossier)._repr_html_()


def test_quotes_table_warns_that_speakers_in_own_articles_were_found_by_rules(tmp_path):
    from dossier_lib.corpus import load_dossier as load

    (tmp_path / "eigen.txt").write_text(
        "date 2019-02\n\nDonald Trump verliet de top in Hanoi eerder dan gepland. De gesprekken met Kim Jong-un "
        "liepen vast op de sancties. „Soms moet je gewoon weglopen”, zei hij na afloop tegen journalisten in de "
        "Vietnamese hoofdstad.\n",
        encoding="utf-8",
    )
    mixed = load(tmp_path)
    assert "regels" in (wie_zegt_wat.quotes_table(mixed).note or "")
    assert getattr(wie_zegt_wat.quotes_table(load_dossier()), "note", None) is None
