"""`make present LESSON=06`: show a lesson full screen for the class, with Voilà on localhost, without answers.

By default the class sees the *student* version, prepared for a projector:

- no solutions and no stored outputs (it is made from the teacher notebook the way the
  student version is, see exercises/student.py, and then every output is cleared);
- no exercise cells and no instruction cells that point at code the class cannot see
  (cells tagged ``exercise``, ``solution`` or ``alleen-notebook`` are left out), so no
  feedback box can show an answer;
- nothing is stored: the kernel runs with ``DOSSIER_PRESENTEREN=1`` (no progress, no
  hand-in, no name asked), in a temporary folder;
- offline: a Voilà template of our own leaves out the icon fonts Voilà would fetch from a CDN.

``--docent`` shows the teacher version instead (solutions run, answers visible) after a warning.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from .paths import NOTEBOOKS, PACKAGE

#: Cells the class does not see when a lesson is presented.
HIDDEN_TAGS = {"exercise", "solution", "alleen-notebook", "teacher-only"}
TEMPLATE_ROOT = PACKAGE / "data" / "voila"
TEMPLATE = "dossier"
TEACHER_WARNING = "LET OP: dit is de docentversie. Alle antwoorden en de feedback zijn zichtbaar voor de klas."


def find_lesson(lesson: str, folder: Path | None = NOTEBOOKS) -> Path:
    """The teacher notebook whose name starts with the lesson number ("6", "06" or "06_hanoi")."""
    from .paths import project_folder

    folder = project_folder("het presenteren van een les", folder)
    key = lesson.removesuffix(".ipynb")
    if key.isdigit():
        key = f"{int(key):02d}_"
    matches = sorted(p for p in folder.glob("[0-9][0-9]_*.ipynb") if p.name.startswith(key))
    if len(matches) != 1:
        known = ", ".join(p.stem for p in sorted(folder.glob("[0-9][0-9]_*.ipynb")))
        raise SystemExit(f"Geen (eenduidige) les {lesson!r} gevonden in {folder}. Kies uit: {known}.")
    return matches[0]


def presentation(teacher_notebook: Path, docent: bool = False):
    """The notebook the class sees: student version (or teacher version), hidden cells out, no outputs."""
    import nbformat

    from .exercises.student import student_version

    if docent:
        nb = nbformat.read(teacher_notebook, as_version=4)
        nb.cells = [c for c in nb.cells if "teacher-only" not in c.metadata.get("tags", [])]
        banner = nbformat.v4.new_markdown_cell(f"**{TEACHER_WARNING}**")
        nb.cells.insert(0, banner)
    else:
        nb = nbformat.reads(student_version(teacher_notebook), as_version=4)
        nb.cells = [c for c in nb.cells if not HIDDEN_TAGS & set(c.metadata.get("tags", []))]
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
    nb.metadata.pop("widgets", None)
    return nb


def prepare(teacher_notebook: Path, folder: Path, docent: bool = False) -> Path:
    """Write the presentation of one lesson into `folder`; returns the notebook's path."""
    import nbformat

    folder.mkdir(parents=True, exist_ok=True)
    target = folder / teacher_notebook.name
    nbformat.write(presentation(teacher_notebook, docent), target)
    return target


def voila_command(notebook: Path, port: int, open_browser: bool) -> list[str]:
    voila = shutil.which("voila", path=str(Path(sys.executable).parent)) or "voila"
    cmd = [
        voila,
        str(notebook),
        f"--port={port}",
        "--Voila.ip=127.0.0.1",
        "--strip_sources=True",
        f"--template={TEMPLATE}",
        "--theme=light",
    ]
    if not open_browser:
        cmd.append("--no-browser")
    return cmd


def voila_environment(base: dict | None = None) -> dict:
    """The environment for Voilà: our template on its path, nothing stored, no student identity."""
    env = dict(os.environ if base is None else base)
    env["JUPYTER_PATH"] = os.pathsep.join(p for p in (str(TEMPLATE_ROOT), env.get("JUPYTER_PATH", "")) if p)
    env["DOSSIER_PRESENTEREN"] = "1"
    for name in ("DOSSIER_LEERLING", "DOSSIER_VOORTGANG", "DOSSIER_INLEVEREN"):
        env.pop(name, None)
    return env


def present_main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m dossier_lib present",
        description="Toon een les schermvullend voor de klas (zonder code en zonder antwoorden) met Voilà.",
    )
    parser.add_argument("lesson", help="lesnummer, bijvoorbeeld 06")
    parser.add_argument("--port", type=int, default=8866)
    parser.add_argument("--no-browser", action="store_true", help="open geen browservenster")
    parser.add_argument("--docent", action="store_true", help="toon de docentversie: met alle antwoorden")
    args = parser.parse_args(argv)
    from .paths import NotInProjectError

    try:
        teacher_notebook = find_lesson(args.lesson)
    except NotInProjectError as exc:
        print(exc, file=sys.stderr)
        return 2
    if args.docent:
        print(TEACHER_WARNING)
    with tempfile.TemporaryDirectory(prefix="dossier-presentatie-") as tmp:
        notebook = prepare(teacher_notebook, Path(tmp), args.docent)
        version = "docentversie" if args.docent else "leerlingversie, zonder antwoorden"
        print(f"Les {notebook.stem} ({version}) staat klaar op http://127.0.0.1:{args.port}/ (stoppen: Ctrl+C)")
        try:
            return subprocess.call(
                voila_command(notebook, args.port, not args.no_browser), cwd=tmp, env=voila_environment()
            )
        except KeyboardInterrupt:
            return 0
