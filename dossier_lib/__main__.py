"""The command line: `python -m dossier_lib COMMAND ...`.

Each command lives in its own module; this file only knows their names, so
that one broken or slow command never slows down the others.
"""

from __future__ import annotations

import importlib
import sys

#: command name -> (module, function, one-line Dutch help)
COMMANDS = {
    "validate": ("dossier_lib.teacher_folder", "validate_main", "controleer een map met eigen artikelen"),
    "export": ("dossier_lib.annotate.export", "export_main", "annotaties als JSON Lines (entities, quotes, ...)"),
    "student-notebooks": (
        "dossier_lib.exercises.student",
        "student_notebooks_main",
        "maak de leerlingversies van de lessen",
    ),
    "answer-key": (
        "dossier_lib.exercises.answer_key",
        "answer_key_main",
        "druk de antwoordsleutel af (voor de docent)",
    ),
    "run-notebooks": (
        "dossier_lib.notebook_runner",
        "run_notebooks_main",
        "voer de docentversies uit en bewaar de uitvoer",
    ),
    "present": ("dossier_lib.present", "present_main", "toon een les voor de klas (Voila), zonder antwoorden"),
    "release": ("dossier_lib.release", "release_main", "schrijf de leerlingrelease (voor nbgitpuller of Binder)"),
    "kernel-help": (
        "dossier_lib.ipython_extension",
        "kernel_config_main",
        "zet de Nederlandse foutuitleg aan in elke kernel van deze omgeving",
    ),
    "nakijken": (
        "dossier_lib.gradebook.cli",
        "nakijken_main",
        "kijk de inleveringen in een map opnieuw na (klasoverzicht, CSV, feedback)",
    ),
}


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0] in ("-h", "--help", "help"):
        print("Gebruik: python -m dossier_lib OPDRACHT ...\n\nOpdrachten:")
        for name, (_, _, text) in COMMANDS.items():
            print(f"  {name:20} {text}")
        return 0 if argv else 2
    name, rest = argv[0], argv[1:]
    if name not in COMMANDS:
        print(f"Onbekende opdracht {name!r}. Kies uit: {', '.join(COMMANDS)}.", file=sys.stderr)
        return 2
    module, function, _ = COMMANDS[name]
    try:
        return int(getattr(importlib.import_module(module), function)(rest) or 0)
    except BrokenPipeError:  # `... | head`: the reader has seen enough
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
