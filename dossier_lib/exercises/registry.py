"""Exercises by id, from one generated key per lesson (``dossier_lib/data/sleutels/NN.yaml``).

Two forms of one exercise exist:

- the *teacher form*: readable, in ``teacher/sleutels/NN_name.yaml`` (only in the teacher's
  project folder, never in the package or a student release), in lesson order;
- the *public form*: what the package ships, made by `compile_exercise`. It holds only what
  a check needs: salted hashes of the right answers, hashes of the sentences that prove a
  claim, and the explanations *sealed* with the right answer (see keys.py).

Every lesson's key is loaded on first use, so `get_exercise("06.hanoi-keuze")` works in any
kernel without registering anything. Tests may add an exercise with `register_exercise`.

    >>> get_exercise("06.hanoi-keuze").label
    'Opdracht 2'
    >>> [ex.id for ex in lesson_exercises("06")][:2]
    ['06.bewijs-trump', '06.hanoi-keuze']
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..paths import PUBLIC_KEYS
from . import normalize as N
from .keys import DEFAULT_SALT, answer_hash, obfuscate, seal

KINDS = ("value", "choice", "evidence", "annotation", "citations", "reflection")
VALUE_TYPES = ("number", "date", "name", "names", "letters", "text")
ID_PATTERN = re.compile(r"\d\d\.[a-z0-9]+(?:-[a-z0-9]+)*")
LETTERS = "abcdefgh"


class ExerciseSpecError(ValueError):
    """An exercise in a teacher key (or given to `register_exercise`) is not usable; Dutch message for the author."""


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
    number: int | None = None
    example: bool = False
    #: in an "Extra" part of the lesson: may stay empty, and never counts in a score or cijfer
    extra: bool = False
    position: int = 0
    hints: tuple[str, ...] = ()
    value_type: str | None = None
    options: tuple[str, ...] = ()
    answers: tuple[str, ...] = ()
    item_hashes: tuple[str, ...] = ()
    mistakes: tuple[Mistake, ...] = ()
    explanations: tuple[str, ...] = ()
    article: str | None = None
    paragraph: int | None = None
    claim: str = ""
    evidence: dict = field(default_factory=dict, compare=False)
    annotation: dict = field(default_factory=dict, compare=False)
    min_words: int = 0
    salt: str = DEFAULT_SALT
    #: value exercises: the year the context fixes (dates), the unit and rounding (numbers),
    #: whether the number must be computed by code, the letters to choose from (letters)
    year: int | None = None
    unit: str = ""
    decimals: int | None = None
    computed: bool = False
    letter_set: str = ""
    month_hashes: tuple[str, ...] = ()
    #: reflections: questions to choose from, and limits the lesson states
    choices: tuple[str, ...] = ()
    min_sentences: int = 0
    max_sentences: int = 0
    max_words: int = 0

    @property
    def lesson(self) -> str:
        """The two-digit lesson number the id starts with: "06" for "06.hanoi-keuze"."""
        return self.id.split(".", 1)[0]

    @property
    def letters(self) -> str:
        """The letters a student may choose: a) b) c) ... for a choice, or the key's letters ("abcde")."""
        return self.letter_set or LETTERS[: len(self.options)]

    @property
    def label(self) -> str:
        """How the lesson names it: "Opdracht 3", "Voorbeeld" or "Even nadenken"."""
        if self.example:
            return "Voorbeeld"
        if self.number is not None:
            return f"Opdracht {self.number}" + (" (extra)" if self.extra else "")
        return "Even nadenken" if self.kind == "reflection" else self.id

    @property
    def graded(self) -> bool:
        """True when the computer can say right or wrong (not for reflections and worked examples)."""
        return not self.example and self.kind != "reflection"

    @property
    def counts(self) -> bool:
        """True when the exercise counts in a student's score and cijfer: graded and not an Extra part."""
        return self.graded and not self.extra

    def hash(self, normalised: str) -> str:
        """The salted hash of a normalised answer to this exercise."""
        return answer_hash(self.id, normalised, self.salt)


# ---------------------------------------------------------------- normalising answers


def _normalise_value(exercise: Exercise, value: Any) -> str:
    value_type = exercise.value_type or "text"
    if value_type == "number":
        parsed = N.parse_number(value)
        _, unit_scale = N.unit_of(exercise.unit)
        number = parsed.total / unit_scale if parsed.scale != 1 else parsed.value
        return N.tidy_number(number, exercise.decimals)
    if value_type == "date":
        return N.date_key(value, exercise.year)
    if value_type == "name":
        if not isinstance(value, str):
            raise N.AnswerFormatError(f"Hier hoort één naam als tekst, geen {N.type_name(value)}.")
        return N.name_key(value)
    if value_type == "names":
        return N.names_key(value)
    if value_type == "letters":
        return N.letters_key(value, exercise.letters)
    if not isinstance(value, str):
        if N._real(value) is not None:
            raise N.AnswerFormatError('Hier hoort tekst: zet aanhalingstekens om je antwoord, bijvoorbeeld "003".')
        raise N.AnswerFormatError(f"Hier hoort tekst, geen {N.type_name(value)}.")
    return N.plain_text(value)


def normalise_answer(exercise: Exercise, value: Any) -> str:
    """The canonical form of an answer to a value or choice exercise (raises AnswerFormatError)."""
    if exercise.kind == "choice":
        return N.choice_key(value, exercise.letters)
    return _normalise_value(exercise, value)


def item_key(exercise: Exercise, item: str) -> str:
    """The canonical form of one item of a list answer: a name, or a letter."""
    if exercise.value_type == "letters":
        return N.plain_text(item)
    return N.name_key(item)


def items_of(exercise: Exercise, value: Any) -> list[str]:
    """The items of a list answer ("names" or "letters"), each in canonical form."""
    if exercise.value_type == "letters":
        return N.split_letters(value, exercise.letters)
    return [N.name_key(n) for n in N.split_names(value)]


def explanation_secret(exercise_id: str, normalised: str, salt: str = DEFAULT_SALT) -> str:
    """The secret an explanation is sealed with: derived from the right (normalised) answer."""
    return answer_hash(exercise_id, "uitleg\x00" + normalised, salt)


def sentence_key(text: str) -> str:
    """A sentence in the form its hash is taken of: plain quotes, single spaces, lower case."""
    return N.quote_text(text).lower()


# ---------------------------------------------------------------- teacher form -> public form


def compile_exercise(spec: dict, salt: str = DEFAULT_SALT, position: int = 0) -> dict:
    """Teacher form -> public form (a plain dict, ready for YAML)."""
    where = f"opdracht {spec.get('id', '?')!r}"
    ex_id = spec.get("id")
    if not isinstance(ex_id, str) or not ID_PATTERN.fullmatch(ex_id):
        raise ExerciseSpecError(f"{where}: een id ziet eruit als '06.hanoi-keuze' (lesnummer, punt, kleine letters).")
    kind = spec.get("kind")
    if kind not in KINDS:
        raise ExerciseSpecError(f"{where}: 'kind' moet een van {', '.join(KINDS)} zijn, niet {kind!r}.")
    if not str(spec.get("question", "")).strip():
        raise ExerciseSpecError(f"{where}: de vraag ('question') ontbreekt.")
    number = spec.get("opdracht")
    if number is not None and (isinstance(number, bool) or not isinstance(number, int) or number < 1):
        raise ExerciseSpecError(f"{where}: 'opdracht' is het nummer van de opdracht in de les, zoals 3.")
    out: dict[str, Any] = {
        "id": ex_id,
        "kind": kind,
        "opdracht": number,
        "voorbeeld": bool(spec.get("voorbeeld", False)),
        "extra": bool(spec.get("extra", False)),
        "positie": position,
        "question": str(spec["question"]).strip(),
        "hints": [str(h) for h in spec.get("hints", [])],
    }
    explanation = str(spec.get("explanation", "") or "").strip()
    try:
        if kind in ("value", "choice"):
            out.update(_compile_value(spec, ex_id, kind, salt, explanation, where))
        elif kind == "evidence":
            out.update(_compile_evidence(spec, ex_id, salt, explanation, where))
        elif kind == "annotation":
            out.update(_compile_annotation(spec, explanation, where))
        elif kind == "citations":
            out["min_words"] = int(spec.get("min_citations", 3))  # for citations: how many must be real
        else:
            out.update(_compile_reflection(spec, where))
    except N.AnswerFormatError as exc:
        raise ExerciseSpecError(f"{where}: een antwoord in de sleutel is niet te lezen: {exc}") from None
    except (KeyError, TypeError, ValueError) as exc:
        if isinstance(exc, ExerciseSpecError):
            raise
        raise ExerciseSpecError(f"{where}: niet goed opgebouwd ({exc}).") from None
    return out


def _compile_value(spec: dict, ex_id: str, kind: str, salt: str, explanation: str, where: str) -> dict:
    answers = spec.get("answers", [spec["answer"]] if "answer" in spec else [])
    value_type = spec.get("value_type", "text")
    letters = str(spec.get("letters", "")).strip().lower()
    probe = Exercise(
        id=ex_id,
        kind=kind,
        question="",
        value_type=value_type,
        options=tuple(spec.get("options", ())),
        salt=salt,
        year=int(spec["year"]) if spec.get("year") else None,
        unit=str(spec.get("unit", "") or ""),
        decimals=int(spec["round"]) if spec.get("round") is not None else None,
        letter_set=letters,
    )
    out: dict[str, Any] = {}
    if kind == "value":
        if probe.value_type not in VALUE_TYPES:
            raise ExerciseSpecError(f"{where}: 'value_type' moet een van {', '.join(VALUE_TYPES)} zijn.")
        out["value_type"] = probe.value_type
        if value_type == "letters" and not re.fullmatch(r"[a-h]{2,8}", letters):
            raise ExerciseSpecError(f"{where}: geef bij value_type letters ook 'letters', bijvoorbeeld ABCDE.")
        extra = {
            "year": probe.year,
            "unit": probe.unit,
            "decimals": probe.decimals,
            "computed": bool(spec.get("computed", False)),
            "letters": letters,
        }
        out.update({k: v for k, v in extra.items() if v is not None and v != "" and v is not False})
    else:
        if len(probe.options) < 2:
            raise ExerciseSpecError(f"{where}: een meerkeuzevraag heeft minstens twee 'options'.")
        out["options"] = list(probe.options)
    if not answers:
        raise ExerciseSpecError(f"{where}: het goede antwoord ('answer') ontbreekt.")
    normalised = sorted({normalise_answer(probe, a) for a in answers})
    out["answers"] = sorted(probe.hash(n) for n in normalised)
    if explanation:
        out["explanations"] = [seal(explanation, explanation_secret(ex_id, n, salt)) for n in normalised]
    if kind == "value" and probe.value_type in ("names", "letters"):
        out["item_hashes"] = sorted({probe.hash(k) for k in items_of(probe, answers[0])})
    if kind == "value" and probe.value_type == "date":
        months = {n[:7] for n in normalised if len(n) == 10}
        out["month_hashes"] = sorted(probe.hash("maand\x00" + m) for m in months)
    mistakes = []
    for m in spec.get("mistakes", []):
        entry = {"hint": str(m["hint"])}
        if "answer" in m:
            entry["answer_hash"] = probe.hash(normalise_answer(probe, m["answer"]))
        if "contains" in m:
            entry["contains_hash"] = probe.hash(item_key(probe, str(m["contains"])))
        mistakes.append(entry)
    out["mistakes"] = mistakes
    return out


def _bundled_article(number: str):
    from ..corpus import load_dossier

    return load_dossier()[number]


def _compile_evidence(spec: dict, ex_id: str, salt: str, explanation: str, where: str) -> dict:
    from ..annotate.sentences import find_sentences
    from .quotes import find_quote

    if not spec.get("article"):
        raise ExerciseSpecError(f"{where}: geef het artikel ('article', bijvoorbeeld \"002\").")
    article = _bundled_article(str(spec["article"]))
    sentences = find_sentences(article)
    key = spec.get("key") or {}
    supports = [_support(s, where) for s in key.get("supports", [])]
    if not supports:
        raise ExerciseSpecError(f"{where}: de sleutel heeft 'supports' nodig: de woorden die de bewering bewijzen.")

    def h(text: str) -> str:
        return answer_hash(ex_id, text, salt)

    support_entries, paragraphs, explanations, sealed = [], set(), [], set()
    for words, own_explanation, within in supports:
        span = _support_span(article, sentences, words, within, where)
        sentence = next((s for s in sentences if s.start <= span[0] < s.end), None)
        if sentence is None or span[1] > sentence.end:
            raise ExerciseSpecError(f"{where}: {words!r} loopt over meer dan één zin; kies woorden uit één zin.")
        skey = sentence_key(sentence.text)
        support_entries.append(
            {"zin": h("zin\x00" + skey), "kern": [span[0] - sentence.start, span[1] - sentence.start]}
        )
        paragraphs.add(sentence.paragraph)
        text = own_explanation or explanation
        if text and skey not in sealed:
            sealed.add(skey)
            explanations.append(seal(text, explanation_secret(ex_id, "zin\x00" + skey, salt)))
    allow_paragraph = bool(key.get("paragraph_ok", True))
    paragraph_explanation = explanation or supports[0][1]
    for p in sorted(paragraphs) if allow_paragraph and paragraph_explanation else ():
        explanations.append(seal(paragraph_explanation, explanation_secret(ex_id, f"alinea\x00{p}", salt)))
    notes = []
    support_sentences = {e["zin"] for e in support_entries}
    for m in spec.get("mistakes", []):
        if "quote" in m:
            found = find_quote(article.text, str(m["quote"]))
            sentence = next((s for s in sentences if found and s.start <= found[0] < s.end), None)
            if sentence is None:
                raise ExerciseSpecError(f"{where}: de fout-zin {m['quote']!r} staat niet in artikel {article.number}.")
            if h("zin\x00" + sentence_key(sentence.text)) in support_sentences:
                raise ExerciseSpecError(f"{where}: de fout-zin {m['quote']!r} is ook een zin uit 'supports'.")
            notes.append({"zin": h("zin\x00" + sentence_key(sentence.text)), "hint": str(m["hint"])})
        elif "paragraph" in m:
            notes.append({"alinea": h(f"alinea\x00{int(m['paragraph'])}"), "hint": str(m["hint"])})
        else:
            raise ExerciseSpecError(f"{where}: een fout bij bewijs heeft 'quote' of 'paragraph' nodig.")
    evidence = {
        "zinnen": support_entries,
        "alinea_goed": allow_paragraph,
        "alineas": sorted(h(f"alinea\x00{p}") for p in paragraphs) if allow_paragraph else [],
        "fouten": notes,
        "zoek": str(spec.get("nudge", "") or "").strip(),
    }
    return {
        "article": article.number,
        "claim": str(spec.get("claim", "")).strip(),
        "evidence": evidence,
        "explanations": explanations,
    }


def _support(item: Any, where: str) -> tuple[str, str, str]:
    """One entry of `supports`: the words, an explanation of its own (or ""), the sentence they are in (or "")."""
    if isinstance(item, dict) and item.get("words"):
        return (
            str(item["words"]),
            str(item.get("explanation", "") or "").strip(),
            str(item.get("in", "") or "").strip(),
        )
    if isinstance(item, str) and item.strip():
        return item, "", ""
    raise ExerciseSpecError(f"{where}: elk stuk in 'supports' is tekst, of {{words: ..., in: ..., explanation: ...}}.")


def _support_span(article, sentences, words: str, within: str, where: str) -> tuple[int, int]:
    """Where the supporting words stand: inside the sentence `within` names, or the one place they occur."""
    from .quotes import find_quote

    if within:
        outer = find_quote(article.text, within)
        if outer is None:
            raise ExerciseSpecError(f"{where}: {within!r} staat niet letterlijk in artikel {article.number}.")
        inner = find_quote(article.text[outer[0] : outer[1]], words)
        if inner is None:
            raise ExerciseSpecError(f"{where}: {words!r} staat niet in {within!r}.")
        return outer[0] + inner[0], outer[0] + inner[1]
    span = find_quote(article.text, words)
    if span is None:
        raise ExerciseSpecError(f"{where}: {words!r} staat niet letterlijk in artikel {article.number}.")
    again = find_quote(article.text[span[1] :], words)
    if again is not None:
        raise ExerciseSpecError(
            f"{where}: {words!r} staat vaker in artikel {article.number}; zeg met 'in:' in welke zin."
        )
    return span


def _compile_reflection(spec: dict, where: str) -> dict:
    out: dict[str, Any] = {"min_words": int(spec.get("min_words", 0))}
    for limit in ("max_words", "min_sentences", "max_sentences"):
        if spec.get(limit):
            out[limit] = int(spec[limit])
    source = spec.get("choices_from")
    if source:
        out["choices"] = _choices_from(str(source), where)
    return out


def _choices_from(source: str, where: str) -> list[str]:
    """The questions a reflection lets a student choose: "eindopdracht.VRAGEN" in dossier_lib/lessons."""
    import importlib

    module_name, _, attribute = source.rpartition(".")
    try:
        module = importlib.import_module(f"dossier_lib.lessons.{module_name}")
        items = getattr(module, attribute)
    except (ImportError, AttributeError):
        raise ExerciseSpecError(f"{where}: 'choices_from: {source}' bestaat niet in dossier_lib/lessons.") from None
    return [str(item[0] if isinstance(item, (tuple, list)) else item) for item in items]


def _compile_annotation(spec: dict, explanation: str, where: str) -> dict:
    if not spec.get("article"):
        raise ExerciseSpecError(f"{where}: geef het artikel ('article', bijvoorbeeld \"003\").")
    if spec.get("paragraph") is None:
        raise ExerciseSpecError(f"{where}: geef de alinea ('paragraph', een nummer).")
    ex_id = spec["id"]
    items = [_annotation_item(i, where) for i in spec.get("key", [])]
    if not items:
        raise ExerciseSpecError(f"{where}: de sleutel ('key') is leeg.")

    def h(name: str) -> str:
        return answer_hash(ex_id, "naam\x00" + N.name_key(name))

    annotation = {
        "items": [{"namen": sorted({h(n) for n in [i["name"], *i["also"]]}), "soort": i["type"]} for i in items],
        "fouten": [{"naam": h(str(m["contains"])), "hint": str(m["hint"])} for m in spec.get("mistakes", [])],
        # No right answer can lock this explanation (names may be written many ways): only veiled.
        "uitleg": obfuscate(explanation) if explanation else "",
    }
    return {"article": str(spec["article"]), "paragraph": int(spec["paragraph"]), "annotation": annotation}


def _annotation_item(item: Any, where: str) -> dict:
    if isinstance(item, dict):
        name, kind, also = item["name"], item.get("type"), item.get("also", [])
    elif isinstance(item, (list, tuple)) and len(item) == 2:
        (name, kind), also = item, []
    else:
        raise ExerciseSpecError(f"{where}: schrijf een sleutel-item als {{name: ..., type: ...}}.")
    return {"name": str(name), "type": N.entity_type(kind) if kind else None, "also": [str(a) for a in also]}


def exercise_from_public(data: dict, salt: str = DEFAULT_SALT) -> Exercise:
    """Public-form dict -> Exercise."""
    return Exercise(
        id=data["id"],
        kind=data["kind"],
        question=data["question"],
        number=data.get("opdracht"),
        example=bool(data.get("voorbeeld", False)),
        extra=bool(data.get("extra", False)),
        position=int(data.get("positie", 0)),
        hints=tuple(data.get("hints", ())),
        value_type=data.get("value_type"),
        options=tuple(data.get("options", ())),
        answers=tuple(data.get("answers", ())),
        item_hashes=tuple(data.get("item_hashes", ())),
        mistakes=tuple(
            Mistake(m["hint"], m.get("answer_hash"), m.get("contains_hash")) for m in data.get("mistakes", ())
        ),
        explanations=tuple(data.get("explanations", ())),
        article=data.get("article"),
        paragraph=data.get("paragraph"),
        claim=data.get("claim", ""),
        evidence=dict(data.get("evidence", {})),
        annotation=dict(data.get("annotation", {})),
        min_words=int(data.get("min_words", 0)),
        salt=salt,
        year=data.get("year"),
        unit=data.get("unit", ""),
        decimals=data.get("decimals"),
        computed=bool(data.get("computed", False)),
        letter_set=data.get("letters", ""),
        month_hashes=tuple(data.get("month_hashes", ())),
        choices=tuple(data.get("choices", ())),
        min_sentences=int(data.get("min_sentences", 0)),
        max_sentences=int(data.get("max_sentences", 0)),
        max_words=int(data.get("max_words", 0)),
    )


# ---------------------------------------------------------------- the registry

_REGISTERED: dict[str, Exercise] = {}
_LOADED: dict[str, Exercise] | None = None


def public_key_file(lesson: str) -> Path:
    """Where the generated key of one lesson lives: dossier_lib/data/sleutels/NN.yaml."""
    return PUBLIC_KEYS / f"{lesson}.yaml"


def load_public_file(path: str | Path) -> list[Exercise]:
    """The exercises in one generated key file, in lesson order."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C loader is ~10x faster when present
    data = yaml.load(Path(path).read_text(encoding="utf-8"), Loader=loader) or {}
    salt = data.get("salt", DEFAULT_SALT)
    return [exercise_from_public(entry, salt) for entry in data.get("opdrachten", [])]


def _public() -> dict[str, Exercise]:
    global _LOADED
    if _LOADED is None:
        loaded: dict[str, Exercise] = {}
        for path in sorted(PUBLIC_KEYS.glob("[0-9][0-9].yaml")):
            loaded.update((ex.id, ex) for ex in load_public_file(path))
        _LOADED = loaded
    return _LOADED


def register_exercise(spec: dict) -> Exercise:
    """Add (or replace) an exercise in this kernel from its teacher form (tests and teachers' own exercises)."""
    exercise = exercise_from_public(compile_exercise(spec, position=len(_REGISTERED) + 1000))
    _REGISTERED[exercise.id] = exercise
    return exercise


def all_exercises() -> dict[str, Exercise]:
    """Every known exercise by id (registered ones over the shipped ones), in lesson order."""
    merged = {**_public(), **_REGISTERED}
    return dict(sorted(merged.items(), key=lambda item: (item[1].lesson, item[1].position, item[0])))


def lesson_exercises(lesson: str | int, include_examples: bool = False) -> list[Exercise]:
    """The exercises of one lesson in lesson order; worked examples only when asked for."""
    number = f"{int(lesson):02d}" if str(lesson).strip().isdigit() else str(lesson)
    return [ex for ex in all_exercises().values() if ex.lesson == number and (include_examples or not ex.example)]


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
            f'De naam van de opdracht moet tekst zijn, zoals "{known[0] if known else "01.bronnen-tellen"}" '
            f"(met aanhalingstekens), niet {N.short_repr(exercise_id)}."
        )
    wanted = exercise_id.strip()
    same_lesson = [k for k in known if k[:3] == wanted[:3]] or known
    close = difflib.get_close_matches(wanted, same_lesson, n=2, cutoff=0.6)
    if close and difflib.SequenceMatcher(None, wanted, close[0]).ratio() > 0.9:
        close = close[:1]  # one obvious typo: name only that one
    text = f"Er is geen opdracht {N.short_repr(exercise_id, 60)}."
    if close:
        return text + " Bedoel je " + " of ".join(f'"{c}"' for c in close) + "?"
    return text + " Kijk of je de naam precies zo hebt overgenomen als in de les."
