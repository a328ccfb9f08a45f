"""Maxwell–Boltzmann distribution of molecular speeds and energies, and the fraction of
molecules with enough energy to react.

Physics (see MODEL.md beside this file for the teacher's version):

* Speeds of the molecules of an ideal gas at temperature ``T`` (3D, normalised so the
  area under the curve is 1), with ``M`` the molar mass in kg/mol:

      f(v) = 4π (M / (2πRT))^{3/2} v² exp(−M v² / (2RT))

  most probable speed √(2RT/M), mean √(8RT/(πM)), root-mean-square √(3RT/M).
* Translational kinetic energies, per mole (E = ½ M v² with M in kg/mol), which do not
  depend on the molar mass:

      g(E) = (2/√π) (RT)^{−3/2} √E exp(−E/(RT))

* Fraction of molecules whose kinetic energy is at least ``Ea``, with x = Ea/(RT):

      F(x) = 2 √(x/π) e^{−x} + erfc(√x)

  (the regularised upper incomplete gamma function Q(3/2, x)). For Ea ≫ RT this is
  about 2√(x/π) e^{−x}, close to the Arrhenius factor e^{−Ea/RT} multiplied by a slowly
  varying 2√(x/π).
* A catalyst provides a route with a lower activation energy ``Ea − reduction``; the
  distribution of energies is unchanged, but more of it lies beyond the new threshold.

Assumptions and limits: ideal gas in equilibrium; only translational kinetic energy is
counted (rotation and vibration also supply energy in real collisions); "energy above
Ea" is a molecule's own kinetic energy, not the energy of a collision along the line of
centres (simple collision theory gives exactly e^{−Ea/RT} for that). Classical
mechanics: fine for molecules at ordinary temperatures.

Constant: R = 8.314462618 J mol⁻¹ K⁻¹ (CODATA 2018, exact since the 2019 SI).
"""

from __future__ import annotations

from dataclasses import dataclass
import math

import numpy as np
from scipy.special import erfc

from stemcpd.table import Table
from stemcpd.validation import check_range

GAS_CONSTANT_J_MOL_K = 8.314462618  # CODATA 2018 (= N_A k, both exact in the 2019 SI)

# Molar masses in g/mol from IUPAC standard atomic weights (conventional values).
MOLAR_MASS_PRESETS_G_MOL = {
    "H₂": 2.016,
    "He": 4.003,
    "N₂": 28.014,
    "O₂": 31.998,
    "CO₂": 44.009,
}

CURVE_POINTS = 601  # even samples across each grid: smooth on screen, fast to compute
FINE_POINTS = 300  # extra samples over the bulk of the distribution (its peak)


def _check_molar_mass(molar_mass_g_mol) -> float:
    return check_range("molar_mass_g_mol", molar_mass_g_mol, 0, 1000, unit="g/mol")


def _check_temperature(temperature_k, name: str = "temperature_k") -> float:
    return check_range(name, temperature_k, 0, 10000, unit="K")


def _rt_j_mol(temperature_k: float) -> float:
    return GAS_CONSTANT_J_MOL_K * temperature_k


def maxwell_boltzmann_pdf(speed_m_s, molar_mass_g_mol: float, temperature_k: float):
    """3D Maxwell–Boltzmann speed distribution f(v), in s/m (fraction per m/s).

    ``f(v) = 4π (M/(2πRT))^{3/2} v² exp(−M v²/(2RT))`` with M in kg/mol; its integral
    over all speeds is 1.

    Args:
        speed_m_s: speed(s), m/s (scalar or array; negative speeds give 0).
        molar_mass_g_mol: molar mass, g/mol; (0, 1000].
        temperature_k: temperature, K; (0, 10000].

    Returns:
        f(v) with the shape of ``speed_m_s`` (a float for a scalar).

    Raises:
        ValueError: naming the parameter and its allowed range.
    """
    molar_mass_kg = _check_molar_mass(molar_mass_g_mol) / 1000.0
    rt = _rt_j_mol(_check_temperature(temperature_k))
    speed = np.asarray(speed_m_s, dtype=float)
    a = molar_mass_kg / (2.0 * rt)
    density = 4.0 * math.pi * (a / math.pi) ** 1.5 * speed**2 * np.exp(-a * speed**2)
    density = np.where(speed >= 0, density, 0.0)
    return float(density) if density.ndim == 0 else density


def energy_pdf(energy_kj_mol, temperature_k: float):
    """Distribution of translational kinetic energy per mole, in mol/kJ (fraction per
    kJ/mol): ``g(E) = (2/√π) (RT)^{−3/2} √E e^{−E/RT}``. Independent of molar mass.

    Args:
        energy_kj_mol: energy (or energies), kJ/mol; negative energies give 0.
        temperature_k: temperature, K; (0, 10000].
    """
    rt = _rt_j_mol(_check_temperature(temperature_k)) / 1000.0  # kJ/mol
    energy = np.asarray(energy_kj_mol, dtype=float)
    positive = np.maximum(energy, 0.0)
    density = 2.0 / math.sqrt(math.pi) * rt**-1.5 * np.sqrt(positive) * np.exp(-positive / rt)
    density = np.where(energy >= 0, density, 0.0)
    return float(density) if density.ndim == 0 else density


def fraction_above(activation_energy_kj_mol, temperature_k: float):
    """Fraction of molecules with translational kinetic energy ≥ ``Ea``.

    Closed form for 3D: ``2√(x/π) e^{−x} + erfc(√x)`` with ``x = Ea/(RT)`` per mole.

    Args:
        activation_energy_kj_mol: energy threshold(s), kJ/mol; ≥ 0 (scalar or array).
        temperature_k: temperature, K; (0, 10000].

    Raises:
        ValueError: for a negative threshold or a temperature out of range.
    """
    rt = _rt_j_mol(_check_temperature(temperature_k)) / 1000.0
    threshold = np.asarray(activation_energy_kj_mol, dtype=float)
    if np.any(~(threshold >= 0)):
        raise ValueError(f"activation_energy_kj_mol must be >= 0 kJ/mol, got {activation_energy_kj_mol!r}")
    x = threshold / rt
    fraction = 2.0 * np.sqrt(x / math.pi) * np.exp(-x) + erfc(np.sqrt(x))
    return float(fraction) if fraction.ndim == 0 else fraction


def most_probable_speed(molar_mass_g_mol: float, temperature_k: float) -> float:
    """Speed at the peak of f(v), √(2RT/M), m/s."""
    return math.sqrt(2.0 * _rt_j_mol(_check_temperature(temperature_k)) / (_check_molar_mass(molar_mass_g_mol) / 1000))


def mean_speed(molar_mass_g_mol: float, temperature_k: float) -> float:
    """Mean speed √(8RT/(πM)), m/s."""
    return math.sqrt(
        8.0 * _rt_j_mol(_check_temperature(temperature_k)) / (math.pi * _check_molar_mass(molar_mass_g_mol) / 1000)
    )


def rms_speed(molar_mass_g_mol: float, temperature_k: float) -> float:
    """Root-mean-square speed √(3RT/M), m/s."""
    return math.sqrt(3.0 * _rt_j_mol(_check_temperature(temperature_k)) / (_check_molar_mass(molar_mass_g_mol) / 1000))


def speed_for_energy(energy_kj_mol: float, molar_mass_g_mol: float) -> float:
    """Speed at which a molecule's kinetic energy per mole equals ``energy_kj_mol``:
    v = √(2E/M), m/s."""
    energy = check_range("energy_kj_mol", energy_kj_mol, 0, math.inf, low_open=False, unit="kJ/mol")
    return math.sqrt(2.0 * energy * 1000.0 / (_check_molar_mass(molar_mass_g_mol) / 1000))


@dataclass(frozen=True)
class EnergyDistributionParams:
    """One gas, two temperatures, one reaction's activation energy. Validated on creation.

    Attributes:
        temperature_k: temperature T, in kelvin (K); (0, 10000].
        comparison_temperature_k: a second temperature T₂ to compare with, K; (0, 10000].
        activation_energy_kj_mol: activation energy Ea of the uncatalysed route, in
            kilojoules per mole (kJ/mol); (0, 1000].
        catalyst_reduction_kj_mol: how much a catalyst lowers Ea, kJ/mol; [0, Ea)
            (0 means no catalyst; the catalysed Ea must stay above zero).
        molar_mass_g_mol: molar mass of the gas, in grams per mole (g/mol; the model
            uses kg/mol internally); (0, 1000]. Changes the speeds, not the energies.
    """

    temperature_k: float = 298.0
    comparison_temperature_k: float = 308.0
    activation_energy_kj_mol: float = 50.0
    catalyst_reduction_kj_mol: float = 10.0
    molar_mass_g_mol: float = 28.014

    def __post_init__(self):
        checks = {
            "temperature_k": _check_temperature(self.temperature_k),
            "comparison_temperature_k": _check_temperature(self.comparison_temperature_k, "comparison_temperature_k"),
            "activation_energy_kj_mol": check_range(
                "activation_energy_kj_mol", self.activation_energy_kj_mol, 0, 1000, unit="kJ/mol"),
            "molar_mass_g_mol": _check_molar_mass(self.molar_mass_g_mol),
        }
        checks["catalyst_reduction_kj_mol"] = check_range(
            "catalyst_reduction_kj_mol", self.catalyst_reduction_kj_mol, 0,
            checks["activation_energy_kj_mol"], low_open=False, high_open=True, unit="kJ/mol")
        for name, value in checks.items():
            object.__setattr__(self, name, value)

    @property
    def catalysed_activation_energy_kj_mol(self) -> float:
        """Ea of the catalysed route, kJ/mol."""
        return self.activation_energy_kj_mol - self.catalyst_reduction_kj_mol


@dataclass(frozen=True)
class EnergyDistribution:
    """The distributions at T and T₂ and the fractions able to react.

    Attributes:
        params: the parameters used.
        speeds_m_s: speed grid, m/s.
        speed_pdf: f(v) at T, s/m.
        speed_pdf_comparison: f(v) at T₂, s/m.
        energies_kj_mol: energy grid, kJ/mol.
        energy_pdf: g(E) at T, mol/kJ.
        energy_pdf_comparison: g(E) at T₂, mol/kJ.
        fraction_above_energy: fraction with energy ≥ E at T, for each grid energy.
        fraction_above_energy_comparison: the same at T₂.
        fraction_above_ea: fraction with energy ≥ Ea at T.
        fraction_above_ea_comparison: fraction with energy ≥ Ea at T₂.
        fraction_above_catalysed_ea: fraction with energy ≥ catalysed Ea at T.
        fraction_above_catalysed_ea_comparison: the same at T₂.
        activation_speed_m_s: speed whose kinetic energy equals Ea, m/s.
        catalysed_activation_speed_m_s: speed whose kinetic energy equals catalysed Ea, m/s.
        most_probable_speed_m_s / mean_speed_m_s / rms_speed_m_s: at T, m/s.
    """

    params: EnergyDistributionParams
    speeds_m_s: np.ndarray
    speed_pdf: np.ndarray
    speed_pdf_comparison: np.ndarray
    energies_kj_mol: np.ndarray
    energy_pdf: np.ndarray
    energy_pdf_comparison: np.ndarray
    fraction_above_energy: np.ndarray
    fraction_above_energy_comparison: np.ndarray
    fraction_above_ea: float
    fraction_above_ea_comparison: float
    fraction_above_catalysed_ea: float
    fraction_above_catalysed_ea_comparison: float
    activation_speed_m_s: float
    catalysed_activation_speed_m_s: float
    most_probable_speed_m_s: float
    mean_speed_m_s: float
    rms_speed_m_s: float

    @property
    def temperature_ratio(self) -> float:
        """Fraction above Ea at T₂ divided by that at T (> 1 when T₂ > T)."""
        return self.fraction_above_ea_comparison / self.fraction_above_ea

    @property
    def catalyst_ratio(self) -> float:
        """How many times more molecules exceed the catalysed Ea than Ea, at T."""
        return self.fraction_above_catalysed_ea / self.fraction_above_ea


def _merged_grid(end: float, bulk_end: float) -> np.ndarray:
    """Even samples from 0 to ``end`` plus finer ones from 0 to ``bulk_end``, sorted."""
    coarse = np.linspace(0.0, end, CURVE_POINTS)
    fine = np.linspace(0.0, min(bulk_end, end), FINE_POINTS)
    return np.unique(np.concatenate([coarse, fine]))


def simulate(params: EnergyDistributionParams | None = None) -> EnergyDistribution:
    """Both distributions on grids wide enough to show Ea and the curves' tails.

    The energy grid runs to 3 × max(Ea, 10 RT) at the hotter temperature; the speed
    grid to 3 × max(activation speed, 3.5 v_rms) at the hotter temperature, so any
    axis the view chooses within 2× of those is covered.
    """
    p = EnergyDistributionParams() if params is None else params
    hot = max(p.temperature_k, p.comparison_temperature_k)
    cold = min(p.temperature_k, p.comparison_temperature_k)
    rt_hot_kj, rt_cold_kj = _rt_j_mol(hot) / 1000.0, _rt_j_mol(cold) / 1000.0
    # A fine grid over the bulk of the colder (narrower) curve, merged with an even grid
    # to the far end, so the peak stays smooth however far out Ea is.
    energies = _merged_grid(3.0 * max(p.activation_energy_kj_mol, 10.0 * rt_hot_kj), 15.0 * rt_cold_kj)
    activation_speed = speed_for_energy(p.activation_energy_kj_mol, p.molar_mass_g_mol)
    speeds = _merged_grid(3.0 * max(activation_speed, 3.5 * rms_speed(p.molar_mass_g_mol, hot)),
                          4.0 * rms_speed(p.molar_mass_g_mol, cold))
    thresholds = [p.activation_energy_kj_mol, p.catalysed_activation_energy_kj_mol]
    at_t = fraction_above(thresholds, p.temperature_k)
    at_t2 = fraction_above(thresholds, p.comparison_temperature_k)
    return EnergyDistribution(
        params=p,
        speeds_m_s=speeds,
        speed_pdf=maxwell_boltzmann_pdf(speeds, p.molar_mass_g_mol, p.temperature_k),
        speed_pdf_comparison=maxwell_boltzmann_pdf(speeds, p.molar_mass_g_mol, p.comparison_temperature_k),
        energies_kj_mol=energies,
        energy_pdf=energy_pdf(energies, p.temperature_k),
        energy_pdf_comparison=energy_pdf(energies, p.comparison_temperature_k),
        fraction_above_energy=fraction_above(energies, p.temperature_k),
        fraction_above_energy_comparison=fraction_above(energies, p.comparison_temperature_k),
        fraction_above_ea=float(at_t[0]),
        fraction_above_ea_comparison=float(at_t2[0]),
        fraction_above_catalysed_ea=float(at_t[1]),
        fraction_above_catalysed_ea_comparison=float(at_t2[1]),
        activation_speed_m_s=activation_speed,
        catalysed_activation_speed_m_s=speed_for_energy(p.catalysed_activation_energy_kj_mol, p.molar_mass_g_mol),
        most_probable_speed_m_s=most_probable_speed(p.molar_mass_g_mol, p.temperature_k),
        mean_speed_m_s=mean_speed(p.molar_mass_g_mol, p.temperature_k),
        rms_speed_m_s=rms_speed(p.molar_mass_g_mol, p.temperature_k),
    )


def format_fraction(value: float) -> str:
    """A fraction in plain text a screen reader can speak: "0.0123" or "1.7 × 10⁻⁹"."""
    if value == 0:
        return "0"
    if value >= 1e-3:
        return f"{value:.3g}"
    mantissa, exponent = f"{value:.2e}".split("e")
    superscript = str(int(exponent)).translate(str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹"))
    return f"{float(mantissa):.2f} × 10{superscript}"


def describe(result: EnergyDistribution) -> str:
    """One or two sentences a screen reader can speak about the distributions."""
    p = result.params
    text = (
        f"At {p.temperature_k:.0f} K a fraction {format_fraction(result.fraction_above_ea)} of the molecules "
        f"has at least Ea = {p.activation_energy_kj_mol:.0f} kJ/mol; at {p.comparison_temperature_k:.0f} K it is "
        f"{format_fraction(result.fraction_above_ea_comparison)}, {result.temperature_ratio:.3g} times as many."
    )
    if p.catalyst_reduction_kj_mol > 0:
        text += (
            f" A catalyst lowering Ea to {p.catalysed_activation_energy_kj_mol:.0f} kJ/mol gives "
            f"{format_fraction(result.fraction_above_catalysed_ea)} at {p.temperature_k:.0f} K, "
            f"{result.catalyst_ratio:.3g} times as many."
        )
    text += (
        f" Molecules of molar mass {p.molar_mass_g_mol:g} g/mol have an rms speed of "
        f"{result.rms_speed_m_s:.0f} m/s."
    )
    return text


def to_table(result: EnergyDistribution) -> Table:
    """The energy distributions and fractions above each energy, at T and T₂."""
    p = result.params
    t1, t2 = f"{p.temperature_k:g} K", f"{p.comparison_temperature_k:g} K"
    return Table.from_columns(
        [
            ("energy", "kJ/mol", result.energies_kj_mol),
            (f"fraction per kJ/mol at {t1}", "mol/kJ", result.energy_pdf),
            (f"fraction per kJ/mol at {t2}", "mol/kJ", result.energy_pdf_comparison),
            (f"fraction with at least this energy at {t1}", "", result.fraction_above_energy),
            (f"fraction with at least this energy at {t2}", "", result.fraction_above_energy_comparison),
        ],
        title=(f"Maxwell–Boltzmann energy distribution at {t1} and {t2} "
               f"(Ea = {p.activation_energy_kj_mol:g} kJ/mol)"),
    )
