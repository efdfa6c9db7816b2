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
    assert 'title="Vladimir Poetin — ' in value  # hover text with the Dutch label and role
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
    assert out == 'a<span style="x" title="ti&quot;tle">&lt;b&gt;</span>c'


# ---------------------------------------------------------------- timeline


def test_timeline_explorer_range_and_events(dossier):
    box = widgets.timeline_explorer(dossier)
    months = [v for _, v in box.slider.options]
    assert months[0].isoformat() == "2018-01-01" and months[-1].isoformat() == "2019-12-01"
    assert "gebeurtenissen in deze periode" in box.summary.value
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
    assert "zoekpatroon klopt niet" in box.view.value
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
    assert box.view.value.count("<tr>") == widgets.MAX_ROWS + 1  # header row plus the limit
    assert f"eerste {widgets.MAX_ROWS} van {hits}" in box.view.value


def test_concordance_widget_asks_for_a_longer_word(dossier):
    box = widgets.concordance(dossier, "e")
    assert f"Meer dan {widgets.MAX_HITS} treffers" in box.view.value
    assert box.view.value.count("<mark") == widgets.MAX_ROWS


# ---------------------------------------------------------------- actors


def test_actor_explorer(dossier):
    box = widgets.actor_explorer(dossier)
    assert box.chooser.value == "kim-jong-un"
    assert "<h4" in box.view.value and "Kim Jong-un" in box.view.value
    box.chooser.value = "choe-son-hui"
    value = box.view.value
    assert "Choe Son-hui" in value and "Genoemd:</b> 5 keer" in value
    quotes = [q for q in analysis.quotes_of(dossier["004"]) if q.speaker == "choe-son-hui"]
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


# ---------------------------------------------------------------- quiz


def test_quiz_feedback():
    box = widgets.quiz("Waar was de tweede top?", ["Singapore", "Hanoi", "Vladivostok"], 1, "Het was in Hanoi.")
    box.button.click()
    assert "Kies eerst een antwoord" in box.feedback.value
    box.choices.value = 0
    assert box.feedback.value == ""  # a new choice clears old feedback
    box.button.click()
    assert "Nog niet goed" in box.feedback.value
    box.choices.value = 1
    box.button.click()
    assert "Goed! Het was in Hanoi." in box.feedback.value


def test_quiz_escapes_and_checks_input():
    box = widgets.quiz("<script>?", ["a", "b"], 0)
    assert "&lt;script&gt;" in box.children[0].value
    with pytest.raises(ValueError, match="minstens twee"):
        widgets.quiz("?", ["a"], 0)
    with pytest.raises(ValueError, match="0 tot en met 1"):
        widgets.quiz("?", ["a", "b"], 2)
    with pytest.raises(ValueError, match="hetzelfde"):
        widgets.quiz("?", ["a", "a"], 0)


def test_every_builder_returns_one_vbox(dossier):
    import ipywidgets as W

    built = [
        widgets.article_reader(dossier),
        widgets.timeline_explorer(dossier),
        widgets.concordance(dossier),
        widgets.actor_explorer(dossier),
        widgets.side_by_side(dossier[0], dossier[1]),
        widgets.quiz("?", ["a", "b"], 0),
    ]
    assert all(isinstance(b, W.VBox) for b in built)
    # a short, stable text form: nbval compares text/plain, which must not hold whole articles
    texts = [b._repr_mimebundle_()["text/plain"] if hasattr(b, "_repr_mimebundle_") else repr(b) for b in built]
    assert all(t.startswith("<") and len(t) < 80 for t in texts)
    assert texts[0] == "<Artikellezer: interactief, alleen zichtbaar in Jupyter>"
