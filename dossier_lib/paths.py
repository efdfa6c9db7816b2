"""Every folder the library knows, in one place.

The package works in two settings:

- in the teacher's project folder (a git checkout with ``notebooks/``, ``teacher/`` and
  ``seeds/`` next to ``dossier_lib/``): every path below exists;
- installed as a wheel (a school hub, a student release, Binder): only the package itself
  is there. `PROJECT`, `NOTEBOOKS` and `TEACHER` are then None, and the teacher's commands
  say so in Dutch instead of failing on a missing folder (see `project_folder`).

    >>> DATA.name
    'data'
    >>> (DATA / "kb.yaml").exists()
    True
"""

from __future__ import annotations

from pathlib import Path

#: The package folder (``dossier_lib/``).
PACKAGE = Path(__file__).resolve().parent
#: The teacher-editable data files (knowledge base, timeline, glossary, claims, lesson texts).
DATA = PACKAGE / "data"
#: The generated answer keys the checks read (hashes; nothing readable).
PUBLIC_KEYS = DATA / "sleutels"


def _project() -> Path | None:
    root = PACKAGE.parent
    return root if (root / "pyproject.toml").is_file() and (root / "notebooks").is_dir() else None


#: The teacher's project folder, or None when the package is installed without it.
PROJECT: Path | None = _project()
#: Teacher versions of the lessons.
NOTEBOOKS: Path | None = PROJECT / "notebooks" if PROJECT else None
#: Student versions, generated from the teacher versions.
STUDENT_NOTEBOOKS: Path | None = NOTEBOOKS / "leerling" if NOTEBOOKS else None
#: The teacher's own files: readable answer keys, rubric scores; never in a release or a wheel.
TEACHER: Path | None = PROJECT / "teacher" if PROJECT else None
#: One readable answer key per lesson (``NN_name.yaml``).
TEACHER_KEYS: Path | None = TEACHER / "sleutels" if TEACHER else None
#: What the teacher decides while grading: rubric points, comments, which answers go back to students.
GRADING: Path | None = TEACHER / "nakijken" if TEACHER else None


#: The teacher's own articles: the environment variable that names their folder ...
ARTICLES_ENV = "DOSSIER_ARTIKELEN"
#: ... or the small settings file next to the notebooks (``artikelen: mijn_artikelen/``).
SETTINGS_FILE = "dossier-instellingen.yaml"
#: In the teacher's folder: extra people, places and aliases (same format as data/kb.yaml).
TEACHER_KB_FILE = "kennisbank.yaml"
#: In the teacher's folder: extra claims (same format as data/claims.yaml).
TEACHER_CLAIMS_FILE = "beweringen.yaml"
#: In the teacher's folder: a source card for ``NAME.txt`` lives in ``NAME`` + this ending.
CARD_SUFFIX = ".yaml"


def seeds_folder() -> Path:
    """Where the five bundled articles live: inside an installed wheel, or in the checkout's ``seeds/``."""
    for candidate in (PACKAGE / "_seeds", PACKAGE.parent / "seeds"):
        if candidate.is_dir() and any(candidate.glob("*.txt")):
            return candidate
    raise FileNotFoundError(
        "De vijf meegeleverde artikelen zijn niet gevonden (verwacht in dossier_lib/_seeds "
        "of in seeds/ naast dossier_lib). Installeer het pakket opnieuw met 'make lab'."
    )


class NotInProjectError(RuntimeError):
    """A teacher command needs the project folder, and the package runs without it."""


def project_folder(what: str, path: Path | None) -> Path:
    """`path`, or a Dutch `NotInProjectError` naming `what` when the package runs without the project folder.

    >>> project_folder("de lessen", None)
    Traceback (most recent call last):
    ...
    dossier_lib.paths.NotInProjectError: Voor de lessen is de projectmap van de docent nodig ...
    """
    if path is None or not path.exists():
        raise NotInProjectError(
            f"Voor {what} is de projectmap van de docent nodig (de map met notebooks/ en teacher/). "
            "Dit pakket is geïnstalleerd zonder die map: voer de opdracht uit in de projectmap."
        )
    return path
