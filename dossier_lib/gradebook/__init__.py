"""The teacher's gradebook: collect hand-ins, grade them again with the key, give grades and feedback.

Modelled on nbgrader and otter-grader (collect, autograde, manual grading, gradebook,
feedback), for the lessons of this package and in Dutch:

- handins.py: read a folder of hand-ins (any subfolder); damaged or foreign files are listed, never fatal;
- recheck.py: every raw answer graded again with the key (`grade_answer`): a student who edits the JSON gains nothing;
- grades.py: the cijfer formula (1 + 9 × punten / maximum) and the rubric of lesson 10 (a data file);
- store.py: the teacher's rubric points, comments and settings, kept with a backup;
- book.py: `Gradebook`, all of it together per lesson; views.py: the tables a teacher reads;
- export.py: CSV for Magister/SOMtoday, the class report, one feedback page per student;
- notebook.py: the teacher notebook's helpers (tables and the rubric widget); cli.py: ``python -m dossier_lib nakijken``.

Importing this package loads nothing heavy.
"""

from __future__ import annotations

from .book import Gradebook

__all__ = ["Gradebook"]
