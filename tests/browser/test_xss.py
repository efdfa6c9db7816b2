"""Article text is shown as text, never run as code, in a real JupyterLab.

Teachers load their own articles, copied from web pages. If such a text holds
`<script>` or an `<img onerror=...>`, the reader widget and the error box must
show those characters, not execute them. JupyterLab runs scripts in trusted
HTML output, so only a real browser can prove this.
"""

from __future__ import annotations

import jupyterlab_page as lab
import nbformat
from nbformat.v4 import new_code_cell, new_notebook

EVIL_ARTICLE = """
import importlib.util, tempfile
from pathlib import Path
from IPython.display import HTML, display
from dossier_lib.corpus import parse_article

words = " ".join(["Kim en Trump spraken in Hanoi over raketten en sancties."] * 6)
text = ("date 2019-02\\n\\nTop in Hanoi zonder akkoord\\n\\n"
        "Het gesprek <script>window.__xss=1</script> eindigde vroeg. " + words + "\\n\\n"
        "Een foto <img src=x onerror=\\"window.__xss=2\\"> en <b>vet</b> en &amp; bleven tekst. " + words + "\\n")
folder = Path(tempfile.mkdtemp())
path = folder / "900_xss.txt"
path.write_text(text, encoding="utf-8")
article = parse_article(path, text)
shown = []
if importlib.util.find_spec("dossier_lib.widgets"):
    import dossier_lib.widgets as widgets
    if hasattr(widgets, "article_reader"):
        display(widgets.article_reader(article)); shown.append("article_reader")
    if hasattr(widgets, "article_html"):
        display(HTML(widgets.article_html(article))); shown.append("article_html")
    if hasattr(widgets, "side_by_side"):
        display(widgets.side_by_side(article, article, "script")); shown.append("side_by_side")
print("getoond:", ", ".join(shown) or "niets")
"""

# Last cell: the error box for a teacher's folder with HTML in a file and in a file name.
# (It ends in an error reply, which stops "run all": that is why it comes last.)
EVIL_FOLDER = """
from dossier_lib import load_dossier
bad = Path(tempfile.mkdtemp())
(bad / "<img src=x onerror=window.__xss=3>.txt").write_text(text, encoding="utf-8")
load_dossier(bad, bundled=False)
"""


def test_article_text_with_html_is_shown_as_text(lab_server, page):
    nb = new_notebook(cells=[new_code_cell(EVIL_ARTICLE), new_code_cell(EVIL_FOLDER)])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(nb, lab_server.root / "zz_xss.ipynb")
    lab.open_notebook(page, lab_server, "zz_xss.ipynb")
    lab.run_all(page)

    outputs = "\n".join(page.locator(".jp-NotebookPanel .jp-OutputArea").all_inner_texts())
    assert "getoond: article_reader" in outputs, f"de lezer-widget werd niet getoond:\n{outputs[:2000]}"
    assert page.evaluate("() => window.__xss") is None, "HTML uit een artikel werd als code uitgevoerd"
    assert "<script>window.__xss=1</script>" in outputs
    assert '<img src=x onerror="window.__xss=2">' in outputs
    assert "<b>vet</b>" in outputs
    assert "Deze artikelen kunnen niet geladen worden" in outputs
    assert "<img src=x onerror=window.__xss=3>.txt" in outputs
    assert page.locator(".jp-NotebookPanel .jp-OutputArea-output script").count() == 0
    assert page.get_by_text("Error displaying widget").count() == 0
