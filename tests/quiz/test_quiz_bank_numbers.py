"""The pendulum bank's numbers agree with the physics model.

Numeric answers are checked within each question's own tolerance, and the
amplitude percentages quoted in feedback are recomputed from the exact period.
"""

import pytest
from scipy.optimize import brentq

from stemcpd.physics.pendulum import period, small_angle_period
from stemcpd.quiz import load_packaged_bank

G_IN_QUESTIONS_N_PER_KG = 9.81


@pytest.fixture(scope="module")
def bank():
    return load_packaged_bank("pendulum")


def test_period_of_a_one_metre_pendulum(bank):
    question = bank["period-1m"]
    model_period_s = small_angle_period(1.0, g=G_IN_QUESTIONS_N_PER_KG)

    assert question.unit == "s"
    assert abs(question.answer - model_period_s) <= question.allowed_difference()
    assert question.answer == float(f"{model_period_s:.3g}")  # quoted to the 3 s.f. the prompt asks for
    assert question.mark(f"{model_period_s:.3g} s").correct


def test_length_for_a_one_second_period(bank):
    question = bank["length-for-1s-period"]
    model_length_m = brentq(
        lambda length_m: small_angle_period(length_m, g=G_IN_QUESTIONS_N_PER_KG) - 1.0, 0.01, 10.0, xtol=1e-12
    )

    assert question.unit == "m"
    assert abs(question.answer - model_length_m) <= question.allowed_difference()
    assert question.answer == pytest.approx(model_length_m, abs=5e-5)
    assert question.mark(f"{model_length_m * 100:.3g} cm").correct


@pytest.mark.parametrize(
    "amplitude_deg, quoted_percent_longer, quoted_phrase",
    [
        (10, 0.2, "0.2% longer than 2π√(L/g) at 10°"),
        (20, 0.8, "0.8% at 20°"),
        (40, 3, "3% at 40°"),
        (90, 18, "18% at 90°"),
    ],
)
def test_amplitude_figures_quoted_in_feedback(bank, amplitude_deg, quoted_percent_longer, quoted_phrase):
    feedback = bank["period-amplitude"].correct_option.feedback
    ratio = period(1.0, amplitude_deg, g=G_IN_QUESTIONS_N_PER_KG) / small_angle_period(1.0, g=G_IN_QUESTIONS_N_PER_KG)

    assert quoted_phrase in feedback
    # each figure is rounded to the precision it is written with
    precision = 0.05 if quoted_percent_longer < 1 else 0.5
    assert (ratio - 1) * 100 == pytest.approx(quoted_percent_longer, abs=precision)


def test_longer_swing_statement_in_the_correct_option(bank):
    option_text = bank["period-amplitude"].correct_option.text
    ratio_40_to_10 = period(1.0, 40) / period(1.0, 10)

    assert "about 3% longer" in option_text
    assert (ratio_40_to_10 - 1) * 100 == pytest.approx(3, abs=0.5)


def test_doubling_the_length_multiplies_the_period_by_root_two(bank):
    ratio = small_angle_period(2.0) / small_angle_period(1.0)

    assert ratio == pytest.approx(1.41, abs=0.005)
    assert "1.41" in bank["period-double-length"].correct_option.text
    quarter_metre_period_s = small_angle_period(0.25, g=G_IN_QUESTIONS_N_PER_KG)
    assert quarter_metre_period_s == pytest.approx(1.0, abs=0.01)  # "a 25 cm pendulum has T ≈ 1.0 s"


def test_new_pendulum_numeric_answers_come_from_the_model():
    import math

    from stemcpd.physics.pendulum import period
    from stemcpd.quiz import load_packaged_bank

    bank = load_packaged_bank("pendulum")
    exact_90 = period(1.0, 90.0, 9.81)
    assert bank["period-at-90-degrees"].answer == pytest.approx(exact_90, rel=0.001)
    assert bank["g-from-gradient"].answer == pytest.approx(4 * math.pi**2 / 4.02, rel=0.001)
    ratio = math.sqrt(9.81 / 1.62)
    assert "2.46" in bank["moon-period-ratio"].options[0].feedback and round(ratio, 2) == 2.46
    question = bank["period-any-length"]
    for seed in range(5):
        instance = question.instance(seed)
        length = float(question.values(seed)["length"])
        assert instance.answer == pytest.approx(2 * math.pi * math.sqrt(length / 9.81), rel=1e-9)
        assert question.mark(f"{instance.answer:.3g} s", seed=seed).correct
