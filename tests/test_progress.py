"""Progress: per student, merged under a lock, never lost on a read error, apart for two students in one folder.

Each test works as "Test Leerling" with its own progress folder (see tests/conftest.py).
"""

from __future__ import annotations

import importlib
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from dossier_lib.exercises import check, hint, inleveren, nieuwe_leerling, set_student, voortgang

P = importlib.import_module("dossier_lib.exercises.progress")
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def store():
    P._warned.clear()
    return P.progress_file()


def _entries(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))["opdrachten"]


def test_check_records_the_answer_feedback_tries_and_hints(store):
    check("01.bronnen-tellen", 4)
    check("01.bronnen-tellen", ...)  # not answered yet: no try
    check("01.bronnen-tellen", 5)
    hint("01.bronnen-tellen")
    entry = _entries(store)["01.bronnen-tellen"]
    assert entry["pogingen"] == 2 and entry["status"] == "goed" and entry["hints"] == 1
    assert entry["antwoord"] == 5 and entry["antwoord_tekst"] == "5" and "klopt" in entry["feedback"]
    assert store.name == "test-leerling.json"


def test_raw_answers_are_kept_as_json_for_the_gradebook(store):
    import datetime as dt

    import numpy as np

    check("06.choe-datum", dt.date(2019, 3, 15))
    check("01.bronnen-tellen", np.int64(5))
    check("04.namen-new-york", [("Trump", "persoon")])
    entries = _entries(store)
    assert entries["06.choe-datum"]["antwoord"] == "2019-03-15"
    assert entries["01.bronnen-tellen"]["antwoord"] == 5
    assert entries["04.namen-new-york"]["antwoord"] == [["Trump", "persoon"]]


def test_progress_table_in_lesson_order(store):
    check("06.hanoi-keuze", "a")
    check("06.hanoi-keuze", "b")
    hint("06.bewijs-trump")
    table = voortgang("06").table
    assert table["opdracht"].tolist()[:3] == ["Opdracht 1", "Opdracht 2", "Opdracht 3"]
    assert table["opdracht"].tolist()[-1] == "Even nadenken"
    row = table.set_index("id").loc["06.hanoi-keuze"]
    assert (row["resultaat"], row["pogingen"], row["hints"]) == ("goed", 2, 0)
    assert table.set_index("id").loc["06.bewijs-trump", "hints"] == 1
    assert "06.bewijs-sancties" not in set(table["id"])  # the worked example is not the student's work
    assert "1 van de 5 opdrachten goed" in repr(voortgang("06"))
    assert "<table" in voortgang(6)._repr_html_()
    assert "ken ik niet" in voortgang("42").text


@pytest.mark.parametrize(
    "content",
    [
        '{"opdrachten": {"01.bronnen-tellen": {"pogingen": 2',
        "niet eens json",
        "[1, 2, 3]",
        '{"opdrachten": []}',
        '{"opdrachten": {"x": 5}}',
        b"\xff\xfe\x00",
    ],
)
def test_damaged_file_is_put_aside_and_kept(store, capsys, content):
    store.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        store.write_bytes(content)
    else:
        store.write_text(content, encoding="utf-8")
    assert check("01.bronnen-tellen", 5).correct is True
    out = capsys.readouterr().out
    assert "beschadigd" in out and "blijft bewaard" in out
    backups = list(store.parent.glob("test-leerling.kapot-*.json"))
    assert len(backups) == 1
    assert backups[0].read_bytes() == (content if isinstance(content, bytes) else content.encode())
    assert _entries(store)["01.bronnen-tellen"]["pogingen"] == 1


@pytest.mark.skipif(os.geteuid() == 0 if hasattr(os, "geteuid") else True, reason="root can read any file")
def test_a_file_that_cannot_be_read_is_never_replaced(store, capsys):
    check("01.bronnen-tellen", 5)
    check("06.reflectie", "Een lange reflectie die nooit verloren mag gaan, ook niet als de schijf hapert.")
    before = store.read_bytes()
    store.chmod(0)
    try:
        assert check("06.hanoi-keuze", "b").correct is True  # checking goes on
        assert "er gaat niets verloren" in capsys.readouterr().out
    finally:
        store.chmod(0o644)
    assert store.read_bytes() == before  # nothing was overwritten
    check("06.choe-datum", "2019-03-15")  # readable again: what waited is written too
    entries = _entries(store)
    assert {"01.bronnen-tellen", "06.reflectie", "06.hanoi-keuze", "06.choe-datum"} <= set(entries)


def test_a_read_error_keeps_every_earlier_entry(store, monkeypatch, capsys):
    """Like EIO/ESTALE on a network drive: reading fails, nothing may be replaced by a near-empty file."""
    check("01.bronnen-tellen", 5)
    check("06.reflectie", "Mijn reflectie van vijfentwintig woorden of meer, die bewaard moet blijven.")
    before = store.read_bytes()
    real = Path.read_bytes

    def failing(self):
        if self == store:
            raise OSError(5, "Input/output error")
        return real(self)

    with monkeypatch.context() as patched:
        patched.setattr(Path, "read_bytes", failing)
        assert check("06.hanoi-keuze", "b").correct is True
    assert store.read_bytes() == before
    assert "er gaat niets verloren" in capsys.readouterr().out
    check("06.soort-verschil", "b")
    assert {"01.bronnen-tellen", "06.reflectie", "06.hanoi-keuze", "06.soort-verschil"} <= set(_entries(store))


def test_a_kernel_dying_mid_write_leaves_the_old_file(store, monkeypatch):
    check("01.bronnen-tellen", 5)
    before = store.read_bytes()

    def die(*args, **kwargs):
        raise KeyboardInterrupt  # the kernel is stopped between writing and renaming

    with monkeypatch.context() as patched, pytest.raises(KeyboardInterrupt):
        patched.setattr(P.os, "replace", die)
        P.atomic_write_text(store, "{}")
    assert store.read_bytes() == before
    assert not [p for p in store.parent.iterdir() if p.name.endswith(".tmp")]


def test_unwritable_folder_does_not_stop_checking(tmp_path, monkeypatch, capsys):
    blocker = tmp_path / "bestand"
    blocker.write_text("geen map")
    monkeypatch.setenv("DOSSIER_VOORTGANG", str(blocker / "voortgang"))  # a folder that cannot be made
    P._warned.clear()
    assert check("01.bronnen-tellen", 5).correct is True
    assert "niet bewaard" in capsys.readouterr().out


WRITER = textwrap.dedent(
    """
    import sys
    from dossier_lib.exercises import check, hint
    kernel, count = sys.argv[1], int(sys.argv[2])
    for i in range(count):
        check(f"0{kernel}.bewijs-trump" if kernel == "6" else "01.bronnen-tellen", i)
        hint("06.hanoi-keuze" if kernel == "6" else "01.langste-artikel")
    """
)


def test_two_kernels_writing_at_full_speed_lose_nothing(store, tmp_path):
    """Two lessons run at once (Run All in two tabs): 200 updates each, all recorded."""
    env = {**os.environ}
    procs = [
        subprocess.Popen([sys.executable, "-c", WRITER, kernel, "100"], env=env, cwd=tmp_path) for kernel in ("6", "1")
    ]
    assert [p.wait(timeout=120) for p in procs] == [0, 0]
    entries = _entries(store)
    assert entries["06.bewijs-trump"]["pogingen"] == 100  # 100 checks + 100 hints = 200 updates per kernel
    assert entries["01.bronnen-tellen"]["pogingen"] == 100
    assert entries["06.hanoi-keuze"]["hints"] == 2 and entries["01.langste-artikel"]["hints"] == 2  # the last hint


def test_two_students_in_one_folder_stay_apart(tmp_path, monkeypatch):
    """A shared PC: Sanne works, then Ahmed types his own name in the same folder."""
    monkeypatch.delenv("DOSSIER_LEERLING")
    monkeypatch.chdir(tmp_path)
    set_student("Sanne de Vries")
    check("06.hanoi-keuze", "b")
    check("06.reflectie", "Sanne schrijft haar eigen reflectie over de krant en wat die had kunnen doen.")
    set_student("Ahmed")
    check("06.hanoi-keuze", "a")
    handed = inleveren(les="06")
    assert handed.ok and handed.data["leerling"]["naam"] == "Ahmed"
    rows = {r["id"]: r for r in handed.data["opdrachten"]}
    assert rows["06.hanoi-keuze"]["status"] == "fout"
    assert rows["06.reflectie"]["status"] == "niet beantwoord"  # Sanne's reflection is not Ahmed's
    assert "Sanne" not in handed.html_path.read_text(encoding="utf-8")
    set_student("Sanne de Vries")
    assert {r["id"]: r for r in inleveren(les="06").data["opdrachten"]}["06.hanoi-keuze"]["status"] == "goed"


def test_answers_before_a_name_are_kept_and_written_when_the_name_comes(tmp_path, monkeypatch, capsys):
    monkeypatch.delenv("DOSSIER_LEERLING")
    monkeypatch.chdir(tmp_path)
    P._warned.clear()
    check("06.hanoi-keuze", "b")
    assert "vul eerst bovenaan de les je naam in" in capsys.readouterr().out
    assert not inleveren(les="06").ok
    set_student("Noor")
    assert _entries(P.progress_file())["06.hanoi-keuze"]["status"] == "goed"


def test_a_teacher_starts_afresh_for_a_new_student(tmp_path, monkeypatch):
    monkeypatch.delenv("DOSSIER_LEERLING")
    monkeypatch.chdir(tmp_path)
    set_student("Sanne")
    check("06.hanoi-keuze", "b")
    message = nieuwe_leerling()
    assert "Sanne" in message and "blijft bewaard" in message
    assert P.progress_file() is None  # nobody works now
    assert (tmp_path / "voortgang").exists() or Path(os.environ["DOSSIER_VOORTGANG"]).exists()


def test_on_a_hub_the_login_is_the_student(monkeypatch):
    monkeypatch.setenv("JUPYTERHUB_USER", "s123456")
    check("06.hanoi-keuze", "b")
    assert P.progress_file().name == "s123456.json"
    assert set_student("Iemand Anders").name == "s123456"  # the name cannot be changed on a hub


def test_presenting_stores_nothing(monkeypatch, store):
    monkeypatch.setenv("DOSSIER_PRESENTEREN", "1")
    check("06.hanoi-keuze", "b")
    assert not store.exists()
    assert not inleveren(les="06").ok


def test_an_extra_exercise_is_marked_and_not_counted_in_the_progress_line(store):
    check("07.aldus-tellen", 3)
    progress = voortgang("07")
    row = progress.table.set_index("id").loc["07.aldus-tellen"]
    assert row["opdracht"].endswith("(extra)") and row["resultaat"] == "goed"
    assert "0 van de 4 opdrachten goed" in progress.title and "(extra) mag leeg blijven" in progress.title
