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
    """A YAML file that cannot be read; the Dutch message names the file and the line (`line`, 0 if none)."""

    def __init__(self, message: str, line: int = 0):
        super().__init__(message)
        self.line = line


def read_yaml(path: str | Path, what: str = "dit gegevensbestand") -> Any:
    """Read one YAML file; a broken one gives a `YamlFileError` naming `path`, the line and what to do.

    A missing file raises FileNotFoundError: what to do then depends on the file.
    """
    import yaml

    from ..errors import yaml_error_line

    path = Path(path)
    text = None
    try:
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C loader is ~10x faster when present
        text = path.read_text(encoding="utf-8-sig")
        return yaml.load(text, Loader=loader)
    except FileNotFoundError:
        raise  # the caller says what is missing and what to do (see lessons/inhoud.py)
    except OSError as exc:
        raise YamlFileError(f"{path}: {what} kan niet gelezen worden ({exc.strerror}).", 1) from None
    except UnicodeDecodeError:
        raise YamlFileError(f"{path}: {what} is geen UTF-8-tekst; sla het op als UTF-8.", 1) from None
    except ValueError as exc:  # e.g. 2018-30-05, which YAML reads as an impossible date
        raise YamlFileError(
            f"{path}: {what}: een waarde kan YAML niet lezen ({exc}); zet een datum die niet bestaat tussen "
            "aanhalingstekens, zoals '2018-30-05'.",
            1,
        ) from None
    except yaml.YAMLError as exc:
        line = yaml_error_line(exc, text)
        raise YamlFileError(
            f"{path}:{line}: {what} is niet goed opgebouwd ({getattr(exc, 'problem', exc)}) "
            "— controleer de inspringing en de dubbele punten rond die regel.",
            line,
        ) from None


@cache
def load_yaml(name: str) -> Any:
    """Read `dossier_lib/data/NAME` (cached: the files do not change during a lesson)."""
    return read_yaml(DATA_DIR / name)
