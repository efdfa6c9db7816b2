"""Lesson 03 helpers and exercises: the tables show what the articles say, every check answers in Dutch."""

import pytest

from dossier_lib import load_dossier
from dossier_lib.exercises import check
from dossier_lib.lessons import spelers


@pytest.fixture(scope="module")
def dossier():
    return load_dossier()


def test_kim_count_matches_the_annotations(dossier):
    kims = [e for e in dossier["003"].annotations.entities if e.id == "kim-jong-un"]
    assert len(kims) == 6
    assert check("03.kim-tellen", len(kims)).status == "goed"
    wrong = check("03.kim-tellen", 8)
    assert wrong.status == "fout" and "Kim Yong-chol" in wrong.hint


def test_buggy_poetin_code_counts_seven_and_the_fix_eight(dossier):
    entities = dossier["001"].annotations.entities
    assert sum(e.text == "Poetin" for e in entities) == 7
    fixed = sum(e.id == "vladimir-putin" for e in entities)
    assert fixed == 8
    assert check("03.bug-poetin", fixed).status == "goed"
    assert "Rus" in check("03.bug-poetin", 7).hint


def test_annotation_key_matches_the_paragraph(dossier):
    table = spelers.names_in_paragraph(dossier["003"], 13)
    pairs = [(t, "persoon" if s == "persoon" else "plaats") for t, s in zip(table["in de tekst"], table["soort"])]
    assert check("03.namen-panmunjom", pairs).status == "goed"
    moon = check("03.namen-panmunjom", pairs + [("Moon Jae-in", "persoon")])
    assert moon.status == "fout" and "niet in de alinea" in moon.hint


def test_moon_is_described_but_never_named(dossier):
    assert all(e.id != "moon-jae-in" for a in dossier for e in a.annotations.entities)
    assert spelers.unnamed_mentions(dossier, "president van Zuid-Korea")["artikel"].tolist() == ["003"]
    assert check("03.moon-afwezig", "b").status == "goed"
    assert check("03.moon-afwezig", "a").status == "fout"


def test_student_placeholders_say_not_answered():
    for ex_id in (
        "03.kim-tellen",
        "03.bug-poetin",
        "03.namen-panmunjom",
        "03.moon-afwezig",
        "03.reflectie-wie-ontbreekt",
    ):
        assert check(ex_id, ...).status == "leeg"


def test_name_forms_show_where_poetin_becomes_putin(dossier):
    forms = spelers.name_forms(dossier, "vladimir-putin")
    assert forms == {"Poetin": 7, "Rus": 1}
    block = spelers.kb_block("vladimir-putin")
    assert (
        block.strip().startswith("- id: vladimir-putin") and "Poetin" in block and "label_en: Vladimir Putin" in block
    )
    assert "- id:" not in block.strip()[len("- id: vladimir-putin") :]


def test_actor_cards(dossier):
    cards = spelers.actor_cards(dossier)
    assert cards.loc["Kim Jong-un", "genoemd"] == 35
    assert cards.loc["Sarah Sanders", "Engelse naam"] == "Sarah Huckabee Sanders"
    assert cards.loc["Vladimir Poetin", "in artikel"] == "001"
    assert "Moon Jae-in" not in cards.index


def test_bad_input_gives_dutch_messages(dossier):
    assert spelers.name_forms(dossier, "Poetin") == spelers.name_forms(dossier, "vladimir-putin")  # a name works too
    with pytest.raises(KeyError, match="kennisbank"):
        spelers.name_forms(dossier, "atlantis")
    with pytest.raises(ValueError, match="geen alinea 99"):
        spelers.names_in_paragraph(dossier["003"], 99)


def test_tables_show_whole_cells_without_changing_pandas_for_the_kernel():
    import pandas as pd

    # actor_cards' roles were cut off with "..." in JupyterLab; the table itself shows them whole.
    assert pd.get_option("display.max_colwidth") == 50
    html = spelers.actor_cards(load_dossier())._repr_html_()
    assert "Noord-Koreaanse onderminister van Buitenlandse Zaken" in html and "..." not in html
