"""A live workshop on a real local JupyterHub (issue 15), end to end.

One hub (pip ``jupyterhub``, npm ``configurable-http-proxy``, DummyAuthenticator,
SimpleLocalProcessSpawner) configured from the very files in ``deploy/``: the TLJH drop-in
``deploy/tljh/jupyterhub_config.d/stemcpd-workshop.py`` is loaded as it is, and the
Zero-to-JupyterHub values' ``hub.config`` and workshop environment are applied. Three
participants log in, answer the pendulum quiz in their own server's kernel and share
through the consent panel, each agreeing to different things; a hostile file lands in the
exchange too. The trainer logs in with real Chromium and the Voilà dashboard shows the
three, pseudonymised, with facility, misconceptions, confidence and action-plan themes.
Screenshots for book/trainers.md are saved on the way.
"""

import asyncio
from concurrent.futures import ThreadPoolExecutor
import json
import os
from pathlib import Path
import signal
import subprocess
import sys
import time
import uuid

import pytest
import yaml

from servers import free_port, wait_for_http

pytestmark = [pytest.mark.browser, pytest.mark.slow]
pytest.importorskip("jupyterhub")
requests = pytest.importorskip("requests")

REPO = Path(__file__).resolve().parents[2]
TLJH_DROP_IN = REPO / "deploy" / "tljh" / "jupyterhub_config.d" / "stemcpd-workshop.py"
Z2JH_VALUES = REPO / "deploy" / "z2jh" / "config.yaml"
IMAGES = REPO / "book" / "images"
PROXY_PACKAGE = {"configurable-http-proxy": "5.3.0"}
PASSWORD = "workshop-password"

PARTICIPANTS = {
    # user: (answers [(question, response, confidence)], consent, display name, action plan)
    "alice": ([("period-mass", 1, "sure"), ("period-1m", "2.01 s", "sure")],
              {"answers": True, "confidence": True, "action_plan": True, "name": False}, "",
              "Open with a hinge question and the pendulum simulation"),
    "bob": ([("period-mass", 0, "unsure"), ("period-1m", "4 s", "sure")],
            {"answers": True, "confidence": False, "action_plan": False, "name": False}, "", "Secret plan"),
    "cara": ([("period-mass", 1, "sure"), ("period-1m", "2.01 s", "guess")],
             {"answers": True, "confidence": True, "action_plan": True, "name": True}, "Cara Jones",
             "Required practical with predict-observe-explain"),
}


def proxy_command() -> str:
    from stemcpd.vendor import VendorError, cache_dir, npm_modules

    try:
        modules = npm_modules(PROXY_PACKAGE, cache=cache_dir().parent / "hub-npm")
    except VendorError as error:
        pytest.skip(f"configurable-http-proxy unavailable: {error}")
    return str(modules / ".bin" / "configurable-http-proxy")


def hub_config(folder: Path, port: int, token: str, exchange: Path) -> str:
    """jupyterhub_config.py: the deploy files' settings, plus what only a test needs."""
    values = yaml.safe_load(Z2JH_VALUES.read_text(encoding="utf-8"))
    lines = [
        "import sys",
        f"c.JupyterHub.bind_url = 'http://127.0.0.1:{port}'",
        f"c.JupyterHub.hub_port = {free_port()}",
        f"c.ConfigurableHTTPProxy.api_url = 'http://127.0.0.1:{free_port()}'",
        f"c.ConfigurableHTTPProxy.command = [{proxy_command()!r}]",
        f"c.JupyterHub.db_url = 'sqlite:///{folder / 'hub.sqlite'}'",
        f"c.JupyterHub.cookie_secret_file = {str(folder / 'cookie_secret')!r}",
        f"c.JupyterHub.pid_file = {str(folder / 'hub.pid')!r}",
        "c.JupyterHub.authenticator_class = 'dummy'",
        f"c.DummyAuthenticator.password = {PASSWORD!r}",
        "c.Authenticator.allow_all = True",
        "c.JupyterHub.spawner_class = 'simple'",
        f"c.SimpleLocalProcessSpawner.home_dir_template = {str(folder / 'home' / '{username}')!r}",
        "c.Spawner.cmd = [sys.executable, '-m', 'jupyterhub.singleuser']",
        # The trainer's dashboard is a Voila page: make sure the server loads Voila.
        "c.Spawner.args = ['--ServerApp.jpserver_extensions=voila=True']",
        # The test (and CI) runs as root; a school's hub spawns each teacher as their own user.
        "import os\nif os.geteuid() == 0: c.Spawner.args.append('--allow-root')",
        # Pass the tester's Jupyter paths through (where Voila's templates are, in a layered venv).
        "c.Spawner.env_keep = c.Spawner.env_keep + ['JUPYTER_PATH', 'JUPYTER_CONFIG_PATH'] "
        "if isinstance(c.Spawner.env_keep, list) else ['PATH', 'PYTHONPATH', 'VIRTUAL_ENV', 'LANG', 'LC_ALL', "
        "'JUPYTERHUB_SINGLEUSER_APP', 'JUPYTER_PATH', 'JUPYTER_CONFIG_PATH']",
        "c.Spawner.start_timeout = 120",
        "c.Spawner.http_timeout = 120",
        f"c.JupyterHub.services = [{{'name': 'workshop-test', 'api_token': {token!r}}}]",
        "c.JupyterHub.load_roles = [{'name': 'workshop-test', 'services': ['workshop-test'], "
        "'scopes': ['admin:users', 'admin:servers', 'tokens', 'access:servers', 'read:users']}]",
        # TLJH: the drop-in file exactly as a school installs it.
        f"load_subconfig({str(TLJH_DROP_IN)!r})",
    ]
    # Zero to JupyterHub: hub.config is traitlets config, applied as z2jh applies it.
    for class_name, traits in values["hub"]["config"].items():
        for trait, value in traits.items():
            lines.append(f"c.{class_name}.{trait} = {value!r}")
    return "\n".join(lines) + "\n"


async def _execute(url: str, token: str, code: str, timeout: float = 120.0) -> str:
    """Run code in a kernel over the Jupyter websocket protocol; return its stdout."""
    from tornado.httpclient import HTTPRequest
    from tornado.websocket import websocket_connect

    connection = await websocket_connect(HTTPRequest(url, headers={"Authorization": f"token {token}"}))
    message_id = uuid.uuid4().hex
    connection.write_message(json.dumps({
        "header": {"msg_id": message_id, "username": "test", "session": uuid.uuid4().hex, "msg_type": "execute_request",
                   "version": "5.3", "date": ""},
        "parent_header": {}, "metadata": {}, "channel": "shell",
        "content": {"code": code, "silent": False, "store_history": False, "user_expressions": {},
                    "allow_stdin": False, "stop_on_error": True},
    }))
    output, deadline = [], time.monotonic() + timeout
    while time.monotonic() < deadline:
        raw = await asyncio.wait_for(connection.read_message(), timeout=deadline - time.monotonic())
        if raw is None:
            break
        message = json.loads(raw)
        if message.get("parent_header", {}).get("msg_id") != message_id:
            continue
        kind = message["msg_type"]
        if kind == "stream":
            output.append(message["content"]["text"])
        elif kind == "error":
            raise AssertionError("\n".join(message["content"]["traceback"]))
        elif kind == "status" and message["content"]["execution_state"] == "idle":
            break
    connection.close()
    return "".join(output)


def participant_code(user: str) -> str:
    answers, consent, display_name, plan = PARTICIPANTS[user]
    return f"""
from stemcpd.course import Module
from stemcpd.quiz import load_packaged_bank
from stemcpd.workshop import SharePanel
bank = load_packaged_bank("pendulum")
module = Module("physics-pendulum", "Pendulums", 60)
for question_id, response, confidence in {answers!r}:
    question = bank[question_id]
    module.record_attempt(question, response, question.mark(response), confidence)
module.store.save_entries(module="physics-pendulum", kind="action_plan", texts={{"planned_change": {plan!r}}})
panel = SharePanel(live=False)
for name, agreed in {consent!r}.items():
    panel.checkboxes[name].value = agreed
panel.display_name.value = {display_name!r}
assert panel.share(), panel.status.value
print("SHARED", panel.folder)
"""


@pytest.fixture(scope="module")
def hub(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hub")
    exchange = folder / "exchange"
    exchange.mkdir(mode=0o1777)
    port, token = free_port(), uuid.uuid4().hex
    (folder / "jupyterhub_config.py").write_text(hub_config(folder, port, token, exchange), encoding="utf-8")
    environment = {**os.environ, "STEMCPD_WORKSHOP_EXCHANGE": str(exchange),
                   "STEMCPD_WORKSHOP_DEFAULT_URL": "/tree",
                   "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH", "")])),
                   "PATH": os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")])}
    environment.pop("STEMCPD_HOME", None)  # each participant's record is in their own home
    log = (folder / "hub.log").open("w")
    process = subprocess.Popen([sys.executable, "-m", "jupyterhub", "-f", str(folder / "jupyterhub_config.py")],
                               cwd=folder, env=environment, stdout=log, stderr=subprocess.STDOUT, text=True,
                               start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for_http(f"{base}/hub/api/", process, timeout_s=90)
        yield {"base": base, "token": token, "exchange": exchange, "folder": folder, "process": process}
    finally:
        # Stop every user's server through the API first (each runs in its own session, out
        # of reach of a signal to the hub's process group), then the hub and its proxy.
        for user in [*PARTICIPANTS, "trainer"]:
            try:
                requests.delete(f"{base}/hub/api/users/{user}/server", timeout=60,
                                headers={"Authorization": f"token {token}"})
            except requests.RequestException:
                pass
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                users = requests.get(f"{base}/hub/api/users", timeout=30,
                                     headers={"Authorization": f"token {token}"}).json()
            except (requests.RequestException, ValueError):
                break
            if not any(user.get("servers") for user in users):
                break
            time.sleep(1)
        process.send_signal(signal.SIGTERM)  # the hub stops the proxy (and any server still running)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            pass
        try:
            os.killpg(process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        log.close()


def api(hub, method, path, **kwargs):
    response = requests.request(method, f"{hub['base']}/hub/api{path}",
                                headers={"Authorization": f"token {hub['token']}"}, timeout=60, **kwargs)
    assert response.status_code < 400, (response.status_code, response.text, (hub["folder"] / "hub.log").read_text()[-3000:])
    return response.json() if response.text else None


def wait_until_ready(hub, user, timeout=150):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        model = api(hub, "GET", f"/users/{user}")
        server = model.get("servers", {}).get("")
        if server and server.get("ready"):
            return
        time.sleep(1)
    log = [line for line in (hub["folder"] / "hub.log").read_text().splitlines() if "GET /hub/api/users" not in line]
    raise TimeoutError(f"{user}'s server did not start:\n" + "\n".join(log)[-6000:])


def log_in(hub, user) -> None:
    """Log in through the hub's own login form, as a participant does."""
    session = requests.Session()
    page = session.get(f"{hub['base']}/hub/login", timeout=30)
    xsrf = session.cookies.get("_xsrf") or ""
    response = session.post(f"{hub['base']}/hub/login?next=%2Fhub%2Fhome", timeout=60, allow_redirects=False,
                            data={"username": user, "password": PASSWORD, "_xsrf": xsrf})
    assert page.status_code == 200 and response.status_code == 302, (response.status_code, response.text[:500])
    wrong = requests.post(f"{hub['base']}/hub/login", timeout=30, allow_redirects=False,
                          data={"username": user, "password": "wrong"}, cookies=session.cookies)
    assert wrong.status_code != 302 or "login" in wrong.headers.get("Location", "")


def test_the_configs_agree():
    values = yaml.safe_load(Z2JH_VALUES.read_text(encoding="utf-8"))
    drop_in = TLJH_DROP_IN.read_text(encoding="utf-8")
    exchange = values["singleuser"]["extraEnv"]["STEMCPD_EXCHANGE"]
    assert f'"{exchange}"' in drop_in  # the TLJH default is the Kubernetes mount path
    assert exchange in [mount["mountPath"] for mount in values["singleuser"]["storage"]["extraVolumeMounts"]]
    assert values["hub"]["config"]["Authenticator"]["admin_users"] == ["trainer"]


def test_three_participants_share_and_the_trainer_sees_the_room(hub, browser):
    from stemcpd.workshop import write_dashboard_notebook

    IMAGES.mkdir(parents=True, exist_ok=True)
    trainer_home = hub["folder"] / "home" / "trainer"
    trainer_home.mkdir(parents=True, exist_ok=True)
    write_dashboard_notebook(trainer_home)
    users = [*PARTICIPANTS, "trainer"]
    for user in users:
        log_in(hub, user)
        api(hub, "POST", f"/users/{user}/server")
    for user in users:
        wait_until_ready(hub, user)

    for user in PARTICIPANTS:
        token = api(hub, "POST", f"/users/{user}/tokens", json={"expires_in": 900, "note": "workshop test"})["token"]
        headers = {"Authorization": f"token {token}"}
        kernel = requests.post(f"{hub['base']}/user/{user}/api/kernels", headers=headers, json={}, timeout=60).json()
        websocket = f"{hub['base'].replace('http', 'ws')}/user/{user}/api/kernels/{kernel['id']}/channels"
        # Playwright's sync API owns this thread's event loop: talk to the kernel from another thread.
        with ThreadPoolExecutor(1) as pool:
            output = pool.submit(asyncio.run, _execute(websocket, token, participant_code(user))).result()
        assert f"SHARED {hub['exchange']}" in output, output
        requests.delete(f"{hub['base']}/user/{user}/api/kernels/{kernel['id']}", headers=headers, timeout=60)

    # Only what each agreed to share is in their file; typed responses never are.
    shared = {path.stem: json.loads(path.read_text()) for path in hub["exchange"].glob("*.json")}
    assert set(shared) == set(PARTICIPANTS)
    assert {a["confidence"] for a in shared["bob"]["attempts"]} == {None} and shared["bob"]["entries"] == []
    assert shared["bob"]["participant"] == "" and shared["cara"]["participant"] == "Cara Jones"
    assert all(a["response"] == "" for record in shared.values() for a in record["attempts"])
    assert "Secret plan" not in json.dumps(shared)
    # A hostile participant file: never stops the dashboard.
    (hub["exchange"] / "mallory.json").write_text('{"format": "stemcpd-record", "version": 1, "attempts": '
                                                  '[{"module": "<img src=x onerror=alert(1)>"}], "entries": []}')

    context = browser.new_context(viewport={"width": 1200, "height": 900})
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    dashboard = "/user/trainer/voila/render/stemcpd-workshop-dashboard.ipynb"
    page.goto(f"{hub['base']}/hub/login?next={dashboard}")
    page.get_by_label("Username").fill("trainer")
    page.get_by_label("Password").fill(PASSWORD)
    page.screenshot(path=str(IMAGES / "workshop-hub-login.png"))
    page.get_by_role("button", name="Sign in").click()
    try:
        page.wait_for_selector(".stemcpd-room-count", timeout=150_000)
    except Exception:
        log = [line for line in (hub["folder"] / "hub.log").read_text().splitlines() if "GET /hub/api/users" not in line]
        raise AssertionError(f"dashboard did not appear at {page.url}:\n{page.inner_text('body')[:2000]}\n"
                             + "\n".join(log)[-5000:]) from None
    page.wait_for_function("document.querySelector('.stemcpd-room-count').textContent.includes('3 participants')",
                           timeout=30_000)
    text = page.inner_text("body")
    assert "1 file could not be read and was skipped" in text
    assert "Participant 01" in text and "Cara Jones" not in text  # pseudonymised on screen by default
    assert "Facility per question" in text and "period-mass" in text
    assert "Misconceptions the room holds" in text
    assert "Confidence against correctness" in text and "Confidently wrong answers: 2" in text  # alice and cara; bob kept his confidence
    assert "Action-plan themes" in text and "Practical work" in text and "Hinge and diagnostic questions" in text
    assert page.locator("img[src='x']").count() == 0
    page.screenshot(path=str(IMAGES / "workshop-dashboard.png"), full_page=True)
    page.locator(".stemcpd-live-dashboard input[type=checkbox]").check()
    page.wait_for_function("document.body.innerText.includes('Cara Jones')", timeout=30_000)
    context.close()
    assert errors == [], errors
