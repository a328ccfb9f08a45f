"""Analysing and purifying water: dissolved solids, distillation and its energy cost.

Chemistry (see MODEL.md beside this file for the teacher's version):

* AQA 8462 required practical 8 (Combined Science 8464 RP 13): analyse and purify
  water samples from different sources, including pH, dissolved solids and
  distillation. A sample of volume V with a mass concentration C of dissolved solids
  (g/dm³) is distilled: water boils off, condenses and is collected as the
  **distillate**; the dissolved solids stay behind in the **residue**. Nothing is
  destroyed, so sample = distillate + residue (salt and water), exactly.
* The residue grows more concentrated: with s g of solids and w g of water left, its
  concentration is s/w g per g of water. For seawater, once that passes the solubility
  of sodium chloride, 36.0 g per 100 g of water at 20 °C (CRC Handbook), salt starts to
  crystallise in the flask.
* Energy to distil, from 20 °C, per kg of distillate: c ΔT + L = 4.18 kJ/(kg °C) ×
  80 °C + 2260 kJ/kg = 2594 kJ/kg, i.e. about 0.72 kWh per kg, or 721 kWh per m³ of
  water (GCSE values: c = 4180 J/(kg °C), L = 2.26 MJ/kg; boiling point elevation and
  the extra energy to heat the residue are ignored). Industrial multi-stage flash
  plants recover most of this heat; reverse osmosis uses about 3–4 kWh per m³ of
  seawater (published figures, e.g. Elimelech and Phillip, Science 333, 712 (2011):
  the practical minimum near 1.1 kWh/m³ at 50 % recovery).
* Dissolved solids by evaporation: the residue of a measured volume is dried and
  weighed on a balance that reads to ``balance_resolution_g``; its mass divided by
  the volume is the dissolved solids concentration. For tap water the residue can be
  below what a 0.01 g balance can see.

Sources (typical values, stated as such): tap water in a hard-water area 0.35 g/dm³
dissolved solids; a still mineral water 0.50 g/dm³ (taken from a typical label);
seawater 35 g/kg, about 35.9 g/dm³ (mean ocean salinity 35 g per kg, density
1.025 g/cm³).

Limits: the distillate is pure water (no droplets carried over, no volatile
impurities); densities: 1.000 g/cm³ for tap and mineral water, 1.025 g/cm³ for
seawater; the solids are treated as sodium chloride when judging saturation.
"""

from __future__ import annotations

from dataclasses import dataclass
import math

import numpy as np

from stemcpd.practical import Instrument, make_rng
from stemcpd.table import Table
from stemcpd.validation import check_choice, check_count, check_range

WATER_SPECIFIC_HEAT_J_PER_KG_C = 4180.0  # AQA data
WATER_LATENT_HEAT_VAPORISATION_J_PER_KG = 2.26e6  # AQA data
ROOM_TEMPERATURE_C = 20.0
BOILING_POINT_C = 100.0
SODIUM_CHLORIDE_SOLUBILITY_G_PER_100G = 36.0  # at 20 °C, CRC Handbook
J_PER_KWH = 3.6e6
REVERSE_OSMOSIS_KWH_PER_M3 = (3.0, 4.0)  # seawater plants, published range


@dataclass(frozen=True)
class WaterSource:
    """A water sample a class might analyse.

    Attributes:
        label: button text.
        name: in a sentence.
        dissolved_solids_g_dm3: mass of dissolved solids per dm³ of sample, g/dm³.
        density_g_cm3: density of the sample, g/cm³.
        typical_ph: pH a class would measure (typical value).
    """

    label: str
    name: str
    dissolved_solids_g_dm3: float
    density_g_cm3: float
    typical_ph: float


SOURCES = (
    WaterSource("Tap water", "hard tap water", 0.35, 1.000, 7.5),
    WaterSource("Mineral water", "still mineral water", 0.50, 1.000, 7.2),
    WaterSource("Seawater", "seawater", 35.0 * 1.025, 1.025, 8.1),
)
SOURCE_NAMES = tuple(source.name for source in SOURCES)  # what WaterParams.source takes
_SOURCE_BY_NAME = {source.name: source for source in SOURCES}


@dataclass(frozen=True)
class WaterParams:
    """One distillation. Validated on creation.

    Attributes:
        source: the water sample, by name: one of :data:`SOURCE_NAMES` ("hard tap water",
            "still mineral water", "seawater").
        sample_volume_cm3: volume of sample in the flask, in cubic centimetres (cm³); (0, 5000].
        distilled_percent: share of the sample's water collected as distillate, in
            percent (%); [0, 100).
    """

    source: str = "seawater"
    sample_volume_cm3: float = 100.0
    distilled_percent: float = 50.0

    def __post_init__(self):
        checks = {
            "source": check_choice("source", self.source, SOURCE_NAMES),
            "sample_volume_cm3": check_range("sample_volume_cm3", self.sample_volume_cm3, 0, 5000, unit="cm³"),
            "distilled_percent": check_range("distilled_percent", self.distilled_percent, 0, 100,
                                             low_open=False, high_open=True, unit="%"),
        }
        for name, value in checks.items():
            object.__setattr__(self, name, value)

    @property
    def data(self) -> WaterSource:
        """The chosen :class:`WaterSource`."""
        return _SOURCE_BY_NAME[self.source]


@dataclass(frozen=True)
class WaterRun:
    """One distillation, all masses in g.

    Attributes:
        params: the parameters it was computed with.
        sample_g: mass of the sample.
        solids_g: dissolved solids in it.
        water_g: water in it.
        distillate_g: pure water collected.
        residue_water_g: water left in the flask.
        crystallised_g: salt that has come out of solution in the flask (seawater, far
            distilled), g.
        energy_kj: energy to heat the distillate from 20 °C and boil it, kJ.
        curve_distilled_percent, curve_residue_concentration_g_per_100g: the residue's
            concentration as distillation goes on, for the view.
    """

    params: WaterParams
    sample_g: float
    solids_g: float
    water_g: float
    distillate_g: float
    residue_water_g: float
    crystallised_g: float
    energy_kj: float
    curve_distilled_percent: np.ndarray
    curve_residue_concentration_g_per_100g: np.ndarray

    @property
    def residue_g(self) -> float:
        """Everything left in the flask, g (solids and water)."""
        return self.solids_g + self.residue_water_g

    @property
    def residue_concentration_g_per_100g(self) -> float:
        """Solids per 100 g of water left in the flask (dissolved and crystallised), g."""
        return 100.0 * self.solids_g / self.residue_water_g

    @property
    def energy_kwh_per_m3(self) -> float:
        """Energy per cubic metre of distillate, kWh/m³ (1 m³ of water is 1000 kg)."""
        return distillation_energy_j_per_kg() / J_PER_KWH * 1000.0


def distillation_energy_j_per_kg(start_c: float = ROOM_TEMPERATURE_C) -> float:
    """Energy to take 1 kg of water from ``start_c`` to 100 °C and boil it, J/kg:
    c ΔT + L with AQA's values.

    Raises:
        ValueError: if ``start_c`` is not in [0, 100] °C.
    """
    start_c = check_range("start_c", start_c, 0, 100, low_open=False, unit="°C")
    return WATER_SPECIFIC_HEAT_J_PER_KG_C * (BOILING_POINT_C - start_c) + WATER_LATENT_HEAT_VAPORISATION_J_PER_KG


def distillation_energy_kj(mass_g: float, start_c: float = ROOM_TEMPERATURE_C) -> float:
    """Energy to distil ``mass_g`` of water starting at ``start_c``, kJ.

    Raises:
        ValueError: naming the parameter and its range.
    """
    mass_g = check_range("mass_g", mass_g, 0, 1e9, low_open=False, unit="g")
    return mass_g / 1000.0 * distillation_energy_j_per_kg(start_c) / 1000.0


def dissolved_solids_g_dm3(residue_mass_g: float, sample_volume_cm3: float) -> float:
    """Dissolved solids from an evaporated sample: residue mass ÷ volume in dm³, g/dm³.

    Raises:
        ValueError: naming the parameter and its range.
    """
    residue_mass_g = check_range("residue_mass_g", residue_mass_g, 0, 1e6, low_open=False, unit="g")
    sample_volume_cm3 = check_range("sample_volume_cm3", sample_volume_cm3, 0, 1e6, unit="cm³")
    return residue_mass_g / (sample_volume_cm3 / 1000.0)


def _masses(params: WaterParams) -> tuple[float, float, float]:
    data = params.data
    sample = params.sample_volume_cm3 * data.density_g_cm3
    solids = data.dissolved_solids_g_dm3 * params.sample_volume_cm3 / 1000.0
    return sample, solids, sample - solids


def distil(params: WaterParams | None = None, curve_points: int = 100) -> WaterRun:
    """Distil a sample: distillate, residue, any salt that crystallises, and the energy.

    Args:
        params: the distillation; defaults to ``WaterParams()``.
        curve_points: points on the residue-concentration curve; [2, 10000].
    """
    params = WaterParams() if params is None else params
    curve_points = check_count("curve_points", curve_points, 2, 10000)
    sample, solids, water = _masses(params)
    distillate = water * params.distilled_percent / 100.0
    residue_water = water - distillate
    dissolvable = SODIUM_CHLORIDE_SOLUBILITY_G_PER_100G / 100.0 * residue_water
    crystallised = max(solids - dissolvable, 0.0)
    curve_percent = np.linspace(0.0, 95.0, curve_points)
    curve_concentration = 100.0 * solids / (water * (1.0 - curve_percent / 100.0))
    return WaterRun(
        params=params, sample_g=sample, solids_g=solids, water_g=water, distillate_g=distillate,
        residue_water_g=residue_water, crystallised_g=crystallised, energy_kj=distillation_energy_kj(distillate),
        curve_distilled_percent=curve_percent, curve_residue_concentration_g_per_100g=curve_concentration,
    )


def describe(run: WaterRun) -> str:
    """One to three sentences a screen reader can speak about this distillation."""
    p, data = run.params, run.params.data
    text = (
        f"Distilling {p.distilled_percent:.0f}% of the water from {p.sample_volume_cm3:.0f} cm³ of {data.name} "
        f"({run.sample_g:.1f} g, {run.solids_g:.3g} g of dissolved solids) collects {run.distillate_g:.1f} g of pure "
        f"water and leaves {run.residue_g:.1f} g in the flask, so {run.sample_g:.1f} g = {run.distillate_g:.1f} g + "
        f"{run.residue_g:.1f} g: mass is conserved."
    )
    if run.crystallised_g > 0:
        text += f" The residue is saturated and {run.crystallised_g:.2g} g of salt has crystallised in the flask."
    else:
        text += (f" The residue holds {run.residue_concentration_g_per_100g:.2g} g of solids per 100 g of water, "
                 f"{run.residue_concentration_g_per_100g / SODIUM_CHLORIDE_SOLUBILITY_G_PER_100G * 100:.0f}% of "
                 f"saturation.")
    text += f" Boiling it off took {run.energy_kj:.0f} kJ, about {run.energy_kwh_per_m3:.0f} kWh per m³ of water."
    return text


def to_table(run: WaterRun) -> Table:
    """Residue concentration as distillation goes on."""
    return Table.from_columns(
        [("water distilled", "%", run.curve_distilled_percent),
         ("solids per 100 g of water left", "g", run.curve_residue_concentration_g_per_100g)],
        title=f"Distilling {run.params.sample_volume_cm3:g} cm³ of {run.params.data.name}",
    )


# A top-pan balance reading to 0.01 g; evaporating basins also pick up or lose a
# few milligrams of moisture between weighings.
BALANCE = Instrument("top-pan balance", "g", resolution=0.01, random_sd=0.005)


def virtual_practical(sample_volume_cm3: float = 50.0, repeats: int = 3, seed: int | None = 0) -> Table:
    """Simulated class results for "dissolved solids by evaporation", each source.

    Each group weighs an empty evaporating basin, evaporates ``sample_volume_cm3`` of
    each sample to dryness on a water bath and weighs again on :data:`BALANCE`
    (0.01 g). For tap and mineral water the residue is 0.02–0.03 g from 50 cm³, a few
    balance divisions, so the results scatter widely; seawater's 1.8 g is measured well.

    Raises:
        ValueError: for a volume out of (0, 1000] cm³ or repeats out of [1, 10].
    """
    sample_volume_cm3 = check_range("sample_volume_cm3", sample_volume_cm3, 0, 1000, unit="cm³")
    repeats = check_count("repeats", repeats, 1, 10)
    rng = make_rng(seed)
    rows_source, rows_empty, rows_full, rows_residue, rows_concentration = [], [], [], [], []
    for index, source in enumerate(SOURCES):
        basin = rng.uniform(40.0, 60.0, repeats)
        true_residue = source.dissolved_solids_g_dm3 * sample_volume_cm3 / 1000.0
        empty = BALANCE.read(basin, rng)
        full = BALANCE.read(basin + true_residue, rng)
        residue = full - empty
        rows_source += [index] * repeats
        rows_empty += list(empty)
        rows_full += list(full)
        rows_residue += list(residue)
        rows_concentration += list(residue / (sample_volume_cm3 / 1000.0))
    return Table.from_columns(
        [("source (0 tap, 1 mineral, 2 sea)", "", rows_source), ("empty basin", "g", rows_empty),
         ("basin and residue", "g", rows_full), ("residue", "g", rows_residue),
         ("dissolved solids", "g/dm³", rows_concentration)],
        title=f"Virtual practical: dissolved solids in {sample_volume_cm3:g} cm³ samples (seed {seed})",
    )


def dried_residue_relative_uncertainty(source: str, sample_volume_cm3: float) -> float:
    """Half a balance division on each of two weighings, over the residue's mass: the
    fractional uncertainty a 0.01 g balance gives this measurement. ``source`` names
    the sample, one of :data:`SOURCE_NAMES`.

    Raises:
        ValueError: naming the parameter and its range.
    """
    params = WaterParams(source=source, sample_volume_cm3=sample_volume_cm3)
    residue = params.data.dissolved_solids_g_dm3 * params.sample_volume_cm3 / 1000.0
    return math.hypot(BALANCE.resolution / 2, BALANCE.resolution / 2) / residue
