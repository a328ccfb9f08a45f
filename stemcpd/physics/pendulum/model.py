"""Simple pendulum model: exact period at any amplitude, and the swing over time.

Physics (see MODEL.md beside this file for the teacher's version):

* A point mass ``m`` on a light, rigid rod of length ``L`` swings under gravity ``g``.
  The angle θ is measured from the vertical: 0 is straight down, positive is to the
  right. With linear damping of rate ``b`` (air drag at low speed, friction at the
  pivot), Newton's second law for rotation gives

      d²θ/dt² = −(g/L) sin θ − b dθ/dt

* Exact period (no damping) for release angle θ₀:
  ``T = 4 √(L/g) K(m)``, with ``K`` the complete elliptic integral of the first kind
  and parameter ``m = sin²(θ₀/2)``. For small θ₀ this tends to ``T₀ = 2π √(L/g)``.
* Energies (zero of gravitational potential energy at the lowest point):
  kinetic ``½ m L² ω²``, gravitational potential ``m g L (1 − cos θ)``; with damping,
  the energy lost from these two stores has been transferred to the thermal store of
  the surroundings.

The time simulation integrates the equation above with the classical fourth-order
Runge–Kutta method at a fixed time step, so results do not depend on how often a
screen is redrawn.

Limits: rigid rod (the model allows release up to just below 180°; a string would go
slack above 90°), point mass, no driving force, damping proportional to speed.
"""

from __future__ import annotations

from dataclasses import dataclass
import math

import numpy as np
from scipy.special import ellipk

from stemcpd.practical import Instrument
from stemcpd.table import Table
from stemcpd.validation import check_count, check_range

STANDARD_GRAVITY_M_S2 = 9.81

GRAVITY_PRESETS_M_S2 = {
    "Earth": 9.81,
    "Moon": 1.62,
    "Mars": 3.71,
    "Jupiter": 24.79,
}


@dataclass(frozen=True)
class PendulumParams:
    """Everything that defines one pendulum. Validated on creation.

    Attributes:
        length_m: pivot to centre of the bob, in metres (m); (0, 1000].
        amplitude_deg: release angle from the vertical, in degrees (°); the bob starts
            at rest there. (0, 180).
        mass_kg: mass of the bob, in kilograms (kg); (0, 1000]. Changes the energies,
            never the motion.
        g_m_s2: gravitational field strength, in metres per second squared (m s⁻²,
            the same as N/kg); (0, 1000].
        damping_per_s: linear damping rate b, in per second (s⁻¹); [0, 100].
    """

    length_m: float = 1.0
    amplitude_deg: float = 10.0
    mass_kg: float = 0.1
    g_m_s2: float = STANDARD_GRAVITY_M_S2
    damping_per_s: float = 0.0

    def __post_init__(self):
        checks = {
            "length_m": check_range("length_m", self.length_m, 0, 1000, unit="m"),
            "amplitude_deg": check_range(
                "amplitude_deg", self.amplitude_deg, 0, 180, high_open=True, unit="degrees"
            ),
            "mass_kg": check_range("mass_kg", self.mass_kg, 0, 1000, unit="kg"),
            "g_m_s2": check_range("g_m_s2", self.g_m_s2, 0, 1000, unit="m/s^2"),
            "damping_per_s": check_range(
                "damping_per_s", self.damping_per_s, 0, 100, low_open=False, unit="1/s"
            ),
        }
        for name, value in checks.items():
            object.__setattr__(self, name, value)


def small_angle_period(length_m: float, g: float = STANDARD_GRAVITY_M_S2) -> float:
    """Period of a pendulum for very small swings, ``T₀ = 2π √(L/g)``, in seconds.

    Raises:
        ValueError: if ``length_m`` is not in (0, 1000] m or ``g`` not in (0, 1000] m/s².
    """
    length_m = check_range("length_m", length_m, 0, 1000, unit="m")
    g = check_range("g", g, 0, 1000, unit="m/s^2")
    return 2.0 * math.pi * math.sqrt(length_m / g)


def period(length_m: float, amplitude_deg: float, g: float = STANDARD_GRAVITY_M_S2) -> float:
    """Exact period of an undamped pendulum released from rest at ``amplitude_deg``.

    ``T = 4 √(L/g) K(sin²(θ₀/2))`` with K the complete elliptic integral of the first
    kind (scipy's ``ellipk`` takes the parameter m = k²).

    Args:
        length_m: pivot to centre of the bob, m; (0, 1000].
        amplitude_deg: release angle from the vertical, degrees; (0, 180).
        g: gravitational field strength, m/s²; (0, 1000].

    Returns:
        The period in seconds.

    Raises:
        ValueError: naming the parameter and its allowed range.
    """
    length_m = check_range("length_m", length_m, 0, 1000, unit="m")
    amplitude_deg = check_range("amplitude_deg", amplitude_deg, 0, 180, high_open=True, unit="degrees")
    g = check_range("g", g, 0, 1000, unit="m/s^2")
    parameter = math.sin(math.radians(amplitude_deg) / 2.0) ** 2
    return 4.0 * math.sqrt(length_m / g) * float(ellipk(parameter))


def period_ratio(amplitude_deg: float) -> float:
    """How much longer the exact period is than the small-angle one, ``T / T₀``."""
    return period(1.0, amplitude_deg, 1.0) / small_angle_period(1.0, 1.0)


@dataclass(frozen=True)
class PendulumRun:
    """One simulated swing. Arrays share the index of ``times_s``.

    Attributes:
        params: the parameters it was run with.
        time_step_s: the Runge–Kutta step used, s.
        times_s: sample times, s, starting at 0.
        angle_rad: angle from the vertical, rad (positive to the right).
        angular_velocity_rad_s: dθ/dt, rad/s.
        kinetic_energy_j: kinetic store, J.
        potential_energy_j: gravitational potential store above the lowest point, J.
        thermal_energy_j: energy transferred to the surroundings by damping so far, J.
        period_s: exact undamped period for these parameters, s.
        small_angle_period_s: 2π√(L/g), s.
    """

    params: PendulumParams
    time_step_s: float
    times_s: np.ndarray
    angle_rad: np.ndarray
    angular_velocity_rad_s: np.ndarray
    kinetic_energy_j: np.ndarray
    potential_energy_j: np.ndarray
    thermal_energy_j: np.ndarray
    period_s: float
    small_angle_period_s: float

    @property
    def angle_deg(self) -> np.ndarray:
        """Angle from the vertical in degrees."""
        return np.degrees(self.angle_rad)

    @property
    def small_angle_angle_deg(self) -> np.ndarray:
        """The small-angle prediction at each time, degrees: θ₀ cos(2πt/T₀) with
        T₀ = 2π√(L/g), times the damping envelope e^{−bt/2} when damped. What the
        swing would be if sin θ were θ: the comparison the angle graph shows."""
        params = self.params
        angle = params.amplitude_deg * np.cos(2.0 * math.pi / self.small_angle_period_s * self.times_s)
        if params.damping_per_s > 0:
            angle = angle * np.exp(-0.5 * params.damping_per_s * self.times_s)
        return angle

    @property
    def mechanical_energy_j(self) -> np.ndarray:
        """Kinetic plus gravitational potential energy, J."""
        return self.kinetic_energy_j + self.potential_energy_j

    @property
    def initial_energy_j(self) -> float:
        """Energy in the gravitational store at release, J."""
        return float(self.potential_energy_j[0])

    def potential_energy_at_j(self, angle_deg: float) -> float:
        """Energy in the gravitational store with the bob held at ``angle_deg`` from the
        vertical, J: m g L (1 − cos θ) (a view uses it to size its energy axis)."""
        params = self.params
        return float(params.mass_kg * params.g_m_s2 * params.length_m * (1.0 - math.cos(math.radians(angle_deg))))


def default_time_step(params: PendulumParams) -> float:
    """A step small enough for RK4 to be accurate: 1/400 of the small-angle period."""
    return small_angle_period(params.length_m, params.g_m_s2) / 400.0


def simulate(
    params: PendulumParams | None = None,
    duration_s: float = 10.0,
    time_step_s: float | None = None,
) -> PendulumRun:
    """Swing the pendulum from rest at its amplitude for ``duration_s`` seconds.

    Args:
        params: the pendulum; defaults to ``PendulumParams()``.
        duration_s: how long to simulate, s; (0, 10000].
        time_step_s: fixed Runge–Kutta step, s; defaults to :func:`default_time_step`.
            Must be in (0, duration_s].

    Returns:
        A :class:`PendulumRun` sampled at every step (the last sample is at
        ``duration_s``; the final step is shortened to land on it).

    Raises:
        ValueError: naming the parameter and its allowed range.
    """
    params = PendulumParams() if params is None else params
    duration_s = check_range("duration_s", duration_s, 0, 10000, unit="s")
    if time_step_s is None:
        time_step_s = min(default_time_step(params), duration_s)
    time_step_s = check_range("time_step_s", time_step_s, 0, duration_s, unit="s")

    steps = math.ceil(duration_s / time_step_s - 1e-9)
    times = np.minimum(np.arange(steps + 1) * time_step_s, duration_s)
    angles = np.empty(steps + 1)
    velocities = np.empty(steps + 1)

    # Plain floats in the inner loop: a scalar ODE gains nothing from numpy per step.
    stiffness = params.g_m_s2 / params.length_m
    damping = params.damping_per_s
    sin = math.sin
    theta = math.radians(params.amplitude_deg)
    omega = 0.0
    angles[0], velocities[0] = theta, omega
    for index in range(1, steps + 1):
        h = times[index] - times[index - 1]
        k1_theta, k1_omega = omega, -stiffness * sin(theta) - damping * omega
        theta2, omega2 = theta + 0.5 * h * k1_theta, omega + 0.5 * h * k1_omega
        k2_theta, k2_omega = omega2, -stiffness * sin(theta2) - damping * omega2
        theta3, omega3 = theta + 0.5 * h * k2_theta, omega + 0.5 * h * k2_omega
        k3_theta, k3_omega = omega3, -stiffness * sin(theta3) - damping * omega3
        theta4, omega4 = theta + h * k3_theta, omega + h * k3_omega
        k4_theta, k4_omega = omega4, -stiffness * sin(theta4) - damping * omega4
        theta += h / 6.0 * (k1_theta + 2.0 * k2_theta + 2.0 * k3_theta + k4_theta)
        omega += h / 6.0 * (k1_omega + 2.0 * k2_omega + 2.0 * k3_omega + k4_omega)
        angles[index], velocities[index] = theta, omega

    mass, length, g = params.mass_kg, params.length_m, params.g_m_s2
    kinetic = 0.5 * mass * length**2 * velocities**2
    potential = mass * g * length * (1.0 - np.cos(angles))
    thermal = np.maximum(potential[0] - (kinetic + potential), 0.0) if damping > 0 else np.zeros_like(kinetic)
    return PendulumRun(
        params=params,
        time_step_s=float(time_step_s),
        times_s=times,
        angle_rad=angles,
        angular_velocity_rad_s=velocities,
        kinetic_energy_j=kinetic,
        potential_energy_j=potential,
        thermal_energy_j=thermal,
        period_s=period(params.length_m, params.amplitude_deg, params.g_m_s2),
        small_angle_period_s=small_angle_period(params.length_m, params.g_m_s2),
    )


def exact_undamped_angle(params: PendulumParams, times_s) -> np.ndarray:
    """Analytic θ(t) for the undamped pendulum released from rest (reference solution).

    θ(t) = 2 arcsin(k · cd(ω₀ t | m)), with k = sin(θ₀/2), m = k², ω₀ = √(g/L) and
    cd = cn/dn the Jacobi elliptic function, which is 1 at t = 0.
    """
    from scipy.special import ellipj

    k = math.sin(math.radians(params.amplitude_deg) / 2.0)
    omega0 = math.sqrt(params.g_m_s2 / params.length_m)
    sn, cn, dn, _ = ellipj(omega0 * np.asarray(times_s, dtype=float), k * k)
    return 2.0 * np.arcsin(np.clip(k * cn / dn, -1.0, 1.0))


def measured_periods(run: PendulumRun) -> np.ndarray:
    """Periods measured from the run, s: time between successive downward zero crossings
    of the angle (found by linear interpolation between samples), as a stopwatch would."""
    angle = run.angle_rad
    crossing = np.nonzero((angle[:-1] > 0) & (angle[1:] <= 0))[0]
    t0, t1 = run.times_s[crossing], run.times_s[crossing + 1]
    a0, a1 = angle[crossing], angle[crossing + 1]
    crossing_times = t0 + (t1 - t0) * a0 / (a0 - a1)
    return np.diff(crossing_times)


def to_table(run: PendulumRun) -> Table:
    """The run as a table: time, angle, angular velocity and the energy stores."""
    return Table.from_columns(
        [
            ("time", "s", run.times_s),
            ("angle", "°", run.angle_deg),
            ("angular velocity", "rad/s", run.angular_velocity_rad_s),
            ("kinetic energy", "J", run.kinetic_energy_j),
            ("gravitational potential energy", "J", run.potential_energy_j),
            ("energy transferred to surroundings", "J", run.thermal_energy_j),
        ],
        title=f"Pendulum, L = {run.params.length_m:g} m, released from {run.params.amplitude_deg:g}°",
    )


def period_table(lengths_m, amplitude_deg: float = 10.0, g: float = STANDARD_GRAVITY_M_S2) -> Table:
    """Exact period for each length (the data behind a T² against L graph)."""
    lengths = np.asarray(lengths_m, dtype=float)
    periods = np.array([period(length, amplitude_deg, g) for length in lengths])
    return Table.from_columns(
        [("length", "m", lengths), ("period", "s", periods), ("period squared", "s²", periods**2)],
        title=f"Period against length, released from {amplitude_deg:g}°, g = {g:g} N/kg",
    )


# A pupil with a hand-held stopwatch: reaction time scatters start and stop by about
# 0.1 s each (so ≈ 0.14 s on an interval); the display shows 0.01 s.
STOPWATCH = Instrument("stopwatch, hand-timed", "s", resolution=0.01, random_sd=0.14)
# A metre rule read to the nearest mm, with a common systematic error: measuring the
# string to the top of a 2 cm bob instead of its centre (every length 1.0 cm short).
METRE_RULE = Instrument(
    "metre rule", "m", resolution=0.001, random_sd=0.001, zero_error=-0.010,
    systematic_note="length measured to the top of the bob, not its centre (1.0 cm short)",
)


def virtual_practical(
    lengths_m=(0.2, 0.4, 0.6, 0.8, 1.0),
    oscillations: int = 10,
    repeats: int = 3,
    amplitude_deg: float = 10.0,
    g: float = STANDARD_GRAVITY_M_S2,
    seed: int | None = 0,
) -> Table:
    """Simulated class results for "find g from a pendulum", as a pupil records them.

    Each length is measured with :data:`METRE_RULE` (including its systematic error);
    each timing of ``oscillations`` swings uses :data:`STOPWATCH`, ``repeats`` times.
    Plotting mean period² against measured length gives a gradient of 4π²/g and, from
    the systematic error, a non-zero intercept.

    Raises:
        ValueError: for an empty or out-of-range length, or counts below 1.
    """
    from stemcpd.practical import make_rng

    oscillations = check_count("oscillations", oscillations, 1, 100)
    repeats = check_count("repeats", repeats, 1, 10)
    lengths = np.asarray(lengths_m, dtype=float)
    if lengths.size == 0:
        raise ValueError("lengths_m must list at least one length")
    for length in lengths:
        check_range("length_m", length, 0, 1000, unit="m")
    rng = make_rng(seed)
    true_periods = np.array([period(length, amplitude_deg, g) for length in lengths])
    measured_lengths = METRE_RULE.read(lengths, rng)
    timings = STOPWATCH.read(np.repeat(true_periods[:, None] * oscillations, repeats, axis=1), rng)
    mean_periods = timings.mean(axis=1) / oscillations
    columns = [("length measured", "m", measured_lengths)]
    columns += [(f"time for {oscillations} swings, run {i + 1}", "s", timings[:, i]) for i in range(repeats)]
    columns += [("mean period", "s", mean_periods), ("mean period squared", "s²", mean_periods**2)]
    return Table.from_columns(columns, title=f"Virtual practical: pendulum timing (seed {seed})")


def describe(run: PendulumRun) -> str:
    """One or two sentences a screen reader can speak about this run."""
    p = run.params
    longer_percent = (run.period_s / run.small_angle_period_s - 1.0) * 100.0
    text = (
        f"A {p.length_m:.2f} m pendulum released from {p.amplitude_deg:.0f}° with g = "
        f"{p.g_m_s2:.2f} N/kg swings with a period of {run.period_s:.3f} s, "
        f"{longer_percent:.1f}% longer than the {run.small_angle_period_s:.3f} s the "
        f"small-angle formula 2π√(L/g) gives."
    )
    if p.damping_per_s > 0:
        lost = run.thermal_energy_j[-1] / run.initial_energy_j * 100.0
        last_swing = max(2, int(math.ceil(run.period_s / run.time_step_s)))
        final_amplitude = np.degrees(np.max(np.abs(run.angle_rad[-last_swing:])))
        text += (
            f" Damping has transferred {lost:.0f}% of its {run.initial_energy_j:.3g} J to the "
            f"surroundings after {run.times_s[-1]:.0f} s; the swing is now about "
            f"{final_amplitude:.0f}° wide."
        )
    else:
        text += (
            f" With no damping its {run.initial_energy_j:.3g} J moves between the kinetic and "
            f"gravitational potential stores and the total stays constant."
        )
    return text
