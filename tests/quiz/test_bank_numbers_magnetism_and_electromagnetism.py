"""The magnetism-and-electromagnetism bank's numbers agree with the model.

Each numeric answer is recomputed from stemcpd.physics.electromagnetism
(motor_force, peak_emf, transformer) and checked within the question's own
tolerance; ratios quoted in feedback are checked too.
"""

import pytest
from scipy.optimize import brentq

from stemcpd.physics.electromagnetism import GeneratorParams, TransformerParams, motor_force, peak_emf, transformer
from stemcpd.quiz import load_packaged_bank


@pytest.fixture(scope="module")
def bank():
    return load_packaged_bank("magnetism-and-electromagnetism")


def within(question, model_value):
    return abs(question.answer - model_value) <= question.allowed_difference()


def test_force_on_a_wire(bank):
    question = bank["motor-force-numeric"]
    assert question.unit == "N"
    assert within(question, motor_force(0.20, 3.0, 0.050))
    assert question.mark("30 mN").correct


def test_current_for_a_force(bank):
    question = bank["current-for-force"]
    model_current_a = brentq(lambda current: motor_force(0.080, current, 0.050) - 0.012, 0.0, 100.0, xtol=1e-12)
    assert question.unit == "A"
    assert within(question, model_current_a)


def test_force_at_an_angle(bank):
    question = bank["motor-force-at-an-angle"]
    assert within(question, motor_force(0.20, 3.0, 0.050, angle_deg=30.0))


def test_no_force_along_the_field():
    assert motor_force(0.20, 3.0, 0.050, angle_deg=0.0) == 0.0


def test_peak_emf_of_the_generator(bank):
    question = bank["generator-peak-emf"]
    model_emf_v = peak_emf(GeneratorParams(turns=100, flux_density_t=0.10, coil_area_m2=0.010, frequency_hz=5.0))
    assert question.unit == "V"
    assert within(question, model_emf_v)


def test_doubling_the_speed_doubles_the_peak(bank):
    slow = peak_emf(GeneratorParams(frequency_hz=5.0))
    fast = peak_emf(GeneratorParams(frequency_hz=10.0))
    assert fast / slow == pytest.approx(2.0)
    assert "Both the frequency and the peak p.d. double." == bank["generator-double-speed"].correct_option.text


def test_transformer_secondary_pd_and_primary_current(bank):
    # 12 V across a 6 Ω lamp draws the 2.0 A in the prompt.
    result = transformer(TransformerParams(primary_voltage_v=230.0, primary_turns=1150, secondary_turns=60,
                                           load_resistance_ohm=6.0, efficiency=1.0))
    assert result.secondary_current_a == pytest.approx(2.0)
    assert within(bank["transformer-secondary-pd"], result.secondary_voltage_v)
    assert within(bank["transformer-primary-current"], result.primary_current_a)
    assert bank["transformer-primary-current"].mark("104 mA").correct


def test_step_up_transformer_current_is_a_fifth(bank):
    result = transformer(TransformerParams(primary_voltage_v=12.0, primary_turns=120, secondary_turns=600,
                                           load_resistance_ohm=100.0))
    assert result.secondary_voltage_v == pytest.approx(60.0)
    assert result.secondary_current_a / result.primary_current_a == pytest.approx(1 / 5)
    assert result.output_power_w == pytest.approx(result.input_power_w)


def test_step_up_from_a_low_voltage_supply(bank):
    result = transformer(TransformerParams(primary_voltage_v=12.0, primary_turns=120, secondary_turns=1200,
                                           load_resistance_ohm=1e6))
    assert result.secondary_voltage_v == pytest.approx(120.0)
    assert "about 120 V" in bank["step-up-from-low-voltage"].correct_option.text
