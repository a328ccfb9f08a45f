"""Matching and extended-response questions on the static page, in a real Chromium:
keyboard only, marked as Python marks them, kept in window.stemcpdStore with the
self-assessment, restored after a reload, and an axe-core audit; partial credit and
a diagnosed numeric wrong answer agree with Python too."""

import functools
import http.server
import json
import sys
import threading
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

from stemcpd.quiz import load_bank, to_html

sys.path.insert(0, str(Path(__file__).parents[1] / "quiz"))
from test_quiz_bank_new_fields import NEW_FIELDS_BANK  # noqa: E402

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>New question types</title></head>
<body><main>{body}</main></body></html>
"""


@pytest.fixture
def bank(tmp_path):
    path = tmp_path / "new-fields.yaml"
    path.write_text(NEW_FIELDS_BANK, encoding="utf-8")
    return load_bank(path)


@pytest.fixture
def page_url(tmp_path, bank):
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "quiz.html").write_text(PAGE.format(body=to_html(bank, module="physics-energy")), encoding="utf-8")
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(tmp_path / "site"))
    handler.log_message = lambda *args: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    host, port = server.server_address[:2]
    yield f"http://{host}:{port}/quiz.html"
    server.shutdown()
    server.server_close()


def card(page, question_id):
    return page.locator(f".stemcpd-quiz-question[data-question-id='{question_id}']")


def status(page, question_id):
    return card(page, question_id).locator(".stemcpd-quiz-feedback").inner_text()


def tab_to(page, locator, limit=40):
    """Press Tab until ``locator`` has the focus (keyboard only)."""
    for _ in range(limit):
        if locator.evaluate("element => element === document.activeElement"):
            return
        page.keyboard.press("Tab")
    raise AssertionError("never reached by Tab")


def attempts(page, question_id):
    return [attempt for attempt in page.evaluate("() => window.stemcpdStore.attempts()")
            if attempt["question_id"] == question_id]


def test_matching_by_keyboard_marks_as_python_and_is_restored(page, page_url, bank):
    question = bank["match-quantities"]
    page.goto(page_url)
    selects = card(page, question.id).locator("select.stemcpd-quiz-match")
    assert selects.count() == 3
    # Each drop-down is labelled by its left-hand item.
    assert card(page, question.id).get_by_label("Density").evaluate("element => element.tagName") == "SELECT"
    # Match two right and swap nothing else: choose by keyboard (focus, then type the option's first letters).
    chosen = [1, 0, 2]  # heat capacity -> J/kg (wrong), latent heat -> J/kg °C (wrong), density right
    for left, right in enumerate(chosen):
        select = selects.nth(left)
        tab_to(page, select)
        select.select_option(str(right))  # what the arrow keys do on a focused <select>
    tab_to(page, card(page, question.id).locator("button.stemcpd-quiz-check"))
    page.keyboard.press("Enter")
    shown = status(page, question.id)
    expected = question.mark(chosen)
    assert "Partly right" in shown and "1 of 3 pairs matched correctly." in shown
    for line in expected.message.split("\n")[1:]:
        assert line in shown
    stored = attempts(page, question.id)[-1]
    assert (stored["module"], stored["score"], json.loads(stored["response"])) == ("physics-energy", pytest.approx(expected.score), chosen)

    for left in range(3):
        selects.nth(left).select_option(str(left))
    card(page, question.id).locator("button.stemcpd-quiz-check").click()
    assert "Correct" in status(page, question.id) and "defining equation" in status(page, question.id)
    page.reload()
    assert [selects.nth(left).input_value() for left in range(3)] == ["0", "1", "2"]
    assert "Correct" in status(page, question.id)


def test_extended_response_self_assessment_by_keyboard(page, page_url, bank):
    question = bank["shc-method"]
    page.goto(page_url)
    essay = card(page, question.id)
    scheme = essay.locator("fieldset.stemcpd-quiz-scheme")
    model = essay.locator(".stemcpd-quiz-model-answer")
    assert scheme.is_hidden() and model.is_hidden()
    assert "AQA physics RP 1" in essay.inner_text()

    tab_to(page, essay.locator("textarea"))
    page.keyboard.type("Weigh the block. Heat it with a joulemeter and record the temperature rise.")
    show = essay.get_by_role("button", name="Show mark scheme")
    tab_to(page, show)
    assert show.get_attribute("aria-expanded") == "false"
    page.keyboard.press("Enter")
    assert scheme.is_visible() and essay.get_by_role("button", name="Hide mark scheme").get_attribute("aria-expanded") == "true"
    points = essay.locator("input.stemcpd-quiz-point")
    assert points.nth(0).evaluate("element => element === document.activeElement")  # focus moves to the first point
    page.keyboard.press("Space")  # point 1: mass
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.keyboard.press("Space")  # point 3: temperature rise
    assert [points.nth(index).is_checked() for index in range(4)] == [True, False, True, False]
    tab_to(page, essay.get_by_role("button", name="Record my mark to question 4"))
    page.keyboard.press("Enter")

    shown = status(page, question.id)
    response = {"answer": "Weigh the block. Heat it with a joulemeter and record the temperature rise.", "points": [0, 2]}
    expected = question.mark(response)
    assert "Partly right" in shown and "Self-assessed: 2 of 3 marks (2 of 4 mark-scheme points ticked)." in shown
    assert expected.message.split("\n")[1] in shown
    assert model.is_visible() and "immersion heater" in model.inner_text()
    stored = attempts(page, question.id)[-1]
    assert stored["score"] == pytest.approx(expected.score) and stored["correct"] is False and stored["confidence"] is None
    assert json.loads(stored["response"]) == response

    page.reload()
    assert essay.locator("textarea").input_value() == response["answer"]
    assert scheme.is_visible() and [points.nth(index).is_checked() for index in range(4)] == [True, False, True, False]
    assert model.is_visible() and "Self-assessed: 2 of 3 marks" in status(page, question.id)

    # An empty answer is not marked on ticks alone.
    essay.locator("textarea").fill("   ")
    essay.get_by_role("button", name="Record my mark to question 4").click()
    assert "Write your answer first" in status(page, question.id)


def test_partial_credit_and_a_numeric_wrong_answer_agree_with_python(page, page_url, bank):
    page.goto(page_url)
    choice = bank["best-insulator"]
    card(page, choice.id).get_by_label("A thin polystyrene lid", exact=True).check()
    card(page, choice.id).locator("button.stemcpd-quiz-check").click()
    assert "Partly right" in status(page, choice.id) and "Better than nothing" in status(page, choice.id)
    assert attempts(page, choice.id)[-1]["score"] == choice.mark(1).score == 0.5

    numeric = bank["shc-water-energy"]
    box = card(page, numeric.id).locator("input[type=text]")
    for typed in ("63 kJ", "63000 J", "126 kJ"):
        box.fill(typed)
        box.press("Enter")
        expected = numeric.mark(typed)
        assert expected.message.split(" = ")[0][:20] in status(page, numeric.id)
        assert attempts(page, numeric.id)[-1]["misconception"] == expected.misconception


def test_axe_finds_no_serious_problem_with_the_new_types(page, page_url):
    page.goto(page_url)
    page.get_by_role("button", name="Show mark scheme").click()
    violations = [v for v in Axe().run(page).response["violations"] if v["impact"] in ("serious", "critical")]
    assert violations == [], [(v["id"], v["nodes"][0]["html"]) for v in violations]
