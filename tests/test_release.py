"""The student release holds only what students may see, and works as nbgitpuller/Binder content.

One release is written per test session (building the wheel takes a few seconds); the slow test
installs it into a fresh virtual environment from its own requirements.txt and runs two lessons there.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import yaml

from dossier_lib.release import MANIFEST, ReleaseError, write_release

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def release(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("release") / "leerlingen"
    write_release(folder, log=lambda message: None)
    return folder


def _teacher_texts() -> list[str]:
    """Readable key texts that must never reach a student: explanations and reflection criteria."""
    texts = []
    for path in sorted((ROOT / "teacher" / "sleutels").glob("*.yaml")):
        for spec in yaml.safe_load(path.read_text(encoding="utf-8"))["opdrachten"]:
            if spec.get("explanation"):
                texts.append(" ".join(str(spec["explanation"]).split())[:40])
    return texts


def _all_release_text(folder: Path, wheel_only: bool = False) -> str:
    """Every file of the release as text, the wheel's members unpacked (or only those)."""
    parts = []
    for path in folder.rglob("*"):
        if not path.is_file() or ".git" in path.parts:
            continue
        if path.suffix == ".whl":
            with zipfile.ZipFile(path) as wheel:
                parts += [wheel.read(n).decode("utf-8", "replace") for n in wheel.namelist()]
        elif not wheel_only:
            parts.append(path.read_text(encoding="utf-8", errors="replace"))
    return "\n".join(parts)


def test_the_release_holds_the_student_lessons_and_what_an_install_needs(release):
    names = sorted(p.relative_to(release).as_posix() for p in release.rglob("*") if p.is_file())
    lessons = [n for n in names if n.endswith(".ipynb")]
    assert len(lessons) == 10 and lessons[0] == "01_kennismaking.ipynb" and lessons[-1] == "10_eindopdracht.ipynb"
    assert {
        "README.md",
        "requirements.txt",
        "binder/requirements.txt",
        "binder/postBuild",
        ".gitignore",
        MANIFEST,
    } <= set(names)
    assert (release / "binder" / "postBuild").stat().st_mode & 0o111  # executable
    assert "kernel-help" in (release / "binder" / "postBuild").read_text(encoding="utf-8")
    assert any(n.startswith("wheels/dossier_noord_korea-") and n.endswith(".whl") for n in names)
    assert not [n for n in names if n.startswith(("00_", "teacher/", "notebooks/"))]
    requirements = (release / "requirements.txt").read_text(encoding="utf-8")
    assert "./wheels/dossier_noord_korea-" in requirements and "pandas==" in requirements
    assert "Shift + Enter" in (release / "README.md").read_text(encoding="utf-8")


def test_nothing_of_the_teacher_is_in_the_release(release):
    text = _all_release_text(release)
    notebooks = "\n".join(p.read_text(encoding="utf-8") for p in release.glob("*.ipynb"))
    assert "BEGIN SOLUTION" not in notebooks and "Voorbeeld Leerling" not in notebooks
    assert "teacher-only" not in notebooks and "NIET uitdelen" not in text
    package = _all_release_text(release, wheel_only=True)
    for secret in _teacher_texts():  # the package holds no readable explanation (they are sealed)
        assert secret not in package, secret
    for lesson in release.glob("*.ipynb"):
        nb = json.loads(lesson.read_text(encoding="utf-8"))
        assert all(not c.get("outputs") for c in nb["cells"] if c["cell_type"] == "code"), lesson.name
        assert "widgets" not in nb["metadata"]


def test_a_folder_that_is_not_a_release_is_refused(tmp_path):
    (tmp_path / "mijn_werk.txt").write_text("van iemand anders")
    with pytest.raises(ReleaseError, match="niet leeg en is geen eerdere leerlingrelease"):
        write_release(tmp_path, log=lambda m: None)
    assert (tmp_path / "mijn_werk.txt").read_text() == "van iemand anders"


def test_running_again_updates_the_release_and_keeps_everything_else(release, tmp_path):
    import shutil

    again = tmp_path / "again"
    shutil.copytree(release, again)
    (again / "inleveren").mkdir()
    (again / "inleveren" / "06_sanne.json").write_text("{}")  # a student's file in the folder
    changed = again / "06_hanoi.ipynb"
    changed.write_text(changed.read_text(encoding="utf-8") + " ", encoding="utf-8")
    (again / "01_kennismaking.ipynb").unlink()
    messages = []
    written = write_release(again, log=messages.append)
    assert "01_kennismaking.ipynb" in written  # restored
    assert (again / "inleveren" / "06_sanne.json").read_text() == "{}"
    assert changed.read_text(encoding="utf-8").endswith(" ")  # changed since: kept
    assert any("06_hanoi.ipynb: NIET overschreven" in m for m in messages)
    write_release(again, force=True, log=lambda m: None)
    assert not changed.read_text(encoding="utf-8").endswith(" ")
    assert list((again / ".backup").glob("06_hanoi.ipynb.*"))


def test_the_command_line_says_what_to_do_next(tmp_path):
    out = subprocess.run(
        [sys.executable, "-m", "dossier_lib", "release", str(tmp_path / "r")],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert out.returncode == 0, out.stderr
    assert "git init" in out.stdout and "nbgitpuller" in out.stdout
    bad = subprocess.run(
        [sys.executable, "-m", "dossier_lib", "release", str(ROOT / "dossier_lib")],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert bad.returncode == 2 and "niet leeg" in bad.stderr and "Traceback" not in bad.stderr


RUN_TWO_LESSONS = """
import sys, nbformat
from nbclient import NotebookClient
for name in ("01_kennismaking.ipynb", "06_hanoi.ipynb"):
    nb = nbformat.read(name, as_version=4)
    NotebookClient(nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": "."}}).execute()
    errors = [o for c in nb.cells for o in c.get("outputs", []) if o.get("output_type") == "error"]
    assert not errors, (name, errors[:1])
    print(name, "ok")
"""


def test_a_fresh_environment_installs_the_release_and_runs_two_lessons(release, tmp_path):
    """What nbgitpuller or Binder does with the release: install its requirements, open a lesson."""
    import shutil

    work = tmp_path / "klas"
    shutil.copytree(release, work)
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    python = venv / "bin" / "python"
    install = subprocess.run(
        [
            str(python),
            "-m",
            "pip",
            "install",
            "-q",
            "--disable-pip-version-check",
            "-r",
            "requirements.txt",
            "ipykernel",
            "nbclient",
            "nbformat",
        ],
        cwd=work,
        capture_output=True,
        text=True,
    )
    assert install.returncode == 0, install.stderr[-2000:]
    post_build = subprocess.run(
        ["bash", "binder/postBuild"],
        cwd=work,
        capture_output=True,
        text=True,
        env={**os.environ, "PATH": f"{venv / 'bin'}:{os.environ['PATH']}"},
    )
    assert post_build.returncode == 0, post_build.stderr[-2000:]  # what Binder runs after the install
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DOSSIER_", "PYTHON", "VIRTUAL_ENV"))}
    env["DOSSIER_LEERLING"] = "Fatima"
    env["DOSSIER_OFFLINE"] = "1"
    run = subprocess.run([str(python), "-c", RUN_TWO_LESSONS], cwd=work, capture_output=True, text=True, env=env)
    assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-3000:]
    assert "06_hanoi.ipynb ok" in run.stdout
    key = subprocess.run(
        [str(python), "-m", "dossier_lib", "answer-key", "--les", "06"],
        cwd=work,
        capture_output=True,
        text=True,
        env=env,
    )
    assert key.returncode == 2 and "alleen in de projectmap van de docent" in key.stderr and not key.stdout
