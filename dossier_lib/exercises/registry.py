"""Exercises by id: read from `dossier_lib/data/answers.yaml`, or registered by a lesson.

Two forms of one exercise exist:

- the *teacher form* (readable, in `teacher/answers_teacher.yaml` or passed to
  `register_exercise`): the answers in plain text;
- the *public form* (in `dossier_lib/data/answers.yaml`, shipped with the library):
  the same exercise with value and choice answers as salted hashes, and evidence
  and annotation keys obfuscated. `compile_exercise` turns the first into the second.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import normalize as N
from .keys import DEFAULT_SALT, answer_hash, obfuscate, reveal

KINDS = ("value", "choice", "evidence", "annotation", "reflection")
VALUE_TYPES = ("number", "date", "name", "names", "text")
PUBLIC_FILE = Path(__file__).resolve().parent.parent / "data" / "answers.yaml"
ID_PATTERN = re.compile(r"\d\d\.[a-z0-9]+(?:-[a-z0-9]+)*")
LETTERS = "abcdefgh"


class ExerciseSpecError(ValueError):
    """An exercise in the YAML (or given to `register_exercise`) is not usable; Dutch message for the author."""


@dataclass(frozen=True)
class Mistake:
    """A predictable wrong answer (by hash) or a wrong item in a list, with a targeted hint."""

    hint: str
    answer_hash: str | None = None
    contains_hash: str | None = None


@dataclass(frozen=True)
class Exercise:
    """One exercise in public form: nothing in it shows the answer at a glance."""

    id: str
    kind: str
    question: str
    hints: tuple[str, ...] = ()
    explanation: str = ""
    value_type: str | None = None
    options: tuple[str, ...] = ()
    answers: tuple[str, ...] = ()
    item_hashes: tuple[str, ...] = ()
    mistakes: tuple[Mistake, ...] = ()
    article: str | None = None
    paragraph: int | None = None
    claim: str = ""
    secret: str | None = None
    min_words: int = 0
    salt: str = DEFAULT_SALT
    extra: dict = field(default_factory=dict, compare=False)

    @property
    def lesson(self) -> str:
        """The two-digit lesson number the id starts with: "06" for "06.hanoi-keuze"."""
        return self.id.split(".", 1)[0]

    @property
    def letters(self) -> str:
        return LETTERS[: len(self.options)]


def _normalise_value(value_type: str, value: Any) -> str:
    if value_type == "number":
        return N.number_key(value)
    if value_type == "date":
        return N.date_key(value)
    if value_type == "name":
        if not isinstance(value, str):
            raise N.AnswerFormatError(f"Hier hoort één naam als tekst, geen {N.type_name(value)}.")
        return N.name_key(value)
    if value_type == "names":
        return N.names_key(value)
    if not isinstance(value, str):
        raise N.AnswerFormatError(f"Hier hoort tekst, geen {N.type_name(value)}.")
    return N.plain_text(value)


def normalise_answer(exercise: Exercise, value: Any) -> str:
    """The canonical form of an answer to a value or choice exercise (raises AnswerFormatError)."""
    if exercise.kind == "choice":
        return N.choice_key(value, exercise.letters)
    return _normalise_value(exercise.value_type or "text", value)


def compile_exercise(spec: dict, salt: str = DEFAULT_SALT) -> dict:
    """Teacher form -> public form (a plain dict, ready for YAML)."""
    where = f"oefening {spec.get('id', '?')!r}"
    ex_id = spec.get("id")
    if not isinstance(ex_id, str) or not ID_PATTERN.fullmatch(ex_id):
        raise ExerciseSpecError(f"{where}: een id ziet eruit als '06.hanoi-keuze' (lesnummer, punt, kleine letters).")
    kind = spec.get("kind")
    if kind not in KINDS:
        raise ExerciseSpecError(f"{where}: 'kind' moet een van {', '.join(KINDS)} zijn, niet {kind!r}.")
    if not str(spec.get("question", "")).strip():
        raise ExerciseSpecError(f"{where}: de vraag ('question') ontbreekt.")
    out: dict[str, Any] = {
        "id": ex_id,
        "kind": kind,
        "question": str(spec["question"]).strip(),
        "hints": [str(h) for h in spec.get("hints", [])],
    }
    if str(spec.get("explanation", "")).strip():  # shown only when right, so it may give the answer away
        out["explanation"] = obfuscate(str(spec["explanation"]).strip())
    answers = spec.get("answers", [spec["answer"]] if "answer" in spec else [])
    probe = Exercise(
        id=ex_id,
        kind=kind,
        question="",
        value_type=spec.get("value_type", "text"),
        options=tuple(spec.get("options", ())),
        salt=salt,
    )
    try:
        if kind in ("value", "choice"):
            if kind == "value":
                if probe.value_type not in VALUE_TYPES:
                    raise ExerciseSpecError(f"{where}: 'value_type' moet een van {', '.join(VALUE_TYPES)} zijn.")
                out["value_type"] = probe.value_type
            else:
                if len(probe.options) < 2:
                    raise ExerciseSpecError(f"{where}: een meerkeuzevraag heeft minstens twee 'options'.")
                out["options"] = list(probe.options)
            if not answers:
                raise ExerciseSpecError(f"{where}: het goede antwoord ('answer') ontbreekt.")
            out["answers"] = sorted({answer_hash(ex_id, normalise_answer(probe, a), salt) for a in answers})
            if kind == "value" and probe.value_type == "names":
                out["item_hashes"] = sorted(
                    {answer_hash(ex_id, N.name_key(n), salt) for n in N.split_names(answers[0])}
                )
            mistakes = []
            for m in spec.get("mistakes", []):
                entry = {"hint": str(m["hint"])}
                if "answer" in m:
                    entry["answer_hash"] = answer_hash(ex_id, normalise_answer(probe, m["answer"]), salt)
                if "contains" in m:
                    entry["contains_hash"] = answer_hash(ex_id, N.name_key(str(m["contains"])), salt)
                mistakes.append(entry)
            out["mistakes"] = mistakes
        elif kind in ("evidence", "annotation"):
            if not spec.get("article"):
                raise ExerciseSpecError(f"{where}: geef het artikel ('article', bijvoorbeeld \"002\").")
            out["article"] = str(spec["article"])
            if kind == "evidence":
                out["claim"] = str(spec.get("claim", "")).strip()
                key = spec.get("key") or {}
                if not (key.get("paragraphs") or key.get("quotes")):
                    raise ExerciseSpecError(f"{where}: de sleutel heeft 'paragraphs' of 'quotes' nodig.")
                secret = {
                    "paragraphs": [int(p) for p in key.get("paragraphs", [])],
                    "quotes": [str(q) for q in key.get("quotes", [])],
                    "mistakes": [
                        {"paragraph": int(m["paragraph"]), "hint": str(m["hint"])} for m in spec.get("mistakes", [])
                    ],
                }
            else:
                if spec.get("paragraph") is None:
                    raise ExerciseSpecError(f"{where}: geef de alinea ('paragraph', een nummer).")
                out["paragraph"] = int(spec["paragraph"])
                items = [_annotation_item(i, where) for i in spec.get("key", [])]
                if not items:
                    raise ExerciseSpecError(f"{where}: de sleutel ('key') is leeg.")
                secret = {
                    "items": items,
                    "mistakes": [
                        {"contains": str(m["contains"]), "hint": str(m["hint"])} for m in spec.get("mistakes", [])
                    ],
                }
            out["secret"] = obfuscate(secret)
        else:
            out["min_words"] = int(spec.get("min_words", 0))
    except N.AnswerFormatError as exc:
        raise ExerciseSpecError(f"{where}: een antwoord in de sleutel is niet te lezen: {exc}") from None
    except (KeyError, TypeError, ValueError) as exc:
        raise ExerciseSpecError(f"{where}: niet goed opgebouwd ({exc}).") from None
    return out


def _annotation_item(item: Any, where: str) -> dict:
    if isinstance(item, dict):
        name, kind, also = item["name"], item.get("type"), item.get("also", [])
    elif isinstance(item, (list, tuple)) and len(item) == 2:
        (name, kind), also = item, []
    else:
        raise ExerciseSpecError(f"{where}: schrijf een sleutel-item als [naam, soort] of {{name: ..., type: ...}}.")
    return {"name": str(name), "type": N.entity_type(kind) if kind else None, "also": [str(a) for a in also]}


def exercise_from_public(data: dict, salt: str = DEFAULT_SALT) -> Exercise:
    """Public-form dict -> Exercise."""
    return Exercise(
        id=data["id"],
        kind=data["kind"],
        question=data["question"],
        hints=tuple(data.get("hints", ())),
        explanation=reveal(data["explanation"]) if data.get("explanation") else "",
        value_type=data.get("value_type"),
        options=tuple(data.get("options", ())),
        answers=tuple(data.get("answers", ())),
        item_hashes=tuple(data.get("item_hashes", ())),
        mistakes=tuple(
            Mistake(m["hint"], m.get("answer_hash"), m.get("contains_hash")) for m in data.get("mistakes", ())
        ),
        article=data.get("article"),
        paragraph=data.get("paragraph"),
        claim=data.get("claim", ""),
        secret=data.get("secret"),
        min_words=int(data.get("min_words", 0)),
        salt=salt,
    )


_REGISTERED: dict[str, Exercise] = {}
_LOADED: dict[str, Exercise] | None = None


def load_public_file(path: str | Path) -> list[Exercise]:
    """The exercises in a public-form YAML file (as written by `answer-key --build`)."""
    import yaml

    data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    salt = data.get("salt", DEFAULT_SALT)
    return [exercise_from_public(entry, salt) for entry in data.get("exercises", [])]


def _public() -> dict[str, Exercise]:
    global _LOADED
    if _LOADED is None:
        _LOADED = {ex.id: ex for ex in load_public_file(PUBLIC_FILE)} if PUBLIC_FILE.exists() else {}
    return _LOADED


def bundled_exercises() -> dict[str, Exercise]:
    """The exercises of `dossier_lib/data/answers.yaml` only (not the ones a lesson registered)."""
    return dict(_public())


def register_public_file(path: str | Path) -> list[str]:
    """Make the exercises of another public-form file known in this kernel (a lesson's extra key)."""
    ids = []
    for exercise in load_public_file(path):
        _REGISTERED[exercise.id] = exercise
        ids.append(exercise.id)
    return ids


def register_exercise(spec: dict) -> Exercise:
    """Add (or replace) an exercise for this kernel from its teacher form; lessons and tests use it."""
    exercise = exercise_from_public(compile_exercise(spec))
    _REGISTERED[exercise.id] = exercise
    return exercise


def all_exercises() -> dict[str, Exercise]:
    """Every known exercise by id, registered ones over the bundled ones, sorted by id."""
    merged = {**_public(), **_REGISTERED}
    return dict(sorted(merged.items()))


def get_exercise(exercise_id: Any) -> Exercise | None:
    """The exercise with this id, or None."""
    if not isinstance(exercise_id, str):
        return None
    return all_exercises().get(exercise_id.strip())


def unknown_id_message(exercise_id: Any) -> str:
    """A friendly Dutch message for an id that does not exist, with the nearest ids."""
    known = list(all_exercises())
    if not isinstance(exercise_id, str):
        return (
            f'De naam van de opdracht moet tekst zijn, zoals "{known[0] if known else "01.voorbeeld"}" '
            f"(met aanhalingstekens), niet {N.short_repr(exercise_id)}."
        )
    close = difflib.get_close_matches(exercise_id.strip(), known, n=3, cutoff=0.5)
    text = f"Er is geen opdracht {N.short_repr(exercise_id, 60)}."
    if close:
        return text + " Bedoel je " + " of ".join(f'"{c}"' for c in close) + "?"
    return text + " Kijk of je de naam precies zo hebt overgenomen als in de les."
