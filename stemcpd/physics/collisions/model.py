"""Momentum in one-dimensional collisions: two trolleys on a straight, friction-free track.

Physics (MODEL.md beside this file is the teacher's version):

* Positions and velocities are along the track; positive is to the right. Trolley A
  starts on the left, trolley B on the right; A must be closing on B for them to meet.
* Momentum ``p = m v`` (kg m/s). With no external force along the track, total momentum
  is the same before and after the collision (conservation of momentum):
  ``m_A u_A + m_B u_B = m_A v_A + m_B v_B``.
* How bouncy the collision is, is the **coefficient of restitution** ``e`` (beyond GCSE):
  the speed at which the trolleys separate divided by the speed at which they approached,
  ``v_B − v_A = e (u_A − u_B)``. ``e = 1`` is a perfectly elastic collision (kinetic energy
  kept); ``e = 0`` is perfectly inelastic (they stick together, moving at one velocity).
  Solving the two equations:

      v_A = (m_A u_A + m_B u_B + m_B e (u_B − u_A)) / (m_A + m_B)
      v_B = (m_A u_A + m_B u_B + m_A e (u_A − u_B)) / (m_A + m_B)

* The kinetic energy lost, ``½ μ (1 − e²)(u_A − u_B)²`` with ``μ = m_A m_B/(m_A + m_B)``,
  is transferred to the thermal store (and sound) of the trolleys and surroundings.
* Force and momentum (AQA physics only, not combined science): the average force during a
  collision is the change of momentum divided by the time the collision takes,
  ``F = m Δv / Δt``, which is why crumple zones, air bags and cushioned mats, which make
  ``Δt`` longer, make the force smaller.

The collision is treated as instantaneous (the contact time is far shorter than the
motion shown), so the motion is exact and piecewise linear: it is computed in closed
form at each sample time and does not depend on how many samples are taken.

Limits: one dimension, no friction or air resistance, rigid trolleys, contact too brief
to show the forces' time course.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from stemcpd.table import Table
from stemcpd.validation import check_count, check_range

TROLLEY_LENGTH_M = 0.25  # drawn length of each trolley; the gap is between their bumpers


@dataclass(frozen=True)
class CollisionParams:
    """Everything that defines one collision. Validated on creation.

    Attributes:
        mass_a_kg: mass of trolley A (left), in kilograms (kg); (0, 100000].
        mass_b_kg: mass of trolley B (right), in kilograms (kg); (0, 100000].
        velocity_a_m_s: A's velocity before the collision, in metres per second (m/s),
            positive to the right; [−100, 100].
        velocity_b_m_s: B's velocity before the collision, in metres per second (m/s),
            positive to the right; [−100, 100]; must be less than ``velocity_a_m_s`` so
            the trolleys meet.
        restitution: coefficient of restitution e, no unit (separation speed ÷ approach
            speed); [0, 1]: 1 perfectly elastic, 0 the trolleys stick together.
        gap_m: distance between the bumpers at the start, in metres (m); (0, 100].
    """

    mass_a_kg: float = 2.0
    mass_b_kg: float = 1.0
    velocity_a_m_s: float = 3.0
    velocity_b_m_s: float = 0.0
    restitution: float = 1.0
    gap_m: float = 1.0

    def __post_init__(self):
        checks = {
            "mass_a_kg": check_range("mass_a_kg", self.mass_a_kg, 0, 1e5, unit="kg"),
            "mass_b_kg": check_range("mass_b_kg", self.mass_b_kg, 0, 1e5, unit="kg"),
            "velocity_a_m_s": check_range("velocity_a_m_s", self.velocity_a_m_s, -100, 100, low_open=False, unit="m/s"),
            "velocity_b_m_s": check_range("velocity_b_m_s", self.velocity_b_m_s, -100, 100, low_open=False, unit="m/s"),
            "restitution": check_range("restitution", self.restitution, 0, 1, low_open=False),
            "gap_m": check_range("gap_m", self.gap_m, 0, 100, unit="m"),
        }
        for name, value in checks.items():
            object.__setattr__(self, name, value)
        if not self.velocity_a_m_s > self.velocity_b_m_s:
            raise ValueError(
                f"velocity_a_m_s must be greater than velocity_b_m_s ({self.velocity_b_m_s:g} m/s) so "
                f"trolley A catches trolley B, got {self.velocity_a_m_s:g}"
            )


def momentum(mass_kg: float, velocity_m_s: float) -> float:
    """Momentum ``p = m v`` in kg m/s (AQA equation sheet: momentum = mass × velocity).

    Raises:
        ValueError: if ``mass_kg`` is not in (0, 1e6] kg.
    """
    mass_kg = check_range("mass_kg", mass_kg, 0, 1e6, unit="kg")
    return mass_kg * float(velocity_m_s)


def velocities_after(mass_a_kg: float, mass_b_kg: float, velocity_a_m_s: float,
                     velocity_b_m_s: float = 0.0, restitution: float = 1.0) -> tuple[float, float]:
    """Velocities of A and B just after a head-on collision, m/s (positive to the right).

    Raises:
        ValueError: naming a parameter out of range, or if A is not closing on B.
    """
    params = CollisionParams(mass_a_kg, mass_b_kg, velocity_a_m_s, velocity_b_m_s, restitution)
    return _after(params)


def _after(params: CollisionParams) -> tuple[float, float]:
    m_a, m_b = params.mass_a_kg, params.mass_b_kg
    u_a, u_b, e = params.velocity_a_m_s, params.velocity_b_m_s, params.restitution
    total = m_a * u_a + m_b * u_b
    v_a = (total + m_b * e * (u_b - u_a)) / (m_a + m_b)
    v_b = (total + m_a * e * (u_a - u_b)) / (m_a + m_b)
    return v_a, v_b


def stuck_together_velocity(mass_a_kg: float, mass_b_kg: float, velocity_a_m_s: float,
                            velocity_b_m_s: float = 0.0) -> float:
    """Common velocity when the trolleys stick together (perfectly inelastic), m/s:
    ``v = (m_A u_A + m_B u_B) / (m_A + m_B)``."""
    return velocities_after(mass_a_kg, mass_b_kg, velocity_a_m_s, velocity_b_m_s, 0.0)[0]


def average_force_n(mass_kg: float, velocity_change_m_s: float, time_s: float) -> float:
    """Average force while a body's velocity changes: ``F = m Δv / Δt``, in newtons.

    AQA (physics only): force = change in momentum ÷ time taken.

    Raises:
        ValueError: if ``mass_kg`` is not in (0, 1e6] kg or ``time_s`` not in (0, 1e4] s.
    """
    mass_kg = check_range("mass_kg", mass_kg, 0, 1e6, unit="kg")
    time_s = check_range("time_s", time_s, 0, 1e4, unit="s")
    return mass_kg * float(velocity_change_m_s) / time_s


@dataclass(frozen=True)
class CollisionRun:
    """One collision, before and after. Arrays share the index of ``times_s``.

    Attributes:
        params: the parameters it was run with.
        collision_time_s: when the bumpers meet, s.
        velocity_a_after_m_s, velocity_b_after_m_s: velocities just after, m/s.
        times_s: sample times, s, from 0.
        position_a_m, position_b_m: positions of A's front bumper and B's back bumper, m
            (B's back bumper starts at 0).
        velocity_a_m_s, velocity_b_m_s: velocities at each sample, m/s.
    """

    params: CollisionParams
    collision_time_s: float
    velocity_a_after_m_s: float
    velocity_b_after_m_s: float
    times_s: np.ndarray
    position_a_m: np.ndarray
    position_b_m: np.ndarray
    velocity_a_m_s: np.ndarray
    velocity_b_m_s: np.ndarray

    @property
    def momentum_a(self) -> np.ndarray:
        """A's momentum at each sample, kg m/s."""
        return self.params.mass_a_kg * self.velocity_a_m_s

    @property
    def momentum_b(self) -> np.ndarray:
        """B's momentum at each sample, kg m/s."""
        return self.params.mass_b_kg * self.velocity_b_m_s

    @property
    def total_momentum(self) -> np.ndarray:
        """Total momentum, kg m/s: the same before and after."""
        return self.momentum_a + self.momentum_b

    @property
    def kinetic_a_j(self) -> np.ndarray:
        """A's kinetic energy, J."""
        return 0.5 * self.params.mass_a_kg * self.velocity_a_m_s**2

    @property
    def kinetic_b_j(self) -> np.ndarray:
        """B's kinetic energy, J."""
        return 0.5 * self.params.mass_b_kg * self.velocity_b_m_s**2

    @property
    def kinetic_total_j(self) -> np.ndarray:
        """Total kinetic energy, J."""
        return self.kinetic_a_j + self.kinetic_b_j

    @property
    def kinetic_before_j(self) -> float:
        """Total kinetic energy before the collision, J."""
        return float(self.kinetic_total_j[0])

    @property
    def kinetic_after_j(self) -> float:
        """Total kinetic energy after the collision, J."""
        p = self.params
        return 0.5 * p.mass_a_kg * self.velocity_a_after_m_s**2 + 0.5 * p.mass_b_kg * self.velocity_b_after_m_s**2

    @property
    def energy_transferred_j(self) -> float:
        """Kinetic energy transferred to the thermal store (and sound) by the collision, J."""
        return max(self.kinetic_before_j - self.kinetic_after_j, 0.0)


def collide(params: CollisionParams | None = None, duration_s: float | None = None,
            samples: int = 401) -> CollisionRun:
    """The collision, sampled at ``samples`` evenly spaced times from 0 to ``duration_s``.

    Args:
        params: the collision; defaults to ``CollisionParams()``.
        duration_s: how long to show, s; (0, 10000]; defaults to twice the time the
            trolleys take to meet, so "before" and "after" get equal time.
        samples: how many sample times, [2, 100000]. The motion is exact at every sample.

    Returns:
        A :class:`CollisionRun`.

    Raises:
        ValueError: naming the parameter and its allowed range.
    """
    params = CollisionParams() if params is None else params
    samples = check_count("samples", samples, 2, 100_000)
    meet_s = params.gap_m / (params.velocity_a_m_s - params.velocity_b_m_s)
    duration_s = 2.0 * meet_s if duration_s is None else check_range("duration_s", duration_s, 0, 1e4, unit="s")
    v_a, v_b = _after(params)
    times = np.linspace(0.0, duration_s, samples)
    before = times < meet_s
    contact_position = -params.gap_m + params.velocity_a_m_s * meet_s  # = B's back bumper then
    after_times = times - meet_s
    position_a = np.where(before, -params.gap_m + params.velocity_a_m_s * times, contact_position + v_a * after_times)
    position_b = np.where(before, params.velocity_b_m_s * times, contact_position + v_b * after_times)
    velocity_a = np.where(before, params.velocity_a_m_s, v_a)
    velocity_b = np.where(before, params.velocity_b_m_s, v_b)
    return CollisionRun(params, float(meet_s), float(v_a), float(v_b), times,
                        position_a, position_b, velocity_a.astype(float), velocity_b.astype(float))


def _kind(restitution: float) -> str:
    if restitution == 1.0:
        return "perfectly elastic"
    if restitution == 0.0:
        return "perfectly inelastic (the trolleys stick together)"
    return "partly elastic"


def describe(run: CollisionRun) -> str:
    """One or two sentences a screen reader can speak about this collision."""
    p = run.params
    before = p.mass_a_kg * p.velocity_a_m_s + p.mass_b_kg * p.velocity_b_m_s
    text = (
        f"A {p.mass_a_kg:g} kg trolley at {p.velocity_a_m_s:g} m/s hits a {p.mass_b_kg:g} kg trolley "
        f"{'at rest' if p.velocity_b_m_s == 0 else f'moving at {p.velocity_b_m_s:g} m/s'} in a "
        f"{_kind(p.restitution)} collision. "
    )
    if p.restitution == 0.0:
        text += f"Together they move off at {run.velocity_a_after_m_s:.2f} m/s."
    else:
        text += (
            f"Afterwards A moves at {run.velocity_a_after_m_s:.2f} m/s and B at "
            f"{run.velocity_b_after_m_s:.2f} m/s (negative means to the left)."
        )
    text += (
        f" Total momentum is {before:.2f} kg m/s before and after; kinetic energy goes from "
        f"{run.kinetic_before_j:.2f} J to {run.kinetic_after_j:.2f} J"
    )
    if run.energy_transferred_j > 1e-9:
        text += f", {run.energy_transferred_j:.2f} J transferred to the thermal store of the trolleys and surroundings."
    else:
        text += ", none lost."
    return text


def to_table(run: CollisionRun) -> Table:
    """The collision over time (41 evenly spaced rows): velocities, momenta and kinetic energy."""
    rows = np.linspace(0, len(run.times_s) - 1, min(41, len(run.times_s))).round().astype(int)
    return Table.from_columns(
        [
            ("time", "s", run.times_s[rows]),
            ("velocity of A", "m/s", run.velocity_a_m_s[rows]),
            ("velocity of B", "m/s", run.velocity_b_m_s[rows]),
            ("momentum of A", "kg m/s", run.momentum_a[rows]),
            ("momentum of B", "kg m/s", run.momentum_b[rows]),
            ("total momentum", "kg m/s", run.total_momentum[rows]),
            ("total kinetic energy", "J", run.kinetic_total_j[rows]),
        ],
        title=f"Collision of {run.params.mass_a_kg:g} kg and {run.params.mass_b_kg:g} kg trolleys, e = {run.params.restitution:g}",
    )
