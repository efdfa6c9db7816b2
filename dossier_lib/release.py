"""`python -m dossier_lib release DIR`: the student release, the only thing students ever get.

DIR becomes its own git repository: the one a teacher hands to nbgitpuller (school JupyterHub) or
to Binder. The teacher's project (this repository, with its readable keys and teacher notebooks)
stays private. A release holds:

- the ten student lessons (``01_kennismaking.ipynb`` ...), made fresh from the teacher notebooks
  (solutions out, see exercises/student.py) and with *every* output cleared, so nothing the
  teacher's run showed (feedback, progress, hand-ins) can reach a student;
- ``README.md``: for students, in Dutch;
- ``requirements.txt``: the package (a wheel in ``wheels/``, built from this project: it holds no
  readable answers) and its runtime dependencies, pinned to the project's tested versions
  (``constraints.txt``, a copy of the project's pins, fixes what they pull in too);
- ``binder/``: what Binder (repo2docker) needs to build it (requirements, Python version, and a
  ``postBuild`` that switches on the Dutch help for Python errors in every kernel);
- ``.gitignore`` (students' progress and hand-ins stay out of git) and ``.dossier-release.json``,
  the manifest that marks DIR as a release and records what it wrote.

Writing into a folder that is not empty and is not an earlier release is refused. Re-running over
an earlier release updates the files it wrote before; it never deletes or overwrites anything
else (a file it wrote that was changed since is kept, unless ``--force``, which backs it up first).
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from .paths import NOTEBOOKS, PROJECT, NotInProjectError, project_folder

MANIFEST = ".dossier-release.json"
BACKUP_DIR = ".backup"
WHEELS = "wheels"
#: What an install needs at run time; pinned to requirements/constraints.txt.
RUNTIME_PACKAGES = ("anywidget", "ipywidgets", "matplotlib", "numpy", "pandas", "PyYAML")
GITIGNORE = """# Students' own work stays out of git (nbgitpuller leaves untracked files alone).
.voortgang/
inleveren/
.dossier-leerling.json
.ipynb_checkpoints/
__pycache__/
"""

#: Binder runs this after installing the requirements: Dutch help for Python errors in every kernel,
#: also before a lesson's first cell has run.
POST_BUILD = """#!/bin/bash
set -euo pipefail
python -m dossier_lib kernel-help
"""

README = """# Dossier Noord-Korea: de lessen

In deze lessen lees je vijf Nederlandse nieuwsartikelen (2018–2019) over Noord-Korea en de
Verenigde Staten. Je zoekt uit wie wat zegt, controleert data en cijfers, en schrijft aan het eind
een korte analyse met bewijs.

## Zo begin je

1. Open de les die je docent noemt, bijvoorbeeld `01_kennismaking.ipynb`.
2. Voer **de eerste codecel** uit: klik erin en druk op **Shift + Enter**.
3. Vraagt de les om je naam? Typ je voor- en achternaam en klik op **Opslaan**.
   (Op de schoolserver weet de les al wie je bent.)
4. Werk de les van boven naar beneden door. Bij elke opdracht zie je meteen of je antwoord klopt.
   Kom je er niet uit? Gebruik `hint("...")`, zoals de les uitlegt.
5. Klaar? Voer de laatste twee cellen uit: `voortgang()` laat zien hoe ver je bent,
   `inleveren()` levert je werk in bij je docent.

## Goed om te weten

- Je antwoorden worden bewaard in de map `.voortgang`, je inleveringen in de map `inleveren`.
- Werk je met z'n tweeën op één computer? Typ dan ieder je eigen naam in de eerste cel, als je
  aan de beurt bent. Zo blijven jullie antwoorden apart.
- Werk je op **Binder**? Daar is alles weg als je stopt. Lever in en download je inlevering
  (rechtermuisklik op het bestand in de map `inleveren`, dan *Download*).
"""


class ReleaseError(RuntimeError):
    """The release cannot be written (Dutch message for the teacher)."""


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _pins(constraints: Path) -> dict[str, str]:
    pins = {}
    for line in constraints.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^([A-Za-z0-9_.\-]+)==(\S+)", line.strip())
        if m:
            pins[m.group(1).lower()] = m.group(2)
    return pins


def requirements_text(wheel_name: str, constraints: Path, constraints_ref: str = "constraints.txt") -> str:
    """requirements.txt of a release: the package's wheel and its runtime dependencies, pinned.

    `constraints_ref` points at the release's copy of the project's pins (relative to this file), so
    that the packages these pull in get the tested versions too.
    """
    pins = _pins(constraints)
    lines = [
        "# What the lessons need. Made by `python -m dossier_lib release`; versions tested with the lessons.",
        f"-c {constraints_ref}",
        f"./{WHEELS}/{wheel_name}",
    ]
    lines += [f"{name}=={pins[name.lower()]}" for name in RUNTIME_PACKAGES if name.lower() in pins]
    return "\n".join(lines) + "\n"


def build_wheel(project: Path, target: Path) -> Path:
    """Build this project's wheel into `target` (pip, no dependencies) and return its path."""
    target.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="dossier-wheel-") as tmp:
        done = subprocess.run(
            [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", tmp, str(project)],
            capture_output=True,
            text=True,
        )
        if done.returncode != 0:
            raise ReleaseError(f"Het pakket kon niet gebouwd worden: {done.stderr.strip()[-400:]}")
        wheel = next(Path(tmp).glob("*.whl"))
        out = target / wheel.name
        shutil.copy2(wheel, out)
    return out


def student_lesson(teacher_notebook: Path) -> str:
    """The student version of one lesson with every output cleared: the exact text to write."""
    import nbformat

    from .exercises.student import student_version

    nb = nbformat.reads(student_version(teacher_notebook), as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
    nb.metadata.pop("widgets", None)
    nb.metadata.setdefault("dossier", {})["note"] = "Leerlingversie uit de release (python -m dossier_lib release)."
    text = nbformat.writes(nb, version=4)
    return text if text.endswith("\n") else text + "\n"


def _read_manifest(folder: Path) -> dict | None:
    try:
        data = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) and isinstance(data.get("files"), dict) else None


def check_target(folder: Path) -> dict:
    """The earlier manifest of `folder` ({} for a new or empty folder); ReleaseError when it is someone else's."""
    if folder.exists() and not folder.is_dir():
        raise ReleaseError(f"{folder} is een bestand, geen map. Kies een (lege) map voor de release.")
    if not folder.exists():
        return {}
    manifest = _read_manifest(folder)
    if manifest is not None:
        return manifest
    if any(p.name != ".git" for p in folder.iterdir()):
        raise ReleaseError(
            f"De map {folder} is niet leeg en is geen eerdere leerlingrelease (er staat geen {MANIFEST} in). "
            "Kies een lege map of een map met een eerdere release, zodat er niets van iemand anders "
            "overschreven wordt."
        )
    return {}


def release_files(project: Path, wheel: Path) -> dict[str, bytes]:
    """Every file of the release by its path inside the release (no teacher material)."""
    import nbformat

    from .exercises.student import is_teacher_only

    files: dict[str, bytes] = {}
    for path in sorted((project / "notebooks").glob("[0-9][0-9]_*.ipynb")):
        if is_teacher_only(nbformat.read(path, as_version=4), path):
            continue
        files[path.name] = student_lesson(path).encode("utf-8")
    constraints = project / "requirements" / "constraints.txt"
    requirements = requirements_text(wheel.name, constraints).encode("utf-8")
    binder_requirements = requirements_text(wheel.name, constraints, "../constraints.txt").encode("utf-8")
    python = f"{sys.version_info.major}.{sys.version_info.minor}"
    files.update(
        {
            "README.md": README.encode("utf-8"),
            "requirements.txt": requirements,
            "constraints.txt": constraints.read_bytes(),
            "binder/requirements.txt": binder_requirements,
            "binder/runtime.txt": f"python-{python}\n".encode(),
            "binder/postBuild": POST_BUILD.encode("utf-8"),
            ".gitignore": GITIGNORE.encode("utf-8"),
            f"{WHEELS}/{wheel.name}": wheel.read_bytes(),
        }
    )
    return files


def write_release(folder: Path, project: Path | None = PROJECT, force: bool = False, log=print) -> list[str]:
    """Write (or update) the student release in `folder`; returns the files written."""
    project = project_folder("een release", project)
    folder = Path(folder)
    manifest = check_target(folder)
    earlier = manifest.get("files", {})
    with tempfile.TemporaryDirectory(prefix="dossier-release-") as tmp:
        wheel = build_wheel(project, Path(tmp))
        files = release_files(project, wheel)
    folder.mkdir(parents=True, exist_ok=True)
    written, kept = [], []
    for name, data in files.items():
        target = folder / name
        new = _sha(data)
        if target.exists():
            current = _sha(target.read_bytes())
            if current == new:
                continue
            if current != earlier.get(name):
                if not force:
                    kept.append(name)
                    log(
                        f"{name}: NIET overschreven, want het is veranderd na de vorige release. "
                        "Gebruik --force om het te vervangen (er komt eerst een reservekopie in .backup/)."
                    )
                    continue
                _backup(folder, target)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        if name == "binder/postBuild":
            target.chmod(0o755)  # repo2docker runs it as a program
        written.append(name)
    # an older wheel that this release replaced is the release's own file: it may go
    for name in earlier:
        if name.startswith(f"{WHEELS}/") and name not in files and (folder / name).exists():
            if _sha((folder / name).read_bytes()) == earlier[name]:
                (folder / name).unlink()
    recorded = {name: _sha(data) for name, data in files.items() if name not in kept}
    recorded.update({name: earlier[name] for name in kept if name in earlier})
    from . import __version__

    (folder / MANIFEST).write_text(
        json.dumps(
            {
                "soort": "leerlingrelease van Dossier Noord-Korea",
                "pakket": __version__,
                "gemaakt": dt.datetime.now().isoformat(timespec="seconds"),
                "files": dict(sorted(recorded.items())),
            },
            indent=1,
            ensure_ascii=False,
        )
        + "\n",
        encoding="utf-8",
    )
    return written


def _backup(folder: Path, path: Path) -> Path:
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = folder / BACKUP_DIR / f"{path.name}.{stamp}"
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(path, target)
    return target


def release_main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m dossier_lib release",
        description="Schrijf de leerlingrelease: alleen wat leerlingen mogen zien (voor nbgitpuller of Binder).",
    )
    parser.add_argument("map", type=Path, help="de map voor de release (leeg, of een eerdere release)")
    parser.add_argument("--force", action="store_true", help="vervang ook veranderde bestanden (met reservekopie)")
    args = parser.parse_args(argv)
    try:
        written = write_release(args.map, force=args.force)
    except (ReleaseError, NotInProjectError) as exc:
        print(exc, file=sys.stderr)
        return 2
    if NOTEBOOKS is not None:
        print(
            f"Leerlingrelease in {args.map}: {len(written)} bestand(en) geschreven of bijgewerkt. "
            "Maak er een eigen git-repository van (git init; git add .; git commit) en geef die aan "
            "nbgitpuller of Binder. Deze projectmap zelf blijft privé."
        )
    return 0
