"""Lesson 10 helpers: rubric, questions, citation check (found / wrong article / too short / empty), chart, exercises."""

import json

import pytest

from dossier_lib.exercises import check
from dossier_lib.exercises.handin import inleveren
from dossier_lib.lessons import eindopdracht as e

GOOD = [
    ("004", "Zij zaten constructieve onderhandelingen in de weg"),
    ("002", "Ze wilden dat alle sancties zouden worden opgeheven"),
    ("004", "doordat de VS ten onrechte zeiden dat Noord-Korea om het schrappen van álle sancties gevraagd had"),
]


def test_rubric_has_five_criteria_and_four_levels():
    table = e.rubric()
    assert list(table.columns) == ["onvoldoende", "voldoende", "goed", "uitstekend"]
    assert list(table.index) == [
        "Bronnen gebruiken",
        "Citeren",
        "Perspectieven vergelijken",
        "Onzekerheid benoemen",
        "Helder schrijven",
    ]
    assert table.notna().all().all()


def test_three_questions_to_choose_from():
    assert list(e.vragen().index) == [1, 2, 3]
    assert "Hanoi" in e.vragen().loc[1, "vraag"]


def test_three_real_citations_pass_and_are_stored():
    from dossier_lib.exercises.progress import progress_file

    report = e.controleer_citaten(GOOD)
    assert report.status == "goed"
    assert [(c.article, c.paragraph) for c in report.citations] == [("004", 1), ("002", 4), ("004", 4)]
    stored = json.loads(progress_file().read_text(encoding="utf-8"))["opdrachten"][e.EXERCISE_ID]
    assert stored["status"] == "goed"
    assert stored["antwoord"][0] == ["004", "Zij zaten constructieve onderhandelingen in de weg"]


def test_quote_marks_spaces_and_capitals_do_not_matter():
    report = e.controleer_citaten([("004", "  zij ZATEN   constructieve onderhandelingen in de weg ")], bewaren=False)
    assert report.citations[0].ok


def test_wrong_article_number_points_to_the_right_one():
    report = e.controleer_citaten([("002", GOOD[0][1])], bewaren=False)
    c = report.citations[0]
    assert not c.ok and c.article == "004" and "wel in artikel 004" in c.remark


def test_invented_short_and_odd_citations_fail_with_dutch_remarks():
    report = e.controleer_citaten(
        GOOD[:2] + [("004", "Kim heeft altijd gelijk gehad"), ("004", "kort"), ("999", "drie woorden hier"), 42],
        bewaren=False,
    )
    assert report.status == "fout"
    remarks = [c.remark for c in report.citations[2:]]
    assert remarks[0].startswith("Niet gevonden in artikel 004")
    assert remarks[1].startswith("Te kort")
    assert "bestaat niet" in remarks[2]
    assert "als tekst" in remarks[3]
    assert "2 van je 6 citaten kloppen" in report.message


def test_the_same_citation_three_times_counts_once():
    assert e.controleer_citaten([GOOD[0]] * 3, bewaren=False).status == "fout"


def test_a_plain_string_is_searched_in_all_articles():
    report = e.controleer_citaten(["Het mislukken van de top is een blamage"], bewaren=False)
    assert report.citations[0].article == "002"


@pytest.mark.parametrize("empty", [..., None, [], [GOOD[0], ...]])
def test_empty_answers_are_not_answered_yet(empty):
    report = e.controleer_citaten(empty)
    assert report.status == "leeg"
    assert "Nog niet" in report.message
    assert "<div" in report._repr_html_()


def test_not_a_list_is_refused_kindly():
    assert e.controleer_citaten(5, bewaren=False).status == "ongeldig"


def test_html_escapes_student_text():
    html = e.controleer_citaten([("004", "<script>alert(1)</script> zomaar iets")], bewaren=False)._repr_html_()
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_sources_chart_counts_citations_per_article():
    import matplotlib.pyplot as plt

    fig = e.bronnen_grafiek(GOOD)
    heights = [p.get_height() for p in fig.axes[0].patches]
    assert sorted(heights) == [0, 0, 0, 1, 2]
    assert fig.axes[0].get_title(loc="left") == "Uit welke artikelen komt je bewijs?"
    plt.close(fig)
    empty = e.bronnen_grafiek(...)
    assert "Nog geen kloppende citaten" in [t.get_text() for t in empty.axes[0].texts]
    plt.close(empty)


def test_exercises_and_hand_in(tmp_path):
    from dossier_lib.exercises import lesson_exercises

    ids = [ex.id for ex in lesson_exercises("10")]
    assert {"10.bewijs-twijfel", "10.goede-conclusie", "10.vraag", "10.citaten", "10.analyse"} <= set(ids)
    assert check("10.bewijs-twijfel", "Als Ri de waarheid spreekt").correct
    assert check("10.bewijs-twijfel", 6).correct
    assert "Trump" in check("10.bewijs-twijfel", 4).hint
    # not the same answer as 08.twijfel-bewijs (findings L4): the rations are lesson 8
    assert not check("10.bewijs-twijfel", "Het is onduidelijk hoe betrouwbaar dat bericht was").correct
    assert "les 8" in check("10.bewijs-twijfel", 11).hint
    assert check("10.goede-conclusie", "b").correct
    assert check("10.analyse", "te kort").hint.startswith("Je mag nog wat meer schrijven")
    e.controleer_citaten(GOOD)
    result = inleveren(les="10")
    assert result.ok
    rows = {r["id"]: r for r in result.data["opdrachten"]}
    assert rows["10.citaten"]["status"] == "goed" and rows["10.citaten"]["label"] == "Opdracht 4"
    assert len(rows["10.citaten"]["antwoord"]) == 3


# ---------------------------------------------------------------- the writing box (findings 3.B, 10)

ANALYSIS = (
    " ".join(["Trump zei „alle sancties” (artikel 002), maar Ri zei iets anders."] * 14) + ' Met """ en \\n erin.'
)


def test_writing_box_counts_words_and_says_what_is_not_saved_yet():
    box = e.schrijfvak("10.analyse")
    assert box.area.value == "" and "0 woorden" in box.count.value and "150 tot 300" in box.count.value
    assert "bewaard" not in box.count.value  # nothing typed, nothing to save
    box.area.value = "Een korte tekst van zeven woorden hier."
    assert "7 woorden" in box.count.value and "nog 143 te gaan" in box.count.value
    assert "nog niet bewaard" in box.count.value
    box.area.value = "woord " * 301
    assert "te lang" in box.count.value


def test_writing_box_saves_like_check_and_the_hand_in_carries_the_whole_text():
    box = e.schrijfvak("10.analyse")
    box.area.value = ANALYSIS  # quote marks, triple quotes and backslashes cannot break anything
    box.button.click()
    assert "Bewaard" in box.feedback.value and "nog niet bewaard" not in box.count.value
    assert "· bewaard" in box.count.value
    result = inleveren(les="10")
    row = {r["id"]: r for r in result.data["opdrachten"]}["10.analyse"]
    assert row["status"] == "bewaard" and row["antwoord"] == ANALYSIS
    page = result.html_path.read_text(encoding="utf-8")
    assert "Ri zei iets anders." in page and "&quot;&quot;&quot;" in page
    saved = json.loads(result.json_path.read_text(encoding="utf-8"))
    assert {r["id"]: r for r in saved["opdrachten"]}["10.analyse"]["antwoord"] == ANALYSIS
    box.area.value = ANALYSIS + " Nog een zin."
    assert "nog niet bewaard" in box.count.value


def test_writing_box_starts_with_the_text_stored_last():
    check("10.analyse", "Mijn eerste versie van de analyse.")
    box = e.schrijfvak("10.analyse")
    assert box.area.value == "Mijn eerste versie van de analyse." and "· bewaard" in box.count.value


def test_writing_box_empty_text_is_not_answered_and_wrong_ids_are_explained():
    box = e.schrijfvak("10.analyse")
    assert "Nog niet beantwoord" in box.bewaar().message
    assert "Geen schrijfvak" in repr(e.schrijfvak("10.bestaat-niet"))
    assert "open vraag" in repr(e.schrijfvak("10.goede-conclusie"))
    other = e.schrijfvak("10.reflectie")
    assert "minstens 40" in other.count.value and "tot" not in other.count.value
