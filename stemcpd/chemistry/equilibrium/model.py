"""Reversible reactions at equilibrium: an ICE-table solver for any stoichiometry, Le
Chatelier's principle, the van 't Hoff equation and the Haber process.

Chemistry (see MODEL.md beside this file for the teacher's version):

* A reaction Σ νᵢ Xᵢ = 0 (ν < 0 for reactants, > 0 for products) starting from
  concentrations c⁰ᵢ reaches equilibrium at the extent ξ (mol/dm³) where

      cᵢ = c⁰ᵢ + νᵢ ξ   and   Q(ξ) = Π cᵢ^νᵢ = Kc

  (concentrations relative to 1 mol/dm³, so Kc is a pure number). Every cᵢ ≥ 0 confines
  ξ to an interval [ξ_min, ξ_max]; ln Q rises monotonically across it from −∞ to +∞
  (d ln Q/dξ = Σ νᵢ²/cᵢ > 0), so there is exactly one root. It is found with Brent's
  bracketed method in the variable u = ln η, where η is the distance of ξ from the
  nearer end of the interval; the species that vanish at that end then have
  ln c = ln|ν| + u exactly, so Kc = 10⁻³⁰⁰ or 10³⁰⁰ is solved as accurately as Kc = 1.
* Gas mixtures at total pressure p: mole fractions xᵢ = nᵢ/N and
  Kp = Π (xᵢ p/p°)^νᵢ, solved the same way (the extra −Δn ln N term keeps ln Q monotonic).
* Van 't Hoff, for a constant enthalpy change ΔH:
  K(T₂) = K(T₁) exp(−ΔH/R (1/T₂ − 1/T₁)).
* Haber process N₂ + 3H₂ ⇌ 2NH₃: Kp = 4.51 × 10⁻⁵ atm⁻² at 450 °C (T. L. Brown et al.,
  *Chemistry: The Central Science*, table "Variation in Kp with temperature"), carried to
  other temperatures by van 't Hoff with ΔH = −92.2 kJ/mol (twice ΔfH°(NH₃, g) =
  −46.11 kJ/mol, NBS tables). For a 1 : 3 feed the equilibrium mole fraction y of
  ammonia has a closed form: y/(1 − y)² = q with q = (3√3/16) p √Kp.

Assumptions and limits: ideal solutions and ideal gases (activities = concentrations or
partial pressures); ΔH independent of temperature (the real ΔH of the Haber reaction is
about −105 kJ/mol near 450 °C, so Kp drifts from measured values far from 450 °C: within
about 45% from 300 to 600 °C); pure solids and liquids are left out of the Kc expression
by leaving them out of the stoichiometry. Equilibrium only: nothing here says how fast
it is reached.
"""

from __future__ import annotations

from dataclasses import dataclass
import math

import numpy as np
from scipy.optimize import brentq

from stemcpd.table import Table
from stemcpd.validation import check_range

GAS_CONSTANT_J_MOL_K = 8.314462618  # CODATA 2018
ZERO_CELSIUS_K = 273.15

# Haber process reference data (see the module docstring for sources).
HABER_STOICHIOMETRY = {"N2": -1, "H2": -3, "NH3": 2}
HABER_REFERENCE_KP_ATM2 = 4.51e-5  # Kp in atm⁻², pressures in atm
HABER_REFERENCE_TEMPERATURE_K = 450.0 + ZERO_CELSIUS_K
HABER_DELTA_H_KJ_MOL = -92.2

# Textbook ICE example (H₂ + I₂ ⇌ 2HI at 430 °C).
HYDROGEN_IODIDE_STOICHIOMETRY = {"H2": -1, "I2": -1, "HI": 2}

K_LIMIT = 1e300  # |ln K| stays well inside what floating point can represent
_LOG_SPAN = 2000.0  # how far below the half-interval ln η the bracket reaches


def _check_stoichiometry(stoichiometry) -> tuple[list[str], np.ndarray]:
    if not isinstance(stoichiometry, dict) or not stoichiometry:
        raise ValueError("stoichiometry must be a non-empty dict of species → coefficient, "
                         "e.g. {'H2': -1, 'I2': -1, 'HI': 2}")
    species = list(stoichiometry)
    coefficients = []
    for name in species:
        value = stoichiometry[name]
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value) or value == 0:
            raise ValueError(f"stoichiometric coefficient of {name} must be a non-zero number "
                             f"(negative for a reactant, positive for a product), got {value!r}")
        coefficients.append(float(value))
    nu = np.array(coefficients)
    if not np.any(nu < 0):
        raise ValueError(f"stoichiometry {stoichiometry} has no reactants (give reactants negative coefficients)")
    if not np.any(nu > 0):
        raise ValueError(f"stoichiometry {stoichiometry} has no products (give products positive coefficients)")
    return species, nu


def _check_amounts(species, amounts, what: str, unit: str) -> np.ndarray:
    if not isinstance(amounts, dict):
        raise ValueError(f"{what} must be a dict of species → {unit}")
    extra = sorted(set(amounts) - set(species))
    if extra:
        raise ValueError(f"{what} lists {', '.join(extra)}, which the stoichiometry does not contain")
    values = []
    for name in species:
        if name not in amounts:
            raise ValueError(f"{what} is missing {name}: give every species a value in {unit} (0 if absent)")
        values.append(check_range(f"{what} of {name}", amounts[name], 0, math.inf, low_open=False, unit=unit))
        if math.isinf(values[-1]):
            raise ValueError(f"{what} of {name} must be finite, got inf")
    return np.array(values)


def _check_k(name: str, value) -> float:
    return check_range(name, value, 1.0 / K_LIMIT, K_LIMIT, low_open=False)


def _solve_extent(nu: np.ndarray, start: np.ndarray, ln_k: float, gas: bool) -> np.ndarray:
    """Amounts at equilibrium for Σ νᵢ ln nᵢ (− Δn ln N if ``gas``) = ln_k.

    Returns the equilibrium amounts (same unit as ``start``). If no reaction can occur
    (a reactant and a product both absent), returns ``start`` unchanged.
    """
    with np.errstate(divide="ignore", invalid="ignore"):
        limits = -start / nu  # the extent at which each species would run out
    lower = float(np.max(np.where(nu > 0, limits, -np.inf)))  # products must stay ≥ 0
    upper = float(np.min(np.where(nu < 0, limits, np.inf)))  # reactants must stay ≥ 0
    width = upper - lower
    if not width > 0:
        return start.copy()
    delta_n = nu.sum()
    # The species that run out at each end, set to exactly zero there.
    vanishes_at = {
        -1: (nu < 0) & np.isclose(limits, upper, rtol=1e-13, atol=0.0),
        +1: (nu > 0) & np.isclose(limits, lower, rtol=1e-13, atol=0.0),
    }

    def state_at(side: int, eta: float, ln_eta: float):
        """Amounts and their logs a distance η in from one end (side −1: from the upper
        end, where a reactant runs out; +1: from the lower end, where a product does)."""
        vanishing = vanishes_at[side]
        base = np.where(vanishing, 0.0, start + nu * (upper if side < 0 else lower))
        amounts = np.where(vanishing, np.abs(nu) * eta, base + side * nu * eta)
        with np.errstate(divide="ignore"):
            logs = np.where(vanishing, np.log(np.abs(nu)) + ln_eta, np.log(np.maximum(amounts, 0.0)))
        return amounts, logs

    def mismatch(side: int, ln_eta: float) -> float:
        eta = math.exp(ln_eta)
        amounts, logs = state_at(side, eta, ln_eta)
        value = float(nu @ logs) - ln_k
        if gas:
            value -= delta_n * math.log(amounts.sum())
        return value

    half = 0.5 * width
    ln_half = math.log(half)
    middle = mismatch(+1, ln_half)  # the midpoint, measured from the lower end
    if middle == 0.0:
        return state_at(+1, half, ln_half)[0]
    # ln Q rises with ξ: too high at the midpoint → the root is in the lower half.
    side = +1 if middle > 0 else -1
    # From the chosen end, ln Q runs from ∓∞ (at η → 0) to the midpoint value.
    low = ln_half - _LOG_SPAN
    ln_eta = brentq(lambda u: mismatch(side, u), low, ln_half, xtol=1e-15, rtol=4 * np.finfo(float).eps,
                    maxiter=500)
    return state_at(side, math.exp(ln_eta), ln_eta)[0]


def equilibrium_concentrations(stoichiometry: dict, kc: float, initial: dict) -> dict:
    """Equilibrium concentrations of a reaction in solution (or any Kc problem).

    Args:
        stoichiometry: species → coefficient, negative for reactants and positive for
            products, e.g. ``{"H2": -1, "I2": -1, "HI": 2}``. Leave pure solids and
            liquids out (they do not appear in Kc).
        kc: the equilibrium constant (concentrations in mol/dm³ over 1 mol/dm³, so a pure
            number); [1e-300, 1e300].
        initial: species → starting concentration, mol/dm³ (≥ 0; every species needed).

    Returns:
        species → equilibrium concentration, mol/dm³ (in the stoichiometry's order).

    Raises:
        ValueError: naming the species for a negative or missing concentration, an
            unknown species, a zero coefficient, or a stoichiometry with no reactants or
            no products; naming ``kc`` and its range for a bad constant.
    """
    species, nu = _check_stoichiometry(stoichiometry)
    start = _check_amounts(species, initial, "initial concentration", "mol/dm³")
    kc = _check_k("kc", kc)
    final = _solve_extent(nu, start, math.log(kc), gas=False)
    return dict(zip(species, (float(c) for c in final)))


def equilibrium_mole_fractions(stoichiometry: dict, kp: float, initial_amounts: dict, pressure: float,
                               standard_pressure: float = 1.0) -> dict:
    """Equilibrium mole fractions of an ideal-gas reaction at total pressure ``pressure``.

    Solves Kp = Π (xᵢ p/p°)^νᵢ. ``pressure`` and ``standard_pressure`` share a unit (the
    one Kp was quoted in: atm for the Haber data here, bar for modern tables).

    Args:
        stoichiometry: as for :func:`equilibrium_concentrations` (gases only).
        kp: the equilibrium constant in that pressure unit; [1e-300, 1e300].
        initial_amounts: species → starting amount, mol (≥ 0, every species needed).
        pressure: total pressure; (0, 1e6].
        standard_pressure: p° in the same unit; (0, 1e6].

    Returns:
        species → mole fraction at equilibrium (they add up to 1).
    """
    species, nu = _check_stoichiometry(stoichiometry)
    start = _check_amounts(species, initial_amounts, "initial amount", "mol")
    if not start.sum() > 0:
        raise ValueError("initial amounts are all zero: give at least one species a positive amount")
    kp = _check_k("kp", kp)
    pressure = check_range("pressure", pressure, 0, 1e6)
    standard_pressure = check_range("standard_pressure", standard_pressure, 0, 1e6)
    ln_target = math.log(kp) - nu.sum() * math.log(pressure / standard_pressure)
    final = _solve_extent(nu, start, ln_target, gas=True)
    return dict(zip(species, (float(n) for n in final / final.sum())))


def reaction_quotient(stoichiometry: dict, concentrations: dict) -> float:
    """Q = Π cᵢ^νᵢ for the given concentrations (mol/dm³); inf if a reactant is 0."""
    species, nu = _check_stoichiometry(stoichiometry)
    values = _check_amounts(species, concentrations, "concentration", "mol/dm³")
    with np.errstate(divide="ignore"):
        ln_q = float(nu @ np.log(values))
    return math.exp(ln_q) if ln_q < 709 else math.inf


def reaction_direction(stoichiometry: dict, k: float, concentrations: dict) -> str:
    """Which way a mixture must react to reach equilibrium, comparing Q with K:
    ``"forwards"`` (Q < K), ``"backwards"`` (Q > K), ``"at equilibrium"``, or
    ``"no reaction possible"`` (a reactant and a product are both absent)."""
    species, nu = _check_stoichiometry(stoichiometry)
    values = _check_amounts(species, concentrations, "concentration", "mol/dm³")
    k = _check_k("k", k)
    no_product = bool(np.any(values[nu > 0] == 0))
    no_reactant = bool(np.any(values[nu < 0] == 0))
    if no_product and no_reactant:
        return "no reaction possible"
    if no_product:
        return "forwards"
    if no_reactant:
        return "backwards"
    difference = float(nu @ np.log(values)) - math.log(k)
    if abs(difference) < 1e-9:
        return "at equilibrium"
    return "forwards" if difference < 0 else "backwards"


def vant_hoff(k1: float, delta_h_kj_mol: float, t1_k: float, t2_k: float) -> float:
    """Equilibrium constant at ``t2_k`` from its value at ``t1_k`` (constant ΔH):
    K(T₂) = K(T₁) exp(−ΔH/R (1/T₂ − 1/T₁)).

    Args:
        k1: K at T₁ (any units; the result has the same); > 0.
        delta_h_kj_mol: enthalpy change of the reaction as written, kJ/mol.
        t1_k, t2_k: temperatures, K; (0, 10000].
    """
    k1 = check_range("k1", k1, 0, math.inf, high_open=True)
    delta_h = check_range("delta_h_kj_mol", delta_h_kj_mol, -1e5, 1e5, low_open=False) * 1000.0
    t1_k = check_range("t1_k", t1_k, 0, 10000, unit="K")
    t2_k = check_range("t2_k", t2_k, 0, 10000, unit="K")
    return k1 * math.exp(-delta_h / GAS_CONSTANT_J_MOL_K * (1.0 / t2_k - 1.0 / t1_k))


def haber_kp(temperature_k, delta_h_kj_mol: float = HABER_DELTA_H_KJ_MOL):
    """Kp of N₂ + 3H₂ ⇌ 2NH₃, atm⁻² (pressures in atm), at ``temperature_k`` (scalar or
    array, K): the 450 °C reference value carried by van 't Hoff with ``delta_h_kj_mol``."""
    temperature = np.asarray(temperature_k, dtype=float)
    if np.any(~((temperature > 0) & (temperature <= 10000))):
        raise ValueError(f"temperature_k must be in (0, 10000] K, got {temperature_k!r}")
    exponent = -delta_h_kj_mol * 1000.0 / GAS_CONSTANT_J_MOL_K * (1.0 / temperature - 1.0 / HABER_REFERENCE_TEMPERATURE_K)
    kp = HABER_REFERENCE_KP_ATM2 * np.exp(exponent)
    return float(kp) if kp.ndim == 0 else kp


def haber_ammonia_fraction(temperature_k, pressure_atm, delta_h_kj_mol: float = HABER_DELTA_H_KJ_MOL):
    """Equilibrium mole fraction of NH₃ from a 1 : 3 N₂ : H₂ feed (ideal gases).

    With y the NH₃ mole fraction, x(N₂) = (1 − y)/4 and x(H₂) = 3(1 − y)/4, so
    Kp p² = 256 y² / (27 (1 − y)⁴), i.e. y/(1 − y)² = q = (3√3/16) p √Kp, whose root in
    [0, 1) is y = 2q / (2q + 1 + √(4q + 1)) (the form without cancellation).

    Args:
        temperature_k: temperature(s), K; (0, 10000].
        pressure_atm: total pressure(s), atm; (0, 1e5].
        delta_h_kj_mol: ΔH used to carry Kp from 450 °C, kJ/mol.

    Returns:
        mole fraction(s) of ammonia, 0–1 (broadcast over the arguments).
    """
    pressure = np.asarray(pressure_atm, dtype=float)
    if np.any(~((pressure > 0) & (pressure <= 1e5))):
        raise ValueError(f"pressure_atm must be in (0, 100000] atm, got {pressure_atm!r}")
    q = 3.0 * math.sqrt(3.0) / 16.0 * pressure * np.sqrt(haber_kp(temperature_k, delta_h_kj_mol))
    y = 2.0 * q / (2.0 * q + 1.0 + np.sqrt(4.0 * q + 1.0))
    return float(y) if np.ndim(y) == 0 else y


@dataclass(frozen=True)
class EquilibriumParams:
    """The H₂ + I₂ ⇌ 2HI ICE problem and the Haber conditions. Validated on creation.

    Attributes:
        log10_kc: log₁₀ of Kc for H₂ + I₂ ⇌ 2HI (Kc is a pure number); [−6, 6].
            1.735 gives Kc = 54.3, the textbook value at 430 °C.
        initial_hydrogen_mol_dm3: starting [H₂], mol/dm³; [0, 10].
        initial_iodine_mol_dm3: starting [I₂], mol/dm³; [0, 10].
        initial_hydrogen_iodide_mol_dm3: starting [HI], mol/dm³; [0, 10].
        temperature_c: Haber reactor temperature, °C (the model uses K = °C + 273.15);
            [100, 1000].
        pressure_atm: Haber total pressure, atm (1 atm = 101 325 Pa); (0, 2000].
    """

    log10_kc: float = 1.735
    initial_hydrogen_mol_dm3: float = 0.5
    initial_iodine_mol_dm3: float = 0.5
    initial_hydrogen_iodide_mol_dm3: float = 0.0
    temperature_c: float = 450.0
    pressure_atm: float = 200.0

    def __post_init__(self):
        checks = {
            "log10_kc": check_range("log10_kc", self.log10_kc, -6, 6, low_open=False),
            "temperature_c": check_range("temperature_c", self.temperature_c, 100, 1000, low_open=False, unit="°C"),
            "pressure_atm": check_range("pressure_atm", self.pressure_atm, 0, 2000, unit="atm"),
        }
        for name in ("initial_hydrogen_mol_dm3", "initial_iodine_mol_dm3", "initial_hydrogen_iodide_mol_dm3"):
            checks[name] = check_range(name, getattr(self, name), 0, 10, low_open=False, unit="mol/dm³")
        for name, value in checks.items():
            object.__setattr__(self, name, value)

    @property
    def kc(self) -> float:
        """Kc for H₂ + I₂ ⇌ 2HI."""
        return 10.0**self.log10_kc

    @property
    def initial(self) -> dict:
        """Starting concentrations by species, mol/dm³."""
        return {"H2": self.initial_hydrogen_mol_dm3, "I2": self.initial_iodine_mol_dm3,
                "HI": self.initial_hydrogen_iodide_mol_dm3}


@dataclass(frozen=True)
class EquilibriumResult:
    """An ICE problem solved and the Haber yield curve at one pressure.

    Attributes:
        params: the parameters used.
        species: species names in order (H2, I2, HI).
        direction: which way the starting mixture reacts ("forwards", "backwards",
            "at equilibrium" or "no reaction possible").
        coefficients: their stoichiometric coefficients.
        initial_mol_dm3: starting concentrations, mol/dm³.
        equilibrium_mol_dm3: equilibrium concentrations, mol/dm³.
        haber_temperatures_c: temperatures of the yield curve, °C.
        haber_percent: equilibrium NH₃ mole percent at ``params.pressure_atm``, %.
        haber_percent_reference: the same at the reference pressure, %.
        haber_reference_pressure_atm: that reference pressure (200 atm), atm.
        haber_kp_atm2: Kp at ``params.temperature_c``, atm⁻².
        ammonia_percent: equilibrium NH₃ mole percent at the chosen T and p, %.
    """

    params: EquilibriumParams
    species: tuple
    direction: str
    coefficients: tuple
    initial_mol_dm3: np.ndarray
    equilibrium_mol_dm3: np.ndarray
    haber_temperatures_c: np.ndarray
    haber_percent: np.ndarray
    haber_percent_reference: np.ndarray
    haber_reference_pressure_atm: float
    haber_kp_atm2: float
    ammonia_percent: float

    @property
    def change_mol_dm3(self) -> np.ndarray:
        """The C row of the ICE table, mol/dm³."""
        return self.equilibrium_mol_dm3 - self.initial_mol_dm3

    @property
    def equilibrium(self) -> dict:
        """Equilibrium concentrations by species, mol/dm³."""
        return dict(zip(self.species, self.equilibrium_mol_dm3))


HABER_CURVE_TEMPERATURES_C = np.linspace(200.0, 800.0, 241)
REFERENCE_PRESSURE_ATM = 200.0


def simulate(params: EquilibriumParams | None = None) -> EquilibriumResult:
    """Solve the H₂ + I₂ ⇌ 2HI ICE problem and the Haber yield against temperature."""
    p = EquilibriumParams() if params is None else params
    initial = p.initial
    equilibrium = equilibrium_concentrations(HYDROGEN_IODIDE_STOICHIOMETRY, p.kc, initial)
    temperatures_k = HABER_CURVE_TEMPERATURES_C + ZERO_CELSIUS_K
    temperature_k = p.temperature_c + ZERO_CELSIUS_K
    species = tuple(HYDROGEN_IODIDE_STOICHIOMETRY)
    return EquilibriumResult(
        params=p,
        species=species,
        direction=reaction_direction(HYDROGEN_IODIDE_STOICHIOMETRY, p.kc, initial),
        coefficients=tuple(HYDROGEN_IODIDE_STOICHIOMETRY.values()),
        initial_mol_dm3=np.array([initial[s] for s in species]),
        equilibrium_mol_dm3=np.array([equilibrium[s] for s in species]),
        haber_temperatures_c=HABER_CURVE_TEMPERATURES_C,
        haber_percent=100.0 * haber_ammonia_fraction(temperatures_k, p.pressure_atm),
        haber_percent_reference=100.0 * haber_ammonia_fraction(temperatures_k, REFERENCE_PRESSURE_ATM),
        haber_reference_pressure_atm=REFERENCE_PRESSURE_ATM,
        haber_kp_atm2=haber_kp(temperature_k),
        ammonia_percent=100.0 * haber_ammonia_fraction(temperature_k, p.pressure_atm),
    )


def format_k(value: float) -> str:
    """A constant in plain text: "54.3", "0.0123", "1000" or "4.51 × 10⁻⁵"."""
    if 1e-2 <= value < 999.5:
        return f"{value:.3g}"
    if 999.5 <= value < 9999.5:
        return f"{value:.0f}"
    mantissa, exponent = f"{value:.2e}".split("e")
    superscript = str(int(exponent)).translate(str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹"))
    return f"{float(mantissa):.2f} × 10{superscript}"


def _concentration_text(value: float) -> str:
    return f"{value:.3f}" if value >= 1e-3 or value == 0 else format_k(value)


def describe(result: EquilibriumResult) -> str:
    """One or two sentences a screen reader can speak about the result."""
    p = result.params
    start = ", ".join(f"[{s}] {_concentration_text(c)}" for s, c in zip(result.species, result.initial_mol_dm3))
    end = ", ".join(f"[{s}] {_concentration_text(c)}" for s, c in zip(result.species, result.equilibrium_mol_dm3))
    if result.direction in ("forwards", "backwards"):
        ice = f"starting from {start} mol/dm³ the mixture reacts {result.direction} to {end} mol/dm³."
    elif result.direction == "at equilibrium":
        ice = f"the mixture {start} mol/dm³ is already at equilibrium."
    else:
        ice = f"from {start} mol/dm³ no reaction is possible (a reactant and the product are both absent)."
    return (
        f"H2 + I2 ⇌ 2HI with Kc = {format_k(p.kc)}: {ice} Haber process at {p.temperature_c:.0f} °C and "
        f"{p.pressure_atm:.0f} atm: {result.ammonia_percent:.1f}% ammonia at equilibrium "
        f"(Kp = {format_k(result.haber_kp_atm2)} atm⁻²)."
    )


def to_table(result: EquilibriumResult) -> Table:
    """The ICE table: one row per species (in the order given in the title)."""
    return Table.from_columns(
        [
            ("stoichiometric coefficient", "", np.array(result.coefficients, dtype=float)),
            ("initial concentration", "mol/dm³", result.initial_mol_dm3),
            ("change", "mol/dm³", result.change_mol_dm3),
            ("equilibrium concentration", "mol/dm³", result.equilibrium_mol_dm3),
        ],
        title=(f"ICE table for H2 + I2 ⇌ 2HI, Kc = {format_k(result.params.kc)}; rows: "
               + ", ".join(result.species)),
    )


def haber_table(pressure_atm: float, temperatures_c=None) -> Table:
    """Kp and the equilibrium ammonia percentage against temperature at one pressure."""
    temperatures = HABER_CURVE_TEMPERATURES_C if temperatures_c is None else np.asarray(temperatures_c, float)
    kelvin = temperatures + ZERO_CELSIUS_K
    return Table.from_columns(
        [
            ("temperature", "°C", temperatures),
            ("Kp", "atm⁻²", haber_kp(kelvin)),
            ("ammonia at equilibrium", "%", 100.0 * haber_ammonia_fraction(kelvin, pressure_atm)),
        ],
        title=f"Haber process, 1 : 3 N2 : H2 feed, ideal gases, {pressure_atm:g} atm",
    )
