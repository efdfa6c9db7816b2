"""The teacher guide's helpers: the lesson plan read from the lessons, and the hand-in overview."""

import json

from dossier_lib.teacher import lesplan, lesson_header


def test_lesson_plan_has_every_lesson_with_goals_time_and_sources():
    plan = lesplan()
    assert list(plan.index) == [f"{n:02d}" for n in range(1, 11)]
    for column in ("leerdoelen", "tijd", "voorkennis", "bronnen"):
        assert (plan[column].str.len() > 0).all(), column
    assert plan["tijd"].str.contains("minuten").all()


def test_lesson_header_reads_the_table(tmp_path):
    nb = {
        "cells": [
            {
                "cell_type": "markdown",
                "source": [
                    "# Les 7 — Proef\n",
                    "\n",
                    "| | |\n",
                    "|---|---|\n",
                    "| **Leerdoelen** | Iets leren. |\n",
                    "| **Tijd** | 30 minuten |\n",
                ],
            }
        ]
    }
    path = tmp_path / "07_proef.ipynb"
    path.write_text(json.dumps(nb))
    assert lesson_header(path) == {
        "les": "07",
        "titel": "Les 7 — Proef",
        "leerdoelen": "Iets leren.",
        "tijd": "30 minuten",
    }


def test_lesson_plan_is_plain_left_aligned_whole_text():
    plan = lesplan()
    cells = [str(v) for column in plan.columns for v in plan[column]]
    assert not [c for c in cells if "`" in c or "*" in c], "Markdown marks in the lesson plan"
    markup = plan._repr_html_()
    assert "text-align:left" in markup and "…" not in markup  # whole sentences, read from the left
    assert any("minuten" in c for c in cells)


# ---------------------------------------------------------------- lesverloop (findings L5)


def _headings(path):
    import re

    nb = json.loads(path.read_text(encoding="utf-8"))
    text = "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown")
    return [m.group(1).strip() for m in re.finditer(r"^#+\s+(.+)$", text, re.MULTILINE)]


def test_every_lesson_has_a_run_down_that_fits_one_period():
    from dossier_lib.teacher import PHASES, lesson_runs

    runs = lesson_runs()
    assert list(runs) == [f"{n:02d}" for n in range(1, 11)]
    for run in runs.values():
        assert 45 <= run.minuten <= 50 and run.phases[0].van == 0 and run.phases[-1].tot == run.minuten
        assert [p.fase for p in run.phases].count("klassengesprek") == 1
        assert {p.fase for p in run.phases} <= set(PHASES) and run.phases[0].fase == "start"
        assert run.klassengesprek.endswith("?") and run.snel and run.langzaam


def test_run_down_agrees_with_the_lessons():
    """The headings the run-down names are in the lesson, and the lesson has no Extra part it does not name."""
    import re

    from dossier_lib.paths import NOTEBOOKS
    from dossier_lib.teacher import lesson_runs

    plan = lesplan()
    for les, run in lesson_runs().items():
        minutes = [int(n) for n in re.findall(r"\d+", plan.loc[les, "tijd"])]
        assert run.minuten <= max(minutes), (les, plan.loc[les, "tijd"])
        if not run.kopjes:
            continue  # lessons 01-05: the run-down is from docs/content/lesverloop.md, without headings yet
        path = next(NOTEBOOKS.glob(f"{les}_*.ipynb"))
        headings = _headings(path)
        for kopje in run.kopjes:
            assert any(h == kopje or h.endswith(kopje) for h in headings), (les, kopje)
        extras = [h for h in headings if h.startswith("Extra")]
        assert all(h in run.kopjes for h in extras), (les, extras)
        assert any("Klassengesprek" in h for h in headings), les


def test_run_down_shows_minutes_discussion_and_students():
    from dossier_lib.teacher import lesverloop

    one = lesverloop("6")
    assert "Les 6 — Hanoi" in repr(one) and "32–40" in repr(one) and "Snelle leerlingen:" in repr(one)
    assert "<h4>" in one._repr_html_() and "<b>Klassengesprek:</b>" in one._repr_html_()
    assert repr(lesverloop()).count("minuten)") == 10
    import pytest

    with pytest.raises(KeyError, match="Kies uit"):
        lesverloop("11")


def test_a_broken_run_down_gets_a_dutch_message(monkeypatch):
    import pytest

    from dossier_lib import teacher
    from dossier_lib.lessons import inhoud

    broken = {
        "lessen": [
            {
                "les": "06",
                "minuten": 45,
                "fasen": [
                    {"van": 0, "tot": 5, "fase": "start", "wat": "a"},
                    {"van": 10, "tot": 45, "fase": "klassengesprek", "wat": "b"},
                ],
                "klassengesprek": "?",
                "snel": "x",
                "langzaam": "y",
            }
        ]
    }
    monkeypatch.setattr(inhoud, "lesson_file", lambda name: broken)
    with pytest.raises(inhoud.LessonDataError, match="les 06.*minuut 10.*eindigt bij 5"):
        teacher.lesson_runs()
