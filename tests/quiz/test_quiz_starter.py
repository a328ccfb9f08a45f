"""Retrieval starters: seeded choice from the right banks, escaped, print-ready HTML."""

import html
import re
import textwrap
from datetime import datetime, timedelta, timezone
from html.parser import HTMLParser

import pytest

from stemcpd.quiz import load_packaged_bank
from stemcpd.quiz.feedback import Feedback
from stemcpd.cpd.store import ProgressStore
from stemcpd.quiz.starter import banks_from_attempts, choose_questions, retrieval_starter, split_count

PERIODS = {"last_lesson": "energy", "last_week": "electricity", "last_term": "forces-and-motion"}

XSS_BANK = textwrap.dedent(
    """
    topic: xss-test
    title: "Title <b>bold</b>"
    questions:
      - id: payload
        type: multiple_choice
        prompt: "What does <script>alert('x')</script> do?"
        options:
          - text: "<img src=x onerror=alert(1)>"
            correct: true
            feedback: "ok"
          - text: "Nothing & nobody"
            misconception: some-idea
            feedback: "no"
    """
)


def question_items(page):
    questions_page = page.split('<section class="answers">')[0]
    return re.findall(r"<li><span class=\"from\">", questions_page)


def test_split_count():
    assert split_count(5, ["last_lesson", "last_week", "last_term"]) == {"last_lesson": 2, "last_week": 2, "last_term": 1}
    assert split_count(5, ["last_week"]) == {"last_week": 5}


def test_questions_come_from_the_right_banks_in_the_right_numbers():
    chosen = choose_questions(PERIODS, count=5, seed=7)
    assert [(item.period, item.bank.topic) for item in chosen] == [
        ("last_lesson", "energy"), ("last_lesson", "energy"), ("last_week", "electricity"),
        ("last_week", "electricity"), ("last_term", "forces-and-motion")]
    assert len({(item.bank.topic, item.question.id) for item in chosen}) == 5
    assert choose_questions(PERIODS, count=5, seed=7) == chosen
    assert choose_questions(PERIODS, count=5, seed=8) != chosen


def test_a_short_period_passes_its_share_on(tmp_path):
    path = tmp_path / "xss.yaml"
    path.write_text(XSS_BANK, encoding="utf-8")
    chosen = choose_questions({"last_lesson": path, "last_week": "energy"}, count=6, seed=0)
    assert [item.period for item in chosen].count("last_lesson") == 1
    assert len(chosen) == 6


def test_page_has_numbered_questions_lettered_options_and_an_answers_page():
    page = retrieval_starter(PERIODS, count=5, seed=3)
    assert page.startswith("<!DOCTYPE html>")
    assert "break-before: page" in page
    questions_page, answers_page = page.split('<section class="answers">')
    assert len(question_items(page)) == 5
    assert questions_page.count('<ol class="questions">') == 1
    assert ">A.</span>" in questions_page and ">B.</span>" in questions_page
    assert "Last lesson" in questions_page and "Last term" in questions_page
    assert len(re.findall(r"<li><strong>", answers_page)) == 5
    assert "<script" not in page and "<link" not in page and "src=" not in page  # self-contained


def test_answers_match_the_lettered_options():
    chosen = choose_questions({"last_lesson": "pendulum"}, count=3, seed=1)
    page = retrieval_starter({"last_lesson": "pendulum"}, count=3, seed=1)
    answers = page.split('<section class="answers">')[1]
    for item in chosen:
        if hasattr(item.question, "correct_option"):
            assert html.escape(item.question.correct_option.text) in answers


def test_bank_text_is_escaped(tmp_path):
    path = tmp_path / "xss.yaml"
    path.write_text(XSS_BANK, encoding="utf-8")
    page = retrieval_starter({"last_lesson": path}, count=1)
    assert "<script>" not in page and "<img" not in page and "<b>bold" not in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "Nothing &amp; nobody" in page

    tags = []

    class Tags(HTMLParser):
        def handle_starttag(self, tag, attrs):
            tags.append(tag)

    Tags().feed(page)
    assert set(tags) <= {"html", "head", "meta", "title", "style", "body", "main", "section", "h1", "h2", "ol",
                         "li", "span", "p", "strong"}


def test_unknown_period_is_refused():
    with pytest.raises(ValueError, match="unknown period"):
        choose_questions({"yesterday": "energy"})


def test_banks_from_attempts(tmp_path):
    now = datetime(2024, 11, 20, 8, 0, tzinfo=timezone.utc)
    clock_time = [now]
    progress = ProgressStore(tmp_path / "p.sqlite", clock=lambda: clock_time[0])
    right = Feedback(True, 1.0, "ok")
    for days_ago, bank in ((1, "energy"), (1, "energy"), (1, "pendulum"), (8, "electricity"), (40, "forces-and-motion"),
                           (400, "waves-and-light")):
        clock_time[0] = now - timedelta(days=days_ago)
        progress.record_attempt(module="quiz", bank_topic=bank, question_id="q", response=0, feedback=right)
    assert banks_from_attempts(progress.attempts(), now) == {
        "last_lesson": ["energy", "pendulum"], "last_week": ["electricity"], "last_term": ["forces-and-motion"]}


def test_every_question_type_prints_with_its_answer():
    from stemcpd.quiz import load_packaged_bank

    bank = load_packaged_bank("pendulum")
    chosen = choose_questions({"last_lesson": "pendulum"}, count=len(bank), seed=0)
    assert {item.question.id for item in chosen} == {question.id for question in bank}
    page = retrieval_starter({"last_lesson": "pendulum"}, count=len(bank), seed=0)
    answers = page.split('<section class="answers">')[1]
    assert answers.count("<li>") == len(bank)
    assert "Choose all that apply." in page  # multiple select
    assert "period / time period" in answers  # short text
    assert "{length}" not in page  # parameterised: printed with values filled in
