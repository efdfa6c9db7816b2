"""`check(id, antwoord)` and `hint(id)`: what a student calls in a lesson; `grade_answer` for the teacher.

Every path ends in a `Feedback` (or `HintCard`) with a Dutch message: an empty
answer, ``...``, None, a wrong type, a huge text or an unknown id never gives a
traceback. `check` also remembers the answer in the student's progress (progress.py),
except for worked examples. `grade_answer` judges the same way and remembers nothing:
the gradebook re-checks every raw answer of a hand-in with it.

    >>> grade_answer("06.hanoi-keuze", "b").status
    'goed'
    >>> grade_answer("06.hanoi-keuze", "a").status
    'fout'
"""

from __future__ import annotations

from typing import Any

from ..nl import meervoud
from . import normalize as N
from .feedback import Feedback, HintCard
from .keys import reveal, unseal
from .quotes import clean_quote, find_quote, longest_found_start
from .registry import Exercise, explanation_secret, get_exercise, normalise_answer, sentence_key, unknown_id_message

#: Longest answer we read for a short-answer exercise; a reflection may be longer.
MAX_ANSWER_CHARS = 2_000
MAX_REFLECTION_CHARS = 10_000
#: A quotation that runs over more sentences than this is not a precise piece of evidence.
MAX_QUOTE_SENTENCES = 2
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


def grade_answer(exercise_id: Any, antwoord: Any = _MISSING) -> Feedback:
    """Judge one answer with the key, as `check` does, without showing or remembering anything."""
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
        return _check(ex, antwoord)
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
    feedback = grade_answer(exercise_id, antwoord)
    ex = get_exercise(exercise_id) if feedback.status != "onbekend" else None
    if ex is not None and not ex.example:
        from .progress import record_attempt

        record_attempt(ex, feedback, None if antwoord is _MISSING else antwoord)
    return feedback


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
            "Je gaf een functie in plaats van een antwoord. Vergat je aanhalingstekens, of de haakjes () achter de functie?",
        )
    handler = {
        "value": _check_value,
        "choice": _check_value,
        "evidence": _check_evidence,
        "annotation": _check_annotation,
        "citations": _check_citations,
        "reflection": _check_reflection,
    }[ex.kind]
    try:
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


# ---------------------------------------------------------------- value and choice


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
    hashed = ex.hash(normalised)
    if hashed in ex.answers:
        return Feedback(ex.id, "goed", "Je antwoord klopt.", explanation=_explanation(ex, normalised))
    for m in ex.mistakes:
        if m.answer_hash == hashed:
            return Feedback(ex.id, "fout", "Dit antwoord klopt nog niet.", hint=m.hint)
    details: list[str] = []
    if ex.value_type == "names":
        items = [N.name_key(n) for n in N.split_names(answer)]
        for m in ex.mistakes:
            if m.contains_hash and any(ex.hash(k) == m.contains_hash for k in items):
                return Feedback(ex.id, "fout", "Dit antwoord klopt nog niet.", hint=m.hint)
        if ex.item_hashes:
            right = len({k for k in items if ex.hash(k) in ex.item_hashes})
            given = len(set(items))
            details.append(
                f"Van je {meervoud(given, 'naam', 'namen')} {'klopt' if right == 1 else 'kloppen'} er {right}; "
                f"het goede antwoord heeft {meervoud(len(ex.item_hashes), 'naam', 'namen')}."
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


def _bundled_dossier():
    global _dossier
    if _dossier is None:
        from ..corpus import load_dossier

        _dossier = load_dossier()
    return _dossier


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
        if hasattr(item, "item") and not isinstance(item, (str, bytes)):  # numpy and pandas numbers
            try:
                item = item.item()
            except (TypeError, ValueError):
                pass
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
    wanted = int(key.get("aantal_alineas", 1))
    if right and len(chosen) <= wanted + 1:
        return Feedback(
            ex.id,
            "goed",
            "In die alinea staat het bewijs. Volgende stap: kopieer de precieze woorden die het bewijzen, "
            "dan is je bewijs nog sterker.",
            explanation=_explanation(ex, f"alinea\x00{right[0]}"),
        )
    if right:
        return Feedback(
            ex.id,
            "fout",
            f"Je koos {len(chosen)} alinea's. Kies alleen de alinea's die het echt bewijzen.",
            hint=f"Het bewijs staat in {meervoud(wanted, 'alinea', 'alinea’s')}.",
        )
    notes = {n["alinea"]: n["hint"] for n in key.get("fouten", []) if "alinea" in n}
    hint = next((notes[ex.hash(f"alinea\x00{i}")] for i in chosen if ex.hash(f"alinea\x00{i}") in notes), "")
    return Feedback(ex.id, "fout", "In die alinea staat het bewijs niet.", hint=hint or _nudge(ex))


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
    if len(sentences) > MAX_QUOTE_SENTENCES:
        return Feedback(
            ex.id,
            "ongeldig",
            f"Je citaat is {len(sentences)} zinnen lang. Kies de ene zin (of het stuk van een zin) "
            "dat de bewering bewijst.",
        )
    supports = {z["zin"]: z["kern"] for z in ex.evidence.get("zinnen", [])}
    close_miss = None
    for sentence in sentences:
        skey = sentence_key(sentence.text)
        core = supports.get(ex.hash("zin\x00" + skey))
        if core is None:
            continue
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
            "Je zit in de goede zin, maar je citaat mist de woorden waar het om gaat.",
            hint="Neem een groter stuk van die zin over: welke woorden zeggen precies wat de bewering zegt?",
        )
    notes = {n.get("zin") or n.get("alinea"): n["hint"] for n in ex.evidence.get("fouten", [])}
    keys = [ex.hash("zin\x00" + sentence_key(s.text)) for s in sentences]
    keys += [ex.hash(f"alinea\x00{s.paragraph}") for s in sentences]  # a note on the whole paragraph
    hint = next((notes[k] for k in keys if k in notes), "")
    said = " ".join(s.text for s in sentences)
    return Feedback(
        ex.id,
        "fout",
        "Dit staat wel in het artikel, maar het bewijst de bewering niet.",
        hint=hint or _nudge(ex),
        details=(f"Je citaat komt uit deze zin: “{said}” Lees goed wat die zin zegt, en vergelijk met de bewering.",),
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
        return Feedback(
            ex.id,
            "goed",
            f"Je vond alle {len(expected)} namen, met de goede soort.",
            explanation=explanation,
            score=1.0,
        )
    precision = len(right) / len(items) if items else 0.0
    recall = len(right) / len(expected)
    details = [
        f"Je vond {len(right)} van de {meervoud(len(expected), 'naam', 'namen')}. "
        f"Van je {meervoud(len(items), 'naam', 'namen')} {'klopt' if len(right) == 1 else 'kloppen'} "
        f"er {len(right)} helemaal."
    ]
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


def _check_reflection(ex: Exercise, answer: Any) -> Feedback:
    if not isinstance(answer, str):
        raise N.AnswerFormatError(f"Schrijf je antwoord als tekst tussen aanhalingstekens, geen {N.type_name(answer)}.")
    details = []
    if len(answer) > MAX_REFLECTION_CHARS:
        details.append(f"Je tekst is erg lang; de eerste {MAX_REFLECTION_CHARS} tekens zijn bewaard.")
        answer = answer[:MAX_REFLECTION_CHARS]
    words = len(answer.split())
    message = f"Dank je! Je antwoord ({meervoud(words, 'woord', 'woorden')}) is bewaard voor je docent."
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
    if not ex.example:
        from .progress import record_hint

        record_hint(ex, level)
    return HintCard(ex.id, ex.hints[level - 1], level, len(ex.hints))


def reset_hints() -> None:
    """Forget the hint counts kept in this kernel (the progress file keeps its own)."""
    _kernel_hints.clear()
