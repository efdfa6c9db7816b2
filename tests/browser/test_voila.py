"""Lessons in Voilà as `make present` shows them on a classroom projector (1280×720).

- Text is large enough to read from the back of a classroom: measured font sizes of the
  lesson text, the article text and the article's source line.
- Every kind of our controls works by keyboard there too, and keys pressed on them do no harm.
- The reader's name details open by Tab.
Screenshots land in test-artifacts/screenshots/voila_NN.png.
"""

from __future__ import annotations

from pathlib import Path

import jupyterlab_page as lab
import pytest

SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"
OUTPUTS = ".jp-OutputArea-output"
#: Smallest font sizes (CSS px at 1280×720) that stay readable on a projector from the back row.
MIN_PX = {"lesson text": 18, "article text": 20, "source line": 18, "control label": 18}

SIZES_JS = """() => {
  const px = sel => { const e = document.querySelector(sel); return e ? parseFloat(getComputedStyle(e).fontSize) : null; };
  return {'lesson text': px('.jp-MarkdownOutput p'), 'article text': px('.dossier-article p.dossier-body'),
          'source line': px('.dossier-card span'), 'control label': px('.dossier-control .dossier-label')};
}"""


@pytest.mark.parametrize("name", ["04_singapore.ipynb", "02_tijdlijn.ipynb"])
def test_lesson_in_voila_is_readable_and_works_by_keyboard(name, voila_server, projector):
    page = projector
    page.goto(voila_server.notebook_url(name))
    page.wait_for_selector(f"{OUTPUTS} .dossier-control", timeout=120_000)
    lab.settle(page, OUTPUTS, quiet_s=1.0, timeout_s=60)  # Voilà may still be running the last cells
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    try:
        assert page.get_by_text("Error displaying widget").count() == 0
        sizes = page.evaluate(SIZES_JS)
        small = {what: size for what, size in sizes.items() if size is not None and size < MIN_PX[what]}
        assert not small, f"{name} in Voilà: te klein voor een beamer (px): {small}"
        assert sizes["lesson text"] and sizes["control label"]

        kinds = lab.kinds_on_page(page, OUTPUTS)
        assert kinds
        for kind in kinds:
            target = lab.control(page, kind)
            target.scroll_into_view_if_needed()
            state, shown = lab.control_state(target), lab.outputs_snapshot(page, OUTPUTS)
            lab.use_by_keyboard(page, kind, target)
            assert lab.wait_until(lambda t=target, s=state: lab.control_state(t) != s), f"{name}: {kind} reageert niet"
            if kind != "checkbox":  # a check box may rightly change nothing (see test_lessons_in_browser.py)
                changed = lab.wait_until(lambda s=shown: lab.outputs_snapshot(page, OUTPUTS) != s)
                assert changed, f"{name} in Voilà: na de {kind} met het toetsenbord veranderde de uitvoer niet"
                lab.settle(page, OUTPUTS)
            lab.press_notebook_keys(page, target, kind, OUTPUTS)
        page.screenshot(path=str(SCREENSHOTS / f"voila_{name[:2]}.png"))
        if page.locator(f"{OUTPUTS} .dossier-name").count():
            reader = page.locator(f"{OUTPUTS} .dossier-panel:has(.dossier-name)").first
            reader.locator(".dossier-checkbox input").last.focus()
            page.keyboard.press("Tab")
            tip = page.evaluate(
                "() => { const t = document.activeElement.querySelector('.dossier-tip');"
                " return t && getComputedStyle(t).display !== 'none' ? t.textContent : null; }"
            )
            assert tip, f"{name} in Voilà: met Tab opent de uitleg bij een naam niet"
            page.screenshot(path=str(SCREENSHOTS / f"voila_{name[:2]}_naam.png"))
        assert not page.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']").count()
    finally:
        page.screenshot(path=str(SCREENSHOTS / f"voila_{name[:2]}_einde.png"), full_page=True)
