"""UK quantities typed into a static quiz card in real Chromium (issue 12, item 2): the
issue's examples are marked right, slips are named, and the record keeps the verdict;
the page marks through static_quantity.js, assembled into the engine with its data."""

import pytest

from stemcpd.quiz.bank import Bank
from stemcpd.quiz.questions import NumericQuestion
from stemcpd.quiz.static import to_html
from test_static_quiz_in_browser import answer_number, serve  # noqa: F401  (serve is a fixture)

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def uk_bank():
    return Bank("uk-units", "UK units", (
        NumericQuestion("heat", "Calculate the specific heat capacity of the block.", 993, "J/(kg*K)", "2%"),
        NumericQuestion("angle", "Calculate the angle of refraction in degrees.", 19.2, "degree", "1%"),
        NumericQuestion("energy", "How much energy is transferred?", 125400, "J", "1%"),
        NumericQuestion("current", "What is the current?", 0.1049, "A", "1%", precision_sig_figs=2),
    ))


def test_uk_answers_are_marked_in_the_browser_as_in_python(serve, page):  # noqa: F811
    bank = uk_bank()
    page.goto(serve("uk.html", to_html(bank)))
    typed = [("heat", "993 J/kg °C"), ("heat", "993 J/kg K"), ("angle", "19.2"), ("energy", "125 400 J"),
             ("energy", "125.4 KJ"), ("energy", "125.4 J"), ("current", "0.10 A"), ("current", "0.1 A")]
    for question_id, answer in typed:
        shown = answer_number(page, question_id, answer)
        python = bank[question_id].mark(answer)
        assert python.message in shown, (question_id, answer, shown)
        assert ("Correct" in shown) == python.correct, (question_id, answer, shown)
    assert "small k" in answer_number(page, "energy", "125.4 KJ")
    assert "would be right" not in answer_number(page, "energy", "125.4 J")
    attempts = page.evaluate("() => window.stemcpdStore.attempts()")
    latest = {attempt["question_id"]: attempt for attempt in attempts}
    assert latest["current"]["response"] == "0.1 A" and latest["current"]["score"] == 0.5
