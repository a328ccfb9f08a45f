"""The technician sheets and the module map on the built course site, in a real Chromium:
the practical-work page shows every required practical's sheet, drawn from the data;
"Print this sheet" prints that sheet alone and "Print all sheets" every one, without the
site's menus; the module map lists every topic and practical, and its sheet links land on
a sheet; a workbook page shows its own sheet with a print button; axe finds no violations
in light or dark mode; nothing is fetched from another host."""

import os
from urllib.parse import urljoin, urlparse

import pytest
from axe_playwright_python.sync_playwright import Axe

from stemcpd.practicals import all_practicals, practicals_for_module
from stemcpd.practicals.curriculum import topics

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PRACTICALS = all_practicals()


@pytest.fixture
def site(request):
    """The built site's address: the session's full build, or (developing against a partial
    build) the address in STEMCPD_PRACTICALS_SITE."""
    return os.environ.get("STEMCPD_PRACTICALS_SITE") or request.getfixturevalue("site_url")


@pytest.fixture
def open_page(browser, site):
    context = browser.new_context()
    errors, hosts = [], set()
    context.on("request", lambda request: hosts.add(urlparse(request.url).netloc))
    page = context.new_page()
    # The theme writes its Thebe settings script twice per page (a theme issue): that one
    # error is set aside, any other fails the test.
    page.on("pageerror", lambda error: errors.append(str(error)))

    def open_(path):
        page.goto(urljoin(site, path))
        # (A function, so that evaluate installs the stub rather than calling it.)
        page.evaluate("() => { window.print = () => { window.__printed = (window.__printed || 0) + 1; }; }")
        return page

    yield open_
    context.close()
    assert [error for error in errors if "THEBE_JS_URL" not in error] == []
    assert hosts <= {urlparse(site).netloc}, hosts


def visible_sheets(page):
    return [sheet.get_attribute("data-practical") for sheet in page.locator(".stemcpd-tech-sheet").all()
            if sheet.is_visible()]


def test_every_sheet_is_on_the_practical_work_page_and_prints_alone(open_page):
    page = open_page("book/practical-work.html")
    assert page.locator(".stemcpd-tech-sheet").count() == len(PRACTICALS)
    for practical in PRACTICALS:
        sheet = page.locator(f"#sheet-{practical.id}")
        assert practical.title in sheet.inner_text()
        assert "Per class of 30" in sheet.inner_text()
    assert page.locator(".stemcpd-tech-sheet button", has_text="Print this sheet").count() == len(PRACTICALS)

    salts = page.locator("#sheet-chemistry-making-salts")
    button = salts.get_by_role("button", name="Print this sheet: Making salts")
    button.focus()
    page.keyboard.press("Enter")
    assert page.evaluate("window.__printed") == 1
    page.emulate_media(media="print")
    assert visible_sheets(page) == ["chemistry-making-salts"]
    assert not page.locator(".bd-sidebar-primary").is_visible()
    assert not page.get_by_role("button", name="Print this sheet: Making salts").is_visible()
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    assert len(visible_sheets(page)) == len(PRACTICALS)  # marks cleared after printing

    page.emulate_media(media="screen")
    page.get_by_role("button", name=f"Print all sheets: {len(PRACTICALS)} technician sheets, one per page").click()
    page.emulate_media(media="print")
    assert len(visible_sheets(page)) == len(PRACTICALS)
    assert not page.locator(".stemcpd-tech-index").is_visible()


def test_the_module_map_shows_every_topic_and_practical_with_its_sheet(open_page):
    page = open_page("book/modules.html")
    rows = page.locator("table.stemcpd-module-map tbody tr")
    assert rows.count() == len(topics()) + len(PRACTICALS)
    for practical in PRACTICALS:
        row = page.locator(f"#map-{practical.id}")
        assert practical.module in row.inner_text()
        assert (practical.simulation or "none yet") in row.inner_text()
    link = page.locator("#map-chemistry-titration a", has_text="Technician sheet")
    link.click()
    page.wait_for_url("**/practical-work.html#sheet-chemistry-titration")
    assert page.locator("#sheet-chemistry-titration").is_visible()


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_the_sheets_and_map_pass_axe(open_page, theme):
    # Every sheet is the same markup from one function, so two sheets (one with solutions,
    # one without), the contents and the print-all button stand for the eighteen: axe on
    # the whole page takes minutes on a shared machine.
    sample = {"include": [["#sheet-physics-specific-heat-capacity"], ["#sheet-chemistry-titration"],
                          [".stemcpd-tech-index"], [".stemcpd-tech-actions"]]}
    for path, context in (("book/practical-work.html", sample), ("book/modules.html", None)):
        page = open_page(path)
        page.evaluate(f"document.documentElement.dataset.theme = '{theme}'")
        results = Axe().run(page, context=context, options={"runOnly": ["wcag2a", "wcag2aa"]})
        assert results.violations_count == 0, results.generate_report()


def test_a_workbook_page_shows_its_own_sheets(open_page, site):
    page = open_page("workbooks/physics-electricity.html")
    if os.environ.get("STEMCPD_PRACTICALS_SITE") and page.locator(".bd-content").count() == 0:
        pytest.skip("this partial build has no physics-electricity page")
    expected = [practical.id for practical in practicals_for_module("physics-electricity")]
    assert [sheet.get_attribute("data-practical") for sheet in page.locator(".stemcpd-tech-sheet").all()] == expected
    page.locator(".stemcpd-tech-sheet").first.get_by_role("button", name="Print this sheet").click()
    page.emulate_media(media="print")
    assert visible_sheets(page) == expected[:1]
