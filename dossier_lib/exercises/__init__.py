"""Exercises and the classroom loop: checks with Dutch feedback, hints, progress, hand-in.

Modelled on nbgrader and otter-grader (solutions between ``### BEGIN SOLUTION`` and
``### END SOLUTION``, student versions made with nbconvert preprocessors) and on the
friendly style of Data 8's ``datascience`` package. A lesson does not import from here
itself: its first cell (``from dossier_lib.les import *``) brings what it needs.

    check("01.bronnen-tellen", antwoord)     # a feedback box; returns a Feedback
    hint("01.bronnen-tellen")                # hint 1, then 2, ... on each call
    voortgang()                              # how far you are in this lesson
    inleveren()                              # hand in: one HTML + one JSON file

Where things live:

- the exercises of lesson NN: ``teacher/sleutels/NN_name.yaml`` (readable, teacher only), built by
  ``python -m dossier_lib answer-key --build`` into ``dossier_lib/data/sleutels/NN.yaml`` (registry.py);
- checking: checks.py (value, choice, evidence, annotation, reflection); quotations: quotes.py;
- who is working: identity.py; their progress: progress.py; the hand-in: handin.py;
- student versions of the notebooks: student.py; Dutch help for Python errors: friendly_errors.py.

Importing this package is light: yaml, pandas, ipywidgets and nbconvert load only when used.
"""

from __future__ import annotations

from .checks import check, grade_answer, hint, reset_hints
from .feedback import Feedback, HintCard
from .handin import inleveren
from .identity import current_student, nieuwe_leerling, set_student
from .progress import voortgang
from .registry import Exercise, all_exercises, get_exercise, lesson_exercises, register_exercise

__all__ = [
    "Exercise",
    "Feedback",
    "HintCard",
    "all_exercises",
    "check",
    "current_student",
    "get_exercise",
    "grade_answer",
    "hint",
    "inleveren",
    "install_friendly_errors",
    "lesson_exercises",
    "nieuwe_leerling",
    "register_exercise",
    "reset_hints",
    "set_student",
    "voortgang",
]


def install_friendly_errors() -> bool:
    """Show Dutch explanations above common Python errors in this kernel; False outside IPython."""
    from .friendly_errors import install

    return install()
