"""Newton's second law on a runway: a trolley pulled by a hanging mass, timed by light
gates; and a falling object reaching terminal velocity.

Physics (see MODEL.md beside this file for the teacher's version):

* **Trolley.** A trolley of mass ``m`` on a level runway is pulled by a string over a
  light, frictionless pulley to a hanging mass ``M``. The weight of the hanging mass,
  ``M g``, is the accelerating force; a constant friction force ``F`` opposes the motion
  once the trolley moves. Both masses accelerate together, so Newton's second law for
  the whole system gives

      a = (M g − F) / (m + M)        (a = 0 if F ≥ M g: the trolley does not move)

  Released from rest with the front of its card at x = 0, the card's front edge is at
  ``x = ½ a t²`` and the speed is ``v = a t``. The string tension is ``T = M (g − a)``.
* **Light gates.** A card of length ``c`` on the trolley blocks a gate at distance ``d``
  from the moment its front edge reaches ``d`` (``t₁ = √(2d/a)``) until its back edge
  passes (``t₂ = √(2(d + c)/a)``). The gate time is ``t₂ − t₁`` and the speed a data
  logger shows is ``c / (t₂ − t₁)`` — the mean speed while the card passes, which for
  constant acceleration is the speed at the middle *time* of the passage. From two gates,
  ``a = (v₂² − v₁²) / (2 s)``, with ``s`` the distance between the gates.
* **Terminal velocity.** An object of mass ``m`` falling from rest against air
  resistance ``k v²`` obeys ``m dv/dt = m g − k v²``. Its speed approaches the terminal
  velocity ``v_t = √(m g / k)`` as ``v(t) = v_t tanh(g t / v_t)``, having fallen
  ``(v_t² / g) ln cosh(g t / v_t)``. :func:`simulate_fall` integrates the equation
  numerically (classical Runge–Kutta) so it can be compared with that formula.

Assumptions and limits: light inextensible string, light frictionless pulley, friction
independent of speed (no air resistance on the trolley); the hanging mass does not reach
the floor before the trolley reaches the end of the runway. The falling object has a
constant drag constant ``k`` (fixed shape and air density) and starts from rest.
"""

from __future__ import annotations

from dataclasses import dataclass
import math

import numpy as np

from stemcpd.practical import Instrument, make_rng
from stemcpd.table import Table
from stemcpd.validation import check_count, check_range

STANDARD_GRAVITY_M_S2 = 9.81
MAX_DURATION_S = 60.0  # runs that would take longer are shown for this long
SAMPLES = 401


# ----------------------------------------------------------------------------------
# The trolley
# ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class TrolleyParams:
    """One trolley run. Validated on creation.

    Attributes:
        trolley_mass_kg: mass of the trolley and anything on it, in kilograms (kg);
            (0, 100].
        hanging_mass_kg: mass hanging from the string (hanger plus slotted masses), in
            kilograms (kg); [0, 100]. Its weight is the accelerating force.
        friction_n: friction force opposing the motion, in newtons (N); [0, 1000].
        g_m_s2: gravitational field strength, in metres per second squared (m s⁻²,
            the same as N/kg); (0, 100].
        gate_1_m: distance from the start to the first light gate, in metres (m);
            (0, 10]. Must be less than ``gate_2_m``.
        gate_2_m: distance from the start to the second light gate, in metres (m);
            (0, 10].
        card_length_m: length of the card that breaks the light beams, in metres (m);
            (0, 1].
        runway_length_m: distance the trolley's card can travel before the end of the
            runway, in metres (m); (0, 10]. Must be at least ``gate_2_m + card_length_m``.
    """

    trolley_mass_kg: float = 0.5
    hanging_mass_kg: float = 0.05
    friction_n: float = 0.0
    g_m_s2: float = STANDARD_GRAVITY_M_S2
    gate_1_m: float = 0.3
    gate_2_m: float = 1.0
    card_length_m: float = 0.05
    runway_length_m: float = 2.0

    def __post_init__(self):
        checks = {
            "trolley_mass_kg": check_range("trolley_mass_kg", self.trolley_mass_kg, 0, 100, unit="kg"),
            "hanging_mass_kg": check_range("hanging_mass_kg", self.hanging_mass_kg, 0, 100, low_open=False, unit="kg"),
            "friction_n": check_range("friction_n", self.friction_n, 0, 1000, low_open=False, unit="N"),
            "g_m_s2": check_range("g_m_s2", self.g_m_s2, 0, 100, unit="m/s^2"),
            "gate_1_m": check_range("gate_1_m", self.gate_1_m, 0, 10, unit="m"),
            "gate_2_m": check_range("gate_2_m", self.gate_2_m, 0, 10, unit="m"),
            "card_length_m": check_range("card_length_m", self.card_length_m, 0, 1, unit="m"),
            "runway_length_m": check_range("runway_length_m", self.runway_length_m, 0, 10, unit="m"),
        }
        for name, value in checks.items():
            object.__setattr__(self, name, value)
        if not self.gate_1_m < self.gate_2_m:
            raise ValueError(
                f"gate_1_m ({self.gate_1_m:g} m) must be less than gate_2_m ({self.gate_2_m:g} m)"
            )
        if self.gate_2_m + self.card_length_m > self.runway_length_m * (1 + 1e-12):
            raise ValueError(
                f"runway_length_m ({self.runway_length_m:g} m) must be at least gate_2_m + "
                f"card_length_m ({self.gate_2_m + self.card_length_m:g} m), so the card passes gate 2"
            )

    @property
    def pulling_force_n(self) -> float:
        """Weight of the hanging mass, M g, N."""
        return self.hanging_mass_kg * self.g_m_s2

    @property
    def total_mass_kg(self) -> float:
        """Mass that is accelerated, m + M, kg."""
        return self.trolley_mass_kg + self.hanging_mass_kg


def acceleration(trolley_mass_kg: float, hanging_mass_kg: float, friction_n: float = 0.0,
                 g: float = STANDARD_GRAVITY_M_S2) -> float:
    """Acceleration of trolley and hanging mass, ``a = (M g − F) / (m + M)``, in m/s².

    Zero when friction is at least the pull (the trolley stays still).

    Raises:
        ValueError: naming the parameter and its allowed range.
    """
    m = check_range("trolley_mass_kg", trolley_mass_kg, 0, 100, unit="kg")
    big_m = check_range("hanging_mass_kg", hanging_mass_kg, 0, 100, low_open=False, unit="kg")
    friction = check_range("friction_n", friction_n, 0, 1000, low_open=False, unit="N")
    g = check_range("g", g, 0, 100, unit="m/s^2")
    return max(big_m * g - friction, 0.0) / (m + big_m)


def light_gate_time(distance_m, card_length_m: float, acceleration_m_s2: float) -> np.ndarray | float:
    """How long a card blocks a gate at ``distance_m``, s, for a trolley starting from
    rest with the card's front edge at 0 and constant acceleration.

    ``√(2(d + c)/a) − √(2d/a)``, written as ``2c / (a (√(2(d+c)/a) + √(2d/a)))`` so small
    cards do not lose digits. Infinite when ``a`` is 0.
    """
    distance = np.asarray(distance_m, dtype=float)
    if acceleration_m_s2 <= 0:
        result = np.full_like(distance, math.inf)
    else:
        a = acceleration_m_s2
        front = np.sqrt(2.0 * distance / a)
        back = np.sqrt(2.0 * (distance + card_length_m) / a)
        result = 2.0 * card_length_m / (a * (front + back))
    return float(result) if result.ndim == 0 else result


@dataclass(frozen=True)
class TrolleyRun:
    """One run along the runway. Arrays share the index of ``times_s``.

    Attributes:
        params: the parameters it was run with.
        acceleration_m_s2: a, m/s² (0 if the trolley does not move).
        tension_n: tension in the string, N.
        times_s: sample times from release, s.
        position_m: distance of the card's front edge from the start, m.
        velocity_m_s: speed of the trolley, m/s.
        end_time_s: when the card reaches the end of the runway, s (``inf`` if never).
        gate_times_s: how long the card blocks gate 1 and gate 2, s (``inf`` if never).
        gate_entry_times_s: when the card first breaks each beam, s (``inf`` if never).
        gate_speeds_m_s: card length / gate time for each gate, m/s (0 if never).
        measured_acceleration_m_s2: (v₂² − v₁²) / (2 × gate separation) from the gate
            speeds, m/s².
    """

    params: TrolleyParams
    acceleration_m_s2: float
    tension_n: float
    times_s: np.ndarray
    position_m: np.ndarray
    velocity_m_s: np.ndarray
    end_time_s: float
    gate_times_s: np.ndarray
    gate_entry_times_s: np.ndarray
    gate_speeds_m_s: np.ndarray
    measured_acceleration_m_s2: float

    @property
    def moves(self) -> bool:
        """True when the pull beats friction and the trolley accelerates."""
        return self.acceleration_m_s2 > 0

    @property
    def duration_s(self) -> float:
        """How long the run is shown for, s."""
        return float(self.times_s[-1])


def simulate(params: TrolleyParams | None = None) -> TrolleyRun:
    """Release the trolley from rest and follow it to the end of the runway.

    The run lasts until the card reaches the end of the runway, or
    :data:`MAX_DURATION_S` (60 s) if that would take longer or the trolley never moves.
    Everything is computed from the exact constant-acceleration formulae.
    """
    params = TrolleyParams() if params is None else params
    a = max(params.pulling_force_n - params.friction_n, 0.0) / params.total_mass_kg
    tension = params.hanging_mass_kg * (params.g_m_s2 - a)
    gates = np.array([params.gate_1_m, params.gate_2_m])
    if a > 0:
        end_time = math.sqrt(2.0 * params.runway_length_m / a)
        entry = np.sqrt(2.0 * gates / a)
        gate_times = light_gate_time(gates, params.card_length_m, a)
        speeds = params.card_length_m / gate_times
        measured = (speeds[1] ** 2 - speeds[0] ** 2) / (2.0 * (gates[1] - gates[0]))
    else:
        end_time = math.inf
        entry = np.full(2, math.inf)
        gate_times = np.full(2, math.inf)
        speeds = np.zeros(2)
        measured = 0.0
    duration = min(end_time, MAX_DURATION_S)
    times = np.linspace(0.0, duration, SAMPLES)
    return TrolleyRun(
        params=params,
        acceleration_m_s2=a,
        tension_n=tension,
        times_s=times,
        position_m=0.5 * a * times**2,
        velocity_m_s=a * times,
        end_time_s=end_time,
        gate_times_s=gate_times,
        gate_entry_times_s=entry,
        gate_speeds_m_s=speeds,
        measured_acceleration_m_s2=float(measured),
    )


def to_table(run: TrolleyRun) -> Table:
    """The run as a table: time, distance travelled and velocity."""
    p = run.params
    return Table.from_columns(
        [("time", "s", run.times_s), ("distance", "m", run.position_m), ("velocity", "m/s", run.velocity_m_s)],
        title=(
            f"Trolley {p.trolley_mass_kg:g} kg pulled by {p.hanging_mass_kg:g} kg hanging mass, "
            f"friction {p.friction_n:g} N"
        ),
    )


def describe(run: TrolleyRun) -> str:
    """One or two sentences a screen reader can speak about this run."""
    p = run.params
    if not run.moves:
        return (
            f"The pull of the hanging mass ({p.pulling_force_n:.2f} N) does not overcome friction "
            f"({p.friction_n:.2f} N), so the trolley stays still and the light gates record nothing."
        )
    t1, t2 = run.gate_times_s
    v1, v2 = run.gate_speeds_m_s
    return (
        f"A resultant force of {p.pulling_force_n - p.friction_n:.2f} N accelerates "
        f"{p.total_mass_kg:.2f} kg at {run.acceleration_m_s2:.3f} m/s². "
        f"The card blocks gate 1 for {t1:.3f} s ({v1:.2f} m/s) and gate 2 for {t2:.3f} s "
        f"({v2:.2f} m/s), giving a = {run.measured_acceleration_m_s2:.3f} m/s²."
    )


# ----------------------------------------------------------------------------------
# The virtual practical: acceleration against force at constant mass
# ----------------------------------------------------------------------------------
# A light gate and data logger time to 0.001 s. Scatter of ≈ 0.5 ms per reading comes
# from the card not being quite square to the beam and the release not being identical.
LIGHT_GATE = Instrument("light gate and data logger", "s", resolution=0.001, random_sd=0.0005)
# The one systematic error: the runway is not tilted to compensate for friction, so a
# constant friction force acts that the pupils leave out of the resultant force.
UNCOMPENSATED_FRICTION_N = 0.10


def virtual_practical(
    hanging_masses_kg=(0.02, 0.04, 0.06, 0.08, 0.10),
    total_mass_kg: float = 1.0,
    friction_n: float = UNCOMPENSATED_FRICTION_N,
    gate_1_m: float = 0.3,
    gate_2_m: float = 0.9,
    card_length_m: float = 0.05,
    repeats: int = 3,
    g: float = STANDARD_GRAVITY_M_S2,
    seed: int | None = 0,
) -> Table:
    """Simulated class results for "how does force affect acceleration?" (GCSE required
    practical), one row per run, as a pupil records them.

    The total mass (trolley + hanger) stays at ``total_mass_kg``: masses are moved from
    the trolley to the hanger to raise the accelerating force ``M g``. Each gate time is
    read with :data:`LIGHT_GATE`. The systematic error is an unbalanced friction force
    ``friction_n`` (runway not friction-compensated): the pupil's force ``M g`` is larger
    than the resultant force, so acceleration against force is a straight line of
    gradient 1/(total mass) that crosses the force axis at ``friction_n`` (a negative
    intercept on the acceleration axis) instead of passing through the origin.

    Args:
        hanging_masses_kg: the hanging masses used, kg; each in (0, total_mass_kg) and
            heavy enough to overcome friction.
        total_mass_kg: trolley plus hanging mass, kg; (0, 100].
        friction_n: the uncompensated friction force, N; [0, 1000].
        gate_1_m, gate_2_m: distances of the gates from the start, m.
        card_length_m: card length, m.
        repeats: runs per force; [1, 10].
        g: gravitational field strength, m/s².
        seed: random seed (same seed, same results).

    Returns:
        A :class:`~stemcpd.table.Table` with columns hanging mass, accelerating force
        (M g, as the pupil calculates it), run, gate 1 time, gate 2 time, speed at gate 1,
        speed at gate 2 and acceleration = (v₂² − v₁²)/(2 × gate separation).

    Raises:
        ValueError: naming the argument and its allowed range.
    """
    repeats = check_count("repeats", repeats, 1, 10)
    total_mass_kg = check_range("total_mass_kg", total_mass_kg, 0, 100, unit="kg")
    masses = np.asarray(hanging_masses_kg, dtype=float).ravel()
    if masses.size == 0:
        raise ValueError("hanging_masses_kg must list at least one mass")
    for mass in masses:
        check_range("hanging_mass_kg", mass, 0, total_mass_kg, high_open=True, unit="kg")
    runs = [
        simulate(TrolleyParams(
            trolley_mass_kg=total_mass_kg - mass, hanging_mass_kg=mass, friction_n=friction_n, g_m_s2=g,
            gate_1_m=gate_1_m, gate_2_m=gate_2_m, card_length_m=card_length_m,
            runway_length_m=gate_2_m + card_length_m,
        ))
        for mass in masses
    ]
    for mass, run in zip(masses, runs):
        if not run.moves:
            raise ValueError(
                f"hanging_mass_kg {mass:g} kg pulls with {mass * g:.3f} N, not enough to overcome "
                f"friction_n = {friction_n:g} N: choose heavier hanging masses"
            )
    rng = make_rng(seed)
    true_times = np.array([run.gate_times_s for run in runs])  # (forces, 2)
    readings = LIGHT_GATE.read(np.repeat(true_times[:, None, :], repeats, axis=1), rng)  # (forces, repeats, 2)
    readings = np.maximum(readings, LIGHT_GATE.resolution)
    speeds = card_length_m / readings
    accelerations = (speeds[..., 1] ** 2 - speeds[..., 0] ** 2) / (2.0 * (gate_2_m - gate_1_m))
    rows = masses.size * repeats
    return Table.from_columns(
        [
            ("hanging mass", "kg", np.repeat(masses, repeats)),
            ("accelerating force", "N", np.repeat(masses * g, repeats)),
            ("run", "", np.tile(np.arange(1, repeats + 1), masses.size)),
            ("gate 1 time", "s", readings[..., 0].reshape(rows)),
            ("gate 2 time", "s", readings[..., 1].reshape(rows)),
            ("speed at gate 1", "m/s", speeds[..., 0].reshape(rows)),
            ("speed at gate 2", "m/s", speeds[..., 1].reshape(rows)),
            ("acceleration", "m/s²", accelerations.reshape(rows)),
        ],
        title=(
            f"Virtual practical: acceleration against force, total mass {total_mass_kg:g} kg, "
            f"card {card_length_m * 100:g} cm, gates {gate_2_m - gate_1_m:g} m apart (seed {seed})"
        ),
    )


# ----------------------------------------------------------------------------------
# Terminal velocity of a falling object
# ----------------------------------------------------------------------------------
def terminal_velocity(mass_kg: float, drag_constant_kg_m: float, g: float = STANDARD_GRAVITY_M_S2) -> float:
    """Terminal velocity ``v_t = √(m g / k)`` for air resistance ``k v²``, m/s.

    Args:
        mass_kg: mass of the falling object, kg; (0, 1000].
        drag_constant_kg_m: k in drag = k v², kg/m; (0, 100].
        g: gravitational field strength, m/s²; (0, 100].
    """
    mass_kg = check_range("mass_kg", mass_kg, 0, 1000, unit="kg")
    drag = check_range("drag_constant_kg_m", drag_constant_kg_m, 0, 100, unit="kg/m")
    g = check_range("g", g, 0, 100, unit="m/s^2")
    return math.sqrt(mass_kg * g / drag)


def falling_speed(times_s, mass_kg: float, drag_constant_kg_m: float, g: float = STANDARD_GRAVITY_M_S2):
    """Exact speed ``v_t tanh(g t / v_t)`` of an object falling from rest, m/s."""
    v_t = terminal_velocity(mass_kg, drag_constant_kg_m, g)
    return v_t * np.tanh(g * np.asarray(times_s, dtype=float) / v_t)


def falling_distance(times_s, mass_kg: float, drag_constant_kg_m: float, g: float = STANDARD_GRAVITY_M_S2):
    """Exact distance fallen from rest, ``(v_t² / g) ln cosh(g t / v_t)``, m."""
    v_t = terminal_velocity(mass_kg, drag_constant_kg_m, g)
    x = g * np.asarray(times_s, dtype=float) / v_t
    # ln cosh x = ln(1 + 2 sinh²(x/2)) keeps its digits for small x; for large x use
    # x + ln(1 + e^(−2x)) − ln 2, which never overflows.
    small = np.log1p(2.0 * np.sinh(0.5 * np.minimum(x, 20.0)) ** 2)
    large = x + np.log1p(np.exp(-2.0 * x)) - math.log(2.0)
    return v_t**2 / g * np.where(x < 20.0, small, large)


@dataclass(frozen=True)
class FallRun:
    """A numerically integrated fall from rest. Arrays share the index of ``times_s``.

    Attributes:
        mass_kg: mass, kg.
        drag_constant_kg_m: k in drag = k v², kg/m.
        g_m_s2: gravitational field strength, m/s².
        time_step_s: Runge–Kutta step, s.
        terminal_velocity_m_s: √(m g / k), m/s.
        times_s: sample times, s.
        speed_m_s: speed (downwards), m/s.
        distance_m: distance fallen, m.
    """

    mass_kg: float
    drag_constant_kg_m: float
    g_m_s2: float
    time_step_s: float
    terminal_velocity_m_s: float
    times_s: np.ndarray
    speed_m_s: np.ndarray
    distance_m: np.ndarray

    @property
    def drag_force_n(self) -> np.ndarray:
        """Air resistance k v², N."""
        return self.drag_constant_kg_m * self.speed_m_s**2


def simulate_fall(mass_kg: float, drag_constant_kg_m: float, g: float = STANDARD_GRAVITY_M_S2,
                  duration_s: float | None = None, time_step_s: float | None = None) -> FallRun:
    """Integrate ``m dv/dt = m g − k v²`` from rest with classical Runge–Kutta.

    Args:
        mass_kg: kg; (0, 1000].
        drag_constant_kg_m: kg/m; (0, 100].
        g: m/s²; (0, 100].
        duration_s: how long, s; default four time constants v_t/g (speed within 0.1% of
            v_t); (0, 10000].
        time_step_s: fixed step, s; default 1/200 of the time constant v_t/g.

    Returns:
        A :class:`FallRun` (the last sample is at ``duration_s``).
    """
    v_t = terminal_velocity(mass_kg, drag_constant_kg_m, g)
    time_constant = v_t / g
    if duration_s is None:
        duration_s = 4.0 * time_constant
    duration_s = check_range("duration_s", duration_s, 0, 10000, unit="s")
    if time_step_s is None:
        time_step_s = min(time_constant / 200.0, duration_s)
    time_step_s = check_range("time_step_s", time_step_s, 0, duration_s, unit="s")
    steps = math.ceil(duration_s / time_step_s - 1e-9)
    times = np.minimum(np.arange(steps + 1) * time_step_s, duration_s)
    speeds = np.empty(steps + 1)
    distances = np.empty(steps + 1)
    drag_per_mass = drag_constant_kg_m / mass_kg
    v = d = 0.0
    speeds[0] = distances[0] = 0.0
    for index in range(1, steps + 1):
        h = times[index] - times[index - 1]
        k1 = g - drag_per_mass * v * v
        v2 = v + 0.5 * h * k1
        k2 = g - drag_per_mass * v2 * v2
        v3 = v + 0.5 * h * k2
        k3 = g - drag_per_mass * v3 * v3
        v4 = v + h * k3
        k4 = g - drag_per_mass * v4 * v4
        d += h / 6.0 * (v + 2.0 * v2 + 2.0 * v3 + v4)
        v += h / 6.0 * (k1 + 2.0 * k2 + 2.0 * k3 + k4)
        speeds[index], distances[index] = v, d
    return FallRun(
        mass_kg=float(mass_kg), drag_constant_kg_m=float(drag_constant_kg_m), g_m_s2=float(g),
        time_step_s=float(time_step_s), terminal_velocity_m_s=v_t, times_s=times,
        speed_m_s=speeds, distance_m=distances,
    )


def fall_to_table(run: FallRun) -> Table:
    """The fall as a table: time, speed, distance fallen and air resistance."""
    return Table.from_columns(
        [("time", "s", run.times_s), ("speed", "m/s", run.speed_m_s), ("distance fallen", "m", run.distance_m),
         ("air resistance", "N", run.drag_force_n)],
        title=f"Falling {run.mass_kg:g} kg with drag {run.drag_constant_kg_m:g} kg/m × v²",
    )


def describe_fall(run: FallRun) -> str:
    """A sentence a screen reader can speak about a fall."""
    reach_99 = run.terminal_velocity_m_s / run.g_m_s2 * math.atanh(0.99)
    return (
        f"A {run.mass_kg:g} kg object falling from rest with air resistance {run.drag_constant_kg_m:g} kg/m × v² "
        f"approaches a terminal velocity of {run.terminal_velocity_m_s:.2f} m/s, reaching 99% of it after "
        f"{reach_99:.2f} s; after {run.times_s[-1]:.2f} s it is falling at {run.speed_m_s[-1]:.2f} m/s."
    )
