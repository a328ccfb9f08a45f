"""Bonding, structure and properties: why some substances melt at −183 °C and others at
2852 °C, and which conduct electricity when.

Chemistry (see MODEL.md beside this file for the teacher's version):

* Four kinds of structure (AQA 8462 4.2.1–4.2.4): **ionic** lattices (metal and
  non-metal ions held by strong electrostatic forces in every direction), **giant
  covalent** networks (atoms held by covalent bonds throughout), **metallic** lattices
  (positive ions in a sea of delocalised electrons) and **simple molecular**
  substances (small molecules with strong covalent bonds inside them but weak forces
  between them).
* Melting and boiling points at 1 atm are published values (CRC Handbook of Chemistry
  and Physics, as quoted on the Royal Society of Chemistry's periodic table and in
  standard data books), each typed once in :data:`SUBSTANCES`. Giant structures need
  many strong bonds broken to melt; simple molecules need only weak intermolecular
  forces overcome. Carbon (diamond, graphite) does not melt at 1 atm: it sublimes at
  about 3600 °C (sources differ by ±100 °C); carbon dioxide sublimes at −78.5 °C.
* State at a temperature T: solid below the melting point, liquid up to the boiling
  point, gas above (a substance that sublimes goes straight from solid to gas).
* Conducting electricity needs charged particles free to move: delocalised electrons
  (metals, graphite, in any state the model covers) or ions free to move (ionic
  compounds when molten or dissolved, never as solids). Pure simple molecular
  substances and diamond and silicon dioxide do not conduct.

Limits: 1 atm only; carbon's values are for no air (in air diamond and graphite burn
from about 700 °C, and diamond turns to graphite above about 1700 °C without air); values are for the pure substance; "dissolved" applies only to
substances that dissolve in water (sodium chloride); magnesium oxide and giant
covalent substances are insoluble. Intermolecular forces are named, never modelled.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from stemcpd.table import Table
from stemcpd.validation import check_choice, check_count, check_range

ABSOLUTE_ZERO_C = -273.15
STRUCTURES = ("ionic", "giant covalent", "metallic", "simple molecular")


@dataclass(frozen=True)
class Substance:
    """One substance and its published data.

    Attributes:
        name: in words.
        formula: as AQA writes it.
        structure: one of :data:`STRUCTURES`.
        melting_point_c: at 1 atm, °C; for a substance that sublimes, the sublimation point.
        boiling_point_c: at 1 atm, °C; equal to ``melting_point_c`` if it sublimes.
        soluble_in_water: dissolves to give a solution of its particles.
        free_electrons: has delocalised electrons (metals, graphite).
        bonding_words: what holds it together and what melting overcomes.
    """

    name: str
    formula: str
    structure: str
    melting_point_c: float
    boiling_point_c: float
    soluble_in_water: bool
    free_electrons: bool
    bonding_words: str

    @property
    def sublimes(self) -> bool:
        """True if it goes straight from solid to gas at 1 atm."""
        return self.melting_point_c == self.boiling_point_c


SUBSTANCES = (
    Substance("sodium chloride", "NaCl", "ionic", 801.0, 1465.0, True, False,
              "strong electrostatic forces between Na⁺ and Cl⁻ ions in every direction"),
    Substance("magnesium oxide", "MgO", "ionic", 2852.0, 3600.0, False, False,
              "electrostatic forces between Mg²⁺ and O²⁻ ions, stronger than in NaCl (ions with double charges)"),
    Substance("diamond", "C", "giant covalent", 3600.0, 3600.0, False, False,
              "covalent bonds from every carbon atom to four others, throughout the structure"),
    Substance("graphite", "C", "giant covalent", 3600.0, 3600.0, False, True,
              "covalent bonds to three other carbon atoms in layers; one delocalised electron per atom"),
    Substance("silicon dioxide", "SiO₂", "giant covalent", 1710.0, 2230.0, False, False,
              "covalent bonds between silicon and oxygen atoms throughout the structure"),
    Substance("copper", "Cu", "metallic", 1084.6, 2562.0, False, True,
              "attraction between positive ions and the sea of delocalised electrons"),
    Substance("water", "H₂O", "simple molecular", 0.0, 100.0, False, False,
              "weak forces between molecules (the O–H covalent bonds do not break)"),
    Substance("methane", "CH₄", "simple molecular", -182.5, -161.5, False, False,
              "very weak forces between small molecules (the C–H covalent bonds do not break)"),
)
SUBSTANCE_NAMES = tuple(substance.name for substance in SUBSTANCES)  # what BondingParams.substance takes
_SUBSTANCE_BY_NAME = {substance.name: substance for substance in SUBSTANCES}
TEMPERATURE_PRESETS_C = {"−196 °C (liquid nitrogen)": -196.0, "25 °C (room)": 25.0, "1000 °C": 1000.0}


def state_at(substance: Substance, temperature_c: float) -> str:
    """"solid", "liquid" or "gas" at 1 atm; at exactly a melting or boiling point the
    substance is taken as just changing state into the higher-temperature one."""
    temperature_c = check_range("temperature_c", temperature_c, ABSOLUTE_ZERO_C, 10000, unit="°C")
    if temperature_c < substance.melting_point_c:
        return "solid"
    if temperature_c < substance.boiling_point_c:
        return "liquid"
    return "gas"


def conducts(substance: Substance, state: str) -> tuple[bool, str]:
    """Whether ``substance`` conducts electricity in ``state`` ("solid", "liquid" or
    "solution"), and the reason in words.

    Raises:
        ValueError: for an unknown state, or "solution" for an insoluble substance.
    """
    if state not in ("solid", "liquid", "gas", "solution"):
        raise ValueError(f"state must be solid, liquid, gas or solution, got {state!r}")
    if state == "solution" and not substance.soluble_in_water:
        raise ValueError(f"{substance.name} does not dissolve in water")
    if state == "gas":
        return False, "no charged particles free to move in the gas"
    if substance.free_electrons:
        return True, "delocalised electrons move through the structure"
    if substance.structure == "ionic":
        if state == "solid":
            return False, "the ions are fixed in the lattice and cannot move"
        return True, "the ions are free to move and carry the charge"
    if substance.structure == "simple molecular":
        return False, "molecules have no overall charge (pure water conducts only very slightly)"
    return False, "no charged particles free to move: the electrons are held in covalent bonds or on their atoms"


@dataclass(frozen=True)
class BondingParams:
    """A substance at a temperature. Validated on creation.

    Attributes:
        substance: which substance, by name: one of :data:`SUBSTANCE_NAMES` ("sodium
            chloride", "magnesium oxide", "diamond", "graphite", "silicon dioxide",
            "copper", "water", "methane").
        temperature_c: temperature, in degrees Celsius (°C), at 1 atm; [−273.15, 4000].
    """

    substance: str = "sodium chloride"
    temperature_c: float = 25.0

    def __post_init__(self):
        object.__setattr__(self, "substance", check_choice("substance", self.substance, SUBSTANCE_NAMES))
        object.__setattr__(self, "temperature_c", check_range(
            "temperature_c", self.temperature_c, ABSOLUTE_ZERO_C, 4000, low_open=False, unit="°C"))

    @property
    def data(self) -> Substance:
        """The chosen :class:`Substance`."""
        return _SUBSTANCE_BY_NAME[self.substance]


@dataclass(frozen=True)
class BondingRun:
    """One substance at one temperature.

    Attributes:
        params: the parameters it was made with.
        state: "solid", "liquid" or "gas".
        conducts_now: whether it conducts in that state.
        conduction_reason: why, in words.
        conducts_dissolved: whether its solution conducts, or None if insoluble.
        states_of_all: (name, state) of every substance at this temperature.
    """

    params: BondingParams
    state: str
    conducts_now: bool
    conduction_reason: str
    conducts_dissolved: bool | None
    states_of_all: tuple


def examine(params: BondingParams | None = None) -> BondingRun:
    """State and conductivity of the chosen substance (and the state of every other
    substance) at the chosen temperature."""
    params = BondingParams() if params is None else params
    data = params.data
    state = state_at(data, params.temperature_c)
    conducts_now, reason = conducts(data, state)
    dissolved = conducts(data, "solution")[0] if data.soluble_in_water else None
    return BondingRun(params=params, state=state, conducts_now=conducts_now, conduction_reason=reason,
                      conducts_dissolved=dissolved,
                      states_of_all=tuple((s.name, state_at(s, params.temperature_c)) for s in SUBSTANCES))


def _temperature_words(temperature_c: float) -> str:
    return f"{temperature_c:g} °C".replace("-", "−")


def describe(run: BondingRun) -> str:
    """Two or three sentences a screen reader can speak about this substance."""
    data = run.params.data
    change = (f"sublimes at about {_temperature_words(data.melting_point_c)}" if data.sublimes else
              f"melts at {_temperature_words(data.melting_point_c)} and boils at {_temperature_words(data.boiling_point_c)}")
    conduct = "conducts electricity" if run.conducts_now else "does not conduct electricity"
    text = (f"{data.name.capitalize()} ({data.formula}) is {data.structure}: {data.bonding_words}. It {change}, so at "
            f"{_temperature_words(run.params.temperature_c)} it is a {run.state} and {conduct}: {run.conduction_reason}.")
    if data.formula == "C" and run.params.temperature_c >= 700:
        text += " (In air it would burn long before this; the values are for no air.)"
    if run.conducts_dissolved is not None:
        text += f" Dissolved in water it {'conducts' if run.conducts_dissolved else 'does not conduct'}."
    return text


def to_table(run: BondingRun) -> Table:
    """Melting and boiling points of every substance (sublimation points for both where
    it sublimes), °C. The shared Table holds numbers only, so each row is numbered from
    1, in the chart's order, and the title names the substance in each row."""
    return Table.from_columns(
        [("row", "", np.arange(1, len(SUBSTANCES) + 1)),
         ("melting point", "°C", [s.melting_point_c for s in SUBSTANCES]),
         ("boiling point", "°C", [s.boiling_point_c for s in SUBSTANCES])],
        title="Melting and boiling points at 1 atm, one row per substance: "
              + ", ".join(f"row {i} {s.name}" for i, s in enumerate(SUBSTANCES, start=1)),
    )


def structure_summary() -> list[tuple[str, str, str, str]]:
    """One row per structure type: example substances, lowest and highest melting point
    among them, and when it conducts (for the workbook's summary table)."""
    rows = []
    for structure in STRUCTURES:
        members = [s for s in SUBSTANCES if s.structure == structure]
        low = min(s.melting_point_c for s in members)
        high = max(s.melting_point_c for s in members)
        solid = [s.name for s in members if conducts(s, "solid")[0]]
        liquid = [s.name for s in members if conducts(s, "liquid")[0]]
        conduct = ("solid and liquid" if solid and len(solid) == len(members) else
                   f"only {', '.join(solid)}" if solid else "when molten or dissolved" if liquid else "never")
        span = _temperature_words(low) if low == high else f"{_temperature_words(low)} to {_temperature_words(high)}"
        rows.append((structure, ", ".join(s.name for s in members), span, conduct))
    return rows


def covalent_bonds_formed(outer_electrons: int) -> int:
    """Covalent bonds a non-metal atom forms to fill its outer shell: 8 − outer
    electrons for 4 to 7 (C 4, N 3, O 2, Cl 1); hydrogen's 1 is the special case.

    Raises:
        ValueError: for fewer than 4 or more than 7 outer electrons.
    """
    return 8 - check_count("outer_electrons", outer_electrons, 4, 7)


def cube_surface_area_to_volume(side_nm: float) -> float:
    """Surface area ÷ volume of a cube of side ``side_nm`` (nm): 6L² ÷ L³ = 6/L, per nm
    (AQA 4.2.4.1, Chemistry only: why nanoparticles are such good catalysts).

    Raises:
        ValueError: for a side outside (0, 1e9] nm.
    """
    side_nm = check_range("side_nm", side_nm, 0, 1e9, unit="nm")
    return 6.0 * side_nm**2 / side_nm**3


def surface_area_to_volume_increase(large_side_nm: float, small_side_nm: float) -> float:
    """How many times bigger the small cube's surface area to volume ratio is: the sides'
    ratio, because SA:V = 6/L (AQA: side ÷ 10 gives SA:V × 10).

    Raises:
        ValueError: for a side outside (0, 1e9] nm.
    """
    return cube_surface_area_to_volume(small_side_nm) / cube_surface_area_to_volume(large_side_nm)
