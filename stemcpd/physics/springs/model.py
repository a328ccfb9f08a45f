"""Springs: Hooke's law up to an elastic limit, springs in series and parallel, and a
mass bouncing on the spring.

Physics (see MODEL.md beside this file for the teacher's version):

* **Hooke's law.** Below its elastic limit (limit of proportionality) ``F_L`` a spring's
  extension is proportional to the force on it: ``F = k e``.
* **Beyond the limit** the model is *bilinear elastic–plastic with hardening*: each
  extra newton stretches the spring ``1/r`` times further than before (``r`` is
  ``plastic_stiffness_ratio``, 0 < r ≤ 1), so

      e(F) = F/k                          for F ≤ F_L
      e(F) = F_L/k + (F − F_L)/(r k)      for F > F_L

  and on unloading from the largest force ``F_max`` the spring shortens elastically
  (slope k again), keeping a *permanent set* ``(F_max − F_L)(1/(r k) − 1/k)``.
* **Combinations** of identical springs: ``n_s`` in series and ``n_p`` such chains side
  by side (in parallel) behave as one spring with ``k_eff = k n_p / n_s`` (from
  ``1/k = Σ 1/kᵢ`` in series and ``k = Σ kᵢ`` in parallel) and elastic limit
  ``n_p F_L`` (every spring in a chain carries the whole chain's force; parallel chains
  share the load equally).
* **Elastic potential energy** ``½ k e²`` within the limit. Beyond it the work done
  stretching is the area under the loading curve; only ``½ F²/k`` of it (the elastic
  triangle under the unloading line) is stored and given back; the rest heats the metal.
* **Oscillator.** The mass ``m`` hangs *vertically* at rest at the loading point, is
  pulled down a further ``A`` and released from rest. With ``x`` its displacement below
  equilibrium and linear damping rate ``b``:

      d²x/dt² = −(k_eff/m) x − b dx/dt,   so   x(t) = A cos(ωt) when b = 0,

  with ``ω = √(k_eff/m)`` and period ``T = 2π√(m/k_eff)``. Stores (zero of gravitational
  potential energy at the equilibrium position): kinetic ``½ m v²``, elastic
  ``½ F²/k_eff`` with spring force ``F = m g + k_eff x``, gravitational ``−m g x``;
  without damping their sum is constant, and ``½ k x² + ½ m v²`` is constant too (the
  elastic and gravitational changes combine into ``½ k x²`` about equilibrium).

The oscillation is integrated with the classical fourth-order Runge–Kutta method at a
fixed step (1/200 of the period), independent of the screen's frame rate.

Limits: the spring is massless; the oscillation follows the elastic (slope k) line
through the loading point, so it is flagged, not modelled, when the bottom of a bounce
pulls harder than the elastic limit (a real spring would stretch further permanently)
or the top of a bounce would compress the spring (a real extension spring goes slack).
"""

from __future__ import annotations

from dataclasses import dataclass
import math

import numpy as np

from stemcpd.practical import Instrument, make_rng
from stemcpd.table import Table
from stemcpd.validation import check_count, check_range

STANDARD_GRAVITY_M_S2 = 9.81
SLOTTED_MASS_KG = 0.100  # one slotted mass (the hanger counts as the first)


@dataclass(frozen=True)
class SpringParams:
    """One spring arrangement, its load and its bounce. Validated on creation.

    Attributes:
        spring_constant_n_m: spring constant k of each identical spring, in newtons per
            metre (N/m); (0, 10000].
        elastic_limit_n: force on one spring at its elastic limit (limit of
            proportionality), in newtons (N); (0, 10000].
        mass_kg: total mass hung on the arrangement, in kilograms (kg); (0, 100].
        springs_in_series: springs joined end to end in each chain; whole number 1–10.
        springs_in_parallel: chains side by side sharing the load; whole number 1–10.
        amplitude_m: how far the mass is pulled below its resting position before it
            is released, in metres (m); (0, 10].
        damping_per_s: linear damping rate b, in per second (s⁻¹); [0, 100].
        plastic_stiffness_ratio: slope of the force–extension line beyond the limit
            as a fraction of k (dimensionless); (0, 1]. 0.2 means each newton past the
            limit stretches the spring five times as far.
        g_m_s2: gravitational field strength, in metres per second squared (m s⁻²,
            the same as N/kg); (0, 1000].
    """

    spring_constant_n_m: float = 25.0
    elastic_limit_n: float = 5.0
    mass_kg: float = 0.3
    springs_in_series: int = 1
    springs_in_parallel: int = 1
    amplitude_m: float = 0.02
    damping_per_s: float = 0.0
    plastic_stiffness_ratio: float = 0.2
    g_m_s2: float = STANDARD_GRAVITY_M_S2

    def __post_init__(self):
        checks = {
            "spring_constant_n_m": check_range("spring_constant_n_m", self.spring_constant_n_m, 0, 10000, unit="N/m"),
            "elastic_limit_n": check_range("elastic_limit_n", self.elastic_limit_n, 0, 10000, unit="N"),
            "mass_kg": check_range("mass_kg", self.mass_kg, 0, 100, unit="kg"),
            "springs_in_series": check_count("springs_in_series", self.springs_in_series, 1, 10),
            "springs_in_parallel": check_count("springs_in_parallel", self.springs_in_parallel, 1, 10),
            "amplitude_m": check_range("amplitude_m", self.amplitude_m, 0, 10, unit="m"),
            "damping_per_s": check_range("damping_per_s", self.damping_per_s, 0, 100, low_open=False, unit="1/s"),
            "plastic_stiffness_ratio": check_range("plastic_stiffness_ratio", self.plastic_stiffness_ratio, 0, 1),
            "g_m_s2": check_range("g_m_s2", self.g_m_s2, 0, 1000, unit="m/s^2"),
        }
        for name, value in checks.items():
            object.__setattr__(self, name, value)

    @property
    def effective_spring_constant_n_m(self) -> float:
        """k of the whole arrangement, N/m: ``k n_parallel / n_series``."""
        return self.spring_constant_n_m * self.springs_in_parallel / self.springs_in_series

    @property
    def effective_elastic_limit_n(self) -> float:
        """Largest force the whole arrangement takes elastically, N: ``n_parallel F_L``."""
        return self.elastic_limit_n * self.springs_in_parallel

    @property
    def weight_n(self) -> float:
        """Weight of the hanging mass, N."""
        return self.mass_kg * self.g_m_s2


def _positive_constants(spring_constants_n_m) -> np.ndarray:
    constants = np.atleast_1d(np.asarray(spring_constants_n_m, dtype=float))
    if constants.size == 0:
        raise ValueError("spring_constants_n_m must list at least one spring constant")
    for value in constants:
        check_range("spring_constant_n_m", value, 0, math.inf, unit="N/m")
    return constants


def series_spring_constant(spring_constants_n_m) -> float:
    """Springs end to end: ``1/k = Σ 1/kᵢ``. Returns k in N/m.

    Raises:
        ValueError: for an empty list or a constant that is not positive.
    """
    return float(1.0 / np.sum(1.0 / _positive_constants(spring_constants_n_m)))


def parallel_spring_constant(spring_constants_n_m) -> float:
    """Springs side by side sharing the load equally: ``k = Σ kᵢ``. Returns k in N/m."""
    return float(np.sum(_positive_constants(spring_constants_n_m)))


def extension_for_force(force_n, params: SpringParams) -> np.ndarray:
    """Extension of the arrangement while it is being loaded to ``force_n``, m.

    Hooke's law ``F/k`` up to the elastic limit, then the plastic line of slope ``r k``.
    Negative forces are not allowed (an extension spring cannot be compressed).
    """
    force = np.asarray(force_n, dtype=float)
    if np.any(force < 0) or np.any(~np.isfinite(force)):
        raise ValueError("force_n must be finite and >= 0 N")
    k, limit = params.effective_spring_constant_n_m, params.effective_elastic_limit_n
    beyond = np.maximum(force - limit, 0.0)
    return np.minimum(force, limit) / k + beyond / (params.plastic_stiffness_ratio * k)


def permanent_set(max_force_n: float, params: SpringParams) -> float:
    """Extension left after loading to ``max_force_n`` and unloading, m (0 within the limit)."""
    k = params.effective_spring_constant_n_m
    beyond = max(float(max_force_n) - params.effective_elastic_limit_n, 0.0)
    return beyond * (1.0 / (params.plastic_stiffness_ratio * k) - 1.0 / k)


def elastic_potential_energy(spring_constant_n_m: float, extension_m) -> np.ndarray:
    """``½ k e²``, J: the energy in a spring's elastic store (valid within its limit)."""
    k = check_range("spring_constant_n_m", spring_constant_n_m, 0, math.inf, unit="N/m")
    extension = np.asarray(extension_m, dtype=float)
    return 0.5 * k * extension**2


def period(mass_kg: float, spring_constant_n_m: float) -> float:
    """Period of a mass on a spring, ``T = 2π √(m/k)``, in seconds."""
    mass_kg = check_range("mass_kg", mass_kg, 0, math.inf, unit="kg")
    k = check_range("spring_constant_n_m", spring_constant_n_m, 0, math.inf, unit="N/m")
    return 2.0 * math.pi * math.sqrt(mass_kg / k)


def work_done_stretching(max_force_n: float, params: SpringParams) -> float:
    """Area under the loading curve from 0 to ``max_force_n``, J (exact for the bilinear law)."""
    k, limit = params.effective_spring_constant_n_m, params.effective_elastic_limit_n
    force = float(max_force_n)
    elastic_part = min(force, limit)
    work = 0.5 * elastic_part**2 / k
    if force > limit:
        # Trapezium under the plastic line: mean force × extra extension.
        work += 0.5 * (limit + force) * (force - limit) / (params.plastic_stiffness_ratio * k)
    return work


@dataclass(frozen=True)
class SpringRun:
    """The loading and the bounce for one :class:`SpringParams`. Oscillation arrays
    share the index of ``times_s``.

    Attributes:
        params: the parameters it was run with.
        spring_constant_n_m: k of the whole arrangement, N/m.
        elastic_limit_n: elastic-limit force of the whole arrangement, N.
        load_force_n: weight hung on it, N.
        load_extension_m: extension at that load, m (on the loading curve).
        permanent_set_m: extension left if the load were removed, m.
        stored_energy_j: energy in the elastic store at the load, J (``½ F²/k``).
        work_done_j: work done stretching it to the load, J (area under the curve).
        beyond_elastic_limit: True if the load itself exceeds the elastic limit.
        bounce_exceeds_limit: True if the bottom of a bounce pulls harder than the limit.
        bounce_goes_slack: True if the top of a bounce would need the spring to push.
        curve_force_n, curve_extension_m: the loading curve from 0 to the load.
        unloading_force_n, unloading_extension_m: the unloading line back to zero force.
        slotted_mass_force_n, slotted_mass_extension_m: the points after each 100 g.
        time_step_s: Runge–Kutta step, s.
        times_s: sample times, s.
        displacement_m: displacement below the resting position, m (positive down).
        velocity_m_s: dx/dt, m/s (positive down).
        kinetic_energy_j, elastic_energy_j, gravitational_energy_j, thermal_energy_j:
            the stores over time, J (gravitational zero at the resting position;
            thermal is the energy damping has transferred to the surroundings).
        period_s: undamped period 2π√(m/k), s.
    """

    params: SpringParams
    spring_constant_n_m: float
    elastic_limit_n: float
    load_force_n: float
    load_extension_m: float
    permanent_set_m: float
    stored_energy_j: float
    work_done_j: float
    beyond_elastic_limit: bool
    bounce_exceeds_limit: bool
    bounce_goes_slack: bool
    curve_force_n: np.ndarray
    curve_extension_m: np.ndarray
    unloading_force_n: np.ndarray
    unloading_extension_m: np.ndarray
    slotted_mass_force_n: np.ndarray
    slotted_mass_extension_m: np.ndarray
    time_step_s: float
    times_s: np.ndarray
    displacement_m: np.ndarray
    velocity_m_s: np.ndarray
    kinetic_energy_j: np.ndarray
    elastic_energy_j: np.ndarray
    gravitational_energy_j: np.ndarray
    thermal_energy_j: np.ndarray
    period_s: float

    @property
    def extension_m(self) -> np.ndarray:
        """Total extension of the arrangement during the bounce, m."""
        return self.load_extension_m + self.displacement_m

    @property
    def exact_displacement_m(self) -> np.ndarray:
        """The analytic x(t) at each of :attr:`times_s` (see :func:`exact_displacement`), m:
        the reference the simulated bounce is drawn against."""
        return exact_displacement(self.params, self.times_s)

    def extension_at_force_m(self, force_n) -> np.ndarray:
        """Extension while loading to ``force_n``, m (see :func:`extension_for_force`)."""
        return extension_for_force(force_n, self.params)

    @property
    def spring_force_n(self) -> np.ndarray:
        """Tension in the arrangement during the bounce, N (elastic line through the load)."""
        return self.load_force_n + self.spring_constant_n_m * self.displacement_m

    @property
    def total_energy_j(self) -> np.ndarray:
        """All four stores added, J: constant in time."""
        return self.kinetic_energy_j + self.elastic_energy_j + self.gravitational_energy_j + self.thermal_energy_j

    @property
    def oscillation_energy_j(self) -> float:
        """Energy of the bounce at release, ``½ k A²``, J."""
        return 0.5 * self.spring_constant_n_m * self.params.amplitude_m**2


def default_time_step(params: SpringParams) -> float:
    """1/200 of the period: RK4's phase error is then ~1e-7 rad per period."""
    return period(params.mass_kg, params.effective_spring_constant_n_m) / 200.0


def _integrate(omega_squared: float, damping: float, amplitude: float, times: np.ndarray):
    """RK4 for x'' = −ω² x − b x', from rest at x = amplitude; plain floats per step
    (a two-variable ODE gains nothing from numpy inside the loop)."""
    x, v = amplitude, 0.0
    positions, velocities = [x], [v]
    steps = np.diff(times).tolist()
    for h in steps:
        k1x, k1v = v, -omega_squared * x - damping * v
        x2, v2 = x + 0.5 * h * k1x, v + 0.5 * h * k1v
        k2x, k2v = v2, -omega_squared * x2 - damping * v2
        x3, v3 = x + 0.5 * h * k2x, v + 0.5 * h * k2v
        k3x, k3v = v3, -omega_squared * x3 - damping * v3
        x4, v4 = x + h * k3x, v + h * k3v
        k4x, k4v = v4, -omega_squared * x4 - damping * v4
        x += h / 6.0 * (k1x + 2.0 * k2x + 2.0 * k3x + k4x)
        v += h / 6.0 * (k1v + 2.0 * k2v + 2.0 * k3v + k4v)
        positions.append(x)
        velocities.append(v)
    return np.array(positions), np.array(velocities)


def simulate(
    params: SpringParams | None = None,
    duration_s: float = 5.0,
    time_step_s: float | None = None,
) -> SpringRun:
    """Load the arrangement with ``params.mass_kg``, then pull it down and let it bounce.

    Args:
        params: the springs and load; defaults to ``SpringParams()``.
        duration_s: how long to follow the bounce, s; (0, 10000].
        time_step_s: fixed Runge–Kutta step, s; defaults to :func:`default_time_step`;
            must be in (0, duration_s]. The last step is shortened to land on
            ``duration_s``.

    Raises:
        ValueError: naming the parameter and its allowed range.
    """
    params = SpringParams() if params is None else params
    duration_s = check_range("duration_s", duration_s, 0, 10000, unit="s")
    if time_step_s is None:
        time_step_s = min(default_time_step(params), duration_s)
    time_step_s = check_range("time_step_s", time_step_s, 0, duration_s, unit="s")

    k = params.effective_spring_constant_n_m
    limit = params.effective_elastic_limit_n
    load = params.weight_n
    load_extension = float(extension_for_force(load, params))
    set_m = permanent_set(load, params)

    # Loading curve: a fine line through the limit (a kink there), and the unloading line.
    forces = np.linspace(0.0, load, 121)
    if 0 < limit < load:
        forces = np.union1d(forces, [limit])
    unloading_forces = np.array([load, 0.0])
    unloading_extensions = np.array([load_extension, set_m])  # elastic: slope k back to the set
    slot_count = int(math.floor(params.mass_kg / SLOTTED_MASS_KG + 1e-9))
    slot_forces = np.arange(slot_count + 1) * SLOTTED_MASS_KG * params.g_m_s2

    steps = math.ceil(duration_s / time_step_s - 1e-9)
    times = np.minimum(np.arange(steps + 1) * time_step_s, duration_s)
    displacement, velocity = _integrate(k / params.mass_kg, params.damping_per_s, params.amplitude_m, times)

    tension = load + k * displacement
    kinetic = 0.5 * params.mass_kg * velocity**2
    elastic = 0.5 * tension**2 / k
    gravitational = -load * displacement
    start_total = elastic[0] + gravitational[0]
    if params.damping_per_s > 0:
        thermal = np.maximum(start_total - (kinetic + elastic + gravitational), 0.0)
    else:
        thermal = np.zeros_like(kinetic)

    return SpringRun(
        params=params,
        spring_constant_n_m=k,
        elastic_limit_n=limit,
        load_force_n=load,
        load_extension_m=load_extension,
        permanent_set_m=set_m,
        stored_energy_j=0.5 * load**2 / k,
        work_done_j=work_done_stretching(load, params),
        beyond_elastic_limit=bool(load > limit),
        bounce_exceeds_limit=bool(load + k * params.amplitude_m > limit),
        bounce_goes_slack=bool(k * params.amplitude_m > load),
        curve_force_n=forces,
        curve_extension_m=extension_for_force(forces, params),
        unloading_force_n=unloading_forces,
        unloading_extension_m=unloading_extensions,
        slotted_mass_force_n=slot_forces,
        slotted_mass_extension_m=extension_for_force(slot_forces, params),
        time_step_s=float(time_step_s),
        times_s=times,
        displacement_m=displacement,
        velocity_m_s=velocity,
        kinetic_energy_j=kinetic,
        elastic_energy_j=elastic,
        gravitational_energy_j=gravitational,
        thermal_energy_j=thermal,
        period_s=period(params.mass_kg, k),
    )


def exact_displacement(params: SpringParams, times_s) -> np.ndarray:
    """Analytic x(t) released from rest at A (reference solution).

    Undamped: ``A cos(ωt)``. Damped (b < 2ω): ``A e^(−bt/2) [cos(ω_d t) + (b/2ω_d) sin(ω_d t)]``
    with ``ω_d = √(ω² − b²/4)``; critically and over-damped cases use the matching forms.
    """
    t = np.asarray(times_s, dtype=float)
    omega = math.sqrt(params.effective_spring_constant_n_m / params.mass_kg)
    half_b = 0.5 * params.damping_per_s
    amplitude = params.amplitude_m
    if half_b == 0:
        return amplitude * np.cos(omega * t)
    if half_b < omega:
        omega_d = math.sqrt(omega**2 - half_b**2)
        return amplitude * np.exp(-half_b * t) * (np.cos(omega_d * t) + half_b / omega_d * np.sin(omega_d * t))
    if half_b == omega:
        return amplitude * np.exp(-half_b * t) * (1.0 + half_b * t)
    root = math.sqrt(half_b**2 - omega**2)
    slow, fast = -half_b + root, -half_b - root
    return amplitude * (fast * np.exp(slow * t) - slow * np.exp(fast * t)) / (fast - slow)


def to_table(run: SpringRun) -> Table:
    """The bounce as a table: time, displacement, velocity, extension and energy stores."""
    return Table.from_columns(
        [
            ("time", "s", run.times_s),
            ("displacement below rest", "m", run.displacement_m),
            ("velocity", "m/s", run.velocity_m_s),
            ("extension", "m", run.extension_m),
            ("kinetic energy", "J", run.kinetic_energy_j),
            ("elastic potential energy", "J", run.elastic_energy_j),
            ("gravitational potential energy", "J", run.gravitational_energy_j),
            ("energy transferred to surroundings", "J", run.thermal_energy_j),
        ],
        title=(
            f"Mass-spring oscillator, m = {run.params.mass_kg:g} kg, k = {run.spring_constant_n_m:.4g} N/m, "
            f"pulled down {run.params.amplitude_m:g} m"
        ),
    )


def loading_table(params: SpringParams, masses_kg=None) -> Table:
    """Force and extension (exact model values) for each load: the force–extension data."""
    if masses_kg is None:
        masses_kg = np.arange(1, 11) * SLOTTED_MASS_KG
    masses = np.asarray(masses_kg, dtype=float)
    for mass in masses:
        check_range("mass_kg", mass, 0, 100, low_open=False, unit="kg")
    forces = masses * params.g_m_s2
    return Table.from_columns(
        [("mass", "kg", masses), ("force", "N", forces), ("extension", "m", extension_for_force(forces, params))],
        title=f"Loading a spring of k = {params.effective_spring_constant_n_m:.4g} N/m",
    )


# Reading the pointer against a metre rule: 1 mm divisions; parallax and judging the
# pointer scatter readings by about 1 mm. Systematic error: the rule is clamped with its
# zero 12 mm above the pointer's unloaded position and the pupil records the reading as
# the extension (forgets to subtract the starting reading), so every extension is 12 mm
# too long.
RULE_ZERO_ERROR_M = 0.012
METRE_RULE = Instrument(
    "metre rule beside the pointer", "m", resolution=0.001, random_sd=0.001, zero_error=RULE_ZERO_ERROR_M,
    systematic_note="the rule's zero is not at the unstretched pointer: every extension reads 12 mm too long",
)
# Slotted masses are sold as 100 g within about ±2 %: each real mass scatters by ~1 g.
SLOTTED_MASS_SD_KG = 0.001


def virtual_practical(
    params: SpringParams | None = None,
    slotted_masses: int = 6,
    repeats: int = 2,
    seed: int | None = 0,
) -> Table:
    """Simulated class results for the GCSE force–extension required practical.

    A pupil adds ``slotted_masses`` 100 g masses one at a time (the set's real masses
    scatter by :data:`SLOTTED_MASS_SD_KG`, but the pupil calculates the force from
    100 g each) and reads the pointer on :data:`METRE_RULE`, whose zero error makes
    every extension 12 mm too long. Each of ``repeats`` runs uses a fresh, identical
    spring, so a run that passes the elastic limit does not spoil the next one.
    Plotting force against mean extension gives a gradient near ``k`` and, from the
    zero error, an intercept on the extension axis near +12 mm.

    Raises:
        ValueError: for counts out of range or a bad seed.
    """
    params = SpringParams() if params is None else params
    slotted_masses = check_count("slotted_masses", slotted_masses, 3, 30)
    repeats = check_count("repeats", repeats, 1, 10)
    rng = make_rng(seed)
    real_masses = SLOTTED_MASS_KG + rng.normal(0.0, SLOTTED_MASS_SD_KG, slotted_masses)
    real_forces = np.cumsum(real_masses) * params.g_m_s2
    nominal_masses = np.arange(1, slotted_masses + 1) * SLOTTED_MASS_KG
    true_extensions = extension_for_force(real_forces, params)
    readings = METRE_RULE.read(np.repeat(true_extensions[:, None], repeats, axis=1), rng)
    columns = [("mass added", "kg", nominal_masses), ("force", "N", nominal_masses * params.g_m_s2)]
    columns += [(f"extension, run {i + 1}", "m", readings[:, i]) for i in range(repeats)]
    columns += [("mean extension", "m", readings.mean(axis=1))]
    return Table.from_columns(columns, title=f"Virtual practical: force and extension of a spring (seed {seed})")


def describe(run: SpringRun) -> str:
    """One or two sentences a screen reader can speak about this run."""
    p = run.params
    arrangement = ""
    if p.springs_in_series > 1 or p.springs_in_parallel > 1:
        arrangement = (
            f" ({p.springs_in_parallel} chain{'s' if p.springs_in_parallel > 1 else ''} side by side of "
            f"{p.springs_in_series} spring{'s' if p.springs_in_series > 1 else ''} of {p.spring_constant_n_m:g} N/m)"
        )
    text = (
        f"A {p.mass_kg:.2f} kg mass stretches the {run.spring_constant_n_m:.3g} N/m spring{arrangement} "
        f"by {run.load_extension_m * 100:.1f} cm"
    )
    if run.beyond_elastic_limit:
        text += (
            f", beyond its {run.elastic_limit_n:.3g} N elastic limit: extension is no longer proportional "
            f"to force and {run.permanent_set_m * 100:.1f} cm would stay after unloading; "
            f"{run.stored_energy_j:.3g} J of the {run.work_done_j:.3g} J of work is stored elastically."
        )
    else:
        text += f", storing {run.stored_energy_j:.3g} J of elastic potential energy (within its {run.elastic_limit_n:.3g} N limit)."
    text += f" Pulled down {p.amplitude_m * 100:.1f} cm it bounces with period 2π√(m/k) = {run.period_s:.3f} s"
    if p.damping_per_s > 0:
        lost = run.thermal_energy_j[-1] / run.oscillation_energy_j * 100.0
        text += f"; damping transfers {lost:.0f}% of the bounce's energy to the surroundings in {run.times_s[-1]:.0f} s."
    else:
        text += "; with no damping the total energy stays constant."
    if run.bounce_exceeds_limit and not run.beyond_elastic_limit:
        text += " Warning: the bottom of each bounce passes the elastic limit, which this model does not follow."
    if run.bounce_goes_slack:
        text += " Warning: at the top of each bounce the spring would go slack; the model assumes it can push."
    return text
