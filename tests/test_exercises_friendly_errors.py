"""Dutch explanations above common errors, tested in a real IPython shell."""

from __future__ import annotations

import pytest

from dossier_lib.exercises.friendly_errors import explain, install


@pytest.fixture
def shell():
    from IPython.core.interactiveshell import InteractiveShell

    sh = InteractiveShell.instance()
    sh.set_custom_exc((), None)
    if hasattr(sh, "_dossier_friendly_errors"):
        delattr(sh, "_dossier_friendly_errors")
    yield sh
    sh.set_custom_exc((), None)
    if hasattr(sh, "_dossier_friendly_errors"):
        delattr(sh, "_dossier_friendly_errors")


def run(shell, code, capsys):
    result = shell.run_cell(code)
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


def test_syntax_errors_missing_quote_and_bracket(shell, capsys):
    install(shell)
    result, out = run(shell, 'naam = "Kim', capsys)
    assert isinstance(result.error_before_exec, SyntaxError)
    assert "mist een aanhalingsteken" in out and "SyntaxError" in out
    _, out = run(shell, "print((1, 2)", capsys)
    assert "mist een haakje" in out
    _, out = run(shell, "print(1))", capsys)
    assert "haakje te veel" in out


def test_type_and_key_errors(shell, capsys):
    install(shell)
    _, out = run(shell, "len(1, 2)", capsys)
    assert "te veel of te weinig gegevens" in out and "TypeError" in out
    _, out = run(shell, "from dossier_lib import load_dossier\nload_dossier()['999']", capsys)
    assert "Dat artikel bestaat niet" in out and "Kies uit" in out
    _, out = run(shell, "{'a': 1}['b']", capsys)
    assert "sleutel 'b' bestaat niet" in out


def test_kernel_keeps_working_and_other_errors_are_untouched(shell, capsys):
    install(shell)
    assert install(shell)  # twice is harmless
    _, out = run(shell, "1 / 0", capsys)
    assert "ZeroDivisionError" in out and "Uitleg" not in out
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


def test_install_outside_ipython_is_a_no_op(monkeypatch):
    import IPython

    monkeypatch.setattr(IPython, "get_ipython", lambda: None)
    assert install() is False


def test_explain_without_a_shell():
    assert "aanhalingstekens" in explain(NameError("name 'Trump' is not defined"))
    assert explain(ValueError("x")) is None
