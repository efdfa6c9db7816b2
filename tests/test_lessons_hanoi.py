"""Lesson 06 helpers: the competing accounts of Hanoi, the dated chart, and the extra exercises."""

import datetime as dt

import pytest

from dossier_lib.exercises import check
from dossier_lib.lessons import hanoi


@pytest.fixture(autouse=True)
def _progress_in_tmp(tmp_path, monkeypatch):
    monkeypatch.setenv("DOSSIER_VOORTGANG", str(tmp_path / "voortgang.json"))


def test_positions_on_all_sanctions():
    table = hanoi.standpunten("hanoi-all-sanctions")
    assert table["wie"].tolist() == ["Donald Trump", "Donald Trump", "Ri Yong-ho", "de krant zelf", "de krant zelf"]
    assert table["artikel"].tolist() == ["002", "002", "002", "004", "004"]
    assert table["citaat"].iloc[4] == "Later gaf Washington toe dat dit niet zo was"


def test_positions_table_shows_whole_quotes_left_aligned():
    html = hanoi.standpunten("hanoi-all-sanctions")._repr_html_()
    assert "Ze wilden dat alle sancties zouden worden opgeheven" in html
    assert "…" not in html and "..." not in html
    assert "text-align:left" in html
    assert "<th>0</th>" not in html  # no meaningless row numbers


def test_positions_of_one_article_only():
    """Lesson 06 shows article 002's side first: 004's sentence answers a later exercise."""
    table = hanoi.standpunten("hanoi-all-sanctions", artikel="002")
    assert set(table["artikel"]) == {"002"} and "Later gaf Washington" not in table.to_string()
    with pytest.raises(KeyError, match="zegt niets"):
        hanoi.standpunten("hanoi-all-sanctions", artikel="000")


def test_unknown_claim_gives_dutch_message():
    with pytest.raises(KeyError, match="geen bewering"):
        hanoi.standpunten("bestaat-niet")
    with pytest.raises(KeyError, match="(?i)geen bewering"):
        hanoi.buiten_het_dossier("bestaat-niet")


def test_outside_the_dossier_shows_the_officials_scope_and_its_sources():
    """L1: the 1 March official's words with their scope, each fact with its source."""
    shown = hanoi.buiten_het_dossier("hanoi-all-sanctions")
    assert shown.text.startswith("Buiten het dossier: wat zeggen andere bronnen?")
    assert "maart 2016" in shown.text and "wapens" in shown.text and "zei niet dat Trump zich vergiste" in shown.text
    assert shown.text.count("Bron:") == 4 and "AP" in shown.text
    assert "<b>Bron:</b>" in shown.html
    empty = hanoi.buiten_het_dossier("hanoi-why-failed")
    assert "niets van buiten het dossier" in empty.text


def test_statement_dates_are_the_checked_ones():
    days = {s.speaker: s.day for s in hanoi.STATEMENTS}
    assert days["Trump"] == dt.date(2019, 2, 28)
    assert days["Choe Son-hui"] == dt.date(2019, 3, 15)
    assert days["Choe Son-hui"].weekday() == 4  # "vrijdag" in article 004
    assert all(s.source for s in hanoi.STATEMENTS)


def test_the_us_officials_words_keep_their_scope_and_colour():
    """1 March 2019: 'basically all', but UN sanctions since March 2016 and not those on weapons (L1)."""
    official = next(s for s in hanoi.STATEMENTS if s.speaker == "hoge Amerikaanse ambtenaar")
    assert official.day == dt.date(2019, 3, 1)
    assert official.kind == "bijna-alle"  # not coloured like Ri ("deel") nor like Trump ("alle")
    assert "maart 2016" in official.says and "wapens" in official.says
    assert "AP" in official.source and "toe" not in official.says


def test_chart_has_one_row_per_speaker():
    import matplotlib.pyplot as plt

    fig = hanoi.verhalen_chart()
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert labels == ["Trump", "Ri Yong-ho", "hoge Amerikaanse ambtenaar", "Choe Son-hui"]
    plt.close(fig)


def test_lesson_06_exercises():
    assert check("06.bewijs-trump", "Ze wilden dat alle sancties zouden worden opgeheven").correct is True
    assert "Ri" in check("06.bewijs-trump", 6).hint
    assert check("06.bewijs-correctie", 4).correct is True
    assert check("06.choe-datum", "15 maart 2019").correct is True
    assert "tijdlijn" in check("06.choe-datum", "2019-03-01").hint
    assert check("06.soort-verschil", "b").correct is True
    assert check("06.reflectie", "Ik denk dat de krant het goed deed.").status == "bewaard"
    assert check("06.hanoi-keuze", "b").correct is True
    assert check("06.bewijs-sancties", 6).correct is True
