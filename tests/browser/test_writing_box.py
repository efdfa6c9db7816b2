"""Lesson 10's writing box in a real JupyterLab: typing stays in the box, the keyboard reaches "Bewaar", it stores.

Findings 3.B (10): the 150–300-word analysis used to be a Python string in a code cell. The box must wrap long
lines, never turn the student's typing into notebook commands (``m`` makes a Markdown cell, ``d d`` deletes one in
command mode), and be usable without a mouse: Tab from the text to the button, Enter or Space presses it.
"""

from __future__ import annotations

import json

import jupyterlab_page as lab

CELL_TYPES_JS = "() => window.jupyterapp.shell.currentWidget.content.widgets.map(c => c.model.type)"
FOCUSED_JS = "() => (document.activeElement && document.activeElement.innerText || '').trim()"
TEXT = "Trump zei dat Noord-Korea alle sancties weg wilde, maar Ri zei iets anders. " * 6


def _writing_box_notebook(folder, name):
    """A two-cell lesson in its own folder: the kernel runs there, so no other test's progress is in the box."""
    import nbformat
    from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

    nb = new_notebook(
        cells=[
            new_code_cell('from dossier_lib.les import *\n\nles = start("10")\ndossier = les.dossier'),
            new_code_cell('eindopdracht.schrijfvak("10.analyse")'),
            new_markdown_cell("Einde."),
        ]
    )
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    folder.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, folder / name)


def _stored(folder) -> dict:
    files = list((folder / ".voortgang").glob("*.json"))
    assert files, "geen voortgangsbestand geschreven"
    return json.loads(files[0].read_text(encoding="utf-8"))["opdrachten"].get("10.analyse", {})


def test_writing_box_keeps_typing_wraps_and_saves_with_the_keyboard(lab_server, page):
    folder = lab_server.root / "zz_schrijfvak"
    _writing_box_notebook(folder, "schrijfvak.ipynb")
    lab.open_notebook(page, lab_server, "zz_schrijfvak/schrijfvak.ipynb")
    lab.run_all(page)
    assert not lab.problems_on_page(page)
    cells_before = page.evaluate(CELL_TYPES_JS)

    box = page.locator(".jp-OutputArea-output textarea.dossier-textarea")
    assert box.input_value() == "", "het schrijfvak van een nieuwe leerling begint leeg"
    box.click()
    page.keyboard.type("m d d x ", delay=10)  # command-mode shortcuts, if the notebook got them
    page.keyboard.type(TEXT, delay=2)
    assert page.evaluate(CELL_TYPES_JS) == cells_before, "typen in het vak veranderde cellen van de notebook"
    assert box.input_value().startswith("m d d x Trump zei")
    assert box.evaluate("el => el.scrollWidth <= el.clientWidth + 1"), "lange regels lopen niet door (geen wrap)"
    page.get_by_text("nog niet bewaard").wait_for()

    page.keyboard.press("Tab")
    assert "Bewaar" in page.evaluate(FOCUSED_JS), "Tab gaat niet van het vak naar de knop Bewaar"
    page.keyboard.press("Enter")
    page.get_by_text("Dank je! Je antwoord").wait_for(timeout=20_000)
    assert page.evaluate(CELL_TYPES_JS) == cells_before, "Enter op de knop veranderde de notebook"
    assert _stored(folder).get("antwoord", "").startswith("m d d x Trump zei")

    box.click()
    box.press("End")
    page.keyboard.type(" Nog een zin.", delay=10)
    words = len(("m d d x " + TEXT + " Nog een zin.").split())
    page.get_by_text(f"{words} woorden").wait_for()  # the kernel has the last keystroke (the count comes from it)
    page.keyboard.press("Tab")
    page.keyboard.press("Space")
    page.wait_for_function(
        "() => document.querySelector('.jp-OutputArea-output .widget-html-content [role=status]')"
        " && !document.body.innerText.includes('nog niet bewaard')",
        timeout=20_000,
    )
    assert _stored(folder)["antwoord"].endswith("Nog een zin.")
    assert not lab.problems_on_page(page)
