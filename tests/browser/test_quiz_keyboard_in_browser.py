"""The recall quiz in the pendulum workbook (Voilà, real Chromium), answered with the
keyboard alone: arrow keys choose an option, Tab reaches "Check answer", Enter checks;
the feedback appears in a live region and the answer is stored in the CPD record."""

from pathlib import Path

import pytest

from stemcpd.quiz import load_packaged_bank

pytestmark = [pytest.mark.browser, pytest.mark.slow]

REPO = Path(__file__).resolve().parents[2]


def tab_until(page, predicate_js: str, limit: int = 15) -> None:
    for _ in range(limit):
        if page.evaluate(predicate_js):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"focus never reached: {predicate_js}")


def test_quiz_answered_with_keys_only(browser, voila_server, isolated_record):
    bank = load_packaged_bank("pendulum")
    right_text = bank["period-mass"].correct_option.text
    url = voila_server(REPO / "workbooks" / "physics-pendulum.ipynb")
    page = browser.new_page(viewport={"width": 1280, "height": 1000})
    page.goto(url, wait_until="domcontentloaded", timeout=120_000)
    first_card = page.locator(".widget-radio-box").first
    first_card.wait_for(state="visible", timeout=120_000)

    # Multiple choice: focus the option group, then arrows until the right option is chosen.
    first_card.locator("input[type=radio]").first.focus()
    page.keyboard.press("Space")
    for _ in range(len(bank["period-mass"].options) + 1):
        checked = page.evaluate(
            "() => { const r = document.querySelector('.widget-radio-box input:checked');"
            " return r ? r.parentElement.textContent.trim() : ''; }")
        if checked == right_text:
            break
        page.keyboard.press("ArrowDown")
    assert checked == right_text
    tab_until(page, "() => document.activeElement && document.activeElement.textContent.trim() === 'Sure'")
    page.keyboard.press("Enter")
    tab_until(page, "() => document.activeElement && document.activeElement.textContent.trim() === 'Check answer'")
    page.keyboard.press("Enter")
    mc_card = first_card.locator("xpath=ancestor::div[contains(@class, 'widget-vbox')][1]")
    page.wait_for_function(
        "(card) => { const s = card.querySelector('[role=status]'); return s && s.innerText.trim().length > 0; }",
        arg=mc_card.element_handle(), timeout=60_000,
    )
    verdict = mc_card.locator("[role=status]").inner_text()
    assert verdict.startswith("✓ Correct"), verdict

    # Numeric: type the value with its unit, Tab to "Check answer", Enter.
    numeric = page.locator("input[placeholder^='e.g.']").first
    card = numeric.locator("xpath=ancestor::div[contains(@class, 'widget-vbox')][1]")
    numeric.focus()
    page.keyboard.type("2.01 s")
    assert numeric.input_value() == "2.01 s"
    tab_until(page, "() => document.activeElement && document.activeElement.textContent.trim() === 'Check answer'")
    page.keyboard.press("Enter")
    # The feedback widget re-renders its HTML, so look it up afresh inside the card.
    page.wait_for_function(
        "(card) => { const s = card.querySelector('[role=status]'); return s && s.innerText.trim().length > 0; }",
        arg=card.element_handle(), timeout=60_000,
    )
    feedback = card.locator("[role=status]").inner_text()
    assert "Correct" in feedback, feedback
    page.close()

    from stemcpd.cpd import ProgressStore

    stored = ProgressStore(isolated_record / "progress.sqlite").attempts("physics-pendulum")
    assert [(a.question_id, a.correct) for a in stored] == [("period-mass", True), ("period-1m", True)]
    assert stored[0].confidence == "sure"
