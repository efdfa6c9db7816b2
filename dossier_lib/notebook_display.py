"""Inside Jupyter, show the library's own errors as a readable box instead of a stack trace."""

from __future__ import annotations

import sys


def _show_error_box(shell, etype, value, tb, tb_offset=None):
    from IPython.display import HTML, display

    display(HTML(value._repr_html_()))
    return None


def install() -> None:
    """Register the friendly display for `DossierFormatError` in a running IPython kernel."""
    if "IPython" not in sys.modules:
        return
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython half-installed
        return
    shell = get_ipython()
    if shell is None:
        return
    from .errors import DossierFormatError

    if DossierFormatError in (shell.custom_exceptions or ()):
        return  # already handled (the friendly-errors handler chains this box in)
    shell.set_custom_exc((DossierFormatError,), _show_error_box)
