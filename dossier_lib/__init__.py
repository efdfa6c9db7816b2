"""Dossier Noord-Korea: the helper library behind the lessons.

    >>> from dossier_lib import load_dossier
    >>> dossier = load_dossier()
    >>> dossier["003"].headline
    'Historische ontmoeting Trump en Kim'

Importing this package is cheap: pandas, matplotlib and ipywidgets are loaded
only when a table, chart or widget is asked for.
"""

import os as _os

from . import notebook_display as _notebook_display
from .corpus import Article, Dossier, Paragraph, SourceCard, load_dossier, read_article
from .errors import DossierFormatError, Problem

__all__ = [
    "Article",
    "Dossier",
    "DossierFormatError",
    "Paragraph",
    "Problem",
    "SourceCard",
    "load_dossier",
    "read_article",
]
__version__ = "0.1.0"

_notebook_display.install()

# DOSSIER_OFFLINE=1 blocks every connection that leaves this computer (the tests use it to
# prove the lessons need no internet; a teacher can use it the same way).
if _os.environ.get("DOSSIER_OFFLINE"):
    from . import netguard as _netguard

    _netguard.install_from_env()
