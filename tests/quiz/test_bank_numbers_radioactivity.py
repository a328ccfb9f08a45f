"""The radioactivity bank's numbers agree with the decay model.

Each numeric answer is recomputed from stemcpd.physics.decay (the exponential law,
the activity A = λN, the seeded virtual practical and the half-life fit) and checked
within the question's own tolerance; figures quoted in feedback are checked too.
"""

import math

import numpy as np
import pytest
from scipy.optimize import brentq

from stemcpd.physics.decay import activity, decay_constant, dice_model, fit_half_life, remaining, virtual_practical
from stemcpd.quiz import load_packaged_bank


@pytest.fixture(scope="module")
def bank():
    return load_packaged_bank("radioactivity")


def within(question, model_value):
    return abs(question.answer - model_value) <= question.allowed_difference()


def test_two_half_lives(bank):
    assert remaining(800, 60.0, 120.0) == pytest.approx(200.0)
    assert bank["two-half-lives"].correct_option.text == "200"


def test_time_for_activity_to_fall(bank):
    question = bank["time-for-activity-to-fall"]
    model_time_s = brentq(lambda t: activity(800 / decay_constant(60.0), 60.0, t) - 100.0, 0.0, 1e4, xtol=1e-10)
    assert question.unit == "s"
    assert within(question, model_time_s)
    assert question.mark("3 min").correct


def test_half_life_from_count_rates(bank):
    question = bank["half-life-from-count-rates"]
    model_half_life_s = brentq(lambda half: remaining(320.0, half, 210.0) - 40.0, 1.0, 1e4, xtol=1e-10)
    assert within(question, model_half_life_s)


def test_percentage_left_after_five_half_lives(bank):
    question = bank["percent-left-after-five-half-lives"]
    model_percent = remaining(100.0, 1.0, 5.0)
    assert question.unit == "percent"
    assert within(question, model_percent)


def test_activity_of_a_sample(bank):
    question = bank["activity-of-a-sample"]
    model_activity_bq = activity(1000, 60.0, 0.0)
    assert question.unit == "Bq"
    assert within(question, model_activity_bq)


def test_dice_half_life_quoted(bank):
    half_life_throws = dice_model(100, 20, seed=0).half_life_throws
    assert half_life_throws == pytest.approx(3.8, abs=0.05)
    assert "3.8" in bank["dice-half-life"].correct_option.text
    assert (5 / 6) ** 6 == pytest.approx(0.33, abs=0.005)
    assert (5 / 6) ** 3 == pytest.approx(0.58, abs=0.005)


def test_forgetting_background_lengthens_the_half_life(bank):
    table = virtual_practical(seed=0)
    starts, counts, background = (table.column(name) for name in table.columns)
    interval_s = starts[1] - starts[0]
    corrected = fit_half_life(starts, counts, interval_s, background[0] / interval_s)
    forgotten = fit_half_life(starts, counts, interval_s, 0.0)
    assert "about 5% too long" in bank["forget-background"].correct_option.feedback
    assert (forgotten.half_life_s / corrected.half_life_s - 1) * 100 == pytest.approx(5, abs=1.5)


def test_spread_of_a_hundred_nuclei(bank):
    # "a spread of about ±5 (√25) for 100 nuclei": the binomial standard deviation.
    assert math.sqrt(100 * 0.5 * 0.5) == 5
    assert "±5" in bank["exactly-half-left"].correct_option.feedback
    assert np.isclose(remaining(100, 1.0, 1.0), 50.0)
