"""Electrolysis: which products form at each electrode, and how much (Faraday's laws).

Chemistry (see MODEL.md beside this file for the teacher's version):

* **Products, the GCSE rules.** A molten binary compound gives the metal at the
  cathode (−) and the non-metal at the anode (+). In an aqueous solution water adds
  H⁺ and OH⁻ ions, and

  - at the cathode, hydrogen is produced if the metal is more reactive than hydrogen;
    otherwise the metal is deposited (the less reactive of metal / hydrogen is
    discharged);
  - at the anode (inert electrodes), oxygen is produced from OH⁻ unless the solution
    contains halide ions, when the halogen is produced. The halogen forms only when the
    halide solution is *concentrated*; a dilute halide solution gives oxygen;
  - with a copper anode in copper sulfate solution, the anode itself dissolves
    (Cu → Cu²⁺ + 2e⁻) and copper is deposited on the cathode: purification of copper.

  Sources: AQA GCSE Chemistry (8462) specification, section 4.4.3 "Electrolysis"
  (4.4.3.2 molten compounds, 4.4.3.4 aqueous solutions, 4.4.3.5 half equations);
  Cambridge IGCSE Chemistry (0620, 2023–2025) syllabus, topic 5.1 "Electrolysis"
  (concentrated aqueous sodium chloride, dilute sulfuric acid, aqueous copper(II)
  sulfate with inert and with copper electrodes, halides in dilute or concentrated
  solution). The reactivity order (K, Na, Ca, Mg, Al, C, Zn, Fe, Pb, H, Cu, Ag, Au) is
  the one in the AQA specification, section 4.4.1.2.

* **Faraday's laws.** Charge ``Q = I t`` (C). Moles of electrons ``n(e⁻) = Q / F`` with
  the Faraday constant F = 96485.33212 C/mol (CODATA 2018: exact, since both the
  Avogadro constant and the elementary charge are now exact). A product needing ``z``
  electrons per particle forms ``n = Q / (z F)`` mol, so its mass is
  ``m = I t M / (z F)`` and, for a gas at room temperature and pressure (RTP),
  its volume is ``V = 24.0 dm³/mol × n`` (the molar gas volume used at GCSE, AQA
  specification 4.3.5).

Assumptions: 100% current efficiency (every electron makes the predicted product);
gases are collected completely (in reality chlorine dissolves a little in water, so less
is collected than predicted, and oxygen can attack a graphite anode); "dilute" and
"concentrated" are the labels of the GCSE rule, not a modelled concentration threshold
(real dilute chloride solutions give a mixture of oxygen and chlorine).
Limits: the rules are the school rules, not electrode potentials and overpotentials.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from stemcpd.practical import Instrument, make_rng
from stemcpd.table import Table
from stemcpd.validation import check_count, check_range

FARADAY_C_PER_MOL = 96485.33212  # CODATA 2018 (exact: N_A × e)
MOLAR_GAS_VOLUME_RTP_DM3 = 24.0  # dm³/mol at RTP (20 °C, 1 atm), the GCSE value

# Relative atomic masses, IUPAC 2021 abridged standard atomic weights to 4 s.f.
# (Cu 63.546 → 63.55, Pb 207.2, Na 22.990, K 39.098, Br 79.904, Cl 35.45, I 126.90,
# O 15.999, H 1.008).
MOLAR_MASS_G_MOL = {
    "Cu": 63.55, "Pb": 207.2, "Na": 22.99, "K": 39.10,
    "Br₂": 159.81, "Cl₂": 70.90, "I₂": 253.81, "O₂": 32.00, "H₂": 2.016,
}


@dataclass(frozen=True)
class Cation:
    """A positive ion: its metal (or hydrogen) and where it sits relative to hydrogen."""

    formula: str
    element: str
    symbol: str
    charge: int
    less_reactive_than_hydrogen: bool
    hydroxide: str = ""  # what stays in solution with OH⁻, e.g. "sodium hydroxide"


@dataclass(frozen=True)
class Anion:
    """A negative ion; ``halogen`` is empty for ions that are not halides."""

    formula: str
    name: str
    halogen: str = ""
    halogen_formula: str = ""
    acid: str = ""  # what stays in solution with H⁺, e.g. "sulfuric acid"


CATIONS = {
    "Pb²⁺": Cation("Pb²⁺", "lead", "Pb", 2, False),
    "Na⁺": Cation("Na⁺", "sodium", "Na", 1, False, "sodium hydroxide"),
    "K⁺": Cation("K⁺", "potassium", "K", 1, False, "potassium hydroxide"),
    "Cu²⁺": Cation("Cu²⁺", "copper", "Cu", 2, True),
    "H⁺": Cation("H⁺", "hydrogen", "H", 1, False),
}
ANIONS = {
    "Br⁻": Anion("Br⁻", "bromide", "bromine", "Br₂", "hydrobromic acid"),
    "Cl⁻": Anion("Cl⁻", "chloride", "chlorine", "Cl₂", "hydrochloric acid"),
    "I⁻": Anion("I⁻", "iodide", "iodine", "I₂", "hydriodic acid"),
    "SO₄²⁻": Anion("SO₄²⁻", "sulfate", acid="sulfuric acid"),
    "OH⁻": Anion("OH⁻", "hydroxide"),
}


@dataclass(frozen=True)
class Electrolyte:
    """One electrolysis cell as a GCSE question states it.

    Attributes:
        name: how the learner names it, e.g. ``"concentrated sodium chloride solution"``.
        formula: the compound, e.g. ``"NaCl"``.
        molten: True for a molten compound, False for an aqueous solution.
        cation: key of :data:`CATIONS`.
        anion: key of :data:`ANIONS`.
        copper_electrodes: True for copper electrodes (the anode dissolves), False
            for inert (graphite or platinum) electrodes.
        concentrated: for aqueous halides, whether the solution is concentrated.
    """

    name: str
    formula: str
    molten: bool
    cation: str
    anion: str
    copper_electrodes: bool = False
    concentrated: bool = True


ELECTROLYTES = (
    Electrolyte("molten lead bromide", "PbBr₂", True, "Pb²⁺", "Br⁻"),
    Electrolyte("molten sodium chloride", "NaCl", True, "Na⁺", "Cl⁻"),
    Electrolyte("concentrated sodium chloride solution", "NaCl", False, "Na⁺", "Cl⁻"),
    Electrolyte("dilute sodium chloride solution", "NaCl", False, "Na⁺", "Cl⁻", concentrated=False),
    Electrolyte("copper sulfate solution, inert electrodes", "CuSO₄", False, "Cu²⁺", "SO₄²⁻"),
    Electrolyte("copper sulfate solution, copper electrodes", "CuSO₄", False, "Cu²⁺", "SO₄²⁻",
                copper_electrodes=True),
    Electrolyte("dilute sulfuric acid", "H₂SO₄", False, "H⁺", "SO₄²⁻"),
    Electrolyte("sodium hydroxide solution", "NaOH", False, "Na⁺", "OH⁻"),
    Electrolyte("potassium iodide solution", "KI", False, "K⁺", "I⁻"),
    Electrolyte("copper chloride solution", "CuCl₂", False, "Cu²⁺", "Cl⁻"),
)
ELECTROLYTE_NAMES = tuple(electrolyte.name for electrolyte in ELECTROLYTES)
# Short labels for the app's choice, in the same order as ELECTROLYTES.
ELECTROLYTE_LABELS = {
    "molten lead bromide": "molten PbBr₂", "molten sodium chloride": "molten NaCl",
    "concentrated sodium chloride solution": "NaCl(aq), conc.", "dilute sodium chloride solution": "NaCl(aq), dilute",
    "copper sulfate solution, inert electrodes": "CuSO₄(aq), inert",
    "copper sulfate solution, copper electrodes": "CuSO₄(aq), Cu electrodes",
    "dilute sulfuric acid": "H₂SO₄(aq)", "sodium hydroxide solution": "NaOH(aq)",
    "potassium iodide solution": "KI(aq)", "copper chloride solution": "CuCl₂(aq)",
}
PURIFICATION = "copper sulfate solution, copper electrodes"


@dataclass(frozen=True)
class ElectrodeProduct:
    """What happens at one electrode.

    Attributes:
        electrode: ``"cathode"`` (negative) or ``"anode"`` (positive).
        name: the product, e.g. ``"copper"``; for a dissolving anode, the metal lost.
        formula: e.g. ``"Cu"``, ``"H₂"``.
        half_equation: ionic half equation as text, electrons shown.
        electrons_per_particle: z, electrons transferred per atom or molecule.
        molar_mass_g_mol: g/mol of the product.
        gas_at_rtp: True if it is a gas at room temperature (its volume is reported).
        electrode_dissolves: True for a copper anode that goes into solution.
        observation: what a pupil sees.
    """

    electrode: str
    name: str
    formula: str
    half_equation: str
    electrons_per_particle: int
    molar_mass_g_mol: float
    gas_at_rtp: bool
    electrode_dissolves: bool
    observation: str


@dataclass(frozen=True)
class CellProducts:
    """The prediction for one electrolyte: both electrodes and what is left."""

    electrolyte: Electrolyte
    ions: tuple[str, ...]
    cathode: ElectrodeProduct
    anode: ElectrodeProduct
    left_in_solution: str


def find_electrolyte(electrolyte: str) -> str:
    """The name in :data:`ELECTROLYTE_NAMES` that ``electrolyte`` names (any case or
    spacing); ValueError lists the allowed names. A number is refused: cells are named."""
    allowed = "; ".join(ELECTROLYTE_NAMES)
    if isinstance(electrolyte, str):
        key = " ".join(electrolyte.lower().split())
        if key in ELECTROLYTE_NAMES:
            return key
        raise ValueError(f"unknown electrolyte {electrolyte!r}; choose from: {allowed}")
    raise ValueError(f"electrolyte must be a name, got {electrolyte!r}; choose from: {allowed}")


def _metal_product(cation: Cation, molten: bool) -> ElectrodeProduct:
    electrons = "e⁻" if cation.charge == 1 else f"{cation.charge}e⁻"
    if molten:
        look = f"molten {cation.element} collects at the bottom of the cell"
    else:
        look = f"a {'pink-brown ' if cation.symbol == 'Cu' else ''}coating of {cation.element} on the electrode"
    return ElectrodeProduct(
        "cathode", cation.element, cation.symbol, f"{cation.formula} + {electrons} → {cation.symbol}",
        cation.charge, MOLAR_MASS_G_MOL[cation.symbol], False, False, look,
    )


HYDROGEN = ElectrodeProduct(
    "cathode", "hydrogen", "H₂", "2H⁺ + 2e⁻ → H₂", 2, MOLAR_MASS_G_MOL["H₂"], True, False,
    "bubbles of a colourless gas that burns with a squeaky pop",
)
OXYGEN = ElectrodeProduct(
    "anode", "oxygen", "O₂", "4OH⁻ → O₂ + 2H₂O + 4e⁻", 4, MOLAR_MASS_G_MOL["O₂"], True, False,
    "bubbles of a colourless gas that relights a glowing splint",
)
COPPER_ANODE = ElectrodeProduct(
    "anode", "copper", "Cu", "Cu → Cu²⁺ + 2e⁻", 2, MOLAR_MASS_G_MOL["Cu"], False, True,
    "the copper anode gets thinner as it dissolves; impurities fall below it as sludge",
)
HALOGEN_LOOKS = {
    "Br₂": "orange-brown bromine vapour",
    "Cl₂": "bubbles of a green gas that bleaches damp litmus paper",
    "I₂": "the solution near the electrode turns brown as iodine forms",
}


def _halogen_product(anion: Anion) -> ElectrodeProduct:
    symbol = anion.formula[:-1]  # "Cl⁻" → "Cl"
    return ElectrodeProduct(
        "anode", anion.halogen, anion.halogen_formula, f"2{anion.formula} → {anion.halogen_formula} + 2e⁻", 2,
        MOLAR_MASS_G_MOL[anion.halogen_formula], anion.halogen_formula == "Cl₂", False,
        HALOGEN_LOOKS.get(anion.halogen_formula, f"{symbol}₂ forms"),
    )


def electrolysis_products(electrolyte) -> CellProducts:
    """Predict the products at each electrode with the GCSE rules (module docstring).

    Args:
        electrolyte: a name from :data:`ELECTROLYTE_NAMES`.

    Raises:
        ValueError: for an unknown electrolyte, listing the allowed ones.
    """
    cell = ELECTROLYTES[ELECTROLYTE_NAMES.index(find_electrolyte(electrolyte))]
    cation, anion = CATIONS[cell.cation], ANIONS[cell.anion]
    if cell.molten:
        cathode = _metal_product(cation, molten=True)
        anode = _halogen_product(anion)
        return CellProducts(cell, (cation.formula, anion.formula), cathode, anode,
                            "nothing: the molten compound is decomposed into its elements")

    # Aqueous: the less reactive of the metal and hydrogen is discharged at the cathode.
    cathode = _metal_product(cation, molten=False) if cation.less_reactive_than_hydrogen else HYDROGEN
    if cell.copper_electrodes:
        anode = COPPER_ANODE
    elif anion.halogen and cell.concentrated:
        anode = _halogen_product(anion)
    else:
        anode = OXYGEN
    ions = tuple(dict.fromkeys((cation.formula, "H⁺", anion.formula, "OH⁻")))

    metal_deposited = cathode.formula == cation.symbol
    halogen_formed = anode.formula == anion.halogen_formula
    if cell.copper_electrodes:
        left = "copper sulfate solution at the same concentration (copper moves from anode to cathode)"
    elif metal_deposited and halogen_formed:
        left = f"water: the {cell.formula} is used up and the solution gets more dilute"
    elif metal_deposited:
        left = f"{anion.acid} (H⁺ and {anion.formula} ions stay in solution)"
    elif halogen_formed:
        left = f"{cation.hydroxide} solution ({cation.formula} and OH⁻ ions stay in solution)"
    else:
        left = f"{cell.formula} solution, more concentrated: only water is decomposed"
    return CellProducts(cell, ions, cathode, anode, left)


def charge_passed(current_a: float, time_s: float) -> float:
    """Charge Q = I t, in coulombs. Raises ValueError for a current or time ≤ 0."""
    current_a = check_range("current_a", current_a, 0, 1e6, unit="A")
    time_s = check_range("time_s", time_s, 0, 1e9, unit="s")
    return current_a * time_s


def moles_of_electrons(current_a: float, time_s: float) -> float:
    """n(e⁻) = I t / F, in mol."""
    return charge_passed(current_a, time_s) / FARADAY_C_PER_MOL


def mass_deposited(current_a: float, time_s: float, molar_mass_g_mol: float, electrons_per_ion: int) -> float:
    """Mass of product from Faraday's laws, m = I t M / (z F), in grams.

    Args:
        current_a: current, A; (0, 1e6].
        time_s: time the current flows, s; (0, 1e9].
        molar_mass_g_mol: molar mass of the product, g/mol; (0, 1000].
        electrons_per_ion: z, electrons per atom deposited (2 for Cu²⁺); whole number 1–8.

    Raises:
        ValueError: naming the argument and its range.
    """
    molar_mass_g_mol = check_range("molar_mass_g_mol", molar_mass_g_mol, 0, 1000, unit="g/mol")
    electrons_per_ion = check_count("electrons_per_ion", electrons_per_ion, 1, 8)
    return moles_of_electrons(current_a, time_s) / electrons_per_ion * molar_mass_g_mol


def gas_volume_dm3(current_a: float, time_s: float, electrons_per_molecule: int,
                   molar_volume_dm3: float = MOLAR_GAS_VOLUME_RTP_DM3) -> float:
    """Volume of gas at RTP, V = 24.0 dm³/mol × I t / (z F), in dm³ (2 for H₂, 4 for O₂)."""
    electrons_per_molecule = check_count("electrons_per_molecule", electrons_per_molecule, 1, 8)
    molar_volume_dm3 = check_range("molar_volume_dm3", molar_volume_dm3, 0, 1000, unit="dm³/mol")
    return moles_of_electrons(current_a, time_s) / electrons_per_molecule * molar_volume_dm3


@dataclass(frozen=True)
class ElectrolysisParams:
    """One electrolysis cell and how long a current flows. Validated on creation.

    Attributes:
        current_a: the steady current, in amperes (A); (0, 100].
        time_s: how long it flows, in seconds (s); (0, 86400].
        electrolyte: which cell, by its name in :data:`ELECTROLYTE_NAMES` (any case or
            spacing; stored as written there).
    """

    current_a: float = 0.5
    time_s: float = 1800.0
    electrolyte: str = PURIFICATION

    def __post_init__(self):
        object.__setattr__(self, "current_a", check_range("current_a", self.current_a, 0, 100, unit="A"))
        object.__setattr__(self, "time_s", check_range("time_s", self.time_s, 0, 86400, unit="s"))
        object.__setattr__(self, "electrolyte", find_electrolyte(self.electrolyte))


@dataclass(frozen=True)
class ElectrolysisRun:
    """A cell run for ``params.time_s``. Arrays share the index of ``times_s``.

    Attributes:
        params: what was run.
        products: the predicted products at each electrode.
        times_s: sample times, s, from 0 to ``params.time_s``.
        charge_c: charge passed so far, C.
        electrons_mol: moles of electrons passed so far, mol.
        cathode_mass_g: mass of (non-gas) product formed at the cathode, g; 0 for a gas.
        anode_mass_g: mass of (non-gas) product at the anode, g: positive for a product
            formed (bromine, iodine), negative for a dissolving copper anode; 0 for a gas.
        cathode_gas_cm3: gas collected at the cathode at RTP, cm³; 0 if not a gas.
        anode_gas_cm3: gas collected at the anode at RTP, cm³; 0 if not a gas.
    """

    params: ElectrolysisParams
    products: CellProducts
    times_s: np.ndarray
    charge_c: np.ndarray
    electrons_mol: np.ndarray
    cathode_mass_g: np.ndarray
    anode_mass_g: np.ndarray
    cathode_gas_cm3: np.ndarray
    anode_gas_cm3: np.ndarray

    @property
    def total_charge_c(self) -> float:
        return float(self.charge_c[-1])

    @property
    def total_electrons_mol(self) -> float:
        return float(self.electrons_mol[-1])


def _amounts(product: ElectrodeProduct, electrons_mol: np.ndarray):
    moles = electrons_mol / product.electrons_per_particle
    if product.gas_at_rtp:
        return np.zeros_like(moles), moles * MOLAR_GAS_VOLUME_RTP_DM3 * 1000.0
    sign = -1.0 if product.electrode_dissolves else 1.0
    return sign * moles * product.molar_mass_g_mol, np.zeros_like(moles)


def simulate(params: ElectrolysisParams | None = None, samples: int = 101) -> ElectrolysisRun:
    """Pass a steady current through the cell and track what forms (Faraday's laws)."""
    params = ElectrolysisParams() if params is None else params
    samples = check_count("samples", samples, 2, 100_000)
    products = electrolysis_products(params.electrolyte)
    times = np.linspace(0.0, params.time_s, samples)
    charge = params.current_a * times
    electrons = charge / FARADAY_C_PER_MOL
    cathode_mass, cathode_gas = _amounts(products.cathode, electrons)
    anode_mass, anode_gas = _amounts(products.anode, electrons)
    return ElectrolysisRun(params, products, times, charge, electrons, cathode_mass, anode_mass,
                           cathode_gas, anode_gas)


def _amount_text(product: ElectrodeProduct, mass_g: float, gas_cm3: float) -> str:
    if product.gas_at_rtp:
        return f"{gas_cm3:.1f} cm³ of {product.name} gas at RTP"
    if product.electrode_dissolves:
        return f"loses {-mass_g:.3f} g of {product.name}"
    return f"{mass_g:.3f} g of {product.name}"


def describe(run: ElectrolysisRun) -> str:
    """One or two sentences a screen reader can speak about this run."""
    p, products = run.params, run.products
    cathode = _amount_text(products.cathode, run.cathode_mass_g[-1], run.cathode_gas_cm3[-1])
    anode = _amount_text(products.anode, run.anode_mass_g[-1], run.anode_gas_cm3[-1])
    anode_verb = "" if products.anode.electrode_dissolves else "gives "
    return (
        f"Electrolysing {products.electrolyte.name} with {p.current_a:.2f} A for {p.time_s:.0f} s passes "
        f"{run.total_charge_c:.0f} C ({run.total_electrons_mol * 1000:.2f} mmol of electrons): the cathode "
        f"gives {cathode} ({products.cathode.half_equation}) and the anode {anode_verb}{anode} "
        f"({products.anode.half_equation}). Left in the cell: {products.left_in_solution}."
    )


def to_table(run: ElectrolysisRun) -> Table:
    """The run as a table: charge, electrons and the amount at each electrode over time."""
    return Table.from_columns(
        [
            ("time", "s", run.times_s),
            ("charge passed", "C", run.charge_c),
            ("electrons passed", "mol", run.electrons_mol),
            (f"cathode mass change ({run.products.cathode.formula})", "g", run.cathode_mass_g),
            (f"anode mass change ({run.products.anode.formula})", "g", run.anode_mass_g),
            ("gas at cathode at RTP", "cm³", run.cathode_gas_cm3),
            ("gas at anode at RTP", "cm³", run.anode_gas_cm3),
        ],
        title=f"Electrolysis of {run.products.electrolyte.name}, {run.params.current_a:g} A",
    )


# A top-pan balance read to 0.01 g; the display flickers by a few mg.
BALANCE = Instrument("top-pan balance", "g", resolution=0.01, random_sd=0.003)
# The same balance weighing a cathode that was rinsed but not dried properly: a film of
# water (about 0.03 g on a 2 cm × 5 cm plate) adds to the "after" mass every time.
WET_CATHODE_BALANCE = Instrument(
    "top-pan balance, cathode not dried properly", "g", resolution=0.01, random_sd=0.003, zero_error=0.03,
    systematic_note="cathode weighed wet after rinsing: a water film adds about 0.03 g",
)
# An analogue/digital ammeter read to 0.01 A; the current wanders by about 0.005 A.
AMMETER = Instrument("ammeter", "A", resolution=0.01, random_sd=0.005)
# A stopwatch read to 1 s; starting and stopping by hand is good to about 1 s.
TIMER = Instrument("stopwatch", "s", resolution=1.0, random_sd=1.0)


def virtual_practical(
    currents_a=(0.2, 0.4, 0.6, 0.8, 1.0),
    time_s: float = 1800.0,
    cathode_dried: bool = False,
    seed: int | None = 0,
) -> Table:
    """Simulated class results: copper sulfate solution with copper electrodes.

    For each current, both electrodes are weighed before and after ``time_s`` seconds.
    Plotting the mass gained by the cathode (or lost by the anode) against the charge
    Q = I t gives a straight line of gradient M/(2F), so F = M / (2 × gradient).
    The systematic error: the cathode is not dried properly after rinsing, so each
    "after" mass includes about 0.03 g of water (``cathode_dried=True`` removes it). The
    cathode line then has a positive intercept and the cathode gains more than the anode
    loses; the gradient (and so F) is unaffected, but F worked out from one reading is
    too small.

    Args:
        currents_a: the currents set, A; each in (0, 5].
        time_s: the time each current runs, s; (0, 7200].
        cathode_dried: True to remove the systematic error.
        seed: random seed (non-negative integer), or None.

    Returns:
        Table: ammeter reading / A, time / s, the four masses / g, charge / C,
        cathode gain / g, anode loss / g.
    """
    currents = np.asarray(currents_a, dtype=float)
    if currents.size == 0:
        raise ValueError("currents_a must list at least one current")
    for current in currents:
        check_range("current_a", current, 0, 5, unit="A")
    time_s = check_range("time_s", time_s, 0, 7200, unit="s")
    rng = make_rng(seed)
    true_change = currents * time_s / (2 * FARADAY_C_PER_MOL) * MOLAR_MASS_G_MOL["Cu"]
    cathode_start = rng.uniform(4.0, 6.0, currents.size)
    anode_start = rng.uniform(4.0, 6.0, currents.size)
    ammeter = AMMETER.read(currents, rng)
    timer = TIMER.read(np.full(currents.size, time_s), rng)
    cathode_before = BALANCE.read(cathode_start, rng)
    anode_before = BALANCE.read(anode_start, rng)
    after_balance = BALANCE if cathode_dried else WET_CATHODE_BALANCE
    cathode_after = after_balance.read(cathode_start + true_change, rng)
    anode_after = BALANCE.read(anode_start - true_change, rng)
    return Table.from_columns(
        [
            ("current (ammeter)", "A", ammeter),
            ("time", "s", timer),
            ("cathode mass before", "g", cathode_before),
            ("cathode mass after", "g", cathode_after),
            ("anode mass before", "g", anode_before),
            ("anode mass after", "g", anode_after),
            ("charge passed", "C", ammeter * timer),
            ("cathode mass gained", "g", cathode_after - cathode_before),
            ("anode mass lost", "g", anode_before - anode_after),
        ],
        title=f"Virtual practical: copper plating, CuSO₄(aq) with copper electrodes (seed {seed})",
    )


def faraday_from_table(table: Table, electrode: str = "cathode") -> tuple[float, float, float]:
    """Analyse a practical table as a pupil would: fit mass change against charge.

    Returns:
        ``(faraday_c_per_mol, uncertainty_c_per_mol, intercept_g)`` from
        F = M(Cu) / (2 × gradient).
    """
    from stemcpd.practical import fit_line

    column = {"cathode": "cathode mass gained", "anode": "anode mass lost"}
    if electrode not in column:
        raise ValueError(f"electrode must be 'cathode' or 'anode', got {electrode!r}")
    gradient, intercept, gradient_error, _ = fit_line(table.column("charge passed"), table.column(column[electrode]))
    if not gradient > 0:
        raise ValueError("the mass change does not grow with charge in this table")
    faraday = MOLAR_MASS_G_MOL["Cu"] / (2.0 * gradient)
    return faraday, faraday * gradient_error / gradient, intercept
