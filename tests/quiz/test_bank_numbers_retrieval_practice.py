"""The retrieval-practice bank's numbers agree with the physics models.

The bank's numeric questions are hinge questions from physics lessons; each answer is
recomputed from the model function that produces it and checked within the question's
own tolerance. Numbers quoted in the pendulum hinge question's feedback are checked too.

Two values of g, each stated in its prompt: GCSE calculations (trolley, projectile) take
the AQA equation sheet's 9.8 N/kg; pendulum periods (T = 2π√(L/g), A level) take the
A-level data sheet's 9.81 N/kg, the value the pendulum app uses.
"""

import pytest

from stemcpd.physics.motion import acceleration
from stemcpd.physics.pendulum import GRAVITY_PRESETS_M_S2, period, small_angle_period
from stemcpd.physics.projectile import flight
from stemcpd.quiz import NumericQuestion, load_packaged_bank

G_IN_QUESTIONS_N_PER_KG = 9.81  # pendulum questions (A level)
G_GCSE_N_PER_KG = 9.8  # the AQA GCSE equation sheet


@pytest.fixture(scope="module")
def bank():
    return load_packaged_bank("retrieval-practice")


def assert_matches_model(question, model_value, unit):
    assert question.unit == unit
    assert abs(question.answer - model_value) <= question.allowed_difference()
    assert question.mark(f"{model_value:.3g} {unit}").correct


def test_quarter_metre_pendulum_period(bank):
    assert_matches_model(bank["hinge-quarter-metre-period"], small_angle_period(0.25, g=G_IN_QUESTIONS_N_PER_KG), "s")


def test_moon_pendulum_period(bank):
    assert GRAVITY_PRESETS_M_S2["Moon"] == pytest.approx(1.62)  # the app's preset, quoted in the prompt
    assert_matches_model(bank["hinge-moon-period"], small_angle_period(1.0, g=GRAVITY_PRESETS_M_S2["Moon"]), "s")


def test_sixty_degree_release_period(bank):
    assert_matches_model(bank["hinge-sixty-degree-period"], period(1.0, 60.0, g=G_IN_QUESTIONS_N_PER_KG), "s")


def test_horizontal_throw_time(bank):
    question = bank["hinge-horizontal-throw-time"]
    assert "Take g = 9.8 N/kg" in " ".join(question.prompt.split())
    throw = flight(10.0, 0.0, height=5.0, g=G_GCSE_N_PER_KG)
    assert_matches_model(question, throw.time_of_flight, "s")
    assert question.answer == round((2 * 5.0 / G_GCSE_N_PER_KG) ** 0.5, 3)  # 1.010 s from the prompt's data
    # the time to fall does not depend on the horizontal speed
    assert flight(20.0, 0.0, height=5.0).time_of_flight == pytest.approx(throw.time_of_flight, rel=1e-3)


def test_trolley_acceleration(bank):
    question = bank["hinge-trolley-acceleration"]
    assert "Take g = 9.8 N/kg" in " ".join(question.prompt.split())
    assert_matches_model(question, acceleration(0.90, 0.10, g=G_GCSE_N_PER_KG), "m/s^2")
    assert question.answer == round(0.10 * G_GCSE_N_PER_KG / (0.90 + 0.10), 3)  # 0.980 m/s²


def test_pendulum_questions_state_their_g_and_the_a_level_formula(bank):
    for question_id in ("hinge-quarter-metre-period", "hinge-sixty-degree-period"):
        prompt = " ".join(bank[question_id].prompt.split())
        assert "Take g = 9.81 N/kg, the A-level data-sheet value" in prompt
        assert "Beyond GCSE" in prompt
    assert bank["hinge-quarter-metre-period"].answer == round(small_angle_period(0.25, g=9.81), 3)


def test_pendulum_hinge_feedback_numbers(bank):
    question = bank["pendulum-hinge-question"]
    assert "four times as long" in question.correct_option.text
    assert small_angle_period(4.0) / small_angle_period(1.0) == pytest.approx(2.0)
    assert "T ≈ 4.0 s" in question.correct_option.feedback
    assert small_angle_period(4.0, g=G_IN_QUESTIONS_N_PER_KG) == pytest.approx(4.0, abs=0.05)
    amplitude_feedback = next(o.feedback for o in question.options if o.misconception == "bigger-swing-takes-longer")
    assert "from 10° to 20° it changes by well under 1%" in " ".join(amplitude_feedback.split())
    assert (period(1.0, 20.0) / period(1.0, 10.0) - 1) * 100 < 1.0


def test_every_numeric_answer_is_checked_here(bank):
    checked = {
        "hinge-quarter-metre-period", "hinge-moon-period", "hinge-sixty-degree-period",
        "hinge-horizontal-throw-time", "hinge-trolley-acceleration",
    }
    assert {q.id for q in bank if isinstance(q, NumericQuestion)} == checked
