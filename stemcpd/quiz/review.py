"""``stemcpd quiz review``: spaced, interleaved retrieval at the terminal, from the CPD record.

The questions due are those the teacher has already answered (anywhere: a
workbook, this command, or the course site's answers imported with ``stemcpd
record import``) whose FSRS card is due now, replayed from the CPD record by
:class:`stemcpd.quiz.schedule.RetrievalSchedule` with the same rules as the site's
Review page (``book/review.md``, ts-fsrs): right and sure comes back later, wrong
comes back soon, sure-but-wrong sooner still. A session takes up to ``size`` of
them round-robin across banks and orders them so no two in a row come from the
same bank when the mix allows (interleaving).

A fresh record has nothing due. Then, and whenever ``new`` is more than 0, the
session adds up to ``new`` questions never answered, drawn across every packaged
bank (seeded, interleaved the same way), so the command is useful on the first
day; the site's Review page shows only due questions (its module pages are where
new questions are met).

Each question is shown as its type shows itself at a terminal
(:meth:`stemcpd.quiz.types.QuestionType.console_lines` and
``console_response``), marked by its type, and stored in the CPD record with the
module it was last answered under (``"quiz"`` for a new one), so the next review
and the site see it.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timezone

from stemcpd.quiz import types
from stemcpd.quiz.bank import Bank, load_packaged_bank, packaged_bank_names
from stemcpd.quiz.feedback import apply_confidence
from stemcpd.quiz.progress import DEFAULT_MODULE
from stemcpd.quiz.schedule import DueQuestion, RetrievalSchedule, interleave

EXCLUDED_BANKS = ("needs-analysis",)
"""Banks not used for review: the needs analysis is a diagnostic, answered once."""

CONFIDENCE_KEYS = {"g": "guess", "guess": "guess", "u": "unsure", "unsure": "unsure", "s": "sure", "sure": "sure"}


class QuitReview(Exception):
    """The teacher ended the session (``q`` or end of input)."""


@dataclass
class ReviewResult:
    """What one session did.

    Attributes:
        asked: Questions shown, as ``(bank topic, question id)``.
        answered: Questions answered and recorded.
        correct: Of those, how many were fully right.
        due_count: Questions due when the session began.
        new_count: New questions added to the session.
        next_due: When the soonest question not yet due comes back, or None.
    """

    asked: list[tuple[str, str]] = field(default_factory=list)
    answered: int = 0
    correct: int = 0
    due_count: int = 0
    new_count: int = 0
    next_due: datetime | None = None


def plan_session(store, now: datetime, size: int = 10, new: int = 0, seed: int = 0,
                 banks: list[str] | None = None) -> tuple[list[DueQuestion], list[DueQuestion]]:
    """The questions of a session: ``(due, new)``, each interleaved by bank.

    Args:
        store: The CPD record (:class:`stemcpd.cpd.store.ProgressStore`).
        now: The moment to schedule for (timezone-aware).
        size: Most due questions.
        new: Most new (never answered) questions; on a record with nothing due at all,
            at least 3 are offered so a first session has something to do.
        seed: Makes the choice of new questions and ties repeatable.
        banks: Only these bank topics; None for every packaged bank but the needs analysis.
    """
    if size < 0 or new < 0:
        raise ValueError("the session size and the number of new questions must be 0 or more")
    wanted = [name for name in (banks or packaged_bank_names()) if name not in EXCLUDED_BANKS]
    schedule = RetrievalSchedule(store)
    due = [item for item in schedule.session(now, size, seed, wanted)
           if _question(item.bank_id, item.question_id) is not None]
    if not due and not schedule.cards(now):
        new = max(new, 3)
    answered = {(attempt.bank_topic, attempt.question_id) for attempt in store.attempts()}
    candidates = [DueQuestion(name, question.id, now) for name in wanted for question in _bank(name)
                  if (name, question.id) not in answered]
    random.Random(seed).shuffle(candidates)
    return due, interleave(candidates, new, seed)


_BANK_CACHE: dict[str, Bank] = {}


def _bank(name: str) -> Bank:
    if name not in _BANK_CACHE:
        _BANK_CACHE[name] = load_packaged_bank(name)
    return _BANK_CACHE[name]


def _question(bank_topic: str, question_id: str):
    try:
        bank = _bank(bank_topic)
    except (FileNotFoundError, ValueError):
        return None  # a topic from an imported record that this version does not ship
    return bank[question_id] if question_id in bank else None


def run_review(store, *, now: datetime | None = None, size: int = 10, new: int = 0, seed: int | None = None,
               banks: list[str] | None = None, ask: Callable[[str], str] | None = None,
               say: Callable[[str], None] | None = None) -> ReviewResult:
    """Run one review session at the terminal.

    Args:
        store: The CPD record; every answer is recorded in it as it is given.
        now: The moment to schedule for; None is now.
        size: Most due questions.
        new: Most new questions (see :func:`plan_session`).
        seed: Repeatable choices and values; None draws a fresh seed.
        banks: Only these bank topics.
        ask: Reads a line after printing a prompt (``input``); raising ``EOFError``
            or answering ``q`` ends the session, keeping what was recorded.
        say: Prints a line (``print``).

    Returns:
        What the session did.
    """
    ask = ask or input
    say = say or print
    now = now or datetime.now(timezone.utc)
    seed = random.randrange(2**32) if seed is None else seed
    due, fresh = plan_session(store, now, size, new, seed, banks)
    result = ReviewResult(due_count=len(due), new_count=len(fresh))
    latest_module = {(attempt.bank_topic, attempt.question_id): attempt.module for attempt in store.attempts()}
    if not due and not fresh:
        say("Nothing is due for review now.")
    elif not due:
        say(f"Nothing is due for review now; here are {len(fresh)} question(s) you have not answered yet, mixed "
            "across topics. Type q to stop at any time; your answers are kept as you go.")
    else:
        parts = [f"{len(due)} due" if due else "", f"{len(fresh)} new" if fresh else ""]
        say(f"Review: {' and '.join(part for part in parts if part)} question(s), mixed across topics. "
            "Type q to stop at any time; your answers are kept as you go.")

    def asking(prompt: str) -> str:
        try:
            typed = ask(prompt)
        except EOFError:
            raise QuitReview from None
        if typed.strip().lower() in ("q", "quit"):
            raise QuitReview
        return typed

    sequence = [(item, "due") for item in due] + [(item, "new") for item in fresh]
    try:
        for number, (item, why) in enumerate(sequence, start=1):
            question = _question(item.bank_id, item.question_id)
            question_type = types.question_type(question)
            question_seed = random.Random(f"{seed}:{item.bank_id}:{item.question_id}").randrange(2**32)
            shown = question_type.shown(question, question_seed)
            result.asked.append((item.bank_id, item.question_id))
            say("")
            say(f"Question {number} of {len(sequence)} · {_bank(item.bank_id).title} ({why})")
            say(shown.prompt)
            for line in question_type.console_lines(question, shown):
                say(line)
            response = question_type.console_response(question, shown, asking, say)
            confidence = None
            if question_type.static_kind != "extended":
                typed = asking("How sure were you? [g]uess, [u]nsure, [s]ure, or Enter to skip: ").strip().lower()
                confidence = CONFIDENCE_KEYS.get(typed)
            feedback = apply_confidence(question_type.mark(question, response, question_seed), confidence)
            verdict = "✓ Correct" if feedback.correct else ("✗ Partly right" if feedback.score > 0 else "✗ Not yet")
            say(f"{verdict}: {feedback.message}")
            if question_type.static_kind == "extended":
                say(f"Model answer: {question.model_answer}")
            store.record_attempt(module=latest_module.get((item.bank_id, item.question_id), DEFAULT_MODULE),
                                 bank_topic=item.bank_id, question_id=item.question_id, response=response,
                                 feedback=feedback, confidence=confidence)
            result.answered += 1
            result.correct += feedback.correct
    except QuitReview:
        say("Stopped; the answers given are kept.")
    upcoming = [entry.due_at for entry in RetrievalSchedule(store).next_due(now) if entry.due_at > now]
    result.next_due = min(upcoming) if upcoming else None
    say("")
    say(f"{result.correct} of {result.answered} answered correctly." if result.answered else "No answers recorded.")
    if result.next_due is not None:
        say(f"The next question comes back {result.next_due.astimezone().strftime('%A %d %B %Y at %H:%M')}.")
    return result


REVIEW_PAGE = "../book/review.html"
"""The site's Review page, relative to a workbook page."""


class ReviewQuiz:
    """A review session in a notebook: the due (and new) questions, one card each, interleaved.

    Each answer is recorded in the CPD record as ``stemcpd quiz review`` records it.
    On the static site the cell shows a pointer to the Review page instead, which
    schedules from the answers kept in the browser.

    Attributes:
        items: The session's questions as ``(DueQuestion, "due" | "new")``.
        quizzes: One :class:`~stemcpd.quiz.render.QuizWidget` per question, in session order.
        widget: The ``VBox`` displayed.
    """

    def __init__(self, store, now: datetime | None = None, size: int = 10, new: int = 0, seed: int | None = None):
        import ipywidgets as widgets

        from stemcpd.quiz.render import QuizWidget

        self.store = store
        now = now or datetime.now(timezone.utc)
        seed = random.randrange(2**32) if seed is None else seed
        due, fresh = plan_session(store, now, size, new, seed)
        self.items = [(item, "due") for item in due] + [(item, "new") for item in fresh]
        modules = {(attempt.bank_topic, attempt.question_id): attempt.module for attempt in store.attempts()}
        self.quizzes = []
        for item, why in self.items:
            bank = _bank(item.bank_id)
            one = Bank(bank.topic, f"{bank.title} ({why})", (bank[item.question_id],), bank.path, bank.source)
            module = modules.get((item.bank_id, item.question_id), DEFAULT_MODULE)
            self.quizzes.append(QuizWidget(one, on_attempt=self._recorder(module), seed=seed, module_id=module))
        heading = (f"<p>{len(due)} question(s) due, {len(fresh)} new, mixed across topics. Your answers are kept in "
                   "your CPD record and schedule the next review.</p>" if self.items else
                   "<p>Nothing is due for review now. Answer the quizzes in the modules; questions come back here "
                   "when they are due.</p>")
        self.widget = widgets.VBox([widgets.HTML(heading), *(quiz.widget for quiz in self.quizzes)])

    def _recorder(self, module: str):
        def record(question, response, feedback, confidence):
            self.store.record_attempt(module=module, bank_topic=question.topic, question_id=question.id,
                                      response=response, feedback=feedback, confidence=confidence)
        return record

    def _repr_mimebundle_(self, **kwargs):
        from stemcpd.ui.static import mimebundle_with_static_fallback

        static = ('<div class="stemcpd-review-pointer"><p>Your spaced review is on the '
                  f'<a href="{REVIEW_PAGE}">Review page</a>: it schedules the questions you have answered on the '
                  "module pages with FSRS, from the answers kept in this browser. In Jupyter this cell shows the "
                  "questions due from your CPD record; at a terminal, run <code>stemcpd quiz review</code>.</p></div>")
        return mimebundle_with_static_fallback(self.widget, static, f"Review: {len(self.items)} question(s)", **kwargs)


def review_quiz(store=None, size: int = 10, new: int = 3, seed: int | None = None) -> ReviewQuiz:
    """Show a review session in a notebook (the workbook's entry point to spaced retrieval).

    Args:
        store: The CPD record; None opens the usual one.
        size: Most due questions.
        new: How many questions not yet answered to add (default 3).
        seed: Repeatable choice of questions.
    """
    from stemcpd.cpd.store import ProgressStore

    return ReviewQuiz(store if store is not None else ProgressStore(), size=size, new=new, seed=seed)
