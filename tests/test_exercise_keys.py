"""Every exercise of every lesson, checked with answers generated from its teacher key.

The cases come from ``teacher/sleutels/*.yaml``, so a new exercise is covered without writing a
test: its right answers (the key's answers, for evidence every supporting sentence and its
paragraph, copied in the ways students copy), its predictable mistakes and the key's own test
answers (``tests: right / wrong / near / refused``), and for evidence every other sentence of a
supporting paragraph (true but not proof: must be wrong). Every exercise also gets the hostile
inputs: never a traceback, always a short Dutch message.
"""

from __future__ import annotations

import datetime as dt
import re

import numpy as np
import pandas as pd
import pytest

from dossier_lib import load_dossier
from dossier_lib.annotate.sentences import find_sentences
from dossier_lib.exercises.answer_key import load_teacher_key, teacher_key_files
from dossier_lib.exercises.checks import grade_answer, typed_over
from dossier_lib.exercises.feedback import Feedback
from dossier_lib.exercises.quotes import find_quote

SPECS = [spec for path in teacher_key_files().values() for spec in load_teacher_key(path)["opdrachten"]]
DOSSIER = load_dossier()
ENGLISH = re.compile(r"Traceback|Error\b|object at 0x|<built-in|<function|invalid literal|not supported|NoneType")


def _text(fb: Feedback) -> str:
    return " ".join([fb.message, fb.hint, *fb.details])


def _supports(spec: dict) -> list[tuple[str, str]]:
    """(words, sentence text) of every support of an evidence exercise."""
    article = DOSSIER[spec["article"]]
    out = []
    for item in spec["key"]["supports"]:
        words = item["words"] if isinstance(item, dict) else item
        within = item.get("in", "") if isinstance(item, dict) else ""
        anchor = find_quote(article.text, within or words)
        sentence = next(s for s in find_sentences(article) if s.start <= anchor[0] < s.end)
        out.append((words, sentence))
    return out


def _copies(sentence: str) -> list[str]:
    """A sentence copied the ways students copy it: straight quotes, a line break, no full stop, extra spaces."""
    plain = sentence.replace("„", '"').replace("“", '"').replace("”", '"').replace("’", "'")
    words = sentence.split()
    broken = " ".join(words[: len(words) // 2]) + "\n" + " ".join(words[len(words) // 2 :])
    return [sentence, plain, broken, sentence.rstrip(".”\"'"), "  " + sentence.replace(" ", "  ") + " "]


def _cases():
    right, wrong, near, refused = [], [], [], []
    for spec in SPECS:
        ex_id, kind = spec["id"], spec["kind"]
        tests = spec.get("tests", {})
        right += [(ex_id, a) for a in tests.get("right", [])]
        wrong += [(ex_id, a) for a in tests.get("wrong", [])]
        near += [(ex_id, a) for a in tests.get("near", [])]
        refused += [(ex_id, a) for a in tests.get("refused", [])]
        if kind in ("value", "choice"):
            answers = spec.get("answers", [spec.get("answer")])
            right += [(ex_id, a) for a in answers]
            if spec.get("value_type") == "number":
                right += [(ex_id, np.int64(a)) for a in answers if float(a).is_integer()]
                right += [(ex_id, np.float64(a)) for a in answers]
            wrong += [(ex_id, m["answer"]) for m in spec.get("mistakes", []) if "answer" in m]
            if kind == "choice":
                letters = "abcdefgh"[: len(spec["options"])]
                wrong += [(ex_id, c) for c in letters if c != str(spec["answer"]).lower()]
            else:
                wrong += [(ex_id, a) for a in _generated_wrong(spec, answers)]
        elif kind == "evidence":
            article = DOSSIER[spec["article"]]
            sentences = find_sentences(article)
            supporting = {s.text for _, s in _supports(spec)}
            for words, sentence in _supports(spec):
                right += [(ex_id, copy) for copy in _copies(sentence.text)]
                if len(words.split()) >= 3:
                    right.append((ex_id, words))
                if spec["key"].get("paragraph_ok", True):
                    p = sentence.paragraph
                    right += [
                        (ex_id, p),
                        (ex_id, str(p)),
                        (ex_id, f"alinea {p}"),
                        (ex_id, f"{p}e alinea"),
                        (ex_id, [p]),
                    ]
            paragraphs = {s.paragraph for _, s in _supports(spec)}
            for s in sentences:
                if s.paragraph in paragraphs and s.text not in supporting and len(s.text.split()) >= 3:
                    wrong.append((ex_id, s.text))  # true, in the right paragraph, but not proof
            wrong += [(ex_id, m["quote"]) for m in spec.get("mistakes", []) if "quote" in m]
            wrong += [(ex_id, m["paragraph"]) for m in spec.get("mistakes", []) if "paragraph" in m]
            other = next(i for i in range(len(article.paragraphs)) if i not in paragraphs)
            wrong.append((ex_id, other))
            wrong.append((ex_id, "Deze woorden staan in geen enkel artikel van het dossier"))
        elif kind == "annotation":
            pairs = [(item["name"], item["type"]) for item in spec["key"]]
            right += [(ex_id, pairs), (ex_id, list(reversed(pairs))), (ex_id, [n for n, _ in pairs])]
            wrong += [(ex_id, pairs[:-1]), (ex_id, [*pairs, ("Iemand Anders", "persoon")])]
    return right, wrong, near, refused


def _generated_wrong(spec: dict, answers: list) -> list:
    """Two plausible wrong answers made from the right one."""
    kind, first = spec.get("value_type"), answers[0]
    if kind == "number":
        return [x for x in (first + 1, first * 10) if x not in answers]
    if kind == "date":
        day = dt.date.fromisoformat(str(first))
        return [day + dt.timedelta(days=1), (day - dt.timedelta(days=2)).isoformat()]
    if kind == "name":
        return ["Iemand Anders", "Noord-Korea"]
    if kind in ("names", "letters"):
        return [first[:1], [*first, "Iemand Anders" if kind == "names" else "A" if "A" not in first else "C"]]
    return ["iets heel anders", "999"]


RIGHT, WRONG, NEAR, REFUSED = _cases()


def _id(case) -> str:
    return f"{case[0]}:{str(case[1])[:40]}"


def test_every_graded_exercise_has_cases():
    from collections import Counter

    graded = {s["id"] for s in SPECS if s["kind"] in ("value", "choice", "evidence", "annotation")}
    rights, wrongs = Counter(c[0] for c in RIGHT), Counter(c[0] for c in WRONG)
    assert all(rights[i] >= 1 and wrongs[i] >= 2 for i in graded), [i for i in graded if wrongs[i] < 2]


def test_every_evidence_exercise_names_what_to_look_for():
    for spec in SPECS:
        if spec["kind"] == "evidence":
            assert spec.get("nudge"), f"{spec['id']}: geef een 'nudge'"
            assert any("quote" in m for m in spec.get("mistakes", [])), f"{spec['id']}: noem een verkeerde zin"


@pytest.mark.parametrize("case", RIGHT, ids=_id)
def test_right_answers_pass(case):
    fb = grade_answer(*case)
    assert fb.status == "goed", str(fb)


@pytest.mark.parametrize("case", WRONG, ids=_id)
def test_wrong_answers_fail(case):
    fb = grade_answer(*case)
    assert fb.status == "fout", str(fb)
    assert not fb.explanation  # the explanation opens only with a right answer
    assert not ENGLISH.search(str(fb))


@pytest.mark.parametrize("case", NEAR, ids=_id)
def test_near_misses_say_bijna(case):
    fb = grade_answer(*case)
    assert fb.status == "fout" and "Bijna" in _text(fb), str(fb)


@pytest.mark.parametrize("case", REFUSED, ids=_id)
def test_answers_that_skip_the_task_are_refused(case):
    fb = grade_answer(*case)
    assert fb.status == "ongeldig", str(fb)
    assert fb.message and not ENGLISH.search(str(fb))


class _BrokenRepr:
    def __repr__(self):
        raise RuntimeError("kapot")


HOSTILE = [
    None,
    ...,
    "",
    "   ",
    "...",
    [],
    {},
    set(),
    (),
    object(),
    print,
    int,
    "x" * 100_000,
    "<script>alert(1)</script>",
    np.int64(3),
    np.float64(2.5),
    np.bool_(True),
    np.array([1, 2]),
    pd.Series([1, 2]),
    pd.DataFrame({"a": [1]}),
    dt.date(2019, 1, 1),
    b"bytes",
    float("nan"),
    float("inf"),
    10**100,
    -1,
    (1, 5),
    [..., 1],
    {"a": 1},
    3 + 4j,
    ValueError("x"),
    _BrokenRepr(),
    True,
]


@pytest.mark.parametrize("exercise_id", [s["id"] for s in SPECS])
@pytest.mark.parametrize("answer", HOSTILE, ids=lambda a: type(a).__name__)
def test_hostile_answers_get_a_short_dutch_message(exercise_id, answer):
    fb = grade_answer(exercise_id, answer)
    assert isinstance(fb, Feedback) and fb.message
    assert fb.status in ("leeg", "ongeldig", "fout", "goed", "bewaard"), str(fb)
    text = str(fb)
    assert not ENGLISH.search(text) and len(text) < 1200, text
    assert "<script>" not in fb._repr_html_()
    if answer is None or answer is ... or (isinstance(answer, str) and answer.strip() in ("", "...")):
        assert fb.status == "leeg"


def test_a_computed_number_must_be_computed():
    cell = 'tekst = "50.000"\narbeiders = {}\ncheck("08.bug-duizendtallen", arbeiders)'
    typed = cell.format("50000")
    assert typed_over(typed, "08.bug-duizendtallen")
    fb = grade_answer("08.bug-duizendtallen", 50000, cell_source=typed)
    assert fb.status == "fout" and "zelf in" in fb.message
    computed = cell.format('int(tekst.replace(".", ""))')
    assert grade_answer("08.bug-duizendtallen", 50000, cell_source=computed).status == "goed"
    assert grade_answer("08.bug-duizendtallen", 50000).status == "goed"  # the gradebook: no cell to look at
    text = grade_answer("08.bug-duizendtallen", "50000", cell_source=cell.format('tekst.replace(".", "")'))
    assert text.status == "ongeldig" and "arbeiders is nog tekst" in text.message
    assert grade_answer("08.bug-duizendtallen", 50.0).status == "fout"  # float("50.000")


def test_a_python_decimal_comma_gets_the_one_change_needed():
    fb = grade_answer("08.handel-2017", (80, 95))
    assert fb.status == "ongeldig" and "80.95" in fb.message and "punt" in fb.message


def test_a_unit_that_does_not_fit_is_wrong_with_a_tip():
    fb = grade_answer("08.handel-2017", "81%")
    assert fb.status == "fout" and "percentage" in fb.hint and "miljoen dollar" in fb.hint
    assert grade_answer("05.handel-china", "90%").status == "goed"


def test_the_chosen_question_is_recorded_in_full():
    from dossier_lib.exercises.checks import _answer_to_store
    from dossier_lib.exercises.registry import get_exercise
    from dossier_lib.lessons.eindopdracht import VRAGEN

    ex = get_exercise("10.vraag")
    for answer in (2, "2", "vraag 2", VRAGEN[1][0], VRAGEN[1][0].lower().rstrip("?")):
        assert _answer_to_store(ex, answer, None) == f"Vraag 2: {VRAGEN[1][0]}"
        assert "vraag 2" in grade_answer("10.vraag", answer).message
    assert grade_answer("10.vraag", 7).status == "ongeldig"
    own = grade_answer("10.vraag", "Hoe schrijven de artikelen over Rusland")
    assert own.status == "bewaard" and "vraagteken" in own.hint


def _examples_in_lessons() -> list[tuple[str, str, object]]:
    import ast
    import json
    from pathlib import Path

    folder = Path(__file__).resolve().parent.parent / "notebooks" / "leerling"
    found = []
    for path in sorted(folder.glob("[0-9][0-9]_*.ipynb")):
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        for i, cell in enumerate(cells):
            if cell["cell_type"] != "markdown":
                continue
            text = "".join(cell["source"])
            for name, value in re.findall(r"`(\w+) = ([^`]+)`", text):
                after = ["".join(c["source"]) for c in cells[i + 1 : i + 4] if c["cell_type"] == "code"]
                call = next((m for c in after for m in re.findall(rf'check\("([\w.-]+)", {name}\)', c)), None)
                if call is None:
                    continue
                try:
                    example = ast.literal_eval(value)
                except (ValueError, SyntaxError):
                    try:
                        example = eval(
                            compile(ast.parse(value, mode="eval"), "<voorbeeld>", "eval"), {"__builtins__": {}}
                        )
                    except Exception:  # noqa: BLE001 - not a plain example
                        continue
                found.append((path.stem, call, example))
    return found


#: Examples in a lesson's instructions that are the right answer: the text of the lesson must change
#: (see the report of issue 11). Remove an entry when its cell is fixed: the test then guards it.
EXAMPLES_THAT_ARE_ANSWERS: set[tuple[str, str, object]] = set()


@pytest.mark.parametrize("notebook, exercise_id, example", _examples_in_lessons(), ids=lambda x: str(x)[:30])
def test_examples_in_the_instructions_are_not_the_answer(notebook, exercise_id, example):
    if (notebook, exercise_id, repr(example)) in {(n, i, repr(e)) for n, i, e in EXAMPLES_THAT_ARE_ANSWERS}:
        pytest.xfail("het voorbeeld in de les is het goede antwoord; de tekst van de les moet anders")
    assert grade_answer(exercise_id, example).status != "goed"
