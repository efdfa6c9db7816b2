"""Check article files before loading them, so a teacher sees every problem at once.

Each problem names the file and line, says what is wrong and what to do, in Dutch.
`python -m dossier_lib validate FOLDER` prints them; `load_dossier` raises them.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from .errors import Problem
from .nl import meervoud

#: The first line starts with " date YYYY-MM" and the first paragraph follows on the same line.
HEADER = re.compile(r"\A[ \t]*date[ \t]+(?P<year>\d{4})-(?P<month>\d{2})(?=[ \t\n]|\Z)[ \t]*")
_LOOSE_HEADER = re.compile(r"\A\s*(?:date|datum)\b\s*[:=]?\s*(?P<value>\S*)", re.IGNORECASE)
_HTML_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?/?>|&(?:[a-zA-Z]+|#\d+);")
_WORD = re.compile(r"\w+")

MIN_WORDS = 30
FIRST_YEAR = 1945


@dataclass
class CheckedFile:
    path: Path
    text: str | None
    problems: list[Problem] = field(default_factory=list)

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

    if b"\x00" in raw or _looks_binary(raw):
        problem(
            1,
            "dit is geen tekstbestand (er staan binaire gegevens in, zoals in een Word-document of afbeelding).",
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
        problem(
            line,
            f"byte 0x{raw[exc.start]:02X} in kolom {column} is geen geldige UTF-8-tekst.",
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
        problem(1, "het bestand is leeg.", "plak de tekst van het artikel erin, met bovenaan ' date JJJJ-MM'.")
        return CheckedFile(path, None, problems)

    header = HEADER.match(text)
    if header is None:
        loose = _LOOSE_HEADER.match(text)
        if loose:
            problem(
                1,
                f"de datumregel is onjuist geschreven ({text.splitlines()[0][:40].strip()!r}).",
                "schrijf hem als 'date JJJJ-MM', bijvoorbeeld 'date 2019-02', gevolgd door de eerste alinea.",
            )
        else:
            problem(
                1,
                "de datum ontbreekt aan het begin van het bestand.",
                "begin het bestand met 'date JJJJ-MM' (jaar en maand van het artikel), bijvoorbeeld 'date 2019-02'.",
            )
    else:
        year, month = int(header.group("year")), int(header.group("month"))
        this_year = _dt.date.today().year
        if not 1 <= month <= 12:
            problem(1, f"maand {month:02d} bestaat niet.", "gebruik een maand van 01 tot en met 12.")
        elif not FIRST_YEAR <= year <= this_year:
            problem(
                1,
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

    body = text[header.end() :] if header else text
    words = len(_WORD.findall(body))
    if header is not None and words < MIN_WORDS:
        problem(
            1,
            f"de tekst is verdacht kort ({words} woorden).",
            f"controleer of het hele artikel erin staat (minstens {MIN_WORDS} woorden).",
        )

    ok = not any(p.is_error for p in problems)
    return CheckedFile(path, text if ok else None, problems)


def _looks_binary(raw: bytes) -> bool:
    sample = raw[:4096]
    if not sample:
        return False
    control = sum(1 for b in sample if b < 32 and b not in (9, 10, 13))
    return control / len(sample) > 0.05


def article_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() == ".txt")


def check_folders(folders: list[Path]) -> Report:
    """Check every `.txt` file in the folders, and that no two files share an id."""
    files: list[CheckedFile] = []
    problems: list[Problem] = []
    seen: dict[str, Path] = {}
    for folder in folders:
        folder = Path(folder)
        if not folder.is_dir():
            problems.append(
                Problem(str(folder), 0, "deze map bestaat niet.", "geef de map waarin je .txt-artikelen staan.")
            )
            continue
        found = article_files(folder)
        if not found:
            problems.append(
                Problem(
                    str(folder),
                    0,
                    "in deze map staan geen .txt-bestanden.",
                    "sla elk artikel op als een .txt-bestand in deze map.",
                )
            )
        for other in sorted(folder.iterdir()):
            if other.is_file() and other.suffix.lower() != ".txt" and not other.name.startswith("."):
                problems.append(
                    Problem(
                        str(other),
                        0,
                        "dit is geen .txt-bestand en wordt overgeslagen.",
                        "sla artikelen op als .txt als je ze wilt gebruiken.",
                        is_error=False,
                    )
                )
        for path in found:
            checked = check_file(path)
            problems += checked.problems
            key = path.stem.lower()
            if key in seen:
                problems.append(
                    Problem(
                        str(path),
                        1,
                        f"de id {path.stem!r} bestaat al ({seen[key]}).",
                        "geef het bestand een andere naam; de naam zonder .txt is de id.",
                    )
                )
                continue
            seen[key] = path
            if checked.ok:
                files.append(checked)
    return Report(files, problems)


def validate_main(argv: list[str]) -> int:
    """`python -m dossier_lib validate FOLDER...`: print one line per problem; 0 when all load."""
    if not argv or argv[0] in ("-h", "--help"):
        print(
            "Gebruik: python -m dossier_lib validate MAP [MAP ...]\n"
            "Controleert alle .txt-artikelen in de map(pen) en noemt elk probleem met bestand en regel."
        )
        return 0 if argv else 2
    report = check_folders([Path(a) for a in argv])
    for p in report.problems:
        print(p)
    n_ok = len(report.files)
    if report.errors:
        errors = meervoud(len(report.errors), "fout", "fouten")
        print(f"{errors} gevonden; {meervoud(n_ok, 'artikel', 'artikelen')} in orde.")
        return 1
    print(f"In orde: {meervoud(n_ok, 'artikel kan', 'artikelen kunnen')} geladen worden.")
    return 0
