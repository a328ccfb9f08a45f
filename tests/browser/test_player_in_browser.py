"""The simulation player in a real Chromium, on the built course site and as an offline
file: every control of every simulation changes the figure and the words, time plays,
pauses, steps and resets, the keyboard alone is enough, a page address opens a setting,
the link can be copied, nothing comes from another host, and axe finds nothing serious."""

import subprocess
import sys
from urllib.parse import urljoin, urlparse

import pytest
from axe_playwright_python.sync_playwright import Axe

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PENDULUM = "workbooks/physics-pendulum.html"


def open_page(browser, url, **context_options):
    """A page that records every request to another host (there must be none)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, **context_options)
    page = context.new_page()
    page.outside = []
    page.errors = []
    page.on("request", lambda request: page.outside.append(request.url)
            if urlparse(request.url).hostname not in ("127.0.0.1", None)
            and not request.url.startswith(("data:", "file:")) else None)
    # The book theme declares THEBE_JS_URL twice on every page (not the player's doing).
    page.on("pageerror", lambda error: page.errors.append(str(error)) if "THEBE_JS_URL" not in str(error) else None)
    page.goto(url, wait_until="domcontentloaded")
    return page


def ready_player(page, index=0):
    figure = page.locator("figure.stemcpd-player").nth(index)
    figure.scroll_into_view_if_needed()
    figure.locator(".stemcpd-player-long").wait_for(state="attached")
    page.wait_for_function("f => f.querySelector('.stemcpd-player-long').textContent.length > 0",
                           arg=figure.element_handle(), timeout=30_000)
    return figure


def pixels(figure):
    return figure.locator("canvas").evaluate("c => c.toDataURL()")


def words(figure):
    return figure.locator(".stemcpd-player-long").text_content(), figure.locator(".stemcpd-player-readout").text_content()


def wait_for_new_setting(page, figure, before_words):
    page.wait_for_function(
        "([f, long, readout]) => f.querySelector('.stemcpd-player-long').textContent !== long"
        " || f.querySelector('.stemcpd-player-readout').textContent !== readout",
        arg=[figure.element_handle(), *before_words], timeout=10_000,
    )


def workbook_pages(built_site):
    output, _, _ = built_site
    html_dir = output / "_build" / "html"
    return sorted(str(p.relative_to(html_dir)) for p in (html_dir / "workbooks").glob("*.html")
                  if 'class="stemcpd-player"' in p.read_text(encoding="utf-8"))


def choose_another_option(page, row):
    """Pick another option of a choice row from the keyboard: Space on a checkbox, the
    next option of a drop-down, Enter on a toggle button that is not pressed."""
    checkbox = row.locator("input[type=checkbox]")
    if checkbox.count():
        checkbox.focus()
        page.keyboard.press("Space")
        return
    select = row.locator("select")
    if select.count():
        select.focus()
        page.keyboard.press("ArrowDown" if select.evaluate("s => s.selectedIndex < s.options.length - 1") else "ArrowUp")
        return
    row.locator("button[aria-pressed=false]").first.focus()
    page.keyboard.press("Enter")


def test_every_control_of_every_simulation_changes_the_figure_and_the_words(built_site, site_url, browser):
    pages = workbook_pages(built_site)
    assert PENDULUM in pages
    unchanged, moved = [], 0
    for relative in pages:
        page = open_page(browser, urljoin(site_url, relative))
        for index in range(page.locator("figure.stemcpd-player").count()):
            figure = ready_player(page, index)
            simulation = figure.get_attribute("data-stemcpd-sim")
            workbook_words = words(figure)
            for row in figure.locator(".stemcpd-player-control").all():
                choice = "stemcpd-player-choice" in (row.get_attribute("class") or "")
                slider = None if choice else row.locator("input[type=range]")
                name = row.get_attribute("data-control") if choice else slider.get_attribute("data-control")
                # From the workbook's setting each time (moving one control after another
                # can cancel out: half the volume at twice the concentration).
                if words(figure) != workbook_words:
                    figure.get_by_role("button", name="Back to the workbook's setting").click()
                    page.wait_for_function(
                        "([f, long]) => f.querySelector('.stemcpd-player-long').textContent === long",
                        arg=[figure.element_handle(), workbook_words[0]])
                before_pixels, before_words = pixels(figure), words(figure)
                if choice:
                    choose_another_option(page, row)
                else:
                    slider.focus()
                    # To the far end (or the other end, if the workbook's value is there).
                    page.keyboard.press("End" if slider.input_value() != slider.get_attribute("max") else "Home")
                try:
                    wait_for_new_setting(page, figure, before_words)
                except Exception:
                    pass
                after_pixels, after_words = pixels(figure), words(figure)
                if after_pixels == before_pixels or after_words == before_words:
                    unchanged.append(f"{relative} {simulation}.{name}: "
                                     f"figure {'same' if after_pixels == before_pixels else 'changed'}, "
                                     f"words {'same' if after_words == before_words else 'changed'}")
                moved += 1
        assert page.errors == [], f"{relative}: {page.errors}"
        assert page.outside == [], f"{relative}: requests to other hosts {page.outside}"
        page.context.close()
    assert moved >= 5 * len(pages)
    assert unchanged == [], "\n".join(unchanged)


def test_pendulum_plays_pauses_steps_and_resets(site_url, browser):
    page = open_page(browser, urljoin(site_url, PENDULUM))
    figure = ready_player(page)
    time_output = figure.locator("output.stemcpd-player-time")
    assert time_output.inner_text() == "t = 0.00 s"
    start_pixels = pixels(figure)
    figure.get_by_role("button", name="Play").click()
    page.wait_for_timeout(700)
    middle_pixels, middle_time = pixels(figure), time_output.inner_text()
    page.wait_for_timeout(700)
    assert middle_pixels != start_pixels and pixels(figure) != middle_pixels, "the pendulum swings"
    assert time_output.inner_text() != middle_time != "t = 0.00 s", "time runs"
    # At 20 frames a second, about 14 moments have passed in 0.7 s.
    frames_drawn = int(figure.locator("input[type=range][id$=-time]").input_value())
    assert frames_drawn >= 14
    figure.get_by_role("button", name="Pause").click()
    paused_time = time_output.inner_text()
    paused_frame = int(figure.locator("input[id$=-time]").input_value())
    page.wait_for_timeout(400)
    assert time_output.inner_text() == paused_time
    figure.get_by_role("button", name="Step").click()
    assert time_output.inner_text() != paused_time
    assert int(figure.locator("input[id$=-time]").input_value()) == paused_frame + 1
    figure.get_by_role("button", name="Reset").click()
    assert time_output.inner_text() == "t = 0.00 s" and pixels(figure) == start_pixels
    # Playing runs to the end of the recorded run (3 s at 20 frames a second) and stops.
    figure.get_by_role("button", name="Play").click()
    page.wait_for_function("f => f.querySelector('.stemcpd-player-play').textContent === 'Play'",
                           arg=figure.element_handle(), timeout=10_000)
    assert figure.locator("input[id$=-time]").input_value() == figure.locator("input[id$=-time]").get_attribute("max")
    page.context.close()


def test_keyboard_only_fair_test_and_live_summary(site_url, browser):
    page = open_page(browser, urljoin(site_url, PENDULUM))
    figure = ready_player(page)
    figure.get_by_role("button", name="Play").focus()
    page.keyboard.press("Space")
    page.wait_for_timeout(400)
    assert figure.get_by_role("button", name="Pause").count() == 1, "Space on Play plays"
    page.keyboard.press("Enter")
    assert figure.get_by_role("button", name="Play").count() == 1, "Enter on Pause pauses"
    # Tab along the time controls into the first control, the length.
    for _ in range(6):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.dataset.control") == "length_m":
            break
    assert page.evaluate("document.activeElement.dataset.control") == "length_m"
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline not in ("none", ""), "visible focus"
    page.keyboard.press("ArrowRight")
    length = page.evaluate("document.activeElement.getAttribute('aria-valuetext')")
    status = figure.locator(".stemcpd-player-status")
    page.wait_for_function("([s, v]) => s.textContent.startsWith('Length ' + v + ': Period')",
                           arg=[status.element_handle(), length])
    assert len(status.text_content()) < 80, "a short summary on each step"
    # After a second's stillness the long description is read.
    page.wait_for_function("s => s.textContent.includes('pendulum released from')",
                           arg=status.element_handle(), timeout=5_000)
    # A second control: the first goes back to the workbook's value, and the page says so.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.dataset.control") == "amplitude_deg"
    page.keyboard.press("ArrowRight")
    page.wait_for_function("s => s.textContent.includes('One change at a time: length back to 1.00 m')",
                           arg=status.element_handle())
    assert figure.locator("input[data-control=length_m]").get_attribute("aria-valuetext") == "1.00 m"
    page.context.close()


def test_page_address_opens_a_setting_and_copy_link_makes_one(site_url, browser):
    url = urljoin(site_url, PENDULUM)
    page = open_page(browser, url + "#sim=pendulum&length_m=1.9",
                     permissions=["clipboard-read", "clipboard-write"])
    figure = ready_player(page)
    length = figure.locator("input[data-control=length_m]").get_attribute("aria-valuetext")
    assert length != "1.00 m" and float(length.split()[0]) == pytest.approx(1.9, abs=0.26)
    assert f"A {length} pendulum" in figure.locator(".stemcpd-player-long").text_content()
    status = figure.locator(".stemcpd-player-status").text_content()
    assert "Opened at the link's setting" in status
    if length != "1.90 m":
        assert "not one of this page's settings; showing the nearest" in status
    # Copy link writes the address of the setting shown now.
    figure.locator("input[data-control=g_m_s2]").focus()
    page.keyboard.press("End")
    page.wait_for_function("f => f.querySelector('.stemcpd-player-long').textContent.includes('30.00 N/kg')",
                           arg=figure.element_handle())
    figure.get_by_role("button", name="Copy link to this setting").click()
    page.wait_for_function("f => f.querySelector('.stemcpd-player-status').textContent.startsWith('Link copied')",
                           arg=figure.element_handle())
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == url + "#sim=pendulum&g_m_s2=30"
    # The copied address opens that setting in a new page.
    other = open_page(browser, copied)
    other_figure = ready_player(other)
    assert other_figure.locator("input[data-control=g_m_s2]").get_attribute("aria-valuetext") == "30.00 N/kg"
    assert other_figure.locator("input[data-control=length_m]").get_attribute("aria-valuetext") == "1.00 m"
    # Hostile addresses change nothing and run nothing.
    hostile = open_page(browser, url + "#sim=pendulum&length_m=%3Cimg%20src=x%20onerror=alert(1)%3E")
    hostile_figure = ready_player(hostile)
    assert hostile_figure.locator("input[data-control=length_m]").get_attribute("aria-valuetext") == "1.00 m"
    assert hostile.errors == [] and "<img" not in hostile_figure.inner_html().split("stemcpd-player-ui")[1]
    for each in (page, other, hostile):
        assert each.outside == []
        each.context.close()


def test_player_passes_axe_and_loads_lazily(site_url, browser):
    page = open_page(browser, urljoin(site_url, PENDULUM))
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    figure = ready_player(page)
    results = Axe().run(page, context={"include": [["figure.stemcpd-player"]]}).response
    serious = [(v["id"], v["nodes"][0]["target"]) for v in results["violations"] if v["impact"] in ("serious", "critical")]
    assert serious == []
    canvas = figure.locator("canvas")
    assert canvas.get_attribute("role") == "img" and len(canvas.get_attribute("aria-label")) < 100
    assert figure.locator("figcaption").is_visible()
    # Moving to one setting loads that setting's data only.
    before = len([url for url in requested if url.endswith(".json")])
    figure.locator("input[data-control=damping_per_s]").focus()
    page.keyboard.press("ArrowRight")
    page.wait_for_timeout(500)
    assert len([url for url in requested if url.endswith(".json")]) == before + 1
    page.context.close()


def test_choice_controls_are_real_choice_widgets_in_the_offline_player(tmp_path, browser):
    """`stemcpd app moles --html`: the reaction is a group of labelled toggle buttons
    (aria-pressed), worked from the keyboard; a page address names an option."""
    target = tmp_path / "moles.html"
    result = subprocess.run([sys.executable, "-m", "stemcpd", "app", "moles", "--html", str(target)],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    page = open_page(browser, target.as_uri(), offline=True)
    figure = ready_player(page)
    row = figure.locator(".stemcpd-player-choice[data-control=reaction]")
    group = row.locator("[role=group]")
    assert page.locator(f"#{group.get_attribute('aria-labelledby')}").text_content() == "Reaction"
    buttons = group.locator("button")
    assert buttons.all_inner_texts() == ["Mg + 2HCl", "CaCO3 + 2HCl", "Zn + 2HCl", "Mg + H2SO4"]
    assert [b.get_attribute("aria-pressed") for b in buttons.all()] == ["true", "false", "false", "false"]
    assert figure.locator("input[type=range][data-control=reaction]").count() == 0  # not a slider any more
    before_pixels, before_words = pixels(figure), words(figure)
    buttons.nth(1).focus()
    page.keyboard.press("Enter")
    wait_for_new_setting(page, figure, before_words)
    assert pixels(figure) != before_pixels and "CaCO3" in figure.locator(".stemcpd-player-long").text_content()
    assert buttons.nth(1).get_attribute("aria-pressed") == "true" and buttons.nth(0).get_attribute("aria-pressed") == "false"
    assert "Reaction CaCO3 + 2HCl" in figure.locator(".stemcpd-player-status").text_content()
    page.context.close()

    # A page address opens an option by its name.
    page = open_page(browser, target.as_uri() + "#sim=moles&reaction=Zn%20%2B%202HCl", offline=True)
    figure = ready_player(page)
    page.wait_for_function("f => f.querySelector('.stemcpd-player-long').textContent.includes('Zn')",
                           arg=figure.element_handle(), timeout=10_000)
    pressed = figure.locator(".stemcpd-player-choice[data-control=reaction] button[aria-pressed=true]")
    assert pressed.inner_text() == "Zn + 2HCl"
    assert page.errors == [] and page.outside == []
    page.context.close()


def test_offline_file_works_from_disk_with_no_network(tmp_path, browser):
    target = tmp_path / "pendulum.html"
    result = subprocess.run([sys.executable, "-m", "stemcpd", "app", "pendulum", "--html", str(target)],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    assert "MB" in result.stdout and target.is_file()
    page = open_page(browser, target.as_uri(), offline=True)
    figure = ready_player(page)
    before = pixels(figure)
    figure.get_by_role("button", name="Play").click()
    page.wait_for_timeout(600)
    assert pixels(figure) != before
    figure.get_by_role("button", name="Reset").click()
    slider = figure.locator("input[data-control=amplitude_deg]")
    before_words = words(figure)
    slider.focus()
    page.keyboard.press("End")
    wait_for_new_setting(page, figure, before_words)
    assert "170°" in figure.locator(".stemcpd-player-long").text_content()
    assert page.errors == [] and page.outside == []
    page.context.close()
