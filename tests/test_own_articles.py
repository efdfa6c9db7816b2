"""A teacher's own articles (issue 13): identity, validate, the setting, the kennisbank, source cards, claims, timeline.

Everything here uses real files in temporary folders, loaded the way a lesson loads them.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from dossier_lib import DossierFormatError, analysis, load_dossier
from dossier_lib.settings import SettingsError, articles_setting, lesson_dossier

ROOT = Path(__file__).resolve().parent.parent
BODY = (
    "De Amerikaanse president Donald Trump sprak in Singapore met de Noord-Koreaanse leider Kim Jong-un. "
    "Het was de eerste ontmoeting van de twee leiders. Kim Jong-un beloofde te werken aan ontwapening, "
    "maar hoe en wanneer dat gebeurt, staat nergens op papier."
)


def write(folder: Path, name: str, text: str | bytes) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return path


def validate(*args: str, cwd: Path = ROOT, env: dict | None = None) -> tuple[int, str]:
    proc = subprocess.run(
        [sys.executable, "-m", "dossier_lib", "validate", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env={**os.environ, "PYTHONPATH": str(ROOT), **(env or {})},
    )
    assert "Traceback" not in proc.stdout + proc.stderr, proc.stdout + proc.stderr
    return proc.returncode, proc.stdout


# ---------------------------------------------------------------- every article keeps its own identity


def test_two_files_with_the_same_prefix_are_counted_each_on_its_own(tmp_path):
    write(tmp_path, "singapore_krant-a.txt", f"date 2018-06\n\n{BODY}\n")
    write(tmp_path, "singapore_krant-b.txt", f"date 2018-06\n\n{BODY} Trump was tevreden. Trump vertrok.\n")
    dossier = load_dossier(tmp_path)
    a, b = dossier["singapore_krant-a"], dossier["singapore_krant-b"]
    assert a is not b and a.label != b.label
    frame = analysis.mention_matrix(dossier)
    assert frame.loc["Donald Trump", "singapore_krant-a"] == 1
    assert frame.loc["Donald Trump", "singapore_krant-b"] == 3
    assert frame.loc["Donald Trump", "totaal"] == sum(
        sum(1 for e in art.annotations.entities if e.id == "donald-trump") for art in dossier
    )
    numbers = analysis.numbers_table(dossier)
    assert set(numbers["artikel"]) >= {"singapore_krant-a", "singapore_krant-b"}
    with pytest.raises(KeyError, match="meer dan één artikel"):
        dossier["singapore"]


def test_a_file_named_like_a_bundled_number_keeps_the_bundled_one_in_place(tmp_path):
    write(tmp_path, "003_dmz.txt", f"date 2019-07\n\n{BODY}\n")
    dossier = load_dossier(tmp_path)
    assert dossier["003"].bundled and dossier["003"].id == "003_0b62c6decff88b81"
    assert dossier["003_dmz"].label == "003_dmz" and not dossier["003_dmz"].bundled
    code, out = validate(str(tmp_path))
    assert code == 0 and "let op: de naam begint met 003" in out


@pytest.mark.parametrize("name", ["003.txt", "003_0B62C6DECFF88B81.txt", "003_0b62c6decff88b81.txt"])
def test_a_file_that_takes_a_bundled_id_or_label_in_any_case_is_an_error(tmp_path, name):
    write(tmp_path, name, f"date 2019-07\n\n{BODY}\n")
    code, out = validate(str(tmp_path))
    assert code == 1 and "In orde" not in out
    with pytest.raises(DossierFormatError):
        load_dossier(tmp_path)


def test_labels_and_reader_choices_are_unique_with_twenty_articles(teacher_folder):
    from dossier_lib import widgets

    dossier = load_dossier(teacher_folder)
    assert len(dossier) == 20 and len(set(dossier.labels)) == 20
    reader = widgets.article_reader(dossier)
    names = [name for name, _ in reader.chooser.options]
    assert len(set(names)) == 20
    assert "UNKNOWN" in reader.toggles  # the names the knowledge base lacks can be shown


# ---------------------------------------------------------------- validate: In orde means the lessons will run

DATE_LINES = {
    "date: 2019-06": "geen dubbele punt",
    "Date 2019-06": "kleine letters",
    "datum 2019-06": "in plaats van 'date'",
    "date 2019-6": "maar één cijfer",
    "date 06-2019": "vóór het jaar",
    "date 2019/06": "streepje",
    "date 2019-06-30": "hele datum met dag",
    "date juni 2019": "als woord",
    "date 2019": "de maand ontbreekt",
    "date 2019-06Kim": "zonder spatie",
}


@pytest.mark.parametrize("line", sorted(DATE_LINES))
def test_each_date_line_mistake_gets_its_own_message(tmp_path, line):
    write(tmp_path, "artikel.txt", f"{line}\n\n{BODY}\n")
    code, out = validate(str(tmp_path))
    assert code == 1
    assert DATE_LINES[line] in out.splitlines()[0], out


def test_the_date_line_further_down_is_found(tmp_path):
    write(tmp_path, "artikel.txt", f"Mijn artikel\n\ndate 2019-06\n\n{BODY}\n")
    code, out = validate(str(tmp_path))
    assert code == 1 and "artikel.txt:3: de datumregel staat op regel 3" in out


def test_invisible_things_at_the_top_are_a_notice_and_the_article_loads(tmp_path):
    write(tmp_path, "leeg.txt", f"\n\ndate 2019-06\n\n{BODY}\n")
    write(tmp_path, "harde_spatie.txt", f"date\u00a02019-06\n\n{BODY}\n")
    code, out = validate(str(tmp_path))
    assert code == 0, out
    assert "boven de datumregel staan 2 lege regel(s)" in out and "harde spatie" in out
    dossier = load_dossier(tmp_path)
    assert dossier["leeg"].month_label == dossier["harde_spatie"].month_label == "juni 2019"


def test_encodings_and_office_files_are_named(tmp_path):
    write(tmp_path, "utf16.txt", f"date 2019-06\n\n{BODY}\n".encode("utf-16"))
    write(tmp_path, "word.txt", b"PK\x03\x04" + b"\x00" * 40)
    write(tmp_path, "ansi.txt", f"date 2019-06\n\n{BODY} \u201cKim\u201d.\n".encode("cp1252"))
    code, out = validate(str(tmp_path))
    assert code == 1
    assert "UTF-16" in out and "Word-document" in out and "Windows-1252" in out


def test_macos_helpers_subfolders_and_paths_are_explained(tmp_path):
    folder = tmp_path / "mijn_artikelen"
    write(folder, "artikel.txt", f"date 2019-06\n\n{BODY}\n")
    write(folder, "._artikel.txt", b"\x00\x05\x16\x07\x00\x02\x00\x00Mac OS X")
    write(folder / "oud", "ouder_artikel.txt", f"date 2018-06\n\n{BODY}\n")
    code, out = validate(str(folder))
    assert code == 0, out
    assert "hulpbestand van macOS" in out and "submap 'oud'" in out and "1 artikel kan geladen" in out
    code, out = validate(str(folder / "artikel.txt"))
    assert code == 1 and "dit is een bestand, geen map" in out
    code, out = validate(str(tmp_path / "mijn_artikelen_"))
    assert code == 1 and "bestaat niet" in out and "bedoel je" in out and "mijn_artikelen" in out
    only_sub = tmp_path / "leeg"
    write(only_sub / "sub", "a.txt", f"date 2018-06\n\n{BODY}\n")
    code, out = validate(str(only_sub))
    assert code == 1 and "submap 'sub'" in out


def test_in_orde_means_load_dossier_works_and_lists_unknown_names_and_links(teacher_folder):
    code, out = validate(str(teacher_folder))
    assert code == 0, out
    assert "In orde: 15 artikelen kunnen" in out and "Gekoppeld aan de tijdlijn" in out
    assert "Namen die de kennisbank niet kent" in out and "Kim Jong-il" not in out.split("niet kent")[1].split("\n")[0]
    assert len(load_dossier(teacher_folder)) == 20


def test_validate_without_a_folder_checks_the_setting(tmp_path, teacher_folder):
    (tmp_path / "dossier-instellingen.yaml").write_text(f"artikelen: {teacher_folder}\n", encoding="utf-8")
    code, out = validate(cwd=tmp_path, env={"DOSSIER_ARTIKELEN": ""} | {})
    assert code == 2 and "geen map met eigen artikelen ingesteld" in out  # the (empty) variable wins
    env = {k: v for k, v in os.environ.items() if k != "DOSSIER_ARTIKELEN"}
    proc = subprocess.run(
        [sys.executable, "-m", "dossier_lib", "validate"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={**env, "PYTHONPATH": str(ROOT)},
    )
    assert proc.returncode == 0 and "Ingesteld in" in proc.stdout and "In orde: 15" in proc.stdout


# ---------------------------------------------------------------- the setting


def test_the_environment_variable_and_the_settings_file(tmp_path, teacher_folder):
    assert articles_setting(environ={}, cwd=tmp_path).folder is None
    assert articles_setting(environ={"DOSSIER_ARTIKELEN": str(teacher_folder)}, cwd=tmp_path).folder == teacher_folder
    lessons = tmp_path / "lessen" / "leerling"
    lessons.mkdir(parents=True)
    (tmp_path / "lessen" / "dossier-instellingen.yaml").write_text(
        f"# mijn instelling\nartikelen: {os.path.relpath(teacher_folder, tmp_path / 'lessen')}\n", encoding="utf-8"
    )
    setting = articles_setting(environ={}, cwd=lessons)  # found in the folder above the student notebooks
    assert setting.folder == teacher_folder.resolve() and setting.source.endswith("dossier-instellingen.yaml")
    assert "artikelen in" in setting.described


@pytest.mark.parametrize(
    "content, words, line",
    [
        ("artikelen: bestaat_niet/\n", "bestaat niet", 1),
        ("# eerst uitleg\n\nartikelen: [mijn\n", "niet goed opgebouwd", 3),
        ("artikels: mijn_artikelen/\n", "bedoel je 'artikelen'", 1),
    ],
)
def test_a_bad_settings_file_names_the_file_the_line_and_what_to_do(tmp_path, content, words, line):
    path = tmp_path / "dossier-instellingen.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(SettingsError) as info:
        articles_setting(environ={}, cwd=tmp_path)
    problem = info.value.problems[0]
    assert problem.file == str(path) and problem.line == line and words in str(problem), str(problem)
    assert "De instelling voor je eigen artikelen klopt niet" in info.value._repr_html_()


def test_an_environment_variable_that_points_nowhere_or_at_a_file(tmp_path):
    write(tmp_path, "artikel.txt", f"date 2019-06\n\n{BODY}\n")
    with pytest.raises(SettingsError, match="DOSSIER_ARTIKELEN"):
        articles_setting(environ={"DOSSIER_ARTIKELEN": str(tmp_path / "nergens")}, cwd=tmp_path)
    with pytest.raises(SettingsError, match="bestand, geen map"):
        articles_setting(environ={"DOSSIER_ARTIKELEN": str(tmp_path / "artikel.txt")}, cwd=tmp_path)


def test_lesson_dossier_follows_the_setting_and_is_reused(monkeypatch, teacher_folder):
    monkeypatch.setenv("DOSSIER_ARTIKELEN", str(teacher_folder))
    first = lesson_dossier()
    assert len(first) == 20 and lesson_dossier() is first
    monkeypatch.setenv("DOSSIER_ARTIKELEN", "")
    assert len(lesson_dossier()) == 5


# ---------------------------------------------------------------- the teacher's knowledge base, cards and claims


def test_the_kennisbank_adds_people_and_is_used_by_every_annotation(teacher_folder):
    dossier = load_dossier(teacher_folder)
    singapore = dossier["singapore_nos"]
    found = {(e.text, e.id) for e in singapore.annotations.entities}
    assert ("Kim Jong-il", "kim-jong-il") in found and ("Kim Il-sung", None) in found
    assert analysis.label("kim-jong-il") == "Kim Jong-il"
    dmz = dossier["003_dmz"]
    assert ("Ivanka Trump", "ivanka-trump") in {(e.text, e.id) for e in dmz.annotations.entities}
    assert dossier["003"].kb is dossier.kb  # one knowledge base for the whole dossier
    assert "kim-jong-il" in {i for _, i in analysis.persons(dossier)}


@pytest.mark.parametrize(
    "content, words, line",
    [
        ("entries:\n  - id: nieuw\n    type: PERSON\n    aliases: [Trump]\n", "hoort ook al bij", 2),
        ("entries:\n  - id: Kim Jong Il\n    type: PERSON\n", "kleine letters", 2),
        ("entries:\n  - id: iemand\n    type: PERSOON\n", "onbekend type", 2),
        ("entries:\n  - id: iemand\n    type: PERSON\n  aliases: [x\n", "niet goed opgebouwd", 4),
        ("mensen:\n  - id: iemand\n", "onbekend onderdeel", 1),
    ],
)
def test_a_broken_kennisbank_stops_with_file_and_line(tmp_path, content, words, line):
    write(tmp_path, "artikel.txt", f"date 2019-06\n\n{BODY}\n")
    write(tmp_path, "kennisbank.yaml", content)
    with pytest.raises(DossierFormatError) as info:
        load_dossier(tmp_path)
    problem = info.value.problems[0]
    assert problem.file.endswith("kennisbank.yaml") and problem.line == line and words in problem.message, problem
    code, out = validate(str(tmp_path))
    assert code == 1 and "kennisbank.yaml" in out


def test_source_cards_from_header_lines_and_sidecar_files(tmp_path):
    write(
        tmp_path, "met_kop.txt", f"date 2019-06\ntitel: Top in Singapore\nbron: NRC\nauteur: A. Schrijver\n\n{BODY}\n"
    )
    write(tmp_path, "met_kaart.txt", f"date 2019-06\nbron: Trouw\n\n{BODY}\n")
    write(tmp_path, "met_kaart.yaml", "bron: de Volkskrant\nschrijver: B. Auteur\nkleur: blauw\n")
    write(tmp_path, "zonder.txt", f"date 2019-06\n\n{BODY}\n")
    dossier = load_dossier(tmp_path, bundled=False)
    head = dossier["met_kop"]
    assert (head.card.title, head.card.outlet, head.card.author) == ("Top in Singapore", "NRC", "A. Schrijver")
    assert "NRC" not in head.text[head.body_start :]  # the source lines are not part of the article text
    assert dossier["met_kaart"].card.outlet == "de Volkskrant" and dossier["met_kaart"].card.author == "B. Auteur"
    from dossier_lib.lessons import kennismaking

    cards = kennismaking.source_cards(dossier)
    assert cards.loc["zonder", "krant of website"] == "onbekend" and cards.loc["zonder", "schrijver"] == "onbekend"
    code, out = validate(str(tmp_path))
    assert code == 0 and "onbekend veld 'kleur'" in out
    write(tmp_path, "zonder.yaml", "bron: [kapot\n")
    with pytest.raises(DossierFormatError, match="bronkaart is niet goed opgebouwd"):
        load_dossier(tmp_path)


def test_the_teachers_claim_is_added_and_a_wrong_quote_is_reported(tmp_path, teacher_folder):
    from dossier_lib.annotate.claims import load_claims

    dossier = load_dossier(teacher_folder)
    claims = {c.id: c for c in load_claims(dossier)}
    own = claims["dmz-handdruk-of-gesprek"]
    assert {p.article_id for p in own.positions} == {"003_dmz"} and len(own.positions) == 2
    assert "hanoi-all-sanctions" in claims  # the curated ones stay
    write(tmp_path, "artikel.txt", f"date 2019-06\n\n{BODY}\n")
    write(
        tmp_path,
        "beweringen.yaml",
        "claims:\n  - id: x\n    question_nl: Vraag?\n    relation: contradiction\n    positions:\n"
        '      - {claimant: journalist, article: "artikel", quote: "staat er niet", stance_nl: a}\n'
        '      - {claimant: journalist, article: "artikel", quote: "Singapore", stance_nl: b}\n',
    )
    with pytest.raises(ValueError, match="staat niet in artikel artikel"):
        load_claims(load_dossier(tmp_path))
    code, out = validate(str(tmp_path))
    assert code == 1 and "beweringen.yaml" in out


# ---------------------------------------------------------------- the timeline updates


def test_added_articles_are_linked_and_what_the_dossier_leaves_out_updates(teacher_folder):
    from dossier_lib.annotate.timeline import load_timeline, uncovered

    bundled = load_dossier()
    dossier = load_dossier(teacher_folder)
    assert "dmz-meeting" in {e.id for e in uncovered(load_timeline(bundled))}
    events = load_timeline(dossier)
    dmz = next(e for e in events if e.id == "dmz-meeting")
    passage = next(p for p in dmz.passages if p.article_id == "003_dmz")
    assert "Panmunjom" in passage.text and "Zondag" in passage.text and passage.reason.startswith("Gekoppeld aan")
    assert "dmz-meeting" not in {e.id for e in uncovered(events)}
    coverage = analysis.timeline_coverage(dossier, events)
    assert coverage.loc["dmz-meeting", "in_dossier"] and coverage.loc["dmz-meeting", "003_dmz"] >= 1
    assert coverage.loc["dmz-meeting", "003"] == 0


def test_export_with_articles_uses_the_same_folder(teacher_folder):
    proc = subprocess.run(
        [sys.executable, "-m", "dossier_lib", "export", "events", "--articles", str(teacher_folder)],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert proc.returncode == 0, proc.stderr
    records = [json.loads(line) for line in proc.stdout.splitlines()]
    assert any(r["file"] == "003_dmz.txt" and r["event"] == "dmz-meeting" for r in records)
    texts = {a.file: a.text for a in load_dossier(teacher_folder)}
    assert all(texts[r["file"]][r["start"] : r["end"]] == r["text"] for r in records)


def test_lesson_sentences_are_computed_for_the_dossier(teacher_folder):
    from dossier_lib.lessons import feiten

    five, twenty = load_dossier(), load_dossier(teacher_folder)
    assert feiten.dossier_zin(five) == "Het dossier heeft 5 artikelen, van mei 2018 tot april 2019."
    assert "de 5 meegeleverde en 15 eigen artikelen" in feiten.dossier_zin(twenty)
    assert feiten.in_grafiek_zin(five, "moon-jae-in").startswith("Moon Jae-in staat niet in de grafiek")
    assert feiten.in_grafiek_zin(twenty, "moon-jae-in").startswith("Moon Jae-in staat in de grafiek")
    assert "één keer letterlijk geciteerd: 2 woorden, „ernstige slag” (artikel 001)" in feiten.geciteerd_zin(
        five, "kim-jong-un"
    )
    assert "Samen worden ze 63 keer genoemd; alle andere mensen samen 31 keer." in feiten.genoemd_zin(
        five, "kim-jong-un", "donald-trump"
    )
    assert "Trump stapt in Panmunjom even Noord-Korea in" in {e.title for e in feiten.ontbrekende_gebeurtenissen(five)}
    assert "Trump stapt in Panmunjom even Noord-Korea in" not in {
        e.title for e in feiten.ontbrekende_gebeurtenissen(twenty)
    }
