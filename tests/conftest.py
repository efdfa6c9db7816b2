"""Shared test set-up: nbval for the lessons, and the list of lessons every notebook test runs on.

One `pytest` run checks both kinds of notebook with nbval, in one process:

- teacher notebooks (notebooks/NN_*.ipynb):
  strict, like ``--nbval --nbval-current-env --nbval-sanitize-with tests/sanitize.cfg``;
- student notebooks (notebooks/leerling/NN_*.ipynb): lax, like ``--nbval-lax``
  (they must run without errors; only cells tagged nbval-check-output are compared).

nbval reads its mode from command-line flags for the whole session, so this
file registers a small collector plugin that picks the mode per file. When
someone passes --nbval or --nbval-lax by hand, nbval's own collector is used
and this one steps aside.
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
STUDENT_NOTEBOOKS = NOTEBOOKS / "leerling"
SANITIZE = Path(__file__).resolve().parent / "sanitize.cfg"
LESSON_GLOB = "[0-9][0-9]_*.ipynb"


def teacher_lessons() -> list[Path]:
    """The teacher notebooks (the guide 00 included)."""
    return sorted(NOTEBOOKS.glob(LESSON_GLOB))


def scratch_copy(folder: Path) -> Path:
    """A fresh throw-away copy of a notebooks folder to run one notebook's kernel in.

    Lessons write files next to themselves (progress, hand-ins); a test run must
    not leave those in the real notebooks/ folder, nor see another lesson's.
    Same layout and the same rules as `make notebooks` (dossier_lib.notebook_runner.scratch_folder).
    """
    from dossier_lib.notebook_runner import scratch_folder

    base = Path(tempfile.mkdtemp(prefix="dossier-nb-"))
    atexit.register(shutil.rmtree, base, ignore_errors=True)
    return scratch_folder(folder.resolve(), base)


def _notebook_mode(path: Path) -> str | None:
    """'strict', 'lax' or None (not a notebook we test) for one file.

    Decided by folder name, so a copy of the project (or a test's tmp folder) works the same.
    """
    if path.suffix != ".ipynb" or not path.match(LESSON_GLOB):
        return None
    folder = path.resolve().parent
    if folder.name == "notebooks":
        return "strict"
    if folder.name == "leerling" and folder.parent.name == "notebooks":
        return "lax"
    return None


class _NotebookCollector:
    """Collects lesson notebooks as nbval files, strict or lax per folder."""

    def pytest_collect_file(self, file_path: Path, parent):
        opt = parent.config.option
        if getattr(opt, "nbval", False) or getattr(opt, "nbval_lax", False):
            return None  # nbval's own collector handles every notebook
        mode = _notebook_mode(file_path)
        if mode is None:
            return None
        return _LessonFile.from_parent(parent, path=file_path, mode=mode)


def _lesson_file_class():
    from nbval.kernel import CURRENT_ENV_KERNEL_NAME, RunningKernel
    from nbval.plugin import IPyNbFile

    class LessonFile(IPyNbFile):
        """An nbval notebook with its own mode: strict for teacher versions, lax for student ones."""

        def __init__(self, *args, mode: str = "strict", **kwargs):
            super().__init__(*args, **kwargs)
            self.mode = mode
            self.compare_outputs = mode == "strict"

        def setup(self):
            # Run in a scratch copy of the folder, so progress files stay out of notebooks/.
            # Always the venv's own Python (nbval's --nbval-current-env), whatever the notebook says.
            self.kernel = RunningKernel(
                CURRENT_ENV_KERNEL_NAME,
                cwd=str(scratch_copy(self.path.parent)),
                startup_timeout=self.config.option.nbval_kernel_startup_timeout,
            )
            self.setup_sanitize_files()

        def get_sanitize_files(self):
            return [str(SANITIZE)] if self.mode == "strict" else []

    return LessonFile


class _LazyLessonFile:
    """Import nbval (slow: ~2 s of jsonschema set-up) only when a notebook is collected."""

    _cls = None

    @classmethod
    def from_parent(cls, parent, **kwargs):
        if cls._cls is None:
            cls._cls = _lesson_file_class()
        return cls._cls.from_parent(parent, **kwargs)


_LessonFile = _LazyLessonFile


def pytest_configure(config: pytest.Config) -> None:
    # Kernels started by the tests run as the example student, like `make notebooks`,
    # whoever runs the tests (and wherever: a hub sets JUPYTERHUB_USER).
    from dossier_lib.notebook_runner import use_example_student

    use_example_student()
    # A plugin object, not a conftest hook: conftest hooks only see files under tests/,
    # and the lessons live in notebooks/.
    if not config.pluginmanager.has_plugin("dossier-notebooks"):
        config.pluginmanager.register(_NotebookCollector(), "dossier-notebooks")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Every test with a `lesson` argument runs once per teacher notebook."""
    if "lesson" in metafunc.fixturenames:
        lessons = teacher_lessons()
        metafunc.parametrize("lesson", lessons, ids=[p.stem for p in lessons])


@pytest.fixture
def lesson_workdir(lesson: Path, tmp_path: Path) -> Path:
    """Where a kernel for `lesson` should run: a fresh copy of the lesson's folder."""
    from dossier_lib.notebook_runner import scratch_folder

    return scratch_folder(lesson.parent.resolve(), tmp_path)


@pytest.fixture(scope="session")
def all_lessons() -> list[Path]:
    """The same notebooks the `lesson` parameter runs over, as one list."""
    return teacher_lessons()


# ---------------------------------------------------------------- a teacher's own folder

DEVSET = Path(__file__).resolve().parent / "devset"
#: Natural names a teacher gives files, tricky ones included: two files on Singapore, and one that
#: starts with the number of a bundled article.
TEACHER_NAMES = {
    "singapore_top": "singapore_nos",
    "singapore_terugblik": "singapore_trouw",
    "dmz_ontmoeting": "003_dmz",
}
#: The teacher's own knowledge base in that folder: people the bundled kb.yaml lacks.
TEACHER_KB = """\
# Mijn eigen kennisbank: mensen die in mijn artikelen staan.
entries:
  - id: kim-jong-il
    type: PERSON
    label_nl: Kim Jong-il
    aliases: [Kim Jong-il, Kim Jong Il]
    role_nl: leider van Noord-Korea van 1994 tot 2011, vader van Kim Jong-un
  - id: ivanka-trump
    type: PERSON
    label_nl: Ivanka Trump
    role_nl: dochter en adviseur van president Trump
    gender: f
  - id: kim-myong-gil
    type: PERSON
    label_nl: Kim Myong-gil
    short_names: [Kim]
    role_nl: Noord-Koreaanse hoofdonderhandelaar in Stockholm (2019)
  - id: stockholm
    aliases: [Stockholm, Lidingö]
"""


def make_teacher_folder(folder: Path, count: int = 15) -> Path:
    """A teacher's folder like one a teacher would make: `count` articles from the dev set, natural
    file names (``singapore_nos.txt``, ``singapore_trouw.txt``, ``003_dmz.txt``), a kennisbank.yaml,
    a source card next to one article and a claim of the teacher's own in beweringen.yaml."""
    folder.mkdir(parents=True, exist_ok=True)
    files = sorted(p for part in ("dev", "holdout", "holdout2") for p in (DEVSET / part).glob("*.txt"))
    chosen = [p for p in files if p.stem in TEACHER_NAMES] + [p for p in files if p.stem not in TEACHER_NAMES]
    for path in chosen[:count]:
        shutil.copy(path, folder / f"{TEACHER_NAMES.get(path.stem, path.stem)}.txt")
    (folder / "kennisbank.yaml").write_text(TEACHER_KB, encoding="utf-8")
    (folder / "singapore_nos.yaml").write_text(
        "titel: Handdruk op Sentosa\nbron: NOS (oefentekst)\nauteur: een docent\nsamenvatting: De eerste top.\n",
        encoding="utf-8",
    )
    (folder / "beweringen.yaml").write_text(
        """\
claims:
  - id: dmz-handdruk-of-gesprek
    question_nl: Was de ontmoeting in de DMZ alleen een handdruk?
    relation: competing_accounts
    positions:
      - claimant: donald-trump
        article: "003_dmz"
        quote: "schudden"
        stance_nl: Trump wilde Kim alleen even de hand schudden.
      - claimant: journalist
        article: "003_dmz"
        quote: "werd een gesprek van 53 minuten"
        stance_nl: Het werd een gesprek van 53 minuten.
""",
        encoding="utf-8",
    )
    return folder


@pytest.fixture(scope="session")
def teacher_folder(tmp_path_factory) -> Path:
    """A teacher's folder of 15 added articles (see `make_teacher_folder`), made once per test run."""
    return make_teacher_folder(tmp_path_factory.mktemp("docent") / "mijn_artikelen")
