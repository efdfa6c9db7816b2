"""Setup: pip and conda install the same things, the wheel carries the articles, the import is light."""

import re
import subprocess
import sys
import zipfile
from pathlib import Path

import tomllib
import yaml

ROOT = Path(__file__).resolve().parent.parent


def _name(requirement: str) -> str:
    return re.split(r"[<>=!~ \[;]", requirement.strip(), maxsplit=1)[0].lower().replace("_", "-")


def test_environment_yml_installs_the_project_with_the_tested_pins():
    """Conda users get exactly what `make lab` installs: the project and its extras, pinned by the constraints."""
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    conda = [d for d in env["dependencies"] if isinstance(d, str)]
    assert sorted(_name(d) for d in conda) == ["pip", "python"]
    pip = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    assert "-c requirements/constraints.txt" in pip and "-e .[lab,test]" in pip
    extras = set(tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["optional-dependencies"])
    assert extras == {"lab", "test"}


def test_every_dependency_is_pinned_in_the_constraints_file():
    pinned = {_name(line) for line in (ROOT / "requirements/constraints.txt").read_text().splitlines() if "==" in line}
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    wanted = {_name(r) for r in project["dependencies"]}
    for extra in project["optional-dependencies"].values():
        wanted |= {_name(r) for r in extra}
    assert wanted <= pinned, wanted - pinned


def test_importing_dossier_lib_loads_no_heavy_packages():
    code = (
        "import sys, dossier_lib; heavy = [m for m in ('pandas', 'matplotlib', 'ipywidgets', 'yaml', "
        "'numpy') if m in sys.modules]; print(','.join(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == ""


def test_the_wheel_carries_the_articles_and_loads_them(tmp_path):
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(ROOT)],
        check=True,
        capture_output=True,
    )
    wheel = next(tmp_path.glob("*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert sum(n.startswith("dossier_lib/_seeds/") and n.endswith(".txt") for n in names) == 5
    assert "dossier_lib/data/sources.yaml" in names
    assert "dossier_lib/data/lessen/06_hanoi.yaml" in names  # lesson content a teacher can edit
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    code = "import dossier_lib as d; D = d.load_dossier(); print(len(D), d.corpus.bundled_articles_folder().name)"
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={"PYTHONPATH": str(site), "PATH": "/usr/bin:/bin"},
        check=True,
    ).stdout
    assert out.split() == ["5", "_seeds"]
    assert not [n for n in names if n.startswith(("teacher/", "notebooks/"))]
    key = subprocess.run(
        [sys.executable, "-m", "dossier_lib", "answer-key", "--les", "04"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={"PYTHONPATH": str(site), "PATH": "/usr/bin:/bin"},
    )
    assert key.returncode == 2 and "alleen in de projectmap van de docent" in key.stderr
    assert "New York" not in key.stdout + key.stderr  # the key of 04.namen-new-york stays unreadable
    for command in (["student-notebooks"], ["run-notebooks"], ["present", "06"]):
        told = subprocess.run(
            [sys.executable, "-m", "dossier_lib", *command],
            capture_output=True,
            text=True,
            cwd=tmp_path,
            env={"PYTHONPATH": str(site), "PATH": "/usr/bin:/bin"},
        )
        assert told.returncode == 2 and "projectmap" in told.stderr and "Traceback" not in told.stderr, command
