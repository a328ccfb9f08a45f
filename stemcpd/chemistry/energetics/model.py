"""Energy changes in reactions: reaction profiles, the temperature-change practical,
ΔH from q = m c ΔT and ΔH from mean bond energies.

Chemistry (see MODEL.md beside this file for the teacher's version):

* **Reaction profile.** Energy against progress of reaction: reactants at 0, products
  at ΔH (negative for exothermic), a single hump whose top is ``Ea`` above the
  reactants. A catalyst gives a lower hump, ``Ea(cat)``, with the same ΔH. Here the
  catalyst control removes a percentage of the hump above the higher of the two levels:
  ``Ea(cat) = Ea − p/100 × (Ea − max(0, ΔH))``, so the catalysed hump can never sink
  below the reactants or products.
* **Temperature change.** Two solutions (e.g. 25 cm³ of 1.00 mol/dm³ HCl and 25 cm³ of
  1.00 mol/dm³ NaOH), both at room temperature, are mixed in a polystyrene cup at
  ``mix_at_s``. Moles reacting ``n`` = the smaller of c₁V₁ and c₂V₂ (a 1 : 1 reaction;
  ``volume_2_cm3 = 0`` means the second reagent is a solid in excess, such as zinc
  powder in copper sulfate). The solution has mass ``m = (V₁ + V₂) × 1.00 g/cm³`` and
  specific heat capacity ``c = 4.18 J/(g K)`` (water). With no heat loss the
  temperature would change by ``ΔT₀ = −ΔH n / (m c)``. Energy is released at a rate
  that falls as the reagents are used up, ``(ΔT₀/τ) e^(−s/τ)`` kelvin per second (``s``
  time since mixing, ``τ`` the time for mixing and reaction), while the cup loses heat
  to the room (Newton's law of cooling, rate constant ``k`` per second):

      dθ/ds = (ΔT₀/τ) e^(−s/τ) − k θ,   θ = T − T_room,  θ(0) = 0

  with the exact solution ``θ = ΔT₀ (1/τ)/(1/τ − k) (e^(−k s) − e^(−s/τ))``, and
  ``θ = ΔT₀ (1 − e^(−s/τ))`` when k = 0.
* **ΔH from the temperature change.** ``q = m c ΔT`` (J) and ``ΔH = −q / n`` per mole of
  the limiting reagent. With heat loss the largest temperature change is too small, so
  ΔH comes out less negative than the true value; extrapolating the cooling line back
  to the moment of mixing (the cooling correction) recovers most of the loss.
* **ΔH from mean bond energies.** ``ΔH = Σ(bonds broken) − Σ(bonds made)``.

Assumptions: solutions have the density and specific heat capacity of water; the cup,
thermometer and zinc absorb no energy; the room stays at the starting temperature;
mixing is instant apart from ``τ``. Limits: mean bond energies are averages over many
compounds and apply to gases, so bond-energy ΔH values differ from measured ones by a
few per cent; real cooling is not exactly Newtonian.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
import math

import numpy as np

from stemcpd.practical import Instrument, fit_line, make_rng
from stemcpd.table import Table
from stemcpd.validation import check_count, check_range

SPECIFIC_HEAT_J_PER_G_K = 4.18  # water, the GCSE value (4181 J/(kg K) at 25 °C, CRC Handbook)
SOLUTION_DENSITY_G_PER_CM3 = 1.00

# Strong acid + strong alkali, per mole of water formed: −57.1 kJ/mol, the value quoted
# in A-level texts for HCl + NaOH (strong acid/alkali pairs give −57 to −58 kJ/mol;
# J. Clark, chemguide.co.uk, "Enthalpy change of neutralisation").
NEUTRALISATION_DELTA_H_KJ_MOL = -57.1
# Zn(s) + Cu²⁺(aq) → Zn²⁺(aq) + Cu(s): from standard enthalpies of formation
# ΔfH°(Zn²⁺, aq) = −153.89 and ΔfH°(Cu²⁺, aq) = +64.77 kJ/mol (NBS tables, Wagman et
# al., J. Phys. Chem. Ref. Data 11, Suppl. 2, 1982): −153.89 − 64.77 = −218.66 kJ/mol.
DISPLACEMENT_DELTA_H_KJ_MOL = -218.7

DELTA_H_PRESETS_KJ_MOL = {
    "HCl + NaOH (−57.1)": NEUTRALISATION_DELTA_H_KJ_MOL,
    "Zn + CuSO₄ (−218.7)": DISPLACEMENT_DELTA_H_KJ_MOL,
    "thermoneutral (0)": 0.0,
    "endothermic (+30)": 30.0,
}

# Mean bond energies in kJ/mol: the values AQA GCSE Chemistry exam questions give
# (e.g. H–H 436, Cl–Cl 243, H–Cl 432, C–H 413, O=O 498, C=O 805, O–H 464). Other data
# books differ by a few kJ/mol (e.g. H–Cl 431, C=O in CO₂ 799–805, O–H 463–465:
# CRC Handbook; Atkins' Physical Chemistry), which is the point: they are averages.
MEAN_BOND_ENERGIES_KJ_MOL = {
    "H–H": 436, "Cl–Cl": 243, "H–Cl": 432, "C–H": 413, "O=O": 498, "C=O": 805, "O–H": 464,
    "Br–Br": 193, "H–Br": 366, "C–C": 347, "C=C": 612, "N≡N": 945, "N–H": 391, "C–Cl": 346,
}

# Balanced equations as (bonds broken, bonds made), per equation as written.
BOND_EQUATIONS = {
    "H₂ + Cl₂ → 2HCl": ({"H–H": 1, "Cl–Cl": 1}, {"H–Cl": 2}),
    "CH₄ + 2O₂ → CO₂ + 2H₂O": ({"C–H": 4, "O=O": 2}, {"C=O": 2, "O–H": 4}),
    "2H₂ + O₂ → 2H₂O": ({"H–H": 2, "O=O": 1}, {"O–H": 4}),
    "N₂ + 3H₂ → 2NH₃": ({"N≡N": 1, "H–H": 3}, {"N–H": 6}),
}


def bond_energy_delta_h(bonds_broken: dict, bonds_made: dict, table: dict | None = None) -> float:
    """ΔH = Σ(bonds broken) − Σ(bonds made), in kJ per mole of equation.

    Args:
        bonds_broken: bond → how many are broken, e.g. ``{"H–H": 1, "Cl–Cl": 1}``.
        bonds_made: bond → how many are made, e.g. ``{"H–Cl": 2}``.
        table: bond → mean bond energy in kJ/mol (default :data:`MEAN_BOND_ENERGIES_KJ_MOL`).

    Raises:
        ValueError: for a bond not in the table (listing those that are) or a count
            that is not a whole number from 0 to 100.
    """
    table = MEAN_BOND_ENERGIES_KJ_MOL if table is None else table
    totals = []
    for bonds in (bonds_broken, bonds_made):
        total = 0.0
        for bond, count in bonds.items():
            if bond not in table:
                raise ValueError(f"no mean bond energy for {bond!r}; the table has {', '.join(table)}")
            total += check_count(f"number of {bond} bonds", count, 0, 100) * table[bond]
        totals.append(total)
    return totals[0] - totals[1]


def energy_transferred_j(mass_g: float, temperature_change_k: float,
                         specific_heat_j_per_g_k: float = SPECIFIC_HEAT_J_PER_G_K) -> float:
    """q = m c ΔT in joules (positive when the solution warms up)."""
    mass_g = check_range("mass_g", mass_g, 0, 1e6, unit="g")
    specific_heat_j_per_g_k = check_range("specific_heat_j_per_g_k", specific_heat_j_per_g_k, 0, 100, unit="J/(g K)")
    temperature_change_k = check_range("temperature_change_k", temperature_change_k, -1000, 1000, unit="K")
    return mass_g * specific_heat_j_per_g_k * temperature_change_k


def delta_h_from_temperature_change(mass_g: float, temperature_change_k: float, moles_limiting_mol: float,
                                    specific_heat_j_per_g_k: float = SPECIFIC_HEAT_J_PER_G_K) -> float:
    """ΔH = −m c ΔT / n in kJ per mole of the limiting reagent."""
    moles_limiting_mol = check_range("moles_limiting_mol", moles_limiting_mol, 0, 1e6, unit="mol")
    return -energy_transferred_j(mass_g, temperature_change_k, specific_heat_j_per_g_k) / moles_limiting_mol / 1000.0


def reaction_profile(delta_h_kj_mol: float, activation_energy_kj_mol: float, points: int = 241):
    """Energy along the reaction coordinate: flat reactants at 0, a smooth hump whose
    top is exactly ``Ea`` at the middle, flat products at ΔH.

    Returns:
        ``(progress, energy_kj_mol)``: progress runs 0 → 1.
    """
    points = check_count("points", points, 9, 100_000)
    progress = np.linspace(0.0, 1.0, points)
    # Reactants plateau to 0.2, climb to the peak at 0.5, fall to products by 0.8.
    rising = np.clip((progress - 0.2) / 0.3, 0.0, 1.0)
    falling = np.clip((progress - 0.5) / 0.3, 0.0, 1.0)
    climb = activation_energy_kj_mol * (1.0 - np.cos(np.pi * rising)) / 2.0
    descent = (activation_energy_kj_mol - delta_h_kj_mol) * (1.0 - np.cos(np.pi * falling)) / 2.0
    energy = np.where(progress <= 0.5, climb, activation_energy_kj_mol - descent)
    return progress, energy


@dataclass(frozen=True)
class EnergeticsParams:
    """One reaction in a polystyrene cup, and its energy profile. Validated on creation.

    Attributes:
        delta_h_kj_mol: the true enthalpy change per mole of limiting reagent, in kJ/mol
            (negative: exothermic); [−500, 200].
        activation_energy_kj_mol: Ea, from the reactants to the top of the hump, in
            kJ/mol; must be above both 0 and ΔH, at most 1000.
        catalyst_reduction_percent: share of the hump (above the higher of reactants and
            products) a catalyst removes, in per cent (%); [0, 95].
        concentration_1_mol_dm3: first solution (the acid, or copper sulfate), in mol/dm³;
            (0, 5].
        volume_1_cm3: its volume, in cm³; (0, 500].
        concentration_2_mol_dm3: second solution (the alkali), in mol/dm³; (0, 5].
        volume_2_cm3: its volume, in cm³; [0, 500]; 0 means the second reagent is a solid
            in excess (e.g. zinc powder).
        heat_loss_per_s: Newton's-law cooling constant k of the cup, in per second
            (s⁻¹); [0, 0.05]. About 0.0005 s⁻¹ for a polystyrene cup with a lid.
        reaction_time_s: τ, the time constant of mixing and reacting, in seconds (s);
            [0.1, 600]. A few seconds for a stirred neutralisation; tens of seconds for
            zinc powder.
        room_temperature_c: starting temperature of both solutions and the room, in
            degrees Celsius (°C); [−20, 60].
    """

    delta_h_kj_mol: float = NEUTRALISATION_DELTA_H_KJ_MOL
    activation_energy_kj_mol: float = 80.0
    catalyst_reduction_percent: float = 0.0
    concentration_1_mol_dm3: float = 1.0
    volume_1_cm3: float = 25.0
    concentration_2_mol_dm3: float = 1.0
    volume_2_cm3: float = 25.0
    heat_loss_per_s: float = 0.0005
    reaction_time_s: float = 5.0
    room_temperature_c: float = 20.0

    def __post_init__(self):
        delta_h = check_range("delta_h_kj_mol", self.delta_h_kj_mol, -500, 200, low_open=False, unit="kJ/mol")
        checks = {
            "delta_h_kj_mol": delta_h,
            "activation_energy_kj_mol": check_range(
                "activation_energy_kj_mol", self.activation_energy_kj_mol, max(0.0, delta_h), 1000, unit="kJ/mol"
            ),
            "catalyst_reduction_percent": check_range(
                "catalyst_reduction_percent", self.catalyst_reduction_percent, 0, 95, low_open=False, unit="%"
            ),
            "concentration_1_mol_dm3": check_range("concentration_1_mol_dm3", self.concentration_1_mol_dm3, 0, 5,
                                                   unit="mol/dm³"),
            "volume_1_cm3": check_range("volume_1_cm3", self.volume_1_cm3, 0, 500, unit="cm³"),
            "concentration_2_mol_dm3": check_range("concentration_2_mol_dm3", self.concentration_2_mol_dm3, 0, 5,
                                                   unit="mol/dm³"),
            "volume_2_cm3": check_range("volume_2_cm3", self.volume_2_cm3, 0, 500, low_open=False, unit="cm³"),
            "heat_loss_per_s": check_range("heat_loss_per_s", self.heat_loss_per_s, 0, 0.05, low_open=False,
                                           unit="1/s"),
            "reaction_time_s": check_range("reaction_time_s", self.reaction_time_s, 0.1, 600, low_open=False,
                                           unit="s"),
            "room_temperature_c": check_range("room_temperature_c", self.room_temperature_c, -20, 60,
                                              low_open=False, unit="°C"),
        }
        for name, value in checks.items():
            object.__setattr__(self, name, value)

    @property
    def moles_limiting_mol(self) -> float:
        """Moles of the limiting reagent (1 : 1 reaction), mol."""
        first = self.concentration_1_mol_dm3 * self.volume_1_cm3 / 1000.0
        if self.volume_2_cm3 == 0:
            return first  # the second reagent is a solid in excess
        return min(first, self.concentration_2_mol_dm3 * self.volume_2_cm3 / 1000.0)

    @property
    def solution_mass_g(self) -> float:
        """Mass of solution warmed or cooled, g (1.00 g/cm³)."""
        return (self.volume_1_cm3 + self.volume_2_cm3) * SOLUTION_DENSITY_G_PER_CM3

    @property
    def ideal_temperature_change_k(self) -> float:
        """ΔT₀ = −ΔH n / (m c) with no heat loss, K."""
        return -self.delta_h_kj_mol * 1000.0 * self.moles_limiting_mol / (
            self.solution_mass_g * SPECIFIC_HEAT_J_PER_G_K)

    @property
    def catalysed_activation_energy_kj_mol(self) -> float:
        """Ea with the catalyst, kJ/mol."""
        floor = max(0.0, self.delta_h_kj_mol)
        return self.activation_energy_kj_mol - self.catalyst_reduction_percent / 100.0 * (
            self.activation_energy_kj_mol - floor)


def temperature_rise_k(params: EnergeticsParams, seconds_since_mixing) -> np.ndarray:
    """θ = T − T_room after mixing (exact solution in the module docstring), K."""
    s = np.maximum(np.asarray(seconds_since_mixing, dtype=float), 0.0)
    rate = 1.0 / params.reaction_time_s
    k = params.heat_loss_per_s
    ideal = params.ideal_temperature_change_k
    if k == 0.0:
        return ideal * -np.expm1(-rate * s)
    if math.isclose(rate, k, rel_tol=1e-9):
        return ideal * rate * s * np.exp(-rate * s)
    return ideal * rate / (rate - k) * (np.exp(-k * s) - np.exp(-rate * s))


@dataclass(frozen=True)
class EnergeticsRun:
    """The profile and one temperature–time run. Arrays share their first index.

    Attributes:
        params: what was run.
        progress: reaction coordinate, 0 → 1.
        profile_kj_mol: energy along the uncatalysed path, kJ/mol (reactants at 0).
        catalysed_profile_kj_mol: energy along the catalysed path, kJ/mol.
        mix_at_s: when the solutions were mixed, s.
        times_s: sample times, s.
        temperature_c: temperature with heat loss, °C.
        no_loss_temperature_c: temperature if no heat were lost, °C.
        observed_change_k: the largest change from the start (most positive if
            exothermic, most negative if endothermic), K.
        extrapolated_change_k: change found by extrapolating the cooling line back to
            the moment of mixing, K.
        cooling_gradient_k_per_s: gradient of that cooling line, K/s.
    """

    params: EnergeticsParams
    progress: np.ndarray
    profile_kj_mol: np.ndarray
    catalysed_profile_kj_mol: np.ndarray
    mix_at_s: float
    times_s: np.ndarray
    temperature_c: np.ndarray
    no_loss_temperature_c: np.ndarray
    observed_change_k: float
    extrapolated_change_k: float
    cooling_gradient_k_per_s: float

    @property
    def delta_h_from_observed_kj_mol(self) -> float:
        """ΔH worked out from the largest temperature change, kJ/mol."""
        p = self.params
        return delta_h_from_temperature_change(p.solution_mass_g, self.observed_change_k, p.moles_limiting_mol)

    @property
    def delta_h_from_extrapolation_kj_mol(self) -> float:
        """ΔH worked out from the extrapolated (cooling-corrected) change, kJ/mol."""
        p = self.params
        return delta_h_from_temperature_change(p.solution_mass_g, self.extrapolated_change_k, p.moles_limiting_mol)


def extreme_change(start_c: float, temperatures_c) -> float:
    """The largest change from ``start_c`` in either direction (signed), K."""
    change = np.asarray(temperatures_c, dtype=float) - start_c
    return float(change[np.argmax(np.abs(change))])


def extrapolated_temperature_change(times_s, temperatures_c, mix_at_s: float, fit_from_s: float | None = None):
    """The cooling correction: fit a straight line to the readings after the extreme
    temperature and extrapolate it back to the moment of mixing.

    The starting temperature is the mean of the readings before ``mix_at_s``.

    Args:
        times_s: reading times, s.
        temperatures_c: readings, °C.
        mix_at_s: when the reagents were mixed, s.
        fit_from_s: first time used in the fit; default 30 s after the extreme reading.

    Returns:
        ``(change_k, gradient_k_per_s, start_c)``.

    Raises:
        ValueError: if fewer than one reading is before mixing or three after.
    """
    times = np.asarray(times_s, dtype=float)
    temperatures = np.asarray(temperatures_c, dtype=float)
    before = times < mix_at_s
    if not before.any():
        raise ValueError("extrapolation needs at least one reading before mixing")
    start = float(temperatures[before].mean())
    after = ~before
    if fit_from_s is None:
        change = temperatures[after] - start
        fit_from_s = float(times[after][np.argmax(np.abs(change))]) + 30.0
    fit = times >= fit_from_s
    if fit.sum() < 3:
        raise ValueError("extrapolation needs at least three readings after the extreme temperature")
    gradient, intercept, _, _ = fit_line(times[fit], temperatures[fit])
    return gradient * mix_at_s + intercept - start, gradient, start


def simulate(params: EnergeticsParams | None = None, mix_at_s: float = 120.0, duration_s: float = 600.0,
             samples: int = 601) -> EnergeticsRun:
    """The reaction profile and a temperature–time run of the cup practical.

    Args:
        params: the reaction; defaults to ``EnergeticsParams()`` (HCl + NaOH).
        mix_at_s: when the solutions are mixed, s; [0, duration_s).
        duration_s: length of the record, s; (0, 36000].
        samples: number of temperature samples; 10–100000.
    """
    params = EnergeticsParams() if params is None else params
    duration_s = check_range("duration_s", duration_s, 0, 36000, unit="s")
    mix_at_s = check_range("mix_at_s", mix_at_s, 0, duration_s, low_open=False, high_open=True, unit="s")
    samples = check_count("samples", samples, 10, 100_000)
    progress, profile = reaction_profile(params.delta_h_kj_mol, params.activation_energy_kj_mol)
    _, catalysed = reaction_profile(params.delta_h_kj_mol, params.catalysed_activation_energy_kj_mol)
    times = np.linspace(0.0, duration_s, samples)
    since = times - mix_at_s
    room = params.room_temperature_c
    temperature = room + np.where(since > 0, temperature_rise_k(params, since), 0.0)
    no_loss = room + np.where(since > 0, params.ideal_temperature_change_k * -np.expm1(-np.maximum(since, 0.0)
                                                                                     / params.reaction_time_s), 0.0)
    observed = extreme_change(room, temperature)
    extrapolated, gradient = observed, 0.0
    if observed != 0.0:
        # Fit the tail, well after the reaction has finished (5τ) and the peak has passed.
        peak_time = float(times[np.argmax(np.abs(temperature - room))])
        fit_from = max(peak_time, mix_at_s + 5.0 * params.reaction_time_s) + 10.0
        if np.count_nonzero(times >= fit_from) >= 3:
            extrapolated, gradient, _ = extrapolated_temperature_change(times, temperature, mix_at_s, fit_from)
    return EnergeticsRun(params, progress, profile, catalysed, mix_at_s, times, temperature, no_loss,
                         observed, float(extrapolated), float(gradient))


def describe(run: EnergeticsRun) -> str:
    """One or two sentences a screen reader can speak about this run."""
    p = run.params
    kind = "exothermic" if p.delta_h_kj_mol < 0 else "endothermic" if p.delta_h_kj_mol > 0 else "thermoneutral"
    second = (f"{p.volume_2_cm3:.0f} cm³ of {p.concentration_2_mol_dm3:.2f} mol/dm³ solution"
              if p.volume_2_cm3 > 0 else "a solid in excess")
    direction = "rises" if run.observed_change_k >= 0 else "falls"
    return (
        f"Mixing {p.volume_1_cm3:.0f} cm³ of {p.concentration_1_mol_dm3:.2f} mol/dm³ solution with {second} "
        f"({p.moles_limiting_mol:.4f} mol reacting) the temperature {direction} by at most "
        f"{abs(run.observed_change_k):.2f} °C ({abs(p.ideal_temperature_change_k):.2f} °C with no heat loss), so "
        f"q = mcΔT gives ΔH = {run.delta_h_from_observed_kj_mol:.1f} kJ/mol against the true "
        f"{p.delta_h_kj_mol:.1f} kJ/mol ({run.delta_h_from_extrapolation_kj_mol:.1f} kJ/mol with the cooling "
        f"correction). The {kind} profile peaks {p.activation_energy_kj_mol:.0f} kJ/mol above the reactants, "
        f"{p.catalysed_activation_energy_kj_mol:.0f} kJ/mol with the catalyst."
    )


def to_table(run: EnergeticsRun) -> Table:
    """The temperature–time run as a table (every sample)."""
    return Table.from_columns(
        [
            ("time", "s", run.times_s),
            ("temperature", "°C", run.temperature_c),
            ("temperature with no heat loss", "°C", run.no_loss_temperature_c),
        ],
        title=f"Temperature change, ΔH = {run.params.delta_h_kj_mol:g} kJ/mol, mixed at {run.mix_at_s:g} s",
    )


def profile_table(run: EnergeticsRun) -> Table:
    """The reaction profile as a table: progress, energy without and with the catalyst."""
    return Table.from_columns(
        [
            ("progress of reaction", "", run.progress),
            ("energy", "kJ/mol", run.profile_kj_mol),
            ("energy with catalyst", "kJ/mol", run.catalysed_profile_kj_mol),
        ],
        title=f"Reaction profile, ΔH = {run.params.delta_h_kj_mol:g} kJ/mol, Ea = "
              f"{run.params.activation_energy_kj_mol:g} kJ/mol",
    )


def thermometer(resolution_c: float = 0.1) -> Instrument:
    """A thermometer read to ``resolution_c`` (0.1 °C digital, 0.5 °C glass)."""
    resolution_c = check_range("resolution_c", resolution_c, 0, 5, unit="°C")
    return Instrument("thermometer", "°C", resolution=resolution_c, random_sd=max(0.03, 0.2 * resolution_c))


# A 25 cm³ measuring cylinder read to the nearest 0.5 cm³ by a pupil: the volume poured
# scatters by about 0.3 cm³.
MEASURING_CYLINDER = Instrument("25 cm³ measuring cylinder", "cm³", resolution=0.5, random_sd=0.3)


def virtual_practical(
    params: EnergeticsParams | None = None,
    repeats: int = 3,
    reading_interval_s: float = 30.0,
    mix_at_s: float = 180.0,
    duration_s: float = 600.0,
    thermometer_resolution_c: float = 0.1,
    seed: int | None = 0,
) -> Table:
    """Simulated class results: temperature every ``reading_interval_s`` in a
    polystyrene cup, mixing at ``mix_at_s``, ``repeats`` times.

    The systematic error is heat loss to the surroundings (``params.heat_loss_per_s``,
    included in the physics so it is always there): the highest reading is below the
    no-loss ΔT and ΔH comes out less negative than the true value. Random error: the
    measuring cylinder (each run's volumes differ slightly from the nominal ones, so its
    ΔT differs) and the thermometer. Extrapolating the cooling line back to the moment
    of mixing recovers most of the lost ΔT.

    The default reaction is 25 cm³ of 1.00 mol/dm³ HCl + 25 cm³ of 1.00 mol/dm³ NaOH in a
    cup without a lid (k = 0.0008 s⁻¹, τ = 20 s with gentle stirring).

    Returns:
        Table with columns time / s, then temperature run 1, 2, … / °C.
    """
    if params is None:
        params = EnergeticsParams(heat_loss_per_s=0.0008, reaction_time_s=20.0)
    repeats = check_count("repeats", repeats, 1, 10)
    duration_s = check_range("duration_s", duration_s, 0, 36000, unit="s")
    reading_interval_s = check_range("reading_interval_s", reading_interval_s, 0, duration_s, unit="s")
    mix_at_s = check_range("mix_at_s", mix_at_s, 0, duration_s, high_open=True, unit="s")
    instrument = thermometer(thermometer_resolution_c)
    rng = make_rng(seed)
    times = np.arange(0.0, duration_s + 1e-9, reading_interval_s)
    columns = [("time", "s", times)]
    for run_number in range(1, repeats + 1):
        volume_1 = max(1.0, params.volume_1_cm3 + rng.normal(0.0, MEASURING_CYLINDER.random_sd))
        volume_2 = (max(1.0, params.volume_2_cm3 + rng.normal(0.0, MEASURING_CYLINDER.random_sd))
                    if params.volume_2_cm3 > 0 else 0.0)
        poured = replace(params, volume_1_cm3=volume_1, volume_2_cm3=volume_2)
        since = times - mix_at_s
        true = params.room_temperature_c + np.where(since > 0, temperature_rise_k(poured, since), 0.0)
        columns.append((f"temperature run {run_number}", "°C", instrument.read(true, rng)))
    second = (f"{params.volume_2_cm3:g} cm³ of {params.concentration_2_mol_dm3:g} mol/dm³"
              if params.volume_2_cm3 > 0 else "a solid in excess")
    return Table.from_columns(
        columns,
        title=(
            f"Virtual practical: {params.volume_1_cm3:g} cm³ of {params.concentration_1_mol_dm3:g} mol/dm³ + "
            f"{second}, mixed at {mix_at_s:g} s in a polystyrene cup (seed {seed})"
        ),
    )
