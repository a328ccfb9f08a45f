"""Waves on a string: travelling and standing waves, v = fλ, and superposition.

Physics (MODEL.md beside this file is the teacher's version):

* Wave speed on a stretched string of tension ``T`` and mass per unit length ``μ``:
  ``v = √(T/μ)``. The wave equation ``v = f λ`` then fixes the wavelength for a given
  frequency: ``λ = v / f``; the period is ``1 / f``.
* A travelling wave moving in +x (positive displacement is "up" for a transverse
  wave, "to the right" for a longitudinal one):

      y(x, t) = A sin(2π(x/λ − f t))

* A standing wave on a string of length ``L`` fixed at both ends is the superposition
  of that wave and its reflection travelling in −x:

      A sin(2π(x/λ − f t)) + A sin(2π(x/λ + f t)) = 2A sin(2πx/λ) cos(2πf t)

  It only fits the string when a whole number ``n`` of half-wavelengths does:
  ``λ_n = 2L/n`` and ``f_n = n v / (2L)`` (harmonic ``n``; ``n = 1`` is the
  fundamental). Nodes sit at ``x = mλ/2``, antinodes (amplitude ``2A``) half-way between.
* Longitudinal picture: particles at rest positions ``x₀`` are displaced *along* x by
  the same function ``s(x₀, t)``. Where ``∂s/∂x`` is most negative the particles crowd
  together (a compression); where it is most positive they spread out (a rarefaction).
  For the travelling wave compressions sit where the phase ``2π(x/λ − f t)`` is an odd
  multiple of π; for the standing wave they sit at displacement nodes.

Assumptions and limits: small amplitude (``A ≪ λ``), a perfectly flexible uniform
string, no damping, perfectly reflecting fixed ends, and no dispersion (every frequency
travels at the same speed). The longitudinal picture caps the particles' displacement
at ``0.8/k`` (k = 2π/λ) so that no particle overtakes its neighbour.
"""

from __future__ import annotations

from dataclasses import dataclass
import math

import numpy as np

from stemcpd.practical import Instrument, make_rng
from stemcpd.table import Table
from stemcpd.validation import check_count, check_range, check_choice

MAX_HARMONIC = 20
LONGITUDINAL_MAX_STRAIN = 0.8  # cap on k·s so that particles never pass each other


WAVE_KINDS = ("travelling", "standing")  # what WaveParams.wave takes


@dataclass(frozen=True)
class WaveParams:
    """One wave on one string. Validated on creation.

    Attributes:
        frequency_hz: frequency of the driver, in hertz (Hz); (0, 10000]. Used for
            the travelling wave; a standing wave runs at its own frequency
            f_n = n v / (2L) instead.
        amplitude_m: amplitude A of each travelling wave, in metres (m); (0, 1]. A
            standing wave's antinodes move by 2A.
        tension_n: tension T in the string, in newtons (N); (0, 10000].
        linear_density_kg_m: mass per unit length μ, in kilograms per metre (kg/m);
            (0, 100].
        string_length_m: length L of string shown (fixed end to fixed end for a standing
            wave), in metres (m); (0, 100].
        wave: ``"travelling"`` (a wave sent along the string by the vibration
            generator) or ``"standing"`` (the string fixed at both ends, vibrating in
            one of its harmonics).
        harmonic: which harmonic a standing wave is, n = 1, 2, … 20 (a whole number,
            no unit: n loops); not used for a travelling wave.
    """

    frequency_hz: float = 100.0
    amplitude_m: float = 0.010
    tension_n: float = 2.0
    linear_density_kg_m: float = 0.0008
    string_length_m: float = 1.0
    wave: str = "travelling"
    harmonic: int = 1

    def __post_init__(self):
        checks = {
            "frequency_hz": check_range("frequency_hz", self.frequency_hz, 0, 10000, unit="Hz"),
            "amplitude_m": check_range("amplitude_m", self.amplitude_m, 0, 1, unit="m"),
            "tension_n": check_range("tension_n", self.tension_n, 0, 10000, unit="N"),
            "linear_density_kg_m": check_range(
                "linear_density_kg_m", self.linear_density_kg_m, 0, 100, unit="kg/m"
            ),
            "string_length_m": check_range("string_length_m", self.string_length_m, 0, 100, unit="m"),
            "wave": check_choice("wave", self.wave, WAVE_KINDS),
            "harmonic": check_count("harmonic", self.harmonic, 1, MAX_HARMONIC),
        }
        for name, value in checks.items():
            object.__setattr__(self, name, value)

    @property
    def is_standing(self) -> bool:
        """True when this is a standing wave."""
        return self.wave == "standing"


def string_wave_speed(tension_n: float, linear_density_kg_m: float) -> float:
    """Speed of a transverse wave on a string, ``v = √(T/μ)``, in m/s.

    Raises:
        ValueError: naming the argument and its allowed range.
    """
    tension_n = check_range("tension_n", tension_n, 0, 10000, unit="N")
    linear_density_kg_m = check_range("linear_density_kg_m", linear_density_kg_m, 0, 100, unit="kg/m")
    return math.sqrt(tension_n / linear_density_kg_m)


def wave_speed(frequency_hz: float, wavelength_m: float) -> float:
    """The wave equation ``v = f λ``, in m/s.

    Raises:
        ValueError: for a frequency or wavelength that is not positive and finite.
    """
    frequency_hz = check_range("frequency_hz", frequency_hz, 0, math.inf, high_open=True, unit="Hz")
    wavelength_m = check_range("wavelength_m", wavelength_m, 0, math.inf, high_open=True, unit="m")
    return frequency_hz * wavelength_m


def harmonic_frequency(harmonic: int, string_length_m: float, speed_m_s: float) -> float:
    """Frequency of the n-th harmonic of a string fixed at both ends, ``f_n = n v/(2L)``, Hz.

    Raises:
        ValueError: for n outside 1–20, or a length or speed that is not positive.
    """
    harmonic = check_count("harmonic", harmonic, 1, MAX_HARMONIC)
    string_length_m = check_range("string_length_m", string_length_m, 0, 100, unit="m")
    speed_m_s = check_range("speed_m_s", speed_m_s, 0, math.inf, high_open=True, unit="m/s")
    return harmonic * speed_m_s / (2.0 * string_length_m)


def node_positions(harmonic: int, string_length_m: float) -> np.ndarray:
    """Where the n-th harmonic has nodes, m: ``x = mL/n`` for m = 0 … n (ends included)."""
    harmonic = check_count("harmonic", harmonic, 1, MAX_HARMONIC)
    string_length_m = check_range("string_length_m", string_length_m, 0, 100, unit="m")
    return np.arange(harmonic + 1) * string_length_m / harmonic


def antinode_positions(harmonic: int, string_length_m: float) -> np.ndarray:
    """Where the n-th harmonic has antinodes, m: ``x = (m + ½)L/n`` for m = 0 … n − 1."""
    harmonic = check_count("harmonic", harmonic, 1, MAX_HARMONIC)
    string_length_m = check_range("string_length_m", string_length_m, 0, 100, unit="m")
    return (np.arange(harmonic) + 0.5) * string_length_m / harmonic


def travelling_wave(x_m, time_s, amplitude_m: float, wavelength_m: float, frequency_hz: float,
                    direction: int = +1) -> np.ndarray:
    """``y = A sin(2π(x/λ ∓ f t))``: a sinusoid moving in +x (``direction=+1``) or −x (−1).

    ``x_m`` and ``time_s`` broadcast against each other (e.g. times as a column and
    positions as a row give one row per time).
    """
    if direction not in (+1, -1):
        raise ValueError(f"direction must be +1 or -1, got {direction!r}")
    x = np.asarray(x_m, dtype=float)
    t = np.asarray(time_s, dtype=float)
    return amplitude_m * np.sin(2.0 * np.pi * (x / wavelength_m - direction * frequency_hz * t))


def standing_wave(x_m, time_s, amplitude_m: float, wavelength_m: float, frequency_hz: float) -> np.ndarray:
    """``y = 2A sin(2πx/λ) cos(2πf t)``: the sum of two equal waves moving opposite ways."""
    x = np.asarray(x_m, dtype=float)
    t = np.asarray(time_s, dtype=float)
    return 2.0 * amplitude_m * np.sin(2.0 * np.pi * x / wavelength_m) * np.cos(2.0 * np.pi * frequency_hz * t)


@dataclass(frozen=True)
class WaveRun:
    """A wave sampled over a few periods. Time-dependent arrays have one row per time.

    Attributes:
        params: the parameters it was run with.
        speed_m_s: wave speed √(T/μ), m/s.
        frequency_hz: frequency actually shown (f_n for a standing wave), Hz.
        wavelength_m: λ = v/f, m.
        period_s: 1/f, s.
        times_s: sample times, s, from 0 to a whole number of periods.
        x_m: positions along the string, m, from 0 to L.
        displacement_m: total transverse displacement y(x, t), m (times × positions).
        forward_m: the wave moving in +x, m (times × positions).
        backward_m: the reflected wave moving in −x, m (all zero for a travelling wave).
        particle_rest_m: rest positions of the longitudinal-picture particles, m.
        particle_x_m: where those particles are at each time, m (times × particles).
        longitudinal_amplitude_m: their displacement amplitude (capped, see module), m.
        compressions_m: centres of compressions at each time, m (times × slots,
            unused slots NaN).
        rarefactions_m: centres of rarefactions, m, the same way.
        nodes_m: node positions of a standing wave, m (empty for a travelling wave).
    """

    params: WaveParams
    speed_m_s: float
    frequency_hz: float
    wavelength_m: float
    period_s: float
    times_s: np.ndarray
    x_m: np.ndarray
    displacement_m: np.ndarray
    forward_m: np.ndarray
    backward_m: np.ndarray
    particle_rest_m: np.ndarray
    particle_x_m: np.ndarray
    longitudinal_amplitude_m: float
    compressions_m: np.ndarray
    rarefactions_m: np.ndarray
    nodes_m: np.ndarray

    @property
    def duration_s(self) -> float:
        """Length of the run, s."""
        return float(self.times_s[-1])

    @property
    def peak_displacement_m(self) -> float:
        """Largest |y| the string reaches: A travelling, 2A at a standing wave's antinodes."""
        return 2.0 * self.params.amplitude_m if self.params.is_standing else self.params.amplitude_m

    def frame_index(self, time_s: float) -> int:
        """Index of the sample nearest ``time_s`` (clamped to the run)."""
        fraction = np.clip(time_s / self.duration_s, 0.0, 1.0)
        return int(round(fraction * (len(self.times_s) - 1)))


def _feature_positions(phase_offsets, wavelength_m, shift_m, length_m, slots):
    """Positions ``(offset + m)λ + shift`` inside [0, L] for every m, padded to ``slots`` with NaN.

    ``phase_offsets`` holds one offset (in wavelengths) per time; ``shift_m`` one shift.
    """
    shift = np.asarray(shift_m, dtype=float)[:, None]
    first = np.floor((0.0 - shift) / wavelength_m - phase_offsets[:, None])
    m = first + np.arange(slots)[None, :]
    positions = (phase_offsets[:, None] + m) * wavelength_m + shift
    positions[(positions < -1e-12) | (positions > length_m + 1e-12)] = np.nan
    return positions


def simulate(params: WaveParams | None = None, periods: int = 2, samples_per_period: int = 60) -> WaveRun:
    """Sample the wave over ``periods`` whole periods.

    Args:
        params: the wave; defaults to ``WaveParams()``.
        periods: how many periods to sample, 1–20.
        samples_per_period: time samples per period, 4–1000.

    Returns:
        A :class:`WaveRun` with ``periods × samples_per_period + 1`` times (the last is
        exactly ``periods`` periods, so playback loops smoothly).

    Raises:
        ValueError: naming the argument and its allowed range.
    """
    params = WaveParams() if params is None else params
    periods = check_count("periods", periods, 1, 20)
    samples_per_period = check_count("samples_per_period", samples_per_period, 4, 1000)
    length = params.string_length_m
    speed = string_wave_speed(params.tension_n, params.linear_density_kg_m)
    if params.is_standing:
        frequency = harmonic_frequency(params.harmonic, length, speed)
        wavelength = 2.0 * length / params.harmonic
    else:
        frequency = params.frequency_hz
        wavelength = speed / frequency
    period_s = 1.0 / frequency
    times = np.arange(periods * samples_per_period + 1) * (period_s / samples_per_period)

    # Enough points for smooth curves: at least 400, 40 per wavelength, at most 1200
    # (the figure is only 1000 px wide; more only slows the slider).
    points = int(np.clip(math.ceil(40 * length / wavelength), 400, 1200))
    x = np.linspace(0.0, length, points)
    amplitude = params.amplitude_m
    # sin(kx ∓ ωt) = sin kx cos ωt ∓ cos kx sin ωt: outer products of 1-D sines and
    # cosines, so the (times × positions) grids need no sine per element (≈ 4× faster).
    # Tests check the result against travelling_wave() and standing_wave().
    phase_t = 2.0 * np.pi * frequency * times
    cos_t, sin_t = amplitude * np.cos(phase_t)[:, None], amplitude * np.sin(phase_t)[:, None]
    sin_x, cos_x = np.sin(2.0 * np.pi * x / wavelength)[None, :], np.cos(2.0 * np.pi * x / wavelength)[None, :]
    forward = sin_x * cos_t - cos_x * sin_t
    if params.is_standing:
        backward = sin_x * cos_t + cos_x * sin_t
        displacement = forward + backward
    else:
        backward = np.zeros_like(forward)
        displacement = forward

    # Longitudinal picture: the same wave, displacing particles along x.
    wavenumber = 2.0 * math.pi / wavelength
    peak = 2.0 * amplitude if params.is_standing else amplitude
    longitudinal_peak = min(peak, LONGITUDINAL_MAX_STRAIN / wavenumber)
    spacing = min(length / 40.0, wavelength / 12.0)
    particle_count = int(min(400, math.floor(length / spacing) + 1))
    rest = np.linspace(0.0, length, particle_count)
    scale = longitudinal_peak / peak
    sin_rest = np.sin(2.0 * np.pi * rest / wavelength)[None, :]
    if params.is_standing:
        particle_shift = 2.0 * scale * sin_rest * cos_t
    else:
        cos_rest = np.cos(2.0 * np.pi * rest / wavelength)[None, :]
        particle_shift = scale * (sin_rest * cos_t - cos_rest * sin_t)
    particle_x = rest[None, :] + particle_shift

    slots = int(math.ceil(length / wavelength)) + 2
    cycles = frequency * times  # periods elapsed at each sample
    if params.is_standing:
        # ∂s/∂x = 2Ak cos(kx) cos(ωt): compressions at the nodes where cos(kx) has the
        # opposite sign to cos(ωt). Left unmarked when the string is nearly flat.
        cos_wt = np.cos(2.0 * np.pi * cycles)
        compressions = _feature_positions(np.where(cos_wt > 0, 0.5, 0.0), wavelength, np.zeros_like(times), length, slots)
        rarefactions = _feature_positions(np.where(cos_wt > 0, 0.0, 0.5), wavelength, np.zeros_like(times), length, slots)
        flat = np.abs(cos_wt) < 0.25
        compressions[flat] = np.nan
        rarefactions[flat] = np.nan
        nodes = node_positions(params.harmonic, length)
    else:
        # Phase 2π(x/λ − f t) = π (mod 2π) is a compression, 0 (mod 2π) a rarefaction.
        compressions = _feature_positions(np.full_like(times, 0.5), wavelength, speed * times, length, slots)
        rarefactions = _feature_positions(np.zeros_like(times), wavelength, speed * times, length, slots)
        nodes = np.empty(0)

    return WaveRun(
        params=params,
        speed_m_s=speed,
        frequency_hz=frequency,
        wavelength_m=wavelength,
        period_s=period_s,
        times_s=times,
        x_m=x,
        displacement_m=displacement,
        forward_m=forward,
        backward_m=backward,
        particle_rest_m=rest,
        particle_x_m=particle_x,
        longitudinal_amplitude_m=longitudinal_peak,
        compressions_m=compressions,
        rarefactions_m=rarefactions,
        nodes_m=nodes,
    )


def describe(run: WaveRun) -> str:
    """One or two sentences a screen reader can speak about this wave."""
    p = run.params
    if p.is_standing:
        return (
            f"Standing wave, harmonic {p.harmonic}, on a {p.string_length_m:.2f} m string: "
            f"{p.harmonic} loop{'s' if p.harmonic > 1 else ''} with {len(run.nodes_m)} nodes, "
            f"frequency {run.frequency_hz:.1f} Hz, wavelength {run.wavelength_m:.3f} m, "
            f"wave speed {run.speed_m_s:.1f} m/s. It is the sum of two {p.amplitude_m * 1000:.0f} mm "
            f"waves travelling in opposite directions, so the antinodes swing by "
            f"{2 * p.amplitude_m * 1000:.0f} mm."
        )
    return (
        f"Travelling wave: frequency {run.frequency_hz:.1f} Hz, wavelength {run.wavelength_m:.3f} m, "
        f"speed {run.speed_m_s:.1f} m/s (v = fλ and v = √(T/μ) with T = {p.tension_n:.1f} N), "
        f"period {run.period_s * 1000:.2f} ms, amplitude {p.amplitude_m * 1000:.0f} mm; "
        f"{p.string_length_m / run.wavelength_m:.1f} wavelengths fit on the {p.string_length_m:.2f} m shown."
    )


def to_table(run: WaveRun, time_s: float = 0.0) -> Table:
    """The string's shape at ``time_s`` (nearest sample): position and displacements."""
    index = run.frame_index(time_s)
    return Table.from_columns(
        [
            ("position", "m", run.x_m),
            ("displacement", "m", run.displacement_m[index]),
            ("wave moving right", "m", run.forward_m[index]),
            ("wave moving left", "m", run.backward_m[index]),
        ],
        title=(
            f"{'Standing wave, harmonic ' + str(run.params.harmonic) if run.params.is_standing else 'Travelling wave'}"
            f" at t = {run.times_s[index]:.4g} s: f = {run.frequency_hz:.4g} Hz, λ = {run.wavelength_m:.4g} m, "
            f"v = {run.speed_m_s:.4g} m/s"
        ),
    )


def harmonics_table(tension_n: float, linear_density_kg_m: float, string_length_m: float,
                    harmonics=range(1, 7)) -> Table:
    """f_n and λ_n for several harmonics (the data behind an f against 1/λ graph)."""
    speed = string_wave_speed(tension_n, linear_density_kg_m)
    numbers = np.array([check_count("harmonic", n, 1, MAX_HARMONIC) for n in harmonics], dtype=float)
    frequencies = np.array([harmonic_frequency(int(n), string_length_m, speed) for n in numbers])
    wavelengths = 2.0 * string_length_m / numbers
    return Table.from_columns(
        [("harmonic", "", numbers), ("frequency", "Hz", frequencies), ("wavelength", "m", wavelengths)],
        title=f"Harmonics of a {string_length_m:g} m string, T = {tension_n:g} N, μ = {linear_density_kg_m:g} kg/m",
    )


# ----- virtual practicals (GCSE required practical: waves) -----------------------------

# (a) Ripple tank. The pattern is seen as a shadow on a screen (or paper) below the tank;
# the lamp above makes the shadow larger than the waves themselves, so lengths measured on
# the screen are too large by the shadow magnification unless pupils calibrate with a
# ruler laid in the tank.
RIPPLE_TANK_MAGNIFICATION = 1.25
SCREEN_RULER = Instrument(
    "ruler on the screen", "m", resolution=0.001, random_sd=0.002,
    systematic_note=(
        f"lengths measured on the shadow, which is {RIPPLE_TANK_MAGNIFICATION:g} times larger "
        "than the waves"
    ),
)
SIGNAL_GENERATOR = Instrument("signal generator display", "Hz", resolution=0.1)


def ripple_tank_practical(
    frequencies_hz=(6.0, 8.0, 10.0, 12.0, 15.0, 20.0),
    wave_speed_m_s: float = 0.25,
    waves_counted: int = 10,
    repeats: int = 3,
    shadow_magnification: float = RIPPLE_TANK_MAGNIFICATION,
    seed: int | None = 0,
) -> Table:
    """Simulated ripple-tank results: wavelength from the length of several waves.

    For each generator frequency, pupils freeze the pattern with a strobe, and measure
    the length of ``waves_counted`` waves on the screen with a ruler (1 mm), ``repeats``
    times. Every length is too large by ``shadow_magnification`` (the systematic error);
    the ruler reading also scatters (judging blurry crests, sd 2 mm).

    Plotting wavelength against 1/frequency gives a gradient equal to the wave speed,
    too large by the magnification factor.

    Args:
        frequencies_hz: generator frequencies, Hz; each in (0, 100].
        wave_speed_m_s: true speed of the ripples, m/s; (0, 10]. (In a real tank it
            depends on the depth of water, about √(g d) in shallow water.)
        waves_counted: how many waves are measured across, 1–50.
        repeats: readings per frequency, 1–10.
        shadow_magnification: how much larger the shadow is than the waves; [1, 5].
        seed: random seed (same seed, same class results).

    Raises:
        ValueError: naming the argument and its allowed range.
    """
    frequencies = np.asarray(frequencies_hz, dtype=float)
    if frequencies.size == 0:
        raise ValueError("frequencies_hz must list at least one frequency")
    for frequency in frequencies:
        check_range("frequency_hz", frequency, 0, 100, unit="Hz")
    wave_speed_m_s = check_range("wave_speed_m_s", wave_speed_m_s, 0, 10, unit="m/s")
    waves_counted = check_count("waves_counted", waves_counted, 1, 50)
    repeats = check_count("repeats", repeats, 1, 10)
    shadow_magnification = check_range("shadow_magnification", shadow_magnification, 1, 5, low_open=False)
    rng = make_rng(seed)

    true_wavelengths = wave_speed_m_s / frequencies
    readings = SIGNAL_GENERATOR.read(frequencies, rng)
    on_screen = shadow_magnification * waves_counted * true_wavelengths
    lengths = SCREEN_RULER.read(np.repeat(on_screen[:, None], repeats, axis=1), rng)
    mean_wavelengths = lengths.mean(axis=1) / waves_counted
    columns = [("frequency", "Hz", readings)]
    columns += [(f"length of {waves_counted} waves, run {i + 1}", "m", lengths[:, i]) for i in range(repeats)]
    columns += [
        ("mean wavelength", "m", mean_wavelengths),
        ("1 / frequency", "s", 1.0 / readings),
        ("wave speed f × λ", "m/s", readings * mean_wavelengths),
    ]
    return Table.from_columns(columns, title=f"Virtual practical: ripple tank (seed {seed})")


# (b) Vibrating string. A vibration generator drives a string over a pulley to a hanging
# mass; pupils tune the signal generator until a clear standing wave appears and measure
# the node spacing. Cheap analogue signal generators' dials are often a few per cent out:
# here the dial reads 3% high, so every v = fλ comes out 3% above √(T/μ).
GENERATOR_DIAL_SCALE_ERROR = 1.03
GENERATOR_DIAL = Instrument(
    "signal generator dial", "Hz", resolution=1.0,
    systematic_note="the dial reads 3% high (compare with a strobe or frequency meter)",
)
# Nodes are blurred over a few millimetres; each end is judged to about ±3 mm.
STRING_METRE_RULE = Instrument("metre rule", "m", resolution=0.001, random_sd=0.004)
RESONANCE_JUDGEMENT = 0.015  # the best-looking resonance is found to about ±1.5% in f


def string_practical(
    harmonics=(1, 2, 3, 4, 5, 6),
    tension_n: float = 2.0,
    linear_density_kg_m: float = 0.0008,
    string_length_m: float = 1.0,
    dial_scale_error: float = GENERATOR_DIAL_SCALE_ERROR,
    seed: int | None = 0,
) -> Table:
    """Simulated vibrating-string results: generator frequency and node spacing.

    For each harmonic the pupil tunes the generator to resonance (judged to ±1.5%) and
    reads the dial (1 Hz, reading ``dial_scale_error`` times the true frequency — the
    systematic error), then measures with a metre rule the distance from the first to
    the last node and divides by the number of loops: λ = 2 × distance / loops.

    Plotting frequency against 1/λ gives a gradient equal to the wave speed; compare
    it with √(T/μ).

    Args:
        harmonics: numbers of loops to set up, each 1–20.
        tension_n: tension from the hanging mass, N; (0, 10000].
        linear_density_kg_m: mass per metre of the string, kg/m; (0, 100].
        string_length_m: vibrator to pulley, m; (0, 100].
        dial_scale_error: dial reading ÷ true frequency; [0.5, 2].
        seed: random seed.

    Raises:
        ValueError: naming the argument and its allowed range.
    """
    numbers = [check_count("harmonic", n, 1, MAX_HARMONIC) for n in harmonics]
    if not numbers:
        raise ValueError("harmonics must list at least one harmonic")
    dial_scale_error = check_range("dial_scale_error", dial_scale_error, 0.5, 2, low_open=False)
    speed = string_wave_speed(tension_n, linear_density_kg_m)
    string_length_m = check_range("string_length_m", string_length_m, 0, 100, unit="m")
    rng = make_rng(seed)
    loops = np.asarray(numbers, dtype=float)
    true_frequencies = loops * speed / (2.0 * string_length_m)
    tuned = true_frequencies * (1.0 + rng.normal(0.0, RESONANCE_JUDGEMENT, loops.shape))
    dial = GENERATOR_DIAL.read(dial_scale_error * tuned, rng)
    distances = STRING_METRE_RULE.read(np.full(loops.shape, string_length_m), rng)
    wavelengths = 2.0 * distances / loops
    return Table.from_columns(
        [
            ("loops", "", loops),
            ("generator frequency", "Hz", dial),
            ("first to last node", "m", distances),
            ("wavelength", "m", wavelengths),
            ("1 / wavelength", "1/m", 1.0 / wavelengths),
            ("wave speed f × λ", "m/s", dial * wavelengths),
        ],
        title=(
            f"Virtual practical: vibrating string, T = {tension_n:g} N, μ = {linear_density_kg_m:g} kg/m "
            f"(seed {seed})"
        ),
    )
