"""The data files a teacher can edit: knowledge base, timeline, glossary, claims, source cards.

They are YAML so that they read like a list on paper. `load_yaml` reads one,
and names the file and line when a teacher's edit broke it.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

DATA_DIR = Path(__file__).resolve().parent


class YamlFileError(ValueError):
    """A YAML file that cannot be read; the Dutch message names the file and the line."""


def read_yaml(path: str | Path, what: str = "dit gegevensbestand") -> Any:
    """Read one YAML file; a broken one gives a `YamlFileError` naming `path`, the line and what to do.

    A missing file raises FileNotFoundError: what to do then depends on the file.
    """
    import yaml

    path = Path(path)
    try:
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C loader is ~10x faster when present
        with path.open(encoding="utf-8") as fh:
            return yaml.load(fh, Loader=loader)
    except FileNotFoundError:
        raise  # the caller knows best what a missing file means
    except OSError as exc:
        raise YamlFileError(f"{path}: {what} kan niet gelezen worden ({exc.strerror}).") from None
    except UnicodeDecodeError:
        raise YamlFileError(f"{path}: {what} is geen UTF-8-tekst; sla het op als UTF-8.") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else 0
        raise YamlFileError(
            f"{path}:{line}: {what} is niet goed opgebouwd ({getattr(exc, 'problem', exc)}) "
            "— controleer de inspringing en de dubbele punten rond die regel."
        ) from None


@cache
def load_yaml(name: str) -> Any:
    """Read `dossier_lib/data/NAME` (cached: the files do not change during a lesson)."""
    return read_yaml(DATA_DIR / name)
