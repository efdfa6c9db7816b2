"""Hostile input: every function a lesson lets a student call, with about twenty plausible wrong inputs.

Each call runs as a notebook cell would, in an IPython shell that has run a lesson's first cell
(``from dossier_lib.les import *``, ``start("09")``), and what the student would see is read back.
A call counts as **English or traceback** when the output shows a traceback, or an exception
without a Dutch explanation, or a Dutch text that passes on an English message. A call that
simply works (many wrong-looking inputs are fine to accept: "Moskou" for "moscow") counts as
answered. Prints the figures, the worst functions and a few examples; asserts nothing.

    .venv/bin/python benchmarks/bench_hostile.py          # add -v to list every English answer
"""

from __future__ import annotations

import re
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import matplotlib  # noqa: E402

matplotlib.use("Agg")
import matplotlib.pyplot  # noqa: E402  (closed after every call: the charts students make pile up)

#: Inputs that fit almost nowhere, tried on every argument.
COMMON = ["None", "...", '""', "[]", "True", "3.5", "-1", "print", '"x" * 5000', "{}", '"<b>vet</b>"']
#: Plausible wrong inputs per kind of argument (code, as a student would type it).
ARTICLE = ['"003"', "3", '"001"', "dossier", '"artikel 3"', '"zes"', "dossier.articles", 'dossier["003"].paragraphs[6]']
DOSSIER = ['dossier["003"]', '"dossier"', "load_dossier", "[dossier]", '"003"', "5"]
WORD = ["2019", '"("', '"[zei"', '"*"', '["zei"]', '"zei("', "zei"]
PLACE = ['"moskou"', '"Moskou"', '"Moscow"', '"pjongjang"', '"parijs"', '"Vladivostok "', '["hanoi"]', "5", "moscow"]
TERM = ['"sancties"', '"Sancties"', '"sanction"', '"top"', '"sanctions "', "5", '["summit"]', "summit"]
YEAR = ['"2019"', "19", "2019.5", '"twintig"', "1800"]
MONTH = ['"april"', '"4"', "13", "0", '"apr"', "4.5", '"vier"']
WEEKDAY = ['"Donderdag"', '"do"', '"thursday"', "4", '"donderdagen"', '"dondedag"']
DATE = ['"25 april 2019"', '"2019-4-25"', '"25-04-2019"', '"2019-02-30"', "20190425", '"gisteren"', '"april"']

# (call, a correct call's arguments, and for each argument position the wrong inputs to try)
CASES: list[tuple[str, list[str], list[list[str]]]] = [
    ("kennismaking.overview", ["dossier"], [DOSSIER]),
    ("kennismaking.words_chart", ["dossier"], [DOSSIER]),
    ("kennismaking.source_cards", ["dossier"], [DOSSIER]),
    ("kennismaking.show_card", ['dossier["003"]'], [ARTICLE]),
    ("widgets.article_reader", ['dossier["003"]'], [ARTICLE]),
    ("widgets.concordance", ["dossier", '"zei"'], [DOSSIER, WORD]),
    ("widgets.side_by_side", ['dossier["000"]', 'dossier["002"]', 'term="Zhao"'], [ARTICLE, ARTICLE]),
    ("widgets.timeline_explorer", ["dossier"], [DOSSIER]),
    ("widgets.actor_explorer", ["dossier"], [DOSSIER]),
    ("charts.timeline_chart", ["dossier"], [DOSSIER]),
    ("charts.mentions_heatmap", ["dossier"], [DOSSIER]),
    ("charts.cooccurrence_network", ["dossier"], [DOSSIER]),
    ("charts.quote_share_chart", ["dossier"], [DOSSIER]),
    (
        "charts.honest_and_misleading_bars",
        ["[550, 300]", '["voor", "na"]'],
        [['"550, 300"', "[550]", '["550", "300"]', "550", "[550, None]"], ['"voor"', "[1, 2]", '["a"]']],
    ),
    ("charts.summit_map", ['["pyongyang", "hanoi"]'], [['"hanoi"', '["moskou"]', '["Hanoi", "parijs"]', "[5]"]]),
    ("analysis.cooccurrence", ["dossier"], [DOSSIER]),
    ("tijdlijn.niet_in_dossier", ["dossier"], [DOSSIER]),
    ("tijdlijn.weekday_clues", ['dossier["000"]'], [ARTICLE]),
    ("tijdlijn.day_detective", ["2019", "4", '"donderdag"'], [YEAR, MONTH, WEEKDAY]),
    ("tijdlijn.days_inclusive", ['"2019-01-07"', '"2019-01-10"'], [DATE, DATE]),
    ("spelers.names_in_paragraph", ['dossier["003"]', "6"], [ARTICLE, ['"6"', "99", "6.0", '"alinea 6"']]),
    (
        "spelers.name_forms_table",
        ['dossier["001"]', '"vladimir-putin"'],
        [ARTICLE, ['"Poetin"', '"poetin"', '"putin"', "5"]],
    ),
    ("spelers.kb_block", ['"vladimir-putin"'], [['"Poetin"', '"sarah sanders"', '"sara-sanders"', "5", '"kim"']]),
    ("spelers.actor_cards", ["dossier"], [DOSSIER]),
    ("spelers.unnamed_mentions", ["dossier", '"president van Zuid-Korea"'], [DOSSIER, WORD]),
    ("singapore.uncertainty_table", ['dossier["003"]'], [ARTICLE]),
    ("singapore.uncertainty_chart", ["dossier"], [DOSSIER]),
    ("singapore.known_and_after", ['dossier["003"]'], [ARTICLE]),
    ("peking.china_bezoeken", ["dossier"], [DOSSIER]),
    ("peking.china_tijdlijn", ["dossier"], [DOSSIER]),
    ("hanoi.standpunten", ['"hanoi-all-sanctions"'], [['"alle sancties"', '"hanoi"', "1", '"hanoi all sanctions"']]),
    ("wie_zegt_wat.quotes_table", ["dossier"], [DOSSIER]),
    ("wie_zegt_wat.vague_sources", ["dossier"], [DOSSIER]),
    ("cijfers.key_numbers", ["dossier"], [DOSSIER]),
    ("vladivostok.afstanden", ['"pyongyang"'], [PLACE]),
    ("vladivostok.afstanden_grafiek", ['"pyongyang"'], [PLACE]),
    ("vladivostok.weekdag", ['"2019-03-15"'], [DATE]),
    ("vladivostok.tijdlijn_maand", ["2019", "4"], [YEAR, MONTH]),
    ("vladivostok.maandkalender", ["2019", "4"], [YEAR, MONTH]),
    ("vladivostok.rusland_bewijs", ["dossier"], [DOSSIER]),
    (
        "eindopdracht.controleer_citaten",
        ['[("004", "Zij zaten constructieve onderhandelingen in de weg")]'],
        [
            [
                '("004", "Zij zaten")',
                '["004", "Zij zaten constructieve onderhandelingen"]',
                '[("4", 5)]',
                '[("006", "de")]',
            ]
        ],
    ),
    ("eindopdracht.bronnen_grafiek", ["[]"], [['"004"', "[(1, 2)]", "[5]"]]),
    ("geo.distance_km", ['"pyongyang"', '"hanoi"'], [PLACE, PLACE]),
    ("uitleg", ['"sanctions"'], [TERM]),
    ("maandkalender", ["2019", "4"], [YEAR, MONTH + ['markeer="donderdag"']]),
    ("weekdag", ['"2019-04-25"'], [DATE]),
    ("hint", ['"01.bronnen-tellen"'], [['"01.bronnen-telen"', "1", '"bronnen-tellen"']]),
    ("start", ['"09"'], [['"9a"', "99", '"les 9"']]),
    ("dossier.__getitem__", ['"003"'], [['"006"', "3", '"artikel 3"', "7", '"3"']]),
]

ENGLISH = re.compile(
    r"Traceback|invalid literal|is not defined|has no attribute|object is not|not supported|unsupported|"
    r"must be|expected|argument|could not|cannot|can't|Unknown|missing|index out of range|unterminated|"
    r"is not a valid|No such|TraitError|got an|takes \d|not found|Invalid|positional"
)


def calls() -> list[tuple[str, str]]:
    """(function, code of one call) for every wrong input of every argument."""
    out = []
    for name, good, wrong_per_arg in CASES:
        for position, wrongs in enumerate(wrong_per_arg):
            for value in [*wrongs, *COMMON]:
                args = list(good)
                args[position] = value
                if name == "dossier.__getitem__":
                    out.append((name, f"dossier[{args[0]}]"))
                else:
                    out.append((name, f"{name}({', '.join(args)})"))
        if name in ("uitleg", "hint", "start"):
            out.append((name, f"{name}()"))
    return out


def english_answers() -> list[str]:
    """Every call that shows English or a traceback (the test suite runs this)."""
    _, bad, _ = run()
    return [item for items in bad.values() for item in items]


def run() -> tuple[Counter, dict[str, list[str]], float]:
    """(kinds of answer, English answers per function, seconds)."""
    from IPython.core.interactiveshell import InteractiveShell
    from IPython.utils.capture import capture_output

    shell = InteractiveShell.instance()
    with capture_output():
        shell.run_cell('from dossier_lib.les import *\nles = start("09")\ndossier = les.dossier')
    cases = calls()
    bad: dict[str, list[str]] = defaultdict(list)
    kinds: Counter = Counter()
    started = time.perf_counter()
    for name, code in cases:
        with capture_output() as cap:
            result = shell.run_cell(code, store_history=False)
        seen = cap.stdout + cap.stderr + "".join(o.data.get("text/plain", "") for o in cap.outputs)
        error = result.error_in_exec or result.error_before_exec
        if error is None:
            shown = repr(result.result) if isinstance(result.result, str) else ""
            if ENGLISH.search(shown):
                kinds["English text returned"] += 1
                bad[name].append(f"{code} -> {shown[:120]}")
            else:
                kinds["works or Dutch text"] += 1
            continue
        explained = "Uitleg" in seen or "dossier-uitleg" in seen
        dutch_part = next((line for line in seen.splitlines() if line.startswith("Uitleg")), "")
        if "Traceback" in seen or not explained:
            dutch_message = str(error) and not ENGLISH.search(str(error)) and not isinstance(error, SyntaxError)
            kinds["Dutch message under a traceback" if dutch_message else "English error with traceback"] += 1
            bad[name].append(f"{code} -> {type(error).__name__}: {str(error)[:100]}")
        elif ENGLISH.search(dutch_part):
            kinds["Dutch explanation with English inside"] += 1
            bad[name].append(f"{code} -> {dutch_part[:140]}")
        else:
            kinds["Dutch explanation"] += 1
        matplotlib.pyplot.close("all")
    return kinds, bad, time.perf_counter() - started


def main(verbose: bool = False) -> None:
    kinds, bad, seconds = run()
    total = sum(kinds.values())
    english = sum(len(v) for v in bad.values())
    print(f"hostile calls: {total} over {len(CASES)} functions ({seconds:.1f} s)")
    for kind, n in kinds.most_common():
        print(f"  {kind:40s} {n:4d}")
    print(f"English or traceback: {english} of {total}")
    for name, items in sorted(bad.items(), key=lambda kv: -len(kv[1]))[: None if verbose else 12]:
        print(f"  {len(items):3d}  {name}")
        for item in items[: None if verbose else 2]:
            print(f"         {item}")


if __name__ == "__main__":
    main(verbose="-v" in sys.argv)
