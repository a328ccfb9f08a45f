"""The forces-and-motion bank's numbers agree with the motion and projectile models.

Every numeric answer is recomputed from the model function that produces it and
checked within the question's own tolerance; numbers quoted in feedback are checked
too.
"""

import pytest

from stemcpd.physics.motion import acceleration, terminal_velocity
from stemcpd.physics.projectile import flight
from stemcpd.quiz import NumericQuestion, load_packaged_bank

G_IN_QUESTIONS_N_PER_KG = 9.8  # the AQA GCSE equation sheet's value, stated in every prompt


@pytest.fixture(scope="module")
def bank():
    return load_packaged_bank("forces-and-motion")


def assert_matches_model(question, model_value, unit):
    assert question.unit == unit
    assert abs(question.answer - model_value) <= question.allowed_difference()
    assert question.mark(f"{model_value:.3g} {unit}").correct


def test_every_g_in_the_bank_is_the_aqa_value(bank):
    for question in bank:
        text = " ".join(question.prompt.split())
        if "g =" in text:
            assert "g = 9.8 N/kg" in text and "9.81" not in text, question.id
    assert "changes by 9.8 m/s every second" in " ".join(bank["forces-at-top-of-flight"].correct_option.feedback.split())


def test_trolley_acceleration(bank):
    model_value = acceleration(0.90, 0.10, friction_n=0.0, g=G_IN_QUESTIONS_N_PER_KG)
    assert_matches_model(bank["trolley-acceleration"], model_value, "m/s^2")
    assert bank["trolley-acceleration"].answer == round(0.10 * 9.8 / (0.90 + 0.10), 3)  # 0.980


def test_trolley_acceleration_with_friction(bank):
    model_value = acceleration(0.90, 0.10, friction_n=0.10, g=G_IN_QUESTIONS_N_PER_KG)
    assert_matches_model(bank["trolley-acceleration-with-friction"], model_value, "m/s^2")
    assert bank["trolley-acceleration-with-friction"].answer == round((0.10 * 9.8 - 0.10) / (0.90 + 0.10), 3)


def test_skydiver_terminal_velocity(bank):
    model_value = terminal_velocity(70.0, 0.25, g=G_IN_QUESTIONS_N_PER_KG)
    assert_matches_model(bank["skydiver-terminal-velocity"], model_value, "m/s")
    assert bank["skydiver-terminal-velocity"].answer == round((70.0 * 9.8 / 0.25) ** 0.5, 1)  # 52.4


def test_horizontal_throw_time_and_distance(bank):
    throw = flight(10.0, 0.0, height=5.0, g=G_IN_QUESTIONS_N_PER_KG)
    assert_matches_model(bank["horizontal-throw-time"], throw.time_of_flight, "s")
    assert_matches_model(bank["horizontal-throw-distance"], throw.range, "m")
    fall_time_s = (2 * 5.0 / 9.8) ** 0.5
    assert bank["horizontal-throw-time"].answer == float(f"{fall_time_s:.3g}")  # 1.01 s, 3 s.f. as asked
    assert bank["horizontal-throw-distance"].answer == round(10.0 * fall_time_s, 1)  # 10.1 m


def test_thrown_and_dropped_balls_take_the_same_time(bank):
    # the correct option's feedback quotes 1.01 s from 5 m "whatever the horizontal speed"
    assert "1.01 s" in bank["thrown-and-dropped"].correct_option.feedback
    for speed_m_s in (1.0, 10.0, 30.0):
        assert flight(speed_m_s, 0.0, height=5.0).time_of_flight == pytest.approx(1.01, abs=0.005)


def test_four_times_the_mass_doubles_terminal_velocity(bank):
    assert "four times the mass, twice the terminal" in bank["heavier-terminal-velocity"].correct_option.feedback
    assert terminal_velocity(4.0, 0.1) / terminal_velocity(1.0, 0.1) == pytest.approx(2.0)


def test_every_numeric_answer_is_checked_here(bank):
    checked = {
        "trolley-acceleration", "trolley-acceleration-with-friction", "skydiver-terminal-velocity",
        "horizontal-throw-time", "horizontal-throw-distance",
    }
    assert {q.id for q in bank if isinstance(q, NumericQuestion)} == checked
