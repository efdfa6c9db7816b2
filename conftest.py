"""Project-wide pytest set-up that must apply before any notebook runs.

nbval 0.11 executes cells with ``store_history=False``. IPython decides whether a
trailing ``;`` silences a cell's result by reading the last *stored* input, so under
nbval ``chart(...);`` shows its figure twice while JupyterLab and nbclient show it
once. Executing with history stored makes nbval see what a student sees.
"""

from __future__ import annotations


def _execute_with_history(self, cell_input, allow_stdin=None):
    return self.kc.execute(cell_input, store_history=True, allow_stdin=allow_stdin, stop_on_error=False)


try:
    from nbval.kernel import RunningKernel
except ImportError:  # nbval not installed: nothing to fix
    pass
else:
    RunningKernel.execute_cell_input = _execute_with_history
