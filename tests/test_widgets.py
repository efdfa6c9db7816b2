"""Widgets on the real dossier: build each one, change its controls in Python, check the HTML."""

from __future__ import annotations

import html
from pathlib import Path

import pytest

from dossier_lib import analysis, load_dossier, widgets
from dossier_lib.corpus import Dossier, parse_article

EVIL = (
    ' date 2019-05 Kim Jong-un zei <script>alert("x")</script> in Hanoi & Peking.\n\nNog een alinea met <b>vet</b>.\n'
)


@pytest.fixture(scope="module")
def dossier():
    return load_dossier()


@pytest.fixture(scope="module")
def evil():
    return parse_article(Path("999_evil.txt"), EVIL)


def _no_raw_script(value: str) -> None:
    assert "<script>" not in value and "&lt;script&gt;" in value


# ---------------------------------------------------------------- reader


def test_reader_shows_the_first_article_with_card_and_kinds(dossier):
    box = widgets.article_reader(dossier)
    first = dossier[0]
    value = box.view.value
    assert html.escape(first.title) in value
    assert first.month_label in value and "bron onbekend" in value
    assert 'class="dossier-headline"' in value and 'class="dossier-summary"' in value
    assert "<h3" in value  # the headline is a heading
    assert html.escape(first.card.summary) in value


def test_reader_switches_articles_and_types(dossier):
    box = widgets.article_reader(dossier)
    box.chooser.value = [a.number for a in dossier].index("001")
    value = box.view.value
    assert "Vladivostok" in value
    assert ">Vladimir Poetin — " in value or "is hier Vladimir Poetin — " in value  # details: label and role
    assert "Engels: Vladimir Putin" in value
    person = widgets._entity_style("PERSON")
    assert person in value
    box.toggles["PERSON"].value = False
    assert person not in box.view.value
    assert widgets._entity_style("PLACE") in box.view.value
    for toggle in box.toggles.values():
        toggle.value = False
    assert "<span style=" not in box.view.value.split("</div>", 1)[1]  # no highlights left after the card


def test_reader_escapes_article_text(evil):
    box = widgets.article_reader(evil)
    _no_raw_script(box.view.value)
    assert "&lt;b&gt;vet&lt;/b&gt;" in box.view.value
    assert "Hanoi &amp; " in box.view.value
    assert "bron onbekend" in box.view.value  # no source card written for this file


def test_reader_marks_metonymy_in_hover_text(dossier):
    value = widgets.article_html(dossier["001"])
    if any(e.metonym for e in dossier["001"].annotations.entities):
        assert "hier staat de plaats voor de regering" in value


def test_highlight_skips_overlaps_and_escapes():
    out = widgets.highlight("a<b>c", [(1, 4, "x", 'ti"tle'), (2, 3, "y", "")])
    assert out.startswith('a<span class="dossier-name" tabindex="0" data-lm-suppress-shortcuts="true"')
    assert 'style="x;position:relative">&lt;b&gt;<span class="dossier-tip"' in out
    assert 'role="tooltip"' in out and ">ti&quot;tle</span></span>c" in out
    assert widgets.highlight("abc", [(1, 2, "y", "")]) == 'a<mark style="y">b</mark>c'


def test_reader_names_open_their_details_by_keyboard_and_touch(dossier):
    """Every name is a Tab stop whose details (who it is linked to, role, English name) belong to it."""
    import re

    value = widgets.article_html(dossier["001"])
    names = re.findall(r'<span class="dossier-name" tabindex="0"[^>]*aria-describedby="([^"]+)"', value)
    tips = re.findall(r'<span class="dossier-tip" id="([^"]+)" role="tooltip"', value)
    assert names and names == tips and len(set(tips)) == len(tips)
    assert "“Poetin” is hier Vladimir Poetin — " in value  # a short name says who it was linked to
    again = widgets.article_html(dossier["001"])  # the same article twice on one page: ids stay unique
    assert not set(re.findall(r'id="(dossier-tip-\d+)"', again)) & set(tips)
    assert "<small" not in value


def test_reader_controls_keep_keys_and_have_dutch_labels(dossier):
    from dossier_lib import controls

    box = widgets.article_reader(dossier)
    assert isinstance(box.chooser, controls.Dropdown) and box.chooser.description == "Artikel:"
    assert all(isinstance(t, controls.Checkbox) and t.description for t in box.toggles.values())
    assert "klik of tik erop, ga er met Tab naartoe" in box.children[2].value


# ---------------------------------------------------------------- timeline


def test_timeline_explorer_range_and_events(dossier):
    box = widgets.timeline_explorer(dossier)
    months = [v for _, v in box.slider.options]
    # the same months as the timeline chart: from the Hwasong-15 test (Nov 2017) to the last event
    assert months[0].isoformat() == "2017-11-01" and months[-1].isoformat() == "2019-10-01"
    assert box.slider.options[4][0] == "mrt 2018"  # Dutch short month names
    assert "gebeurtenissen in deze periode" in box.summary.value
    from dossier_lib import charts
    from dossier_lib.annotate.timeline import load_timeline

    events = load_timeline(dossier)
    covered = sum(1 for e in events if e.passages)
    assert (
        f"<b>{len(events)}</b> gebeurtenissen" in box.summary.value and f"<b>{covered}</b> daarvan" in box.summary.value
    )
    assert f"{len(events)} gebeurtenissen" in charts.caption(charts.timeline_chart(dossier))
    assert f"{covered} staan in het dossier" in charts.caption(charts.timeline_chart(dossier))
    feb = next(v for v in months if (v.year, v.month) == (2019, 2))
    box.slider.value = (feb, feb)
    labels = [label for label, _ in box.chooser.options]
    assert len(labels) == 1 and "Hanoi" in labels[0] and labels[0].startswith("✓")
    assert "Artikel 002" in box.view.value and "<blockquote" in box.view.value
    assert "Geen artikel" not in box.view.value


def test_timeline_explorer_uncovered_event(dossier):
    box = widgets.timeline_explorer(dossier)
    oct19 = next(v for _, v in box.slider.options if (v.year, v.month) == (2019, 10))
    box.slider.value = (oct19, oct19)
    assert "Stockholm" in box.view.value
    assert "Geen artikel in het dossier gaat hierover" in box.view.value
    box.slider.value = (next(v for _, v in box.slider.options if (v.year, v.month) == (2019, 8)),) * 2
    assert box.chooser.options == () and "Kies een gebeurtenis" in box.view.value


def test_timeline_explorer_and_chart_count_the_same_events(dossier):
    from dossier_lib import charts
    from dossier_lib.annotate.timeline import load_timeline

    events = load_timeline(dossier)
    covered = sum(1 for e in events if any(p.article_id in {a.id for a in dossier} for p in e.passages))
    box = widgets.timeline_explorer(dossier)
    assert f"<b>{len(events)}</b> gebeurtenissen in deze periode; <b>{covered}</b>" in box.summary.value
    fig = charts.timeline_chart(dossier)
    assert f"Tijdlijn van {len(events)} gebeurtenissen" in charts.caption(fig)
    assert f"{covered} staan in het dossier" in charts.caption(fig)


def test_timeline_explorer_choosing_an_event(dossier):
    box = widgets.timeline_explorer(dossier)
    before = box.view.value
    box.chooser.value = box.chooser.options[5][1]
    assert box.view.value != before


def test_timeline_passages_are_escaped(evil):
    from dossier_lib.annotate.passages import Passage

    class Event:
        id, title, description, place, date_label = "x", "Test <i>", "Uitleg <u>", "hanoi", "1 mei 2019"
        passages = (Passage("999_evil", 0, 10, '<script>alert("x")</script>'),)

    value = widgets.event_html(Event(), Dossier([evil]))
    _no_raw_script(value)
    assert "Test &lt;i&gt;" in value


def test_timeline_passage_that_is_a_quotation_keeps_single_quote_marks(dossier):
    """Findings 3.B (06): Choe's quotation showed as ““Hun onderlinge klik ...””."""
    from dossier_lib.annotate.timeline import load_timeline

    choe = next(e for e in load_timeline(dossier) if e.id == "choe-press-conference")
    value = widgets.event_html(choe, dossier)
    assert "“Hun onderlinge klik is wonderbaarlijk mooi.”" in value and "““" not in value and "””" not in value
    summit = next(e for e in load_timeline(dossier) if e.id == "hanoi-summit")
    assert "“„" not in widgets.event_html(summit, dossier)


# ---------------------------------------------------------------- concordance


def test_concordance_widget(dossier):
    box = widgets.concordance(dossier)
    assert "Typ een woord" in box.view.value
    box.search.value = "sancties"
    assert "<b>20</b> keer gevonden" in box.view.value
    assert box.view.value.count("<mark") == 20
    first_rows = box.view.value
    box.sort.value = "right"
    assert box.view.value != first_rows and box.view.value.count("<mark") == 20
    box.regex.value = True
    box.search.value = "(sancties"
    assert "zoekpatroon klopt niet: er staat een haakje ( zonder haakje ) erna" in html.unescape(box.view.value)
    box.search.value = "sanctie[s"
    assert "er staat een [ zonder ] erna" in html.unescape(box.view.value)
    box.search.value = "qqqzzz"
    assert "Niets gevonden" in box.view.value


def test_concordance_widget_escapes(evil):
    box = widgets.concordance(Dossier([evil]), "alert")
    _no_raw_script(box.view.value)
    assert "<mark" in box.view.value


def test_concordance_widget_limits_rows(dossier):
    box = widgets.concordance(dossier, "de")  # a few hundred hits: all counted, 200 shown
    hits = len(analysis.concordance_lines(dossier, "de"))
    assert widgets.MAX_ROWS < hits <= widgets.MAX_HITS
    assert box.view.value.count('class="dossier-kwic-row"') == widgets.MAX_ROWS
    assert f"<b>{hits}</b> keer gevonden; hieronder de eerste {widgets.MAX_ROWS}." in box.view.value


def test_concordance_widget_asks_for_a_longer_word(dossier):
    box = widgets.concordance(dossier, "e")
    value = box.view.value
    assert f"Meer dan <b>{widgets.MAX_HITS}</b> keer gevonden: zoek op een langer woord" in value
    assert f"de eerste {widgets.MAX_ROWS}, in de volgorde van de tekst" in value
    assert value.count("<mark") == widgets.MAX_ROWS
    assert f"<b>{widgets.MAX_ROWS}</b> keer gevonden" not in value  # the count never contradicts the message


def _copied_rows(value: str) -> list[str]:
    """What a student gets when copying the rows: the text, without what is marked user-select:none."""
    import re

    rows = re.findall(r'<div class="dossier-kwic-row">(.*?)</div>', value)
    unselectable = r"<span [^>]*user-select:none[^>]*>[^<]*</span>"
    return [html.unescape(re.sub(r"<[^>]+>", "", re.sub(unselectable, "", row))) for row in rows]


def test_a_copied_concordance_row_is_the_articles_own_words(dossier):
    from dossier_lib.exercises.checks import find_quote

    box = widgets.concordance(dossier, "veto")  # the hit sits inside "vetorecht"
    (row,) = _copied_rows(box.view.value)
    assert "met vetorecht in" in row and not row[:3].isdigit()  # one word, no article number copied
    assert find_quote(dossier["001"].text, row) is not None  # the quote check accepts the copied row
    box.search.value = "Pompeo"
    for row, line in zip(_copied_rows(box.view.value), analysis.concordance_lines(dossier, "Pompeo")):
        article = next(a for a in dossier if a.id == line.article_id)
        assert find_quote(article.text, row) is not None, row


def test_concordance_marks_paragraphs_and_cut_words(dossier):
    lines = analysis.concordance_lines(dossier, "Trump")
    crossing = [x for x in lines if "¶" in x.left + x.right]
    assert crossing, "some contexts run into the next paragraph or heading"
    for x in lines:
        assert "\n" not in x.left + x.right and "¶ ¶" not in x.left + x.right
    # the headline and the summary sit on one line of the file, but are two paragraphs
    assert any(x.right.startswith(" en Kim ¶ Ontmoeting zou") for x in lines)
    assert any(x.left.endswith("¶ Vijandig ¶ ") for x in lines)  # a heading right before the hit
    for x in analysis.concordance_lines(dossier, "Kim"):
        article = next(a for a in dossier if a.id == x.article_id)
        starts_the_text = x.start - len(x.left) <= article.body_start
        assert x.left.startswith("… ") or starts_the_text, x  # a cut context says so
        first = x.left.removeprefix("… ").split(" ")[0]
        assert not first or first == "¶" or first in article.text, x  # and starts with a whole word
        assert x.right.endswith(" …") or x.end + len(x.right) >= len(article.text), x
    box = widgets.concordance(dossier, "Trump")
    assert "¶ = hier begint een nieuwe alinea of kop" in box.view.value


def test_concordance_explains_the_pattern_box(dossier):
    box = widgets.concordance(dossier)
    assert box.regex.description == "zoekpatroon (regex)"
    assert any("jokers" in getattr(c, "value", "") for c in box.children)


# ---------------------------------------------------------------- actors


def test_actor_explorer(dossier):
    box = widgets.actor_explorer(dossier)
    assert box.chooser.value == "kim-jong-un"
    assert "<h4" in box.view.value and "Kim Jong-un" in box.view.value
    box.chooser.value = "choe-son-hui"
    value = box.view.value
    assert "Choe Son-hui" in value and "Genoemd:</b> 5 keer" in value
    quotes = [q for q in analysis.quotes_of(dossier["004"]) if q.speaker == "choe-son-hui"]
    assert "<small" not in value
    assert f"Citaten ({len(quotes)})" in value
    assert html.escape(quotes[0].content) in value
    assert "Samen in een alinea met:</b> " in value
    box.chooser.value = "vladimir-putin"
    assert "Kim Jong-un" in box.view.value and "Vladimir Poetin" in box.view.value


# ---------------------------------------------------------------- side by side


def test_side_by_side(dossier, evil):
    box = widgets.side_by_side(dossier["002"], dossier["004"])
    assert "Artikel 002" in box.left.value and "Artikel 004" in box.right.value
    box.search.value = "sancties"
    mark = "font-weight:bold"
    assert box.left.value.count(mark) == dossier["002"].text.lower().count("sancties")
    assert "komt hier" in box.right.value
    box2 = widgets.side_by_side(evil, dossier["002"], "script")
    _no_raw_script(box2.left.value)


def test_every_builder_returns_one_vbox(dossier):
    import ipywidgets as W

    built = [
        widgets.article_reader(dossier),
        widgets.timeline_explorer(dossier),
        widgets.concordance(dossier),
        widgets.actor_explorer(dossier),
        widgets.side_by_side(dossier[0], dossier[1]),
    ]
    assert all(isinstance(b, W.VBox) for b in built)
    # a short, stable text form: nbval compares text/plain, which must not hold whole articles
    texts = [b._repr_mimebundle_()["text/plain"] if hasattr(b, "_repr_mimebundle_") else repr(b) for b in built]
    assert all(t.startswith("<") and len(t) < 80 for t in texts)
    assert texts[0] == "<Artikellezer: voer de cel uit (Shift+Enter) om te beginnen>"
