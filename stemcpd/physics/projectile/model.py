"""Projectile model: a ball launched over level ground, with optional air resistance.

Physics (see MODEL.md beside this file for the teacher's version):

* A small ball is launched from a height ``h`` above level ground with speed ``u`` at
  an angle θ above the horizontal (negative θ is below the horizontal). x is measured
  horizontally from the launch point, y upwards from the ground.
* Forces: its weight, and optionally air resistance proportional to the square of the
  speed and opposite to the velocity. Per unit mass, with ``k = b/m`` (m⁻¹):

      dvx/dt = −k |v| vx
      dvy/dt = −g − k |v| vy

* Without air resistance (k = 0) the motion has the familiar closed form
  ``x = u cos θ t``, ``y = h + u sin θ t − ½ g t²``; from level ground the range is
  ``u² sin 2θ / g``, the greatest height ``h + (u sin θ)² / 2g`` and the time of flight
  the positive root of ``h + u sin θ t − ½ g t² = 0``.
* With air resistance there is no closed form. The equations are integrated with the
  classical fourth-order Runge–Kutta method. The step is the smaller of a fixed fraction
  of the drag-free flight time and a fixed fraction of the drag time scale ``1/(k|v|)``,
  so a fast ball in thick air still takes small enough steps. The landing (y = 0) and
  the highest point (vy = 0) are then found inside their step by Newton's method on the
  length of a partial Runge–Kutta step, so they are as accurate as the integration, not
  rounded to a step.

Assumptions and limits: a point mass (no spin, so no Magnus lift); uniform g; still air
of constant density; drag coefficient independent of speed; level ground at y = 0.
Launching from ground level at or below the horizontal gives a flight of zero length.
"""

from __future__ import annotations

from dataclasses import dataclass
import math

import numpy as np

from stemcpd.physics.pendulum.model import GRAVITY_PRESETS_M_S2
from stemcpd.table import Table
from stemcpd.validation import check_count, check_range

STANDARD_GRAVITY_M_S2 = 9.81
DEFAULT_STEPS_PER_FLIGHT = 400

__all__ = [
    "GRAVITY_PRESETS_M_S2",
    "ProjectileParams",
    "Flight",
    "flight",
    "simulate",
    "vacuum_flight",
    "describe",
    "to_table",
]


@dataclass(frozen=True)
class ProjectileParams:
    """Everything that defines one launch. Validated on creation.

    Attributes:
        speed_m_s: launch speed, in metres per second (m/s); (0, 1000].
        angle_deg: launch angle above the horizontal, in degrees (°); negative is below
            the horizontal. [−90, 90].
        height_m: launch height above the ground, in metres (m); [0, 1000].
        g_m_s2: gravitational field strength, in metres per second squared (m s⁻²,
            the same as N/kg); (0, 100].
        drag_per_m: air-resistance constant k = b/m, in per metre (m⁻¹), where the drag
            force is b|v|² and m the mass; [0, 10]. 0 means no air resistance.
    """

    speed_m_s: float = 20.0
    angle_deg: float = 45.0
    height_m: float = 0.0
    g_m_s2: float = STANDARD_GRAVITY_M_S2
    drag_per_m: float = 0.0

    def __post_init__(self):
        checks = {
            "speed_m_s": check_range("speed_m_s", self.speed_m_s, 0, 1000, unit="m/s"),
            "angle_deg": check_range("angle_deg", self.angle_deg, -90, 90, low_open=False, unit="degrees"),
            "height_m": check_range("height_m", self.height_m, 0, 1000, low_open=False, unit="m"),
            "g_m_s2": check_range("g_m_s2", self.g_m_s2, 0, 100, unit="m/s^2"),
            "drag_per_m": check_range("drag_per_m", self.drag_per_m, 0, 10, low_open=False, unit="1/m"),
        }
        for name, value in checks.items():
            object.__setattr__(self, name, value)

    @property
    def grounded(self) -> bool:
        """True when launched from the ground at or below the horizontal (no flight)."""
        return self.height_m == 0.0 and self.angle_deg <= 0.0


@dataclass(frozen=True)
class Flight:
    """One flight, from launch to landing. Arrays share the index of ``t``.

    Attributes:
        params: the launch it was computed for.
        range: horizontal distance from the launch point to the landing point, m.
        max_height: greatest height above the ground, m (the launch height if the ball
            never rises).
        time_of_flight: time from launch to landing, s.
        time_of_max_height: when the ball is highest, s.
        t: sample times, s (the last is the landing time; the highest point is one of
            the samples).
        x: horizontal distance from the launch point, m.
        y: height above the ground, m.
        vx: horizontal velocity, m/s.
        vy: vertical velocity, m/s (positive upwards).
        vacuum: the same launch without air resistance (closed form), for comparison;
            ``None`` when this flight already has no air resistance.
    """

    params: ProjectileParams
    range: float
    max_height: float
    time_of_flight: float
    time_of_max_height: float
    t: np.ndarray
    x: np.ndarray
    y: np.ndarray
    vx: np.ndarray
    vy: np.ndarray
    vacuum: "Flight | None" = None

    @property
    def speed(self) -> np.ndarray:
        """Speed |v| at each sample, m/s."""
        return np.hypot(self.vx, self.vy)

    @property
    def landing_speed(self) -> float:
        """Speed on landing, m/s."""
        return float(self.speed[-1])

    def energy_per_kg(self) -> np.ndarray:
        """Kinetic plus gravitational potential energy per kilogram, J/kg (zero at the ground)."""
        return 0.5 * self.speed**2 + self.params.g_m_s2 * self.y


def _vacuum_time_of_flight(params: ProjectileParams) -> float:
    """Positive root of h + u sinθ t − ½ g t² = 0, written to avoid cancellation."""
    if params.grounded:
        return 0.0
    g, h = params.g_m_s2, params.height_m
    vy0 = params.speed_m_s * math.sin(math.radians(params.angle_deg))
    root = math.sqrt(vy0 * vy0 + 2.0 * g * h)
    if vy0 >= 0:
        return (vy0 + root) / g
    return 2.0 * h / (root - vy0)  # same root, = (vy0 + root)/g, without subtracting


def vacuum_flight(params: ProjectileParams, points: int = 201) -> Flight:
    """The flight without air resistance, from the closed-form solution.

    Args:
        params: the launch (its ``drag_per_m`` is ignored).
        points: samples along the path, evenly spaced in time; [2, 100000].
    """
    points = check_count("points", points, 2, 100000)
    speed, g, h = params.speed_m_s, params.g_m_s2, params.height_m
    angle = math.radians(params.angle_deg)
    vx0, vy0 = speed * math.cos(angle), speed * math.sin(angle)
    if params.angle_deg == 90.0:
        vx0 = 0.0
    total = _vacuum_time_of_flight(params)
    t_top = max(vy0, 0.0) / g
    times = np.union1d(np.linspace(0.0, total, points), [min(t_top, total)])
    x = vx0 * times
    y = h + vy0 * times - 0.5 * g * times**2
    y[-1] = 0.0 if total > 0 else h
    return Flight(
        params=params,
        range=vx0 * total,
        max_height=h + max(vy0, 0.0) ** 2 / (2.0 * g),
        time_of_flight=total,
        time_of_max_height=min(t_top, total),
        t=times,
        x=x,
        y=np.maximum(y, 0.0),
        vx=np.full_like(times, vx0),
        vy=vy0 - g * times,
    )


def _rk4_step(state, h, g, k):
    """One classical Runge–Kutta step of the drag equations; state = (x, y, vx, vy)."""
    x, y, vx, vy = state
    sqrt = math.sqrt

    s = sqrt(vx * vx + vy * vy)
    ax1, ay1 = -k * s * vx, -g - k * s * vy
    vx2, vy2 = vx + 0.5 * h * ax1, vy + 0.5 * h * ay1
    s = sqrt(vx2 * vx2 + vy2 * vy2)
    ax2, ay2 = -k * s * vx2, -g - k * s * vy2
    vx3, vy3 = vx + 0.5 * h * ax2, vy + 0.5 * h * ay2
    s = sqrt(vx3 * vx3 + vy3 * vy3)
    ax3, ay3 = -k * s * vx3, -g - k * s * vy3
    vx4, vy4 = vx + h * ax3, vy + h * ay3
    s = sqrt(vx4 * vx4 + vy4 * vy4)
    ax4, ay4 = -k * s * vx4, -g - k * s * vy4
    sixth = h / 6.0
    return (
        x + sixth * (vx + 2.0 * vx2 + 2.0 * vx3 + vx4),
        y + sixth * (vy + 2.0 * vy2 + 2.0 * vy3 + vy4),
        vx + sixth * (ax1 + 2.0 * ax2 + 2.0 * ax3 + ax4),
        vy + sixth * (ay1 + 2.0 * ay2 + 2.0 * ay3 + ay4),
    )


def _partial_step_root(state, h, g, k, component, slope):
    """Length h* in (0, h] of a Runge–Kutta step from ``state`` that makes
    ``new_state[component]`` zero; the step of length ``h`` is known to cross zero.

    Newton's method (the derivative of the component along the path is ``slope``),
    kept inside a shrinking bracket and falling back to bisection if it strays.
    """
    low, high = 0.0, h
    value_low = state[component]
    guess = h * value_low / (value_low - _rk4_step(state, h, g, k)[component])
    result = state
    for _ in range(60):
        if not low < guess < high:
            guess = 0.5 * (low + high)
        result = _rk4_step(state, guess, g, k)
        value = result[component]
        if (value > 0) == (value_low > 0):
            low = guess
        else:
            high = guess
        derivative = slope(result)
        if value == 0.0 or high - low <= 4e-16 * h:
            break
        step = value / derivative if derivative != 0 else 0.0
        if abs(step) <= 1e-15 * max(guess, 1e-300):
            break
        guess = guess - step
    return guess, result


def simulate(params: ProjectileParams | None = None, steps_per_flight: int = DEFAULT_STEPS_PER_FLIGHT) -> Flight:
    """Fly the ball from launch to landing.

    Args:
        params: the launch; defaults to ``ProjectileParams()``.
        steps_per_flight: sets the time step: the step is at most 1/``steps_per_flight``
            of the flight's time scale, and while drag is changing the velocity at most
            10/``steps_per_flight`` of the drag time scale 1/(k|v|); [20, 100000].
            Larger is more accurate and slower.

    Returns:
        A :class:`Flight` whose ``vacuum`` field holds the drag-free flight when
        ``drag_per_m`` > 0.
    """
    params = ProjectileParams() if params is None else params
    steps_per_flight = check_count("steps_per_flight", steps_per_flight, 20, 100000)
    g, k, h = params.g_m_s2, params.drag_per_m, params.height_m
    vacuum = vacuum_flight(params) if k > 0 else None
    angle = math.radians(params.angle_deg)
    vx0 = 0.0 if params.angle_deg == 90.0 else params.speed_m_s * math.cos(angle)
    vy0 = params.speed_m_s * math.sin(angle)

    if params.grounded:
        single = np.zeros(1)
        return Flight(params, 0.0, 0.0, 0.0, 0.0, single, single.copy(), single.copy(),
                      np.full(1, vx0), np.full(1, vy0), vacuum)

    # Time scale of the flight: the drag-free time, or, if drag holds the ball near its
    # terminal speed √(g/k), the time to fall from the drag-free top at that speed.
    flight_scale = _vacuum_time_of_flight(params)
    if k > 0:
        vacuum_top = h + max(vy0, 0.0) ** 2 / (2.0 * g)
        flight_scale = max(flight_scale, vacuum_top / math.sqrt(g / k))
    base_step = flight_scale / steps_per_flight
    terminal_speed = math.sqrt(g / k) if k > 0 else math.inf
    drag_fraction = 10.0 / steps_per_flight
    state = (0.0, h, vx0, vy0)
    time = 0.0
    times, states = [0.0], [state]
    top_time, top_state = (0.0, state) if vy0 <= 0 else (None, None)
    apex_slope = lambda s: -g - k * math.hypot(s[2], s[3]) * s[3]  # noqa: E731
    landing_slope = lambda s: s[3]  # noqa: E731
    step_limit = 200 * steps_per_flight + 1_000_000
    for _ in range(step_limit):
        step = base_step
        speed_now = math.hypot(state[2], state[3])
        if k > 0:
            # RK4's error per step grows as (h k|v|)⁵ times how far the ball is from
            # moving steadily (|a| relative to g + k|v|²): take steps of a fixed small
            # fraction of the drag time 1/(k|v|) while the velocity is changing, and
            # longer ones (up to 1/(k|v|), inside RK4's stability limit of about
            # 1.4/(k|v|)) once the ball falls steadily at its terminal speed.
            ax, ay = -k * speed_now * state[2], -g - k * speed_now * state[3]
            unsteadiness = math.hypot(ax, ay) / (g + k * speed_now * speed_now)
            allowed = drag_fraction * max(unsteadiness, 1e-30) ** -0.2
            # Below terminal speed the drag time is v_t/g = 1/(k v_t), however slow the
            # ball (at the top of a vertical throw |v| = 0).
            step = min(step, min(allowed, 1.0) / (k * max(speed_now, terminal_speed)))
        new_state = _rk4_step(state, step, g, k)
        if top_state is None and new_state[3] <= 0.0:
            top_step, top_state = _partial_step_root(state, step, g, k, 3, apex_slope)
            top_time = time + top_step
            # Restart from the top: a straight-up throw has |v| = 0 there, where the drag
            # term is not smooth enough for a Runge–Kutta step to cross at full accuracy.
            if top_step < step:
                time, state = top_time, top_state
                times.append(time)
                states.append(state)
                continue
        if new_state[1] <= 0.0:
            land_step, land_state = _partial_step_root(state, step, g, k, 1, landing_slope)
            time += land_step
            times.append(time)
            states.append((land_state[0], 0.0, land_state[2], land_state[3]))
            break
        time += step
        state = new_state
        times.append(time)
        states.append(state)
    else:  # pragma: no cover - the step rule above always lands well within the limit
        raise RuntimeError("the ball did not land; please report these parameters: " + repr(params))

    array = np.array(states)
    order = np.argsort(times, kind="stable")
    times_array = np.asarray(times)[order]
    array = array[order]
    return Flight(
        params=params,
        range=float(array[-1, 0]),
        max_height=float(top_state[1]),
        time_of_flight=float(time),
        time_of_max_height=float(top_time),
        t=times_array,
        x=array[:, 0],
        y=array[:, 1],
        vx=array[:, 2],
        vy=array[:, 3],
        vacuum=vacuum,
    )


def flight(speed, angle_deg, height=0.0, g=STANDARD_GRAVITY_M_S2, drag=0.0,
           steps_per_flight: int = DEFAULT_STEPS_PER_FLIGHT) -> Flight:
    """Range, greatest height, time of flight and path of one launch.

    Args:
        speed: launch speed, m/s; (0, 1000].
        angle_deg: launch angle above the horizontal, degrees; [−90, 90].
        height: launch height above level ground, m; [0, 1000].
        g: gravitational field strength, m/s²; (0, 100].
        drag: k = b/m, m⁻¹, with acceleration −g ŷ − k|v|v; [0, 10].
        steps_per_flight: accuracy setting, see :func:`simulate`.

    Returns:
        A frozen :class:`Flight` with ``range``, ``max_height``, ``time_of_flight`` and
        the arrays ``t, x, y, vx, vy``.

    Raises:
        ValueError: naming the parameter (``speed_m_s``, ``angle_deg``, ``height_m``,
            ``g_m_s2`` or ``drag_per_m``) and its allowed range.
    """
    params = ProjectileParams(speed_m_s=speed, angle_deg=angle_deg, height_m=height, g_m_s2=g, drag_per_m=drag)
    return simulate(params, steps_per_flight=steps_per_flight)


def to_table(result: Flight) -> Table:
    """The flight as a table: time, position and velocity at each sample."""
    p = result.params
    return Table.from_columns(
        [
            ("time", "s", result.t),
            ("horizontal distance", "m", result.x),
            ("height", "m", result.y),
            ("horizontal velocity", "m/s", result.vx),
            ("vertical velocity", "m/s", result.vy),
            ("speed", "m/s", result.speed),
        ],
        title=(
            f"Projectile, {p.speed_m_s:g} m/s at {p.angle_deg:g}° from {p.height_m:g} m, "
            f"g = {p.g_m_s2:g} N/kg, drag k = {p.drag_per_m:g} per m"
        ),
    )


def describe(result: Flight) -> str:
    """One or two sentences a screen reader can speak about this flight."""
    p = result.params
    if p.grounded:
        return (
            f"Launched from the ground at {p.angle_deg:.0f}°, at or below the horizontal, "
            "the ball lands at once: range 0 m."
        )
    text = (
        f"The ball lands {result.range:.1f} m away after {result.time_of_flight:.1f} s; "
        f"highest point {result.max_height:.1f} m."
    )
    if result.vacuum is not None:
        shorter = (1.0 - result.range / result.vacuum.range) * 100.0 if result.vacuum.range > 0 else 0.0
        text += (
            f" Air resistance makes it land at {result.landing_speed:.1f} m/s instead of "
            f"{result.vacuum.speed[-1]:.1f} m/s"
        )
        text += f", {shorter:.0f}% short of the {result.vacuum.range:.1f} m it would reach without air." \
            if result.vacuum.range > 0.05 else "."
    return text
