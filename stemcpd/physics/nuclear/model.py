"""Nuclear equations and a decay chain: how alpha and beta decay change a nucleus, stepped
through the uranium-238 series to stable lead-206.

Physics (MODEL.md beside this file is the teacher's version):

* A nucleus is written with its mass number A (protons + neutrons) above and its atomic
  number Z (protons) below the symbol: ²³⁸₉₂U.
* **Alpha decay** emits a helium nucleus ⁴₂He: A falls by 4, Z by 2.
* **Beta (β⁻) decay** turns a neutron into a proton and emits an electron ⁰₋₁e: A is
  unchanged, Z rises by 1.
* **Gamma emission** changes neither (the nucleus loses energy); a **neutron** emission
  lowers A by 1. Both are included for equations; the series uses alpha and beta.
* In every nuclear equation mass number and atomic number (charge) are conserved: the
  totals are the same on both sides. The functions here check that.

The series data (decay modes and half-lives) are the main branch of the uranium-238
series, from the NNDC/IAEA evaluated nuclear data; small side branches (e.g. Po-218 and
Bi-214 alpha/beta branching) are left out, and the metastable Pa-234m, the isotope in the
school protactinium generator, stands for Pa-234.

Limits: a bookkeeping model of nuclei, not of when they decay (see
:mod:`stemcpd.physics.decay` for random decay and half-life).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from stemcpd.table import Table
from stemcpd.validation import check_count

SYMBOLS = {
    1: "H", 2: "He", 6: "C", 7: "N", 8: "O", 19: "K", 27: "Co", 36: "Kr", 38: "Sr", 53: "I",
    55: "Cs", 56: "Ba", 81: "Tl", 82: "Pb", 83: "Bi", 84: "Po", 85: "At", 86: "Rn", 87: "Fr",
    88: "Ra", 89: "Ac", 90: "Th", 91: "Pa", 92: "U", 93: "Np", 94: "Pu", 95: "Am",
}
"""Element symbols by atomic number, for the nuclei school physics meets."""

MODES = ("alpha", "beta", "gamma", "neutron")
_CHANGE = {"alpha": (-4, -2), "beta": (0, 1), "gamma": (0, 0), "neutron": (-1, 0)}
_EMITTED = {"alpha": "⁴₂He", "beta": "⁰₋₁e", "gamma": "⁰₀γ", "neutron": "¹₀n"}
_SUPERSCRIPT = str.maketrans("0123456789-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻")
_SUBSCRIPT = str.maketrans("0123456789-", "₀₁₂₃₄₅₆₇₈₉₋")


@dataclass(frozen=True)
class Nucleus:
    """A nucleus by its mass number and atomic number.

    Attributes:
        mass_number: A, protons + neutrons; [1, 300].
        atomic_number: Z, protons; [1, 120] and at most A.
    """

    mass_number: int
    atomic_number: int

    def __post_init__(self):
        check_count("mass_number", self.mass_number, 1, 300)
        check_count("atomic_number", self.atomic_number, 1, 120)
        if self.atomic_number > self.mass_number:
            raise ValueError(
                f"atomic_number must not exceed mass_number ({self.mass_number}), got {self.atomic_number}"
            )

    @property
    def neutron_number(self) -> int:
        """N = A − Z."""
        return self.mass_number - self.atomic_number

    @property
    def symbol(self) -> str:
        """The element's symbol, or ``Z=…`` for one not in :data:`SYMBOLS`."""
        return SYMBOLS.get(self.atomic_number, f"Z={self.atomic_number}")

    @property
    def name(self) -> str:
        """E.g. ``"U-238"``."""
        return f"{self.symbol}-{self.mass_number}"

    def notation(self) -> str:
        """E.g. ``"²³⁸₉₂U"``: mass number above, atomic number below."""
        return f"{str(self.mass_number).translate(_SUPERSCRIPT)}{str(self.atomic_number).translate(_SUBSCRIPT)}{self.symbol}"


def daughter(parent: Nucleus, mode: str) -> Nucleus:
    """The nucleus left after ``parent`` decays by ``mode`` (``"alpha"``, ``"beta"``,
    ``"gamma"`` or ``"neutron"``).

    Raises:
        ValueError: for an unknown mode, or a decay that would leave no nucleus.
    """
    if mode not in _CHANGE:
        raise ValueError(f"mode must be one of {', '.join(MODES)}, got {mode!r}")
    change_a, change_z = _CHANGE[mode]
    return Nucleus(parent.mass_number + change_a, parent.atomic_number + change_z)


def nuclear_equation(parent: Nucleus, mode: str) -> str:
    """The balanced equation, e.g. ``"²³⁸₉₂U → ²³⁴₉₀Th + ⁴₂He"``."""
    product = daughter(parent, mode)
    return f"{parent.notation()} → {product.notation()} + {_EMITTED[mode]}"


def is_balanced(parent: Nucleus, products: list[Nucleus], emitted_mass: int, emitted_charge: int) -> bool:
    """Are mass number and atomic number conserved? (``emitted_*`` for the particle.)"""
    mass = sum(nucleus.mass_number for nucleus in products) + emitted_mass
    charge = sum(nucleus.atomic_number for nucleus in products) + emitted_charge
    return mass == parent.mass_number and charge == parent.atomic_number


def atomic_number_after(atomic_number: float, alpha_decays: float, beta_decays: float) -> float:
    """Z after a number of alpha and beta decays: ``Z − 2 × alphas + betas``.

    Raises:
        ValueError: for counts out of range or a result below 1.
    """
    z = check_count("atomic_number", atomic_number, 1, 120)
    alphas = check_count("alpha_decays", alpha_decays, 0, 60)
    betas = check_count("beta_decays", beta_decays, 0, 60)
    result = z - 2 * alphas + betas
    if result < 1:
        raise ValueError(f"alpha_decays and beta_decays leave no protons (Z = {result})")
    return float(result)


def mass_number_after(mass_number: float, alpha_decays: float) -> float:
    """A after a number of alpha decays (beta and gamma leave it unchanged): ``A − 4 × alphas``.

    Raises:
        ValueError: for counts out of range or a result below 1.
    """
    a = check_count("mass_number", mass_number, 1, 300)
    alphas = check_count("alpha_decays", alpha_decays, 0, 60)
    if a - 4 * alphas < 1:
        raise ValueError(f"alpha_decays leave no nucleus (A = {a - 4 * alphas})")
    return float(a - 4 * alphas)


def nuclei_left(initial_nuclei: float, half_lives: float) -> float:
    """Undecayed nuclei left, on average, after a whole number of half-lives: ``N₀ / 2ⁿ``.

    Raises:
        ValueError: if ``initial_nuclei`` is not a whole number in [1, 10¹²] or
            ``half_lives`` not a whole number in [0, 100].
    """
    initial = check_count("initial_nuclei", initial_nuclei, 1, 10**12)
    halvings = check_count("half_lives", half_lives, 0, 100)
    return initial / 2.0**halvings


SECONDS_PER_YEAR = 365.25 * 24 * 3600

URANIUM_SERIES = (
    # (decay mode of this nucleus, half-life in seconds); the chain starts at U-238.
    ("alpha", 4.468e9 * SECONDS_PER_YEAR),  # U-238
    ("beta", 24.10 * 86400),  # Th-234
    ("beta", 1.159 * 60),  # Pa-234m
    ("alpha", 2.455e5 * SECONDS_PER_YEAR),  # U-234
    ("alpha", 7.54e4 * SECONDS_PER_YEAR),  # Th-230
    ("alpha", 1600 * SECONDS_PER_YEAR),  # Ra-226
    ("alpha", 3.8235 * 86400),  # Rn-222
    ("alpha", 3.098 * 60),  # Po-218
    ("beta", 26.8 * 60),  # Pb-214
    ("beta", 19.9 * 60),  # Bi-214
    ("alpha", 164.3e-6),  # Po-214
    ("beta", 22.2 * SECONDS_PER_YEAR),  # Pb-210
    ("beta", 5.012 * 86400),  # Bi-210
    ("alpha", 138.376 * 86400),  # Po-210
)
"""Main branch of the uranium-238 series: 8 alpha and 6 beta decays to stable Pb-206."""

URANIUM_238 = Nucleus(238, 92)


@dataclass(frozen=True)
class ChainParams:
    """How far along the uranium-238 series to go. Validated on creation.

    Attributes:
        steps: number of decays taken from U-238, no unit; [0, 14] (14 reaches stable Pb-206).
    """

    steps: int = 4

    def __post_init__(self):
        object.__setattr__(self, "steps", check_count("steps", self.steps, 0, len(URANIUM_SERIES)))


@dataclass(frozen=True)
class Chain:
    """The series up to ``params.steps`` decays.

    Attributes:
        params: the parameters.
        nuclei: every nucleus from U-238 to Pb-206 (all 15), in order.
        modes: the decay mode of each nucleus but the last.
        half_lives_s: the half-life of each nucleus but the last, s.
    """

    params: ChainParams
    nuclei: tuple
    modes: tuple
    half_lives_s: tuple

    @property
    def current(self) -> Nucleus:
        """The nucleus reached after ``steps`` decays."""
        return self.nuclei[self.params.steps]

    @property
    def alpha_count(self) -> int:
        """Alpha decays so far."""
        return sum(mode == "alpha" for mode in self.modes[: self.params.steps])

    @property
    def beta_count(self) -> int:
        """Beta decays so far."""
        return sum(mode == "beta" for mode in self.modes[: self.params.steps])

    @property
    def last_equation(self) -> str:
        """The equation of the latest decay, or an empty string at the start."""
        step = self.params.steps
        return nuclear_equation(self.nuclei[step - 1], self.modes[step - 1]) if step else ""

    @property
    def is_stable(self) -> bool:
        """True at the end of the series (Pb-206)."""
        return self.params.steps == len(self.modes)


def follow_chain(params: ChainParams | None = None) -> Chain:
    """Follow the uranium-238 series for ``params.steps`` decays."""
    params = ChainParams() if params is None else params
    nuclei = [URANIUM_238]
    for mode, _ in URANIUM_SERIES:
        nuclei.append(daughter(nuclei[-1], mode))
    return Chain(params, tuple(nuclei), tuple(mode for mode, _ in URANIUM_SERIES),
                 tuple(half for _, half in URANIUM_SERIES))


def half_life_words(seconds: float) -> str:
    """A half-life in the unit a teacher would use: µs, s, minutes, days or years."""
    if seconds < 1e-3:
        return f"{seconds * 1e6:.3g} µs"
    if seconds < 120:
        return f"{seconds:.3g} s"
    if seconds < 2 * 86400:
        return f"{seconds / 60:.3g} minutes"
    if seconds < SECONDS_PER_YEAR:
        return f"{seconds / 86400:.3g} days"
    years = seconds / SECONDS_PER_YEAR
    if years < 1e6:
        return f"{years:,.0f} years"
    exponent = int(np.floor(np.log10(years)))
    return f"{years / 10**exponent:.3g} × 10{str(exponent).translate(_SUPERSCRIPT)} years"


def describe(chain: Chain) -> str:
    """One or two sentences a screen reader can speak about the chain so far."""
    current = chain.current
    if chain.params.steps == 0:
        return (f"Uranium-238 (92 protons, 146 neutrons) is the start of the series; it decays by alpha emission "
                f"with a half-life of {half_life_words(chain.half_lives_s[0])}.")
    text = (
        f"After {chain.params.steps} decays ({chain.alpha_count} alpha, {chain.beta_count} beta) uranium-238 has "
        f"become {current.name}: {current.atomic_number} protons and {current.neutron_number} neutrons. "
        f"Latest decay: {chain.last_equation}. "
    )
    if chain.is_stable:
        return text + "Lead-206 is stable: the series ends here."
    step = chain.params.steps
    return text + f"{current.name} decays next by {chain.modes[step]} emission, half-life {half_life_words(chain.half_lives_s[step])}."


def to_table(chain: Chain) -> Table:
    """Every nucleus of the series: mass number, atomic number, neutron number, and the
    half-life in seconds (0 for the stable end)."""
    nuclei = chain.nuclei
    return Table.from_columns(
        [("step", "", np.arange(len(nuclei), dtype=float)),
         ("mass number A", "", np.array([n.mass_number for n in nuclei], dtype=float)),
         ("atomic number Z", "", np.array([n.atomic_number for n in nuclei], dtype=float)),
         ("neutron number N", "", np.array([n.neutron_number for n in nuclei], dtype=float)),
         ("half-life (0: stable)", "s", np.array([*chain.half_lives_s, 0.0]))],
        title="The uranium-238 series (main branch), step 0 = U-238",
    )


FULL_SERIES: Chain = follow_chain(ChainParams(len(URANIUM_SERIES)))
"""The whole uranium-238 series, U-238 to Pb-206: the map every view draws faintly behind a run."""
