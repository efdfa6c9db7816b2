"""The stored outputs of the teacher notebooks are fresh, and the nbval set-up does what it promises.

nbval compares a fresh run against the stored outputs, so stale outputs make
nbval fail with a confusing diff. This test says it plainly first: which
notebook, and "voer 'make notebooks' uit".
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from dossier_lib import notebook_runner

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "notebooks"
DEMO = FIXTURES / "01_voorbeeld.ipynb"
SANITIZE = Path(__file__).resolve().parent / "sanitize.cfg"


def test_lesson_outputs_are_fresh(lesson):
    reasons = notebook_runner.stale_reasons(lesson)
    assert not reasons, "\n".join(reasons)


def test_every_lesson_has_a_student_version():
    import nbformat

    from dossier_lib.exercises.student import is_teacher_only

    lessons = [p for p in notebook_runner.lesson_paths() if not is_teacher_only(nbformat.read(p, 4), p)]
    assert len(lessons) >= 10
    missing = [p.name for p in lessons if not (p.parent / "leerling" / p.name).exists()]
    assert not missing, f"Geen leerlingversie van {', '.join(missing)}: voer 'make student-notebooks' uit."


def _copy_demo(tmp_path: Path) -> Path:
    target = tmp_path / DEMO.name
    shutil.copy(DEMO, target)
    return target


def test_check_mode_accepts_the_fresh_demo(tmp_path, capsys):
    _copy_demo(tmp_path)
    assert notebook_runner.run_notebooks_main(["--check", "--folder", str(tmp_path)]) == 0
    assert "verse uitvoer" in capsys.readouterr().out


def test_check_mode_names_a_notebook_whose_code_changed(tmp_path, capsys):
    import nbformat

    path = _copy_demo(tmp_path)
    nb = nbformat.read(path, as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    code[-1].source += "\nprint('nieuw')"
    nbformat.write(nb, path)
    assert notebook_runner.run_notebooks_main(["--check", "--folder", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert "01_voorbeeld.ipynb" in out and "voer 'make notebooks' uit" in out


def test_check_mode_names_unexecuted_cells(tmp_path):
    import nbformat

    path = _copy_demo(tmp_path)
    nb = nbformat.read(path, as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    code[1].execution_count = None
    code[1].outputs = []
    nbformat.write(nb, path)
    reasons = notebook_runner.stale_reasons(path)
    assert reasons == ["01_voorbeeld.ipynb: codecel 1 is niet uitgevoerd; voer 'make notebooks' uit."]


def test_check_mode_on_a_missing_folder_says_so(capsys):
    assert notebook_runner.run_notebooks_main(["--check", "--folder", "/bestaat/niet"]) == 2
    assert "bestaat niet" in capsys.readouterr().err


def test_runner_stores_outputs_and_widget_state_deterministically(tmp_path, capsys):
    import nbformat

    path = _copy_demo(tmp_path)
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    nb.metadata.pop("widgets", None)
    nb.metadata.pop("dossier", None)
    nbformat.write(nb, path)

    assert notebook_runner.run_notebooks_main(["--folder", str(tmp_path)]) == 0
    assert "bijgewerkt" in capsys.readouterr().out
    fresh = nbformat.read(path, as_version=4)
    assert fresh.metadata.kernelspec.name == "python3"
    assert fresh.metadata.widgets["application/vnd.jupyter.widget-state+json"]["state"]
    assert notebook_runner.stale_reasons(path) == []
    # A second run may only differ in random widget ids: the same text after renaming them.
    committed = nbformat.read(DEMO, as_version=4)
    assert notebook_runner._normalised(fresh) == notebook_runner._normalised(committed)


def test_sanitize_file_is_strict_pairs_and_replaces_what_varies():
    from nbval.plugin import get_sanitize_patterns

    text = SANITIZE.read_text(encoding="utf-8")
    pairs = get_sanitize_patterns(text)
    assert len(pairs) == text.count("\nregex: ") + text.startswith("regex: ")
    assert len(pairs) == len(re.findall(r"^\[", text, flags=re.MULTILINE)), "één [kopje] per regel-paar"
    for regex, _ in pairs:
        re.compile(regex)

    def clean(s: str) -> str:
        for regex, replace in pairs:
            s = re.sub(regex, replace, s)
        return s

    assert clean("[<matplotlib.lines.Line2D at 0x7f3a2c1b2d30>]") == "[<matplotlib.lines.Line2D at 0xADRES>]"
    assert clean("gemaakt op 2024-05-01 13:45:12.123") == "gemaakt op TIJDSTIP"
    assert clean("Timestamp('2019-02-27 00:00:00')") == "Timestamp('2019-02-27 00:00:00')"
    assert clean("opgeslagen in /tmp/tmpab12cd/export.jsonl") == "opgeslagen in TIJDELIJKE-MAP"
    assert clean("/home/lies/dossier/notebooks/01_les.ipynb") == "PROJECT/notebooks/01_les.ipynb"
    assert clean("Wall time: 1.21 s\n") == "Wall time: DUUR\n"
    assert clean("klaar in 0.53 s en 12 ms") == "klaar in DUUR en DUUR"
    # Content stays: numbers, years and dates from the articles.
    for kept in ("50.000 soldaten", "de jaren 1990s", "27 februari 2019", "2019-02-27", "34 miljoen dollar"):
        assert clean(kept) == kept


def _stale_output_copy(folder: Path) -> None:
    """The demo notebook with one stored line changed, as a teacher and as a student version."""
    import nbformat

    nb = nbformat.read(DEMO, as_version=4)
    last = [c for c in nb.cells if c.cell_type == "code"][-1]
    last.outputs[0]["text"] = last.outputs[0]["text"].replace("003", "999")
    (folder / "notebooks" / "leerling").mkdir(parents=True)
    nbformat.write(nb, folder / "notebooks" / "01_fout.ipynb")
    nbformat.write(nb, folder / "notebooks" / "leerling" / "01_fout.ipynb")


def test_one_pytest_run_checks_teacher_strictly_and_student_laxly(tmp_path):
    """In one process: the changed output fails the teacher version and passes the student version."""
    _stale_output_copy(tmp_path)
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parent))
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "conftest",
            "-p",
            "no:cacheprovider",
            "--rootdir",
            str(tmp_path),
            "notebooks",
            "-rA",
        ],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    out = result.stdout
    assert "FAILED notebooks/01_fout.ipynb::Cell 4" in out, out[-3000:]
    assert "PASSED notebooks/leerling/01_fout.ipynb::Cell 4" in out, out[-3000:]
    assert "1 failed, 9 passed" in out, out[-3000:]
