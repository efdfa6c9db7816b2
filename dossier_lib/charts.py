"""Charts for the lessons: matplotlib figures with Dutch titles, labels and a caption.

Every function returns the matplotlib Figure, has a fixed size (so the notebook
tests see the same "<Figure size WxH with N Axes>" every time) and takes an
optional `ax` to draw into a figure the lesson made itself. The one-line Dutch
caption, usable as alt text, is `fig.caption` and is printed under the figure.

In a lesson, end the line with a semicolon or call `plt.show()`, so the figure
is shown once:

    >>> from dossier_lib import charts, load_dossier
    >>> fig = charts.mentions_heatmap(load_dossier())
    >>> charts.caption(fig)[:40]
    'Hoe vaak de 12 meest genoemde namen in e'


Colours come from palette.py (Okabe–Ito, safe for colour-blind readers).
matplotlib is imported inside the functions: `import dossier_lib` stays fast.
"""

from __future__ import annotations

import datetime as _dt
import json
import math
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import palette
from .nl import SHORT_MONTHS, meervoud, month_label

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from .corpus import Dossier

#: Natural Earth 1:110m countries of East and Southeast Asia (public domain); see scripts/make_map.py.
MAP_FILE = Path(__file__).resolve().parent / "data" / "map_east_asia.geojson"

#: The places on the summit map: knowledge-base id -> where its label goes (dx, dy in points).
MAP_PLACES = {
    "singapore": (8, -4),
    "hanoi": (8, -4),
    "beijing": (-8, -8),
    "pyongyang": (-22, 30),
    "panmunjom": (-30, -26),
    "seoul": (42, 4),
    "vladivostok": (8, -4),
}


# ---------------------------------------------------------------- common parts


def _figure(ax: Axes | None, size: tuple[float, float], ncols: int = 1):
    """A new figure of `size` inches (or the figure of the given `ax`) and its axes."""
    import matplotlib.pyplot as plt

    if ax is not None:
        return ax.figure, ax
    fig, axes = plt.subplots(1, ncols, figsize=size)
    return fig, axes


def _caption(fig: Figure, text: str, own_figure: bool, bottom: float = 0.02) -> None:
    """Attach the Dutch caption (alt text) and, on a figure we made, print it underneath (wrapped to fit)."""
    fig.caption = text
    if own_figure:
        fig.text(0.5, bottom, wrap_caption(fig, text), ha="center", va="bottom", fontsize=9, color="#333333")


def wrap_caption(fig: Figure, text: str, fontsize: float = 9) -> str:
    """The caption broken into lines that fit the figure's width (about 13 characters per inch at 9 pt)."""
    import textwrap

    width = max(40, int(fig.get_size_inches()[0] * 13 * 9 / fontsize))
    return "\n".join(textwrap.wrap(text, width))


# ---------------------------------------------------------------- many articles

#: Up to this many articles a chart writes label and month on two lines under each bar;
#: with more, the labels are shortened and turned, and the chart grows with the articles.
FLAT_LABELS_MAX = 8
#: A teacher's file name is shortened to this many characters in a chart ("singapore_trouw").
LABEL_WIDTH = 16


def short_label(label: str, width: int = LABEL_WIDTH) -> str:
    """An article label short enough for a chart axis: ``kim_yong_chol_washington`` -> ``kim_yong_chol_w…``.

    >>> short_label("003"), short_label("kim_yong_chol_washington")
    ('003', 'kim_yong_chol_w…')
    """
    return label if len(label) <= width else label[: width - 1] + "…"


def article_tick_labels(articles) -> tuple[list[str], float]:
    """The tick labels for a row of articles and the angle to write them at.

    Five articles: ``"003\nmei 2018"`` level. More than `FLAT_LABELS_MAX`: ``"singapore_nos (jun 2018)"``
    at 60 degrees, so twenty articles stay readable. Labels are unique (validate.py sees to that);
    a shortened one keeps a number when two would look the same.
    """
    articles = list(articles)
    if len(articles) <= FLAT_LABELS_MAX:
        return [f"{a.label}\n{_month_label(a.date)}" for a in articles], 0
    labels, seen = [], {}
    for a in articles:
        name = short_label(a.label)
        seen[name] = seen.get(name, 0) + 1
        if seen[name] > 1:
            name = f"{name} {seen[name]}"
        labels.append(f"{name} ({_month_label(a.date)})")
    return labels, 60


def set_article_ticks(ax, articles, axis: str = "x", fontsize: float = 9) -> None:
    """Put the article labels on one axis of `ax` (turned when there are many)."""
    labels, angle = article_tick_labels(articles)
    positions = range(len(labels))
    if axis == "x":
        ax.set_xticks(list(positions))
        top = ax.xaxis.get_ticks_position() == "top"
        ha = ("left" if top else "right") if angle else "center"
        ax.set_xticklabels(
            labels,
            rotation=angle,
            ha=ha,
            fontsize=fontsize if not angle else min(fontsize, 8.5),
            rotation_mode="anchor" if angle else "default",
        )
    else:
        ax.set_yticks(list(positions))
        ax.set_yticklabels([label.replace("\n", " ") for label in labels] if not angle else labels, fontsize=fontsize)


def grown(base: float, n: int, per: float, extra: float) -> float:
    """A figure size that is `base` for a few articles and grows by `per` inch for each one beyond that."""
    return base if n <= FLAT_LABELS_MAX else max(base, extra + per * n)


def caption(fig: Figure) -> str:
    """The one-line Dutch description of a chart, for alt text or a sentence under it."""
    return getattr(fig, "caption", "")


def _month_label(d: _dt.date) -> str:
    return month_label(d.year, d.month, short=True)


def _load_dossier(dossier):
    if dossier is not None:
        from .arguments import dossier_arg

        return dossier_arg(dossier, "charts.timeline_chart(dossier)", allow_article=False)
    from .settings import lesson_dossier

    return lesson_dossier()


# ---------------------------------------------------------------- timeline


def timeline_chart(dossier: Dossier | None = None, events: list | None = None, *, ax: Axes | None = None) -> Figure:
    """The 2018–2019 timeline as a list: one row per event, a dot on its date, article months shaded.

    Events that an article refers to are blue dots; events the dossier leaves out are
    open grey circles with grey text, so the gap is visible without colour too.
    """
    import matplotlib.dates as mdates
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch
    from matplotlib.ticker import FuncFormatter

    dossier = _load_dossier(dossier)
    if events is None:
        from .annotate.timeline import load_timeline

        events = load_timeline(dossier)
    if not events:
        raise ValueError("Er zijn geen gebeurtenissen om te tekenen.")
    ids = {a.id for a in dossier}
    fig, ax_ = _figure(ax, (11, 9.5))
    own = ax is None
    events = sorted(events, key=lambda e: (e.date_from, e.id))
    n = len(events)
    covered = [any(p.article_id in ids for p in e.passages) for e in events]

    from .analysis import timeline_span

    first, last = timeline_span(dossier, events)
    lo = _dt.date(first.year, first.month, 1)
    hi = _dt.date(last.year + (last.month == 12), last.month % 12 + 1, 1)

    by_month: dict[_dt.date, list] = {}
    for a in dossier:
        by_month.setdefault(a.date, []).append(a)
    for month, in_month in by_month.items():  # the months of the articles as light bands
        end = _dt.date(month.year + (month.month == 12), month.month % 12 + 1, 1)
        ax_.axvspan(
            month + _dt.timedelta(days=2),
            end - _dt.timedelta(days=2),
            color=palette.tint(palette.OKABE_ITO["orange"], 0.6),
            zorder=0,
            lw=0,
        )
        mid = month + (end - month) / 2
        # one article: its number; more in one month: how many, so labels never pile up
        mark = in_month[0].label if len(in_month) == 1 and len(in_month[0].label) <= 4 else str(len(in_month))
        ax_.text(mid, -1.0, mark, ha="center", va="bottom", fontsize=8, color="#7a4f00", fontweight="bold")

    for row, (e, yes) in enumerate(zip(events, covered)):
        color = palette.YES if yes else palette.NO
        ax_.hlines(row, lo, e.date_from, colors="#dddddd", lw=0.6, zorder=1)
        if e.date_to > e.date_from:
            ax_.hlines(row, e.date_from, e.date_to, colors=color, lw=5, zorder=2)
        ax_.plot(
            [e.date_from],
            [row],
            "o",
            ms=7,
            zorder=3,
            markerfacecolor=color if yes else "white",
            markeredgecolor=color,
            markeredgewidth=1.5,
        )

    ax_.set_yticks(range(n))
    ax_.set_yticklabels(
        [f"{e.title} ({e.date_from.day} {SHORT_MONTHS[e.date_from.month - 1]})" for e in events], fontsize=8
    )
    for tick, yes in zip(ax_.get_yticklabels(), covered):
        tick.set_color("#111111" if yes else "#707070")
    ax_.set_ylim(n - 0.4, -1.3)
    ax_.set_xlim(lo, hi)
    ax_.xaxis.set_major_locator(mdates.MonthLocator(bymonth=(1, 4, 7, 10)))
    ax_.xaxis.set_minor_locator(mdates.MonthLocator())
    ax_.xaxis.set_major_formatter(FuncFormatter(lambda x, _: _month_label(mdates.num2date(x).date())))
    ax_.tick_params(axis="x", labelsize=9)
    ax_.set_xlabel("datum")
    for side in ("top", "right"):
        ax_.spines[side].set_visible(False)
    ax_.set_title("Tijdlijn 2018–2019: wat staat er in het dossier?", fontsize=13, loc="left", pad=20)
    handles = [
        Line2D([], [], marker="o", ls="", color=palette.YES, ms=7, label="een artikel gaat hierover"),
        Line2D(
            [],
            [],
            marker="o",
            ls="",
            markerfacecolor="white",
            markeredgecolor=palette.NO,
            ms=7,
            markeredgewidth=1.5,
            label="geen artikel gaat hierover",
        ),
        Patch(
            color=palette.tint(palette.OKABE_ITO["orange"], 0.6),
            label="maand van een artikel (nummer erboven)"
            if all(len(v) == 1 and len(v[0].label) <= 4 for v in by_month.values())
            else "maand met artikelen (nummer, of hoeveel artikelen, erboven)",
        ),
    ]
    ax_.legend(handles=handles, loc="lower left", fontsize=8, frameon=True, framealpha=0.95)
    yes_count = sum(covered)
    text = (
        f"Tijdlijn van {n} gebeurtenissen ({_month_label(lo)} – {_month_label(last)}): "
        f"{yes_count} staan in het dossier (blauwe stip), {n - yes_count} niet (open grijze cirkel)."
    )
    if own:
        fig.subplots_adjust(left=0.4, right=0.98, top=0.92, bottom=0.1)
    _caption(fig, text, own)
    return fig


# ---------------------------------------------------------------- heatmap


def mentions_heatmap(
    dossier: Dossier, types: Iterable[str] | None = ("PERSON",), top: int = 12, *, ax: Axes | None = None
) -> Figure:
    """Actors × articles: how often each one is named, as coloured squares with the count inside."""
    from . import analysis

    dossier = _load_dossier(dossier)
    frame = analysis.mention_matrix(dossier, types, top=top)
    if frame.empty:
        raise ValueError("Er zijn geen namen van dit soort in het dossier.")
    counts = frame.drop(columns="totaal")
    by_label = {a.label: a for a in dossier}
    columns = [by_label[c] for c in counts.columns if c in by_label]
    n = len(columns)
    fig, ax_ = _figure(ax, (grown(8, n, 0.48, 3.0), grown(6.5, n, 0.0, 6.5) + (1.4 if n > FLAT_LABELS_MAX else 0)))
    own = ax is None
    values = counts.to_numpy()
    image = ax_.imshow(values, cmap="Blues", aspect="auto", vmin=0, vmax=max(1, values.max()))
    vmax = max(1, values.max())
    for (r, c), v in _ndenumerate(values):
        ax_.text(
            c,
            r,
            str(v) if v else "·",
            ha="center",
            va="center",
            fontsize=10 if n <= 12 else 9,
            color="white" if v > 0.55 * vmax else "#222222",
        )
    ax_.xaxis.tick_top()
    set_article_ticks(ax_, columns, "x")
    ax_.set_yticks(range(len(counts.index)))
    ax_.set_yticklabels(list(counts.index), fontsize=10)
    ax_.set_xlabel("artikel (nummer of naam, en maand)")
    ax_.xaxis.set_label_position("top")
    ax_.set_title("Wie wordt hoe vaak genoemd?", fontsize=13, pad=12, loc="left")
    ax_.tick_params(length=0)
    for spine in ax_.spines.values():
        spine.set_visible(False)
    image.set_clim(0, vmax)
    best = frame.index[0]
    text = (
        f"Hoe vaak de {len(frame)} meest genoemde namen in elk artikel staan; "
        f"{best} staat er het vaakst in ({frame['totaal'].iloc[0]} keer)."
    )
    if own:
        if n > FLAT_LABELS_MAX:
            fig.subplots_adjust(left=2.1 / fig.get_size_inches()[0], right=0.9, top=0.72, bottom=0.09)
        else:
            fig.subplots_adjust(left=0.25, right=0.97, top=0.82, bottom=0.09)
    _caption(fig, text, own)
    return fig


def _ndenumerate(values):
    for r, row in enumerate(values):
        for c, v in enumerate(row):
            yield (r, c), int(v)


# ---------------------------------------------------------------- network


def circle_layout(n: int) -> list[tuple[float, float]]:
    """`n` points evenly on a circle, the first one at the top."""
    return [(math.sin(2 * math.pi * i / n), math.cos(2 * math.pi * i / n)) for i in range(n)]


def _spread(points: list) -> list:
    """Reorder circle points so that the most mentioned names do not sit next to each other."""
    n = len(points)
    step = next((k for k in range(n // 2, 0, -1) if math.gcd(k, n) == 1), 1)
    return [points[(i * step) % n] for i in range(n)] if n else points


def spring_layout(n: int, edges: Sequence[tuple[int, int, float]], iterations: int = 200, seed: int = 7):
    """A small force-directed layout in numpy (Fruchterman–Reingold), the same every run."""
    import numpy as np

    rng = np.random.default_rng(seed)
    pos = np.array(circle_layout(n)) + rng.normal(0, 0.05, (n, 2)) if n else np.zeros((0, 2))
    k = 1.0 / math.sqrt(max(n, 1))
    temp = 0.2
    for _ in range(iterations):
        delta = pos[:, None, :] - pos[None, :, :]
        dist = np.linalg.norm(delta, axis=2) + 1e-9
        force = (delta / dist[..., None] * (k * k / dist)[..., None]).sum(axis=1)
        for i, j, w in edges:
            d = pos[i] - pos[j]
            dd = np.linalg.norm(d) + 1e-9
            pull = d / dd * (dd * dd / k) * (0.5 + 0.5 * w)
            force[i] -= pull
            force[j] += pull
        length = np.linalg.norm(force, axis=1) + 1e-9
        pos += force / length[:, None] * np.minimum(length, temp)[:, None]
        temp *= 0.98
    pos -= pos.mean(axis=0)
    scale = np.abs(pos).max() or 1.0
    return [tuple(p) for p in pos / scale]


def cooccurrence_network(
    dossier: Dossier,
    types: Iterable[str] | None = ("PERSON",),
    top: int = 12,
    min_count: int = 1,
    layout: str = "circle",
    *,
    ax: Axes | None = None,
) -> Figure:
    """Who is named together with whom: a circle per actor, a line per shared paragraph count."""
    from . import analysis

    if layout not in ("circle", "spring"):
        raise ValueError("Kies als layout 'circle' (cirkel) of 'spring' (veren).")
    dossier = _load_dossier(dossier)
    from collections import Counter

    totals: Counter = Counter()
    for counts in analysis.mention_counts(dossier, types).values():
        totals.update(counts)
    ids = sorted(totals, key=lambda i: (-totals[i], analysis.label(i)))[:top]
    pairs = analysis.cooccurrence_pairs(dossier, types)
    index = {i: k for k, i in enumerate(ids)}
    edges = [
        (index[a], index[b], len(w)) for (a, b), w in pairs.items() if a in index and b in index and len(w) >= min_count
    ]
    heaviest = max((w for _, _, w in edges), default=1)
    points = (
        _spread(circle_layout(len(ids)))
        if layout == "circle"
        else spring_layout(len(ids), [(i, j, w / heaviest) for i, j, w in edges])
    )

    fig, ax_ = _figure(ax, (8, 8))
    own = ax is None
    for i, j, w in sorted(edges, key=lambda e: e[2]):
        (x1, y1), (x2, y2) = points[i], points[j]
        ax_.plot(
            [x1, x2],
            [y1, y2],
            color=palette.OKABE_ITO["blue"],
            alpha=0.35 + 0.5 * w / heaviest,
            lw=0.8 + 7 * w / heaviest,
            zorder=1,
            solid_capstyle="round",
        )
        if w >= 2:
            ax_.text(
                (x1 + x2) / 2,
                (y1 + y2) / 2,
                str(w),
                fontsize=8,
                ha="center",
                va="center",
                zorder=4,
                bbox=dict(boxstyle="round,pad=0.15", fc="white", ec="none", alpha=0.9),
            )
    most = max((totals[i] for i in ids), default=1)
    for i, (x, y) in zip(ids, points):
        mentions = totals[i]
        size = 80 + 1000 * mentions / most
        ax_.scatter([x], [y], s=size, color=palette.OKABE_ITO["orange"], edgecolor="#5a3d00", linewidth=1, zorder=2)
        r = math.hypot(x, y) or 1
        gap = math.sqrt(size) / 2 + 4  # marker radius in points, plus a little air
        ha = "left" if x > 0.15 else "right" if x < -0.15 else "center"
        va = "bottom" if y > 0.9 else "top" if y < -0.9 else "center"
        ax_.annotate(
            f"{analysis.label(i)}\n({mentions}×)",
            (x, y),
            xytext=(gap * x / r, gap * y / r),
            textcoords="offset points",
            fontsize=9,
            ha=ha,
            va=va,
            zorder=5,
        )
    ax_.set_xlim(-1.75, 1.75)
    ax_.set_ylim(-1.45, 1.6)
    ax_.set_aspect("equal")
    ax_.axis("off")
    ax_.set_title("Wie wordt samen genoemd in één alinea?", fontsize=13, loc="left")
    ax_.text(
        -1.75,
        1.52,
        "Grotere cirkel: vaker genoemd. Dikkere lijn: vaker samen in een alinea (getal).",
        fontsize=8.5,
        color="#444444",
    )
    if edges:
        i, j, w = max(edges, key=lambda e: e[2])
        strongest = f"{analysis.label(ids[i])} en {analysis.label(ids[j])} staan het vaakst samen ({w} alinea's)."
    else:
        strongest = "Geen twee namen staan samen in een alinea."
    text = f"Netwerk van {len(ids)} namen die samen in een alinea staan; {strongest}"
    _caption(fig, text, own)
    return fig


# ---------------------------------------------------------------- map


def load_map(path: str | Path | None = None) -> dict:
    """The countries of East and Southeast Asia as GeoJSON (Natural Earth 1:110m, public domain).

    Made once by scripts/make_map.py; the file names its source and licence.
    """
    path = Path(path) if path else MAP_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ValueError(f"De kaart in {path} kan niet gelezen worden ({exc}).") from None
    if data.get("type") != "FeatureCollection" or not isinstance(data.get("features"), list):
        raise ValueError(f"{path}: dit is geen GeoJSON-kaart (een FeatureCollection met 'features').")
    for feature in data["features"]:
        geometry = feature.get("geometry") or {}
        if geometry.get("type") not in ("Polygon", "MultiPolygon") or "name_nl" not in feature.get("properties", {}):
            raise ValueError(f"{path}: elk land heeft een (Multi)Polygon en een 'name_nl' nodig.")
    return data


def _rings(feature: dict) -> list[list[list[float]]]:
    geometry = feature["geometry"]
    polygons = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
    return [ring for polygon in polygons for ring in polygon]


def _coast_and_borders(features: list[dict]) -> tuple[list, list]:
    """Line pieces of the outlines: a piece two countries share is a border, any other piece coast."""
    from collections import Counter

    def key(a, b):
        return (tuple(a), tuple(b)) if tuple(a) <= tuple(b) else (tuple(b), tuple(a))

    rings = [ring for f in features for ring in _rings(f)]
    shared = Counter(key(a, b) for ring in rings for a, b in zip(ring, ring[1:]))
    coast, borders = [], []
    for ring in rings:
        for a, b in zip(ring, ring[1:]):
            (borders if shared[key(a, b)] > 1 else coast).append((a, b))
    return coast, borders


def _place_points(place_ids: Iterable[str]) -> list[tuple[str, str, float, float]]:
    from .annotate.kb import current_kb
    from .arguments import place_arg

    kb = current_kb()
    points = []
    for pid in [place_ids] if isinstance(place_ids, str) else place_ids:
        pid = place_arg(pid)
        if pid not in kb:
            raise ValueError(f"'{pid}' staat niet in de kennisbank; kies een plaats zoals 'hanoi'.")
        e = kb.get(pid)
        if e.lat is None or e.lon is None:
            raise ValueError(f"Bij '{pid}' staan geen coördinaten (lat en lon) in de kennisbank.")
        points.append((pid, e.label_nl, float(e.lat), float(e.lon)))
    return points


#: The map's window (degrees) and the latitude whose scale the map keeps (plate carrée, stretched).
MAP_LON, MAP_LAT, MAP_TRUE_LAT = (94.0, 146.0), (-4.0, 55.0), 28.0


def _scale_bar(ax_: Axes, lon: float, lat: float, km: int = 1000) -> None:
    """A bar of `km` kilometres at latitude `lat`, starting at `lon`, in black and white blocks."""
    from matplotlib.patches import Rectangle

    from .geo import EARTH_RADIUS_KM

    degrees = km / (EARTH_RADIUS_KM * math.radians(1) * math.cos(math.radians(lat)))
    half = degrees / 2
    for k, color in enumerate(("#000000", "#FFFFFF")):
        ax_.add_patch(
            Rectangle((lon + k * half, lat), half, 0.45, facecolor=color, edgecolor="#000000", lw=0.8, zorder=7)
        )
    for x, text in ((lon, "0"), (lon + half, _fmt(km // 2)), (lon + degrees, f"{_fmt(km)} km")):
        ax_.text(x, lat + 0.8, text, ha="center", va="bottom", fontsize=9, zorder=7)
    ax_.text(lon, lat - 0.5, f"schaal klopt op {lat:.0f}° noorderbreedte", ha="left", va="top", fontsize=8.5, zorder=7)


def summit_map(
    places: dict[str, tuple[int, int]] | Iterable[str] | None = None,
    *,
    origin: str | None = "pyongyang",
    ax: Axes | None = None,
    countries: dict | None = None,
) -> Figure:
    """The summit places on a map of East and Southeast Asia (Natural Earth), drawn without the internet.

    Each place is a dot with its name; with `origin` (a place id, or None) each name also gives
    the distance from there over the globe (`geo.distance_km`) and a thin line shows the way.
    Coast is a solid line, a border between countries a dashed one; a scale bar gives 1000 km.
    """
    from .geo import distance_km

    if places is None:
        places = MAP_PLACES
    if isinstance(places, str):
        places = [places]
    offsets = places if isinstance(places, dict) else {p: MAP_PLACES.get(p, (8, -4)) for p in places}
    countries = countries or load_map()
    points = _place_points(offsets)
    start = next(((lat, lon) for pid, _, lat, lon in points if pid == origin), None)
    if origin is not None and start is None:
        start_place = _place_points([origin])[0]
        start = (start_place[2], start_place[3])

    fig, ax_ = _figure(ax, (8, 8))
    own = ax is None
    ax_.set_facecolor(palette.SEA)
    for feature in countries["features"]:
        for ring in _rings(feature):
            xs, ys = zip(*ring)
            ax_.fill(xs, ys, color=palette.LAND, lw=0, zorder=1)
    from matplotlib.collections import LineCollection

    coast, borders = _coast_and_borders(countries["features"])
    ax_.add_collection(LineCollection(coast, colors=palette.COAST, linewidths=0.9, zorder=2))
    ax_.add_collection(LineCollection(borders, colors=palette.BORDER, linewidths=0.8, linestyles=(0, (4, 2)), zorder=2))
    for feature in countries["features"]:
        props = feature["properties"]
        if "label_lon" in props:
            ax_.text(
                props["label_lon"],
                props["label_lat"],
                props["name_nl"],
                fontsize=9.5,
                color=palette.MUTED_TEXT,
                style="italic",
                ha="center",
                va="center",
                zorder=3,
            )
    for _pid, _name, lat, lon in points:
        if start is not None and (lat, lon) != start:
            ax_.plot([start[1], lon], [start[0], lat], color=palette.HIGHLIGHT, lw=1.0, ls=(0, (2, 2)), zorder=4)
    for pid, name, lat, lon in points:
        ax_.plot(lon, lat, "o", ms=8, color=palette.HIGHLIGHT, markeredgecolor="black", zorder=5)
        dx, dy = offsets[pid]
        label = name
        if origin is not None and pid != origin:
            label = f"{name}\n{_fmt(round(distance_km(origin, pid)))} km"
        arrow = dict(arrowstyle="-", color="#333333", lw=0.8, shrinkA=0, shrinkB=4) if math.hypot(dx, dy) > 15 else None
        ax_.annotate(
            label,
            (lon, lat),
            xytext=(dx, dy),
            textcoords="offset points",
            fontsize=11,
            fontweight="bold",
            linespacing=1.1,
            ha="left" if dx >= 0 else "right",
            va="center",
            zorder=6,
            arrowprops=arrow,
            bbox=dict(boxstyle="round,pad=0.2", fc="white", ec="none", alpha=0.85),
        )
    _scale_bar(ax_, 132.0, MAP_TRUE_LAT)  # in the open Pacific, where the map's scale is true
    ax_.set_xlim(*MAP_LON)
    ax_.set_ylim(*MAP_LAT)
    ax_.set_aspect(1 / math.cos(math.radians(MAP_TRUE_LAT)))
    ax_.set_xlabel("lengtegraad (°O)")
    ax_.set_ylabel("breedtegraad (°N)")
    ax_.tick_params(labelsize=9)
    title = "Waar vonden de ontmoetingen plaats?"
    if origin is not None:
        title += (
            f"\nAfstand vanaf {next(n for p, n, _, _ in _place_points([origin]))}, in een rechte lijn over de aarde"
        )
    ax_.set_title(title, fontsize=13, loc="left")
    ax_.text(
        0.99,
        0.01,
        "Kaart: Natural Earth (publiek domein)",
        transform=ax_.transAxes,
        fontsize=8,
        color=palette.MUTED_TEXT,
        ha="right",
        va="bottom",
        bbox=dict(boxstyle="round,pad=0.2", fc="white", ec="none", alpha=0.85),
    )
    names = ", ".join(name for _, name, _, _ in points)
    text = f"Kaart van Oost- en Zuidoost-Azië met {names}"
    if origin is not None:
        # The same distances as the labels, in the same order: a reader without the picture gets what it shows,
        # no more (lesson 09 asks which place is farthest).
        distances = ", ".join(f"{n} {_fmt(round(distance_km(origin, p)))} km" for p, n, _, _ in points if p != origin)
        text += f"; afstand vanaf {next(n for p, n, _, _ in _place_points([origin]))}: {distances}" if distances else ""
    text += "."
    if own:
        fig.subplots_adjust(left=0.09, right=0.97, top=0.92, bottom=0.14)
    _caption(fig, text, own)
    return fig


# ---------------------------------------------------------------- quotes


def quote_share_chart(dossier: Dossier, *, ax: Axes | None = None) -> Figure:
    """Who gets to speak: words quoted per speaker as horizontal bars, with the number of quotes."""
    from . import analysis

    dossier = _load_dossier(dossier)
    frame = analysis.quote_share(dossier)
    fig, ax_ = _figure(ax, (8, 5) if len(frame) <= 12 else (8, 1.6 + 0.3 * len(frame)))
    own = ax is None
    ax_.set_title("Wie komt aan het woord?", fontsize=13, loc="left")
    if frame.empty:
        ax_.text(
            0.5,
            0.5,
            "Nog geen citaten gevonden in dit dossier.",
            ha="center",
            va="center",
            transform=ax_.transAxes,
            fontsize=11,
        )
        ax_.axis("off")
        _caption(fig, "Er zijn (nog) geen citaten gevonden, dus er valt niets te tellen.", own)
        return fig
    frame = frame.iloc[::-1]  # most words at the top
    colors = [palette.NO if not isinstance(pid, str) else palette.OKABE_ITO["blue"] for pid in frame["id"]]
    bars = ax_.barh(frame["spreker"], frame["woorden"], color=colors)
    for bar, n, pid in zip(bars, frame["citaten"], frame["id"]):
        # Without a speaker these are words the writer put between quotation marks, not quotes.
        count = f" {n} keer" if not isinstance(pid, str) else f" {n} citaat" + ("" if n == 1 else "en")
        ax_.text(bar.get_width(), bar.get_y() + bar.get_height() / 2, count, va="center", fontsize=9)
    ax_.set_xlabel("aantal geciteerde woorden")
    ax_.set_xlim(0, frame["woorden"].max() * 1.25)
    ax_.tick_params(axis="y", labelsize=10)
    for side in ("top", "right"):
        ax_.spines[side].set_visible(False)
    top = frame.iloc[-1]
    text = (
        f"Geciteerde woorden per spreker; {top['spreker']} krijgt de meeste woorden "
        f"({int(top['woorden'])} in {int(top['citaten'])} citaten). Grijs: woorden tussen aanhalingstekens zonder spreker."
    )
    if own:
        height = fig.get_size_inches()[1]
        fig.subplots_adjust(left=0.3, right=0.97, top=1 - 0.5 / height, bottom=0.9 / height)
    _caption(fig, text, own)
    return fig


# ---------------------------------------------------------------- numbers

_KIND_LABELS = {
    "cardinal": "gewoon getal (50.000, vijf)",
    "ordinal": "rangtelwoord (tweede, 35ste)",
    "compound": "samenstelling (driedaagse)",
    "clock": "tijdstip (10 uur)",
}


def numbers_chart(dossier: Dossier, *, ax: Axes | None = None) -> Figure:
    """How many numbers each article uses, split by kind (stacked horizontal bars)."""
    from . import analysis

    dossier = _load_dossier(dossier)
    table = analysis.numbers_table(dossier)
    articles = list(dossier)
    many = len(articles) > FLAT_LABELS_MAX
    fig, ax_ = _figure(ax, (10, grown(4.5, len(articles), 0.3, 1.6)) if many else (8, 4.5))
    own = ax is None
    numbers = [a.label for a in articles]
    names = [f"{short_label(a.label)} ({_month_label(a.date)})" for a in articles]
    kinds = [k for k in _KIND_LABELS if k in set(table["soort"])] + sorted(set(table["soort"]) - set(_KIND_LABELS))
    left = [0] * len(numbers)
    for kind, color in zip(kinds, palette.color_cycle(len(kinds))):
        counts = [int(((table["artikel"] == n) & (table["soort"] == kind)).sum()) for n in numbers]
        ax_.barh(names, counts, left=left, color=color, label=_KIND_LABELS.get(kind, kind), edgecolor="white")
        left = [a + b for a, b in zip(left, counts)]
    for y, total in enumerate(left):
        ax_.text(total, y, f" {total}", va="center", fontsize=9)
    ax_.invert_yaxis()
    ax_.set_xlabel("aantal getallen in het artikel")
    ax_.set_ylabel("artikel")
    ax_.set_xlim(0, max(left + [1]) * 1.15)
    ax_.set_title("Hoeveel getallen staan er in elk artikel?", fontsize=13, loc="left")
    if kinds:
        ax_.legend(
            fontsize=8,
            loc="upper left",
            bbox_to_anchor=(1.01, 1.0),
            title="soort getal",
            title_fontsize=8,
            frameon=False,
        )
    for side in ("top", "right"):
        ax_.spines[side].set_visible(False)
    most = numbers[left.index(max(left))] if numbers else "-"
    text = f"Aantal getallen per artikel, in totaal {sum(left)}; artikel {most} heeft er de meeste ({max(left + [0])})."
    if own and many:
        width, height = fig.get_size_inches()
        label_room = 0.075 * max((len(x) for x in names), default=10) + 0.3
        fig.subplots_adjust(left=label_room / width, right=0.7, top=1 - 0.5 / height, bottom=0.9 / height)
    elif own:
        fig.subplots_adjust(left=0.2, right=0.64, top=0.9, bottom=0.2)
    _caption(fig, text, own)
    return fig


# ---------------------------------------------------------------- lesson 8


def honest_and_misleading_bars(
    values: Sequence[float], labels: Sequence[str], title: str = "", unit: str = "", start: float | None = None
) -> Figure:
    """The same numbers twice: left with the y-axis from 0 (honest), right cut off (misleading).

    `start` is where the misleading axis begins; by default just under the smallest value.
    """
    import matplotlib.pyplot as plt

    values, labels = _check_bars(values, labels)
    low, high = min(values), max(values)
    if start is None:
        start = low - 0.1 * (high - low) if high > low else low * 0.9
        start = max(0.0, start)
    if start >= high:
        raise ValueError("Het afgeknipte begin van de as moet onder de grootste waarde liggen.")
    fig, (honest, misleading) = plt.subplots(1, 2, figsize=(11, 4.8))
    colors = palette.color_cycle(len(values))
    ylabel = f"waarde ({unit})" if unit else "waarde"
    for ax_, bottom, name in (
        (honest, 0.0, "Eerlijk: de as begint bij 0"),
        (misleading, start, f"Misleidend: de as begint bij {_fmt(start)}"),
    ):
        ax_.bar(labels, values, color=colors)
        ax_.set_ylim(bottom, high * 1.08 if bottom == 0 else high + 0.08 * (high - bottom))
        ax_.set_title(name, fontsize=12, color="#111111" if bottom == 0 else palette.HIGHLIGHT)
        ax_.set_ylabel(ylabel)
        for i, v in enumerate(values):
            ax_.text(i, v, _fmt(v), ha="center", va="bottom", fontsize=9)
        for side in ("top", "right"):
            ax_.spines[side].set_visible(False)
        ax_.tick_params(axis="x", labelsize=9)
    misleading.spines["left"].set_color(palette.HIGHLIGHT)
    misleading.spines["left"].set_linewidth(2)
    fig.suptitle(title or "Dezelfde getallen, twee grafieken", fontsize=13)
    ratio = (max(values) / min(values)) if min(values) > 0 else float("inf")
    text = (
        f"Links begint de as bij 0 en is de grootste staaf {_fmt(round(ratio, 1))} keer zo hoog als de kleinste, "
        f"zoals de getallen zelf; rechts begint de as bij {_fmt(start)} en lijkt het verschil veel groter."
        if math.isfinite(ratio)
        else f"Links begint de as bij 0, rechts bij {_fmt(start)}: daar lijkt het verschil veel groter."
    )
    fig.subplots_adjust(left=0.07, right=0.98, top=0.83, bottom=0.2, wspace=0.25)
    _caption(fig, text, True)
    return fig


def _check_bars(values: Any, labels: Any) -> tuple[list[float], list[str]]:
    try:
        values = [float(v) for v in values]
    except (TypeError, ValueError):
        raise ValueError("Geef de waarden als een lijst getallen, bijvoorbeeld [34, 58, 90].") from None
    labels = [str(x) for x in labels]
    if not values:
        raise ValueError("Er zijn geen waarden om te tekenen.")
    if len(values) != len(labels):
        raise ValueError(
            f"Je gaf {meervoud(len(values), 'waarde', 'waarden')} en {meervoud(len(labels), 'naam', 'namen')}; "
            "dat moeten er evenveel zijn."
        )
    if any(v < 0 or not math.isfinite(v) for v in values):
        raise ValueError("Gebruik alleen getallen van 0 of meer.")
    return values, labels


def _fmt(x: float) -> str:
    """Dutch number format: 1.234,5 (no decimals for whole numbers)."""
    if float(x).is_integer():
        return f"{int(x):,}".replace(",", ".")
    return f"{x:,.1f}".replace(",", "_").replace(".", ",").replace("_", ".")
