"""Annotations on text the rules were not written for: a teacher's own articles (issue 13, T2, T3, T7).

Each test writes a small article to a temporary folder and loads it the way a lesson does,
so the rules see a real `Article` (paragraphs, header, knowledge base).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from dossier_lib import load_dossier

#: Enough plain words at the end so that the validator does not call the article too short.
PADDING = (
    "Dit laatste stukje tekst staat er alleen zodat het artikel lang genoeg is voor de controle van de map, "
    "want een artikel van minder dan dertig woorden ziet de controle als een vergissing."
)


def article(folder: Path, text: str, month: str = "2019-07", name: str = "eigen_artikel"):
    path = folder / f"{name}.txt"
    path.write_text(f"date {month}\n\n{text}\n\n{PADDING}\n", encoding="utf-8")
    return load_dossier(folder, bundled=False)[name]


def names(art) -> list[tuple[str, str, str | None]]:
    return [(e.text, e.type, e.id) for e in art.annotations.entities if e.start < art.text.index(PADDING)]


def quotes(art) -> list[tuple[str, str, str | None]]:
    return [(q.content, q.kind, q.speaker) for q in art.annotations.quotes]


def dates(art) -> list[tuple[str, str, dt.date | None, dt.date | None]]:
    return [(d.text, d.resolution, d.date_from, d.date_to) for d in art.annotations.dates]


def numbers(art) -> list[tuple[str, float]]:
    return [(n.text, n.value) for n in art.annotations.numbers if n.start < art.text.index(PADDING)]


# ---------------------------------------------------------------- T2: known ids only when the text supports them


@pytest.mark.parametrize(
    "text, whole",
    [
        ("Zijn vader Kim Jong-il bezocht Moskou.", "Kim Jong-il"),
        ("Het land werd gesticht door Kim Il-sung in 1948.", "Kim Il-sung"),
        ("Ook Ivanka Trump reisde mee naar de grens.", "Ivanka Trump"),
        ("Kim kwam met zijn vrouw Ri Sol-ju naar het vliegveld.", "Ri Sol-ju"),
        ("Hoofdonderhandelaar Kim Myong-gil verliet de zaal.", "Kim Myong-gil"),
    ],
)
def test_an_unknown_full_name_is_one_unknown_name_not_someone_else(tmp_path, text, whole):
    found = names(article(tmp_path, text))
    assert (whole, "UNKNOWN", None) in found
    start = text.index(whole)
    # no part of the name is given a known person's id ("Kim" -> kim-jong-un, "Ri" -> ri-yong-ho)
    inside = [f for f in found if f[0] != whole and f[0] in whole]
    assert all(f[2] is None for f in inside), found
    assert start >= 0


def test_a_later_kim_means_the_unknown_negotiator_but_not_a_relative(tmp_path):
    negotiator = article(
        tmp_path,
        "De onderhandelaar Kim Myong-gil sprak voor de ambassade.\n\n„We zijn teleurgesteld”, zei Kim.",
        name="onderhandelaar",
    )
    assert [f for f in names(negotiator) if f[0] == "Kim"] == [("Kim", "UNKNOWN", None)]
    assert quotes(negotiator) == [("We zijn teleurgesteld", "sentence", None)]
    family = article(
        tmp_path, "Zijn vader Kim Jong-il ontmoette nooit een Amerikaanse president. Kim zelf wel.", name="familie"
    )
    assert ("Kim", "PERSON", "kim-jong-un") in names(family)


def test_known_people_stay_known(tmp_path):
    found = names(
        article(tmp_path, "President Moon Jae-in en Donald Trump spraken met Kim Jong-un. Premier Shinzo Abe niet.")
    )
    assert ("Moon Jae-in", "PERSON", "moon-jae-in") in found
    assert ("Donald Trump", "PERSON", "donald-trump") in found
    assert ("Kim Jong-un", "PERSON", "kim-jong-un") in found
    assert ("Shinzo Abe", "UNKNOWN", None) in found  # the title is not part of the name


# ---------------------------------------------------------------- T3: quote speakers


@pytest.mark.parametrize(
    "text, speaker",
    [
        ('"Snelheid is niet het doel", zo verklaarde Trump na het gesprek.', "donald-trump"),
        ("Kim was naar eigen zeggen „verrast” door de uitnodiging.", "kim-jong-un"),
        (
            "Trump bedankte daarna Moon Jae-in voor de gastvrijheid. Hij noemde het „een legendarische dag”.",
            "donald-trump",
        ),
        ("Trump schreef Kim: „U bent welkom in Washington.”", "donald-trump"),
        ('"De president kijkt ernaar uit", zei woordvoerder Sarah Sanders.', "sarah-sanders"),
        ("Het Noord-Koreaanse ministerie noemde de eisen „eenzijdig en gangsterachtig”.", "north-korea"),
        ("Die „oorlogsspelletjes” zijn volgens Trump „heel provocerend”.", "donald-trump"),
        ("„Dit is een kans”, stelde Moon Jae-in op zijn persconferentie.", "moon-jae-in"),
        (
            "Vanaf de top in Osaka had Trump op Twitter geschreven dat hij Kim „even de hand wilde schudden”.",
            "donald-trump",
        ),
    ],
)
def test_real_cue_forms_give_the_right_speaker(tmp_path, text, speaker):
    found = quotes(article(tmp_path, text))
    assert found and all(q[2] == speaker for q in found), found


def test_an_unnamed_speaker_stays_empty_and_ends_the_run(tmp_path):
    art = article(
        tmp_path,
        "Choe Son-hui was somber. „Het is voorbij”, zei ze.\n\n"
        '"Dat zijn de sancties die ertoe doen", zei een Amerikaanse diplomaat. "Het blijft lastig."\n\n'
        "„We zijn klaar”, klonk het in Washington.",
    )
    assert quotes(art) == [
        ("Het is voorbij", "sentence", "choe-son-hui"),
        ("Dat zijn de sancties die ertoe doen", "sentence", None),  # not Choe: the diplomat has no name
        ("Het blijft lastig.", "sentence", None),  # continues the diplomat, still unnamed
        ("We zijn klaar", "sentence", "washington"),
    ]


def test_mixed_curly_and_straight_marks_and_whole_sentences_are_never_scare_quotes(tmp_path):
    art = article(
        tmp_path, '“Dit klopt niet", zei Trump. Het was een ‘normaal\' gesprek. "Het is een goede dag voor iedereen."'
    )
    assert quotes(art) == [
        ("Dit klopt niet", "sentence", "donald-trump"),
        ("normaal", "scare_quote", None),
        ("Het is een goede dag voor iedereen.", "sentence", "donald-trump"),
    ]


# ---------------------------------------------------------------- T7: dates and numbers


def test_a_month_without_a_year_follows_the_tense_and_vorig_jaar(tmp_path):
    april = article(
        tmp_path,
        "In juni vond de eerste top plaats, in Singapore. In juni vorig jaar was het warm. "
        "De volgende top is in juni. Sinds maart vorig jaar reisde hij veel. Vorig jaar juni was hij moe.",
        month="2019-04",
    )
    found = dates(april)
    assert ("In juni", "month", dt.date(2018, 6, 1), dt.date(2018, 6, 30)) in found  # past tense: the June before
    assert ("In juni vorig jaar", "month", dt.date(2018, 6, 1), dt.date(2018, 6, 30)) in found
    assert ("in juni", "month", dt.date(2019, 6, 1), dt.date(2019, 6, 30)) in found  # present: still to come
    assert ("Sinds maart vorig jaar", "range", dt.date(2018, 3, 1), dt.date(2019, 4, 30)) in found
    assert ("Vorig jaar juni", "month", dt.date(2018, 6, 1), dt.date(2018, 6, 30)) in found
    end_of_april = dt.date(2019, 4, 30)
    past = [d for d in april.annotations.dates if d.text != "in juni"]
    assert all(d.date_from is None or d.date_from <= end_of_april for d in past)


def test_day_words_year_ranges_and_eind_dit_jaar(tmp_path):
    found = dates(
        article(
            tmp_path,
            "Op twaalf maart begon het. De oorlog (1950-1953) is niet voorbij. Eind dit jaar weten we meer.",
            month="2019-04",
        )
    )
    assert ("twaalf maart", "day", dt.date(2019, 3, 12), dt.date(2019, 3, 12)) in found
    assert ("1950-1953", "range", dt.date(1950, 1, 1), dt.date(1953, 12, 31)) in found
    assert ("Eind dit jaar", "range", dt.date(2019, 9, 1), dt.date(2019, 12, 31)) in found


def test_a_weekday_is_pinned_by_the_event_the_article_reports_with_the_reasoning(tmp_path):
    art = article(
        tmp_path,
        "Zondag stapte Donald Trump in Panmunjom de grens over, waar Kim Jong-un hem opwachtte. "
        "Een dag eerder, zaterdag, had hij Kim uitgenodigd.",
    )
    by_text = {d.text: d for d in art.annotations.dates}
    assert by_text["Zondag"].date == dt.date(2019, 6, 30)
    assert "Trump stapt in Panmunjom" in by_text["Zondag"].reasoning
    assert by_text["zaterdag"].date == dt.date(2019, 6, 29)
    assert "waarschijnlijk" in by_text["zaterdag"].reasoning


def test_idioms_names_and_numerals_for_people_are_not_quantities(tmp_path):
    found = numbers(
        article(
            tmp_path,
            "De twee leiders spraken onder vier ogen op de G20-top. De twee gingen uiteen. "
            "Het gesprek duurde anderhalf uur, tussen de twee. Een tweede, onaangekondigde ontmoeting volgde.",
        )
    )
    assert found == [("twee", 2), ("anderhalf uur", 1.5), ("tweede", 2)]
