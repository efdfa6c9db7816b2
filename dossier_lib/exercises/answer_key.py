"""`python -m dossier_lib answer-key`: the teacher's answer key, and the build of the public key.

Where the answers live:

- ``teacher/answers_teacher.yaml`` (outside the package, so never in the wheel or in
  ``notebooks/leerling/``): every exercise with its answers in plain text. This is the source.
- ``dossier_lib/data/answers.yaml``: generated from it by ``answer-key --build``; value and
  choice answers as salted hashes, evidence and annotation keys obfuscated. The library
  checks answers with this file only.
- the teacher notebooks show the same answers in their ``### BEGIN SOLUTION`` regions;
  ``student-notebooks`` removes those.

Commands:
    answer-key [--lesson 06]      print the key, readable (needs the teacher file)
    answer-key --build            write dossier_lib/data/answers.yaml from the teacher file
    answer-key --check            exit 1 when dossier_lib/data/answers.yaml is out of date
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .keys import DEFAULT_SALT, reveal
from .progress import atomic_write_text
from .registry import PUBLIC_FILE, ExerciseSpecError, compile_exercise

TEACHER_FILE = Path(__file__).resolve().parent.parent.parent / "teacher" / "answers_teacher.yaml"
#: Lessons may keep extra exercises in their own teacher files; the printed key includes them.
LESSON_TEACHER_GLOB = "lessen/[0-9][0-9]_*.yaml"
_HEADER = (
    "# GEGENEREERD door `python -m dossier_lib answer-key --build` uit teacher/answers_teacher.yaml.\n"
    "# Niet met de hand aanpassen: pas het docentbestand aan en bouw opnieuw.\n"
    "# De antwoorden staan hier als gezouten SHA-256-hashes of verhuld (base64 + zlib):\n"
    "# dat houdt een vluchtige blik tegen, geen vastberaden leerling.\n"
)


def load_teacher_key(path: Path = TEACHER_FILE) -> dict:
    """The readable key: {'salt': ..., 'exercises': [teacher-form dicts]}."""
    import yaml

    if not path.exists():
        raise FileNotFoundError(
            f"Het docentbestand {path} ontbreekt. Het staat alleen in de volledige projectmap, "
            "niet in het pakket voor leerlingen."
        )
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    if not isinstance(data.get("exercises"), list):
        raise ExerciseSpecError(f"{path}: er staat geen lijst 'exercises' in.")
    return data


def build_public_text(teacher: dict) -> str:
    """The text of dossier_lib/data/answers.yaml for this teacher key (deterministic)."""
    import yaml

    salt = teacher.get("salt", DEFAULT_SALT)
    seen: set[str] = set()
    compiled = []
    for spec in teacher["exercises"]:
        entry = compile_exercise(spec, salt)
        if entry["id"] in seen:
            raise ExerciseSpecError(f"De opdracht {entry['id']!r} staat twee keer in het docentbestand.")
        seen.add(entry["id"])
        compiled.append(entry)
    compiled.sort(key=lambda e: e["id"])
    body = yaml.safe_dump({"salt": salt, "exercises": compiled}, allow_unicode=True, sort_keys=False, width=100)
    return _HEADER + body


def _format_answer(spec: dict) -> list[str]:
    kind = spec["kind"]
    lines = []
    if kind in ("value", "choice"):
        answers = spec.get("answers", [spec.get("answer")])
        if kind == "choice":
            letters = "abcdefgh"
            for letter, option in zip(letters, spec.get("options", [])):
                mark = "*" if letter in [str(a).lower() for a in answers] else " "
                lines.append(f"   {mark} {letter}) {option}")
        else:
            lines.append("   antwoord: " + " / ".join(str(a) for a in answers))
    elif kind == "evidence":
        lines.append(f"   bewering: {spec.get('claim', '')}")
        key = spec.get("key", {})
        lines.append(f"   bewijs: artikel {spec['article']}, alinea {', '.join(map(str, key.get('paragraphs', [])))}")
        lines += [f'   citaat: "{q}"' for q in key.get("quotes", [])]
    elif kind == "annotation":
        lines.append(f"   artikel {spec['article']}, alinea {spec['paragraph']}:")
        for item in spec.get("key", []):
            if isinstance(item, dict):
                also = f" (ook goed: {', '.join(item['also'])})" if item.get("also") else ""
                lines.append(f"     - {item['name']} ({item.get('type', '?')}){also}")
            else:
                lines.append(f"     - {item[0]} ({item[1]})")
    else:
        lines.append(f"   open vraag, niet nagekeken (minstens {spec.get('min_words', 0)} woorden)")
    for m in spec.get("mistakes", []):
        trigger = m.get("answer", m.get("contains", m.get("paragraph")))
        lines.append(f"   fout '{trigger}' -> tip: {m['hint']}")
    return lines


def format_key(teacher: dict, lesson: str | None = None) -> str:
    """The answer key as plain text, per exercise, optionally for one lesson."""
    out = []
    for spec in sorted(teacher["exercises"], key=lambda s: s["id"]):
        if lesson and not spec["id"].startswith(f"{lesson}."):
            continue
        out.append(f"{spec['id']}  [{spec['kind']}]  {spec['question']}")
        out += _format_answer(spec)
        out.append("")
    return "\n".join(out) if out else f"Geen opdrachten gevonden voor les {lesson}.\n"


def format_public_key(lesson: str | None = None) -> str:
    """Without the teacher file: what can be read back from the public key (not the hashed answers)."""
    from .registry import all_exercises

    out = [
        "Het docentbestand ontbreekt: hashes zijn niet terug te rekenen. Kijk in de docentversie van",
        "de les (### BEGIN SOLUTION) voor de waarde- en meerkeuzeantwoorden.",
        "",
    ]
    for ex in all_exercises().values():
        if lesson and ex.lesson != lesson:
            continue
        out.append(f"{ex.id}  [{ex.kind}]  {ex.question}")
        if ex.secret:
            out.append(f"   sleutel: {reveal(ex.secret)}")
        out.append("")
    return "\n".join(out)


def _lesson_teacher_specs(teacher: dict) -> list[dict]:
    """Exercises from teacher/lessen/NN_*.yaml that the main teacher file does not have."""
    import yaml

    known = {spec.get("id") for spec in teacher["exercises"]}
    extra = []
    for path in sorted(TEACHER_FILE.parent.glob(LESSON_TEACHER_GLOB)):
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        except (OSError, yaml.YAMLError):
            print(f"Let op: {path.name} kon niet gelezen worden en is overgeslagen.", file=sys.stderr)
            continue
        extra += [s for s in data.get("exercises", []) if isinstance(s, dict) and s.get("id") not in known]
    return extra


def answer_key_main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m dossier_lib answer-key", description="De antwoordsleutel (voor de docent)."
    )
    parser.add_argument("--lesson", "--les", help="alleen deze les, bijvoorbeeld 06")
    parser.add_argument("--build", action="store_true", help="schrijf dossier_lib/data/answers.yaml opnieuw")
    parser.add_argument("--check", action="store_true", help="controleer of answers.yaml bij het docentbestand past")
    parser.add_argument("--teacher-file", type=Path, default=TEACHER_FILE, help=argparse.SUPPRESS)
    parser.add_argument("--public-file", type=Path, default=PUBLIC_FILE, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    lesson = f"{int(args.lesson):02d}" if args.lesson and args.lesson.isdigit() else args.lesson
    try:
        if args.build or args.check:
            text = build_public_text(load_teacher_key(args.teacher_file))
            current = args.public_file.read_text(encoding="utf-8") if args.public_file.exists() else None
            if args.check:
                if current != text:
                    print(
                        f"{args.public_file.name} is verouderd: voer 'python -m dossier_lib answer-key --build' uit.",
                        file=sys.stderr,
                    )
                    return 1
                print(f"{args.public_file.name} is bijgewerkt.")
                return 0
            if current != text:
                atomic_write_text(args.public_file, text)
            print(f"{args.public_file} geschreven.")
            return 0
        try:
            teacher = load_teacher_key(args.teacher_file)
        except FileNotFoundError as exc:
            print(exc, file=sys.stderr)
            print(format_public_key(lesson))
            return 0
        if args.teacher_file == TEACHER_FILE:
            teacher = {**teacher, "exercises": list(teacher["exercises"]) + _lesson_teacher_specs(teacher)}
        print(format_key(teacher, lesson))
        return 0
    except (ExerciseSpecError, ValueError) as exc:
        print(f"Fout: {exc}", file=sys.stderr)
        return 1
