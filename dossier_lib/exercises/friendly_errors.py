"""Short Dutch explanations above Python errors, in the spirit of Data 8's error helper.

`install()` (run by every lesson's first cell, through ``start``) registers a handler with
IPython's ``set_custom_exc``. For an error it can explain, the student sees one Dutch
explanation (for a syntax error with the line and a caret ``^`` under the place Python
points at) and one line naming the error, instead of a traceback. A `StudentInputError`
(a lesson function got a wrong argument) shows only its Dutch message. Errors it cannot
explain keep IPython's normal display.

`install_safe()` is the part that is safe before a lesson's first cell ran (the IPython
extension dossier_lib.ipython_extension loads it when a kernel starts): a NameError for one
of the lesson's own names ("check", "dossier", ...) says to run the first cell; every other
error keeps IPython's normal display.

Handlers registered before (such as the box for DossierFormatError) keep working: they are
chained, not replaced. If anything in here fails, IPython shows the normal error, so the
kernel never breaks.

    >>> explain(NameError("name 'inleveren' is not defined", name="inleveren"))[:44]
    'inleveren is een hulpmiddel van de les, maar'
"""

from __future__ import annotations

import builtins
import difflib
import html
import keyword
import linecache
import re
import sys
import warnings
from pathlib import Path
from typing import Any

_MARK = "_dossier_friendly_errors"
_SAFE_MARK = "_dossier_friendly_errors_safe"
_PACKAGE = str(Path(__file__).resolve().parent.parent)

#: The names the first cell of a lesson gives (dossier_lib.les.__all__, plus the variables of the cell).
#: tests/test_exercises_friendly_errors.py checks that this list follows les.__all__.
LESSON_NAMES = frozenset(
    """start check hint voortgang inleveren nieuwe_leerling uitleg maandkalender weekdag load_dossier widgets
    charts analysis geo plt kennismaking tijdlijn spelers singapore peking hanoi wie_zegt_wat cijfers
    vladivostok eindopdracht feiten whole_text dossier les""".split()
)
FIRST_CELL = "from dossier_lib.les import *"
#: How a lesson calls its functions, for "this is how you use it".
USAGE = {
    "check": 'check("01.bronnen-tellen", antwoord)',
    "hint": 'hint("01.bronnen-tellen")',
    "start": 'start("01")',
    "uitleg": 'uitleg("sanctions")',
    "maandkalender": "maandkalender(2019, 4)",
    "weekdag": 'weekdag("2019-04-25")',
    "voortgang": "voortgang()",
    "inleveren": "inleveren()",
    "distance_km": 'geo.distance_km("pyongyang", "hanoi")',
    "concordance": 'widgets.concordance(dossier, "zei")',
    "article_reader": 'widgets.article_reader(dossier["003"])',
    "side_by_side": 'widgets.side_by_side(dossier["000"], dossier["002"], term="Zhao")',
    "day_detective": 'tijdlijn.day_detective(2019, 4, "donderdag")',
    "days_inclusive": 'tijdlijn.days_inclusive("2019-01-07", "2019-01-10")',
    "controleer_citaten": "eindopdracht.controleer_citaten(citaten)",
    "names_in_paragraph": 'spelers.names_in_paragraph(dossier["003"], 6)',
    "standpunten": 'hanoi.standpunten("hanoi-all-sanctions")',
    "honest_and_misleading_bars": 'charts.honest_and_misleading_bars([550, 300], ["voor", "na"])',
}
_TEXT_ERRORS = (ValueError, KeyError, IndexError, AttributeError, TypeError, ZeroDivisionError)
_ENGLISH = re.compile(
    r"\b(?:the|is not|invalid|object|expected|must|argument|got|has no|not defined|unsupported|literal|"
    r"out of range|cannot|can't|could not|unexpected|missing|takes|given|No such|instance|iterable|callable)\b"
)


class Explanation:
    """A Dutch explanation, with the line of code it is about and a caret under the spot; rich in Jupyter."""

    def __init__(self, text: str, code: str = "", caret: str = ""):
        self.text = text
        self.code = code
        self.caret = caret

    def _repr_html_(self) -> str:
        pointer = ""
        if self.code:
            pointer = (
                '<pre style="margin:6px 0 0;padding:4px 8px;background:#fff;border:1px solid #f0c89a;'
                f'font-size:0.95em">{html.escape(self.code)}\n{html.escape(self.caret)}</pre>'
            )
        return (
            '<div class="dossier-uitleg" role="status" style="border-left:6px solid #e08214;background:#fff8ef;'
            f'color:#222;padding:6px 12px;margin:4px 0"><b>Uitleg:</b> {html.escape(self.text)}{pointer}</div>'
        )

    def __repr__(self) -> str:
        lines = [f"Uitleg: {self.text}"]
        if self.code:
            lines += [f"    {self.code}", f"    {self.caret}"]
        return "\n".join(lines)


# ---------------------------------------------------------------- where the error happened


def _frames(tb) -> list:
    out = []
    while tb is not None:
        out.append(tb)
        tb = tb.tb_next
    return out


def _is_cell(filename: str, shell: Any = None) -> bool:
    """True for the code of a notebook cell (IPython names those files itself)."""
    if filename.startswith("<"):
        return True
    compiled = getattr(getattr(shell, "compile", None), "_filename_map", {}) or {}
    return filename in compiled or "ipykernel_" in filename


def _in_package(filename: str) -> bool:
    return filename.startswith(_PACKAGE)


def _cell_line(tb, shell: Any = None) -> str:
    """The line of the cell where the error happened (the last cell frame of the traceback)."""
    line = ""
    for frame in _frames(tb):
        code = frame.tb_frame.f_code
        if _is_cell(code.co_filename, shell):
            line = linecache.getline(code.co_filename, frame.tb_lineno).strip() or line
    return line


def _raised_in_cell(tb, shell: Any = None) -> bool:
    frames = _frames(tb)
    return bool(frames) and _is_cell(frames[-1].tb_frame.f_code.co_filename, shell)


def _library_function(tb, shell: Any = None) -> str | None:
    """The dossier_lib function the cell called when the error happened inside the package, else None."""
    frames = _frames(tb)
    for before, frame in zip(frames, frames[1:]):
        if _is_cell(before.tb_frame.f_code.co_filename, shell) and _in_package(frame.tb_frame.f_code.co_filename):
            return frame.tb_frame.f_code.co_name
    return None


def _raised_in_package(tb) -> bool:
    frames = _frames(tb)
    return bool(frames) and _in_package(frames[-1].tb_frame.f_code.co_filename)


def _strip_strings(line: str) -> str:
    return re.sub(r"(\"\"\"|'''|\"|')(?:\\.|(?!\1).)*\1", '""', line)


def _user_names(shell: Any) -> list[str]:
    import builtins

    ns = getattr(shell, "user_ns", {}) or {}
    hidden = getattr(shell, "user_ns_hidden", {}) or {}
    return [n for n in ns if not n.startswith("_") and n not in hidden] + dir(builtins)


def _looks_dutch(text: str) -> bool:
    return bool(text.strip()) and not _ENGLISH.search(text)


# ---------------------------------------------------------------- explanations


def _unquoted_words(line: str) -> str | None:
    """Words typed as text without quotation marks: "Kim Yong-chol" in `antwoord = Kim Yong-chol`."""
    bare = _strip_strings(line)
    for m in re.finditer(r"(?<![\w.\"'])[A-Za-zÀ-ÿ][\w'-]*(?:[ \t]+[A-Za-zÀ-ÿ][\w'-]*)+", bare):
        words = re.split(r"[\s-]+", m.group(0))
        if not any(keyword.iskeyword(w) or w in ("print", "len", "round") for w in words):
            return m.group(0)
    return None


def _quoted_line(line: str, words: str) -> str:
    return line.replace(words, f'"{words}"', 1)


def _explain_syntax(value: SyntaxError, shell: Any = None) -> Explanation:
    msg = str(getattr(value, "msg", "") or "")
    full = value.text or ""
    raw = full.rstrip("\n")
    if "\n" in raw:  # a multi-line statement: show the line Python points at
        raw = raw.split("\n")[0]
    line = raw.strip()
    indent = len(raw) - len(raw.lstrip())
    offset = max(1, (value.offset or 1) - indent)
    end = value.end_offset if value.end_offset and value.end_offset > 0 else offset + 1
    caret = " " * (offset - 1) + "^" * max(1, min(end - indent, len(line) + 1) - offset)

    def show(text: str) -> Explanation:
        return Explanation(text, line, caret) if line else Explanation(text)

    bare = _strip_strings(line)
    cell = full
    history = getattr(shell, "user_ns", {}).get("In") if shell is not None else None
    if history and isinstance(history[-1], str) and full.strip() and full.strip() in history[-1]:
        cell = history[-1]
    if isinstance(value, IndentationError) and "unexpected indent" in msg:
        return show(
            "Deze regel begint met spaties, maar hoort niet ingesprongen te staan. Haal de spaties vooraan weg."
        )
    if isinstance(value, IndentationError):
        return show("De inspringing klopt niet: regels in hetzelfde blok beginnen even ver naar rechts.")
    if "unterminated triple-quoted" in msg or (
        "incomplete input" in msg and (cell.count('"""') % 2 or cell.count("'''") % 2)
    ):
        return show('Je tekst begint met drie aanhalingstekens (""") maar sluit niet af. Zet aan het eind ook """.')
    if re.search(r"invalid character '[“”„‘’‚«»]'", msg):
        fixed = re.sub(r"[“”„«»]", '"', line).replace("‘", "'").replace("’", "'").replace("‚", "'")
        return show(
            f"In code gebruik je gewone aanhalingstekens (\" of '), niet de krullende uit een tekst. Schrijf: {fixed}"
        )
    if "invalid character '÷'" in msg or re.search(r"\d\s*:\s*\d", bare) and not re.search(r"[\[{]|lambda", bare):
        fixed = re.sub(r"(\d)\s*[:÷]\s*(\d)", r"\1 / \2", line)
        return show(f"Delen doe je in Python met /, niet met : of ÷. Schrijf: {fixed}")
    if re.search(r"\d\s*[x×]\s*\d", bare) or "invalid character '×'" in msg:
        fixed = re.sub(r"(\d)\s*[x×]\s*(\d)", r"\1 * \2", line)
        return show(f"Keer doe je in Python met *, niet met x. Schrijf: {fixed}")
    if re.search(r"\d\s*%\s*(?:$|#|\))", bare):
        return show("Procent bestaat niet in Python. Schrijf 58 procent als 58 / 100 of als 0.58.")
    if "leading zeros" in msg:
        number = re.search(r"\b0\d+\b", bare)
        token = number.group(0) if number else "002"
        fixed = line.replace(token, f'"{token}"', 1)
        return show(
            f"Een getal mag in Python niet met een 0 beginnen. Is {token} een nummer, zoals een artikelnummer? "
            f"Dat is tekst: zet er aanhalingstekens omheen. Schrijf: {fixed}"
        )
    if re.search(r"\b\d{1,3}(?:\.\d{3}){2,}\b", bare):
        return show("Python kent geen punt tussen de duizendtallen. Schrijf het getal zonder punten, zoals 50000000.")
    words = _unquoted_words(line)
    if words and ("invalid syntax" in msg or "forgot a comma" in msg or "invalid decimal literal" in msg):
        return show(f"Tekst moet tussen aanhalingstekens staan. Schrijf: {_quoted_line(line, words)}")
    if "invalid decimal literal" in msg:
        return show(
            "Direct na een getal staan letters. Is het tekst? Zet het tussen aanhalingstekens. Is het een getal? "
            "Schrijf alleen de cijfers."
        )
    if "unterminated string" in msg or "EOL while scanning" in msg:
        return show("Er mist een aanhalingsteken: elke tekst begint én eindigt met \" of '.")
    if "was never closed" in msg or "unexpected EOF" in msg or "incomplete input" in msg:
        return show("Er mist een haakje: elk ( [ of { moet ook weer dicht met ) ] of }.")
    if "unmatched" in msg or "does not match" in msg:
        return show("Er staat een haakje te veel, of een verkeerd soort haakje. Tel de haakjes ( ) [ ] { }.")
    if "forgot a comma" in msg:
        return show(
            "Er mist een komma tussen twee dingen, bijvoorbeeld tussen twee getallen of citaten in een lijst. "
            "Zet een komma tussen elk ding."
        )
    if "cannot assign to" in msg:
        return show("Links van = staat de naam van je variabele, rechts de waarde. Bijvoorbeeld: antwoord = 5")
    if "expected ':'" in msg:
        return show("Aan het eind van deze regel (na if, for of def) hoort een dubbele punt :.")
    if line.count('"') % 2 or line.count("'") % 2:
        return show("Er mist een aanhalingsteken: elke tekst begint én eindigt met \" of '.")
    return show(
        "Python begrijpt deze regel niet. Het pijltje ^ wijst waar Python vastliep: de fout zit daar of vlak ervoor."
    )


def _explain_name(value: NameError, shell: Any, tb=None) -> str | None:
    name = getattr(value, "name", None)
    if name is None:
        m = re.search(r"name '([^']+)' is not defined", str(value))
        name = m.group(1) if m else None
    if not name:
        return None
    if name in LESSON_NAMES:
        return (
            f"{name} is een hulpmiddel van de les, maar Python kent het nog niet. Voer eerst de eerste codecel "
            f"van de les uit (die begint met {FIRST_CELL}). Kwam je net terug, of liep het vast? Voer dan de cellen "
            "van boven naar beneden opnieuw uit."
        )
    from ..nl import parse_number_word

    number = parse_number_word(name)
    if number is not None:
        return f"Python kent het woord '{name}' niet. Schrijf een getal met cijfers, zonder aanhalingstekens: {number}."
    text = f"Python kent de naam '{name}' niet."
    close = difflib.get_close_matches(name, _user_names(shell) + sorted(LESSON_NAMES) if shell else [], n=1, cutoff=0.6)
    line = _cell_line(tb, shell) if tb is not None else ""
    looks_like_text = (
        name[:1].isupper()
        and (not close or close[0].lower() == name.lower())
        and name
        not in (
            "true",
            "false",
            "none",
        )
    )
    if close and close[0] != name and not (looks_like_text and close[0] not in ("True", "False", "None")):
        return text + f" Bedoel je '{close[0]}'? Let op hoofdletters en tikfouten."
    whole = re.search(rf"\b{re.escape(name)}(?:[-\s][A-Za-zÀ-ÿ][\w-]*)*", _strip_strings(line)) if line else None
    written = whole.group(0) if whole else name
    if name[:1].isupper() or whole and written != name:
        return text + f' Is het tekst? Zet er dan aanhalingstekens omheen: "{written}".'
    return text + (
        " Is het tekst? Zet er dan aanhalingstekens omheen. "
        "Is het een variabele? Voer dan eerst de cel uit waarin hij gemaakt wordt."
    )


def _explain_type(value: TypeError, shell: Any, tb) -> str | None:
    msg = str(value)
    line = _cell_line(tb, shell)
    m = re.match(r"'(\w+)' object is not callable", msg)
    if m:
        kind = m.group(1)
        ns = getattr(shell, "user_ns", {}) or {}
        for name in re.findall(r"\b([A-Za-z_]\w*)\s*\(", _strip_strings(line)):
            if name in ns and type(ns[name]).__name__ == kind and not callable(ns[name]):
                if name in LESSON_NAMES or hasattr(builtins, name):
                    return (
                        f"Je hebt '{name}' zelf een waarde gegeven (zoals {name} = ...). Daardoor is de functie "
                        f"{name} weg. Gebruik voor je eigen antwoord een andere naam, zoals antwoord, en voer de "
                        f"eerste cel van de les opnieuw uit (of Kernel → Restart)."
                    )
                return f"Je zet haakjes () achter '{name}', maar {name} is geen functie. Haal de haakjes weg."
        if kind in ("tuple", "str", "list", "int", "float"):
            return (
                "Er mist een komma tussen twee dingen, bijvoorbeeld tussen twee citaten in een lijst. Zet een komma "
                'achter elk citaat: ("004", "..."),'
            )
    m = re.match(r"(\w+)\(\) (missing \d+ required|takes \d+ positional|takes from|got an unexpected)", msg)
    if m or re.search(r"positional argument|required|unexpected keyword|takes .*argument.*given", msg):
        name = m.group(1) if m else ""
        usage = USAGE.get(name)
        head = f"De functie {name}" if name else "Deze functie"
        if "unexpected keyword" in msg:
            word = re.search(r"argument '(\w+)'", msg)
            return f"{head} kent '{word.group(1) if word else ''}=' niet." + (
                f" Zo gebruik je hem: {usage}" if usage else ""
            )
        return f"{head} krijgt te veel of te weinig gegevens tussen de haakjes." + (
            f" Zo gebruik je hem: {usage}" if usage else " Kijk in de les hoe de functie gebruikt wordt."
        )
    if "can only concatenate" in msg or "unsupported operand" in msg or "can't multiply sequence" in msg:
        return (
            "Je rekent met tekst en getallen door elkaar. Staat er een getal tussen aanhalingstekens? Haal ze weg, "
            "of maak er een getal van met float(...)."
        )
    if "not supported between instances" in msg:
        return "Je vergelijkt tekst met een getal. Maak van de tekst eerst een getal met int(...) of float(...)."
    if "not subscriptable" in msg:
        return "Je gebruikt [ ] bij iets dat geen lijst of tabel is. Controleer wat er in de variabele zit."
    if "has no len()" in msg:
        return "len(...) telt de dingen in een lijst of de letters in een tekst, niet een getal."
    if "is not iterable" in msg:
        return "Hier hoort een lijst (of tekst), maar je gaf één ding, zoals een getal. Zet het tussen [ ]."
    if "NoneType" in msg:
        return "Een van je variabelen is leeg (None). Voer eerst de cel uit waarin hij gevuld wordt."
    return None


def _explain_value(value: ValueError) -> str | None:
    msg = str(value)
    m = re.match(r"invalid literal for int\(\) with base 10: (.+)$", msg)
    if m:
        return f"int(...) kan van {m.group(1)} geen getal maken. Geef cijfers, zoals 4, of tekst met alleen cijfers."
    m = re.match(r"could not convert string to float: (.+)$", msg)
    if m:
        return (
            f"Python kan {m.group(1)} niet als getal lezen. Python schrijft getallen op de Engelse manier: een punt "
            "voor de decimalen en geen punt tussen de duizendtallen. Haal die punten weg en maak van een komma een punt."
        )
    return None


def _explain_key(value: KeyError) -> str | None:
    key = value.args[0] if value.args else None
    if isinstance(key, str) and " " in key and _looks_dutch(key):
        return key  # a Dutch message from the package
    return (
        f"De sleutel {key!r} bestaat niet in deze tabel of dit woordenboek. Controleer de spelling, ook hoofdletters "
        "en spaties."
    )


def _explain_attribute(value: AttributeError) -> str | None:
    from .normalize import type_name

    name, obj = getattr(value, "name", None), getattr(value, "obj", None)
    if name is None:
        return None
    if obj is None:
        return "Een van je variabelen is leeg (None). Voer eerst de cel uit waarin hij gevuld wordt."
    try:
        options = [a for a in dir(obj) if not a.startswith("_")]
    except Exception:  # noqa: BLE001
        options = []
    close = difflib.get_close_matches(name, options, n=1, cutoff=0.6)
    what = type_name(obj) if not hasattr(obj, "__spec__") else f"de module {getattr(obj, '__name__', '')}"
    text = f"Bij {what} bestaat '.{name}' niet."
    return text + (f" Bedoel je '.{close[0]}'?" if close else " Controleer de spelling na de punt.")


def explanation_for(value: BaseException, shell: Any = None, tb: Any = None) -> Explanation | None:
    """The Dutch explanation for one error (with the code line for a syntax error), or None."""
    from ..errors import StudentInputError

    if isinstance(value, StudentInputError):
        return Explanation(str(value))
    if isinstance(value, SyntaxError):
        return _explain_syntax(value, shell)
    text = _explain_text(value, shell, tb)
    return Explanation(text) if text else None


def _explain_text(value: BaseException, shell: Any, tb: Any) -> str | None:
    in_cell = tb is None or _raised_in_cell(tb, shell)
    if isinstance(value, NameError) and not isinstance(value, UnboundLocalError):
        return _explain_name(value, shell, tb) if in_cell else None
    if isinstance(value, ZeroDivisionError):
        line = _cell_line(tb, shell) if tb is not None else ""
        slip = re.search(r"/\s*0\s*,\s*(\d+)", line)
        if slip:
            fixed = line.replace(slip.group(0), f"/ 0.{slip.group(1)}", 1)
            return (
                "Python las je komma als het einde van een getal: dan deel je door 0. Een kommagetal schrijf je "
                f"in Python met een punt. Schrijf: {fixed}"
            )
        return "Je deelt door 0, en dat kan niet. Controleer het getal achter de /."
    message = str(value.args[0]) if isinstance(value, KeyError) and value.args else str(value)
    if tb is not None and _raised_in_package(tb) and isinstance(value, _TEXT_ERRORS) and _looks_dutch(message):
        return message  # the package's own Dutch message
    function = _library_function(tb, shell) if tb is not None and not in_cell else None
    if function and not function.startswith("_") and isinstance(value, _TEXT_ERRORS):
        usage = USAGE.get(function)
        return f"{function} kan niet werken met wat je gaf." + (
            f" Zo gebruik je het: {usage}" if usage else " Kijk in de les hoe je het gebruikt."
        )
    if isinstance(value, TypeError):
        text = _explain_type(value, shell, tb)
    elif isinstance(value, KeyError):
        text = _explain_key(value)
    elif isinstance(value, ValueError):
        text = _explain_value(value)
    elif isinstance(value, IndexError):
        text = (
            "Dat nummer bestaat niet in deze lijst. Python telt vanaf 0: de eerste is [0], de laatste is één minder "
            "dan het aantal."
        )
    elif isinstance(value, AttributeError):
        text = _explain_attribute(value) if in_cell else None
    elif isinstance(value, ModuleNotFoundError):
        close = difflib.get_close_matches(value.name or "", ["dossier_lib"], n=1, cutoff=0.6)
        text = f"Python kent '{value.name}' niet." + (f" Bedoel je {close[0]}?" if close else "")
    else:
        text = None
    return text


def explain(value: BaseException, shell: Any = None) -> str | None:
    """The Dutch explanation for one error as text, or None when we have nothing helpful to say."""
    explanation = explanation_for(value, shell, getattr(value, "__traceback__", None))
    return explanation.text if explanation else None


# ---------------------------------------------------------------- showing them


def _show(explanation: Explanation) -> None:
    try:
        from IPython.display import display

        display(explanation)
    except Exception:  # noqa: BLE001
        print(repr(explanation))


def _short_error(value: BaseException) -> str:
    """`NameError: name 'x' is not defined`, plus the line for a syntax error."""
    line = f" (regel {value.lineno})" if isinstance(value, SyntaxError) and value.lineno else ""
    message = value.msg if isinstance(value, SyntaxError) else str(value)
    return f"{type(value).__name__}: {message}{line}"


def _make_handler(previous_types: tuple, previous_handler, explain_one):
    def handler(shell, etype, value, tb, tb_offset=None):
        if previous_types and isinstance(value, previous_types) and previous_handler is not None:
            return previous_handler(etype, value, tb, tb_offset=tb_offset)
        try:
            explanation = explain_one(value, shell, tb)
        except Exception:  # noqa: BLE001 - never let the helper hide the real error
            explanation = None
        if explanation:
            from ..errors import StudentInputError

            _show(explanation)
            if not isinstance(value, StudentInputError):
                print(_short_error(value), file=sys.stderr)  # one line naming the error, not a traceback
            return None
        if isinstance(value, SyntaxError):
            shell.showsyntaxerror()
        else:
            shell.showtraceback((etype, value, tb), tb_offset=tb_offset)
        return None

    return handler


def _shell(shell: Any) -> Any:
    if shell is not None:
        return shell
    if "IPython" not in sys.modules:
        return None
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover
        return None
    return get_ipython()


def _register(shell: Any, ours: tuple, explain_one, mark: str) -> None:
    """Handle `ours`; error types someone else registered keep going to their handler first."""
    ours_active = getattr(shell, "CustomTB", None) is getattr(shell, "_dossier_friendly_tb", object())
    registered_before = set(getattr(shell, "_dossier_friendly_types", ()) or ()) if ours_active else set()
    previous_types = tuple(t for t in getattr(shell, "custom_exceptions", ()) or () if t not in registered_before)
    previous_handler = getattr(shell, "CustomTB", None) if previous_types else None
    added = tuple(t for t in ours if t not in previous_types)
    shell.set_custom_exc(previous_types + added, _make_handler(previous_types, previous_handler, explain_one))
    for name in (_MARK, _SAFE_MARK):
        if hasattr(shell, name):
            delattr(shell, name)
    shell._dossier_friendly_types = added
    shell._dossier_friendly_tb = shell.CustomTB
    setattr(shell, mark, shell.custom_exceptions)


def install(shell: Any = None) -> bool:
    """Add the Dutch explanations to the running IPython shell (or `shell`). Safe to call twice."""
    shell = _shell(shell)
    if shell is None:
        return False
    # The compiler warns "'tuple' object is not callable; perhaps you missed a comma?" up to three times, in
    # English; the explanation of the error that follows says it once, in Dutch.
    warnings.filterwarnings("ignore", category=SyntaxWarning, message=r".*perhaps you missed a comma")
    if getattr(shell, _MARK, None) is not None and getattr(shell, _MARK) is shell.custom_exceptions:
        return True  # ours is still the active handler (someone else may have replaced it since)
    from ..errors import StudentInputError

    ours = (NameError, SyntaxError, StudentInputError, *_TEXT_ERRORS, ModuleNotFoundError)
    _register(shell, ours, explanation_for, _MARK)
    return True


def _explain_lesson_name(value: BaseException, shell: Any, tb: Any) -> Explanation | None:
    name = getattr(value, "name", None)
    if isinstance(value, NameError) and name in LESSON_NAMES and (tb is None or _raised_in_cell(tb, shell)):
        return Explanation(_explain_name(value, shell, tb) or "")
    return None


def install_safe(shell: Any = None) -> bool:
    """Only the part that is safe before a lesson's first cell ran: NameError for the lesson's own names."""
    shell = _shell(shell)
    if shell is None:
        return False
    if getattr(shell, _MARK, None) is shell.custom_exceptions and shell.custom_exceptions:
        return True  # the full help is already active
    if getattr(shell, _SAFE_MARK, None) is not None and getattr(shell, _SAFE_MARK) is shell.custom_exceptions:
        return True
    _register(shell, (NameError,), _explain_lesson_name, _SAFE_MARK)
    return True
