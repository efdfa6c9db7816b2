"""In real kernels: right after its first cell, every student lesson explains a student's slips in Dutch.

Each student notebook's first code cell runs in a fresh kernel (nbclient), followed by the
slips students make: a misspelled lesson function, text without quotation marks, a Dutch
decimal comma in a sum, a wrong argument to a lesson function. The outputs must show the
Dutch explanation and no traceback. A kernel where the first cell has not run gets the
safe part from the IPython extension (as `make lab` configures it).
"""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient
from nbformat.v4 import new_code_cell, new_notebook

STUDENT_NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks" / "leerling"
LESSONS = sorted(STUDENT_NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))
SLIPS = [
    ('chek("01.bronnen-tellen", 5)', "Bedoel je 'check'?"),
    ("antwoord = Kim Yong-chol", 'Schrijf: antwoord = "Kim Yong-chol"'),
    ("spreker = Donald Trump", 'Schrijf: spreker = "Donald Trump"'),
    ("antwoord = 002", 'antwoord = "002"'),
    ("handel_2017 = 34/0,42", "Een kommagetal schrijf je in Python met een punt"),
    ('geo.distance_km("atlantis", "hanoi")', "staat niet als plaats in de kennisbank"),
]
ANSI = re.compile(r"\x1b\[[0-9;]*m")


def _text(cell) -> str:
    parts = []
    for output in cell.get("outputs", []):
        if output.get("output_type") == "stream":
            parts.append(output.get("text", ""))
        elif output.get("output_type") == "error":
            parts.append("Traceback " + output.get("ename", "") + ": " + "\n".join(output.get("traceback", [])))
        else:
            parts.append(output.get("data", {}).get("text/plain", ""))
    return ANSI.sub("", "\n".join(parts))


def _run(cells: list[str], folder: Path, extra_arguments: list[str] | None = None) -> list[str]:
    nb = new_notebook(cells=[new_code_cell(c) for c in cells])
    client = NotebookClient(
        nb,
        kernel_name="python3",
        timeout=120,
        allow_errors=True,
        resources={"metadata": {"path": str(folder)}},
        extra_arguments=extra_arguments or [],
    )
    client.execute()
    return [_text(cell) for cell in nb.cells]


def _first_code_cell(path: Path) -> str:
    nb = nbformat.read(path, as_version=4)
    return next(c.source for c in nb.cells if c.cell_type == "code")


@pytest.mark.parametrize("notebook", LESSONS, ids=lambda p: p.stem)
def test_right_after_the_first_cell_every_lesson_explains_slips_in_dutch(notebook, tmp_path):
    first = _first_code_cell(notebook)
    assert "from dossier_lib.les import *" in first and "start(" in first
    outputs = _run([first] + [code for code, _ in SLIPS], tmp_path)
    assert "Traceback" not in outputs[0], outputs[0]
    for (code, expected), out in zip(SLIPS, outputs[1:]):
        assert expected in out, f"{notebook.name}: {code!r} gaf:\n{out}"
        assert "Uitleg" in out and "Traceback" not in out, f"{notebook.name}: {code!r} gaf:\n{out}"


def test_before_the_first_cell_the_extension_says_which_cell_to_run(tmp_path):
    extension = ["--InteractiveShellApp.extensions=['dossier_lib.ipython_extension']"]
    outputs = _run(['check("01.bronnen-tellen", 5)', "inleveren()", "1 / 0"], tmp_path, extension)
    for out in outputs[:2]:
        assert "Voer eerst de eerste codecel van de les uit" in out and "Traceback" not in out, out
    assert "ZeroDivisionError" in outputs[2] and "Uitleg" not in outputs[2]  # everything else: IPython's own


def test_kernel_help_writes_the_config_line_once(tmp_path):
    from dossier_lib.ipython_extension import CONFIG_LINE, kernel_config_file, write_kernel_config

    path, changed = write_kernel_config(str(tmp_path))
    assert changed and path == kernel_config_file(str(tmp_path)) and CONFIG_LINE in path.read_text()
    assert write_kernel_config(str(tmp_path)) == (path, False)
    path.write_text("c.InteractiveShellApp.exec_lines = ['x = 1']")  # an admin's own settings stay
    write_kernel_config(str(tmp_path))
    assert path.read_text().startswith("c.InteractiveShellApp.exec_lines") and CONFIG_LINE in path.read_text()


def test_a_number_typed_over_is_seen_in_a_real_kernel(tmp_path):
    first = _first_code_cell(STUDENT_NOTEBOOKS / "08_cijfers.ipynb")
    typed, computed = _run(
        [
            first,
            'tekst = "50.000"\narbeiders = 50000\ncheck("08.bug-duizendtallen", arbeiders)',
            'tekst = "50.000"\narbeiders = int(tekst.replace(".", ""))\ncheck("08.bug-duizendtallen", arbeiders)',
        ],
        tmp_path,
    )[1:]
    assert "Je typte het getal zelf in" in typed
    assert "Goed!" in computed
