"""Driving a notebook in JupyterLab through `window.jupyterapp` (needs expose_app_in_browser).

Plain helpers for the browser tests: open, wait for the kernel, run all, read
what the notebook shows, and find the first widget a student can touch.
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

# The first thing a student can move, type in, pick or press, in page order.
CONTROLS = [
    ("slider", ".widget-slider .noUi-handle, .widget-hslider .noUi-handle"),
    ("text", ".widget-text input, .widget-textarea textarea"),
    ("dropdown", ".widget-dropdown select, .widget-select select"),
    ("button", "button.jupyter-button:not(.mod-toggle)"),
    ("toggle", ".widget-toggle-buttons button, button.jupyter-button.mod-toggle"),
    ("checkbox", ".widget-checkbox input"),
]

MARK_CONTROL_JS = """([controls, nth]) => {
  document.querySelectorAll('[data-dossier-target]').forEach(e => e.removeAttribute('data-dossier-target'));
  document.querySelectorAll('[data-dossier-control]').forEach(e => e.removeAttribute('data-dossier-control'));
  const found = [];
  for (const [kind, selector] of controls) {
    for (const el of document.querySelectorAll(selector)) {
      const inOutput = el.closest('.jp-NotebookPanel .jp-OutputArea-output');
      const usable = !el.disabled && el.offsetParent !== null && !(kind === 'dropdown' && el.options.length < 2);
      if (inOutput && usable) found.push([kind, el]);
    }
  }
  if (found.length <= nth) return null;
  found.sort((a, b) => (a[1].compareDocumentPosition(b[1]) & Node.DOCUMENT_POSITION_FOLLOWING) ? -1 : 1);
  const [kind, el] = found[nth];
  el.setAttribute('data-dossier-target', '1');
  const root = el.closest('.widget-inline-hbox, .widget-button, .jupyter-button, .widget-toggle-buttons') || el;
  root.setAttribute('data-dossier-control', '1');
  return kind;
}"""

# Everything every output area shows, minus the control itself (its own readout always changes).
OUTPUTS_SNAPSHOT_JS = """() => Array.from(document.querySelectorAll('.jp-NotebookPanel .jp-OutputArea')).map(area => {
  const copy = area.cloneNode(true);
  copy.querySelectorAll('[data-dossier-control]').forEach(e => e.remove());
  return copy.innerText + '\\u0000' + Array.from(copy.querySelectorAll('img')).map(i => i.src.length + i.src.slice(-200)).join('|')
         + '\\u0000' + copy.innerHTML.replace(/\\s(class|style|aria-[a-z]+|tabindex)="[^"]*"/g, '');
}).join('\\u0001')"""


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


def mark_first_control(page, nth: int = 0) -> str | None:
    """Find and mark the first (or `nth`) usable interactive widget; return its kind (None: none left).

    A dropdown with one choice does not count. Take the `snapshot` after this: it leaves the marked control out.
    """
    return page.evaluate(MARK_CONTROL_JS, [[list(c) for c in CONTROLS], nth])


def use_control(page, kind: str) -> None:
    """Use the marked widget like a student would."""
    target = page.locator("[data-dossier-target]")
    target.scroll_into_view_if_needed()
    if kind == "slider":
        target.focus()
        target.press("ArrowRight")
    elif kind == "text":
        target.click()
        target.press("End")
        target.type(" Kim", delay=20)
        target.press("Enter")
    elif kind == "dropdown":
        options = target.evaluate("el => [el.options.length, el.selectedIndex]")
        target.select_option(index=(options[1] + 1) % max(options[0], 1))
    else:
        target.click()


def press_back(page, kind: str) -> None:
    """A second try for a slider that already stood at its maximum."""
    if kind == "slider":
        target = page.locator("[data-dossier-target]")
        target.focus()
        target.press("ArrowLeft")
        target.press("ArrowLeft")


def snapshot(page) -> str:
    return page.evaluate(OUTPUTS_SNAPSHOT_JS)


def wait_for_change(page, before: str, timeout_s: float = 10) -> bool:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if snapshot(page) != before:
            return True
        time.sleep(0.2)
    return False
