"""Charts: fixed sizes, Dutch titles, a caption, the right data and the offline map outline."""

from __future__ import annotations

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


def test_summit_map_is_offline_and_labelled():
    fig = charts.summit_map()
    assert _size(fig) == (800, 800) and len(fig.axes) == 1
    ax = fig.axes[0]
    assert ax.get_title(loc="left") == "Waar vonden de ontmoetingen plaats?"
    names = {t.get_text() for t in ax.texts}
    assert {"Singapore", "Hanoi", "Vladivostok", "Panmunjom", "Pyongyang", "Peking", "Seoul"} <= names
    assert any("Vereenvoudigde" in t for t in names)
    assert "Vereenvoudigde" in fig.caption
    with pytest.raises(ValueError, match="kennisbank"):
        charts.summit_map(["atlantis"])


def test_map_outline_is_plausible():
    outline = charts.load_map_outline()
    assert "vereenvoudigd" in outline["description"].lower()
    lines = outline["coastlines"] + outline["borders"]
    assert len(outline["coastlines"]) >= 8 and len(outline["borders"]) >= 5
    for line in lines:
        assert len(line["points"]) >= 2
        for lon, lat in line["points"]:
            assert 85 <= lon <= 150 and -10 <= lat <= 61
    names = {line["name"] for line in outline["coastlines"]}
    assert {"Honshu", "Taiwan", "Hainan"} <= names
    # the summit places sit on land or on the coast, not far out at sea: near some coastline point
    from dossier_lib.annotate.kb import load_kb

    kb = load_kb()
    points = [p for line in outline["coastlines"] for p in line["points"]]
    for pid in ("singapore", "vladivostok", "panmunjom"):
        e = kb.get(pid)
        nearest = min(((lon - e.lon) ** 2 + (lat - e.lat) ** 2) ** 0.5 for lon, lat in points)
        assert nearest < 1.5, pid


def test_map_outline_errors(tmp_path):
    bad = tmp_path / "map.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(ValueError, match="kunnen niet gelezen"):
        charts.load_map_outline(bad)
    bad.write_text('{"coastlines": []}', encoding="utf-8")
    with pytest.raises(ValueError, match="borders"):
        charts.load_map_outline(bad)


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
