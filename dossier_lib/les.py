"""The lesson frame: every lesson opens and closes the same way.

First code cell of every lesson (only the number differs)::

    from dossier_lib.les import *
    les = start("06")
    dossier = les.dossier

Last cells of every lesson::

    voortgang()      # how far you are: every exercise of this lesson
    inleveren()      # hand in for your teacher

`start` sets up everything a lesson needs: Dutch help for Python errors, the articles
(`settings.lesson_dossier()`, so a teacher's own articles join in without editing a cell),
the exercises (loaded on first use), and who is working (identity.py: the hub login, or a
name typed once in this folder). The star import gives the functions and helper modules a
lesson uses; the heavy ones (widgets, charts, pandas) load only when a cell first uses them.

    >>> les = start("06")               # doctest: +SKIP
    >>> sorted(n for n in __all__ if n.islower())[:4]
    ['analysis', 'charts', 'check', 'cijfers']
"""

from __future__ import annotations

import importlib.util
import sys
from dataclasses import dataclass
from types import ModuleType
from typing import Any

from .corpus import load_dossier
from .display import whole_text
from .exercises.checks import check, hint
from .exercises.handin import inleveren, on_binder
from .exercises.identity import Student, can_change_name, current_student, nieuwe_leerling, set_student
from .exercises.progress import presenting, voortgang
from .exercises.registry import lesson_exercises
from .lessons.begrippen import uitleg
from .nl import maandkalender, weekdag


def _lazy(name: str) -> ModuleType:
    """The module `name`, imported on first use of one of its names (importlib's LazyLoader)."""
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.find_spec(name)
    if spec is None or spec.loader is None:  # pragma: no cover - a broken installation
        raise ImportError(name)
    loader = importlib.util.LazyLoader(spec.loader)
    spec.loader = loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    loader.exec_module(module)
    parent, _, child = name.rpartition(".")
    if parent:  # as an import would: `matplotlib.pyplot` is also an attribute of `matplotlib`
        setattr(sys.modules[parent], child, module)
    return module


# What a lesson's cells use, by the names the lessons call them.
widgets = _lazy("dossier_lib.widgets")
charts = _lazy("dossier_lib.charts")
analysis = _lazy("dossier_lib.analysis")
geo = _lazy("dossier_lib.geo")


class _Pyplot:
    """`plt`: matplotlib.pyplot, imported the first time a cell uses it (importing it costs half a second)."""

    def __getattr__(self, name: str) -> Any:
        import matplotlib.pyplot

        return getattr(matplotlib.pyplot, name)

    def __repr__(self) -> str:
        return "<matplotlib.pyplot (laadt bij het eerste gebruik)>"


plt = _Pyplot()
kennismaking = _lazy("dossier_lib.lessons.kennismaking")
tijdlijn = _lazy("dossier_lib.lessons.tijdlijn")
spelers = _lazy("dossier_lib.lessons.spelers")
singapore = _lazy("dossier_lib.lessons.singapore")
peking = _lazy("dossier_lib.lessons.peking")
hanoi = _lazy("dossier_lib.lessons.hanoi")
wie_zegt_wat = _lazy("dossier_lib.lessons.wie_zegt_wat")
cijfers = _lazy("dossier_lib.lessons.cijfers")
vladivostok = _lazy("dossier_lib.lessons.vladivostok")
eindopdracht = _lazy("dossier_lib.lessons.eindopdracht")
feiten = _lazy("dossier_lib.lessons.feiten")

__all__ = [
    "start",
    "check",
    "hint",
    "voortgang",
    "inleveren",
    "nieuwe_leerling",
    "uitleg",
    "maandkalender",
    "weekdag",
    "load_dossier",
    "whole_text",
    "widgets",
    "charts",
    "analysis",
    "geo",
    "plt",
    "kennismaking",
    "tijdlijn",
    "spelers",
    "singapore",
    "peking",
    "hanoi",
    "wie_zegt_wat",
    "cijfers",
    "vladivostok",
    "eindopdracht",
    "feiten",
]

_current: str | None = None


def current_lesson() -> str | None:
    """The lesson number `start` was called with in this kernel ("06"), or None."""
    return _current


@dataclass
class Les:
    """A started lesson: its number, the articles and who is working. Shows a short welcome."""

    nummer: str
    dossier: Any
    leerling: Student | None

    def _welcome_lines(self) -> list[str]:
        exercises = lesson_exercises(self.nummer)
        lines = [f"De artikelen en de {len(exercises)} opdrachten van deze les zijn geladen."]
        if presenting():
            lines.append("Presentatie voor de klas: antwoorden worden niet bewaard.")
        elif self.leerling is None:
            lines.append("Vul hieronder je naam in. Dan worden je antwoorden bewaard en kun je aan het eind inleveren.")
        elif self.leerling.source == "hub":
            lines.append(f"Je bent ingelogd als {self.leerling.name}. Je antwoorden worden bewaard.")
        elif self.leerling.source == "naam":
            lines.append(
                f"Je werkt als {self.leerling.name}. Je antwoorden worden bewaard. "
                "Ben jij dat niet? Typ hieronder je eigen naam."
            )
        else:
            lines.append(f"Je werkt als {self.leerling.name}. Je antwoorden worden bewaard.")
        if on_binder():
            lines.append(
                "Let op: dit is Binder. Als je stopt of lang niets doet, is alles weg. Lever aan het eind in en "
                "download je inlevering."
            )
        return lines

    def _box(self):
        from .display import box

        return box("info", f"Les {int(self.nummer)} staat klaar.", self._welcome_lines())

    def _repr_html_(self) -> str:
        return self._box().html

    def __repr__(self) -> str:
        return self._box().text


def _name_form(les: Les):
    """A small form to type your name once; after saving, the welcome box says who works.

    Its text box and button are keyboard-safe controls (controls.py): typing a name never
    triggers a notebook shortcut. Enter saves, as the button does.
    """
    import ipywidgets as W

    from . import controls
    from .display import box

    welcome = W.HTML(les._box().html)
    name = controls.Text(
        placeholder="voornaam en achternaam",
        description="Je naam:" if les.leerling is None else "Andere naam:",
    )
    save = controls.Button(description="Opslaan", primary=True)
    note = W.HTML()

    def store(_=None) -> None:
        if not name.value.strip():
            note.value = box("ongeldig", "Dat lukt nog niet.", ["Typ eerst je naam in het vak."]).html
            return
        try:
            les.leerling = set_student(name.value)
        except ValueError as exc:
            note.value = box("ongeldig", "Dat lukt nog niet.", [str(exc)]).html
            return
        welcome.value = les._box().html
        note.value = box(
            "goed",
            f"Bewaard: je werkt als {les.leerling.name}.",
            ["Werkt hier straks iemand anders? Die typt hier zijn of haar eigen naam."],
        ).html

    save.on_click(store)
    name.observe(store, names="value")  # Enter in the box
    return W.VBox([welcome, W.HBox([name, save]), note])


def start(lesson: str | int) -> Les:
    """Set up lesson `lesson` ("06"): Dutch error help, the articles, the exercises and who is working."""
    global _current
    text = str(lesson).strip()
    if not text.isdigit() or not lesson_exercises(text):
        raise ValueError(f'Les {lesson!r} ken ik niet. Schrijf het lesnummer, bijvoorbeeld start("06").')
    _current = f"{int(text):02d}"
    from .exercises.friendly_errors import install as install_friendly_errors
    from .settings import lesson_dossier

    install_friendly_errors()
    les = Les(_current, lesson_dossier(), current_student())
    _show(_name_form(les) if can_change_name() and not presenting() else les)
    return les


def _show(thing: Any) -> None:
    """Display `thing` under the first cell (in a notebook; nothing happens in a plain script)."""
    try:
        from IPython import get_ipython
        from IPython.display import display
    except ImportError:  # pragma: no cover - outside IPython
        return
    if get_ipython() is not None:
        display(thing)
