"""`make notebooks`: re-run the teacher notebooks and store their fresh outputs.

nbval (in `make test`) compares a fresh run against the outputs stored in each
teacher notebook, so those stored outputs must come from a clean top-to-bottom
run. This module makes that run (nbclient, the venv's kernel, a clean copy of
the notebooks folder as working directory, widget state saved so widgets show on GitHub and
nbviewer) and records a fingerprint of the code it ran. `--check` compares
that fingerprint without running anything, so a test can say which notebook
is stale.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import time
from pathlib import Path
from typing import Any

from .paths import NOTEBOOKS

#: The stored outputs of the teacher notebooks show this student (never a real one).
EXAMPLE_STUDENT = "Voorbeeld Leerling"
#: Settings that would make a run depend on who runs it, or write outside the scratch folder.
PERSONAL_SETTINGS = (
    "JUPYTERHUB_USER",
    "DOSSIER_VOORTGANG",
    "DOSSIER_INLEVEREN",
    "DOSSIER_PRESENTEREN",
    "DOSSIER_ARTIKELEN",
)


def use_example_student(environ=None) -> None:
    """Make kernels started from now on run as the example student, with every personal setting off."""
    import os

    environ = os.environ if environ is None else environ
    for name in PERSONAL_SETTINGS:
        environ.pop(name, None)
    environ["DOSSIER_LEERLING"] = EXAMPLE_STUDENT


LESSON_GLOB = "[0-9][0-9]_*.ipynb"
KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}
METADATA_KEY = "dossier"
CELL_TIMEOUT = 300
SKIP_TAGS = {"nbval-skip"}
RERUN_HINT = "voer 'make notebooks' uit"

_MODEL_ID = re.compile(r"(?<![0-9a-f])[0-9a-f]{32}(?![0-9a-f])")


def lesson_paths(folder: str | Path | None = NOTEBOOKS) -> list[Path]:
    """The teacher notebooks in `folder` (``01_*.ipynb`` ... ``99_*.ipynb``), in lesson order."""
    return sorted(Path(folder).glob(LESSON_GLOB)) if folder is not None else []


def code_fingerprint(nb: Any) -> str:
    """A hash of every code cell's source: it changes whenever the code that made the outputs changes."""
    digest = hashlib.sha256()
    for cell in nb.cells:
        if cell.cell_type == "code":
            digest.update(cell.source.encode("utf-8"))
            digest.update(b"\x00")
    return digest.hexdigest()


def _is_skipped(cell: Any) -> bool:
    return bool(SKIP_TAGS & set(cell.get("metadata", {}).get("tags", [])))


def stale_reasons(path: str | Path) -> list[str]:
    """Why the stored outputs of one teacher notebook cannot be trusted (empty list: all fine)."""
    import nbformat

    path = Path(path)
    try:
        nb = nbformat.read(path, as_version=4)
    except Exception as exc:  # noqa: BLE001 - any unreadable file gets the same plain message
        return [f"{path.name}: dit notebook kan niet gelezen worden ({exc})."]
    reasons = []
    stored = nb.metadata.get(METADATA_KEY, {}).get("code_sha256")
    if stored is None:
        reasons.append(f"{path.name}: nog nooit met 'make notebooks' uitgevoerd; {RERUN_HINT}.")
    elif stored != code_fingerprint(nb):
        reasons.append(
            f"{path.name}: de code is veranderd na de laatste run, de opgeslagen uitvoer is oud; {RERUN_HINT}."
        )
    counts, unrun = [], []
    for number, cell in enumerate(c for c in nb.cells if c.cell_type == "code"):
        if not cell.source.strip() or _is_skipped(cell):
            continue
        if cell.execution_count is None:
            unrun.append(str(number))
        else:
            counts.append(cell.execution_count)
    if unrun:
        reasons.append(f"{path.name}: codecel {', '.join(unrun)} is niet uitgevoerd; {RERUN_HINT}.")
    if counts and counts != sorted(counts):
        reasons.append(f"{path.name}: de cellen zijn niet van boven naar beneden uitgevoerd; {RERUN_HINT}.")
    if nb.metadata.get("kernelspec", {}).get("name") != "python3":
        reasons.append(f"{path.name}: de kernel moet 'python3' heten; {RERUN_HINT}.")
    return reasons


def _normalised(nb: Any) -> str:
    """The notebook as text without what changes on every run: the random widget model ids.

    Ids are renamed in the order a reader meets them (outputs first, then the models
    they refer to), so two runs that built the same widgets give the same text.
    """
    import nbformat

    text = nbformat.writes(nb)
    labels: dict[str, str] = {}
    states = nb.metadata.get("widgets", {}).get("application/vnd.jupyter.widget-state+json", {})
    states = states.get("state", {})

    def visit(model_id: str) -> None:
        if model_id in labels:
            return
        labels[model_id] = f"MODEL{len(labels)}"
        state_text = json.dumps(states.get(model_id, {}), sort_keys=True)
        for child in re.findall(r"IPY_MODEL_([0-9a-f]{32})", state_text):
            visit(child)

    for cell in nb.cells:
        for output in cell.get("outputs", []):
            view = output.get("data", {}).get("application/vnd.jupyter.widget-view+json")
            if view and "model_id" in view:
                visit(view["model_id"])
    for model_id in sorted(states, key=lambda m: _MODEL_ID.sub("", json.dumps(states[m], sort_keys=True))):
        visit(model_id)
    text = _MODEL_ID.sub(lambda m: labels.get(m.group(), "MODEL"), text)
    return json.dumps(json.loads(text), sort_keys=True, indent=1)


def execute_notebook(path: str | Path, cwd: str | Path | None = None, timeout: int = CELL_TIMEOUT) -> Any:
    """Run one notebook top to bottom in a fresh venv kernel and return it with fresh outputs."""
    import nbformat
    from nbclient import NotebookClient

    path = Path(path)
    nb = nbformat.read(path, as_version=4)
    nb.metadata["kernelspec"] = dict(KERNELSPEC)
    client = NotebookClient(
        nb,
        timeout=timeout,
        kernel_name="python3",
        resources={"metadata": {"path": str(cwd or path.parent)}},
        store_widget_state=True,
        record_timing=False,
    )
    client.execute()
    nb.metadata[METADATA_KEY] = {"code_sha256": code_fingerprint(nb)}
    return nb


#: Left out of the scratch copy: student work and files the lessons write themselves.
SCRATCH_IGNORE = (".ipynb_checkpoints", "leerling", "inleveren", ".*.json")


def scratch_folder(folder: Path, base: Path) -> Path:
    """A clean copy of the lessons folder to run in: same layout, but no progress or hand-in files.

    The lessons write a progress file next to themselves; a run in the real folder
    would depend on (and change) the teacher's own progress, so outputs would differ from nbval's.
    """
    import shutil

    target = base / folder.name
    shutil.copytree(folder, target, ignore=shutil.ignore_patterns(*SCRATCH_IGNORE))
    return target


def run_notebook(path: str | Path, cwd: str | Path | None = None) -> bool:
    """Execute `path` (in `cwd`) and write it back, unless only random widget ids changed. True if written."""
    import nbformat

    path = Path(path)
    old = nbformat.read(path, as_version=4)
    new = execute_notebook(path, cwd=cwd or path.parent)
    if _normalised(new) == _normalised(old):
        return False
    nbformat.validate(new)
    nbformat.write(new, path)
    return True


def run_notebooks_main(argv: list[str]) -> int:
    """Command line for `python -m dossier_lib run-notebooks [--check] [--folder MAP] [LES ...]`."""
    parser = argparse.ArgumentParser(
        prog="python -m dossier_lib run-notebooks",
        description="Voer de docentversies van de lessen uit en bewaar de verse uitvoer.",
    )
    parser.add_argument("lessons", nargs="*", help="alleen deze lessen (bijvoorbeeld 03 of 03_singapore.ipynb)")
    parser.add_argument(
        "--check", action="store_true", help="voer niets uit: zeg alleen welke notebooks oude uitvoer hebben"
    )
    parser.add_argument("--folder", default=NOTEBOOKS, help="map met de lessen (standaard: notebooks/)")
    args = parser.parse_args(argv)

    if args.folder is None:
        print("Voor 'run-notebooks' is de projectmap van de docent nodig (met notebooks/).", file=sys.stderr)
        return 2
    folder = Path(args.folder)
    if not folder.is_dir():
        print(f"De map {folder} bestaat niet.", file=sys.stderr)
        return 2
    paths = lesson_paths(folder)
    if args.lessons:
        wanted = [name.removesuffix(".ipynb") for name in args.lessons]
        paths = [p for p in paths if any(p.stem.startswith(w) for w in wanted)]
        if not paths:
            print(f"Geen lessen gevonden voor {', '.join(args.lessons)} in {folder}.", file=sys.stderr)
            return 2
    if not paths:
        print(f"Geen lessen (NN_naam.ipynb) gevonden in {folder}.")
        return 0

    if args.check:
        reasons = [r for p in paths for r in stale_reasons(p)]
        for reason in reasons:
            print(reason)
        if not reasons:
            print(f"Alle {len(paths)} lessen hebben verse uitvoer.")
        return 1 if reasons else 0

    import tempfile

    use_example_student()
    failed = 0
    with tempfile.TemporaryDirectory(prefix="dossier-run-") as tmp:
        for path in paths:  # a fresh copy each: one lesson's progress must not show up in the next
            failed += _run_and_report(path, scratch_folder(folder, Path(tmp) / path.stem))
    return 1 if failed else 0


def _run_and_report(path: Path, workdir: Path) -> int:
    """Run one notebook, print one line about it; return 1 if it failed."""
    started = time.perf_counter()
    try:
        written = run_notebook(path, cwd=workdir)
    except Exception as exc:  # noqa: BLE001 - report per notebook, go on with the next
        print(f"FOUT  {path.name}: {_short_error(exc)}", file=sys.stderr)
        return 1
    state = "bijgewerkt" if written else "ongewijzigd"
    print(f"{state:11} {path.name} ({time.perf_counter() - started:.1f} s)")
    return 0


def _short_error(exc: Exception) -> str:
    """The last lines of a cell error, without the long traceback."""
    text = str(exc).strip()
    lines = [line for line in text.splitlines() if line.strip()]
    return "\n      ".join(lines[-3:]) if lines else type(exc).__name__


if __name__ == "__main__":  # pragma: no cover
    sys.exit(run_notebooks_main(sys.argv[1:]))
