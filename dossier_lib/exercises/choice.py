"""A multiple-choice exercise as a widget: the options as radio buttons and a check button."""

from __future__ import annotations

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

    from ..controls import Button, RadioButtons

    labels = [f"{letter}) {option}" for letter, option in zip(ex.letters, ex.options)]
    # The question is the radio group's label, so a screen reader reads it with the options;
    # these controls keep keys inside the widget (no notebook shortcut fires, see controls.py).
    radio = RadioButtons(options=labels, description=ex.question)
    button = Button(description="Controleer", primary=True)
    result = widgets.HTML()

    def on_click(_=None) -> None:
        letter = radio.value.split(")", 1)[0] if radio.value else ...
        result.value = check(ex.id, letter)._repr_html_()

    button.on_click(on_click)
    box = widgets.VBox([radio, button, result])
    box.radio, box.result = radio, result
    box.check = on_click  # lets a test press the button
    return box
