"""The teacher's rubric in a real JupyterLab: clicking levels gives a cijfer, and another student starts empty."""

from __future__ import annotations

import jupyterlab_page as lab

NOTEBOOK = "00_nakijken.ipynb"


def _rubric_text(page) -> str:
    return page.locator(".jp-OutputArea-output .widget-vbox").filter(has_text="De hele klas").first.inner_text()


def test_scoring_the_rubric_by_clicking_gives_a_cijfer(lab_server, page):
    lab.open_notebook(page, lab_server, NOTEBOOK)
    lab.run_all(page)
    assert not lab.problems_on_page(page)
    panel = page.locator(".jp-OutputArea-output .widget-vbox").filter(has_text="De hele klas").first
    panel.scroll_into_view_if_needed()
    assert "Nog 5 van de 5 criteria te beoordelen" in _rubric_text(page)
    rows = panel.locator(".dossier-control.dossier-toggles")
    assert rows.count() == 5
    for i in range(5):  # "voldoende" on every criterion: 10 of 20 points
        rows.nth(i).get_by_role("radio", name="voldoende", exact=True).click()
    page.wait_for_function("() => document.body.innerText.includes('Punten: 10 van 20. Cijfer: 5,5')", timeout=10_000)
    assert "2 van 4 punten" in _rubric_text(page)  # the chosen level's points and description show
    panel.get_by_role("button", name="Volgende").click()
    page.wait_for_function(
        "() => document.body.innerText.includes('Nog 5 van de 5 criteria te beoordelen')", timeout=10_000
    )
    assert "5,5" in _rubric_text(page)  # the class overview keeps the first student's cijfer
