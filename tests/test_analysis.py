"""Counts, concordance and joins on the five real articles, plus small hand-made stand-ins."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from dossier_lib import analysis, load_dossier


@pytest.fixture(scope="module")
def dossier():
    return load_dossier()


# ---------------------------------------------------------------- mentions


def test_mention_matrix_agrees_with_the_entities(dossier):
    frame = analysis.mention_matrix(dossier)
    assert list(frame.columns) == [a.number for a in dossier] + ["totaal"]
    for a in dossier:
        for name in frame.index:
            pid = next(e.id for b in dossier for e in b.annotations.entities if e.type == "PERSON" and e.label == name)
            expected = sum(1 for e in a.annotations.entities if e.type == "PERSON" and e.id == pid)
            assert frame.loc[name, a.number] == expected
    assert (frame["totaal"] == frame.drop(columns="totaal").sum(axis=1)).all()
    assert list(frame["totaal"]) == sorted(frame["totaal"], reverse=True)


def test_real_mention_facts(dossier):
    frame = analysis.mention_matrix(dossier)
    assert frame.index[0] == "Kim Jong-un"  # the most mentioned person in the dossier
    assert frame.index[1] == "Donald Trump"
    putin = frame.loc["Vladimir Poetin"]
    assert putin["001"] == 8 and putin["totaal"] == 8  # only in the Vladivostok article
    assert frame.loc["Choe Son-hui", "004"] == 5
    assert len(analysis.mention_matrix(dossier, top=3)) == 3


def test_mention_matrix_with_places_uses_dutch_labels(dossier):
    frame = analysis.mention_matrix(dossier, types=("PLACE",))
    assert "Peking" in frame.index and "Vladivostok" in frame.index
    assert frame.loc["Vladivostok", "001"] >= 1


# ---------------------------------------------------------------- co-occurrence


def test_cooccurrence_counts_each_paragraph_once(dossier):
    pairs = analysis.cooccurrence_pairs(dossier)
    for (a, b), where in pairs.items():
        assert a < b
        assert len(where) == len(set(where))
        for article_id, index in where:
            article = dossier[article_id]
            p = article.paragraphs[index]
            ids = {e.id for e in article.annotations.entities if e.type == "PERSON" and p.start <= e.start < p.end}
            assert {a, b} <= ids


def test_trump_and_kim_are_the_strongest_pair(dossier):
    frame = analysis.cooccurrence(dossier)
    top = frame.iloc[0]
    assert (top["a"], top["b"]) == ("donald-trump", "kim-jong-un")
    assert top["alinea's"] == len(analysis.cooccurrence_pairs(dossier)[("donald-trump", "kim-jong-un")])
    putin = frame[(frame["a"] == "kim-jong-un") & (frame["b"] == "vladimir-putin")].iloc[0]
    assert set(putin["waar"].split(", ")) <= {f"001:{p.index}" for p in dossier["001"].paragraphs}
    assert (analysis.cooccurrence(dossier, min_count=3)["alinea's"] >= 3).all()


# ---------------------------------------------------------------- concordance


def test_concordance_finds_every_occurrence_case_insensitively(dossier):
    frame = analysis.concordance(dossier, "SANCTIES")
    expected = sum(len(re.findall("sancties", a.text[a.body_start :], re.IGNORECASE)) for a in dossier)
    assert len(frame) == expected == 20
    for row in frame.itertuples():
        article = dossier[row.artikel]
        assert article.text[row.start : row.eind].lower() == "sancties" == row.treffer.lower()


def test_concordance_context_and_offsets(dossier):
    lines = analysis.concordance_lines(dossier, "Vladivostok", width=30)
    assert lines and all(x.number == "001" for x in lines)
    for x in lines:
        article = dossier[x.article_id]
        assert article.text[x.start : x.end] == x.match
        breaks = (x.left + x.right).count("¶")  # a line break "\n" is shown as " ¶ "
        assert len(x.left.removeprefix("… ")) <= 30 + 2 * breaks and "\n" not in x.left + x.right
        assert x.left.replace("…", "").strip() in " ".join(article.text[: x.start].split())


def test_concordance_sorting(dossier):
    left = analysis.concordance_lines(dossier, "top", sort="left")
    keys = [[w.lower() for w in reversed(re.findall(r"\w+(?:[-'’]\w+)*", x.left))] for x in left]
    assert keys == sorted(keys)
    right = analysis.concordance_lines(dossier, "top", sort="right")
    rkeys = [[w.lower() for w in re.findall(r"\w+(?:[-'’]\w+)*", x.right)] for x in right]
    assert rkeys == sorted(rkeys)
    assert sorted((x.article_id, x.start) for x in left) == sorted((x.article_id, x.start) for x in right)


def test_concordance_regex_and_errors(dossier):
    frame = analysis.concordance(dossier, r"\btop\w*", regex=True)
    assert set(frame["treffer"].str.lower()) == {"top", "topontmoeting"}
    # Without regex the pattern is taken literally: "(top" is just text.
    assert analysis.concordance(dossier, "(top").empty
    with pytest.raises(analysis.AnalysisError, match="zoekpatroon klopt niet"):
        analysis.concordance(dossier, "(top", regex=True)
    with pytest.raises(analysis.AnalysisError, match="Typ eerst een woord"):
        analysis.concordance(dossier, "   ")
    with pytest.raises(analysis.AnalysisError, match="past ook op niets"):
        analysis.concordance(dossier, "x*", regex=True)
    with pytest.raises(analysis.AnalysisError, match="Sorteren"):
        analysis.concordance(dossier, "top", sort="midden")


def test_concordance_skips_the_header(dossier):
    assert analysis.concordance(dossier, "date").empty or all(
        row.start >= dossier[row.artikel].body_start for row in analysis.concordance(dossier, "date").itertuples()
    )


# ---------------------------------------------------------------- quotes


@dataclass(frozen=True)
class FakeQuote:
    start: int
    end: int
    text: str
    content: str
    speaker: str | None


class FakeAnnotations:
    def __init__(self, quotes):
        self.quotes = quotes
        self.entities = []


class FakeArticle:
    def __init__(self, number, quotes):
        self.id = f"{number}_fake"
        self.number = number
        self.annotations = FakeAnnotations(quotes)


def test_quote_share_with_stand_ins_counts_words_and_keeps_anonymous_apart():
    arts = [
        FakeArticle(
            "100",
            [
                FakeQuote(0, 10, "“Een twee drie”", "Een twee drie", "donald-trump"),
                FakeQuote(20, 30, "“vier vijf”", "vier vijf", None),
            ],
        ),
        FakeArticle("101", [FakeQuote(0, 5, "“zes”", "zes", "donald-trump")]),
    ]
    assert analysis.quote_counts(arts) == {"donald-trump": (2, 4), None: (1, 2)}
    frame = analysis.quote_share(arts)
    assert list(frame["spreker"]) == ["Donald Trump", analysis.ANONYMOUS]
    assert list(frame["citaten"]) == [2, 1]
    assert frame["aandeel_woorden"].sum() == pytest.approx(1.0)


def test_quote_share_on_the_real_dossier_matches_the_quotes(dossier):
    frame = analysis.quote_share(dossier)
    quotes = [q for a in dossier for q in analysis.quotes_of(a)]
    assert frame["citaten"].sum() == len(quotes)
    assert frame["woorden"].sum() == sum(analysis.words(q.content) for q in quotes)
    assert list(frame["woorden"]) == sorted(frame["woorden"], reverse=True)


# ---------------------------------------------------------------- numbers and timeline


def test_numbers_table(dossier):
    frame = analysis.numbers_table(dossier)
    assert len(frame) == sum(len(a.annotations.numbers) for a in dossier)
    percent = frame[frame["eenheid"] == "procent"].set_index("artikel")["waarde"].to_dict()
    assert percent == {"002": 90, "001": 58}
    for row in frame.itertuples():
        assert dossier[row.artikel].text[row.start : row.eind] == row.tekst


def test_timeline_coverage_and_uncovered(dossier):
    frame = analysis.timeline_coverage(dossier)
    assert frame.loc["hanoi-summit", "002"] >= 1 and frame.loc["hanoi-summit", "in_dossier"]
    assert frame.loc["vladivostok-summit", "001"] >= 1
    uncovered = analysis.uncovered_events(dossier)
    assert {e.id for e in uncovered} == set(frame.index[~frame["in_dossier"]])
    assert "stockholm-talks" in {e.id for e in uncovered}  # after the last article
    hanoi = next(
        e
        for e in __import__("dossier_lib.annotate.timeline", fromlist=["x"]).load_timeline(dossier)
        if e.id == "hanoi-summit"
    )
    assert "002" in analysis.articles_for_event(hanoi, dossier)


def test_timeline_coverage_respects_a_smaller_dossier(dossier):
    only_may_2018 = dossier.between("2018-05", "2018-05")
    frame = analysis.timeline_coverage(only_may_2018)
    assert list(frame.columns[-2:]) == ["003", "in_dossier"]
    assert not frame.loc["hanoi-summit", "in_dossier"]


# ---------------------------------------------------------------- actor profile


def test_actor_profile_of_putin(dossier):
    p = analysis.actor_profile(dossier, "vladimir-putin")
    assert p.label == "Vladimir Poetin" and p.total_mentions == 8
    assert p.mentions["001"] == 8 and p.mentions["003"] == 0
    assert p.with_[0][0] == "kim-jong-un"
    assert all(q.speaker == "vladimir-putin" for _, q in p.quotes)


def test_actor_profile_of_choe_has_her_quotes(dossier):
    p = analysis.actor_profile(dossier, "choe-son-hui")
    expected = [q for q in analysis.quotes_of(dossier["004"]) if q.speaker == "choe-son-hui"]
    assert [q for _, q in p.quotes] == expected and expected


def test_actor_profile_unknown_id(dossier):
    with pytest.raises(analysis.AnalysisError, match="staat niet in de kennisbank"):
        analysis.actor_profile(dossier, "nobody-at-all")


def test_persons_most_mentioned_first(dossier):
    people = analysis.persons(dossier)
    assert people[0] == ("Kim Jong-un", "kim-jong-un")
    assert ("Vladimir Poetin", "vladimir-putin") in people


def test_analysis_works_on_a_single_article(dossier):
    frame = analysis.mention_matrix(dossier["001"])
    assert list(frame.columns) == ["001", "totaal"]


def test_label_falls_back_to_the_id():
    assert analysis.label("kim-jong-un") == "Kim Jong-un"
    assert analysis.label("not-in-kb") == "not-in-kb"
    assert analysis.label(None) == analysis.ANONYMOUS


def test_import_dossier_lib_stays_light():
    import subprocess
    import sys

    code = (
        "import sys, dossier_lib, dossier_lib.analysis, dossier_lib.charts, dossier_lib.palette; "
        "print(any(m in sys.modules for m in ('pandas', 'matplotlib', 'ipywidgets', 'yaml')))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parents[1],
    )
    assert out.stdout.strip() == "False"
