"""Amount of substance: formulae, molar mass, moles, concentration, limiting reagent,
percentage yield and atom economy.

Chemistry (see MODEL.md beside this file for the teacher's version):

* Molar mass ``M`` of a formula = Σ (number of atoms of the element × its relative
  atomic mass Aᵣ), in g/mol. The Aᵣ values come from the ``periodictable`` package,
  which carries the IUPAC (CIAAW) standard atomic weights as conventional single values
  (H 1.008, C 12.011, O 15.999, Cl 35.45 …); no table is typed in here. The mass of
  electrons gained or lost by an ion (0.000549 g/mol each) is ignored, as GCSE does.
* Amount ``n = m / M`` (mol, with m in g); concentration ``c = n / V`` (mol/dm³, with V
  in dm³; 1 dm³ = 1000 cm³); mass concentration ``m / V`` (g/dm³).
* A balanced equation is a mapping formula → signed coefficient (reactants negative,
  products positive), e.g. ``{"Mg": -1, "HCl": -2, "MgCl2": 1, "H2": 1}``, or text
  ``"Mg + 2HCl -> MgCl2 + H2"`` (see :func:`parse_equation`). For amounts nᵢ of the
  reactants the reaction can go as far as ``ξ = min(nᵢ / νᵢ)`` (the extent, mol);
  the reactant giving the minimum is the limiting reagent. Each product forms
  ``ν ξ`` mol, each reactant has ``nᵢ − νᵢ ξ`` mol left over.
* Percentage yield = 100 × actual mass / theoretical mass.
* Atom economy = 100 × (ν × M of the desired product) / Σ (ν × M of all reactants).
* Gas volume at room temperature and pressure: 24.0 dm³/mol (20 °C, 1 atm; the GCSE
  value; the ideal gas gives RT/p = 24.06 dm³/mol).

Formula syntax accepted by :func:`parse_formula`: element symbols (capital letter, then
an optional lower-case letter), whole-number counts, nested brackets ``()``, ``[]``,
``{}`` with a count after them (``Ca3(PO4)2``, ``K4[Fe(CN)6]``), hydrates joined by
``.``, ``·``, ``•`` or ``*`` with an optional leading count (``CuSO4·5H2O``), subscript
digits (``H₂O``), an optional charge at the end (``SO4^2-``, ``SO4 2-``, ``SO₄²⁻``,
``Na+``, ``Cl-``, ``Fe^3+``) and an optional state symbol (``(s)``, ``(l)``, ``(g)``,
``(aq)``). A bare sign straight after a digit (``Fe2+``, ``NH4+``) is refused as
ambiguous: is it Fe²⁺ or Fe₂⁺? Errors are ValueErrors that name the offending part
and its position (counted from 0, as Python does) and draw a caret under it.

Virtual practical: the GCSE experiment "find the formula of magnesium oxide" (heat
magnesium ribbon in a lidded crucible, weigh before and after) with a 0.01 g balance
and one systematic error — some magnesium oxide escapes as white smoke when the lid is
lifted.

Limits: stoichiometric ("textbook") reactions that go to completion; no equilibria,
side reactions or impurities; molar gas volume for room conditions only.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
import math
import re

import numpy as np

from stemcpd.practical import Instrument, make_rng
from stemcpd.table import Table
from stemcpd.validation import check_count, check_range, check_choice

MOLAR_GAS_VOLUME_RTP_DM3 = 24.0  # dm³/mol at 20 °C and 1 atm (GCSE data sheet value)
CM3_PER_DM3 = 1000.0

HYDRATE_SEPARATORS = ".·•∙*"
OPENING = {"(": ")", "[": "]", "{": "}"}
CLOSING = {closing: opening for opening, closing in OPENING.items()}
_SUBSCRIPTS = str.maketrans("₀₁₂₃₄₅₆₇₈₉", "0123456789")
_SUPERSCRIPT_DIGITS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
_STATE_SYMBOL = re.compile(r"\s*\((?:s|l|g|aq)\)\s*$")
# A charge at the very end: "^2-", "^-2", " 2-", "²⁻", or a bare "+"/"-"/"-2".
_CHARGE_PATTERNS = (
    re.compile(r"\^(?P<digits>[0-9]*)(?P<sign>[+-])$"),
    re.compile(r"\^(?P<sign>[+-])(?P<digits>[0-9]*)$"),
    re.compile(r"\s+(?P<digits>[0-9]*)(?P<sign>[+-])$"),
    re.compile(r"(?P<digits>[⁰¹²³⁴⁵⁶⁷⁸⁹]*)(?P<sign>[⁺⁻])$"),
    re.compile(r"(?P<sign>[+-])(?P<digits>[0-9]*)$"),
)


# ----------------------------------------------------------------- element data
@lru_cache(maxsize=None)
def _element_masses() -> dict[str, float]:
    """Symbol → relative atomic mass for elements 1–118, from ``periodictable``.

    For elements with no stable isotope (Tc, Pm, Po and beyond) IUPAC gives no standard
    atomic weight; ``periodictable`` then gives the mass number of a long-lived isotope.
    """
    import periodictable

    return {element.symbol: float(element.mass) for element in periodictable.elements if element.number >= 1}


def relative_atomic_mass(symbol: str) -> float:
    """Aᵣ of an element from its symbol, e.g. ``relative_atomic_mass("Cu") == 63.546``.

    Raises:
        ValueError: if ``symbol`` is not an element symbol.
    """
    masses = _element_masses()
    if symbol not in masses:
        raise ValueError(f"{symbol!r} is not an element symbol")
    return masses[symbol]


# ------------------------------------------------------------------ formula parsing
def _pointer(formula: str, start: int, length: int = 1) -> str:
    """Two extra lines for an error message: the formula and a caret under the culprit."""
    return f"\n    {formula}\n    {' ' * start}{'^' * max(1, length)}"


def _symbol_hint(text: str, start: int) -> str:
    """For a symbol that starts with a lower-case letter, the capitalised readings that
    are real symbols, e.g. "co" → "did you mean 'Co' or 'CO'?"."""
    masses = _element_masses()
    first = text[start]
    second = text[start + 1] if start + 1 < len(text) and text[start + 1].isalpha() else ""
    candidates = []
    if second.islower() and first.upper() + second in masses:
        candidates.append(first.upper() + second)
    if second and first.upper() in masses and second.upper() in masses:
        candidates.append(first.upper() + second.upper())
    if not second.islower() and first.upper() in masses:
        candidates.append(first.upper())
    if not candidates:
        return "element symbols start with a capital letter"
    return "element symbols start with a capital letter — did you mean " + " or ".join(
        f"'{c}'" for c in dict.fromkeys(candidates)) + "?"


def _split_charge(text: str, formula: str) -> tuple[str, int]:
    """Remove a trailing charge from ``text``; return (rest, charge)."""
    for pattern in _CHARGE_PATTERNS:
        match = pattern.search(text)
        if not match:
            continue
        rest = text[: match.start()]
        digits = match.group("digits").translate(_SUPERSCRIPT_DIGITS)
        sign = -1 if match.group("sign") in "-⁻" else 1
        if pattern is _CHARGE_PATTERNS[-1] and rest[-1:].isdigit() and not match.group("digits"):
            # "Fe2+": the ion Fe²⁺, or Fe₂ with charge +? Refuse to guess.
            count_start = len(rest.rstrip("0123456789"))
            number, written_sign = rest[count_start:], match.group("sign")
            raise ValueError(
                f'charge in "{formula}" is ambiguous (position {count_start}): write '
                f'"{rest[:count_start]}^{number}{written_sign}" for a charge of {number}{written_sign}, or '
                f'"{rest}^{written_sign}" for {number} of the atoms with a charge of 1{written_sign}'
                + _pointer(formula, count_start, match.end() - count_start)
            )
        if not rest.strip():
            raise ValueError(f"{formula!r} has a charge but no formula" + _pointer(formula, 0, len(formula)))
        magnitude = int(digits) if digits else 1
        return rest.rstrip(), sign * magnitude
    return text, 0


def _quote(text: str) -> str:
    return f'"{text}"'


class _FormulaParser:
    """Recursive-descent parser over one formula (already without state and charge).

    Grammar: ``formula := group (SEPARATOR count? group)*``;
    ``group := (SYMBOL count? | OPEN group CLOSE count?)+``.
    """

    def __init__(self, text: str, formula: str):
        self.text = text  # what is parsed (subscript digits turned into digits)
        self.formula = formula  # what the user typed, for messages
        self.position = 0
        self.open_brackets: list[int] = []  # positions of the brackets still open

    def error(self, message: str, start: int, length: int = 1) -> ValueError:
        return ValueError(message + _pointer(self.formula, start, length))

    def peek(self) -> str:
        return self.text[self.position] if self.position < len(self.text) else ""

    def read_count(self) -> int | None:
        start = self.position
        while self.peek().isdigit():
            self.position += 1
        if start == self.position:
            return None
        count = int(self.text[start:self.position])
        if count == 0:
            raise self.error(f"count 0 in {_quote(self.formula)} (position {start}): a count must be 1 or more",
                             start, self.position - start)
        return count

    def parse(self) -> dict[str, int]:
        if self.text[0].isdigit():
            end = len(self.text) - len(self.text.lstrip("0123456789"))
            raise self.error(
                f"{_quote(self.formula)} starts with a number (position 0): a formula describes one "
                f"formula unit, so write {_quote(self.text[end:])} (coefficients belong in equations)", 0, end)
        total: dict[str, int] = {}
        multiplier = 1
        while True:
            for symbol, count in self.parse_group(closing=None).items():
                total[symbol] = total.get(symbol, 0) + multiplier * count
            if self.position >= len(self.text):
                return total
            separator = self.position  # parse_group stops only at a hydrate separator
            self.position += 1
            multiplier = self.read_count() or 1
            if self.position >= len(self.text):
                raise self.error(
                    f"{_quote(self.formula)} ends with the hydrate separator {_quote(self.text[separator])} "
                    f"(position {separator}) with no formula after it", separator, len(self.text) - separator)

    def parse_group(self, closing: str | None) -> dict[str, int]:
        """Parse items until ``closing`` (inside brackets), a separator or the end."""
        counts: dict[str, int] = {}
        masses = _element_masses()
        group_start = self.position
        while True:
            character = self.peek()
            start = self.position
            if character == "":
                if not counts and closing is None:
                    raise self.error(f"{_quote(self.formula)} has nothing after position {start - 1}", start - 1)
                return counts
            if character in HYDRATE_SEPARATORS and closing is None:
                if not counts:
                    raise self.error(f"hydrate separator {_quote(character)} in {_quote(self.formula)} "
                                     f"(position {start}) has no formula before it", start)
                return counts
            if character in CLOSING:
                if closing is None:
                    raise self.error(f"unbalanced bracket: {_quote(character)} at position {start} in "
                                     f"{_quote(self.formula)} has no matching {_quote(CLOSING[character])}", start)
                if character != closing:
                    opening = self.open_brackets[-1]
                    raise self.error(
                        f"unbalanced bracket: {_quote(self.text[opening])} at position {opening} in "
                        f"{_quote(self.formula)} is closed by {_quote(character)} at position {start}",
                        opening, start - opening + 1)
                if not counts:
                    raise self.error(f"empty brackets in {_quote(self.formula)} (position {group_start - 1})",
                                     group_start - 1, 2)
                return counts
            if character in OPENING:
                self.open_brackets.append(start)
                self.position += 1
                inner = self.parse_group(closing=OPENING[character])
                if self.peek() != OPENING[character]:
                    raise self.error(f"unbalanced bracket: {_quote(character)} at position {start} in "
                                     f"{_quote(self.formula)} is never closed", start)
                self.open_brackets.pop()
                self.position += 1
                multiplier = self.read_count() or 1
                for symbol, count in inner.items():
                    counts[symbol] = counts.get(symbol, 0) + multiplier * count
                continue
            if character.isupper():
                end = start + 2 if self.text[start + 1:start + 2].islower() else start + 1
                symbol = self.text[start:end]
                if symbol not in masses:
                    raise self.error(f"{_quote(symbol)} in {_quote(self.formula)} is not an element symbol "
                                     f"(position {start})", start, end - start)
                self.position = end
                counts[symbol] = counts.get(symbol, 0) + (self.read_count() or 1)
                continue
            if character.islower():
                end = start + 2 if self.text[start + 1:start + 2].isalpha() else start + 1
                raise self.error(f"{_quote(self.text[start:end])} in {_quote(self.formula)} is not an element "
                                 f"symbol (position {start}): " + _symbol_hint(self.text, start), start, end - start)
            if character.isdigit():
                raise self.error(f"number in {_quote(self.formula)} at position {start} follows nothing it "
                                 f"could count", start)
            hint = " (separate the terms of an equation with ' + ', spaces round the plus)" if character in "+-" else ""
            raise self.error(f"unexpected character {_quote(character)} in {_quote(self.formula)} "
                             f"(position {start}){hint}", start)


@lru_cache(maxsize=512)
def _parse(formula: str) -> tuple[tuple[tuple[str, int], ...], int]:
    text = formula.translate(_SUBSCRIPTS)
    state = _STATE_SYMBOL.search(text)
    if state and state.start() > 0:
        text = text[: state.start()]
    text = text.rstrip()
    leading = len(text) - len(text.lstrip())
    if leading:
        raise ValueError(f"formula {formula!r} starts with a space" + _pointer(formula, 0, leading))
    text, charge = _split_charge(text, formula)
    counts = _FormulaParser(text, formula).parse()
    return tuple(counts.items()), charge


def _check_text(formula) -> str:
    if not isinstance(formula, str):
        raise ValueError(f"formula must be text such as 'H2O', got {formula!r}")
    if not formula.strip():
        raise ValueError("formula is empty")
    return formula


def parse_formula(formula: str) -> dict[str, int]:
    """Count the atoms of each element in one formula unit.

    >>> parse_formula("Ca3(PO4)2")
    {'Ca': 3, 'P': 2, 'O': 8}
    >>> parse_formula("CuSO4·5H2O")
    {'Cu': 1, 'S': 1, 'O': 9, 'H': 10}

    Args:
        formula: see the module docstring for the syntax (brackets, hydrates, charges,
            state symbols).

    Returns:
        symbol → number of atoms, in the order the elements first appear.

    Raises:
        ValueError: naming the offending part and its position (from 0), e.g.
            ``"Xx" in 'CaXx2' is not an element symbol (position 2)``.
    """
    return dict(_parse(_check_text(formula))[0])


def formula_charge(formula: str) -> int:
    """The charge written on a formula: ``formula_charge("SO4^2-") == -2``; 0 if none."""
    return _parse(_check_text(formula))[1]


@lru_cache(maxsize=512)
def _molar_mass(formula: str) -> float:
    masses = _element_masses()
    return math.fsum(masses[symbol] * count for symbol, count in _parse(formula)[0])


def molar_mass(formula: str) -> float:
    """Molar mass of ``formula`` in g/mol (Mᵣ), from IUPAC standard atomic weights.

    >>> round(molar_mass("CuSO4·5H2O"), 2)
    249.68

    Raises:
        ValueError: for a malformed formula or an unknown symbol (see
            :func:`parse_formula`).
    """
    return _molar_mass(_check_text(formula))


# ---------------------------------------------------------- amounts and concentration
def moles(mass_g: float, formula: str) -> float:
    """Amount of substance ``n = m / M`` in mol, for ``mass_g`` grams of ``formula``.

    Raises:
        ValueError: if ``mass_g`` is not in [0, 1e9] g, or for a bad formula.
    """
    mass_g = check_range("mass_g", mass_g, 0, 1e9, low_open=False, unit="g")
    return mass_g / molar_mass(formula)


def mass(amount_mol: float, formula: str) -> float:
    """Mass ``m = n M`` in g of ``amount_mol`` moles of ``formula``.

    Raises:
        ValueError: if ``amount_mol`` is not in [0, 1e9] mol, or for a bad formula.
    """
    amount_mol = check_range("amount_mol", amount_mol, 0, 1e9, low_open=False, unit="mol")
    return amount_mol * molar_mass(formula)


def concentration(amount_mol: float, volume_dm3: float) -> float:
    """Concentration ``c = n / V`` in mol/dm³ (V in dm³: divide cm³ by 1000).

    Raises:
        ValueError: if ``amount_mol`` is not in [0, 1e9] mol or ``volume_dm3`` not in
            (0, 1e6] dm³.
    """
    amount_mol = check_range("amount_mol", amount_mol, 0, 1e9, low_open=False, unit="mol")
    volume_dm3 = check_range("volume_dm3", volume_dm3, 0, 1e6, unit="dm³")
    return amount_mol / volume_dm3


def mass_concentration(mass_g: float, volume_dm3: float) -> float:
    """Concentration in g/dm³, ``mass / volume`` (= mol/dm³ × M).

    Raises:
        ValueError: if ``mass_g`` is not in [0, 1e9] g or ``volume_dm3`` not in (0, 1e6] dm³.
    """
    mass_g = check_range("mass_g", mass_g, 0, 1e9, low_open=False, unit="g")
    volume_dm3 = check_range("volume_dm3", volume_dm3, 0, 1e6, unit="dm³")
    return mass_g / volume_dm3


def gas_volume_dm3(amount_mol: float, molar_volume_dm3: float = MOLAR_GAS_VOLUME_RTP_DM3) -> float:
    """Volume of ``amount_mol`` of any gas, dm³: ``n × 24.0 dm³/mol`` at RTP."""
    amount_mol = check_range("amount_mol", amount_mol, 0, 1e9, low_open=False, unit="mol")
    molar_volume_dm3 = check_range("molar_volume_dm3", molar_volume_dm3, 0, 1e6, unit="dm³/mol")
    return amount_mol * molar_volume_dm3


# ------------------------------------------------------------------------ equations
_ARROW = re.compile(r"\s*(?:->|→|⟶|=>|⇌|=)\s*")
_PLUS = re.compile(r"\s+\+\s+")
_TERM = re.compile(r"^\s*(?P<coefficient>\d+(?:\.\d+)?(?:/\d+)?)?\s*(?P<formula>\S.*?)\s*$")


def _coefficient(text: str) -> float:
    if "/" in text:
        numerator, denominator = text.split("/")
        return float(numerator) / float(denominator)
    return float(text)


def parse_equation(text: str) -> dict[str, float]:
    """Read ``"Mg + 2HCl -> MgCl2 + H2"`` as ``{"Mg": -1, "HCl": -2, "MgCl2": 1, "H2": 1}``.

    Arrows: ``->``, ``→``, ``=>``, ``⇌`` or ``=``. Terms are separated by ``" + "`` (a plus
    with spaces round it, so ``Na+`` can still be a charge). Coefficients may be whole
    numbers, decimals or fractions (``1/2O2``); state symbols are ignored.

    Raises:
        ValueError: for a missing arrow, an empty side, a repeated formula or any bad
            formula (the message names the term).
    """
    if not isinstance(text, str):
        raise ValueError(f"equation must be text such as 'Mg + 2HCl -> MgCl2 + H2', got {text!r}")
    sides = _ARROW.split(text.strip())
    if len(sides) != 2:
        raise ValueError(f"equation {text!r} needs exactly one arrow ('->', '→' or '=') between reactants and products")
    equation: dict[str, float] = {}
    for sign, side in zip((-1.0, 1.0), sides):
        if not side.strip():
            raise ValueError(f"equation {text!r} has no {'reactants' if sign < 0 else 'products'}")
        for term in _PLUS.split(side.strip()):
            match = _TERM.match(term)
            if not match:
                raise ValueError(f"empty term in equation {text!r}")
            coefficient = _coefficient(match.group("coefficient")) if match.group("coefficient") else 1.0
            formula = match.group("formula")
            try:
                parse_formula(formula)
            except ValueError as error:
                raise ValueError(f"in the term {term.strip()!r} of {text!r}: {error}") from None
            if formula in equation:
                raise ValueError(f"{formula!r} appears twice in {text!r}")
            if coefficient <= 0:
                raise ValueError(f"coefficient of {formula!r} in {text!r} must be positive")
            equation[formula] = sign * coefficient
    return equation


def _as_equation(equation) -> dict[str, float]:
    if isinstance(equation, str):
        return parse_equation(equation)
    if not isinstance(equation, dict) or not equation:
        raise ValueError("equation must be a dict such as {'Mg': -1, 'HCl': -2, 'MgCl2': 1, 'H2': 1} or text")
    checked = {}
    for formula, coefficient in equation.items():
        parse_formula(formula)
        value = check_range(f"coefficient of {formula}", coefficient, -1e6, 1e6)
        if value == 0:
            raise ValueError(f"coefficient of {formula} must not be 0 (negative for reactants, positive for products)")
        checked[formula] = value
    if not any(v < 0 for v in checked.values()) or not any(v > 0 for v in checked.values()):
        raise ValueError("equation needs reactants (negative coefficients) and products (positive coefficients)")
    return checked


def check_balanced(equation, tolerance: float = 1e-9) -> dict[str, float]:
    """Return the equation as a dict if atoms and charge balance; else ValueError.

    Raises:
        ValueError: listing each element (or the charge) that is not conserved, e.g.
            ``"equation is not balanced: H 2 on the left, 4 on the right"``.
    """
    equation = _as_equation(equation)
    left: dict[str, float] = {}
    right: dict[str, float] = {}
    charge = {"left": 0.0, "right": 0.0}
    for formula, coefficient in equation.items():
        side, key = (left, "left") if coefficient < 0 else (right, "right")
        for symbol, count in parse_formula(formula).items():
            side[symbol] = side.get(symbol, 0.0) + abs(coefficient) * count
        charge[key] += abs(coefficient) * formula_charge(formula)
    problems = [
        f"{symbol} {left.get(symbol, 0):g} on the left, {right.get(symbol, 0):g} on the right"
        for symbol in dict.fromkeys([*left, *right])
        if abs(left.get(symbol, 0) - right.get(symbol, 0)) > tolerance
    ]
    if abs(charge["left"] - charge["right"]) > tolerance:
        problems.append(f"charge {charge['left']:+g} on the left, {charge['right']:+g} on the right")
    if problems:
        raise ValueError("equation is not balanced: " + "; ".join(problems))
    return equation


@dataclass(frozen=True)
class ReactionAmounts:
    """How far a reaction goes with the amounts given, and what is made and left.

    Attributes:
        equation: formula → signed coefficient (reactants negative).
        limiting: the limiting reagent (the first in the equation if several run out
            together).
        exact_proportions: True when every reactant runs out together.
        extent_mol: how many times the equation "happens", ξ = min(nᵢ/νᵢ), mol.
        available_mol: reactant → amount given, mol.
        needed_mol: reactant → amount that would react with all of the other
            reactants (all of the scarcest of them), mol; more than available for the
            limiting reagent.
        used_mol: reactant → amount that reacts, ν ξ, mol.
        left_over_mol: reactant → amount left over, mol.
        products_mol: product → amount formed, ν ξ, mol.
    """

    equation: dict
    limiting: str
    exact_proportions: bool
    extent_mol: float
    available_mol: dict
    needed_mol: dict
    used_mol: dict
    left_over_mol: dict
    products_mol: dict

    def theoretical_yield_g(self, product: str) -> float:
        """Mass of ``product`` that forms if the reaction goes to completion, g."""
        if product not in self.products_mol:
            raise ValueError(f"{product!r} is not a product; products are {list(self.products_mol)}")
        return self.products_mol[product] * molar_mass(product)


def limiting_reagent(equation, amounts_mol: dict) -> ReactionAmounts:
    """Find the limiting reagent and the amounts made and left over.

    Args:
        equation: a balanced equation, as a dict ``{"Mg": -1, "HCl": -2, "MgCl2": 1,
            "H2": 1}`` (reactants negative) or text ``"Mg + 2HCl -> MgCl2 + H2"``.
        amounts_mol: reactant formula → amount available, mol (use :func:`moles` to
            convert masses). Every reactant must be given; products must not be.

    Returns:
        A :class:`ReactionAmounts`.

    Raises:
        ValueError: for an unbalanced equation, a missing or unknown reactant, or a
            negative amount (the message names it).
    """
    equation = check_balanced(equation)
    reactants = {f: -c for f, c in equation.items() if c < 0}
    products = {f: c for f, c in equation.items() if c > 0}
    if not isinstance(amounts_mol, dict):
        raise ValueError("amounts_mol must be a dict of reactant formula → amount in mol")
    unknown = [f for f in amounts_mol if f not in reactants]
    if unknown:
        raise ValueError(f"{unknown} {'is' if len(unknown) == 1 else 'are'} not reactants in the equation; "
                         f"reactants are {list(reactants)}")
    missing = [f for f in reactants if f not in amounts_mol]
    if missing:
        raise ValueError(f"no amount given for reactant(s) {missing}")
    available = {f: check_range(f"amount of {f}", amounts_mol[f], 0, 1e9, low_open=False, unit="mol")
                 for f in reactants}
    ratios = {f: available[f] / reactants[f] for f in reactants}
    extent = min(ratios.values())
    scale = max(extent, 1e-300)
    runs_out = [f for f in reactants if ratios[f] - extent <= 1e-9 * scale]
    needed = {}
    for formula, coefficient in reactants.items():
        others = [ratios[f] for f in reactants if f != formula]
        needed[formula] = coefficient * min(others) if others else available[formula]
    return ReactionAmounts(
        equation=dict(equation),
        limiting=runs_out[0],
        exact_proportions=len(runs_out) == len(reactants) and len(reactants) > 1,
        extent_mol=extent,
        available_mol=available,
        needed_mol=needed,
        used_mol={f: c * extent for f, c in reactants.items()},
        left_over_mol={f: max(available[f] - c * extent, 0.0) for f, c in reactants.items()},
        products_mol={f: c * extent for f, c in products.items()},
    )


def percentage_yield(actual_g: float, theoretical_g: float) -> float:
    """Percentage yield, 100 × actual / theoretical.

    Over 100% is allowed (a wet or impure product really does weigh too much).

    Raises:
        ValueError: if ``actual_g`` is not in [0, 1e9] g or ``theoretical_g`` not in
            (0, 1e9] g.
    """
    actual_g = check_range("actual_g", actual_g, 0, 1e9, low_open=False, unit="g")
    theoretical_g = check_range("theoretical_g", theoretical_g, 0, 1e9, unit="g")
    return 100.0 * actual_g / theoretical_g


def atom_economy(equation, desired_product: str) -> float:
    """Atom economy in %: mass of the desired product over mass of all reactants.

    ``100 × ν M(desired product) / Σ ν M(reactants)``, from the balanced equation.

    Raises:
        ValueError: if the equation does not balance or ``desired_product`` is not a
            product in it.
    """
    equation = check_balanced(equation)
    if equation.get(desired_product, 0) <= 0:
        products = [f for f, c in equation.items() if c > 0]
        raise ValueError(f"{desired_product!r} is not a product of the equation; products are {products}")
    reactant_mass = math.fsum(-c * molar_mass(f) for f, c in equation.items() if c < 0)
    return 100.0 * equation[desired_product] * molar_mass(desired_product) / reactant_mass


# --------------------------------------------- the app: reacting masses with an acid
@dataclass(frozen=True)
class AcidReaction:
    """A solid reacting with an acid to give a salt and a gas (a GCSE classic).

    Attributes:
        label: short name for buttons, e.g. "Mg + 2HCl".
        equation: the balanced equation as text.
        solid: formula of the solid (weighed).
        acid: formula of the acid (measured by volume and concentration).
        salt: formula of the salt formed.
        gas: formula of the gas given off.
    """

    label: str
    equation: str
    solid: str
    acid: str
    salt: str
    gas: str

    @property
    def coefficients(self) -> dict:
        """The parsed equation (formula → signed coefficient)."""
        return parse_equation(self.equation)


REACTIONS = (
    AcidReaction("Mg + 2HCl", "Mg + 2HCl -> MgCl2 + H2", "Mg", "HCl", "MgCl2", "H2"),
    AcidReaction("CaCO3 + 2HCl", "CaCO3 + 2HCl -> CaCl2 + H2O + CO2", "CaCO3", "HCl", "CaCl2", "CO2"),
    AcidReaction("Zn + 2HCl", "Zn + 2HCl -> ZnCl2 + H2", "Zn", "HCl", "ZnCl2", "H2"),
    AcidReaction("Mg + H2SO4", "Mg + H2SO4 -> MgSO4 + H2", "Mg", "H2SO4", "MgSO4", "H2"),
)
REACTION_NAMES = tuple(reaction.label for reaction in REACTIONS)  # what ReactingMassesParams.reaction takes
_REACTION_BY_NAME = {reaction.label: reaction for reaction in REACTIONS}


@dataclass(frozen=True)
class ReactingMassesParams:
    """A weighed solid added to a measured volume of acid. Validated on creation.

    Attributes:
        reaction: the reaction by its label, one of :data:`REACTION_NAMES`
            ("Mg + 2HCl", "CaCO3 + 2HCl", "Zn + 2HCl", "Mg + H2SO4").
        solid_mass_g: mass of the solid, in grams (g); (0, 100].
        acid_volume_cm3: volume of acid, in cubic centimetres (cm³); (0, 1000].
        acid_concentration_mol_dm3: concentration of the acid, in moles per cubic
            decimetre (mol/dm³); (0, 20].
    """

    reaction: str = "Mg + 2HCl"
    solid_mass_g: float = 0.50
    acid_volume_cm3: float = 50.0
    acid_concentration_mol_dm3: float = 1.0

    def __post_init__(self):
        checks = {
            "reaction": check_choice("reaction", self.reaction, REACTION_NAMES),
            "solid_mass_g": check_range("solid_mass_g", self.solid_mass_g, 0, 100, unit="g"),
            "acid_volume_cm3": check_range("acid_volume_cm3", self.acid_volume_cm3, 0, 1000, unit="cm³"),
            "acid_concentration_mol_dm3": check_range(
                "acid_concentration_mol_dm3", self.acid_concentration_mol_dm3, 0, 20, unit="mol/dm³"),
        }
        for name, value in checks.items():
            object.__setattr__(self, name, value)


@dataclass(frozen=True)
class ReactingMasses:
    """The outcome of one mixture of solid and acid.

    Attributes:
        params: the parameters it was computed with.
        reaction: the :class:`AcidReaction`.
        amounts: limiting reagent and amounts (:class:`ReactionAmounts`).
        solid_mol: amount of solid, mol.
        acid_mol: amount of acid, mol.
        salt_mass_g: theoretical yield of the salt, g.
        gas_volume_cm3: theoretical volume of gas at RTP, cm³.
        break_even_mass_g: mass of solid that reacts exactly with all the acid, g.
        curve_solid_mass_g: masses of solid for the "gas against mass" curve, g.
        curve_gas_volume_cm3: gas volume at RTP for each of those masses, cm³.
    """

    params: ReactingMassesParams
    reaction: AcidReaction
    amounts: ReactionAmounts
    solid_mol: float
    acid_mol: float
    salt_mass_g: float
    gas_volume_cm3: float
    break_even_mass_g: float
    curve_solid_mass_g: np.ndarray = field(repr=False)
    curve_gas_volume_cm3: np.ndarray = field(repr=False)

    @property
    def limiting(self) -> str:
        """Formula of the limiting reagent."""
        return self.amounts.limiting

    @property
    def left_over_g(self) -> float:
        """Mass of the reactant in excess that is left over, g (solid or acid)."""
        excess = self.reaction.acid if self.limiting == self.reaction.solid else self.reaction.solid
        return self.amounts.left_over_mol[excess] * molar_mass(excess)


CURVE_LADDER_G = (0.5, 1.0, 2.0, 5.0, 10.0, 20.0, 50.0, 100.0)


def reacting_masses(params: ReactingMassesParams | None = None, curve_points: int = 201) -> ReactingMasses:
    """Amounts, limiting reagent and theoretical yields for a solid added to acid.

    The curve of gas volume against mass of solid (the acid fixed) rises in a straight
    line while the solid is limiting and levels off at the break-even mass, where the
    acid becomes limiting. It spans 0 to a round mass above both the mass used and the
    break-even mass.
    """
    params = ReactingMassesParams() if params is None else params
    reaction = _REACTION_BY_NAME[params.reaction]
    equation = reaction.coefficients
    solid_mol = moles(params.solid_mass_g, reaction.solid)
    acid_mol = params.acid_concentration_mol_dm3 * params.acid_volume_cm3 / CM3_PER_DM3
    amounts = limiting_reagent(equation, {reaction.solid: solid_mol, reaction.acid: acid_mol})
    nu_solid, nu_acid, nu_gas = -equation[reaction.solid], -equation[reaction.acid], equation[reaction.gas]
    break_even_g = nu_solid * acid_mol / nu_acid * molar_mass(reaction.solid)
    top = next((rung for rung in CURVE_LADDER_G if rung >= 1.25 * max(params.solid_mass_g, break_even_g)),
               CURVE_LADDER_G[-1])
    curve_mass = np.linspace(0.0, top, curve_points)
    extent = np.minimum(curve_mass / molar_mass(reaction.solid) / nu_solid, acid_mol / nu_acid)
    curve_volume = nu_gas * extent * MOLAR_GAS_VOLUME_RTP_DM3 * CM3_PER_DM3
    return ReactingMasses(
        params=params,
        reaction=reaction,
        amounts=amounts,
        solid_mol=solid_mol,
        acid_mol=acid_mol,
        salt_mass_g=amounts.theoretical_yield_g(reaction.salt),
        gas_volume_cm3=amounts.products_mol[reaction.gas] * MOLAR_GAS_VOLUME_RTP_DM3 * CM3_PER_DM3,
        break_even_mass_g=break_even_g,
        curve_solid_mass_g=curve_mass,
        curve_gas_volume_cm3=curve_volume,
    )


def describe(result: ReactingMasses) -> str:
    """One or two sentences a screen reader can speak about this mixture."""
    p, r = result.params, result.reaction
    excess = r.acid if result.limiting == r.solid else r.solid
    if result.amounts.exact_proportions:
        limiting_text = f"{r.solid} and {r.acid} are in exactly the right proportions and both run out"
    else:
        limiting_text = (f"{result.limiting} is the limiting reagent and {result.left_over_g:.2f} g of "
                         f"{excess} is left over")
    return (
        f"{p.solid_mass_g:.2f} g of {r.solid} ({result.solid_mol:.4f} mol) with {p.acid_volume_cm3:.0f} cm³ of "
        f"{p.acid_concentration_mol_dm3:.2f} mol/dm³ {r.acid} ({result.acid_mol:.4f} mol) in {r.equation}: "
        f"{limiting_text}. Theoretical yield {result.salt_mass_g:.2f} g of {r.salt} and "
        f"{result.gas_volume_cm3:.0f} cm³ of {r.gas} at room temperature and pressure."
    )


def to_table(result: ReactingMasses) -> Table:
    """Gas volume and salt mass against mass of solid, for this volume of acid."""
    r = result.reaction
    equation = r.coefficients
    ratio = equation[r.salt] / equation[r.gas]
    salt_mass = result.curve_gas_volume_cm3 / (MOLAR_GAS_VOLUME_RTP_DM3 * CM3_PER_DM3) * ratio * molar_mass(r.salt)
    return Table.from_columns(
        [
            (f"mass of {r.solid}", "g", result.curve_solid_mass_g),
            (f"amount of {r.solid}", "mol", result.curve_solid_mass_g / molar_mass(r.solid)),
            (f"volume of {r.gas} at RTP", "cm³", result.curve_gas_volume_cm3),
            (f"mass of {r.salt}", "g", salt_mass),
        ],
        title=(f"{r.equation}: {result.params.acid_volume_cm3:g} cm³ of "
               f"{result.params.acid_concentration_mol_dm3:g} mol/dm³ {r.acid}"),
    )


# ------------------------------------------------ virtual practical: magnesium oxide
# A school top-pan balance reads to 0.01 g; draughts and a warm crucible scatter
# readings by about half a step.
BALANCE = Instrument("top-pan balance", "g", resolution=0.01, random_sd=0.005)
SMOKE_NOTE = "some magnesium oxide escapes as white smoke when the lid is lifted"


def virtual_practical(
    magnesium_masses_g=(0.10, 0.15, 0.20, 0.25, 0.30, 0.35, 0.40, 0.45),
    smoke_loss_fraction: float = 0.05,
    seed: int | None = 0,
) -> Table:
    """Simulated class results for "the formula of magnesium oxide".

    Each group weighs an empty crucible and lid, then with magnesium ribbon, then
    after heating until no more reaction (2Mg + O₂ → 2MgO) — every weighing on
    :data:`BALANCE`. The systematic error: a fraction ``smoke_loss_fraction`` of the
    magnesium oxide escapes as smoke, so the oxygen gained is too small. Plotting mass
    of oxygen against mass of magnesium gives a straight line whose gradient × Aᵣ(Mg)/
    Aᵣ(O) is the O : Mg mole ratio (1 for MgO; the smoke makes it lower).

    Args:
        magnesium_masses_g: true mass of ribbon for each group, g; each in (0, 5].
        smoke_loss_fraction: fraction of the oxide lost as smoke; [0, 0.5].
        seed: for the random scatter (None: different every time).

    Raises:
        ValueError: for an empty list or a value out of range (named).
    """
    masses = np.atleast_1d(np.asarray(magnesium_masses_g, dtype=float))
    if masses.size == 0:
        raise ValueError("magnesium_masses_g must list at least one mass")
    for value in masses:
        check_range("magnesium_mass_g", value, 0, 5, unit="g")
    loss = check_range("smoke_loss_fraction", smoke_loss_fraction, 0, 0.5, low_open=False)
    rng = make_rng(seed)
    crucible = rng.uniform(18.0, 30.0, masses.size)  # porcelain crucibles and lids differ
    magnesium_oxide = masses * molar_mass("MgO") / molar_mass("Mg")
    empty = BALANCE.read(crucible, rng)
    with_magnesium = BALANCE.read(crucible + masses, rng)
    after_heating = BALANCE.read(crucible + (1.0 - loss) * magnesium_oxide, rng)
    magnesium = with_magnesium - empty
    oxygen = after_heating - with_magnesium
    magnesium_mol = magnesium / molar_mass("Mg")
    oxygen_mol = oxygen / molar_mass("O")
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = np.where(magnesium_mol > 0, oxygen_mol / magnesium_mol, np.nan)
    return Table.from_columns(
        [
            ("crucible and lid", "g", empty),
            ("crucible, lid and magnesium", "g", with_magnesium),
            ("crucible, lid and product", "g", after_heating),
            ("mass of magnesium", "g", magnesium),
            ("mass of oxygen gained", "g", oxygen),
            ("amount of magnesium", "mol", magnesium_mol),
            ("amount of oxygen atoms", "mol", oxygen_mol),
            ("O : Mg mole ratio", "", ratio),
        ],
        title=f"Virtual practical: formula of magnesium oxide (seed {seed}; systematic error: {SMOKE_NOTE})",
    )


def expected_mole_ratio(smoke_loss_fraction: float) -> float:
    """The O : Mg ratio the smoke-loss error predicts: ((1 − f) M(MgO)/Aᵣ(Mg) − 1) Aᵣ(Mg)/Aᵣ(O)."""
    loss = check_range("smoke_loss_fraction", smoke_loss_fraction, 0, 0.5, low_open=False)
    return ((1.0 - loss) * molar_mass("MgO") / molar_mass("Mg") - 1.0) * molar_mass("Mg") / molar_mass("O")
