"""`check(id, antwoord)` and `hint(id)`: what a student calls in a lesson; `grade_answer` for the teacher.

Every path ends in a `Feedback` (or `HintCard`) with a Dutch message: an empty
answer, ``...``, None, a wrong type, a huge text or an unknown id never gives a
traceback. `check` also remembers the answer in the student's progress (progress.py),
except for worked examples. `grade_answer` judges the same way and remembers nothing:
the gradebook re-checks every raw answer of a hand-in with it.

What counts as right follows what a teacher would mark right: "President Trump" is Trump,
"80,95" is 80.95, "30 mei" is 30 May of the year the exercise is about; what only looks
right does not pass ("niet 5", "81%" for a sum of money, a quote from the right paragraph
that proves nothing). A near miss gets a "bijna" with the one thing to change.

    >>> grade_answer("06.hanoi-keuze", "b").status
    'goed'
    >>> grade_answer("06.hanoi-keuze", "a").status
    'fout'
"""

from __future__ import annotations

import ast
import re
import sys
from typing import Any

from ..nl import meervoud, number_word
from . import normalize as N
from .feedback import Feedback, HintCard
from .keys import reveal, unseal
from .quotes import clean_quote, find_quote, longest_found_start
from .registry import (
    Exercise,
    explanation_secret,
    get_exercise,
    items_of,
    normalise_answer,
    sentence_key,
    unknown_id_message,
)

#: Longest answer we read for a short-answer exercise; a reflection may be longer.
MAX_ANSWER_CHARS = 2_000
MAX_REFLECTION_CHARS = 10_000
#: A quotation that runs over more sentences than this is not a precise piece of evidence.
MAX_QUOTE_SENTENCES = 2
_MISSING = object()
_kernel_hints: dict[str, int] = {}
#: How a number typed over instead of computed is stored, so that the gradebook judges it the same way.
TYPED_OVER = "{} (zelf overgetypt, niet uitgerekend)"


def _ask_hint(ex: Exercise) -> str:
    return f'Kom je er niet uit? Vraag een hint met hint("{ex.id}").' if ex.hints else ""


def _empty_reason(answer: Any) -> str | None:
    """A Dutch reason when the answer is still empty, else None."""
    if answer is _MISSING or answer is Ellipsis:
        return "Nog niet beantwoord: vervang ... door je antwoord."
    if answer is None:
        return "Nog niet beantwoord: je antwoord is None (leeg). Vervang ... door je antwoord."
    if isinstance(answer, str) and (not answer.strip() or answer.strip() in ("...", "…")):
        return "Nog niet beantwoord: je antwoord is een lege tekst. Schrijf iets tussen de aanhalingstekens."
    if isinstance(answer, (list, tuple, set, dict)) and not answer:
        return "Nog niet beantwoord: je lijst is nog leeg. Zet je antwoorden tussen de haakjes."
    if isinstance(answer, (list, tuple)) and any(x is Ellipsis for x in answer):
        return "Nog niet af: er staat nog ... in je lijst. Vervang het door je antwoord."
    return None


def grade_answer(exercise_id: Any, antwoord: Any = _MISSING, *, cell_source: str | None = None) -> Feedback:
    """Judge one answer with the key, as `check` does, without showing or remembering anything.

    `cell_source` is the code of the cell that gave the answer (check passes it in a notebook):
    with it, an exercise that asks for a computed number can see whether it was typed over.
    """
    if exercise_id is _MISSING:
        return Feedback(
            "", "onbekend", 'Geef de naam van de opdracht en je antwoord: check("01.bronnen-tellen", antwoord).'
        )
    ex = get_exercise(exercise_id)
    if ex is None:
        return Feedback(
            exercise_id if isinstance(exercise_id, str) else "", "onbekend", unknown_id_message(exercise_id)
        )
    try:
        return _check(ex, antwoord, cell_source)
    except Exception:  # noqa: BLE001 - a student must never see our traceback
        return Feedback(
            ex.id,
            "ongeldig",
            "Er ging iets mis bij het nakijken van dit antwoord. "
            "Controleer of je het goed hebt opgeschreven, of vraag je docent.",
        )


def check(exercise_id: Any = _MISSING, antwoord: Any = _MISSING) -> Feedback:
    """Check an answer and say, in Dutch, whether it is right; shows as a box in Jupyter.

    The answer is remembered in your progress (not for a worked example), so that it is in your hand-in.
    """
    source = _cell_source()
    feedback = grade_answer(exercise_id, antwoord, cell_source=source)
    ex = get_exercise(exercise_id) if feedback.status != "onbekend" else None
    if ex is not None and not ex.example:
        from .progress import record_attempt

        record_attempt(ex, feedback, None if antwoord is _MISSING else _answer_to_store(ex, antwoord, source))
    return feedback


def _cell_source() -> str | None:
    """The code of the notebook cell that is running now, or None outside IPython."""
    if "IPython" not in sys.modules:
        return None
    try:
        from IPython import get_ipython

        shell = get_ipython()
        history = shell.user_ns.get("In") if shell is not None else None
        return history[-1] if history else None
    except Exception:  # noqa: BLE001 - without the source we judge the value alone
        return None


def _answer_to_store(ex: Exercise, answer: Any, source: str | None) -> Any:
    """The answer as it goes into the progress file and the hand-in."""
    if ex.kind == "reflection" and ex.choices:
        chosen = _chosen_question(ex, answer)
        if chosen:
            return f"Vraag {chosen[0]}: {chosen[1]}"
    if ex.computed and source and typed_over(source, ex.id):
        return TYPED_OVER.format(answer)
    return answer


def _check(ex: Exercise, answer: Any, cell_source: str | None = None) -> Feedback:
    reason = _empty_reason(answer)
    if reason:
        return Feedback(ex.id, "leeg", reason)
    if isinstance(answer, str) and len(answer) > MAX_ANSWER_CHARS and ex.kind != "reflection":
        return Feedback(
            ex.id,
            "ongeldig",
            f"Je antwoord is erg lang ({len(answer)} tekens). Schrijf alleen het antwoord zelf, kort.",
        )
    if callable(answer) and not isinstance(answer, type):
        return Feedback(
            ex.id,
            "ongeldig",
            "Je gaf een functie in plaats van een antwoord. Vergat je aanhalingstekens, of de haakjes () achter de functie?",
        )
    try:
        if ex.kind in ("value", "choice"):
            return _check_value(ex, answer, cell_source)
        handler = {
            "evidence": _check_evidence,
            "annotation": _check_annotation,
            "citations": _check_citations,
            "reflection": _check_reflection,
        }[ex.kind]
        return handler(ex, answer)
    except N.AnswerFormatError as exc:
        return Feedback(ex.id, "ongeldig", str(exc))


def _explanation(ex: Exercise, secret_source: str) -> str:
    """The explanation sealed with this right answer (empty when there is none)."""
    secret = explanation_secret(ex.id, secret_source, ex.salt)
    for blob in ex.explanations:
        text = unseal(blob, secret)
        if text is not None:
            return text
    return ""


def _right(ex: Exercise, normalised: str, message: str = "Je antwoord klopt.") -> Feedback:
    return Feedback(ex.id, "goed", message, explanation=_explanation(ex, normalised))


# ---------------------------------------------------------------- value and choice


def _one_value(ex: Exercise, answer: Any) -> Any:
    """A list of one is read as that one; two numbers from a Dutch decimal comma get the one change needed."""
    if not isinstance(answer, (list, tuple, set)):
        return answer
    if len(answer) == 1:
        return next(iter(answer))
    if (
        ex.value_type == "number"
        and isinstance(answer, tuple)
        and len(answer) == 2
        and all(isinstance(x, int) and not isinstance(x, bool) for x in answer)
        and answer[1] >= 0
    ):
        whole, fraction = answer
        raise N.AnswerFormatError(
            f"Python las je komma als twee getallen: {whole} en {fraction}. Een kommagetal schrijf je in Python "
            f"met een punt: {whole}.{fraction}"
        )
    raise N.AnswerFormatError("Hier hoort één antwoord, geen lijst. Kies het antwoord dat het best past.")


def _check_value(ex: Exercise, answer: Any, cell_source: str | None = None) -> Feedback:
    if ex.kind == "value" and ex.value_type in ("number", "date", "name", "text"):
        answer = _one_value(ex, answer)
    hedge = N.hedge_word(answer) if not isinstance(answer, (list, tuple, set)) else None
    if hedge:
        said = "een vraagteken" if hedge == "?" else f"“{hedge}”"
        return Feedback(
            ex.id,
            "ongeldig",
            f"Je schreef {said} in je antwoord. Schrijf alleen je antwoord zelf, zonder twijfel of ontkenning. "
            "Twijfel je? Vraag dan een hint.",
        )
    if ex.value_type == "number" and ex.kind == "value":
        refusal = _not_computed(ex, answer, cell_source)
        if refusal is not None:
            return refusal
        unit_problem = _unit_problem(ex, answer)
        if unit_problem is not None:
            return unit_problem
    normalised = normalise_answer(ex, answer)
    hashed = ex.hash(normalised)
    if hashed in ex.answers:
        right = _right(ex, normalised)
        slip = _weekday_slip(answer, normalised) if ex.value_type == "date" else ""
        return Feedback(ex.id, "goed", right.message, explanation=right.explanation, details=(slip,) if slip else ())
    if ex.kind == "value" and ex.value_type == "date" and len(normalised) == 7:
        return _month_only(ex, normalised)
    for m in ex.mistakes:
        if m.answer_hash == hashed:
            return Feedback(ex.id, "fout", "Dit antwoord klopt nog niet.", hint=m.hint)
    if ex.kind == "choice":
        return Feedback(ex.id, "fout", "Dit antwoord klopt nog niet.", hint=_ask_hint(ex))
    if ex.value_type in ("names", "letters"):
        return _check_items(ex, answer)
    if ex.value_type == "name":
        return _check_name(ex, answer, hashed)
    if ex.value_type == "date":
        return _check_date(ex, answer, normalised)
    if ex.value_type == "number":
        return _check_number(ex, answer)
    return Feedback(ex.id, "fout", "Dit antwoord klopt nog niet.", hint=_ask_hint(ex))


def _wrong(ex: Exercise, details: tuple[str, ...] = ()) -> Feedback:
    return Feedback(ex.id, "fout", "Dit antwoord klopt nog niet.", hint=_ask_hint(ex), details=details)


def _count_line(right: int, given: int, total: int, noun: tuple[str, str]) -> str:
    """ "1 van je 3 namen klopt; het goede antwoord heeft 2 namen." with singular and plural right."""
    one, many = noun
    if given == 1:
        head = f"Je {one} klopt" if right else f"Je {one} klopt niet"
    elif right == 0:
        head = f"Geen van je {given} {many} klopt"
    else:
        head = f"{right} van je {given} {many} {'klopt' if right == 1 else 'kloppen'}"
    return f"{head}; het goede antwoord heeft {meervoud(total, one, many)}."


def _check_items(ex: Exercise, answer: Any) -> Feedback:
    items = items_of(ex, answer)
    for m in ex.mistakes:
        if m.contains_hash and any(ex.hash(k) == m.contains_hash for k in items):
            return Feedback(ex.id, "fout", "Dit antwoord klopt nog niet.", hint=m.hint)
    noun = ("letter", "letters") if ex.value_type == "letters" else ("naam", "namen")
    unique = list(dict.fromkeys(items))
    right = [k for k in unique if ex.hash(k) in ex.item_hashes]
    details = [_count_line(len(right), len(unique), len(ex.item_hashes), noun)] if ex.item_hashes else []
    if ex.value_type == "names":
        written = {N.name_key(n): n for n in N.split_names(answer)}
        near = [written[k] for k in unique if k not in right and _near_name(ex, written[k], set(ex.item_hashes))]
        if near:
            details.append(
                f"Bijna goed: {', '.join(near)}. Kijk naar de spelling: vergelijk letter voor letter met het artikel."
            )
    return _wrong(ex, tuple(details))


def _near_name(ex: Exercise, written: str, targets: set[str]) -> str | None:
    """The hash in `targets` a misspelt name was meant to be ("Kim Yong-chul" for Kim Yong-chol), or None.

    A name the knowledge base knows as written is a real (other) person, not a spelling mistake.
    """
    plain = N._name_core(written)
    if not targets or not plain or N.name_key(written).startswith("kb:") or len(plain) > 40:
        return None
    candidates = N.spelling_candidates(written)
    for variant in N.one_edit_away(plain):
        kb_id = N.kb_id_of(variant)
        candidates.append(f"kb:{kb_id}" if kb_id else variant)
    return next((ex.hash(c) for c in candidates if ex.hash(c) in targets), None)


def _check_name(ex: Exercise, answer: str, hashed: str) -> Feedback:
    for m in ex.mistakes:
        if m.contains_hash == hashed:
            return Feedback(ex.id, "fout", "Dit antwoord klopt nog niet.", hint=m.hint)
    if _near_name(ex, answer, set(ex.answers)):
        return Feedback(
            ex.id,
            "fout",
            "Bijna: kijk naar de spelling.",
            hint="Vergelijk je antwoord letter voor letter met de naam zoals die in de tekst of de tabel staat.",
        )
    mistake_hashes = {m.answer_hash or m.contains_hash: m for m in ex.mistakes}
    meant = _near_name(ex, answer, {h for h in mistake_hashes if h is not None})
    if meant:
        return Feedback(
            ex.id, "fout", "Dit antwoord klopt nog niet (en let ook op de spelling).", hint=mistake_hashes[meant].hint
        )
    return _wrong(ex)


def _month_only(ex: Exercise, month: str) -> Feedback:
    hint = next((m.hint for m in ex.mistakes if m.answer_hash == ex.hash(month)), "") or "Zoek de precieze dag."
    if ex.hash("maand\x00" + month) in ex.month_hashes:
        return Feedback(ex.id, "fout", "Bijna: de maand klopt, maar je gaf geen dag.", hint=hint)
    return Feedback(ex.id, "fout", "Je gaf alleen een maand, en dat is niet de goede maand.", hint=hint)


def _check_date(ex: Exercise, answer: Any, normalised: str) -> Feedback:
    import datetime as dt

    given = dt.date.fromisoformat(normalised)
    slip = _weekday_slip(answer, normalised)
    details = [slip] if slip else []
    if ex.year and given.year != ex.year:
        try:
            same_day = given.replace(year=ex.year).isoformat()
        except ValueError:
            same_day = ""
        if same_day and ex.hash(same_day) in ex.answers:
            return Feedback(
                ex.id, "fout", "Bijna: dag en maand kloppen, maar kijk naar het jaar.", details=tuple(details)
            )
    if given.day <= 12:
        try:
            swapped = given.replace(month=given.day, day=given.month).isoformat()
        except ValueError:
            swapped = ""
        if swapped and ex.hash(swapped) in ex.answers:
            return Feedback(
                ex.id,
                "fout",
                "Bijna: heb je de dag en de maand omgedraaid?",
                hint='Schrijf eerst de dag, dan de maand: "25 april 2019", of jaar-maand-dag: "2019-04-25".',
                details=tuple(details),
            )
    if ex.hash("maand\x00" + normalised[:7]) in ex.month_hashes:
        details.append("De maand klopt; zoek de goede dag.")
    return _wrong(ex, tuple(details))


def _weekday_slip(answer: Any, normalised: str) -> str:
    """ "Let op: 30 mei 2018 was een woensdag, geen donderdag." when the weekday written does not fit the date."""
    from ..nl import datum_in_woorden, weekdag

    weekday = N.weekday_in(answer)
    if not weekday or len(normalised) != 10 or weekdag(normalised) == weekday:
        return ""
    return f"Let op: {datum_in_woorden(normalised)} was een {weekdag(normalised)}, geen {weekday}."


#: Factors a number can be off by when the unit is misread, with what to say.
_SCALE_SLIPS = (
    (1e-6, "Je getal is een miljoen keer te groot. Let op de eenheid van de vraag: {unit}."),
    (1e-3, "Je getal is duizend keer te groot. Let op de eenheid van de vraag: {unit}."),
    (1e-9, "Je getal is een miljard keer te groot. Let op de eenheid van de vraag: {unit}."),
    (100, "Je gaf een deel (zoals 0,9). De vraag vraagt procenten: reken keer 100."),
    (0.01, "Je getal is 100 keer te groot. Let op de eenheid van de vraag: {unit}."),
    (1e6, "Je getal is een miljoen keer te klein. Let op de eenheid van de vraag: {unit}."),
    (1e3, "Je getal is duizend keer te klein. Let op de eenheid van de vraag: {unit}."),
)


def _check_number(ex: Exercise, answer: Any) -> Feedback:
    parsed = N.parse_number(answer)
    _, unit_scale = N.unit_of(ex.unit)
    number = parsed.total / unit_scale if parsed.scale != 1 else parsed.value
    for factor, text in _SCALE_SLIPS:
        try:
            key = N.tidy_number(number * factor, ex.decimals)
        except N.AnswerFormatError:
            continue
        if ex.hash(key) in ex.answers:
            return Feedback(
                ex.id,
                "fout",
                "Bijna: je getal klopt, maar de eenheid niet.",
                hint=text.format(unit=ex.unit or "zie de vraag"),
            )
    return _wrong(ex)


def _unit_problem(ex: Exercise, answer: Any) -> Feedback | None:
    """ "81%" where the exercise asks for millions of dollars: the unit typed along says it is something else."""
    if not ex.unit or isinstance(answer, (int, float)) or not isinstance(answer, str):
        return None
    wanted, _ = N.unit_of(ex.unit)
    try:
        typed = N.parse_number(answer).units
    except N.AnswerFormatError:
        return None
    if wanted and typed and not typed & wanted:
        family = sorted(typed)[0]
        return Feedback(
            ex.id,
            "fout",
            "Dit antwoord klopt nog niet: je eenheid past niet bij de vraag.",
            hint=f"Je schreef {N.UNIT_NAMES[family]}, maar de vraag vraagt {ex.unit}.",
        )
    return None


def typed_over(source: str, exercise_id: str) -> bool:
    """True when, in this cell, the answer to `exercise_id` is a number typed in rather than computed by code.

    >>> typed_over('arbeiders = 50000\\ncheck("08.bug-duizendtallen", arbeiders)', "08.bug-duizendtallen")
    True
    >>> typed_over('arbeiders = int(tekst.replace(".", ""))\\ncheck("08.bug-duizendtallen", arbeiders)',
    ...            "08.bug-duizendtallen")
    False
    """
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError):
        return False
    for statement in reversed(tree.body):
        for node in ast.walk(statement):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "check"
                and len(node.args) >= 2
                and isinstance(node.args[0], ast.Constant)
                and node.args[0].value == exercise_id
            ):
                given: ast.expr | None = node.args[1]
                if isinstance(given, ast.Name):
                    given = _last_assignment(tree, statement, given.id)
                return given is not None and _only_literals(given)
    return False


def _last_assignment(tree: ast.Module, before: ast.stmt, name: str) -> ast.expr | None:
    value = None
    for statement in tree.body:
        if statement is before:
            break
        if isinstance(statement, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == name for t in statement.targets
        ):
            value = statement.value
    return value


def _only_literals(expression: ast.expr) -> bool:
    """True for 50000, 50_000, 5e4, 50 * 1000 or "50000": nothing computed from the data."""
    allowed = (ast.Constant, ast.BinOp, ast.UnaryOp, ast.operator, ast.unaryop, ast.Expression)
    return all(isinstance(node, allowed) for node in ast.walk(expression))


def _answer_name(source: str | None, exercise_id: str) -> str:
    """The variable the student gave to check ("arbeiders"), for a message; else "je antwoord"."""
    m = re.search(rf'check\(\s*["\']{re.escape(exercise_id)}["\']\s*,\s*([A-Za-z_]\w*)\s*\)', source or "")
    return m.group(1) if m else "je antwoord"


def _not_computed(ex: Exercise, answer: Any, source: str | None) -> Feedback | None:
    """For an exercise about computing a number with code: text is not yet a number; a typed number skips the task."""
    if not ex.computed:
        return None
    name = _answer_name(source, ex.id)
    if isinstance(answer, str):
        return Feedback(
            ex.id,
            "ongeldig",
            f"{name.capitalize() if name == 'je antwoord' else name} is nog tekst ({N.short_repr(answer, 30)}), "
            "geen getal. Maak er een getal van met int(...) of float(...).",
        )
    if source and typed_over(source, ex.id):
        return Feedback(
            ex.id,
            "fout",
            "Je typte het getal zelf in. De opdracht is: laat Python het uitrekenen.",
            hint="Gebruik de code van de opdracht en verbeter die, in plaats van de uitkomst over te typen.",
        )
    return None


# ---------------------------------------------------------------- evidence

_dossier = None


def _bundled_dossier():
    global _dossier
    if _dossier is None:
        from ..corpus import load_dossier

        _dossier = load_dossier()
    return _dossier


_PARAGRAPH_WORDS = frozenset("alinea alineas paragraaf paragrafen par al nummer nr".split())
_FILLERS = frozenset("in de het en of met".split())


def paragraph_numbers_in_text(text: str) -> list[int] | None:
    """The paragraph numbers a text names: "alinea 4", "4e alinea", "alinea's 4 en 5"; None for a quotation.

    >>> paragraph_numbers_in_text("4e alinea"), paragraph_numbers_in_text("in alinea 6"), paragraph_numbers_in_text("Ri zei")
    ([4], [6], None)
    """
    from ..nl import parse_number_word, parse_ordinal_word

    words = N.plain_text(text).split()
    numbers, marked = [], False
    for word in words:
        if word in _PARAGRAPH_WORDS:
            marked = True
        elif word in _FILLERS:
            continue
        elif m := re.fullmatch(r"(\d+)(e|de|ste)?", word):
            numbers.append(int(m.group(1)))
            marked = marked or bool(m.group(2))
        elif (value := parse_ordinal_word(word)) is not None:
            numbers.append(value)
            marked = True
        elif (value := parse_number_word(word)) is not None and marked:
            numbers.append(value)
        else:
            return None
    return numbers if numbers and (marked or all(w.isdigit() or w in _FILLERS for w in words)) else None


def _paragraph_indices(answer: Any, count: int) -> list[int] | None:
    """The paragraph numbers in an answer (int, "6", "alinea 6", Paragraph, or a list of them); None if it is text."""
    items = list(answer) if isinstance(answer, (list, tuple, set)) else [answer]
    result = []
    for item in items:
        if hasattr(item, "index") and hasattr(item, "start") and hasattr(item, "end"):
            item = item.index
        if isinstance(item, bool) or type(item).__name__ == "bool_":
            raise N.AnswerFormatError("Geef een alineanummer of een citaat, geen True/False.")
        if isinstance(item, str):
            named = paragraph_numbers_in_text(item) if len(item) < 60 else None
            if named is None:
                if len(items) == 1:
                    return None
                raise N.AnswerFormatError(
                    "Geef één citaat als tekst, of alineanummers (zoals 6 of [6, 7]), geen lijst."
                )
            result.extend(named)
            continue
        real = N._real(item)
        if real is None or not float(real).is_integer():
            raise N.AnswerFormatError(
                f"Geef alineanummers (zoals 6 of [6, 7]) of één citaat als tekst, geen {N.type_name(item)}."
            )
        result.append(int(real))
    for number in result:
        if not 0 <= number < count:
            raise N.AnswerFormatError(
                f"Alinea {number} bestaat niet: dit artikel heeft alinea 0 tot en met {count - 1}."
            )
    return sorted(set(result))


def _check_evidence(ex: Exercise, answer: Any) -> Feedback:
    if not isinstance(answer, (str, list, tuple, set)) and N._real(answer) is None and not hasattr(answer, "index"):
        raise N.AnswerFormatError(f"Geef een citaat (tekst) of een alineanummer, geen {N.type_name(answer)}.")
    art = _bundled_dossier()[ex.article]
    chosen = _paragraph_indices(answer, len(art.paragraphs))
    if chosen is None:
        return _check_quote(ex, art, answer)
    return _check_paragraphs(ex, chosen)


def _check_paragraphs(ex: Exercise, chosen: list[int]) -> Feedback:
    key = ex.evidence
    if not key.get("alinea_goed", True):
        return Feedback(
            ex.id,
            "ongeldig",
            "Geef bij deze opdracht de precieze woorden uit het artikel (een citaat tussen aanhalingstekens), "
            "geen alineanummer.",
        )
    right = [i for i in chosen if ex.hash(f"alinea\x00{i}") in key.get("alineas", [])]
    if right and len(right) == len(chosen):
        return Feedback(
            ex.id,
            "goed",
            "In die alinea staat het bewijs. Volgende stap: kopieer de precieze woorden die het bewijzen, "
            "dan is je bewijs nog sterker."
            if len(chosen) == 1
            else "In die alinea's staat bewijs. Volgende stap: kopieer de precieze woorden die het bewijzen.",
            explanation=_explanation(ex, f"alinea\x00{right[0]}"),
        )
    if right:
        return Feedback(
            ex.id,
            "fout",
            f"Je koos {len(chosen)} alinea’s; in {number_word(len(right))} daarvan staat bewijs, in de andere niet.",
            hint="Kies alleen de alinea die het echt bewijst.",
        )
    notes = {n["alinea"]: n["hint"] for n in key.get("fouten", []) if "alinea" in n}
    hint = next((notes[ex.hash(f"alinea\x00{i}")] for i in chosen if ex.hash(f"alinea\x00{i}") in notes), "")
    where = "die alinea" if len(chosen) == 1 else "die alinea’s"
    return Feedback(ex.id, "fout", f"In {where} staat het bewijs niet.", hint=hint or _nudge(ex))


def _nudge(ex: Exercise) -> str:
    """What to look for: the exercise's own nudge, else the way to a hint."""
    return ex.evidence.get("zoek") or _ask_hint(ex)


def _elsewhere(quote: str, number: str) -> str:
    """ ", maar wel in artikel 002" when the quote stands in another article of the dossier."""
    others = [a.number for a in _bundled_dossier() if a.number != number and find_quote(a.text, quote)]
    return f", maar wel in artikel {' en '.join(others)}" if others else ""


def _check_quote(ex: Exercise, art, answer: str) -> Feedback:
    from ..annotate.sentences import find_sentences

    words = clean_quote(answer).split()
    if len(words) < 3:
        return Feedback(
            ex.id,
            "ongeldig",
            "Een citaat als bewijs is minstens drie woorden lang. "
            "Kopieer een hele zin of een stuk van een zin uit het artikel (of geef het nummer van de alinea).",
        )
    where = find_quote(art.text, answer)
    if where is None:
        start = longest_found_start(art.text, answer)
        detail = (f'Het begin ("{start}") staat er wel; daarna wijken je woorden af van het artikel.',) if start else ()
        return Feedback(
            ex.id,
            "fout",
            f"Dit citaat staat niet in artikel {art.number}{_elsewhere(answer, art.number)}.",
            hint="Kopieer de woorden precies uit de tekst, zonder ze zelf te veranderen.",
            details=detail,
        )
    sentences = [s for s in find_sentences(art) if s.start < where[1] and where[0] < s.end]
    if not sentences:
        return Feedback(
            ex.id,
            "fout",
            "Dit staat in de kop van het bestand, niet in de tekst van het artikel.",
            hint="Kies woorden uit de alinea's van het artikel.",
        )
    if len(sentences) > MAX_QUOTE_SENTENCES:
        return Feedback(
            ex.id,
            "ongeldig",
            f"Je citaat is {len(sentences)} zinnen lang. Kies de ene zin (of het stuk van een zin) "
            "dat de bewering bewijst.",
        )
    supports: dict[str, list[list[int]]] = {}
    for z in ex.evidence.get("zinnen", []):
        supports.setdefault(z["zin"], []).append(z["kern"])
    close_miss = None
    for sentence in sentences:
        skey = sentence_key(sentence.text)
        for core in supports.get(ex.hash("zin\x00" + skey), []):
            core_start, core_end = sentence.start + core[0], sentence.start + core[1]
            if where[0] <= core_start and core_end <= where[1]:
                return Feedback(
                    ex.id,
                    "goed",
                    "Dit citaat staat in het artikel en bewijst de bewering.",
                    explanation=_explanation(ex, "zin\x00" + skey),
                )
            close_miss = sentence
    if close_miss is not None:
        return Feedback(
            ex.id,
            "fout",
            "Bijna: je zit in de goede zin, maar je citaat mist de woorden waar het om gaat.",
            hint="Neem een groter stuk van die zin over: welke woorden zeggen precies wat de bewering zegt?",
        )
    notes = {n.get("zin") or n.get("alinea"): n["hint"] for n in ex.evidence.get("fouten", [])}
    keys = [ex.hash("zin\x00" + sentence_key(s.text)) for s in sentences]
    keys += [ex.hash(f"alinea\x00{s.paragraph}") for s in sentences]  # a note on the whole paragraph
    hint = next((notes[k] for k in keys if k in notes), "")
    said = " ".join(s.text for s in sentences)
    which = "deze zin" if len(sentences) == 1 else "deze zinnen"
    return Feedback(
        ex.id,
        "fout",
        "Dit staat wel in het artikel, maar het bewijst de bewering niet.",
        hint=hint or _nudge(ex),
        details=(f"Je citaat komt uit {which}: “{said}” Lees goed wat er staat, en vergelijk met de bewering.",),
    )


# ---------------------------------------------------------------- annotation


def _student_items(answer: Any) -> list[tuple[str, str | None, str]]:
    """(name key, type or None, name as written) for each item the student marked."""
    if isinstance(answer, str):
        raw: list[Any] = N.split_names(answer)
    elif isinstance(answer, (list, tuple, set)):
        raw = list(answer)
    else:
        raise N.AnswerFormatError(
            f'Geef een lijst, bijvoorbeeld [("Trump", "persoon"), ("Hanoi", "plaats")], geen {N.type_name(answer)}.'
        )
    if (
        isinstance(answer, tuple)
        and len(answer) == 2
        and all(isinstance(x, str) for x in answer)
        and N.plain_text(answer[1]) in N._TYPE_WORDS
    ):
        raw = [answer]  # one (name, type) pair given without the surrounding list
    items, seen = [], set()
    for item in raw:
        if isinstance(item, str):
            name, kind = item, None
        elif isinstance(item, dict) and "name" in item:
            name, kind = item["name"], item.get("type")
        elif isinstance(item, (list, tuple)) and len(item) == 2:
            name, kind = item
        else:
            raise N.AnswerFormatError(f'{N.short_repr(item, 40)} kan ik niet lezen. Schrijf ("naam", "soort").')
        if not isinstance(name, str) or not name.strip():
            raise N.AnswerFormatError(f"Elke naam moet tekst zijn; {N.short_repr(name, 30)} is geen naam.")
        key = N.name_key(name)
        if key in seen:
            continue
        seen.add(key)
        items.append((key, N.entity_type(kind) if kind is not None else None, name.strip()))
    return items


def _count_by_type(types: list[str | None]) -> str:
    """ "1 persoon en 2 plaatsen" """
    words = {"PERSON": ("persoon", "personen"), "PLACE": ("plaats", "plaatsen"), "ORG": ("organisatie", "organisaties")}
    parts = []
    for t in ("PERSON", "PLACE", "ORG", "EVENT", None):
        n = sum(1 for x in types if x == t)
        if n:
            one, many = words.get(t or "", ("naam", "namen"))
            parts.append(meervoud(n, one, many))
    return " en ".join([", ".join(parts[:-1]), parts[-1]] if len(parts) > 1 else parts)


def _check_annotation(ex: Exercise, answer: Any) -> Feedback:
    key = ex.annotation
    items = _student_items(answer)
    expected = [(set(k["namen"]), k["soort"]) for k in key["items"]]

    def h(name_key: str) -> str:
        return ex.hash("naam\x00" + name_key)

    mistake_hints = {m["naam"]: m["hint"] for m in key.get("fouten", [])}
    matched: set[int] = set()
    right, extra, wrong_type = [], [], []
    for name_key, kind, written in items:
        hashed = h(name_key)
        hit = next((i for i, (keys, _) in enumerate(expected) if i not in matched and hashed in keys), None)
        if hit is None:
            extra.append((written, hashed))
            continue
        matched.add(hit)
        if kind and expected[hit][1] and kind != expected[hit][1]:
            wrong_type.append(f"{written} is een {N.TYPE_LABELS[expected[hit][1]]}, geen {N.TYPE_LABELS[kind]}")
        else:
            right.append(written)
    missed = [expected[i][1] for i in range(len(expected)) if i not in matched]
    if not missed and not extra and not wrong_type:
        explanation = reveal(key["uitleg"]) if key.get("uitleg") else ""
        found = "de naam" if len(expected) == 1 else f"alle {len(expected)} namen"
        return Feedback(ex.id, "goed", f"Je vond {found}, met de goede soort.", explanation=explanation, score=1.0)
    precision = len(right) / len(items) if items else 0.0
    recall = len(right) / len(expected)
    details = [f"Je vond {len(right)} van de {meervoud(len(expected), 'naam', 'namen')} helemaal goed (naam en soort)."]
    if missed:
        details.append(f"Je mist nog {_count_by_type(missed)}. Lees de alinea nog eens woord voor woord.")
    if extra:
        details.append("Deze horen er niet bij: " + ", ".join(w for w, _ in extra))
    if wrong_type:
        details.append("Verkeerde soort: " + "; ".join(wrong_type))
    score = round(2 * precision * recall / (precision + recall), 2) if precision + recall else 0.0
    hint = next((mistake_hints[k] for _, k in extra if k in mistake_hints), _ask_hint(ex))
    return Feedback(
        ex.id, "fout", "Bijna: vergelijk je lijst met de alinea.", hint=hint, details=tuple(details), score=score
    )


# ---------------------------------------------------------------- citations


def _check_citations(ex: Exercise, answer: Any) -> Feedback:
    from .citations import citation_report

    report = citation_report(answer, ex.min_words or 3)
    details = tuple(f"{'✓' if c.ok else '✗'} {c.number}. “{c.quote[:120]}” — {c.remark}" for c in report.citations)
    return Feedback(ex.id, report.status, report.message, details=details)


# ---------------------------------------------------------------- reflection

_SENTENCE_END = re.compile(r"[.!?…]+(?=\s|$)")


def _chosen_question(ex: Exercise, answer: Any) -> tuple[int, str] | None:
    """(number, question) when the answer picks one of the exercise's questions: 2, "2", "vraag 2", or its text."""
    choices = list(ex.choices)
    real = N._real(answer)
    text = N.plain_text(answer) if isinstance(answer, str) else ""
    if real is None and (m := re.fullmatch(r"(?:vraag\s*)?(?:nummer\s*|nr\s*)?(\d+)", text)):
        real = int(m.group(1))
    if real is not None:
        number = int(real)
        return (number, choices[number - 1]) if float(real).is_integer() and 1 <= number <= len(choices) else None
    import difflib

    plain = [N.plain_text(c) for c in choices]
    close = difflib.get_close_matches(text, plain, n=1, cutoff=0.85)
    return (plain.index(close[0]) + 1, choices[plain.index(close[0])]) if close else None


def _check_reflection(ex: Exercise, answer: Any) -> Feedback:
    if ex.choices:
        chosen = _chosen_question(ex, answer)
        if chosen:
            return Feedback(ex.id, "bewaard", f"Bewaard: je koos vraag {chosen[0]}: “{chosen[1]}”")
        if N._real(answer) is not None or (
            isinstance(answer, str) and re.fullmatch(r"(?:vraag\s*)?(?:nummer\s*|nr\s*)?\d+", N.plain_text(answer))
        ):
            return Feedback(
                ex.id,
                "ongeldig",
                f"Er zijn {len(ex.choices)} vragen in de tabel. Kies een nummer van 1 tot en met {len(ex.choices)}, "
                "of schrijf je eigen vraag tussen aanhalingstekens.",
            )
    if not isinstance(answer, str):
        raise N.AnswerFormatError(f"Schrijf je antwoord als tekst tussen aanhalingstekens, geen {N.type_name(answer)}.")
    details = []
    if len(answer) > MAX_REFLECTION_CHARS:
        details.append(f"Je tekst is erg lang; de eerste {MAX_REFLECTION_CHARS} tekens zijn bewaard.")
        answer = answer[:MAX_REFLECTION_CHARS]
    words = len(answer.split())
    sentences = len([s for s in _SENTENCE_END.split(answer.strip()) if s.strip()])
    message = f"Dank je! Je antwoord ({meervoud(words, 'woord', 'woorden')}) is bewaard voor je docent."
    if ex.choices:
        message = f"Bewaard: je eigen vraag ({meervoud(words, 'woord', 'woorden')}). Overleg er wel over met je docent."
    hint = ""
    if ex.min_sentences and sentences < ex.min_sentences:
        hint = f"Je mag nog wat meer schrijven: de opdracht vraagt {_sentences_asked(ex)}; je schreef er {sentences}."
    elif ex.max_sentences and sentences > ex.max_sentences:
        hint = f"Het mag korter: de opdracht vraagt {_sentences_asked(ex)}; je schreef er {sentences}."
    elif ex.min_words and words < ex.min_words:
        hint = f"Je mag nog wat meer schrijven: de opdracht vraagt minstens {ex.min_words} woorden."
    elif ex.max_words and words > ex.max_words:
        hint = f"Het mag korter: de opdracht vraagt hoogstens {ex.max_words} woorden; je schreef er {words}."
    if ex.choices and not answer.strip().endswith("?") and not hint:
        hint = "Een onderzoeksvraag eindigt met een vraagteken (?)."
    return Feedback(ex.id, "bewaard", message, hint=hint, details=tuple(details))


def _sentences_asked(ex: Exercise) -> str:
    """ "twee tot vier zinnen", "minstens twee zinnen"."""
    low, high = ex.min_sentences, ex.max_sentences
    if low and high:
        return f"{number_word(low)} tot {number_word(high)} zinnen"
    if low:
        return f"minstens {meervoud(low, 'zin', 'zinnen').replace(str(low), number_word(low), 1)}"
    return f"hoogstens {meervoud(high, 'zin', 'zinnen').replace(str(high), number_word(high), 1)}"


# ---------------------------------------------------------------- hints


def hint(exercise_id: Any = _MISSING) -> HintCard | Feedback:
    """The next hint for an exercise: a nudge first, more each time you ask (counted per kernel)."""
    ex = get_exercise(exercise_id) if exercise_id is not _MISSING else None
    if ex is None:
        if exercise_id is _MISSING:
            return Feedback("", "onbekend", 'Geef de naam van de opdracht: hint("01.bronnen-tellen").')
        return Feedback(
            exercise_id if isinstance(exercise_id, str) else "", "onbekend", unknown_id_message(exercise_id)
        )
    if not ex.hints:
        return HintCard(ex.id, "Voor deze opdracht zijn geen hints. Lees de vraag nog eens rustig.", 0, 0)
    # The level follows this kernel only, so a lesson run top to bottom always shows the same
    # hints (nbval compares them); the progress file keeps the highest level for the teacher.
    level = min(_kernel_hints.get(ex.id, 0) + 1, len(ex.hints))
    _kernel_hints[ex.id] = level
    if not ex.example:
        from .progress import record_hint

        record_hint(ex, level)
    return HintCard(ex.id, ex.hints[level - 1], level, len(ex.hints))


def reset_hints() -> None:
    """Forget the hint counts kept in this kernel (the progress file keeps its own)."""
    _kernel_hints.clear()
