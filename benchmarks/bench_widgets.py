"""How fast each widget answers when a student changes a control. Target: every callback < 100 ms.

Builds every widget on the real dossier (annotations computed once, as in a
lesson after the first cell), then changes each control several times and
times the callback that rebuilds the HTML. Prints a table and the slowest
callback; exits with status 1 when one is over the target.

    .venv/bin/python benchmarks/bench_widgets.py
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from dossier_lib import load_dossier, widgets  # noqa: E402

TARGET_MS = 100.0
REPEATS = 5


def timed(action: Callable[[], None]) -> float:
    start = time.perf_counter()
    action()
    return (time.perf_counter() - start) * 1000


def main() -> int:
    dossier = load_dossier()
    t0 = time.perf_counter()
    reader = widgets.article_reader(dossier)
    timeline = widgets.timeline_explorer(dossier)
    conc = widgets.concordance(dossier)
    actors = widgets.actor_explorer(dossier)
    side = widgets.side_by_side(dossier[0], dossier[-1])
    print(f"alle widgets gebouwd (met annotaties, eerste keer): {(time.perf_counter() - t0) * 1000:.0f} ms")

    months = [v for _, v in timeline.slider.options]
    people = [v for _, v in actors.chooser.options]
    cases: dict[str, list[Callable[[], None]]] = {
        "lezer: ander artikel": [lambda k=k: setattr(reader.chooser, "value", k % len(dossier)) for k in range(1, 6)],
        "lezer: soort aan/uit": [
            lambda t=t: setattr(reader.toggles[t], "value", not reader.toggles[t].value) for t in widgets.READER_TYPES
        ],
        "tijdlijn: periode": [
            lambda a=a: setattr(timeline.slider, "value", (months[a], months[a + 6])) for a in range(0, 18, 3)
        ],
        "tijdlijn: gebeurtenis": [
            lambda k=k: setattr(timeline.chooser, "value", timeline.chooser.options[k][1])
            for k in range(min(5, len(timeline.chooser.options)))
        ],
        "concordantie: zoek": [
            lambda w=w: setattr(conc.search, "value", w) for w in ("sancties", "top", "Kim", "e", "Trump")
        ],
        "concordantie: sorteer": [lambda: setattr(conc.search, "value", "de")]  # 381 hits to sort
        + [lambda s=s: setattr(conc.sort, "value", s) for s in ("left", "right", "article")],
        "concordantie: regex": [
            lambda: setattr(conc.regex, "value", True),
            lambda: setattr(conc.search, "value", r"\btop\w*"),
            lambda: setattr(conc.search, "value", "(kapot"),
        ],
        "personen: kies": [lambda p=p: setattr(actors.chooser, "value", p) for p in people[:8]],
        "naast elkaar: markeer": [lambda w=w: setattr(side.search, "value", w) for w in ("Kim", "sancties", "top", "")],
    }
    worst_name, worst = "", 0.0
    print(f"{'callback':28} {'mediaan':>9} {'traagst':>9}")
    for name, actions in cases.items():
        times = [timed(action) for _ in range(REPEATS) for action in actions]
        slowest = max(times)
        print(f"{name:28} {statistics.median(times):7.1f} ms {slowest:7.1f} ms")
        if slowest > worst:
            worst_name, worst = name, slowest
    print(f"traagste callback: {worst_name} ({worst:.1f} ms; doel < {TARGET_MS:.0f} ms)")
    return 0 if worst < TARGET_MS else 1


if __name__ == "__main__":
    raise SystemExit(main())
