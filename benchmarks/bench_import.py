"""How long `import dossier_lib` takes in a fresh Python, next to `import json`.

The lessons start with this import, so it must stay cheap: pandas, matplotlib
and ipywidgets load only when a table, chart or widget is asked for.
Prints numbers; asserts nothing. Target: ratio <= 3.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

RUNS = 15
TARGET_RATIO = 3.0
ROOT = Path(__file__).resolve().parent.parent


def median_seconds(code: str, runs: int = RUNS) -> float:
    """Median wall time of `python -c CODE` in a new process (one warm-up run first)."""
    command = [sys.executable, "-c", code]
    subprocess.run(command, check=True, cwd=ROOT)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, check=True, cwd=ROOT)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def heavy_modules_loaded() -> list[str]:
    """Which big libraries `import dossier_lib` pulls in (should be none)."""
    code = (
        "import sys, dossier_lib; print(' '.join(m for m in ('pandas', 'matplotlib', 'ipywidgets', 'yaml', "
        "'numpy', 'IPython') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT, capture_output=True, text=True)
    return out.stdout.split()


def main() -> None:
    base = median_seconds("import json")
    ours = median_seconds("import dossier_lib")
    ratio = ours / base
    print(f"import json         {base * 1000:7.1f} ms  (mediaan van {RUNS})")
    print(f"import dossier_lib  {ours * 1000:7.1f} ms  (mediaan van {RUNS})")
    print(
        f"verhouding          {ratio:7.2f}x   (doel: <= {TARGET_RATIO:g}x) {'OK' if ratio <= TARGET_RATIO else 'TE TRAAG'}"
    )
    heavy = heavy_modules_loaded()
    print(f"zware modules bij import: {', '.join(heavy) if heavy else 'geen'}")


if __name__ == "__main__":
    main()
