"""`make present LESSON=06`: show a lesson full screen for the class with Voilà on localhost.

Voilà runs the notebook and shows only its outputs (text, charts, widgets),
without code: what a teacher puts on the projector.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"


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
    voila = shutil.which("voila", path=str(Path(sys.executable).parent)) or "voila"
    cmd = [voila, str(notebook), f"--port={port}", "--Voila.ip=127.0.0.1", "--strip_sources=True", "--theme=light"]
    if not open_browser:
        cmd.append("--no-browser")
    return cmd


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
        return subprocess.call(voila_command(notebook, args.port, not args.no_browser), cwd=notebook.parent)
    except KeyboardInterrupt:
        return 0
