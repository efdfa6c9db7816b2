"""Handing in: lesson order, questions and claims, answers as written, honest scores; escaped, never overwritten.

Each test works as "Test Leerling" with its own folders (tests/conftest.py).
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from dossier_lib.exercises import check, hint, inleveren
from dossier_lib.exercises.registry import lesson_exercises


def _rows(result) -> dict:
    return {r["id"]: r for r in result.data["opdrachten"]}


def test_hand_in_lists_the_lesson_in_order_with_questions_answers_and_feedback():
    check("06.hanoi-keuze", "a")
    check("06.hanoi-keuze", "b")
    hint("06.bewijs-trump")
    check("06.bewijs-sancties", 6)  # the worked example: not the student's work
    result = inleveren(les="06")
    assert result.ok and "Test Leerling, je werk van les 06 is ingeleverd." in str(result)
    assert result.html_path.parent == Path(os.environ["DOSSIER_INLEVEREN"])
    assert result.html_path.name.startswith("06_test-leerling_")
    data = json.loads(result.json_path.read_text(encoding="utf-8"))
    assert data["format"] == "dossier-inlevering" and data["versie"] == 2 and data["les"] == "06"
    assert data["leerling"] == {"id": "test-leerling", "naam": "Test Leerling", "bron": "omgeving"}
    assert [r["id"] for r in data["opdrachten"]] == [ex.id for ex in lesson_exercises("06")]
    assert [r["label"] for r in data["opdrachten"]][:2] == ["Opdracht 1", "Opdracht 2"]
    rows = _rows(result)
    assert "06.bewijs-sancties" not in rows
    assert rows["06.hanoi-keuze"]["status"] == "goed" and rows["06.hanoi-keuze"]["pogingen"] == 2
    assert rows["06.hanoi-keuze"]["antwoord"] == "b" and rows["06.hanoi-keuze"]["antwoord_tekst"] == "'b'"
    assert rows["06.bewijs-trump"]["bewering"].startswith("Volgens Trump")
    assert rows["06.bewijs-trump"]["hints"] == 1 and rows["06.bewijs-trump"]["antwoord_tekst"] == "niet beantwoord"
    assert "Ellipsis" not in result.json_path.read_text(encoding="utf-8")


def test_a_perfect_student_gets_full_marks_and_reflections_are_listed_not_counted():
    check("06.bewijs-trump", "Ze wilden dat alle sancties zouden worden opgeheven")
    check("06.hanoi-keuze", "b")
    check("06.bewijs-correctie", 4)
    check("06.soort-verschil", "b")
    check("06.choe-datum", "15 maart 2019")
    text = "Ik denk dat de krant goed deed door volgens te schrijven. " * 3
    check("06.reflectie", text)
    result = inleveren(les="06")
    assert result.data["samenvatting"]["goed"] == result.data["samenvatting"]["nagekeken"] == 5
    reflection = _rows(result)["06.reflectie"]
    assert reflection["status"] == "bewaard" and reflection["woorden"] == len(text.split())
    assert reflection["antwoord"] == text  # in full
    page = result.html_path.read_text(encoding="utf-8")
    assert "Goed: 5 van de 5" in page and f"bewaard ({len(text.split())} woorden)" in page


def test_html_is_self_contained_and_escaped():
    check("10.reflectie", "<script>alert('hack')</script> & <b>vet</b>")
    check("04.met-wie", "<img src=x onerror=alert(1)>")
    result = inleveren(les=10)
    page = result.html_path.read_text(encoding="utf-8")
    assert "<script" not in page.lower() and "<img" not in page
    assert "&lt;script&gt;alert(&#x27;hack&#x27;)&lt;/script&gt; &amp; &lt;b&gt;vet&lt;/b&gt;" in page
    assert "<style>" in page and "pre-wrap" in page  # long text wraps
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", page)  # no external resources
    assert "<link" not in page


def test_never_overwrites_an_earlier_hand_in():
    first, second, third = inleveren(les="01"), inleveren(les="01"), inleveren(les="01")
    paths = {first.html_path, second.html_path, third.html_path}
    assert len(paths) == 3 and all(p.exists() for p in paths)
    assert second.html_path.stem.endswith("-2") and third.json_path.stem.endswith("-3")


@pytest.mark.parametrize("name", ["", "   ", 42, ["Sam"], "???", "x" * 200])
def test_a_typed_name_is_validated_with_a_friendly_message(name):
    result = inleveren(name, les="06")
    assert not result.ok and result.html_path is None
    assert "naam" in str(result).lower()
    assert not Path(os.environ["DOSSIER_INLEVEREN"]).exists()


def test_someone_elses_name_is_refused():
    result = inleveren("Sanne", les="06")
    assert not result.ok and "Je werkt in deze map als Test Leerling" in str(result)


def test_bad_lesson_number_and_unwritable_folder(tmp_path, monkeypatch):
    assert "lesnummer" in str(inleveren(les="zes"))
    assert "ken ik niet" in str(inleveren(les="42"))
    (tmp_path / "bezet").write_text("een bestand, geen map")
    monkeypatch.setenv("DOSSIER_INLEVEREN", str(tmp_path / "bezet" / "sub"))
    result = inleveren(les="06")
    assert not result.ok and "lukte niet" in str(result)


def test_on_binder_the_student_is_told_to_download(monkeypatch):
    monkeypatch.setenv("BINDER_LAUNCH_HOST", "https://mybinder.org/")
    assert "Download je inlevering" in inleveren(les="06")._repr_html_()
