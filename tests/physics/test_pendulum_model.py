"""Pendulum model against exact and published results.

References:
* Exact period T = 4√(L/g) K(sin²(θ₀/2)); T/T₀ at 90° = 2K(1/2)/π = 1.18034 (e.g.
  Nelson & Olsson, Am. J. Phys. 54, 112 (1986), table of T/T₀).
* K computed independently by the arithmetic–geometric mean: K(m) = π / (2 AGM(1, √(1−m))).
* Exact motion θ(t) = 2 arcsin(k cd(ω₀t | k²)) for the undamped pendulum from rest.
"""

import math

import numpy as np
import pytest

from stemcpd.physics import pendulum
from stemcpd.physics.pendulum import PendulumParams, simulate


def agm_period(length_m, amplitude_deg, g):
    """Exact period by the arithmetic–geometric mean (independent of scipy)."""
    a, b = 1.0, math.cos(math.radians(amplitude_deg) / 2.0)
    while abs(a - b) > 1e-15 * a:
        a, b = (a + b) / 2.0, math.sqrt(a * b)
    return 2.0 * math.pi * math.sqrt(length_m / g) / a


@pytest.mark.parametrize("amplitude_deg", [0.5, 5, 10, 30, 60, 90, 120, 150, 170, 179])
@pytest.mark.parametrize("length_m, g", [(1.0, 9.81), (0.25, 9.81), (2.0, 1.62)])
def test_period_matches_exact_value_to_1e9(amplitude_deg, length_m, g):
    exact = agm_period(length_m, amplitude_deg, g)
    assert pendulum.period(length_m, amplitude_deg, g) == pytest.approx(exact, rel=1e-9)


def test_period_ratio_at_90_degrees_is_published_value():
    # T/T0 = 1.18034 at 90° (tabulated to 5 decimal places).
    assert round(pendulum.period(1.0, 90.0) / pendulum.small_angle_period(1.0), 5) == 1.18034
    assert pendulum.period_ratio(90.0) == pytest.approx(1.180340599, rel=1e-9)


def test_small_angle_limit_is_2pi_sqrt_l_over_g():
    for length_m in (0.1, 1.0, 3.0):
        t0 = 2 * math.pi * math.sqrt(length_m / 9.81)
        assert pendulum.small_angle_period(length_m) == pytest.approx(t0, rel=1e-15)
        # Series T/T0 = 1 + θ0²/16 + 11θ0⁴/3072 + O(θ0⁶): the first correction is real.
        for amplitude_deg in (0.01, 1.0, 5.0):
            theta0 = math.radians(amplitude_deg)
            series = 1 + theta0**2 / 16 + 11 * theta0**4 / 3072
            assert pendulum.period(length_m, amplitude_deg) / t0 == pytest.approx(series, rel=1e-9)


def test_period_grows_with_amplitude_and_diverges_towards_180():
    amplitudes = np.linspace(1, 179, 60)
    periods = [pendulum.period(1.0, a) for a in amplitudes]
    assert all(np.diff(periods) > 0)
    assert pendulum.period(1.0, 179.999) / pendulum.small_angle_period(1.0) > 5


def test_period_independent_of_mass():
    light = simulate(PendulumParams(mass_kg=0.01, amplitude_deg=40), duration_s=5)
    heavy = simulate(PendulumParams(mass_kg=2.0, amplitude_deg=40), duration_s=5)
    np.testing.assert_array_equal(light.angle_rad, heavy.angle_rad)
    assert heavy.initial_energy_j == pytest.approx(200 * light.initial_energy_j)


@pytest.mark.parametrize("amplitude_deg", [10, 60, 120, 170])
def test_simulation_matches_analytic_motion(amplitude_deg):
    params = PendulumParams(length_m=0.8, amplitude_deg=amplitude_deg)
    run = simulate(params, duration_s=10)
    exact = pendulum.exact_undamped_angle(params, run.times_s)
    # RK4 at T0/400: global error well below 1e-5 rad over several periods.
    assert np.max(np.abs(run.angle_rad - exact)) < 1e-5


@pytest.mark.parametrize("amplitude_deg", [10, 90, 160])
def test_measured_period_agrees_with_exact_period(amplitude_deg):
    run = simulate(PendulumParams(amplitude_deg=amplitude_deg), duration_s=20)
    measured = pendulum.measured_periods(run)
    assert len(measured) >= 3
    np.testing.assert_allclose(measured, run.period_s, rtol=1e-6)


def test_energy_is_conserved_without_damping():
    run = simulate(PendulumParams(amplitude_deg=120, mass_kg=0.5), duration_s=30)
    total = run.mechanical_energy_j
    assert np.max(np.abs(total - total[0])) / total[0] < 1e-7
    assert np.all(run.thermal_energy_j == 0)
    # Energy moves between stores: at the bottom nearly all of it is kinetic.
    assert run.kinetic_energy_j.max() == pytest.approx(total[0], rel=1e-6)


def test_damping_transfers_energy_to_surroundings_and_total_is_kept():
    run = simulate(PendulumParams(amplitude_deg=30, damping_per_s=0.3), duration_s=20)
    mechanical = run.mechanical_energy_j
    assert np.all(np.diff(mechanical) <= 1e-15)  # never gains energy
    stores = mechanical + run.thermal_energy_j
    np.testing.assert_allclose(stores, run.initial_energy_j, rtol=1e-9)
    # Small-amplitude limit: energy decays as exp(-b t) on average.
    expected = math.exp(-0.3 * 20)
    assert mechanical[-1] / mechanical[0] == pytest.approx(expected, rel=0.15)


def test_time_step_independence():
    params = PendulumParams(length_m=1.5, amplitude_deg=75, damping_per_s=0.05)
    coarse = simulate(params, duration_s=10, time_step_s=0.01)
    fine = simulate(params, duration_s=10, time_step_s=0.005)
    finest = simulate(params, duration_s=10, time_step_s=0.0025)
    # Compare at the shared sample times (every 4th of the finest).
    error_coarse = np.max(np.abs(coarse.angle_rad - finest.angle_rad[::4]))
    error_fine = np.max(np.abs(fine.angle_rad - finest.angle_rad[::2]))
    assert error_fine < 1e-6
    # Fourth-order method: halving the step cuts the error by about 16.
    assert 10 < error_coarse / error_fine < 20


def test_last_sample_lands_on_duration_even_when_step_does_not_divide_it():
    run = simulate(PendulumParams(), duration_s=1.0, time_step_s=0.3)
    assert run.times_s[-1] == pytest.approx(1.0)
    assert np.all(np.diff(run.times_s) > 0)


@pytest.mark.parametrize(
    "field, value, range_text",
    [
        ("length_m", 0, "(0, 1000] m"),
        ("length_m", -1, "(0, 1000] m"),
        ("amplitude_deg", 180, "(0, 180) degrees"),
        ("amplitude_deg", 0, "(0, 180) degrees"),
        ("mass_kg", 0, "(0, 1000] kg"),
        ("g_m_s2", -9.81, "(0, 1000] m/s^2"),
        ("damping_per_s", -0.1, "[0, 100] 1/s"),
        ("length_m", float("nan"), "(0, 1000] m"),
    ],
)
def test_out_of_range_parameters_raise_value_error_naming_field_and_range(field, value, range_text):
    with pytest.raises(ValueError) as error:
        PendulumParams(**{field: value})
    assert field in str(error.value)
    assert range_text in str(error.value)


def test_period_and_simulate_arguments_are_validated():
    with pytest.raises(ValueError, match=r"amplitude_deg must be in \(0, 180\)"):
        pendulum.period(1.0, 200)
    with pytest.raises(ValueError, match="length_m"):
        pendulum.period(0.0, 10)
    with pytest.raises(ValueError, match="g must be"):
        pendulum.small_angle_period(1.0, g=0)
    with pytest.raises(ValueError, match="duration_s"):
        simulate(PendulumParams(), duration_s=-1)
    with pytest.raises(ValueError, match="time_step_s"):
        simulate(PendulumParams(), duration_s=1, time_step_s=2)
    with pytest.raises(ValueError, match="length_m must be a number"):
        PendulumParams(length_m="long")


def test_params_are_frozen():
    params = PendulumParams()
    with pytest.raises(AttributeError):
        params.length_m = 2.0


def test_describe_states_period_and_energy():
    run = simulate(PendulumParams(length_m=1.0, amplitude_deg=90))
    text = pendulum.describe(run)
    assert "1.00 m" in text and "90°" in text
    assert f"{run.period_s:.3f} s" in text
    assert "18.0% longer" in text
    assert "total stays constant" in text
    damped = pendulum.describe(simulate(PendulumParams(damping_per_s=0.5), duration_s=10))
    assert "transferred" in damped and "surroundings" in damped


def test_model_import_does_not_pull_in_plotting_or_widgets():
    import subprocess
    import sys

    code = (
        "import sys, stemcpd.physics.pendulum; "
        "bad = [m for m in ('matplotlib', 'ipywidgets') if m in sys.modules]; "
        "print(bad); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_to_table_exports_the_run_with_units():
    run = simulate(PendulumParams(amplitude_deg=20), duration_s=2)
    table = pendulum.to_table(run)
    assert table.headers[:2] == ["time / s", "angle / °"]
    assert len(table) == len(run.times_s)
    np.testing.assert_allclose(table.column("angle"), run.angle_deg)
    assert table.to_csv().count("\n") == len(run.times_s) + 1


def test_period_table_gives_t_squared_proportional_to_length():
    table = pendulum.period_table([0.2, 0.4, 0.8], amplitude_deg=1.0)
    ratio = table.column("period squared") / table.column("length")
    np.testing.assert_allclose(ratio, 4 * math.pi**2 / 9.81, rtol=1e-4)


def test_virtual_practical_recovers_g_and_shows_the_systematic_error():
    from stemcpd.practical import fit_line

    table = pendulum.virtual_practical(lengths_m=np.linspace(0.2, 1.2, 11), repeats=5, seed=3)
    gradient, intercept, gradient_error, intercept_error = fit_line(
        table.column("length measured"), table.column("mean period squared"))
    g_measured = 4 * math.pi**2 / gradient
    # Hand timing of 10 swings: g within a few percent of 9.81 N/kg.
    assert g_measured == pytest.approx(9.81, rel=0.03)
    # Lengths 1.0 cm short → T² = (4π²/g)(L_measured + 0.01): positive intercept ≈ 0.040 s².
    assert intercept == pytest.approx(4 * math.pi**2 / 9.81 * 0.010, abs=3 * intercept_error + 0.01)
    assert intercept > 0
    # Seeded: the same class results every time; another seed differs.
    again = pendulum.virtual_practical(lengths_m=np.linspace(0.2, 1.2, 11), repeats=5, seed=3)
    np.testing.assert_array_equal(table.data, again.data)
    assert not np.array_equal(table.data, pendulum.virtual_practical(
        lengths_m=np.linspace(0.2, 1.2, 11), repeats=5, seed=4).data)
    # Stopwatch readings are to 0.01 s.
    times = table.column("time for 10 swings, run 1")
    np.testing.assert_allclose(np.round(times, 2), times, atol=1e-9)


def test_virtual_practical_validates_its_arguments():
    with pytest.raises(ValueError, match="oscillations"):
        pendulum.virtual_practical(oscillations=0)
    with pytest.raises(ValueError, match="repeats"):
        pendulum.virtual_practical(repeats=11)
    with pytest.raises(ValueError, match="length_m"):
        pendulum.virtual_practical(lengths_m=[0.5, -0.1])
    with pytest.raises(ValueError, match="lengths_m must list"):
        pendulum.virtual_practical(lengths_m=[])


def test_potential_energy_at_the_release_angle_is_the_initial_energy():
    run = simulate(PendulumParams(length_m=0.8, amplitude_deg=35, mass_kg=0.4))
    assert run.potential_energy_at_j(35) == pytest.approx(run.initial_energy_j, rel=1e-9)
    assert run.potential_energy_at_j(90) == pytest.approx(0.4 * 9.81 * 0.8)
