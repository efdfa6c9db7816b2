"""Check article files before loading them, so a teacher sees every problem at once.

Each problem names the file and line, says what is wrong and what to do, in Dutch.
`load_dossier` raises them; `python -m dossier_lib validate FOLDER` prints them
(see `teacher_folder.py`, which also checks the folder's knowledge base, claims and cards).

An article file starts with its date line, ``date JJJJ-MM``. The first paragraph may
follow on the same line (as in the five bundled articles), or the date line stands
alone and may be followed by a few lines that describe the source::

    date 2019-07
    titel: Trump stapt Noord-Korea in
    bron: NOS
    auteur: Jan Jansen

    De eerste alinea ...

    >>> h = parse_header("date 2019-07\\nbron: NOS\\n\\nTekst.")
    >>> (h.year, h.month, h.meta, h.body_start)
    (2019, 7, {'outlet': 'NOS'}, 23)
"""

from __future__ import annotations

import datetime as _dt
import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path

from .errors import Problem

_SPACE = "[ \\t\u00a0\u2007\u202f]"
#: The date line: optional empty lines, "date YYYY-MM", then a space, a newline or the end.
HEADER = re.compile(
    rf"\A(?:{_SPACE}*\n)*{_SPACE}*date{_SPACE}+(?P<year>\d{{4}})-(?P<month>\d{{2}})(?=[ \t\u00a0\u2007\u202f\n]|\Z){_SPACE}*"
)
#: Source lines right under a date line that stands alone: Dutch (and English) key -> card field.
META_KEYS = {
    "titel": "title",
    "title": "title",
    "bron": "outlet",
    "krant": "outlet",
    "omroep": "outlet",
    "website": "outlet",
    "auteur": "author",
    "schrijver": "author",
    "author": "author",
    "samenvatting": "summary",
    "url": "url",
    "link": "url",
}
_META_LINE = re.compile(r"[ \t]*(?P<key>[A-Za-z]+)[ \t]*:[ \t]*(?P<value>[^\n]*?)[ \t]*(?:\n|\Z)")
_HTML_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?/?>|&(?:[a-zA-Z]+|#\d+);")
_WORD = re.compile(r"\w+")

MIN_WORDS = 30
FIRST_YEAR = 1945
#: What other programs save, recognised by the first bytes of the file.
_SIGNATURES = (
    (b"PK\x03\x04", "een Word-document of ander zip-bestand (.docx, .odt)"),
    (b"%PDF", "een PDF-bestand"),
    (b"\xd0\xcf\x11\xe0", "een oud Word-document (.doc)"),
    (b"{\\rtf", "opgemaakte tekst (RTF, bijvoorbeeld uit WordPad of TextEdit)"),
)
#: macOS writes a hidden "._NAME" file next to every file copied to a USB stick or network drive.
_APPLEDOUBLE = b"\x00\x05\x16\x07"
_SAVE_AS_TEXT = (
    "open het en kies Opslaan als > Platte tekst (.txt), codering UTF-8; of kopieer de tekst naar Kladblok "
    "(Windows) of TextEdit > Opmaak > Maak platte tekst (Mac) en sla die op als .txt."
)


@dataclass
class CheckedFile:
    path: Path
    text: str | None
    problems: list[Problem] = field(default_factory=list)
    bundled: bool = False

    @property
    def ok(self) -> bool:
        return self.text is not None and not any(p.is_error for p in self.problems)


@dataclass
class Report:
    files: list[CheckedFile]
    problems: list[Problem]

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]

    @property
    def notices(self) -> list[Problem]:
        return [p for p in self.problems if not p.is_error]


@dataclass(frozen=True)
class Header:
    """What the top of an article file says: year, month, source lines, where the text begins."""

    year: int
    month: int
    end: int
    meta: dict[str, str]
    body_start: int
    meta_lines: tuple[tuple[int, str, str], ...] = ()  # (line number, key as written, value)


def parse_header(text: str) -> Header | None:
    """The date line and the source lines under it; None when the date line is missing or malformed."""
    m = HEADER.match(text)
    if m is None:
        return None
    end = m.end()
    meta: dict[str, str] = {}
    lines: list[tuple[int, str, str]] = []
    body_start = end
    if end >= len(text) or text[end] == "\n":  # the date line stands alone: source lines may follow
        pos = end + 1 if end < len(text) else end
        while pos < len(text):
            line = _META_LINE.match(text, pos)
            if line is None or line.group("key").lower() not in META_KEYS:
                break
            key = META_KEYS[line.group("key").lower()]
            if line.group("value"):
                meta.setdefault(key, line.group("value"))
            lines.append((text.count("\n", 0, pos) + 1, line.group("key"), line.group("value")))
            pos = line.end()
            body_start = pos
    return Header(int(m.group("year")), int(m.group("month")), end, meta, body_start, tuple(lines))


def _line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def check_file(path: str | Path) -> CheckedFile:
    """Read one file and list its problems. The text is kept only when it can be loaded."""
    path = Path(path)
    name = str(path)
    problems: list[Problem] = []

    def problem(line: int, message: str, fix: str, is_error: bool = True) -> None:
        problems.append(Problem(name, line, message, fix, is_error))

    try:
        raw = path.read_bytes()
    except OSError as exc:
        problem(
            1,
            f"het bestand kan niet gelezen worden ({exc.strerror or exc}).",
            "controleer of het bestand bestaat en of je het mag lezen.",
        )
        return CheckedFile(path, None, problems)

    kind = next((what for sig, what in _SIGNATURES if raw.startswith(sig)), None)
    if kind is not None:
        problem(1, f"dit is geen platte tekst maar {kind}, met alleen de naam .txt.", _SAVE_AS_TEXT)
        return CheckedFile(path, None, problems)
    if _is_utf16(raw):
        problem(
            1,
            "het bestand is opgeslagen als UTF-16 ('Unicode' in Kladblok of Word), niet als UTF-8.",
            "open het in Kladblok of een andere teksteditor en kies Opslaan als > Codering: UTF-8.",
        )
        return CheckedFile(path, None, problems)
    if b"\x00" in raw or _looks_binary(raw):
        problem(
            1,
            "dit is geen tekstbestand (er staan binaire gegevens in, zoals in een afbeelding of programma).",
            "open het artikel, kopieer de tekst en sla die op als platte tekst (.txt, UTF-8).",
        )
        return CheckedFile(path, None, problems)

    if raw.startswith(b"\xef\xbb\xbf"):
        problem(
            1,
            "het bestand begint met een byte-order mark (BOM).",
            "dat is in orde; de BOM wordt overgeslagen.",
            is_error=False,
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        column = exc.start - (before.rfind(b"\n") + 1) + 1
        byte = raw[exc.start]
        hint = (
            " Waarschijnlijk is het opgeslagen als ANSI of Windows-1252 (bijvoorbeeld een é of een “ aanhalingsteken)."
            if byte >= 0x80
            else ""
        )
        problem(
            line,
            f"byte 0x{byte:02X} in kolom {column} is geen geldige UTF-8-tekst.{hint}",
            "sla het bestand opnieuw op met codering UTF-8 (in Kladblok: Opslaan als > Codering: UTF-8).",
        )
        return CheckedFile(path, None, problems)

    if "\r\n" in text:
        problem(
            1,
            "het bestand gebruikt Windows-regeleinden (CRLF).",
            "dat is in orde; ze worden gelezen als gewone regeleinden.",
            is_error=False,
        )
    text = text.replace("\r\n", "\n").replace("\r", "\n")

    if not text.strip():
        problem(1, "het bestand is leeg.", "plak de tekst van het artikel erin, met bovenaan 'date JJJJ-MM'.")
        return CheckedFile(path, None, problems)

    header = parse_header(text)
    if header is None:
        line, message, fix = date_line_problem(text)
        problem(line, message, fix)
    else:
        problems += _header_notices(name, text, header)
        year, month = header.year, header.month
        this_year = _dt.date.today().year
        date_line = _line_of(text, header.end)
        if not 1 <= month <= 12:
            problem(date_line, f"maand {month:02d} bestaat niet.", "gebruik een maand van 01 tot en met 12.")
        elif not FIRST_YEAR <= year <= this_year:
            problem(
                date_line,
                f"het jaar {year} kan niet kloppen voor een nieuwsartikel.",
                f"gebruik een jaar tussen {FIRST_YEAR} en {this_year}.",
            )

    tag = _HTML_TAG.search(text)
    if tag:
        problem(
            _line_of(text, tag.start()),
            f"er staat HTML-code in de tekst ({tag.group()[:30]!r}).",
            "kopieer de tekst van de webpagina als platte tekst, zonder HTML-codes.",
        )

    body = text[header.body_start :] if header else text
    words = len(_WORD.findall(body))
    if header is not None and words < MIN_WORDS:
        problem(
            1,
            f"de tekst is verdacht kort ({words} woorden).",
            f"controleer of het hele artikel erin staat (minstens {MIN_WORDS} woorden).",
        )

    ok = not any(p.is_error for p in problems)
    return CheckedFile(path, text if ok else None, problems)


def _header_notices(name: str, text: str, header: Header) -> list[Problem]:
    """What is unusual but fine at the top: empty lines before the date, a non-breaking space, source lines."""
    notices = []
    date_line = _line_of(text, header.end)
    if date_line > 1:
        notices.append(
            Problem(
                name,
                date_line,
                f"boven de datumregel staan {date_line - 1} lege regel(s).",
                "dat is in orde; ze worden overgeslagen. Netter: zet 'date JJJJ-MM' op de eerste regel.",
                is_error=False,
            )
        )
    if re.search("[\u00a0\u2007\u202f]", text[: header.end]):
        notices.append(
            Problem(
                name,
                date_line,
                "in de datumregel staat een harde spatie (bijvoorbeeld uit Word of een webpagina).",
                "dat is in orde; hij wordt gelezen als een gewone spatie.",
                is_error=False,
            )
        )
    return notices


def date_line_problem(text: str) -> tuple[int, str, str]:
    """(line, message, what to do) for a file whose date line does not read as ``date JJJJ-MM``.

    >>> date_line_problem("date: 2019-06")[1]
    "de datumregel is onjuist geschreven: na 'date' hoort geen dubbele punt ('date: 2019-06')."
    >>> date_line_problem("date 2019-06-30 Tekst")[2]
    "schrijf alleen jaar en maand: 'date 2019-06'. De dag kan in de tekst zelf staan."
    """
    lines = text.split("\n")
    index = next((i for i, line in enumerate(lines) if line.strip()), 0)
    first = re.sub("[\u00a0\u2007\u202f\t]", " ", lines[index]).strip()
    line = index + 1
    example = "schrijf hem als 'date JJJJ-MM', bijvoorbeeld 'date 2019-06'"
    wrong = "de datumregel is onjuist geschreven"
    m = re.match(r"(?P<word>date|datum)\b\s*(?P<colon>[:=])?\s*(?P<value>\S*)\s*(?P<next>\S*)", first, re.IGNORECASE)
    if m is None:
        elsewhere = next(
            (i for i, other in enumerate(lines) if re.match(r"\s*(?:date|datum)\b", other, re.IGNORECASE)), None
        )
        if elsewhere is not None and elsewhere != index:
            return (
                elsewhere + 1,
                f"de datumregel staat op regel {elsewhere + 1}, niet bovenaan het bestand.",
                "zet 'date JJJJ-MM' op de eerste regel, boven de kop en de tekst.",
            )
        return (
            line,
            "de datum ontbreekt aan het begin van het bestand.",
            "begin het bestand met 'date JJJJ-MM' (jaar en maand van het artikel), bijvoorbeeld 'date 2019-02'.",
        )
    word, value, after = m.group("word"), m.group("value"), m.group("next")
    shown = first[:40]
    if word.lower() == "datum":
        return (line, f"{wrong}: er staat 'datum' in plaats van 'date' ({shown!r}).", f"{example}.")
    if word != "date":
        return (line, f"{wrong}: 'date' moet met kleine letters ({shown!r}).", f"{example}.")
    if m.group("colon"):
        return (line, f"{wrong}: na 'date' hoort geen dubbele punt ({shown!r}).", f"{example}.")
    months = "|".join(
        "januari februari maart april mei juni juli augustus september oktober november december "
        "jan feb mrt apr jun jul aug sep sept okt nov dec january february march may june july "
        "october".split()
    )
    if re.fullmatch(r"\d{4}-\d{2}-\d{1,2}", value) or re.fullmatch(r"\d{1,2}-\d{1,2}-\d{4}", value):
        return (
            line,
            f"{wrong}: er staat een hele datum met dag ({value!r}).",
            f"schrijf alleen jaar en maand: 'date {_year_month(value)}'. De dag kan in de tekst zelf staan.",
        )
    if re.fullmatch(r"\d{4}-\d", value):
        return (
            line,
            f"{wrong}: de maand heeft maar één cijfer ({value!r}).",
            f"schrijf de maand met twee cijfers: 'date {value[:5]}0{value[5:]}'.",
        )
    if re.fullmatch(r"\d{1,2}[-/.]\d{4}", value):
        month, year = re.split(r"[-/.]", value)
        return (
            line,
            f"{wrong}: de maand staat vóór het jaar ({value!r}).",
            f"eerst het jaar, dan de maand: 'date {year}-{int(month):02d}'.",
        )
    if re.fullmatch(r"\d{4}[/._]\d{1,2}", value):
        year, month = re.split(r"[/._]", value)
        return (
            line,
            f"{wrong}: tussen jaar en maand hoort een streepje ({value!r}).",
            f"schrijf 'date {year}-{int(month):02d}'.",
        )
    if re.fullmatch(months, value, re.IGNORECASE) or re.fullmatch(months, after, re.IGNORECASE):
        return (
            line,
            f"{wrong}: de maand staat er als woord ({shown!r}).",
            "schrijf de maand als getal: 'date 2019-06' voor juni 2019.",
        )
    if re.fullmatch(r"\d{4}", value):
        return (line, f"{wrong}: de maand ontbreekt ({shown!r}).", f"{example}.")
    if re.match(r"\d{4}-\d{2}\S", value):
        return (
            line,
            f"{wrong}: na de datum staat direct tekst, zonder spatie ({value[:20]!r}).",
            "zet een spatie of een nieuwe regel tussen 'date JJJJ-MM' en de tekst.",
        )
    if not value:
        return (line, f"{wrong}: na 'date' staat geen datum.", f"{example}.")
    return (line, f"{wrong} ({shown!r}).", f"{example}, gevolgd door de eerste alinea.")


def _year_month(value: str) -> str:
    parts = re.split(r"-", value)
    if len(parts[0]) == 4:
        return f"{parts[0]}-{int(parts[1]):02d}"
    return f"{parts[2]}-{int(parts[1]):02d}"


def _is_utf16(raw: bytes) -> bool:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    sample = raw[:200]
    if len(sample) < 8:
        return False
    even, odd = sample[0::2], sample[1::2]
    if even.count(0) > 0.8 * len(even) and odd.count(0) > 0.8 * len(odd):
        return False  # all zeros: binary data, not text
    return odd.count(0) > 0.8 * len(odd) or even.count(0) > 0.8 * len(even)


def _looks_binary(raw: bytes) -> bool:
    sample = raw[:4096]
    if not sample:
        return False
    control = sum(1 for b in sample if b < 32 and b not in (9, 10, 13))
    return control / len(sample) > 0.05


def is_macos_helper(path: Path) -> bool:
    """A hidden "._NAME" file that macOS leaves next to copied files (not an article)."""
    if path.name.startswith("._"):
        return True
    try:
        with path.open("rb") as fh:
            return fh.read(4) == _APPLEDOUBLE
    except OSError:
        return False


def article_files(folder: Path) -> list[Path]:
    """The article files in `folder` (not in its subfolders), hidden and macOS helper files left out."""
    return sorted(
        p
        for p in folder.iterdir()
        if p.is_file() and p.suffix.lower() == ".txt" and not p.name.startswith(".") and not is_macos_helper(p)
    )


def bundled_labels(folder: Path) -> dict[str, str]:
    """The short labels of the bundled articles ("003") -> their ids."""
    return {p.stem.split("_", 1)[0]: p.stem for p in folder.glob("*.txt")}


def _folder_problems(folder: Path) -> list[Problem]:
    """A path that is no folder: missing (with a close name when there is one) or a file."""
    if folder.is_file():
        return [
            Problem(
                str(folder),
                0,
                "dit is een bestand, geen map.",
                f"geef de map waarin de artikelen staan: {folder.parent}",
            )
        ]
    close = []
    if folder.parent.is_dir():
        names = [p.name for p in folder.parent.iterdir() if p.is_dir()]
        close = difflib.get_close_matches(folder.name, names, n=1, cutoff=0.6)
        close += [n for n in names if n.lower() == folder.name.lower() and n not in close]
    fix = f"bedoel je {folder.parent / close[0]}?" if close else "geef de map waarin je .txt-artikelen staan."
    return [Problem(str(folder), 0, "deze map bestaat niet.", fix)]


def _subfolder_notices(folder: Path, found: list[Path]) -> list[Problem]:
    problems = []
    for sub in sorted(p for p in folder.iterdir() if p.is_dir() and not p.name.startswith((".", "_"))):
        inside = [p for p in sub.rglob("*") if p.is_file() and p.suffix.lower() == ".txt" and not is_macos_helper(p)]
        if inside:
            problems.append(
                Problem(
                    str(sub),
                    0,
                    f"in de submap '{sub.name}' staan {len(inside)} .txt-bestand(en); submappen worden niet gelezen.",
                    f"zet de artikelen die je wilt gebruiken direct in {folder}, niet in een submap.",
                    is_error=not found,
                )
            )
    return problems


def _other_files(folder: Path, article_stems: set[str], known: tuple[str, ...]) -> list[Problem]:
    """Notices for files in the folder that are not read: office documents, helper files, strays."""
    from .paths import CARD_SUFFIX

    problems = []
    for other in sorted(folder.iterdir()):
        if not other.is_file() or (other.name.startswith(".") and not other.name.startswith("._")):
            continue
        if other.suffix.lower() == ".txt" and not is_macos_helper(other):
            continue
        if is_macos_helper(other):
            problems.append(
                Problem(
                    str(other),
                    0,
                    "dit is een verborgen hulpbestand van macOS (het begint met '._'), geen artikel; het wordt overgeslagen.",
                    "je kunt het laten staan of weggooien; het artikel zelf heet zonder '._'.",
                    is_error=False,
                )
            )
            continue
        if other.name.lower() in known or (other.name.endswith(CARD_SUFFIX) and other.stem in article_stems):
            continue  # the teacher's knowledge base, claims and source cards: checked by teacher_folder.py
        what = {
            ".docx": "een Word-document",
            ".doc": "een Word-document",
            ".odt": "een LibreOffice-document",
            ".pdf": "een PDF-bestand",
            ".rtf": "opgemaakte tekst (RTF)",
            ".html": "een webpagina",
            ".htm": "een webpagina",
        }.get(other.suffix.lower())
        if what:
            problems.append(
                Problem(
                    str(other),
                    0,
                    f"dit is geen .txt-bestand en wordt overgeslagen: het is {what}.",
                    f"wil je het gebruiken? {_SAVE_AS_TEXT}",
                    is_error=False,
                )
            )
        else:
            problems.append(
                Problem(
                    str(other),
                    0,
                    "dit is geen .txt-bestand en wordt overgeslagen.",
                    "sla artikelen op als .txt als je ze wilt gebruiken.",
                    is_error=False,
                )
            )
    return problems


def check_folders(folders: list[Path], bundled_folder: Path | None = None) -> Report:
    """Check every article file in the folders, and that every article keeps its own id and label.

    `bundled_folder` is the folder of the five bundled articles (found by itself when not given);
    a teacher's file may not take a bundled article's id or short label ("003") in any letter case.
    """
    from .paths import TEACHER_CLAIMS_FILE, TEACHER_KB_FILE, seeds_folder

    if bundled_folder is None:
        try:
            bundled_folder = seeds_folder()
        except FileNotFoundError:
            bundled_folder = None
    bundled_resolved = bundled_folder.resolve() if bundled_folder else None
    labels = bundled_labels(bundled_folder) if bundled_folder else {}
    files: list[CheckedFile] = []
    problems: list[Problem] = []
    seen: dict[str, Path] = {}
    for folder in folders:
        folder = Path(folder)
        if not folder.is_dir():
            problems += _folder_problems(folder)
            continue
        is_bundled = bundled_resolved is not None and folder.resolve() == bundled_resolved
        found = article_files(folder)
        problems += _subfolder_notices(folder, found)
        if not found:
            problems.append(
                Problem(
                    str(folder),
                    0,
                    "in deze map staan geen .txt-bestanden.",
                    "sla elk artikel op als een .txt-bestand in deze map.",
                )
            )
        known = (TEACHER_KB_FILE, TEACHER_CLAIMS_FILE)
        problems += _other_files(folder, {p.stem for p in found}, known)
        for path in found:
            checked = check_file(path)
            checked.bundled = is_bundled
            problems += checked.problems
            key = path.stem.casefold()
            if key in seen:
                problems.append(
                    Problem(
                        str(path),
                        1,
                        f"de id {path.stem!r} bestaat al ({seen[key]}); hoofdletters tellen niet mee.",
                        "geef het bestand een andere naam; de naam zonder .txt is de id.",
                    )
                )
                continue
            if not is_bundled:
                clash = _label_clash(path.stem, labels)
                if clash is not None:
                    problems.append(clash(str(path)))
                    if clash.is_error:
                        continue
            seen[key] = path
            if checked.ok:
                files.append(checked)
    return Report(files, problems)


@dataclass(frozen=True)
class _Clash:
    message: str
    fix: str
    is_error: bool

    def __call__(self, name: str) -> Problem:
        return Problem(name, 1, self.message, self.fix, self.is_error)


def _label_clash(stem: str, labels: dict[str, str]) -> _Clash | None:
    """Does this name take (or look like) a bundled article's label?"""
    key = stem.casefold()
    for label in labels:
        if key == label.casefold():
            return _Clash(
                f"de naam {stem!r} is het nummer van meegeleverd artikel {label}; de lessen bedoelen met "
                f"dossier[{label!r}] dat artikel.",
                "geef het bestand een naam met woorden, bijvoorbeeld 'dmz_nos.txt'.",
                True,
            )
        if key.startswith(label.casefold() + "_"):
            return _Clash(
                f"de naam begint met {label}, het nummer van een meegeleverd artikel. dossier[{label!r}] blijft "
                f"het meegeleverde artikel; dit artikel heet {stem!r}, maar leerlingen kunnen de twee verwarren.",
                "geef het bestand liever een naam zonder dat nummer, bijvoorbeeld 'dmz_nos.txt'.",
                False,
            )
    return None


def card_file(article_path: Path) -> Path:
    """Where the optional source card of an article lives: ``NAME.yaml`` next to ``NAME.txt``."""
    from .paths import CARD_SUFFIX

    return article_path.with_name(article_path.stem + CARD_SUFFIX)


def check_card(article_path: Path) -> tuple[dict[str, str], list[Problem]]:
    """Read the optional source card of one article: its fields (titel, bron, auteur, ...) and problems.

    No card file is fine: the fields are then empty and the card says "onbekend".
    """
    path = card_file(Path(article_path))
    if not path.is_file():
        return {}, []
    name = str(path)
    from .data import YamlFileError, read_yaml

    try:
        data = read_yaml(path, "de bronkaart")
    except YamlFileError as exc:
        return {}, [
            Problem(
                name,
                exc.line or 1,
                "de bronkaart is niet goed opgebouwd.",
                "schrijf elke regel als 'sleutel: waarde', bijvoorbeeld 'bron: NOS'. Zet tekst met een dubbele "
                "punt erin tussen aanhalingstekens.",
            )
        ]
    if data is None:
        return {}, []
    if not isinstance(data, dict):
        return {}, [
            Problem(name, 1, "de bronkaart is geen lijstje 'sleutel: waarde'.", "schrijf bijvoorbeeld 'bron: NOS'.")
        ]
    fields: dict[str, str] = {}
    problems = []
    keys = ", ".join(sorted({k for k in META_KEYS if k in ("titel", "bron", "auteur", "samenvatting", "url")}))
    for key, value in data.items():
        card_field = META_KEYS.get(str(key).lower())
        if card_field is None:
            problems.append(
                Problem(
                    name,
                    1,
                    f"de bronkaart heeft een onbekend veld {key!r}; het wordt niet gebruikt.",
                    f"gebruik {keys}.",
                    is_error=False,
                )
            )
            continue
        if value is not None and not isinstance(value, (dict, list)):
            fields[card_field] = str(value).strip()
    return fields, problems
