"""Quizzes on the built course site in a real Chromium: a module page's quiz writes
attempts with the module's id and speaks to teachers in their words; the start-here
page routes; and the Review page brings a question back when it is due (the clock is
driven), schedules exactly as ``stemcpd.quiz.schedule`` does, interleaves topics,
fetches only the banks it needs, passes axe in light and dark mode and asks no other
host for anything."""

from datetime import datetime, timedelta, timezone
from types import SimpleNamespace
from urllib.parse import urlparse

import pytest
from axe_playwright_python.sync_playwright import Axe

from stemcpd.quiz import load_packaged_bank
from stemcpd.quiz.diagnostic import load_diagnostic, mark_responses, route
from stemcpd.quiz.schedule import RetrievalSchedule

pytestmark = [pytest.mark.browser, pytest.mark.slow]

START = datetime(2026, 3, 2, 9, 0, tzinfo=timezone.utc)  # a Monday morning


@pytest.fixture
def visit(browser, site_url):
    """A fresh browser context (its own storage) with the clock installed at START;
    yields ``open(path) -> page``. Fails on page errors or a request to another host."""
    context = browser.new_context()
    context.clock.install(time=START)
    errors, hosts, fetched = [], set(), []
    site_host = urlparse(site_url).netloc

    def on_request(request):
        hosts.add(urlparse(request.url).netloc)
        fetched.append(request.url)

    context.on("request", on_request)
    page = context.new_page()
    # The theme writes its Thebe settings script twice per page (a theme issue, not the
    # quiz's): that one error is set aside, any other fails the test.
    page.on("pageerror", lambda error: None if "THEBE_JS_URL" in str(error) else errors.append(str(error)))

    def open_page(path: str):
        page.goto(site_url + path)
        page.wait_for_load_state("load")
        return page

    open_page.page, open_page.fetched, open_page.context = page, fetched, context
    yield open_page
    context.close()
    assert errors == [], errors
    assert hosts <= {site_host, ""}, f"requests to other hosts: {hosts - {site_host}}"


def card(page, question_id):
    return page.locator(f".stemcpd-quiz-question[data-question-id='{question_id}']").first


def answer_choice(page, question_id, option_text, confidence=None):
    question = card(page, question_id)
    question.get_by_label(option_text, exact=True).check()
    if confidence:
        question.get_by_label(confidence, exact=True).check()
    question.locator("button.stemcpd-quiz-check").click()
    return question.locator(".stemcpd-quiz-feedback").inner_text()


def answer_number(page, question_id, text):
    question = card(page, question_id)
    question.locator("input[type=text]").fill(text)
    question.locator("button.stemcpd-quiz-check").click()
    return question.locator(".stemcpd-quiz-feedback").inner_text()


def attempts(page):
    return page.evaluate("() => window.stemcpdStore.attempts()")


def test_a_module_quiz_records_attempts_under_its_module_in_teachers_words(visit):
    page = visit("workbooks/physics-pendulum.html")
    bank = load_packaged_bank("pendulum")
    wrong = bank["period-mass"].options[1]
    shown = answer_choice(page, "period-mass", wrong.text, "Sure")
    assert "Misconception: Heavier swings faster" in shown and "heavier-swings-faster" not in shown
    assert "hypercorrection effect" in shown
    shown = answer_number(page, "period-1m", "2.01 m")
    assert "m measures length; the answer is a time, e.g. in s." in shown
    summary = page.locator(".stemcpd-quiz-summary").first
    assert summary.get_attribute("aria-live") == "polite" and summary.get_attribute("role") == "status"
    assert summary.inner_text().startswith("0 of ")
    assert "Correct" in answer_number(page, "period-1m", "2.01 s")
    assert summary.inner_text().startswith("1 of ")

    stored = attempts(page)
    assert [(a["module"], a["bank_topic"], a["question_id"], a["correct"]) for a in stored] == [
        ("physics-pendulum", "pendulum", "period-mass", False),
        ("physics-pendulum", "pendulum", "period-1m", False),
        ("physics-pendulum", "pendulum", "period-1m", True),
    ]
    assert stored[0]["confidence"] == "sure" and stored[0]["misconception"] == "heavier-swings-faster"
    # The engine is the site's file, loaded once; the quiz fragment does not carry it.
    assert page.evaluate("() => document.querySelectorAll('section.stemcpd-quiz script:not([type])').length") == 0
    page.reload()
    assert card(page, "period-1m").locator("input[type=text]").input_value() == "2.01 s"
    assert card(page, "period-mass").get_by_label("Sure", exact=True).is_checked()


def test_the_needs_analysis_gives_a_route_with_links_and_keeps_it(visit, site_url):
    page = visit("book/start-here.html")
    bank = load_diagnostic()
    answers = {}  # wrong, right, wrong, … on the first six questions
    for question in list(bank)[:6]:
        index = next(i for i, o in enumerate(question.options) if not o.correct) if len(answers) % 2 == 0 else \
            next(i for i, o in enumerate(question.options) if o.correct)
        answers[question.id] = index
        answer_choice(page, question.id, question.options[index].text)
    page.get_by_role("button", name="Which modules first?").click()
    expected = route(mark_responses(answers), {})
    links = page.locator(".stemcpd-needs-route-list li a")
    assert links.all_inner_texts() == [step["title"] for step in expected]
    hrefs = links.evaluate_all("links => links.map(a => a.href)")
    assert hrefs == [site_url + step["href"] for step in expected]
    items = page.locator(".stemcpd-needs-route-list li").all_inner_texts()
    assert items[0] == f"{expected[0]['title']}: {expected[0]['reason']}" and "not right" in items[0]
    saved = page.evaluate("() => window.stemcpdStore.get('needs')")
    assert saved["route"] == expected
    # Every link leads to a real module page.
    for href in hrefs[:2]:
        assert page.request.get(href).status == 200
    page.reload()
    assert page.locator(".stemcpd-needs-route-list li a").all_inner_texts() == [step["title"] for step in expected]
    links.first.click()
    page.wait_for_load_state("load")
    assert page.url == site_url + expected[0]["href"]


def python_schedule(stored, now):
    as_attempts = [SimpleNamespace(id=number, bank_topic=a["bank_topic"], question_id=a["question_id"],
                                   correct=a["correct"], confidence=a["confidence"],
                                   answered_at=datetime.fromisoformat(a["answered_at"].replace("Z", "+00:00")))
                   for number, a in enumerate(stored)]
    return RetrievalSchedule(SimpleNamespace(attempts=lambda: as_attempts))


def test_a_question_answered_on_a_module_page_comes_back_on_the_review_page_when_due(visit):
    page = visit("book/review.html")
    status = page.locator(".stemcpd-review-status")
    status.get_by_text("Nothing to review yet").wait_for()
    assert "No quiz questions are tracked yet" in page.locator(".stemcpd-review-summary").inner_text()

    page = visit("workbooks/physics-pendulum.html")
    bank = load_packaged_bank("pendulum")
    answer_choice(page, "period-mass", bank["period-mass"].options[1].text)  # wrong: back after a minute
    assert "Correct" in answer_number(page, "period-1m", "2.01 s")  # right: back after ten minutes

    page = visit("book/review.html")
    status.get_by_text("Nothing is due now").wait_for()
    assert "today at" in status.inner_text()
    summary = page.locator(".stemcpd-review-summary")
    assert "2 questions tracked from 1 module; 0 due now." in summary.inner_text()
    record_link = summary.get_by_role("link", name="My CPD record")
    assert record_link.get_attribute("href").endswith("book/my-record.html")

    visit.context.clock.fast_forward("00:02:00")  # two minutes later: the wrong answer is due
    page.reload()
    page.locator(".stemcpd-review-item").first.wait_for()
    assert page.locator(".stemcpd-review-item .stemcpd-quiz-question").evaluate_all(
        "cards => cards.map(c => c.dataset.questionId)") == ["period-mass"]
    assert "1 question is due now" in status.inner_text()
    assert page.locator(".stemcpd-review-item .stemcpd-quiz-prompt strong").first.inner_text() == "Q1."

    # Answer it on the Review page: a new attempt under the module it came from.
    shown = answer_choice(page, "period-mass", bank["period-mass"].correct_option.text, "Unsure")
    assert "Correct" in shown
    last = attempts(page)[-1]
    assert (last["module"], last["bank_topic"], last["question_id"], last["correct"], last["confidence"]) == (
        "physics-pendulum", "pendulum", "period-mass", True, "unsure")
    page.get_by_role("button", name="Check what is due now").click()
    status.get_by_text("Nothing is due now").wait_for()

    # Two days on, both are due; the browser's schedule is the Python scheduler's.
    visit.context.clock.fast_forward("48:00:00")
    page.reload()
    page.locator(".stemcpd-review-item").first.wait_for()
    now_ms = page.evaluate("() => Date.now()")
    now = datetime.fromtimestamp(now_ms / 1000, tz=timezone.utc)
    stored = attempts(page)
    expected = python_schedule(stored, now)
    in_browser = page.evaluate("""async () => {
        const index = await (await fetch(document.querySelector("script[src*='stemcpd-review.js']").src
            .replace(/stemcpd-review\\.js.*$/, "stemcpd-quiz-banks/index.json"))).json();
        const cards = window.stemcpdSchedule.replay(window.FSRS, index.schedule, window.stemcpdStore.attempts(), Date.now());
        return window.stemcpdSchedule.upcoming(cards).map(e => [e.bank, e.question, e.due]);
    }""")
    python_due = [(item.bank_id, item.question_id, item.due_at.timestamp() * 1000) for item in expected.next_due(now)]
    assert [(b, q) for b, q, _ in in_browser] == [(b, q) for b, q, _ in python_due]
    assert all(abs(a[2] - b[2]) <= 1 for a, b in zip(in_browser, python_due))
    shown_ids = page.locator(".stemcpd-review-item .stemcpd-quiz-question").evaluate_all(
        "cards => cards.map(c => c.dataset.questionId)")
    assert sorted(shown_ids) == sorted(item.question_id for item in expected.due(now))


def test_review_interleaves_banks_and_fetches_only_the_banks_due(visit):
    page = visit("book/review.html")
    earlier = (START - timedelta(days=30)).isoformat().replace("+00:00", "Z")
    plan = [("physics-pendulum", "pendulum", q.id) for q in list(load_packaged_bank("pendulum"))[:4]]
    plan += [("physics-energy", "energy", q.id) for q in list(load_packaged_bank("energy"))[:2]]
    plan += [("physics-electricity", "electricity", q.id) for q in list(load_packaged_bank("electricity"))[:2]]
    page.evaluate("""([plan, at]) => plan.forEach(([module, bank, id]) => window.stemcpdStore.addAttempt({
        module: module, bank_topic: bank, question_id: id, response: "0", correct: false, score: 0,
        misconception: null, confidence: null, answered_at: at}))""", [plan, earlier])
    before = len(visit.fetched)
    page.reload()
    page.locator(".stemcpd-review-item").first.wait_for()
    banks = page.locator(".stemcpd-review-from").all_inner_texts()
    assert len(banks) == 8
    assert all(first != second for first, second in zip(banks, banks[1:4])), banks  # mixed while the mix allows
    assert set(banks) == {"From: " + load_packaged_bank(topic).title for topic in ("pendulum", "energy", "electricity")}
    bank_files = {url.rsplit("/", 1)[1] for url in visit.fetched[before:] if "/stemcpd-quiz-banks/" in url}
    assert bank_files == {"index.json", "pendulum.json", "energy.json", "electricity.json"}
    assert "8 questions tracked from 3 modules; 8 due now." in page.locator(".stemcpd-review-summary").inner_text()


@pytest.mark.parametrize("path", ["book/start-here.html", "book/review.html"])
@pytest.mark.parametrize("mode", ["light", "dark"])
def test_axe_finds_no_serious_problem(visit, path, mode):
    page = visit("workbooks/physics-pendulum.html")
    answer_choice(page, "period-mass", load_packaged_bank("pendulum")["period-mass"].options[1].text, "Sure")
    visit.context.clock.fast_forward("00:05:00")
    page = visit(path)
    if path.endswith("start-here.html"):
        question = list(load_diagnostic())[0]
        answer_choice(page, question.id, question.options[0].text, "Guess")
        page.get_by_role("button", name="Which modules first?").click()
    else:
        page.locator(".stemcpd-review-item").first.wait_for()
        answer_choice(page, "period-mass", load_packaged_bank("pendulum")["period-mass"].options[1].text)
    page.evaluate("""(mode) => { localStorage.setItem('mode', mode); localStorage.setItem('theme', mode);
        document.documentElement.dataset.mode = mode; document.documentElement.dataset.theme = mode; }""", mode)
    page.wait_for_timeout(300)
    assert page.evaluate("() => document.documentElement.dataset.theme") == mode
    violations = [v for v in Axe().run(page).response["violations"] if v["impact"] in ("serious", "critical")]
    assert violations == [], [(v["id"], [node["target"] for node in v["nodes"][:3]]) for v in violations]
