"""The needs analysis on a static page (real Chromium): answering the start-here
questions and pressing "Which modules first?" gives the route Python's
``stemcpd.quiz.diagnostic.route`` gives for the same answers (several answer sets,
with and without confidence), with links and reasons, kept in the browser's record
as ``needs`` and shown again after a reload."""

import functools
import http.server
import threading

import pytest

from stemcpd.course import NeedsAnalysis
from stemcpd.cpd import ProgressStore
from stemcpd.quiz.diagnostic import load_diagnostic, mark_responses, route

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Needs analysis test</title></head>
<body><main>{body}</main></body></html>
"""


@pytest.fixture
def start_here_url(tmp_path):
    analysis = NeedsAnalysis(store=ProgressStore(tmp_path / "progress.sqlite"))
    (tmp_path / "start-here.html").write_text(PAGE.format(body=analysis.static_html()), encoding="utf-8")
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(tmp_path))
    handler.log_message = lambda *args: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/start-here.html"
    server.shutdown()
    server.server_close()


def answer_sets():
    """(question id -> (option index, confidence)) for several kinds of teacher."""
    bank = load_diagnostic()
    right = {q.id: next(i for i, o in enumerate(q.options) if o.correct) for q in bank}
    wrong = {q.id: next(i for i, o in enumerate(q.options) if not o.correct) for q in bank}
    ids = [q.id for q in bank]
    return [
        {qid: (right[qid], None) for qid in ids},  # all right
        {qid: (wrong[qid], None) for qid in ids},  # all wrong
        {**{qid: (right[qid], "sure") for qid in ids[:8]}, ids[3]: (wrong[ids[3]], "sure"),
         ids[10]: (wrong[ids[10]], "guess"), ids[12]: (wrong[ids[12]], None)},  # some confident errors, gaps
        {"na-electrolysis-molten-conducts": (wrong["na-electrolysis-molten-conducts"], "unsure"),
         "na-energetics-bond-breaking": (right["na-energetics-bond-breaking"], None)},  # one module's two questions
        {qid: ((wrong if n % 3 == 0 else right)[qid], ("sure", "unsure", "guess", None)[n % 4]) for n, qid in enumerate(ids)},
    ]


def python_route(answers):
    feedbacks = mark_responses({qid: index for qid, (index, _) in answers.items()})
    return route(feedbacks, {qid: confidence for qid, (_, confidence) in answers.items()})


def answer_on_the_page(page, answers):
    for question_id, (index, confidence) in answers.items():
        card = page.locator(f".stemcpd-quiz-question[data-question-id='{question_id}']")
        card.locator(f".stemcpd-quiz-options input[value='{index}']").check()
        if confidence:
            card.get_by_label(confidence.capitalize(), exact=True).check()
        card.locator("button.stemcpd-quiz-check").click()


def shown_route(page):
    items = page.locator(".stemcpd-needs-route-list li")
    return [(item.locator("a").inner_text(), item.locator("a").get_attribute("href"), item.inner_text())
            for item in items.all()]


def test_route_from_answers_on_the_page_matches_python_and_survives_a_reload(start_here_url, page):
    page.goto(start_here_url)
    button = page.get_by_role("button", name="Which modules first?")
    button.click()
    assert "Answer at least one of the questions" in page.locator(".stemcpd-needs-route-result").inner_text()
    assert page.evaluate("() => window.stemcpdStore.get('needs')") is None

    answers = answer_sets()[2]
    answer_on_the_page(page, answers)
    button.click()
    expected = python_route(answers)
    shown = shown_route(page)
    assert [(title, href) for title, href, _ in shown] == [(step["title"], step["href"]) for step in expected]
    assert [text for _, _, text in shown] == [f"{step['title']}: {step['reason']}" for step in expected]
    saved = page.evaluate("() => window.stemcpdStore.get('needs')")
    assert saved["route"] == expected and saved["answered_at"].endswith("Z")
    # The attempts are the needs analysis's own, as in the live quiz.
    modules = page.evaluate("() => [...new Set(window.stemcpdStore.attempts().map(a => a.module))]")
    assert modules == ["needs-analysis"]

    page.reload()
    assert shown_route(page) == shown
    assert page.locator(".stemcpd-needs-route-result").get_attribute("aria-live") == "polite"


@pytest.mark.parametrize("which", range(5))
def test_browser_route_equals_python_route(start_here_url, page, which):
    answers = answer_sets()[which]
    page.goto(start_here_url)
    answer_on_the_page(page, answers)
    page.get_by_role("button", name="Which modules first?").click()
    assert page.evaluate("() => window.stemcpdStore.get('needs').route") == python_route(answers)
