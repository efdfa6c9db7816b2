"""`python -m dossier_lib validate [MAP]`: will the lessons run with this folder of the teacher's own articles?

"In orde" means exactly that: every check `load_dossier(MAP)` makes passes (the files,
the names next to the five bundled articles, the source cards, ``kennisbank.yaml``), and
then the folder is really loaded and annotated the way a lesson does it (names, quotes,
numbers, dates, the timeline, the claims in ``beweringen.yaml``). Whatever fails there is
reported too, so "In orde" is never followed by an error in the first lesson.

Without MAP the folder of the lesson setting is checked (``DOSSIER_ARTIKELEN`` or
``dossier-instellingen.yaml``, see settings.py).

After "In orde" it lists what a teacher may want to act on: the names the knowledge base
does not know (add them to ``kennisbank.yaml``) and the timeline events each article was
linked to.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from .errors import Problem
from .nl import meervoud


@dataclass
class FolderReport:
    """Everything `validate` found: problems, the articles that load, and what to look at."""

    folder: Path
    problems: list[Problem] = field(default_factory=list)
    articles: int = 0
    bundled: int = 0
    unknown_names: Counter = field(default_factory=Counter)
    events: dict[str, list[str]] = field(default_factory=dict)  # article label -> event titles

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]


def check_teacher_folder(folder: str | Path) -> FolderReport:
    """Check a teacher's folder together with the bundled articles, as `load_dossier(folder)` will load it."""
    from .annotate.kb import teacher_kb
    from .paths import seeds_folder
    from .validate import check_card, check_folders

    folder = Path(folder)
    report = FolderReport(folder)
    bundled = seeds_folder()
    is_bundled = folder.is_dir() and folder.resolve() == bundled.resolve()
    checked = check_folders([bundled] if is_bundled else [bundled, folder])
    report.problems += checked.problems
    report.articles = sum(1 for f in checked.files if not f.bundled)
    report.bundled = sum(1 for f in checked.files if f.bundled)
    if is_bundled or not folder.is_dir():
        return report
    report.problems += teacher_kb(folder)[1]
    for f in checked.files:
        if not f.bundled:
            report.problems += check_card(f.path)[1]
    if report.errors:
        return report
    _trial_run(report)
    return report


def _trial_run(report: FolderReport) -> None:
    """Load and annotate the folder as a lesson does; every failure becomes a problem."""
    from .annotate.claims import ClaimsError, load_claims, teacher_claims_file
    from .annotate.timeline import load_timeline
    from .corpus import load_dossier
    from .errors import DossierFormatError

    try:
        dossier = load_dossier(report.folder)
    except DossierFormatError as exc:
        report.problems += exc.problems
        return
    for article in dossier.added:
        try:
            notes = article.annotations
            for kind in ("entities", "quotes", "numbers", "dates", "glossary"):
                notes.of_kind(kind)
        except Exception as exc:  # noqa: BLE001 - report it, the teacher cannot fix our code
            report.problems.append(_internal(article.path, "annoteren", exc))
            continue
        report.unknown_names.update(e.text for e in article.annotations.entities if e.type == "UNKNOWN")
    try:
        events = load_timeline(dossier)
    except Exception as exc:  # noqa: BLE001
        report.problems.append(_internal(report.folder, "de tijdlijn koppelen", exc))
        events = []
    for event in events:
        for p in event.passages:
            article = next((a for a in dossier.added if a.id == p.article_id), None)
            if article is not None:
                titles = report.events.setdefault(article.label, [])
                if event.title not in titles:
                    titles.append(event.title)
    own = teacher_claims_file(dossier)
    try:
        load_claims(dossier)
    except (ClaimsError, ValueError) as exc:
        report.problems.append(
            Problem(
                str(own or report.folder),
                0,
                str(exc),
                "pas beweringen.yaml aan; kijk voor het formaat naar dossier_lib/data/claims.yaml.",
            )
        )


def _internal(path: Path, what: str, exc: Exception) -> Problem:
    return Problem(
        str(path),
        0,
        f"bij het {what} ging iets mis in het programma ({type(exc).__name__}: {exc}).",
        "dit ligt niet aan jou: laat dit artikel voorlopig uit de map en meld de fout bij de makers van het pakket.",
    )


def validate_main(argv: list[str]) -> int:
    """`python -m dossier_lib validate [MAP ...]`: print one line per problem; exit 0 when the lessons will run."""
    if argv and argv[0] in ("-h", "--help"):
        print(
            "Gebruik: python -m dossier_lib validate [MAP ...]\n"
            "Controleert de eigen artikelen in MAP samen met de vijf meegeleverde, zoals de lessen ze laden,\n"
            "en noemt elk probleem met bestand, regel en wat je kunt doen. Zonder MAP: de map uit de\n"
            "instelling (DOSSIER_ARTIKELEN of dossier-instellingen.yaml)."
        )
        return 0
    if not argv:
        from .settings import SettingsError, articles_setting

        try:
            setting = articles_setting()
        except SettingsError as exc:
            for p in exc.problems:
                print(p)
            return 1
        if setting.folder is None:
            print("Er is geen map met eigen artikelen ingesteld. " + _HOW_TO_SET)
            return 2
        print(f"Ingesteld in {setting.source}: {setting.folder}")
        argv = [str(setting.folder)]
    status = 0
    for folder in argv:
        report = check_teacher_folder(folder)
        status = max(status, _print(report))
    return status


_HOW_TO_SET = (
    "Geef een map: python -m dossier_lib validate mijn_artikelen/ — of zet in de map van de lessen een "
    "bestand dossier-instellingen.yaml met de regel 'artikelen: mijn_artikelen/'."
)


def _print(report: FolderReport) -> int:
    for p in report.problems:
        print(p)
    if report.errors:
        print(
            f"{meervoud(len(report.errors), 'fout', 'fouten')} gevonden; "
            f"{meervoud(report.articles, 'artikel', 'artikelen')} in orde."
        )
        print("Zolang er fouten zijn, stopt de eerste cel van elke les met deze melding.")
        return 1
    if report.articles == 0 and report.bundled:
        print(f"In orde: {meervoud(report.bundled, 'artikel kan', 'artikelen kunnen')} geladen worden.")
        return 0
    print(
        f"In orde: {meervoud(report.articles, 'artikel kan', 'artikelen kunnen')} geladen worden, samen met de {report.bundled} "
        "meegeleverde; de lessen werken met deze map."
    )
    if report.unknown_names:
        names = ", ".join(f"{n} ({c}×)" if c > 1 else n for n, c in sorted(report.unknown_names.items()))
        print(
            "Namen die de kennisbank niet kent (ze staan in de lessen als 'onbekende naam'; zet personen, "
            f"plaatsen en organisaties die je wilt tellen in kennisbank.yaml in deze map): {names}"
        )
    if report.events:
        print("Gekoppeld aan de tijdlijn (controleer of dat klopt):")
        for label, titles in sorted(report.events.items()):
            print(f"  {label}: {'; '.join(titles)}")
    return 0
