"""The validator and loader facing broken article files, as a teacher might make them."""

import subprocess
import sys
from pathlib import Path

import pytest

from dossier_lib import DossierFormatError, load_dossier
from dossier_lib.teacher_folder import validate_main
from dossier_lib.validate import check_folders

ROOT = Path(__file__).resolve().parent.parent
GOOD_BODY = ("Kim Jong-un en Donald Trump ontmoetten elkaar opnieuw. " * 8).strip()


def write(folder: Path, name: str, data: bytes | str) -> Path:
    path = folder / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def run_validate(folder: Path) -> tuple[int, str]:
    proc = subprocess.run(
        [sys.executable, "-m", "dossier_lib", "validate", str(folder)],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert "Traceback" not in proc.stderr + proc.stdout
    return proc.returncode, proc.stdout


def test_bundled_seeds_validate_cleanly():
    code, out = run_validate(ROOT / "seeds")
    assert code == 0
    assert "5 artikelen kunnen geladen worden" in out


def test_a_good_extra_article_loads_next_to_the_bundled_ones(tmp_path):
    write(tmp_path, "eigen_artikel.txt", f" date 2019-06 {GOOD_BODY}\n\nTweede alinea over de top.\n")
    dossier = load_dossier(tmp_path)
    assert len(dossier) == 6
    assert dossier["eigen_artikel"].month_label == "juni 2019"
    card = dossier["eigen_artikel"].card  # a card of its own: nothing known yet, so "onbekend" in lesson 01
    assert card.outlet is None and card.author is None and card.note == "Eigen artikel van de docent."
    assert dossier["eigen_artikel"].title.startswith("Kim Jong-un en Donald Trump")


# (file content, expected words in the message, line)
BROKEN = {
    "missing_header": (f"{GOOD_BODY}\n", "datum ontbreekt", 1),
    "malformed_header": (f" date 2019/02 {GOOD_BODY}\n", "onjuist geschreven", 1),
    "dutch_header": (f"datum: 2019-02 {GOOD_BODY}\n", "onjuist geschreven", 1),
    "month_13": (f" date 2019-13 {GOOD_BODY}\n", "maand 13 bestaat niet", 1),
    "month_00": (f" date 2019-00 {GOOD_BODY}\n", "maand 00 bestaat niet", 1),
    "future_year": (f" date 2999-01 {GOOD_BODY}\n", "jaar 2999", 1),
    "empty": ("", "leeg", 1),
    "whitespace_only": ("  \n\n\t \n", "leeg", 1),
    "latin1": (
        f" date 2019-02 {GOOD_BODY}\n\nDe Chinese \xe9n de Noord-Koreaanse autoriteiten.\n".encode("latin-1"),
        "0xE9 in kolom 12 is geen geldige UTF-8",
        3,
    ),
    "binary": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "geen tekstbestand", 1),
    "too_short": (" date 2019-02 Kim reist naar Peking.\n", "verdacht kort (4 woorden)", 1),
    "html": (f" date 2019-02 {GOOD_BODY}\n\n<p>Kim kwam aan in <b>Peking</b>.</p>\n", "HTML-code", 3),
    "html_entity": (f" date 2019-02 {GOOD_BODY}\n\nKim&nbsp;kwam aan.\n", "HTML-code", 3),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_each_broken_file_gets_its_message_and_exit_status_1(tmp_path, case):
    content, words, line = BROKEN[case]
    write(tmp_path, f"{case}.txt", content)
    code, out = run_validate(tmp_path)
    assert code == 1, out
    first = out.splitlines()[0]
    assert first.startswith(f"{tmp_path / (case + '.txt')}:{line}: "), first
    assert words in first
    assert " — " in first  # every message says what to do
    with pytest.raises(DossierFormatError) as info:
        load_dossier(tmp_path)
    assert words in str(info.value)


def test_duplicate_id_with_a_bundled_article(tmp_path):
    write(tmp_path, "003_0b62c6decff88b81.txt", f" date 2018-05 {GOOD_BODY}\n")
    report = check_folders([ROOT / "seeds", tmp_path])
    assert any("bestaat al" in p.message for p in report.errors)
    with pytest.raises(DossierFormatError, match="bestaat al"):
        load_dossier(tmp_path)


def test_bom_and_windows_line_endings_are_a_notice_not_an_error(tmp_path):
    text = f" date 2019-03 {GOOD_BODY}\r\n\r\nTweede alinea.\r\n"
    write(tmp_path, "windows.txt", b"\xef\xbb\xbf" + text.encode("utf-8"))
    code, out = run_validate(tmp_path)
    assert code == 0, out
    assert "let op: het bestand begint met een byte-order mark" in out
    assert "Windows-regeleinden" in out
    art = load_dossier(tmp_path, bundled=False)["windows"]
    assert "\r" not in art.text and not art.text.startswith("\ufeff")
    assert [p.text for p in art.body][1] == "Tweede alinea."


def test_every_problem_in_a_folder_is_listed_at_once(tmp_path):
    write(tmp_path, "a.txt", "")
    write(tmp_path, "b.txt", f" date 2019-13 {GOOD_BODY}\n")
    write(tmp_path, "notities.docx", b"PK\x03\x04")
    code, out = run_validate(tmp_path)
    assert code == 1
    assert "a.txt:1:" in out and "b.txt:1:" in out
    assert "geen .txt-bestand en wordt overgeslagen" in out
    assert "2 fouten gevonden" in out


def test_missing_folder_and_empty_folder(tmp_path):
    assert validate_main([str(tmp_path / "bestaat-niet")]) == 1
    assert validate_main([str(tmp_path)]) == 1


def test_validate_help_and_unknown_command():
    proc = subprocess.run(
        [sys.executable, "-m", "dossier_lib", "validate", "--help"], capture_output=True, text=True, cwd=ROOT
    )
    assert proc.returncode == 0 and "Gebruik" in proc.stdout
    proc = subprocess.run([sys.executable, "-m", "dossier_lib", "vallidate"], capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 2 and "Onbekende opdracht" in proc.stderr


def test_format_error_shows_as_a_readable_box_in_a_notebook(tmp_path):
    write(tmp_path, "leeg.txt", "")
    with pytest.raises(DossierFormatError) as info:
        load_dossier(tmp_path)
    box = info.value._repr_html_()
    assert "kunnen niet geladen worden" in box and "Wat te doen" in box
    assert "leeg.txt" in box


def test_format_error_in_ipython_shows_no_traceback(tmp_path):
    from IPython.core.interactiveshell import InteractiveShell

    write(tmp_path, "leeg.txt", "")
    shell = InteractiveShell.instance()
    import dossier_lib.notebook_display as nd

    nd.install()
    shown = []
    shell.display_pub.publish = lambda data, **kw: shown.append(data)
    result = shell.run_cell(f"from dossier_lib import load_dossier\nload_dossier({str(tmp_path)!r})")
    assert result.error_in_exec is not None
    assert any("kunnen niet geladen worden" in d.get("text/html", "") for d in shown)
