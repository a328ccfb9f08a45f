"""The built course site in a real Chromium: every page loads with nothing fetched from
another host, passes an axe-core audit (light mode; dark mode is in
test_site_themes_in_browser.py) with no serious or critical violation, maths is drawn from
build-time MathML with no maths script, and every image has alt text."""

from urllib.parse import urljoin, urlparse

import pytest
from axe_playwright_python.sync_playwright import Axe

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def site_pages(built_site):
    output, _, _ = built_site
    html_dir = output / "_build" / "html"
    return sorted(
        str(path.relative_to(html_dir)) for path in html_dir.rglob("*.html")
        if not path.name.startswith(("genindex", "search")) and "_static" not in path.parts
    )


def test_every_page_is_self_contained_and_images_have_alt_text(built_site, site_url, browser):
    pages = site_pages(built_site)
    assert "workbooks/physics-pendulum.html" in pages
    page = browser.new_page()
    outside = []
    page.on("request", lambda request: outside.append(request.url)
            if urlparse(request.url).hostname not in ("127.0.0.1", None) and not request.url.startswith("data:")
            else None)
    for relative in pages:
        response = page.goto(urljoin(site_url, relative), wait_until="networkidle")
        assert response.ok, relative
        violations = [v for v in Axe().run(page).response["violations"] if v["impact"] in ("serious", "critical")]
        assert violations == [], f"{relative}: {[(v['id'], v['nodes'][0]['target']) for v in violations]}"
        missing_alt = page.evaluate(
            "() => [...document.images].filter(i => !i.hasAttribute('alt')).map(i => i.src.slice(0, 80))")
        assert missing_alt == [], f"{relative}: images without alt text {missing_alt}"
    assert outside == [], f"requests to other hosts: {sorted(set(outside))}"
    page.close()


def test_maths_is_drawn_as_mathml_without_a_maths_script(site_url, browser):
    page = browser.new_page()
    page.goto(urljoin(site_url, "workbooks/physics-pendulum.html"), wait_until="networkidle")
    formula = page.locator("span.math math").filter(has=page.locator("msqrt")).first
    # T = 2π√(L/g), laid out by the browser: a root drawn taller than one line of text.
    assert formula.get_attribute("alttext").replace(" ", "").startswith("T=2\\pi\\sqrt")
    box = formula.bounding_box()
    assert box and box["width"] > 40 and box["height"] > 10
    assert page.evaluate("() => getComputedStyle(document.querySelector('span.math math')).display") != "none"
    scripts = page.evaluate("() => [...document.scripts].map(s => s.src).filter(Boolean)")
    assert not [src for src in scripts if "mathjax" in src.lower()]
    page.close()


def test_simulation_on_a_static_page_responds_without_a_kernel(site_url, browser):
    page = browser.new_page()
    page.goto(urljoin(site_url, "workbooks/physics-pendulum.html"), wait_until="networkidle")
    figure = page.locator("figure.stemcpd-player").first
    canvas = figure.locator("canvas.stemcpd-player-canvas")
    canvas.wait_for()
    slider = figure.locator("input[data-control=length_m]")
    description = figure.locator(".stemcpd-player-long")
    page.wait_for_function("el => el.textContent.length > 0", arg=description.element_handle())
    before_pixels, before_text = canvas.evaluate("c => c.toDataURL()"), description.text_content()
    assert "1.00 m pendulum" in before_text and slider.get_attribute("aria-valuetext") == "1.00 m"
    slider.focus()
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    value_text = slider.get_attribute("aria-valuetext")
    assert value_text != "1.00 m" and value_text.endswith(" m")
    page.wait_for_function(
        "([el, value]) => el.textContent.includes(value + ' pendulum')", arg=[description.element_handle(), value_text]
    )
    assert canvas.evaluate("c => c.toDataURL()") != before_pixels
    assert figure.locator("output[for$=length_m]").inner_text() == value_text
    status = figure.locator(".stemcpd-player-status")
    assert status.get_attribute("aria-live") == "polite" and status.inner_text().startswith(f"Length {value_text}:")
    page.close()


def test_navigate_to_three_modules_and_answer_the_static_quiz(site_url, browser):
    """Follow the site's own navigation to three modules, then answer the pendulum
    module's quiz on the static page: a multiple-choice and a numeric answer with a unit."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(site_url, wait_until="networkidle")
    for link_text in ("Electricity", "Acids, pH curves", "Pendulums"):
        page.locator("nav.bd-docs-nav a", has_text=link_text).first.click()
        page.wait_for_load_state("networkidle")
        assert link_text.split(",")[0] in page.locator("h1").first.inner_text()
    quiz = page.locator(".stemcpd-quiz").first
    question = quiz.locator('[data-question-id="period-mass"]')
    question.locator('input[value="0"]').check()  # "They have the same period."
    question.locator("button.stemcpd-quiz-check").click()
    question.locator(".stemcpd-quiz-feedback", has_text="Correct").wait_for(timeout=10_000)
    question.locator('input[value="1"]').check()  # heavier swings faster
    question.locator("button.stemcpd-quiz-check").click()
    feedback = question.locator(".stemcpd-quiz-feedback")
    page.wait_for_function(
        "() => document.querySelector('[data-question-id=\"period-mass\"] .stemcpd-quiz-feedback').innerText.includes('Not yet')")
    assert "heavier" in feedback.inner_text().lower()

    numeric = quiz.locator('[data-question-id="period-1m"]')
    numeric.locator("input[type=text]").fill("2010 ms")
    numeric.locator("button.stemcpd-quiz-check").click()
    numeric.locator(".stemcpd-quiz-feedback", has_text="Correct").wait_for(timeout=10_000)
    numeric.locator("input[type=text]").fill("2.01")
    numeric.locator("button.stemcpd-quiz-check").click()
    numeric.locator(".stemcpd-quiz-feedback", has_text="unit").wait_for(timeout=10_000)
    page.close()
