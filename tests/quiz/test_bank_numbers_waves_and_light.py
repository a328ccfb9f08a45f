"""The waves-and-light bank's numbers agree with the waves and optics models.

Every numeric answer is recomputed from the model function that produces it and
checked within the question's own tolerance; numbers quoted in options and feedback
are checked too.
"""

import pytest

from stemcpd.physics.optics import REFRACTIVE_INDICES, critical_angle_deg, refraction_angle_deg
from stemcpd.physics.waves import harmonic_frequency, string_wave_speed, wave_speed
from stemcpd.quiz import NumericQuestion, load_packaged_bank

GLASS = REFRACTIVE_INDICES["crown glass"]
WATER = REFRACTIVE_INDICES["water"]
AIR = REFRACTIVE_INDICES["air"]


@pytest.fixture(scope="module")
def bank():
    return load_packaged_bank("waves-and-light")


def assert_matches_model(question, model_value, unit, typed_unit=None):
    assert question.unit == unit
    assert abs(question.answer - model_value) <= question.allowed_difference()
    assert question.mark(f"{model_value:.3g} {typed_unit or unit}").correct


def test_wave_speed_on_a_string(bank):
    assert_matches_model(bank["wave-speed-on-a-string"], string_wave_speed(2.0, 0.80e-3), "m/s")


def test_ripple_speed(bank):
    assert_matches_model(bank["ripple-speed"], wave_speed(10.0, 0.025), "m/s")


def test_third_harmonic(bank):
    assert_matches_model(bank["third-harmonic-frequency"], harmonic_frequency(3, 1.0, 50.0), "Hz")


def test_angle_of_refraction_in_glass(bank):
    refracted = refraction_angle_deg(30.0, AIR, GLASS)
    assert_matches_model(bank["angle-of-refraction-in-glass"], refracted, "degree", typed_unit="°")
    assert "about 19°" in bank["into-glass"].correct_option.text
    assert "r = 19.2°" in bank["into-glass"].correct_option.feedback


def test_critical_angle_of_water(bank):
    assert_matches_model(bank["critical-angle-of-water"], critical_angle_deg(WATER, AIR), "degree", typed_unit="°")


def test_critical_angle_of_glass_quoted(bank):
    critical = critical_angle_deg(GLASS, AIR)
    assert "About 41°" in bank["critical-angle-of-glass"].correct_option.text
    assert "41.1°" in bank["critical-angle-of-glass"].correct_option.feedback
    assert critical == pytest.approx(41.1, abs=0.05)
    assert 90 - critical == pytest.approx(49, abs=0.5)


def test_four_times_tension_doubles_speed(bank):
    assert "four times the tension, twice the speed" in bank["more-tension"].correct_option.feedback
    assert string_wave_speed(8.0, 1e-3) / string_wave_speed(2.0, 1e-3) == pytest.approx(2.0)


def test_every_numeric_answer_is_checked_here(bank):
    checked = {
        "wave-speed-on-a-string", "ripple-speed", "third-harmonic-frequency",
        "angle-of-refraction-in-glass", "critical-angle-of-water",
    }
    assert {q.id for q in bank if isinstance(q, NumericQuestion)} == checked
