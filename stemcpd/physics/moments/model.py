"""Moments on a see-saw: the principle of moments for a beam balanced at its centre.

Physics (MODEL.md beside this file is the teacher's version):

* The moment of a force about a pivot is ``M = F d`` (N m), with ``d`` the
  **perpendicular** distance from the pivot to the line of action of the force (AQA
  equation sheet: moment of a force = force × distance).
* A weight ``W = m g`` (g = 9.8 N/kg, AQA's value) hangs or sits at a distance from the
  pivot. A load left of the pivot turns the beam anticlockwise, one on the right
  clockwise.
* **Principle of moments:** a beam is balanced (no turning) when the sum of the
  clockwise moments about the pivot equals the sum of the anticlockwise moments.
  Otherwise it turns the way of the larger total, until it rests on the ground.
* The beam is uniform and pivoted at its centre, so its own weight acts through the
  pivot and has no moment about it.

Limits: a rigid, horizontal beam with point loads; moments taken with the beam level
(once it tilts, the perpendicular distances shrink by cos θ on both sides alike, which
does not change which way it turns); no friction at the pivot.
"""

from __future__ import annotations

from dataclasses import dataclass

from stemcpd.table import Table
from stemcpd.validation import check_range

GRAVITY_N_KG = 9.8  # AQA equation-sheet value of g, N/kg
BEAM_HALF_LENGTH_M = 2.0
BALANCE_RELATIVE_TOLERANCE = 1e-9  # moments equal to rounding error count as balanced


@dataclass(frozen=True)
class SeesawParams:
    """Two loads on a see-saw pivoted at its centre. Validated on creation.

    Attributes:
        left_mass_kg: mass of the load left of the pivot, in kilograms (kg); (0, 200].
        left_distance_m: its distance from the pivot, in metres (m); (0, 2].
        right_mass_kg: mass of the load right of the pivot, in kilograms (kg); (0, 200].
        right_distance_m: its distance from the pivot, in metres (m); (0, 2].
        gravity_n_kg: gravitational field strength g, in newtons per kilogram (N/kg);
            (0, 30]. AQA uses 9.8.
    """

    left_mass_kg: float = 40.0
    left_distance_m: float = 1.5
    right_mass_kg: float = 60.0
    right_distance_m: float = 1.0
    gravity_n_kg: float = GRAVITY_N_KG

    def __post_init__(self):
        checks = {
            "left_mass_kg": check_range("left_mass_kg", self.left_mass_kg, 0, 200, unit="kg"),
            "left_distance_m": check_range("left_distance_m", self.left_distance_m, 0, BEAM_HALF_LENGTH_M, unit="m"),
            "right_mass_kg": check_range("right_mass_kg", self.right_mass_kg, 0, 200, unit="kg"),
            "right_distance_m": check_range("right_distance_m", self.right_distance_m, 0, BEAM_HALF_LENGTH_M, unit="m"),
            "gravity_n_kg": check_range("gravity_n_kg", self.gravity_n_kg, 0, 30, unit="N/kg"),
        }
        for name, value in checks.items():
            object.__setattr__(self, name, value)


def moment_n_m(force_n: float, distance_m: float) -> float:
    """Moment of a force about a pivot, ``M = F d``, in newton metres (N m).

    Args:
        force_n: the force, N; [0, 1e7].
        distance_m: perpendicular distance from the pivot to its line of action, m; [0, 1e4].

    Raises:
        ValueError: naming the parameter and its allowed range.
    """
    force_n = check_range("force_n", force_n, 0, 1e7, low_open=False, unit="N")
    distance_m = check_range("distance_m", distance_m, 0, 1e4, low_open=False, unit="m")
    return force_n * distance_m


def balancing_distance_m(mass_kg: float, distance_m: float, other_mass_kg: float) -> float:
    """Where a load of ``other_mass_kg`` must sit, on the other side, to balance a load
    of ``mass_kg`` at ``distance_m``: ``m₁ d₁ = m₂ d₂`` (g cancels), in metres.

    Raises:
        ValueError: naming the parameter and its allowed range.
    """
    mass_kg = check_range("mass_kg", mass_kg, 0, 1e5, unit="kg")
    distance_m = check_range("distance_m", distance_m, 0, 1e4, low_open=False, unit="m")
    other_mass_kg = check_range("other_mass_kg", other_mass_kg, 0, 1e5, unit="kg")
    return mass_kg * distance_m / other_mass_kg


@dataclass(frozen=True)
class SeesawResult:
    """Moments about the pivot and which way the see-saw turns.

    Attributes:
        params: the see-saw.
        anticlockwise_moment_n_m: the left load's moment, N m.
        clockwise_moment_n_m: the right load's moment, N m.
    """

    params: SeesawParams
    anticlockwise_moment_n_m: float
    clockwise_moment_n_m: float

    @property
    def resultant_moment_n_m(self) -> float:
        """Clockwise minus anticlockwise moment, N m (positive: turns clockwise)."""
        return self.clockwise_moment_n_m - self.anticlockwise_moment_n_m

    @property
    def turns(self) -> str:
        """``"clockwise"``, ``"anticlockwise"`` or ``"balanced"``."""
        largest = max(self.clockwise_moment_n_m, self.anticlockwise_moment_n_m)
        if abs(self.resultant_moment_n_m) <= BALANCE_RELATIVE_TOLERANCE * largest:
            return "balanced"
        return "clockwise" if self.resultant_moment_n_m > 0 else "anticlockwise"

    @property
    def balancing_distance_m(self) -> float:
        """Where the right-hand load would balance the left one, m (may be beyond the beam)."""
        p = self.params
        return p.left_mass_kg * p.left_distance_m / p.right_mass_kg

    @property
    def pivot_force_n(self) -> float:
        """Upward force of the pivot on the beam when balanced (total weight of the loads), N."""
        p = self.params
        return (p.left_mass_kg + p.right_mass_kg) * p.gravity_n_kg


def balance(params: SeesawParams | None = None) -> SeesawResult:
    """Take moments about the pivot.

    Raises:
        ValueError: naming the parameter and its allowed range (through :class:`SeesawParams`).
    """
    params = SeesawParams() if params is None else params
    g = params.gravity_n_kg
    return SeesawResult(
        params,
        anticlockwise_moment_n_m=params.left_mass_kg * g * params.left_distance_m,
        clockwise_moment_n_m=params.right_mass_kg * g * params.right_distance_m,
    )


def describe(result: SeesawResult) -> str:
    """One or two sentences a screen reader can speak about the see-saw."""
    p = result.params
    text = (
        f"{p.left_mass_kg:g} kg sits {p.left_distance_m:g} m left of the pivot (anticlockwise moment "
        f"{result.anticlockwise_moment_n_m:.0f} N m) and {p.right_mass_kg:g} kg sits {p.right_distance_m:g} m "
        f"right of it (clockwise moment {result.clockwise_moment_n_m:.0f} N m). "
    )
    if result.turns == "balanced":
        text += "The moments are equal, so the see-saw balances."
    else:
        text += (
            f"The see-saw turns {result.turns} with a resultant moment of {abs(result.resultant_moment_n_m):.0f} N m. "
            f"The right-hand load would balance at {result.balancing_distance_m:.2f} m from the pivot"
            f"{' (off the end of the beam)' if result.balancing_distance_m > BEAM_HALF_LENGTH_M else ''}."
        )
    return text


def to_table(result: SeesawResult) -> Table:
    """Each load: mass, weight, distance and moment about the pivot (left first)."""
    import numpy as np

    p = result.params
    masses = np.array([p.left_mass_kg, p.right_mass_kg])
    distances = np.array([p.left_distance_m, p.right_distance_m])
    return Table.from_columns(
        [("mass", "kg", masses), ("weight", "N", masses * p.gravity_n_kg),
         ("distance from pivot", "m", distances),
         ("moment about pivot", "N m", masses * p.gravity_n_kg * distances)],
        title="See-saw: the left (anticlockwise) load, then the right (clockwise) load",
    )
