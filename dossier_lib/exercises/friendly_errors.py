"""Short Dutch explanations above common Python errors, in the spirit of Data 8's error helper.

`install()` registers a handler with IPython's ``set_custom_exc`` for NameError, TypeError,
KeyError and SyntaxError (IPython routes a SyntaxError in a cell through the same
handler while compiling). The handler shows one Dutch explanation and a one-line
error instead of the traceback; errors it cannot explain keep IPython's normal display. Handlers registered before (such as the box for DossierFormatError)
keep working: they are chained, not replaced. If anything in here fails, IPython
shows the normal error, so the kernel never breaks.
"""

from __future__ import annotations

import difflib
import html
import re
import sys
from typing import Any

_MARK = "_dossier_friendly_errors"


class Explanation:
    """A Dutch explanation; rich in Jupyter, plain text elsewhere."""

    def __init__(self, text: str):
        self.text = text

    def _repr_html_(self) -> str:
        return (
            '<div class="dossier-uitleg" style="border-left:6px solid #e08214;background:#fff8ef;'
            f'color:#222;padding:6px 12px;margin:4px 0"><b>Uitleg:</b> {html.escape(self.text)}</div>'
        )

    def __repr__(self) -> str:
        return f"Uitleg: {self.text}"


def _user_names(shell: Any) -> list[str]:
    ns = getattr(shell, "user_ns", {}) or {}
    hidden = getattr(shell, "user_ns_hidden", {}) or {}
    import builtins

    return [n for n in ns if not n.startswith("_") and n not in hidden] + dir(builtins)


def explain(value: BaseException, shell: Any = None) -> str | None:
    """The Dutch explanation for one error, or None when we have nothing helpful to say."""
    if isinstance(value, NameError):
        name = getattr(value, "name", None)
        if name is None:
            m = re.search(r"name '([^']+)' is not defined", str(value))
            name = m.group(1) if m else None
        if not name:
            return None
        text = f"Python kent de naam '{name}' niet."
        close = difflib.get_close_matches(name, _user_names(shell) if shell else [], n=1, cutoff=0.6)
        if close:
            return text + f" Bedoel je '{close[0]}'? Let op hoofdletters en tikfouten."
        return text + (
            " Is het tekst? Zet er dan aanhalingstekens omheen. "
            "Is het een variabele? Voer dan eerst de cel uit waarin hij gemaakt wordt."
        )
    if isinstance(value, SyntaxError):
        msg = str(getattr(value, "msg", "") or "")
        line = (value.text or "").rstrip("\n") if getattr(value, "text", None) else ""
        if "unterminated string" in msg or "EOL while scanning" in msg or "unterminated triple" in msg:
            return "Er mist een aanhalingsteken: elke tekst begint én eindigt met \" of '."
        if "was never closed" in msg or "unexpected EOF" in msg or "incomplete input" in msg:
            return "Er mist een haakje: elk ( [ of { moet ook weer dicht met ) ] of }."
        if "unmatched" in msg or "does not match" in msg:
            return "Er staat een haakje te veel, of een verkeerd soort haakje. Tel de haakjes ( ) [ ] { }."
        if "Perhaps you forgot a comma" in msg:
            return "Er mist waarschijnlijk een komma tussen twee dingen in een lijst of tussen argumenten."
        if isinstance(value, IndentationError):
            return "De inspringing klopt niet: regels in hetzelfde blok beginnen even ver naar rechts."
        if line.count('"') % 2 or line.count("'") % 2:
            return "Er mist een aanhalingsteken: elke tekst begint én eindigt met \" of '."
        return "Python begrijpt deze regel niet. Kijk naar het pijltje ^: daar of vlak ervoor zit de fout."
    if isinstance(value, KeyError):
        key = value.args[0] if value.args else None
        text = str(key) if key is not None else ""
        if "artikel" in text.lower() or "Kies uit" in text:
            return f"Dat artikel bestaat niet. {text}"
        return (
            f"De sleutel {key!r} bestaat niet in deze tabel of dit woordenboek. "
            "Controleer de spelling, ook hoofdletters."
        )
    if isinstance(value, TypeError):
        msg = str(value)
        if re.search(r"positional argument|required|unexpected keyword|takes .*argument.*given", msg):
            return (
                "Je roept een functie aan met te veel of te weinig gegevens tussen de haakjes. "
                "Kijk in de les hoe de functie gebruikt wordt."
            )
        if "not callable" in msg:
            return "Je zet haakjes () achter iets dat geen functie is. Haal de haakjes weg of controleer de naam."
        if "can only concatenate" in msg or "unsupported operand" in msg:
            return "Je rekent met tekst en getallen door elkaar. Maak van tekst een getal met int(...) of andersom met str(...)."
        if "not subscriptable" in msg:
            return "Je gebruikt [ ] bij iets dat geen lijst of tabel is. Controleer wat er in de variabele zit."
        return None
    return None


def _show(explanation: str) -> None:
    try:
        from IPython.display import display

        display(Explanation(explanation))
    except Exception:  # noqa: BLE001
        print(f"Uitleg: {explanation}")


def _short_error(value: BaseException) -> str:
    """`NameError: name 'x' is not defined`, plus the line for a syntax error."""
    line = f" (regel {value.lineno})" if isinstance(value, SyntaxError) and value.lineno else ""
    message = value.msg if isinstance(value, SyntaxError) else str(value)
    return f"{type(value).__name__}: {message}{line}"


def _make_handler(previous_types: tuple, previous_handler):
    def handler(shell, etype, value, tb, tb_offset=None):
        if previous_types and isinstance(value, previous_types) and previous_handler is not None:
            return previous_handler(etype, value, tb, tb_offset=tb_offset)
        try:
            text = explain(value, shell)
        except Exception:  # noqa: BLE001 - never let the helper hide the real error
            text = None
        if text:
            # A student sees the Dutch explanation and one line naming the error, not a traceback.
            _show(text)
            print(_short_error(value), file=sys.stderr)
            return None
        if isinstance(value, SyntaxError):
            shell.showsyntaxerror()
        else:
            shell.showtraceback((etype, value, tb), tb_offset=tb_offset)
        return None

    return handler


def install(shell: Any = None) -> bool:
    """Add the Dutch explanations to the running IPython shell (or `shell`). Safe to call twice."""
    if shell is None:
        if "IPython" not in sys.modules:
            return False
        try:
            from IPython import get_ipython
        except ImportError:  # pragma: no cover
            return False
        shell = get_ipython()
        if shell is None:
            return False
    if getattr(shell, _MARK, None) is not None and getattr(shell, _MARK) is shell.custom_exceptions:
        return True  # ours is still the active handler (someone else may have replaced it since)
    previous_types = tuple(
        t
        for t in getattr(shell, "custom_exceptions", ()) or ()
        if t not in (NameError, TypeError, KeyError, SyntaxError)
    )
    previous_handler = getattr(shell, "CustomTB", None) if previous_types else None
    ours = (NameError, TypeError, KeyError, SyntaxError)
    shell.set_custom_exc(previous_types + ours, _make_handler(previous_types, previous_handler))
    setattr(shell, _MARK, shell.custom_exceptions)
    return True
