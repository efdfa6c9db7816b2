"""A class presses "Run All" at once: 30 kernels, each running the same student lesson in its own folder.

What a school server sees at the start of a lesson. Measured against 30 empty notebooks
started at the same moment (the cost of 30 kernels alone) and against the stack floor (30
notebooks that only import matplotlib, pandas and ipywidgets: what any lesson on this stack
costs at least), on this machine:

- the time until the whole class is done, for the lesson and for the empty notebooks, and the ratio;
- the slowest student's wait (from "Run All" until their last cell has run);
- the memory of a kernel after the lesson (resident set, read inside each kernel at the end).

All kernels run in one process with asyncio, as under one JupyterLab/JupyterHub server
(nbclient, the venv's kernel). Each student has their own working folder, identity and
hand-in folder. Prints numbers; asserts nothing. Aim: lesson ≤ 1.5 × empty.

    python benchmarks/bench_class.py [--leerlingen 30] [--les 06]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TARGET_RATIO = 1.5
#: Appended to every notebook: the kernel's own resident memory and CPU time so far.
MEASURE_CELL = (
    "import os as _os\n"
    "_t = _os.times()\n"
    "print('RSS', int(open('/proc/self/statm').read().split()[1]) * _os.sysconf('SC_PAGE_SIZE'), _t.user + _t.system)"
)


def student_lesson(lesson: str) -> Path:
    found = sorted((ROOT / "notebooks" / "leerling").glob(f"{lesson}_*.ipynb"))
    if not found:
        raise SystemExit(f"Geen leerlingversie van les {lesson} in notebooks/leerling/.")
    return found[0]


#: The stack floor: what every lesson on this stack imports at least.
FLOOR_CELL = "import matplotlib.pyplot\nimport pandas\nimport ipywidgets"


def _notebook(path: Path | None, code: str = ""):
    import nbformat
    from nbformat.v4 import new_code_cell, new_notebook

    nb = nbformat.read(path, as_version=4) if path else new_notebook(cells=[new_code_cell(code)])
    nb.cells.append(new_code_cell(MEASURE_CELL))
    return nb


async def _one_student(nb, folder: Path, number: int, started: float) -> tuple[float, int, float]:
    from jupyter_client.manager import AsyncKernelManager
    from nbclient import NotebookClient

    env = dict(
        os.environ,
        DOSSIER_LEERLING=f"leerling-{number:02d}",
        DOSSIER_INLEVEREN=str(folder / "inleveren"),
        DOSSIER_OFFLINE="1",
    )
    # IPC sockets in the student's folder: thirty kernels starting at once never race for the same TCP port.
    km = AsyncKernelManager(kernel_name="python3", transport="ipc", ip=str(folder / "kernel"))
    client = NotebookClient(nb, km=km, timeout=900, startup_timeout=600, resources={"metadata": {"path": str(folder)}})
    try:
        await client.async_execute(env=env, cwd=str(folder))
        waited = time.perf_counter() - started
    finally:  # the client does not own a kernel manager it was given: stop the kernel ourselves
        if km.has_kernel:
            await km.shutdown_kernel(now=True)
    text = "".join(o.get("text", "") for o in nb.cells[-1].outputs if o.get("output_type") == "stream")
    parts = text.split()
    rss, cpu = (int(parts[1]), float(parts[2])) if text.startswith("RSS") else (0, 0.0)
    return waited, rss, cpu


async def _class(
    path: Path | None, students: int, base: Path, code: str = ""
) -> tuple[float, list[tuple[float, int, float]], float]:
    folders = []
    for n in range(students):
        folder = base / f"leerling-{n:02d}"
        folder.mkdir(parents=True)
        if path is not None:  # the student's own copy of the lesson folder (as after nbgitpuller)
            shutil.copy2(path, folder / path.name)
        folders.append(folder)
    notebooks = [_notebook(path, code) for _ in range(students)]
    started = time.perf_counter()
    cpu_started = time.process_time()
    results = await asyncio.gather(
        *(_one_student(nb, folder, n, started) for n, (nb, folder) in enumerate(zip(notebooks, folders)))
    )
    return time.perf_counter() - started, results, time.process_time() - cpu_started


def run_class(path: Path | None, students: int, code: str = "") -> tuple[float, list[tuple[float, int, float]], float]:
    with tempfile.TemporaryDirectory(prefix="dossier-klas-") as tmp:
        return asyncio.run(_class(path, students, Path(tmp), code))


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--leerlingen", type=int, default=30)
    parser.add_argument("--les", default="06")
    args = parser.parse_args(argv)
    lesson = student_lesson(f"{int(args.les):02d}")
    load = os.getloadavg()
    print(
        f"{args.leerlingen} leerlingen tegelijk, les {lesson.name} (leerlingversie); {os.cpu_count()} kernen; "
        f"belasting vooraf {load[0]:.2f} / {load[1]:.2f} / {load[2]:.2f} (1 / 5 / 15 min)"
    )
    empty_total, empty, empty_client = run_class(None, args.leerlingen)
    print(
        f"  {args.leerlingen} lege notebooks:  klaar na {empty_total:6.1f} s (langste wacht {max(w for w, _, _ in empty):.1f} s)"
    )
    floor_total, floor, _ = run_class(None, args.leerlingen, FLOOR_CELL)
    print(
        f"  {args.leerlingen} x alleen de imports (matplotlib, pandas, ipywidgets): klaar na {floor_total:6.1f} s "
        f"(langste wacht {max(w for w, _, _ in floor):.1f} s)"
    )
    lesson_total, done, lesson_client = run_class(lesson, args.leerlingen)
    waits = [w for w, _, _ in done]
    print(f"  {args.leerlingen} keer de les:     klaar na {lesson_total:6.1f} s")
    print(f"  verhouding les / leeg: {lesson_total / empty_total:.2f}x (doel <= {TARGET_RATIO:g}x)")
    print(f"  verhouding les / alleen de imports (de vloer van deze stack): {lesson_total / floor_total:.2f}x")
    print(
        f"  wachttijd per leerling: mediaan {statistics.median(waits):.1f} s, langste {max(waits):.1f} s, "
        f"kortste {min(waits):.1f} s"
    )

    def median(rows, i, scale=1.0):
        values = [r[i] * scale for r in rows if r[i]]
        return statistics.median(values) if values else 0.0

    print(
        f"  geheugen per kernel na de les: mediaan {median(done, 1, 1e-6):.0f} MB "
        f"(leeg notebook: {median(empty, 1, 1e-6):.0f} MB); samen {sum(r[1] for r in done) / 1e9:.1f} GB"
    )
    print(
        f"  CPU-tijd per kernel: les {median(done, 2):.2f} s, alleen de imports {median(floor, 2):.2f} s, "
        f"leeg notebook {median(empty, 2):.2f} s (les min imports: {median(done, 2) - median(floor, 2):.2f} s per leerling)"
    )
    print(
        f"  CPU-tijd van de kant die de kernels aanstuurt (hier nbclient, op een hub de server): "
        f"les {lesson_client:.1f} s, leeg {empty_client:.1f} s"
    )
    after = os.getloadavg()
    print(f"  belasting na afloop {after[0]:.2f} / {after[1]:.2f} / {after[2]:.2f}")


if __name__ == "__main__":
    main(sys.argv[1:])
