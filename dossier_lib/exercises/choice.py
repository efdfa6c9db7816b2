"""A multiple-choice exercise as a widget: the options as radio buttons and a check button."""

from __future__ import annotations

import html

from .checks import check
from .feedback import Feedback
from .registry import get_exercise, unknown_id_message


def multiple_choice(exercise_id: str):
    """Radio buttons with the options, a "Controleer" button, and the feedback below them."""
    ex = get_exercise(exercise_id)
    if ex is None or ex.kind != "choice":
        message = (
            unknown_id_message(exercise_id)
            if ex is None
            else f'{ex.id} is geen meerkeuzevraag. Gebruik check("{ex.id}", antwoord).'
        )
        return Feedback(exercise_id if isinstance(exercise_id, str) else "", "onbekend", message)
    import ipywidgets as widgets

    labels = [f"{letter}) {option}" for letter, option in zip(ex.letters, ex.options)]
    question = widgets.HTML(f"<b>{html.escape(ex.question)}</b>")
    radio = widgets.RadioButtons(options=labels, value=None, layout=widgets.Layout(width="auto"))
    button = widgets.Button(description="Controleer", button_style="primary", icon="check")
    result = widgets.HTML()

    def on_click(_=None) -> None:
        letter = radio.value.split(")", 1)[0] if radio.value else ...
        result.value = check(ex.id, letter)._repr_html_()

    button.on_click(on_click)
    box = widgets.VBox([question, radio, button, result])
    box.check = on_click  # lets a test press the button
    return box
