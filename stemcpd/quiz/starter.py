"""Retrieval starters: a few questions from last lesson, last week and last term.

A lesson that opens with low-stakes questions on older material as well as the
last lesson makes pupils retrieve what they were starting to forget, which is
where retrieval does most good (spacing; see the pedagogy-retrieval-practice
workbook). :func:`retrieval_starter` picks the questions (seeded, so the same
call gives the same page) and :func:`starter_html` lays them out as one
self-contained, print-ready HTML page:

* page 1: numbered questions in large type, multiple-choice options lettered
  A, B, C… (in the same seeded order as the quiz widget shows them), each
  labelled with where it comes from ("Last week");
* page 2 (``break-before: page``): the answers, for the teacher.

Everything taken from a bank is passed through :func:`html.escape`; the page
loads nothing from the network and runs no script.

Which banks count as "last lesson" etc. is either given, or read from the CPD
record's attempts by :func:`banks_from_attempts`.
"""

from __future__ import annotations

import html
import random
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from stemcpd.quiz.bank import Bank, Question, load_bank, load_packaged_bank
from stemcpd.quiz.parameterised import ParameterisedNumericQuestion
from stemcpd.quiz.static import display_order
from stemcpd.quiz.questions import (
    ExtendedResponseQuestion,
    MatchingQuestion,
    MultipleChoiceQuestion,
    MultipleSelectQuestion,
    OrderingQuestion,
    ShortTextQuestion,
)

PERIODS = ("last_lesson", "last_week", "last_term")
PERIOD_LABELS = {"last_lesson": "Last lesson", "last_week": "Last week", "last_term": "Last term"}

LAST_WEEK_DAYS = (4, 14)
"""Attempts this many days before ``now`` (inclusive range) count as "last week"."""
LAST_TERM_DAYS = (15, 120)
"""Attempts this many days before ``now`` (inclusive range) count as "last term"."""

LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"

BankReference = Bank | str | Path


@dataclass(frozen=True)
class StarterQuestion:
    """One question on a starter page.

    Attributes:
        period: ``"last_lesson"``, ``"last_week"`` or ``"last_term"``.
        bank: The bank it comes from.
        question: The question.
    """

    period: str
    bank: Bank
    question: Question


def option_order(question: MultipleChoiceQuestion) -> list[int]:
    """Options' display order: the same seeded shuffle as the quiz widget
    (``stemcpd.quiz.render.display_order``, repeated here because render imports
    ipywidgets), so "option B" means the same on paper and on screen."""
    order = list(range(len(question.options)))
    random.Random(f"stemcpd:{question.id}").shuffle(order)
    return order


def resolve_bank(reference: BankReference) -> Bank:
    """A Bank from a Bank, a YAML path, or a packaged bank's name (e.g. ``"energy"``)."""
    if isinstance(reference, Bank):
        return reference
    text = str(reference)
    if isinstance(reference, Path) or text.endswith((".yaml", ".yml")):
        return load_bank(reference)
    return load_packaged_bank(text)


def split_count(count: int, periods: Sequence[str]) -> dict[str, int]:
    """Share ``count`` questions evenly between periods, the remainder to the most recent."""
    if not periods:
        return {}
    share, remainder = divmod(count, len(periods))
    return {period: share + (1 if index < remainder else 0) for index, period in enumerate(periods)}


def choose_questions(
    banks_by_period: Mapping[str, Iterable[BankReference] | BankReference],
    count: int = 5,
    seed: int = 0,
) -> list[StarterQuestion]:
    """Pick ``count`` questions across the periods given, reproducibly.

    Each period gets an even share (the most recent periods get any remainder);
    a period with too few questions passes its shortfall on to the others. The
    result is in period order (last lesson first).

    Args:
        banks_by_period: Period name (see :data:`PERIODS`) to one bank or a list
            of banks (Bank objects, YAML paths or packaged bank names). Periods
            left out or given no banks get no questions.
        count: Number of questions wanted.
        seed: Seed for the choice.

    Raises:
        ValueError: For an unknown period name or a count below 1.
    """
    if count < 1:
        raise ValueError(f"count must be at least 1, got {count!r}")
    unknown = [period for period in banks_by_period if period not in PERIODS]
    if unknown:
        raise ValueError(f"unknown period {unknown[0]!r}; periods are {', '.join(PERIODS)}")
    pools: dict[str, list[tuple[Bank, Question]]] = {}
    for period in PERIODS:
        references = banks_by_period.get(period)
        if references is None:
            continue
        if isinstance(references, (Bank, str, Path)):
            references = [references]
        pool: list[tuple[Bank, Question]] = []
        for bank in (resolve_bank(reference) for reference in references):
            pool.extend((bank, question) for question in bank)
        if pool:
            pools[period] = pool

    generator = random.Random(seed)
    for pool in pools.values():
        generator.shuffle(pool)
    wanted = split_count(count, list(pools))
    taken: dict[str, list[tuple[Bank, Question]]] = {period: [] for period in pools}
    used: set[tuple[str, str]] = set()  # a bank listed under two periods is not asked twice

    def take(period: str, number: int) -> int:
        got = 0
        for bank, question in pools[period]:
            if got == number:
                break
            key = (bank.topic, question.id)
            if key not in used:
                used.add(key)
                taken[period].append((bank, question))
                got += 1
        return got

    shortfall = sum(number - take(period, number) for period, number in wanted.items())
    for period in pools:  # pass any shortfall on, most recent period first
        if shortfall == 0:
            break
        shortfall -= take(period, shortfall)
    return [StarterQuestion(period, bank, question) for period in pools for bank, question in taken[period]]


def banks_from_attempts(attempts: Iterable[Any], now: datetime) -> dict[str, list[str]]:
    """Which banks were studied last lesson, last week and last term, from stored attempts.

    * last lesson: banks answered on the (UTC) day of the most recent attempt at or before ``now``;
    * last week: banks answered :data:`LAST_WEEK_DAYS` days before ``now``;
    * last term: banks answered :data:`LAST_TERM_DAYS` days before ``now``.

    Banks within a period are listed most-answered first. Periods with no
    attempts are left out.
    """
    now = now.astimezone(timezone.utc)
    past = [attempt for attempt in attempts if attempt.answered_at.astimezone(timezone.utc) <= now]
    result: dict[str, list[str]] = {}
    if past:
        last_day = max(attempt.answered_at.astimezone(timezone.utc).date() for attempt in past)
        result["last_lesson"] = _most_answered(
            attempt for attempt in past if attempt.answered_at.astimezone(timezone.utc).date() == last_day
        )
    for period, (nearest, furthest) in (("last_week", LAST_WEEK_DAYS), ("last_term", LAST_TERM_DAYS)):
        start, end = now - timedelta(days=furthest + 1), now - timedelta(days=nearest)
        banks = _most_answered(attempt for attempt in past if start < attempt.answered_at <= end)
        if banks:
            result[period] = banks
    return result


def _most_answered(attempts: Iterable[Any]) -> list[str]:
    counts = Counter(attempt.bank_topic for attempt in attempts)
    return [bank for bank, _ in sorted(counts.items(), key=lambda item: (-item[1], item[0]))]


_STYLE = """
@page { size: A4; margin: 15mm; }
* { box-sizing: border-box; }
body { font-family: Arial, Helvetica, sans-serif; font-size: 24pt; line-height: 1.35;
       color: #000; background: #fff; margin: 0 auto; max-width: 60em; padding: 0 1em; }
h1 { font-size: 32pt; margin: 0.3em 0; }
h2 { font-size: 28pt; margin: 0.3em 0; }
ol.questions > li { margin: 0 0 0.9em 0; break-inside: avoid; }
.from { display: inline-block; font-size: 14pt; border: 1px solid #000; padding: 0 0.4em;
        margin-bottom: 0.2em; }
ol.options { list-style: none; padding-left: 0.5em; margin: 0.3em 0; }
ol.options li { margin: 0.15em 0; }
.letter { font-weight: bold; }
.answer-line { margin-top: 0.4em; }
section.answers { break-before: page; page-break-before: always; font-size: 18pt; }
section.answers li { margin-bottom: 0.6em; }
"""


def _printed(question):
    """The question as printed: a parameterised question becomes its seed-0 instance."""
    return question.instance(0) if isinstance(question, ParameterisedNumericQuestion) else question


def _question_html(item: StarterQuestion) -> str:
    question = _printed(item.question)
    parts = [
        f'<span class="from">{html.escape(PERIOD_LABELS[item.period])} · {html.escape(item.bank.title)}</span>',
        f'<p class="prompt">{html.escape(question.prompt)}</p>',
    ]
    if isinstance(question, (MultipleChoiceQuestion, MultipleSelectQuestion)):
        options = "".join(
            f'<li><span class="letter">{LETTERS[position]}.</span> {html.escape(question.options[index].text)}</li>'
            for position, index in enumerate(option_order(question))
        )
        if isinstance(question, MultipleSelectQuestion):
            parts.append('<p class="answer-line">Choose all that apply.</p>')
        parts.append(f'<ol class="options">{options}</ol>')
    elif isinstance(question, OrderingQuestion):
        shuffled = list(range(len(question.steps)))
        random.Random(f"stemcpd-starter:{question.id}").shuffle(shuffled)
        steps = "".join(
            f'<li><span class="letter">{LETTERS[position]}.</span> {html.escape(question.steps[index])}</li>'
            for position, index in enumerate(shuffled)
        )
        parts.append(f'<ol class="options">{steps}</ol><p class="answer-line">Order: ____________________</p>')
    elif isinstance(question, MatchingQuestion):
        rights = "".join(
            f'<li><span class="letter">{LETTERS[position]}.</span> {html.escape(question.rights[index])}</li>'
            for position, index in enumerate(display_order(question))
        )
        lefts = "".join(f"<li>{html.escape(left)} → ____</li>" for left in question.lefts)
        parts.append(f'<ol class="options">{rights}</ol><ol class="matching">{lefts}</ol>')
    elif isinstance(question, ExtendedResponseQuestion):
        parts.append(f'<p class="answer-line">[{question.marks} marks]</p>'
                     + '<p class="answer-line">____________________________________________</p>' * 4)
    else:
        parts.append('<p class="answer-line">Answer: ____________________</p>')
    return "<li>" + "".join(parts) + "</li>"


def _answer_html(item: StarterQuestion) -> str:
    question = _printed(item.question)
    if isinstance(question, (MultipleChoiceQuestion, MultipleSelectQuestion)):
        order = option_order(question)
        answer = "; ".join(
            f"<strong>{LETTERS[place]}</strong>: {html.escape(question.options[index].text)}"
            for place, index in enumerate(order) if question.options[index].correct
        )
    elif isinstance(question, OrderingQuestion):
        shuffled = list(range(len(question.steps)))
        random.Random(f"stemcpd-starter:{question.id}").shuffle(shuffled)
        answer = "<strong>" + ", ".join(LETTERS[shuffled.index(index)] for index in range(len(question.steps))) + "</strong>"
    elif isinstance(question, ShortTextQuestion):
        answer = "<strong>" + " / ".join(html.escape(text) for text in question.answers) + "</strong>"
    elif isinstance(question, MatchingQuestion):
        order = display_order(question)
        answer = "<strong>" + ", ".join(f"{place + 1}{LETTERS[order.index(place)]}"
                                        for place in range(len(question.pairs))) + "</strong>"
    elif isinstance(question, ExtendedResponseQuestion):
        answer = (f"<strong>Any {question.marks} of:</strong> "
                  + "; ".join(html.escape(point) for point in question.mark_scheme))
    else:
        answer = f"<strong>{html.escape(f'{question.answer:g} {question.unit}')}</strong>"
    return f"<li>{answer}</li>"


def starter_html(questions: Sequence[StarterQuestion], title: str = "Retrieval starter") -> str:
    """The print-ready page: questions, then the answers on a new page.

    Args:
        questions: From :func:`choose_questions`.
        title: Page heading (escaped).
    """
    escaped_title = html.escape(title)
    question_items = "\n".join(_question_html(item) for item in questions)
    answer_items = "\n".join(_answer_html(item) for item in questions)
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en-GB">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escaped_title}</title>\n<style>{_STYLE}</style>\n</head>\n<body>\n"
        f'<main>\n<section class="questions-page">\n<h1>{escaped_title}</h1>\n'
        f'<ol class="questions">\n{question_items}\n</ol>\n</section>\n'
        f'<section class="answers">\n<h2>Answers</h2>\n<ol>\n{answer_items}\n</ol>\n</section>\n'
        "</main>\n</body>\n</html>\n"
    )


def retrieval_starter(
    banks_by_period: Mapping[str, Iterable[BankReference] | BankReference],
    count: int = 5,
    seed: int = 0,
    title: str = "Retrieval starter",
) -> str:
    """Choose ``count`` questions (seeded) and lay them out as a print-ready HTML page.

    Example:
        >>> page = retrieval_starter({"last_lesson": "energy", "last_week": "electricity",
        ...                           "last_term": "forces-and-motion"}, seed=3)  # doctest: +SKIP
    """
    return starter_html(choose_questions(banks_by_period, count, seed), title)


def write_starter(
    path: str | Path,
    banks_by_period: Mapping[str, Iterable[BankReference] | BankReference],
    count: int = 5,
    seed: int = 0,
    title: str = "Retrieval starter",
) -> Path:
    """Write :func:`retrieval_starter`'s page to ``path`` (UTF-8) and return the path."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(retrieval_starter(banks_by_period, count, seed, title), encoding="utf-8")
    return path
