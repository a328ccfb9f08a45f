"""Trolley, light gates and terminal velocity against exact results.

References:
* Newton's second law for trolley + hanging mass, a = (M g − F)/(m + M), and the
  constant-acceleration equations v = a t, s = ½ a t², v² = u² + 2 a s (AQA GCSE Physics
  equation sheet). Tolerance 1e-12 relative (closed forms).
* Quadratic drag from rest: v = v_t tanh(g t / v_t), distance (v_t²/g) ln cosh(g t / v_t),
  v_t = √(m g / k) (e.g. J. R. Taylor, *Classical Mechanics* (2005), §2.4). The numerical
  integration must match to 1e-9 relative at the default step.
"""

import math

import numpy as np
import pytest

from stemcpd.physics import motion
from stemcpd.physics.motion import TrolleyParams, simulate
from stemcpd.practical import fit_line


@pytest.mark.parametrize("m, big_m, friction, g", [
    (0.5, 0.05, 0.0, 9.81), (1.2, 0.2, 0.3, 9.81), (0.1, 0.5, 0.5, 1.62), (2.0, 0.01, 0.0, 24.79),
])
def test_acceleration_is_resultant_force_over_total_mass(m, big_m, friction, g):
    expected = (big_m * g - friction) / (m + big_m)
    assert motion.acceleration(m, big_m, friction, g) == pytest.approx(expected, rel=1e-12)
    run = simulate(TrolleyParams(trolley_mass_kg=m, hanging_mass_kg=big_m, friction_n=friction, g_m_s2=g))
    assert run.acceleration_m_s2 == pytest.approx(expected, rel=1e-12)
    # Tension: the hanging mass accelerates at a too, so T = M (g − a).
    assert run.tension_n == pytest.approx(big_m * (g - expected), rel=1e-12)
    # Force on the trolley alone: T − F = m a.
    assert run.tension_n - friction == pytest.approx(m * expected, rel=1e-9)


def test_run_follows_constant_acceleration_kinematics():
    params = TrolleyParams(trolley_mass_kg=0.8, hanging_mass_kg=0.1, friction_n=0.2)
    run = simulate(params)
    a = (0.1 * 9.81 - 0.2) / 0.9
    np.testing.assert_allclose(run.velocity_m_s, a * run.times_s, rtol=1e-12)
    np.testing.assert_allclose(run.position_m, 0.5 * a * run.times_s**2, rtol=1e-12)
    # v² = 2 a s throughout, and the run ends as the card reaches the end of the runway.
    np.testing.assert_allclose(run.velocity_m_s**2, 2 * a * run.position_m, rtol=1e-12, atol=1e-15)
    assert run.position_m[-1] == pytest.approx(params.runway_length_m, rel=1e-12)
    assert run.end_time_s == pytest.approx(math.sqrt(2 * 2.0 / a), rel=1e-12)


def test_light_gate_speed_is_card_length_over_gate_time():
    params = TrolleyParams(trolley_mass_kg=0.5, hanging_mass_kg=0.05, gate_1_m=0.3, gate_2_m=1.0,
                           card_length_m=0.05)
    run = simulate(params)
    a = run.acceleration_m_s2
    for gate, gate_time, entry, speed in zip((0.3, 1.0), run.gate_times_s, run.gate_entry_times_s,
                                             run.gate_speeds_m_s):
        # Time between the front edge reaching the beam and the back edge leaving it.
        expected_time = math.sqrt(2 * (gate + 0.05) / a) - math.sqrt(2 * gate / a)
        assert gate_time == pytest.approx(expected_time, rel=1e-12)
        assert entry == pytest.approx(math.sqrt(2 * gate / a), rel=1e-12)
        assert speed == pytest.approx(0.05 / expected_time, rel=1e-12)
        # c/Δt is the speed at the middle *time* of the passage (constant acceleration).
        assert speed == pytest.approx(a * (entry + gate_time / 2), rel=1e-12)
        # … which lies between the speeds as the card enters and leaves the beam.
        assert math.sqrt(2 * a * gate) < speed < math.sqrt(2 * a * (gate + 0.05))
    # Two gates give back a by v² = u² + 2as, to within the tiny card-length effect.
    assert run.measured_acceleration_m_s2 == pytest.approx(a, rel=1e-3)


def test_short_cards_measure_the_speed_at_the_gate():
    a = 0.8
    speeds = [0.001 / motion.light_gate_time(0.5, 0.001, a), 1e-6 / motion.light_gate_time(0.5, 1e-6, a)]
    assert speeds[1] == pytest.approx(math.sqrt(2 * a * 0.5), rel=1e-6)
    assert abs(speeds[0] - math.sqrt(2 * a * 0.5)) > abs(speeds[1] - math.sqrt(2 * a * 0.5))
    np.testing.assert_allclose(motion.light_gate_time(np.array([0.2, 0.4]), 0.05, a),
                               [motion.light_gate_time(0.2, 0.05, a), motion.light_gate_time(0.4, 0.05, a)])


def test_zero_friction_limit_and_friction_that_wins():
    free = simulate(TrolleyParams(friction_n=0.0))
    assert free.acceleration_m_s2 == pytest.approx(0.05 * 9.81 / 0.55, rel=1e-12)
    almost = simulate(TrolleyParams(friction_n=1e-9))
    assert almost.acceleration_m_s2 == pytest.approx(free.acceleration_m_s2, rel=1e-8)
    assert np.allclose(almost.gate_times_s, free.gate_times_s, rtol=1e-7)
    # Friction at least the pull: no motion, no gate readings.
    stuck = simulate(TrolleyParams(hanging_mass_kg=0.05, friction_n=0.05 * 9.81))
    assert stuck.acceleration_m_s2 == 0 and not stuck.moves
    assert np.all(stuck.velocity_m_s == 0) and np.all(np.isinf(stuck.gate_times_s))
    assert stuck.duration_s == motion.model.MAX_DURATION_S
    assert stuck.tension_n == pytest.approx(0.05 * 9.81)
    assert "stays still" in motion.describe(stuck)
    assert simulate(TrolleyParams(hanging_mass_kg=0.0)).acceleration_m_s2 == 0


def test_newtons_second_law_a_proportional_to_force_and_inverse_to_mass():
    forces = [motion.acceleration(1.0 - big_m, big_m) for big_m in (0.02, 0.04, 0.08)]
    assert forces[1] / forces[0] == pytest.approx(2.0, rel=1e-12)
    assert forces[2] / forces[0] == pytest.approx(4.0, rel=1e-12)
    light, heavy = motion.acceleration(0.45, 0.05), motion.acceleration(0.95, 0.05)
    assert light / heavy == pytest.approx(2.0, rel=1e-12)


def test_very_slow_runs_are_shown_for_at_most_a_minute():
    run = simulate(TrolleyParams(trolley_mass_kg=2.0, hanging_mass_kg=0.01, friction_n=0.098))
    assert 0 < run.acceleration_m_s2 < 1e-3
    assert run.duration_s == 60.0 and run.end_time_s > 60.0


def test_virtual_practical_recovers_mass_and_shows_uncompensated_friction():
    table = motion.virtual_practical(seed=0)
    force, accel = table.column("accelerating force"), table.column("acceleration")
    gradient, intercept, gradient_error, intercept_error = fit_line(force, accel)
    # Gradient = 1 / total mass = 1 /kg: the mass comes back within 5% (and 3 s.e.).
    mass = 1.0 / gradient
    assert mass == pytest.approx(1.0, rel=0.05)
    assert abs(gradient - 1.0) < 3 * gradient_error + 0.02
    # Systematic error: the line crosses the force axis at the friction, 0.10 N, so the
    # acceleration-axis intercept is negative (−F/m = −0.10 m/s²), clearly not zero.
    force_axis_intercept = -intercept / gradient
    assert force_axis_intercept == pytest.approx(motion.UNCOMPENSATED_FRICTION_N, abs=0.03)
    assert intercept < -3 * intercept_error
    # Without the systematic error the line goes through the origin.
    ideal = motion.virtual_practical(friction_n=0.0, seed=0)
    _, ideal_intercept, _, ideal_error = fit_line(ideal.column("accelerating force"), ideal.column("acceleration"))
    assert abs(ideal_intercept) < 3 * ideal_error + 0.01


def test_virtual_practical_readings_are_realistic_and_seeded():
    table = motion.virtual_practical(seed=5, repeats=4)
    assert table.headers[:5] == ["hanging mass / kg", "accelerating force / N", "run", "gate 1 time / s",
                                 "gate 2 time / s"]
    assert len(table) == 5 * 4
    times = np.concatenate([table.column("gate 1 time"), table.column("gate 2 time")])
    np.testing.assert_allclose(np.round(times, 3), times, atol=1e-12)  # 0.001 s resolution
    np.testing.assert_allclose(table.column("speed at gate 1"), 0.05 / table.column("gate 1 time"))
    # Scatter is small: each reading within 3 ms of the true gate time.
    true = []
    for big_m in (0.02, 0.04, 0.06, 0.08, 0.10):
        run = simulate(TrolleyParams(trolley_mass_kg=1.0 - big_m, hanging_mass_kg=big_m, friction_n=0.1,
                                     gate_2_m=0.9, runway_length_m=1.0))
        true.append(np.repeat(run.gate_times_s[None, :], 4, axis=0))
    true = np.concatenate(true)
    readings = np.column_stack([table.column("gate 1 time"), table.column("gate 2 time")])
    assert np.max(np.abs(readings - true)) < 0.003
    assert not np.array_equal(readings, np.round(true, 3))  # but there is scatter
    np.testing.assert_array_equal(table.data, motion.virtual_practical(seed=5, repeats=4).data)
    assert not np.array_equal(table.data, motion.virtual_practical(seed=6, repeats=4).data)


def test_virtual_practical_validates_its_arguments():
    with pytest.raises(ValueError, match="repeats"):
        motion.virtual_practical(repeats=0)
    with pytest.raises(ValueError, match="hanging_mass_kg"):
        motion.virtual_practical(hanging_masses_kg=[0.02, 1.5])
    with pytest.raises(ValueError, match="hanging_masses_kg must list"):
        motion.virtual_practical(hanging_masses_kg=[])
    with pytest.raises(ValueError, match="not enough to overcome friction"):
        motion.virtual_practical(hanging_masses_kg=[0.005, 0.05], friction_n=0.1)
    with pytest.raises(ValueError, match="seed"):
        motion.virtual_practical(seed=-1)


# ----- terminal velocity -------------------------------------------------------------
@pytest.mark.parametrize("mass, k, g", [(0.1, 0.01, 9.81), (80.0, 0.25, 9.81), (0.003, 1e-4, 1.62)])
def test_numerical_fall_matches_tanh_solution(mass, k, g):
    run = motion.simulate_fall(mass, k, g)
    v_t = math.sqrt(mass * g / k)
    assert run.terminal_velocity_m_s == pytest.approx(v_t, rel=1e-15)
    exact_speed = v_t * np.tanh(g * run.times_s / v_t)
    # ln cosh x written as ln(1 + 2 sinh²(x/2)) so the reference keeps its digits near 0.
    exact_distance = v_t**2 / g * np.log1p(2 * np.sinh(g * run.times_s / v_t / 2) ** 2)
    np.testing.assert_allclose(run.speed_m_s, exact_speed, rtol=1e-9, atol=1e-12 * v_t)
    np.testing.assert_allclose(run.distance_m, exact_distance, rtol=1e-9, atol=1e-12 * v_t**2 / g)
    np.testing.assert_allclose(motion.falling_speed(run.times_s, mass, k, g), exact_speed, rtol=1e-14)
    np.testing.assert_allclose(motion.falling_distance(run.times_s, mass, k, g), exact_distance,
                               rtol=1e-12, atol=1e-15)
    # After four time constants the speed is within 0.1% of terminal; drag ≈ weight.
    assert run.speed_m_s[-1] == pytest.approx(v_t, rel=1e-3)
    assert run.drag_force_n[-1] == pytest.approx(mass * g, rel=2e-3)


def test_fall_starts_in_free_fall_and_never_exceeds_terminal_velocity():
    run = motion.simulate_fall(0.5, 0.02, duration_s=30.0)
    early = run.times_s < 0.05
    np.testing.assert_allclose(run.speed_m_s[early], 9.81 * run.times_s[early], rtol=1e-3)
    assert np.all(np.diff(run.speed_m_s) >= 0)
    assert np.all(run.speed_m_s < run.terminal_velocity_m_s)
    # Far distances do not overflow ln cosh.
    assert np.isfinite(motion.falling_distance(1e4, 0.5, 0.02))


def test_fall_time_step_independence():
    coarse = motion.simulate_fall(1.0, 0.05, duration_s=4.0, time_step_s=0.04)
    fine = motion.simulate_fall(1.0, 0.05, duration_s=4.0, time_step_s=0.02)
    finest = motion.simulate_fall(1.0, 0.05, duration_s=4.0, time_step_s=0.01)
    error_coarse = np.max(np.abs(coarse.speed_m_s - finest.speed_m_s[::4]))
    error_fine = np.max(np.abs(fine.speed_m_s - finest.speed_m_s[::2]))
    assert error_fine < 1e-6
    assert 12 < error_coarse / error_fine < 20  # fourth order


def test_fall_validation_describe_and_table():
    with pytest.raises(ValueError, match=r"drag_constant_kg_m must be in \(0, 100\] kg/m"):
        motion.terminal_velocity(1.0, 0.0)
    with pytest.raises(ValueError, match=r"mass_kg must be in \(0, 1000\] kg"):
        motion.simulate_fall(-1.0, 0.1)
    with pytest.raises(ValueError, match="time_step_s"):
        motion.simulate_fall(1.0, 0.1, duration_s=1.0, time_step_s=2.0)
    run = motion.simulate_fall(0.1, 0.01)
    text = motion.describe_fall(run)
    assert f"{run.terminal_velocity_m_s:.2f} m/s" in text and "99%" in text
    table = motion.fall_to_table(run)
    assert table.headers == ["time / s", "speed / m/s", "distance fallen / m", "air resistance / N"]
    assert len(table) == len(run.times_s)


# ----- validation, description, table --------------------------------------------------
@pytest.mark.parametrize(
    "field, value, range_text",
    [
        ("trolley_mass_kg", 0, "(0, 100] kg"),
        ("hanging_mass_kg", -0.01, "[0, 100] kg"),
        ("friction_n", -1, "[0, 1000] N"),
        ("g_m_s2", 0, "(0, 100] m/s^2"),
        ("gate_1_m", 0, "(0, 10] m"),
        ("gate_2_m", 11, "(0, 10] m"),
        ("card_length_m", 2, "(0, 1] m"),
        ("runway_length_m", 0, "(0, 10] m"),
        ("trolley_mass_kg", float("nan"), "(0, 100] kg"),
    ],
)
def test_out_of_range_parameters_raise_value_error_naming_field_and_range(field, value, range_text):
    with pytest.raises(ValueError) as error:
        TrolleyParams(**{field: value})
    assert field in str(error.value)
    assert range_text in str(error.value)


def test_gates_must_be_in_order_and_on_the_runway():
    with pytest.raises(ValueError, match="gate_1_m .* must be less than gate_2_m"):
        TrolleyParams(gate_1_m=1.0, gate_2_m=0.5)
    with pytest.raises(ValueError, match="runway_length_m .* must be at least gate_2_m"):
        TrolleyParams(gate_2_m=1.98, card_length_m=0.05, runway_length_m=2.0)
    with pytest.raises(ValueError, match="hanging_mass_kg"):
        motion.acceleration(0.5, -1)
    with pytest.raises(AttributeError):
        TrolleyParams().friction_n = 1.0


def test_describe_states_force_mass_acceleration_and_gate_readings():
    run = simulate(TrolleyParams())
    text = motion.describe(run)
    assert "0.49 N" in text and "0.55 kg" in text and f"{run.acceleration_m_s2:.3f} m/s²" in text
    assert f"{run.gate_times_s[0]:.3f} s" in text and f"{run.gate_speeds_m_s[1]:.2f} m/s" in text


def test_to_table_exports_the_run_with_units():
    run = simulate(TrolleyParams(friction_n=0.1))
    table = motion.to_table(run)
    assert table.headers == ["time / s", "distance / m", "velocity / m/s"]
    assert len(table) == len(run.times_s)
    np.testing.assert_allclose(table.column("velocity"), run.velocity_m_s)
    assert "friction 0.1 N" in table.title

