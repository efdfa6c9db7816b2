"""The progress file: recorded by check() and hint(), atomic, and never a crash on a damaged file."""

from __future__ import annotations

import importlib
import json
import os

import pytest

from dossier_lib.exercises import check, hint, progress, reset_hints, set_progress_file

P = importlib.import_module("dossier_lib.exercises.progress")  # the module; `progress` is also a function


@pytest.fixture
def store(tmp_path):
    path = tmp_path / ".voortgang.json"
    set_progress_file(path)
    reset_hints()
    P._warned.clear()
    yield path
    set_progress_file(None)
    reset_hints()


def test_check_records_attempts_results_and_hints(store):
    check("01.bronnen-tellen", 4)
    check("01.bronnen-tellen", ...)  # not answered yet: no attempt
    check("01.bronnen-tellen", 5)
    hint("01.bronnen-tellen")
    entry = json.loads(store.read_text(encoding="utf-8"))["exercises"]["01.bronnen-tellen"]
    assert entry["attempts"] == 2 and entry["done"] is True and entry["correct"] is True
    assert entry["hints"] == 1 and entry["last_answer"] == "5"


def test_progress_table_for_one_lesson(store):
    check("06.hanoi-keuze", "a")
    check("06.hanoi-keuze", "b")
    hint("06.bewijs-sancties")
    table = progress("06")
    assert list(table.columns) == ["gedaan", "goed", "pogingen", "hints"]
    assert table.index.name == "opdracht"
    assert {"06.hanoi-keuze", "06.bewijs-sancties"} <= set(table.index)
    assert all(i.startswith("06.") for i in table.index)  # lessons may register more exercises
    assert table.loc["06.hanoi-keuze"].tolist() == ["ja", "ja", 2, 0]
    assert table.loc["06.bewijs-sancties"].tolist() == ["nee", "-", 0, 1]
    assert len(progress(6)) == len(table)
    assert len(progress()) >= 9  # every known exercise
    assert "<table" in progress("06")._repr_html_()


def test_default_path_is_next_to_the_notebook(tmp_path, monkeypatch):
    set_progress_file(None)
    monkeypatch.delenv(P.ENV_VAR, raising=False)
    monkeypatch.chdir(tmp_path)
    assert P.progress_file() == tmp_path / ".voortgang.json"
    monkeypatch.setenv(P.ENV_VAR, str(tmp_path / "elders.json"))
    assert P.progress_file() == tmp_path / "elders.json"


@pytest.mark.parametrize(
    "content",
    [
        '{"exercises": {"01.bronnen-tellen": {"attempts": 2',
        "niet eens json",
        "[1, 2, 3]",
        '{"exercises": []}',
        '{"exercises": {"x": 5}}',
        b"\xff\xfe\x00",
    ],
)
def test_damaged_or_half_written_file_is_put_aside(store, capsys, content):
    if isinstance(content, bytes):
        store.write_bytes(content)
    else:
        store.write_text(content, encoding="utf-8")
    fb = check("01.bronnen-tellen", 5)
    assert fb.correct is True
    out = capsys.readouterr().out
    assert "beschadigd" in out and "nieuw overzicht" in out
    backups = list(store.parent.glob(".voortgang.kapot-*.json"))
    assert len(backups) == 1
    assert backups[0].read_bytes() == (content if isinstance(content, bytes) else content.encode())
    data = json.loads(store.read_text(encoding="utf-8"))
    assert data["exercises"]["01.bronnen-tellen"]["attempts"] == 1


def test_wrong_field_types_inside_an_entry_are_repaired(store):
    store.write_text(json.dumps({"exercises": {"01.bronnen-tellen": {"attempts": "veel", "hints": None}}}))
    check("01.bronnen-tellen", 5)
    entry = json.loads(store.read_text())["exercises"]["01.bronnen-tellen"]
    assert entry["attempts"] == 1 and entry["hints"] == 0


def test_a_kernel_dying_mid_write_leaves_the_old_file(store, monkeypatch):
    check("01.bronnen-tellen", 5)
    before = store.read_bytes()

    def die(*args, **kwargs):
        raise KeyboardInterrupt  # the kernel is stopped between writing and renaming

    monkeypatch.setattr(P.os, "replace", die)
    with pytest.raises(KeyboardInterrupt):
        P.save({"version": 1, "exercises": {}}, store)
    monkeypatch.undo()
    assert store.read_bytes() == before
    assert not [p for p in store.parent.iterdir() if p.name.endswith(".tmp")]  # the temp file is cleaned up
    assert P.load(store)["exercises"]["01.bronnen-tellen"]["correct"] is True


def test_leftover_temp_file_does_not_matter(store):
    check("01.bronnen-tellen", 5)
    (store.parent / ".voortgang.json.abc.tmp").write_text('{"exercises": {}}')  # from a crash
    assert P.load(store)["exercises"]["01.bronnen-tellen"]["attempts"] == 1


def test_unwritable_folder_does_not_stop_checking(tmp_path, capsys):
    blocker = tmp_path / "bestand"
    blocker.write_text("geen map")
    set_progress_file(blocker / ".voortgang.json")  # a folder that cannot be made
    P._warned.clear()
    try:
        assert check("01.bronnen-tellen", 5).correct is True
        assert "niet bewaard" in capsys.readouterr().out
    finally:
        set_progress_file(None)


def test_written_file_is_readable_by_others(store):
    check("01.bronnen-tellen", 5)
    assert store.stat().st_mode & 0o044  # not the 0600 of a bare temp file
    assert os.path.getsize(store) > 0
