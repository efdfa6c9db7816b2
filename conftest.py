"""Project-wide pytest set-up that must apply before any notebook runs.

nbval 0.11 executes cells with ``store_history=False``. IPython decides whether a
trailing ``;`` silences a cell's result by reading the last *stored* input, so under
nbval ``chart(...);`` shows its figure twice while JupyterLab and nbclient show it
once. Executing with history stored makes nbval see what a student sees.
"""

from __future__ import annotations

import pytest

# `--doctest-modules` (pyproject.toml) runs the library's docstring examples. The conftest files are
# plugins, not modules with examples: collecting them as well makes the two named conftest.py clash.
collect_ignore_glob = ["tests/conftest.py", "tests/*/conftest.py"]


def _execute_with_history(self, cell_input, allow_stdin=None):
    return self.kc.execute(cell_input, store_history=True, allow_stdin=allow_stdin, stop_on_error=False)


try:
    from nbval.kernel import RunningKernel
except ImportError:  # nbval not installed: nothing to fix
    pass
else:
    RunningKernel.execute_cell_input = _execute_with_history


@pytest.fixture(autouse=True)
def own_student_folders(tmp_path, monkeypatch):
    """Every test works as "Test Leerling" with its own progress and hand-in folders (never the real ones)."""
    from dossier_lib.exercises import progress, reset_hints

    monkeypatch.delenv("JUPYTERHUB_USER", raising=False)
    monkeypatch.delenv("DOSSIER_PRESENTEREN", raising=False)
    monkeypatch.setenv("DOSSIER_LEERLING", "Test Leerling")
    monkeypatch.setenv("DOSSIER_VOORTGANG", str(tmp_path / "voortgang"))
    monkeypatch.setenv("DOSSIER_INLEVEREN", str(tmp_path / "inleveren"))
    from dossier_lib.exercises import registry

    progress.forget_pending()
    reset_hints()
    yield
    progress.forget_pending()
    reset_hints()
    registry._REGISTERED.clear()  # an exercise a test registered is not another test's
