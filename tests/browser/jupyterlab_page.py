"""Driving a notebook in JupyterLab through `window.jupyterapp` (needs expose_app_in_browser).

Plain helpers for the browser tests: open, wait for the kernel, run all, read
what the notebook shows, and find and use our controls by keyboard and by mouse.
"""

from __future__ import annotations

import time
from pathlib import Path

#: Debian's Chromium (never `playwright install`) and the flags it runs with in the tests.
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

KERNEL_READY_JS = """() => {
  const w = window.jupyterapp && window.jupyterapp.shell.currentWidget;
  const k = w && w.sessionContext && w.sessionContext.session && w.sessionContext.session.kernel;
  return !!k && k.connectionStatus === 'connected' && k.status === 'idle';
}"""

ALL_EXECUTED_JS = """() => {
  const w = window.jupyterapp.shell.currentWidget;
  const k = w.sessionContext.session && w.sessionContext.session.kernel;
  if (!k || k.status !== 'idle') return false;
  const cells = Array.from(w.content.model.cells);
  return cells.every(c => c.type !== 'code' || !c.sharedModel.getSource().trim()
                          || c.executionCount !== null);
}"""

STATE_JS = """() => {
  const w = window.jupyterapp.shell.currentWidget;
  return Array.from(w.content.model.cells).map((c, i) => ({
    index: i,
    type: c.type,
    count: c.type === 'code' ? c.executionCount : null,
    tags: (c.getMetadata && c.getMetadata('tags')) || [],
    outputs: c.type === 'code' ? c.outputs.toJSON() : [],
  }));
}"""


def open_notebook(page, server, name: str) -> None:
    """Open a notebook and wait until its kernel is connected and idle."""
    page.goto(server.notebook_url(name))
    page.wait_for_selector(".jp-NotebookPanel .jp-Cell")
    page.wait_for_function(KERNEL_READY_JS, timeout=90_000)


def run_all(page, timeout_s: float = 180) -> None:
    """Clear outputs, run every cell (fire and forget: a dialog must not hang us) and wait."""
    page.evaluate("() => { window.jupyterapp.commands.execute('notebook:clear-all-cell-outputs'); }")
    page.evaluate("() => { window.jupyterapp.commands.execute('notebook:run-all-cells'); }")
    time.sleep(0.5)
    page.wait_for_function(ALL_EXECUTED_JS, timeout=timeout_s * 1000, polling=250)


def notebook_state(page) -> list[dict]:
    return page.evaluate(STATE_JS)


def problems_on_page(page) -> list[str]:
    """Errors a student would see: error outputs, tracebacks on stderr, widgets that failed."""
    problems = []
    for cell in notebook_state(page):
        may_raise = bool({"raises-exception", "nbval-raises-exception"} & set(cell["tags"]))
        for output in cell["outputs"]:
            if output.get("output_type") == "error" and not may_raise:
                problems.append(f"cel {cell['index']}: {output.get('ename')}: {output.get('evalue')}")
    stderr = page.locator('.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]')
    for text in stderr.all_inner_texts():
        if "Traceback" in text:
            problems.append(f"traceback op stderr: {text[:300]}")
    failed_widgets = page.get_by_text("Error displaying widget").count()
    if failed_widgets:
        problems.append(f"{failed_widgets} keer 'Error displaying widget'")
    return problems


def widget_outputs(page) -> tuple[int, int]:
    """(widget outputs in the notebook model, of those rendered as live widgets on the page)."""
    expected = sum(
        1
        for cell in notebook_state(page)
        for output in cell["outputs"]
        if "application/vnd.jupyter.widget-view+json" in output.get("data", {})
    )
    # A live widget view is a `.jupyter-widgets` element straight inside an output (no mime-type attribute).
    rendered = page.locator(".jp-NotebookPanel .jp-OutputArea-output > .jupyter-widgets").count()
    return expected, rendered


# ---------------------------------------------------------------- keyboard and mouse on our controls
#
# Our controls (dossier_lib/controls.py) carry the class "dossier-control dossier-KIND"; the
# tests find them by that class, so they need no cell numbers. KIND -> the element a student
# focuses inside the control.
OUR_CONTROLS = {
    "dropdown": "select",
    "list": "select",
    "toggles": "button[aria-checked='true']",
    "radios": "input[type=radio]",
    "checkbox": "input[type=checkbox]",
    "text": "input[type=text]",
    "textarea": "textarea",
    "months": "input[type=range]",
    "button": "button",
}

CELL_TYPES_JS = "() => window.jupyterapp.shell.currentWidget.content.widgets.map(c => c.model.type)"
ACTIVE_CELL_JS = "() => window.jupyterapp.shell.currentWidget.content.activeCellIndex"

# The kinds of our controls on the page (in an output area or in Voila), in page order. The first
# usable control of each kind gets the attribute data-dossier-try="KIND" (a list needs two options).
KINDS_ON_PAGE_JS = """(scope) => {
  document.querySelectorAll('[data-dossier-try]').forEach(e => e.removeAttribute('data-dossier-try'));
  const seen = [];
  for (const el of document.querySelectorAll(scope + ' .dossier-control')) {
    const cls = Array.from(el.classList).find(c => c.startsWith('dossier-') && c !== 'dossier-control');
    const kind = cls && cls.slice(8);
    const select = el.querySelector('select');
    const usable = el.offsetParent !== null && !(select && (select.options.length < 2 || select.disabled));
    if (kind && usable && !seen.includes(kind)) { seen.push(kind); el.setAttribute('data-dossier-try', kind); }
  }
  return seen;
}"""

# Every element a student can focus inside a widget output, and whether it keeps its keys.
FOCUSABLE_IN_WIDGETS_JS = """(scope) => {
  const selector = 'select, input, button, textarea, [tabindex]:not([tabindex="-1"]), [contenteditable]';
  return Array.from(document.querySelectorAll(scope + ' .jupyter-widgets')).flatMap(w =>
    Array.from(w.querySelectorAll(selector))).filter(el => el.offsetParent !== null || el.closest('.dossier-name'))
    .map(el => ({tag: el.tagName.toLowerCase(), cls: el.className || '', keeps: el.hasAttribute('data-lm-suppress-shortcuts'),
                 label: (el.labels && el.labels[0] && el.labels[0].textContent) || el.getAttribute('aria-label')
                        || el.getAttribute('aria-labelledby') && document.getElementById(el.getAttribute('aria-labelledby')).textContent
                        || el.closest('fieldset') && el.closest('fieldset').querySelector('legend').textContent
                        || el.closest('[role=radiogroup],[role=group]') && document.getElementById(
                             el.closest('[role=radiogroup],[role=group]').getAttribute('aria-labelledby')).textContent
                        || (el.tagName === 'BUTTON' && el.textContent) || (el.classList.contains('dossier-name') && el.textContent) || ''}));
}"""

# The state of one control that a choice changes (value, checked, aria-checked, aria-valuetext).
CONTROL_STATE_JS = """(el) => {
  const root = el.closest('.dossier-control');
  return Array.from(root.querySelectorAll('select, input, button, textarea')).map(e =>
    [e.value, e.checked, e.getAttribute('aria-checked'), e.getAttribute('aria-valuetext')].join('|')).join(';');
}"""


def kinds_on_page(page, scope: str = ".jp-NotebookPanel .jp-OutputArea-output") -> list[str]:
    """The kinds of our controls on the page; a text box last (the keys typed into it change its search)."""
    return sorted(page.evaluate(KINDS_ON_PAGE_JS, scope), key=lambda kind: kind in ("text", "textarea"))


def focusable_in_widgets(page, scope: str = ".jp-NotebookPanel .jp-OutputArea-output") -> list[dict]:
    return page.evaluate(FOCUSABLE_IN_WIDGETS_JS, scope)


def control(page, kind: str):
    """The focusable element of the control of `kind` that `kinds_on_page` chose."""
    return page.locator(f"[data-dossier-try='{kind}'] {OUR_CONTROLS[kind]}").first


def control_state(locator) -> str:
    return locator.evaluate(CONTROL_STATE_JS)


def outputs_snapshot(page, scope: str = ".jp-NotebookPanel .jp-OutputArea") -> str:
    """What every output shows, the controls themselves left out: text and markup (minus ids and styles)."""
    return page.evaluate(
        """(scope) => Array.from(document.querySelectorAll(scope)).map(a => {
             const c = a.cloneNode(true); c.querySelectorAll('.dossier-control').forEach(e => e.remove());
             return c.textContent + '\\u0000' + c.innerHTML.replace(/\\s(class|style|id|aria-[a-z]+|tabindex|data-[a-z-]+)="[^"]*"/g, '');
           }).join('\\u0001')""",
        scope,
    )


def settle(page, scope: str = ".jp-NotebookPanel .jp-OutputArea", quiet_s: float = 0.3, timeout_s: float = 10) -> None:
    """Wait until the outputs stop changing (the kernel may still send a widget's later updates)."""
    deadline, last, since = time.monotonic() + timeout_s, None, time.monotonic()
    while time.monotonic() < deadline:
        now = outputs_snapshot(page, scope)
        if now != last:
            last, since = now, time.monotonic()
        elif time.monotonic() - since >= quiet_s:
            return
        time.sleep(0.1)


def wait_until(check, timeout_s: float = 10) -> bool:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.1)
    return False


def use_by_keyboard(page, kind: str, target) -> None:
    """Change the control's choice with keys only (after focusing it)."""
    target.focus()
    if kind in ("dropdown", "list"):
        page.keyboard.press("ArrowDown")
    elif kind in ("toggles", "radios"):
        page.keyboard.press("ArrowRight")
    elif kind == "checkbox":
        page.keyboard.press("Space")
    elif kind == "text":
        page.keyboard.press("End")
        page.keyboard.type(" Kim", delay=10)
        page.keyboard.press("Enter")
    elif kind == "textarea":
        page.keyboard.press("End")
        page.keyboard.type(" Goed gedaan.", delay=10)
        page.keyboard.press("Tab")  # leaving the box keeps the text
    elif kind == "months":
        page.keyboard.press("ArrowRight")
    elif kind == "button":
        page.keyboard.press("Enter")


def use_by_mouse(page, kind: str, target) -> None:
    """Change the control's choice with the mouse."""
    root = target.locator("xpath=ancestor::*[contains(@class,'dossier-control')][1]")
    if kind in ("dropdown", "list"):
        n, i = target.evaluate("el => [el.options.length, el.selectedIndex]")
        step = 2 if n > 2 else 1  # with two options, +2 would land on the same one
        target.select_option(index=(i + step) % max(n, 1))
    elif kind == "toggles":
        root.locator("button[aria-checked='false']").first.click()
    elif kind == "radios":
        root.locator("label.dossier-radio").last.click()
    elif kind in ("checkbox", "button"):
        target.click()
    elif kind == "text":
        target.click()
        target.fill("Trump")
        target.press("Enter")
    elif kind == "textarea":
        target.click()
        target.fill("Een opmerking met de muis.")
        page.mouse.click(5, 5)  # clicking elsewhere keeps the text
    elif kind == "months":
        box = target.bounding_box()
        target.click(position={"x": box["width"] * 0.5, "y": box["height"] / 2})


#: Keys that JupyterLab's command mode would act on: change the cell to Markdown, delete it, move.
NOTEBOOK_KEYS = ["m", "d", "d", "y", "a", "b", "ArrowDown", "ArrowUp", "j", "k"]


def press_notebook_keys(page, target, kind: str, scope: str = ".jp-NotebookPanel .jp-OutputArea") -> None:
    """Press the keys JupyterLab acts on, on the focused control (a text box takes them as text), then wait."""
    target.focus()
    for key in NOTEBOOK_KEYS:
        page.keyboard.press(key)
    if kind == "text":
        page.keyboard.press("Enter")
    time.sleep(0.3)  # the arrow keys may have changed the control: let the kernel answer
    settle(page, scope)
