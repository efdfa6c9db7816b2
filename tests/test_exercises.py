"""Every check kind with right, wrong and malformed answers; hints; predictable mistakes; the hashed key."""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from dossier_lib.exercises import Feedback, check, get_exercise, hint, register_exercise
from dossier_lib.exercises import normalize as N
from dossier_lib.exercises.answer_key import load_teacher_key, stale_keys, teacher_key_files
from dossier_lib.exercises.progress import progress_file
from dossier_lib.exercises.registry import ExerciseSpecError, compile_exercise, public_key_file

ROOT = Path(__file__).resolve().parent.parent
MALFORMED = [..., None, "", "   ", [], {"a": 1}, object(), print, "x" * 100_000]


@pytest.fixture
def isolated_progress():
    """The progress file of the test student (each test has its own, see tests/conftest.py)."""
    return progress_file()


# ---------------------------------------------------------------- normalisation


@pytest.mark.parametrize(
    "a, b",
    [
        ("Kim Jong Un", "Kim Jong-un"),
        ("kim jong-un", "KIM  JONG-UN"),
        ("Poetin", "Vladimir Putin"),
        ("Peking", "Beijing"),
        ("Mike  Pompeo", "Pompeo"),
        ("Choe Son-hui", "choe son hui"),
    ],
)
def test_names_compare_tolerantly(a, b):
    assert N.name_key(a) == N.name_key(b)


def test_different_kims_stay_different():
    assert N.name_key("Kim Yong-chol") != N.name_key("Kim Jong-un")
    assert N.name_key("Kim") not in (N.name_key("Kim Yong-chol"), N.name_key("Kim Jong-un"))


@pytest.mark.parametrize(
    "value",
    [
        dt.date(2019, 1, 8),
        dt.datetime(2019, 1, 8, 10, 0),
        "2019-01-08",
        "8 januari 2019",
        "dinsdag 8 januari 2019",
        "8-1-2019",
        "08/01/2019",
        "8 jan 2019",
        " 8 Januari 2019 ",
    ],
)
def test_dates_in_many_spellings(value):
    assert N.date_key(value) == "2019-01-08"


def test_month_only_and_impossible_dates():
    assert N.date_key("januari 2019") == N.date_key("2019-01") == "2019-01"
    with pytest.raises(N.AnswerFormatError, match="bestaande datum"):
        N.date_key("31 februari 2019")
    with pytest.raises(N.AnswerFormatError, match="kan ik niet lezen"):
        N.date_key("gisteren")


@pytest.mark.parametrize(
    "value, expected",
    [(5, "5"), (5.0, "5"), ("5", "5"), ("vijf", "5"), ("5 artikelen", "5"), ("50.000", "50000"), ("2,5", "2.5")],
)
def test_numbers(value, expected):
    assert N.number_key(value) == expected


def test_number_rejects_two_numbers_and_booleans():
    with pytest.raises(N.AnswerFormatError):
        N.number_key("4 of 5")
    with pytest.raises(N.AnswerFormatError, match="True of False"):
        N.number_key(True)


def test_name_lists_any_order_and_separators():
    assert (
        N.names_key(["Pompeo", "Bolton"])
        == N.names_key("John Bolton en Mike Pompeo")
        == N.names_key({"bolton", "pompeo"})
        == N.names_key("Bolton; Pompeo")
    )


# ---------------------------------------------------------------- value answers


def test_value_number_right_wrong_and_mistake():
    assert check("01.bronnen-tellen", 5).correct is True
    assert check("01.bronnen-tellen", "vijf").correct is True
    wrong = check("01.bronnen-tellen", 7)
    assert wrong.correct is False and 'hint("01.bronnen-tellen")' in wrong.hint
    mistake = check("01.bronnen-tellen", 4)
    assert mistake.correct is False and "000" in mistake.hint


def test_value_right_answer_shows_explanation():
    fb = check("01.bronnen-tellen", 5)
    assert fb.explanation and fb.explanation in str(fb) and "Goed" in str(fb)


def test_date_answer_in_any_form():
    for answer in (dt.date(2019, 3, 15), "2019-03-15", "15 maart 2019", "vrijdag 15 maart 2019"):
        assert check("06.choe-datum", answer).correct is True


def test_a_predictable_wrong_date_gets_its_own_hint_and_a_month_alone_is_not_enough():
    fb = check("06.choe-datum", dt.date(2019, 3, 1))
    assert fb.correct is False and "eerste vrijdag" in fb.hint
    month = check("06.choe-datum", "maart 2019")
    assert month.correct is False and "Bijna: de maand klopt" in month.message  # the right month, no day
    other = check("06.choe-datum", "april 2019")
    assert other.correct is False and "alleen een maand, en dat is niet de goede maand" in other.message


def test_name_answer_and_the_three_kims():
    assert check("01.welke-kim", "kim yong chol").correct is True
    assert check("01.welke-kim", "Kim Yong-chol").correct is True
    fb = check("01.welke-kim", "Kim Jong Un")
    assert fb.correct is False and "leider zelf" in fb.hint
    assert "drie mensen die Kim heten" in check("01.welke-kim", "Kim").hint
    assert check("04.met-wie", "Pompeo").correct is True


def test_name_list_answer_in_any_order_with_partial_count():
    assert check("03.spelers-hanoi", ["Bolton", "Pompeo"]).correct is True
    assert check("03.spelers-hanoi", "Mike Pompeo en John Bolton").correct is True
    partial = check("03.spelers-hanoi", ["Bolton", "Pompeo", "Pence"])
    assert partial.correct is False and "2 van je 3 namen kloppen" in partial.details[0]
    one = check("03.spelers-hanoi", ["Pompeo"])
    assert "Je naam klopt; het goede antwoord heeft 2 namen." in one.details[0]  # singular and plural right
    assert "positief over Trump" in check("03.spelers-hanoi", ["Trump", "Pompeo"]).hint


def test_list_given_where_one_value_is_expected():
    fb = check("01.bronnen-tellen", [4, 5])
    assert fb.correct is None and fb.status == "ongeldig" and "geen lijst" in fb.message
    assert check("01.bronnen-tellen", [5]).correct is True  # a list of one is read as that one


# ---------------------------------------------------------------- multiple choice


def test_choice_letters():
    assert check("06.hanoi-keuze", "b").correct is True
    assert check("06.hanoi-keuze", " B) ").correct is True
    fb = check("06.hanoi-keuze", "a")
    assert fb.correct is False and "Trump" in fb.hint
    assert check("06.hanoi-keuze", "c").correct is False
    bad = check("06.hanoi-keuze", "z")
    assert bad.status == "ongeldig" and '"a", "b", "c", "d"' in bad.message
    assert check("06.hanoi-keuze", 2).status == "ongeldig"


# ---------------------------------------------------------------- evidence


def test_evidence_by_paragraph_and_by_quotation():
    right = check("06.bewijs-sancties", 6)
    assert right.correct is True and "precieze woorden" in right.message  # the next step: the exact words
    assert check("06.bewijs-sancties", "6").correct is True
    assert check("06.bewijs-sancties", [6]).correct is True
    from dossier_lib import load_dossier

    assert check("06.bewijs-sancties", load_dossier()["002"].paragraphs[6]).correct is True


def test_evidence_quotation_is_fuzzy_on_whitespace_quotes_and_capitals():
    quote = "in ruil vroeg   Noord-Korea om\ngedeeltelijke opheffing van de sancties"
    assert check("06.bewijs-sancties", quote).correct is True
    assert check(
        "06.bewijs-sancties", "„In ruil vroeg Noord-Korea om gedeeltelijke opheffing van de sancties”."
    ).correct


def test_evidence_is_judged_by_what_the_sentence_says_not_where_it_stands():
    same_paragraph = check("06.bewijs-sancties", '"Ri Yong-ho, als minister van Buitenlandse Zaken"')
    assert same_paragraph.correct is False and "bewijst de bewering niet" in same_paragraph.message
    assert "Je citaat komt uit deze zin" in same_paragraph.details[0]
    too_little = check("06.bewijs-sancties", "In ruil vroeg Noord-Korea")
    assert too_little.correct is False and "goede zin" in too_little.message


def test_evidence_quotation_elsewhere_or_invented():
    elsewhere = check("06.bewijs-sancties", '"Ze wilden dat alle sancties zouden worden opgeheven"')
    assert elsewhere.correct is False and "bewijst de bewering niet" in elsewhere.message
    assert "Trump" in elsewhere.hint  # the targeted hint for paragraph 4
    invented = check("06.bewijs-sancties", "Noord-Korea wilde geen enkele sanctie opheffen")
    assert invented.correct is False and "staat niet in artikel 002" in invented.message
    assert check("06.bewijs-sancties", "sancties").status == "ongeldig"  # too short to prove anything


def test_evidence_paragraph_out_of_range_or_too_many():
    assert "bestaat niet" in check("06.bewijs-sancties", 99).message
    assert check("06.bewijs-sancties", list(range(14))).correct is False
    assert check("06.bewijs-sancties", 4).correct is False


# ---------------------------------------------------------------- annotation

FULL = [
    ("Kim Yong-chol", "persoon"),
    ("Pompeo", "persoon"),
    ("Trump", "persoon"),
    ("Kim", "persoon"),
    ("New York", "plaats"),
]


def test_annotation_right_in_several_forms():
    assert check("04.namen-new-york", FULL).correct is True
    assert check("04.namen-new-york", [n for n, _ in FULL]).correct is True  # names only
    assert check("04.namen-new-york", [{"name": n, "type": t} for n, t in reversed(FULL)]).correct is True


def test_annotation_diff_precision_recall():
    fb = check(
        "04.namen-new-york",
        [("Kim Yong-chol", "persoon"), ("Mike Pompeo", "persoon"), ("New York", "persoon"), ("Yonhap", "organisatie")],
    )
    assert fb.correct is False
    text = str(fb)
    assert "Je mist nog 2 personen" in text and "Donald Trump" not in text  # counts, not the answer
    assert "Deze horen er niet bij: Yonhap" in text
    assert "Verkeerde soort: New York is een plaats, geen persoon" in text
    assert "Je vond 2 van de 5 namen" in text
    assert fb.hint == "Yonhap is een persbureau, geen persoon of plaats."
    assert 0 < fb.score < 1


def test_annotation_unknown_type_is_explained():
    fb = check("04.namen-new-york", [("Trump", "president")])
    assert fb.status == "ongeldig" and "persoon" in fb.message


# ---------------------------------------------------------------- reflection


def test_reflection_is_stored_with_word_count(isolated_progress):
    text = "Ik vind artikel 002 betrouwbaar omdat er citaten van Trump en Ri in staan. " * 4
    fb = check("10.reflectie", text)
    assert fb.correct is None and fb.status == "bewaard"
    assert f"({len(text.split())} woorden)" in fb.message and not fb.hint
    short = check("10.reflectie", "Artikel 2.")
    assert "minstens 40 woorden" in short.hint
    stored = json.loads(isolated_progress.read_text(encoding="utf-8"))
    assert stored["opdrachten"]["10.reflectie"]["antwoord"] == "Artikel 2."
    assert stored["opdrachten"]["10.reflectie"]["woorden"] == 2


def test_huge_reflection_is_capped():
    fb = check("10.reflectie", "woord " * 5_000)
    assert fb.status == "bewaard" and "eerste" in fb.details[0]


# ---------------------------------------------------------------- malformed input, every kind


@pytest.mark.parametrize(
    "exercise_id",
    [
        "01.bronnen-tellen",
        "06.choe-datum",
        "04.met-wie",
        "03.spelers-hanoi",
        "06.hanoi-keuze",
        "06.bewijs-sancties",
        "04.namen-new-york",
        "10.reflectie",
    ],
)
@pytest.mark.parametrize("answer", MALFORMED, ids=lambda a: type(a).__name__)
def test_malformed_answers_get_dutch_feedback_not_a_traceback(exercise_id, answer):
    fb = check(exercise_id, answer)
    assert isinstance(fb, Feedback)
    if exercise_id == "10.reflectie" and isinstance(answer, str) and answer.strip():
        assert fb.status == "bewaard"
        return
    assert fb.correct is None and fb.status in ("leeg", "ongeldig")
    assert fb.message and "Traceback" not in str(fb)
    assert len(str(fb)) < 600  # a huge answer is not echoed back


def test_nothing_and_ellipsis_say_not_answered_yet():
    assert check("01.bronnen-tellen").message == "Nog niet beantwoord: vervang ... door je antwoord."
    assert check("01.bronnen-tellen", ...).message == "Nog niet beantwoord: vervang ... door je antwoord."
    assert "None" in check("01.bronnen-tellen", None).message


def test_unknown_exercise_id_is_friendly():
    fb = check("01.bronnen-telen", 5)
    assert fb.status == "onbekend" and 'Bedoel je "01.bronnen-tellen"?' in fb.message
    assert "aanhalingstekens" in check(42, 5).message
    assert check().status == "onbekend"
    assert hint("99.bestaat-niet").status == "onbekend"


def test_feedback_renders_as_html_and_text():
    fb = check("04.namen-new-york", [("<script>alert(1)</script>", "persoon")])
    html = fb._repr_html_()
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert repr(fb) == str(fb) and str(fb).startswith("Nog niet goed. (04.namen-new-york)")


# ---------------------------------------------------------------- hints


def test_hints_are_graduated_and_remembered(isolated_progress):
    first, second = hint("06.choe-datum"), hint("06.choe-datum")
    assert (first.level, second.level) == (1, 2)
    assert "vrijdag" in first.text and "tijdlijn" in second.text
    assert "Vraag nog een hint" in str(first) and "laatste hint" in str(second)
    assert hint("06.choe-datum").level == 2  # stays on the last hint
    assert json.loads(isolated_progress.read_text())["opdrachten"]["06.choe-datum"]["hints"] == 2


def test_hints_restart_per_kernel_but_the_file_keeps_the_most(isolated_progress):
    hint("01.bronnen-tellen")
    hint("01.bronnen-tellen")
    from dossier_lib.exercises import reset_hints

    reset_hints()  # a new kernel: a lesson run top to bottom shows the same hints again
    assert hint("01.bronnen-tellen").level == 1
    assert json.loads(isolated_progress.read_text())["opdrachten"]["01.bronnen-tellen"]["hints"] == 2


def test_worked_examples_never_reach_the_progress_file(isolated_progress):
    check("06.bewijs-sancties", 6)
    check("01.voorbeeld", 4)
    hint("01.voorbeeld")
    assert not isolated_progress.exists()


def test_hint_without_hints_and_for_other_kinds():
    register_exercise(
        {"id": "99.zonder-hints", "kind": "value", "value_type": "number", "question": "Hoeveel?", "answer": 3}
    )
    card = hint("99.zonder-hints")
    assert "geen hints" in str(card) and card.total == 0
    assert hint("10.reflectie").text.startswith("Denk aan wie")


# ---------------------------------------------------------------- registering and the key


def test_register_exercise_from_teacher_form():
    ex = register_exercise(
        {
            "id": "99.test-hoofdstad",
            "kind": "value",
            "value_type": "name",
            "question": "Wat is de hoofdstad van Noord-Korea?",
            "answer": "Pyongyang",
            "hints": ["Kijk op de kaart."],
            "mistakes": [{"answer": "Seoul", "hint": "Dat is Zuid-Korea."}],
        }
    )
    assert get_exercise("99.test-hoofdstad") == ex
    assert check("99.test-hoofdstad", "pyongyang").correct is True
    assert check("99.test-hoofdstad", "Seoul").hint == "Dat is Zuid-Korea."


@pytest.mark.parametrize(
    "spec, fragment",
    [
        ({"id": "bad id", "kind": "value", "question": "?", "answer": 1}, "id"),
        ({"id": "99.x", "kind": "raden", "question": "?", "answer": 1}, "kind"),
        ({"id": "99.x", "kind": "value", "question": "", "answer": 1}, "vraag"),
        ({"id": "99.x", "kind": "value", "value_type": "date", "question": "?", "answer": "morgen"}, "niet te lezen"),
        ({"id": "99.x", "kind": "choice", "question": "?", "options": ["ja"], "answer": "a"}, "twee"),
    ],
)
def test_bad_exercise_specs_get_dutch_messages(spec, fragment):
    with pytest.raises(ExerciseSpecError, match=fragment):
        compile_exercise(spec)


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v)


@pytest.mark.parametrize("number", sorted(teacher_key_files()))
def test_public_key_does_not_contain_plain_answers(number):
    import yaml

    public_text = public_key_file(number).read_text(encoding="utf-8")
    public = yaml.safe_load(public_text)
    by_id = {e["id"]: e for e in public["opdrachten"]}
    shown = ("question", "hints", "options", "claim", "id", "kind", "value_type", "min_words", "article", "paragraph")
    for spec in load_teacher_key(teacher_key_files()[number])["opdrachten"]:
        entry = by_id[spec["id"]]
        hidden = {k: v for k, v in entry.items() if k not in shown}
        for group in (
            hidden.get("mistakes", []),
            hidden.get("evidence", {}).get("fouten", []),
            hidden.get("annotation", {}).get("fouten", []),
        ):
            for m in group:
                m.pop("hint", None)  # the hint text is meant to be read
        values = list(_strings(hidden))
        plain = [spec.get("answer"), *spec.get("answers", [])]
        if isinstance(spec.get("key"), dict):
            plain += spec["key"].get("supports", [])
        elif isinstance(spec.get("key"), list):
            plain += [item["name"] for item in spec["key"]]
        if spec.get("explanation") and spec["kind"] != "annotation":
            plain.append(spec["explanation"][:30])
        for answer in plain:
            if answer is None:
                continue
            forms = {str(answer)} | ({N.plain_text(str(answer))} if isinstance(answer, str) else set())
            for form in forms:
                assert not any(form == v or (len(form) > 3 and form in v) for v in values), (spec["id"], form)
        for field in ("answers", "item_hashes"):
            assert all(re.fullmatch(r"[0-9a-f]{64}", h) for h in entry.get(field, []))


def test_the_shipped_keys_are_built_from_the_teacher_keys():
    assert stale_keys() == [], "voer 'python -m dossier_lib answer-key --build' uit"


def test_answer_key_command_prints_readable_key_in_lesson_order_and_checks():
    def run(*a):
        return subprocess.run(
            [sys.executable, "-m", "dossier_lib", "answer-key", *a], capture_output=True, text=True, cwd=ROOT
        )

    out = run("--les", "06")
    assert out.returncode == 0
    assert "Opdracht 2  (06.hanoi-keuze, choice)" in out.stdout and "* b) Dat een deel van de sancties" in out.stdout
    assert out.stdout.index("Opdracht 1") < out.stdout.index("Opdracht 2") < out.stdout.index("Even nadenken")
    assert "01.bronnen-tellen" not in out.stdout
    assert run("--check").returncode == 0


def test_answer_key_without_teacher_keys_says_so_and_reveals_nothing(monkeypatch, capsys):
    from dossier_lib.exercises import answer_key

    monkeypatch.setattr(answer_key, "teacher_key_files", lambda folder=None: {})
    assert answer_key.answer_key_main(["--les", "04"]) == 2
    out = capsys.readouterr()
    assert "alleen in de projectmap van de docent" in out.err and out.out == ""


def test_importing_exercises_stays_light():
    code = (
        "import sys, dossier_lib.exercises; heavy = [m for m in ('pandas', 'ipywidgets', 'nbconvert', "
        "'nbformat', 'yaml', 'IPython') if m in sys.modules]; print(heavy)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert out.stdout.strip() == "[]", out.stderr


def test_an_explanation_is_sealed_with_the_right_answer():
    from dossier_lib.exercises.answer_key import build_public_text
    from dossier_lib.exercises.registry import exercise_from_public

    teacher = {
        "les": "99",
        "opdrachten": [
            {
                "id": "99.extra-keuze",
                "opdracht": 1,
                "kind": "choice",
                "question": "Welke stad?",
                "options": ["Hanoi", "Parijs"],
                "answer": "a",
                "explanation": "Hanoi ligt in Vietnam.",
            }
        ],
    }
    text = build_public_text(teacher)
    assert "Hanoi ligt" not in text and "Parijs" in text  # the options are in the lesson anyway
    import yaml

    ex = exercise_from_public(yaml.safe_load(text)["opdrachten"][0])
    from dossier_lib.exercises.checks import _check

    assert _check(ex, "A").explanation == "Hanoi ligt in Vietnam."
    assert _check(ex, "b").correct is False and not _check(ex, "b").explanation
