"""`make present LESSON=06`: show a lesson full screen for the class with Voilà on localhost.

Voilà runs the notebook and shows only its outputs (text, charts, widgets),
without code: what a teacher puts on the projector. The "projector" template
(dossier_lib/projector/voila/templates/projector) makes the text large enough to
read from the back of a classroom at 1280×720.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"
#: A Jupyter data folder holding our Voilà template "projector" (found through JUPYTER_PATH).
PROJECTOR = Path(__file__).resolve().parent / "projector"


def find_lesson(lesson: str, folder: Path = NOTEBOOKS) -> Path:
    """The teacher notebook whose name starts with the lesson number ("6", "06" or "06_hanoi")."""
    key = lesson.removesuffix(".ipynb")
    if key.isdigit():
        key = f"{int(key):02d}_"
    matches = sorted(p for p in folder.glob("*.ipynb") if p.name.startswith(key))
    if len(matches) != 1:
        known = ", ".join(p.stem for p in sorted(folder.glob("[0-9][0-9]_*.ipynb")))
        raise SystemExit(f"Geen (eenduidige) les {lesson!r} gevonden in {folder}. Kies uit: {known}.")
    return matches[0]


def voila_command(notebook: Path, port: int, open_browser: bool) -> list[str]:
    """The Voilà command line: on localhost only, without code, light theme, projector template."""
    voila = shutil.which("voila", path=str(Path(sys.executable).parent)) or "voila"
    cmd = [
        voila,
        str(notebook),
        f"--port={port}",
        "--Voila.ip=127.0.0.1",
        "--strip_sources=True",
        "--theme=light",
        "--template=projector",
    ]
    if not open_browser:
        cmd.append("--no-browser")
    return cmd


def voila_environment(base: dict[str, str] | None = None) -> dict[str, str]:
    """The environment for Voilà: JUPYTER_PATH also points at our projector template."""
    env = dict(os.environ if base is None else base)
    env["JUPYTER_PATH"] = os.pathsep.join(p for p in (str(PROJECTOR), env.get("JUPYTER_PATH", "")) if p)
    return env


def present_main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m dossier_lib present", description="Toon een les schermvullend (zonder code) met Voilà."
    )
    parser.add_argument("lesson", help="lesnummer, bijvoorbeeld 06")
    parser.add_argument("--port", type=int, default=8866)
    parser.add_argument("--no-browser", action="store_true", help="open geen browservenster")
    args = parser.parse_args(argv)
    notebook = find_lesson(args.lesson)
    print(f"Les {notebook.stem} staat klaar op http://127.0.0.1:{args.port}/ (stoppen: Ctrl+C)")
    try:
        return subprocess.call(
            voila_command(notebook, args.port, not args.no_browser), cwd=notebook.parent, env=voila_environment()
        )
    except KeyboardInterrupt:
        return 0
