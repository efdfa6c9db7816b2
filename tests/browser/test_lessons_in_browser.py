"""Each lesson in a real JupyterLab: runs without errors, and every kind of widget control works
by keyboard and by mouse without touching the notebook.

A new lesson (notebooks/NN_*.ipynb) is covered automatically: the test finds our controls by
their class (`dossier-control dossier-KIND`, see dossier_lib/controls.py), never by cell number.
For the first control of each kind in a lesson it
- changes the choice with the keyboard (arrow keys, Space, typing) and checks that the control
  and the output changed;
- presses the keys JupyterLab's command mode acts on (`m`, `d d`, `a`, `b`, arrows, ...) on the
  focused control and checks that no cell changed type, disappeared or was added, and that the
  active cell stayed where it was (upstream ipywidgets #3912);
- changes the choice with the mouse and checks the output changed.
Every focusable element in a widget must carry `data-lm-suppress-shortcuts` and a Dutch label.
In the article reader, the details of a name open by Tab and by a click.
A screenshot per lesson lands in test-artifacts/screenshots/ (git-ignored).
"""

from __future__ import annotations

import re
from pathlib import Path

import jupyterlab_page as lab

SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"


def _changes(page, kind: str, target, action) -> tuple[bool, bool]:
    """(the control's state changed, an output changed) after `action`."""
    state, shown = lab.control_state(target), lab.outputs_snapshot(page)
    action(page, kind, target)
    wait = 2 if kind == "checkbox" else 10  # a check box may rightly change nothing (see below)
    shown_changed = lab.wait_until(lambda: lab.outputs_snapshot(page) != shown, timeout_s=wait)
    if shown_changed:
        lab.settle(page)  # the rest of the widget's update arrives before the next key
    return lab.control_state(target) != state, shown_changed


def check_controls(page, name: str) -> list[str]:
    """Drive the first control of each kind by keyboard and by mouse; return the kinds tried."""
    kinds = lab.kinds_on_page(page)
    cell_types = page.evaluate(lab.CELL_TYPES_JS)
    for kind in kinds:
        target = lab.control(page, kind)
        target.scroll_into_view_if_needed()
        target.focus()
        active = page.evaluate(lab.ACTIVE_CELL_JS)

        state_changed, output_changed = _changes(page, kind, target, lab.use_by_keyboard)
        assert state_changed or kind == "button", f"{name}: de {kind} veranderde niet met het toetsenbord"
        # A check box may change nothing visible: 'zoekpatroon' on a plain word finds the same hits.
        # A text area (a teacher's comment) is stored, not shown elsewhere.
        must_show = kind not in ("checkbox", "textarea")
        assert output_changed or not must_show, f"{name}: na de {kind} met het toetsenbord veranderde de uitvoer niet"

        if kind == "months":  # a screen reader hears the month, not a number
            spoken = target.get_attribute("aria-valuetext") or ""
            assert re.fullmatch(r"(jan|feb|mrt|apr|mei|jun|jul|aug|sep|okt|nov|dec) \d{4}", spoken), spoken
        lab.press_notebook_keys(page, target, kind)
        after = page.evaluate(lab.CELL_TYPES_JS)
        assert after == cell_types, (
            f"{name}: toetsen op de {kind} veranderden de cellen: {len(cell_types)} -> {len(after)} cellen, "
            f"soorten {[i for i, (a, b) in enumerate(zip(cell_types, after)) if a != b]} anders"
        )
        assert page.evaluate(lab.ACTIVE_CELL_JS) == active, f"{name}: pijltjes op de {kind} gingen naar een andere cel"

        target = lab.control(page, kind)  # the same control, looked up again after the keys
        state_changed, output_changed = _changes(page, kind, target, lab.use_by_mouse)
        assert state_changed or kind == "button", f"{name}: de {kind} veranderde niet met de muis"
        # A button pressed twice (keyboard, then mouse) may show the same result again.
        again_same = kind == "button"
        assert output_changed or not must_show or again_same, (
            f"{name}: na de {kind} met de muis veranderde de uitvoer niet"
        )
    assert page.evaluate(lab.CELL_TYPES_JS) == cell_types
    return kinds


TIP_VISIBLE_JS = """() => {
  const el = document.activeElement;
  if (!el || !el.classList.contains('dossier-name')) return null;
  const tip = el.querySelector('.dossier-tip');
  return getComputedStyle(tip).display !== 'none' && tip.offsetHeight > 0 ? tip.innerText : '';
}"""


def check_name_details(page, name: str) -> None:
    """In the reader, Tab from the last check box reaches a name, and its details show; a click does too."""
    reader = page.locator(".jp-OutputArea-output .dossier-panel:has(.dossier-name)").first
    reader.locator(".dossier-checkbox input").last.focus()
    for _ in range(3):
        page.keyboard.press("Tab")
        if page.evaluate(TIP_VISIBLE_JS) is not None:
            break
    details = page.evaluate(TIP_VISIBLE_JS)
    assert details, f"{name}: met Tab opent de uitleg bij een naam niet (focus op {details!r})"
    other = reader.locator(".dossier-name").nth(3)
    other.click()
    assert page.evaluate(TIP_VISIBLE_JS), f"{name}: met een klik opent de uitleg bij een naam niet"
    # the name most to the right: its details move left so that they are not cut off
    rightmost = reader.evaluate(
        "r => { const names = Array.from(r.querySelectorAll('.dossier-name'));"
        " return names.indexOf(names.reduce((a, b) => b.getBoundingClientRect().right > a.getBoundingClientRect().right ? b : a)); }"
    )
    target = reader.locator(".dossier-name").nth(rightmost)
    target.focus()
    fits = lab.wait_until(
        lambda: target.evaluate(
            "n => { const t = n.querySelector('.dossier-tip').getBoundingClientRect();"
            " const a = n.closest('.widget-html-content').getBoundingClientRect(); return t.width > 0 && t.right <= a.right; }"
        ),
        timeout_s=3,
    )
    assert fits, f"{name}: de uitleg bij een naam aan de rechterkant valt buiten beeld"


def test_lesson_runs_and_its_widgets_work_by_keyboard_and_mouse(lesson, lab_server, page):
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
        focusable = lab.focusable_in_widgets(page)
        leaking = [f"{f['tag']}.{f['cls']}" for f in focusable if not f["keeps"]]
        assert not leaking, f"{lesson.name}: toetsen gaan naar het notebook bij {leaking[:5]}"
        unlabelled = [f"{f['tag']}.{f['cls']}" for f in focusable if not f["label"].strip()]
        assert not unlabelled, f"{lesson.name}: zonder label voor een schermlezer: {unlabelled[:5]}"

        kinds = check_controls(page, lesson.name)
        assert bool(kinds) == bool(expected), f"{lesson.name}: widgets gevonden, maar geen enkele om te bedienen"
        if page.locator(".jp-OutputArea-output .dossier-name").count():
            check_name_details(page, lesson.name)
        assert not lab.problems_on_page(page), f"{lesson.name}: fout na gebruik van de widgets"
    finally:
        page.screenshot(path=str(SCREENSHOTS / f"{lesson.stem}.png"), full_page=True)


def test_the_checks_notice_what_they_should(lab_server, page):
    """The checks themselves, on a small notebook.

    - A control of ours wired to nothing: its choice changes, but no output does.
    - `m` on it changes no cell; `m` on a plain ipywidgets Dropdown turns its cell into Markdown
      (ipywidgets #3912). If that part ever fails, upstream has fixed the bug.
    """
    import nbformat
    from nbformat.v4 import new_code_cell, new_notebook

    ours = "from dossier_lib import controls\nimport ipywidgets as w\n"
    ours += "w.VBox([controls.Dropdown(options=['een', 'twee'], description='Los:'), w.HTML('blijft staan')])"
    plain = "import ipywidgets as w\nw.Dropdown(options=['een', 'twee', 'drie'])"
    nb = new_notebook(cells=[new_code_cell(ours), new_code_cell(plain), new_code_cell("1")])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(nb, lab_server.root / "zz_controle.ipynb")
    lab.open_notebook(page, lab_server, "zz_controle.ipynb")
    lab.run_all(page)

    assert lab.kinds_on_page(page) == ["dropdown"]
    target = lab.control(page, "dropdown")
    state_changed, output_changed = _changes(page, "dropdown", target, lab.use_by_keyboard)
    assert state_changed and not output_changed
    lab.press_notebook_keys(page, target, "dropdown")
    assert page.evaluate(lab.CELL_TYPES_JS) == ["code", "code", "code"]

    page.locator(".jp-OutputArea-output .widget-dropdown select").focus()
    page.keyboard.press("m")
    assert page.evaluate(lab.CELL_TYPES_JS)[1] == "markdown", "de toets m bereikte het notebook niet (meer)"
