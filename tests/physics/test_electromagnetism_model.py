"""Electromagnetism model against hand calculations and the analytic results it rests on.

References:
* Motor effect F = B I L sin θ (hand values below; AQA GCSE Physics equation sheet).
* Generator: Φ = B A cos ωt, emf = −N dΦ/dt = N B A ω sin ωt, peak N B A ω, r.m.s. peak/√2.
* Transformer: V_s/V_p = N_s/N_p; ideal V_p I_p = V_s I_s (AQA GCSE Physics equation sheet).
"""

import math

import numpy as np
import pytest
from scipy.integrate import cumulative_trapezoid

from stemcpd.physics import electromagnetism as em
from stemcpd.physics.electromagnetism import GeneratorParams, TransformerParams


# ---------------------------------------------------------------- motor effect
@pytest.mark.parametrize(
    "b, i, length, angle, expected",
    [
        (0.5, 2.0, 0.1, 90.0, 0.1),  # F = BIL by hand
        (0.5, 2.0, 0.1, 30.0, 0.05),  # sin 30° = 1/2
        (0.2, 3.0, 0.05, 90.0, 0.03),
        (1.0, 1.0, 1.0, 45.0, math.sqrt(0.5)),
        (5e-5, 100.0, 20.0, 90.0, 0.1),  # a 20 m cable with 100 A in the Earth's field
    ],
)
def test_motor_force_matches_hand_values(b, i, length, angle, expected):
    assert em.motor_force(b, i, length, angle) == pytest.approx(expected, rel=1e-12)


def test_no_force_on_a_wire_parallel_to_the_field():
    assert em.motor_force(0.5, 2.0, 0.1, 0.0) == 0.0
    assert em.motor_force(0.5, 2.0, 0.1, 180.0) == 0.0
    # Largest at right angles.
    forces = [em.motor_force(0.5, 2.0, 0.1, angle) for angle in range(0, 181, 5)]
    assert max(forces) == forces[18] == pytest.approx(0.1)


def test_motor_force_validation():
    with pytest.raises(ValueError, match=r"flux_density_t must be in \[0, 100\] T"):
        em.motor_force(-0.1, 1, 1)
    with pytest.raises(ValueError, match=r"angle_deg must be in \[0, 180\] degrees"):
        em.motor_force(0.1, 1, 1, 200)
    with pytest.raises(ValueError, match="current_a must be a number"):
        em.motor_force(0.1, "lots", 1)


# ---------------------------------------------------------------- generator
def test_generator_peak_and_rms_emf_match_nbaw():
    params = GeneratorParams(turns=100, flux_density_t=0.1, coil_area_m2=0.01, frequency_hz=5.0)
    # By hand: 100 × 0.1 T × 0.01 m² × 2π × 5 Hz = π V = 3.14159 V; r.m.s. π/√2 = 2.22144 V.
    assert em.peak_emf(params) == pytest.approx(math.pi, rel=1e-12)
    assert em.rms_emf(params) == pytest.approx(2.22144, rel=1e-5)
    run = em.simulate_generator(params, samples_per_period=2000)
    assert np.max(run.emf_v) == pytest.approx(math.pi, rel=1e-5)
    # The r.m.s. of the sampled emf over whole periods is peak/√2.
    mean_square = np.trapezoid(run.emf_v**2, run.times_s) / run.times_s[-1]
    assert math.sqrt(mean_square) == pytest.approx(em.rms_emf(params), rel=1e-9)


def test_emf_is_proportional_to_n_b_a_and_f():
    base = em.peak_emf(GeneratorParams())
    assert em.peak_emf(GeneratorParams(turns=200)) == pytest.approx(2 * base)
    assert em.peak_emf(GeneratorParams(flux_density_t=0.3)) == pytest.approx(3 * base)
    assert em.peak_emf(GeneratorParams(coil_area_m2=0.005)) == pytest.approx(0.5 * base)
    assert em.peak_emf(GeneratorParams(frequency_hz=50.0)) == pytest.approx(10 * base)


def test_emf_alternates_at_the_rotation_frequency():
    params = GeneratorParams(frequency_hz=12.5)
    run = em.simulate_generator(params, duration_s=1.0)
    emf = run.emf_v[1:-1]
    times = run.times_s[1:-1]
    rising = np.nonzero((emf[:-1] < 0) & (emf[1:] >= 0))[0]
    crossing_times = times[rising] - emf[rising] * (times[rising + 1] - times[rising]) / (emf[rising + 1] - emf[rising])
    np.testing.assert_allclose(np.diff(crossing_times), 1 / 12.5, rtol=1e-4)


def test_emf_is_largest_when_the_flux_is_zero():
    run = em.simulate_generator(GeneratorParams(), samples_per_period=400)
    peak = np.argmax(run.emf_v)
    assert abs(run.flux_linkage_wb[peak]) < 0.01 * run.params.peak_flux_linkage_wb
    assert math.degrees(run.angle_rad[peak]) == pytest.approx(90.0, abs=1.0)


@pytest.mark.parametrize("frequency_hz", [0.5, 5.0, 50.0])
def test_numerical_rate_of_change_of_flux_equals_analytic_emf_and_converges(frequency_hz):
    params = GeneratorParams(turns=250, flux_density_t=0.4, coil_area_m2=0.02, frequency_hz=frequency_hz)
    errors = []
    for samples in (100, 200, 400):
        run = em.simulate_generator(params, samples_per_period=samples)
        numerical = em.numerical_emf(run.times_s, run.flux_linkage_wb)
        errors.append(np.max(np.abs(numerical - run.emf_v)) / run.peak_emf_v)
    # Faraday's law from sampled flux agrees with N B A ω sin ωt to 0.1 % at 200 samples
    # per turn, and second-order differences cut the error four-fold per halving.
    assert errors[1] < 1e-3
    assert 3.5 < errors[0] / errors[1] < 4.5
    assert 3.5 < errors[1] / errors[2] < 4.5


def test_integrating_the_emf_gives_back_the_change_in_flux_linkage():
    params = GeneratorParams(frequency_hz=3.0)
    errors = []
    for samples in (100, 200):
        run = em.simulate_generator(params, duration_s=1.0, samples_per_period=samples)
        change = -cumulative_trapezoid(run.emf_v, run.times_s, initial=0.0)
        errors.append(np.max(np.abs(change - (run.flux_linkage_wb - run.flux_linkage_wb[0]))))
    assert errors[1] < 3e-4 * params.peak_flux_linkage_wb  # trapezium rule: ~(ωh)²/12 relative
    assert 3.5 < errors[0] / errors[1] < 4.5


def test_numerical_emf_validates_its_input():
    with pytest.raises(ValueError, match="same length"):
        em.numerical_emf([0, 1, 2], [0, 1])
    with pytest.raises(ValueError, match="times_s must increase"):
        em.numerical_emf([0, 2, 1], [0, 1, 2])


@pytest.mark.parametrize(
    "field, value, range_text",
    [
        ("turns", 0, "[1, 100000]"),
        ("turns", 2.5, "[1, 100000]"),
        ("flux_density_t", 0, "(0, 10] T"),
        ("coil_area_m2", -0.01, "(0, 10] m^2"),
        ("frequency_hz", 0, "(0, 10000] Hz"),
        ("frequency_hz", float("nan"), "(0, 10000] Hz"),
    ],
)
def test_generator_parameter_errors_name_field_and_range(field, value, range_text):
    with pytest.raises(ValueError) as error:
        GeneratorParams(**{field: value})
    assert field in str(error.value) and range_text in str(error.value)


def test_simulate_generator_validates_and_defaults_to_two_periods():
    run = em.simulate_generator(GeneratorParams(frequency_hz=4.0))
    assert run.times_s[-1] == pytest.approx(0.5)
    with pytest.raises(ValueError, match="duration_s"):
        em.simulate_generator(GeneratorParams(), duration_s=0)
    with pytest.raises(ValueError, match="samples_per_period"):
        em.simulate_generator(GeneratorParams(), samples_per_period=4)


def test_describe_and_table():
    run = em.simulate_generator(GeneratorParams())
    text = em.describe(run)
    assert "100-turn coil of area 100 cm²" in text
    assert "peak 3.14 V" in text and "r.m.s. 2.22 V" in text and "5 Hz" in text
    table = em.to_table(run)
    assert table.headers == ["time / s", "coil angle / °", "flux linkage / Wb", "emf / V"]
    assert len(table) == len(run.times_s)
    np.testing.assert_allclose(table.column("emf"), run.emf_v)


# ---------------------------------------------------------------- transformer
def test_ideal_transformer_conserves_power_and_follows_the_turns_ratio():
    result = em.transformer(TransformerParams(230.0, 1150, 60, 6.0, 1.0))
    # By hand: 230 × 60/1150 = 12 V; 12 V/6 Ω = 2 A; 24 W; I_p = 24/230 = 0.1043 A.
    assert result.secondary_voltage_v == pytest.approx(12.0, rel=1e-12)
    assert result.secondary_current_a == pytest.approx(2.0, rel=1e-12)
    assert result.primary_current_a == pytest.approx(24 / 230, rel=1e-12)
    assert 230.0 * result.primary_current_a == pytest.approx(result.secondary_voltage_v * result.secondary_current_a, rel=1e-12)
    assert result.power_lost_w == pytest.approx(0.0, abs=1e-12)
    # Step-up: the current ratio is the inverse of the voltage ratio.
    up = em.transformer(TransformerParams(25_000.0, 1000, 16_000, 1e6, 1.0))
    assert up.secondary_voltage_v == pytest.approx(400_000.0)
    assert up.primary_current_a / up.secondary_current_a == pytest.approx(16.0)


def test_transformer_efficiency_raises_the_primary_current_not_the_output():
    ideal = em.transformer(TransformerParams(efficiency=1.0))
    lossy = em.transformer(TransformerParams(efficiency=0.8))
    assert lossy.secondary_voltage_v == ideal.secondary_voltage_v
    assert lossy.output_power_w == pytest.approx(24.0)
    assert lossy.input_power_w == pytest.approx(30.0)
    assert lossy.power_lost_w == pytest.approx(6.0)
    assert lossy.primary_current_a == pytest.approx(30.0 / 230.0)
    text = em.describe_transformer(lossy)
    assert "step-down" in text and "12 V" in text and "80% efficiency" in text


@pytest.mark.parametrize(
    "field, value, message",
    [
        ("efficiency", 1.2, r"efficiency must be in \(0, 1\]"),
        ("efficiency", 0.0, r"efficiency must be in \(0, 1\]"),
        ("primary_turns", 0, r"primary_turns must be a whole number in \[1, 1000000\]"),
        ("load_resistance_ohm", -5, r"load_resistance_ohm must be in \(0, 1e\+12\] ohm"),
        ("primary_voltage_v", 0, r"primary_voltage_v must be in \(0, 1e\+06\] V"),
    ],
)
def test_transformer_parameter_errors(field, value, message):
    with pytest.raises(ValueError, match=message):
        TransformerParams(**{field: value})


def test_model_import_does_not_pull_in_plotting_or_widgets():
    import subprocess
    import sys

    code = (
        "import sys, stemcpd.physics.electromagnetism; "
        "bad = [m for m in ('matplotlib', 'ipywidgets') if m in sys.modules]; "
        "sys.exit(1 if bad else 0)"
    )
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0
