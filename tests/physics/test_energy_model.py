"""Energy-track model against analytic results.

References (GCSE energy and forces; any mechanics text, e.g. Young & Freedman,
University Physics, §5.3 on kinetic friction and §7.1–7.3 on energy):
* frictionless: v = √(2 g h) at the bottom, total energy constant, returns to height h;
* sliding friction F = μ m g cos θ on an incline: work done against friction over a
  distance d is μ m g cos θ · d, so at the foot of a ramp v = √(2 g h (1 − μ/tan θ));
* first height on the far ramp h₂ = (h − μ h/tan θ − μ L)/(1 + μ/tan θ) (energy balance).
An independent brute-force integrator below (semi-implicit Euler with a tiny step)
checks the event-driven solution.
"""

import math

import numpy as np
import pytest

from stemcpd.physics import energy
from stemcpd.physics.energy import TrackParams, simulate

G = 9.81


def time_to_bottom(params):
    theta = math.radians(params.ramp_angle_deg)
    acceleration = G * (math.sin(theta) - params.friction_coefficient * math.cos(theta))
    return math.sqrt(2 * params.ramp_length_m / acceleration)


@pytest.mark.parametrize("height_m, angle_deg", [(1.0, 30), (0.2, 10), (3.0, 70), (2.0, 45)])
def test_frictionless_speed_at_the_bottom_is_root_2gh_and_energy_is_conserved(height_m, angle_deg):
    params = TrackParams(height_m=height_m, ramp_angle_deg=angle_deg, friction_coefficient=0.0)
    run = simulate(params, duration_s=30)
    assert run.speed_at_bottom_m_s == pytest.approx(math.sqrt(2 * G * height_m), rel=1e-12)
    total = run.total_energy_j
    # Exact piecewise solution: total constant to 1e-10 of m g h over 30 s.
    assert np.max(np.abs(total - run.initial_energy_j)) < 1e-10 * run.initial_energy_j
    assert np.all(run.thermal_energy_j == 0)
    assert run.speed_m_s.max() == pytest.approx(math.sqrt(2 * G * height_m), rel=1e-3)  # sampled
    assert run.highest_after_start_m == pytest.approx(height_m, rel=1e-12)
    assert run.y_m.max() == pytest.approx(height_m, rel=1e-12)
    assert run.efficiency == 1.0 and math.isinf(run.rest_time_s)


@pytest.mark.parametrize("mu, angle_deg", [(0.1, 30), (0.3, 45), (0.05, 15), (0.5, 60)])
def test_thermal_store_matches_work_against_friction_on_the_incline(mu, angle_deg):
    params = TrackParams(height_m=1.5, ramp_angle_deg=angle_deg, friction_coefficient=mu, mass_kg=2.0)
    theta = math.radians(angle_deg)
    t_bottom = time_to_bottom(params)
    run = simulate(params, duration_s=t_bottom)  # the last sample lands at the foot of the ramp
    d = 1.5 / math.sin(theta)
    assert run.distance_along_m[-1] == pytest.approx(d, rel=1e-9)
    assert run.thermal_energy_j[-1] == pytest.approx(mu * 2.0 * G * math.cos(theta) * d, rel=1e-9)
    expected_speed = math.sqrt(2 * G * 1.5 * (1 - mu / math.tan(theta)))
    assert run.speed_m_s[-1] == pytest.approx(expected_speed, rel=1e-9)
    assert run.speed_at_bottom_m_s == pytest.approx(expected_speed, rel=1e-12)
    # Efficiency = useful output (KE at the foot) / input (GPE given up) = 1 − μ/tan θ.
    assert run.efficiency == pytest.approx(run.kinetic_energy_j[-1] / run.initial_energy_j, rel=1e-9)
    assert run.efficiency == pytest.approx(1 - mu / math.tan(theta), rel=1e-12)


def test_with_friction_total_of_three_stores_is_conserved_and_thermal_only_grows():
    run = simulate(TrackParams(friction_coefficient=0.15, flat_length_m=2.0))
    np.testing.assert_allclose(run.total_energy_j, run.initial_energy_j, rtol=1e-10)
    assert np.all(np.diff(run.thermal_energy_j) >= -1e-12)
    assert math.isfinite(run.rest_time_s)
    # At rest on the floor: everything has gone to the thermal store.
    assert run.y_m[-1] == pytest.approx(0.0, abs=1e-12)
    assert run.thermal_energy_j[-1] == pytest.approx(run.initial_energy_j, rel=1e-10)
    assert run.kinetic_energy_j[-1] == 0


@pytest.mark.parametrize("mu, flat_m", [(0.1, 1.0), (0.2, 0.0), (0.05, 2.5)])
def test_first_height_on_the_far_ramp_matches_the_energy_balance(mu, flat_m):
    params = TrackParams(height_m=2.0, ramp_angle_deg=40, friction_coefficient=mu, flat_length_m=flat_m)
    cot = 1 / math.tan(math.radians(40))
    expected = (2.0 - mu * 2.0 * cot - mu * flat_m) / (1 + mu * cot)
    assert simulate(params).highest_after_start_m == pytest.approx(expected, rel=1e-9)


def test_friction_too_strong_to_start_means_nothing_moves():
    params = TrackParams(ramp_angle_deg=10, friction_coefficient=0.3)  # tan 10° = 0.18 < 0.3
    run = simulate(params, duration_s=5)
    assert np.all(run.distance_along_m == 0) and np.all(run.thermal_energy_j == 0)
    assert run.speed_at_bottom_m_s == 0 and run.efficiency == 0
    assert "strong enough to hold it" in energy.describe(run)


def test_motion_does_not_depend_on_mass_but_energies_scale_with_it():
    light = simulate(TrackParams(mass_kg=0.5))
    heavy = simulate(TrackParams(mass_kg=5.0))
    np.testing.assert_array_equal(light.distance_along_m, heavy.distance_along_m)
    np.testing.assert_allclose(heavy.thermal_energy_j, 10 * light.thermal_energy_j, rtol=1e-12)


def brute_force(params, duration_s, dt=2e-5):
    """Independent reference: semi-implicit Euler on the same forces, tiny step."""
    theta = math.radians(params.ramp_angle_deg)
    d, flat, mu = params.ramp_length_m, params.flat_length_m, params.friction_coefficient
    s, v = 0.0, 0.0
    positions = []
    for _ in range(int(round(duration_s / dt))):
        if s < d:
            gravity, friction = G * math.sin(theta), mu * G * math.cos(theta)
        elif s < d + flat:
            gravity, friction = 0.0, mu * G
        else:
            gravity, friction = -G * math.sin(theta), mu * G * math.cos(theta)
        if v != 0:
            new_v = v + (gravity - math.copysign(friction, v)) * dt
            v = 0.0 if new_v * v < 0 and abs(gravity) <= friction else new_v
        elif abs(gravity) > friction:
            v = (gravity - math.copysign(friction, gravity)) * dt
        s += v * dt
        positions.append(s)
    return np.array(positions)


def test_event_solution_agrees_with_a_brute_force_integration():
    params = TrackParams(height_m=1.0, ramp_angle_deg=35, flat_length_m=0.8, friction_coefficient=0.12)
    run = simulate(params, duration_s=4.0, time_step_s=0.01)
    reference = brute_force(params, 4.0)
    # Compare every 0.01 s (500 reference steps); first-order reference: 2 mm agreement.
    samples = reference[499::500]
    np.testing.assert_allclose(run.distance_along_m[1:], samples, atol=2e-3)


def test_time_step_independence():
    params = TrackParams(friction_coefficient=0.08, flat_length_m=1.5)
    coarse = simulate(params, duration_s=8, time_step_s=0.04)
    fine = simulate(params, duration_s=8, time_step_s=0.01)
    np.testing.assert_allclose(coarse.distance_along_m, fine.distance_along_m[::4], atol=1e-12)
    np.testing.assert_allclose(coarse.thermal_energy_j, fine.thermal_energy_j[::4], rtol=1e-12, atol=1e-12)
    assert coarse.rest_time_s == fine.rest_time_s and coarse.speed_at_bottom_m_s == fine.speed_at_bottom_m_s


def test_automatic_duration_covers_the_slide_until_rest():
    run = simulate(TrackParams(friction_coefficient=0.2))
    assert run.times_s[-1] in (2.0, 5.0, 10.0, 20.0, 30.0, 60.0)
    assert run.times_s[-1] >= run.rest_time_s
    frictionless = simulate(TrackParams(friction_coefficient=0.0))
    assert frictionless.times_s[-1] >= 2 * 2 * (2 * time_to_bottom(TrackParams()) + 1.0 / math.sqrt(2 * G))


def test_track_shape_corners():
    params = TrackParams(height_m=1.0, ramp_angle_deg=30, flat_length_m=1.0)
    x, y = energy.track_shape(params, [0, 2.0, 3.0, 5.0])
    np.testing.assert_allclose(y, [1.0, 0.0, 0.0, 1.0], atol=1e-12)
    np.testing.assert_allclose(x, [0.0, 2 * math.cos(math.radians(30)), 2 * math.cos(math.radians(30)) + 1,
                                   4 * math.cos(math.radians(30)) + 1], atol=1e-12)


@pytest.mark.parametrize(
    "field, value, range_text",
    [
        ("height_m", 0, "(0, 100] m"),
        ("ramp_angle_deg", 90, "(0, 90) degrees"),
        ("ramp_angle_deg", 0, "(0, 90) degrees"),
        ("flat_length_m", -0.1, "[0, 100] m"),
        ("mass_kg", 0, "(0, 1000] kg"),
        ("friction_coefficient", -0.1, "[0, 2]"),
        ("g_m_s2", 0, "(0, 1000] m/s^2"),
        ("height_m", float("nan"), "(0, 100] m"),
    ],
)
def test_out_of_range_parameters_raise_value_error_naming_field_and_range(field, value, range_text):
    with pytest.raises(ValueError) as error:
        TrackParams(**{field: value})
    assert field in str(error.value) and range_text in str(error.value)


def test_simulate_arguments_are_validated_and_params_frozen():
    with pytest.raises(ValueError, match="duration_s"):
        simulate(TrackParams(), duration_s=-1)
    with pytest.raises(ValueError, match="time_step_s"):
        simulate(TrackParams(), duration_s=1, time_step_s=5)
    with pytest.raises(AttributeError):
        TrackParams().height_m = 2


def test_describe_states_speed_efficiency_and_stores():
    frictionless = energy.describe(simulate(TrackParams(friction_coefficient=0)))
    assert "9.81 J" in frictionless and "4.43 m/s" in frictionless and "100%" in frictionless
    assert "total stays 9.81 J" in frictionless
    run = simulate(TrackParams(friction_coefficient=0.1))
    text = energy.describe(run)
    assert "4.03 m/s" in text and "83%" in text and "thermal store" in text
    assert f"{run.rest_time_s:.1f} s" in text


def test_to_table_has_time_and_each_store():
    run = simulate(TrackParams())
    table = energy.to_table(run)
    assert table.headers == [
        "time / s", "distance along track / m", "height / m", "speed / m/s",
        "gravitational potential energy / J", "kinetic energy / J", "thermal energy / J", "total energy / J",
    ]
    assert len(table) == len(run.times_s)
    np.testing.assert_allclose(table.column("total energy"), run.initial_energy_j, rtol=1e-10)
