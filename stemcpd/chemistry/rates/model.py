"""Rates of reaction: collision theory in a box of particles, and the macroscopic rate.

Chemistry (see MODEL.md beside this file for the teacher's version):

* **Arrhenius.** ``k = A exp(−E_a / RT)``, so the rate at T₂ over the rate at T₁ is
  ``exp[(E_a/R)(1/T₁ − 1/T₂)]`` (R = 8.314 J mol⁻¹ K⁻¹).
* **Integrated rate laws** for A → products, rate = k[A]ⁿ:
  order 0: ``[A] = [A]₀ − kt`` (until it runs out), t½ = [A]₀ / (2k);
  order 1: ``[A] = [A]₀ e^(−kt)``, t½ = ln 2 / k;
  order 2: ``[A] = [A]₀ / (1 + k[A]₀t)``, t½ = 1 / (k[A]₀).
  :func:`integrate_rate_law` solves d[A]/dt = −k[A]ⁿ numerically (RK4) to check them.
* **The particle box (2D).** Equal numbers of A and B discs (diameter d, mass m) in a
  square box; speeds drawn from the Maxwell–Boltzmann distribution at temperature T
  (each velocity component normal with variance kT/m), then shifted and scaled so the
  net momentum is zero and the kinetic temperature is exactly T
  (:func:`stemcpd.thermal.thermal_velocities`, shared with the gas model: a plain
  draw of 300 particles lands up to 10 % off). Discs move in straight lines,
  bounce off the walls, and collide elastically (equal masses swap their velocity
  components along the line of centres). An A–B collision *succeeds* — A + B → C + D —
  when the kinetic energy of the relative motion along the line of centres,
  ``½ μ v_n²`` with reduced mass μ = m/2, exceeds the activation energy per particle.
  A catalyst (another pathway) lowers the activation energy by :data:`CATALYST_FACTOR`.
  Theory for this model: A–B collisions per unit area per unit time
  ``Z = n_A n_B · 2d · ⟨v_rel⟩ · g``, with ``⟨v_rel⟩ = √(πkT/m)`` and g the hard-disc
  contact value (1 − 7φ/16)/(1 − φ)² (Henderson 1975; φ the area fraction, close to 1
  here); the fraction of collisions that succeed is exactly ``exp(−E_a/RT)``.
  So Z ∝ [A][B] and the rate constant is ``k = 2d⟨v_rel⟩ g exp(−E_a/RT)``.
* **Why exp(−E_a/RT) is the right theory for what is counted.** Pairs collide at a
  rate proportional to their approach speed along the line of centres, v_n, and v_n
  (one component of a Maxwell–Boltzmann relative velocity) is normally distributed
  in any number of dimensions; so the fraction of *collisions* with ½μv_n² ≥ E_a is
  ∫v e^(−μv²/2kT)dv from the threshold over the same from 0, = exp(−E_a/RT), in 2D
  exactly as in 3D (the line-of-centres model: IUPAC Gold Book, "line-of-centres
  model", Pure Appl. Chem. 68, 149 (1996), p. 171; its 3D rate constant in Atkins'
  Physical Chemistry, collision theory). Other counts differ: the
  fraction of collisions whose *total* relative kinetic energy exceeds E_a is
  (1 + x)e^(−x) in 3D and erfc√x + 2√(x/π)e^(−x) in 2D (x = E_a/RT), and the fraction
  of *molecules* with kinetic energy above E_a is e^(−x) in 2D but
  erfc√x + 2√(x/π)e^(−x) in 3D (:mod:`stemcpd.chemistry.energy_distribution`). With
  the total energy fixed, the exact box value is (1 − E_a/(N R T))^(N − ½): 0.6 %
  below exp(−E_a/RT) for 300 particles at 300 K and 6 kJ/mol, far inside the noise.
  The reacting box shows the share of *all* collisions (any species) with enough
  energy: reactions relabel particles without changing their motion, so that share
  stays Maxwell–Boltzmann, whereas the share of A–B collisions that succeed falls a
  little below it as the fastest reactants are used up.
* **Uncertainty.** Every count is shown with its standard uncertainty from the run:
  binomial ``√(p(1 − p)/n)`` for a share of n collisions (runs over 40 seeds scatter
  0.9–1.2 times this), ``√(P(1 − P/n₀))`` for P product pairs from n₀ A particles (an
  upper bound: reactions use up the fast tail the next ones need, so runs scatter
  0.4–0.8 times it).
  The verdict against exp(−E_a/RT) says "agrees" within twice the uncertainty.
* **Magnesium + hydrochloric acid** (gas syringe): Mg + 2HCl → MgCl₂ + H₂; one mole of
  any gas occupies 24 dm³ at room temperature and pressure (RTP, 20 °C and 1 atm — the
  molar volume on GCSE data sheets, e.g. AQA GCSE Chemistry 8462 specification §4.3.5),
  so the final volume is 24 000 cm³/mol × moles of H₂ from the limiting reagent. The
  volume then follows ``V(t) = V_final (1 − e^(−t/τ))`` with initial rate
  ``r₀ = V_final / τ`` proportional to acid concentration, magnesium surface area
  (ribbon = 1, powder larger) and the Arrhenius factor: an empirical model with the
  right shape and trends, calibrated to a typical class result.
* **Disappearing cross** (sodium thiosulfate + acid): Na₂S₂O₃ + 2HCl → 2NaCl + S + SO₂
  + H₂O. The cross vanishes when a fixed amount of sulfur has formed, so with the rate
  proportional to the thiosulfate concentration, ``1/t ∝ concentration``.

Units: SI, except the box (positions in nm, velocities in nm/ps, times in ps, 1 nm/ps =
1000 m/s) and the school units chemists use (mol/dm³, cm³, g/dm³, kJ/mol).

Limits: the box is two dimensional, all particles have the same mass and size, the
activation energy in the box is scaled down (real ones are 40–100 kJ/mol, which no
collision among a few hundred particles would reach), reactions release no heat (the
temperature stays constant), and the macroscopic models are empirical fits, not
mechanisms.
"""

from __future__ import annotations

from dataclasses import dataclass
import math

import numpy as np

from stemcpd.physics.gas.model import overlapping_pairs  # a general sort-and-sweep finder
from stemcpd.practical import Agreement, Instrument, compare_with_theory, counted_fraction, make_rng, with_uncertainty
from stemcpd.table import Table
from stemcpd.thermal import thermal_velocities
from stemcpd.validation import check_count, check_range, check_switch

GAS_CONSTANT_J_MOL_K = 8.314
BOLTZMANN_J_K = 1.380649e-23
AVOGADRO_PER_MOL = 6.02214076e23
MOLAR_GAS_VOLUME_CM3 = 24_000.0  # at RTP (20 °C, 1 atm), as on GCSE data sheets
MAGNESIUM_MOLAR_MASS_G = 24.3
CATALYST_FACTOR = 0.5  # a catalyst halves the activation energy in the box

# ----- the particle box ----------------------------------------------------------------
PARTICLE_MASS_KG = 30 * 1.66054e-27  # 30 u: a small molecule
PARTICLE_DIAMETER_NM = 0.40
DENSITY_PER_NM2_PER_MOL_DM3 = 0.25  # discs (A and B together) per nm² at 1 mol/dm³: a scaled-down 2D stand-in
TIME_STEP_PS = 0.2
RUN_STEPS = 500
RUN_FRAMES = 100
SPECIES = ("A", "B", "C", "D")  # C and D are the products of A + B
NM_PS_IN_M_S = 1000.0


@dataclass(frozen=True)
class RatesParams:
    """One particle-box run. Validated on creation.

    Attributes:
        temperature_k: temperature, in kelvin (K); [100, 1000].
        concentration_mol_dm3: concentration of each reactant, in mol/dm³ (1000 mol/m³);
            sets how closely the discs are packed; (0, 3].
        catalyst: whether a catalyst is present (``True``: the activation energy is
            multiplied by :data:`CATALYST_FACTOR`); ``True`` or ``False``.
        number_of_particles: discs of A and B together (half each), a whole even
            number in [10, 2000]; the box grows with it at fixed concentration.
        activation_energy_kj_mol: activation energy without catalyst, in kJ/mol
            (1000 J/mol), scaled down for the box; (0, 200].
        seed: random seed for the starting positions and velocities (whole number ≥ 0).
    """

    temperature_k: float = 300.0
    concentration_mol_dm3: float = 1.0
    catalyst: bool = False
    number_of_particles: int = 300
    activation_energy_kj_mol: float = 6.0
    seed: int = 0

    def __post_init__(self):
        checks = {
            "temperature_k": check_range("temperature_k", self.temperature_k, 100, 1000, low_open=False, unit="K"),
            "concentration_mol_dm3": check_range("concentration_mol_dm3", self.concentration_mol_dm3, 0, 3,
                                                 unit="mol/dm³"),
            "catalyst": check_switch("catalyst", self.catalyst),
            "number_of_particles": check_count("number_of_particles", self.number_of_particles, 10, 2000),
            "activation_energy_kj_mol": check_range("activation_energy_kj_mol", self.activation_energy_kj_mol,
                                                    0, 200, unit="kJ/mol"),
            "seed": check_count("seed", self.seed, 0, 2**32 - 1),
        }
        if checks["number_of_particles"] % 2:
            raise ValueError(f"number_of_particles must be an even whole number in [10, 2000], "
                             f"got {self.number_of_particles!r}")
        for name, value in checks.items():
            object.__setattr__(self, name, value)

    @property
    def effective_activation_energy_kj_mol(self) -> float:
        """The activation energy the collisions must beat (lowered by a catalyst), kJ/mol."""
        return self.activation_energy_kj_mol * (CATALYST_FACTOR if self.catalyst else 1.0)

    @property
    def box_side_nm(self) -> float:
        """Side of the square box, nm: area = particles / number density."""
        density = self.concentration_mol_dm3 * DENSITY_PER_NM2_PER_MOL_DM3
        return math.sqrt(self.number_of_particles / density)

    @property
    def area_fraction(self) -> float:
        """Fraction of the box the discs cover."""
        return self.number_of_particles * math.pi * PARTICLE_DIAMETER_NM**2 / 4.0 / self.box_side_nm**2


def thermal_speed_nm_ps(temperature_k: float) -> float:
    """√(kT/m): the standard deviation of each velocity component, nm/ps."""
    return math.sqrt(BOLTZMANN_J_K * temperature_k / PARTICLE_MASS_KG) / NM_PS_IN_M_S


def mean_relative_speed_nm_ps(temperature_k: float) -> float:
    """⟨v_rel⟩ = √(πkT/m) for two equal-mass particles in 2D (reduced mass m/2), nm/ps."""
    return math.sqrt(math.pi) * thermal_speed_nm_ps(temperature_k)


def successful_fraction(activation_energy_kj_mol: float, temperature_k: float) -> float:
    """Fraction of collisions whose line-of-centres energy exceeds E_a: exp(−E_a/RT)."""
    return math.exp(-activation_energy_kj_mol * 1000.0 / (GAS_CONSTANT_J_MOL_K * temperature_k))


def contact_value(area_fraction: float) -> float:
    """Hard-disc pair distribution at contact, (1 − 7φ/16)/(1 − φ)² (Henderson 1975)."""
    return (1.0 - 7.0 * area_fraction / 16.0) / (1.0 - area_fraction) ** 2


def collision_rate_per_nm2_ps(density_a_per_nm2: float, density_b_per_nm2: float, temperature_k: float,
                              area_fraction: float = 0.0) -> float:
    """A–B collisions per nm² per ps: n_A n_B · 2d · ⟨v_rel⟩ · g(φ)."""
    return (density_a_per_nm2 * density_b_per_nm2 * 2.0 * PARTICLE_DIAMETER_NM
            * mean_relative_speed_nm_ps(temperature_k) * contact_value(area_fraction))


def box_rate_constant_nm2_ps(params: RatesParams) -> float:
    """Second-order rate constant of A + B in the box, nm² per particle per ps."""
    return (2.0 * PARTICLE_DIAMETER_NM * mean_relative_speed_nm_ps(params.temperature_k)
            * contact_value(params.area_fraction)
            * successful_fraction(params.effective_activation_energy_kj_mol, params.temperature_k))


def initial_box(params: RatesParams) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Seeded start exactly at the controls' state: discs on a jittered square lattice
    (no overlaps) in the box that gives the set concentration, exactly half A and half B
    (shuffled), and Maxwell–Boltzmann velocities with zero net momentum whose kinetic
    temperature is exactly ``params.temperature_k`` (:func:`stemcpd.thermal.thermal_velocities`).

    Returns:
        (positions nm, velocities nm/ps, species codes 0=A, 1=B, 2=C, 3=D).
    """
    rng = make_rng(params.seed)
    n, side, d = params.number_of_particles, params.box_side_nm, PARTICLE_DIAMETER_NM
    per_row = math.ceil(math.sqrt(n))
    spacing = side / per_row
    sites = rng.permutation(per_row * per_row)[:n]
    centres = (np.column_stack([sites % per_row, sites // per_row]) + 0.5) * spacing
    jitter = max(0.0, (spacing - d) / 2.0 - 1e-6)
    positions = centres + rng.uniform(-jitter, jitter, (n, 2))
    velocities = thermal_velocities(rng, n, params.temperature_k, PARTICLE_MASS_KG, NM_PS_IN_M_S)
    species = rng.permutation(np.repeat(np.array([0, 1], dtype=np.int8), n // 2))
    return positions, velocities, species


def advance_box(positions, velocities, species, time_step_ps, box_side_nm, threshold_speed2, steps=1,
                react: bool = True) -> np.ndarray:
    """Move the box on ``steps`` steps IN PLACE; returns per-step counts as an array of
    shape (steps, 4): [all collisions, A–B collisions, successful A–B collisions, all
    collisions above the activation energy (any species: the energy check alone)].

    Each step: move, reflect at the walls, find overlapping pairs (sort-and-sweep), keep
    those approaching or first touching within this step (each particle in at most one
    pair per step; the rare others wait a step), wind each back to the moment of contact,
    swap their velocity components along the line of centres, and turn
    A–B pairs with ``v_n² > threshold_speed2`` into C + D (with ``react=False`` they are
    only counted, so the reactants are never used up).
    """
    counts = np.zeros((steps, 4), dtype=np.int64)
    for index in range(steps):
        collided = _move_one_step(positions, velocities, time_step_ps, box_side_nm)
        if collided is None:
            continue
        first, second, normal_speed = collided
        kinds = species[first].astype(np.int16) + species[second]
        reactive = (kinds == 1) & (np.minimum(species[first], species[second]) == 0)  # one A, one B
        energetic = normal_speed * normal_speed > threshold_speed2
        success = reactive & energetic
        if react:
            species[first[success]] += 2  # A→C, B→D
            species[second[success]] += 2
        counts[index] = (first.size, int(reactive.sum()), int(success.sum()), int(energetic.sum()))
    return counts


def _move_one_step(positions, velocities, time_step_ps, box_side_nm):
    """The motion of one step of :func:`advance_box` (IN PLACE): move, reflect, collide.
    Returns ``(first, second, normal_speed)`` of the pairs that collided, or None. The
    motion never depends on the species: a reaction only relabels the two discs."""
    d = PARTICLE_DIAMETER_NM
    low, high = d / 2.0, box_side_nm - d / 2.0
    n = len(positions)
    positions += velocities * time_step_ps
    out = ((positions < low) & (velocities < 0)) | ((positions > high) & (velocities > 0))
    velocities[out] *= -1.0
    np.clip(positions, low, high, out=positions)
    first, second = overlapping_pairs(positions, d)
    if first.size == 0:
        return None
    separation = positions[second] - positions[first]
    relative = velocities[second] - velocities[first]
    closing = np.einsum("ij,ij->i", separation, relative)
    # The pair overlaps by now; the line of centres that matters is the one at the
    # moment they touched, a time τ ago: |r − v τ| = d. Without this, deep overlaps
    # would tilt the normal and understate the energy of fast collisions.
    speed2 = np.maximum(np.einsum("ij,ij->i", relative, relative), 1e-300)
    distance2 = np.einsum("ij,ij->i", separation, separation)
    since_contact = (closing + np.sqrt(np.maximum(closing * closing - speed2 * (distance2 - d * d), 0.0))) / speed2
    # Collide if approaching now, or if they touched during this step and are already
    # moving apart again: a glancing contact that began mid-step. Missing those (they
    # carry little energy along the line of centres) would count too few collisions
    # and make the energetic fraction look a few per cent too high.
    due = (closing < 0.0) | (since_contact <= time_step_ps)
    # A particle in two such pairs at once: leave both pairs for the next step.
    first, second = first[due], second[due]
    uses = np.bincount(np.concatenate([first, second]), minlength=n)
    alone = (uses[first] == 1) & (uses[second] == 1)
    first, second = first[alone], second[alone]
    if first.size == 0:
        return None
    separation, relative = separation[due][alone], relative[due][alone]
    since_contact = np.minimum(since_contact[due][alone], time_step_ps)
    at_contact = separation - relative * since_contact[:, None]
    normal = at_contact / np.linalg.norm(at_contact, axis=1)[:, None]
    normal_speed = np.einsum("ij,ij->i", relative, normal)
    kick = normal_speed[:, None] * normal
    velocities[first] += kick
    velocities[second] -= kick
    positions[first] += kick * since_contact[:, None]  # as if they had bounced at contact
    positions[second] -= kick * since_contact[:, None]
    return first, second, normal_speed


@dataclass(frozen=True)
class _BoxMotion:
    """The motion of a run, which no activation energy or catalyst changes: disc
    positions at each frame, and every collision (its step, its two discs and v_n²)."""

    positions_nm: np.ndarray
    species: np.ndarray
    step: np.ndarray
    first: np.ndarray
    second: np.ndarray
    normal_speed2: np.ndarray


_MOTIONS: dict = {}
MOTIONS_KEPT = 8


def _box_motion(params: RatesParams, steps: int, frames: int, per_frame: int, time_step_ps: float) -> _BoxMotion:
    """The run's motion (see :class:`_BoxMotion`), kept for the last :data:`MOTIONS_KEPT`
    settings of everything but the activation energy and the catalyst: moving those
    sliders relabels the same collisions instead of moving the discs again."""
    key = (params.temperature_k, params.concentration_mol_dm3, params.number_of_particles, params.seed,
           steps, frames, per_frame, time_step_ps)
    motion = _MOTIONS.pop(key, None)
    if motion is None:
        positions, velocities, species = initial_box(params)
        n = params.number_of_particles
        all_positions = np.empty((frames + 1, n, 2), dtype=np.float32)
        all_positions[0] = positions
        steps_of, firsts, seconds, speeds2 = [], [], [], []
        for index in range(frames * per_frame):
            collided = _move_one_step(positions, velocities, time_step_ps, params.box_side_nm)
            if collided is not None:
                first, second, normal_speed = collided
                steps_of.append(np.full(first.size, index))
                firsts.append(first)
                seconds.append(second)
                speeds2.append(normal_speed * normal_speed)
            if (index + 1) % per_frame == 0:
                all_positions[(index + 1) // per_frame] = positions
        join = (lambda parts, kind: np.concatenate(parts) if parts else np.empty(0, dtype=kind))
        motion = _BoxMotion(all_positions, species, join(steps_of, np.intp), join(firsts, np.intp),
                            join(seconds, np.intp), join(speeds2, float))
    _MOTIONS[key] = motion
    while len(_MOTIONS) > MOTIONS_KEPT:
        _MOTIONS.pop(next(iter(_MOTIONS)))
    return motion


def _react_along(motion: _BoxMotion, threshold: float, steps: int) -> tuple[np.ndarray, np.ndarray]:
    """Label the collisions of ``motion`` as :func:`advance_box` does step by step, in one
    pass: an A–B collision with v_n² above ``threshold`` turns both discs into products.
    Each disc reacts at most once, so its species at any step is its starting one, plus
    2 from the step after it reacted. Returns (step at which each disc reacted, ``steps``
    if never; the per-step counts as :func:`advance_box` returns them)."""
    start = motion.species
    first, second, step = motion.first, motion.second, motion.step
    energetic = motion.normal_speed2 > threshold
    reacted_at = np.full(len(start), steps, dtype=np.intp)
    # Only energetic collisions of a starting A with a starting B can react; in step
    # order, each does if neither disc has reacted before.
    candidates = np.flatnonzero(energetic & (start[first] + start[second] == 1))
    reacted = reacted_at.tolist()
    for index, i, j in zip(step[candidates].tolist(), first[candidates].tolist(), second[candidates].tolist()):
        if reacted[i] == steps and reacted[j] == steps:
            reacted[i] = reacted[j] = index
    reacted_at = np.array(reacted, dtype=np.intp)
    # A–B at the step of the collision: started as A and B, and neither reacted before it.
    reactive = (start[first] + start[second] == 1) & (reacted_at[first] >= step) & (reacted_at[second] >= step)
    success = reactive & energetic & (reacted_at[first] == step)
    counts = np.column_stack([np.bincount(step, minlength=steps), np.bincount(step, reactive, minlength=steps),
                              np.bincount(step, success, minlength=steps),
                              np.bincount(step, energetic, minlength=steps)]).astype(np.int64)
    return reacted_at, counts


def threshold_speed2(activation_energy_kj_mol: float) -> float:
    """v_n² (nm²/ps²) above which ½ μ v_n² (μ = m/2) exceeds E_a per particle."""
    energy_j = activation_energy_kj_mol * 1000.0 / AVOGADRO_PER_MOL
    return 4.0 * energy_j / PARTICLE_MASS_KG / NM_PS_IN_M_S**2


def collision_statistics(params: RatesParams, steps: int = 600, skip_steps: int = 100,
                         time_step_ps: float = TIME_STEP_PS) -> dict:
    """Count collisions without letting any react (reactants never run out and the
    energy distribution stays Maxwell–Boltzmann): the clean test of collision theory.

    Returns:
        dict with ``ab_per_ps`` (A–B collisions per ps), ``ab_collisions``,
        ``energetic`` (those above E_a), ``energetic_fraction`` and its binomial
        ``energetic_fraction_uncertainty``, and the theory values
        ``theory_ab_per_ps`` and ``theory_fraction``; the first ``skip_steps`` steps
        (the lattice start settling) are not counted.
    """
    steps = check_count("steps", steps, 1, 1_000_000)
    skip_steps = check_count("skip_steps", skip_steps, 0, steps - 1)
    positions, velocities, species = initial_box(params)
    counts = advance_box(positions, velocities, species, time_step_ps, params.box_side_nm,
                         threshold_speed2(params.effective_activation_energy_kj_mol), steps, react=False)[skip_steps:]
    ab, energetic = int(counts[:, 1].sum()), int(counts[:, 2].sum())
    area = params.box_side_nm**2
    density = params.number_of_particles / 2 / area
    return {
        "ab_collisions": ab,
        "energetic": energetic,
        "ab_per_ps": ab / (len(counts) * time_step_ps),
        "energetic_fraction": energetic / ab if ab else 0.0,
        "energetic_fraction_uncertainty": counted_fraction(energetic, ab)[1],
        "theory_ab_per_ps": collision_rate_per_nm2_ps(density, density, params.temperature_k,
                                                      params.area_fraction) * area,
        "theory_fraction": successful_fraction(params.effective_activation_energy_kj_mol, params.temperature_k),
    }


@dataclass(frozen=True)
class RatesRun:
    """A recorded particle-box run. Frame arrays share the index of ``times_ps``.

    Attributes:
        params: the parameters it was run with.
        time_step_ps: the fixed step, ps.
        times_ps: time of each recorded frame, ps.
        positions_nm: disc centres at each frame, nm, shape (frames + 1, N, 2).
        species: species code of each disc at each frame (0 A, 1 B, 2 C, 3 D).
        products: product pairs (C + D) formed by each frame.
        collisions_per_step: all disc–disc collisions in each step.
        ab_collisions_per_step: A–B collisions in each step.
        successful_per_step: A–B collisions that reacted in each step.
        predicted_products: products the collision-theory rate law predicts at each frame.
        energetic_per_step: collisions of any two particles with at least the activation
            energy along the line of centres, in each step.
    """

    params: RatesParams
    time_step_ps: float
    times_ps: np.ndarray
    positions_nm: np.ndarray
    species: np.ndarray
    products: np.ndarray
    collisions_per_step: np.ndarray
    ab_collisions_per_step: np.ndarray
    successful_per_step: np.ndarray
    predicted_products: np.ndarray
    energetic_per_step: np.ndarray

    @property
    def times_s(self) -> np.ndarray:
        """Frame times in seconds."""
        return self.times_ps * 1e-12

    @property
    def measured_successful_fraction(self) -> float:
        """Successful A–B collisions / all A–B collisions (0 if none)."""
        total = self.ab_collisions_per_step.sum()
        return float(self.successful_per_step.sum() / total) if total else 0.0

    @property
    def successful_fraction_uncertainty(self) -> float:
        """Binomial standard uncertainty of :attr:`measured_successful_fraction`."""
        return counted_fraction(self.successful_per_step.sum(), self.ab_collisions_per_step.sum())[1]

    @property
    def theoretical_successful_fraction(self) -> float:
        """exp(−E_a/RT) with the catalyst's lower E_a if present: the fraction of
        collisions with at least E_a along the line of centres (see the module docstring)."""
        return successful_fraction(self.params.effective_activation_energy_kj_mol, self.params.temperature_k)

    @property
    def energetic_fraction(self) -> float:
        """Fraction of all collisions (any species) with at least E_a along the line of
        centres: the quantity exp(−E_a/RT) predicts. Reactions only relabel particles,
        never change their motion, so this fraction is not lowered as the fastest A and
        B are used up (the A–B success fraction is, a little)."""
        return counted_fraction(self.energetic_per_step.sum(), self.collisions_per_step.sum())[0]

    @property
    def energetic_fraction_uncertainty(self) -> float:
        """Binomial standard uncertainty of :attr:`energetic_fraction` (over 40 seeds the
        fractions scatter by 0.9 to 1.2 times this)."""
        return counted_fraction(self.energetic_per_step.sum(), self.collisions_per_step.sum())[1]

    @property
    def energetic_agreement(self) -> Agreement:
        """:attr:`energetic_fraction` ± its uncertainty against exp(−E_a/RT)."""
        return compare_with_theory(self.energetic_fraction, self.energetic_fraction_uncertainty,
                                   self.theoretical_successful_fraction)

    def energetic_until(self, frame: int) -> tuple[int, float, float]:
        """Up to recorded frame ``frame``: (collisions, fraction with enough energy, its
        binomial uncertainty) — what the view shows while playing back."""
        frames = len(self.times_ps) - 1
        steps = int(np.clip(frame, 0, frames)) * (len(self.collisions_per_step) // frames)
        collisions = int(self.collisions_per_step[:steps].sum())
        fraction, uncertainty = counted_fraction(self.energetic_per_step[:steps].sum(), collisions)
        return collisions, fraction, uncertainty

    @property
    def products_uncertainty(self) -> float:
        """Standard uncertainty of the product pairs formed, ``√(P (1 − P/n₀))`` with n₀ the
        A particles at the start: each A has either reacted or not (a binomial count; √P
        when few have reacted; at least 1). A deliberate upper bound: each reaction uses
        up some of the fast tail the next one needs, so whole runs scatter less, 0.4 to
        0.8 times this over 20–40 seeds in six conditions."""
        formed, start = float(self.products[-1]), self.params.number_of_particles // 2
        return max(math.sqrt(formed * (1.0 - formed / start)), 1.0)

    def frame_at(self, time_s: float) -> int:
        """Index of the frame nearest ``time_s``."""
        frames = len(self.times_ps) - 1
        return int(np.clip(round(time_s * 1e12 / (self.times_ps[-1] / frames)), 0, frames))


def simulate(params: RatesParams | None = None, steps: int = RUN_STEPS, frames: int = RUN_FRAMES,
             time_step_ps: float = TIME_STEP_PS) -> RatesRun:
    """Run the particle box for ``steps`` steps, recording ``frames`` + 1 frames.

    Raises:
        ValueError: naming the argument and its allowed range.
    """
    params = RatesParams() if params is None else params
    steps = check_count("steps", steps, 1, 1_000_000)
    frames = min(check_count("frames", frames, 1, 10_000), steps)
    time_step_ps = check_range("time_step_ps", time_step_ps, 0, 10, unit="ps")
    per_frame = math.ceil(steps / frames)
    n = params.number_of_particles
    threshold = threshold_speed2(params.effective_activation_energy_kj_mol)
    motion = _box_motion(params, steps, frames, per_frame, float(time_step_ps))
    reacted_at, counts = _react_along(motion, threshold, frames * per_frame)
    frame_steps = np.arange(frames + 1) * per_frame  # a frame shows the box after this many steps
    all_species = (motion.species[None, :] + 2 * (reacted_at[None, :] < frame_steps[:, None])).astype(np.int8)
    all_positions = motion.positions_nm.copy()
    times = np.arange(frames + 1) * per_frame * time_step_ps
    products = np.count_nonzero(all_species == 2, axis=1)
    # Collision theory, second order with [A]₀ = [B]₀: n_A(t) = n₀ / (1 + k n₀ t).
    area = params.box_side_nm**2
    start_density = (n // 2) / area
    k = box_rate_constant_nm2_ps(params)
    predicted = (n // 2) - area * start_density / (1.0 + k * start_density * times)
    return RatesRun(
        params=params, time_step_ps=float(time_step_ps), times_ps=times, positions_nm=all_positions,
        species=all_species, products=products, collisions_per_step=counts[:, 0],
        ab_collisions_per_step=counts[:, 1], successful_per_step=counts[:, 2], predicted_products=predicted,
        energetic_per_step=counts[:, 3],
    )


def describe(run: RatesRun) -> str:
    """One or two sentences a screen reader can speak about the run."""
    p = run.params
    catalyst = "with a catalyst" if p.catalyst else "without a catalyst"
    energetic = with_uncertainty(run.energetic_fraction, run.energetic_fraction_uncertainty, " %", 100)
    theory = f"the collision-theory value of {run.theoretical_successful_fraction * 100:.1f} %"
    products = with_uncertainty(float(run.products[-1]), run.products_uncertainty)
    return (
        f"At {p.temperature_k:.0f} K and {p.concentration_mol_dm3:.2f} mol/dm³, {catalyst} "
        f"(activation energy {p.effective_activation_energy_kj_mol:.1f} kJ/mol), {energetic} of the "
        f"{int(run.collisions_per_step.sum()):,} collisions in {run.times_ps[-1]:.0f} ps had enough energy to react, "
        f"which {run.energetic_agreement.words(theory)}. "
        f"{products} of the {p.number_of_particles // 2} A particles became product, from "
        f"{int(run.ab_collisions_per_step.sum())} A–B collisions."
    )


def to_table(run: RatesRun) -> Table:
    """Per recorded frame: products so far with their uncertainty, the collision-theory
    prediction, and the collisions so far with the share that had enough energy (± its
    binomial uncertainty) — the numbers behind the readout, cumulative so the last row
    is the whole run."""
    frames = len(run.times_ps) - 1
    per_frame = len(run.collisions_per_step) // frames

    def so_far(per_step):
        return np.concatenate([[0], np.cumsum(per_step)[per_frame - 1::per_frame][:frames]])

    collisions, energetic = so_far(run.collisions_per_step), so_far(run.energetic_per_step)
    shares = [counted_fraction(e, c) for e, c in zip(energetic, collisions)]
    start = run.params.number_of_particles // 2
    product_uncertainty = np.maximum(np.sqrt(run.products * (1.0 - run.products / start)), 1.0)
    return Table.from_columns(
        [("time", "ps", run.times_ps), ("product pairs formed", "", run.products),
         ("uncertainty of product pairs", "", product_uncertainty),
         ("collision-theory prediction", "", run.predicted_products),
         ("collisions so far", "", collisions),
         ("collisions with enough energy", "%", [100.0 * share for share, _ in shares]),
         ("uncertainty of share with enough energy", "%", [100.0 * sigma for _, sigma in shares])],
        title=(f"A + B → C + D at {run.params.temperature_k:g} K, {run.params.concentration_mol_dm3:g} mol/dm³, "
               f"catalyst {'on' if run.params.catalyst else 'off'}; theory e^(−Ea/RT) = "
               f"{run.theoretical_successful_fraction * 100:.1f} % of collisions with enough energy"),
    )


# ----- Arrhenius and the integrated rate laws ----------------------------------------------

def arrhenius_ratio(ea_kj_per_mol: float, t1_k: float, t2_k: float) -> float:
    """Rate at ``t2_k`` over rate at ``t1_k`` for activation energy ``ea_kj_per_mol``:
    exp[(E_a/R)(1/T₁ − 1/T₂)]. E.g. 50 kJ/mol, 298 K → 308 K gives 1.93.

    Raises:
        ValueError: for E_a outside [0, 1000] kJ/mol or temperatures outside (0, 10000] K.
    """
    ea = check_range("ea_kj_per_mol", ea_kj_per_mol, 0, 1000, low_open=False, unit="kJ/mol")
    t1 = check_range("t1_k", t1_k, 0, 10000, unit="K")
    t2 = check_range("t2_k", t2_k, 0, 10000, unit="K")
    return math.exp(ea * 1000.0 / GAS_CONSTANT_J_MOL_K * (1.0 / t1 - 1.0 / t2))


def _check_rate_law(order, rate_constant, initial_concentration):
    order = check_count("order", order, 0, 2)
    k = check_range("rate_constant", rate_constant, 0, math.inf, high_open=True)
    a0 = check_range("initial_concentration", initial_concentration, 0, math.inf, high_open=True, unit="mol/dm³")
    return order, k, a0


def concentration_at(times_s, *, order: int, rate_constant: float, initial_concentration: float) -> np.ndarray:
    """Analytic [A](t) in mol/dm³ for rate = k[A]ⁿ, n = 0, 1 or 2 (k in mol^(1−n) dm^(3n−3) s⁻¹)."""
    order, k, a0 = _check_rate_law(order, rate_constant, initial_concentration)
    t = np.asarray(times_s, dtype=float)
    if order == 0:
        return np.maximum(a0 - k * t, 0.0)
    if order == 1:
        return a0 * np.exp(-k * t)
    return a0 / (1.0 + a0 * k * t)


def half_life(*, order: int, rate_constant: float, initial_concentration: float) -> float:
    """First half-life, s: [A]₀/(2k), ln 2/k or 1/(k[A]₀) for orders 0, 1, 2."""
    order, k, a0 = _check_rate_law(order, rate_constant, initial_concentration)
    return (a0 / (2.0 * k), math.log(2.0) / k, 1.0 / (k * a0))[order]


def integrate_rate_law(*, order: int, rate_constant: float, initial_concentration: float, duration_s: float,
                       time_step_s: float) -> tuple[np.ndarray, np.ndarray]:
    """Solve d[A]/dt = −k[A]ⁿ by fourth-order Runge–Kutta at a fixed step.

    Returns:
        ``(times_s, concentrations)``; the last time is ``duration_s``.
    """
    order, k, a0 = _check_rate_law(order, rate_constant, initial_concentration)
    duration_s = check_range("duration_s", duration_s, 0, 1e9, unit="s")
    time_step_s = check_range("time_step_s", time_step_s, 0, duration_s, unit="s")
    steps = math.ceil(duration_s / time_step_s - 1e-9)
    times = np.minimum(np.arange(steps + 1) * time_step_s, duration_s)

    def rate(a):
        return -k * a**order

    values = np.empty(steps + 1)
    a = values[0] = a0
    for index in range(1, steps + 1):
        h = times[index] - times[index - 1]
        if order == 0:
            # A constant rate that stops when A runs out: the RK4 stages would sample
            # across the kink, so take the step exactly.
            a = values[index] = max(a - k * h, 0.0)
            continue
        k1 = rate(a)
        k2 = rate(a + 0.5 * h * k1)
        k3 = rate(a + 0.5 * h * k2)
        k4 = rate(a + h * k3)
        a = max(a + h / 6.0 * (k1 + 2 * k2 + 2 * k3 + k4), 0.0)
        values[index] = a
    return times, values


# ----- magnesium + hydrochloric acid: gas volume against time ------------------------------

MAGNESIUM_RATE_CM3_S = 2.5  # initial rate for 0.050 g ribbon in 1 mol/dm³ HCl at 293 K
MAGNESIUM_EA_KJ_MOL = 35.0
REFERENCE_TEMPERATURE_K = 293.0


def hydrogen_final_volume_cm3(magnesium_g: float, acid_molar: float, acid_ml: float) -> float:
    """Final H₂ volume at RTP, cm³: Mg + 2HCl → MgCl₂ + H₂ with the limiting reagent,
    24 000 cm³ per mole."""
    magnesium_g = check_range("magnesium_g", magnesium_g, 0, 100, unit="g")
    acid_molar = check_range("acid_molar", acid_molar, 0, 5, unit="mol/dm³")
    acid_ml = check_range("acid_ml", acid_ml, 0, 1000, unit="cm³")
    moles_h2 = min(magnesium_g / MAGNESIUM_MOLAR_MASS_G, acid_molar * acid_ml / 1000.0 / 2.0)
    return moles_h2 * MOLAR_GAS_VOLUME_CM3


def magnesium_initial_rate_cm3_s(magnesium_g: float, acid_molar: float, temperature_k: float = 293.0,
                                 surface_factor: float = 1.0) -> float:
    """Initial rate of hydrogen production, cm³/s: proportional to the magnesium's
    surface (its mass × ``surface_factor``, 1 for ribbon), the acid concentration and
    the Arrhenius factor relative to 293 K."""
    temperature_k = check_range("temperature_k", temperature_k, 250, 400, unit="K")
    surface_factor = check_range("surface_factor", surface_factor, 0, 100, unit="")
    return (MAGNESIUM_RATE_CM3_S * (magnesium_g / 0.050) * surface_factor * acid_molar
            * arrhenius_ratio(MAGNESIUM_EA_KJ_MOL, REFERENCE_TEMPERATURE_K, temperature_k))


def gas_volume_cm3(times_s, *, magnesium_g: float = 0.050, acid_molar: float = 1.0, acid_ml: float = 50.0,
                   temperature_k: float = 293.0, surface_factor: float = 1.0) -> np.ndarray:
    """Hydrogen collected by time t, cm³: V_final (1 − exp(−r₀ t / V_final))."""
    final = hydrogen_final_volume_cm3(magnesium_g, acid_molar, acid_ml)
    rate = magnesium_initial_rate_cm3_s(magnesium_g, acid_molar, temperature_k, surface_factor)
    t = np.asarray(times_s, dtype=float)
    return final * -np.expm1(-rate * np.maximum(t, 0.0) / final)


# A 100 cm³ gas syringe read to the nearest 1 cm³ (plunger friction scatters it ~0.5 cm³),
# and a stopwatch: readings are taken every 5 s by calling out times (±0.2 s).
GAS_SYRINGE = Instrument("100 cm³ gas syringe", "cm³", resolution=1.0, random_sd=0.5,
                         systematic_note="gas escapes before the bung is pushed in: every volume low by the same amount")
STOPWATCH = Instrument("stopwatch, hand-timed", "s", resolution=0.01, random_sd=0.2)
BUNG_DELAY_S = 2.0


def virtual_practical(magnesium_g: float = 0.050, acid_molar: float = 1.0, acid_ml: float = 50.0,
                      temperature_k: float = 293.0, surface_factor: float = 1.0, interval_s: float = 5.0,
                      readings: int = 25, bung_delay_s: float = BUNG_DELAY_S, seed: int | None = 0) -> Table:
    """Simulated gas-syringe results for magnesium ribbon in hydrochloric acid.

    The pupil calls out a volume every ``interval_s`` (read off a :data:`STOPWATCH`, so the
    true moment scatters) and reads the :data:`GAS_SYRINGE` to 1 cm³. Systematic error:
    the hydrogen made in the first ``bung_delay_s`` seconds escapes before the bung is in,
    so every reading after that is low by that fixed volume.

    Returns:
        Columns: time (s, as planned), volume of hydrogen (cm³).

    Raises:
        ValueError: arguments out of range, or more gas than the 100 cm³ syringe holds.
    """
    readings = check_count("readings", readings, 3, 200)
    interval_s = check_range("interval_s", interval_s, 0, 600, unit="s")
    bung_delay_s = check_range("bung_delay_s", bung_delay_s, 0, 60, low_open=False, unit="s")
    final = hydrogen_final_volume_cm3(magnesium_g, acid_molar, acid_ml)
    if final > 100.0:
        raise ValueError(f"{final:.0f} cm³ of hydrogen would overflow the 100 cm³ gas syringe; use less magnesium")
    rng = make_rng(seed)
    kwargs = dict(magnesium_g=magnesium_g, acid_molar=acid_molar, acid_ml=acid_ml, temperature_k=temperature_k,
                  surface_factor=surface_factor)
    planned = np.arange(readings) * interval_s
    actual = np.maximum(planned + rng.normal(0.0, STOPWATCH.random_sd, readings), 0.0)
    lost = float(gas_volume_cm3(bung_delay_s, **kwargs))
    volumes = np.maximum(GAS_SYRINGE.read(gas_volume_cm3(actual, **kwargs) - lost, rng), 0.0)
    volumes[0] = 0.0  # the syringe is set to zero as the bung goes in
    return Table.from_columns([("time", "s", planned), ("volume of hydrogen", "cm³", volumes)],
                              title=f"Virtual practical: {magnesium_g:g} g Mg in {acid_molar:g} mol/dm³ HCl (seed {seed})")


# ----- sodium thiosulfate + acid: the disappearing cross ------------------------------------

THIOSULFATE_REFERENCE_TIME_S = 30.0  # 40 g/dm³ thiosulfate with 1 mol/dm³ HCl at 293 K
THIOSULFATE_REFERENCE_G_DM3 = 40.0
THIOSULFATE_EA_KJ_MOL = 55.0
STOPWATCH_LATE_START_S = 1.0


def cross_time_s(concentration_g_dm3, temperature_k: float = 293.0) -> np.ndarray:
    """Time for the cross to disappear, s: a fixed amount of sulfur must form and the
    rate is proportional to the thiosulfate concentration, so t ∝ 1/concentration."""
    temperature_k = check_range("temperature_k", temperature_k, 250, 400, unit="K")
    c = np.asarray(concentration_g_dm3, dtype=float)
    if np.any(~(c > 0)):
        raise ValueError(f"concentration_g_dm3 must be in (0, inf) g/dm³, got {concentration_g_dm3!r}")
    return (THIOSULFATE_REFERENCE_TIME_S * THIOSULFATE_REFERENCE_G_DM3 / c
            / arrhenius_ratio(THIOSULFATE_EA_KJ_MOL, REFERENCE_TEMPERATURE_K, temperature_k))


CROSS_STOPWATCH = Instrument(
    "stopwatch, hand-timed", "s", resolution=0.01, random_sd=0.3, zero_error=-STOPWATCH_LATE_START_S,
    systematic_note="stopwatch started about 1 s after the acid was added: every time 1 s short")
CROSS_JUDGEMENT_FRACTION = 0.04  # when exactly has the cross gone? about 4 % of the time


def thiosulfate_practical(thiosulfate_ml=(10, 20, 30, 40, 50), total_ml: float = 50.0,
                          stock_g_dm3: float = 40.0, temperature_k: float = 293.0, repeats: int = 2,
                          seed: int | None = 0) -> Table:
    """Simulated disappearing-cross results: stock thiosulfate diluted with water to
    ``total_ml``, acid added, time for the cross to vanish (``repeats`` times each).

    Systematic error: the stopwatch is started about 1 s late (:data:`CROSS_STOPWATCH`).

    Returns:
        Columns: volume of thiosulfate, volume of water (cm³), concentration (g/dm³),
        each time (s), mean time (s), 1/mean time (s⁻¹).
    """
    repeats = check_count("repeats", repeats, 1, 10)
    total_ml = check_range("total_ml", total_ml, 0, 1000, unit="cm³")
    stock_g_dm3 = check_range("stock_g_dm3", stock_g_dm3, 0, 500, unit="g/dm³")
    volumes = np.asarray(thiosulfate_ml, dtype=float)
    if volumes.size == 0 or np.any(volumes <= 0) or np.any(volumes > total_ml):
        raise ValueError(f"thiosulfate_ml must list volumes in (0, {total_ml:g}] cm³, got {thiosulfate_ml!r}")
    rng = make_rng(seed)
    concentration = stock_g_dm3 * volumes / total_ml
    true_times = cross_time_s(concentration, temperature_k)
    judged = true_times[:, None] * (1.0 + rng.normal(0.0, CROSS_JUDGEMENT_FRACTION, (volumes.size, repeats)))
    times = CROSS_STOPWATCH.read(judged, rng)
    mean = times.mean(axis=1)
    columns = [("volume of thiosulfate", "cm³", volumes), ("volume of water", "cm³", total_ml - volumes),
               ("concentration of thiosulfate", "g/dm³", concentration)]
    columns += [(f"time for cross to disappear, run {i + 1}", "s", times[:, i]) for i in range(repeats)]
    columns += [("mean time", "s", mean), ("1 / mean time", "1/s", 1.0 / mean)]
    return Table.from_columns(columns, title=f"Virtual practical: disappearing cross at {temperature_k:g} K (seed {seed})")
