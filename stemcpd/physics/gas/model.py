"""Kinetic model of a gas: hard discs in a square box (two dimensions).

Physics (MODEL.md beside this file has the teacher's version):

* ``N`` identical discs (mass ``m``, diameter ``d``) move in straight lines in a square
  box of side ``L``. They collide elastically with each other and with the walls; there
  are no other forces (an ideal gas whose particles have size).
* Disc–disc collision, equal masses: at contact the unit vector from disc i to disc j
  is ``n``; the velocity components along ``n`` are exchanged and the components across
  it are unchanged:  ``vᵢ' = vᵢ + ((vⱼ − vᵢ)·n) n``, ``vⱼ' = vⱼ − ((vⱼ − vᵢ)·n) n``.
  Momentum and kinetic energy are conserved exactly.
* Wall collision: the velocity component across the wall reverses; the wall receives
  an impulse ``2 m |v⊥|``. In two dimensions pressure is force per unit length of wall,
  ``P = (total impulse) / (perimeter × time)``, in N/m.
* Temperature (equipartition in 2D, two degrees of freedom): ``⟨½ m v²⟩ = k T``. The
  start has exactly this kinetic temperature and zero net momentum
  (:func:`stemcpd.thermal.thermal_velocities`, shared with the rates box).
* Uncertainty of a run's pressure: from the virial identity for hard discs in a box,
  see :func:`wall_pressure_uncertainty`; every readout states it and compares the
  pressure with Henderson's value below (agreement: within twice the uncertainty).
* Ideal-gas law in 2D: ``P A = N k T``. For discs of finite size the excluded area
  raises the pressure; Henderson's equation of state for hard discs,
  ``P A / (N k T) = (1 + φ²/8) / (1 − φ)²`` with area fraction ``φ = N π d² / (4 A)``,
  is accurate to better than 1 % for φ < 0.5 (D. Henderson, Mol. Phys. 30, 971 (1975)).
  At low density it is ``1 + 2φ`` (the second virial coefficient of discs, πd²/2).
* Equilibrium speeds follow the 2D Maxwell–Boltzmann distribution
  ``f(v) = (m v / kT) exp(−m v² / (2kT))``, whose cumulative form is
  ``F(v) = 1 − exp(−m v² / (2kT))``.

Numerical method: fixed time steps. Every step moves all discs, reflects those that
crossed a wall, then finds overlapping discs by sort-and-sweep along x (numpy, no
per-pair Python loop). Each overlapping pair that is approaching is wound back to the
instant of contact (solving |r − v τ| = d for τ), collided there exactly along the line
of centres, and moved forward again; so collision geometry does not depend on the step.
A disc in two overlapping pairs has them handled one after the other.
With the default step (a typical disc moves a quarter of a diameter) a run is computed
in nm per step, which makes it one run for every temperature and particle mass (the
same paths, traversed faster or slower); :func:`simulate` scales its times and speeds.

Units: positions in nanometres (nm), velocities in nm/ps (1 nm/ps = 1000 m/s), times in
picoseconds (ps); results are reported in SI (m/s, N/m, J). The default particle is
argon: m = 6.63 × 10⁻²⁶ kg, d = 0.34 nm (its Lennard-Jones diameter).

Limits: two dimensions, hard discs (no attraction, so no condensation), equal masses,
classical mechanics; a collision so glancing that the discs never overlap at the end of
a step can be missed (the default step moves a typical disc a quarter of a diameter).
"""

from __future__ import annotations

from dataclasses import dataclass
import math

import numpy as np

from stemcpd.practical import Agreement, compare_with_theory, make_rng, with_uncertainty
from stemcpd.table import Table
from stemcpd.thermal import thermal_velocities
from stemcpd.validation import check_count, check_range

BOLTZMANN_J_K = 1.380649e-23
ARGON_MASS_KG = 6.63e-26
ARGON_DIAMETER_NM = 0.34
MAX_AREA_FRACTION = 0.3
STARTS = ("equal_speeds", "maxwell_boltzmann")
NM_PER_PS_IN_M_S = 1000.0
DEFAULT_STEP_FRACTION = 0.25  # a disc at the rms speed moves this many diameters per step
KS_CRITICAL_5_PERCENT = 1.36  # KS distance exceeded by chance 5 % of the time is 1.36/√n (Massey 1951)


@dataclass(frozen=True)
class GasParams:
    """One box of gas. Validated on creation.

    Attributes:
        number_of_particles: how many discs; whole number in [2, 5000].
        temperature_k: temperature in kelvin (K); (0, 10000]. Sets the starting kinetic
            energy exactly: mean ½mv² = kT.
        box_side_nm: side of the square box in nanometres (nm); (0, 1000], and big
            enough that the discs cover at most 30 % of the area.
        particle_mass_kg: mass of one disc in kilograms (kg); (0, 1e-20]. Argon by default.
        particle_diameter_nm: diameter of one disc in nanometres (nm); (0, 10].
        start: ``"equal_speeds"`` (every disc at the rms speed, random directions — not
            a Maxwell–Boltzmann start) or ``"maxwell_boltzmann"``.
        seed: seed for the starting positions and velocities; whole number ≥ 0.
    """

    number_of_particles: int = 400
    temperature_k: float = 300.0
    box_side_nm: float = 30.0
    particle_mass_kg: float = ARGON_MASS_KG
    particle_diameter_nm: float = ARGON_DIAMETER_NM
    start: str = "equal_speeds"
    seed: int = 0

    def __post_init__(self):
        object.__setattr__(self, "number_of_particles",
                           check_count("number_of_particles", self.number_of_particles, 2, 5000))
        checks = {
            "temperature_k": check_range("temperature_k", self.temperature_k, 0, 10000, unit="K"),
            "box_side_nm": check_range("box_side_nm", self.box_side_nm, 0, 1000, unit="nm"),
            "particle_mass_kg": check_range("particle_mass_kg", self.particle_mass_kg, 0, 1e-20, unit="kg"),
            "particle_diameter_nm": check_range(
                "particle_diameter_nm", self.particle_diameter_nm, 0, 10, unit="nm"),
        }
        for name, value in checks.items():
            object.__setattr__(self, name, value)
        object.__setattr__(self, "seed", check_count("seed", self.seed, 0, 2**32 - 1))
        if self.start not in STARTS:
            raise ValueError(f"start must be one of {STARTS}, got {self.start!r}")
        smallest = minimum_box_side_nm(self.number_of_particles, self.particle_diameter_nm)
        if self.box_side_nm < smallest:
            raise ValueError(
                f"box_side_nm must be in [{smallest:.3g}, 1000] nm for {self.number_of_particles} discs of "
                f"{self.particle_diameter_nm:g} nm (area fraction at most {MAX_AREA_FRACTION:g}), "
                f"got {self.box_side_nm:g}"
            )

    @property
    def area_m2(self) -> float:
        """Area of the box, m²."""
        return (self.box_side_nm * 1e-9) ** 2

    @property
    def accessible_area_m2(self) -> float:
        """Area the disc centres can reach, (L − d)², m² (used for the gas laws)."""
        return ((self.box_side_nm - self.particle_diameter_nm) * 1e-9) ** 2

    @property
    def area_fraction(self) -> float:
        """Fraction of the accessible area the discs cover, φ = N π d² / (4 A)."""
        d = self.particle_diameter_nm * 1e-9
        return self.number_of_particles * math.pi * d * d / 4.0 / self.accessible_area_m2

    @property
    def rms_speed_m_s(self) -> float:
        """Root-mean-square speed in 2D, √(2kT/m), m/s."""
        return math.sqrt(2.0 * BOLTZMANN_J_K * self.temperature_k / self.particle_mass_kg)


def minimum_box_side_nm(number_of_particles: int, particle_diameter_nm: float = ARGON_DIAMETER_NM) -> float:
    """Smallest box side (nm) that keeps the area fraction at or below 0.3 and leaves
    room to place the discs on a grid without overlaps."""
    d = particle_diameter_nm
    by_area = math.sqrt(number_of_particles * math.pi * d * d / 4.0 / MAX_AREA_FRACTION) + d
    by_grid = math.ceil(math.sqrt(number_of_particles)) * d * 1.05 + d
    return max(by_area, by_grid)


@dataclass(frozen=True)
class GasState:
    """Positions (nm) and velocities (nm/ps, 1 nm/ps = 1000 m/s) of every disc, shape (N, 2).

    The box runs from 0 to ``box_side_nm`` in x and y; disc centres stay within
    [d/2, L − d/2].
    """

    positions_nm: np.ndarray
    velocities_nm_ps: np.ndarray


def initial_state(params: GasParams) -> GasState:
    """Seeded, non-overlapping start: discs on randomly chosen cells of a square grid
    (jittered inside their cell), velocities for ``params.temperature_k``.

    The velocities come from :func:`stemcpd.thermal.thermal_velocities`: zero net
    momentum and a mean kinetic energy of exactly kT (for the equal-speeds start, every
    speed is exactly √(2kT/m), the directions in opposite pairs).
    """
    rng = make_rng(params.seed)
    n, d, side = params.number_of_particles, params.particle_diameter_nm, params.box_side_nm
    cells_per_side = math.ceil(math.sqrt(n))
    cell = (side - d) / cells_per_side
    chosen = rng.choice(cells_per_side * cells_per_side, size=n, replace=False)
    column, row = chosen % cells_per_side, chosen // cells_per_side
    slack = cell - d  # > 0 by minimum_box_side_nm: discs in neighbouring cells never touch
    jitter = rng.uniform(0.0, slack, size=(n, 2))
    positions = np.column_stack([column, row]) * cell + d / 2.0 + d / 2.0 + jitter
    positions = np.clip(positions, d / 2.0, side - d / 2.0)

    velocities = thermal_velocities(rng, n, params.temperature_k, params.particle_mass_kg, NM_PER_PS_IN_M_S,
                                    start=params.start)
    return GasState(positions, velocities)


def default_time_step_ps(params: GasParams) -> float:
    """A disc at the rms speed moves a quarter of a diameter per step, ps."""
    return DEFAULT_STEP_FRACTION * params.particle_diameter_nm / (params.rms_speed_m_s / NM_PER_PS_IN_M_S)


# ----- the vectorised engine -------------------------------------------------------------

def overlapping_pairs(positions_nm: np.ndarray, diameter_nm: float) -> tuple[np.ndarray, np.ndarray]:
    """Every pair (i, j), i ≠ j, whose centres are closer than ``diameter_nm``.

    Sort-and-sweep: discs are sorted by x; the sweep compares each disc with the k-th
    next one for k = 1, 2, … and stops at the first k for which no pair is within a
    diameter in x (sorting guarantees none further on can be). Cost ~ N × (discs in a
    strip one diameter wide), all in numpy.

    Returns:
        Two index arrays of equal length (each pair once, in no particular order).
    """
    order = np.argsort(positions_nm[:, 0], kind="stable")
    xs = positions_nm[order, 0]
    ys = positions_nm[order, 1]
    count = len(xs)
    # All the shifts at once: disc i (in x order) is compared with the next c_i discs,
    # those whose x is within a diameter (searched with a hair of slack, then the same
    # test as one shift at a time: x_j − x_i < d). Pairs come out shift by shift, as
    # the loop over shifts listed them (the collision rounds depend on that order).
    ends = np.searchsorted(xs, xs + diameter_nm * (1.0 + 1e-9) + 1e-300, side="left")
    reach = ends - np.arange(1, count + 1)
    total = int(reach.sum())
    if total == 0:
        empty = np.empty(0, dtype=np.intp)
        return empty, empty
    start = np.repeat(np.arange(count), reach)
    end = np.arange(total) - np.repeat(np.cumsum(reach) - reach - np.arange(count), reach) + 1  # i + shift
    dx = xs[end] - xs[start]
    dy = ys[end] - ys[start]
    hit = np.flatnonzero((dx < diameter_nm) & (dx * dx + dy * dy < diameter_nm * diameter_nm))
    start, end = start[hit], end[hit]
    by_shift = np.lexsort((start, end - start))  # shift-major, then by i, as the loop listed them
    return order[start[by_shift]], order[end[by_shift]]


def _collide_pairs(positions, velocities, first, second, diameter, time_step) -> int:
    """Collide approaching overlapping pairs in place (see module docstring). Returns
    the number of collisions. Pairs sharing a disc are done in successive rounds."""
    collisions = 0
    while first.size:
        separation = positions[second] - positions[first]
        relative = velocities[second] - velocities[first]
        closing = np.einsum("ij,ij->i", separation, relative)
        speed2 = np.maximum(np.einsum("ij,ij->i", relative, relative), 1e-300)
        distance2 = np.einsum("ij,ij->i", separation, separation)
        discriminant = np.maximum(closing * closing - speed2 * (distance2 - diameter * diameter), 0.0)
        # Time since the discs first touched (the positive root of |r − v τ| = d).
        since_contact = (closing + np.sqrt(discriminant)) / speed2
        # Collide if approaching now, or if they touched during this step and are
        # already moving apart again (a glancing contact that began mid-step).
        due = (closing < 0.0) | (since_contact <= time_step)
        first, second = first[due], second[due]
        if first.size == 0:
            break
        separation, relative, since_contact = separation[due], relative[due], since_contact[due]
        # A disc may appear in several pairs: this round takes each pair whose two discs
        # appear in no earlier-listed pair, the rest wait for the next round.
        count = first.size
        pair_index = np.arange(count)
        first_pair_of = np.full(len(positions), count, dtype=np.intp)
        np.minimum.at(first_pair_of, first, pair_index)
        np.minimum.at(first_pair_of, second, pair_index)
        free = (first_pair_of[first] == pair_index) & (first_pair_of[second] == pair_index)
        i, j = first[free], second[free]
        separation, relative = separation[free], relative[free]
        since_contact = np.minimum(since_contact[free], time_step)
        at_contact = separation - relative * since_contact[:, None]
        normal = at_contact / np.linalg.norm(at_contact, axis=1)[:, None]
        normal_speed = np.einsum("ij,ij->i", relative, normal)  # < 0: approaching at contact
        kick = normal_speed[:, None] * normal
        velocities[i] += kick
        velocities[j] -= kick
        # Positions now = contact + v τ; with the new velocities they are contact + v' τ.
        positions[i] += kick * since_contact[:, None]
        positions[j] -= kick * since_contact[:, None]
        collisions += i.size
        first, second = first[~free], second[~free]
    return collisions


def _reflect_walls(positions, velocities, radius, side) -> float:
    """Reflect discs that crossed a wall, in place. Returns Σ|v⊥| of the reflected
    velocity components (nm/ps); the wall impulse is 2m times this."""
    low, high = radius, side - radius
    out_low = (positions < low) & (velocities < 0.0)
    out_high = (positions > high) & (velocities > 0.0)
    total = float(np.abs(velocities[out_low]).sum() + np.abs(velocities[out_high]).sum())
    positions[out_low] = 2.0 * low - positions[out_low]
    positions[out_high] = 2.0 * high - positions[out_high]
    velocities[out_low | out_high] *= -1.0
    return total


def advance(positions, velocities, time_step_ps, box_side_nm, diameter_nm, steps=1) -> tuple[float, int]:
    """Move the gas on by ``steps`` steps of ``time_step_ps``, IN PLACE (the fast path
    :func:`simulate` uses).

    Returns:
        ``(wall_sum_nm_ps, collisions)``: the sum of |v⊥| over all wall hits (the wall
        impulse is 2m times it) and the number of disc–disc collisions.
    """
    wall_sum, collisions = 0.0, 0
    radius = diameter_nm / 2.0
    for _ in range(steps):
        positions += velocities * time_step_ps
        wall_sum += _reflect_walls(positions, velocities, radius, box_side_nm)
        first, second = overlapping_pairs(positions, diameter_nm)
        if first.size:
            collisions += _collide_pairs(positions, velocities, first, second, diameter_nm, time_step_ps)
    return wall_sum, collisions


def step(state: GasState, params: GasParams, time_step_ps: float | None = None) -> tuple[GasState, float]:
    """One time step, as a pure function.

    Returns:
        ``(new_state, wall_impulse_n_s)``: the state after the step and the impulse the
        walls received during it, in newton seconds (N s).
    """
    time_step_ps = default_time_step_ps(params) if time_step_ps is None else time_step_ps
    positions = np.array(state.positions_nm, dtype=float)
    velocities = np.array(state.velocities_nm_ps, dtype=float)
    wall_sum, _ = advance(positions, velocities, time_step_ps, params.box_side_nm, params.particle_diameter_nm)
    return GasState(positions, velocities), 2.0 * params.particle_mass_kg * wall_sum * NM_PER_PS_IN_M_S


# ----- runs, references, descriptions -----------------------------------------------------

@dataclass(frozen=True)
class GasRun:
    """A recorded run. Frame arrays share the index of ``times_ps`` (frames + 1 entries);
    interval arrays have one entry per gap between frames.

    Attributes:
        params: the parameters it was run with.
        time_step_ps: the fixed step, ps.
        steps_per_frame: steps between recorded frames.
        times_ps: time of each frame, ps.
        positions_nm: disc centres at each frame, nm, shape (frames + 1, N, 2).
        speeds_m_s: speed of every disc at each frame, m/s, shape (frames + 1, N).
        kinetic_energy_j: total kinetic energy at each frame, J.
        interval_pressure_n_m: wall-impulse pressure over each interval, N/m.
        collisions_per_particle: disc–disc collisions per disc so far, at each frame.
        pressure_n_m: wall-impulse pressure over the whole run, N/m.
        ideal_pressure_n_m: ideal-gas law N k T / A (A the accessible area), N/m.
        hard_disc_pressure_n_m: Henderson's hard-disc pressure (excluded area), N/m.
        pressure_uncertainty_n_m: standard uncertainty of ``pressure_n_m`` from the run
            itself, N/m (see :func:`wall_pressure_uncertainty`); NaN if not known.
    """

    params: GasParams
    time_step_ps: float
    steps_per_frame: int
    times_ps: np.ndarray
    positions_nm: np.ndarray
    speeds_m_s: np.ndarray
    kinetic_energy_j: np.ndarray
    interval_pressure_n_m: np.ndarray
    collisions_per_particle: np.ndarray
    pressure_n_m: float
    ideal_pressure_n_m: float
    hard_disc_pressure_n_m: float
    pressure_uncertainty_n_m: float = math.nan

    @property
    def frames(self) -> int:
        """Number of intervals recorded (frames − 1)."""
        return len(self.times_ps) - 1

    def expected_speed_counts(self, speeds_m_s, bin_width_m_s: float) -> np.ndarray:
        """Discs expected in a histogram bin of width ``bin_width_m_s`` centred at each
        speed, by the 2D Maxwell–Boltzmann distribution at the run's temperature:
        N Δv f(v) (the curve the speed histogram is drawn against)."""
        p = self.params
        return p.number_of_particles * bin_width_m_s * maxwell_boltzmann_2d(
            speeds_m_s, p.temperature_k, p.particle_mass_kg)

    def frame_at(self, time_ps: float) -> int:
        """Index of the frame nearest ``time_ps``."""
        return int(np.clip(round(time_ps / (self.times_ps[-1] / self.frames)), 0, self.frames))

    def pressure_with_error(self, skip_fraction: float = 0.0, blocks: int = 10) -> tuple[float, float]:
        """Mean pressure (N/m) over the run after ``skip_fraction`` of it, and its
        standard error from ``blocks`` block averages."""
        start = int(round(skip_fraction * self.frames))
        values = self.interval_pressure_n_m[start:]
        usable = len(values) // blocks * blocks
        if usable < blocks:
            raise ValueError(f"need at least {blocks} intervals after skipping, got {len(values)}")
        block_means = values[len(values) - usable:].reshape(blocks, -1).mean(axis=1)
        return float(values.mean()), float(block_means.std(ddof=1) / math.sqrt(blocks))


    @property
    def pressure_agreement(self) -> Agreement:
        """The run's pressure against Henderson's hard-disc value (the theory for discs
        that take up room; the ideal-gas law leaves that out)."""
        return compare_with_theory(self.pressure_n_m, self.pressure_uncertainty_n_m, self.hard_disc_pressure_n_m)


def wall_pressure_uncertainty(params: GasParams, start: GasState, end: GasState, duration_ps: float) -> float:
    """Standard uncertainty of the wall-impulse pressure averaged over a run, N/m.

    Why not block averages: a disc that has just hit a wall cannot hit it again until it
    has crossed the box (about 100 ps for argon in a 30 nm box, as long as a whole app
    run), so the pressures of neighbouring intervals are anticorrelated and block
    averages overstate the uncertainty two- to threefold. Instead, the exact virial
    identity for hard discs in a box with walls (centre of the box as origin),

        P = N k T_kin / A + W / (2 A τ) − [G(τ) − G(0)] / (2 A τ),   G = Σ m (r − r_c)·v,

    (W the disc–disc collision virial, A the accessible area, τ the run's length)
    shows that with the kinetic energy fixed, the run-to-run scatter of the wall
    pressure comes from G at the two ends (and, much less in a dilute gas, from W).
    G(0) and G(τ) are independent once τ is longer than a few collision times, and each
    has variance Σ m² [(x − x_c)² v_x² + (y − y_c)² v_y²], estimated from that state.
    The small collision-virial scatter is left out, so in dense gases this is a slight
    underestimate.
    """
    def variance(state: GasState) -> float:
        offset_m = (np.asarray(state.positions_nm) - params.box_side_nm / 2.0) * 1e-9
        velocity_m_s = np.asarray(state.velocities_nm_ps) * NM_PER_PS_IN_M_S
        return float(np.sum((params.particle_mass_kg * offset_m * velocity_m_s) ** 2))

    duration_s = duration_ps * 1e-12
    if not duration_s > 0:
        return math.nan
    return math.sqrt(variance(start) + variance(end)) / (2.0 * params.accessible_area_m2 * duration_s)


def ideal_gas_pressure(params: GasParams) -> float:
    """Ideal-gas law in 2D, P = N k T / A, N/m (A: the area the centres can reach)."""
    return params.number_of_particles * BOLTZMANN_J_K * params.temperature_k / params.accessible_area_m2


def hard_disc_compressibility(area_fraction: float) -> float:
    """Henderson's hard-disc equation of state, P A / (N k T) = (1 + φ²/8) / (1 − φ)²."""
    phi = check_range("area_fraction", area_fraction, 0, 0.9, low_open=False)
    return (1.0 + phi * phi / 8.0) / (1.0 - phi) ** 2


def hard_disc_pressure(params: GasParams) -> float:
    """Pressure of hard discs including the excluded-area correction, N/m."""
    return ideal_gas_pressure(params) * hard_disc_compressibility(params.area_fraction)


def maxwell_boltzmann_2d(speeds_m_s, temperature_k: float, mass_kg: float = ARGON_MASS_KG) -> np.ndarray:
    """2D Maxwell–Boltzmann speed distribution f(v) = (m v / kT) exp(−m v² / 2kT), in s/m."""
    v = np.asarray(speeds_m_s, dtype=float)
    a = mass_kg / (BOLTZMANN_J_K * temperature_k)
    return a * v * np.exp(-0.5 * a * v * v)


def maxwell_boltzmann_2d_cdf(speeds_m_s, temperature_k: float, mass_kg: float = ARGON_MASS_KG) -> np.ndarray:
    """Fraction of discs slower than v: F(v) = 1 − exp(−m v² / 2kT)."""
    v = np.asarray(speeds_m_s, dtype=float)
    return -np.expm1(-0.5 * mass_kg * v * v / (BOLTZMANN_J_K * temperature_k))


def ks_distance(speeds_m_s, temperature_k: float, mass_kg: float = ARGON_MASS_KG) -> float:
    """Kolmogorov–Smirnov distance between the speeds and the 2D Maxwell–Boltzmann
    distribution (0: identical; about 1.36/√N is the 5 % critical value)."""
    v = np.sort(np.asarray(speeds_m_s, dtype=float))
    n = v.size
    model = maxwell_boltzmann_2d_cdf(v, temperature_k, mass_kg)
    above = np.arange(1, n + 1) / n - model
    below = model - np.arange(0, n) / n
    return float(max(above.max(), below.max()))


def simulate(
    params: GasParams | None = None,
    steps: int = 500,
    frames: int = 100,
    time_step_ps: float | None = None,
    state: GasState | None = None,
) -> GasRun:
    """Run the gas for ``steps`` steps, recording ``frames`` + 1 evenly spaced frames.

    Args:
        params: the gas; defaults to ``GasParams()``.
        steps: number of time steps; whole number in [1, 10⁶], a multiple of ``frames``
            (rounded up to one).
        frames: recorded intervals; whole number in [1, 10⁴].
        time_step_ps: fixed step, ps; defaults to :func:`default_time_step_ps`.
        state: starting state; defaults to :func:`initial_state` (seeded).

    Raises:
        ValueError: naming the parameter and its allowed range.
    """
    params = GasParams() if params is None else params
    steps = check_count("steps", steps, 1, 1_000_000)
    frames = check_count("frames", frames, 1, 10_000)
    frames = min(frames, steps)
    default_step = time_step_ps is None
    if default_step:
        time_step_ps = default_time_step_ps(params)
    time_step_ps = check_range("time_step_ps", time_step_ps, 0, 1000, unit="ps")
    steps_per_frame = math.ceil(steps / frames)
    n = params.number_of_particles
    if state is None and default_step:
        # The run in steps (see _run_in_steps): shared by every temperature and mass.
        recorded = _run_in_steps(n, params.box_side_nm, params.particle_diameter_nm, params.start, params.seed,
                                 frames, steps_per_frame)
        nm_ps_per_unit = 1.0 / time_step_ps  # its velocities are in nm per step
    else:
        state = initial_state(params) if state is None else state
        positions = np.array(state.positions_nm, dtype=float)
        velocities = np.array(state.velocities_nm_ps, dtype=float)
        if positions.shape != (n, 2) or velocities.shape != (n, 2):
            raise ValueError(f"state must hold ({n}, 2) positions and velocities for {n} particles")
        recorded = _record(positions, velocities, time_step_ps, params.box_side_nm, params.particle_diameter_nm,
                           frames, steps_per_frame)
        nm_ps_per_unit = 1.0
    start_velocities = recorded.start_velocities * nm_ps_per_unit
    end_velocities = recorded.end_velocities * nm_ps_per_unit

    speeds_m_s = recorded.speeds * (nm_ps_per_unit * NM_PER_PS_IN_M_S)
    wall_sums = recorded.wall_sums * nm_ps_per_unit
    interval_s = steps_per_frame * time_step_ps * 1e-12
    perimeter_m = 4.0 * (params.box_side_nm - params.particle_diameter_nm) * 1e-9
    interval_pressure = 2.0 * params.particle_mass_kg * wall_sums * NM_PER_PS_IN_M_S / (perimeter_m * interval_s)
    return GasRun(
        params=params,
        time_step_ps=float(time_step_ps),
        steps_per_frame=steps_per_frame,
        times_ps=np.arange(frames + 1) * steps_per_frame * time_step_ps,
        positions_nm=recorded.positions.copy(),
        speeds_m_s=speeds_m_s,
        kinetic_energy_j=0.5 * params.particle_mass_kg * np.sum(speeds_m_s**2, axis=1),
        interval_pressure_n_m=interval_pressure,
        collisions_per_particle=2.0 * recorded.collisions / n,
        pressure_n_m=float(interval_pressure.mean()),
        ideal_pressure_n_m=ideal_gas_pressure(params),
        hard_disc_pressure_n_m=hard_disc_pressure(params),
        pressure_uncertainty_n_m=wall_pressure_uncertainty(
            params, GasState(recorded.start_positions, start_velocities), GasState(recorded.end_positions, end_velocities),
            frames * steps_per_frame * time_step_ps),
    )


@dataclass(frozen=True)
class _Recorded:
    """What :func:`_record` keeps of a run, velocities in the unit the run used."""

    positions: np.ndarray
    speeds: np.ndarray
    wall_sums: np.ndarray
    collisions: np.ndarray
    start_positions: np.ndarray
    start_velocities: np.ndarray
    end_positions: np.ndarray
    end_velocities: np.ndarray


def _record(positions, velocities, time_step, box_side_nm, diameter_nm, frames, steps_per_frame) -> _Recorded:
    """Advance copies of ``positions``/``velocities`` frame by frame, recording each frame."""
    start_positions, start_velocities = positions, velocities
    positions, velocities = np.array(positions, dtype=float), np.array(velocities, dtype=float)
    n = len(positions)
    all_positions = np.empty((frames + 1, n, 2))
    speeds = np.empty((frames + 1, n))
    wall_sums = np.empty(frames)
    collisions = np.zeros(frames + 1)
    all_positions[0] = positions
    speeds[0] = np.hypot(velocities[:, 0], velocities[:, 1])
    for frame in range(1, frames + 1):
        wall_sum, hits = advance(positions, velocities, time_step, box_side_nm, diameter_nm, steps_per_frame)
        wall_sums[frame - 1] = wall_sum
        collisions[frame] = collisions[frame - 1] + hits
        all_positions[frame] = positions
        speeds[frame] = np.hypot(velocities[:, 0], velocities[:, 1])
    return _Recorded(all_positions, speeds, wall_sums, collisions, start_positions, start_velocities,
                     positions, velocities)


_RUNS_IN_STEPS: dict = {}
RUNS_IN_STEPS_KEPT = 8
_REFERENCE_TEMPERATURE_K = 300.0


def _run_in_steps(number, side, diameter, start, seed, frames, steps_per_frame) -> _Recorded:
    """The run at the default step, in units that make it the same for every temperature
    and particle mass: lengths in nm, time in steps, velocities in nm per step.

    Why this is exact: nothing but the discs' own motion acts (no potential), so at
    another temperature or mass every starting velocity is the same vector times
    √(T m_ref / (T_ref m)) and the default step is shorter by the same factor: each step
    moves every disc by the same displacement, every collision happens at the same
    place, step and fraction of a step. In nm per step the whole run is one set of
    numbers (computed once here, from the start at a reference temperature, and kept
    for the last :data:`RUNS_IN_STEPS_KEPT` settings); :func:`simulate` divides the
    velocities by the step in ps, and the times follow. The start it gives at
    temperature T equals :func:`initial_state` at T to rounding (relative 1e-16).
    """
    key = (number, side, diameter, start, seed, frames, steps_per_frame)
    kept = _RUNS_IN_STEPS.pop(key, None)
    if kept is None:
        reference = GasParams(number_of_particles=number, temperature_k=_REFERENCE_TEMPERATURE_K, box_side_nm=side,
                              particle_diameter_nm=diameter, start=start, seed=seed)
        state = initial_state(reference)
        velocities_per_step = np.asarray(state.velocities_nm_ps) * default_time_step_ps(reference)
        kept = _record(np.asarray(state.positions_nm, dtype=float), velocities_per_step, 1.0, side, diameter,
                       frames, steps_per_frame)
    _RUNS_IN_STEPS[key] = kept
    while len(_RUNS_IN_STEPS) > RUNS_IN_STEPS_KEPT:
        _RUNS_IN_STEPS.pop(next(iter(_RUNS_IN_STEPS)))
    return kept


def describe(run: GasRun) -> str:
    """One or two sentences a screen reader can speak about this run."""
    p = run.params
    start = "all at the same speed" if p.start == "equal_speeds" else "with Maxwell–Boltzmann speeds"
    ks = ks_distance(run.speeds_m_s[-1], p.temperature_k, p.particle_mass_kg)
    chance = KS_CRITICAL_5_PERCENT / math.sqrt(p.number_of_particles)
    pressure = with_uncertainty(run.pressure_n_m, run.pressure_uncertainty_n_m, " mN/m", 1e3)
    return (
        f"{p.number_of_particles} argon-sized discs at {p.temperature_k:.0f} K in a {p.box_side_nm:.0f} nm box "
        f"push on the walls with a pressure of {pressure}, which "
        f"{run.pressure_agreement.words(f'the hard-disc value of {run.hard_disc_pressure_n_m * 1e3:.2f} mN/m')} "
        f"(the ideal-gas law NkT/A gives {run.ideal_pressure_n_m * 1e3:.2f} mN/m). Started {start}, after "
        f"{run.times_ps[-1]:.0f} ps and {run.collisions_per_particle[-1]:.1f} collisions per disc the speeds are "
        f"{ks:.2f} (KS distance) from the 2D Maxwell–Boltzmann distribution, "
        f"{'within' if ks <= chance else 'more than'} the {chance:.2f} that chance alone can give for "
        f"{p.number_of_particles} discs."
    )


def to_table(run: GasRun) -> Table:
    """One row per recorded interval: time at its end, pressure over it and that
    pressure's uncertainty (the spread of the interval pressures), the mean kinetic
    energy per disc, the rms speed and the collisions per disc so far. The title gives
    the run's mean pressure with its uncertainty."""
    n = run.params.number_of_particles
    spread = float(np.std(run.interval_pressure_n_m, ddof=1)) if run.frames > 1 else math.nan
    return Table.from_columns(
        [
            ("time", "ps", run.times_ps[1:]),
            ("pressure over interval", "N/m", run.interval_pressure_n_m),
            ("uncertainty of pressure over interval", "N/m", np.full(run.frames, spread)),
            ("mean kinetic energy per disc", "J", run.kinetic_energy_j[1:] / n),
            ("rms speed", "m/s", np.sqrt(np.mean(run.speeds_m_s[1:] ** 2, axis=1))),
            ("collisions per disc", "", run.collisions_per_particle[1:]),
        ],
        title=(f"Hard-disc gas: {n} discs, {run.params.temperature_k:g} K, "
               f"{run.params.box_side_nm:g} nm box (seed {run.params.seed}); mean pressure "
               f"{with_uncertainty(run.pressure_n_m, run.pressure_uncertainty_n_m, ' mN/m', 1e3)}"),
    )


def pressure_table(params: GasParams, box_sides_nm=(), temperatures_k=(), steps: int = 2000) -> Table:
    """Pressure for several box sizes (Boyle) or temperatures (Charles), each from its
    own run with the same other parameters: the data behind P against 1/A or T."""
    rows = []
    for side in box_sides_nm or (params.box_side_nm,):
        for temperature in temperatures_k or (params.temperature_k,):
            changed = GasParams(**{**params.__dict__, "box_side_nm": side, "temperature_k": temperature})
            run = simulate(changed, steps=steps, frames=min(steps, 100))
            rows.append((side, changed.accessible_area_m2, temperature, run.pressure_n_m, run.ideal_pressure_n_m))
    side, area, temperature, pressure, ideal = (np.array(c) for c in zip(*rows))
    return Table.from_columns(
        [("box side", "nm", side), ("accessible area", "m²", area), ("temperature", "K", temperature),
         ("pressure", "N/m", pressure), ("ideal-gas pressure NkT/A", "N/m", ideal)],
        title=f"Gas pressure, {params.number_of_particles} discs",
    )
