"""`python -m dossier_lib student-notebooks`: student versions of the teacher notebooks.

One source, two versions (as in nbgrader). In a teacher notebook (notebooks/NN_*.ipynb):

- a code region between ``### BEGIN SOLUTION`` and ``### END SOLUTION`` is the answer.
  The student version keeps the left side of each assignment and replaces the rest:
  ``antwoord = ...  # vul hier je antwoord in``; other code becomes ``...``;
- a cell tagged ``solution`` is a solution as a whole (markdown: "Schrijf hier je antwoord.");
- a cell tagged ``teacher-only`` is left out;
- outputs that depend on who ran the notebook are cleared: cells tagged ``exercise``, solution
  cells, every cell that starts the lesson, checks, gives a hint, shows progress, checks
  citations or hands in, and every later cell that uses a name the answer cell assigns (a chart
  of ``citaten``, say): a student notebook never shows results the student did not produce.

The work is done by nbconvert preprocessors: TagRemovePreprocessor, our own
`ClearSolutionsPreprocessor`, and `ClearTaggedOutputPreprocessor` (a ClearOutputPreprocessor
for tagged cells only). The same input always gives byte-identical output.

A student's own work is never overwritten: ``notebooks/leerling/.generated.json`` keeps
the SHA-256 of what was written last. When a target differs from that, it was changed
by someone, and is skipped with a Dutch message, unless ``--force`` is given; then a
timestamped copy goes to ``notebooks/leerling/.backup/`` first. Writes are atomic.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import re
import shutil
import sys
from pathlib import Path
from typing import Any

from ..nl import meervoud
from ..paths import NOTEBOOKS
from .progress import atomic_write_text

LESSON_GLOB = "[0-9][0-9]_*.ipynb"
MANIFEST = ".generated.json"
BACKUP_DIR = ".backup"
TAG_SOLUTION, TAG_TEACHER_ONLY, TAG_EXERCISE = "solution", "teacher-only", "exercise"
CODE_PLACEHOLDER = "...  # vul hier je antwoord in"
TEXT_PLACEHOLDER = "*Schrijf hier je antwoord.*"

_BEGIN = re.compile(r"^(?P<indent>[ \t]*)(?:#+|<!--)\s*BEGIN SOLUTION\s*(?:-->)?\s*$")
_END = re.compile(r"^[ \t]*(?:#+|<!--)\s*END SOLUTION\s*(?:-->)?\s*$")
#: Calls whose output belongs to the student who ran the cell.
STUDENT_STATE = re.compile(r"\b(?:start|check|hint|voortgang|inleveren|controleer_citaten)\(")
_ASSIGN = re.compile(r"^(?P<target>[A-Za-z_]\w*(?:\s*,\s*[A-Za-z_]\w*)*)\s*(?::[^=]+)?=(?!=)")


def assigned_names(source: str) -> set[str]:
    """The names a cell assigns at its top level: ``citaten = [`` gives {"citaten"}.

    >>> sorted(assigned_names('citaten = [\\n    ("004", "..."),\\n]\\nx, y = 1, 2\\nif a == b: pass'))
    ['citaten', 'x', 'y']
    """
    names: set[str] = set()
    for line in source.split("\n"):
        m = _ASSIGN.match(line)
        if m:
            names.update(t.strip() for t in m.group("target").split(","))
    return names


def uses_any(source: str, names: set[str]) -> bool:
    """True when `source` mentions one of `names` as a whole word (``citaten``, not ``mijn_citaten``)."""
    return any(re.search(rf"(?<![\w.]){re.escape(n)}(?!\w)", source) for n in names)


def _placeholder(region: list[str], indent: str) -> list[str]:
    """Placeholder lines for one solution region: one per assigned name, else a bare `...`."""
    targets: list[str] = []
    for line in region:
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line.startswith(indent) or line[len(indent) : len(indent) + 1].isspace():
            continue  # a nested line: only the region's own level counts
        m = _ASSIGN.match(line[len(indent) :])
        if m:
            target = ", ".join(t.strip() for t in m.group("target").split(","))
            if target not in targets:
                targets.append(target)
    if not targets:
        return [indent + CODE_PLACEHOLDER]
    lines = []
    for target in targets:
        dots = ", ".join("..." for _ in target.split(","))
        lines.append(f"{indent}{target} = {dots}  # vul hier je antwoord in")
    return lines


def clear_solution_regions(source: str, markdown: bool = False) -> tuple[str, bool]:
    """`source` with every solution region replaced; and whether there was one."""
    lines = source.split("\n")
    out: list[str] = []
    found = False
    i = 0
    while i < len(lines):
        begin = _BEGIN.match(lines[i])
        if not begin:
            out.append(lines[i])
            i += 1
            continue
        found = True
        j = i + 1
        while j < len(lines) and not _END.match(lines[j]):
            j += 1
        region = lines[i + 1 : j]
        indent = begin.group("indent")
        out.extend([indent + TEXT_PLACEHOLDER] if markdown else _placeholder(region, indent))
        i = j + 1
    return "\n".join(out), found


def _tags(cell: Any) -> set[str]:
    return set(cell.get("metadata", {}).get("tags", []))


def _preprocessor_classes():
    from nbconvert.preprocessors import ClearOutputPreprocessor, Preprocessor

    class ClearSolutionsPreprocessor(Preprocessor):
        """Replace solution regions and whole solution cells by placeholders (like nbgrader's ClearSolutions)."""

        def preprocess_cell(self, cell, resources, index):
            markdown = cell.cell_type == "markdown"
            if cell.cell_type not in ("code", "markdown"):
                return cell, resources
            if TAG_SOLUTION in _tags(cell):
                if markdown:
                    cell.source = TEXT_PLACEHOLDER
                else:
                    resources.setdefault("answer_names", set()).update(assigned_names(cell.source))
                    cell.source = "\n".join(_placeholder(cell.source.split("\n"), ""))
                resources.setdefault("solution_cells", set()).add(index)
                return cell, resources
            source, found = clear_solution_regions(cell.source, markdown)
            if found:
                if not markdown:  # later cells that use these names show the teacher's answer
                    resources.setdefault("answer_names", set()).update(assigned_names(cell.source))
                cell.source = source
                resources.setdefault("solution_cells", set()).add(index)
            elif cell.cell_type == "code" and uses_any(cell.source, resources.get("answer_names", set())):
                resources.setdefault("answer_dependent_cells", set()).add(index)
            return cell, resources

    class ClearTaggedOutputPreprocessor(ClearOutputPreprocessor):
        """Clear outputs only of exercise cells, cells that held a solution, and cells that use its answer."""

        def preprocess_cell(self, cell, resources, index):
            if cell.cell_type == "code" and (
                _tags(cell) & {TAG_EXERCISE, TAG_SOLUTION}
                or index in resources.get("solution_cells", set())
                or index in resources.get("answer_dependent_cells", set())
                or STUDENT_STATE.search(cell.source)
            ):
                return super().preprocess_cell(cell, resources, index)
            return cell, resources

    return ClearSolutionsPreprocessor, ClearTaggedOutputPreprocessor


WIDGET_STATE = "application/vnd.jupyter.widget-state+json"
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
_MODEL_REF = re.compile(r"IPY_MODEL_([0-9a-f]+)")


def keep_reachable_widget_state(nb: Any) -> None:
    """Keep only the saved widget state that an output still shows (a cleared answer box keeps no text).

    The saved state lets JupyterLab and GitHub draw a widget before the cell runs. When an output is
    cleared (an exercise, a writing box), the state of its widgets would still carry the teacher's
    values in the notebook's metadata: it goes, with every model only it referred to.
    """
    saved = nb.metadata.get("widgets", {}).get(WIDGET_STATE)
    if not isinstance(saved, dict) or not isinstance(saved.get("state"), dict):
        return
    models = saved["state"]
    todo = [
        out["data"][WIDGET_VIEW].get("model_id")
        for cell in nb.cells
        if cell.cell_type == "code"
        for out in cell.get("outputs", [])
        if WIDGET_VIEW in out.get("data", {})
    ]
    reachable: set[str] = set()
    while todo:
        model_id = todo.pop()
        if model_id in reachable or model_id not in models:
            continue
        reachable.add(model_id)
        todo.extend(_MODEL_REF.findall(json.dumps(models[model_id])))
    if reachable:
        saved["state"] = {k: v for k, v in models.items() if k in reachable}
    else:
        del nb.metadata["widgets"]


def is_teacher_only(nb: Any, path: Path) -> bool:
    """The teacher guide and notebooks marked ``dossier.teacher_only`` get no student version."""
    return bool(nb.metadata.get("dossier", {}).get("teacher_only")) or path.name.startswith("00_")


def student_version(path: str | Path) -> str:
    """The student version of one teacher notebook, as the exact text to write."""
    import nbformat
    from nbconvert.preprocessors import TagRemovePreprocessor

    path = Path(path)
    raw = json.loads(path.read_text(encoding="utf-8"))
    if raw.get("nbformat") == 4 and raw.get("nbformat_minor", 0) >= 5:
        # nbformat would add *random* ids to cells without one; stable ids keep the output deterministic
        for number, cell in enumerate(raw.get("cells", [])):
            if isinstance(cell, dict) and not cell.get("id"):
                cell["id"] = hashlib.sha256(f"{path.name}:{number}".encode()).hexdigest()[:8]
    nb = nbformat.reads(json.dumps(raw), as_version=4)
    clear_solutions, clear_outputs = _preprocessor_classes()
    resources: dict = {}
    remove = TagRemovePreprocessor(remove_cell_tags={TAG_TEACHER_ONLY}, enabled=True)
    nb, resources = remove.preprocess(nb, resources)
    nb, resources = clear_solutions().preprocess(nb, resources)
    nb, resources = clear_outputs().preprocess(nb, resources)
    keep_reachable_widget_state(nb)
    meta = dict(nb.metadata.get("dossier", {}))
    meta.pop("code_sha256", None)
    meta.update(
        {
            "version": "leerling",
            "source": path.name,
            "note": "Leerlingversie, gemaakt met 'python -m dossier_lib student-notebooks'.",
        }
    )
    nb.metadata["dossier"] = meta
    text = nbformat.writes(nb, version=4)
    return text if text.endswith("\n") else text + "\n"


def _sha(text: str | bytes) -> str:
    data = text.encode("utf-8") if isinstance(text, str) else text
    return hashlib.sha256(data).hexdigest()


def _read_manifest(target: Path) -> dict[str, str]:
    try:
        data = json.loads((target / MANIFEST).read_text(encoding="utf-8"))
        files = data.get("files", {})
        return {k: v for k, v in files.items() if isinstance(k, str) and isinstance(v, str)}
    except (OSError, ValueError, AttributeError):
        return {}


def _backup(path: Path, target: Path) -> Path:
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    folder = target / BACKUP_DIR
    folder.mkdir(parents=True, exist_ok=True)
    backup = folder / f"{path.stem}.{stamp}{path.suffix}"
    n = 2
    while backup.exists():
        backup = folder / f"{path.stem}.{stamp}-{n}{path.suffix}"
        n += 1
    shutil.copy2(path, backup)
    return backup


def generate(
    source: Path | None = NOTEBOOKS, target: Path | None = None, force: bool = False, log=print
) -> tuple[list[Path], list[Path]]:
    """Write the student versions; returns (written or unchanged files, refused files)."""
    from ..paths import project_folder

    source = project_folder("de docentversies van de lessen", source)
    target = target or source / "leerling"
    lessons = [p for p in sorted(Path(source).glob(LESSON_GLOB))]
    manifest = _read_manifest(target)
    done: list[Path] = []
    refused: list[Path] = []
    import nbformat

    for path in lessons:
        nb = nbformat.read(path, as_version=4)
        if is_teacher_only(nb, path):
            log(f"{path.name}: alleen voor de docent, geen leerlingversie.")
            continue
        text = student_version(path)
        out = target / path.name
        new_hash = _sha(text)
        if out.exists():
            current = _sha(out.read_bytes())
            if current == new_hash:
                manifest[path.name] = new_hash
                done.append(out)
                log(f"{out.name}: ongewijzigd.")
                continue
            if current != manifest.get(path.name):
                if not force:
                    refused.append(out)
                    log(
                        f"{out}: NIET overschreven. Dit bestand is veranderd sinds het gemaakt werd "
                        "(misschien heeft een leerling erin gewerkt). Gebruik --force om het toch te "
                        "vervangen; dan wordt eerst een reservekopie gemaakt."
                    )
                    continue
                backup = _backup(out, target)
                log(f"{out.name}: reservekopie gemaakt in {backup}.")
        target.mkdir(parents=True, exist_ok=True)
        atomic_write_text(out, text)
        manifest[path.name] = new_hash
        done.append(out)
        log(f"{out.name}: geschreven.")
    names = {p.name for p in lessons}
    manifest = {name: sha for name, sha in manifest.items() if name in names}  # lessons that are gone
    if done or manifest:
        target.mkdir(parents=True, exist_ok=True)
        atomic_write_text(
            target / MANIFEST, json.dumps({"files": dict(sorted(manifest.items()))}, indent=1, sort_keys=True) + "\n"
        )
    return done, refused


def student_notebooks_main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m dossier_lib student-notebooks", description="Maak de leerlingversies van de lessen."
    )
    parser.add_argument("--source", type=Path, default=NOTEBOOKS, help="map met de docentversies (notebooks)")
    parser.add_argument("--target", type=Path, default=None, help="map voor de leerlingversies (notebooks/leerling)")
    parser.add_argument("--force", action="store_true", help="vervang ook veranderde bestanden (met reservekopie)")
    args = parser.parse_args(argv)
    if args.source is None:
        from ..paths import NotInProjectError, project_folder

        try:
            project_folder("de leerlingversies", None)
        except NotInProjectError as exc:
            print(exc, file=sys.stderr)
        return 2
    if not args.source.is_dir():
        print(f"De map {args.source} bestaat niet.", file=sys.stderr)
        return 2
    try:
        done, refused = generate(args.source, args.target, args.force)
    except Exception as exc:  # noqa: BLE001 - a broken notebook gets one readable line
        print(f"Het maken van de leerlingversies is mislukt: {exc}", file=sys.stderr)
        return 1
    if not done and not refused:
        print(f"Geen lessen gevonden in {args.source} (verwacht: {LESSON_GLOB}).")
    if refused:
        print(f"{meervoud(len(refused), 'bestand', 'bestanden')} niet overschreven; zie hierboven.", file=sys.stderr)
        return 1
    return 0
