"""Shared fixtures: an isolated CPD record, free ports, and a real headless Chromium."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

import site_build
from servers import free_port, wait_for_http  # noqa: F401  (re-exported for fixtures)

REPO = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
# Flags for a sandboxed, offline machine: see the browser-testing notes in ARCHITECTURE.md.
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


def pytest_configure(config):
    """The run's id, set before pytest-xdist starts its workers so they share one site build."""
    if not hasattr(config, "workerinput"):
        site_build.run_folder()


def pytest_unconfigure(config):
    if not hasattr(config, "workerinput"):  # the controller, after every worker has finished
        site_build.stop_and_remove()


def pytest_collection_modifyitems(config, items):
    """Tests that need the built site run last, and the build starts now, in the
    background, so every other test runs while it builds (see tests/site_build.py)."""
    needs_site = [item for item in items if "built_site" in getattr(item, "fixturenames", ())]
    if needs_site:
        items[:] = [item for item in items if "built_site" not in getattr(item, "fixturenames", ())] + needs_site
        site_build.start()


@pytest.fixture(autouse=True)
def isolated_record(tmp_path_factory, monkeypatch):
    """Every test writes its CPD record under a temporary STEMCPD_HOME, never ~/.stemcpd."""
    home = tmp_path_factory.mktemp("stemcpd-home")
    monkeypatch.setenv("STEMCPD_HOME", str(home))
    return home


@pytest.fixture(scope="session")
def browser():
    """A real headless Debian Chromium driven by playwright (skipped off CI if missing)."""
    if not os.path.exists(CHROMIUM):
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing on CI: `make test` should have installed it")
        pytest.skip(f"{CHROMIUM} not installed (run `make test`, which installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def voila_server(isolated_record):
    """Start Voilà on a workbook; yields a function notebook_path -> base URL."""
    processes = []

    def start(notebook: Path) -> str:
        from stemcpd.classroom import voila_command

        port = free_port()
        command, environment = voila_command(notebook, port, isolated_record / f"voila-{port}")
        process = subprocess.Popen(
            command, cwd=notebook.parent, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
            env={**environment, "STEMCPD_HOME": str(isolated_record)},
        )
        processes.append(process)
        url = f"http://127.0.0.1:{port}/"
        wait_for_http(url, process)
        return url

    yield start
    for process in processes:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()


@pytest.fixture(scope="session")
def built_site():
    """The course site built once per test run (strict: any Sphinx warning fails), in the
    background from collection on and shared by every worker; read-only for tests.
    Returns ``(output_folder, index_html, cold_build_seconds)``."""
    return site_build.wait()


@pytest.fixture(scope="session")
def site_url(built_site):
    """The built site served over HTTP on localhost (as `stemcpd serve` does)."""
    import threading

    from stemcpd.cli import make_server

    output, _, _ = built_site
    server = make_server(output / "_build" / "html", port=0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    host, port = server.server_address[:2]
    yield f"http://{host}:{port}/"
    server.shutdown()
    server.server_close()
