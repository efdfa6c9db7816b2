"""Dutch explanations above common errors, tested in a real IPython shell (and, at the end, in real kernels)."""

from __future__ import annotations

import pytest

from dossier_lib.exercises.friendly_errors import LESSON_NAMES, explain, install, install_safe


def _reset(sh):
    sh.set_custom_exc((), None)
    for name in (
        "_dossier_friendly_errors",
        "_dossier_friendly_errors_safe",
        "_dossier_friendly_types",
        "_dossier_friendly_tb",
    ):
        if hasattr(sh, name):
            delattr(sh, name)


@pytest.fixture
def shell():
    from IPython.core.interactiveshell import InteractiveShell

    sh = InteractiveShell.instance()
    _reset(sh)
    for name in LESSON_NAMES:  # a fresh kernel: the lesson's first cell has not run
        sh.user_ns.pop(name, None)
    yield sh
    _reset(sh)
    for name in ("check", "dossier", "antwoord"):
        sh.user_ns.pop(name, None)


def run(shell, code, capsys):
    result = shell.run_cell(code, store_history=True)
    captured = capsys.readouterr()
    return result, captured.out + captured.err


def test_name_error_suggests_the_nearest_name(shell, capsys):
    assert install(shell)
    shell.run_cell("dossier = 5")
    result, out = run(shell, "print(dosier)", capsys)
    assert isinstance(result.error_in_exec, NameError)
    assert "Uitleg: Python kent de naam 'dosier' niet. Bedoel je 'dossier'?" in out
    assert "NameError: name 'dosier' is not defined" in out  # one line names the error
    assert "Traceback" not in out  # no traceback for an error we can explain
    assert out.index("Uitleg") < out.index("NameError")


@pytest.mark.parametrize(
    "code, expected",
    [
        ("antwoord = Kim Yong-chol", 'Schrijf: antwoord = "Kim Yong-chol"'),
        ("spreker = Donald Trump", 'Schrijf: spreker = "Donald Trump"'),
        ('check("01.welke-kim", Kim Yong-chol)', 'check("01.welke-kim", "Kim Yong-chol")'),
        ("antwoord = 002", 'Schrijf: antwoord = "002"'),
        ("handel_2017 = 34 : 0.42", "Schrijf: handel_2017 = 34 / 0.42"),
        ("handel_2017 = 34 x 100 / 42", "Schrijf: handel_2017 = 34 * 100 / 42"),
        ("x = “Trump”", 'Schrijf: x = "Trump"'),
        ("a = [1 2]", "Er mist een komma"),
        ("x = 58%", "Procent bestaat niet in Python"),
        ("x = 50.000.000", "geen punt tussen de duizendtallen"),
        ('naam = "Kim', "mist een aanhalingsteken"),
        ("print((1, 2)", "mist een haakje"),
        ("print(1))", "haakje te veel"),
        ('analyse = """Na de top\nin Hanoi', 'sluit niet af. Zet aan het eind ook """'),
    ],
)
def test_syntax_errors_get_the_one_change_needed_and_show_the_line_with_a_caret(shell, capsys, code, expected):
    install(shell)
    result, out = run(shell, code, capsys)
    assert isinstance(result.error_before_exec, SyntaxError)
    assert expected in out, out
    assert "Traceback" not in out and "SyntaxError" in out
    first_line = code.splitlines()[0]
    assert f"    {first_line}" in out and "^" in out.split(first_line, 2)[-1]  # the line, then the caret


def test_the_caret_points_at_what_python_points_at(shell, capsys):
    install(shell)
    _, out = run(shell, "antwoord = Kim Yong-chol", capsys)
    lines = out.splitlines()
    code = next(i for i, line in enumerate(lines) if line.strip() == "antwoord = Kim Yong-chol")
    assert lines[code + 1].index("^") == lines[code].index("Yong")


@pytest.mark.parametrize(
    "code, expected",
    [
        ("h = 34/0,42", "Schrijf: h = 34/ 0.42"),
        ('c = [\n    ("004", "Zij zaten constructieve")\n    ("001", "Sindsdien zit het"),\n]', "Er mist een komma"),
        ("aantal_aldus = drie", "met cijfers, zonder aanhalingstekens: 3"),
        ("antwoord = Singapore", 'aanhalingstekens omheen: "Singapore"'),
        ("x = true", "Bedoel je 'True'?"),
        ('"5" + 5', "tekst en getallen door elkaar"),
        ('float("50.000,5")', "op de Engelse manier"),
        ('int("april")', "geen getal maken"),
        ("[1, 2][5]", "Python telt vanaf 0"),
        ('"tekst".uper()', "Bedoel je '.upper'?"),
        ("len(5)", "niet een getal"),
    ],
)
def test_runtime_slips_are_explained(shell, capsys, code, expected):
    install(shell)
    _, out = run(shell, code, capsys)
    assert expected in out, out
    assert "Traceback" not in out


def test_the_tuple_call_warning_is_not_printed_in_english(shell, capsys):
    install(shell)
    import warnings

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("default")
        install(shell)  # re-adds the filter after simplefilter reset it
        _, out = run(shell, 'c = [("004", "a b c") ("001", "d e f")]', capsys)
    assert "Er mist een komma" in out
    assert not [w for w in caught if "perhaps you missed a comma" in str(w.message)]


def test_a_lesson_name_before_the_first_cell_says_which_cell_to_run(shell, capsys):
    install(shell)
    _, out = run(shell, "inleveren()", capsys)
    assert "Voer eerst de eerste codecel van de les uit" in out and "from dossier_lib.les import *" in out
    assert "aanhalingstekens" not in out


def test_overwriting_a_lesson_function_is_explained(shell, capsys):
    install(shell)
    shell.run_cell("from dossier_lib.les import check")
    _, out = run(shell, 'check = 5\ncheck("01.bronnen-tellen", 5)', capsys)
    assert "Je hebt 'check' zelf een waarde gegeven" in out and "eerste cel van de les opnieuw" in out


def test_wrong_arguments_to_lesson_functions_get_only_a_dutch_sentence(shell, capsys):
    install(shell)
    shell.run_cell("from dossier_lib.les import *")
    _, out = run(shell, 'geo.distance_km("atlantis", "hanoi")', capsys)
    assert out.startswith("Uitleg: 'atlantis' staat niet als plaats in de kennisbank.")
    assert "Error" not in out  # a StudentInputError shows its message only
    _, out = run(shell, "maandkalender(2019)", capsys)
    assert "Zo gebruik je hem: maandkalender(2019, 4)" in out
    _, out = run(shell, 'uitleg("sancties")', capsys)
    assert "sancties:" in out and "Uitleg" not in out  # the Dutch word is understood
    _, out = run(shell, "from dossier_lib import load_dossier\nload_dossier()['999']", capsys)
    assert "Geen artikel met nummer '999'. Kies uit:" in out


def test_kernel_keeps_working_and_other_errors_are_untouched(shell, capsys):
    install(shell)
    assert install(shell)  # twice is harmless
    _, out = run(shell, "raise RuntimeError('kapot')", capsys)
    assert "RuntimeError" in out and "Uitleg" not in out
    result = shell.run_cell("21 * 2")
    assert result.success and result.result == 42


def test_earlier_handler_keeps_working(shell, capsys):
    from dossier_lib.errors import DossierFormatError, Problem

    seen = []
    shell.set_custom_exc((DossierFormatError,), lambda sh, et, ev, tb, tb_offset=None: seen.append(ev))
    install(shell)
    shell.user_ns.update(DossierFormatError=DossierFormatError, Problem=Problem)
    shell.run_cell("raise DossierFormatError([Problem('a.txt', 1, 'kapot', 'maak heel')])")
    assert len(seen) == 1
    _, out = run(shell, "onbekend_ding", capsys)
    assert "Uitleg" in out


def test_install_again_after_another_handler_replaced_ours(shell, capsys):
    install(shell)
    shell.set_custom_exc((ZeroDivisionError,), lambda sh, et, ev, tb, tb_offset=None: print("eigen handler"))
    assert install(shell)
    _, out = run(shell, "1 / 0", capsys)
    assert "eigen handler" in out
    _, out = run(shell, "onbekend_ding", capsys)
    assert "Uitleg" in out


def test_the_safe_part_only_explains_the_lessons_own_names(shell, capsys):
    assert install_safe(shell)
    _, out = run(shell, 'check("01.bronnen-tellen", 5)', capsys)
    assert "Voer eerst de eerste codecel van de les uit" in out and "Traceback" not in out
    _, out = run(shell, "onbekend_ding", capsys)
    assert "Uitleg" not in out and "NameError" in out  # IPython's own display
    _, out = run(shell, "1 / 0", capsys)
    assert "Uitleg" not in out and "ZeroDivisionError" in out
    install(shell)  # the lesson's first cell: the full help replaces the safe part
    _, out = run(shell, "onbekend_ding", capsys)
    assert "Uitleg: Python kent de naam 'onbekend_ding' niet." in out


def test_the_ipython_extension_installs_the_safe_part(shell, capsys):
    shell.extension_manager.load_extension("dossier_lib.ipython_extension")
    _, out = run(shell, "voortgang()", capsys)
    assert "Voer eerst de eerste codecel" in out
    shell.extension_manager.unload_extension("dossier_lib.ipython_extension")


def test_lesson_names_follow_the_lesson_frame():
    from dossier_lib import les

    assert set(les.__all__) | {"dossier", "les"} == LESSON_NAMES


def test_install_outside_ipython_is_a_no_op(monkeypatch):
    import IPython

    monkeypatch.setattr(IPython, "get_ipython", lambda: None)
    assert install() is False
    assert install_safe() is False


def test_explain_without_a_shell():
    assert "aanhalingstekens" in explain(NameError("name 'Trump' is not defined", name="Trump"))
    assert explain(RuntimeError("x")) is None
