"""Every classroom app in a real Chromium, served by Voilà with stemcpd's template.

One page holds every app (one Voilà start, not one per app); each app is then driven
with the keyboard alone (its first control changes the figure, readout and live
description), audited with axe-core, and its high-contrast option checked. At the two
projector sizes (1366×768 and 1920×1080) each app's whole figure lies inside the window,
and every choice widget (toggle buttons, drop-down, checkbox), worked from the keyboard,
changes the figure and the description. The page loads nothing from another host. Separately, `stemcpd app NAME` itself serves one app."""

import os
import subprocess
import sys

import pytest
from axe_playwright_python.sync_playwright import Axe

from servers import free_port, wait_for_http
from stemcpd import simulations

pytestmark = [pytest.mark.browser, pytest.mark.slow]

NAMES = sorted(simulations.available())


# Apps per Voilà page: one kernel streams every app's widgets and figures to the page,
# and past about 18 apps the front end loses widget models, so the apps are served in
# groups (a teacher's classroom app is always one simulation per page).
GROUP_SIZE = 12
GROUPS = [NAMES[start:start + GROUP_SIZE] for start in range(0, len(NAMES), GROUP_SIZE)]


class Galleries:
    """One Voilà gallery page per group of apps, started when a test first needs it."""

    def __init__(self, browser, folder):
        self.browser, self.folder = browser, folder
        self.pages, self.processes = {}, []

    def page(self, name: str):
        index = next(number for number, group in enumerate(GROUPS) if name in group)
        if index not in self.pages:
            self.pages[index] = self._start(index)
        return self.pages[index]

    def _start(self, index: int):
        from stemcpd.classroom import voila_command, write_gallery_notebook

        group = GROUPS[index]
        folder = self.folder / f"group{index}"
        folder.mkdir()
        notebook = write_gallery_notebook(group, folder)
        port = free_port()
        command, environment = voila_command(notebook, port, folder)
        process = subprocess.Popen(command, cwd=folder, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                                   env={**environment, "STEMCPD_HOME": str(folder)})
        self.processes.append(process)
        wait_for_http(f"http://127.0.0.1:{port}/", process, timeout_s=300)
        page = self.browser.new_page(viewport={"width": 1366, "height": 900})
        page.outside_requests, page.errors = [], []
        page.on("request", lambda r: page.outside_requests.append(r.url)
                if not r.url.startswith(("http://127.0.0.1", "data:", "blob:")) else None)
        page.on("pageerror", lambda e: page.errors.append(str(e)))
        page.goto(f"http://127.0.0.1:{port}/", wait_until="domcontentloaded", timeout=300_000)
        for name in group:
            page.locator(f".stemcpd-classroom-{name} img.stemcpd-figure").wait_for(state="visible", timeout=300_000)
        return page

    def close(self):
        for page in self.pages.values():
            page.close()
        for process in self.processes:
            process.terminate()
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()


@pytest.fixture(scope="module")
def galleries(browser, tmp_path_factory):
    served = Galleries(browser, tmp_path_factory.mktemp("gallery"))
    try:
        yield served
    finally:
        served.close()


@pytest.fixture
def gallery_page(galleries, request):
    """The gallery page holding the test's app (``name``), or the first group's page."""
    name = request.node.callspec.params.get("name", NAMES[0]) if hasattr(request.node, "callspec") else NAMES[0]
    return galleries.page(name)


@pytest.mark.parametrize("group", range(len(GROUPS)))
def test_the_page_shows_no_code_and_loads_nothing_from_elsewhere(galleries, group):
    page = galleries.page(GROUPS[group][0])
    assert "classroom_app(" not in page.inner_text("body")
    assert page.outside_requests == []
    assert page.errors == []


@pytest.mark.parametrize("name", NAMES)
def test_app_is_keyboard_driven_named_and_audited(gallery_page, name):
    page = gallery_page
    box = page.locator(f".stemcpd-classroom-{name}")
    box.scroll_into_view_if_needed()
    app = box.locator(".stemcpd-app")
    figure = app.locator("img.stemcpd-figure")
    assert figure.bounding_box()["width"] >= 850  # presentation size, beside the control panel
    live = app.locator(".stemcpd-description [role=status]")
    # Accessible names the stock widgets lack: slider handles, Play buttons, figure alt.
    page.wait_for_function(
        "(name) => { const box = document.querySelector('.stemcpd-classroom-' + name);"
        " const img = box.querySelector('img.stemcpd-figure');"
        " const live = box.querySelector('.stemcpd-description [role=status]');"
        " return img.alt === live.innerText && img.alt.length > 20; }",
        arg=name, timeout=30_000,
    )
    assert app.locator(".noUi-handle:not([aria-label])").count() == 0
    unnamed_buttons = app.evaluate(
        "(el) => [...el.querySelectorAll('button')].filter(b => !b.innerText.trim() && !b.getAttribute('aria-label')).length")
    assert unnamed_buttons == 0
    violations = [v for v in Axe().run(page, context=f".stemcpd-classroom-{name}").response["violations"]
                  if v["impact"] in ("serious", "critical")]
    assert violations == [], [(v["id"], v["nodes"][0]["target"]) for v in violations]

    before = (figure.get_attribute("src"), app.locator(".stemcpd-readout").inner_text(), live.inner_text())
    controls = simulations.get(name).load_app_class().controls
    first_control = next((c for c in controls if c.kind == "slider"), None)
    if first_control is None:  # choices only (the ions): Enter on another option
        app.locator(f".stemcpd-control-{controls[0].name} button:not(.mod-active)").first.focus()
        page.keyboard.press("Enter")
    else:
        app.locator(f".stemcpd-control-{first_control.name} .noUi-handle").focus()
        key = "ArrowLeft" if first_control.value >= first_control.maximum else "ArrowRight"
        for _ in range(10):
            page.keyboard.press(key)
    page.wait_for_function(
        "([name, src]) => document.querySelector('.stemcpd-classroom-' + name + ' img.stemcpd-figure').src !== src",
        arg=[name, before[0]], timeout=30_000,
    )
    page.wait_for_function(
        "([name, text]) => document.querySelector('.stemcpd-classroom-' + name +"
        " ' .stemcpd-description [role=status]').innerText !== text",
        arg=[name, before[2]], timeout=30_000,
    )
    page.wait_for_function(  # the readout follows the same update; wait for it rather than race it
        "([name, text]) => document.querySelector('.stemcpd-classroom-' + name +"
        " ' .stemcpd-readout').innerText !== text",
        arg=[name, before[1]], timeout=30_000,
    )

    box.locator(".stemcpd-contrast-toggle input").check()
    page.wait_for_function(
        "(name) => document.querySelector('.stemcpd-classroom-' + name + ' .stemcpd-app.stemcpd-high-contrast')",
        arg=name)
    background = app.evaluate("(el) => getComputedStyle(el).backgroundColor")
    assert background == "rgb(0, 0, 0)"
    if app.locator(".stemcpd-play").count():
        icon_font = app.evaluate(
            "(el) => getComputedStyle(el.querySelector('.stemcpd-play i, .stemcpd-play .fa'), '::before').fontFamily")
        assert "Font Awesome" in icon_font


PROJECTOR_SIZES = ((1366, 768), (1920, 1080))


def _wait_changed(page, name, src, text):
    page.wait_for_function(
        "([name, src, text]) => { const box = document.querySelector('.stemcpd-classroom-' + name);"
        " return box.querySelector('img.stemcpd-figure').src !== src &&"
        " box.querySelector('.stemcpd-description [role=status]').innerText !== text; }",
        arg=[name, src, text], timeout=60_000,
    )


@pytest.mark.parametrize("name", NAMES)
def test_projector_sizes_show_the_whole_figure_and_choices_change_it(gallery_page, name):
    page = gallery_page
    box = page.locator(f".stemcpd-classroom-{name}")
    app = box.locator(".stemcpd-app")
    figure = app.locator("img.stemcpd-figure")
    try:
        for width, height in PROJECTOR_SIZES:
            page.set_viewport_size({"width": width, "height": height})
            # Bring the app to the top of the window (again if the page was still
            # reflowing after the resize when it first scrolled).
            for _attempt in range(10):
                page.evaluate("(name) => document.querySelector('.stemcpd-classroom-' + name)"
                              ".scrollIntoView({block: 'start'})", name)
                page.wait_for_timeout(300)
                if abs(box.bounding_box()["y"]) < 2:
                    break
            frame = figure.bounding_box()
            assert frame["width"] >= 0.55 * width, (name, width, frame)  # the figure is the big thing
            assert 0 <= frame["y"] and frame["y"] + frame["height"] <= height + 0.5, (name, width, height, frame)
            assert 0 <= frame["x"] and frame["x"] + frame["width"] <= width + 0.5, (name, width, height, frame)
            panel = app.locator(".stemcpd-classroom-panel").bounding_box()
            assert panel["x"] >= frame["x"] + frame["width"] - 1  # controls beside the figure
        # The panel folds away and comes back; the figure then takes the width.
        toggle = app.locator(".stemcpd-controls-toggle")
        toggle.click()
        page.wait_for_function("(name) => getComputedStyle(document.querySelector('.stemcpd-classroom-' + name +"
                               " ' .stemcpd-classroom-panel')).display === 'none'", arg=name)
        # The label follows in its own widget message: wait for it rather than race it.
        page.wait_for_function("(name) => document.querySelector('.stemcpd-classroom-' + name +"
                               " ' .stemcpd-controls-toggle').innerText.includes('Show controls')", arg=name)
        toggle.click()
        page.wait_for_function("(name) => getComputedStyle(document.querySelector('.stemcpd-classroom-' + name +"
                               " ' .stemcpd-classroom-panel')).display !== 'none'", arg=name)
        assert app.locator("button.stemcpd-fullscreen").get_attribute("aria-pressed") == "false"

        # Every choice, worked from the keyboard, changes the figure and the words.
        for control in simulations.get(name).load_app_class().controls:
            if control.kind != "choice":
                continue
            widget = app.locator(f".stemcpd-control-{control.name}")
            before = (figure.get_attribute("src"), app.locator(".stemcpd-description [role=status]").inner_text())
            if control.widget == "checkbox":
                checkbox = widget.locator("input[type=checkbox]")
                checkbox.focus()
                page.keyboard.press("Space")
            elif control.widget == "dropdown":
                select = widget.locator("select")
                assert widget.locator("label").inner_text().strip() == control.label
                options = select.locator("option").all_inner_texts()
                current = select.evaluate("(el) => el.selectedIndex")
                select.select_option(index=(current + 1) % len(options))
            else:
                assert widget.get_by_text(control.label).count() >= 1  # the group's label
                buttons = widget.locator("button")
                assert buttons.count() == len(control.options)
                pressed = [i for i in range(buttons.count()) if "mod-active" in (buttons.nth(i).get_attribute("class") or "")]
                target = buttons.nth((pressed[0] + 1) % buttons.count() if pressed else 1)
                target.focus()
                page.keyboard.press("Enter")
            _wait_changed(page, name, *before)
    finally:
        page.set_viewport_size({"width": 1366, "height": 900})


def test_stemcpd_app_command_serves_one_app(browser, isolated_record):
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "stemcpd", "app", "projectile", "--no-browser", f"--port={port}"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        env={**os.environ, "STEMCPD_HOME": str(isolated_record)},
    )
    try:
        wait_for_http(f"http://127.0.0.1:{port}/", process)
        page = browser.new_page(viewport={"width": 1366, "height": 900})
        page.goto(f"http://127.0.0.1:{port}/", wait_until="domcontentloaded", timeout=120_000)
        page.locator(".stemcpd-classroom-projectile img.stemcpd-figure").wait_for(state="visible", timeout=120_000)
        assert "classroom_app(" not in page.inner_text("body")
        assert "Projectile" in page.inner_text("body")
        page.close()
    finally:
        process.terminate()
        process.wait(timeout=30)
