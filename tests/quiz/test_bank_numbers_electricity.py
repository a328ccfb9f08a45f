"""The electricity bank's numbers agree with the circuits model.

Every numeric answer is recomputed from the model function that produces it and
checked within the question's own tolerance; numbers quoted in options and feedback
are checked too.
"""

import pytest

from stemcpd.physics.circuits import (
    LampParams,
    WireParams,
    equivalent_resistance,
    iv_curve,
    potential_divider,
    wire_resistance,
)
from stemcpd.quiz import NumericQuestion, load_packaged_bank


@pytest.fixture(scope="module")
def bank():
    return load_packaged_bank("electricity")


def assert_matches_model(question, model_value, unit):
    assert question.unit == unit
    assert abs(question.answer - model_value) <= question.allowed_difference()
    assert question.mark(f"{model_value:.3g} {unit}").correct


def test_resistance_of_half_a_metre_of_constantan(bank):
    wire = WireParams(resistivity_ohm_m=49e-8, diameter_m=0.274e-3)
    assert_matches_model(bank["resistance-of-half-a-metre-of-wire"], wire_resistance(0.50, wire), "ohm")
    assert bank["resistance-of-half-a-metre-of-wire"].mark("4.16 Ω").correct


def test_parallel_pair(bank):
    assert_matches_model(bank["two-resistors-in-parallel"], equivalent_resistance([20, 30], "parallel"), "ohm")


def test_series_parallel_network(bank):
    total = equivalent_resistance(("series", [10, ("parallel", [20, 20])]))
    assert_matches_model(bank["series-parallel-network"], total, "ohm")


def test_divider_output(bank):
    divider = potential_divider(6.0, 100.0, 200.0)
    assert_matches_model(bank["divider-output-pd"], divider.output_voltage_v, "V")
    assert bank["potential-divider-output"].correct_option.text == f"{divider.output_voltage_v:.1f} V"


def test_loaded_divider_output(bank):
    assert_matches_model(bank["loaded-divider-output-pd"], potential_divider(6.0, 1000, 1000, 1000).output_voltage_v, "V")
    # the 10 kΩ version in the multiple-choice question reads the same 2.0 V
    assert potential_divider(6.0, 10e3, 10e3, 10e3).output_voltage_v == pytest.approx(2.0)
    assert potential_divider(6.0, 10e3, 10e3).output_voltage_v == pytest.approx(3.0)


def test_current_in_a_resistor(bank):
    assert_matches_model(bank["current-in-a-resistor"], iv_curve("resistor", 6.0), "A")


def test_doubling_diameter_quarters_resistance(bank):
    thin = wire_resistance(1.0, WireParams(diameter_m=0.274e-3))
    thick = wire_resistance(1.0, WireParams(diameter_m=2 * 0.274e-3))
    assert thick / thin == pytest.approx(0.25)
    assert "quarter" in bank["thicker-wire"].correct_option.text


def test_lamp_resistance_figures_in_feedback(bank):
    lamp = LampParams(rated_voltage_v=6.0, rated_current_a=0.06)
    feedback = bank["why-the-lamp-curve-bends"].correct_option.feedback
    cold_ohm = 1e-3 / iv_curve("filament lamp", 1e-3, lamp)
    hot_ohm = 6.0 / iv_curve("filament lamp", 6.0, lamp)
    assert "7.6 Ω cold" in feedback and "100 Ω at 6 V" in feedback and "thirteen times" in feedback
    assert cold_ohm == pytest.approx(7.6, abs=0.05)
    assert hot_ohm == pytest.approx(100, rel=0.02)
    assert hot_ohm / cold_ohm == pytest.approx(13, abs=0.5)


def test_every_numeric_answer_is_checked_here(bank):
    checked = {
        "resistance-of-half-a-metre-of-wire", "two-resistors-in-parallel", "series-parallel-network",
        "divider-output-pd", "loaded-divider-output-pd", "current-in-a-resistor",
    }
    assert {q.id for q in bank if isinstance(q, NumericQuestion)} == checked
