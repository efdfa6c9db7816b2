"""The teacher notebook ``00_nakijken.ipynb``: short Dutch commands over the gradebook.

    from dossier_lib.gradebook.notebook import nakijken
    klas = nakijken("/srv/inleveren")     # or nakijken(voorbeeld=True): the fictional example class
    klas.klasoverzicht("06")              # students × exercises: goed / fout / niet beantwoord, hints
    klas.per_opdracht("06")               # share right and the most common wrong answers
    klas.open_vragen("06")                # every student's whole answer to each open question
    klas.rubriek("10")                    # score the final assignment: points per criterion -> cijfer
    klas.cijferlijst("cijfers.csv")       # CSV for Magister / SOMtoday
    klas.feedback("terug")                # one feedback page per student

Every table is a whole-text table (`display.whole_text`): long answers wrap, nothing is cut.
"""

from __future__ import annotations

import atexit
import html
import shutil
import tempfile
from pathlib import Path
from typing import Any

from ..display import box, whole_text
from ..nl import meervoud
from . import views
from .book import Gradebook, NoGradingFolder
from .grades import dutch_number


def example_folder() -> Path:
    """The fictional class shipped with the project (tests/fixtures/inleveringen), for trying things out."""
    from ..paths import PROJECT, project_folder

    return project_folder("de voorbeeldklas", PROJECT / "tests" / "fixtures" / "inleveringen" if PROJECT else None)


def nakijken(map: str | Path | None = None, voorbeeld: bool = False, beoordelingen: str | Path | None = None) -> Klas:  # noqa: A002
    """The hand-ins in `map` (and its subfolders), graded again with the key.

    `voorbeeld=True`: the fictional example class; its scores go to a temporary folder, never to yours.
    `beoordelingen`: where your rubric points and comments are kept (default ``teacher/nakijken/``).
    """
    if voorbeeld:
        if beoordelingen is None:  # a throw-away folder, removed when the kernel stops
            beoordelingen = tempfile.mkdtemp(prefix="nakijken-voorbeeld-")
            atexit.register(shutil.rmtree, beoordelingen, ignore_errors=True)
        return Klas(Gradebook(example_folder(), beoordelingen))
    if map is None:
        raise ValueError('Geef de map met inleveringen, bijvoorbeeld nakijken("/srv/inleveren").')
    return Klas(Gradebook(map, beoordelingen))


def _lesson(les: Any) -> str:
    text = str(les).strip()
    if not text.isdigit():
        raise ValueError(f'Schrijf het lesnummer als tekst met twee cijfers, bijvoorbeeld "06" (niet {les!r}).')
    return f"{int(text):02d}"


class Klas:
    """One class's hand-ins as tables for the teacher notebook."""

    def __init__(self, book: Gradebook):
        self.book = book

    def _lessons(self, les: Any) -> list[str]:
        return self.book.lessons if les is None else [_lesson(les)]

    def __repr__(self) -> str:
        found = self.book.found
        students = {h.student_id for h in found.handins}
        lessons = ", ".join(self.book.lessons) or "geen"
        return (
            f"{meervoud(len(found.handins), 'inlevering', 'inleveringen')} van "
            f"{meervoud(len(students), 'leerling', 'leerlingen')} (lessen: {lessons}); "
            f"{len(found.problems) + len(found.replaced)} bestand(en) niet meegeteld."
        )

    def _repr_html_(self) -> str:
        return box("info", "Inleveringen gelezen", [repr(self), f"Map: {self.book.folder.name}"]).html

    # ------------------------------------------------------------------ tables

    def niet_meegeteld(self):
        """Files that do not count, and why: damaged, foreign, or replaced by a newer hand-in."""
        rows = views.skipped_rows(self.book)
        if not rows:
            return box("goed", "Alles meegeteld", ["Elk bestand in de map is een leesbare inlevering."])
        return whole_text(rows, show_index=False)

    def overzicht(self):
        """Every student × every lesson: the cijfer (or the number right)."""
        return whole_text(views.overview_rows(self.book), index="leerling")

    def klasoverzicht(self, les: Any = None):
        """Students × exercises for one lesson (or each lesson): goed / fout / niet beantwoord, hints, cijfer."""
        return self._per_lesson(les, lambda lesson: whole_text(views.matrix_rows(self.book, lesson), index="leerling"))

    def per_opdracht(self, les: Any = None):
        """Per exercise: how many right, the most common wrong answers (to discuss in class), hints."""
        return self._per_lesson(
            les, lambda lesson: whole_text(views.exercise_rows(self.book, lesson), index="opdracht")
        )

    def open_vragen(self, les: Any = None):
        """Per open question: every student's whole answer, side by side."""
        from IPython.display import HTML, display

        for lesson in self._lessons(les):
            for task in views.open_tasks(self.book, lesson):
                display(HTML(f"<h4>Les {lesson}, {html.escape(task.label)}: {html.escape(task.question)}</h4>"))
                display(whole_text(views.open_answer_rows(self.book, lesson, task.id), index="leerling"))

    def _per_lesson(self, les: Any, table):
        lessons = self._lessons(les)
        if len(lessons) == 1:
            return self._or_empty(lessons[0], table)
        from IPython.display import HTML, display

        for lesson in lessons:
            display(HTML(f"<h4>Les {lesson}</h4>"))
            display(self._or_empty(lesson, table))
        return None

    def _or_empty(self, lesson: str, table):
        if not views.matrix_rows(self.book, lesson):
            return box("info", f"Les {lesson}", ["Voor deze les is nog niets ingeleverd."])
        return table(lesson)

    # ------------------------------------------------------------------ files

    def cijferlijst(self, bestand: str | Path, les: Any = None):
        """Write the CSV for Magister / SOMtoday (semicolons, UTF-8 with BOM, decimal comma)."""
        from .export import write_csv

        path = write_csv(self.book, bestand, self._lessons(les))
        return box("goed", "Cijferlijst geschreven", [f"{path}: één regel per leerling."])

    def klasverslag(self, bestand: str | Path, les: Any = None):
        """Write the class report as one web page (to print or keep)."""
        from .export import write_class_report

        path = write_class_report(self.book, bestand, self._lessons(les))
        return box("goed", "Klasverslag geschreven", [str(path)])

    def feedback(self, map: str | Path, les: Any = None):  # noqa: A002
        """Write one feedback page per student per lesson into `map` (a subfolder per student)."""
        from .export import write_feedback

        try:
            pages = write_feedback(self.book, map, self._lessons(les))
        except NoGradingFolder as exc:
            return box("waarschuwing", "Geen map voor beoordelingen", [str(exc)])
        return box("goed", "Feedback geschreven", [f"{meervoud(len(pages), 'pagina', 'pagina’s')} in {map}."])

    def antwoorden_vrijgeven(self, les: Any, vrijgeven: bool = True):
        """Whether the feedback pages of a lesson show the right answers (with their explanation)."""
        lesson = _lesson(les)
        self.book.store(lesson).set_release_answers(vrijgeven)
        state = "met" if vrijgeven else "zonder"
        return box("info", f"Les {lesson}", [f"De feedbackpagina's komen {state} de goede antwoorden."])

    # ------------------------------------------------------------------ rubric

    def rubriek(self, les: Any = "10"):
        """Score a lesson with a rubric (lesson 10): pick a level per criterion; saved at once, cijfer shown."""
        from .rubric_widget import rubric_panel

        return rubric_panel(self.book, _lesson(les))

    def cijfers(self, les: Any = "10"):
        """Rubric points and cijfer of every student of a lesson, as the scores stand now."""
        lesson = _lesson(les)
        rows = []
        for result in self.book.results(lesson):
            points = result.rubric_points
            rows.append(
                {
                    "leerling": result.student_name,
                    "punten": ""
                    if points is None
                    else f"{points} van {result.rubric.maximum}"
                    if result.rubric
                    else "",
                    "cijfer": dutch_number(result.grade) or "nog niet beoordeeld",
                }
            )
        return whole_text(rows, index="leerling")
