"""The right answers, in words a student reads, for feedback pages the teacher releases.

The package itself holds no readable answers (only hashes, and explanations sealed with
the right answer), so the released answers come from the teacher's readable key,
``teacher/sleutels/NN_*.yaml``, which exists only in the teacher's project folder.

    >>> right_answer_text({"kind": "choice", "options": ["Ja.", "Nee."], "answer": "b", "explanation": "Want."})
    'b) Nee. Want.'
    >>> right_answer_text({"kind": "value", "answers": ["5", "vijf"]})
    '5 (of: vijf).'
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from pathlib import Path

LETTERS = "abcdefgh"


def right_answer_text(spec: dict) -> str:
    """One exercise's right answer (teacher form) as one Dutch sentence or two, with its explanation."""
    from ..nl import datum_in_woorden

    kind = spec.get("kind")
    raw = spec.get("answers", [spec["answer"]] if "answer" in spec else [])
    answers = [datum_in_woorden(a) if isinstance(a, dt.date) else str(a) for a in raw]
    text = ""
    if kind == "choice" and answers:
        options = spec.get("options", [])
        parts = []
        for answer in answers:
            i = LETTERS.find(answer.strip().lower()[:1])
            parts.append(f"{answer}) {options[i]}" if 0 <= i < len(options) else answer)
        text = " of ".join(parts)
        text += "" if text.endswith((".", "?", "!")) else "."
    elif kind == "value" and answers:
        text = answers[0] + (f" (of: {', '.join(answers[1:])})." if answers[1:] else ".")
    elif kind == "evidence":
        supports = (spec.get("key") or {}).get("supports", [])
        if supports:
            quoted = " / ".join(f"“{s}”" for s in supports)
            text = f"Artikel {spec.get('article', '?')}: {quoted}."
    elif kind == "annotation":
        items = [f"{k['name']} ({k.get('type', '?')})" for k in spec.get("key", []) if isinstance(k, dict)]
        if items:
            text = "De namen in deze alinea: " + ", ".join(items) + "."
    explanation = str(spec.get("explanation", "")).strip()
    return " ".join(part for part in (text, explanation) if part)


@cache
def _teacher_specs(lesson: str, folder: Path | None) -> dict[str, dict]:
    from ..exercises.answer_key import load_teacher_key, teacher_key_files

    path = teacher_key_files(folder).get(lesson)
    if path is None:
        return {}
    return {spec["id"]: spec for spec in load_teacher_key(path)["opdrachten"] if isinstance(spec, dict)}


def released_answers(lesson: str, folder: Path | None = None) -> dict[str, str]:
    """{exercise id: right answer in words} for a lesson; empty without the teacher's key."""
    from ..paths import TEACHER_KEYS

    specs = _teacher_specs(lesson, folder or TEACHER_KEYS)
    return {ex_id: text for ex_id, spec in specs.items() if (text := right_answer_text(spec))}
