"""Lesson 05 (Peking, januari 2019): Kim's visits to China as a table and a small timeline.

>>> china_bezoeken()["dagen"].tolist()
[4, 2, 2, 4]
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..display import whole_text

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd
    from matplotlib.figure import Figure

    from ..corpus import Dossier

#: Kim's four visits to China, as ids in dossier_lib/data/timeline.yaml.
VISITS = ("kim-china-visit-1", "kim-china-visit-2", "kim-china-visit-3", "kim-china-visit-4")
#: What happened around the visits: the summits with Trump and the trade talks in Beijing.
CONTEXT = ("singapore-summit", "us-china-trade-talks-january-2019", "hanoi-summit")


def _events(ids: tuple[str, ...], dossier: Dossier | None):
    from ..annotate.timeline import load_timeline
    from ..arguments import dossier_arg

    if dossier is not None:
        dossier = dossier_arg(dossier, "peking.china_bezoeken(dossier)", allow_article=False)

    by_id = {e.id: e for e in load_timeline(dossier)}
    missing = [i for i in ids if i not in by_id]
    if missing:
        raise KeyError(f"Deze gebeurtenissen staan niet in de tijdlijn: {', '.join(missing)}.")
    return [by_id[i] for i in ids]


def china_bezoeken(dossier: Dossier | None = None) -> pd.DataFrame:
    """One row per visit of Kim to China: dates in Dutch, place, days, and whether an article mentions it."""

    from ..analysis import label

    rows = []
    for number, e in enumerate(_events(VISITS, dossier), start=1):
        rows.append(
            {
                "bezoek": number,
                "wanneer": e.date_label,
                "plaats": label(e.place),
                "dagen": e.days,
                "in een artikel?": "ja" if e.covered else "nee",
            }
        )
    return whole_text(rows, index="bezoek")


def china_tijdlijn(dossier: Dossier | None = None) -> Figure:
    """Kim's visits to China between the summits with Trump, on the dossier's timeline chart."""
    import matplotlib.pyplot as plt

    from .. import charts

    events = _events(VISITS + CONTEXT, dossier)
    fig, ax = plt.subplots(figsize=(10, 4.2))
    charts.timeline_chart(dossier, events, ax=ax)
    ax.set_title("Kim in China, tussen de toppen met Trump", fontsize=13, loc="left", pad=20)
    fig.subplots_adjust(left=0.42, right=0.98, top=0.86, bottom=0.14)
    return fig
