"""Springs model against analytic and textbook results.

References:
* Hooke's law F = k e; springs in series 1/k = Σ 1/kᵢ, in parallel k = Σ kᵢ; elastic
  potential energy ½ k e²; period of a mass on a spring T = 2π√(m/k) (AQA GCSE Physics
  8463 specification, 4.5.3 and physics equation sheet; any first-year mechanics text,
  e.g. Young & Freedman, University Physics, §14.2–14.3 and §14.7 for damping).
* Analytic motion from rest at A: x = A cos ωt; damped (b < 2ω)
  x = A e^(−bt/2)[cos ω_d t + (b/2ω_d) sin ω_d t], ω_d = √(ω² − b²/4).
"""

import math

import numpy as np
import pytest

from stemcpd.physics import springs
from stemcpd.physics.springs import SpringParams, simulate
from stemcpd.practical import fit_line


def zero_crossing_periods(times, values):
    """Time between successive downward zero crossings (linear interpolation)."""
    index = np.nonzero((values[:-1] > 0) & (values[1:] <= 0))[0]
    t0, t1, a0, a1 = times[index], times[index + 1], values[index], values[index + 1]
    return np.diff(t0 + (t1 - t0) * a0 / (a0 - a1))


# ----- Hooke's law, the elastic limit and combinations ------------------------------

def test_series_and_parallel_constants_match_the_textbook_formulas():
    assert springs.series_spring_constant([10, 20, 30]) == pytest.approx(1 / (1 / 10 + 1 / 20 + 1 / 30), rel=1e-12)
    assert springs.series_spring_constant([40, 40]) == pytest.approx(20.0, rel=1e-12)
    assert springs.parallel_spring_constant([10, 20, 30]) == pytest.approx(60.0, rel=1e-12)
    assert springs.series_spring_constant([25]) == springs.parallel_spring_constant([25]) == 25.0
    with pytest.raises(ValueError, match="spring_constant_n_m"):
        springs.series_spring_constant([10, 0])
    with pytest.raises(ValueError, match="at least one"):
        springs.parallel_spring_constant([])


@pytest.mark.parametrize("in_series, in_parallel", [(1, 1), (2, 1), (1, 3), (3, 2), (4, 4)])
def test_arrangement_extension_agrees_with_the_series_and_parallel_rules(in_series, in_parallel):
    params = SpringParams(spring_constant_n_m=30, elastic_limit_n=100, springs_in_series=in_series,
                          springs_in_parallel=in_parallel)
    chain = springs.series_spring_constant([30] * in_series)
    whole = springs.parallel_spring_constant([chain] * in_parallel)
    assert params.effective_spring_constant_n_m == pytest.approx(whole, rel=1e-12)
    # Physical argument: each chain carries F/n_p; each spring in it stretches (F/n_p)/k.
    force = 6.0
    expected = in_series * (force / in_parallel) / 30
    assert float(springs.extension_for_force(force, params)) == pytest.approx(expected, rel=1e-12)
    assert params.effective_elastic_limit_n == pytest.approx(100 * in_parallel)


def test_extension_is_proportional_to_force_only_up_to_the_elastic_limit():
    params = SpringParams(spring_constant_n_m=25, elastic_limit_n=5, plastic_stiffness_ratio=0.2)
    forces = np.linspace(0, 5, 11)
    np.testing.assert_allclose(springs.extension_for_force(forces, params), forces / 25, rtol=1e-12)
    # Past the limit each newton stretches it 1/(0.2 × 25) = 0.2 m instead of 0.04 m.
    assert float(springs.extension_for_force(7.0, params)) == pytest.approx(5 / 25 + 2 / 5, rel=1e-12)
    beyond = springs.extension_for_force(np.array([6.0, 8.0]), params)
    assert (beyond[1] - beyond[0]) / 2.0 == pytest.approx(0.2)
    with pytest.raises(ValueError, match="force_n"):
        springs.extension_for_force(-1.0, params)


def test_permanent_set_and_stored_energy_beyond_the_limit():
    params = SpringParams(spring_constant_n_m=20, elastic_limit_n=4, plastic_stiffness_ratio=0.25)
    assert springs.permanent_set(3.9, params) == 0.0
    # Unloading from 6 N along slope k: set = e(6) − 6/k = 4/20 + 2/5 − 6/20 = 0.3 m.
    assert springs.permanent_set(6.0, params) == pytest.approx(0.3, rel=1e-12)
    run = simulate(SpringParams(spring_constant_n_m=20, elastic_limit_n=4, plastic_stiffness_ratio=0.25,
                                mass_kg=6.0 / 9.81), duration_s=1)
    assert run.beyond_elastic_limit and run.permanent_set_m == pytest.approx(0.3)
    assert run.unloading_extension_m.tolist() == pytest.approx([run.load_extension_m, 0.3])
    # Work = area under the loading curve (checked by the trapezium rule on a fine grid);
    # only the ½ F²/k triangle is stored.
    forces = np.linspace(0, 6.0, 20001)
    area = np.trapezoid(forces, springs.extension_for_force(forces, params))
    assert run.work_done_j == pytest.approx(area, rel=1e-6)
    assert run.stored_energy_j == pytest.approx(0.5 * 6.0**2 / 20, rel=1e-12)
    assert run.work_done_j > run.stored_energy_j


def test_elastic_potential_energy_is_half_k_e_squared():
    assert float(springs.elastic_potential_energy(25, 0.1)) == pytest.approx(0.125, rel=1e-12)
    run = simulate(SpringParams(spring_constant_n_m=40, elastic_limit_n=10, mass_kg=0.5), duration_s=1)
    assert not run.beyond_elastic_limit
    assert run.stored_energy_j == pytest.approx(0.5 * 40 * run.load_extension_m**2, rel=1e-12)
    assert run.load_extension_m == pytest.approx(0.5 * 9.81 / 40, rel=1e-12)


def test_slotted_mass_points_are_every_100_g():
    run = simulate(SpringParams(mass_kg=0.5, elastic_limit_n=20), duration_s=1)
    np.testing.assert_allclose(run.slotted_mass_force_n, np.arange(6) * 0.1 * 9.81)
    np.testing.assert_allclose(run.slotted_mass_extension_m, run.slotted_mass_force_n / 25)


# ----- the bounce --------------------------------------------------------------------

def test_period_formula():
    assert springs.period(0.4, 10) == pytest.approx(2 * math.pi * math.sqrt(0.04), rel=1e-15)
    with pytest.raises(ValueError, match="mass_kg"):
        springs.period(0, 10)


@pytest.mark.parametrize("mass_kg, k, in_series, in_parallel", [(0.3, 25, 1, 1), (1.0, 10, 2, 1), (0.2, 80, 1, 3)])
def test_undamped_bounce_matches_a_cos_omega_t_and_its_period(mass_kg, k, in_series, in_parallel):
    params = SpringParams(spring_constant_n_m=k, mass_kg=mass_kg, springs_in_series=in_series,
                          springs_in_parallel=in_parallel, amplitude_m=0.03, elastic_limit_n=50)
    run = simulate(params, duration_s=8 * run_period(params))
    omega = math.sqrt(params.effective_spring_constant_n_m / mass_kg)
    # RK4 at T/200 over 8 periods: within 1e-5 of the amplitude everywhere.
    np.testing.assert_allclose(run.displacement_m, 0.03 * np.cos(omega * run.times_s), atol=1e-5 * 0.03)
    np.testing.assert_allclose(zero_crossing_periods(run.times_s, run.displacement_m),
                               2 * math.pi / omega, rtol=1e-6)
    assert run.period_s == pytest.approx(2 * math.pi / omega, rel=1e-12)


def run_period(params):
    return springs.period(params.mass_kg, params.effective_spring_constant_n_m)


def test_period_does_not_depend_on_amplitude():
    small = simulate(SpringParams(amplitude_m=0.005), duration_s=5)
    large = simulate(SpringParams(amplitude_m=0.08), duration_s=5)
    np.testing.assert_allclose(zero_crossing_periods(small.times_s, small.displacement_m),
                               zero_crossing_periods(large.times_s, large.displacement_m), rtol=1e-9)


@pytest.mark.parametrize("damping_per_s", [0.2, 1.5])
def test_damped_bounce_matches_the_analytic_solution(damping_per_s):
    params = SpringParams(damping_per_s=damping_per_s, amplitude_m=0.04)
    run = simulate(params, duration_s=6)
    exact = springs.exact_displacement(params, run.times_s)
    assert np.max(np.abs(run.displacement_m - exact)) < 1e-5 * 0.04


def test_exact_displacement_in_the_heavily_damped_cases_starts_from_rest_at_a():
    omega = math.sqrt(25 / 0.3)
    for damping in (2 * omega, 3 * omega):
        params = SpringParams(damping_per_s=min(damping, 100), amplitude_m=0.02)
        times = np.array([0.0, 1e-6])
        x = springs.exact_displacement(params, times)
        assert x[0] == pytest.approx(0.02, rel=1e-12)
        assert (x[1] - x[0]) / 1e-6 == pytest.approx(0.0, abs=1e-4)  # released from rest
        run = simulate(params, duration_s=2)
        assert np.max(np.abs(run.displacement_m - springs.exact_displacement(params, run.times_s))) < 1e-7


def test_energy_is_conserved_without_damping_and_moves_between_three_stores():
    run = simulate(SpringParams(mass_kg=0.5, amplitude_m=0.05), duration_s=10)
    total = run.total_energy_j
    assert np.max(np.abs(total - total[0])) / run.oscillation_energy_j < 1e-6
    # About the resting position, elastic + gravitational changes add up to ½ k x².
    k = run.spring_constant_n_m
    bounce = 0.5 * k * run.displacement_m**2 + run.kinetic_energy_j
    np.testing.assert_allclose(bounce, run.oscillation_energy_j, rtol=1e-6)
    assert run.kinetic_energy_j.max() == pytest.approx(run.oscillation_energy_j, rel=1e-5)
    assert np.all(run.thermal_energy_j == 0)
    # The gravitational store is not constant: the elastic store alone does not balance KE.
    assert np.ptp(run.gravitational_energy_j) > 0.1 * np.ptp(run.elastic_energy_j)


def test_damping_moves_energy_to_the_surroundings_and_the_total_is_kept():
    run = simulate(SpringParams(damping_per_s=0.5), duration_s=10)
    np.testing.assert_allclose(run.total_energy_j, run.total_energy_j[0], rtol=1e-9, atol=1e-12)
    assert run.thermal_energy_j[-1] == pytest.approx(run.oscillation_energy_j, rel=0.02)  # e^(-5) left
    assert np.all(np.diff(run.thermal_energy_j) >= -1e-12)


def test_time_step_independence():
    params = SpringParams(mass_kg=0.4, damping_per_s=0.1, amplitude_m=0.05)
    coarse = simulate(params, duration_s=6, time_step_s=0.02)
    fine = simulate(params, duration_s=6, time_step_s=0.01)
    finest = simulate(params, duration_s=6, time_step_s=0.005)
    error_coarse = np.max(np.abs(coarse.displacement_m - finest.displacement_m[::4]))
    error_fine = np.max(np.abs(fine.displacement_m - finest.displacement_m[::2]))
    assert error_fine < 2e-5 * 0.05  # T/80 steps: 1 part in 50 000 of the amplitude
    assert 10 < error_coarse / error_fine < 20  # fourth order: halving the step ÷16


def test_last_sample_lands_on_the_duration():
    run = simulate(SpringParams(), duration_s=1.0, time_step_s=0.3)
    assert run.times_s[-1] == pytest.approx(1.0) and np.all(np.diff(run.times_s) > 0)


def test_warnings_for_bounces_the_model_does_not_follow():
    slack = simulate(SpringParams(mass_kg=0.1, amplitude_m=0.08), duration_s=1)
    assert slack.bounce_goes_slack and "slack" in springs.describe(slack)
    over = simulate(SpringParams(mass_kg=0.4, amplitude_m=0.05, elastic_limit_n=4.5), duration_s=1)
    assert not over.beyond_elastic_limit and over.bounce_exceeds_limit
    assert "passes the elastic limit" in springs.describe(over)
    assert "Warning" not in springs.describe(simulate(SpringParams(), duration_s=1))


# ----- validation, describe, tables -----------------------------------------------------

@pytest.mark.parametrize(
    "field, value, range_text",
    [
        ("spring_constant_n_m", 0, "(0, 10000] N/m"),
        ("elastic_limit_n", -1, "(0, 10000] N"),
        ("mass_kg", 0, "(0, 100] kg"),
        ("amplitude_m", 0, "(0, 10] m"),
        ("damping_per_s", -0.1, "[0, 100] 1/s"),
        ("plastic_stiffness_ratio", 1.5, "(0, 1]"),
        ("g_m_s2", 0, "(0, 1000] m/s^2"),
        ("springs_in_series", 0, "[1, 10]"),
        ("springs_in_parallel", 2.5, "[1, 10]"),
        ("mass_kg", float("nan"), "(0, 100] kg"),
    ],
)
def test_out_of_range_parameters_raise_value_error_naming_field_and_range(field, value, range_text):
    with pytest.raises(ValueError) as error:
        SpringParams(**{field: value})
    assert field in str(error.value) and range_text in str(error.value)


def test_simulate_arguments_are_validated_and_params_frozen():
    with pytest.raises(ValueError, match="duration_s"):
        simulate(SpringParams(), duration_s=0)
    with pytest.raises(ValueError, match="time_step_s"):
        simulate(SpringParams(), duration_s=1, time_step_s=2)
    with pytest.raises(AttributeError):
        SpringParams().mass_kg = 1.0
    assert SpringParams(springs_in_series=2.0).springs_in_series == 2  # whole-number float from a slider


def test_describe_speaks_extension_energy_and_period():
    run = simulate(SpringParams(), duration_s=5)
    text = springs.describe(run)
    assert "0.30 kg" in text and "11.8 cm" in text and "0.173 J" in text
    assert f"{run.period_s:.3f} s" in text and "total energy stays constant" in text
    beyond = springs.describe(simulate(SpringParams(mass_kg=1.0), duration_s=5))
    assert "beyond its 5 N elastic limit" in beyond and "no longer proportional" in beyond
    assert "would stay after unloading" in beyond
    combined = springs.describe(simulate(SpringParams(springs_in_series=2, springs_in_parallel=3), duration_s=5))
    assert "37.5 N/m" in combined and "3 chains side by side of 2 springs" in combined
    damped = springs.describe(simulate(SpringParams(damping_per_s=0.5), duration_s=5))
    assert "surroundings" in damped


def test_to_table_exports_the_bounce_with_units():
    run = simulate(SpringParams(), duration_s=2)
    table = springs.to_table(run)
    assert table.headers[:4] == ["time / s", "displacement below rest / m", "velocity / m/s", "extension / m"]
    assert "elastic potential energy / J" in table.headers
    assert len(table) == len(run.times_s)
    np.testing.assert_allclose(table.column("extension"), run.load_extension_m + run.displacement_m)


def test_loading_table_is_the_force_extension_data():
    table = springs.loading_table(SpringParams(elastic_limit_n=20))
    assert table.headers == ["mass / kg", "force / N", "extension / m"]
    np.testing.assert_allclose(table.column("force") / table.column("extension"), 25.0)


# ----- virtual practical ----------------------------------------------------------------

def test_virtual_practical_recovers_k_and_shows_the_zero_error():
    params = SpringParams(spring_constant_n_m=25, elastic_limit_n=20)
    table = springs.virtual_practical(params, slotted_masses=8, repeats=3, seed=1)
    gradient, intercept, gradient_error, _ = fit_line(table.column("mean extension"), table.column("force"))
    # 1 mm rule with 1 mm scatter and 1 g mass tolerance: k within 2 % of 25 N/m.
    assert gradient == pytest.approx(25.0, rel=0.02)
    assert abs(gradient - 25.0) < 4 * gradient_error + 0.1
    # Zero error: the line cuts the extension axis at +12 mm (within 2 mm), not at 0.
    extension_intercept = -intercept / gradient
    assert extension_intercept == pytest.approx(springs.RULE_ZERO_ERROR_M, abs=0.002)
    # Readings are to the nearest millimetre.
    readings = table.column("extension, run 1")
    np.testing.assert_allclose(np.round(readings * 1000), readings * 1000, atol=1e-9)
    # Seeded: same seed, same results; another seed differs.
    np.testing.assert_array_equal(table.data, springs.virtual_practical(params, 8, 3, seed=1).data)
    assert not np.array_equal(table.data, springs.virtual_practical(params, 8, 3, seed=2).data)


def test_virtual_practical_with_the_default_spring_passes_the_elastic_limit():
    table = springs.virtual_practical(seed=0)  # 6 × 100 g on a 5 N spring
    extension = table.column("mean extension")
    steps = np.diff(extension)
    # The last 100 g (5.9 N > 5 N) stretches it far more than the others.
    assert steps[-1] > 3 * np.median(steps[:-1])


def test_virtual_practical_validates_its_arguments():
    with pytest.raises(ValueError, match="slotted_masses"):
        springs.virtual_practical(slotted_masses=2)
    with pytest.raises(ValueError, match="repeats"):
        springs.virtual_practical(repeats=0)
    with pytest.raises(ValueError, match="seed"):
        springs.virtual_practical(seed=-1)
