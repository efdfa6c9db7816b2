"""`make present`: the class sees the student version without answers, nothing is stored, nothing is downloaded."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

from dossier_lib.present import HIDDEN_TAGS, find_lesson, prepare, presentation, voila_command, voila_environment

ROOT = Path(__file__).resolve().parent.parent


def test_find_lesson_by_number_or_name(tmp_path):
    for name in ("01_kennismaking.ipynb", "06_hanoi.ipynb", "10_eindopdracht.ipynb"):
        (tmp_path / name).write_text("{}")
    assert find_lesson("6", tmp_path).name == "06_hanoi.ipynb"
    assert find_lesson("06", tmp_path).name == "06_hanoi.ipynb"
    assert find_lesson("06_hanoi", tmp_path).name == "06_hanoi.ipynb"
    assert find_lesson("10", tmp_path).name == "10_eindopdracht.ipynb"
    with pytest.raises(SystemExit, match="Kies uit: 01_kennismaking, 06_hanoi"):
        find_lesson("07", tmp_path)


@pytest.mark.parametrize("number", [f"{n:02d}" for n in range(1, 11)])
def test_the_presentation_has_no_solutions_exercises_or_instructions_for_code(number):
    nb = presentation(find_lesson(number))
    sources = "\n".join(c.source for c in nb.cells)
    assert "BEGIN SOLUTION" not in sources
    assert not [c for c in nb.cells if HIDDEN_TAGS & set(c.metadata.get("tags", []))]
    assert not [c for c in nb.cells if c.cell_type == "code" and c.outputs]
    assert "inleveren()" not in sources and "Vervang" not in sources


def test_docent_version_warns_that_answers_show():
    nb = presentation(find_lesson("06"), docent=True)
    assert "docentversie" in nb.cells[0].source and "BEGIN SOLUTION" in "\n".join(c.source for c in nb.cells)


def test_voila_serves_on_localhost_without_code():
    cmd = voila_command(Path("06_hanoi.ipynb"), 8866, open_browser=False)
    assert "--Voila.ip=127.0.0.1" in cmd and "--strip_sources=True" in cmd and "--no-browser" in cmd
    assert cmd[0].endswith("voila") and "--template=dossier" in cmd
    env = voila_environment({"DOSSIER_LEERLING": "x", "PATH": "/bin"})
    assert env["DOSSIER_PRESENTEREN"] == "1" and "DOSSIER_LEERLING" not in env


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_a_presented_lesson_in_voila_shows_no_answer_stores_nothing_and_fetches_nothing(tmp_path):
    if not (Path(voila_command(Path("x"), 1, False)[0]).exists()):
        pytest.skip("voila is niet geïnstalleerd in deze omgeving")
    notebook = prepare(find_lesson("06"), tmp_path)
    port = _free_port()
    proc = subprocess.Popen(
        voila_command(notebook, port, open_browser=False),
        cwd=tmp_path,
        env=voila_environment(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        page = ""
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=60) as response:
                    page = response.read().decode("utf-8")
                break
            except OSError:
                time.sleep(0.5)
        assert "Les 6 staat klaar" in page and "Presentatie voor de klas" in page
        for answer in ("(06.hanoi-keuze)", "(06.choe-datum)", "Vrijdag 15 maart 2019", "BEGIN SOLUTION", "Vervang"):
            assert answer not in page, answer
        assert "cdn.jsdelivr.net" not in page and "cdnjs" not in page
        assert "font-size: 20px" in page  # readable on a projector
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=30)
    written = [p.name for p in tmp_path.rglob("*") if p.is_file() and p.name != notebook.name]
    assert not [n for n in written if n.endswith(".json") and not n.startswith(".ipynb")], written
    assert not (tmp_path / ".voortgang").exists() and not (tmp_path / "inleveren").exists()
