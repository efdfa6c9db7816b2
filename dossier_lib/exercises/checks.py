"""`check(id, antwoord)` and `hint(id)`: what a student calls in a lesson.

Every path ends in a `Feedback` (or `HintCard`) with a Dutch message: an empty
answer, ``...``, None, a wrong type, a huge text or an unknown id never gives a
traceback. Each check is written to the progress file (see progress.py).
"""

from __future__ import annotations

from typing import Any

from . import normalize as N
from .feedback import Feedback, HintCard
from .keys import answer_hash, reveal
from .progress import ANSWER_LIMIT, REFLECTION_LIMIT, notify, record_check, record_hint
from .registry import Exercise, get_exercise, normalise_answer, unknown_id_message

#: Longest answer we read for a short-answer exercise; a reflection may be longer.
MAX_ANSWER_CHARS = 2_000
MAX_REFLECTION_CHARS = REFLECTION_LIMIT
_MISSING = object()
_kernel_hints: dict[str, int] = {}


def _ask_hint(ex: Exercise) -> str:
    return f'Kom je er niet uit? Vraag een hint met hint("{ex.id}").' if ex.hints else ""


def _empty_reason(answer: Any) -> str | None:
    """A Dutch reason when the answer is still empty, else None."""
    if answer is _MISSING or answer is Ellipsis:
        return "Nog niet beantwoord: vervang ... door je antwoord."
    if answer is None:
        return "Nog niet beantwoord: je antwoord is None (leeg). Vervang ... door je antwoord."
    if isinstance(answer, str) and (not answer.strip() or answer.strip() == "..."):
        return "Nog niet beantwoord: je antwoord is een lege tekst. Schrijf iets tussen de aanhalingstekens."
    if isinstance(answer, (list, tuple, set, dict)) and not answer:
        return "Nog niet beantwoord: je lijst is nog leeg. Zet je antwoorden tussen de haakjes."
    if isinstance(answer, (list, tuple)) and any(x is Ellipsis for x in answer):
        return "Nog niet af: er staat nog ... in je lijst. Vervang het door je antwoord."
    return None


def check(exercise_id: Any = _MISSING, antwoord: Any = _MISSING) -> Feedback:
    """Check an answer and say, in Dutch, whether it is right; shows as a box in Jupyter."""
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
        feedback = _check(ex, antwoord)
    except Exception:  # noqa: BLE001 - a student must never see our traceback
        feedback = Feedback(
            ex.id,
            "ongeldig",
            "Er ging iets mis bij het nakijken van dit antwoord. "
            "Controleer of je het goed hebt opgeschreven, of vraag je docent.",
        )
    _record(ex, feedback, antwoord)
    return feedback


def _record(ex: Exercise, feedback: Feedback, answer: Any) -> None:
    if answer is _MISSING:
        answer = ...
    reflection = (
        answer if (ex.kind == "reflection" and isinstance(answer, str) and feedback.status == "bewaard") else None
    )
    try:
        record_check(ex.id, feedback.status, N.short_repr(answer, ANSWER_LIMIT), reflection)
    except Exception:  # noqa: BLE001 - progress is a convenience, checking must go on
        notify("Je voortgang kon niet bewaard worden; je antwoorden worden wel gecontroleerd.")


def _check(ex: Exercise, answer: Any) -> Feedback:
    reason = _empty_reason(answer)
    if reason:
        return Feedback(ex.id, "leeg", reason)
    limit = MAX_REFLECTION_CHARS if ex.kind == "reflection" else MAX_ANSWER_CHARS
    if isinstance(answer, str) and len(answer) > limit and ex.kind != "reflection":
        return Feedback(
            ex.id,
            "ongeldig",
            f"Je antwoord is erg lang ({len(answer)} tekens). Schrijf alleen het antwoord zelf, kort.",
        )
    if callable(answer) and not isinstance(answer, type):
        return Feedback(
            ex.id,
            "ongeldig",
            "Je gaf een functie in plaats van een antwoord. "
            "Vergat je aanhalingstekens, of de haakjes () achter de functie?",
        )
    handler = {
        "value": _check_value,
        "choice": _check_value,
        "evidence": _check_evidence,
        "annotation": _check_annotation,
        "reflection": _check_reflection,
    }[ex.kind]
    try:
        return handler(ex, answer)
    except N.AnswerFormatError as exc:
        return Feedback(ex.id, "ongeldig", str(exc))


def _h(ex: Exercise, normalised: str) -> str:
    return answer_hash(ex.id, normalised, ex.salt)


def _check_value(ex: Exercise, answer: Any) -> Feedback:
    if (
        ex.kind == "value"
        and ex.value_type in ("number", "date", "name", "text")
        and isinstance(answer, (list, tuple, set))
    ):
        if len(answer) == 1:
            answer = next(iter(answer))
        else:
            return Feedback(
                ex.id, "ongeldig", "Hier hoort één antwoord, geen lijst. Kies het antwoord dat het best past."
            )
    normalised = normalise_answer(ex, answer)
    if _h(ex, normalised) in ex.answers:
        return Feedback(ex.id, "goed", "Je antwoord klopt.", explanation=ex.explanation)
    hashed = _h(ex, normalised)
    for m in ex.mistakes:
        if m.answer_hash == hashed:
            return Feedback(ex.id, "fout", "Dit antwoord klopt nog niet.", hint=m.hint)
    details: list[str] = []
    if ex.value_type == "names":
        items = [N.name_key(n) for n in N.split_names(answer)]
        for m in ex.mistakes:
            if m.contains_hash and any(_h(ex, k) == m.contains_hash for k in items):
                return Feedback(ex.id, "fout", "Dit antwoord klopt nog niet.", hint=m.hint)
        if ex.item_hashes:
            right = len({k for k in items if _h(ex, k) in ex.item_hashes})
            details.append(
                f"{right} van je {len(set(items))} namen kloppen; het goede antwoord heeft {len(ex.item_hashes)} namen."
            )
    elif ex.value_type == "name":
        for m in ex.mistakes:
            if m.contains_hash == hashed:
                return Feedback(ex.id, "fout", "Dit antwoord klopt nog niet.", hint=m.hint)
    if ex.kind == "value" and ex.value_type == "date" and len(normalised) == 7:
        return Feedback(ex.id, "fout", "Je gaf alleen een maand.", hint="Zoek de precieze dag.")
    return Feedback(ex.id, "fout", "Dit antwoord klopt nog niet.", hint=_ask_hint(ex), details=tuple(details))


# ---------------------------------------------------------------- evidence

_dossier = None


def _article(number: str):
    global _dossier
    if _dossier is None:
        from ..corpus import load_dossier

        _dossier = load_dossier()
    return _dossier[number]


def _fuzzy(text: str) -> tuple[str, list[int]]:
    """Text with quote marks made plain, whitespace single and lower case, plus a map back to offsets."""
    out: list[str] = []
    offsets: list[int] = []
    plain = text.translate(N._QUOTES)
    for i, c in enumerate(plain):
        if c.isspace():
            if out and out[-1] == " ":
                continue
            c = " "
        low = c.lower()
        out.append(low if len(low) == 1 else c)
        offsets.append(i)
    return "".join(out), offsets


def find_quote(article_text: str, quote: str) -> tuple[int, int] | None:
    """Where `quote` occurs in the article, tolerant of whitespace, quote marks and capitals."""
    needle, _ = _fuzzy(quote)
    needle = needle.strip(" \"'.,…").strip()
    if not needle:
        return None
    hay, offsets = _fuzzy(article_text)
    at = hay.find(needle)
    if at < 0:
        return None
    return offsets[at], offsets[at + len(needle) - 1] + 1


def _paragraph_indices(answer: Any, count: int) -> list[int] | None:
    """The paragraph numbers in an answer (int, "6", Paragraph, or a list of them); None if it is text."""
    items = list(answer) if isinstance(answer, (list, tuple, set)) else [answer]
    result = []
    for item in items:
        if hasattr(item, "index") and hasattr(item, "start") and hasattr(item, "end"):
            item = item.index
        if isinstance(item, bool):
            raise N.AnswerFormatError("Geef een alineanummer of een citaat, geen True/False.")
        if isinstance(item, str) and item.strip().isdigit():
            item = int(item.strip())
        if isinstance(item, float) and item.is_integer():
            item = int(item)
        if not isinstance(item, int):
            if len(items) == 1 and isinstance(item, str):
                return None
            raise N.AnswerFormatError("Geef alineanummers (zoals 6 of [6, 7]) of één citaat als tekst.")
        if not 0 <= item < count:
            raise N.AnswerFormatError(f"Alinea {item} bestaat niet: dit artikel heeft alinea 0 tot en met {count - 1}.")
        result.append(item)
    return sorted(set(result))


def _check_evidence(ex: Exercise, answer: Any) -> Feedback:
    if not isinstance(answer, (str, int, list, tuple, set)) and not hasattr(answer, "index"):
        raise N.AnswerFormatError(f"Geef een citaat (tekst) of een alineanummer, geen {N.type_name(answer)}.")
    art = _article(ex.article)
    key = reveal(ex.secret)
    spans = [(art.paragraphs[i].start, art.paragraphs[i].end) for i in key["paragraphs"]]
    spans += [s for s in (find_quote(art.text, q) for q in key["quotes"]) if s]
    key_paragraphs = {p.index for p in art.paragraphs if any(s < p.end and p.start < e for s, e in spans)}
    hint_for = {m["paragraph"]: m["hint"] for m in key.get("mistakes", [])}
    chosen = _paragraph_indices(answer, len(art.paragraphs))
    if chosen is None:  # a quotation
        words = len(answer.split())
        if words < 3:
            return Feedback(
                ex.id,
                "ongeldig",
                "Een citaat als bewijs is minstens drie woorden lang. "
                "Kopieer een hele zin of een stuk van een zin uit het artikel.",
            )
        where = find_quote(art.text, answer)
        if where is None:
            return Feedback(
                ex.id,
                "fout",
                f"Dit citaat staat niet in artikel {art.label}.",
                hint="Kopieer de woorden precies uit de tekst, zonder ze zelf te veranderen.",
            )
        if any(where[0] < e and s < where[1] for s, e in spans):
            return Feedback(
                ex.id, "goed", "Dit citaat staat in het artikel en ondersteunt de bewering.", explanation=ex.explanation
            )
        para = art.paragraph_at(where[0])
        hint = hint_for.get(para.index if para else -1, _ask_hint(ex))
        return Feedback(ex.id, "fout", "Dit staat wel in het artikel, maar het bewijst de bewering niet.", hint=hint)
    hits = [i for i in chosen if i in key_paragraphs]
    if hits and len(chosen) <= len(key_paragraphs) + 1:
        return Feedback(ex.id, "goed", "In die alinea staat het bewijs.", explanation=ex.explanation)
    if hits:
        return Feedback(
            ex.id,
            "fout",
            f"Je koos {len(chosen)} alinea's. Kies alleen de alinea's die het echt bewijzen.",
            hint=f"Het bewijs staat in {len(key_paragraphs)} alinea('s).",
        )
    hint = next((hint_for[i] for i in chosen if i in hint_for), _ask_hint(ex))
    return Feedback(ex.id, "fout", "In die alinea staat het bewijs niet.", hint=hint)


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


def _check_annotation(ex: Exercise, answer: Any) -> Feedback:
    key = reveal(ex.secret)
    items = _student_items(answer)
    expected = [
        ({N.name_key(k["name"]), *(N.name_key(a) for a in k["also"])}, k["type"], k["name"]) for k in key["items"]
    ]
    mistake_hints = {N.name_key(m["contains"]): m["hint"] for m in key.get("mistakes", [])}
    matched: set[int] = set()
    right, extra, wrong_type = [], [], []
    for name_key, kind, written in items:
        hit = next((i for i, (keys, _, _) in enumerate(expected) if i not in matched and name_key in keys), None)
        if hit is None:
            extra.append((written, name_key))
            continue
        matched.add(hit)
        if kind and expected[hit][1] and kind != expected[hit][1]:
            wrong_type.append(f"{written} is een {N.TYPE_LABELS[expected[hit][1]]}, geen {N.TYPE_LABELS[kind]}")
        else:
            right.append(written)
    missed = [expected[i][2] for i in range(len(expected)) if i not in matched]
    precision = len(right) / len(items) if items else 0.0
    recall = len(right) / len(expected)
    details = [
        f"Je vond {len(right)} van de {len(expected)} namen; {len(right)} van je {len(items)} namen kloppen helemaal."
    ]
    if missed:
        details.append("gemist: " + ", ".join(missed))
    if extra:
        details.append("te veel: " + ", ".join(w for w, _ in extra))
    if wrong_type:
        details.append("verkeerde soort: " + "; ".join(wrong_type))
    score = round(2 * precision * recall / (precision + recall), 2) if precision + recall else 0.0
    if not missed and not extra and not wrong_type:
        return Feedback(
            ex.id,
            "goed",
            f"Je vond alle {len(expected)} namen, met de goede soort.",
            explanation=ex.explanation,
            score=1.0,
        )
    hint = next((mistake_hints[k] for _, k in extra if k in mistake_hints), _ask_hint(ex))
    return Feedback(
        ex.id, "fout", "Bijna: vergelijk je lijst met de alinea.", hint=hint, details=tuple(details), score=score
    )


# ---------------------------------------------------------------- reflection


def _check_reflection(ex: Exercise, answer: Any) -> Feedback:
    if not isinstance(answer, str):
        raise N.AnswerFormatError(f"Schrijf je antwoord als tekst tussen aanhalingstekens, geen {N.type_name(answer)}.")
    details = []
    if len(answer) > MAX_REFLECTION_CHARS:
        details.append(f"Je tekst is erg lang; de eerste {MAX_REFLECTION_CHARS} tekens zijn bewaard.")
        answer = answer[:MAX_REFLECTION_CHARS]
    words = len(answer.split())
    message = f"Dank je! Je antwoord ({words} woorden) is bewaard voor je docent."
    hint = ""
    if ex.min_words and words < ex.min_words:
        hint = f"Je mag nog wat meer schrijven: de opdracht vraagt minstens {ex.min_words} woorden."
    return Feedback(ex.id, "bewaard", message, hint=hint, details=tuple(details))


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
    try:
        record_hint(ex.id, level)
    except Exception:  # noqa: BLE001
        pass
    return HintCard(ex.id, ex.hints[level - 1], level, len(ex.hints))


def reset_hints() -> None:
    """Forget the hint counts kept in this kernel (the progress file keeps its own)."""
    _kernel_hints.clear()
