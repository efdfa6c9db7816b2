"""The teacher guide's helpers: the lesson plan read from the lessons, and the hand-in overview."""

import json

from dossier_lib.exercises import inleveren, set_progress_file
from dossier_lib.teacher import inleveringen, lesplan, lesson_header


def test_lesson_plan_has_every_lesson_with_goals_time_and_sources():
    plan = lesplan()
    assert list(plan.index) == [f"{n:02d}" for n in range(1, 11)]
    for column in ("leerdoelen", "tijd", "voorkennis", "bronnen"):
        assert (plan[column].str.len() > 0).all(), column
    assert plan["tijd"].str.contains("minuten").all()


def test_lesson_header_reads_the_table(tmp_path):
    nb = {
        "cells": [
            {
                "cell_type": "markdown",
                "source": [
                    "# Les 7 — Proef\n",
                    "\n",
                    "| | |\n",
                    "|---|---|\n",
                    "| **Leerdoelen** | Iets leren. |\n",
                    "| **Tijd** | 30 minuten |\n",
                ],
            }
        ]
    }
    path = tmp_path / "07_proef.ipynb"
    path.write_text(json.dumps(nb))
    assert lesson_header(path) == {
        "les": "07",
        "titel": "Les 7 — Proef",
        "leerdoelen": "Iets leren.",
        "tijd": "30 minuten",
    }


def test_hand_in_overview_lists_each_hand_in_and_survives_a_damaged_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    set_progress_file(tmp_path / ".voortgang.json")
    try:
        assert inleveren("Sanne de Vries", les="06").ok
        assert inleveren("Sanne de Vries", les="06").ok  # a second hand-in never overwrites the first
    finally:
        set_progress_file(None)
    (tmp_path / "inleveren" / "kapot.json").write_text("{niet af")
    table = inleveringen(tmp_path / "inleveren")
    assert list(table["naam"]).count("Sanne de Vries") == 2
    assert table["les"].iloc[0] == "06"
    assert table["bestand"].str.contains("onleesbaar").sum() == 1


def test_empty_or_missing_folder_gives_an_empty_table(tmp_path):
    assert len(inleveringen(tmp_path / "bestaat-niet")) == 0


def test_lesson_plan_is_plain_left_aligned_whole_text():
    plan = lesplan()
    cells = [str(v) for column in plan.columns for v in plan[column]]
    assert not [c for c in cells if "`" in c or "*" in c], "Markdown marks in the lesson plan"
    markup = plan._repr_html_()
    assert "text-align:left" in markup and "…" not in markup  # whole sentences, read from the left
    assert "donderdag" in " ".join(cells)
