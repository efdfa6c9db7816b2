"""Exercises and the classroom workflow: checks with Dutch feedback, hints, student versions, progress, hand-in.

Modelled on nbgrader and otter-grader (solutions between ``### BEGIN SOLUTION`` and
``### END SOLUTION``, student versions made with nbconvert preprocessors) and on the
friendly style of Data 8's ``datascience`` package.

In a lesson::

    from dossier_lib.exercises import check, hint, progress, inleveren
    antwoord = ...  # vul hier je antwoord in
    check("01.bronnen-tellen", antwoord)     # a feedback box; returns a Feedback
    hint("01.bronnen-tellen")                # hint 1, then 2, ... on each call
    progress("01")                           # a table: gedaan, goed, pogingen, hints
    inleveren("Sanne", les="01")             # one HTML + one JSON file in inleveren/

Design
------
*Exercises are data.* Each exercise has an id ("06.hanoi-keuze": lesson number, dot,
slug), a kind, a question, graduated hints, predictable mistakes with a targeted hint,
and an explanation shown when the answer is right. Kinds:

- ``value``: a number, date, name, list of names or text. Answers are normalised
  tolerantly (normalize.py): case, spaces, accents, "Kim Jong Un" = "Kim Jong-un"
  (names known to the knowledge base compare by id, so "Poetin" = "Vladimir Putin"),
  lists in any order, dates as ``datetime.date``, "2019-01-08" or "8 januari 2019".
- ``choice``: multiple choice, answered with a letter; `multiple_choice(id)` gives
  an ipywidgets version with radio buttons and a check button.
- ``evidence``: a paragraph number (``article.paragraphs[i].index``) or a quotation
  that supports a claim. A quotation must occur in the article (tolerant of
  whitespace, quote marks and capitals) and overlap the key passages.
- ``annotation``: the people and places of a paragraph as ``[("Trump", "persoon"), ...]``
  or as plain names; scored with precision and recall, and a Dutch diff
  ("gemist: ...", "te veel: ...", "verkeerde soort: ...").
- ``reflection``: open answers, not checked; stored with a word count for the teacher.

*Where the answers live.* The readable key is ``teacher/answers_teacher.yaml``, outside
the package, and the solution regions of the teacher notebooks. ``python -m dossier_lib
answer-key --build`` turns it into ``dossier_lib/data/answers.yaml``, which the library
reads: value and choice answers (and predictable wrong answers) as salted SHA-256 hashes
of the normalised answer; evidence and annotation keys as base64 + zlib of JSON.
Honestly: this stops a glance at the files, not a determined student (four options are
quickly tried; the blobs decode in two lines). ``answer-key [--lesson 06]`` prints the
key for the teacher. Lessons and tests may add exercises with `register_exercise` (teacher
form) or `register_public_file` (a lesson's own built key; its readable source goes in
``teacher/lessen/NN_*.yaml``, which ``answer-key`` prints too).

*Never a traceback.* Whatever is passed (nothing, ``...``, None, a wrong type, a huge
text, a list where one value is expected, an unknown id) ``check`` answers in Dutch.
`install_friendly_errors()` adds short Dutch explanations above common Python errors.

*Teacher and student versions from one source*: see student.py
(``python -m dossier_lib student-notebooks``). *Progress*: progress.py.
*Hand-in*: handin.py.

Importing this package is light: yaml, pandas, ipywidgets and nbconvert load only when used.
"""

from __future__ import annotations

from .checks import check, hint, reset_hints
from .feedback import Feedback, HintCard
from .handin import inleveren
from .progress import progress, progress_file, set_progress_file
from .registry import Exercise, all_exercises, bundled_exercises, get_exercise, register_exercise, register_public_file

__all__ = [
    "Exercise",
    "Feedback",
    "HintCard",
    "all_exercises",
    "bundled_exercises",
    "check",
    "get_exercise",
    "hint",
    "inleveren",
    "install_friendly_errors",
    "multiple_choice",
    "progress",
    "progress_file",
    "register_exercise",
    "register_public_file",
    "reset_hints",
    "set_progress_file",
]


def multiple_choice(exercise_id: str):
    """A multiple-choice exercise as radio buttons with a check button (ipywidgets)."""
    from .choice import multiple_choice as build

    return build(exercise_id)


def install_friendly_errors() -> bool:
    """Show Dutch explanations above common Python errors in this kernel; False outside IPython."""
    from .friendly_errors import install

    return install()
