"""The built course site in a real Chromium, for every reader: dark mode passes axe on
every page, every control shows a focus ring, workbook pages show no code, no page is
heavier than 1.5 MB on first load, and every page fits a phone 320 px wide.

(Light mode's axe audit is in test_site_in_browser.py.)"""

from urllib.parse import urljoin, urlparse

import pytest
from axe_playwright_python.sync_playwright import Axe

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PAGE_BUDGET_BYTES = 1.5 * 1024 * 1024


def site_pages(built_site):
    """Every content page of the built site (as test_site_in_browser.py lists them)."""
    html_dir = built_site[0] / "_build" / "html"
    return sorted(
        str(path.relative_to(html_dir)) for path in html_dir.rglob("*.html")
        if not path.name.startswith(("genindex", "search")) and "_static" not in path.parts
    )


def new_page_in_mode(browser, mode: str, **context_options):
    """A page whose site preference is ``mode``, set the way the theme's switch sets it."""
    context = browser.new_context(**context_options)
    context.add_init_script(f"localStorage.setItem('mode', '{mode}'); localStorage.setItem('theme', '{mode}');")
    return context, context.new_page()


def test_every_page_in_dark_mode_has_no_serious_axe_finding(built_site, site_url, browser):
    context, page = new_page_in_mode(browser, "dark")
    findings = {}
    for relative in site_pages(built_site):
        page.goto(urljoin(site_url, relative), wait_until="networkidle")
        assert page.evaluate("document.documentElement.dataset.theme") == "dark", relative
        violations = [v for v in Axe().run(page).response["violations"] if v["impact"] in ("serious", "critical")]
        if violations:
            findings[relative] = [(v["id"], len(v["nodes"]), v["nodes"][0]["target"]) for v in violations]
    context.close()
    assert findings == {}


def test_course_output_sits_on_the_page_background_in_dark_mode(site_url, browser):
    """The quiz heading was light text on the theme's light output panel (1.33:1)."""
    context, page = new_page_in_mode(browser, "dark")
    page.goto(urljoin(site_url, "workbooks/physics-pendulum.html"), wait_until="networkidle")
    colours = page.evaluate("""() => {
        const title = document.querySelector('.stemcpd-quiz h2, .stemcpd-quiz h3, [id$="-title"]');
        let box = title; let background = 'rgba(0, 0, 0, 0)';
        while (box && (background === 'rgba(0, 0, 0, 0)' || background === 'transparent')) {
            background = getComputedStyle(box).backgroundColor; box = box.parentElement; }
        return {text: getComputedStyle(title).color, background,
                page: getComputedStyle(document.body).backgroundColor};
    }""")
    context.close()
    assert colours["background"] == colours["page"]
    assert colours["text"] != colours["background"]


@pytest.mark.parametrize("mode", ["light", "dark"])
def test_sidebar_links_and_header_buttons_show_a_focus_ring(site_url, browser, mode):
    """Tab through the page as a keyboard user does: each of the theme's controls, when it
    has the keyboard, draws a 3 px outline that it does not have otherwise."""
    context, page = new_page_in_mode(browser, mode, viewport={"width": 1280, "height": 900})
    page.goto(urljoin(site_url, "workbooks/physics-pendulum.html"), wait_until="networkidle")
    targets = {
        "sidebar link": "nav.bd-docs-nav a.reference",
        "sidebar toggle": ".bd-header-article button.primary-toggle",
        "download button": ".article-header-buttons .dropdown-download-buttons > button",
        "full screen button": ".article-header-buttons button.btn-fullscreen-button",
        "theme switch": ".article-header-buttons button.theme-switch-button",
    }
    ring = """(selectors) => { const element = document.activeElement; const style = getComputedStyle(element);
        const name = Object.keys(selectors).find(key => element.matches(selectors[key]));
        return {name, outline: style.outlineStyle === 'none' ? 'none' : style.outlineWidth + ' ' + style.outlineColor,
                unfocused: (() => { const copy = element.cloneNode(true); element.parentElement.appendChild(copy);
                    const outline = getComputedStyle(copy).outlineStyle; copy.remove(); return outline; })()}; }"""
    reached = {}
    for _ in range(80):
        page.keyboard.press("Tab")
        focused = page.evaluate(ring, targets)
        if focused["name"] and focused["name"] not in reached:
            reached[focused["name"]] = focused
        if len(reached) == len(targets):
            break
    context.close()
    assert set(reached) == set(targets), f"not reached with Tab: {set(targets) - set(reached)}"
    for name, focused in reached.items():
        assert focused["outline"].startswith("3px"), (name, focused)
        assert focused["unfocused"] == "none", (name, focused)


def test_back_to_top_button_has_readable_contrast_in_both_modes(site_url, browser):
    for mode in ("light", "dark"):
        # The theme shows the button only on screens narrower than 1200 px.
        context, page = new_page_in_mode(browser, mode, viewport={"width": 1000, "height": 700})
        page.goto(urljoin(site_url, "workbooks/physics-pendulum.html"), wait_until="networkidle")
        page.evaluate("window.scrollTo(0, 4000)")
        page.wait_for_timeout(200)
        page.evaluate("window.scrollTo(0, 3000)")  # the theme shows the button while scrolling back up
        button = page.locator("#pst-back-to-top")
        button.wait_for(state="visible", timeout=5000)
        violations = Axe().run(page, context="#pst-back-to-top").response["violations"]
        assert [v["id"] for v in violations if v["id"] == "color-contrast"] == [], mode
        context.close()


def test_workbook_pages_show_no_code(built_site, site_url, browser):
    page = browser.new_page()
    for relative in [p for p in site_pages(built_site) if p.startswith("workbooks/")]:
        page.goto(urljoin(site_url, relative), wait_until="domcontentloaded")
        shown_code = page.locator(".cell_input, div.highlight-ipython3, div.highlight-python").filter(visible=True)
        assert shown_code.count() == 0, relative
        assert page.locator(".cell_output").count() > 0, relative
    page.close()


def test_no_page_is_heavier_than_the_budget_or_fetches_from_another_host(built_site, site_url, browser):
    """Bytes Chromium transfers for each page's first load (cache disabled), from its own
    network events: a behaviour test of the 1.5 MB budget, not a timing test."""
    heavy, outside = {}, set()
    for relative in site_pages(built_site):
        context = browser.new_context()
        page = context.new_page()
        session = context.new_cdp_session(page)
        session.send("Network.enable")
        session.send("Network.setCacheDisabled", {"cacheDisabled": True})
        transferred = {}
        session.on("Network.loadingFinished",
                   lambda event: transferred.__setitem__(event["requestId"], event["encodedDataLength"]))
        page.on("request", lambda request: outside.add(request.url)
                if urlparse(request.url).hostname not in ("127.0.0.1", None) and not request.url.startswith("data:")
                else None)
        page.goto(urljoin(site_url, relative), wait_until="networkidle")
        total = sum(transferred.values())
        assert total > 10_000, f"{relative}: only {total} bytes counted"
        if total > PAGE_BUDGET_BYTES:
            heavy[relative] = round(total / 1024 / 1024, 2)
        context.close()
    assert heavy == {}, f"pages over 1.5 MB on first load (MB): {heavy}"
    assert outside == set()


def test_icons_come_from_the_sites_small_icon_font(site_url, browser):
    page = browser.new_page()
    fonts = []
    page.on("request", lambda request: fonts.append(request.url) if request.resource_type == "font" else None)
    page.goto(urljoin(site_url, "workbooks/physics-pendulum.html"), wait_until="networkidle")
    page.evaluate("document.fonts.ready")
    download_icon = page.locator(".dropdown-download-buttons i.fa-download").first
    assert download_icon.bounding_box()["width"] > 8  # drawn, not an empty box
    assert any("stemcpd-fa-solid-900.woff" in url for url in fonts), fonts
    assert not any("webfonts/fa-solid-900" in url for url in fonts), fonts
    page.close()


def test_search_from_a_page_still_finds_the_module(site_url, browser):
    """Pages no longer load the search index; the search page loads it and finds pages."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(urljoin(site_url, "book/glossary.html"), wait_until="networkidle")
    page.keyboard.press("Control+k")  # the theme's search shortcut opens its search box
    search_box = page.locator("input[name=q]:visible").first
    search_box.fill("pendulum")
    search_box.press("Enter")
    page.wait_for_url("**/search.html?q=pendulum*")
    page.locator("#search-results a", has_text="Pendulums").first.wait_for(timeout=15_000)
    page.close()


@pytest.mark.parametrize("width, height", [(320, 640), (375, 812)])
def test_every_page_fits_a_phone_without_sideways_scrolling(built_site, site_url, browser, width, height):
    context = browser.new_context(viewport={"width": width, "height": height}, is_mobile=True, has_touch=True)
    page = context.new_page()
    too_wide = {}
    for relative in site_pages(built_site):
        page.goto(urljoin(site_url, relative), wait_until="networkidle")
        page_width, window_width = page.evaluate(
            "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
        if page_width > window_width:
            too_wide[relative] = page_width
    context.close()
    assert too_wide == {}, f"pages wider than {width} px: {too_wide}"
