"""Keyboard-safe controls for the lesson widgets: dropdown, list, toggle buttons, radio buttons,
check box, text box, button and a month-period slider.

Why not plain ipywidgets? In JupyterLab a key pressed on a focused ipywidgets dropdown or
list also reaches the notebook (ipywidgets issue #3912): the arrow keys move to another cell,
``m`` turns the widget's cell into Markdown and ``d d`` deletes it. JupyterLab leaves keys
alone inside an element marked ``data-lm-suppress-shortcuts``, and that mark must sit on the
focused control itself, which ipywidgets cannot set from Python. These controls are small
anywidgets (pure Python, no build step; they work in JupyterLab, Voilà and JupyterLite) whose
front end, ``static/controls.js``, draws plain HTML controls that carry the mark, a Dutch label
for screen readers, a clearly visible focus ring and a clear chosen state.

In Python they behave like their ipywidgets namesakes, so the widgets keep their API:

    >>> d = Dropdown(options=[("Singapore", "sg"), ("Hanoi", "hn")], description="Top:")
    >>> d.value
    'sg'
    >>> d.value = "hn"; d.index, d.label
    (1, 'Hanoi')
    >>> r = MonthRange(options=[("jan 2018", 1), ("feb 2018", 2), ("mrt 2018", 3)])
    >>> r.value = (2, 3); r.index
    (1, 2)
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import anywidget
import traitlets as T

from . import palette

_ESM = (Path(__file__).resolve().parent / "static" / "controls.js").read_text(encoding="utf-8")


def _css() -> str:
    """The look of every control, with the colours of palette.py (Okabe–Ito)."""
    blue, text = palette.OKABE_ITO["blue"], palette.TEXT
    return f"""
.dossier-control {{ font-size: var(--jp-content-font-size1, 14px); color: {text}; margin: 4px 0; }}
.dossier-control .dossier-label {{ font-weight: bold; margin-right: 8px; white-space: nowrap; }}
.dossier-dropdown, .dossier-text {{ display: flex; align-items: center; gap: 4px; }}
.dossier-dropdown {{ flex-wrap: wrap; }}
.dossier-list .dossier-label, .dossier-months > .dossier-label {{ display: block; margin-bottom: 2px; }}
.dossier-select, .dossier-text input, .dossier-button, .dossier-toggle {{
  font: inherit; color: {text}; background: #FFFFFF; border: 1px solid #6B6B6B; border-radius: 4px; padding: 4px 8px;
}}
.dossier-dropdown .dossier-select {{ flex: 1 1 20em; min-width: 12em; max-width: 100%; }}
.dossier-list .dossier-select {{ width: 100%; }}
.dossier-select option:checked {{ background: {palette.tint(blue, 0.75)}; color: {text}; }}
.dossier-text input {{ flex: 1 1 auto; width: 18em; min-width: 8em; }}
.dossier-textarea {{
  font: inherit; color: {text}; background: #FFFFFF; border: 1px solid #6B6B6B; border-radius: 4px;
  padding: 6px 8px; width: 100%; max-width: 60em; box-sizing: border-box; white-space: pre-wrap; resize: vertical;
}}
.dossier-label-above {{ display: block; margin-bottom: 2px; }}
.dossier-toggles {{ display: inline-flex; flex-wrap: wrap; gap: 6px; vertical-align: middle; }}
.dossier-toggle[aria-checked="true"] {{ background: {blue}; border-color: {blue}; color: #FFFFFF; font-weight: bold; }}
.dossier-toggle[aria-checked="true"]::before {{ content: "✓ "; }}
.dossier-toggle:hover, .dossier-button:hover {{ border-color: {blue}; }}
.dossier-button.dossier-primary {{ background: {blue}; border-color: {blue}; color: #FFFFFF; font-weight: bold; }}
.dossier-radios {{ border: none; margin: 0; padding: 0; }}
.dossier-radio, .dossier-checkbox {{ display: flex; align-items: center; gap: 6px; padding: 2px 0; cursor: pointer; }}
.dossier-checkbox {{ display: inline-flex; margin-right: 14px; }}
.dossier-radio input, .dossier-checkbox input {{ width: 1.15em; height: 1.15em; margin: 0; accent-color: {blue}; }}
.dossier-range {{ display: flex; flex-direction: column; gap: 2px; }}
.dossier-range-row {{ display: flex; align-items: center; gap: 8px; }}
.dossier-range-row .dossier-label {{ min-width: 2.5em; font-weight: normal; }}
.dossier-slider {{ flex: 1 1 auto; accent-color: {blue}; }}
.dossier-readout {{ min-width: 5.5em; font-weight: bold; }}
.dossier-visually-hidden {{ position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }}
.dossier-control :focus-visible, .dossier-name:focus-visible {{
  outline: 3px solid {blue}; outline-offset: 2px; box-shadow: 0 0 0 5px #FFFFFF;
}}
.dossier-select:focus-visible {{ outline-offset: 1px; }}
.dossier-name {{ cursor: help; position: relative; }}
.dossier-name:hover > .dossier-tip, .dossier-name:focus > .dossier-tip {{ display: block !important; }}
"""


class _Control(anywidget.AnyWidget):
    """One control drawn by static/controls.js; `kind` picks which."""

    _esm = _ESM
    _css = _css()
    kind = T.Unicode("").tag(sync=True)
    description = T.Unicode("").tag(sync=True)

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.description!r}>"


def _pairs(options: Iterable[Any]) -> tuple[tuple[str, Any], ...]:
    """Options as (label, value) pairs: a plain option is its own label."""
    pairs = []
    for option in options:
        if isinstance(option, tuple) and len(option) == 2:
            pairs.append((str(option[0]), option[1]))
        else:
            pairs.append((str(option), option))
    return tuple(pairs)


class _Selection(_Control):
    """One choice out of `options` (labels, or (label, value) pairs); `value`, `label`, `index`."""

    labels = T.List(T.Unicode()).tag(sync=True)
    index = T.Int(None, allow_none=True).tag(sync=True)
    value = T.Any(None)
    label = T.Unicode(None, allow_none=True)
    _start_empty = False  # radio buttons start without a choice

    def __init__(self, options: Iterable[Any] = (), value: Any = None, description: str = "", **kwargs):
        super().__init__(description=description, **kwargs)
        self._options: tuple[tuple[str, Any], ...] = ()
        self._given: tuple[Any, ...] = ()
        self.options = options
        if value is not None:
            self.value = value

    @property
    def options(self) -> tuple[Any, ...]:
        """The options as given (labels, or (label, value) pairs); new options choose the first (like ipywidgets)."""
        return self._given

    @options.setter
    def options(self, options: Iterable[Any]) -> None:
        self._given = tuple(options)
        self._options = _pairs(self._given)
        with self.hold_trait_notifications():
            self.labels = [label for label, _ in self._options]
            self.index = 0 if self._options and not self._start_empty else None
        self._sync_from_index()

    def _values(self) -> list[Any]:
        return [value for _, value in self._options]

    @T.validate("value")
    def _check_value(self, proposal):
        value = proposal["value"]
        if value is None and (self._start_empty or not self._options):
            return None
        if value not in self._values():
            raise T.TraitError(f"{value!r} is geen keuze van {self.description or 'deze lijst'}")
        return value

    @T.validate("index")
    def _check_index(self, proposal):
        index = proposal["value"]
        if index is not None and not 0 <= index < len(self._options):
            raise T.TraitError(f"keuze {index} bestaat niet")
        return index

    @T.observe("index")
    def _index_changed(self, _change) -> None:
        self._sync_from_index()

    @T.observe("value")
    def _value_changed(self, change) -> None:
        value = change["new"]
        index = None if value is None else self._values().index(value)
        if index != self.index:
            self.index = index

    def _sync_from_index(self) -> None:
        index = self.index
        label, value = self._options[index] if index is not None else (None, None)
        if self.value != value or (value is None and self.value is not None):
            self.value = value
        self.label = label


class Dropdown(_Selection):
    """A one-line list to choose from (a native ``<select>``); letters jump to an option."""

    kind = T.Unicode("dropdown").tag(sync=True)


class ListBox(_Selection):
    """A list showing `rows` options at once (a native ``<select size=rows>``)."""

    kind = T.Unicode("list").tag(sync=True)
    rows = T.Int(8).tag(sync=True)


class ToggleButtons(_Selection):
    """A few buttons of which one is chosen (a radio group): arrow keys move and choose."""

    kind = T.Unicode("toggles").tag(sync=True)


class RadioButtons(_Selection):
    """Radio buttons for a multiple-choice question; nothing is chosen at first."""

    kind = T.Unicode("radios").tag(sync=True)
    _start_empty = True


class Checkbox(_Control):
    """A check box with its Dutch label; `value` is True or False."""

    kind = T.Unicode("checkbox").tag(sync=True)
    value = T.Bool(False).tag(sync=True)


class Text(_Control):
    """A text box; `value` changes when the student presses Enter or leaves the box."""

    kind = T.Unicode("text").tag(sync=True)
    value = T.Unicode("").tag(sync=True)
    placeholder = T.Unicode("").tag(sync=True)


class Textarea(_Control):
    """A text box of several lines that wraps; `value` changes when the box loses focus.

    With ``continuous=True`` it changes with every key (for a live word count).
    """

    kind = T.Unicode("textarea").tag(sync=True)
    value = T.Unicode("").tag(sync=True)
    placeholder = T.Unicode("").tag(sync=True)
    rows = T.Int(5).tag(sync=True)
    continuous = T.Bool(False).tag(sync=True)


class Button(_Control):
    """A button; `on_click(f)` calls ``f(button)`` on every click, `click()` does so from Python."""

    kind = T.Unicode("button").tag(sync=True)
    primary = T.Bool(False).tag(sync=True)

    def __init__(self, description: str = "", **kwargs):
        super().__init__(description=description, **kwargs)
        self._handlers: list[Callable[[Button], None]] = []
        self.on_msg(self._message)

    def on_click(self, handler: Callable[[Button], None]) -> None:
        self._handlers.append(handler)

    def click(self) -> None:
        for handler in list(self._handlers):
            handler(self)

    def _message(self, _widget, content, _buffers) -> None:
        if isinstance(content, dict) and content.get("event") == "click":
            self.click()


class MonthRange(_Control):
    """A period: two sliders ("van", "tot") over `options` ((label, value) pairs, in order).

    `value` is the pair (first, last) of chosen values, `index` their positions. Each slider
    announces its month to a screen reader ("mrt 2018"), not a number.
    """

    kind = T.Unicode("months").tag(sync=True)
    labels = T.List(T.Unicode()).tag(sync=True)
    index = T.Tuple(T.Int(), T.Int(), default_value=(0, 0)).tag(sync=True)
    value = T.Tuple(default_value=(None, None))

    def __init__(self, options: Iterable[tuple[str, Any]] = (), index: tuple[int, int] | None = None, **kwargs):
        super().__init__(**kwargs)
        self._options = _pairs(options)
        if not self._options:
            raise ValueError("Een periode kiezen kan alleen uit minstens één maand.")
        self.labels = [label for label, _ in self._options]
        self.index = tuple(index) if index is not None else (0, len(self._options) - 1)
        self._index_changed()

    @property
    def options(self) -> tuple[tuple[str, Any], ...]:
        return self._options

    @T.validate("index")
    def _check_index(self, proposal):
        lo, hi = proposal["value"]
        n = len(getattr(self, "_options", ())) or 1
        if not (0 <= lo <= hi < n):
            raise T.TraitError(f"periode {lo}–{hi} kan niet: van 0 tot {n - 1}, 'van' niet na 'tot'")
        return (lo, hi)

    @T.observe("index")
    def _index_changed(self, _change=None) -> None:
        lo, hi = self.index
        value = (self._options[lo][1], self._options[hi][1])
        if self.value != value:
            self.value = value

    @T.observe("value")
    def _value_changed(self, change) -> None:
        values = [v for _, v in self._options]
        lo, hi = change["new"]
        index = (values.index(lo), values.index(hi))
        if index != self.index:
            self.index = index
