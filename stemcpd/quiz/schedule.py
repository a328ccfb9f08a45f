"""Spaced retrieval: when each question should come back, from the answers so far.

Each (bank, question) has one FSRS card (the ``fsrs`` package, the Free Spaced
Repetition Scheduler, version 6). Cards are not stored: they are rebuilt by
replaying the stored attempts in time order through a scheduler with fuzzing
off, so the same attempts always give the same schedule and there are no new
tables to migrate or keep in step with the record.

How an attempt becomes an FSRS rating (:func:`rating_for`):

====================  =========================  =========================
answer                confidence                 rating
====================  =========================  =========================
wrong (or part-right) any                        Again
right                 ``"guess"``                Hard
right                 ``"unsure"`` or not given  Good
right                 ``"sure"``                 Easy
====================  =========================  =========================

A **confident error** (wrong and ``"sure"``) is rated Again like any other
error, and then the interval FSRS gives it is multiplied by
:data:`CONFIDENT_ERROR_INTERVAL_FACTOR` (0.5): the card's ``due`` is moved to
``review time + 0.5 × interval``. The memory model (stability, difficulty) is
left as FSRS computed it; only the next showing comes sooner. A wrong answer
held with confidence is usually a misconception, not a slip, and is the one most
worth retrieving again soon after the feedback (the "hypercorrection" effect:
Butterfield & Metcalfe, 2001).

A part-right answer (e.g. the right number without its unit) is not correct,
so it is rated Again: retrieval that needed correcting is treated as a lapse.

Only attempts answered at or before ``now`` are replayed, so a schedule can be
asked "as of" any moment (tests use a fixed clock).
"""

from __future__ import annotations

import hashlib
import random
from collections import defaultdict
from collections.abc import Iterable
from datetime import datetime, timedelta, timezone
from typing import Any, NamedTuple, Protocol

from fsrs import Card, Rating, Scheduler

CONFIDENT_ERROR_INTERVAL_FACTOR = 0.5
"""A confident error's next interval, as a fraction of an ordinary error's."""


class DueQuestion(NamedTuple):
    """A question to retrieve: which bank, which question, and since when it has been due."""

    bank_id: str
    question_id: str
    due_at: datetime


class _AttemptLike(Protocol):
    id: int
    bank_topic: str
    question_id: str
    correct: bool
    confidence: str | None
    answered_at: datetime


def rating_for(feedback: Any, confidence: str | None = None) -> Rating:
    """The FSRS rating of one answer (see the table in this module's docstring).

    Args:
        feedback: Anything with ``.correct`` (a Feedback or a stored Attempt).
        confidence: ``"guess"``, ``"unsure"``, ``"sure"`` or None.
    """
    if not feedback.correct:
        return Rating.Again
    return {"guess": Rating.Hard, "sure": Rating.Easy}.get(confidence, Rating.Good)


def is_confident_error(feedback: Any, confidence: str | None) -> bool:
    """Whether an answer was wrong although the learner was sure."""
    return not feedback.correct and confidence == "sure"


def new_scheduler() -> Scheduler:
    """The FSRS scheduler used for replay: default parameters, fuzzing off (deterministic)."""
    return Scheduler(enable_fuzzing=False)


def _card_id(bank_id: str, question_id: str) -> int:
    # Stable across runs (fsrs would otherwise use the creation time).
    digest = hashlib.sha256(f"{bank_id}\0{question_id}".encode("utf-8")).digest()
    return int.from_bytes(digest[:7], "big")


def _as_utc(moment: datetime) -> datetime:
    if moment.tzinfo is None:
        raise ValueError(f"times must be timezone-aware, got {moment!r}")
    return moment.astimezone(timezone.utc)


def replay(attempts: Iterable[_AttemptLike], now: datetime | None = None) -> dict[tuple[str, str], Card]:
    """Rebuild one FSRS card per (bank, question) from stored attempts.

    Args:
        attempts: Stored attempts (any order; replayed by time, then id).
        now: Ignore attempts answered after this moment; None replays all.

    Returns:
        ``{(bank_id, question_id): Card}``.
    """
    scheduler = new_scheduler()
    limit = _as_utc(now) if now is not None else None
    ordered = sorted(attempts, key=lambda attempt: (_as_utc(attempt.answered_at), attempt.id))
    cards: dict[tuple[str, str], Card] = {}
    for attempt in ordered:
        answered_at = _as_utc(attempt.answered_at)
        if limit is not None and answered_at > limit:
            continue
        key = (attempt.bank_topic, attempt.question_id)
        card = cards.get(key) or Card(card_id=_card_id(*key), due=answered_at)
        card, _ = scheduler.review_card(card, rating_for(attempt, attempt.confidence), answered_at)
        if is_confident_error(attempt, attempt.confidence):
            card.due = answered_at + (card.due - answered_at) * CONFIDENT_ERROR_INTERVAL_FACTOR
        cards[key] = card
    return cards


class RetrievalSchedule:
    """What to retrieve next, derived from a progress store's attempts.

    Args:
        store: A :class:`stemcpd.quiz.progress.ProgressStore` or a
            :class:`stemcpd.cpd.store.ProgressStore` (anything whose
            ``attempts()`` returns stored attempts).
    """

    def __init__(self, store: Any) -> None:
        self.store = store

    def cards(self, now: datetime | None = None) -> dict[tuple[str, str], Card]:
        """The replayed card of every question answered (by ``now`` if given)."""
        return replay(self.store.attempts(), now)

    def due(self, now: datetime, banks: Iterable[str] | None = None) -> list[DueQuestion]:
        """Questions due at ``now``, most overdue first.

        Only questions already answered at least once have a card; a question
        never seen is new, not due.

        Args:
            now: The moment to schedule for (timezone-aware).
            banks: Only these bank ids; None for all.
        """
        now = _as_utc(now)
        wanted = set(banks) if banks is not None else None
        due = [
            DueQuestion(bank_id, question_id, card.due)
            for (bank_id, question_id), card in self.cards(now).items()
            if card.due <= now and (wanted is None or bank_id in wanted)
        ]
        return sorted(due, key=lambda item: (item.due_at, item.bank_id, item.question_id))

    def next_due(self, now: datetime, banks: Iterable[str] | None = None) -> list[DueQuestion]:
        """Every answered question with its due time (past or future), soonest first."""
        now = _as_utc(now)
        wanted = set(banks) if banks is not None else None
        items = [
            DueQuestion(bank_id, question_id, card.due)
            for (bank_id, question_id), card in self.cards(now).items()
            if wanted is None or bank_id in wanted
        ]
        return sorted(items, key=lambda item: (item.due_at, item.bank_id, item.question_id))

    def session(
        self, now: datetime, size: int = 10, seed: int = 0, banks: Iterable[str] | None = None
    ) -> list[DueQuestion]:
        """A retrieval session of up to ``size`` due questions, interleaved by topic.

        Questions are chosen round-robin across banks (each bank's most overdue
        first), so a session mixes topics rather than draining one; they are then
        ordered so that no two consecutive questions come from the same bank
        whenever the mix allows it. ``seed`` breaks ties, reproducibly.

        Args:
            now: The moment to schedule for (timezone-aware).
            size: Most questions in the session.
            seed: Seed for the tie-breaking shuffle.
            banks: Only these bank ids; None for all.
        """
        if size < 0:
            raise ValueError(f"size must be 0 or more, got {size!r}")
        return interleave(self.due(now, banks), size, seed)


def interleave(items: Iterable[DueQuestion], size: int, seed: int = 0) -> list[DueQuestion]:
    """Pick up to ``size`` items round-robin by bank and order them with no bank twice in a row if possible.

    Args:
        items: Candidate questions.
        size: Most items returned.
        seed: Breaks ties between equally overdue items and equally full banks.
    """
    generator = random.Random(seed)
    by_bank: dict[str, list[DueQuestion]] = defaultdict(list)
    for item in items:
        by_bank[item.bank_id].append(item)
    for queue in by_bank.values():
        generator.shuffle(queue)  # then a stable sort: ties stay in shuffled order
        queue.sort(key=lambda item: item.due_at)

    # Choose: one from each bank per round, banks with the most overdue item first.
    chosen: dict[str, list[DueQuestion]] = defaultdict(list)
    bank_order = sorted(by_bank, key=lambda bank: (by_bank[bank][0].due_at, bank))
    remaining = size
    position = 0
    while remaining > 0 and any(position < len(by_bank[bank]) for bank in bank_order):
        for bank in bank_order:
            if remaining > 0 and position < len(by_bank[bank]):
                chosen[bank].append(by_bank[bank][position])
                remaining -= 1
        position += 1

    # Order: always take from the bank with most left that is not the previous
    # one; this avoids repeats whenever any arrangement can.
    tie_breaker = {bank: generator.random() for bank in chosen}
    ordered: list[DueQuestion] = []
    previous: str | None = None
    while any(chosen.values()):
        candidates = [bank for bank, queue in chosen.items() if queue and bank != previous]
        if not candidates:  # only the previous bank has questions left
            candidates = [previous]
        bank = max(candidates, key=lambda name: (len(chosen[name]), tie_breaker[name]))
        ordered.append(chosen[bank].pop(0))
        previous = bank
    return ordered


def days_until_due(card: Card, now: datetime) -> float:
    """Days from ``now`` until a card is due (negative if overdue)."""
    return (card.due - _as_utc(now)) / timedelta(days=1)


class _Verdict(NamedTuple):
    correct: bool


def _steps_text(steps) -> list[str]:
    # ts-fsrs writes steps as "1m", "10m", "1h", "1d"; whole minutes are exact for both.
    minutes = [step / timedelta(minutes=1) for step in steps]
    if any(not value.is_integer() for value in minutes):
        raise ValueError(f"learning steps must be whole minutes to be the same in the browser, got {steps!r}")
    return [f"{int(value)}m" for value in minutes]


def browser_parameters() -> dict[str, Any]:
    """The scheduler's settings for the browser (the Review page's ts-fsrs), read from
    :func:`new_scheduler` so both sides schedule with the same FSRS-6 weights,
    retention, maximum interval, learning steps and no fuzz, and the same rating
    table and confident-error factor."""
    scheduler = new_scheduler()
    return {
        "w": [float(weight) for weight in scheduler.parameters],
        "request_retention": float(scheduler.desired_retention),
        "maximum_interval": int(scheduler.maximum_interval),
        "enable_fuzz": bool(scheduler.enable_fuzzing),
        "enable_short_term": True,
        "learning_steps": _steps_text(scheduler.learning_steps),
        "relearning_steps": _steps_text(scheduler.relearning_steps),
        "confidentErrorIntervalFactor": CONFIDENT_ERROR_INTERVAL_FACTOR,
        # rating_for's table: any wrong answer, then a right one by its confidence.
        "ratings": {
            "wrong": rating_for(_Verdict(False)).name,
            **{str(confidence).lower(): rating_for(_Verdict(True), confidence).name
               for confidence in ("guess", "unsure", "sure", None)},
        },
        "sessionSize": SESSION_SIZE,
    }


SESSION_SIZE = 10
"""Questions in one Review-page round (``RetrievalSchedule.session``'s default size)."""
