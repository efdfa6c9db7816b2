"""What a teacher looks at: plain rows (for CSV and HTML) and whole-text tables (for the notebook).

- `matrix_rows`: students × exercises: goed / fout / niet beantwoord, with hints used, and the cijfer;
- `exercise_rows`: per exercise the share right and the most common wrong answers (to discuss in class);
- `open_answer_rows`: per open question every student's whole answer;
- `skipped_rows`: files that were not counted, with the reason.
"""

from __future__ import annotations

from collections import Counter

from ..nl import meervoud
from .book import Gradebook, Result
from .grades import dutch_number
from .recheck import Checked

#: How many of the most common wrong answers to list per exercise.
COMMON_WRONG = 3


def cell_text(checked: Checked) -> str:
    """One matrix cell: the status, and the hints used when there were any."""
    text = checked.status
    if checked.task.kind == "reflection" and checked.status == "bewaard":
        text = f"bewaard ({meervoud(checked.words or 0, 'woord', 'woorden')})"
    if checked.hints:
        text += f" ({meervoud(checked.hints, 'hint', 'hints')})"
    return text


def score_text(result: Result) -> str:
    return f"{result.right} van {result.graded}"


def grade_text(result: Result) -> str:
    if result.grade is None:
        return "nog niet beoordeeld" if result.rubric else ""
    return dutch_number(result.grade)


def matrix_rows(book: Gradebook, lesson: str) -> list[dict]:
    """One row per student: name, one column per exercise ("Opdracht N"), goed, cijfer, date."""
    rows = []
    for result in book.results(lesson):
        row = {"leerling": result.student_name}
        for checked in result.checked:
            row[checked.task.label] = cell_text(checked)
        row["goed"] = score_text(result)
        if result.rubric:
            points = result.rubric_points
            row["rubric"] = "" if points is None else f"{points} van {result.rubric.maximum}"
        row["cijfer"] = grade_text(result)
        row["ingeleverd"] = f"{result.handin.date:%d-%m-%Y %H:%M}"
        rows.append(row)
    return rows


def _wrong_key(checked: Checked) -> str:
    return " ".join(checked.answer_text.split()).casefold()


def exercise_rows(book: Gradebook, lesson: str) -> list[dict]:
    """One row per exercise: how many right, wrong, unanswered; hints; the most common wrong answers."""
    results = book.results(lesson)
    rows = []
    for task in book.tasks(lesson):
        column = [c for r in results if (c := r.of(task.id)) is not None]
        counts = Counter(c.status for c in column)
        total = len(column)
        row: dict[str, str | int] = {
            "opdracht": task.label,
            "vraag": task.claim and f"{task.question} Bewering: {task.claim}" or task.question,
        }
        if task.graded:
            right = counts["goed"]
            share = f" ({round(100 * right / total)}%)" if total else ""
            row["goed"] = f"{right} van {total}{share}"
            row["fout"] = counts["fout"] + counts["ongeldig"]
            wrong = [c for c in column if c.status in ("fout", "ongeldig")]
            first_form: dict[str, str] = {}
            for c in wrong:
                first_form.setdefault(_wrong_key(c), c.answer_text)
            common = Counter(_wrong_key(c) for c in wrong).most_common(COMMON_WRONG)
            row["vaakst gegeven foute antwoorden"] = "; ".join(f"{first_form[k]} ({n}×)" for k, n in common)
        else:
            row["goed"] = f"{counts['bewaard']} van {total} geschreven (open vraag)"
            row["fout"] = ""
            row["vaakst gegeven foute antwoorden"] = ""
        row["niet beantwoord"] = counts["niet beantwoord"]
        row["hints"] = sum(c.hints for c in column)
        rows.append(row)
    return rows


def open_tasks(book: Gradebook, lesson: str):
    return [t for t in book.tasks(lesson) if not t.graded]


def open_answer_rows(book: Gradebook, lesson: str, task_id: str) -> list[dict]:
    """Every student's whole answer to one open question."""
    rows = []
    for result in book.results(lesson):
        checked = result.of(task_id)
        if checked is None:
            continue
        rows.append(
            {
                "leerling": result.student_name,
                "antwoord": checked.answer_text if checked.status == "bewaard" else "(niet beantwoord)",
                "woorden": checked.words or 0,
            }
        )
    return rows


def skipped_rows(book: Gradebook) -> list[dict]:
    """Files that do not count: damaged or foreign ones, and older hand-ins replaced by a newer one."""
    rows = [{"bestand": _relative(book, p.path), "waarom niet meegeteld": p.reason} for p in book.found.problems]
    rows += [
        {
            "bestand": _relative(book, r.older.path),
            "waarom niet meegeteld": (
                f"ouder dan {_relative(book, r.newer.path)} van dezelfde leerling voor les {r.newer.lesson}: "
                "alleen de nieuwste inlevering telt"
            ),
        }
        for r in book.found.replaced
    ]
    return rows


def _relative(book: Gradebook, path) -> str:
    try:
        return str(path.relative_to(book.folder))
    except ValueError:
        return str(path)


def overview_rows(book: Gradebook) -> list[dict]:
    """One row per student, one column per lesson: the cijfer (or what is missing)."""
    rows = []
    for student_id, name in book.students():
        row = {"leerling": name}
        for lesson in book.lessons:
            result = book.result(lesson, student_id)
            row[f"les {lesson}"] = "" if result is None else (grade_text(result) or score_text(result))
        rows.append(row)
    return rows
