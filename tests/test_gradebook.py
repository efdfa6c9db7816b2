"""The gradebook: hand-ins graded again from their raw answers; files a teacher finds; CSV, HTML, feedback."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

from handin_factory import EXAMPLES, RIGHT, make_handin, write_handin

from dossier_lib.gradebook import Gradebook
from dossier_lib.gradebook.export import class_report_html, csv_rows, feedback_html, write_csv, write_feedback
from dossier_lib.gradebook.grades import cijfer, rubric
from dossier_lib.gradebook.store import GradingStore
from dossier_lib.gradebook.views import exercise_rows, matrix_rows, open_answer_rows, skipped_rows

ROOT = Path(__file__).resolve().parent.parent
ALL_RIGHT_06 = {k: v for k, v in RIGHT.items() if k.startswith("06.")} | {"06.reflectie": "Ik denk dat het genoeg was."}


def _csv(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig")), delimiter=";"))


def test_three_right_hand_ins_give_three_identical_rows_even_when_one_json_was_edited(tmp_path):
    folder = tmp_path / "inleveren"
    for student in ("anna", "bram", "chloe"):
        write_handin(folder / student, make_handin("06", student, student.title(), ALL_RIGHT_06))
    # Chloë edits her file by hand: every verdict and the summary say "wrong", hints and tries made up.
    edited = next((folder / "chloe").glob("*.json"))
    data = json.loads(edited.read_text(encoding="utf-8"))
    for item in data["opdrachten"]:
        item.update(status="fout", feedback="Nog niet goed.", hints=0, pogingen=99)
    data["samenvatting"] = {"goed": 0, "nagekeken": 5, "reflecties": 0}
    edited.write_text(json.dumps(data), encoding="utf-8")
    out = tmp_path / "cijfers.csv"
    write_csv(Gradebook(folder, tmp_path / "beoordelingen"), out)
    rows = _csv(out)
    assert [r[0] for r in rows[1:]] == ["anna", "bram", "chloe"]
    graded = [r[2:] for r in rows[1:]]
    assert graded[0] == graded[1] == graded[2]
    assert graded[0][:5] == ["goed"] * 5 and graded[0][5] == "bewaard"
    assert graded[0][-2:] == ["5", "10,0"]


def test_a_student_who_edits_status_and_summary_to_right_gains_nothing(tmp_path):
    wrong = {"06.bewijs-trump": 6, "06.hanoi-keuze": "a"}
    data = make_handin("06", "sanne", "Sanne", wrong, claimed_status="goed")
    data["samenvatting"] = {"goed": 7, "nagekeken": 7}
    write_handin(tmp_path, data)
    result = Gradebook(tmp_path, tmp_path / "b").results("06")[0]
    assert result.right == 0
    statuses = {c.task.id: c.status for c in result.checked}
    assert statuses["06.bewijs-trump"] == statuses["06.hanoi-keuze"] == "fout"
    assert statuses["06.choe-datum"] == "niet beantwoord"
    assert result.grade == cijfer(0, 5)


def test_the_csv_is_what_magister_and_somtoday_read(tmp_path):
    write_handin(tmp_path / "in", make_handin("06", "sanne", "Sanne de Vries", {"06.hanoi-keuze": "b"}))
    out = write_csv(Gradebook(tmp_path / "in", tmp_path / "b"), tmp_path / "cijfers.csv")
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "UTF-8 met BOM"
    assert b"\r\n" in raw and b";" in raw
    header, row = _csv(out)
    assert header[:2] == ["leerlingnummer", "naam"] and header[-1] == "les 06 cijfer"
    assert header[2] == "les 06 opdracht 1"
    assert row[-1] == "2,8" and row[-2] == "1"  # 1 + 9 × 1/5 = 2,8: decimal comma


def test_damaged_and_foreign_files_are_listed_with_a_dutch_reason(tmp_path):
    write_handin(tmp_path / "ok", make_handin("06", "sanne", "Sanne", {"06.hanoi-keuze": "b"}))
    odd = {
        "kapot.json": '{"format": "dossier-inlevering", "versie": 2, ',
        "leeg.json": "",
        "lijst.json": "[1, 2, 3]",
        "oud.json": json.dumps({"naam": "Sanne", "les": "06", "opdrachten": []}),
        "nieuw.json": json.dumps({"format": "dossier-inlevering", "versie": 9}),
        "zonder-leerling.json": json.dumps(
            {"format": "dossier-inlevering", "versie": 2, "les": "06", "opdrachten": []}
        ),
        "les-99.json": json.dumps(make_handin("99", "x", "X", {"99.iets": 1})),
        "vreemde-opdracht.json": json.dumps(make_handin("06", "y", "Y", {"07.aldus-tellen": 1})),
        "binair.json": b"\xff\xfe\x00\x01",
    }
    for name, content in odd.items():
        path = tmp_path / "rommel" / name
        path.parent.mkdir(exist_ok=True)
        (path.write_bytes if isinstance(content, bytes) else path.write_text)(content)
    book = Gradebook(tmp_path, tmp_path / "b")
    assert [h.student_id for h in book.found.handins] == ["sanne"]
    reasons = {p.path.name: p.reason for p in book.found.problems}
    assert set(reasons) == set(odd)
    assert "geen geldige JSON" in reasons["kapot.json"]
    assert "oude formaat" in reasons["oud.json"]
    assert "nieuwere versie" in reasons["nieuw.json"]
    assert "leerling" in reasons["zonder-leerling.json"]
    assert "les 99 bestaat niet" in reasons["les-99.json"]
    assert "hoort niet bij les 06" in reasons["vreemde-opdracht.json"]
    assert "UTF-8" in reasons["binair.json"]
    run = subprocess.run(
        [sys.executable, "-m", "dossier_lib", "nakijken", str(tmp_path), "--beoordelingen", str(tmp_path / "b")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.returncode == 0 and "Traceback" not in run.stdout + run.stderr
    assert "Niet meegeteld (9)" in run.stdout and "kapot.json: beschadigd" in run.stdout


def test_a_missing_folder_is_said_in_dutch(tmp_path):
    run = subprocess.run(
        [sys.executable, "-m", "dossier_lib", "nakijken", str(tmp_path / "nergens")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.returncode == 1 and "deze map bestaat niet" in run.stdout and "Traceback" not in run.stderr


def test_the_newest_hand_in_of_a_student_counts_and_the_older_is_named(tmp_path):
    write_handin(tmp_path, make_handin("06", "sanne", "Sanne", {"06.hanoi-keuze": "a"}, "2026-12-01T09:00:00"), "-a")
    write_handin(tmp_path, make_handin("06", "sanne", "Sanne", {"06.hanoi-keuze": "b"}, "2026-12-01T10:00:00"), "-b")
    book = Gradebook(tmp_path, tmp_path / "b")
    [result] = book.results("06")
    assert result.of("06.hanoi-keuze").status == "goed"
    [skipped] = skipped_rows(book)
    assert (
        skipped["bestand"].endswith("-a.json")
        and "alleen de nieuwste inlevering telt" in skipped["waarom niet meegeteld"]
    )


def test_the_example_class_shows_matrix_common_wrong_answers_and_open_answers(tmp_path):
    book = Gradebook(EXAMPLES, tmp_path / "b")
    assert book.lessons == ["06", "10"]
    matrix = {row["leerling"]: row for row in matrix_rows(book, "06")}
    assert matrix["Bram Voorbeeld"]["Opdracht 2"] == "fout"
    assert matrix["Bram Voorbeeld"]["Opdracht 5"] == "fout (2 hints)"
    assert matrix["Chloë Voorbeeld"]["Opdracht 4"] == "niet beantwoord"
    assert matrix["Anna Voorbeeld"]["cijfer"] == "10,0"
    per_task = {row["opdracht"]: row for row in exercise_rows(book, "06")}
    assert per_task["Opdracht 2"]["goed"] == "2 van 4 (50%)"
    assert per_task["Opdracht 2"]["vaakst gegeven foute antwoorden"] == "a (2×)"
    assert per_task["Opdracht 5"]["vaakst gegeven foute antwoorden"] == "1 maart 2019 (2×)"
    answers = open_answer_rows(book, "06", "06.reflectie")
    assert len(answers) == 4 and "(niet beantwoord)" in [a["antwoord"] for a in answers]
    assert max(len(a["antwoord"]) for a in answers) > 150  # whole texts, never cut


def test_rubric_points_become_a_cijfer_and_are_kept_with_a_backup(tmp_path):
    r = rubric("10")
    assert r.levels == ("onvoldoende", "voldoende", "goed", "uitstekend")
    assert [c.name for c in r.criteria][0] == "Bronnen gebruiken" and r.maximum == 20
    store_folder = tmp_path / "nakijken"
    book = Gradebook(EXAMPLES, store_folder)
    store = book.store("10")
    for criterion in r.criteria:
        store.set_level("voorbeeld-anna", criterion.name, "voldoende")
    store.set_comment("voorbeeld-anna", "Goed gebruik van citaten.")
    result = book.result("10", "voorbeeld-anna")
    assert result.rubric_points == 10 and str(result.grade) == "5.5"
    assert book.result("10", "voorbeeld-daan").grade is None  # not scored yet: no cijfer
    assert len(store.backups()) == len(r.criteria)  # every save after the first kept the version before it
    # A damaged file is put aside, never overwritten.
    store.path.write_text("{kapot", encoding="utf-8")
    fresh = GradingStore(store_folder, "10")
    assert "beschadigd" in fresh.notice and list(store_folder.glob("les_10.kapot-*.json"))


def test_feedback_pages_are_escaped_and_show_answers_only_when_released(tmp_path):
    evil = make_handin(
        "06", "x", "<script>alert(1)</script>", {"06.hanoi-keuze": "b", "06.reflectie": "<img src=x onerror=alert(2)>"}
    )
    write_handin(tmp_path / "in", evil)
    book = Gradebook(tmp_path / "in", tmp_path / "b")
    [result] = book.results("06")
    closed, opened = feedback_html(result, False), feedback_html(result, True)
    for page in (closed, opened, class_report_html(book)):
        assert "<script>" not in page and "<img" not in page and "&lt;script&gt;" in page
    assert "Het goede antwoord" not in closed and "Het goede antwoord" in opened
    book.store("06").set_release_answers(True)
    [page] = write_feedback(book, tmp_path / "terug")
    assert page.parent.name == "x" and "Het goede antwoord" in page.read_text(encoding="utf-8")
    # Written again with other content: the old page is kept.
    book.store("06").set_comment("x", "Let op de bron.")
    write_feedback(book.reload(), tmp_path / "terug")
    assert len(list(page.parent.glob("*.html"))) == 2


def test_csv_with_several_lessons_has_a_cijfer_per_lesson(tmp_path):
    rows = csv_rows(Gradebook(EXAMPLES, tmp_path / "b"))
    header = rows[0]
    assert "les 06 cijfer" in header and "les 10 cijfer" in header
    bram = next(r for r in rows if r[0] == "voorbeeld-bram")
    assert bram[header.index("les 10 opdracht 1")] == "niet ingeleverd"


def test_nakijken_is_a_listed_command():
    run = subprocess.run([sys.executable, "-m", "dossier_lib", "--help"], capture_output=True, text=True, timeout=60)
    assert "nakijken" in run.stdout


def test_an_extra_exercise_left_empty_costs_nothing_and_is_still_shown(tmp_path):
    # lesson 07: "aldus-tellen" stands in an Extra part, which the lesson says may stay empty
    right = {
        "07.wie-weglopen": "Donald Trump",
        "07.nooit-geciteerd": "d",
        "07.bron-zonder-naam": 2,
        "07.normaal-tussen-tekens": "b",
    }
    write_handin(tmp_path / "a", make_handin("07", "anna", "Anna", right))
    write_handin(tmp_path / "b", make_handin("07", "bram", "Bram", right | {"07.aldus-tellen": 3}))
    anna, bram = sorted(Gradebook(tmp_path, tmp_path / "g").results("07"), key=lambda r: r.student_id)
    assert anna.right == bram.right == anna.graded == 4
    assert anna.grade == bram.grade == cijfer(4, 4)
    assert anna.of("07.aldus-tellen").status == "niet beantwoord" and bram.of("07.aldus-tellen").correct
    assert anna.of("07.aldus-tellen").task.label == "Opdracht 2 (extra)"
