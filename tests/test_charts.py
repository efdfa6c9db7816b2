"""Charts: fixed sizes, Dutch titles, a caption, the right data and the offline map (Natural Earth)."""

from __future__ import annotations

import math

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402

from dossier_lib import analysis, charts, load_dossier, palette  # noqa: E402


@pytest.fixture(scope="module")
def dossier():
    return load_dossier()


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def _size(fig) -> tuple[int, int]:
    w, h = fig.get_size_inches() * fig.dpi
    return round(w), round(h)


def _titles(fig) -> list[str]:
    return [ax.get_title(loc="left") or ax.get_title() for ax in fig.axes]


def test_timeline_chart(dossier):
    fig = charts.timeline_chart(dossier)
    assert _size(fig) == (1100, 950) and len(fig.axes) == 1
    ax = fig.axes[0]
    assert "Tijdlijn" in ax.get_title(loc="left")
    assert ax.get_xlabel() == "datum"
    from dossier_lib.annotate.timeline import load_timeline

    events = load_timeline(dossier)
    assert len(ax.get_yticklabels()) == len(events)
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert "geen artikel gaat hierover" in legend and "een artikel gaat hierover" in legend
    uncovered = len(analysis.uncovered_events(dossier))
    assert f"{len(events) - uncovered} staan in het dossier" in fig.caption
    # the articles' numbers are written above their months
    assert {a.number for a in dossier} <= {t.get_text() for t in ax.texts}


def test_mentions_heatmap(dossier):
    fig = charts.mentions_heatmap(dossier, top=5)
    assert _size(fig) == (800, 650) and len(fig.axes) == 1
    ax = fig.axes[0]
    assert ax.get_title(loc="left") == "Wie wordt hoe vaak genoemd?"
    assert [t.get_text() for t in ax.get_yticklabels()][:2] == ["Kim Jong-un", "Donald Trump"]
    frame = analysis.mention_matrix(dossier, top=5)
    assert str(frame.loc["Kim Jong-un", "000"]) in [t.get_text() for t in ax.texts]
    assert "Kim Jong-un" in fig.caption


def test_cooccurrence_network_both_layouts(dossier):
    for layout in ("circle", "spring"):
        fig = charts.cooccurrence_network(dossier, layout=layout, top=8)
        assert _size(fig) == (800, 800) and len(fig.axes) == 1
        assert "samen genoemd" in fig.axes[0].get_title(loc="left")
        assert "Donald Trump en Kim Jong-un" in fig.caption
    with pytest.raises(ValueError, match="layout"):
        charts.cooccurrence_network(dossier, layout="random")


def test_layouts_are_deterministic_and_bounded():
    a = charts.spring_layout(5, [(0, 1, 1.0), (1, 2, 0.5)])
    b = charts.spring_layout(5, [(0, 1, 1.0), (1, 2, 0.5)])
    assert a == b and all(abs(x) <= 1.0001 and abs(y) <= 1.0001 for x, y in a)
    circle = charts.circle_layout(4)
    assert circle[0] == pytest.approx((0.0, 1.0))


LESSON_09_PLACES = ["pyongyang", "panmunjom", "beijing", "singapore", "hanoi", "vladivostok"]


def _inside(lon: float, lat: float, ring) -> bool:
    """Ray casting: is the point inside the closed ring?"""
    inside = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:]):
        if (y1 > lat) != (y2 > lat) and lon < x1 + (lat - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
    return inside


def test_summit_map_is_offline_and_labelled():
    fig = charts.summit_map()
    assert _size(fig) == (800, 800) and len(fig.axes) == 1
    ax = fig.axes[0]
    assert ax.get_title(loc="left").startswith("Waar vonden de ontmoetingen plaats?")
    names = {t.get_text().split("\n")[0] for t in ax.texts}
    assert {"Singapore", "Hanoi", "Vladivostok", "Panmunjom", "Pyongyang", "Peking", "Seoul"} <= names
    assert {"Noord-Korea", "Zuid-Korea", "Japan", "China", "Rusland"} <= names  # Dutch country names
    assert "Kaart: Natural Earth (publiek domein)" in names
    assert "Kaart van Oost- en Zuidoost-Azië" in fig.caption and "afstand vanaf Pyongyang:" in fig.caption
    assert "Singapore 4.749 km" in fig.caption and "verst" not in fig.caption
    with pytest.raises(ValueError, match="kennisbank"):
        charts.summit_map(["atlantis"])


def test_summit_map_shows_distances_and_a_true_scale_bar():
    from matplotlib.patches import Rectangle

    from dossier_lib.geo import distance_km

    fig = charts.summit_map(LESSON_09_PLACES)
    ax = fig.axes[0]
    labels = {t.get_text().split("\n")[0]: t.get_text() for t in ax.texts}
    km = round(distance_km("pyongyang", "singapore"))
    assert labels["Singapore"] == f"Singapore\n{km // 1000}.{km % 1000:03d} km"
    assert labels["Pyongyang"] == "Pyongyang"  # where the distances are measured from
    assert "1.000 km" in labels and "schaal klopt op 28° noorderbreedte" in labels
    bar = [p for p in ax.patches if isinstance(p, Rectangle) and p.get_zorder() == 7]
    width = sum(p.get_width() for p in bar)  # degrees of longitude for 1000 km at 28° N
    assert width * 111.195 * math.cos(math.radians(28)) == pytest.approx(1000, rel=0.01)
    plain = charts.summit_map(LESSON_09_PLACES, origin=None)
    assert "Singapore" in {t.get_text() for t in plain.axes[0].texts}


def test_summit_map_labels_do_not_overlap():
    for places in (LESSON_09_PLACES, None):
        fig = charts.summit_map(places)
        ax = fig.axes[0]
        fig.canvas.draw()  # lays the labels out, as showing the figure does
        renderer = fig.canvas.get_renderer()
        boxes = [((t.get_bbox_patch() or t).get_window_extent(renderer), t.get_text()) for t in ax.texts]
        clashes = [(a, b) for i, (box_a, a) in enumerate(boxes) for box_b, b in boxes[i + 1 :] if box_a.overlaps(box_b)]
        assert not clashes, clashes


def test_map_is_natural_earth_and_the_places_lie_on_it():
    from dossier_lib.annotate.kb import load_kb

    world = charts.load_map()
    assert "Natural Earth" in world["source"] and "geopandas-0.14.4" in world["source"]
    assert "publiek domein" in world["license"].lower()
    countries = {f["properties"]["name_nl"]: f for f in world["features"]}
    assert {"Noord-Korea", "Zuid-Korea", "Japan", "China", "Rusland", "Vietnam", "Maleisië"} <= set(countries)
    assert charts.MAP_FILE.stat().st_size < 60_000  # small enough to ship
    kb = load_kb()
    for pid, country in [
        ("pyongyang", "Noord-Korea"),
        ("hanoi", "Vietnam"),
        ("beijing", "China"),
        ("seoul", "Zuid-Korea"),
    ]:
        e = kb.get(pid)
        assert any(_inside(e.lon, e.lat, ring) for ring in charts._rings(countries[country])), pid
    # on a coast or a border at 1:110m: within half a degree of the country's outline
    for pid, country in [("vladivostok", "Rusland"), ("panmunjom", "Noord-Korea"), ("singapore", "Maleisië")]:
        e = kb.get(pid)
        points = [p for ring in charts._rings(countries[country]) for p in ring]
        assert min(math.hypot(lon - e.lon, lat - e.lat) for lon, lat in points) < 0.6, pid
    coast, borders = charts._coast_and_borders(world["features"])
    assert len(coast) > 500 and len(borders) > 100


def test_map_errors(tmp_path):
    bad = tmp_path / "map.geojson"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(ValueError, match="kan niet gelezen"):
        charts.load_map(bad)
    bad.write_text('{"type": "Feature"}', encoding="utf-8")
    with pytest.raises(ValueError, match="FeatureCollection"):
        charts.load_map(bad)
    bad.write_text('{"type": "FeatureCollection", "features": [{"geometry": {"type": "Point"}}]}', encoding="utf-8")
    with pytest.raises(ValueError, match="name_nl"):
        charts.load_map(bad)


def test_quote_share_chart(dossier):
    fig = charts.quote_share_chart(dossier)
    assert _size(fig) == (800, 500) and len(fig.axes) == 1
    ax = fig.axes[0]
    assert ax.get_title(loc="left") == "Wie komt aan het woord?"
    assert ax.get_xlabel() == "aantal geciteerde woorden"
    frame = analysis.quote_share(dossier)
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels[-1] == frame["spreker"].iloc[0]  # most words at the top
    assert frame["spreker"].iloc[0] in fig.caption


def test_quote_share_chart_without_quotes():
    class Empty:
        annotations = type("A", (), {"quotes": [], "entities": []})()
        id = "999_x"
        number = "999"

    fig = charts.quote_share_chart([Empty()])
    assert "geen citaten" in fig.caption


def test_numbers_chart(dossier):
    fig = charts.numbers_chart(dossier)
    assert _size(fig) == (800, 450) and len(fig.axes) == 1
    ax = fig.axes[0]
    assert "getallen" in ax.get_title(loc="left")
    total = sum(len(a.annotations.numbers) for a in dossier)
    assert f"in totaal {total}" in fig.caption
    assert ax.get_legend().get_title().get_text() == "soort getal"


def test_honest_and_misleading_bars():
    fig = charts.honest_and_misleading_bars([34, 58, 90], ["Rusland", "China", "rest"], title="Handel", unit="procent")
    assert _size(fig) == (1100, 480) and len(fig.axes) == 2
    honest, misleading = fig.axes
    assert honest.get_ylim()[0] == 0
    assert misleading.get_ylim()[0] > 0
    assert honest.get_title().startswith("Eerlijk") and misleading.get_title().startswith("Misleidend")
    assert honest.get_ylabel() == "waarde (procent)"
    assert "2,6 keer" in fig.caption
    fig2 = charts.honest_and_misleading_bars([10, 12], ["a", "b"], start=9)
    assert fig2.axes[1].get_ylim()[0] == 9


@pytest.mark.parametrize(
    "values, labels, message",
    [
        ([], [], "geen waarden"),
        ([1, 2], ["a"], "evenveel"),
        (["x"], ["a"], "lijst getallen"),
        ([-1, 2], ["a", "b"], "0 of meer"),
    ],
)
def test_honest_and_misleading_bars_bad_input(values, labels, message):
    with pytest.raises(ValueError, match=message):
        charts.honest_and_misleading_bars(values, labels)


def test_charts_draw_into_a_given_ax(dossier):
    fig, ax = plt.subplots(figsize=(5, 5))
    out = charts.mentions_heatmap(dossier, ax=ax)
    assert out is fig and fig.caption and len(fig.texts) == 0  # no caption text on someone else's figure


def test_caption_helper_and_palette():
    fig = charts.honest_and_misleading_bars([1, 2], ["a", "b"])
    assert charts.caption(fig) == fig.caption
    assert palette.tint("#000000", 0.5) == "#808080"
    assert palette.entity_color("PERSON") == palette.OKABE_ITO["orange"]
    assert palette.entity_color("SOMETHING") == palette.ENTITY_COLORS["UNKNOWN"]
    assert len(palette.color_cycle(10)) == 10
    with pytest.raises(ValueError, match="#RRGGBB"):
        palette.tint("red")
