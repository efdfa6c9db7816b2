"""A real JupyterLab in a real (headless) Chromium, shared by every browser test.

One JupyterLab server per test session, on 127.0.0.1 with a random free port
and a token, with an isolated HOME and a copy of the lessons (JupyterLab
autosaves, and we never want it to touch the real notebooks). Kernels get the
network guard (DOSSIER_OFFLINE=1). Every test has a hard time limit, because
a modal dialog can make the browser wait forever.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest
from jupyterlab_page import CHROMIUM, CHROMIUM_ARGS

from dossier_lib.notebook_runner import SCRATCH_IGNORE

TEST_TIMEOUT = 240  # seconds per test, hard
SERVER_START_TIMEOUT = 60
ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"
BIN = Path(sys.executable).parent


def _why_skip() -> str | None:
    if not CHROMIUM.exists():
        return f"{CHROMIUM} ontbreekt: installeer Chromium met 'bash scripts/ensure-chromium.sh' (make test doet dat)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright is niet geïnstalleerd in deze omgeving"
    if not (BIN / "jupyter-lab").exists():
        return "jupyterlab is niet geïnstalleerd in deze omgeving"
    return None


def pytest_collection_modifyitems(config, items):
    reason = _why_skip()
    if reason:
        here = Path(__file__).parent
        for item in items:
            if here in Path(item.fspath).parents:
                item.add_marker(pytest.mark.skip(reason=reason))


@pytest.fixture(autouse=True)
def hard_timeout():
    """Fail a browser test that runs longer than TEST_TIMEOUT seconds instead of hanging the run."""
    if not hasattr(signal, "SIGALRM"):
        yield
        return

    def expire(signum, frame):
        raise TimeoutError(f"browsertest duurde langer dan {TEST_TIMEOUT} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(TEST_TIMEOUT)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_until_up(process: subprocess.Popen, ask, name: str, log: Path) -> None:
    """Poll `ask()` until it answers (no OSError); fail when the server stops or takes too long."""
    deadline = time.monotonic() + SERVER_START_TIMEOUT
    while True:
        if process.poll() is not None:
            raise RuntimeError(f"{name} stopte meteen; zie {log}")
        try:
            ask()
            return
        except OSError as exc:
            if time.monotonic() > deadline:
                raise RuntimeError(f"{name} antwoordde niet binnen {SERVER_START_TIMEOUT} s") from exc
            time.sleep(0.25)


@dataclass
class LabServer:
    url: str
    token: str
    root: Path
    process: subprocess.Popen

    def notebook_url(self, name: str) -> str:
        return f"{self.url}/lab/tree/{name}?token={self.token}&reset"

    def api(self, path: str):
        with urllib.request.urlopen(f"{self.url}{path}?token={self.token}", timeout=5) as response:
            return json.load(response)


def _isolated_home(home: Path) -> None:
    settings = home / ".jupyter" / "lab" / "user-settings" / "@jupyterlab" / "apputils-extension"
    settings.mkdir(parents=True)
    (settings / "notification.jupyterlab-settings").write_text(
        json.dumps({"fetchNews": "false", "checkForUpdates": False}), encoding="utf-8"
    )
    startup = home / ".ipython" / "profile_default" / "startup"
    startup.mkdir(parents=True)
    (startup / "00-dossier-offline.py").write_text(
        "import dossier_lib.netguard as _netguard\n_netguard.install_from_env()\ndel _netguard\n", encoding="utf-8"
    )


def _stop(process: subprocess.Popen) -> None:
    """Stop the server and the kernels it started (they share its process group)."""
    if process.poll() is not None:
        return
    for sig, wait in ((signal.SIGTERM, 10), (signal.SIGKILL, 5)):
        try:
            os.killpg(process.pid, sig)
        except ProcessLookupError:
            return
        try:
            process.wait(timeout=wait)
            return
        except subprocess.TimeoutExpired:
            continue


@pytest.fixture(scope="session")
def lab_server(tmp_path_factory, all_lessons) -> LabServer:
    """JupyterLab on a random local port, serving a copy of the lessons; stopped at the end."""
    if _why_skip():
        pytest.skip(_why_skip())
    base = tmp_path_factory.mktemp("lab")
    home, root = base / "home", base / "notebooks"
    home.mkdir()
    _isolated_home(home)
    # The whole lessons folder (pictures, data next to the lessons), without student work.
    shutil.copytree(all_lessons[0].parent, root, ignore=shutil.ignore_patterns(*SCRATCH_IGNORE))
    port, token = _free_port(), secrets.token_hex(16)
    env = dict(os.environ, HOME=str(home), DOSSIER_OFFLINE="1")
    for var in ("JUPYTER_CONFIG_DIR", "JUPYTER_DATA_DIR", "JUPYTER_RUNTIME_DIR", "IPYTHONDIR", "JUPYTER_PLATFORM_DIRS"):
        env.pop(var, None)
    command = [
        str(BIN / "jupyter-lab"),
        "--no-browser",
        "--ip=127.0.0.1",
        f"--port={port}",
        f"--IdentityProvider.token={token}",
        f"--ServerApp.root_dir={root}",
        "--LabApp.expose_app_in_browser=True",
        "--allow-root",
    ]
    log = open(base / "jupyterlab.log", "w", encoding="utf-8")
    process = subprocess.Popen(command, cwd=root, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    server = LabServer(url=f"http://127.0.0.1:{port}", token=token, root=root, process=process)
    try:
        _wait_until_up(process, lambda: server.api("/api/status"), "JupyterLab", base / "jupyterlab.log")
        yield server
    finally:
        _stop(process)
        log.close()


@dataclass
class VoilaServer:
    url: str
    root: Path
    process: subprocess.Popen

    def notebook_url(self, name: str) -> str:
        return f"{self.url}/voila/render/{name}"


@pytest.fixture(scope="session")
def voila_server(tmp_path_factory, all_lessons) -> VoilaServer:
    """Voilà as `make present` starts it (projector template, no code), serving a copy of the lessons."""
    if _why_skip() or not (BIN / "voila").exists():
        pytest.skip(_why_skip() or "voila is niet geïnstalleerd in deze omgeving")
    from dossier_lib.present import voila_environment

    base = tmp_path_factory.mktemp("voila")
    home, root = base / "home", base / "notebooks"
    home.mkdir()
    _isolated_home(home)
    shutil.copytree(all_lessons[0].parent, root, ignore=shutil.ignore_patterns(*SCRATCH_IGNORE))
    port = _free_port()
    env = voila_environment(dict(os.environ, HOME=str(home), DOSSIER_OFFLINE="1"))
    for var in ("JUPYTER_CONFIG_DIR", "JUPYTER_DATA_DIR", "JUPYTER_RUNTIME_DIR", "IPYTHONDIR", "JUPYTER_PLATFORM_DIRS"):
        env.pop(var, None)
    command = [
        str(BIN / "voila"),
        str(root),
        "--no-browser",
        f"--port={port}",
        "--Voila.ip=127.0.0.1",
        "--strip_sources=True",
        "--theme=light",
        "--template=projector",
    ]
    log = open(base / "voila.log", "w", encoding="utf-8")
    process = subprocess.Popen(command, cwd=root, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    server = VoilaServer(url=f"http://127.0.0.1:{port}", root=root, process=process)
    try:
        _wait_until_up(
            process, lambda: urllib.request.urlopen(server.url + "/", timeout=5).close(), "Voilà", base / "voila.log"
        )
        yield server
    finally:
        _stop(process)
        log.close()


@pytest.fixture(scope="session")
def browser():
    """One headless Debian Chromium for the session (never `playwright install`)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


def new_page(browser, width: int, height: int):
    """A fresh page (own context) of `width` × `height`; call `.context.close()` when done."""
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    page.set_default_timeout(60_000)
    return page


@pytest.fixture
def page(browser):
    page = new_page(browser, 1280, 1000)
    try:
        yield page
    finally:
        page.context.close()


@pytest.fixture
def projector(browser):
    """A page the size of a classroom projector (1280×720)."""
    page = new_page(browser, 1280, 720)
    try:
        yield page
    finally:
        page.context.close()
