"""The knowledge base: who and what the names in the articles stand for.

All facts live in `dossier_lib/data/kb.yaml` so a teacher can edit them without
touching code. This module reads that file into `KbEntry` objects and checks it,
so that a typo gives one clear Dutch message (file, entry, what to do) instead
of a wrong annotation three lessons later.

    >>> kb = load_kb()
    >>> kb.get("vladimir-putin").label_nl
    'Vladimir Poetin'
    >>> kb.lookup("Poetin").id
    'vladimir-putin'
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

#: The entry types a teacher may write in kb.yaml. NORP (demonyms such as
#: "Noord-Koreaanse") is not an entry type: demonyms hang on their country.
ENTRY_TYPES = ("PERSON", "PLACE", "ORG", "EVENT")

KB_FILE = "kb.yaml"
_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_WIKIDATA = re.compile(r"Q[1-9][0-9]*")


class KbError(ValueError):
    """kb.yaml is not usable; the message says where and what to do, in Dutch."""


@dataclass(frozen=True)
class KbEntry:
    """One person, place, organisation or event, as written in kb.yaml."""

    id: str
    type: str
    label_nl: str
    label_en: str = ""
    aliases: tuple[str, ...] = ()
    role_nl: str = ""
    wikidata: str | None = None
    lat: float | None = None
    lon: float | None = None
    kind: str | None = None
    country: str | None = None
    capital_of: str | None = None
    demonyms: tuple[str, ...] = ()
    short_names: tuple[str, ...] = ()
    epithets: tuple[str, ...] = ()

    @property
    def is_capital(self) -> bool:
        return self.capital_of is not None

    @property
    def wikidata_url(self) -> str | None:
        return f"https://www.wikidata.org/wiki/{self.wikidata}" if self.wikidata else None


class KnowledgeBase:
    """All entries of kb.yaml, found by id or by the form a name has in the text."""

    def __init__(self, entries: list[KbEntry], not_names: tuple[str, ...] = (), source: str = KB_FILE):
        self.source = source
        self.entries = list(entries)
        self.not_names = tuple(not_names)
        self._by_id = {e.id: e for e in self.entries}
        self._by_alias: dict[str, KbEntry] = {}
        self._by_demonym: dict[str, KbEntry] = {}
        self._by_short: dict[str, list[KbEntry]] = {}
        for e in self.entries:
            for a in e.aliases:
                self._by_alias[a] = e
            for d in e.demonyms:
                self._by_demonym[d] = e
            for s in e.short_names:
                self._by_short.setdefault(s, []).append(e)

    def __iter__(self) -> Iterator[KbEntry]:
        return iter(self.entries)

    def __len__(self) -> int:
        return len(self.entries)

    def __contains__(self, entry_id: object) -> bool:
        return entry_id in self._by_id

    def get(self, entry_id: str) -> KbEntry:
        """The entry with this id; a Dutch KeyError that names the file when it is missing."""
        try:
            return self._by_id[entry_id]
        except KeyError:
            raise KeyError(
                f"{entry_id!r} staat niet in {self.source}. Voeg een blok met 'id: {entry_id}' toe "
                "of controleer de spelling."
            ) from None

    def lookup(self, form: str) -> KbEntry | None:
        """The entry a name form stands for ("Poetin" -> vladimir-putin), demonyms included.

        A short name shared by several people ("Kim") gives the first one in the
        file; `entities.find_entities` decides such names from the context.
        """
        form = form.strip()
        hit = self._by_alias.get(form) or self._by_demonym.get(form)
        if hit is None and form in self._by_short:
            hit = self._by_short[form][0]
        return hit

    def candidates(self, short_name: str) -> list[KbEntry]:
        """Everyone a shared short name can mean, the default (first in the file) first."""
        return list(self._by_short.get(short_name, []))

    @property
    def aliases(self) -> dict[str, KbEntry]:
        return dict(self._by_alias)

    @property
    def demonyms(self) -> dict[str, KbEntry]:
        return dict(self._by_demonym)

    @property
    def short_names(self) -> dict[str, list[KbEntry]]:
        return {k: list(v) for k, v in self._by_short.items()}

    def of_type(self, entry_type: str) -> list[KbEntry]:
        return [e for e in self.entries if e.type == entry_type]

    def to_frame(self):
        """A pandas DataFrame with one row per entry (for a lesson table)."""
        import pandas as pd

        rows = [
            {
                "id": e.id,
                "soort": e.type,
                "naam": e.label_nl,
                "rol": e.role_nl,
                "schrijfwijzen": ", ".join(e.aliases + e.short_names),
                "bijvoeglijk": ", ".join(e.demonyms),
                "wikidata": e.wikidata or "",
            }
            for e in self.entries
        ]
        return pd.DataFrame(rows).set_index("id")

    def __repr__(self) -> str:
        return f"<KnowledgeBase {self.source}: {len(self)} namen>"


def load_kb(path: str | Path | None = None) -> KnowledgeBase:
    """Read the knowledge base: the bundled kb.yaml, or a teacher's own file at `path`."""
    if path is None:
        return _bundled()
    import yaml

    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise KbError(f"{path}: dit bestand kan niet gelezen worden ({exc.strerror}).") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else 0
        raise KbError(
            f"{path}:{line}: de kennisbank is niet goed opgebouwd — controleer de inspringing "
            "en de dubbele punten rond die regel."
        ) from None
    return from_data(data, source=str(path))


_BUNDLED: KnowledgeBase | None = None


def _bundled() -> KnowledgeBase:
    global _BUNDLED
    if _BUNDLED is None:
        from ..data import DATA_DIR, load_yaml

        try:
            data = load_yaml(KB_FILE)
        except ValueError as exc:
            raise KbError(str(exc)) from None
        _BUNDLED = from_data(data, source=str(DATA_DIR / KB_FILE))
    return _BUNDLED


def from_data(data: Any, source: str = KB_FILE) -> KnowledgeBase:
    """Check the parsed YAML and build the knowledge base; raise `KbError` on the first problem."""
    if not isinstance(data, dict) or not isinstance(data.get("entries"), list):
        raise KbError(f"{source}: de kennisbank moet beginnen met 'entries:' en daaronder een lijst blokken.")
    entries: list[KbEntry] = []
    seen_ids: dict[str, int] = {}
    forms: dict[str, str] = {}  # alias or demonym -> id that uses it
    for number, raw in enumerate(data["entries"], start=1):
        entry = _entry(raw, number, source)
        if entry.id in seen_ids:
            raise KbError(
                f"{source}, blok {number} ({entry.id}): de id {entry.id!r} staat er twee keer in "
                f"(ook in blok {seen_ids[entry.id]}). Elke id mag maar één keer voorkomen."
            )
        seen_ids[entry.id] = number
        for form in entry.aliases + entry.demonyms:
            if form in forms and forms[form] != entry.id:
                raise KbError(
                    f"{source}, blok {number} ({entry.id}): de naam {form!r} hoort ook al bij "
                    f"{forms[form]!r}. Een naam mag maar bij één blok horen; gebruik 'short_names' "
                    "voor een korte naam die meer mensen kan betekenen."
                )
            forms[form] = entry.id
        entries.append(entry)
    for entry in entries:
        for form in entry.short_names:
            if form in forms:
                raise KbError(
                    f"{source} ({entry.id}): de korte naam {form!r} staat ook als gewone naam bij "
                    f"{forms[form]!r}. Zet hem op één plek."
                )
        for field_name in ("country", "capital_of"):
            target = getattr(entry, field_name)
            if target and target not in seen_ids:
                raise KbError(
                    f"{source} ({entry.id}): '{field_name}: {target}' verwijst naar een id die niet "
                    "in de kennisbank staat."
                )
    not_names = data.get("not_names") or []
    if not isinstance(not_names, list) or not all(isinstance(n, str) for n in not_names):
        raise KbError(f"{source}: 'not_names' moet een lijst woorden zijn.")
    return KnowledgeBase(entries, tuple(not_names), source)


def _entry(raw: Any, number: int, source: str) -> KbEntry:
    where = f"{source}, blok {number}"
    if not isinstance(raw, dict):
        raise KbError(f"{where}: elk blok begint met '- id: ...' en heeft regels 'veld: waarde'.")
    entry_id = raw.get("id")
    if not entry_id:
        raise KbError(f"{where}: de regel 'id:' ontbreekt. Geef elk blok een id, bijvoorbeeld 'id: kim-jong-un'.")
    entry_id = str(entry_id)
    where = f"{where} ({entry_id})"
    if not _SLUG.fullmatch(entry_id):
        raise KbError(
            f"{where}: een id is in kleine letters, zonder spaties, met streepjes: "
            f"bijvoorbeeld 'kim-jong-un' (niet {entry_id!r})."
        )
    entry_type = raw.get("type")
    if not entry_type:
        raise KbError(f"{where}: de regel 'type:' ontbreekt. Kies uit: {', '.join(ENTRY_TYPES)}.")
    if entry_type not in ENTRY_TYPES:
        raise KbError(f"{where}: onbekend type {entry_type!r}. Kies uit: {', '.join(ENTRY_TYPES)}.")
    wikidata = raw.get("wikidata") or None
    if wikidata is not None and not _WIKIDATA.fullmatch(str(wikidata)):
        raise KbError(f"{where}: 'wikidata' is een Q-nummer zoals Q56226, of leeg (niet {wikidata!r}).")
    lat, lon = raw.get("lat"), raw.get("lon")
    for name, value, limit in (("lat", lat, 90), ("lon", lon, 180)):
        if value is not None and (not isinstance(value, (int, float)) or abs(value) > limit):
            raise KbError(f"{where}: '{name}' moet een getal tussen -{limit} en {limit} zijn.")
    return KbEntry(
        id=entry_id,
        type=entry_type,
        label_nl=str(raw.get("label_nl") or entry_id),
        label_en=str(raw.get("label_en") or ""),
        aliases=_names(raw, "aliases", where),
        role_nl=str(raw.get("role_nl") or ""),
        wikidata=str(wikidata) if wikidata else None,
        lat=float(lat) if lat is not None else None,
        lon=float(lon) if lon is not None else None,
        kind=raw.get("kind") or None,
        country=raw.get("country") or None,
        capital_of=raw.get("capital_of") or None,
        demonyms=_names(raw, "demonyms", where),
        short_names=_names(raw, "short_names", where),
        epithets=_names(raw, "epithets", where),
    )


def _names(raw: dict, key: str, where: str) -> tuple[str, ...]:
    value = raw.get(key) or []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, (str, int)) for v in value):
        raise KbError(f"{where}: '{key}' moet een lijst namen zijn, zoals [Poetin, Vladimir Poetin].")
    names = tuple(str(v).strip() for v in value)
    if any(not n for n in names):
        raise KbError(f"{where}: '{key}' bevat een lege naam.")
    if len(set(names)) != len(names):
        raise KbError(f"{where}: '{key}' noemt dezelfde naam twee keer.")
    return names
