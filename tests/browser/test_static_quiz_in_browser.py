"""The static (kernel-free) quiz from ``stemcpd.quiz.to_html`` in a real Chromium:
answers marked in the browser with the right feedback, progress kept across a reload,
a hostile bank rendered inert, the browser's numeric marking agreeing with Python's
``NumericQuestion.mark`` on the same typed answers, and an axe-core audit."""

import functools
import http.server
import threading

import pytest
from axe_playwright_python.sync_playwright import Axe

from stemcpd.quiz import Bank, MultipleChoiceQuestion, MultipleSelectQuestion, NumericQuestion, Option, load_bank, load_packaged_bank, to_html
from stemcpd.quiz.static import display_order

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Static quiz test</title></head>
<body><main>{body}</main></body></html>
"""

XSS_BANK = """\
topic: xss-test
title: "<script>window.__xss = 'title'</script> Hostile bank"
questions:
  - id: hostile-choice
    type: multiple_choice
    prompt: >-
      Which? <script>window.__xss = 'prompt'; alert(1)</script> <img src=x onerror="window.__xss='img';alert(2)">
      [click me](javascript:window.__xss='link') "quote' onmouseover="window.__xss='attr'
    options:
      - text: "<img src=x onerror=\\"window.__xss='option'\\">right"
        correct: true
        feedback: "<script>window.__xss='feedback'</script>[x](javascript:alert(1)) `</script><script>window.__xss='code'</script>`"
      - text: "</script><script>window.__xss='json'</script>"
        misconception: heavier-swings-faster
        feedback: "<svg onload=\\"window.__xss='svg'\\"></svg> ![p](javascript:alert(3))"
  - id: hostile-number
    type: numeric
    prompt: "<iframe src=\\"javascript:window.__xss='iframe'\\"></iframe> How long?"
    answer: 2.0
    unit: s
    tolerance: 1%
"""


TYPES_BANK = """\
topic: pendulum-types
title: "Other question types"
questions:
  - id: what-sets-period
    type: multiple_select
    prompt: "Which of these change the period of a pendulum swinging through **small** angles?"
    options:
      - text: "Its length"
        correct: true
        feedback: '$T = 2\\pi\\sqrt{L/g}$: length matters.'
      - text: "The gravitational field strength"
        correct: true
        feedback: "g is in the formula too."
      - text: "The mass of the bob"
        misconception: heavier-swings-faster
        feedback: "Mass cancels out."
      - text: "The amplitude (for small swings)"
        misconception: bigger-swing-takes-longer
        feedback: "For small swings the period hardly changes."
  - id: measure-g-method
    type: ordering
    prompt: "Put the steps for finding g with a pendulum in order."
    steps:
      - "Measure the length from the pivot to the centre of the bob"
      - "Release the bob from a small angle"
      - "Time 10 oscillations"
    explanation: 'The gradient of $T^2$ against $L$ is $4\\pi^2/g$.'
  - id: name-the-time
    type: short_text
    prompt: "What is the time for one complete oscillation called?"
    answers: ["period", "time period"]
"""


def new_types_bank(tmp_path):
    path = tmp_path / "pendulum-types.yaml"
    path.write_text(TYPES_BANK, encoding="utf-8")
    return load_bank(path)


@pytest.fixture
def serve(tmp_path):
    """Write pages into tmp_path and serve them over HTTP on 127.0.0.1."""
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(tmp_path))
    handler.log_message = lambda *args: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    host, port = server.server_address[:2]

    def publish(name: str, body: str) -> str:
        (tmp_path / name).write_text(PAGE.format(body=body), encoding="utf-8")
        return f"http://{host}:{port}/{name}"

    yield publish
    server.shutdown()
    server.server_close()


def card(page, question_id):
    return page.locator(f".stemcpd-quiz-question[data-question-id='{question_id}']")


def check(page, question_id):
    question = card(page, question_id)
    question.locator("button.stemcpd-quiz-check").click()
    return question.locator("[role=status]").inner_text()


def choose(page, question_id, text):
    card(page, question_id).get_by_label(text, exact=True).check()


def answer_number(page, question_id, text):
    box = card(page, question_id).locator("input[type=text]")
    box.fill(text)
    box.press("Enter")
    return card(page, question_id).locator("[role=status]").inner_text()


@pytest.fixture
def pendulum_url(serve):
    return serve("pendulum.html", to_html(load_packaged_bank("pendulum")))


def test_choice_and_numeric_feedback_and_progress_survive_a_reload(pendulum_url, page):
    bank = load_packaged_bank("pendulum")
    page.goto(pendulum_url)

    wrong = bank["period-mass"].options[1]
    choose(page, "period-mass", wrong.text)
    shown = check(page, "period-mass")
    assert "✗" in shown and "Not yet" in shown and "a = F/m" in shown
    # Teachers read the misconception's name and description, never its internal id.
    assert "Misconception: Heavier swings faster" in shown and "heavier bob to swing faster" in shown
    assert "heavier-swings-faster" not in shown
    choose(page, "period-mass", bank["period-mass"].correct_option.text)
    shown = check(page, "period-mass")
    assert "✓" in shown and "Correct" in shown and "Misconception" not in shown

    assert "Correct" in answer_number(page, "period-1m", "2.01 s")
    assert "Correct" in answer_number(page, "period-1m", "2010 ms")
    shown = answer_number(page, "period-1m", "2.01")
    assert "Partly right" in shown and "unit is missing" in shown
    shown = answer_number(page, "period-1m", "2.01 m")
    assert "Not yet" in shown and "m measures length; the answer is a time" in shown
    shown = answer_number(page, "period-1m", "20.1 s")
    assert "Not yet" in shown and "10 times too big" in shown
    shown = answer_number(page, "period-1m", "2.0 s")
    assert "Partly right" in shown and "3 significant figures were expected" in shown
    shown = answer_number(page, "period-1m", "two seconds")
    assert "Start your answer with a number" in shown and 'Answer in the form "number unit"' in shown
    assert "Correct" in answer_number(page, "period-1m", "2.01 s")
    checkable = sum(isinstance(question, (MultipleChoiceQuestion, MultipleSelectQuestion, NumericQuestion))
                    for question in bank)
    summary = page.locator(".stemcpd-quiz-summary")
    assert f"2 of {checkable} checkable questions correct so far" in summary.inner_text()
    # The running score is announced: a polite live region, updated after each check.
    assert summary.get_attribute("role") == "status" and summary.get_attribute("aria-live") == "polite"

    # Every check is an attempt in the browser's record, with the Python store's fields.
    attempts = page.evaluate("() => window.stemcpdStore.attempts()")
    assert len(attempts) == 10
    assert {attempt["module"] for attempt in attempts} == {"pendulum"}  # a standalone quiz: its topic
    first, last = attempts[0], attempts[-1]
    assert (first["bank_topic"], first["question_id"], first["correct"], first["misconception"]) == (
        "pendulum", "period-mass", False, "heavier-swings-faster")
    assert first["response"] == str(bank["period-mass"].options.index(wrong))
    assert (last["question_id"], last["response"], last["correct"], last["score"]) == ("period-1m", "2.01 s", True, 1)
    assert set(first) == {"module", "bank_topic", "question_id", "response", "correct", "score", "misconception",
                          "confidence", "answered_at"}

    page.reload()
    assert card(page, "period-1m").locator("input[type=text]").input_value() == "2.01 s"
    assert "Correct" in card(page, "period-1m").locator("[role=status]").inner_text()
    assert card(page, "period-mass").get_by_label(bank["period-mass"].correct_option.text, exact=True).is_checked()
    assert "Correct" in card(page, "period-mass").locator("[role=status]").inner_text()

    page.get_by_role("button", name="Clear my answers from this page").click()
    assert card(page, "period-1m").locator("input[type=text]").input_value() == ""
    assert card(page, "period-1m").locator("[role=status]").inner_text() == ""
    # Clearing the page keeps the record (it is the teacher's CPD history) and stays clear on return.
    assert len(page.evaluate("() => window.stemcpdStore.attempts()")) == 10
    page.reload()
    assert card(page, "period-1m").locator("input[type=text]").input_value() == ""


def test_confidence_is_recorded_and_a_confident_error_gets_the_hypercorrection_note(pendulum_url, page):
    bank = load_packaged_bank("pendulum")
    page.goto(pendulum_url)
    question = card(page, "period-mass")
    question.get_by_label(bank["period-mass"].options[1].text, exact=True).check()
    question.get_by_label("Sure", exact=True).check()
    shown = check(page, "period-mass")
    assert "Not yet" in shown and "hypercorrection effect" in shown
    attempt = page.evaluate("() => window.stemcpdStore.attempts()[0]")
    assert attempt["confidence"] == "sure" and attempt["correct"] is False
    page.reload()
    assert card(page, "period-mass").get_by_label("Sure", exact=True).is_checked()
    assert "hypercorrection effect" in card(page, "period-mass").locator("[role=status]").inner_text()


def test_answers_kept_under_the_old_keys_move_into_the_record_once(pendulum_url, page):
    page.goto(pendulum_url)
    page.evaluate("""() => { localStorage.setItem('stemcpd-quiz:pendulum:period-1m',
        JSON.stringify({response: '2.01 s', correct: true, score: 1})); }""")
    page.reload()
    assert card(page, "period-1m").locator("input[type=text]").input_value() == "2.01 s"
    assert "Correct" in card(page, "period-1m").locator("[role=status]").inner_text()
    attempts = page.evaluate("() => window.stemcpdStore.attempts()")
    assert [(a["question_id"], a["response"], a["correct"]) for a in attempts] == [("period-1m", "2.01 s", True)]
    assert page.evaluate("() => localStorage.getItem('stemcpd-quiz:pendulum:period-1m')") is None
    page.reload()
    assert len(page.evaluate("() => window.stemcpdStore.attempts()")) == 1


def test_multiple_select_partly_right(serve, page, tmp_path):
    bank = new_types_bank(tmp_path)
    page.goto(serve("types.html", to_html(bank)))
    choose(page, "what-sets-period", "Its length")
    choose(page, "what-sets-period", "The mass of the bob")
    shown = check(page, "what-sets-period")
    assert "Not yet" in shown  # (1 right − 1 wrong) / 2 = 0
    assert "You ticked 'The mass of the bob', which is not right. Mass cancels out." in shown
    assert "You missed 'The gravitational field strength', which is right." in shown
    assert "Misconception: Heavier swings faster" in shown and "heavier-swings-faster" not in shown
    card(page, "what-sets-period").get_by_label("The mass of the bob", exact=True).uncheck()
    shown = check(page, "what-sets-period")
    assert "Partly right" in shown and "1 of 2 right options ticked." in shown
    choose(page, "what-sets-period", "The gravitational field strength")
    shown = check(page, "what-sets-period")
    assert "Correct" in shown and "All 2 right options ticked, and nothing else." in shown
    # The types marked in Python only are readable with their answers behind a disclosure.
    ordering = card(page, "measure-g-method")
    assert ordering.locator("details summary").inner_text() == "Show answer"
    assert ordering.locator("button").count() == 0


def test_a_hostile_bank_renders_inert(serve, page, tmp_path):
    path = tmp_path / "xss-test.yaml"
    path.write_text(XSS_BANK, encoding="utf-8")
    bank = load_bank(path)
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(serve("xss.html", to_html(bank)))
    choose(page, "hostile-choice", "</script><script>window.__xss='json'</script>")
    shown = check(page, "hostile-choice")
    page.locator("details summary").first.click()
    page.locator(".stemcpd-quiz-question").first.hover()
    page.wait_for_timeout(200)

    assert dialogs == []
    assert page.evaluate("() => window.__xss") is None
    text = page.locator("section.stemcpd-quiz").inner_text()
    assert "<script>window.__xss = 'prompt'; alert(1)</script>" in text  # shown as text
    assert "<svg onload=" in shown
    assert page.evaluate("() => document.querySelectorAll('section.stemcpd-quiz script').length") == 3
    assert page.evaluate("() => document.querySelectorAll('section.stemcpd-quiz img, section.stemcpd-quiz iframe,"
                         " section.stemcpd-quiz svg').length") == 0
    hrefs = page.evaluate("() => [...document.querySelectorAll('section.stemcpd-quiz a')].map(a => a.href)")
    assert not any(href.lower().startswith("javascript") for href in hrefs)
    handlers = page.evaluate(
        "() => [...document.querySelectorAll('section.stemcpd-quiz *')]"
        ".flatMap(e => [...e.attributes].map(a => a.name)).filter(n => n.startsWith('on'))")
    assert handlers == []


def test_the_fragment_twice_on_one_page_is_wired_once_each(serve, page):
    bank = load_packaged_bank("pendulum")
    page.goto(serve("twice.html", to_html(bank) + to_html(bank)))
    first, second = page.locator("section.stemcpd-quiz").all()
    first.locator("[data-question-id='period-1m'] input[type=text]").fill("2.01 s")
    first.locator("[data-question-id='period-1m'] button").click()
    assert first.locator("[data-question-id='period-1m'] [role=status]").inner_text().count("Correct") == 1
    assert second.locator("[data-question-id='period-1m'] [role=status]").inner_text() == ""


# Typed answers that exercise every numeric rule and the parser's corners.
TYPED_ANSWERS = [
    "2.01 s", "2.006 s", "2010 ms", "2.01e0 s", "2.01 × 10^0 s", "201 × 10^-2 s", "0.0335 min", "2.01 seconds",
    "2.01", "2.0 s", "2 s", "2.010 s", "20.1 s", "0.201 s", "2010 s", "2.01 m", "2.01 kg", "2.01 ms", "2.01 ms-1",
    "3 s", "1.5 s", "-2.01 s", "2,01 s", "", "   ", "s", "two", "2.01 furlongs", "2.01 s^", "2.01 m/s^2",
    "1e999 s", "2.01 (s", "2.01 s/", "2.01s", "+2.01 s", ".201e1 s", "2.01 S", "x" * 120, "2.01 h", "2.01 μs",
    "9.81 m/s^2", "9.81 m s^-2", "9.81 m/s²", "9.81 m·s⁻²", "9.81 N/kg", "981 cm/s^2", "9.81 m/s", "9.81",
    "98.1 m/s^2", "9.8 m s-2", "9.81 ms^-2", "981", "24.8 cm", "0.248 m", "248 mm", "2.48 m", "0.248",
    "19.2 degree", "19.2 °", "19.2", "0.335 rad", "19.2 degrees", "3.1 %", "3.125 percent", "3.125",
    "25 degC", "298 K", "0.1 mol/dm^3", "0.1 mol dm^-3", "100 mol/m^3", "0.1 M", "0.1 mol/L",
]


UNITS_ONLY_PINT_KNOWS = {"2.01 furlongs", "2.01 S"}
UNREADABLE_UNIT = ("I couldn't read the unit", "I don't recognise the unit")


def numeric_bank():
    questions = (
        NumericQuestion("time", "Period?", 2.006, "s", "1%", 3),
        NumericQuestion("acceleration", "g?", 9.81, "m/s^2", "1%"),
        NumericQuestion("length", "Length?", 0.2485, "m", "1%"),
        NumericQuestion("angle", "Angle?", 19.2, "degree", "2%"),
        NumericQuestion("share", "Share?", 3.125, "percent", "1%"),
        NumericQuestion("temperature", "Temperature?", 298.15, "K", 0.5),
        NumericQuestion("concentration", "Concentration?", 0.1, "mol/dm^3", "2%", 1),
        NumericQuestion("offset", "Celsius?", 25.0, "degC", 0.5),
    )
    return Bank("agreement", "Agreement", questions)


def test_browser_marking_agrees_with_python(serve, page):
    bank = numeric_bank()
    page.goto(serve("agreement.html", to_html(bank)))
    data = page.evaluate("() => JSON.parse(document.querySelector('script.stemcpd-quiz-data').textContent)")
    disagreements = []
    for question in bank:
        question_data = next(entry for entry in data["questions"] if entry["id"] == question.id)
        browser_verdicts = page.evaluate(
            "([data, question, answers]) => answers.map(a => window.stemcpdQuiz.markNumeric(data, question, a))",
            [data, question_data, TYPED_ANSWERS],
        )
        for typed, in_browser in zip(TYPED_ANSWERS, browser_verdicts):
            in_python = question.mark(typed)
            python_verdict = (in_python.correct, in_python.score)
            browser_verdict = (in_browser["correct"], in_browser["score"])
            if typed in UNITS_ONLY_PINT_KNOWS or in_python.message.startswith(UNREADABLE_UNIT):
                # The browser's table holds common units only: it says it cannot read
                # these, while Python names what they measure or why pint refused the
                # syntax; both score them 0.
                same = browser_verdict == python_verdict == (False, 0.0)
            else:
                same = (*browser_verdict, in_browser["misconception"], in_browser["message"]) == (
                    *python_verdict, in_python.misconception, in_python.message)
            if not same:
                disagreements.append((question.id, typed, in_python, in_browser))
    assert disagreements == [], "\n".join(map(str, disagreements))


def test_choice_questions_show_options_in_the_live_quizs_order(serve, page):
    bank = load_packaged_bank("pendulum")
    page.goto(serve("order.html", to_html(bank)))
    for question in bank:
        if isinstance(question, MultipleChoiceQuestion):
            options = card(page, question.id).locator(".stemcpd-quiz-options input[type=radio]")
            values = options.evaluate_all("els => els.map(e => +e.value)")
            assert values == display_order(question)


def test_axe_finds_no_serious_problem(serve, page, tmp_path):
    page.goto(serve("axe.html", to_html(load_packaged_bank("pendulum")) + to_html(new_types_bank(tmp_path))))
    card(page, "period-1m").locator("input[type=text]").fill("2.01")
    card(page, "period-1m").locator("button").click()
    choose(page, "period-mass", load_packaged_bank("pendulum")["period-mass"].options[1].text)
    card(page, "period-mass").locator("button").click()
    page.locator("details summary").first.click()
    violations = [v for v in Axe().run(page).response["violations"] if v["impact"] in ("serious", "critical")]
    assert violations == [], [(v["id"], v["nodes"][0]["target"]) for v in violations]
    # Every control is keyboard-operable and labelled.
    unlabelled = page.evaluate(
        "() => [...document.querySelectorAll('section.stemcpd-quiz input')]"
        ".filter(i => !i.labels || i.labels.length === 0).length")
    assert unlabelled == 0


def test_static_quiz_answered_with_keys_only(pendulum_url, page):
    """Tab reaches the options, arrows choose, Tab reaches the optional confidence and
    then "Check answer", Enter checks; the verdict and running score are announced."""
    bank = load_packaged_bank("pendulum")
    right_index = bank["period-mass"].options.index(bank["period-mass"].correct_option)
    page.goto(pendulum_url)
    focused = "() => { const e = document.activeElement; return e ? [e.name || '', e.value || '', e.textContent.trim()] : null; }"
    for _ in range(40):
        page.keyboard.press("Tab")
        name, _, _ = page.evaluate(focused)
        if name.endswith("-period-mass"):
            break
    else:
        raise AssertionError("Tab never reached the first question's options")
    for _ in range(len(bank["period-mass"].options) + 1):
        if page.evaluate(focused)[1] == str(right_index) and card(page, "period-mass").locator(
                f".stemcpd-quiz-options input[value='{right_index}']").is_checked():
            break
        page.keyboard.press("ArrowDown")
    page.keyboard.press("Tab")
    assert page.evaluate(focused)[0].endswith("-period-mass-confidence")
    page.keyboard.press("Space")  # choose "Guess", then move to "Sure"
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    assert card(page, "period-mass").get_by_label("Sure", exact=True).is_checked()
    page.keyboard.press("Tab")
    assert page.evaluate(focused)[2].startswith("Check answer")
    page.keyboard.press("Enter")
    assert card(page, "period-mass").locator("[role=status]").inner_text().startswith("✓ Correct")
    assert page.locator(".stemcpd-quiz-summary").inner_text().startswith("1 of ")
    attempt = page.evaluate("() => window.stemcpdStore.attempts()[0]")
    assert (attempt["question_id"], attempt["correct"], attempt["confidence"]) == ("period-mass", True, "sure")
