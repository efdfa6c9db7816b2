"""Files the gradebook writes: the CSV for Magister/SOMtoday, the class report, feedback for each student.

CSV (`write_csv`): one row per student; per lesson one column per exercise (goed / fout /
niet beantwoord / ongeldig / bewaard), the number right and the cijfer. Separated by
semicolons, UTF-8 with a byte-order mark, the cijfer with a decimal comma ("7,4"), lines
ending in CRLF: the form Excel, Magister and SOMtoday read in a Dutch setting. The first
column, ``leerlingnummer``, is the student's id (on a school hub: the login name).

HTML (`class_report_html`, `feedback_html`): self-contained pages (inline CSS, no
scripts, no links out); every piece of student text is escaped.
"""

from __future__ import annotations

import csv
import datetime as dt
import html
import io
from pathlib import Path

from .. import palette
from ..nl import meervoud
from .book import Gradebook, Result
from .grades import dutch_number
from .views import exercise_rows, matrix_rows, open_answer_rows, open_tasks, skipped_rows

_CSS = (
    f"body{{font-family:system-ui,sans-serif;max-width:70em;margin:2em auto;padding:0 1em;color:{palette.TEXT};"
    "line-height:1.45}h1{font-size:1.5em}h2{font-size:1.25em;margin-top:1.6em}h3{font-size:1.05em}"
    "table{border-collapse:collapse;margin:.5em 0 1em}td,th{border:1px solid #ccc;padding:4px 8px;"
    "text-align:left;vertical-align:top;white-space:normal}th{background:#f0f0f0}"
    ".antwoord{white-space:pre-wrap}.klein{color:#555;font-size:.9em}"
)
_STATUS_CLASS = {"goed": "goed", "fout": "fout", "ongeldig": "ongeldig", "bewaard": "bewaard"}


def _status_css() -> str:
    return "".join(
        f".{name}{{border-left:5px solid {palette.STATUS_COLORS[name][0]};background:{palette.STATUS_COLORS[name][1]}}}"
        for name in _STATUS_CLASS
    )


# ------------------------------------------------------------------------ CSV


def csv_rows(book: Gradebook, lessons: list[str] | None = None) -> list[list[str]]:
    """The CSV as rows (header first): one row per student, columns per lesson's exercises and cijfer."""
    lessons = lessons or book.lessons
    header = ["leerlingnummer", "naam"]
    for lesson in lessons:
        header += [f"les {lesson} {t.label.lower()}" for t in book.tasks(lesson)]
        header += [f"les {lesson} goed", f"les {lesson} cijfer"]
    by_lesson = {lesson: {r.student_id: r for r in book.results(lesson)} for lesson in lessons}
    rows = [header]
    for student_id, name in book.students():
        if not any(student_id in by_lesson[lesson] for lesson in lessons):
            continue
        row = [student_id, name]
        for lesson in lessons:
            result = by_lesson[lesson].get(student_id)
            tasks = book.tasks(lesson)
            if result is None:
                row += ["niet ingeleverd"] * len(tasks) + ["", ""]
                continue
            row += [c.status for c in result.checked]
            row += [str(result.right), dutch_number(result.grade)]
        rows.append(row)
    return rows


def csv_text(book: Gradebook, lessons: list[str] | None = None) -> str:
    """The CSV text (without the byte-order mark, which `write_csv` adds)."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerows(csv_rows(book, lessons))
    return out.getvalue()


def write_csv(book: Gradebook, path: str | Path, lessons: list[str] | None = None) -> Path:
    """Write the CSV for Magister/SOMtoday (semicolons, UTF-8 with BOM, decimal comma)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(csv_text(book, lessons), encoding="utf-8-sig", newline="")
    return path


# ------------------------------------------------------------------------ HTML


def _e(value: object) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def table_html(rows: list[dict], status_columns: bool = False) -> str:
    """A plain escaped table from rows (dicts with the same keys)."""
    if not rows:
        return "<p>(niets)</p>"
    columns = list(rows[0])
    head = "".join(f"<th>{_e(c)}</th>" for c in columns)
    body = []
    for row in rows:
        cells = []
        for c in columns:
            value = str(row.get(c, ""))
            css = _STATUS_CLASS.get(value.split(" (")[0]) if status_columns else None
            cells.append(f'<td class="{css}">{_e(value)}</td>' if css else f"<td>{_e(value)}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    return f"<table><tr>{head}</tr>{''.join(body)}</table>"


def _page(title: str, body: str) -> str:
    return (
        '<!DOCTYPE html>\n<html lang="nl"><head><meta charset="utf-8">'
        f"<title>{_e(title)}</title><style>{_CSS}{_status_css()}</style></head><body>"
        f"<h1>{_e(title)}</h1>{body}</body></html>\n"
    )


def lesson_section_html(book: Gradebook, lesson: str) -> str:
    """One lesson of the class report: matrix, per exercise, open answers."""
    parts = [f"<h2>Les {_e(lesson)}</h2>", "<h3>Klasoverzicht</h3>", table_html(matrix_rows(book, lesson), True)]
    parts += ["<h3>Per opdracht</h3>", table_html(exercise_rows(book, lesson))]
    for task in open_tasks(book, lesson):
        parts.append(f"<h3>{_e(task.label)} (open vraag): {_e(task.question)}</h3>")
        parts.append(table_html(open_answer_rows(book, lesson, task.id)))
    return "".join(parts)


def class_report_html(book: Gradebook, lessons: list[str] | None = None) -> str:
    """The whole class report as one self-contained HTML page."""
    lessons = lessons or book.lessons
    made = dt.datetime.now().strftime("%d-%m-%Y %H:%M")
    intro = (
        f'<p class="klein">Map: {_e(book.folder)}. Gemaakt op {_e(made)}. Elk antwoord is opnieuw nagekeken '
        "met de antwoordsleutel; wat in een inlevering over goed of fout staat, telt niet.</p>"
    )
    skipped = skipped_rows(book)
    tail = "<h2>Niet meegeteld</h2>" + table_html(skipped) if skipped else ""
    body = intro + "".join(lesson_section_html(book, lesson) for lesson in lessons) + tail
    return _page("Nakijken: klasoverzicht", body)


def write_class_report(book: Gradebook, path: str | Path, lessons: list[str] | None = None) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(class_report_html(book, lessons), encoding="utf-8")
    return path


# ------------------------------------------------------------------------ feedback per student


def feedback_html(result: Result, release_answers: bool = False) -> str:
    """One student's feedback page: answers, verdicts, rubric scores and the teacher's comment.

    With `release_answers` the right answers (from the teacher's readable key) are shown too.
    """
    from .answers import released_answers

    right_answers = released_answers(result.lesson) if release_answers else {}
    rows = []
    for checked in result.checked:
        task = checked.task
        question = _e(task.question) + (f"<br><i>Bewering: {_e(task.claim)}</i>" if task.claim else "")
        answer = checked.answer_text if checked.status != "niet beantwoord" else "(niet beantwoord)"
        verdict = checked.status
        if checked.status == "bewaard":
            verdict = f"gelezen door je docent ({meervoud(checked.words or 0, 'woord', 'woorden')})"
        extra = ""
        if task.graded and right_answers.get(task.id):
            extra = f'<div class="klein"><b>Het goede antwoord:</b> {_e(right_answers[task.id])}</div>'
        css = _STATUS_CLASS.get(checked.status, "")
        rows.append(
            f"<tr><td>{_e(task.label)}</td><td>{question}</td>"
            f'<td class="antwoord">{_e(answer)}</td><td class="{css}">{_e(verdict)}{extra}</td></tr>'
        )
    table = (
        "<table><tr><th>Opdracht</th><th>Vraag</th><th>Jouw antwoord</th><th>Nagekeken</th></tr>"
        + "".join(rows)
        + "</table>"
    )
    summary = f"<p>Goed: {result.right} van de {result.graded} opdrachten die meetellen voor het cijfer.</p>"
    rubric = ""
    if result.rubric:
        lines = []
        for criterion in result.rubric.criteria:
            level = result.levels.get(criterion.name)
            points = result.rubric.points(criterion.name, level) if level in result.rubric.levels else None
            text = criterion.descriptions[result.rubric.levels.index(level)] if points is not None else ""
            lines.append(
                {
                    "criterium": criterion.name,
                    "niveau": level or "nog niet beoordeeld",
                    "punten": "" if points is None else f"{points} van {criterion.maximum}",
                    "wat dat betekent": text,
                }
            )
        rubric = "<h2>Beoordeling met de rubric</h2>" + table_html(lines)
        if result.rubric_points is not None:
            rubric += f"<p>Punten: {result.rubric_points} van {result.rubric.maximum}.</p>"
    grade = f"<p><b>Cijfer: {_e(dutch_number(result.grade))}</b></p>" if result.grade is not None else ""
    comment = f"<h2>Van je docent</h2><p class='antwoord'>{_e(result.comment)}</p>" if result.comment.strip() else ""
    intro = (
        f"<p>{_e(result.student_name)}, dit is je nagekeken werk van les {_e(result.lesson)} "
        f"(ingeleverd op {result.handin.date:%d-%m-%Y om %H:%M}).</p>"
    )
    return _page(
        f"Feedback les {result.lesson}: {result.student_name}", intro + summary + grade + table + rubric + comment
    )


def write_feedback(book: Gradebook, folder: str | Path, lessons: list[str] | None = None) -> list[Path]:
    """One feedback page per student per lesson: FOLDER/<leerling>/les_NN_feedback.html.

    An existing page with other content is kept as ``...-oud-<time>.html`` before the new one is written.
    """
    folder = Path(folder)
    written = []
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    for lesson in lessons or book.lessons:
        release = book.store(lesson).release_answers if book.grading_folder else False
        for result in book.results(lesson):
            target = folder / _safe(result.student_id) / f"les_{lesson}_feedback.html"
            text = feedback_html(result, release)
            target.parent.mkdir(parents=True, exist_ok=True)
            if target.exists() and target.read_text(encoding="utf-8") != text:
                target.rename(target.with_name(f"{target.stem}-oud-{stamp}.html"))
            target.write_text(text, encoding="utf-8")
            written.append(target)
    return written


def _safe(student_id: str) -> str:
    """A student id as a folder name: letters, digits, dot, dash, underscore only."""
    cleaned = "".join(c if c.isalnum() or c in "._-" else "-" for c in student_id).strip(".-")
    return cleaned or "leerling"
