"""`python -m dossier_lib export KIND`: JSON Lines whose offsets point exactly into the articles."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from dossier_lib import load_dossier
from dossier_lib.annotate.export import ALL_KINDS

ROOT = Path(__file__).resolve().parent.parent

REQUIRED = {
    "entities": {"type", "id", "metonym"},
    "quotes": {"kind", "speaker", "content_start", "content_end", "cue_start", "cue_end"},
    "numbers": {"value", "unit"},
    "dates": {"date", "date_from", "date_to", "resolution"},
    "glossary": {"term_id"},
    "events": {"event", "date_from", "date_to"},
    "claims": {"claim", "relation", "claimant"},
}


def export(*args: str) -> list[dict]:
    proc = subprocess.run(
        [sys.executable, "-m", "dossier_lib", "export", *args], capture_output=True, text=True, cwd=ROOT
    )
    assert proc.returncode == 0, proc.stderr
    return [json.loads(line) for line in proc.stdout.splitlines()]


@pytest.fixture(scope="module")
def texts():
    return {a.file: a.text for a in load_dossier()}


@pytest.fixture(scope="module")
def everything():
    return export("all")


def test_every_kind_is_exported_with_its_fields(everything):
    kinds = {r["annotation"] for r in everything}
    assert kinds == set(ALL_KINDS)
    for record in everything:
        assert {"file", "start", "end", "text"} <= record.keys()
        assert REQUIRED[record["annotation"]] <= record.keys(), record


def test_offsets_point_exactly_into_the_article_text(everything, texts):
    for r in everything:
        assert texts[r["file"]][r["start"] : r["end"]] == r["text"], r


def test_quote_content_and_cue_offsets(everything, texts):
    quotes = [r for r in everything if r["annotation"] == "quotes"]
    assert len(quotes) == 22
    for q in quotes:
        text = texts[q["file"]]
        assert q["start"] <= q["content_start"] <= q["content_end"] <= q["end"]
        if q["cue_start"] is not None:
            assert text[q["cue_start"] : q["cue_end"]].strip()


def test_single_kind_matches_the_python_objects():
    records = export("entities")
    art = load_dossier()["004"]
    mine = [r for r in records if r["file"] == art.file]
    assert [(r["start"], r["id"]) for r in mine] == [(e.start, e.id) for e in art.annotations.entities]
    putin = [r for r in records if r["text"] == "Poetin"]
    assert putin and all(r["id"] == "vladimir-putin" and r["type"] == "PERSON" for r in putin)


def test_dates_are_iso_strings():
    dates = export("dates")
    tuesday = [d for d in dates if d["file"].startswith("000") and d["text"] == "dinsdag"]
    assert tuesday[0]["date"] == "2019-01-08"


def test_export_with_a_teachers_folder(tmp_path):
    (tmp_path / "extra.txt").write_text(
        " date 2019-06 Trump en Kim ontmoetten elkaar in Panmunjom, zei Poetin volgens het Kremlin. "
        + "Dat is een lange zin met genoeg woorden om als artikel te tellen voor de controle. " * 3,
        encoding="utf-8",
    )
    records = export("entities", "--articles", str(tmp_path))
    assert any(r["file"] == "extra.txt" and r["id"] == "vladimir-putin" for r in records)


def test_export_of_a_broken_folder_names_the_problem(tmp_path):
    (tmp_path / "leeg.txt").write_text("")
    proc = subprocess.run(
        [sys.executable, "-m", "dossier_lib", "export", "entities", "--articles", str(tmp_path)],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert proc.returncode == 1
    assert "leeg.txt:1:" in proc.stderr and "Traceback" not in proc.stderr


def test_dossier_table_per_kind():
    frame = load_dossier().table("numbers")
    assert {"article", "start", "end", "text", "value", "unit"} <= set(frame.columns)
    assert frame.loc[frame["text"] == "50.000", "value"].item() == 50000
