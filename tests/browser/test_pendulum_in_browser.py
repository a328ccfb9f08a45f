"""The pendulum workbook in a real Chromium (Voilà): the length slider, moved with the
keyboard, changes the figure, the period readout and the screen-reader description."""

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]

pytestmark = [pytest.mark.browser, pytest.mark.slow]

WORKBOOK = REPO / "workbooks" / "physics-pendulum.ipynb"


def test_length_slider_redraws_figure_and_period(browser, voila_server):
    url = voila_server(WORKBOOK)
    page = browser.new_page(viewport={"width": 1280, "height": 1000})
    console_errors = []
    page.on("pageerror", lambda error: console_errors.append(str(error)))
    page.goto(url, wait_until="domcontentloaded", timeout=120_000)

    app = page.locator(".stemcpd-app-pendulum")
    app.wait_for(state="visible", timeout=120_000)
    figure = app.locator("img.stemcpd-figure")
    readout = app.locator(".stemcpd-readout")
    live = app.locator(".stemcpd-description [role=status]")
    figure.wait_for(state="visible")
    before_src = figure.get_attribute("src")
    before_readout = readout.inner_text()
    assert "T = 2.010 s" in before_readout  # 1.00 m at 10°, exact period
    assert live.get_attribute("aria-live") == "polite"

    # No code is shown: Voilà renders outputs only.
    visible_text = page.inner_text("body")
    assert "from stemcpd" not in visible_text and "module.quiz(" not in visible_text

    handle = app.locator(".stemcpd-control-length_m .noUi-handle")
    handle.focus()
    for _ in range(50):  # 50 steps of 0.01 m → 1.50 m
        page.keyboard.press("ArrowRight")
    page.wait_for_function(
        "(before) => document.querySelector('.stemcpd-app-pendulum img.stemcpd-figure').src !== before",
        arg=before_src, timeout=30_000,
    )
    page.wait_for_function(
        "() => document.querySelector('.stemcpd-app-pendulum .stemcpd-readout').innerText.includes('T = 2.462 s')",
        timeout=30_000,
    )
    assert "1.50 m pendulum" in live.inner_text()
    slider_text = app.locator(".stemcpd-control-length_m .widget-readout").inner_text()
    assert slider_text.strip() in ("1.50", "1.5")
    assert console_errors == []
    page.close()
