"""Alkanes and crude oil: the homologous series CₙH₂ₙ₊₂ from methane to icosane, which
fraction of crude oil each straight-chain alkane leaves the fractionating column in, its
state at any temperature, its balanced combustion equation and the mass of carbon
dioxide each gram makes; cracking equations as a helper.

Chemistry (see MODEL.md beside this file for the teacher's version):

* Alkanes are saturated hydrocarbons, general formula CₙH₂ₙ₊₂ (AQA 8462 4.7.1.1); the
  first four are methane, ethane, propane and butane. Relative formula mass with the
  GCSE periodic table's Aᵣ (C = 12, H = 1, O = 16): Mᵣ = 14n + 2.
* Melting and boiling points at 1 atm of the straight-chain (n-) alkanes are published
  values (CRC Handbook of Chemistry and Physics, "Physical Constants of Organic
  Compounds", to 0.1 °C), typed once in :data:`ALKANE_DATA`. Boiling point rises with
  chain length because the forces between molecules grow with their size (AQA:
  4.7.1.3 relates boiling point, viscosity and flammability to chain length).
* Fractional distillation: crude oil is heated until most of it vaporises and the
  vapour rises up a column that is hot at the bottom and cooler at the top; each
  substance condenses at the level where the column is cooler than its boiling point.
  :data:`FRACTIONS` gives typical cut points (they differ between refineries and
  textbooks), so an alkane's fraction follows from its boiling point.
* Complete combustion: CₙH₂ₙ₊₂ + (3n + 1)/2 O₂ → n CO₂ + (n + 1) H₂O, written with the
  lowest whole numbers (doubled when n is even). Incomplete combustion to carbon
  monoxide (AQA 4.9.3.1): CₙH₂ₙ₊₂ + (2n + 1)/2 O₂ → n CO + (n + 1) H₂O, always doubled.
  Atoms and mass are conserved; mass of CO₂ per gram of alkane = 44n ÷ (14n + 2).
* Cracking (4.7.1.4): a longer alkane → a shorter alkane + an alkene (CₘH₂ₘ), atoms
  conserved: CₙH₂ₙ₊₂ → Cₙ₋ₘH₂₍ₙ₋ₘ₎₊₂ + CₘH₂ₘ.

Limits: straight-chain alkanes only (branched isomers boil lower; beyond GCSE);
1 atm; a real fraction is a mixture boiling over a range, not one compound; the
column's temperatures and cut points are typical values; viscosity and flammability
are stated as trends, not computed. Incomplete combustion also gives soot (carbon);
the model shows only the carbon monoxide equation.
"""

from __future__ import annotations

from dataclasses import dataclass
from math import gcd

import numpy as np

from stemcpd.table import Table
from stemcpd.validation import check_choice, check_count, check_range

ABSOLUTE_ZERO_C = -273.15
MIN_CARBON_ATOMS = 1
MAX_CARBON_ATOMS = 20
MIN_TEMPERATURE_C = -200.0
MAX_TEMPERATURE_C = 400.0

# Relative atomic masses as printed on the AQA GCSE periodic table (C 12, H 1, O 16).
RELATIVE_ATOMIC_MASS = {"C": 12, "H": 1, "O": 16}

COMBUSTIONS = ("complete", "incomplete")


@dataclass(frozen=True)
class Alkane:
    """One straight-chain alkane and its published data.

    Attributes:
        carbon_atoms: n, the number of carbon atoms.
        name: IUPAC name (n = 20 is icosane, which older sources call eicosane).
        melting_point_c: at 1 atm, °C (CRC Handbook).
        boiling_point_c: at 1 atm, °C (CRC Handbook).
    """

    carbon_atoms: int
    name: str
    melting_point_c: float
    boiling_point_c: float

    @property
    def hydrogen_atoms(self) -> int:
        """2n + 2."""
        return 2 * self.carbon_atoms + 2

    @property
    def formula(self) -> str:
        """Plain text, as a formula parser reads it: ``"C8H18"``, ``"CH4"``."""
        return alkane_formula(self.carbon_atoms)

    @property
    def display_formula(self) -> str:
        """With subscript digits: ``"C₈H₁₈"``."""
        return subscript(self.formula)

    @property
    def relative_formula_mass(self) -> int:
        """Mᵣ with the GCSE Aᵣ values: 14n + 2."""
        return relative_formula_mass(self.formula)


# Straight-chain alkanes, melting and boiling points at 1 atm, °C, from the CRC Handbook of
# Chemistry and Physics ("Physical Constants of Organic Compounds"), rounded to 0.1 °C.
ALKANE_DATA = (
    Alkane(1, "methane", -182.5, -161.5),
    Alkane(2, "ethane", -182.8, -88.6),
    Alkane(3, "propane", -187.6, -42.1),
    Alkane(4, "butane", -138.3, -0.5),
    Alkane(5, "pentane", -129.7, 36.1),
    Alkane(6, "hexane", -95.3, 68.7),
    Alkane(7, "heptane", -90.6, 98.4),
    Alkane(8, "octane", -56.8, 125.6),
    Alkane(9, "nonane", -53.5, 150.8),
    Alkane(10, "decane", -29.7, 174.1),
    Alkane(11, "undecane", -25.6, 195.9),
    Alkane(12, "dodecane", -9.6, 216.3),
    Alkane(13, "tridecane", -5.4, 235.4),
    Alkane(14, "tetradecane", 5.8, 253.5),
    Alkane(15, "pentadecane", 9.9, 270.6),
    Alkane(16, "hexadecane", 18.1, 286.8),
    Alkane(17, "heptadecane", 22.0, 302.0),
    Alkane(18, "octadecane", 28.2, 316.3),
    Alkane(19, "nonadecane", 32.1, 329.9),
    Alkane(20, "icosane", 36.8, 343.0),
)


@dataclass(frozen=True)
class Fraction:
    """One fraction of crude oil, collected where the column is between two temperatures.

    Attributes:
        name: as AQA and textbooks name it.
        lowest_c: lowest boiling point collected in it, °C (``-inf`` for the gases).
        highest_c: highest boiling point collected in it, °C (``inf`` for the residue).
        carbon_atoms: typical chain lengths, in words.
        uses: what it is used for.
    """

    name: str
    lowest_c: float
    highest_c: float
    carbon_atoms: str
    uses: str


# Typical cut points; refineries and textbooks differ by tens of degrees and a few carbon
# atoms. The two heaviest fractions boil above this model's longest chain (icosane, 343 °C).
FRACTIONS = (
    Fraction("refinery gases (LPG)", -np.inf, 25.0, "C1 to C4", "bottled gas for heating and cooking"),
    Fraction("petrol", 25.0, 180.0, "C5 to C10", "fuel for cars"),
    Fraction("kerosene", 180.0, 260.0, "C11 to C14", "fuel for aircraft (jet fuel)"),
    Fraction("diesel oil", 260.0, 350.0, "C15 to C20", "fuel for lorries, trains and some cars"),
    Fraction("heavy fuel oil", 350.0, 500.0, "about C20 to C40", "fuel for ships and power stations"),
    Fraction("bitumen (residue)", 500.0, np.inf, "more than about C40", "surfacing roads and roofs"),
)
COLUMN_BOTTOM_C = 350.0  # the crude oil's vapour enters at about 350 °C (typical)
COLUMN_TOP_C = 25.0  # gases leave the top at about 25 °C

TRENDS = (
    "As the chains get longer, boiling point rises, viscosity rises (the liquid flows less easily) and "
    "flammability falls (they are harder to ignite)."
)

CARBON_ATOM_PRESETS = {"Methane": 1, "Ethane": 2, "Propane": 3, "Butane": 4, "Octane (petrol)": 8,
                       "Dodecane (kerosene)": 12, "Hexadecane (diesel)": 16}
TEMPERATURE_PRESETS_C = {"25 °C (room)": 25.0, "−50 °C (cold)": -50.0, "350 °C (column bottom)": 350.0}

_SUBSCRIPTS = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")


def subscript(formula: str) -> str:
    """``"C8H18"`` → ``"C₈H₁₈"`` (digits after a letter become subscripts)."""
    out = []
    for index, character in enumerate(formula):
        previous = formula[:index].rstrip("0123456789")
        out.append(character.translate(_SUBSCRIPTS) if character.isdigit() and previous and previous[-1].isalpha()
                   else character)
    return "".join(out)


def _hydrocarbon_formula(carbon: int, hydrogen: int) -> str:
    return f"C{carbon if carbon > 1 else ''}H{hydrogen if hydrogen > 1 else ''}"


def alkane_formula(carbon_atoms: int) -> str:
    """CₙH₂ₙ₊₂ as plain text: ``alkane_formula(3) == "C3H8"``.

    Raises:
        ValueError: for n outside [1, 100].
    """
    n = check_count("carbon_atoms", carbon_atoms, 1, 100)
    return _hydrocarbon_formula(n, 2 * n + 2)


def alkene_formula(carbon_atoms: int) -> str:
    """CₙH₂ₙ (one C=C double bond) as plain text: ``alkene_formula(2) == "C2H4"``.

    Raises:
        ValueError: for n outside [2, 100] (an alkene needs two carbon atoms for C=C).
    """
    n = check_count("carbon_atoms", carbon_atoms, 2, 100)
    return _hydrocarbon_formula(n, 2 * n)


def atoms_in(formula: str) -> dict[str, int]:
    """Atoms of each element in a simple formula (element symbols and counts, no
    brackets): ``atoms_in("C8H18") == {"C": 8, "H": 18}``.

    Raises:
        ValueError: for anything else.
    """
    atoms: dict[str, int] = {}
    index = 0
    while index < len(formula):
        symbol = formula[index]
        if not symbol.isupper():
            raise ValueError(f"formula must be element symbols and counts such as 'C8H18', got {formula!r}")
        index += 1
        while index < len(formula) and formula[index].islower():
            symbol += formula[index]
            index += 1
        digits = ""
        while index < len(formula) and formula[index].isdigit():
            digits += formula[index]
            index += 1
        if symbol not in RELATIVE_ATOMIC_MASS:
            raise ValueError(f"element {symbol!r} in {formula!r}: this model knows only C, H and O")
        atoms[symbol] = atoms.get(symbol, 0) + (int(digits) if digits else 1)
    if not atoms:
        raise ValueError("formula must not be empty")
    return atoms


def relative_formula_mass(formula: str, atomic_masses: dict | None = None) -> float:
    """Mᵣ from the GCSE Aᵣ values (C 12, H 1, O 16), or from ``atomic_masses`` if given."""
    masses = RELATIVE_ATOMIC_MASS if atomic_masses is None else atomic_masses
    return sum(masses[symbol] * count for symbol, count in atoms_in(formula).items())


def alkane(carbon_atoms: int) -> Alkane:
    """The straight-chain alkane with ``carbon_atoms`` carbons, from :data:`ALKANE_DATA`.

    Raises:
        ValueError: for n outside [1, 20].
    """
    n = check_count("carbon_atoms", carbon_atoms, MIN_CARBON_ATOMS, MAX_CARBON_ATOMS)
    return ALKANE_DATA[n - 1]


def _lowest_whole_numbers(coefficients: dict[str, int]) -> dict[str, int]:
    divisor = 0
    for value in coefficients.values():
        divisor = gcd(divisor, abs(value))
    return {formula: value // divisor for formula, value in coefficients.items()}


def combustion_equation(carbon_atoms: int, combustion: str = "complete") -> dict[str, int]:
    """The balanced combustion equation of CₙH₂ₙ₊₂ with the lowest whole numbers, as
    formula → signed coefficient (reactants negative).

    Complete: 2 CₙH₂ₙ₊₂ + (3n + 1) O₂ → 2n CO₂ + (2n + 2) H₂O, divided by 2 where that
    leaves whole numbers (n odd). Incomplete (carbon monoxide):
    2 CₙH₂ₙ₊₂ + (2n + 1) O₂ → 2n CO + (2n + 2) H₂O, which never divides.

    Raises:
        ValueError: for n outside [1, 100] or an unknown ``combustion``.
    """
    formula = alkane_formula(carbon_atoms)
    n = int(carbon_atoms)
    combustion = check_choice("combustion", combustion, COMBUSTIONS)
    if combustion == "complete":
        doubled = {formula: -2, "O2": -(3 * n + 1), "CO2": 2 * n, "H2O": 2 * n + 2}
    else:
        doubled = {formula: -2, "O2": -(2 * n + 1), "CO": 2 * n, "H2O": 2 * n + 2}
    return _lowest_whole_numbers(doubled)


def cracking_equation(carbon_atoms: int, alkene_carbon_atoms: int = 2) -> dict[str, int]:
    """CₙH₂ₙ₊₂ → Cₙ₋ₘH₂₍ₙ₋ₘ₎₊₂ + CₘH₂ₘ: one shorter alkane and one alkene of m carbons.

    Raises:
        ValueError: for n outside [3, 100], or m outside [2, n − 1] (the alkane left
            needs at least one carbon atom).
    """
    n = check_count("carbon_atoms", carbon_atoms, 3, 100)
    m = check_count("alkene_carbon_atoms", alkene_carbon_atoms, 2, n - 1)
    return {alkane_formula(n): -1, alkane_formula(n - m): 1, alkene_formula(m): 1}


def atoms_each_side(equation: dict[str, int]) -> tuple[dict[str, int], dict[str, int]]:
    """Atoms of each element on the left and on the right of an equation."""
    left: dict[str, int] = {}
    right: dict[str, int] = {}
    for formula, coefficient in equation.items():
        side = left if coefficient < 0 else right
        for symbol, count in atoms_in(formula).items():
            side[symbol] = side.get(symbol, 0) + abs(coefficient) * count
    return left, right


def masses_each_side(equation: dict[str, int], atomic_masses: dict | None = None) -> tuple[float, float]:
    """Total Mᵣ × coefficient on the left and on the right (grams for the equation's
    numbers of moles)."""
    left = sum(-c * relative_formula_mass(f, atomic_masses) for f, c in equation.items() if c < 0)
    right = sum(c * relative_formula_mass(f, atomic_masses) for f, c in equation.items() if c > 0)
    return left, right


def equation_text(equation: dict[str, int], arrow: str = "→") -> str:
    """``"2C₈H₁₈ + 25O₂ → 16CO₂ + 18H₂O"`` (a coefficient of 1 is not written)."""
    def side(sign):
        return " + ".join(f"{abs(c) if abs(c) != 1 else ''}{subscript(f)}" for f, c in equation.items()
                          if (c < 0) == (sign < 0))
    return f"{side(-1)} {arrow} {side(1)}"


def product_mass_per_gram(carbon_atoms: int, combustion: str = "complete") -> float:
    """Grams of carbon dioxide (complete) or carbon monoxide (incomplete) made by burning
    one gram of the alkane: 44n ÷ (14n + 2) or 28n ÷ (14n + 2).

    Raises:
        ValueError: for n outside [1, 100] or an unknown ``combustion``.
    """
    equation = combustion_equation(carbon_atoms, combustion)
    fuel = alkane_formula(carbon_atoms)
    oxide = "CO2" if "CO2" in equation else "CO"
    return equation[oxide] * relative_formula_mass(oxide) / (-equation[fuel] * relative_formula_mass(fuel))


def co2_mass_per_gram(carbon_atoms: int) -> float:
    """Grams of carbon dioxide from burning one gram of CₙH₂ₙ₊₂ completely: 44n ÷ (14n + 2)
    (2.75 g for methane, tending to 44/14 ≈ 3.14 g for long chains)."""
    return product_mass_per_gram(carbon_atoms, "complete")


def oxygen_mass_per_gram(carbon_atoms: int, combustion: str = "complete") -> float:
    """Grams of oxygen needed to burn one gram of the alkane."""
    equation = combustion_equation(carbon_atoms, combustion)
    fuel = alkane_formula(carbon_atoms)
    return -equation["O2"] * relative_formula_mass("O2") / (-equation[fuel] * relative_formula_mass(fuel))


def alkane_relative_formula_mass(carbon_atoms: int) -> float:
    """Mᵣ of CₙH₂ₙ₊₂ with the GCSE Aᵣ values: 14n + 2 (for n from 1 to 100)."""
    return relative_formula_mass(alkane_formula(carbon_atoms))


def state_at(carbon_atoms: int, temperature_c: float) -> str:
    """"solid", "liquid" or "gas" at 1 atm; at exactly a melting or boiling point the
    alkane is taken as just changing into the higher-temperature state."""
    data = alkane(carbon_atoms)
    temperature_c = check_range("temperature_c", temperature_c, ABSOLUTE_ZERO_C, 10000, low_open=False, unit="°C")
    if temperature_c < data.melting_point_c:
        return "solid"
    if temperature_c < data.boiling_point_c:
        return "liquid"
    return "gas"


def fraction_for_boiling_point(boiling_point_c: float) -> Fraction:
    """The fraction collecting a substance that boils at ``boiling_point_c`` (°C)."""
    boiling_point_c = check_range("boiling_point_c", boiling_point_c, ABSOLUTE_ZERO_C, 10000, low_open=False, unit="°C")
    return next(f for f in FRACTIONS if f.lowest_c <= boiling_point_c < f.highest_c)


def fraction_of(carbon_atoms: int) -> Fraction:
    """The fraction of crude oil the straight-chain alkane with n carbons leaves the
    column in (from its boiling point and :data:`FRACTIONS`' typical cut points)."""
    return fraction_for_boiling_point(alkane(carbon_atoms).boiling_point_c)


@dataclass(frozen=True)
class AlkaneParams:
    """One alkane, a temperature and a kind of combustion. Validated on creation.

    Attributes:
        carbon_atoms: n in CₙH₂ₙ₊₂, a whole number in [1, 20].
        temperature_c: temperature at 1 atm, in degrees Celsius (°C); [−200, 400].
        combustion: "complete" (plenty of oxygen: CO₂ and H₂O) or "incomplete"
            (too little oxygen: CO and H₂O).
    """

    carbon_atoms: int = 8
    temperature_c: float = 25.0
    combustion: str = "complete"

    def __post_init__(self):
        object.__setattr__(self, "carbon_atoms",
                           check_count("carbon_atoms", self.carbon_atoms, MIN_CARBON_ATOMS, MAX_CARBON_ATOMS))
        object.__setattr__(self, "temperature_c", check_range(
            "temperature_c", self.temperature_c, MIN_TEMPERATURE_C, MAX_TEMPERATURE_C, low_open=False, unit="°C"))
        object.__setattr__(self, "combustion", check_choice("combustion", self.combustion, COMBUSTIONS))


@dataclass(frozen=True)
class AlkaneRun:
    """One alkane examined.

    Attributes:
        params: the parameters it was made with.
        alkane: the chosen :class:`Alkane`.
        state: "solid", "liquid" or "gas" at the chosen temperature.
        fraction: the :class:`Fraction` it leaves the column in.
        equation: the balanced combustion equation (formula → signed coefficient).
        product_mass_per_gram: g of CO₂ (complete) or CO (incomplete) per g burned.
        oxygen_mass_per_gram: g of O₂ needed per g burned.
        cracking: a cracking equation making ethene, or None for n < 3.
        states_of_all: the state of every alkane 1–20 at the chosen temperature.
    """

    params: AlkaneParams
    alkane: Alkane
    state: str
    fraction: Fraction
    equation: dict
    product_mass_per_gram: float
    oxygen_mass_per_gram: float
    cracking: dict | None
    states_of_all: tuple


def examine(params: AlkaneParams | None = None) -> AlkaneRun:
    """Everything the explorer shows about the chosen alkane."""
    params = AlkaneParams() if params is None else params
    n = params.carbon_atoms
    return AlkaneRun(
        params=params, alkane=alkane(n), state=state_at(n, params.temperature_c), fraction=fraction_of(n),
        equation=combustion_equation(n, params.combustion),
        product_mass_per_gram=product_mass_per_gram(n, params.combustion),
        oxygen_mass_per_gram=oxygen_mass_per_gram(n, params.combustion),
        cracking=cracking_equation(n, 2) if n >= 3 else None,
        states_of_all=tuple(state_at(a.carbon_atoms, params.temperature_c) for a in ALKANE_DATA),
    )


def _celsius(value: float) -> str:
    return f"{value:g} °C".replace("-", "−")


def describe(run: AlkaneRun) -> str:
    """Three or four sentences a screen reader can speak about this alkane."""
    data, params = run.alkane, run.params
    oxide = "carbon dioxide" if params.combustion == "complete" else "carbon monoxide"
    text = (f"{data.name.capitalize()}, {data.display_formula} (relative formula mass {data.relative_formula_mass}), melts at "
            f"{_celsius(data.melting_point_c)} and boils at {_celsius(data.boiling_point_c)}, so at "
            f"{_celsius(params.temperature_c)} it is a {run.state}. In the fractionating column it leaves in the "
            f"{run.fraction.name} fraction. {params.combustion.capitalize()} combustion: "
            f"{equation_text(run.equation)}; each gram burned makes {run.product_mass_per_gram:.2f} g of {oxide}.")
    if params.combustion == "incomplete":
        text += " With even less oxygen, soot (carbon) forms too."
    return text


def to_table(run: AlkaneRun | None = None) -> Table:
    """The homologous series C1–C20: carbon atoms, Mᵣ, melting and boiling points (°C)
    and grams of CO₂ per gram burned completely."""
    return Table.from_columns(
        [("carbon atoms", "", [a.carbon_atoms for a in ALKANE_DATA]),
         ("relative formula mass", "", [a.relative_formula_mass for a in ALKANE_DATA]),
         ("melting point", "°C", [a.melting_point_c for a in ALKANE_DATA]),
         ("boiling point", "°C", [a.boiling_point_c for a in ALKANE_DATA]),
         ("CO2 per gram burned", "g", [co2_mass_per_gram(a.carbon_atoms) for a in ALKANE_DATA])],
        title="Straight-chain alkanes CnH2n+2 at 1 atm (CRC Handbook)",
    )


def series_rows(carbon_atoms=range(1, MAX_CARBON_ATOMS + 1), temperature_c: float = 25.0) -> list[list[str]]:
    """Rows for the workbook's table: name, formula, Mᵣ, boiling point, state at
    ``temperature_c`` and fraction."""
    return [[alkane(n).name, alkane(n).display_formula, f"{alkane(n).relative_formula_mass}",
             _celsius(alkane(n).boiling_point_c), state_at(n, temperature_c), fraction_of(n).name]
            for n in carbon_atoms]


def boiling_point_rise_per_carbon() -> np.ndarray:
    """How much each extra CH₂ raises the boiling point, °C (19 values, n = 1→2 … 19→20)."""
    return np.diff([a.boiling_point_c for a in ALKANE_DATA])
