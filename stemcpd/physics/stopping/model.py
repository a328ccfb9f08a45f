"""Stopping distance: thinking distance plus braking distance, on different roads.

Physics (MODEL.md beside this file is the teacher's version):

* The car travels at a steady speed ``v`` (m/s) until the driver reacts. During the
  **reaction time** ``t_r`` it covers the **thinking distance** ``v t_r`` (AQA: distance
  travelled under the driver's reaction time).
* Then it brakes with a constant deceleration ``a`` until it stops. The **braking
  distance** is ``v² / (2a)`` (from the AQA equation sheet's ``v² − u² = 2as``, or from
  the work done by the braking force, ``F d = ½ m v²``).
* **Stopping distance = thinking distance + braking distance.**
* Emergency braking is limited by the grip between tyres and road: the largest
  deceleration is about ``μ g``, where μ is the coefficient of friction (tyre–road
  adhesion; beyond GCSE) and ``g = 9.8 N/kg`` (AQA's value). Dry tarmac μ ≈ 0.7, wet
  ≈ 0.4, ice ≈ 0.1. Mass cancels in ``μ m g / m``, so in this friction-limited model a
  loaded car stops in the same distance; with a fixed braking *force* (AQA's work-done
  framing) a heavier vehicle needs a longer distance.

The Highway Code's table of typical stopping distances assumes a reaction time of about
0.67 s and a deceleration of about 6.5 m/s² (tested in tests/physics/test_stopping_model.py).

The motion is computed in closed form at each sample time (constant velocity, then
constant deceleration), so it does not depend on how many samples are taken.

Limits: straight level road, constant deceleration from the moment braking starts (no
time for the brakes to build up), no skidding dynamics, no air resistance or gradient.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from stemcpd.practical import Instrument, make_rng
from stemcpd.table import Table
from stemcpd.validation import check_count, check_range

GRAVITY_N_KG = 9.8  # AQA equation-sheet value of g, N/kg
METRES_PER_SECOND_PER_MPH = 0.44704  # 1 mile = 1609.344 m, 1 hour = 3600 s

ROAD_GRIP = {"Dry road": 0.7, "Wet road": 0.4, "Icy road": 0.1}
"""Typical coefficients of friction (tyre–road adhesion) for a car with good tyres."""

SPEED_LIMITS_MPH = (20, 30, 40, 50, 60, 70)

HIGHWAY_CODE_M = {
    # speed / mph: (thinking distance / m, braking distance / m), Highway Code rule 126
    20: (6, 6), 30: (9, 14), 40: (12, 24), 50: (15, 38), 60: (18, 55), 70: (21, 75),
}


@dataclass(frozen=True)
class StoppingParams:
    """Everything that defines one emergency stop. Validated on creation.

    Attributes:
        speed_m_s: speed when the hazard appears, in metres per second (m/s); (0, 70].
        reaction_time_s: the driver's reaction time, in seconds (s); [0, 5].
        friction_coefficient: tyre–road coefficient of friction μ, no unit; (0, 1.2]. The
            largest braking deceleration is μ g.
        gravity_n_kg: gravitational field strength g, in newtons per kilogram (N/kg, the
            same as m/s²); (0, 30]. AQA uses 9.8.
    """

    speed_m_s: float = 13.4
    reaction_time_s: float = 0.7
    friction_coefficient: float = 0.7
    gravity_n_kg: float = GRAVITY_N_KG

    def __post_init__(self):
        checks = {
            "speed_m_s": check_range("speed_m_s", self.speed_m_s, 0, 70, unit="m/s"),
            "reaction_time_s": check_range("reaction_time_s", self.reaction_time_s, 0, 5, low_open=False, unit="s"),
            "friction_coefficient": check_range("friction_coefficient", self.friction_coefficient, 0, 1.2),
            "gravity_n_kg": check_range("gravity_n_kg", self.gravity_n_kg, 0, 30, unit="N/kg"),
        }
        for name, value in checks.items():
            object.__setattr__(self, name, value)

    @property
    def deceleration_m_s2(self) -> float:
        """Braking deceleration μ g, m/s²."""
        return self.friction_coefficient * self.gravity_n_kg


def mph_to_m_s(speed_mph: float) -> float:
    """Convert miles per hour to metres per second (1 mph = 0.44704 m/s exactly)."""
    return float(speed_mph) * METRES_PER_SECOND_PER_MPH


def thinking_distance_m(speed_m_s: float, reaction_time_s: float) -> float:
    """Distance travelled during the reaction time, ``v t_r``, in metres.

    Raises:
        ValueError: if ``speed_m_s`` is not in (0, 70] m/s or ``reaction_time_s`` not in [0, 5] s.
    """
    speed_m_s = check_range("speed_m_s", speed_m_s, 0, 70, unit="m/s")
    reaction_time_s = check_range("reaction_time_s", reaction_time_s, 0, 5, low_open=False, unit="s")
    return speed_m_s * reaction_time_s


def braking_distance_m(speed_m_s: float, deceleration_m_s2: float) -> float:
    """Distance to stop from ``speed_m_s`` at a constant deceleration, ``v² / (2a)``, in metres.

    Raises:
        ValueError: if ``speed_m_s`` is not in (0, 70] m/s or ``deceleration_m_s2`` not in (0, 30] m/s².
    """
    speed_m_s = check_range("speed_m_s", speed_m_s, 0, 70, unit="m/s")
    deceleration_m_s2 = check_range("deceleration_m_s2", deceleration_m_s2, 0, 30, unit="m/s^2")
    return speed_m_s**2 / (2.0 * deceleration_m_s2)


def braking_force_n(mass_kg: float, speed_m_s: float, braking_distance_m: float) -> float:
    """Average braking force that stops ``mass_kg`` from ``speed_m_s`` in the distance given:
    work done ``F d = ½ m v²``, so ``F = m v² / (2 d)``, in newtons.

    Raises:
        ValueError: naming the parameter out of range.
    """
    mass_kg = check_range("mass_kg", mass_kg, 0, 1e5, unit="kg")
    speed_m_s = check_range("speed_m_s", speed_m_s, 0, 70, unit="m/s")
    braking_distance_m = check_range("braking_distance_m", braking_distance_m, 0, 1e4, unit="m")
    return mass_kg * speed_m_s**2 / (2.0 * braking_distance_m)


def reaction_time_from_ruler_drop_s(drop_distance_m: float, gravity_n_kg: float = GRAVITY_N_KG) -> float:
    """Reaction time from the ruler-drop test: the ruler falls freely from rest, so
    ``d = ½ g t²`` and ``t = √(2d/g)``, in seconds (g = 9.8 N/kg by default).

    Raises:
        ValueError: if ``drop_distance_m`` is not in (0, 2] m or ``gravity_n_kg`` not in (0, 30] N/kg.
    """
    drop_distance_m = check_range("drop_distance_m", drop_distance_m, 0, 2, unit="m")
    gravity_n_kg = check_range("gravity_n_kg", gravity_n_kg, 0, 30, unit="N/kg")
    return (2.0 * drop_distance_m / gravity_n_kg) ** 0.5


def stopping_distance_m(speed_m_s: float, reaction_time_s: float, deceleration_m_s2: float) -> float:
    """Thinking distance plus braking distance, in metres."""
    return thinking_distance_m(speed_m_s, reaction_time_s) + braking_distance_m(speed_m_s, deceleration_m_s2)


@dataclass(frozen=True)
class StoppingRun:
    """One emergency stop. Arrays share the index of ``times_s``.

    Attributes:
        params: the parameters it was run with.
        thinking_distance_m: distance before the brakes go on, m.
        braking_distance_m: distance while braking, m.
        braking_time_s: time from brakes on to stopped, s.
        times_s: sample times, s, from the moment the hazard appears.
        distance_m: distance travelled since the hazard appeared, m.
        speed_m_s: speed at each sample, m/s.
    """

    params: StoppingParams
    thinking_distance_m: float
    braking_distance_m: float
    braking_time_s: float
    times_s: np.ndarray
    distance_m: np.ndarray
    speed_m_s: np.ndarray

    @property
    def stopping_distance_m(self) -> float:
        """Thinking distance plus braking distance, m."""
        return self.thinking_distance_m + self.braking_distance_m

    @property
    def stopping_time_s(self) -> float:
        """Time from the hazard appearing to the car stopping, s."""
        return self.params.reaction_time_s + self.braking_time_s


def simulate(params: StoppingParams | None = None, samples: int = 401) -> StoppingRun:
    """The stop, sampled at ``samples`` evenly spaced times from the hazard to standstill.

    Args:
        params: the stop; defaults to ``StoppingParams()``.
        samples: how many sample times, [2, 100000]. The motion is exact at every sample.

    Raises:
        ValueError: naming the parameter and its allowed range.
    """
    params = StoppingParams() if params is None else params
    samples = check_count("samples", samples, 2, 100_000)
    v, t_r, a = params.speed_m_s, params.reaction_time_s, params.deceleration_m_s2
    thinking = v * t_r
    braking = v**2 / (2.0 * a)
    braking_time = v / a
    times = np.linspace(0.0, t_r + braking_time, samples)
    braking_for = np.clip(times - t_r, 0.0, braking_time)
    speed = np.where(times < t_r, v, v - a * braking_for)
    distance = np.minimum(times, t_r) * v + v * braking_for - 0.5 * a * braking_for**2
    return StoppingRun(params, thinking, braking, braking_time, times, distance, np.maximum(speed, 0.0))


def describe(run: StoppingRun) -> str:
    """One or two sentences a screen reader can speak about this stop."""
    p = run.params
    mph = p.speed_m_s / METRES_PER_SECOND_PER_MPH
    return (
        f"At {p.speed_m_s:.1f} m/s ({mph:.0f} mph) with a reaction time of {p.reaction_time_s:.2f} s, the car "
        f"travels {run.thinking_distance_m:.1f} m before braking starts, then brakes at {p.deceleration_m_s2:.1f} m/s² "
        f"(coefficient of friction {p.friction_coefficient:.2f}) for {run.braking_distance_m:.1f} m. "
        f"Stopping distance {run.stopping_distance_m:.1f} m, "
        f"{run.thinking_distance_m / run.stopping_distance_m * 100:.0f}% of it thinking distance; "
        f"the car stops {run.stopping_time_s:.1f} s after the hazard appears. The area under the "
        f"velocity–time graph is the stopping distance."
    )


def to_table(run: StoppingRun) -> Table:
    """The stop over time (41 evenly spaced rows): speed and distance travelled."""
    rows = np.linspace(0, len(run.times_s) - 1, min(41, len(run.times_s))).round().astype(int)
    return Table.from_columns(
        [("time", "s", run.times_s[rows]), ("speed", "m/s", run.speed_m_s[rows]),
         ("distance travelled", "m", run.distance_m[rows])],
        title=f"Emergency stop from {run.params.speed_m_s:g} m/s",
    )


# A half-metre rule read at the pupil's thumb to the nearest 0.5 cm; a catch scatters
# by a few millimetres about where the thumb closed.
RULER = Instrument("ruler at the catch", "cm", resolution=0.5, random_sd=0.3)


def ruler_drop_practical(pupils: int = 3, attempts: int = 5, mean_reaction_time_s: float = 0.20,
                         spread_s: float = 0.03, seed: int | None = 0) -> Table:
    """Simulated class results for the ruler-drop reaction-time test.

    Each attempt's true reaction time is drawn from a normal distribution (mean
    ``mean_reaction_time_s``, standard deviation ``spread_s``, typical of 14–16-year-olds
    catching a dropped rule); the rule falls ``½ g t²`` in that time and the pupil reads the
    catch with :data:`RULER`. The last two columns are each pupil's mean catch and the
    reaction time it gives.

    Raises:
        ValueError: for counts out of range or times out of range.
    """
    pupils = check_count("pupils", pupils, 1, 40)
    attempts = check_count("attempts", attempts, 1, 20)
    mean_reaction_time_s = check_range("mean_reaction_time_s", mean_reaction_time_s, 0.05, 1.0, unit="s")
    spread_s = check_range("spread_s", spread_s, 0, 0.2, low_open=False, unit="s")
    rng = make_rng(seed)
    times = np.clip(rng.normal(mean_reaction_time_s, spread_s, size=(pupils, attempts)), 0.05, 0.3)
    catches_cm = RULER.read(50.0 * GRAVITY_N_KG * times**2, rng)  # ½ g t² in cm
    mean_cm = catches_cm.mean(axis=1)
    columns = [("pupil", "", np.arange(1, pupils + 1, dtype=float))]
    columns += [(f"catch {i + 1}", "cm", catches_cm[:, i]) for i in range(attempts)]
    columns += [("mean catch", "cm", mean_cm),
                ("reaction time", "s", np.sqrt(2.0 * mean_cm / 100.0 / GRAVITY_N_KG))]
    return Table.from_columns(columns, title=f"Virtual practical: ruler-drop reaction times (seed {seed})")


def speed_table(reaction_time_s: float = 0.67, deceleration_m_s2: float = 6.5) -> Table:
    """Thinking, braking and stopping distance at each UK speed limit (cf. the Highway Code)."""
    speeds = np.array([mph_to_m_s(mph) for mph in SPEED_LIMITS_MPH])
    thinking = speeds * reaction_time_s
    braking = speeds**2 / (2.0 * deceleration_m_s2)
    return Table.from_columns(
        [("speed", "mph", np.array(SPEED_LIMITS_MPH, dtype=float)), ("speed", "m/s", speeds),
         ("thinking distance", "m", thinking), ("braking distance", "m", braking),
         ("stopping distance", "m", thinking + braking)],
        title=f"Stopping distances: reaction time {reaction_time_s:g} s, deceleration {deceleration_m_s2:g} m/s²",
    )
