"""Energy stores and transfers: a block sliding on a skate-park track.

Physics (see MODEL.md beside this file for the teacher's version):

* **The track** (a "skate-park" profile): a straight ramp at angle θ down from height
  ``h``, a flat floor of length ``L``, and a straight ramp at the same angle back up to
  height ``h``. Position along the track is the distance ``s`` from the top of the left
  ramp (0 ≤ s ≤ 2d + L, with ramp length ``d = h / sin θ``). The corners are taken as
  rounded over a negligible distance: the block keeps its speed going round them.
* **Forces along the track** on a block of mass ``m``: the component of its weight
  ``m g sin θ`` down the slope, and sliding friction of constant size
  ``F = μ m g cos θ`` (``μ m g`` on the floor) opposing the motion. The block starts at
  rest at the top of the left ramp; it only starts (or restarts after stopping) if
  ``tan θ > μ`` (the static coefficient is taken equal to the sliding one).
* **Energy stores**: gravitational potential ``m g y`` (zero on the floor), kinetic
  ``½ m v²``, and thermal — the work done against friction, ``F × distance slid``,
  heating the block, track and surroundings. Their sum stays ``m g h``.
* **Efficiency** of the first descent = useful output / total input = kinetic energy at
  the foot of the ramp / gravitational potential energy given up on the way down
  ``= 1 − μ / tan θ``. The speed there is ``√(2 g h)`` without friction.

How it is solved in time: on each straight piece of track the force is constant, so the
motion is uniformly accelerated. The solver steps from one *event* to the next (reaching
a corner, coming to rest, turning round) with the exact constant-acceleration formulas,
then samples the piecewise motion at a fixed time step. Results therefore do not depend
on the sampling step, and energy is conserved to rounding error.

Limits: a point-sized block (no rolling — a ball would also store rotational kinetic
energy), no air resistance, friction independent of speed, and the extra normal force
while rounding a corner (which would increase friction there) is ignored.
"""

from __future__ import annotations

from dataclasses import dataclass
import math

import numpy as np

from stemcpd.table import Table
from stemcpd.validation import check_range

STANDARD_GRAVITY_M_S2 = 9.81
MAX_AUTO_DURATION_S = 60.0
DURATION_LADDER_S = (2.0, 5.0, 10.0, 20.0, 30.0, 60.0)
SAMPLES = 1000  # samples of an automatic-length run (plenty for smooth curves)


@dataclass(frozen=True)
class TrackParams:
    """The track, the block and the friction between them. Validated on creation.

    Attributes:
        height_m: height of the start (and of the far ramp's top) above the floor, in
            metres (m); (0, 100].
        ramp_angle_deg: angle of both ramps above the horizontal, in degrees (°);
            (0, 90).
        flat_length_m: length of the flat floor between the ramps, in metres (m);
            [0, 100].
        mass_kg: mass of the block, in kilograms (kg); (0, 1000].
        friction_coefficient: coefficient of friction μ between block and track
            (dimensionless); [0, 2]. 0 is frictionless.
        g_m_s2: gravitational field strength, in metres per second squared (m s⁻²,
            the same as N/kg); (0, 1000].
    """

    height_m: float = 1.0
    ramp_angle_deg: float = 30.0
    flat_length_m: float = 1.0
    mass_kg: float = 1.0
    friction_coefficient: float = 0.1
    g_m_s2: float = STANDARD_GRAVITY_M_S2

    def __post_init__(self):
        checks = {
            "height_m": check_range("height_m", self.height_m, 0, 100, unit="m"),
            "ramp_angle_deg": check_range("ramp_angle_deg", self.ramp_angle_deg, 0, 90, high_open=True, unit="degrees"),
            "flat_length_m": check_range("flat_length_m", self.flat_length_m, 0, 100, low_open=False, unit="m"),
            "mass_kg": check_range("mass_kg", self.mass_kg, 0, 1000, unit="kg"),
            "friction_coefficient": check_range("friction_coefficient", self.friction_coefficient, 0, 2, low_open=False),
            "g_m_s2": check_range("g_m_s2", self.g_m_s2, 0, 1000, unit="m/s^2"),
        }
        for name, value in checks.items():
            object.__setattr__(self, name, value)

    @property
    def ramp_length_m(self) -> float:
        """Length of each ramp along its slope, ``h / sin θ``, m."""
        return self.height_m / math.sin(math.radians(self.ramp_angle_deg))

    @property
    def track_length_m(self) -> float:
        """Length of the whole track, ``2d + L``, m."""
        return 2.0 * self.ramp_length_m + self.flat_length_m


def _segments(params: TrackParams):
    """(start s, end s, gravity's acceleration along +s, friction deceleration) per piece."""
    theta = math.radians(params.ramp_angle_deg)
    g, mu = params.g_m_s2, params.friction_coefficient
    d, flat = params.ramp_length_m, params.flat_length_m
    ramp_friction = mu * g * math.cos(theta)
    pieces = [(0.0, d, g * math.sin(theta), ramp_friction)]
    if flat > 0:
        pieces.append((d, d + flat, 0.0, mu * g))
    pieces.append((d + flat, 2.0 * d + flat, -g * math.sin(theta), ramp_friction))
    return pieces


def track_shape(params: TrackParams, s_m) -> tuple[np.ndarray, np.ndarray]:
    """Horizontal position and height (m) of the points at distance ``s_m`` along the track."""
    s = np.clip(np.asarray(s_m, dtype=float), 0.0, params.track_length_m)
    theta = math.radians(params.ramp_angle_deg)
    d, flat = params.ramp_length_m, params.flat_length_m
    cos, sin = math.cos(theta), math.sin(theta)
    on_left = s <= d
    on_right = s >= d + flat
    x = np.where(on_left, s * cos, np.where(on_right, d * cos + flat + (s - d - flat) * cos, d * cos + (s - d)))
    y = np.where(on_left, params.height_m - s * sin, np.where(on_right, (s - d - flat) * sin, 0.0))
    return x, y


@dataclass(frozen=True)
class _Piece:
    """A stretch of uniformly accelerated motion (no turning round inside it)."""

    start_time: float
    start_s: float
    start_velocity: float
    acceleration: float
    friction_per_kg: float  # friction force / m while sliding here, N/kg
    start_thermal: float  # J
    duration: float


def _pieces(params: TrackParams, horizon_s: float) -> list[_Piece]:
    """Event-to-event solution from rest at s = 0 until rest or ``horizon_s``."""
    segments = _segments(params)
    end_s = params.track_length_m
    tiny = 1e-12 * max(end_s, 1.0)
    t, s, v, thermal = 0.0, 0.0, 0.0, 0.0
    pieces: list[_Piece] = []
    while t < horizon_s and len(pieces) < 200_000:
        if v == 0.0:
            # At rest: slide only if gravity along the slope beats the most friction can give.
            direction, segment = 0, None
            for candidate in (+1, -1):
                for seg in segments:
                    inside = seg[0] - tiny <= s < seg[1] - tiny if candidate > 0 else seg[0] + tiny < s <= seg[1] + tiny
                    if inside and candidate * seg[2] > seg[3] + 1e-12:
                        direction, segment = candidate, seg
            if direction == 0:
                pieces.append(_Piece(t, s, 0.0, 0.0, 0.0, thermal, math.inf))  # at rest for good
                break
        else:
            direction = 1 if v > 0 else -1
            segment = next(
                seg for seg in segments
                if (seg[0] - tiny <= s < seg[1] - tiny if direction > 0 else seg[0] + tiny < s <= seg[1] + tiny)
            )
        start, end, gravity_along, friction = segment
        acceleration = gravity_along - direction * friction
        speed = abs(v)
        along = direction * acceleration  # acceleration in the direction of motion
        boundary = end if direction > 0 else start
        distance = abs(boundary - s)
        reach = math.inf
        discriminant = speed * speed + 2.0 * along * distance
        if discriminant >= 0 and (speed > 0 or along > 0):
            reach = 2.0 * distance / (speed + math.sqrt(discriminant))  # stable root
        stop = speed / -along if along < 0 else math.inf
        duration = min(reach, stop)
        pieces.append(_Piece(t, s, v, acceleration, friction, thermal, duration))
        if reach <= stop:
            s_new = boundary
            v_new = direction * math.sqrt(max(discriminant, 0.0))
            if boundary in (0.0, end_s):
                v_new = 0.0  # a track end can only be reached at rest (it is as high as the start)
        else:
            s_new = s + direction * speed * stop / 2.0  # distance = u t / 2 when stopping uniformly
            v_new = 0.0
        thermal += params.mass_kg * friction * abs(s_new - s)
        t, s, v = t + duration, min(max(s_new, 0.0), end_s), v_new
    return pieces


@dataclass(frozen=True)
class TrackRun:
    """One slide on the track. Arrays share the index of ``times_s``.

    Attributes:
        params: the parameters it was run with.
        time_step_s: sampling step, s.
        times_s: sample times, s.
        distance_along_m: position along the track from the top of the left ramp, m.
        x_m, y_m: horizontal position and height above the floor, m.
        velocity_m_s: velocity along the track, m/s (positive = towards the right ramp).
        gravitational_energy_j, kinetic_energy_j, thermal_energy_j: the stores, J.
        speed_at_bottom_m_s: speed on first reaching the foot of the left ramp, m/s
            (0 if it never gets there).
        efficiency: kinetic energy there / gravitational potential energy given up.
        rest_time_s: when the block comes to rest for good, s (inf if not within
            max(duration, 60 s)).
        rest_distance_m: where along the track it rests, m (nan if it does not).
        highest_after_start_m: highest point reached on the far ramp, m.
    """

    params: TrackParams
    time_step_s: float
    times_s: np.ndarray
    distance_along_m: np.ndarray
    x_m: np.ndarray
    y_m: np.ndarray
    velocity_m_s: np.ndarray
    gravitational_energy_j: np.ndarray
    kinetic_energy_j: np.ndarray
    thermal_energy_j: np.ndarray
    speed_at_bottom_m_s: float
    efficiency: float
    rest_time_s: float
    rest_distance_m: float
    highest_after_start_m: float

    @property
    def track_outline_m(self) -> tuple[np.ndarray, np.ndarray]:
        """The track as drawn: horizontal position and height (m) of its start, the
        foot of the ramp, the end of the flat and its end (see :func:`track_shape`)."""
        p = self.params
        corners = np.array([0.0, p.ramp_length_m, p.ramp_length_m + p.flat_length_m, p.track_length_m])
        return track_shape(p, corners)

    @property
    def initial_energy_j(self) -> float:
        """Energy in the gravitational store at the start, ``m g h``, J."""
        return self.params.mass_kg * self.params.g_m_s2 * self.params.height_m

    @property
    def total_energy_j(self) -> np.ndarray:
        """Gravitational + kinetic + thermal, J: constant."""
        return self.gravitational_energy_j + self.kinetic_energy_j + self.thermal_energy_j

    @property
    def speed_m_s(self) -> np.ndarray:
        """Speed, m/s."""
        return np.abs(self.velocity_m_s)


def first_descent_efficiency(params: TrackParams) -> float:
    """Kinetic energy at the foot of the first ramp / GPE given up: ``1 − μ / tan θ`` (0 if it
    never starts)."""
    return max(0.0, 1.0 - params.friction_coefficient / math.tan(math.radians(params.ramp_angle_deg)))


def _sample(pieces: list[_Piece], params: TrackParams, times: np.ndarray):
    starts = np.array([piece.start_time for piece in pieces])
    index = np.clip(np.searchsorted(starts, times, side="right") - 1, 0, len(pieces) - 1)
    s0 = np.array([p.start_s for p in pieces])[index]
    v0 = np.array([p.start_velocity for p in pieces])[index]
    a = np.array([p.acceleration for p in pieces])[index]
    friction = np.array([p.friction_per_kg for p in pieces])[index]
    thermal0 = np.array([p.start_thermal for p in pieces])[index]
    duration = np.array([p.duration for p in pieces])[index]
    tau = np.minimum(times - starts[index], duration)
    s = np.clip(s0 + v0 * tau + 0.5 * a * tau**2, 0.0, params.track_length_m)
    v = v0 + a * tau
    thermal = thermal0 + params.mass_kg * friction * np.abs(s - s0)
    return s, v, thermal


def simulate(
    params: TrackParams | None = None,
    duration_s: float | None = None,
    time_step_s: float | None = None,
) -> TrackRun:
    """Release the block from rest at the top of the left ramp and follow it.

    Args:
        params: the track and block; defaults to ``TrackParams()``.
        duration_s: how long to follow it, s; (0, 10000]. Default: until it rests
            (rounded up to 2, 5, 10, 20, 30 or 60 s), or 2½ swings there and back
            without friction, at most 60 s.
        time_step_s: sampling step, s; (0, duration_s]. Default: duration / 1000.

    Raises:
        ValueError: naming the parameter and its allowed range.
    """
    params = TrackParams() if params is None else params
    if duration_s is None:
        pieces = _pieces(params, MAX_AUTO_DURATION_S)
        duration_s = _automatic_duration(params, pieces)
    else:
        duration_s = check_range("duration_s", duration_s, 0, 10000, unit="s")
        # Look at least as far ahead as an automatic run, so the summary numbers (rest
        # time, height reached) do not depend on how long a stretch is sampled.
        pieces = _pieces(params, max(duration_s, MAX_AUTO_DURATION_S))
    if time_step_s is None:
        time_step_s = duration_s / SAMPLES
    time_step_s = check_range("time_step_s", time_step_s, 0, duration_s, unit="s")
    steps = math.ceil(duration_s / time_step_s - 1e-9)
    times = np.minimum(np.arange(steps + 1) * time_step_s, duration_s)
    s, v, thermal = _sample(pieces, params, times)
    x, y = track_shape(params, s)
    mass, g = params.mass_kg, params.g_m_s2

    first = pieces[0]  # from rest down the whole first ramp, if it moves at all
    speed_at_bottom = first.acceleration * first.duration if math.isfinite(first.duration) else 0.0
    at_rest = pieces[-1].duration == math.inf
    far_ramp_start = params.ramp_length_m + params.flat_length_m
    first_turn = next((p for p in pieces[1:] if p.start_velocity == 0.0), None)
    highest = 0.0
    if first_turn is not None and first_turn.start_s > far_ramp_start:
        highest = float(track_shape(params, first_turn.start_s)[1])
    return TrackRun(
        params=params,
        time_step_s=float(time_step_s),
        times_s=times,
        distance_along_m=s,
        x_m=x,
        y_m=y,
        velocity_m_s=v,
        gravitational_energy_j=mass * g * y,
        kinetic_energy_j=0.5 * mass * v**2,
        thermal_energy_j=thermal,
        speed_at_bottom_m_s=speed_at_bottom,
        efficiency=first_descent_efficiency(params),
        rest_time_s=pieces[-1].start_time if at_rest else math.inf,
        rest_distance_m=pieces[-1].start_s if at_rest else math.nan,
        highest_after_start_m=highest,
    )


def _automatic_duration(params: TrackParams, pieces: list[_Piece]) -> float:
    if pieces[-1].duration == math.inf:
        wanted = pieces[-1].start_time * 1.05
    else:
        # Frictionless (or nearly): two and a half trips there and back.
        there_and_back = next((p.start_time for p in pieces[2:] if p.start_velocity == 0.0 and p.start_s <= 1e-9 * params.track_length_m), None)
        wanted = 2.5 * there_and_back if there_and_back else MAX_AUTO_DURATION_S
    if wanted <= 0:
        return DURATION_LADDER_S[0]
    for rung in DURATION_LADDER_S:
        if rung >= wanted:
            return rung
    return DURATION_LADDER_S[-1]


def to_table(run: TrackRun) -> Table:
    """The run as a table: time, position, speed and each energy store."""
    return Table.from_columns(
        [
            ("time", "s", run.times_s),
            ("distance along track", "m", run.distance_along_m),
            ("height", "m", run.y_m),
            ("speed", "m/s", run.speed_m_s),
            ("gravitational potential energy", "J", run.gravitational_energy_j),
            ("kinetic energy", "J", run.kinetic_energy_j),
            ("thermal energy", "J", run.thermal_energy_j),
            ("total energy", "J", run.total_energy_j),
        ],
        title=(
            f"Block on a track: h = {run.params.height_m:g} m, ramps at {run.params.ramp_angle_deg:g}°, "
            f"μ = {run.params.friction_coefficient:g}, m = {run.params.mass_kg:g} kg"
        ),
    )


def describe(run: TrackRun) -> str:
    """One or two sentences a screen reader can speak about this run."""
    p = run.params
    start = (
        f"A {p.mass_kg:.2f} kg block starts at rest {p.height_m:.2f} m up a {p.ramp_angle_deg:.0f}° ramp "
        f"with {run.initial_energy_j:.3g} J in its gravitational store"
    )
    if run.speed_at_bottom_m_s == 0.0:
        return (
            f"{start}, but friction (μ = {p.friction_coefficient:.2f}) is strong enough to hold it: "
            f"it needs tan θ > μ to slide, and nothing is transferred."
        )
    text = (
        f"{start}; it reaches the bottom at {run.speed_at_bottom_m_s:.2f} m/s, so "
        f"{run.efficiency * 100:.0f}% of that energy became kinetic energy"
    )
    if p.friction_coefficient == 0:
        text += (
            f" (√(2gh) = {math.sqrt(2 * p.g_m_s2 * p.height_m):.2f} m/s). With no friction it swings between "
            f"the ramps for ever and the total stays {run.initial_energy_j:.3g} J."
        )
    elif math.isfinite(run.rest_time_s):
        thermal = run.thermal_energy_j[-1] / run.initial_energy_j * 100
        text += (
            f". The block stops after {run.rest_time_s:.1f} s, {run.y_m[-1]:.2f} m above the floor: friction "
            f"(μ = {p.friction_coefficient:.2f}) has transferred {thermal:.0f}% of the energy to the thermal store."
        )
    else:
        thermal = run.thermal_energy_j[-1] / run.initial_energy_j * 100
        text += (
            f". After {run.times_s[-1]:.0f} s friction (μ = {p.friction_coefficient:.2f}) has transferred "
            f"{thermal:.0f}% to the thermal store."
        )
    return text
