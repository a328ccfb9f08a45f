"""Orbits model against Kepler's third law, published orbits and conservation laws.

References:
* G = 6.6743 × 10⁻¹¹ N m² kg⁻² (CODATA 2018); Earth 5.9722 × 10²⁴ kg, Sun 1.9885 × 10³⁰ kg
  (NASA planetary fact sheets).
* A geostationary orbit has radius 42 164 km and period one sidereal day, 86 164.1 s.
* The International Space Station, about 420 km up, orbits in about 92.9 minutes.
* The planets' semi-major axes and sidereal periods: NASA planetary fact sheets.
* For a launch at right angles to the radius at f × the circular speed, the ellipse has
  a = r₀ / (2 − f²) and e = |f² − 1| (vis-viva, v² = GM(2/r − 1/a)).
"""

import math
import subprocess
import sys

import numpy as np
import pytest

from stemcpd.physics import orbits
from stemcpd.physics.orbits import BODIES, GRAVITATIONAL_CONSTANT, OrbitParams, simulate

G = 6.6743e-11
M_EARTH = 5.9722e24
M_SUN = 1.9885e30
R_EARTH = 6.371e6


def test_constants_are_the_published_values():
    assert GRAVITATIONAL_CONSTANT == G
    assert BODIES["Earth"]["mass_kg"] == M_EARTH and BODIES["Sun"]["mass_kg"] == M_SUN
    # GM for the Earth agrees with the geodesists' 3.986004418 × 10¹⁴ m³/s² to 1 part in 10⁴.
    assert G * M_EARTH == pytest.approx(3.986004418e14, rel=1e-4)
    assert G * M_SUN == pytest.approx(1.32712440018e20, rel=1e-4)


def test_kepler_third_law_formula():
    for radius in (7e6, 4.2164e7, 3.844e8):
        period = orbits.kepler_period_s(radius, M_EARTH)
        assert period**2 == pytest.approx(4 * math.pi**2 * radius**3 / (G * M_EARTH), rel=1e-12)


def test_geostationary_orbit_takes_one_sidereal_day():
    assert orbits.kepler_period_s(4.2164e7, M_EARTH) == pytest.approx(86164.1, rel=1e-4)
    # and GCSE's v = 2πr/T gives the same speed as √(GM/r)
    speed = orbits.orbital_speed_m_s(4.2164e7, 86164.1)
    assert speed == pytest.approx(orbits.circular_speed_m_s(4.2164e7, M_EARTH), rel=1e-4)
    assert speed == pytest.approx(3075, rel=1e-3)


def test_space_station_period_is_about_93_minutes():
    # Its height varies between about 410 and 430 km; 92.9 minutes published, to 1 %.
    period = orbits.kepler_period_s(R_EARTH + 420e3, M_EARTH)
    assert period / 60 == pytest.approx(92.9, rel=0.01)


def test_the_moons_period_to_one_percent():
    # Ignoring the Moon's own mass (1.2 % of the Earth's) lengthens the period by about
    # 0.6 %: 27.45 days against the 27.32-day sidereal month.
    days = orbits.kepler_period_s(3.844e8, M_EARTH) / 86400
    assert days == pytest.approx(27.32, rel=0.01)
    with_moon = 2 * math.pi * math.sqrt(3.844e8**3 / (G * (M_EARTH + 7.346e22))) / 86400
    assert with_moon == pytest.approx(27.32, rel=2e-3)  # the Sun's pull makes up the last 0.15 %


@pytest.mark.parametrize("planet", list(orbits.PLANETS))
def test_planets_follow_keplers_third_law(planet):
    distance_million_km, published_days = orbits.PLANETS[planet]
    days = orbits.kepler_period_s(distance_million_km * 1e9, M_SUN) / 86400
    # Inner planets to 1 part in 10⁴; the giants pull on each other (Saturn most, 0.7 %).
    tolerance = 1e-4 if planet in ("Mercury", "Venus", "Earth", "Mars") else 0.01
    assert days == pytest.approx(published_days, rel=tolerance)


def test_one_astronomical_unit_gives_a_year():
    assert orbits.kepler_period_s(orbits.ASTRONOMICAL_UNIT_M, M_SUN) / 86400 == pytest.approx(365.256, rel=1e-4)


def test_planet_rows_show_further_planets_slower():
    rows = orbits.planet_rows()
    assert [row[0] for row in rows] == list(orbits.PLANETS)
    speeds = [float(row[4]) for row in rows]
    assert speeds == sorted(speeds, reverse=True)
    assert speeds[2] == pytest.approx(29.8, abs=0.05)  # the Earth, 29.8 km/s


def test_gcse_speed_equation_and_rearrangements():
    assert orbits.orbital_speed_km_s(42200, 24) == pytest.approx(2 * math.pi * 42200 / 86400, rel=1e-12)
    assert orbits.orbital_period_hours(6790, 7.66) == pytest.approx(2 * math.pi * 6790 / 7.66 / 3600, rel=1e-12)
    assert orbits.orbital_radius_km(3.07, 24) == pytest.approx(3.07 * 86400 / (2 * math.pi), rel=1e-12)
    assert orbits.field_strength_n_kg(R_EARTH, M_EARTH) == pytest.approx(9.82, rel=2e-3)


@pytest.mark.parametrize("altitude_km", [400, 20200, 35786])
def test_circular_orbit_keeps_its_speed_and_radius_while_the_velocity_turns(altitude_km):
    run = simulate(OrbitParams(altitude_km=altitude_km, speed_fraction=1.0))
    r0 = R_EARTH + altitude_km * 1e3
    v = math.sqrt(G * M_EARTH / r0)
    assert run.circular_speed_m_s == pytest.approx(v, rel=1e-12)
    assert np.max(np.abs(run.speed_m_s / v - 1)) < 1e-9
    assert np.max(np.abs(run.radius_m / r0 - 1)) < 1e-9
    # The velocity turns through a whole circle in one period ...
    direction = np.unwrap(np.arctan2(run.vy_m_s, run.vx_m_s))
    assert direction[-1] - direction[0] == pytest.approx(2 * math.pi, rel=1e-6)
    # ... because the force is always at right angles to it.
    dot = run.x_m * run.vx_m_s + run.y_m * run.vy_m_s
    assert np.max(np.abs(dot)) / (r0 * v) < 1e-8
    # After one Kepler period it is back where it started.
    assert run.x_m[-1] == pytest.approx(r0, rel=1e-8) and abs(run.y_m[-1]) < 1e-6 * r0


@pytest.mark.parametrize("fraction", [1.05, 1.2, 1.3])
def test_ellipse_matches_the_analytic_orbit(fraction):
    params = OrbitParams(altitude_km=1000, speed_fraction=fraction)
    run = simulate(params, duration_s=3 * orbits.orbit_shape(params)["period_s"])
    r0 = params.start_radius_m
    a = r0 / (2 - fraction**2)
    e = fraction**2 - 1
    assert run.semi_major_axis_m == pytest.approx(a, rel=1e-12) and run.eccentricity == pytest.approx(e)
    assert run.radius_m.min() == pytest.approx(a * (1 - e), rel=1e-6)
    assert run.radius_m.max() == pytest.approx(a * (1 + e), rel=1e-6)
    # Vis-viva at every sample (beyond GCSE): v² = GM(2/r − 1/a).
    expected = np.sqrt(G * M_EARTH * (2 / run.radius_m - 1 / a))
    np.testing.assert_allclose(run.speed_m_s, expected, rtol=1e-7)
    # Returns to its start each Kepler period: the period is T = 2π√(a³/GM).
    assert run.x_m[-1] == pytest.approx(r0, rel=1e-6)
    assert run.duration_s == pytest.approx(3 * 2 * math.pi * math.sqrt(a**3 / (G * M_EARTH)), rel=1e-12)


def test_speed_changes_only_with_the_distance():
    run = simulate(OrbitParams(altitude_km=1000, speed_fraction=1.2))
    fastest, slowest = np.argmax(run.speed_m_s), np.argmin(run.speed_m_s)
    assert fastest in (0, len(run.times_s) - 1)  # launched at the nearest point
    assert run.radius_m[slowest] == pytest.approx(run.radius_m.max(), rel=1e-6)
    # Kepler's second law: r × v is the same at nearest and farthest points.
    assert run.radius_m[0] * run.speed_m_s[0] == pytest.approx(run.radius_m[slowest] * run.speed_m_s[slowest], rel=1e-7)


@pytest.mark.parametrize("fraction", [1.0, 0.9, 1.3])
def test_energy_and_angular_momentum_are_conserved(fraction):
    params = OrbitParams(altitude_km=5000, speed_fraction=fraction)
    run = simulate(params, duration_s=5 * orbits.orbit_shape(params)["period_s"])
    energy, momentum = run.energy_per_kg, run.angular_momentum_per_kg
    assert np.max(np.abs(energy / energy[0] - 1)) < 1e-7
    assert np.max(np.abs(momentum / momentum[0] - 1)) < 1e-7
    # Bound orbit: total energy −GM/(2a), negative.
    assert energy[0] == pytest.approx(-G * M_EARTH / (2 * run.semi_major_axis_m), rel=1e-12)


def test_energy_moves_between_stores_on_an_ellipse():
    run = simulate(OrbitParams(altitude_km=1000, speed_fraction=1.25))
    assert np.ptp(run.kinetic_energy_per_kg) > 0.5 * run.kinetic_energy_per_kg[0]
    np.testing.assert_allclose(np.ptp(run.kinetic_energy_per_kg), np.ptp(run.potential_energy_per_kg), rtol=1e-6)


def test_time_step_independence():
    params = OrbitParams(altitude_km=2000, speed_fraction=1.25)
    period = orbits.orbit_shape(params)["period_s"]
    coarse = simulate(params, duration_s=period, time_step_s=period / 500)
    fine = simulate(params, duration_s=period, time_step_s=period / 1000)
    finest = simulate(params, duration_s=period, time_step_s=period / 2000)
    error_coarse = np.max(np.hypot(coarse.x_m - finest.x_m[::4], coarse.y_m - finest.y_m[::4]))
    error_fine = np.max(np.hypot(fine.x_m - finest.x_m[::2], fine.y_m - finest.y_m[::2]))
    assert error_fine / params.start_radius_m < 1e-5
    # Fourth-order method: halving the step cuts the error by about 16.
    assert 10 < error_coarse / error_fine < 20


def test_a_slow_launch_falls_to_the_surface():
    params = OrbitParams(altitude_km=400, speed_fraction=0.8)
    run = simulate(params)
    assert run.hits_surface and run.nearest_m < R_EARTH
    assert run.radius_m[-1] == pytest.approx(R_EARTH, rel=1e-7)  # the last step interpolated to the surface
    assert run.duration_s < run.period_s / 2
    assert run.speed_m_s[-1] > run.speed_m_s[0]  # it speeds up as it falls
    assert "too slow to stay up" in orbits.describe(run)


def test_a_low_launch_just_below_circular_speed_still_orbits():
    run = simulate(OrbitParams(altitude_km=2000, speed_fraction=0.95))
    assert not run.hits_surface and run.radius_m.min() > R_EARTH
    assert run.speed_m_s.max() > run.speed_m_s[0]  # launched at the farthest point


def test_the_satellites_mass_changes_the_force_not_the_orbit():
    light = simulate(OrbitParams(satellite_mass_kg=1.0, speed_fraction=1.1))
    heavy = simulate(OrbitParams(satellite_mass_kg=420000.0, speed_fraction=1.1))
    np.testing.assert_array_equal(light.x_m, heavy.x_m)
    np.testing.assert_allclose(heavy.gravity_force_n, 420000 * light.gravity_force_n, rtol=1e-12)
    assert light.field_strength_n_kg[0] == pytest.approx(G * M_EARTH / (R_EARTH + 400e3) ** 2, rel=1e-12)


def test_other_central_bodies():
    moon = simulate(OrbitParams(central_body="Moon", altitude_km=100))
    assert moon.period_s / 60 == pytest.approx(117.8, rel=0.01)  # a low lunar orbit takes about two hours
    earth_around_sun = OrbitParams(central_body="sun", altitude_km=(orbits.ASTRONOMICAL_UNIT_M - 6.957e8) / 1e3)
    assert earth_around_sun.central_body == "Sun"
    assert simulate(earth_around_sun, duration_s=86400 * 10).circular_speed_m_s / 1000 == pytest.approx(29.78, rel=1e-3)


def test_describe_and_table():
    run = simulate(OrbitParams())
    text = orbits.describe(run)
    assert "circular orbit" in text and "speed stays 7.67 km/s" in text and "92.4 minutes" in text
    ellipse = orbits.describe(simulate(OrbitParams(speed_fraction=1.2)))
    assert "ellipse" in ellipse and "nearest point" in ellipse
    table = orbits.to_table(run)
    assert len(table) == len(run.times_s) and table.headers[0].startswith("time")


@pytest.mark.parametrize(
    "field, value, range_text",
    [
        ("altitude_km", 0, "(0, 5e+09] km"),
        ("altitude_km", -100, "(0, 5e+09] km"),
        ("speed_fraction", 0, "(0, 1.3]"),
        ("speed_fraction", 1.5, "(0, 1.3]"),
        ("satellite_mass_kg", 0, "(0, 1e+30] kg"),
        ("altitude_km", float("nan"), "(0, 5e+09] km"),
    ],
)
def test_out_of_range_parameters_raise_value_error_naming_field_and_range(field, value, range_text):
    with pytest.raises(ValueError) as error:
        OrbitParams(**{field: value})
    assert field in str(error.value) and range_text in str(error.value)


def test_choices_are_named_and_other_arguments_checked():
    with pytest.raises(ValueError, match=r"central_body must be one of \['Earth', 'Moon', 'Sun'\]"):
        OrbitParams(central_body="Jupiter")
    with pytest.raises(ValueError, match="central_body"):
        OrbitParams(central_body=1)
    with pytest.raises(ValueError, match="duration_s"):
        simulate(OrbitParams(), duration_s=-1)
    with pytest.raises(ValueError, match="time_step_s"):
        simulate(OrbitParams(), duration_s=10, time_step_s=20)
    with pytest.raises(ValueError, match="period_s"):
        orbits.orbital_speed_m_s(1e7, 0)
    with pytest.raises(ValueError, match="radius_km"):
        orbits.orbital_speed_km_s(-1, 2)


def test_model_package_imports_no_plotting_or_widgets():
    code = ("import sys, stemcpd.physics.orbits; "
            "sys.exit(1 if {'matplotlib', 'ipywidgets'} & set(sys.modules) else 0)")
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0
