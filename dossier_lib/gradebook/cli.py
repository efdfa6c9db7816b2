"""`python -m dossier_lib nakijken MAP [--les 06] [--csv FILE] [--html FILE] [--feedback MAP]`.

Reads every hand-in in MAP and its subfolders, grades every answer again with the key,
and prints the class matrix per lesson; lists the files it skipped, and why. Optionally
writes the CSV for Magister/SOMtoday, the class report and one feedback page per student.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..nl import meervoud
from .book import Gradebook, NoGradingFolder
from .views import matrix_rows, skipped_rows


def text_table(rows: list[dict]) -> str:
    """Rows as an aligned plain-text table (for the terminal).

    >>> print(text_table([{"leerling": "Sanne", "Opdracht 1": "goed"}]))
    leerling  Opdracht 1
    Sanne     goed
    """
    if not rows:
        return "(niets)"
    columns = list(rows[0])
    widths = [max(len(str(c)), *(len(str(r.get(c, ""))) for r in rows)) for c in columns]
    lines = ["  ".join(str(c).ljust(w) for c, w in zip(columns, widths)).rstrip()]
    lines += ["  ".join(str(r.get(c, "")).ljust(w) for c, w in zip(columns, widths)).rstrip() for r in rows]
    return "\n".join(lines)


def _lesson(text: str) -> str:
    if not text.strip().isdigit():
        raise argparse.ArgumentTypeError(f"schrijf het lesnummer als getal, bijvoorbeeld 06 (niet {text!r})")
    return f"{int(text):02d}"


def nakijken_main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m dossier_lib nakijken",
        description="Kijk alle inleveringen in een map (en de mappen daaronder) opnieuw na met de antwoordsleutel.",
    )
    parser.add_argument("map", type=Path, help="de map met inleveringen (bijvoorbeeld /srv/inleveren)")
    parser.add_argument("--les", type=_lesson, action="append", help="alleen deze les (mag vaker), bijvoorbeeld 06")
    parser.add_argument("--csv", type=Path, help="schrijf een CSV voor Magister of SOMtoday naar dit bestand")
    parser.add_argument("--html", type=Path, help="schrijf het klasoverzicht als webpagina naar dit bestand")
    parser.add_argument("--feedback", type=Path, help="schrijf per leerling een feedbackpagina in deze map")
    parser.add_argument(
        "--beoordelingen",
        type=Path,
        help="de map met uw rubricpunten en opmerkingen (standaard teacher/nakijken in de projectmap)",
    )
    args = parser.parse_args(argv)
    book = Gradebook(args.map, args.beoordelingen)
    found = book.found
    lessons = args.les or book.lessons
    students = {h.student_id for h in found.handins if h.lesson in lessons}
    counted = [h for h in found.handins if h.lesson in lessons]
    print(
        f"{meervoud(len(counted), 'inlevering', 'inleveringen')} van "
        f"{meervoud(len(students), 'leerling', 'leerlingen')} gelezen uit {args.map}. "
        "Elk antwoord is opnieuw nagekeken met de antwoordsleutel."
    )
    for lesson in lessons:
        rows = matrix_rows(book, lesson)
        print(f"\nLes {lesson}")
        print(text_table(rows) if rows else "Geen inleveringen voor deze les.")
    skipped = skipped_rows(book)
    if skipped:
        print(f"\nNiet meegeteld ({len(skipped)}):")
        for row in skipped:
            print(f"  {row['bestand']}: {row['waarom niet meegeteld']}")
    try:
        if args.csv:
            from .export import write_csv

            print(f"\nCSV geschreven: {write_csv(book, args.csv, lessons)}")
        if args.html:
            from .export import write_class_report

            print(f"Klasoverzicht geschreven: {write_class_report(book, args.html, lessons)}")
        if args.feedback:
            from .export import write_feedback

            pages = write_feedback(book, args.feedback, lessons)
            print(
                f"{meervoud(len(pages), 'feedbackpagina', 'feedbackpagina' + chr(39) + 's')} geschreven in {args.feedback}."
            )
    except (OSError, NoGradingFolder) as exc:
        print(f"Schrijven lukte niet: {exc}", file=sys.stderr)
        return 1
    if not found.handins and any(p.path == args.map for p in found.problems):
        return 1
    return 0
