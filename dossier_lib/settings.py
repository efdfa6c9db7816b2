"""Lesson settings a teacher can change without editing a cell: the teacher's own articles.

`lesson_dossier()` is what every lesson's first cell loads: the five bundled articles and,
when the teacher has said where, the teacher's own folder next to them. There are two ways
to say where (the first one found wins):

1. the environment variable ``DOSSIER_ARTIKELEN`` (for a school hub or a terminal):
   ``DOSSIER_ARTIKELEN=/home/docent/mijn_artikelen jupyter lab``;
2. a file ``dossier-instellingen.yaml`` in the notebook's folder or a folder above it::

       artikelen: mijn_artikelen/

   A relative path is read from the folder of the settings file.

An empty value (``artikelen:`` or ``DOSSIER_ARTIKELEN=``) switches the teacher's articles off.
A setting that points nowhere stops the lesson with a Dutch message that names the file,
the line and what to do, instead of silently showing only the bundled five.

    >>> articles_setting(environ={}, cwd=Path("/")).folder is None
    True
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from .errors import DossierFormatError, Problem
from .paths import ARTICLES_ENV, SETTINGS_FILE

#: The one key a settings file knows.
ARTICLES_KEY = "artikelen"


class SettingsError(DossierFormatError):
    """The setting for the teacher's articles points nowhere or cannot be read."""

    title = "De instelling voor je eigen artikelen klopt niet."


@dataclass(frozen=True)
class ArticlesSetting:
    """Where the teacher's articles are (None: only the bundled five) and who said so."""

    folder: Path | None
    source: str = ""  # "DOSSIER_ARTIKELEN", the path of the settings file, or "" when nothing is set

    @property
    def described(self) -> str:
        """One Dutch sentence on what the lessons will load."""
        if self.folder is None:
            return "De lessen gebruiken alleen de vijf meegeleverde artikelen (er is geen map met eigen artikelen ingesteld)."
        return f"De lessen gebruiken de vijf meegeleverde artikelen en de artikelen in {self.folder} (ingesteld in {self.source})."


def settings_file(cwd: Path | None = None) -> Path | None:
    """The nearest ``dossier-instellingen.yaml``: in `cwd` (the notebook's folder) or a folder above it."""
    here = Path(cwd or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        candidate = folder / SETTINGS_FILE
        if candidate.is_file():
            return candidate
    return None


def articles_setting(environ: Mapping[str, str] | None = None, cwd: Path | None = None) -> ArticlesSetting:
    """Read the setting: the environment variable first, then the settings file. Raises `SettingsError`."""
    environ = os.environ if environ is None else environ
    cwd = Path(cwd or Path.cwd())
    if ARTICLES_ENV in environ:
        value = environ[ARTICLES_ENV].strip()
        if not value:
            return ArticlesSetting(None, ARTICLES_ENV)
        folder = _resolve(value, cwd)
        problem = _folder_problem(folder, ARTICLES_ENV, 0, value)
        if problem:
            raise SettingsError([problem])
        return ArticlesSetting(folder, ARTICLES_ENV)
    path = settings_file(cwd)
    if path is None:
        return ArticlesSetting(None, "")
    return _read_settings_file(path)


def _read_settings_file(path: Path) -> ArticlesSetting:
    import yaml

    from .data import YamlFileError, read_yaml

    name = str(path)
    try:
        data = read_yaml(path, "het instellingenbestand")
    except YamlFileError as exc:
        raise SettingsError(
            [
                Problem(
                    name,
                    exc.line or 1,
                    "het instellingenbestand is niet goed opgebouwd.",
                    f"schrijf één regel '{ARTICLES_KEY}: mijn_artikelen/' (met een spatie na de dubbele punt).",
                )
            ]
        ) from None
    lines = _key_lines(yaml.compose(path.read_text(encoding="utf-8-sig")))
    if data is None:
        return ArticlesSetting(None, name)
    if not isinstance(data, dict):
        raise SettingsError(
            [
                Problem(
                    name,
                    1,
                    "het instellingenbestand is geen lijstje 'sleutel: waarde'.",
                    f"schrijf '{ARTICLES_KEY}: mijn_artikelen/'.",
                )
            ]
        )
    for key in data:
        if key != ARTICLES_KEY:
            close = difflib.get_close_matches(str(key), [ARTICLES_KEY], n=1, cutoff=0.5)
            raise SettingsError(
                [
                    Problem(
                        name,
                        lines.get(str(key), 1),
                        f"onbekende instelling {key!r}.",
                        f"bedoel je '{ARTICLES_KEY}'?" if close else f"de enige instelling is '{ARTICLES_KEY}: MAP'.",
                    )
                ]
            )
    value = data.get(ARTICLES_KEY)
    if value is None or (isinstance(value, str) and not value.strip()):
        return ArticlesSetting(None, name)
    if not isinstance(value, str):
        raise SettingsError(
            [
                Problem(
                    name,
                    lines.get(ARTICLES_KEY, 1),
                    f"'{ARTICLES_KEY}' moet een map zijn, zoals mijn_artikelen/.",
                    "zet de naam van de map achter de dubbele punt.",
                )
            ]
        )
    folder = _resolve(value.strip(), path.parent)
    problem = _folder_problem(folder, name, lines.get(ARTICLES_KEY, 1), value.strip())
    if problem:
        raise SettingsError([problem])
    return ArticlesSetting(folder, name)


def _key_lines(node) -> dict[str, int]:
    import yaml

    if isinstance(node, yaml.MappingNode):
        return {str(k.value): k.start_mark.line + 1 for k, _ in node.value}
    return {}


def _resolve(value: str, base: Path) -> Path:
    path = Path(os.path.expandvars(os.path.expanduser(value)))
    return (path if path.is_absolute() else base / path).resolve()


def _folder_problem(folder: Path, where: str, line: int, written: str) -> Problem | None:
    said = f"de omgevingsvariabele {ARTICLES_ENV}" if where == ARTICLES_ENV else "de instelling"
    if folder.is_dir():
        return None
    if folder.is_file():
        return Problem(
            where,
            line,
            f"{said} wijst naar een bestand, geen map ({written!r} = {folder}).",
            f"geef de map waarin je artikelen staan, bijvoorbeeld {folder.parent}.",
        )
    close = []
    if folder.parent.is_dir():
        names = [p.name for p in folder.parent.iterdir() if p.is_dir()]
        close = difflib.get_close_matches(folder.name, names, n=1, cutoff=0.6)
    fix = (
        f"bedoel je {folder.parent / close[0]}? Pas de naam aan."
        if close
        else "maak die map en zet je .txt-artikelen erin, of pas de naam aan. "
        f"Wil je alleen de vijf meegeleverde artikelen? Maak de waarde leeg ('{ARTICLES_KEY}:')."
    )
    return Problem(where, line, f"{said} noemt de map {written!r}, maar die bestaat niet (gezocht: {folder}).", fix)


_CACHE: dict[tuple, object] = {}


def _signature(folder: Path) -> tuple:
    """What changes when a teacher edits the folder: names, sizes and times of its files."""
    return tuple(sorted((p.name, p.stat().st_size, p.stat().st_mtime_ns) for p in folder.iterdir() if p.is_file()))


def lesson_dossier():
    """The dossier a lesson works with: the five bundled articles and, when set, the teacher's own folder.

    The same folder gives the same Dossier object within one kernel (its annotations are
    computed once); edit a file in the folder and the next call reads it again.
    """
    from .corpus import load_dossier

    setting = articles_setting()
    if setting.folder is None:
        key: tuple = ("bundled",)
    else:
        key = (str(setting.folder), _signature(setting.folder))
    if key not in _CACHE:
        _CACHE.clear()
        _CACHE[key] = load_dossier(setting.folder) if setting.folder else load_dossier()
    return _CACHE[key]
