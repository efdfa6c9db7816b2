"""Every lesson runs without internet, and survives the way students really run cells.

Students run a cell twice, jump to the last exercise first, or restart the
kernel halfway and carry on. None of that may end in a red traceback: the
lesson must either work or show a friendly message. Cells tagged
``raises-exception`` are the only ones allowed an error.

"Setup" cells are the first code cell plus every cell tagged ``setup``: a
student runs those first (the lesson tells them to). Cells tagged
``nbval-skip`` are never run here either.

The network guard (dossier_lib.netguard) is switched on in every kernel via
DOSSIER_OFFLINE=1 and an IPython start-up file in an isolated IPYTHONDIR.
"""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from dossier_lib import netguard

CELL_TIMEOUT = 300
TRACEBACK_MARKERS = ("Traceback (most recent call last)", "most recent call last")


# --- helpers -------------------------------------------------------------------------------


def _tags(cell) -> set[str]:
    return set(cell.get("metadata", {}).get("tags", []))


def _runnable(nb) -> list[int]:
    """Indexes of the code cells a student can run (not empty, not tagged nbval-skip)."""
    return [
        i for i, c in enumerate(nb.cells) if c.cell_type == "code" and c.source.strip() and "nbval-skip" not in _tags(c)
    ]


def _split_setup(nb) -> tuple[list[int], list[int]]:
    runnable = _runnable(nb)
    setup = [i for i in runnable if i == runnable[0] or "setup" in _tags(nb.cells[i])] if runnable else []
    return setup, [i for i in runnable if i not in setup]


def _output_texts(output) -> list[str]:
    if output.get("output_type") == "stream":
        return [output.get("text", "")]
    data = output.get("data", {})
    return [v for k, v in data.items() if k.startswith("text/") and isinstance(v, str)]


def cell_problems(cell, index: int, step: str) -> list[str]:
    """What a student would see go wrong in one executed cell (empty list: nothing)."""
    problems = []
    may_raise = bool({"raises-exception", "nbval-raises-exception"} & _tags(cell))
    for output in cell.get("outputs", []):
        if output.get("output_type") == "error" and not may_raise:
            problems.append(f"{step}: cel {index} geeft een fout: {output.get('ename')}: {output.get('evalue')}")
        for text in _output_texts(output):
            if any(marker in text for marker in TRACEBACK_MARKERS):
                problems.append(f"{step}: cel {index} toont een traceback in plaats van een vriendelijke melding")
    return problems


@pytest.fixture(scope="session")
def offline_ipython_dir(tmp_path_factory) -> Path:
    """An isolated IPython profile whose start-up file switches the network guard on."""
    folder = tmp_path_factory.mktemp("ipython")
    startup = folder / "profile_default" / "startup"
    startup.mkdir(parents=True)
    (startup / "00-dossier-offline.py").write_text(
        "import dossier_lib.netguard as _netguard\n_netguard.install_from_env()\ndel _netguard\n",
        encoding="utf-8",
    )
    return folder


@pytest.fixture
def offline_kernel_env(offline_ipython_dir, monkeypatch):
    """Kernels started in this test inherit DOSSIER_OFFLINE=1 and the isolated profile."""
    monkeypatch.setenv(netguard.ENV_VAR, "1")
    monkeypatch.setenv("IPYTHONDIR", str(offline_ipython_dir))


def run_in_order(path: Path, order: list[int], step: str, twice: bool = False, cwd: Path | None = None) -> list[str]:
    """Run the cells of `path` in `order` in one fresh kernel; return every problem seen.

    With `twice`, each cell runs a second time right after the first, like an impatient student.
    Finally check that the guard was on and that no code tried (and hid) a connection.
    A kernel that dies while starting (a port race between two test workers) gets one retry.
    """
    try:
        return _run_once(path, order, step, twice, cwd)
    except RuntimeError as exc:  # two kernels starting at once can race for a port and die
        if "Kernel died before replying" not in str(exc):
            raise
        return _run_once(path, order, step, twice, cwd)


def _run_once(path: Path, order: list[int], step: str, twice: bool, cwd: Path | None) -> list[str]:
    import nbformat
    from nbclient import NotebookClient
    from nbformat.v4 import new_code_cell

    nb = nbformat.read(path, as_version=4)
    probe = new_code_cell(
        "import dossier_lib.netguard as _g\nprint('guard', _g.is_installed(), 'attempts', _g.attempts)"
    )
    nb.cells.append(probe)
    client = NotebookClient(
        nb,
        kernel_name="python3",
        timeout=CELL_TIMEOUT,
        allow_errors=True,
        resources={"metadata": {"path": str(cwd or path.parent)}},
    )
    problems: list[str] = []
    with client.setup_kernel():
        for index in order:
            for attempt in range(2 if twice else 1):
                cell = client.execute_cell(nb.cells[index], index)
                label = f"{step}{' (2e keer)' if attempt else ''}"
                problems += cell_problems(cell, index, label)
        probe = client.execute_cell(probe, len(nb.cells) - 1)
    report = "".join(o.get("text", "") for o in probe.outputs)
    if "guard True" not in report:
        problems.append(f"{step}: de netwerkbewaking stond niet aan in de kernel ({report.strip()!r})")
    elif "attempts []" not in report:
        problems.append(f"{step}: de les probeerde het internet op: {report.strip()}")
    return problems


# --- the guard itself ----------------------------------------------------------------------


@pytest.fixture
def guard():
    netguard.install()
    netguard.attempts.clear()
    yield netguard
    netguard.uninstall()
    netguard.attempts.clear()


def test_guard_blocks_outside_addresses_with_a_dutch_message(guard):
    with pytest.raises(netguard.NetworkBlockedError, match="Geen internet in deze les"):
        socket.create_connection(("192.0.2.1", 80), timeout=2)
    with pytest.raises(OSError, match="example.org"):
        socket.getaddrinfo("example.org", 443)
    assert guard.attempts == ["192.0.2.1:80", "example.org:443"]


def test_guard_keeps_loopback_open(guard):
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen()
    with server, socket.create_connection(server.getsockname(), timeout=2):
        pass
    assert socket.getaddrinfo("localhost", 80)
    assert guard.attempts == []


def test_guard_switches_on_only_with_the_environment_variable(monkeypatch):
    monkeypatch.delenv(netguard.ENV_VAR, raising=False)
    assert netguard.install_from_env() is False
    monkeypatch.setenv(netguard.ENV_VAR, "1")
    try:
        assert netguard.install_from_env() is True
        assert socket.socket.connect is not netguard._original["connect"]
    finally:
        netguard.uninstall()
    assert not netguard.is_installed()


def test_cell_problems_allows_errors_only_where_tagged():
    from nbformat.v4 import new_code_cell, new_output

    error = new_output("error", ename="ValueError", evalue="kapot", traceback=["..."])
    assert cell_problems(new_code_cell("x", outputs=[error]), 3, "run") == [
        "run: cel 3 geeft een fout: ValueError: kapot"
    ]
    tagged = new_code_cell("x", outputs=[error], metadata={"tags": ["raises-exception"]})
    assert cell_problems(tagged, 3, "run") == []
    leaked = new_output("stream", name="stderr", text="Traceback (most recent call last):\n  File ...")
    assert "traceback" in cell_problems(new_code_cell("x", outputs=[leaked]), 1, "run")[0]
    friendly = new_output("display_data", data={"text/html": "<b>Voer eerst de cel bovenaan uit.</b>"})
    assert cell_problems(new_code_cell("x", outputs=[friendly]), 1, "run") == []


# --- every lesson --------------------------------------------------------------------------


def test_lesson_runs_offline_and_each_cell_twice(lesson, lesson_workdir, offline_kernel_env):
    import nbformat

    nb = nbformat.read(lesson, as_version=4)
    problems = run_in_order(lesson, _runnable(nb), "twee keer per cel, zonder internet", twice=True, cwd=lesson_workdir)
    assert not problems, f"{lesson.name}:\n" + "\n".join(problems)


def test_lesson_survives_last_exercise_first(lesson, lesson_workdir, offline_kernel_env):
    import nbformat

    setup, rest = _split_setup(nbformat.read(lesson, as_version=4))
    problems = run_in_order(lesson, setup + rest[::-1], "eerst de setup, dan van onder naar boven", cwd=lesson_workdir)
    assert not problems, f"{lesson.name}:\n" + "\n".join(problems)


def test_lesson_survives_restart_halfway(lesson, lesson_workdir, offline_kernel_env):
    import nbformat

    setup, rest = _split_setup(nbformat.read(lesson, as_version=4))
    second_half = rest[len(rest) // 2 :]
    problems = run_in_order(
        lesson, setup + second_half, "herstart halverwege (setup + tweede helft)", cwd=lesson_workdir
    )
    assert not problems, f"{lesson.name}:\n" + "\n".join(problems)
