"""Each lesson in a real JupyterLab: runs without errors, widgets show up and respond.

A new lesson (notebooks/NN_*.ipynb) is covered automatically: the test finds
the first interactive widgets on the page by itself (slider, text box, dropdown,
button, toggle, checkbox), uses them in page order (up to three) and expects
some output outside the widget itself to change.
A screenshot per lesson lands in test-artifacts/screenshots/ (git-ignored).
"""

from __future__ import annotations

from pathlib import Path

import jupyterlab_page as lab

MAX_CONTROLS_TRIED = 3
SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"


def test_lesson_runs_and_its_widgets_respond(lesson, lab_server, page):
    lab.open_notebook(page, lab_server, lesson.name)
    lab.run_all(page)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    try:
        problems = lab.problems_on_page(page)
        assert not problems, f"{lesson.name} in JupyterLab:\n" + "\n".join(problems)

        expected, rendered = lab.widget_outputs(page)
        assert rendered == expected, (
            f"{lesson.name}: {expected} widget(s) in de uitvoer, maar {rendered} zichtbaar als widget"
        )

        tried = []
        for nth in range(MAX_CONTROLS_TRIED):  # the first control that responds counts
            kind = lab.mark_first_control(page, nth)
            if kind is None:
                break
            before = lab.snapshot(page)
            lab.use_control(page, kind)
            changed = lab.wait_for_change(page, before)
            if not changed:
                lab.press_back(page, kind)
                changed = lab.wait_for_change(page, before, timeout_s=3)
            tried.append(kind)
            if changed:
                break
        if not tried:
            assert expected == 0, f"{lesson.name}: widgets gevonden, maar geen enkele om te bedienen"
            return
        assert changed, (
            f"{lesson.name}: na gebruik van de eerste widgets ({', '.join(tried)}) veranderde er niets in de uitvoer"
        )
        assert not lab.problems_on_page(page), f"{lesson.name}: fout na gebruik van de {kind}"
    finally:
        page.screenshot(path=str(SCREENSHOTS / f"{lesson.stem}.png"), full_page=True)


def test_a_widget_that_changes_nothing_is_noticed(lab_server, page):
    """The check itself: a slider wired to nothing must not count as 'output changed'."""
    import nbformat
    from nbformat.v4 import new_code_cell, new_notebook

    nb = new_notebook(
        cells=[
            new_code_cell("import ipywidgets as w\nw.VBox([w.IntSlider(description='los'), w.HTML('blijft staan')])")
        ]
    )
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(nb, lab_server.root / "zz_losse_schuif.ipynb")
    lab.open_notebook(page, lab_server, "zz_losse_schuif.ipynb")
    lab.run_all(page)
    kind = lab.mark_first_control(page)
    assert kind == "slider"
    before = lab.snapshot(page)
    lab.use_control(page, kind)
    assert not lab.wait_for_change(page, before, timeout_s=3)
    assert page.locator("[data-dossier-control]").inner_text().strip().endswith("1"), "de schuif bewoog niet"
