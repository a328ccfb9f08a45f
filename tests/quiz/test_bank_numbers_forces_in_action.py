"""The forces-in-action bank's numbers agree with the moments, collisions and stopping
models: every numeric answer, and every listed wrong answer, is recomputed from the
prompt's own data; parameterised questions call the models themselves."""

import pytest

from stemcpd.physics.collisions import average_force_n, stuck_together_velocity
from stemcpd.physics.moments import balancing_distance_m, moment_n_m
from stemcpd.physics.stopping import thinking_distance_m
from stemcpd.quiz import load_packaged_bank

G = 9.8  # N/kg, the AQA equation sheet's value


@pytest.fixture(scope="module")
def bank():
    return load_packaged_bank("forces-in-action")


def within(question, model_value):
    return abs(question.answer - model_value) <= question.allowed_difference()


def wrong(question):
    return {round(answer.value, 6) for answer in question.wrong_answers}


def test_moment_on_a_spanner(bank):
    question = bank["moment-on-a-spanner"]
    assert within(question, moment_n_m(40.0, 0.25))
    assert wrong(question) == {round(moment_n_m(40.0, 25.0), 6), round(40.0 / 0.25, 6)}


def test_water_pressure(bank):
    question = bank["water-pressure-at-depth"]
    assert within(question, 2.0 * 1000 * G)
    assert wrong(question) == {2.0 * 1000, 1000 / 2.0}
    assert question.mark("19.6 kPa").correct


def test_trolleys_stick_together(bank):
    question = bank["trolleys-stick-together"]
    assert within(question, stuck_together_velocity(0.5, 1.5, 4.0))
    kinetic_j = 0.5 * 0.5 * 4.0**2
    assert wrong(question) == {4.0, round(0.5 * 4.0 / 1.5, 2), round((2 * kinetic_j / 2.0) ** 0.5, 6)}


def test_air_bag_force(bank):
    question = bank["air-bag-force"]
    assert within(question, abs(average_force_n(60.0, -15.0, 0.5)))
    assert wrong(question) == {60.0 * 15.0, 60.0 * 15.0 * 0.5}


def test_stopping_distance_sum(bank):
    question = bank["stopping-distance-sum"]
    thinking = thinking_distance_m(20.0, 0.6)
    assert within(question, thinking + 25.0)
    assert wrong(question) == {25.0, round(thinking, 6), round(20.0 / 0.6, 1)}


@pytest.mark.parametrize("question_id", ["see-saw-balancing-distance", "common-velocity-any-trolleys",
                                         "braking-distance-any-speed", "ruler-drop-reaction-time"])
def test_parameterised_questions_mark_the_models_answer(bank, question_id):
    question = bank[question_id]
    for seed in range(5):
        instance = question.instance(seed)
        assert question.mark(f"{instance.answer} {question.unit}", seed=seed).correct


def test_see_saw_balance_matches_the_simulation_default():
    assert balancing_distance_m(40.0, 1.5, 60.0) == pytest.approx(1.0)
