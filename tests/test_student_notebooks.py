"""Student versions: solutions out, teacher-only cells out, exercise outputs cleared, deterministic, never
overwriting a student's work without --force (and then with a backup)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

from dossier_lib.exercises.student import (
    CODE_PLACEHOLDER,
    MANIFEST,
    TEXT_PLACEHOLDER,
    clear_solution_regions,
    student_notebooks_main,
    student_version,
)

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"


def teacher_notebook(folder: Path, name: str = "01_proef.ipynb") -> Path:
    nb = new_notebook()
    nb.metadata["dossier"] = {"code_sha256": "abc"}
    nb.cells = [
        new_markdown_cell("# Proefles"),
        new_code_cell(
            "from dossier_lib.exercises import check\nprint('hallo')",
            outputs=[new_output("stream", name="stdout", text="hallo\n")],
            execution_count=1,
        ),
        new_code_cell(
            '### BEGIN SOLUTION\nantwoord = 5\n### END SOLUTION\ncheck("01.bronnen-tellen", antwoord)',
            metadata={"tags": ["exercise"]},
            outputs=[new_output("execute_result", data={"text/plain": "Goed!"}, execution_count=2)],
            execution_count=2,
        ),
        new_code_cell(
            "def tel(woorden):\n    ### BEGIN SOLUTION\n    aantal = len(woorden)\n"
            "    return aantal\n    ### END SOLUTION\n\ntel(['a'])",
            outputs=[new_output("execute_result", data={"text/plain": "1"}, execution_count=3)],
            execution_count=3,
        ),
        new_code_cell("print('alleen voor de docent')", metadata={"tags": ["teacher-only"]}),
        new_markdown_cell("Het antwoord is **b**, want Ri zei het.", metadata={"tags": ["solution"]}),
        new_code_cell(
            "x, y = 1, 2\nprint(x + y)",
            metadata={"tags": ["solution"]},
            outputs=[new_output("stream", name="stdout", text="3\n")],
            execution_count=4,
        ),
        new_code_cell(
            "len('grafiek')",
            metadata={"tags": ["exercise"]},
            outputs=[new_output("execute_result", data={"text/plain": "7"}, execution_count=5)],
            execution_count=5,
        ),
    ]
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    nbformat.write(nb, path)
    return path


def test_solution_regions_are_replaced():
    src, found = clear_solution_regions("a = 1\n### BEGIN SOLUTION\nantwoord = [1, 2]\nextra = 3\n### END SOLUTION\nb")
    assert found and src == (
        "a = 1\nantwoord = ...  # vul hier je antwoord in\nextra = ...  # vul hier je antwoord in\nb"
    )
    src, _ = clear_solution_regions("    ### BEGIN SOLUTION\n    print(1)\n    ### END SOLUTION")
    assert src == "    " + CODE_PLACEHOLDER
    assert clear_solution_regions("geen oplossing") == ("geen oplossing", False)
    src, _ = clear_solution_regions("Tekst\n<!-- BEGIN SOLUTION -->\nHet is b.\n<!-- END SOLUTION -->", markdown=True)
    assert src == "Tekst\n" + TEXT_PLACEHOLDER


def test_student_version_content(tmp_path):
    nb = nbformat.reads(student_version(teacher_notebook(tmp_path)), as_version=4)
    sources = [c.source for c in nb.cells]
    assert not any("alleen voor de docent" in s for s in sources)
    assert len(nb.cells) == 7
    assert sources[2] == 'antwoord = ...  # vul hier je antwoord in\ncheck("01.bronnen-tellen", antwoord)'
    assert sources[3] == "def tel(woorden):\n    aantal = ...  # vul hier je antwoord in\n\ntel(['a'])"
    assert sources[4] == TEXT_PLACEHOLDER
    assert sources[5] == "x, y = ..., ...  # vul hier je antwoord in"
    assert not any("BEGIN SOLUTION" in s or "antwoord = 5" in s or "Ri zei" in s for s in sources)
    outputs = [c.get("outputs") for c in nb.cells if c.cell_type == "code"]
    assert outputs[0] and outputs[0][0]["text"] == "hallo\n"  # ordinary output kept
    assert outputs[1:] == [[], [], [], []]  # exercise and solution cells cleared
    assert [c.execution_count for c in nb.cells if c.cell_type == "code"] == [1, None, None, None, None]
    assert nb.metadata["dossier"]["version"] == "leerling" and "code_sha256" not in nb.metadata["dossier"]
    nbformat.validate(nb)


def test_outputs_of_cells_that_use_an_answer_are_cleared(tmp_path):
    """A chart of the teacher's citations must not show in the student version (findings 3.B, 10)."""
    nb = new_notebook()
    chart = new_output("execute_result", data={"text/plain": "<Figure>"}, execution_count=2)
    nb.cells = [
        new_code_cell(
            'citaten = [\n    ### BEGIN SOLUTION\n    ("004", "Zij zaten"),\n    ### END SOLUTION\n]',
            metadata={"tags": ["exercise"]},
        ),
        new_code_cell("grafiek = bronnen_grafiek(citaten)", outputs=[chart], execution_count=2),
        new_code_cell("mijn_citaten = 1\nprint(mijn_citaten)", outputs=[new_output("stream", text="1\n")]),
        new_code_cell("x.citaten", outputs=[new_output("stream", text="2\n")]),
    ]
    path = tmp_path / "10_proef.ipynb"
    nbformat.write(nb, path)
    cells = nbformat.reads(student_version(path), as_version=4).cells
    assert cells[1].outputs == [] and cells[1].execution_count is None
    assert cells[2].outputs and cells[3].outputs  # other names, or an attribute, are not the answer


def test_saved_widget_state_of_cleared_outputs_is_dropped(tmp_path):
    """A writing box's saved state holds the teacher's model answer: it must not reach the student version."""
    view = "application/vnd.jupyter.widget-view+json"

    def shows(model_id):
        return new_output("display_data", data={view: {"model_id": model_id, "version_major": 2}, "text/plain": "<>"})

    nb = new_notebook()
    nb.metadata["widgets"] = {
        "application/vnd.jupyter.widget-state+json": {
            "state": {
                "box": {"state": {"children": ["IPY_MODEL_text"]}},
                "text": {"state": {"value": "het modelantwoord", "layout": "IPY_MODEL_lay"}},
                "lay": {"state": {}},
                "reader": {"state": {"value": "een artikel"}},
            },
            "version_major": 2,
            "version_minor": 0,
        }
    }
    nb.cells = [
        new_code_cell("widgets.article_reader(dossier)", outputs=[shows("reader")]),
        new_code_cell('eindopdracht.schrijfvak("10.analyse")', metadata={"tags": ["exercise"]}, outputs=[shows("box")]),
    ]
    path = tmp_path / "10_proef.ipynb"
    nbformat.write(nb, path)
    text = student_version(path)
    assert "het modelantwoord" not in text and "een artikel" in text
    state = json.loads(text)["metadata"]["widgets"]["application/vnd.jupyter.widget-state+json"]["state"]
    assert set(state) == {"reader"}
    nb.cells = nb.cells[1:]
    nbformat.write(nb, path)
    assert "widgets" not in json.loads(student_version(path))["metadata"]


def test_student_version_runs_without_errors(tmp_path):
    from nbclient import NotebookClient

    target = tmp_path / "leerling" / "01_proef.ipynb"
    target.parent.mkdir()
    target.write_text(student_version(teacher_notebook(tmp_path)), encoding="utf-8")
    nb = nbformat.read(target, as_version=4)
    NotebookClient(nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}).execute()
    text = json.dumps([c.get("outputs", []) for c in nb.cells])
    assert "Nog niet beantwoord" in text and "Traceback" not in text


def test_generation_is_deterministic(tmp_path):
    source = teacher_notebook(tmp_path / "docent")
    first = student_version(source)
    assert student_version(source) == first
    assert student_notebooks_main(["--source", str(tmp_path / "docent"), "--target", str(tmp_path / "a")]) == 0
    assert student_notebooks_main(["--source", str(tmp_path / "docent"), "--target", str(tmp_path / "b")]) == 0
    a, b = (tmp_path / "a" / "01_proef.ipynb").read_bytes(), (tmp_path / "b" / "01_proef.ipynb").read_bytes()
    assert a == b == first.encode("utf-8")


def test_cells_without_ids_get_stable_ids(tmp_path):
    raw = {
        "cells": [{"cell_type": "markdown", "metadata": {}, "source": "hoi"}],
        "metadata": {},
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    path = tmp_path / "01_zonder_ids.ipynb"
    path.write_text(json.dumps(raw), encoding="utf-8")
    first, second = student_version(path), student_version(path)
    assert first == second and '"id": "' in first


def test_overwrite_protection_and_force_with_backup(tmp_path, capsys):
    teacher_notebook(tmp_path / "docent")
    args = ["--source", str(tmp_path / "docent"), "--target", str(tmp_path / "leerling")]
    assert student_notebooks_main(args) == 0
    target = tmp_path / "leerling" / "01_proef.ipynb"
    manifest = json.loads((tmp_path / "leerling" / MANIFEST).read_text())
    assert set(manifest["files"]) == {"01_proef.ipynb"}
    assert student_notebooks_main(args) == 0  # unchanged student file: regenerating is fine

    work = target.read_text(encoding="utf-8").replace("antwoord = ...", "antwoord = 5")
    target.write_text(work, encoding="utf-8")  # a student did the exercise
    capsys.readouterr()
    assert student_notebooks_main(args) == 1
    err = capsys.readouterr()
    assert "01_proef.ipynb" in err.out and "NIET overschreven" in err.out and "--force" in err.out
    assert target.read_text(encoding="utf-8") == work  # untouched

    assert student_notebooks_main(args + ["--force"]) == 0
    backups = list((tmp_path / "leerling" / ".backup").glob("01_proef.*.ipynb"))
    assert len(backups) == 1 and backups[0].read_text(encoding="utf-8") == work
    assert "antwoord = 5" not in target.read_text(encoding="utf-8")
    assert student_notebooks_main(args) == 0  # the manifest knows the fresh version again


def test_teacher_changes_flow_through_when_student_did_not_touch(tmp_path):
    source = teacher_notebook(tmp_path / "docent")
    args = ["--source", str(tmp_path / "docent"), "--target", str(tmp_path / "leerling")]
    assert student_notebooks_main(args) == 0
    nb = nbformat.read(source, as_version=4)
    nb.cells[0].source = "# Proefles, verbeterd"
    nbformat.write(nb, source)
    assert student_notebooks_main(args) == 0
    assert "verbeterd" in (tmp_path / "leerling" / "01_proef.ipynb").read_text(encoding="utf-8")


def test_unknown_existing_file_is_protected_and_teacher_guide_skipped(tmp_path):
    teacher_notebook(tmp_path / "docent")
    teacher_notebook(tmp_path / "docent", "00_docentenhandleiding.ipynb")
    (tmp_path / "leerling").mkdir()
    (tmp_path / "leerling" / "01_proef.ipynb").write_text("{}", encoding="utf-8")  # not made by us
    assert student_notebooks_main(["--source", str(tmp_path / "docent"), "--target", str(tmp_path / "leerling")]) == 1
    assert (tmp_path / "leerling" / "01_proef.ipynb").read_text() == "{}"
    assert not (tmp_path / "leerling" / "00_docentenhandleiding.ipynb").exists()


def test_missing_source_folder_is_a_clear_message(tmp_path, capsys):
    assert student_notebooks_main(["--source", str(tmp_path / "nergens")]) == 2
    assert "bestaat niet" in capsys.readouterr().err


def test_command_line_is_wired():
    out = subprocess.run(
        [sys.executable, "-m", "dossier_lib", "student-notebooks", "--help"], capture_output=True, text=True, cwd=ROOT
    )
    assert out.returncode == 0 and "--force" in out.stdout


def _teacher_lessons() -> list[Path]:
    return [p for p in sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb")) if not p.name.startswith("00_")]


@pytest.mark.parametrize("teacher_lesson", _teacher_lessons(), ids=lambda p: p.stem)
def test_committed_student_versions_are_fresh(teacher_lesson):
    lesson = teacher_lesson
    if not (NOTEBOOKS / "leerling" / MANIFEST).exists():
        pytest.skip("notebooks/leerling/ is nog niet gemaakt: voer 'make student-notebooks' uit")
    committed = NOTEBOOKS / "leerling" / lesson.name
    assert committed.exists(), f"{committed} ontbreekt: voer 'make student-notebooks' uit"
    assert committed.read_text(encoding="utf-8") == student_version(lesson), (
        f"{committed.name} is verouderd: voer 'make student-notebooks' uit"
    )
