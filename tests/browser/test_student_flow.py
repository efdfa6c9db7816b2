"""A student's lesson in real JupyterLab: type a name once, answer, see the progress, hand in.

The student version of lesson 06 runs in a folder of its own, without a name set from outside
(as on a laptop or Binder), so the first cell asks for the name in a small form.
"""

from __future__ import annotations

import json
from pathlib import Path

import jupyterlab_page as lab
import nbformat

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"

SET_SOURCE_JS = """([index, source]) => {
  const cell = window.jupyterapp.shell.currentWidget.content.model.cells.get(index);
  cell.sharedModel.setSource(source);
}"""
RUN_CELL_JS = """(index) => {
  const panel = window.jupyterapp.shell.currentWidget;
  panel.content.activeCellIndex = index;
  window.jupyterapp.commands.execute('notebook:run-cell');
}"""


def _student_notebook(folder: Path) -> str:
    nb = nbformat.read(ROOT / "notebooks" / "leerling" / "06_hanoi.ipynb", as_version=4)
    # As on a laptop: no name comes from outside, the lesson must ask for it.
    nb.cells.insert(0, nbformat.v4.new_code_cell('import os\nos.environ.pop("DOSSIER_LEERLING", None);'))
    folder.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, folder / "06_hanoi.ipynb")
    return f"{folder.name}/06_hanoi.ipynb"


def _cell_index(page, predicate_js: str) -> int:
    return page.evaluate(
        f"""() => Array.from(window.jupyterapp.shell.currentWidget.content.model.cells)
                 .findIndex(c => {predicate_js})"""
    )


def test_a_student_names_herself_answers_and_hands_in(lab_server, page):
    name = _student_notebook(lab_server.root / "klas")
    lab.open_notebook(page, lab_server, name)
    lab.run_all(page)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    try:
        assert not lab.problems_on_page(page)
        form = page.locator(".jp-OutputArea-output .widget-text input").first
        assert "Vul hieronder je naam in" in page.locator(".jp-OutputArea-output").first.inner_text() or form.count()
        form.click()
        form.type("Sanne de Vries", delay=10)
        form.press("Enter")  # keyboard only: Enter saves, as the button does
        page.get_by_text("Bewaard: je werkt als Sanne de Vries.").wait_for(timeout=20_000)
        assert page.get_by_text("Je werkt als Sanne de Vries. Je antwoorden worden bewaard.").count() >= 1
        page.screenshot(path=str(SCREENSHOTS / "leerling_06_naam.png"))

        # Opdracht 2: the student replaces ... by her letter and runs the cell.
        choice = _cell_index(page, "c.sharedModel.getSource().includes('check(\"06.hanoi-keuze\"')")
        page.evaluate(SET_SOURCE_JS, [choice, 'antwoord = "b"\ncheck("06.hanoi-keuze", antwoord)'])
        page.evaluate(RUN_CELL_JS, choice)
        page.get_by_text("Goed! (06.hanoi-keuze)").wait_for(timeout=30_000)

        progress = _cell_index(page, "c.sharedModel.getSource().trim() === 'voortgang()'")
        page.evaluate(RUN_CELL_JS, progress)
        page.get_by_text("Voortgang van Sanne de Vries, les 06: 1 van de 5 opdrachten goed.").wait_for(timeout=30_000)

        hand_in = _cell_index(page, "c.sharedModel.getSource().trim() === 'inleveren()'")
        page.evaluate(RUN_CELL_JS, hand_in)
        page.get_by_text("Sanne de Vries, je werk van les 06 is ingeleverd.").wait_for(timeout=30_000)
    finally:
        page.screenshot(path=str(SCREENSHOTS / "leerling_06_inleveren.png"), full_page=True)
    handed = sorted((lab_server.root / "klas" / "inleveren").glob("06_sanne-de-vries_*.json"))
    assert len(handed) == 1
    data = json.loads(handed[0].read_text(encoding="utf-8"))
    rows = {r["id"]: r for r in data["opdrachten"]}
    assert data["leerling"]["naam"] == "Sanne de Vries" and rows["06.hanoi-keuze"]["status"] == "goed"
    assert rows["06.bewijs-trump"]["status"] == "niet beantwoord"
    remembered = json.loads((lab_server.root / "klas" / ".dossier-leerling.json").read_text(encoding="utf-8"))
    assert remembered == {"naam": "Sanne de Vries"}
