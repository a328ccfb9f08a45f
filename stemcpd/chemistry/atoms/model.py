"""Atomic structure: protons, neutrons and electrons, electron shells, ions, isotopes
and relative atomic mass, and the trends in groups 1, 7 and 0.

Chemistry (see MODEL.md beside this file for the teacher's version):

* An atom of atomic number Z has Z protons and, if neutral, Z electrons; an isotope of
  mass number A has A − Z neutrons. Element names, symbols, isotope masses and
  natural abundances come from the ``periodictable`` package (IUPAC/CIAAW data); no
  table of elements is typed in here.
* Electron arrangement, GCSE style (AQA 8462 4.1.1.7): shells fill 2, 8, 8, then 2 for
  the first 20 elements (K 2,8,8,1; Ca 2,8,8,2). Beyond calcium the GCSE rule stops
  being true (the 3d subshell fills after 4s), so the model refuses Z > 20.
* Group and period from the arrangement: period = number of occupied shells; group =
  electrons in the outer shell, except a full outer shell, which is group 0 (helium
  has 2). Hydrogen is given no group (AQA places it on its own).
* Simple ions (AQA 4.2.1.2): metals in groups 1, 2 and 3 lose their outer electrons;
  non-metals in groups 5, 6 and 7 gain electrons to fill the outer shell; the ion
  then has the arrangement of a noble gas. Hydrogen forms H⁺. Elements of groups 4
  and 0, and boron, form no simple ion at GCSE.
* Relative atomic mass from isotopes (4.1.1.6): Aᵣ = Σ (mass number × abundance %) ÷ 100,
  as GCSE calculates it; with the exact isotope masses instead of mass numbers the same
  sum reproduces IUPAC's standard atomic weight (to 0.03 for lithium, whose commercial
  samples are depleted in ⁶Li, and better than 0.01 for the other 19).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
import math

from stemcpd.table import Table
from stemcpd.validation import check_count, check_range, check_switch

GCSE_SHELL_CAPACITIES = (2, 8, 8, 2)
HIGHEST_GCSE_ATOMIC_NUMBER = 20
METAL_SYMBOLS_TO_20 = frozenset({"Li", "Be", "Na", "Mg", "Al", "K", "Ca"})
NO_SIMPLE_ION = frozenset({"He", "B", "C", "Ne", "Si", "Ar"})


@dataclass(frozen=True)
class Isotope:
    """One naturally occurring isotope.

    Attributes:
        mass_number: A, protons + neutrons.
        abundance_percent: share of the element's atoms, % (by number).
        mass_u: the isotope's mass in unified atomic mass units (u).
    """

    mass_number: int
    abundance_percent: float
    mass_u: float


@lru_cache(maxsize=None)
def _element(atomic_number: int):
    import periodictable

    return periodictable.elements[atomic_number]


def element_symbol(atomic_number: int) -> str:
    """Symbol of element ``atomic_number`` (1–118), e.g. 11 → "Na"."""
    return _element(check_count("atomic_number", atomic_number, 1, 118)).symbol


def element_name(atomic_number: int) -> str:
    """Name of element ``atomic_number`` in British spelling, e.g. 13 → "aluminium"."""
    name = _element(check_count("atomic_number", atomic_number, 1, 118)).name
    return {"aluminum": "aluminium", "sulfur": "sulfur", "cesium": "caesium"}.get(name, name)


@lru_cache(maxsize=None)
def isotopes(atomic_number: int) -> tuple[Isotope, ...]:
    """The element's naturally occurring isotopes, lightest first (``periodictable``)."""
    element = _element(check_count("atomic_number", atomic_number, 1, 118))
    return tuple(Isotope(int(a), float(element[a].abundance), float(element[a].mass))
                 for a in element.isotopes if element[a].abundance > 0)


def standard_atomic_weight(atomic_number: int) -> float:
    """IUPAC's standard (conventional) atomic weight, as ``periodictable`` carries it."""
    return float(_element(check_count("atomic_number", atomic_number, 1, 118)).mass)


def relative_atomic_mass_from_abundances(mass_numbers, abundances_percent) -> float:
    """Aᵣ = Σ (mass × abundance) ÷ Σ abundance, the GCSE calculation (÷ 100 when the
    abundances add up to 100 %).

    Args:
        mass_numbers: mass numbers (or isotope masses) of the isotopes.
        abundances_percent: their abundances, %, each ≥ 0, not all zero.

    Raises:
        ValueError: for lists of different lengths, a negative abundance or none at all.
    """
    masses, shares = [float(m) for m in mass_numbers], [float(a) for a in abundances_percent]
    if len(masses) != len(shares) or not masses:
        raise ValueError("mass_numbers and abundances_percent must be non-empty lists of the same length")
    if any(share < 0 for share in shares) or sum(shares) <= 0:
        raise ValueError("abundances_percent must be ≥ 0 and add up to more than 0")
    return math.fsum(m * a for m, a in zip(masses, shares)) / math.fsum(shares)


def neutrons_in(mass_number: int, atomic_number: int) -> int:
    """Neutrons in an isotope: mass number − atomic number.

    Raises:
        ValueError: for an atomic number outside [1, 118] or a mass number below it.
    """
    atomic_number = check_count("atomic_number", atomic_number, 1, 118)
    mass_number = check_count("mass_number", mass_number, atomic_number, 400)
    return mass_number - atomic_number


def electrons_in_ion(atomic_number: int, charge: int) -> int:
    """Electrons in a particle of ``charge``: protons − charge (an atom has charge 0).

    Raises:
        ValueError: for an atomic number outside [1, 118] or a charge that leaves fewer
            than 0 electrons or is beyond ±8.
    """
    atomic_number = check_count("atomic_number", atomic_number, 1, 118)
    charge = check_count("charge", charge + 8, 0, 16) - 8
    if atomic_number - charge < 0:
        raise ValueError(f"charge {charge:+d} would leave fewer than 0 electrons for atomic number {atomic_number}")
    return atomic_number - charge


def two_isotope_relative_atomic_mass(mass_number_1: float, abundance_1_percent: float, mass_number_2: float) -> float:
    """Aᵣ of an element with two isotopes, the second making up the rest (GCSE).

    Raises:
        ValueError: for an abundance outside [0, 100] %.
    """
    abundance_1_percent = check_range("abundance_1_percent", abundance_1_percent, 0, 100, low_open=False, unit="%")
    return relative_atomic_mass_from_abundances([mass_number_1, mass_number_2],
                                                [abundance_1_percent, 100 - abundance_1_percent])


def electron_arrangement(electrons: int) -> tuple[int, ...]:
    """GCSE electron arrangement for 0–20 electrons, e.g. 11 → (2, 8, 1); 0 → ().

    Raises:
        ValueError: for fewer than 0 or more than 20 electrons (the GCSE rule stops there).
    """
    electrons = check_count("electrons", electrons, 0, HIGHEST_GCSE_ATOMIC_NUMBER)
    shells = []
    for capacity in GCSE_SHELL_CAPACITIES:
        if electrons <= 0:
            break
        shells.append(min(capacity, electrons))
        electrons -= shells[-1]
    return tuple(shells)


def arrangement_text(shells) -> str:
    """(2, 8, 1) → "2,8,1", as AQA writes it."""
    return ",".join(str(n) for n in shells) if shells else "no electrons"


def group_and_period(atomic_number: int) -> tuple[int | None, int]:
    """(group, period) from the arrangement; group 0 for a full outer shell; hydrogen's
    group is None. Z in [1, 20]."""
    shells = electron_arrangement(check_count("atomic_number", atomic_number, 1, HIGHEST_GCSE_ATOMIC_NUMBER))
    period = len(shells)
    if atomic_number == 1:
        return None, period
    outer, capacity = shells[-1], (2 if period == 1 else 8)
    return (0 if outer == capacity else outer), period


def ion_charge(atomic_number: int) -> int | None:
    """Charge of the element's simple ion at GCSE, or None if it forms none.

    Groups 1–3 lose their outer electrons; groups 5–7 gain enough to make 8; H → H⁺.
    """
    symbol = element_symbol(check_count("atomic_number", atomic_number, 1, HIGHEST_GCSE_ATOMIC_NUMBER))
    if symbol in NO_SIMPLE_ION:
        return None
    if atomic_number == 1:
        return 1
    group, _period = group_and_period(atomic_number)
    return group if group <= 3 else group - 8


def charge_text(charge: int) -> str:
    """+2 → "²⁺", −1 → "⁻" (as an ion's formula writes it)."""
    superscripts = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
    size = "" if abs(charge) == 1 else str(abs(charge)).translate(superscripts)
    return size + ("⁺" if charge > 0 else "⁻")


@dataclass(frozen=True)
class AtomParams:
    """Which particle to show. Validated on creation.

    Attributes:
        atomic_number: Z, the number of protons (no unit); whole number in [1, 20].
        show_ion: False for the neutral atom, True for its simple ion (a switch, no
            unit); if the element forms none, the atom is shown and the description says so.
    """

    atomic_number: int = 11
    show_ion: bool = False

    def __post_init__(self):
        object.__setattr__(self, "atomic_number",
                           check_count("atomic_number", self.atomic_number, 1, HIGHEST_GCSE_ATOMIC_NUMBER))
        object.__setattr__(self, "show_ion", check_switch("show_ion", self.show_ion))


@dataclass(frozen=True)
class AtomRun:
    """One atom or ion, with its element's isotopes.

    Attributes:
        params: the parameters it was made with.
        symbol, name: the element.
        protons: Z.
        neutrons: in the most abundant isotope.
        mass_number: of the most abundant isotope.
        charge: 0 for the atom, else the ion's charge.
        electrons: protons − charge.
        shells: electron arrangement of this particle.
        group, period: the element's place in the periodic table (group None for H).
        ion_charge: the element's simple ion's charge, or None.
        isotopes: natural isotopes.
        ar_from_mass_numbers: Σ A × abundance ÷ 100 (GCSE).
        ar_from_isotope_masses: Σ isotope mass × abundance ÷ 100.
        standard_atomic_weight: IUPAC's value.
    """

    params: AtomParams
    symbol: str
    name: str
    protons: int
    neutrons: int
    mass_number: int
    charge: int
    electrons: int
    shells: tuple
    group: int | None
    period: int
    ion_charge: int | None
    isotopes: tuple
    ar_from_mass_numbers: float
    ar_from_isotope_masses: float
    standard_atomic_weight: float

    @property
    def formula(self) -> str:
        """"Na" for the atom, "Na⁺" for its ion."""
        return self.symbol + (charge_text(self.charge) if self.charge else "")

    @property
    def ion_refused(self) -> bool:
        """True when an ion was asked for but the element forms no simple ion."""
        return bool(self.params.show_ion) and self.ion_charge is None


def build_atom(params: AtomParams | None = None) -> AtomRun:
    """The atom (or its simple ion) for these parameters."""
    params = AtomParams() if params is None else params
    z = params.atomic_number
    natural = isotopes(z)
    commonest = max(natural, key=lambda isotope: isotope.abundance_percent)
    charge_of_ion = ion_charge(z)
    charge = charge_of_ion if params.show_ion and charge_of_ion is not None else 0
    group, period = group_and_period(z)
    return AtomRun(
        params=params, symbol=element_symbol(z), name=element_name(z), protons=z,
        neutrons=commonest.mass_number - z, mass_number=commonest.mass_number, charge=charge,
        electrons=z - charge, shells=electron_arrangement(z - charge), group=group, period=period,
        ion_charge=charge_of_ion, isotopes=natural,
        ar_from_mass_numbers=relative_atomic_mass_from_abundances(
            [i.mass_number for i in natural], [i.abundance_percent for i in natural]),
        ar_from_isotope_masses=relative_atomic_mass_from_abundances(
            [i.mass_u for i in natural], [i.abundance_percent for i in natural]),
        standard_atomic_weight=standard_atomic_weight(z),
    )


def describe(run: AtomRun) -> str:
    """Two or three sentences a screen reader can speak about this atom or ion."""
    place = (f"group {run.group}, period {run.period}" if run.group is not None
             else f"period {run.period}, in no group")
    if run.charge:
        change = "lost" if run.charge > 0 else "gained"
        particle = (f"The {run.name} ion {run.formula} has {run.protons} protons and {run.electrons} electrons "
                    f"({change} {abs(run.charge)}), arranged {arrangement_text(run.shells)}, so its charge is "
                    f"{run.charge:+d}.")
    else:
        particle = (f"A {run.name} atom ({run.symbol}, {place}) has {run.protons} protons, {run.neutrons} neutrons "
                    f"in its commonest isotope (mass number {run.mass_number}) and {run.electrons} electrons arranged "
                    f"{arrangement_text(run.shells)}.")
        if run.ion_refused:
            particle += f" {run.name.capitalize()} forms no simple ion at GCSE, so the atom is shown."
    isotope_words = ", ".join(f"{run.name}-{i.mass_number} {i.abundance_percent:g}%" for i in run.isotopes)
    return (f"{particle} Natural isotopes: {isotope_words}; relative atomic mass from the mass numbers "
            f"{run.ar_from_mass_numbers:.2f} (IUPAC standard atomic weight {run.standard_atomic_weight:g}).")


def to_table(run: AtomRun) -> Table:
    """The element's isotopes: mass number, neutrons, abundance and isotope mass."""
    return Table.from_columns(
        [("mass number", "", [i.mass_number for i in run.isotopes]),
         ("neutrons", "", [i.mass_number - run.protons for i in run.isotopes]),
         ("abundance", "%", [i.abundance_percent for i in run.isotopes]),
         ("isotope mass", "u", [i.mass_u for i in run.isotopes])],
        title=f"Isotopes of {run.name}",
    )


HALOGENS = ("F", "Cl", "Br", "I")


def halogen_displaces(halogen: str, halide: str) -> bool:
    """Whether ``halogen`` (as the element, e.g. "Cl") displaces ``halide`` (the element
    whose halide salt is in solution, e.g. "Br" for potassium bromide): only a more
    reactive halogen, higher in group 7, does.

    Raises:
        ValueError: for a symbol that is not F, Cl, Br or I.
    """
    for name, symbol in (("halogen", halogen), ("halide", halide)):
        if symbol not in HALOGENS:
            raise ValueError(f"{name} must be one of {', '.join(HALOGENS)}, got {symbol!r}")
    return HALOGENS.index(halogen) < HALOGENS.index(halide)


def covalent_radius_pm(atomic_number: int) -> float:
    """Covalent radius in picometres (``periodictable``, from Cordero et al. 2008),
    the atomic size that grows down every group."""
    return 100.0 * float(_element(check_count("atomic_number", atomic_number, 1, 118)).covalent_radius)


def group_table(group: int) -> Table:
    """Trend data for group 1, 7 or 0: atomic number, outer electrons' shell, covalent
    radius and the melting or boiling points pupils are asked to explain.

    Raises:
        ValueError: for a group other than 1, 7 or 0.
    """
    from stemcpd.chemistry.atoms import data
    import periodictable

    columns = {1: [("melting point", "°C", data.GROUP_1_MELTING_POINT_C)],
               7: [("melting point", "°C", data.GROUP_7_MELTING_POINT_C),
                   ("boiling point", "°C", data.GROUP_7_BOILING_POINT_C)],
               0: [("boiling point", "°C", data.GROUP_0_BOILING_POINT_C)]}
    if group not in columns:
        raise ValueError(f"group must be 1, 7 or 0, got {group!r}")
    symbols = list(columns[group][0][2])
    numbers = [periodictable.elements.symbol(symbol).number for symbol in symbols]
    spec = [("atomic number", "", numbers), ("covalent radius", "pm", [covalent_radius_pm(z) for z in numbers])]
    spec += [(name, unit, [values[s] for s in symbols]) for name, unit, values in columns[group]]
    return Table.from_columns(spec, title=f"Group {group}: {', '.join(symbols)}")
