"""The loader: five articles, their months, paragraphs, headings and offsets."""

import datetime as dt
import hashlib
from pathlib import Path

import pytest

from dossier_lib import load_dossier
from dossier_lib.corpus import bundled_articles_folder

ROOT = Path(__file__).resolve().parent.parent

SEED_SHA256 = {
    "000_5bff698b618ae6eb.txt": "1b735170b57c3071ae2e20269308057d543c050762c7084da016c25c603daa73",
    "001_0ef1887bd7918559.txt": "07800df59e4ac5f1d325f99eb259ad5373e88dd591b177a3da7e905e6758bc60",
    "002_b434b5bde8cf898f.txt": "baa220c7b3f5c984adb9cd1d0f5c8479cab30f165ae2c31aeda60b3713ad7b01",
    "003_0b62c6decff88b81.txt": "e087cab4d346b1b467b6959be5d23bfd3429554383432cbd4047c89b8083a6c1",
    "004_ac6ae7ebca3249d4.txt": "63657d74df375d994cc1d648f38c3cabb3b10e8e0b3a521cc736e43580164d79",
}

# number -> (year, month, body paragraphs, sub-headings, headline, summary lines)
EXPECTED = {
    "000": (2019, 1, 7, ["Timing"], None, 0),
    "001": (2019, 4, 11, [], None, 0),
    "002": (2019, 2, 13, ["Nieuwe diplomatie blijkt riskant"], None, 0),
    "003": (2018, 5, 9, ["Vijandig", "Permanente vrede"], "Historische ontmoeting Trump en Kim", 3),
    "004": (2019, 3, 7, ["Gesprekken stukgelopen"], None, 0),
}


@pytest.fixture(scope="module")
def dossier():
    return load_dossier()


@pytest.mark.parametrize("name,digest", sorted(SEED_SHA256.items()))
def test_seed_files_are_byte_identical_to_the_originals(name, digest):
    assert hashlib.sha256((ROOT / "seeds" / name).read_bytes()).hexdigest() == digest


def test_bundled_folder_is_found():
    assert len(list(bundled_articles_folder().glob("*.txt"))) == 5


def test_five_articles_in_date_order(dossier):
    assert [a.number for a in dossier] == ["003", "000", "002", "004", "001"]
    assert [a.date for a in dossier] == sorted(a.date for a in dossier)


@pytest.mark.parametrize("number", sorted(EXPECTED))
def test_dates_paragraphs_and_headings(dossier, number):
    year, month, n_body, headings, headline, n_summary = EXPECTED[number]
    art = dossier[number]
    assert (art.year, art.month) == (year, month)
    assert art.date == dt.date(year, month, 1)
    assert len(art.body) == n_body
    assert art.headings == headings
    assert art.headline == headline
    assert len(art.summary_lines) == n_summary


def test_text_is_the_file_exactly(dossier):
    for art in dossier:
        assert art.text == art.path.read_text(encoding="utf-8")
        assert art.text.startswith(" date ")


def test_paragraph_offsets_point_into_the_text(dossier):
    for art in dossier:
        for p in art.paragraphs:
            assert art.text[p.start : p.end] == p.text
            assert p.text == p.text.strip() and p.text
        starts = [p.start for p in art.paragraphs]
        assert starts == sorted(starts)
        assert art.paragraphs[0].start == art.body_start


def test_first_paragraph_follows_the_date_on_the_same_line(dossier):
    art = dossier["000"]
    assert art.lede.startswith("Kim, die dinsdag zijn 35ste verjaardag vierde")
    assert art.text[: art.body_start] == " date 2019-01 "


def test_headline_and_summary_lines_of_003(dossier):
    art = dossier["003"]
    assert art.summary_lines == [
        "Ontmoeting zou oorspronkelijk op 12 juni plaatsvinden in Singapore",
        "Amerikaanse president blies top af vanwege 'vijandige' opstelling Noord-Korea",
        "Sindsdien vinden intensieve gesprekken plaats om top toch te laten doorgaan",
    ]
    assert art.lede.startswith("Woordvoerder Sara Sanders zei")


def test_lookup_by_id_number_and_position(dossier):
    assert dossier["002_b434b5bde8cf898f"] is dossier["002"]
    assert dossier[0].number == "003"
    assert "004" in dossier and "999" not in dossier
    with pytest.raises(KeyError, match="Geen artikel"):
        dossier["999"]


def test_between_filters_by_month(dossier):
    assert [a.number for a in dossier.between("2019-01", "2019-03")] == ["000", "002", "004"]
    assert [a.number for a in dossier.between(end="2018-12")] == ["003"]
    with pytest.raises(ValueError, match="JJJJ-MM"):
        dossier.between("februari")


def test_word_counts_are_plausible(dossier):
    counts = {a.number: a.word_count for a in dossier}
    assert all(350 < n < 800 for n in counts.values()), counts
    assert counts["002"] == max(counts.values())


def test_source_cards_are_honest_about_unknowns(dossier):
    for art in dossier:
        assert art.card is not None and art.card.title and art.card.summary
        assert art.card.outlet is None and art.card.author is None
        assert "onbekend" in art.card.note


def test_frame_has_one_row_per_article(dossier):
    frame = dossier.to_frame()
    assert list(frame["nummer"]) == ["003", "000", "002", "004", "001"]
    assert frame.loc["003_0b62c6decff88b81", "maand"] == "2018-05"
