"""Making a soluble salt from an insoluble base: react, filter, crystallise.

Chemistry (see MODEL.md beside this file for the teacher's version):

* AQA 8462 required practical 1 (making salts): an insoluble metal oxide or carbonate
  is added to warm dilute sulfuric acid until no more reacts (the base is in
  **excess**), the excess is filtered off, the filtrate is heated to its
  crystallisation point and left to crystallise. Three reactions are offered:

      CuO(s) + H₂SO₄(aq) → CuSO₄(aq) + H₂O(l)
      CuCO₃(s) + H₂SO₄(aq) → CuSO₄(aq) + H₂O(l) + CO₂(g)
      ZnO(s) + H₂SO₄(aq) → ZnSO₄(aq) + H₂O(l)

  Every equation is checked for balance (atoms and charge) by
  :func:`stemcpd.chemistry.moles.check_balanced` when the module loads.
* **React.** Amounts n = m/M (molar masses from IUPAC atomic weights via
  ``stemcpd.chemistry.moles``); the extent is min(n_base, n_acid) (all 1 : 1). The
  salt, water and any carbon dioxide form in proportion; CO₂ leaves as a gas.
* **Filter.** Unreacted base stays on the filter paper. The wet paper and funnel keep
  ``retained_solution_g`` of the solution (a stated assumption, the order of what a
  wet 12.5 cm paper holds), so that fraction of the salt is lost.
* **Crystallise.** A fraction of the water is boiled off, then the solution cools to
  20 °C. Crystals of the hydrate (CuSO₄·5H₂O, ZnSO₄·7H₂O) form until the liquid left
  is saturated. With a = anhydrous salt and w = water in the basin, s = solubility
  (g of anhydrous salt per g of water at 20 °C) and f = M(anhydrous)/M(hydrate), the
  mass of crystals x solves  a − f x = s (w − (1 − f) x),  so
  x = (a − s w) / (f − s (1 − f)), and x = 0 while a ≤ s w (nothing crystallises).
  If so much water is boiled off that there is not enough left to make every formula
  unit a hydrate (w < a (1 − f)/f), the basin has been taken **to dryness**: the
  solid is a crust, part anhydrous, not crystals (and hot salt spits).
* **Mass is conserved** exactly: acid solution + base = CO₂ + excess base + solution
  kept by the paper + water boiled off + crystals + solution left (tested).

Data: solubilities at 20 °C from the CRC Handbook of Chemistry and Physics,
"Aqueous solubility of inorganic compounds at various temperatures": CuSO₄ about
20.0 g and ZnSO₄ about 57.7 g of anhydrous salt per 100 g of water.

Limits (stated for teachers): the dilute acid is treated as water (1.00 g/cm³) with
the acid dissolved in it, so water is overestimated by about 4 % at 1 mol/dm³; the
reaction goes to completion when the base is in excess; solubility is for the pure
salt in water (leftover acid is ignored); cooling is to exactly 20 °C and no water
evaporates while it cools. Real school "copper(II) carbonate" is basic copper
carbonate, CuCO₃·Cu(OH)₂; GCSE writes CuCO₃, and so does this model.
"""

from __future__ import annotations

from dataclasses import dataclass
import math

import numpy as np

from stemcpd.chemistry.moles import check_balanced, molar_mass
from stemcpd.table import Table
from stemcpd.validation import check_choice, check_count, check_range

WATER_DENSITY_G_CM3 = 1.00
CM3_PER_DM3 = 1000.0
COOLED_TO_C = 20.0


@dataclass(frozen=True)
class SaltPreparation:
    """One soluble salt made from an insoluble base and sulfuric acid.

    Attributes:
        label: button text, e.g. "CuO + H₂SO₄".
        equation: balanced equation (formulae as :func:`~stemcpd.chemistry.moles.parse_formula` reads them).
        base: formula of the insoluble base (oxide or carbonate).
        base_name: its name, e.g. "copper(II) oxide".
        salt: formula of the anhydrous salt.
        salt_name: its name.
        hydrate: formula of the crystals that form at 20 °C.
        waters_of_crystallisation: molecules of water per formula unit in the crystals.
        gas: formula of the gas given off, or "" for none.
        solubility_g_per_100g_water: anhydrous salt that saturates 100 g of water at
            20 °C, g (CRC Handbook).
        crystal_colour: what the crystals look like.
    """

    label: str
    equation: str
    base: str
    base_name: str
    salt: str
    salt_name: str
    hydrate: str
    waters_of_crystallisation: int
    gas: str
    solubility_g_per_100g_water: float
    crystal_colour: str

    @property
    def hydrate_fraction(self) -> float:
        """f = M(anhydrous salt) / M(hydrate): the mass fraction of salt in a crystal."""
        return molar_mass(self.salt) / molar_mass(self.hydrate)


PREPARATIONS = (
    SaltPreparation("CuO + H₂SO₄", "CuO + H2SO4 -> CuSO4 + H2O", "CuO", "copper(II) oxide", "CuSO4",
                    "copper(II) sulfate", "CuSO4.5H2O", 5, "", 20.0, "blue"),
    SaltPreparation("CuCO₃ + H₂SO₄", "CuCO3 + H2SO4 -> CuSO4 + H2O + CO2", "CuCO3", "copper(II) carbonate",
                    "CuSO4", "copper(II) sulfate", "CuSO4.5H2O", 5, "CO2", 20.0, "blue"),
    SaltPreparation("ZnO + H₂SO₄", "ZnO + H2SO4 -> ZnSO4 + H2O", "ZnO", "zinc oxide", "ZnSO4",
                    "zinc sulfate", "ZnSO4.7H2O", 7, "", 57.7, "colourless"),
)
PREPARATION_NAMES = tuple(preparation.base_name for preparation in PREPARATIONS)  # what SaltParams.preparation takes
_PREPARATION_BY_NAME = {preparation.base_name: preparation for preparation in PREPARATIONS}
for _preparation in PREPARATIONS:  # a typing slip in an equation fails at import, not in class
    check_balanced(_preparation.equation)


@dataclass(frozen=True)
class SaltParams:
    """One group's preparation. Validated on creation.

    Attributes:
        preparation: the insoluble base, by name: one of :data:`PREPARATION_NAMES`
            ("copper(II) oxide", "copper(II) carbonate", "zinc oxide"), each with
            sulfuric acid.
        base_mass_g: mass of insoluble base added, in grams (g); (0, 50].
        water_boiled_off_percent: share of the water in the filtrate boiled off before
            it is left to cool, in percent (%); [0, 100).
        acid_volume_cm3: volume of dilute sulfuric acid, in cubic centimetres (cm³); (0, 500].
        acid_concentration_mol_dm3: its concentration, in moles per cubic decimetre
            (mol/dm³); (0, 2].
        retained_solution_g: solution kept by the wet filter paper and funnel, in grams
            (g); [0, 20].
    """

    preparation: str = "copper(II) oxide"
    base_mass_g: float = 2.5
    water_boiled_off_percent: float = 70.0
    acid_volume_cm3: float = 25.0
    acid_concentration_mol_dm3: float = 1.0
    retained_solution_g: float = 1.5

    def __post_init__(self):
        checks = {
            "preparation": check_choice("preparation", self.preparation, PREPARATION_NAMES),
            "base_mass_g": check_range("base_mass_g", self.base_mass_g, 0, 50, unit="g"),
            "water_boiled_off_percent": check_range(
                "water_boiled_off_percent", self.water_boiled_off_percent, 0, 100,
                low_open=False, high_open=True, unit="%"),
            "acid_volume_cm3": check_range("acid_volume_cm3", self.acid_volume_cm3, 0, 500, unit="cm³"),
            "acid_concentration_mol_dm3": check_range(
                "acid_concentration_mol_dm3", self.acid_concentration_mol_dm3, 0, 2, unit="mol/dm³"),
            "retained_solution_g": check_range(
                "retained_solution_g", self.retained_solution_g, 0, 20, low_open=False, unit="g"),
        }
        for name, value in checks.items():
            object.__setattr__(self, name, value)

    @property
    def data(self) -> SaltPreparation:
        """The chosen :class:`SaltPreparation`."""
        return _PREPARATION_BY_NAME[self.preparation]


@dataclass(frozen=True)
class SaltRun:
    """Where every gram goes in one preparation (all masses in g, amounts in mol).

    Attributes:
        params: the parameters it was computed with.
        base_mol, acid_mol: amounts added.
        reacted_mol: extent of reaction (salt formed), mol.
        acid_solution_g: mass of the dilute acid (water + H₂SO₄).
        gas_g: carbon dioxide given off (0 for an oxide).
        excess_base_g: unreacted base caught by the filter paper.
        leftover_acid_g: sulfuric acid that did not react (base limiting).
        retained_solution_g: filtrate lost on the wet paper and funnel.
        salt_in_filtrate_g: anhydrous salt that reaches the basin.
        water_in_filtrate_g: water that reaches the basin.
        water_boiled_off_g: water driven off before cooling.
        crystals_g: hydrated crystals (or crust, if dried out) collected.
        solution_left_g: saturated solution left after crystallising (salt, water, acid).
        salt_left_dissolved_g: anhydrous salt still dissolved in it.
        theoretical_crystals_g: hydrate the limiting reagent could give.
        dried_out: True if so much water was boiled off that the salt could not all be hydrate.
        curve_boiled_off_percent, curve_yield_percent: yield against water boiled off
            (everything else fixed), for the view.
    """

    params: SaltParams
    base_mol: float
    acid_mol: float
    reacted_mol: float
    acid_solution_g: float
    gas_g: float
    excess_base_g: float
    leftover_acid_g: float
    retained_solution_g: float
    salt_in_filtrate_g: float
    water_in_filtrate_g: float
    water_boiled_off_g: float
    crystals_g: float
    solution_left_g: float
    salt_left_dissolved_g: float
    theoretical_crystals_g: float
    dried_out: bool
    curve_boiled_off_percent: np.ndarray
    curve_yield_percent: np.ndarray

    @property
    def base_in_excess(self) -> bool:
        """True when some base is left over, so all the acid has reacted."""
        return self.base_mol > self.acid_mol

    @property
    def limiting(self) -> str:
        """Formula of the limiting reagent (the acid when they are in exact proportion)."""
        return "H2SO4" if self.base_mol >= self.acid_mol else self.params.data.base

    @property
    def percentage_yield(self) -> float:
        """100 × crystals ÷ theoretical crystals."""
        return 100.0 * self.crystals_g / self.theoretical_crystals_g

    @property
    def salt_lost_on_paper_g(self) -> float:
        """Anhydrous salt lost in the solution kept by the filter paper, g."""
        return self.salt_formed_g - self.salt_in_filtrate_g

    @property
    def salt_formed_g(self) -> float:
        """Anhydrous salt formed in the reaction, g."""
        return self.reacted_mol * molar_mass(self.params.data.salt)

    @property
    def possible_crystals_g(self) -> float:
        """Hydrated crystals all the acid could give if none were lost or left dissolved, g."""
        return self.acid_mol * molar_mass(self.params.data.hydrate)

    @property
    def reacted_base_g(self) -> float:
        """Mass of base that reacted, g."""
        return self.reacted_mol * molar_mass(self.params.data.base)

    @property
    def base_needed_g(self) -> float:
        """Mass of base that reacts exactly with all the acid, g."""
        return self.acid_mol * molar_mass(self.params.data.base)

    @property
    def total_in_g(self) -> float:
        """Everything that went in: the dilute acid and the base, g."""
        return self.acid_solution_g + self.params.base_mass_g

    @property
    def total_out_g(self) -> float:
        """Everything that came out, g (equal to :attr:`total_in_g`: mass is conserved)."""
        return math.fsum((self.gas_g, self.excess_base_g, self.retained_solution_g, self.water_boiled_off_g,
                          self.crystals_g, self.solution_left_g))


def _crystallise(salt_g: float, water_g: float, data: SaltPreparation) -> tuple[float, bool]:
    """Hydrate crystals from ``salt_g`` of anhydrous salt in ``water_g`` of water at 20 °C.

    Returns:
        (crystal mass g, dried out?). Dried out: too little water for every formula unit
        to be hydrate, so the whole basin is a crust of salt and all its water.
    """
    fraction = data.hydrate_fraction
    solubility = data.solubility_g_per_100g_water / 100.0
    if salt_g <= 0:
        return 0.0, False
    if water_g < salt_g * (1.0 - fraction) / fraction:
        return salt_g + water_g, True
    crystals = (salt_g - solubility * water_g) / (fraction - solubility * (1.0 - fraction))
    return max(crystals, 0.0), False


def _preparation(params: SaltParams, boiled_off_percent: float) -> dict:
    data = params.data
    acid_mol = params.acid_concentration_mol_dm3 * params.acid_volume_cm3 / CM3_PER_DM3
    base_mol = params.base_mass_g / molar_mass(data.base)
    reacted = min(acid_mol, base_mol)
    water_in_acid = params.acid_volume_cm3 * WATER_DENSITY_G_CM3
    acid_solution = water_in_acid + acid_mol * molar_mass("H2SO4")
    gas = reacted * molar_mass(data.gas) if data.gas else 0.0
    excess_base = (base_mol - reacted) * molar_mass(data.base)
    leftover_acid = (acid_mol - reacted) * molar_mass("H2SO4")
    salt = reacted * molar_mass(data.salt)
    water = water_in_acid + reacted * molar_mass("H2O")
    solution = salt + water + leftover_acid
    kept = min(params.retained_solution_g, solution)
    passing = 1.0 - kept / solution
    salt_filtrate, water_filtrate, acid_filtrate = salt * passing, water * passing, leftover_acid * passing
    boiled = water_filtrate * boiled_off_percent / 100.0
    crystals, dried_out = _crystallise(salt_filtrate, water_filtrate - boiled, data)
    if dried_out:
        solution_left, dissolved = acid_filtrate, 0.0
    else:
        dissolved = salt_filtrate - data.hydrate_fraction * crystals
        solution_left = salt_filtrate + water_filtrate - boiled - crystals + acid_filtrate
    return dict(
        base_mol=base_mol, acid_mol=acid_mol, reacted_mol=reacted, acid_solution_g=acid_solution, gas_g=gas,
        excess_base_g=excess_base, leftover_acid_g=leftover_acid, retained_solution_g=kept,
        salt_in_filtrate_g=salt_filtrate, water_in_filtrate_g=water_filtrate, water_boiled_off_g=boiled,
        crystals_g=crystals, solution_left_g=solution_left, salt_left_dissolved_g=dissolved,
        theoretical_crystals_g=reacted * molar_mass(data.hydrate), dried_out=dried_out,
    )


def prepare(params: SaltParams | None = None, curve_points: int = 96) -> SaltRun:
    """Follow one preparation through reaction, filtration and crystallisation.

    Args:
        params: the preparation; defaults to ``SaltParams()``.
        curve_points: points on the yield-against-water-boiled-off curve; [2, 10000].

    Returns:
        A :class:`SaltRun`.
    """
    params = SaltParams() if params is None else params
    curve_points = check_count("curve_points", curve_points, 2, 10000)
    curve_percent = np.linspace(0.0, 99.0, curve_points)
    curve_yield = np.empty_like(curve_percent)
    for index, percent in enumerate(curve_percent):
        point = _preparation(params, percent)
        curve_yield[index] = 100.0 * point["crystals_g"] / point["theoretical_crystals_g"]
    return SaltRun(params=params, curve_boiled_off_percent=curve_percent, curve_yield_percent=curve_yield,
                   **_preparation(params, params.water_boiled_off_percent))


def theoretical_crystals_g(acid_volume_cm3: float, acid_concentration_mol_dm3: float,
                           preparation: str = "copper(II) oxide") -> float:
    """Most hydrate crystals the acid could give with the base in excess, g.

    ``n(acid) = c V`` and every preparation is 1 : 1, so the crystals are n × M(hydrate).
    ``preparation`` names the base, one of :data:`PREPARATION_NAMES`.

    Raises:
        ValueError: naming the parameter and its range.
    """
    params = SaltParams(preparation=preparation, acid_volume_cm3=acid_volume_cm3,
                        acid_concentration_mol_dm3=acid_concentration_mol_dm3)
    acid_mol = params.acid_concentration_mol_dm3 * params.acid_volume_cm3 / CM3_PER_DM3
    return acid_mol * molar_mass(params.data.hydrate)


def base_needed_g(acid_volume_cm3: float, acid_concentration_mol_dm3: float,
                  preparation: str = "copper(II) oxide") -> float:
    """Mass of base that reacts exactly with the acid, g (add more than this: excess).

    ``preparation`` names the base, one of :data:`PREPARATION_NAMES`.

    Raises:
        ValueError: naming the parameter and its range.
    """
    params = SaltParams(preparation=preparation, acid_volume_cm3=acid_volume_cm3,
                        acid_concentration_mol_dm3=acid_concentration_mol_dm3)
    return base_reacting_exactly_g(params.acid_volume_cm3, params.acid_concentration_mol_dm3,
                                   molar_mass(params.data.base))


def base_reacting_exactly_g(acid_volume_cm3: float, acid_concentration_mol_dm3: float,
                            base_molar_mass_g_mol: float) -> float:
    """Mass of a base that reacts 1 : 1 with all the sulfuric acid, g: c V × M(base).

    The same as :func:`base_needed_g` for a base given by its molar mass (as a question
    gives Mᵣ) rather than by name.

    Raises:
        ValueError: naming the parameter and its range.
    """
    acid_volume_cm3 = check_range("acid_volume_cm3", acid_volume_cm3, 0, 500, unit="cm³")
    acid_concentration_mol_dm3 = check_range("acid_concentration_mol_dm3", acid_concentration_mol_dm3, 0, 2,
                                             unit="mol/dm³")
    base_molar_mass_g_mol = check_range("base_molar_mass_g_mol", base_molar_mass_g_mol, 0, 1000, unit="g/mol")
    return acid_concentration_mol_dm3 * acid_volume_cm3 / CM3_PER_DM3 * base_molar_mass_g_mol


def percentage_yield_of_crystals(crystals_g: float, acid_volume_cm3: float, acid_concentration_mol_dm3: float,
                                 preparation: str = "copper(II) oxide") -> float:
    """100 × crystals collected ÷ the theoretical crystals from the acid (base in excess).

    Raises:
        ValueError: naming the parameter and its range.
    """
    crystals_g = check_range("crystals_g", crystals_g, 0, 1000, low_open=False, unit="g")
    return 100.0 * crystals_g / theoretical_crystals_g(acid_volume_cm3, acid_concentration_mol_dm3, preparation)


def describe(run: SaltRun) -> str:
    """One to three sentences a screen reader can speak about this preparation."""
    p, data = run.params, run.params.data
    if run.base_in_excess:
        start = (f"{p.base_mass_g:.1f} g of {data.base_name} in {p.acid_volume_cm3:.0f} cm³ of "
                 f"{p.acid_concentration_mol_dm3:g} mol/dm³ sulfuric acid: the base is in excess, so all the acid "
                 f"reacts and {run.excess_base_g:.2f} g of unreacted {data.base_name} is filtered off.")
    elif run.base_mol == run.acid_mol:
        start = f"{p.base_mass_g:.1f} g of {data.base_name} reacts exactly with the acid, with nothing to spare."
    else:
        start = (f"Only {p.base_mass_g:.1f} g of {data.base_name}: it all dissolves, {run.leftover_acid_g:.2f} g of "
                 f"sulfuric acid is left unreacted, and the crystals would be contaminated with acid; add base "
                 f"until some stays undissolved (at least {run.base_needed_g:.2f} g).")
    if run.dried_out:
        end = (f" Boiling off {p.water_boiled_off_percent:.0f}% of the water takes the basin to dryness: "
               f"{run.crystals_g:.2f} g of crust, not crystals; the hot salt spits and loses water of crystallisation.")
    elif run.crystals_g == 0:
        end = (f" With {p.water_boiled_off_percent:.0f}% of the water boiled off the solution is not saturated at "
               f"20 °C, so no crystals form.")
    else:
        end = (f" Boiling off {p.water_boiled_off_percent:.0f}% of the water and cooling to 20 °C gives "
               f"{run.crystals_g:.2f} g of {data.crystal_colour} {data.salt_name} crystals, a "
               f"{run.percentage_yield:.0f}% yield of the {run.theoretical_crystals_g:.2f} g possible; "
               f"{run.salt_left_dissolved_g:.2f} g of salt stays dissolved and "
               f"{run.salt_lost_on_paper_g:.2f} g is lost on the wet filter paper.")
    return start + end


def to_table(run: SaltRun) -> Table:
    """Percentage yield of crystals against the share of water boiled off."""
    crystals = run.curve_yield_percent * run.theoretical_crystals_g / 100.0
    return Table.from_columns(
        [("water boiled off", "%", run.curve_boiled_off_percent), ("crystals", "g", crystals),
         ("percentage yield", "%", run.curve_yield_percent)],
        title=f"{run.params.data.salt_name} from {run.params.base_mass_g:g} g of {run.params.data.base_name}",
    )
