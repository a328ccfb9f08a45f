"""Waves model against analytic results and hand-worked values.

References:
* v = √(T/μ) for a stretched string and f_n = n v / (2L) for a string fixed at both
  ends (e.g. Young & Freedman, University Physics, 15th ed., §15.4 and §15.8).
* sin(a − b) + sin(a + b) = 2 sin a cos b: a standing wave is the sum of two equal
  waves travelling in opposite directions (exact identity; checked to 1e-12).
* Hand values: √(2.0 N / 0.0008 kg/m) = √2500 = 50 m/s; √(4.9 / 0.001) = √4900 = 70 m/s;
  100 Hz × 0.5 m = 50 m/s; a 1.00 m string with v = 50 m/s has f₁ = 25 Hz, f₃ = 75 Hz.

The model is analytic (no time integration), so there is no time-step dependence to
test; instead the tests check that sampling more finely does not change the values.
"""

import math

import numpy as np
import pytest

from stemcpd.physics import waves
from stemcpd.physics.waves import WaveParams, simulate
from stemcpd.practical import fit_line


# ----- speeds, v = fλ and harmonics --------------------------------------------------

@pytest.mark.parametrize("tension_n, density, expected", [(2.0, 0.0008, 50.0), (4.9, 0.001, 70.0), (9.0, 0.01, 30.0)])
def test_string_speed_matches_hand_values(tension_n, density, expected):
    assert waves.string_wave_speed(tension_n, density) == pytest.approx(expected, rel=1e-12)


def test_wave_equation_v_equals_f_lambda():
    assert waves.wave_speed(100.0, 0.5) == pytest.approx(50.0, rel=1e-15)
    run = simulate(WaveParams(frequency_hz=137.0, tension_n=3.3, linear_density_kg_m=0.0021))
    assert run.frequency_hz * run.wavelength_m == pytest.approx(run.speed_m_s, rel=1e-12)
    assert run.speed_m_s == pytest.approx(math.sqrt(3.3 / 0.0021), rel=1e-12)
    assert run.period_s == pytest.approx(1 / 137.0, rel=1e-12)


@pytest.mark.parametrize("harmonic", range(1, 9))
def test_harmonics_follow_n_v_over_2l(harmonic):
    # Default string: v = 50 m/s, L = 1.00 m, so f_n = 25 n Hz and λ_n = 2/n m.
    run = simulate(WaveParams(wave="standing", harmonic=harmonic))
    assert run.frequency_hz == pytest.approx(25.0 * harmonic, rel=1e-12)
    assert run.wavelength_m == pytest.approx(2.0 / harmonic, rel=1e-12)
    assert waves.harmonic_frequency(harmonic, 0.65, 70.0) == pytest.approx(harmonic * 70.0 / 1.3, rel=1e-12)


def test_standing_wave_ignores_the_frequency_slider_but_travelling_wave_uses_it():
    slow = simulate(WaveParams(wave="standing", harmonic=2, frequency_hz=10))
    fast = simulate(WaveParams(wave="standing", harmonic=2, frequency_hz=250))
    assert slow.frequency_hz == fast.frequency_hz == pytest.approx(50.0)
    assert simulate(WaveParams(frequency_hz=250)).wavelength_m == pytest.approx(0.2)


def test_harmonics_table_values():
    table = waves.harmonics_table(4.9, 0.001, 0.7, harmonics=[1, 2, 5])
    np.testing.assert_allclose(table.column("frequency"), [50.0, 100.0, 250.0], rtol=1e-12)
    np.testing.assert_allclose(table.column("wavelength"), [1.4, 0.7, 0.28], rtol=1e-12)
    assert table.headers == ["harmonic", "frequency / Hz", "wavelength / m"]


# ----- the travelling wave -----------------------------------------------------------

def test_travelling_wave_shape_values_and_motion():
    amplitude, wavelength, frequency = 0.02, 0.5, 100.0
    x = np.array([0.0, 0.125, 0.25, 0.375, 0.5])
    # At t = 0: y = A sin(2πx/λ) → 0, A, 0, −A, 0.
    np.testing.assert_allclose(waves.travelling_wave(x, 0.0, amplitude, wavelength, frequency),
                               [0, amplitude, 0, -amplitude, 0], atol=1e-15)
    # The pattern moves at v = fλ: y(x + vΔt, t + Δt) = y(x, t), in +x for direction +1.
    speed, dt = frequency * wavelength, 1.3e-3
    xs = np.linspace(0, 1, 101)
    forward_later = waves.travelling_wave(xs + speed * dt, dt, amplitude, wavelength, frequency)
    np.testing.assert_allclose(forward_later, waves.travelling_wave(xs, 0, amplitude, wavelength, frequency), atol=1e-14)
    backward_later = waves.travelling_wave(xs - speed * dt, dt, amplitude, wavelength, frequency, direction=-1)
    np.testing.assert_allclose(backward_later, waves.travelling_wave(xs, 0, amplitude, wavelength, frequency, -1), atol=1e-14)
    with pytest.raises(ValueError, match="direction"):
        waves.travelling_wave(xs, 0, amplitude, wavelength, frequency, direction=2)


def test_travelling_run_matches_the_travelling_wave_formula():
    run = simulate(WaveParams(frequency_hz=137, amplitude_m=0.02, string_length_m=1.7))
    expected = waves.travelling_wave(run.x_m, run.times_s[:, None], 0.02, run.wavelength_m, 137.0)
    np.testing.assert_allclose(run.displacement_m, expected, rtol=0, atol=1e-12 * 0.02)
    np.testing.assert_allclose(run.forward_m, expected, rtol=0, atol=1e-12 * 0.02)
    # The particles are displaced along x by the same wave (capped amplitude).
    scale = run.longitudinal_amplitude_m / 0.02
    shift = scale * waves.travelling_wave(run.particle_rest_m, run.times_s[:, None], 0.02, run.wavelength_m, 137.0)
    np.testing.assert_allclose(run.particle_x_m - run.particle_rest_m, shift, rtol=0, atol=1e-14)


def test_travelling_run_repeats_every_period_and_points_only_move_up_and_down():
    run = simulate(WaveParams(), periods=2, samples_per_period=60)
    assert run.duration_s == pytest.approx(2 * run.period_s)
    np.testing.assert_allclose(run.displacement_m[60], run.displacement_m[0], atol=1e-14)
    np.testing.assert_allclose(run.displacement_m[-1], run.displacement_m[0], atol=1e-14)
    assert np.max(np.abs(run.displacement_m)) == pytest.approx(0.010, rel=1e-3)
    assert np.all(run.backward_m == 0) and len(run.nodes_m) == 0
    # Half a period later the string is upside down.
    np.testing.assert_allclose(run.displacement_m[30], -run.displacement_m[0], atol=1e-14)


def test_finer_sampling_gives_the_same_values_at_shared_times():
    coarse = simulate(WaveParams(wave="travelling"), samples_per_period=20)
    fine = simulate(WaveParams(wave="travelling"), samples_per_period=80)
    np.testing.assert_allclose(coarse.displacement_m, fine.displacement_m[::4], atol=1e-15)


# ----- standing waves and superposition -----------------------------------------------

@pytest.mark.parametrize("harmonic", [1, 2, 3, 5, 8])
def test_standing_wave_equals_sum_of_two_counter_propagating_waves(harmonic):
    params = WaveParams(wave="standing", harmonic=harmonic, amplitude_m=0.013, string_length_m=1.37, tension_n=5.5)
    run = simulate(params)
    t = run.times_s[:, None]
    right = waves.travelling_wave(run.x_m, t, 0.013, run.wavelength_m, run.frequency_hz, +1)
    left = waves.travelling_wave(run.x_m, t, 0.013, run.wavelength_m, run.frequency_hz, -1)
    closed_form = waves.standing_wave(run.x_m, t, 0.013, run.wavelength_m, run.frequency_hz)
    np.testing.assert_allclose(right + left, closed_form, rtol=0, atol=1e-12 * 0.013)
    np.testing.assert_allclose(run.displacement_m, closed_form, rtol=0, atol=1e-12 * 0.013)
    np.testing.assert_allclose(run.forward_m + run.backward_m, run.displacement_m, rtol=0, atol=1e-15)


@pytest.mark.parametrize("harmonic", [1, 2, 4, 7])
def test_nodes_are_at_m_l_over_n_and_never_move(harmonic):
    length = 1.2
    nodes = waves.node_positions(harmonic, length)
    np.testing.assert_allclose(nodes, [m * length / harmonic for m in range(harmonic + 1)], rtol=1e-15)
    run = simulate(WaveParams(wave="standing", harmonic=harmonic, string_length_m=length, amplitude_m=0.02))
    np.testing.assert_allclose(run.nodes_m, nodes)
    times = run.times_s[:, None]
    at_nodes = waves.standing_wave(nodes[None, :], times, 0.02, run.wavelength_m, run.frequency_hz)
    assert np.max(np.abs(at_nodes)) < 1e-12
    # Antinodes, half-way between, swing by the full 2A.
    antinodes = waves.antinode_positions(harmonic, length)
    assert antinodes[0] == pytest.approx(length / (2 * harmonic))
    np.testing.assert_allclose(np.diff(antinodes), length / harmonic)
    at_antinodes = waves.standing_wave(antinodes[None, :], times, 0.02, run.wavelength_m, run.frequency_hz)
    np.testing.assert_allclose(np.max(np.abs(at_antinodes), axis=0), 0.04, rtol=1e-12)
    # Both fixed ends are nodes: the ends of the sampled string never move.
    assert np.max(np.abs(run.displacement_m[:, [0, -1]])) < 1e-12
    assert run.peak_displacement_m == pytest.approx(0.04)


# ----- the longitudinal picture ---------------------------------------------------------

def _spacing_at(run, index, positions):
    """Gap between neighbouring particles nearest each position, m."""
    particles = run.particle_x_m[index]
    gaps = np.diff(particles)
    middles = 0.5 * (particles[:-1] + particles[1:])
    return np.array([gaps[np.argmin(np.abs(middles - p))] for p in positions])


@pytest.mark.parametrize("wave, harmonic", [("travelling", 1), ("standing", 3)])
def test_compressions_are_crowded_and_rarefactions_spread_out(wave, harmonic):
    run = simulate(WaveParams(wave=wave, harmonic=harmonic, amplitude_m=0.01))
    rest_gap = run.particle_rest_m[1] - run.particle_rest_m[0]
    checked = 0
    for index in (0, 7, 30, 45, 90):
        compressions = run.compressions_m[index][np.isfinite(run.compressions_m[index])]
        rarefactions = run.rarefactions_m[index][np.isfinite(run.rarefactions_m[index])]
        inside = lambda p: p[(p > 2 * rest_gap) & (p < run.params.string_length_m - 2 * rest_gap)]
        compressions, rarefactions = inside(compressions), inside(rarefactions)
        if compressions.size:
            assert np.all(_spacing_at(run, index, compressions) < 0.9 * rest_gap)
            checked += 1
        if rarefactions.size:
            assert np.all(_spacing_at(run, index, rarefactions) > 1.1 * rest_gap)
            checked += 1
    assert checked >= 4


def test_travelling_compressions_move_at_the_wave_speed():
    run = simulate(WaveParams())
    first = np.nanmin(run.compressions_m[0])
    later = run.compressions_m[5]
    shift = run.speed_m_s * run.times_s[5]
    assert np.nanmin(np.abs(later - (first + shift))) < 1e-12


@pytest.mark.parametrize("params", [
    WaveParams(frequency_hz=300, linear_density_kg_m=0.01, tension_n=0.5, amplitude_m=0.05, string_length_m=2.0),
    WaveParams(wave="standing", harmonic=8, amplitude_m=0.05, string_length_m=0.2),
])
def test_particles_never_overtake_their_neighbours(params):
    run = simulate(params)
    assert np.all(np.diff(run.particle_x_m, axis=1) > 0)
    assert run.longitudinal_amplitude_m <= 0.8 * run.wavelength_m / (2 * math.pi) + 1e-15


# ----- validation, describe, table --------------------------------------------------------

@pytest.mark.parametrize(
    "field, value, range_text",
    [
        ("frequency_hz", 0, "(0, 10000] Hz"),
        ("amplitude_m", -0.01, "(0, 1] m"),
        ("tension_n", 0, "(0, 10000] N"),
        ("linear_density_kg_m", float("nan"), "(0, 100] kg/m"),
        ("string_length_m", 200, "(0, 100] m"),
        ("harmonic", 21, "[1, 20]"),
        ("harmonic", 1.5, "[1, 20]"),
        ("harmonic", 0, "[1, 20]"),
        ("wave", 0, "travelling"),
    ],
)
def test_out_of_range_parameters_raise_value_error_naming_field_and_range(field, value, range_text):
    with pytest.raises(ValueError) as error:
        WaveParams(**{field: value})
    assert field in str(error.value)
    assert range_text in str(error.value)


def test_function_arguments_are_validated():
    with pytest.raises(ValueError, match="tension_n"):
        waves.string_wave_speed(-1, 0.001)
    with pytest.raises(ValueError, match="wavelength_m"):
        waves.wave_speed(10, 0)
    with pytest.raises(ValueError, match=r"harmonic must be a whole number in \[1, 20\]"):
        waves.harmonic_frequency(0, 1.0, 50)
    with pytest.raises(ValueError, match="periods"):
        simulate(WaveParams(), periods=0)
    with pytest.raises(ValueError, match="samples_per_period"):
        simulate(WaveParams(), samples_per_period=2)
    params = WaveParams(wave="standing", harmonic=2.0)
    assert params.harmonic == 2 and isinstance(params.harmonic, int)
    with pytest.raises(AttributeError):
        params.tension_n = 3.0


def test_describe_states_the_key_numbers():
    travelling = waves.describe(simulate(WaveParams()))
    assert "Travelling wave" in travelling
    assert "100.0 Hz" in travelling and "0.500 m" in travelling and "50.0 m/s" in travelling
    assert "10.00 ms" in travelling and "2.0 wavelengths" in travelling
    standing = waves.describe(simulate(WaveParams(wave="standing", harmonic=3)))
    assert "harmonic 3" in standing and "3 loops with 4 nodes" in standing
    assert "75.0 Hz" in standing and "0.667 m" in standing
    assert "opposite directions" in standing and "20 mm" in standing


def test_to_table_gives_the_string_shape_with_units():
    run = simulate(WaveParams(wave="standing", harmonic=2))
    table = waves.to_table(run, time_s=run.times_s[7])
    assert table.headers == ["position / m", "displacement / m", "wave moving right / m", "wave moving left / m"]
    assert len(table) == len(run.x_m)
    np.testing.assert_allclose(table.column("displacement"), run.displacement_m[7])
    assert "harmonic 2" in table.title and "f = 50 Hz" in table.title


# ----- virtual practicals ---------------------------------------------------------------

def test_ripple_tank_recovers_speed_after_correcting_the_shadow_magnification():
    true_speed = 0.25
    table = waves.ripple_tank_practical(wave_speed_m_s=true_speed, seed=1)
    gradient, intercept, gradient_error, _ = fit_line(table.column("1 / frequency"), table.column("mean wavelength"))
    # The systematic error: the shadow is 1.25 times larger, so λ and v are 25% too big.
    assert gradient == pytest.approx(true_speed * waves.RIPPLE_TANK_MAGNIFICATION, rel=0.03)
    assert gradient > 1.15 * true_speed
    # Dividing by the magnification (found by shadowing a ruler) recovers v within 3%.
    assert gradient / waves.RIPPLE_TANK_MAGNIFICATION == pytest.approx(true_speed, rel=0.03)
    assert abs(intercept) < 0.003  # λ ∝ 1/f: the line passes (close to) the origin
    # Without magnification the practical gives the true speed.
    honest = waves.ripple_tank_practical(wave_speed_m_s=true_speed, shadow_magnification=1.0, seed=1)
    assert np.mean(honest.column("wave speed f × λ")) == pytest.approx(true_speed, rel=0.03)
    # Ruler readings are whole millimetres; generator readings to 0.1 Hz.
    lengths = table.column("length of 10 waves, run 1")
    np.testing.assert_allclose(np.round(lengths * 1000), lengths * 1000, atol=1e-9)
    # Seeded.
    np.testing.assert_array_equal(table.data, waves.ripple_tank_practical(wave_speed_m_s=true_speed, seed=1).data)
    assert not np.array_equal(table.data, waves.ripple_tank_practical(wave_speed_m_s=true_speed, seed=2).data)
    assert waves.virtual_practical is waves.ripple_tank_practical


def test_string_practical_recovers_speed_and_shows_the_dial_error():
    tension, density = 2.0, 0.0008  # √(T/μ) = 50 m/s
    table = waves.string_practical(tension_n=tension, linear_density_kg_m=density, seed=0)
    np.testing.assert_array_equal(table.column("loops"), [1, 2, 3, 4, 5, 6])
    gradient, intercept, gradient_error, _ = fit_line(table.column("1 / wavelength"), table.column("generator frequency"))
    # f = v/λ: the gradient is the speed — 3% high from the dial.
    assert gradient == pytest.approx(50.0 * waves.GENERATOR_DIAL_SCALE_ERROR, rel=0.02)
    assert gradient / waves.GENERATOR_DIAL_SCALE_ERROR == pytest.approx(50.0, rel=0.02)
    speeds = table.column("wave speed f × λ")
    assert np.mean(speeds) > 50.0  # the systematic error shows
    calibrated = waves.string_practical(tension_n=tension, linear_density_kg_m=density, dial_scale_error=1.0, seed=0)
    assert np.mean(calibrated.column("wave speed f × λ")) == pytest.approx(50.0, rel=0.02)
    np.testing.assert_allclose(table.column("generator frequency") % 1, 0, atol=1e-9)
    np.testing.assert_allclose(table.column("wavelength"), 2 * table.column("first to last node") / table.column("loops"))


def test_practicals_validate_their_arguments():
    with pytest.raises(ValueError, match="frequencies_hz must list"):
        waves.ripple_tank_practical(frequencies_hz=[])
    with pytest.raises(ValueError, match="frequency_hz"):
        waves.ripple_tank_practical(frequencies_hz=[5, -1])
    with pytest.raises(ValueError, match="shadow_magnification"):
        waves.ripple_tank_practical(shadow_magnification=0.5)
    with pytest.raises(ValueError, match="waves_counted"):
        waves.ripple_tank_practical(waves_counted=0)
    with pytest.raises(ValueError, match="harmonic"):
        waves.string_practical(harmonics=[1, 0])
    with pytest.raises(ValueError, match="harmonics must list"):
        waves.string_practical(harmonics=[])
    with pytest.raises(ValueError, match="seed"):
        waves.string_practical(seed=-1)
