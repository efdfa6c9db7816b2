"""Wrong arguments to the functions a student calls: what is clear is accepted, the rest gets one Dutch sentence."""

from __future__ import annotations

import datetime as dt
import importlib.util
import sys
from pathlib import Path

import numpy as np
import pytest

from dossier_lib import arguments as A
from dossier_lib.errors import StudentInputError, StudentKeyError


@pytest.mark.parametrize(
    "function, value, expected",
    [
        (A.place_arg, "moskou", "moscow"),
        (A.place_arg, "Moskou", "moscow"),
        (A.place_arg, " Vladivostok ", "vladivostok"),
        (A.place_arg, "Pjongjang", "pyongyang"),
        (A.glossary_arg, "sancties", "sanctions"),
        (A.glossary_arg, "Top", "summit"),
        (A.kb_arg, "Poetin", "vladimir-putin"),
        (A.month_arg, "april", 4),
        (A.month_arg, "4", 4),
        (A.month_arg, np.int64(4), 4),
        (A.year_arg, "2019", 2019),
        (A.weekday_arg, "Donderdag", "donderdag"),
        (A.weekday_arg, "do", "donderdag"),
        (A.weekday_arg, "donderdagen", "donderdag"),
        (A.date_arg, "25 april 2019", dt.date(2019, 4, 25)),
        (A.date_arg, "25-04-2019", dt.date(2019, 4, 25)),
    ],
)
def test_what_a_student_means_is_accepted(function, value, expected):
    assert function(value) == expected


def test_an_article_number_is_looked_up():
    assert A.article_arg("001").number == "001" and A.article_arg(3).number == "003"
    with pytest.raises(StudentKeyError, match="Artikel 006 bestaat niet. Kies uit"):
        A.article_arg("006")


@pytest.mark.parametrize(
    "function, value, fragment",
    [
        (A.place_arg, "parijs", "staat niet als plaats in de kennisbank"),
        (A.place_arg, 5, "als tekst"),
        (A.glossary_arg, "sanction", 'Bedoel je "sanctions"?'),
        (A.month_arg, 13, "1 tot en met 12"),
        (A.year_arg, 19, "vier cijfers: 2019"),
        (A.weekday_arg, "morgen", "geen dag van de week"),
        (A.date_arg, "2019-02-30", "geen bestaande datum"),
        (A.date_arg, ..., "Nog niet ingevuld"),
        (A.dossier_arg, "dossier", "zonder aanhalingstekens"),
        (A.article_arg, None, "Hier hoort een artikel"),
    ],
)
def test_the_rest_gets_one_dutch_sentence(function, value, fragment):
    with pytest.raises(StudentInputError, match=fragment):
        function(value)


def test_no_student_facing_function_answers_in_english():
    """The hostile-input benchmark as a check: every wrong input gets Dutch help (or simply works)."""
    path = Path(__file__).resolve().parent.parent / "benchmarks" / "bench_hostile.py"
    spec = importlib.util.spec_from_file_location("bench_hostile", path)
    bench = importlib.util.module_from_spec(spec)
    sys.modules["bench_hostile"] = bench
    spec.loader.exec_module(bench)
    english = bench.english_answers()
    assert not english, "\n".join(english[:20])
