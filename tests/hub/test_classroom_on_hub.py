"""A class on a real JupyterHub: release, nbgitpuller, two students, hand-in, collect, `nakijken`.

Real parts only: jupyterhub (PyPI) with configurable-http-proxy (npm, installed by
scripts/ensure-proxy.sh into .node/), DummyAuthenticator with a password,
SimpleLocalProcessSpawner with a notebook folder per student under a temp folder,
nbgitpuller on the user servers, this package from the project's venv, and Debian's
Chromium driven by Playwright. The hub listens on 127.0.0.1 only and is stopped by
its process id at the end, with its proxy, user servers and kernels.

What a class does, step by step:
1. the teacher makes the student release (``python -m dossier_lib release``) and turns it into a git repository;
2. each student logs in through the browser, opens the nbgitpuller link, runs the
   lesson, answers two exercises (one right, one wrong) by editing cells, hands in:
   the hand-in lands in the folder the teacher configured for that student
   (``DOSSIER_INLEVEREN``, set per user in the spawner environment);
3. the teacher collects (one folder, a subfolder per student) and runs
   ``python -m dossier_lib nakijken``: the class matrix and the CSV show exactly that.
It also checks that a student's server cannot reach the teacher's project or another
student's folder through the Contents API, the file URLs, or the other student's server.

Honest limit: SimpleLocalProcessSpawner runs every server as the same system user, so
code in a kernel can read any file that user can. Only a spawner that runs each student
as their own system user (or in a container) closes that; docs/guide/schoolserver.md says so.
"""

from __future__ import annotations

import csv
import io
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
PROXY = ROOT / ".node" / "node_modules" / ".bin" / "configurable-http-proxy"
sys.path.insert(0, str(ROOT / "tests" / "browser"))

import jupyterlab_page as lab  # noqa: E402  (the browser tests' helpers)
from jupyterlab_page import CHROMIUM, CHROMIUM_ARGS  # noqa: E402

LESSON = "06"
PASSWORD = secrets.token_hex(8)
TIME_LIMIT = 300  # seconds for the whole test, hard
#: Per student: (exercise id, what they type, right?) for the two exercises they answer.
STUDENTS = {
    "sanne": [("06.hanoi-keuze", '"b"', True), ("06.soort-verschil", '"a"', False)],
    "fenna": [("06.bewijs-trump", "4", True), ("06.choe-datum", '"1 maart 2019"', False)],
}


def _why_skip() -> str | None:
    try:
        import jupyterhub  # noqa: F401
        import nbgitpuller  # noqa: F401
        import playwright.sync_api  # noqa: F401
    except ImportError as exc:
        return f"{exc.name} is niet geïnstalleerd (pip install -e '.[lab,test]')"
    if not PROXY.exists():
        return f"{PROXY} ontbreekt: voer 'bash scripts/ensure-proxy.sh' uit (make test doet dat; vraagt node en npm)"
    if not CHROMIUM.exists():
        return f"{CHROMIUM} ontbreekt: installeer Chromium met 'bash scripts/ensure-chromium.sh'"
    if not shutil.which("git"):
        return "git ontbreekt (nbgitpuller heeft het nodig)"
    if not (BIN / "jupyterhub-singleuser").exists():
        return "jupyterhub-singleuser ontbreekt in deze omgeving"
    return None


pytestmark = pytest.mark.skipif(_why_skip() is not None, reason=_why_skip() or "")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# ---------------------------------------------------------------------------- the release


def make_release(target: Path) -> Path:
    """The student release (`python -m dossier_lib release`), made into a local git repository."""
    run = subprocess.run(
        [sys.executable, "-m", "dossier_lib", "release", str(target)], cwd=ROOT, capture_output=True, text=True
    )
    assert run.returncode == 0, run.stdout + run.stderr
    git = ["git", "-c", "user.name=Docent", "-c", "user.email=docent@school.invalid", "-C", str(target)]
    subprocess.run(["git", "init", "-q", "-b", "main", str(target)], check=True)
    subprocess.run([*git, "add", "-A"], check=True)
    subprocess.run([*git, "commit", "-q", "-m", "Lessen voor de klas"], check=True)
    return target


# ---------------------------------------------------------------------------- the hub


HUB_CONFIG = """
import os
c = get_config()  # noqa
c.JupyterHub.ip = "127.0.0.1"
c.JupyterHub.port = {port}
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = {hub_port}
c.ConfigurableHTTPProxy.api_url = "http://127.0.0.1:{proxy_api_port}"
c.ConfigurableHTTPProxy.command = [{proxy!r}]
c.ConfigurableHTTPProxy.pid_file = {base!r} + "/proxy.pid"
c.JupyterHub.db_url = "sqlite:///" + {base!r} + "/jupyterhub.sqlite"
c.JupyterHub.cookie_secret_file = {base!r} + "/jupyterhub_cookie_secret"
c.JupyterHub.authenticator_class = "dummy"
c.DummyAuthenticator.password = {password!r}
c.Authenticator.allowed_users = {users!r}
c.JupyterHub.spawner_class = "simple"
c.SimpleLocalProcessSpawner.home_dir_template = {base!r} + "/home/{{username}}"
c.Spawner.cmd = [{singleuser!r}]
c.Spawner.default_url = "/lab"
c.Spawner.args = ["--allow-root", "--LabApp.expose_app_in_browser=True", "--ServerApp.terminals_enabled=False"]
c.Spawner.start_timeout = 60
c.Spawner.http_timeout = 60
# Where each student's hand-ins go: a folder per student, set by the admin, not by the student.
c.Spawner.environment = {{
    "DOSSIER_INLEVEREN": lambda spawner: {base!r} + "/inleveren/" + spawner.user.name,
    "DOSSIER_OFFLINE": "1",
    "PATH": {path!r},
}}
c.JupyterHub.services = [{{"name": "docent", "api_token": {token!r}}}]
c.JupyterHub.load_roles = [{{"name": "docent", "scopes": ["admin:users", "admin:servers"], "services": ["docent"]}}]
"""


class Hub:
    def __init__(self, base: Path):
        self.base = base
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.token = secrets.token_hex(16)
        self.process: subprocess.Popen | None = None
        self.log_path = base / "jupyterhub.log"

    def start(self) -> None:
        for user in STUDENTS:
            _student_home(self.base / "home" / user)
        config = self.base / "jupyterhub_config.py"
        config.write_text(
            HUB_CONFIG.format(
                port=self.port,
                hub_port=_free_port(),
                proxy_api_port=_free_port(),
                proxy=str(PROXY),
                base=str(self.base),
                password=PASSWORD,
                users=set(STUDENTS),
                singleuser=str(BIN / "jupyterhub-singleuser"),
                path=f"{BIN}:{os.environ.get('PATH', '/usr/bin:/bin')}",
                token=self.token,
            ),
            encoding="utf-8",
        )
        env = {k: v for k, v in os.environ.items() if not k.startswith(("JUPYTER", "DOSSIER_"))}
        env["CONFIGPROXY_AUTH_TOKEN"] = secrets.token_hex(16)
        self.log = open(self.log_path, "w", encoding="utf-8")
        self.process = subprocess.Popen(
            [str(BIN / "jupyterhub"), "-f", str(config)],
            cwd=self.base,
            env=env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        deadline = time.monotonic() + 60
        while True:
            if self.process.poll() is not None:
                raise RuntimeError(f"JupyterHub stopte meteen:\n{self.log_text()}")
            try:
                self.api("GET", "/hub/api/")
                return
            except OSError:
                if time.monotonic() > deadline:
                    raise RuntimeError(f"JupyterHub antwoordde niet binnen 60 s:\n{self.log_text()}") from None
                time.sleep(0.25)

    def api(self, method: str, path: str) -> dict:
        request = urllib.request.Request(
            self.url + path, method=method, headers={"Authorization": f"token {self.token}"}
        )
        with urllib.request.urlopen(request, timeout=10) as response:
            body = response.read()
            return json.loads(body) if body else {}

    def log_text(self) -> str:
        self.log.flush()
        return self.log_path.read_text(encoding="utf-8", errors="replace")[-4000:]

    def stop(self) -> None:
        """SIGTERM to the hub (it stops the proxy and the user servers), then anything of it still left."""
        if self.process is None:
            return
        import psutil

        try:
            family = psutil.Process(self.process.pid).children(recursive=True)
        except psutil.NoSuchProcess:
            family = []
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=5)
        for child in family:  # user servers, their kernels, the proxy
            try:
                child.kill()
            except psutil.NoSuchProcess:
                pass
        psutil.wait_procs(family, timeout=5)
        self.log.close()


def _student_home(home: Path) -> None:
    """A student's home: JupyterLab without news pop-ups."""
    settings = home / ".jupyter" / "lab" / "user-settings" / "@jupyterlab" / "apputils-extension"
    settings.mkdir(parents=True)
    (settings / "notification.jupyterlab-settings").write_text(
        json.dumps({"fetchNews": "false", "checkForUpdates": False}), encoding="utf-8"
    )


# ---------------------------------------------------------------------------- a student in the browser


def log_in(page, hub: Hub, user: str) -> None:
    page.goto(f"{hub.url}/hub/login")
    page.fill("#username_input", user)
    page.fill("#password_input", PASSWORD)
    page.click("#login_submit")
    page.wait_for_url(f"**/user/{user}/**", timeout=90_000)


def pull_link(hub: Hub, release: Path, notebook: str) -> str:
    from urllib.parse import urlencode

    query = urlencode({"repo": f"file://{release}", "branch": "main", "urlpath": f"lab/tree/{release.name}/{notebook}"})
    return f"{hub.url}/hub/user-redirect/git-pull?{query}"


def cell_index(page, text: str) -> int:
    """The index of the first cell whose source contains `text`."""
    index = page.evaluate(
        """(text) => Array.from(window.jupyterapp.shell.currentWidget.content.model.cells)
                   .findIndex(c => c.sharedModel.getSource().includes(text))""",
        text,
    )
    assert index >= 0, f"geen cel met {text!r} in de les"
    return index


def type_answer(page, exercise_id: str, answer: str) -> None:
    """Edit the exercise cell like a student: click in it, replace `...` by the answer, Shift+Enter."""
    index = cell_index(page, f'check("{exercise_id}"')
    cell = page.locator(".jp-Notebook .jp-Cell").nth(index)
    cell.scroll_into_view_if_needed()
    editor = cell.locator(".cm-content")
    editor.click()
    page.keyboard.press("Control+a")
    page.keyboard.insert_text(f'antwoord = {answer}\ncheck("{exercise_id}", antwoord)')
    page.keyboard.press("Shift+Enter")


def cell_output(page, index: int, timeout_s: float = 60) -> str:
    """The text a cell shows once it has run (waits for the kernel to be idle)."""
    page.wait_for_function(lab.KERNEL_READY_JS, timeout=timeout_s * 1000)
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        text = page.locator(".jp-Notebook .jp-Cell").nth(index).locator(".jp-OutputArea").inner_text()
        if text.strip():
            return text
        time.sleep(0.2)
    return ""


def do_the_lesson(page, hub: Hub, release: Path, user: str, notebook: str) -> dict:
    log_in(page, hub, user)
    page.goto(pull_link(hub, release, notebook))
    page.wait_for_url(f"**/lab/tree/{release.name}/{notebook}**", timeout=90_000)
    page.wait_for_selector(".jp-NotebookPanel .jp-Cell")
    page.wait_for_function(lab.KERNEL_READY_JS, timeout=90_000)
    lab.run_all(page, timeout_s=120)
    problems = lab.problems_on_page(page)
    assert not problems, f"{user}: de les gaf fouten:\n" + "\n".join(problems)
    shown = {}
    for exercise_id, answer, right in STUDENTS[user]:
        type_answer(page, exercise_id, answer)
        output = cell_output(page, cell_index(page, f'check("{exercise_id}"'))
        expected = "Goed!" if right else "Nog niet goed."
        assert expected in output, f"{user}, {exercise_id} = {answer}: verwacht {expected!r}, zag {output!r}"
        shown[exercise_id] = output
    return shown


def hand_in(page, user: str) -> str:
    """Run the lesson's hand-in cell again, now that the answers are in; the message it shows."""
    index = page.evaluate(
        """() => Array.from(window.jupyterapp.shell.currentWidget.content.model.cells)
                   .findLastIndex(c => c.type === 'code' && /^\\s*inleveren\\(/m.test(c.sharedModel.getSource()))"""
    )
    assert index >= 0, "de les heeft geen cel inleveren()"
    cell = page.locator(".jp-Notebook .jp-Cell").nth(index)
    cell.scroll_into_view_if_needed()
    cell.locator(".jp-InputArea").click()
    page.keyboard.press("Escape")  # command mode: the cell stays as it is
    page.keyboard.press("Shift+Enter")
    time.sleep(0.5)
    return cell_output(page, index)


def server_request(context, url: str) -> int:
    """HTTP status of a GET with this student's browser cookies (redirects followed)."""
    return context.request.get(url, fail_on_status_code=False).status


# ---------------------------------------------------------------------------- the test


@pytest.fixture
def hard_limit():
    def expire(signum, frame):
        raise TimeoutError(f"de hubtest duurde langer dan {TIME_LIMIT} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(TIME_LIMIT)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


def test_a_class_on_jupyterhub(tmp_path, hard_limit):
    base = tmp_path / "hub"
    base.mkdir()
    release = make_release(tmp_path / "dossier-les")
    # The release holds no teacher files and no solutions.
    released = subprocess.run(
        ["git", "-C", str(release), "ls-files"], capture_output=True, text=True, check=True
    ).stdout.split()
    assert not [f for f in released if f.startswith(("teacher/", "notebooks/", "tests/"))], released
    for name in released:
        if name.endswith(".ipynb"):
            assert "BEGIN SOLUTION" not in (release / name).read_text(encoding="utf-8"), name
    notebook = next(n for n in released if n.startswith(f"{LESSON}_") and n.endswith(".ipynb"))
    assert "inleveren(" in (release / notebook).read_text(encoding="utf-8"), "de les eindigt niet met inleveren()"

    hub = Hub(base)
    try:
        hub.start()
        # Playwright's sync API in its own thread: other browser tests in this pytest worker may
        # still hold a Playwright session (with its event loop) in the main thread.
        with ThreadPoolExecutor(max_workers=1) as pool:
            pool.submit(the_students, hub, release, notebook).result(timeout=TIME_LIMIT)
        check_nakijken(base / "inleveren", tmp_path)
    finally:
        hub.stop()


def the_students(hub: Hub, release: Path, notebook: str) -> None:
    """Both students in one headless Chromium, each in their own browser context (own login)."""
    from playwright.sync_api import sync_playwright

    screenshots = ROOT / "test-artifacts" / "screenshots"
    screenshots.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            contexts = {}
            for user in STUDENTS:
                context = browser.new_context(viewport={"width": 1280, "height": 1000})
                contexts[user] = context
                page = context.new_page()
                page.set_default_timeout(60_000)
                try:
                    do_the_lesson(page, hub, release, user, notebook)
                    message = hand_in(page, user)
                    assert "Ingeleverd" in message, f"{user}: inleveren gaf {message!r}"
                finally:
                    page.screenshot(path=str(screenshots / f"hub_{user}.png"), full_page=False)
            check_students_cannot_reach_teacher_files(hub, contexts, release)
        finally:
            browser.close()


def check_students_cannot_reach_teacher_files(hub: Hub, contexts: dict, release: Path) -> None:
    sanne, fenna = contexts["sanne"], contexts["fenna"]
    base = f"{hub.url}/user/sanne"
    # What sanne's file browser lists: her own folder with the release clone, nothing of the teacher's.
    listing = sanne.request.get(f"{base}/api/contents/").json()
    names = {item["name"] for item in listing["content"]}
    assert release.name in names and not names & {"teacher", "notebooks", "dossier_lib"}, names
    inside = sanne.request.get(f"{base}/api/contents/{release.name}").json()
    inside_names = {item["name"] for item in inside["content"]}
    assert not inside_names & {"teacher", "sleutels", "notebooks"}, inside_names
    # Climbing out of her folder, or naming the teacher's files by their full path, gets nothing.
    teacher_key = ROOT / "teacher" / "sleutels" / "06_hanoi.yaml"
    assert teacher_key.exists()
    # Her own files do open this way (so a 404 below means "not reachable", not "wrong address").
    for kind in ("api/contents", "files"):
        assert server_request(sanne, f"{base}/{kind}/{release.name}/README.md") == 200
    # (A plain "/../" never reaches the server: the client resolves it first; encoded it does.)
    for path in (
        "..%2F..",
        "..%2F..%2Finleveren%2Ffenna",
        "%2e%2e%2f%2e%2e%2fhome%2ffenna",
        f"..%2F..%2F..{teacher_key}",
        str(teacher_key).lstrip("/"),
    ):
        for kind in ("api/contents", "files"):
            status = server_request(sanne, f"{base}/{kind}/{path}")
            assert status in (400, 403, 404), f"/user/sanne/{kind}/{path} gaf {status}"
    # Another student's server: not with sanne's login.
    for kind in ("api/contents/", f"api/contents/{release.name}", "lab", f"lab/tree/{release.name}"):
        response = sanne.request.get(f"{hub.url}/user/fenna/{kind}", fail_on_status_code=False)
        assert response.status == 403, f"sanne bij /user/fenna/{kind}: {response.status} ({response.url})"
    assert server_request(fenna, f"{hub.url}/user/fenna/api/contents/") == 200


def check_nakijken(collected: Path, tmp_path: Path) -> None:
    # The teacher's collection folder: one subfolder per student, only their own files.
    for user in STUDENTS:
        files = sorted(p.name for p in (collected / user).glob("*.json"))
        assert files and all(f.startswith(f"{LESSON}_{user}_") for f in files), files
    csv_path, html_path = tmp_path / "cijfers.csv", tmp_path / "klas.html"
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "dossier_lib",
            "nakijken",
            str(collected),
            "--csv",
            str(csv_path),
            "--html",
            str(html_path),
            "--beoordelingen",
            str(tmp_path / "beoordelingen"),
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    assert "Traceback" not in run.stdout + run.stderr
    from dossier_lib.gradebook import Gradebook

    tasks = {t.id: t for t in Gradebook(collected).tasks(LESSON)}
    rows = list(csv.reader(io.StringIO(csv_path.read_text(encoding="utf-8-sig")), delimiter=";"))
    header, body = rows[0], {row[0]: dict(zip(rows[0], row)) for row in rows[1:]}
    assert set(body) == set(STUDENTS), body
    for user, answered in STUDENTS.items():
        row = body[user]
        expected = {f"les {LESSON} {tasks[i].label.lower()}": "goed" if right else "fout" for i, _, right in answered}
        for column in header[2:]:
            if column in expected:
                assert row[column] == expected[column], (user, column, row[column])
            elif column.endswith(("goed", "cijfer")):
                continue
            else:  # everything the student did not touch
                assert row[column] == "niet beantwoord", (user, column, row[column])
        assert row[f"les {LESSON} goed"] == "1"
        graded = sum(1 for t in tasks.values() if t.graded)
        from dossier_lib.gradebook.grades import cijfer, dutch_number

        assert row[f"les {LESSON} cijfer"] == dutch_number(cijfer(1, graded))
        # The class matrix in the terminal says the same.
        line = next(line for line in run.stdout.splitlines() if line.startswith(row["naam"]))
        assert line.count("goed") >= 1 and "fout" in line, line
    html = html_path.read_text(encoding="utf-8")
    assert "<script" not in html and all(body[u]["naam"] in html for u in STUDENTS)
