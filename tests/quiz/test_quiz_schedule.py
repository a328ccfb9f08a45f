"""Spaced retrieval: FSRS ratings from answers, replayed from the store, interleaved sessions."""

from datetime import datetime, timedelta, timezone

import pytest
from fsrs import Rating

from stemcpd.quiz.feedback import Feedback
from stemcpd.cpd.store import ProgressStore
from stemcpd.quiz.schedule import (
    CONFIDENT_ERROR_INTERVAL_FACTOR,
    DueQuestion,
    RetrievalSchedule,
    interleave,
    rating_for,
)

RIGHT = Feedback(True, 1.0, "Right.")
WRONG = Feedback(False, 0.0, "Not yet.", "some-idea")
PART_RIGHT = Feedback(False, 0.5, "Unit missing.")
START = datetime(2024, 9, 2, 9, 0, tzinfo=timezone.utc)


class Clock:
    def __init__(self, moment=START):
        self.moment = moment

    def __call__(self):
        return self.moment


@pytest.fixture
def clock():
    return Clock()


class Progress:
    """The CPD store, recording answers by bank as the tests below write them."""

    def __init__(self, store):
        self.store = store

    def record_attempt(self, bank, question_id, response, feedback, confidence=None):
        return self.store.record_attempt(module="quiz", bank_topic=bank, question_id=question_id, response=response,
                                         feedback=feedback, confidence=confidence)

    def attempts(self):
        return self.store.attempts()


@pytest.fixture
def progress(tmp_path, clock):
    with ProgressStore(tmp_path / "progress.sqlite", clock=clock) as store:
        yield Progress(store)


@pytest.mark.parametrize(
    "feedback, confidence, rating",
    [
        (WRONG, None, Rating.Again),
        (WRONG, "sure", Rating.Again),
        (PART_RIGHT, "unsure", Rating.Again),
        (RIGHT, "guess", Rating.Hard),
        (RIGHT, "unsure", Rating.Good),
        (RIGHT, None, Rating.Good),
        (RIGHT, "sure", Rating.Easy),
    ],
)
def test_rating_mapping(feedback, confidence, rating):
    assert rating_for(feedback, confidence) == rating


def due_at(progress, bank, question, now):
    return RetrievalSchedule(progress).cards(now)[(bank, question)].due


def test_wrong_answer_is_due_sooner_than_a_right_one(progress):
    progress.record_attempt("energy", "wrong-one", 0, WRONG, "unsure")
    progress.record_attempt("energy", "right-one", 1, RIGHT, "unsure")
    progress.record_attempt("energy", "right-sure", 1, RIGHT, "sure")
    now = START + timedelta(minutes=1)
    wrong, right, sure = (due_at(progress, "energy", q, now) for q in ("wrong-one", "right-one", "right-sure"))
    assert wrong < right < sure
    assert sure - START >= timedelta(days=1)


def test_confident_error_is_due_no_later_than_an_unconfident_one(progress):
    for confidence in ("guess", "unsure", None):
        progress.record_attempt("forces", f"error-{confidence}", 0, WRONG, confidence)
    progress.record_attempt("forces", "error-sure", 0, WRONG, "sure")
    now = START + timedelta(minutes=1)
    confident = due_at(progress, "forces", "error-sure", now)
    for confidence in ("guess", "unsure", None):
        unconfident = due_at(progress, "forces", f"error-{confidence}", now)
        assert confident <= unconfident
        assert confident - START == (unconfident - START) * CONFIDENT_ERROR_INTERVAL_FACTOR


def test_confident_error_after_a_review_is_also_sooner(progress, clock):
    for question in ("a", "b"):
        progress.record_attempt("waves", question, 1, RIGHT, "sure")  # straight to review
    clock.moment = START + timedelta(days=10)
    progress.record_attempt("waves", "a", 0, WRONG, "sure")
    progress.record_attempt("waves", "b", 0, WRONG, "unsure")
    now = clock.moment
    assert due_at(progress, "waves", "a", now) < due_at(progress, "waves", "b", now)


def test_due_lists_only_answered_questions_that_are_due(progress, clock):
    progress.record_attempt("energy", "missed", 0, WRONG)
    progress.record_attempt("energy", "known", 1, RIGHT, "sure")
    progress.record_attempt("pendulum", "missed-too", 0, WRONG)
    schedule = RetrievalSchedule(progress)
    assert schedule.due(START) == []
    later = START + timedelta(hours=1)
    assert [(d.bank_id, d.question_id) for d in schedule.due(later)] == [
        ("energy", "missed"), ("pendulum", "missed-too")]
    assert [d.question_id for d in schedule.due(later, banks=["pendulum"])] == ["missed-too"]
    assert {d.question_id for d in schedule.due(START + timedelta(days=60))} == {"missed", "known", "missed-too"}


def test_replay_is_deterministic_and_ignores_the_future(progress, clock):
    for day in range(5):
        clock.moment = START + timedelta(days=day)
        progress.record_attempt("energy", "q1", 0, RIGHT if day % 2 else WRONG, "unsure")
        progress.record_attempt("pendulum", "q2", 0, RIGHT, "guess")
    now = START + timedelta(days=30)
    first = RetrievalSchedule(progress).cards(now)
    second = RetrievalSchedule(progress).cards(now)
    assert {key: card.to_dict() for key, card in first.items()} == {key: card.to_dict() for key, card in second.items()}
    early = RetrievalSchedule(progress).cards(START + timedelta(hours=1))
    assert early[("energy", "q1")].last_review == START
    assert RetrievalSchedule(progress).session(now, seed=4) == RetrievalSchedule(progress).session(now, seed=4)


def no_two_in_a_row(items):
    return all(a.bank_id != b.bank_id for a, b in zip(items, items[1:]))


def test_session_interleaves_topics(progress):
    for bank, count in (("energy", 6), ("pendulum", 3), ("waves", 3)):
        for number in range(count):
            progress.record_attempt(bank, f"{bank}-{number}", 0, WRONG)
    now = START + timedelta(hours=1)
    schedule = RetrievalSchedule(progress)
    for seed in range(5):
        session = schedule.session(now, size=10, seed=seed)
        assert len(session) == 10
        assert no_two_in_a_row(session)
        assert {item.bank_id for item in session} == {"energy", "pendulum", "waves"}
    assert schedule.session(now, size=3)[0].bank_id != schedule.session(now, size=3)[1].bank_id


def test_interleave_avoids_repeats_whenever_possible():
    moment = START
    items = [DueQuestion("a", f"a{n}", moment) for n in range(4)] + [DueQuestion("b", f"b{n}", moment) for n in range(3)]
    ordered = interleave(items, size=7, seed=1)
    assert [item.bank_id for item in ordered] == ["a", "b", "a", "b", "a", "b", "a"]
    only_one_bank = interleave([DueQuestion("a", f"a{n}", moment) for n in range(3)], size=5)
    assert len(only_one_bank) == 3
    assert interleave(items, size=0) == []
