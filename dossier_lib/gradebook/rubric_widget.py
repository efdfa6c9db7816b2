"""Scoring with a rubric in the teacher notebook: one student at a time, a level per criterion.

The panel shows the student's own question and analysis (whole text), one row of
level buttons per criterion (the level's description under it), a comment box, and
the points and cijfer as they stand. Every choice is saved at once in the teacher's
folder (`store.GradingStore`, with a backup of the version before).

Parts a test can reach: ``panel.student``, ``panel.levels`` ({criterion: ToggleButtons}),
``panel.comment``, ``panel.score``, ``panel.work``, ``panel.overview``.
"""

from __future__ import annotations

import html

import ipywidgets as W

from ..display import box
from .book import Gradebook
from .grades import dutch_number
from .views import open_tasks

NOT_SCORED = "—"


def _work_html(book: Gradebook, lesson: str, student_id: str) -> str:
    result = book.result(lesson, student_id)
    if result is None:
        return ""
    parts = []
    for task in open_tasks(book, lesson):
        checked = result.of(task.id)
        text = checked.answer_text if checked and checked.status == "bewaard" else "(niet beantwoord)"
        parts.append(
            f"<div style='margin:6px 0'><b>{html.escape(task.label)}</b> "
            f"<span style='color:#555'>{html.escape(task.question)}</span>"
            f"<div style='white-space:pre-wrap;border-left:4px solid #ccc;padding:4px 8px;max-width:55em'>"
            f"{html.escape(text)}</div></div>"
        )
    return "".join(parts)


def _overview_html(book: Gradebook, lesson: str) -> str:
    rows = []
    for result in book.results(lesson):
        points = result.rubric_points
        maximum = result.rubric.maximum if result.rubric else 0
        rows.append(
            f"<tr><td>{html.escape(result.student_name)}</td>"
            f"<td>{'' if points is None else f'{points} van {maximum}'}</td>"
            f"<td>{html.escape(dutch_number(result.grade) or 'nog niet beoordeeld')}</td></tr>"
        )
    return (
        "<table style='border-collapse:collapse'><tr><th style='text-align:left;padding-right:1em'>leerling</th>"
        "<th style='text-align:left;padding-right:1em'>punten</th><th style='text-align:left'>cijfer</th></tr>"
        + "".join(rows)
        + "</table>"
    )


def rubric_panel(book: Gradebook, lesson: str = "10"):
    """The rubric scoring panel for one lesson (an ipywidgets VBox)."""
    from ..widgets import Panel
    from .grades import has_rubric, rubric

    if not has_rubric(lesson):
        return box("info", f"Les {lesson}", ["Deze les heeft geen rubric; de cijfers komen uit de opdrachten."])
    results = book.results(lesson)
    if not results:
        return box("info", f"Les {lesson}", ["Voor deze les is nog niets ingeleverd."])
    r = rubric(lesson)
    store = book.store(lesson)
    from .. import controls  # keyboard-safe: keys pressed here never reach the notebook

    student = controls.Dropdown(
        options=[(res.student_name, res.student_id) for res in results],
        description="Leerling:",
    )
    previous = controls.Button(description="← Vorige leerling")
    following = controls.Button(description="Volgende leerling →")
    work = W.HTML()
    levels: dict[str, controls.ToggleButtons] = {}
    meaning: dict[str, W.HTML] = {}
    rows = []
    for criterion in r.criteria:
        buttons = controls.ToggleButtons(options=[NOT_SCORED, *r.levels], description=criterion.name)
        levels[criterion.name] = buttons
        meaning[criterion.name] = W.HTML()
        rows.append(W.VBox([buttons, meaning[criterion.name]]))
    comment = controls.Textarea(
        description="Opmerking:",
        placeholder="Wat de leerling op de feedbackpagina leest (wordt bewaard als u buiten het vak klikt)",
        rows=4,
    )
    score = W.HTML()
    overview = W.HTML()
    loading = {"busy": False}

    def show_meaning(name: str) -> None:
        level = levels[name].value
        criterion = r.criterion(name)
        if level == NOT_SCORED:
            meaning[name].value = "<span style='color:#777'>nog niet beoordeeld</span>"
        else:
            i = r.levels.index(level)
            meaning[name].value = (
                f"<span style='color:#333'>{criterion.points[i]} van {criterion.maximum} punten: "
                f"{html.escape(criterion.descriptions[i])}</span>"
            )

    def refresh_score() -> None:
        result = book.result(lesson, student.value)
        points = result.rubric_points if result else None
        grade = dutch_number(result.grade) if result else ""
        open_count = sum(1 for b in levels.values() if b.value == NOT_SCORED)
        if points is None:
            score.value = f"<b>Nog {open_count} van de {len(levels)} criteria te beoordelen.</b>"
        else:
            score.value = f"<b>Punten: {points} van {r.maximum}. Cijfer: {grade}</b> (1 + 9 × punten / maximum)"
        overview.value = _overview_html(book, lesson)

    def load(change=None) -> None:
        loading["busy"] = True
        try:
            chosen = store.levels(student.value)
            for name, buttons in levels.items():
                buttons.value = chosen.get(name, NOT_SCORED) if chosen.get(name) in r.levels else NOT_SCORED
                show_meaning(name)
            comment.value = store.comment(student.value)
            work.value = _work_html(book, lesson, student.value)
            refresh_score()
        finally:
            loading["busy"] = False

    def on_level(name: str):
        def changed(change) -> None:
            show_meaning(name)
            if loading["busy"]:
                return
            level = change["new"]
            store.set_level(student.value, name, None if level == NOT_SCORED else level)
            refresh_score()

        return changed

    def on_comment(change) -> None:
        if not loading["busy"]:
            store.set_comment(student.value, change["new"])

    def step(offset: int):
        def go(_button) -> None:
            ids = [value for _, value in student.options]
            student.value = ids[(ids.index(student.value) + offset) % len(ids)]

        return go

    for name, buttons in levels.items():
        buttons.observe(on_level(name), names="value")
    comment.observe(on_comment, names="value")
    student.observe(load, names="value")
    previous.on_click(step(-1))
    following.on_click(step(1))
    load()
    panel = Panel(
        [
            W.HBox([student, previous, following]),
            work,
            W.HTML("<b>Rubric</b> (kies per criterium een niveau; het wordt meteen bewaard)"),
            *rows,
            comment,
            score,
            W.HTML("<b>De hele klas</b>"),
            overview,
        ],
        "Rubric",
    )
    panel.student, panel.levels, panel.comment = student, levels, comment
    panel.score, panel.work, panel.overview = score, work, overview
    return panel
