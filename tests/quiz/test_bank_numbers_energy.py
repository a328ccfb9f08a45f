"""The energy bank's numbers agree with the energy-track and springs models.

Every numeric answer is recomputed from the model function that produces it and
checked within the question's own tolerance; numbers quoted in prompts and feedback
are checked too.
"""

import math

import pytest

from stemcpd.physics import energy, springs
from stemcpd.quiz import NumericQuestion, load_packaged_bank

G_IN_QUESTIONS_N_PER_KG = 9.8  # the AQA GCSE equation sheet's value, stated in every prompt


@pytest.fixture(scope="module")
def bank():
    return load_packaged_bank("energy")


def assert_matches_model(question, model_value, unit):
    assert question.unit == unit
    assert abs(question.answer - model_value) <= question.allowed_difference()
    assert question.mark(f"{model_value:.3g} {unit}").correct


def test_every_g_in_the_bank_is_the_aqa_value(bank):
    for question in bank:
        text = " ".join(question.prompt.split())
        if "g =" in text:
            assert "g = 9.8 N/kg" in text and "9.81" not in text, question.id


def test_speed_at_the_bottom_of_a_frictionless_ramp(bank):
    run = energy.simulate(energy.TrackParams(height_m=2.0, friction_coefficient=0.0, g_m_s2=G_IN_QUESTIONS_N_PER_KG))
    assert_matches_model(bank["speed-at-bottom-frictionless"], run.speed_at_bottom_m_s, "m/s")
    assert bank["speed-at-bottom-frictionless"].answer == round(math.sqrt(2 * 9.8 * 2.0), 2)  # 6.26 m/s


def test_thermal_energy_on_the_first_descent(bank):
    params = energy.TrackParams(height_m=1.0, ramp_angle_deg=30.0, mass_kg=1.0, friction_coefficient=0.1,
                                g_m_s2=G_IN_QUESTIONS_N_PER_KG)
    run = energy.simulate(params)
    # the prompt quotes the model's speed at the bottom
    assert "4.03 m/s" in bank["thermal-energy-on-descent"].prompt
    assert run.speed_at_bottom_m_s == pytest.approx(4.03, abs=0.005)
    kinetic_j = 0.5 * params.mass_kg * run.speed_at_bottom_m_s**2
    assert_matches_model(bank["thermal-energy-on-descent"], run.initial_energy_j - kinetic_j, "J")
    # The model answer follows from the prompt's own (rounded) data: mgh − ½mv² with
    # m = 1.0 kg, g = 9.8 N/kg, h = 1.0 m and v = 4.03 m/s is 1.68 J.
    assert "Taking g = 9.8 N/kg" in " ".join(bank["thermal-energy-on-descent"].prompt.split())
    assert bank["thermal-energy-on-descent"].answer == round(1.0 * 9.8 * 1.0 - 0.5 * 1.0 * 4.03**2, 2) == 1.68
    # the same figure from the efficiency 1 − μ/tan θ
    assert run.initial_energy_j * (1 - energy.first_descent_efficiency(params)) == pytest.approx(
        run.initial_energy_j - kinetic_j)


def test_elastic_energy_stored(bank):
    assert_matches_model(bank["elastic-energy-stored"], float(springs.elastic_potential_energy(25.0, 0.10)), "J")


def test_extension_for_two_newtons(bank):
    params = springs.SpringParams(spring_constant_n_m=25.0, elastic_limit_n=5.0)
    assert_matches_model(bank["extension-for-two-newtons"], float(springs.extension_for_force(2.0, params)), "m")
    assert bank["extension-for-two-newtons"].mark("8.0 cm").correct


def test_two_springs_in_series(bank):
    assert_matches_model(bank["two-springs-in-series"], springs.series_spring_constant([25.0, 25.0]), "N/m")


def test_doubling_height_multiplies_speed_by_root_two(bank):
    one = energy.simulate(energy.TrackParams(height_m=1.0, friction_coefficient=0.0)).speed_at_bottom_m_s
    two = energy.simulate(energy.TrackParams(height_m=2.0, friction_coefficient=0.0)).speed_at_bottom_m_s
    assert two / one == pytest.approx(math.sqrt(2))
    assert "1.41" in bank["double-the-height"].correct_option.text


def test_steeper_ramp_is_more_efficient(bank):
    shallow = energy.first_descent_efficiency(energy.TrackParams(ramp_angle_deg=20.0, friction_coefficient=0.1))
    steep = energy.first_descent_efficiency(energy.TrackParams(ramp_angle_deg=50.0, friction_coefficient=0.1))
    assert steep > shallow
    assert "50° ramp" in bank["steeper-ramp-efficiency"].correct_option.text


def test_doubling_extension_quadruples_energy_and_k_from_extension(bank):
    assert springs.elastic_potential_energy(25.0, 0.2) / springs.elastic_potential_energy(25.0, 0.1) == pytest.approx(4)
    assert "67 N/m" in bank["extension-not-length"].correct_option.text
    assert 2.0 / 0.030 == pytest.approx(67, abs=0.5)


def test_every_numeric_answer_is_checked_here(bank):
    checked = {
        "speed-at-bottom-frictionless", "thermal-energy-on-descent", "elastic-energy-stored",
        "extension-for-two-newtons", "two-springs-in-series",
    }
    assert {q.id for q in bank if isinstance(q, NumericQuestion)} == checked
