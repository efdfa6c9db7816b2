"""Lesson 04 helpers and exercises: words of uncertainty, what came after, checks in Dutch."""

import pytest

from dossier_lib import load_dossier
from dossier_lib.exercises import check
from dossier_lib.lessons import singapore


@pytest.fixture(scope="module")
def dossier():
    return load_dossier()


def test_uncertainty_words_in_article_003(dossier):
    article = dossier["003"]
    words = singapore.find_uncertainty(article)
    assert [w.text for w in words] == [
        "zou",
        "verwacht",
        "Het is niet bekend",
        "mogelijke",
        "Verwacht wordt",
        "waarschijnlijk",
    ]
    for w in words:
        assert article.text[w.start : w.end] == w.text
    table = singapore.uncertainty_table(article)
    assert table.loc[2, "zin"].startswith("Het is niet bekend of Singapore")
    assert "date 2018" not in table.loc[0, "zin"]


def test_uncertainty_is_whole_words_only(dossier):
    # "zouden" is its own word, "zout" would not be one; "verwachtingen" is not "verwacht".
    texts = [w.text.lower() for a in dossier for w in singapore.find_uncertainty(a)]
    assert "verwachtingen" not in texts
    assert set(texts) <= {w for w, _ in singapore.UNCERTAINTY_WORDS}


def test_per_article_table_and_chart(dossier):
    table = singapore.uncertainty_per_article(dossier)
    assert table.loc["003", "twijfelwoorden"] == 6
    assert table["twijfelwoorden"].idxmax() == "002"
    import matplotlib

    matplotlib.use("Agg")
    fig = singapore.uncertainty_chart(dossier)
    assert "003" in fig.caption and fig.axes[0].get_title(loc="left") == "Hoeveel twijfel staat er in elk artikel?"
    labels = [t.get_text() for t in fig.axes[0].texts]
    # "(6 woorden)" read as "the article has 6 words"; the label says how many times instead.
    assert "1,3\n(6 keer)" in labels and not any("woorden" in t for t in labels)


def test_summit_comes_after_the_article(dossier):
    table = singapore.known_and_after(dossier["003"]).set_index("datum")
    assert table.loc["2018-06-12", "na het artikel?"] == "ja"
    assert table.loc["2018-06-12", "in het artikel?"] == "nee"
    cancelled = table[table["gebeurtenis"].str.contains("blaast de top")]
    assert cancelled.index.tolist() == ["2018-05-24"] and cancelled["in het artikel?"].tolist() == ["ja"]


def test_exercises_answer_in_dutch():
    assert check("04.zeker-of-onzeker", "b").status == "goed"
    assert "toekomst" in check("04.zeker-of-onzeker", "a").hint
    assert check("04.bewijs-locatie", 5).status == "goed"
    assert check("04.bewijs-locatie", "Het is niet bekend of Singapore").status == "goed"
    assert check("04.bewijs-locatie", 1).status == "fout"
    assert check("04.sanders-spelling", "b").status == "goed"
    assert check("04.wist-nog-niet", "c").status == "goed"
    assert check("04.reflectie-onzeker", "Omdat de journalist het nog niet zeker wist.").status == "bewaard"
    for ex_id in (
        "04.zeker-of-onzeker",
        "04.bewijs-locatie",
        "04.sanders-spelling",
        "04.wist-nog-niet",
        "04.reflectie-onzeker",
        "04.top-datum",
        "04.namen-new-york",
        "04.met-wie",
    ):
        assert check(ex_id, ...).status == "leeg"
