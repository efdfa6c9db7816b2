"""How long each teacher notebook takes to run, next to an empty notebook on the same kernel.

Each notebook runs in a fresh venv kernel with nbclient, like `make notebooks`: as the example
student, in a scratch copy of the lessons folder (so no run sees another's progress, and the
teacher's folder gets no progress, grade lists or feedback pages from the gradebook notebook).
The empty notebook measures the fixed cost (starting a kernel); a second
baseline adds the usual imports (pandas, matplotlib, ipywidgets, dossier_lib),
the floor any real lesson pays. Prints a table; asserts nothing.
Target: a lesson takes at most 2x the empty notebook (the import floor alone is already ~2x).

    python benchmarks/bench_lessons.py [MAP]   (default notebooks/, or the demo while there are no lessons)
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from dossier_lib.notebook_runner import lesson_paths, scratch_folder, use_example_student  # noqa: E402

RUNS = 3
TARGET_RATIO = 2.0
FIXTURES = ROOT / "tests" / "fixtures" / "notebooks"
IMPORTS = "import pandas, matplotlib.pyplot, ipywidgets\nimport dossier_lib\ndossier_lib.load_dossier()"


def run_once(nb, folder: Path) -> float:
    """Seconds to run `nb` in a fresh scratch copy of `folder`."""
    import tempfile

    from nbclient import NotebookClient

    with tempfile.TemporaryDirectory(prefix="dossier-bench-") as tmp:
        cwd = scratch_folder(folder, Path(tmp))
        start = time.perf_counter()
        NotebookClient(nb, kernel_name="python3", timeout=600, resources={"metadata": {"path": str(cwd)}}).execute()
        return time.perf_counter() - start


def median_run(make_nb, cwd: Path, runs: int = RUNS) -> float:
    return statistics.median(run_once(make_nb(), cwd) for _ in range(runs))


def main(argv: list[str]) -> None:
    import nbformat
    from nbformat.v4 import new_code_cell, new_notebook

    folder = Path(argv[0]) if argv else ROOT / "notebooks"
    lessons = lesson_paths(folder) or lesson_paths(FIXTURES)
    use_example_student()
    empty = median_run(lambda: new_notebook(cells=[new_code_cell("")]), folder)
    imports = median_run(lambda: new_notebook(cells=[new_code_cell(IMPORTS)]), folder)
    print(f"{'notebook':32} {'tijd':>8} {'x leeg':>7} {'x imports':>10}")
    print(f"{'(leeg notebook)':32} {empty:7.2f}s {1:7.2f} {'':>10}")
    print(f"{'(alleen imports + dossier)':32} {imports:7.2f}s {imports / empty:7.2f} {1:10.2f}")
    ratios = []
    for path in lessons:
        seconds = median_run(lambda path=path: nbformat.read(path, as_version=4), path.parent)
        ratios.append(seconds / empty)
        flag = "" if seconds / empty <= TARGET_RATIO else "  (> 2x leeg)"
        print(f"{path.name[:32]:32} {seconds:7.2f}s {seconds / empty:7.2f} {seconds / imports:10.2f}{flag}")
    if ratios:
        print(
            f"\nmediaan van {RUNS} runs per notebook; doel <= {TARGET_RATIO:g}x een leeg notebook; "
            f"slechtste: {max(ratios):.2f}x"
        )


if __name__ == "__main__":
    main(sys.argv[1:])
