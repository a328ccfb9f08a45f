"""Every classroom app (`stemcpd app NAME`, served by Voilà) in a real Chromium: no code
on screen, the first control moved with the keyboard alone changes the figure, the
readout and the live description; the high-contrast option restyles the app."""

import os
import subprocess
import sys

import pytest

from axe_playwright_python.sync_playwright import Axe

from conftest import free_port, wait_for_http
from stemcpd import simulations

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture
def classroom_server(isolated_record):
    processes = []

    def start(name: str) -> str:
        port = free_port()
        process = subprocess.Popen(
            [sys.executable, "-m", "stemcpd", "app", name, "--no-browser", f"--port={port}"],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
            env={**os.environ, "STEMCPD_HOME": str(isolated_record)},
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


@pytest.mark.parametrize("name", sorted(simulations.available()))
def test_classroom_app_is_keyboard_driven_and_shows_no_code(name, browser, classroom_server):
    url = classroom_server(name)
    page = browser.new_page(viewport={"width": 1366, "height": 900})
    errors, outside = [], []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("request", lambda request: outside.append(request.url)
            if not request.url.startswith(("http://127.0.0.1", "data:", "blob:")) else None)
    page.goto(url, wait_until="domcontentloaded", timeout=120_000)
    app = page.locator(".stemcpd-app")
    app.wait_for(state="visible", timeout=120_000)
    figure = app.locator("img.stemcpd-figure")
    figure.wait_for(state="visible")
    assert "classroom_app(" not in page.inner_text("body")
    # Accessible names the stock widgets lack: slider handles, Play buttons, figure alt.
    page.wait_for_function(
        "() => { const img = document.querySelector('.stemcpd-app img.stemcpd-figure');"
        " const live = document.querySelector('.stemcpd-app .stemcpd-description [role=status]');"
        " return img && live && img.alt === live.innerText && img.alt.length > 20; }",
        timeout=30_000,
    )
    unnamed_handles = page.evaluate(
        "() => [...document.querySelectorAll('.stemcpd-app .noUi-handle')].filter(h => !h.getAttribute('aria-label')).length")
    assert unnamed_handles == 0
    unnamed_buttons = page.evaluate(
        "() => [...document.querySelectorAll('.stemcpd-app button')]"
        ".filter(b => !b.innerText.trim() && !b.getAttribute('aria-label')).length")
    assert unnamed_buttons == 0
    violations = [v for v in Axe().run(page).response["violations"] if v["impact"] in ("serious", "critical")]
    assert violations == [], [(v["id"], v["nodes"][0]["target"]) for v in violations]
    assert figure.bounding_box()["width"] >= 1000  # presentation size

    before = {
        "src": figure.get_attribute("src"),
        "readout": app.locator(".stemcpd-readout").inner_text(),
        "live": app.locator(".stemcpd-description [role=status]").inner_text(),
    }
    first_control = simulations.get(name).load_app_class().controls[0]
    handle = app.locator(f".stemcpd-control-{first_control.name} .noUi-handle")
    handle.focus()
    key = "ArrowLeft" if first_control.value >= first_control.maximum else "ArrowRight"
    for _ in range(10):
        page.keyboard.press(key)
    page.wait_for_function(
        "(before) => document.querySelector('.stemcpd-app img.stemcpd-figure').src !== before",
        arg=before["src"], timeout=30_000,
    )
    page.wait_for_function(
        "(before) => document.querySelector('.stemcpd-app .stemcpd-description [role=status]').innerText !== before",
        arg=before["live"], timeout=30_000,
    )
    assert app.locator(".stemcpd-readout").inner_text() != before["readout"]

    page.locator(".stemcpd-contrast-toggle input").check()
    page.wait_for_function("() => document.querySelector('.stemcpd-app.stemcpd-high-contrast') !== null")
    background = page.evaluate(
        "() => getComputedStyle(document.querySelector('.stemcpd-app.stemcpd-high-contrast')).backgroundColor")
    assert background == "rgb(0, 0, 0)"
    assert errors == []
    assert outside == [], f"requests to other hosts: {outside}"
    # The playback buttons' icons come from the app's own Font Awesome.
    if page.locator(".stemcpd-play").count():
        icon_font = page.evaluate(
            "() => getComputedStyle(document.querySelector('.stemcpd-play i, .stemcpd-play .fa'), '::before').fontFamily")
        assert "Font Awesome" in icon_font
    page.close()
