"""Every lesson opens and closes the same way, in the teacher and the student version.

The first code cell differs only by the lesson number; the last code cells are the student's
progress and the hand-in; instructions about typing code sit in cells the projector leaves out.
"""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parent.parent
FRAME = 'from dossier_lib.les import *\n\nles = start("{nn}")\ndossier = les.dossier'
LESSONS = sorted(p for p in (ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb") if not p.name.startswith("00_"))
STUDENT = sorted((ROOT / "notebooks" / "leerling").glob("[0-9][0-9]_*.ipynb"))
#: Words that tell a student how to type or run code: meaningless on the projector.
CODE_INSTRUCTION = re.compile(r"Vervang .*`\.\.\.`|Shift \+ Enter|`\w+ = ")


@pytest.mark.parametrize("path", LESSONS + STUDENT, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_same_first_cell_and_same_closing_cells(path):
    nb = nbformat.read(path, as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert code[0].source == FRAME.format(nn=path.name[:2]), "de eerste codecel is niet het lesraamwerk"
    assert "setup" in code[0].metadata.get("tags", [])
    assert [c.source.strip() for c in code[-2:]] == ["voortgang()", "inleveren()"]


@pytest.mark.parametrize("path", LESSONS + STUDENT, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_every_lesson_has_a_class_discussion_heading(path):
    """The teacher guide says every lesson has a heading "Klassengesprek" where to stop and talk."""
    text = "\n".join(c.source for c in nbformat.read(path, as_version=4).cells if c.cell_type == "markdown")
    assert re.search(r"^#{2,4} (?:\d+\. )?Klassengesprek\b", text, re.MULTILINE), "geen kopje Klassengesprek"


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.stem)
def test_instructions_about_code_are_in_cells_the_projector_leaves_out(path):
    nb = nbformat.read(path, as_version=4)
    shown = [
        c
        for c in nb.cells
        if c.cell_type == "markdown"
        and "alleen-notebook" not in c.metadata.get("tags", [])
        and "teacher-only" not in c.metadata.get("tags", [])
    ]
    for cell in shown:
        for paragraph in re.split(r"\n\s*\n", cell.source):
            assert not CODE_INSTRUCTION.search(paragraph), (
                f"{path.name}: deze uitleg over code hoort in een eigen cel met het label alleen-notebook:\n{paragraph}"
            )


def test_every_exercise_of_a_lesson_is_checked_in_its_notebook_in_key_order():
    from dossier_lib.exercises import lesson_exercises

    for path in LESSONS:
        text = "\n".join(c.source for c in nbformat.read(path, as_version=4).cells if c.cell_type == "code")
        positions = []
        for ex in lesson_exercises(path.name[:2], include_examples=True):
            call = re.search(rf'(?:check|hint)\("{re.escape(ex.id)}"', text)
            if ex.kind == "citations":
                call = call or re.search(r"controleer_citaten\((?![^)]*bewaren=False)", text)
            assert call, f"{path.name}: opdracht {ex.id} staat in de sleutel maar wordt in de les nooit nagekeken"
            positions.append(call.start())
        assert positions == sorted(positions), f"{path.name}: de sleutel staat niet in de volgorde van de les"


@pytest.mark.parametrize("path", STUDENT, ids=lambda p: p.stem)
def test_every_function_the_text_tells_a_student_to_call_exists_after_the_first_cell(path):
    """`hint("06.x")`, `vladivostok.weekdag(...)`: each name in the lesson text is there once the frame ran."""
    import dossier_lib.les as frame

    nb = nbformat.read(path, as_version=4)
    text = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    namespace = {name: getattr(frame, name) for name in frame.__all__}
    namespace.update(dossier=None, les=None, print=print, len=len, round=round)
    for call in set(re.findall(r"`([A-Za-z_][\w.]*)\(", text)):
        head, *rest = call.split(".")
        if head in ("tekst", "antwoord", "artikel", "alinea") or not head.islower():
            continue  # a student's own variable (or a method of one), or a class name
        assert head in namespace, (
            f"{path.name}: de tekst noemt {call}(...), maar na de eerste cel bestaat {head!r} niet"
        )
        target = namespace[head]
        for attribute in rest:
            if target is None:
                break
            assert hasattr(target, attribute), (
                f"{path.name}: de tekst noemt {call}(...), maar {attribute!r} bestaat niet"
            )
            target = getattr(target, attribute)


def _exercises_in_extra_parts(path: Path) -> dict[str, bool]:
    """Exercise id -> whether its check cell stands in a part whose heading starts with "Extra"."""
    h2 = h3 = ""
    found: dict[str, bool] = {}
    for cell in nbformat.read(path, as_version=4).cells:
        if cell.cell_type == "markdown":
            for heading in re.finditer(r"^(#{2,3}) (.*)$", cell.source, re.MULTILINE):
                if len(heading.group(1)) == 2:
                    h2, h3 = heading.group(2), ""
                else:
                    h3 = heading.group(2)
        else:
            for ex_id in re.findall(r'check\("(\d\d\.[\w-]+)"', cell.source):
                found.setdefault(ex_id, h2.startswith("Extra") or h3.startswith("Extra"))
    return found


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.stem)
def test_the_key_marks_exactly_the_exercises_of_the_extra_parts(path):
    """The lessons say an Extra exercise may stay empty; so the key must keep it out of score and cijfer."""
    from dossier_lib.exercises import lesson_exercises

    in_extra = _exercises_in_extra_parts(path)
    for ex in lesson_exercises(path.name[:2]):
        if ex.id in in_extra:
            assert ex.extra == in_extra[ex.id], f"{ex.id}: zet 'extra: {str(in_extra[ex.id]).lower()}' in de sleutel"
    if any(in_extra.values()):
        closing = [c.source for c in nbformat.read(path, as_version=4).cells if c.cell_type == "markdown"][-1]
        assert "Extra-deel mag leeg blijven" in closing
