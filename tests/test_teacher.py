"""The teacher guide's helpers: the lesson plan read from the lessons, and the hand-in overview."""

import json

from dossier_lib.exercises import check, inleveren
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


def test_hand_in_overview_rechecks_every_answer_and_survives_damaged_files(tmp_path):
    import os

    check("06.hanoi-keuze", "a")
    first = inleveren(les="06")
    check("06.hanoi-keuze", "b")
    second = inleveren(les="06")  # a second hand-in never overwrites the first
    assert first.ok and second.ok
    edited = json.loads(first.json_path.read_text(encoding="utf-8"))
    edited["samenvatting"]["goed"] = 5
    edited["opdrachten"][1]["status"] = "goed"  # a student editing the file gains nothing
    first.json_path.write_text(json.dumps(edited), encoding="utf-8")
    folder = tmp_path / "inleveren"
    assert folder == type(folder)(os.environ["DOSSIER_INLEVEREN"])
    (folder / "kapot.json").write_text("{niet af")
    (folder / "ander.json").write_text('{"naam": "iets anders"}')
    table = inleveringen(folder)
    assert list(table["naam"]).count("Test Leerling") == 2
    assert sorted(table["goed (opnieuw nagekeken)"])[-2:] == ["0 van 5", "1 van 5"]
    assert table["bestand"].str.contains("overgeslagen").sum() == 2


def test_empty_or_missing_folder_gives_an_empty_table(tmp_path):
    assert len(inleveringen(tmp_path / "bestaat-niet")) == 0
