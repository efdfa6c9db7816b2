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
    #: "f" (zij/haar) or "m" (hij/hem) for a person, when kb.yaml says so; quotes.py resolves pronouns with it.
    gender: str | None = None

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


_GENDERS = {"f": "f", "v": "f", "vrouw": "f", "female": "f", "m": "m", "man": "m", "male": "m"}


def _entry(raw: Any, number: int, source: str, where: str | None = None) -> KbEntry:
    where = where or f"{source}, blok {number}"
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
    gender = raw.get("gender")
    if gender is not None and str(gender).lower() not in _GENDERS:
        raise KbError(f"{where}: 'gender' is f (vrouw) of m (man), niet {gender!r}.")
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
        gender=_GENDERS[str(gender).lower()] if gender is not None else None,
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


# ----------------------------------------------------------------- the teacher's own knowledge base

#: Fields whose names are added to a bundled entry (the rest replaces the bundled value).
_LIST_FIELDS = ("aliases", "short_names", "demonyms", "epithets")
_MERGED: dict[tuple[str, float], KnowledgeBase] = {}
_CURRENT: KnowledgeBase | None = None


def teacher_kb(folder: str | Path) -> tuple[KnowledgeBase, list]:
    """The bundled knowledge base plus the teacher's ``kennisbank.yaml`` in `folder` (if there is one).

    Returns the knowledge base and a list of `Problem`s (errors name the file and line);
    with an error the bundled knowledge base comes back unchanged. A good teacher's file
    becomes the `current_kb()` for names and roles in tables, charts and widgets.
    """
    from ..errors import Problem
    from ..paths import TEACHER_KB_FILE

    path = Path(folder) / TEACHER_KB_FILE
    if not path.is_file():
        return _bundled(), []
    key = (str(path.resolve()), path.stat().st_mtime)
    if key not in _MERGED:
        try:
            _MERGED[key] = merge_kb(_bundled(), path)
        except KbError as exc:
            line, text = getattr(exc, "line", 0), getattr(exc, "text", str(exc))
            fix = (
                "pas dat aan in je kennisbank.yaml; kijk voor voorbeelden naar de blokken bovenaan "
                "dossier_lib/data/kb.yaml (dat bestand zelf hoef je niet te veranderen)."
            )
            return _bundled(), [Problem(str(path), line, text, fix)]
    use_kb(_MERGED[key])
    return _MERGED[key], []


def use_kb(kb: KnowledgeBase) -> None:
    """Make `kb` the knowledge base that `current_kb()` gives (names and roles shown to students)."""
    global _CURRENT
    _CURRENT = kb


def current_kb() -> KnowledgeBase:
    """The knowledge base of the dossier loaded last: the bundled one plus the teacher's kennisbank.yaml, if any.

    Used where only an id is at hand ("kim-jong-il" -> its Dutch name). A teacher's file only adds
    entries and names, so the bundled ids mean the same in every knowledge base.
    """
    return _CURRENT or _bundled()


def kb_of(article) -> KnowledgeBase:
    """The knowledge base that annotates `article` (the bundled one for a bare text object)."""
    return getattr(article, "kb", None) or _bundled()


class TeacherKbError(KbError):
    """A problem in the teacher's kennisbank.yaml, with the line it is on."""

    def __init__(self, text: str, line: int = 0):
        super().__init__(text)
        self.text = text
        self.line = line


def merge_kb(base: KnowledgeBase, path: str | Path) -> KnowledgeBase:
    """`base` with the entries of the teacher's file at `path` added (new ids) or extended (known ids).

    A block with a known id adds its aliases, short names, demonyms and epithets to that entry,
    and replaces the other fields it gives. A new block needs an id and a type; without
    aliases, its label_nl is the name that is looked for in the text.
    """
    import yaml

    from ..data import YamlFileError, read_yaml

    path = Path(path)
    name = path.name
    try:
        data = read_yaml(path, name)
    except YamlFileError as exc:
        message = str(exc).split(": ", 1)[1] if ": " in str(exc) else str(exc)
        raise TeacherKbError(f"{name}: {message}", exc.line) from None
    lines = _block_lines(yaml.compose(path.read_text(encoding="utf-8-sig")))
    if data is None:
        return base
    if isinstance(data, list):
        data = {"entries": data}
    if not isinstance(data, dict) or not isinstance(data.get("entries", []), list):
        raise TeacherKbError(f"{name} begint met 'entries:' en daaronder een lijst blokken (zoals kb.yaml).", 1)
    unknown = sorted(set(data) - {"entries", "not_names"})
    if unknown:
        raise TeacherKbError(
            f"{name}: onbekend onderdeel {unknown[0]!r}. Gebruik alleen 'entries:' en 'not_names:'.", 1
        )
    entries = {e.id: e for e in base}
    order = [e.id for e in base]
    origin: dict[str, str] = {}
    for number, raw in enumerate(data.get("entries") or [], start=1):
        line = lines[number - 1] if number - 1 < len(lines) else 0
        where = f"{name}, regel {line} (blok {number})"
        if not isinstance(raw, dict) or not raw.get("id"):
            raise TeacherKbError(f"{where}: elk blok begint met '- id: ...', bijvoorbeeld '- id: kim-jong-il'.", line)
        entry_id = str(raw["id"])
        if entry_id in origin:
            raise TeacherKbError(
                f"{where}: de id {entry_id!r} staat twee keer in {name} (ook op {origin[entry_id]}).", line
            )
        origin[entry_id] = f"regel {line}"
        try:
            if entry_id in entries:
                entries[entry_id] = _extend(entries[entry_id], raw, f"{where} ({entry_id})")
            else:
                raw = dict(raw)
                if not raw.get("aliases") and raw.get("label_nl"):
                    raw["aliases"] = [raw["label_nl"]]
                if not raw.get("label_nl") and raw.get("aliases"):
                    first = raw["aliases"][0] if isinstance(raw["aliases"], list) else raw["aliases"]
                    raw["label_nl"] = first
                entries[entry_id] = _entry(raw, number, name, where)
                order.append(entry_id)
        except KbError as exc:
            raise TeacherKbError(getattr(exc, "text", str(exc)), line) from None
    not_names = tuple(base.not_names) + tuple(str(n) for n in (data.get("not_names") or []))
    merged = [entries[i] for i in order]
    try:
        kb = from_data(
            {"entries": [_as_raw(e) for e in merged], "not_names": list(dict.fromkeys(not_names))},
            source=f"{name} (samen met kb.yaml)",
        )
    except KbError as exc:
        message = str(exc)
        bad = next((i for i in origin if f"({i})" in message), None)
        line = int(origin[bad].split()[-1]) if bad else 0
        raise TeacherKbError(message, line) from None
    kb.source = f"kb.yaml + {path}"
    return kb


def _block_lines(node) -> list[int]:
    """The line number of each block under 'entries:' (or of a bare list)."""
    import yaml

    if isinstance(node, yaml.SequenceNode):
        return [item.start_mark.line + 1 for item in node.value]
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if getattr(key, "value", None) == "entries" and isinstance(value, yaml.SequenceNode):
                return [item.start_mark.line + 1 for item in value.value]
    return []


def _extend(entry: KbEntry, raw: dict, where: str) -> KbEntry:
    """A bundled entry with the teacher's names added and the teacher's other fields taken over."""
    if raw.get("type") and raw["type"] != entry.type:
        raise TeacherKbError(
            f"{where}: {entry.id!r} is in de meegeleverde kennisbank een {entry.type}, geen {raw['type']}. "
            "Laat 'type' weg of kies een nieuwe id."
        )
    fields = _as_raw(entry)
    for key, value in raw.items():
        if key in _LIST_FIELDS:
            extra = [value] if isinstance(value, str) else list(value or [])
            fields[key] = list(dict.fromkeys([*fields.get(key, []), *[str(v).strip() for v in extra]]))
        elif key != "id" and value not in (None, ""):
            fields[key] = value
    return _entry(fields, 0, "", where)


def _as_raw(e: KbEntry) -> dict:
    """An entry back as the dict kb.yaml would hold."""
    raw = {
        "id": e.id,
        "type": e.type,
        "label_nl": e.label_nl,
        "label_en": e.label_en,
        "aliases": list(e.aliases),
        "role_nl": e.role_nl,
        "wikidata": e.wikidata,
        "lat": e.lat,
        "lon": e.lon,
        "kind": e.kind,
        "country": e.country,
        "capital_of": e.capital_of,
        "demonyms": list(e.demonyms),
        "short_names": list(e.short_names),
        "epithets": list(e.epithets),
        "gender": e.gender,
    }
    return {k: v for k, v in raw.items() if v not in (None, "", [])}
