"""Handing in: one self-contained, escaped HTML file and one JSON file, never overwritten."""

from __future__ import annotations

import json
import re

import pytest

from dossier_lib.exercises import check, hint, inleveren, reset_hints, set_progress_file


@pytest.fixture(autouse=True)
def work(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    set_progress_file(tmp_path / ".voortgang.json")
    reset_hints()
    yield tmp_path
    set_progress_file(None)
    reset_hints()


def test_hand_in_writes_html_and_json(work):
    check("06.hanoi-keuze", "a")
    check("06.hanoi-keuze", "b")
    hint("06.bewijs-sancties")
    check("10.reflectie", "Mijn reflectie over de bronnen.")
    result = inleveren("Sanne de Vries", les="06")
    assert result.ok and "Ingeleverd, Sanne de Vries!" in str(result)
    assert result.html_path.parent.resolve() == work / "inleveren"
    assert result.html_path.name.startswith("06_sanne-de-vries_")
    data = json.loads(result.json_path.read_text(encoding="utf-8"))
    assert data["naam"] == "Sanne de Vries" and data["les"] == "06" and data["datum"]
    rows = {r["opdracht"]: r for r in data["opdrachten"]}
    assert set(rows) == {"06.hanoi-keuze", "06.bewijs-sancties"}
    assert rows["06.hanoi-keuze"]["goed"] is True and rows["06.hanoi-keuze"]["pogingen"] == 2
    assert rows["06.bewijs-sancties"]["hints"] == 1 and rows["06.bewijs-sancties"]["resultaat"] == "niet gedaan"
    everything = inleveren("Sanne de Vries")
    refl = {r["opdracht"]: r for r in everything.data["opdrachten"]}["10.reflectie"]
    assert refl["reflectie"] == "Mijn reflectie over de bronnen." and refl["resultaat"] == "bewaard"


def test_html_is_self_contained_and_escaped(work):
    check("10.reflectie", "<script>alert('hack')</script> & <b>vet</b>")
    check("04.wie-in-new-york", "<img src=x onerror=alert(1)>")
    result = inleveren("<i>Sam</i>", les=10)
    page = result.html_path.read_text(encoding="utf-8")
    assert "<script" not in page.lower() and "<img" not in page and "<i>Sam" not in page
    assert "&lt;script&gt;alert(&#x27;hack&#x27;)&lt;/script&gt; &amp; &lt;b&gt;vet&lt;/b&gt;" in page
    assert "<style>" in page
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", page)  # no external resources
    assert "<link" not in page


def test_never_overwrites_an_earlier_hand_in(work):
    first = inleveren("Sam", les="01")
    second = inleveren("Sam", les="01")
    third = inleveren("Sam", les="01")
    paths = {first.html_path, second.html_path, third.html_path}
    assert len(paths) == 3 and all(p.exists() for p in paths)
    assert second.html_path.stem.endswith("-2") and third.json_path.stem.endswith("-3")


@pytest.mark.parametrize("name", [None, "", "   ", 42, ["Sam"], "???", "x" * 200])
def test_name_is_validated_with_a_friendly_message(work, name):
    result = inleveren(name)
    assert not result.ok and result.html_path is None
    assert "naam" in str(result).lower()
    assert not (work / "inleveren").exists()


def test_bad_lesson_number_and_unwritable_folder(work):
    assert "lesnummer" in str(inleveren("Sam", les="zes"))
    (work / "bezet").write_text("een bestand, geen map")
    result = inleveren("Sam", map=work / "bezet" / "sub")
    assert not result.ok and "lukte niet" in str(result)
