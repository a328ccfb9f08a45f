"""Orbits under Newtonian gravity: a satellite launched sideways around a central body.

Physics (see MODEL.md beside this file for the teacher's version):

* A small body (a satellite, moon or planet) moves around a central body of mass ``M``
  whose centre stays fixed (the central body is taken to be much more massive). The only
  force is gravity, towards the centre, of size ``F = G M m / r²`` (beyond GCSE: AQA
  asks only that gravity provides the force that keeps the body in orbit).
* It starts at distance ``r₀`` from the centre, moving at right angles to the radius
  with speed ``f v_c``, where ``v_c = √(G M / r₀)`` is the circular-orbit speed (beyond
  GCSE) and ``f`` is the "launch speed fraction".
  - ``f = 1``: a circle. The speed never changes; the velocity changes direction all
    the time, because the force is always at right angles to the motion.
  - ``f ≠ 1``: an ellipse with the centre of the Earth (or Sun) at one focus, semi-major
    axis ``a = r₀ / (2 − f²)`` and eccentricity ``e = |f² − 1|``; the start is the
    nearest point (f > 1) or the farthest point (f < 1). Speed rises as the body falls
    inwards and falls as it climbs away: a change of speed goes with a change of
    orbital radius.
  - If the nearest point of the ellipse is inside the central body, the body hits the
    surface and the run stops there. ``f ≥ √2`` would escape; the model stops at 1.3.
* Period (Kepler's third law, beyond GCSE): ``T = 2π √(a³ / (G M))``; for a circle
  ``a = r`` and GCSE's ``v = 2πr / T`` follows.
* Conserved (the tests check both): energy per kilogram ``½ v² − G M / r`` (gravitational
  potential energy taken as zero far away, so it is negative; beyond GCSE) and angular
  momentum per kilogram ``r × v`` (beyond GCSE; Kepler's second law).

The motion is integrated with the classical fourth-order Runge–Kutta method at a fixed
time step (by default 1/4000 of the orbit's period), so the result does not depend on
how often a screen is redrawn.

Limits: a fixed, spherical central body; no air resistance (real low orbits decay
slowly), no other planets or moons, no relativity. Constants are published values:
G (CODATA 2018), masses and radii (NASA planetary fact sheets).
"""

from __future__ import annotations

from dataclasses import dataclass
import math

import numpy as np

from stemcpd.table import Table
from stemcpd.validation import check_choice, check_range

GRAVITATIONAL_CONSTANT = 6.6743e-11  # G, N m² kg⁻² (CODATA 2018)

# Central bodies: mass in kg, mean radius in m (NASA planetary fact sheets).
BODIES = {
    "Earth": {"mass_kg": 5.9722e24, "radius_m": 6.371e6},
    "Moon": {"mass_kg": 7.346e22, "radius_m": 1.7374e6},
    "Sun": {"mass_kg": 1.9885e30, "radius_m": 6.957e8},
}

ASTRONOMICAL_UNIT_M = 1.495978707e11  # the mean Earth–Sun distance (IAU 2012)
DAY_S = 86400.0
YEAR_S = 365.25 * DAY_S  # a Julian year

# The planets: semi-major axis (10⁶ km) and sidereal orbital period (days), from NASA's
# planetary fact sheets (nssdc.gsfc.nasa.gov); the data behind the Kepler's-third-law
# check and the workbook's table.
PLANETS = {
    "Mercury": (57.909, 87.969),
    "Venus": (108.209, 224.701),
    "Earth": (149.598, 365.256),
    "Mars": (227.956, 686.980),
    "Jupiter": (778.570, 4332.589),
    "Saturn": (1433.529, 10759.22),
    "Uranus": (2872.463, 30685.4),
    "Neptune": (4495.060, 60189.0),
}

MAXIMUM_SPEED_FRACTION = 1.3  # below √2 ≈ 1.414, the escape speed, so every orbit closes
DEFAULT_STEPS_PER_ORBIT = 4000


@dataclass(frozen=True)
class OrbitParams:
    """Everything that defines one launch. Validated on creation.

    Attributes:
        altitude_km: starting height above the central body's surface, in kilometres
            (km); (0, 5 000 000]. 400 km is about the International Space Station's;
            35 786 km is geostationary.
        speed_fraction: launch speed as a fraction of the circular-orbit speed at that
            height (no unit); (0, 1.3]. 1 gives a circular orbit. The launch is always
            at right angles to the line to the centre.
        central_body: the body orbited: ``"Earth"``, ``"Moon"`` or ``"Sun"``.
        satellite_mass_kg: mass of the orbiting body, in kilograms (kg); (0, 1e30].
            Changes the force of gravity on it, never its motion.
    """

    altitude_km: float = 400.0
    speed_fraction: float = 1.0
    central_body: str = "Earth"
    satellite_mass_kg: float = 1000.0

    def __post_init__(self):
        checks = {
            "altitude_km": check_range("altitude_km", self.altitude_km, 0, 5e9, unit="km"),
            "speed_fraction": check_range("speed_fraction", self.speed_fraction, 0, MAXIMUM_SPEED_FRACTION),
            "central_body": check_choice("central_body", self.central_body, BODIES),
            "satellite_mass_kg": check_range("satellite_mass_kg", self.satellite_mass_kg, 0, 1e30, unit="kg"),
        }
        for name, value in checks.items():
            object.__setattr__(self, name, value)

    @property
    def central_mass_kg(self) -> float:
        """Mass of the central body, kg."""
        return BODIES[self.central_body]["mass_kg"]

    @property
    def body_radius_m(self) -> float:
        """Mean radius of the central body, m."""
        return BODIES[self.central_body]["radius_m"]

    @property
    def surface_escape_speed_m_s(self) -> float:
        """Escape speed at the central body's surface, ``√(2GM/R)``, m/s: no run of this
        model goes faster (a launch at up to 1.3 × the circular speed has less energy
        than escape needs, so its speed stays below the escape speed wherever it is,
        and it never gets closer than the surface). A fixed scale for speed axes."""
        return math.sqrt(2.0 * GRAVITATIONAL_CONSTANT * self.central_mass_kg / self.body_radius_m)

    @property
    def start_radius_m(self) -> float:
        """Distance from the central body's centre at launch, m (radius + altitude)."""
        return self.body_radius_m + self.altitude_km * 1000.0


# ----- GCSE: speed = distance ÷ time round a circle ------------------------------------

def orbital_speed_m_s(radius_m: float, period_s: float) -> float:
    """Speed on a circular orbit from its radius and period, ``v = 2πr / T`` (GCSE:
    distance travelled in one orbit ÷ time for one orbit), m/s."""
    radius_m = check_range("radius_m", radius_m, 0, math.inf, unit="m")
    period_s = check_range("period_s", period_s, 0, math.inf, unit="s")
    return 2.0 * math.pi * radius_m / period_s


def orbital_speed_km_s(radius_km: float, period_hours: float) -> float:
    """``v = 2πr / T`` with the radius in km and the period in hours, answered in km/s."""
    radius_km = check_range("radius_km", radius_km, 0, math.inf, unit="km")
    period_hours = check_range("period_hours", period_hours, 0, math.inf, unit="h")
    return 2.0 * math.pi * radius_km / (period_hours * 3600.0)


def orbital_period_hours(radius_km: float, speed_km_s: float) -> float:
    """Time for one circular orbit, ``T = 2πr / v``, radius in km and speed in km/s,
    answered in hours."""
    radius_km = check_range("radius_km", radius_km, 0, math.inf, unit="km")
    speed_km_s = check_range("speed_km_s", speed_km_s, 0, math.inf, unit="km/s")
    return 2.0 * math.pi * radius_km / speed_km_s / 3600.0


def orbital_radius_km(speed_km_s: float, period_hours: float) -> float:
    """Radius of a circular orbit from its speed and period, ``r = vT / 2π``, km."""
    speed_km_s = check_range("speed_km_s", speed_km_s, 0, math.inf, unit="km/s")
    period_hours = check_range("period_hours", period_hours, 0, math.inf, unit="h")
    return speed_km_s * period_hours * 3600.0 / (2.0 * math.pi)


# ----- Beyond GCSE: Newton's gravity and Kepler's third law ---------------------------

def circular_speed_m_s(radius_m: float, central_mass_kg: float) -> float:
    """Speed of a circular orbit of radius ``r`` about mass ``M``, ``v = √(GM/r)``, m/s
    (beyond GCSE)."""
    radius_m = check_range("radius_m", radius_m, 0, math.inf, unit="m")
    central_mass_kg = check_range("central_mass_kg", central_mass_kg, 0, math.inf, unit="kg")
    return math.sqrt(GRAVITATIONAL_CONSTANT * central_mass_kg / radius_m)


def kepler_period_s(semi_major_axis_m: float, central_mass_kg: float) -> float:
    """Period of an orbit of semi-major axis ``a`` (the radius, for a circle) about mass
    ``M``, Kepler's third law ``T = 2π √(a³ / (GM))``, s (beyond GCSE)."""
    semi_major_axis_m = check_range("semi_major_axis_m", semi_major_axis_m, 0, math.inf, unit="m")
    central_mass_kg = check_range("central_mass_kg", central_mass_kg, 0, math.inf, unit="kg")
    return 2.0 * math.pi * math.sqrt(semi_major_axis_m**3 / (GRAVITATIONAL_CONSTANT * central_mass_kg))


def field_strength_n_kg(radius_m: float, central_mass_kg: float) -> float:
    """Gravitational field strength (force on each kilogram) at distance ``r`` from the
    centre, ``g = GM / r²``, N/kg (beyond GCSE)."""
    radius_m = check_range("radius_m", radius_m, 0, math.inf, unit="m")
    central_mass_kg = check_range("central_mass_kg", central_mass_kg, 0, math.inf, unit="kg")
    return GRAVITATIONAL_CONSTANT * central_mass_kg / radius_m**2


PLANET_HEADERS = ("planet", "distance from the Sun / million km", "published period / days",
                  "period from Kepler's third law / days", "orbital speed 2πr/T / km/s")


def planet_rows() -> list[list]:
    """Kepler's third law against the planets' published periods (NASA fact sheet), one
    row per planet in :data:`PLANET_HEADERS` order, numbers rounded for showing."""
    sun = BODIES["Sun"]["mass_kg"]
    rows = []
    for name, (distance_million_km, published_days) in PLANETS.items():
        radius_m = distance_million_km * 1e9
        kepler_days = kepler_period_s(radius_m, sun) / DAY_S
        speed_km_s = orbital_speed_m_s(radius_m, published_days * DAY_S) / 1000
        rows.append([name, f"{distance_million_km:,.1f}", f"{published_days:,.0f}", f"{kepler_days:,.0f}",
                     f"{speed_km_s:.1f}"])
    return rows


# ----- The launch, simulated -------------------------------------------------------------

@dataclass(frozen=True)
class OrbitRun:
    """One simulated orbit (or fall). Arrays share the index of ``times_s``; positions
    are measured from the centre of the central body, the launch point on the +x axis
    and the launch velocity along +y (anticlockwise).

    Attributes:
        params: the parameters it was run with.
        time_step_s: the Runge–Kutta step used, s.
        times_s: sample times, s, starting at 0.
        x_m, y_m: position, m.
        vx_m_s, vy_m_s: velocity, m/s.
        circular_speed_m_s: the circular-orbit speed at the launch radius, m/s.
        launch_speed_m_s: the launch speed, m/s.
        semi_major_axis_m: the ellipse's semi-major axis (the radius for a circle), m.
        eccentricity: 0 for a circle, towards 1 for a long thin ellipse.
        period_s: Kepler's-third-law period of the whole ellipse, s.
        nearest_m, farthest_m: nearest and farthest distances from the centre on the
            ellipse, m.
        hits_surface: whether the body meets the central body's surface.
    """

    params: OrbitParams
    time_step_s: float
    times_s: np.ndarray
    x_m: np.ndarray
    y_m: np.ndarray
    vx_m_s: np.ndarray
    vy_m_s: np.ndarray
    circular_speed_m_s: float
    launch_speed_m_s: float
    semi_major_axis_m: float
    eccentricity: float
    period_s: float
    nearest_m: float
    farthest_m: float
    hits_surface: bool

    @property
    def radius_m(self) -> np.ndarray:
        """Distance from the centre, m."""
        return np.hypot(self.x_m, self.y_m)

    @property
    def speed_m_s(self) -> np.ndarray:
        """Speed, m/s."""
        return np.hypot(self.vx_m_s, self.vy_m_s)

    @property
    def field_strength_n_kg(self) -> np.ndarray:
        """Gravitational field strength at the body, N/kg (the force on each kg)."""
        return GRAVITATIONAL_CONSTANT * self.params.central_mass_kg / self.radius_m**2

    @property
    def gravity_force_n(self) -> np.ndarray:
        """Size of the force of gravity on the orbiting body, N."""
        return self.params.satellite_mass_kg * self.field_strength_n_kg

    @property
    def kinetic_energy_per_kg(self) -> np.ndarray:
        """½ v², J/kg."""
        return 0.5 * self.speed_m_s**2

    @property
    def potential_energy_per_kg(self) -> np.ndarray:
        """−GM/r, J/kg (zero far away, so negative; beyond GCSE)."""
        return -GRAVITATIONAL_CONSTANT * self.params.central_mass_kg / self.radius_m

    @property
    def energy_per_kg(self) -> np.ndarray:
        """Total energy per kilogram, J/kg: constant for any orbit."""
        return self.kinetic_energy_per_kg + self.potential_energy_per_kg

    @property
    def angular_momentum_per_kg(self) -> np.ndarray:
        """r × v (z component), m²/s: constant for any orbit under a central force."""
        return self.x_m * self.vy_m_s - self.y_m * self.vx_m_s

    @property
    def duration_s(self) -> float:
        """How long the run lasts, s."""
        return float(self.times_s[-1])


def orbit_shape(params: OrbitParams) -> dict:
    """The exact ellipse a launch follows (beyond GCSE): semi-major axis, eccentricity,
    period, nearest and farthest distances from the centre, and whether it hits the
    surface."""
    r0 = params.start_radius_m
    f2 = params.speed_fraction**2
    semi_major = r0 / (2.0 - f2)
    eccentricity = abs(f2 - 1.0)
    nearest = semi_major * (1.0 - eccentricity)
    farthest = semi_major * (1.0 + eccentricity)
    return {
        "semi_major_axis_m": semi_major,
        "eccentricity": eccentricity,
        "period_s": kepler_period_s(semi_major, params.central_mass_kg),
        "nearest_m": nearest,
        "farthest_m": farthest,
        "hits_surface": nearest < params.body_radius_m,
    }


def simulate(params: OrbitParams | None = None, duration_s: float | None = None,
             time_step_s: float | None = None) -> OrbitRun:
    """Launch the body sideways and follow it, by default for one whole orbit (or until
    it hits the surface).

    Args:
        params: the launch; defaults to ``OrbitParams()``.
        duration_s: how long to follow it, s; defaults to one period. (0, 1e12].
        time_step_s: fixed Runge–Kutta step, s; defaults to 1/4000 of the period. Must
            be in (0, duration_s].

    Returns:
        An :class:`OrbitRun` sampled at every step (the last sample lands on the
        duration, or on the surface where the body hits it).

    Raises:
        ValueError: naming the parameter and its allowed range.
    """
    params = OrbitParams() if params is None else params
    shape = orbit_shape(params)
    period = shape["period_s"]
    if duration_s is None:
        duration_s = period
    duration_s = check_range("duration_s", duration_s, 0, 1e12, unit="s")
    if time_step_s is None:
        time_step_s = min(period / DEFAULT_STEPS_PER_ORBIT, duration_s)
    time_step_s = check_range("time_step_s", time_step_s, 0, duration_s, unit="s")

    gm = GRAVITATIONAL_CONSTANT * params.central_mass_kg
    surface = params.body_radius_m
    r0 = params.start_radius_m
    v_circular = math.sqrt(gm / r0)
    steps = math.ceil(duration_s / time_step_s - 1e-9)
    times = np.minimum(np.arange(steps + 1) * time_step_s, duration_s)
    x, y, vx, vy = r0, 0.0, 0.0, params.speed_fraction * v_circular
    sqrt = math.sqrt
    steps_h = np.diff(times).tolist()
    # Plain floats and Python lists in the inner loop (the acceleration written out four
    # times): a four-number state gains nothing from numpy per step, and indexing numpy
    # arrays element by element costs more than the arithmetic.
    rows = [(x, y, vx, vy)]
    append = rows.append
    hit = False
    for h in steps_h:
        half = 0.5 * h
        r = sqrt(x * x + y * y)
        k = -gm / (r * r * r)
        a1x, a1y = k * x, k * y
        x2, y2, vx2, vy2 = x + half * vx, y + half * vy, vx + half * a1x, vy + half * a1y
        r = sqrt(x2 * x2 + y2 * y2)
        k = -gm / (r * r * r)
        a2x, a2y = k * x2, k * y2
        x3, y3, vx3, vy3 = x + half * vx2, y + half * vy2, vx + half * a2x, vy + half * a2y
        r = sqrt(x3 * x3 + y3 * y3)
        k = -gm / (r * r * r)
        a3x, a3y = k * x3, k * y3
        x4, y4, vx4, vy4 = x + h * vx3, y + h * vy3, vx + h * a3x, vy + h * a3y
        r = sqrt(x4 * x4 + y4 * y4)
        k = -gm / (r * r * r)
        a4x, a4y = k * x4, k * y4
        sixth = h / 6.0
        x += sixth * (vx + 2.0 * vx2 + 2.0 * vx3 + vx4)
        y += sixth * (vy + 2.0 * vy2 + 2.0 * vy3 + vy4)
        vx += sixth * (a1x + 2.0 * a2x + 2.0 * a3x + a4x)
        vy += sixth * (a1y + 2.0 * a2y + 2.0 * a3y + a4y)
        append((x, y, vx, vy))
        if sqrt(x * x + y * y) <= surface:
            hit = True
            break
    states = np.array(rows)
    last = len(rows) - 1
    if hit:
        # Stop on the surface: interpolate the last step back to r = R.
        index = last
        h = steps_h[index - 1]
        r_before = math.hypot(*states[index - 1, :2])
        r_after = math.hypot(*states[index, :2])
        fraction = (r_before - surface) / (r_before - r_after)
        states[index] = states[index - 1] + fraction * (states[index] - states[index - 1])
        times = times.copy()
        times[index] = times[index - 1] + fraction * h
    states = states[: last + 1]
    return OrbitRun(
        params=params,
        time_step_s=float(time_step_s),
        times_s=times[: last + 1],
        x_m=states[:, 0].copy(),
        y_m=states[:, 1].copy(),
        vx_m_s=states[:, 2].copy(),
        vy_m_s=states[:, 3].copy(),
        circular_speed_m_s=v_circular,
        launch_speed_m_s=params.speed_fraction * v_circular,
        semi_major_axis_m=shape["semi_major_axis_m"],
        eccentricity=shape["eccentricity"],
        period_s=period,
        nearest_m=shape["nearest_m"],
        farthest_m=shape["farthest_m"],
        hits_surface=bool(shape["hits_surface"]),
    )


def time_words(seconds: float) -> str:
    """A duration in the unit that reads best: minutes, hours, days or years."""
    if seconds < 2 * 3600:
        return f"{seconds / 60:.1f} minutes"
    if seconds < 3 * DAY_S:
        return f"{seconds / 3600:.1f} hours"
    if seconds < 2 * YEAR_S:
        return f"{seconds / DAY_S:.1f} days"
    return f"{seconds / YEAR_S:.1f} years"


def describe(run: OrbitRun) -> str:
    """One or two sentences a screen reader can speak about this run."""
    p = run.params
    body = p.central_body if p.central_body != "Moon" else "the Moon"
    body = "the Earth" if body == "Earth" else ("the Sun" if body == "Sun" else body)
    start = (
        f"Launched sideways {p.altitude_km:,.0f} km above {body} at {p.speed_fraction:.2f} times the "
        f"circular-orbit speed ({run.launch_speed_m_s / 1000:.2f} km/s), "
    )
    if run.hits_surface:
        return start + (
            f"the satellite is too slow to stay up: gravity pulls it into a curve that meets the surface "
            f"after {time_words(run.duration_s)}, at {run.speed_m_s[-1] / 1000:.2f} km/s. "
            f"The force of gravity always points to the centre of {body}."
        )
    if abs(p.speed_fraction - 1.0) < 1e-9:
        return start + (
            f"it follows a circular orbit of radius {p.start_radius_m / 1000:,.0f} km with a period of "
            f"{time_words(run.period_s)}. Its speed stays {run.launch_speed_m_s / 1000:.2f} km/s but its "
            f"velocity keeps changing direction, because the force of gravity always points to the centre, "
            f"at right angles to the motion."
        )
    height_near = (run.nearest_m - p.body_radius_m) / 1000
    height_far = (run.farthest_m - p.body_radius_m) / 1000
    return start + (
        f"it follows an ellipse from {height_near:,.0f} km to {height_far:,.0f} km above the surface, "
        f"with a period of {time_words(run.period_s)}. Its speed changes from "
        f"{run.speed_m_s.max() / 1000:.2f} km/s at the nearest point to {run.speed_m_s.min() / 1000:.2f} km/s "
        f"at the farthest: speed changes only when the distance from the centre changes."
    )


def to_table(run: OrbitRun) -> Table:
    """The run as a table: time, position, distance, speed and the force of gravity."""
    return Table.from_columns(
        [
            ("time", "s", run.times_s),
            ("x", "km", run.x_m / 1000),
            ("y", "km", run.y_m / 1000),
            ("distance from centre", "km", run.radius_m / 1000),
            ("speed", "km/s", run.speed_m_s / 1000),
            ("force of gravity", "N", run.gravity_force_n),
        ],
        title=(f"Orbit around the {run.params.central_body}: launched {run.params.altitude_km:g} km up "
               f"at {run.params.speed_fraction:g} × circular speed"),
    )
