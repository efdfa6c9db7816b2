"""The data files a teacher can edit: knowledge base, timeline, glossary, claims, source cards.

They are YAML so that they read like a list on paper. `load_yaml` reads one,
and names the file and line when a teacher's edit broke it.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

DATA_DIR = Path(__file__).resolve().parent


@cache
def load_yaml(name: str) -> Any:
    """Read `dossier_lib/data/NAME` (cached: the files do not change during a lesson)."""
    import yaml

    path = DATA_DIR / name
    try:
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C loader is ~10x faster when present
        with path.open(encoding="utf-8") as fh:
            return yaml.load(fh, Loader=loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else 0
        raise ValueError(
            f"{path}:{line}: dit gegevensbestand is niet goed opgebouwd ({getattr(exc, 'problem', exc)}) "
            "— controleer de inspringing en de dubbele punten rond die regel."
        ) from None
