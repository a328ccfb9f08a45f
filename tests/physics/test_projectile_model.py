"""Projectile model against exact and independent results.

References:
* No air resistance: the closed-form results x = u cos θ t, y = h + u sin θ t − ½ g t²;
  range u² sin 2θ / g, greatest height h + (u sin θ)²/2g, time of flight the positive
  root of h + u sin θ t − ½ g t² = 0 (any A-level mechanics text). Tolerance 1e-9
  relative.
* Vertical launch with quadratic drag (exact, e.g. J. R. Taylor, *Classical Mechanics*
  (2005), §2.4 and problem 2.41): with v_t = √(g/k), rise time (v_t/g) arctan(u/v_t),
  greatest height (v_t²/2g) ln(1 + u²/v_t²), fall time (v_t/g) arccosh(exp(g H / v_t²)).
  Tolerance 1e-6 relative.
* Any launch with drag: scipy's DOP853 solver (a different method) at rtol = atol
  = 1e-12 with event location, used as the reference. Tolerance 1e-6 relative (the
  model is typically within 3e-8).
"""

import math

import numpy as np
import pytest
from scipy.integrate import solve_ivp
from scipy.optimize import minimize_scalar

from stemcpd.physics import projectile
from stemcpd.physics.projectile import ProjectileParams, flight, simulate


def exact_vacuum(speed, angle_deg, height, g):
    """Range, greatest height and time of flight without drag, by the textbook formulae."""
    angle = math.radians(angle_deg)
    vx, vy = speed * math.cos(angle), speed * math.sin(angle)
    time = (vy + math.sqrt(vy**2 + 2 * g * height)) / g
    return vx * time, height + max(vy, 0) ** 2 / (2 * g), time


def reference_with_drag(speed, angle_deg, height, g, drag):
    """High-accuracy reference: solve_ivp (DOP853, rtol = atol = 1e-12) with events."""

    def rates(_t, state):
        s = math.hypot(state[2], state[3])
        return [state[2], state[3], -drag * s * state[2], -g - drag * s * state[3]]

    def landing(t, state):
        return state[1] if t > 0 else 1.0

    def top(_t, state):
        return state[3]

    landing.terminal, landing.direction = True, -1
    top.direction = -1
    angle = math.radians(angle_deg)
    solution = solve_ivp(
        rates, [0, 1e6], [0.0, height, speed * math.cos(angle), speed * math.sin(angle)],
        method="DOP853", rtol=1e-12, atol=1e-12, events=[landing, top],
    )
    highest = solution.y_events[1][0][1] if len(solution.t_events[1]) else height
    return solution.y_events[0][0][0], highest, solution.t_events[0][0]


@pytest.mark.parametrize("angle_deg", [5, 15, 30, 45, 60, 75, 89])
@pytest.mark.parametrize("speed, g", [(20.0, 9.81), (3.0, 1.62), (400.0, 24.79)])
def test_no_drag_from_ground_matches_textbook_formulae_to_1e9(angle_deg, speed, g):
    result = flight(speed, angle_deg, g=g)
    theta = math.radians(angle_deg)
    assert result.range == pytest.approx(speed**2 * math.sin(2 * theta) / g, rel=1e-9)
    assert result.max_height == pytest.approx((speed * math.sin(theta)) ** 2 / (2 * g), rel=1e-9)
    assert result.time_of_flight == pytest.approx(2 * speed * math.sin(theta) / g, rel=1e-9)


@pytest.mark.parametrize("speed, angle_deg, height, g", [
    (20, 30, 10, 9.81), (5, -30, 40, 9.81), (15, 0, 20, 9.81), (50, 70, 1000, 3.71), (1, -89, 1, 9.81),
])
def test_no_drag_from_a_height_matches_quadratic_formula(speed, angle_deg, height, g):
    expected_range, expected_height, expected_time = exact_vacuum(speed, angle_deg, height, g)
    result = flight(speed, angle_deg, height=height, g=g)
    assert result.range == pytest.approx(expected_range, rel=1e-9)
    assert result.max_height == pytest.approx(expected_height, rel=1e-9)
    assert result.time_of_flight == pytest.approx(expected_time, rel=1e-9)
    assert result.y[-1] == 0 and result.y[0] == height


def test_horizontal_launch_from_a_cliff_falls_in_sqrt_2h_over_g():
    result = flight(12.0, 0.0, height=45.0)
    assert result.time_of_flight == pytest.approx(math.sqrt(2 * 45.0 / 9.81), rel=1e-9)
    assert result.range == pytest.approx(12.0 * math.sqrt(2 * 45.0 / 9.81), rel=1e-9)
    assert result.max_height == 45.0 and result.time_of_max_height == 0.0


def test_path_samples_follow_the_closed_form_and_include_the_top():
    result = flight(25.0, 50.0, height=3.0)
    theta = math.radians(50.0)
    np.testing.assert_allclose(result.x, 25 * math.cos(theta) * result.t, rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(result.y, 3 + 25 * math.sin(theta) * result.t - 0.5 * 9.81 * result.t**2,
                               rtol=1e-9, atol=1e-9)
    np.testing.assert_allclose(result.vx, 25 * math.cos(theta), rtol=1e-12)
    assert result.max_height == pytest.approx(result.y.max(), rel=1e-12)
    assert result.time_of_max_height == pytest.approx(25 * math.sin(theta) / 9.81, rel=1e-9)
    assert np.all(np.diff(result.t) > 0)


def test_45_degrees_gives_the_greatest_range_without_drag():
    angles = np.arange(1, 90)
    ranges = np.array([flight(30.0, a).range for a in angles])
    assert angles[np.argmax(ranges)] == 45
    # Complementary angles give equal ranges.
    assert flight(30.0, 30).range == pytest.approx(flight(30.0, 60).range, rel=1e-9)


def test_drag_shortens_range_and_lowers_the_best_angle():
    for drag in (0.005, 0.05, 0.2):
        with_drag, without = flight(30.0, 45, drag=drag), flight(30.0, 45)
        assert with_drag.range < without.range
        assert with_drag.max_height < without.max_height
        assert with_drag.landing_speed < 30.0
    best = minimize_scalar(lambda a: -flight(30.0, a, drag=0.05).range, bounds=(20, 60), method="bounded",
                           options={"xatol": 1e-3})
    assert 30 < best.x < 44
    # More drag, lower best angle.
    stronger = minimize_scalar(lambda a: -flight(30.0, a, drag=0.2).range, bounds=(10, 60), method="bounded",
                               options={"xatol": 1e-3})
    assert stronger.x < best.x


def test_drag_tends_to_the_vacuum_result_as_drag_goes_to_zero():
    vacuum = flight(20.0, 40.0, height=2.0)
    previous_gap = math.inf
    for drag in (1e-3, 1e-5, 1e-7, 1e-9):
        gap = abs(flight(20.0, 40.0, height=2.0, drag=drag).range - vacuum.range) / vacuum.range
        assert gap < previous_gap
        previous_gap = gap
    assert previous_gap < 1e-7
    # First-order effect of drag on range is proportional to k.
    small = [vacuum.range - flight(20.0, 40.0, height=2.0, drag=k).range for k in (1e-4, 2e-4)]
    assert small[1] / small[0] == pytest.approx(2.0, rel=0.01)


def test_energy_is_conserved_without_drag_and_only_lost_with_it():
    result = flight(35.0, 60.0, height=12.0)
    energy = result.energy_per_kg()
    assert np.max(np.abs(energy - energy[0])) / energy[0] < 1e-12
    assert result.landing_speed == pytest.approx(math.sqrt(35.0**2 + 2 * 9.81 * 12.0), rel=1e-12)

    dragged = flight(35.0, 60.0, height=12.0, drag=0.05)
    energy = dragged.energy_per_kg()
    assert np.all(np.diff(energy) < 0)
    # Work done against drag per kg = ∫ k |v|³ dt (trapezium rule on the samples).
    work = np.sum(0.5 * (dragged.speed[1:] ** 3 + dragged.speed[:-1] ** 3) * np.diff(dragged.t)) * 0.05
    assert energy[0] - energy[-1] == pytest.approx(work, rel=1e-3)


@pytest.mark.parametrize("speed, angle_deg, height, g, drag", [
    (20, 45, 0, 9.81, 0.05),
    (50, 30, 0, 9.81, 0.3),
    (50, -45, 50, 9.81, 0.3),
    (30, 70, 10, 1.62, 0.14),
    (1000, 45, 0, 9.81, 10.0),
    (1000, 45, 0, 9.81, 0.001),
])
def test_drag_matches_high_accuracy_reference_solver(speed, angle_deg, height, g, drag):
    expected_range, expected_height, expected_time = reference_with_drag(speed, angle_deg, height, g, drag)
    result = flight(speed, angle_deg, height, g, drag)
    assert result.range == pytest.approx(expected_range, rel=1e-6)
    assert result.max_height == pytest.approx(expected_height, rel=1e-6)
    assert result.time_of_flight == pytest.approx(expected_time, rel=1e-6)


@pytest.mark.parametrize("speed, drag", [(20.0, 0.05), (50.0, 0.3), (1000.0, 10.0)])
def test_vertical_launch_with_drag_matches_exact_solution(speed, drag):
    g = 9.81
    v_t = math.sqrt(g / drag)
    rise = v_t / g * math.atan(speed / v_t)
    top = v_t**2 / (2 * g) * math.log1p((speed / v_t) ** 2)
    fall = v_t / g * math.acosh(math.exp(g * top / v_t**2))
    result = flight(speed, 90.0, drag=drag)
    assert result.time_of_max_height == pytest.approx(rise, rel=1e-6)
    assert result.max_height == pytest.approx(top, rel=1e-6)
    assert result.time_of_flight == pytest.approx(rise + fall, rel=1e-6)
    assert result.range == 0.0
    # It lands slower than terminal speed and slower than it went up.
    assert result.landing_speed < min(v_t, speed)


def test_time_step_independence_and_fourth_order_convergence():
    args = (40.0, 35.0, 5.0, 9.81, 0.1)
    reference_range, _, reference_time = reference_with_drag(*args)
    coarse, fine, default, finer = (flight(*args, steps_per_flight=n) for n in (100, 200, 400, 800))
    # Halving the default step changes the range and time of flight by < 1e-7 relative.
    assert abs(finer.range - default.range) / finer.range < 1e-7
    assert abs(finer.time_of_flight - default.time_of_flight) / finer.time_of_flight < 1e-7
    error_coarse = abs(coarse.time_of_flight - reference_time)
    error_fine = abs(fine.time_of_flight - reference_time)
    assert 10 < error_coarse / error_fine < 22  # fourth order: halving the step ÷ 16
    # Landing is located inside the step, not rounded to it: even a coarse step is close.
    assert coarse.range == pytest.approx(reference_range, rel=1e-5)


def test_launch_from_the_ground_at_or_below_horizontal_lands_at_once():
    for angle in (0.0, -30.0, -90.0):
        result = flight(10.0, angle)
        assert (result.range, result.max_height, result.time_of_flight) == (0.0, 0.0, 0.0)
        assert len(result.t) == 1
        assert "lands at once" in projectile.describe(result)
    # From a height, straight down falls h with u t + ½ g t² = h.
    down = flight(10.0, -90.0, height=20.0)
    assert down.time_of_flight == pytest.approx((-10 + math.sqrt(100 + 2 * 9.81 * 20)) / 9.81, rel=1e-9)
    assert abs(down.range) < 1e-12


def test_vacuum_comparison_is_attached_only_when_there_is_drag():
    assert flight(20, 45).vacuum is None
    dragged = flight(20, 45, drag=0.05)
    assert dragged.vacuum.range == pytest.approx(400 / 9.81, rel=1e-12)
    assert dragged.vacuum.x[-1] == pytest.approx(dragged.vacuum.range)
    assert dragged.vacuum.y.max() == pytest.approx(dragged.vacuum.max_height, rel=1e-12)


def test_gravity_presets_are_the_pendulums():
    from stemcpd.physics.pendulum import GRAVITY_PRESETS_M_S2

    assert projectile.GRAVITY_PRESETS_M_S2 is GRAVITY_PRESETS_M_S2
    moon = flight(20, 45, g=GRAVITY_PRESETS_M_S2["Moon"])
    assert moon.range == pytest.approx(flight(20, 45).range * 9.81 / 1.62, rel=1e-9)


@pytest.mark.parametrize(
    "field, value, range_text",
    [
        ("speed_m_s", 0, "(0, 1000] m/s"),
        ("speed_m_s", 1001, "(0, 1000] m/s"),
        ("angle_deg", 91, "[-90, 90] degrees"),
        ("angle_deg", -90.5, "[-90, 90] degrees"),
        ("height_m", -1, "[0, 1000] m"),
        ("g_m_s2", 0, "(0, 100] m/s^2"),
        ("drag_per_m", -0.1, "[0, 10] 1/m"),
        ("drag_per_m", 11, "[0, 10] 1/m"),
        ("speed_m_s", float("nan"), "(0, 1000] m/s"),
    ],
)
def test_out_of_range_parameters_raise_value_error_naming_field_and_range(field, value, range_text):
    with pytest.raises(ValueError) as error:
        ProjectileParams(**{field: value})
    assert field in str(error.value)
    assert range_text in str(error.value)


def test_flight_arguments_are_validated_and_params_frozen():
    with pytest.raises(ValueError, match=r"drag_per_m must be in \[0, 10\]"):
        flight(20, 45, drag=20)
    with pytest.raises(ValueError, match="speed_m_s must be a number"):
        flight("fast", 45)
    with pytest.raises(ValueError, match="steps_per_flight"):
        simulate(ProjectileParams(), steps_per_flight=5)
    with pytest.raises(AttributeError):
        ProjectileParams().speed_m_s = 3.0
    with pytest.raises(AttributeError):
        flight(20, 45).range = 3.0


def test_describe_gives_range_time_and_height():
    assert projectile.describe(flight(20, 45)) == "The ball lands 40.8 m away after 2.9 s; highest point 10.2 m."
    text = projectile.describe(flight(20, 45, drag=0.05))
    result = flight(20, 45, drag=0.05)
    assert f"{result.range:.1f} m away" in text and "without air" in text
    assert f"{result.vacuum.range:.1f} m" in text


def test_to_table_exports_the_path_with_units():
    result = flight(20, 45, height=1.5, drag=0.02)
    table = projectile.to_table(result)
    assert table.headers[:3] == ["time / s", "horizontal distance / m", "height / m"]
    assert "vertical velocity / m/s" in table.headers
    assert len(table) == len(result.t)
    np.testing.assert_allclose(table.column("height"), result.y)
    assert table.to_csv().count("\n") == len(result.t) + 1
    assert "20 m/s at 45°" in table.title


def test_model_import_does_not_pull_in_plotting_or_widgets():
    import subprocess
    import sys

    code = (
        "import sys, stemcpd.physics.projectile; "
        "bad = [m for m in ('matplotlib', 'ipywidgets') if m in sys.modules]; "
        "print(bad); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
