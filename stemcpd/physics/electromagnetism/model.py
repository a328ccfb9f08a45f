"""Electromagnetism: the motor effect, a coil generator (Faraday's law) and transformers.

Physics (see MODEL.md beside this file for the teacher's version):

* Motor effect: a straight wire of length L carrying current I at angle θ to a uniform
  magnetic field of flux density B feels ``F = B I L sin θ`` (F = BIL when at right
  angles; zero when parallel). Direction: Fleming's left-hand rule.
* Generator: a flat coil of N turns and area A spins at frequency f (ω = 2πf) about an
  axis at right angles to a uniform field B. With the angle θ = ωt measured between the
  coil's normal and the field, the flux through each turn is ``Φ = B A cos ωt`` and
  Faraday's law gives ``emf = −N dΦ/dt = N B A ω sin ωt``: peak ``N B A ω``,
  r.m.s. ``N B A ω/√2``, frequency f.
* Transformer: ``V_s/V_p = N_s/N_p``. Ideal (100 %): ``V_p I_p = V_s I_s``. With an
  efficiency η the output power is η times the input power; the model keeps the ideal
  voltage ratio and puts the loss in the primary current (``I_p = V_s I_s/(η V_p)``).

Limits: uniform fields; no self-inductance of the generator coil (open circuit, so the
terminal p.d. equals the emf); transformer with a resistive load and no magnetising
current, losses lumped into one efficiency.
"""

from __future__ import annotations

from dataclasses import dataclass
import math

import numpy as np

from stemcpd.table import Table
from stemcpd.validation import check_count, check_range


# ----------------------------------------------------------------------------------
# Motor effect
# ----------------------------------------------------------------------------------
def motor_force(flux_density_t: float, current_a: float, length_m: float, angle_deg: float = 90.0) -> float:
    """Force on a current-carrying wire in a magnetic field, ``F = B I L sin θ``, in N.

    Args:
        flux_density_t: magnetic flux density B, tesla (T); [0, 100].
        current_a: current I, amperes (A); [0, 1e5] (the size; reversing it reverses F).
        length_m: length of wire in the field L, metres (m); [0, 1000].
        angle_deg: angle θ between the wire and the field, degrees; [0, 180].

    Raises:
        ValueError: naming the argument and its allowed range.
    """
    b = check_range("flux_density_t", flux_density_t, 0, 100, low_open=False, unit="T")
    i = check_range("current_a", current_a, 0, 1e5, low_open=False, unit="A")
    length = check_range("length_m", length_m, 0, 1000, low_open=False, unit="m")
    angle = check_range("angle_deg", angle_deg, 0, 180, low_open=False, unit="degrees")
    # sin 180° is 1.2e-16 in floating point; a wire along the field feels no force.
    sine = 0.0 if angle in (0.0, 180.0) else math.sin(math.radians(angle))
    return b * i * length * sine


# ----------------------------------------------------------------------------------
# Generator
# ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class GeneratorParams:
    """A flat coil spinning in a uniform magnetic field. Validated on creation.

    Attributes:
        turns: number of turns N, no unit; whole number in [1, 100000].
        flux_density_t: magnetic flux density B, tesla (T); (0, 10].
        coil_area_m2: area A of one turn, square metres (m²); (0, 10].
        frequency_hz: rotations per second f, hertz (Hz); (0, 10000].
    """

    turns: int = 100
    flux_density_t: float = 0.1
    coil_area_m2: float = 0.01
    frequency_hz: float = 5.0

    def __post_init__(self):
        object.__setattr__(self, "turns", check_count("turns", self.turns, 1, 100_000))
        checks = {
            "flux_density_t": check_range("flux_density_t", self.flux_density_t, 0, 10, unit="T"),
            "coil_area_m2": check_range("coil_area_m2", self.coil_area_m2, 0, 10, unit="m^2"),
            "frequency_hz": check_range("frequency_hz", self.frequency_hz, 0, 10_000, unit="Hz"),
        }
        for name, value in checks.items():
            object.__setattr__(self, name, value)

    @property
    def angular_velocity_rad_s(self) -> float:
        """ω = 2πf, rad/s."""
        return 2.0 * math.pi * self.frequency_hz

    @property
    def period_s(self) -> float:
        """Time for one rotation, 1/f, s."""
        return 1.0 / self.frequency_hz

    @property
    def peak_flux_linkage_wb(self) -> float:
        """N B A, the largest flux linkage, Wb (weber-turns)."""
        return self.turns * self.flux_density_t * self.coil_area_m2


def peak_emf(params: GeneratorParams) -> float:
    """Peak emf ``N B A ω``, V."""
    return params.peak_flux_linkage_wb * params.angular_velocity_rad_s


def rms_emf(params: GeneratorParams) -> float:
    """Root-mean-square emf ``N B A ω/√2``, V (the d.c. p.d. with the same heating effect)."""
    return peak_emf(params) / math.sqrt(2.0)


def flux_linkage(params: GeneratorParams, times_s) -> np.ndarray:
    """Flux linkage ``N Φ = N B A cos ωt`` at each time, Wb (coil face-on to B at t = 0)."""
    t = np.asarray(times_s, dtype=float)
    return params.peak_flux_linkage_wb * np.cos(params.angular_velocity_rad_s * t)


def generator_emf(params: GeneratorParams, times_s) -> np.ndarray:
    """Analytic emf ``−N dΦ/dt = N B A ω sin ωt`` at each time, V."""
    t = np.asarray(times_s, dtype=float)
    return peak_emf(params) * np.sin(params.angular_velocity_rad_s * t)


def numerical_emf(times_s, flux_linkage_wb) -> np.ndarray:
    """Faraday's law applied to sampled flux linkage: ``emf = −d(NΦ)/dt``, V.

    Second-order central differences (one-sided, second order at the two ends), so the
    error falls four-fold when the sampling interval halves. Times need not be even.

    Raises:
        ValueError: if the arrays differ in length, have fewer than 3 samples, or the
            times do not increase.
    """
    t = np.asarray(times_s, dtype=float)
    linkage = np.asarray(flux_linkage_wb, dtype=float)
    if t.shape != linkage.shape or t.ndim != 1 or t.size < 3:
        raise ValueError("times_s and flux_linkage_wb must be 1-D arrays of the same length (at least 3)")
    if not np.all(np.diff(t) > 0):
        raise ValueError("times_s must increase")
    return -np.gradient(linkage, t, edge_order=2)


@dataclass(frozen=True)
class GeneratorRun:
    """The generator over a stretch of time. Arrays share the index of ``times_s``.

    Attributes:
        params: the generator.
        times_s: sample times, s, from 0.
        angle_rad: angle between the coil's normal and the field, rad (ωt).
        flux_linkage_wb: N Φ, Wb.
        emf_v: emf, V (analytic, N B A ω sin ωt).
        peak_emf_v: N B A ω, V.
        rms_emf_v: peak/√2, V.
    """

    params: GeneratorParams
    times_s: np.ndarray
    angle_rad: np.ndarray
    flux_linkage_wb: np.ndarray
    emf_v: np.ndarray
    peak_emf_v: float
    rms_emf_v: float

    @property
    def frequency_hz(self) -> float:
        """Frequency of the alternating emf (= rotation frequency), Hz."""
        return self.params.frequency_hz

    @property
    def period_s(self) -> float:
        """Period of the emf, s."""
        return self.params.period_s


def simulate_generator(params: GeneratorParams | None = None, duration_s: float | None = None,
                       samples_per_period: int = 200) -> GeneratorRun:
    """Sample the spinning coil's flux linkage and emf.

    Args:
        params: the generator; defaults to ``GeneratorParams()``.
        duration_s: how long, s; (0, 1e4]; default two periods.
        samples_per_period: sampling density; whole number in [8, 100000]. At most
            200 000 samples are taken in all.

    Raises:
        ValueError: naming the argument and its range.
    """
    params = GeneratorParams() if params is None else params
    duration = 2.0 * params.period_s if duration_s is None else check_range("duration_s", duration_s, 0, 1e4, unit="s")
    samples_per_period = check_count("samples_per_period", samples_per_period, 8, 100_000)
    samples = min(200_000, max(3, math.ceil(duration / params.period_s * samples_per_period) + 1))
    times = np.linspace(0.0, duration, samples)
    return GeneratorRun(
        params=params,
        times_s=times,
        angle_rad=params.angular_velocity_rad_s * times,
        flux_linkage_wb=flux_linkage(params, times),
        emf_v=generator_emf(params, times),
        peak_emf_v=peak_emf(params),
        rms_emf_v=rms_emf(params),
    )


def describe(run: GeneratorRun) -> str:
    """One or two sentences a screen reader can speak about the generator."""
    p = run.params
    return (
        f"A {p.turns}-turn coil of area {p.coil_area_m2 * 1e4:.0f} cm² spinning {p.frequency_hz:g} times a "
        f"second in a {p.flux_density_t:.2f} T field makes an alternating emf of peak {run.peak_emf_v:.3g} V "
        f"(r.m.s. {run.rms_emf_v:.3g} V) at {p.frequency_hz:g} Hz. The emf is largest when the coil's "
        f"plane is parallel to the field, where the flux through it is zero but changing fastest."
    )


def to_table(run: GeneratorRun) -> Table:
    """The run as a table: time, coil angle, flux linkage and emf."""
    return Table.from_columns(
        [
            ("time", "s", run.times_s),
            ("coil angle", "°", np.degrees(run.angle_rad)),
            ("flux linkage", "Wb", run.flux_linkage_wb),
            ("emf", "V", run.emf_v),
        ],
        title=(f"Generator: N = {run.params.turns}, B = {run.params.flux_density_t:g} T, "
               f"A = {run.params.coil_area_m2:g} m², f = {run.params.frequency_hz:g} Hz"),
    )


# ----------------------------------------------------------------------------------
# Transformer
# ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class TransformerParams:
    """A transformer supplying a resistive load. Validated on creation.

    Attributes:
        primary_voltage_v: r.m.s. p.d. across the primary coil V_p, V; (0, 1e6].
        primary_turns: N_p, whole number in [1, 1e6].
        secondary_turns: N_s, whole number in [1, 1e6].
        load_resistance_ohm: resistance across the secondary, Ω; (0, 1e12].
        efficiency: output power / input power η, no unit; (0, 1].
    """

    primary_voltage_v: float = 230.0
    primary_turns: int = 1150
    secondary_turns: int = 60
    load_resistance_ohm: float = 6.0
    efficiency: float = 1.0

    def __post_init__(self):
        object.__setattr__(self, "primary_turns", check_count("primary_turns", self.primary_turns, 1, 1_000_000))
        object.__setattr__(self, "secondary_turns", check_count("secondary_turns", self.secondary_turns, 1, 1_000_000))
        checks = {
            "primary_voltage_v": check_range("primary_voltage_v", self.primary_voltage_v, 0, 1e6, unit="V"),
            "load_resistance_ohm": check_range("load_resistance_ohm", self.load_resistance_ohm, 0, 1e12, unit="ohm"),
            "efficiency": check_range("efficiency", self.efficiency, 0, 1),
        }
        for name, value in checks.items():
            object.__setattr__(self, name, value)


@dataclass(frozen=True)
class TransformerResult:
    """What a transformer does. Attributes are r.m.s. values in V, A and W."""

    params: TransformerParams
    secondary_voltage_v: float
    secondary_current_a: float
    primary_current_a: float
    input_power_w: float
    output_power_w: float

    @property
    def turns_ratio(self) -> float:
        """N_s/N_p (> 1 step-up, < 1 step-down)."""
        return self.params.secondary_turns / self.params.primary_turns

    @property
    def power_lost_w(self) -> float:
        """Input minus output power (heating of the coils and core), W."""
        return self.input_power_w - self.output_power_w


def transformer(params: TransformerParams | None = None) -> TransformerResult:
    """Secondary p.d. and current, primary current and powers of a loaded transformer."""
    params = TransformerParams() if params is None else params
    secondary_voltage = params.primary_voltage_v * params.secondary_turns / params.primary_turns
    secondary_current = secondary_voltage / params.load_resistance_ohm
    output_power = secondary_voltage * secondary_current
    input_power = output_power / params.efficiency
    return TransformerResult(
        params=params,
        secondary_voltage_v=secondary_voltage,
        secondary_current_a=secondary_current,
        primary_current_a=input_power / params.primary_voltage_v,
        input_power_w=input_power,
        output_power_w=output_power,
    )


def describe_transformer(result: TransformerResult) -> str:
    """One or two sentences about a transformer result."""
    p = result.params
    kind = "step-up" if p.secondary_turns > p.primary_turns else "step-down" if p.secondary_turns < p.primary_turns else "1:1"
    return (
        f"A {kind} transformer with {p.primary_turns} primary and {p.secondary_turns} secondary turns changes "
        f"{p.primary_voltage_v:g} V into {result.secondary_voltage_v:.3g} V, supplying {result.secondary_current_a:.3g} A; "
        f"at {p.efficiency * 100:.0f}% efficiency it draws {result.primary_current_a:.3g} A from the supply."
    )
