"""`python -m dossier_lib answer-key`: the teacher's readable key, and the build of the keys the package ships.

One source per lesson, one generated file per lesson, one build command:

- ``teacher/sleutels/NN_name.yaml`` (in the teacher's project folder only: never in the package,
  a wheel or a student release): the exercises of lesson NN in lesson order, answers readable;
- ``dossier_lib/data/sleutels/NN.yaml``: generated from it by ``answer-key --build``, holding only
  hashes and sealed explanations (see registry.py and keys.py). The checks read only these.

Commands (Dutch output, for the teacher):
    answer-key [--les 06]      print the key, readable, as "Opdracht N" (needs teacher/sleutels/)
    answer-key --build         write every dossier_lib/data/sleutels/NN.yaml from teacher/sleutels/
    answer-key --check         exit 1 when a generated key is out of date
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..paths import PUBLIC_KEYS, TEACHER_KEYS
from .keys import DEFAULT_SALT
from .progress import atomic_write_text
from .registry import LETTERS, ExerciseSpecError, compile_exercise

_HEADER = (
    "# GEGENEREERD door `python -m dossier_lib answer-key --build` uit teacher/sleutels/{source}.\n"
    "# Niet met de hand aanpassen: pas het docentbestand aan en bouw opnieuw.\n"
    "# Hier staan geen leesbare antwoorden: alleen gezouten SHA-256-hashes, en uitleg die pas met het\n"
    "# goede antwoord te lezen is. Dat houdt een vluchtige blik tegen, geen vastberaden leerling.\n"
)
MISSING_TEACHER_KEYS = (
    "De leesbare antwoordsleutel staat alleen in de projectmap van de docent (teacher/sleutels/). "
    "Dit pakket heeft alleen sleutels zonder leesbare antwoorden. Voer deze opdracht uit in de projectmap."
)


def teacher_key_files(folder: Path | None = TEACHER_KEYS) -> dict[str, Path]:
    """The readable key of every lesson: {"06": teacher/sleutels/06_hanoi.yaml, ...}."""
    if folder is None or not folder.is_dir():
        return {}
    return {p.name[:2]: p for p in sorted(folder.glob("[0-9][0-9]_*.yaml"))}


def load_teacher_key(path: Path) -> dict:
    """One readable key: {'les': '06', 'salt': ..., 'opdrachten': [teacher-form dicts in lesson order]}."""
    from ..data import YamlFileError, read_yaml

    try:
        data = read_yaml(path, "deze antwoordsleutel") or {}
    except YamlFileError as exc:
        raise ExerciseSpecError(str(exc)) from None
    if not isinstance(data.get("opdrachten"), list):
        raise ExerciseSpecError(f"{path.name}: er staat geen lijst 'opdrachten' in.")
    lesson = str(data.get("les", path.name[:2]))
    for spec in data["opdrachten"]:
        if not isinstance(spec, dict) or not str(spec.get("id", "")).startswith(f"{lesson}."):
            raise ExerciseSpecError(f"{path.name}: elke opdracht hoort bij les {lesson} (id begint met '{lesson}.').")
    return {**data, "les": lesson}


def build_public_text(teacher: dict, source: str = "") -> str:
    """The text of dossier_lib/data/sleutels/NN.yaml for one lesson's teacher key (deterministic)."""
    import yaml

    salt = teacher.get("salt", DEFAULT_SALT)
    seen: set[str] = set()
    compiled = []
    for position, spec in enumerate(teacher["opdrachten"], start=1):
        entry = compile_exercise(spec, salt, position)
        if entry["id"] in seen:
            raise ExerciseSpecError(f"De opdracht {entry['id']!r} staat twee keer in {source or 'het docentbestand'}.")
        seen.add(entry["id"])
        compiled.append(entry)
    body = yaml.safe_dump(
        {"les": teacher["les"], "salt": salt, "opdrachten": compiled}, allow_unicode=True, sort_keys=False, width=100
    )
    return _HEADER.format(source=source) + body


def public_texts(folder: Path | None = TEACHER_KEYS) -> dict[Path, str]:
    """Every generated key file and its fresh text."""
    return {
        PUBLIC_KEYS / f"{lesson}.yaml": build_public_text(load_teacher_key(path), path.name)
        for lesson, path in teacher_key_files(folder).items()
    }


def stale_keys(folder: Path | None = TEACHER_KEYS) -> list[str]:
    """The lessons whose generated key differs from what the teacher key gives (empty: all fresh)."""
    stale = []
    for path, text in public_texts(folder).items():
        current = path.read_text(encoding="utf-8") if path.exists() else None
        if current != text:
            stale.append(path.stem)
    return stale


def _format_answer(spec: dict) -> list[str]:
    kind = spec["kind"]
    lines = []
    if kind in ("value", "choice"):
        answers = spec.get("answers", [spec.get("answer")])
        if kind == "choice":
            for letter, option in zip(LETTERS, spec.get("options", [])):
                mark = "*" if letter in [str(a).lower() for a in answers] else " "
                lines.append(f"   {mark} {letter}) {option}")
        else:
            lines.append("   antwoord: " + " / ".join(str(a) for a in answers))
            extras = [
                f"jaar {spec['year']}" if spec.get("year") else "",
                f"eenheid: {spec['unit']}" if spec.get("unit") else "",
                f"afgerond op {spec['round']} decimalen" if spec.get("round") is not None else "",
                "moet met code uitgerekend zijn" if spec.get("computed") else "",
            ]
            if any(extras):
                lines.append("   (" + "; ".join(e for e in extras if e) + ")")
    elif kind == "evidence":
        lines.append(f"   bewering: {spec.get('claim', '')}")
        key = spec.get("key", {})
        lines.append(f"   bewijs in artikel {spec['article']} (de woorden die het dragen tussen [ ]):")
        lines += [f"     {_support_line(spec['article'], item)}" for item in key.get("supports", [])]
        if key.get("paragraph_ok", True):
            lines.append("     (het nummer van de alinea met deze woorden is ook goed)")
        if spec.get("nudge"):
            lines.append(f"   zoek: {spec['nudge']}")
    elif kind == "annotation":
        lines.append(f"   artikel {spec['article']}, alinea {spec['paragraph']}:")
        for item in spec.get("key", []):
            also = f" (ook goed: {', '.join(item['also'])})" if item.get("also") else ""
            lines.append(f"     - {item['name']} ({item.get('type', '?')}){also}")
    else:
        words = spec.get("min_words", 0)
        lines.append("   open vraag, niet automatisch nagekeken" + (f" (minstens {words} woorden)" if words else ""))
        for criterion in spec.get("criteria", []):
            lines.append(f"     let op: {criterion}")
    for m in spec.get("mistakes", []):
        trigger = m.get("answer", m.get("contains", m.get("quote", m.get("paragraph"))))
        where = "alinea " if "paragraph" in m else ""
        lines.append(f"   fout '{where}{trigger}' -> tip: {m['hint']}")
    if spec.get("explanation"):
        lines.append(f"   uitleg: {spec['explanation']}")
    return lines


def _support_line(article_number: str, item) -> str:
    """A supporting sentence with its key words in [ ]: "„Ze wilden dat [alle sancties] zouden ...", zei hij."."""
    from ..annotate.sentences import find_sentences
    from ..corpus import load_dossier
    from .quotes import find_quote

    words = item["words"] if isinstance(item, dict) else str(item)
    within = item.get("in", "") if isinstance(item, dict) else ""
    article = load_dossier()[article_number]
    anchor = find_quote(article.text, within) if within else None
    offset = anchor[0] if anchor else 0
    span = find_quote(article.text[offset:], words)
    if span is None:
        return f'"{words}" (niet gevonden)'
    start, end = offset + span[0], offset + span[1]
    sentence = next((x for x in find_sentences(article) if x.start <= start < x.end), None)
    if sentence is None:
        return f'"{words}"'
    text = article.text
    line = f"{text[sentence.start : start]}[{text[start:end]}]{text[end : sentence.end]} (alinea {sentence.paragraph})"
    own = item.get("explanation") if isinstance(item, dict) else ""
    return line + (f"\n       eigen uitleg: {own}" if own else "")


def _label(spec: dict) -> str:
    if spec.get("voorbeeld"):
        return "Voorbeeld"
    if spec.get("opdracht"):
        return f"Opdracht {spec['opdracht']}" + (" (extra)" if spec.get("extra") else "")
    return "Even nadenken"


def format_key(teacher: dict) -> str:
    """One lesson's key as plain text, in lesson order, labelled as in the lesson."""
    out = [f"Les {teacher['les']}", ""]
    for spec in teacher["opdrachten"]:
        out.append(f"{_label(spec)}  ({spec['id']}, {spec['kind']})")
        out.append(f"   vraag: {spec['question']}")
        out += _format_answer(spec)
        out.append("")
    return "\n".join(out)


def answer_key_main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m dossier_lib answer-key", description="De antwoordsleutel (voor de docent)."
    )
    parser.add_argument("--les", "--lesson", dest="lesson", help="alleen deze les, bijvoorbeeld 06")
    parser.add_argument("--build", action="store_true", help="schrijf dossier_lib/data/sleutels/ opnieuw")
    parser.add_argument("--check", action="store_true", help="controleer of de sleutels van het pakket vers zijn")
    args = parser.parse_args(argv)
    lesson = f"{int(args.lesson):02d}" if args.lesson and args.lesson.strip().isdigit() else args.lesson
    files = teacher_key_files()
    if not files:
        print(MISSING_TEACHER_KEYS, file=sys.stderr)
        return 2
    try:
        if args.check:
            stale = stale_keys()
            for name in stale:
                print(f"De sleutel van les {name} is verouderd: voer 'python -m dossier_lib answer-key --build' uit.")
            if not stale:
                print(f"Alle {len(files)} sleutels van het pakket zijn vers.")
            return 1 if stale else 0
        if args.build:
            for path, text in public_texts().items():
                current = path.read_text(encoding="utf-8") if path.exists() else None
                if current != text:
                    atomic_write_text(path, text)
                    print(f"{path.name} geschreven.")
            print(f"Klaar: {len(files)} lessen.")
            return 0
        chosen = [lesson] if lesson else sorted(files)
        unknown = [n for n in chosen if n not in files]
        if unknown:
            print(f"Les {unknown[0]} heeft geen sleutel. Kies uit: {', '.join(sorted(files))}.", file=sys.stderr)
            return 2
        print("\n".join(format_key(load_teacher_key(files[n])) for n in chosen))
        return 0
    except ExerciseSpecError as exc:
        print(f"Fout: {exc}", file=sys.stderr)
        return 1
