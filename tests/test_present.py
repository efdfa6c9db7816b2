"""`make present`: finding the lesson and the Voilà command line."""

import json
import os
from pathlib import Path

import pytest

from dossier_lib.present import PROJECTOR, find_lesson, voila_command, voila_environment


def test_find_lesson_by_number_or_name(tmp_path):
    for name in ("01_kennismaking.ipynb", "06_hanoi.ipynb", "10_eindopdracht.ipynb"):
        (tmp_path / name).write_text("{}")
    assert find_lesson("6", tmp_path).name == "06_hanoi.ipynb"
    assert find_lesson("06", tmp_path).name == "06_hanoi.ipynb"
    assert find_lesson("06_hanoi", tmp_path).name == "06_hanoi.ipynb"
    assert find_lesson("10", tmp_path).name == "10_eindopdracht.ipynb"
    with pytest.raises(SystemExit, match="Kies uit: 01_kennismaking, 06_hanoi"):
        find_lesson("07", tmp_path)


def test_voila_serves_on_localhost_without_code(tmp_path):
    cmd = voila_command(tmp_path / "06_hanoi.ipynb", 8866, open_browser=False)
    assert "--Voila.ip=127.0.0.1" in cmd and "--strip_sources=True" in cmd and "--no-browser" in cmd
    assert cmd[0].endswith("voila")


def test_voila_uses_the_projector_template():
    cmd = voila_command(Path("06_hanoi.ipynb"), 8866, open_browser=False)
    assert "--template=projector" in cmd
    template = PROJECTOR / "voila" / "templates" / "projector"
    assert json.loads((template / "conf.json").read_text())["base_template"] == "lab"
    assert "--jp-content-font-size1: 20px" in (template / "index.html.j2").read_text()
    env = voila_environment({"JUPYTER_PATH": "/elders"})
    assert env["JUPYTER_PATH"].split(os.pathsep) == [str(PROJECTOR), "/elders"]
