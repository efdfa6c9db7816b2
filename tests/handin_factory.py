"""Hand-ins in format 2 (the contract of `inleveren()`), made for tests and for the example set.

`make_handin` builds the JSON a student's `inleveren()` writes, from a dict of raw
answers: the self-reported fields (``status``, ``samenvatting``) are filled in as a
student's file would have them, so tests can show that the gradebook ignores them.
`write_examples` writes the fictional class in tests/fixtures/inleveringen/.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
EXAMPLES = HERE / "fixtures" / "inleveringen"

#: Right answers to lesson 06 and 10, as raw JSON values (from teacher/lessen/*.yaml).
RIGHT = {
    "06.bewijs-trump": 4,
    "06.hanoi-keuze": "b",
    "06.bewijs-correctie": "Later gaf Washington toe dat dit niet zo was",
    "06.soort-verschil": "b",
    "06.choe-datum": "15 maart 2019",
    "10.goede-conclusie": "b",
    "10.bewijs-twijfel": "Het is onduidelijk hoe betrouwbaar dat bericht was",
}


def make_handin(
    lesson: str,
    student_id: str,
    name: str,
    answers: dict[str, Any],
    date: str = "2026-12-01T10:15:00",
    hints: dict[str, int] | None = None,
    claimed_status: str = "goed",
) -> dict:
    """A format-2 hand-in; answers maps exercise id -> raw answer (None: not answered)."""
    hints = hints or {}
    items = []
    for number, (ex_id, answer) in enumerate(answers.items(), start=1):
        items.append(
            {
                "id": ex_id,
                "nummer": number,
                "soort": "reflection" if "reflectie" in ex_id or ex_id in ("10.vraag", "10.analyse") else "value",
                "vraag": "…",
                "beantwoord": answer is not None,
                "antwoord": answer,
                "antwoord_tekst": json.dumps(answer, ensure_ascii=False),
                "status": claimed_status if answer is not None else "niet beantwoord",
                "feedback": "",
                "pogingen": 1 if answer is not None else 0,
                "hints": hints.get(ex_id, 0),
                "woorden": len(answer.split()) if isinstance(answer, str) else None,
            }
        )
    return {
        "format": "dossier-inlevering",
        "versie": 2,
        "pakket": "0.1.0",
        "les": lesson,
        "leerling": {"id": student_id, "naam": name, "bron": "hub"},
        "datum": date,
        "opdrachten": items,
        "samenvatting": {"goed": len(items), "nagekeken": len(items), "reflecties": 0},
    }


def write_handin(folder: Path, data: dict, suffix: str = "") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{data['les']}_{data['leerling']['id']}_{data['datum'][:10]}{suffix}.json"
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return path


REFLECTION_06 = {
    "voorbeeld-anna": (
        "Ik denk dat 'volgens de Amerikaanse president' niet genoeg was, omdat de krant ook had kunnen "
        "vragen wat Noord-Korea zelf zei. Dat deed ze later wel met Ri. Een krant kan ook wachten met "
        "een conclusie tot er meer bronnen zijn."
    ),
    "voorbeeld-bram": "Het was genoeg want de krant zei wie het zei.",
    "voorbeeld-chloe": None,
    "voorbeeld-daan": (
        "De krant had een tweede bron moeten zoeken, bijvoorbeeld een Amerikaanse ambtenaar of de VN. "
        "Nu lijkt het alsof Trump gelijk heeft, terwijl dat later niet zo bleek."
    ),
}


#: Lesson 10's citations as `controleer_citaten` stores them: [article, quote] pairs.
CITATIONS_10 = {
    "voorbeeld-anna": [
        ["004", "Zij zaten constructieve onderhandelingen in de weg"],
        ["002", "Ze wilden dat alle sancties zouden worden opgeheven"],
        ["004", "Later gaf Washington toe dat dit niet zo was"],
    ],
    "voorbeeld-daan": [["002", "Het is onduidelijk hoe betrouwbaar dat bericht was"], ["002", "volgens de krant"]],
}

REFLECTION_10 = {
    "voorbeeld-anna": "Artikel 004, want het zegt steeds wie iets beweert en verbetert een fout van eerder.",
    "voorbeeld-daan": "Artikel 002, omdat er 'volgens' staat.",
}


def write_examples(folder: Path = EXAMPLES) -> list[Path]:
    """The fictional class of the teacher notebook: four students, lessons 06 and 10, and some odd files."""
    r = RIGHT
    students = {
        "voorbeeld-anna": ("Anna Voorbeeld", {}),
        "voorbeeld-bram": ("Bram Voorbeeld", {"06.hanoi-keuze": "a", "06.choe-datum": "1 maart 2019"}),
        "voorbeeld-chloe": (
            "Chloë Voorbeeld",
            {"06.bewijs-trump": 6, "06.hanoi-keuze": "a", "06.soort-verschil": None},
        ),
        "voorbeeld-daan": ("Daan Voorbeeld", {"06.choe-datum": "1 maart 2019"}),
    }
    written = []
    for student_id, (name, wrong) in students.items():
        answers = {
            "06.bewijs-trump": r["06.bewijs-trump"],
            "06.hanoi-keuze": r["06.hanoi-keuze"],
            "06.bewijs-correctie": r["06.bewijs-correctie"],
            "06.soort-verschil": r["06.soort-verschil"],
            "06.choe-datum": r["06.choe-datum"],
            "06.reflectie": REFLECTION_06[student_id],
        }
        answers.update(wrong)
        hints = {"06.choe-datum": 2} if student_id in ("voorbeeld-bram", "voorbeeld-daan") else {}
        data = make_handin("06", student_id, name, answers, "2026-12-01T10:15:00", hints)
        written.append(write_handin(folder / student_id, data))
    # Bram handed in lesson 06 twice: the older one (all empty) does not count.
    early = make_handin("06", "voorbeeld-bram", "Bram Voorbeeld", {"06.bewijs-trump": None}, "2026-12-01T09:50:00")
    written.append(write_handin(folder / "voorbeeld-bram", early, "-0950"))
    # Lesson 10: two students, open answers and two checked exercises.
    analyses = {
        "voorbeeld-anna": (
            "Anna Voorbeeld",
            "Wie kreeg de schuld van de mislukte top in Hanoi?",
            "Volgens artikel 004 gaf Choe Son-hui de schuld aan Pompeo en Bolton: 'Zij zaten constructieve "
            "onderhandelingen in de weg'. Trump zelf spaarde ze. In artikel 002 zegt Trump dat Noord-Korea alle "
            "sancties weg wilde; Ri zegt dat het om een deel ging. Later gaf Washington toe dat dit niet zo was. "
            "Wat we niet weten: wat er binnen gezegd is. Dat zou je kunnen nagaan in latere interviews.",
        ),
        "voorbeeld-daan": (
            "Daan Voorbeeld",
            "Hoe betrouwbaar zijn de bronnen in dit dossier?",
            "De bronnen zeggen vaak 'volgens' en 'aldus'. Artikel 002 zegt: 'Het is onduidelijk hoe betrouwbaar "
            "dat bericht was'. Dus de krant is eerlijk over twijfel.",
        ),
    }
    for student_id, (name, question, analysis) in analyses.items():
        answers = {
            "10.goede-conclusie": r["10.goede-conclusie"] if student_id == "voorbeeld-anna" else "a",
            "10.bewijs-twijfel": r["10.bewijs-twijfel"],
            "10.vraag": question,
            "10.citaten": CITATIONS_10[student_id],
            "10.analyse": analysis,
            "10.reflectie": REFLECTION_10[student_id],
        }
        data = make_handin("10", student_id, name, answers, "2026-12-08T11:00:00")
        written.append(write_handin(folder / student_id, data))
    # Odd files a teacher finds in a collection folder: the gradebook lists them, with the reason.
    (folder / "voorbeeld-chloe" / "06_voorbeeld-chloe_2026-12-01-2.json").write_text(
        '{"format": "dossier-inlevering", "versie": 2, "les": "06", "leer', encoding="utf-8"
    )
    (folder / "notities-docent.json").write_text('{"boodschappen": ["koffie"]}\n', encoding="utf-8")
    return written


if __name__ == "__main__":  # python tests/handin_factory.py: rewrite the example set
    for path in write_examples():
        print(path.relative_to(HERE.parent))
