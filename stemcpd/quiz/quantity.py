"""Reading and marking a typed quantity the way UK science teachers write one.

What a pupil or teacher types for a numeric answer ("993 J/kg °C", "125 400 J",
"3.2 x 10^-3 m", "19.2" for an angle in degrees) is read here and marked against a
:class:`QuantitySpec` (answer, unit, tolerance, precision, common wrong answers).
Everything is a pure function that never raises on learner input and never
evaluates it.

Why a grammar of our own on top of pint: the exam boards' specifications and
equation sheets (AQA, OCR, Edexcel, WJEC/Eduqas, CCEA) write "J/kg °C" for
J/(kg °C) — everything after the slash is the denominator — where pint's parser
reads J/kg × °C; and a Celsius degree inside a compound unit is a temperature
*difference*, the same size as a kelvin. So the unit text is split into factors
here (one small grammar), and each factor ("kJ", "°C", "dm", "newtons") is looked
up in :func:`unit_atoms`, a table of school-science units whose sizes and
dimensions pint computes. The browser (``static_quantity.js``) receives the same
table and grammar as data (:func:`browser_data`), so the site marks exactly as
Python does without a second, hand-kept unit system
(``tests/quiz/test_quantity_parity.py`` runs one table of answers through both).

Marking, in order (see :func:`mark_quantity`):

1. unreadable → score 0 with the expected form;
2. a unit of the wrong quantity → score 0, naming what the unit measures;
   a bare number is read in the unit the prompt fixes ("in kJ", "in degrees"),
   an angle question's own unit, or a percentage; otherwise the unit is missing;
3. the right value (within tolerance, or correctly rounded to the figures given,
   at least the data's precision) → correct, with a nudge for far too many
   figures or a slip in the unit's spelling (capital K for kilo); too few figures
   for the data, or a missing unit, lose the mark with the reason;
4. a listed wrong answer (``wrong_answers``) → its misconception and feedback;
5. a generic slip: °C not converted to K (or the reverse), a power of ten or a
   prefix out (×1000 / ÷1000, J for kJ) → named misconception;
6. otherwise too high / too low.
"""

from __future__ import annotations

import functools
import math
import re
import unicodedata
from dataclasses import dataclass, field

from stemcpd.quiz.feedback import Feedback

MAX_RESPONSE_CHARACTERS = 100
"""Longest response read; real answers are under 30 characters."""
MAX_UNIT_CHARACTERS = 40
MAX_UNIT_FACTORS = 8
"""A unit with more factors than this is not a school-science unit."""
MAX_UNIT_POWER = 12
"""Largest power of one unit factor read (m^3, s^-2 … never s^99)."""
MAX_POWER_OF_TEN_SLIP = 6
DEFAULT_MINIMUM_SIG_FIGS = 2
"""Without a stated precision, an answer correctly rounded to at least this many
significant figures is accepted even if rounding takes it outside the tolerance
(GCSE mark schemes accept 2 or 3 s.f. unless the question says otherwise)."""
EXTRA_FIGURES_ALLOWED = 2
"""Figures beyond the data's precision given without a nudge ("a couple")."""

POWER_OF_TEN_SLIP = "power-of-ten-slip"
WRONG_DIMENSION = "unit-measures-wrong-quantity"
CELSIUS_NOT_KELVIN = "celsius-not-converted-to-kelvin"
KELVIN_NOT_CELSIUS = "kelvin-given-for-celsius"
BUILT_IN_MISCONCEPTIONS = (POWER_OF_TEN_SLIP, WRONG_DIMENSION, CELSIUS_NOT_KELVIN, KELVIN_NOT_CELSIUS)
"""Misconceptions marking itself detects; their names are in
:data:`stemcpd.quiz.catalogue.BUILT_IN_NAMES` (a test keeps the two together)."""

BASES = ("length", "mass", "time", "current", "temperature", "substance", "luminosity", "angle")
"""The base quantities, in the order a dimension vector lists their exponents. Angle
is a base quantity here (pint makes it a pure number) so a bare number for an
angle is never silently read as radians."""
_PINT_BASES = {"[length]": 0, "[mass]": 1, "[time]": 2, "[current]": 3, "[temperature]": 4,
               "[substance]": 5, "[luminosity]": 6}

# ---------------------------------------------------------------------------
# The unit table: spellings → pint names. Sizes and dimensions come from pint.

_UNITS = {
    # pint name: (symbols that take prefixes, other spellings)
    "meter": (("m",), ("metre", "metres", "meter", "meters")),
    "gram": (("g",), ("gram", "grams", "gramme", "grammes")),
    "second": (("s",), ("second", "seconds", "sec", "secs")),
    "minute": ((), ("min", "mins", "minute", "minutes")),
    "hour": ((), ("h", "hr", "hrs", "hour", "hours")),
    "day": ((), ("day", "days")),
    "year": ((), ("yr", "year", "years")),
    "ampere": (("A",), ("amp", "amps", "ampere", "amperes")),
    "kelvin": (("K",), ("kelvin", "kelvins")),
    "degree_Celsius": ((), ("degC", "celsius", "Celsius", "centigrade")),
    "mole": (("mol",), ("mole", "moles", "mols")),
    "liter": (("L", "l"), ("litre", "litres", "liter", "liters")),
    "newton": (("N",), ("newton", "newtons")),
    "joule": (("J",), ("joule", "joules")),
    "electron_volt": (("eV",), ("electronvolt", "electronvolts")),
    "watt_hour": (("Wh",), ()),
    "calorie": (("cal",), ("calorie", "calories")),
    "watt": (("W",), ("watt", "watts")),
    "hertz": (("Hz",), ("hertz",)),
    "pascal": (("Pa",), ("pascal", "pascals")),
    "bar": (("bar",), ("bars",)),
    "atmosphere": ((), ("atm", "atmosphere", "atmospheres")),
    "millimeter_Hg": ((), ("mmHg",)),
    "coulomb": (("C",), ("coulomb", "coulombs")),
    "volt": (("V",), ("volt", "volts")),
    "ohm": (("ohm",), ("ohms",)),
    "siemens": (("S",), ()),
    "farad": (("F",), ("farad", "farads")),
    "henry": (("H",), ()),
    "tesla": (("T",), ("tesla", "teslas")),
    "weber": (("Wb",), ()),
    "becquerel": (("Bq",), ("becquerel", "becquerels")),
    "gray": (("Gy",), ("gray", "grays")),
    "sievert": (("Sv",), ("sievert", "sieverts")),
    "degree": ((), ("degree", "degrees", "deg")),
    "radian": (("rad",), ("radian", "radians")),
    "revolution": ((), ("rev", "revs", "revolution", "revolutions")),
    "percent": ((), ("percent", "pc")),
    "molar": ((), ("M",)),
    "tonne": ((), ("t", "tonne", "tonnes")),
    "dalton": ((), ("u", "Da", "amu")),
    "dimensionless": ((), ("dimensionless",)),  # a bank's unit for a pure number, in its own examples
}
_SPECIAL_SPELLINGS = {"kWh": "kilowatt_hour", "kilohm": "kiloohm", "kilohms": "kiloohm", "megohm": "megaohm",
                      "megohms": "megaohm"}

PREFIXES = {"G": 1e9, "M": 1e6, "k": 1e3, "h": 1e2, "d": 1e-1, "c": 1e-2, "m": 1e-3, "u": 1e-6, "n": 1e-9, "p": 1e-12}
"""Prefix symbols a unit symbol may carry; "u" is µ after normalisation."""
PREFIX_NAMES = {"giga": "G", "mega": "M", "kilo": "k", "hecto": "h", "deci": "d", "centi": "c", "milli": "m",
                "micro": "u", "nano": "n", "pico": "p"}


@functools.lru_cache(maxsize=1)
def _registry():
    from stemcpd.quiz.units import unit_registry

    return unit_registry()


def _pint_atom(name: str) -> tuple[list[int], float, float]:
    """(dimension vector, factor to SI, offset to SI) of a pint unit, angles as their own base."""
    registry = _registry()
    unit = registry.parse_units(name) if "*" in name else registry.Unit(name)
    zero = registry.Quantity(0.0, unit).to_base_units().magnitude if unit.dimensionality else 0.0
    one = registry.Quantity(1.0, unit).to_base_units().magnitude
    dimensions = [0] * len(BASES)
    for base, exponent in unit.dimensionality.items():
        dimensions[_PINT_BASES[base]] = int(exponent)
    if not unit.dimensionality and name in ("degree", "radian", "revolution"):
        dimensions[BASES.index("angle")] = 1
    return dimensions, float(one - zero), float(zero)


@functools.lru_cache(maxsize=1)
def unit_atoms() -> dict:
    """Every unit spelling the parser knows, computed by pint once.

    Returns:
        ``{"spellings": {spelling: [dimension vector, factor to SI, offset to SI]},
        "prefixable": [symbols that take a prefix symbol], "prefixableNames": [names that
        take a prefix name]}``; offsets are non-zero only for
        °C (applied only to a lone temperature, see :func:`parse_unit_text`).
    """
    spellings: dict[str, list] = {}
    prefixable: list[str] = []
    prefixable_names: list[str] = []
    for name, (symbols, others) in _UNITS.items():
        entry = list(_pint_atom(name))
        for spelling in (*symbols, *others):
            spellings[spelling] = entry
        prefixable.extend(symbols)
        # Full names of units with a symbol take full prefix names: "kilojoules", "millimetres".
        prefixable_names.extend(other for other in others if symbols and other[:1].islower() and len(other) > 3)
    for spelling, name in _SPECIAL_SPELLINGS.items():
        spellings[spelling] = list(_pint_atom(name))
    return {"spellings": spellings, "prefixable": prefixable, "prefixableNames": prefixable_names}


# ---------------------------------------------------------------------------
# Normalisation and the number.

_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺", "0123456789-+")
_SUPERSCRIPT_RUN = re.compile(r"[⁻⁺]?[⁰¹²³⁴⁵⁶⁷⁸⁹]+")
REPLACEMENTS = (
    ("−", "-"), ("–", "-"), ("‐", "-"), ("‑", "-"),
    ("μ", "u"), ("Ω", "ohm"),
    ("°C", " degC "), ("°F", " degF "), ("°", " degree "),
    ("%", " percent "), ("**", "^"), ("·", " "), ("⋅", " "),
)
"""Text replacements after NFKC (which folds µ to μ, Ω to Ω and thin spaces to spaces)."""

NUMBER_PATTERN = (
    r"^(?<sign>[+-])?\s*"
    r"(?:10\s*\^\s*\(?\s*(?<alone>[+-]?\d{1,4})\s*\)?"
    r"|(?<mantissa>\d{1,3}(?:[ ,]\d{3})+(?:\.\d+)?|\d+(?:\.\d*)?|\.\d+)"
    r"(?:\s*[eE]\s*(?<e>[+-]?\d{1,4})"
    r"|\s*[xX×*]\s*10\s*(?:\^\s*\(?\s*(?<power>[+-]?\d{1,4})\s*\)?|(?<bare>[+-]\d{1,4})))?)"
    r"(?<unit>.*)$"
)
"""One pattern for Python and the browser (``(?<name>…)`` is turned into Python's
``(?P<name>…)``): sign, a mantissa (SI digit groups of three with spaces, or UK
thousands commas), an optional power of ten (E notation, × 10^n, x10^-n, x10-3), or a
bare power of ten; the rest is the unit."""
_NUMBER = re.compile(NUMBER_PATTERN.replace("(?<", "(?P<"), re.DOTALL | re.ASCII)  # ASCII: \d as in the browser
_DECIMAL_COMMA = re.compile(r"^[+-]?\s*\d+,\d")
_WORD = re.compile(r"[A-Za-z]+")


def normalise(text: str) -> str:
    """Fold what a learner might type (², ⁻¹, ·, ×, −, µ, Ω, °C, %, thin spaces) into plain text."""
    text = _SUPERSCRIPT_RUN.sub(lambda match: "^" + match.group().translate(_SUPERSCRIPTS), text)
    text = text.replace("º", "°")  # the ordinal º, typed for a degree sign; NFKC would make it "o"
    text = unicodedata.normalize("NFKC", text)
    for old, new in REPLACEMENTS:
        text = text.replace(old, new)
    return " ".join(text.split())


def printable(text: str) -> str:
    """Text safe to echo back: no control, format (bidi) or combining characters."""
    return "".join(character for character in text if unicodedata.category(character)[0] not in "CM")


def significant_figures(mantissa: str) -> tuple[int, int]:
    """``(certain significant figures, ambiguous trailing zeros)`` of a typed mantissa."""
    digits = re.sub(r"[ ,.]", "", mantissa).lstrip("0")
    if not digits:
        return 1, 0
    if "." in mantissa:
        return len(digits), 0
    trimmed = digits.rstrip("0")
    return len(trimmed), len(digits) - len(trimmed)


# ---------------------------------------------------------------------------
# Units.


@dataclass(frozen=True)
class Unit:
    """A parsed unit.

    Attributes:
        text: The unit as typed, normalised (``"J/kg degC"``); ``""`` for none.
        dimensions: Exponents of :data:`BASES`.
        factor: Size of one of this unit in SI base units.
        offset: Added after scaling (only a lone °C: 273.15).
        temperature: Whether it is a lone temperature unit (K, °C), which can mean a
            temperature or a temperature difference.
        notes: Slips in the spelling that were forgiven, each a sentence.
    """

    text: str
    dimensions: tuple[int, ...]
    factor: float
    offset: float = 0.0
    temperature: bool = False
    notes: tuple[str, ...] = ()

    @property
    def shown(self) -> str:
        """The unit as feedback prints it (``J/kg °C``, ``m s⁻²``)."""
        return pretty_unit(self.text)


class UnitError(ValueError):
    """A unit text that cannot be read; the message is for the learner."""


def _tokens(text: str) -> list[str] | None:
    tokens = re.findall(r"[A-Za-z]+|\^\s*\(?\s*[+-]?\d{1,2}\s*\)?|[-+]?\d+|[/*()]|\S", text, re.ASCII)
    return [re.sub(r"[\s()]", "", token) if token.startswith("^") else token for token in tokens]


def _atom(word: str) -> tuple[list, str | None] | None:
    """Look a word up: exact, prefix + symbol, prefix name + name; then forgiving case slips."""
    atoms = unit_atoms()
    spellings = atoms["spellings"]
    if word in spellings:
        return spellings[word], None
    if word.lower() == "per":
        return None
    for prefix, size in PREFIXES.items():
        rest = word[len(prefix):]
        if word.startswith(prefix) and rest in atoms["prefixable"]:
            dimensions, factor, offset = spellings[rest]
            return [dimensions, factor * size, offset], None
    for prefix_name, prefix in PREFIX_NAMES.items():
        rest = word[len(prefix_name):]
        if word.startswith(prefix_name) and rest in atoms["prefixableNames"]:
            dimensions, factor, offset = spellings[rest]
            return [dimensions, factor * PREFIXES[prefix], offset], None
    # Case slips: "KJ" (capital K for kilo), "kj", "hz", "Kg". Only an unambiguous match.
    candidates = {}
    for prefix in ("", *PREFIXES):
        for symbol in atoms["prefixable"]:
            spelled = prefix + symbol
            if spelled.lower() == word.lower():
                candidates[spelled] = (prefix, symbol)
    if len(candidates) == 1:
        spelled, (prefix, symbol) = next(iter(candidates.items()))
        entry = spellings[symbol]
        entry = [entry[0], entry[1] * (PREFIXES[prefix] if prefix else 1), entry[2]]
        if word[:1] == "K" and prefix == "k":
            note = f"Write {spelled}, with a small k: kilo is k, and a capital K is the kelvin."
        else:
            note = f"Unit symbols are case-sensitive: write {spelled}, not {word}."
        return entry, note
    return None


def parse_unit_text(text: str) -> Unit:
    """Read normalised unit text with the boards' conventions.

    "J/kg degC" is J/(kg °C): every factor after a slash divides. Factors are unit
    words with an optional power ("s^-2", "s-2", "s2"), "(…)" groups with an
    optional power, and "1" before a slash ("1/s"). A Celsius degree in a compound
    unit is a temperature difference (same size as a kelvin).

    Raises:
        UnitError: With a learner-friendly message.
    """
    text = " ".join(text.split())
    if not text:
        return Unit("", (0,) * len(BASES), 1.0)
    shown = printable(text[:MAX_UNIT_CHARACTERS])
    if len(text) > MAX_UNIT_CHARACTERS:
        raise UnitError(f"I couldn't read the unit '{shown}'. Use unit symbols such as m, s, kg, N, m/s² or m s⁻² "
                        "(typed m/s^2 or m s^-2).")
    if text.count("(") != text.count(")"):
        raise UnitError(f"The brackets in the unit '{shown}' don't match.")
    tokens = _tokens(re.sub(r"\bper\b", "/", text))
    position = 0
    factors: list[tuple[list, float, int]] = []  # (dimensions, factor, exponent)
    notes: list[str] = []
    lone_offset = 0.0
    unknown: list[str] = []

    def unreadable() -> UnitError:
        return UnitError(f"I couldn't read the unit '{shown}'. Use unit symbols such as m, s, kg, N, m/s² or m s⁻² "
                         "(typed m/s^2 or m s^-2).")

    def read_group(depth: int) -> list[tuple[list, float, int]]:
        nonlocal position, lone_offset
        if depth > 3:
            raise unreadable()
        group: list[tuple[list, float, int]] = []
        sign = 1
        expecting = True
        while position < len(tokens):
            token = tokens[position]
            if token == ")":
                break
            position += 1
            if token == "/":
                sign = -1
                expecting = True
                continue
            if token == "*":
                expecting = True
                continue
            if token == "(":
                inner = read_group(depth + 1)
                if position >= len(tokens) or tokens[position] != ")":
                    raise unreadable()
                position += 1
                power = _power_after()
                group.extend((dims, size, exponent * power * sign) for dims, size, exponent in inner)
                expecting = False
                continue
            if token == "1" and position < len(tokens) and tokens[position] == "/" and not group:
                continue
            if re.fullmatch(r"[-+]?\d+", token):
                # "s2", "s-1" typed without a caret: a power of the factor before it.
                if expecting or not group or abs(group[-1][2]) != 1 or len(token.lstrip("+-")) > 2:
                    raise unreadable()
                dims, size, exponent = group[-1]
                group[-1] = (dims, size, exponent * int(token))
                continue
            if not _WORD.fullmatch(token):
                raise unreadable()
            found = _atom(token)
            if found is None:
                unknown.append(token)
                continue
            entry, note = found
            if note:
                notes.append(note)
            if entry[2]:
                lone_offset = entry[2]
            group.append((entry[0], entry[1], _power_after() * sign))
            expecting = False
        return group

    def _power_after() -> int:
        nonlocal position
        if position < len(tokens) and tokens[position].startswith("^"):
            exponent = tokens[position][1:]
            position += 1
            if not re.fullmatch(r"[+-]?\d{1,2}", exponent):
                raise unreadable()
            return int(exponent)
        return 1

    factors = read_group(0)
    if position != len(tokens):
        raise unreadable()
    if unknown:
        raise UnitError(f"I don't recognise the unit '{printable(unknown[0])}'. Use unit symbols such as m, s, kg, N "
                        "or m/s² (units are case-sensitive).")
    if not factors or len(factors) > MAX_UNIT_FACTORS:
        raise unreadable()
    if any(abs(exponent) > MAX_UNIT_POWER for _, _, exponent in factors):
        raise unreadable()
    dimensions = [0] * len(BASES)
    size = 1.0
    for dims, factor, exponent in factors:
        for index, value in enumerate(dims):
            dimensions[index] += value * exponent
        # Repeated multiplication, not pow(): the browser gets bit-identical sizes.
        for _ in range(abs(exponent)):
            size = size * factor if exponent > 0 else size / factor
    lone = len(factors) == 1 and factors[0][2] == 1
    temperature = lone and tuple(factors[0][0]) == tuple(1 if base == "temperature" else 0 for base in BASES)
    return Unit(text, tuple(dimensions), size, lone_offset if lone else 0.0, temperature, tuple(notes))


_PRETTY_TOKENS = {
    "ohm": "Ω", "ohms": "Ω", "degC": "°C", "degF": "°F", "degree": "°", "degrees": "°", "percent": "%",
}
_SUPERSCRIPT_DIGITS = str.maketrans("0123456789-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻")


def pretty_unit(text: str) -> str:
    """A unit as printed: ``"mol/dm^3"`` → ``"mol/dm³"``, ``"J/kg degC"`` → ``"J/kg °C"``,
    ``"kohm"`` → ``"kΩ"``, ``"us"`` → ``"µs"``."""
    text = re.sub(r"\s*([/*()])\s*", r"\1", text)
    text = re.sub(r"\s+\^", "^", text).strip()

    def word(match: re.Match) -> str:
        token = match.group()
        if token in _PRETTY_TOKENS:
            return _PRETTY_TOKENS[token]
        if token.endswith("ohm") and token[:-3] in PREFIXES:
            return token[:-3].replace("u", "µ") + "Ω"
        if len(token) >= 2 and token[0] == "u" and token[1:] in unit_atoms()["prefixable"]:
            return "µ" + token[1:]
        return token

    text = re.sub(r"[A-Za-z]+", word, text)
    text = re.sub(r"\^\(?(-?\d+)\)?", lambda match: match.group(1).translate(_SUPERSCRIPT_DIGITS), text)
    return text.replace("*", "·").replace(" %", "%") if text.endswith("%") and text != "%" else text.replace("*", "·")


# ---------------------------------------------------------------------------
# What a dimension is called.

_NAMED_DIMENSIONS = (
    ("", "no dimension (a pure number)", "a pure number"),
    ("m", "length", "a length"), ("m^2", "area", "an area"), ("m^3", "volume", "a volume"),
    ("s", "time", "a time"), ("kg", "mass", "a mass"), ("mol", "amount of substance", "an amount of substance"),
    ("degree", "angle", "an angle"),
    ("m/s", "speed", "a speed"), ("m/s^2", "acceleration", "an acceleration"), ("N", "force", "a force"),
    ("kg m/s", "momentum", "a momentum"), ("J", "energy", "an energy"), ("W", "power", "a power"),
    ("Hz", "frequency", "a frequency"), ("K", "temperature", "a temperature"), ("A", "current", "a current"),
    ("V", "potential difference", "a potential difference"), ("ohm", "resistance", "a resistance"),
    ("C", "charge", "a charge"), ("Pa", "pressure", "a pressure"), ("T", "magnetic flux density",
                                                                     "a magnetic flux density"),
    ("kg/m^3", "density", "a density"),
    ("mol/m^3", "concentration (an amount per volume)", "a concentration (an amount per volume)"),
    ("kg/mol", "molar mass (a mass per amount)", "a molar mass (a mass per amount)"),
    ("J/mol", "energy per amount", "an energy per amount"), ("J/kg", "energy per mass", "an energy per mass"),
    ("J/(kg K)", "specific heat capacity (energy per mass per degree)",
     "a specific heat capacity (an energy per mass per degree)"),
    ("N/m", "stiffness (a force per length)", "a stiffness (a force per length, as a spring constant)"),
    ("m^3/s", "volume per time", "a volume per time"), ("mol/s", "amount per time", "an amount per time"),
    ("kg/s", "mass per time", "a mass per time"),
)
_BASE_WORDS = ("length", "mass", "time", "current", "temperature", "amount of substance", "luminous intensity", "angle")
_SIMPLE_DENOMINATORS = ("length", "area", "volume", "time", "mass", "amount of substance", "temperature", "charge")


@functools.lru_cache(maxsize=1)
def named_dimensions() -> list[list]:
    """``[[dimension vector, noun, phrase], …]`` for quantities with a name of their own."""
    return [[list(parse_unit_text(unit).dimensions), noun, phrase] for unit, noun, phrase in _NAMED_DIMENSIONS]


def _superscript(number: int) -> str:
    return str(number).translate(_SUPERSCRIPT_DIGITS)


def dimension_words(dimensions: tuple[int, ...] | list[int]) -> tuple[str, str]:
    """What a dimension vector measures, in words: ``(noun, noun phrase)``.

    A named quantity ("an acceleration"); else one named quantity per a simple one
    ("an energy per area"); else base quantities ("one per time²"). Never pint's notation.
    """
    wanted = list(dimensions)
    named = named_dimensions()
    for vector, noun, phrase in named:
        if vector == wanted:
            return noun, phrase
    if sum(1 for value in wanted if value) > 1:
        tops = [entry for entry in named if any(entry[0]) and " per " not in entry[1]]
        bottoms = [entry for entry in tops if entry[1] in _SIMPLE_DENOMINATORS]
        for top, top_noun, top_phrase in tops:
            for bottom, bottom_noun, _ in bottoms:
                combined = [top[index] - bottom[index] for index in range(len(BASES))]
                cancels = all(combined[index] * top[index] >= 0 for index in range(len(BASES))
                              if top[index] and bottom[index])
                if cancels and combined == wanted:
                    plain_top, plain_bottom = top_noun.split(" (")[0], bottom_noun.split(" (")[0]
                    return f"{plain_top} per {plain_bottom}", f"{top_phrase.split(' (')[0]} per {plain_bottom}"

    def power(index: int) -> str:
        exponent = abs(wanted[index])
        return _BASE_WORDS[index] + ("" if exponent == 1 else _superscript(exponent))

    numerator = " × ".join(power(index) for index in range(len(BASES)) if wanted[index] > 0) or "one"
    per = "".join(f" per {power(index)}" for index in range(len(BASES)) if wanted[index] < 0)
    noun = numerator + per
    return noun, f"a quantity of {noun}"


# ---------------------------------------------------------------------------
# Reading a whole response.


@dataclass(frozen=True)
class Reading:
    """A typed quantity: the number as typed, its figures and its unit.

    Attributes:
        value: The number, in ``unit``.
        unit: The parsed unit (text ``""`` when none was typed).
        significant_figures: Certain significant figures.
        ambiguous_zeros: Trailing zeros of a whole number ("130"), which may or may not count.
    """

    value: float
    unit: Unit
    significant_figures: int
    ambiguous_zeros: int = 0

    def possible_figures(self) -> range:
        """Every number of significant figures the typed number can be read as having."""
        return range(self.significant_figures, self.significant_figures + self.ambiguous_zeros + 1)


class ReadError(ValueError):
    """A response that is not a number and unit; the message is for the learner."""


def read_quantity(text: object) -> Reading:
    """Read ``"125 400 J"``, ``"3.2 x 10^-3 m"``, ``"993 J/kg °C"`` …

    Raises:
        ReadError: With a learner-friendly message.
    """
    if not isinstance(text, str) or not text.strip():
        raise ReadError("Type a number and its unit.")
    if len(text) > MAX_RESPONSE_CHARACTERS:
        raise ReadError(f"That answer is too long ({len(text)} characters); type just a number and its unit.")
    text = normalise(text)
    if len(text) > MAX_RESPONSE_CHARACTERS:
        raise ReadError("Type just a number and its unit.")
    match = _NUMBER.match(text)
    if match is None or (match["mantissa"] is None and match["alone"] is None):
        raise ReadError("Start your answer with a number.")
    mantissa = match["mantissa"]
    # "125,400" is a UK thousands separator; "9,81" and "0,5" are decimal commas.
    thousands = mantissa is not None and "," in mantissa and not mantissa.startswith("0")
    if _DECIMAL_COMMA.match(text) and not thousands:
        raise ReadError("Use a decimal point, not a comma: write 9.81, not 9,81 (and leave out thousands separators).")
    if mantissa is None:
        value_text, figures = f"1e{match['alone']}", (1, 0)
    else:
        exponent = match["e"] or match["power"] or match["bare"] or "0"
        value_text, figures = f"{match['sign'] or ''}{re.sub('[ ,]', '', mantissa)}e{exponent}", significant_figures(mantissa)
    value = float(value_text)
    if not math.isfinite(value):
        raise ReadError("That number is too large to be a measurement; check the power of ten.")
    unit_text = match["unit"].strip()
    # "m s-2", "m/s2": a power typed without a caret.
    unit_text = re.sub(r"(?<=[A-Za-z])\s*\^?\s*(-?\d)", r"^\1", unit_text)
    unit_text = " ".join(unit_text.split())
    try:
        unit = parse_unit_text(unit_text)
    except UnitError as error:
        raise ReadError(str(error)) from None
    return Reading(value, unit, figures[0], figures[1])


# ---------------------------------------------------------------------------
# Marking.


@dataclass(frozen=True)
class WrongValue:
    """A common wrong answer to a numeric question.

    Attributes:
        value: The wrong answer, in the question's unit.
        misconception: The catalogued idea behind it.
        feedback: What the learner is told.
    """

    value: float
    misconception: str | None = None
    feedback: str = ""


@dataclass(frozen=True)
class QuantitySpec:
    """What a typed quantity is marked against.

    Attributes:
        answer: The model answer, in ``unit``.
        unit: The answer's unit as a bank writes it ("J/(kg degC)", "degree", "kJ").
        allowed: Largest accepted difference, in ``unit``.
        relative: The tolerance as a fraction of the value (for wrong answers), or None if absolute.
        sig_figs: Significant figures the answer must be given to (strict), or None.
        precision: Significant figures of the data, or None.
        wrong_answers: Common wrong answers.
        prompt: The question's text: a unit it fixes ("in kJ") lets a bare number
            count; words like "rise" make a lone °C/K a difference.
        example: A made-up answer in the expected form ("1.23 s").
        model_answer: The model answer as printed ("2.01 s").
    """

    answer: float
    unit: str
    allowed: float
    relative: float | None = None
    sig_figs: int | None = None
    precision: int | None = None
    wrong_answers: tuple[WrongValue, ...] = ()
    prompt: str = ""
    example: str = ""
    model_answer: str = ""


_DIFFERENCE_WORDS = re.compile(r"\b(rise|rises|increase|increases|change|changes|difference|fall|falls|drop|"
                               r"decrease|decreases|cooled by|heated by|warmed by)\b|Δ|\\Delta", re.IGNORECASE)
_FIXED_UNIT = re.compile(r"(?:\bin\s+(?:units\s+of\s+)?|\(\s*(?:in\s+)?|[A-Za-z]\s+/\s*|\bhow\s+many\s+|\bnearest\s+(?:whole\s+)?)"
                         r"([A-Za-z°%Ωµμ][A-Za-z°%Ωµμ0-9^⁰¹²³⁴⁵⁶⁷⁸⁹⁻/]*(?:\s+(?:°C|K|s|kg))?)", re.IGNORECASE)


def prompt_unit(prompt: str, answer_unit: Unit) -> Unit | None:
    """The unit a prompt fixes for its answer, if it measures what ``answer_unit`` does.

    Worded forms ("in kJ", "(in degrees)", "to the nearest degree", "how many seconds")
    may name another unit of the quantity; a bracket or a heading ("(kJ)", "Energy / kJ")
    counts only if it is the answer's own unit, because brackets also hold chemical
    symbols ("(Mg = 24)" is not megagrams).
    """
    text = re.sub(r"[*_`$]", " ", prompt or "")[:2000]
    for match in _FIXED_UNIT.finditer(text):
        worded = _WORDED.match(match.group(0)) is not None
        candidate = normalise(match.group(1)).rstrip(".,;:?)")
        for option in (candidate, candidate.split(" ")[0]):
            try:
                unit = parse_unit_text(re.sub(r"(?<=[A-Za-z])\s*\^?\s*(-?\d)", r"^\1", option))
            except UnitError:
                continue
            if not unit.text or unit.notes or unit.dimensions != answer_unit.dimensions:
                continue
            if worded or (unit.factor, unit.offset) == (answer_unit.factor, answer_unit.offset):
                return unit
    return None


_WORDED = re.compile(r"\(?\s*(?:in|how|nearest)\b", re.IGNORECASE)


_SHORTEST = re.compile(r"(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?")


def _digits(value: float) -> tuple[str, int]:
    """``(significant digits, point)`` with ``|value| = 0.digits × 10^point``, from the
    shortest round-trip text (``repr`` here, ``String()`` in the browser: the same digits)."""
    whole, fraction, exponent = _SHORTEST.fullmatch(repr(abs(value))).groups()
    every = whole + (fraction or "")
    stripped = every.lstrip("0")
    point = len(whole) + int(exponent or 0) - (len(every) - len(stripped))
    return stripped.rstrip("0") or "0", point


def round_figures(value: float, figures: int) -> float:
    """``value`` rounded half-up to ``figures`` significant figures, as a pupil rounds
    (decimal digits, not binary: 2.5 → 3, 0.1049 → 0.10)."""
    if value == 0 or not math.isfinite(value):
        return value
    digits, point = _digits(value)
    figures = max(1, figures)
    if len(digits) > figures:
        head = digits[:figures]
        if digits[figures] >= "5":
            head = str(int(head) + 1)
            if len(head) > figures:
                point += 1
                head = head[:figures]
        digits = head
    return float(f"{'-' if value < 0 else ''}0.{digits}e{point}")


def format_number(value: float, precision: int = 6) -> str:
    """``value`` to ``precision`` significant figures in the style of Python's ``g``
    format ("0.1", "125400", "1.254e+08"), rounded half-up; the browser's copy matches."""
    if value == 0 or not math.isfinite(value):
        return "0" if value == 0 else str(value)
    digits, point = _digits(round_figures(value, precision))
    sign = "-" if value < 0 else ""
    exponent = point - 1
    if exponent < -4 or exponent >= precision:
        mantissa = digits[0] + ("." + digits[1:] if len(digits) > 1 else "")
        return f"{sign}{mantissa}e{'+' if exponent >= 0 else '-'}{abs(exponent):02d}"
    if point <= 0:
        return f"{sign}0.{'0' * -point}{digits}"
    if point >= len(digits):
        return sign + digits + "0" * (point - len(digits))
    return f"{sign}{digits[:point]}.{digits[point:]}"


_round_figures = round_figures


def format_figures(value: float, figures: int) -> str:
    """``value`` rounded to ``figures`` significant figures and written with them all
    ("0.10", "130", "2.50"), as a model answer to that precision is written."""
    rounded = round_figures(value, figures)
    if rounded == 0 or not math.isfinite(rounded):
        return format_number(rounded)
    digits, point = _digits(rounded)
    digits = digits.ljust(max(1, figures), "0")
    sign = "-" if rounded < 0 else ""
    if point - 1 < -4 or point - 1 > 9:  # standard form, every figure kept: "5.0e+14"
        exponent = point - 1
        mantissa = digits[0] + ("." + digits[1:] if len(digits) > 1 else "")
        return f"{sign}{mantissa}e{'+' if exponent >= 0 else '-'}{abs(exponent):02d}"
    if point <= 0:
        return f"{sign}0.{'0' * -point}{digits}"
    if point >= len(digits):
        return sign + digits + "0" * (point - len(digits))
    return f"{sign}{digits[:point]}.{digits[point:]}"


def _same(first: float, second: float) -> bool:
    return abs(first - second) <= 1e-9 * max(abs(first), abs(second), 1e-300)


def _thousands(number: int) -> str:
    return f"{number:,}"


def _format(value: float, precision: int = 6) -> str:
    return format_number(value, precision)


@dataclass(frozen=True)
class _Value:
    value: float  # in the question's unit
    reading: Reading
    unit_missing: bool
    notes: tuple[str, ...] = field(default=())


def _fraction_of_percent(spec_unit: Unit) -> bool:
    return spec_unit.text in ("percent", "%") or spec_unit.text.endswith(" percent")


def _to_question_unit(spec: QuantitySpec, answer_unit: Unit, reading: Reading) -> _Value | Feedback:
    unit = reading.unit
    notes = unit.notes
    if unit.text == "":
        if any(answer_unit.dimensions) or _fraction_of_percent(answer_unit):
            # A bare number counts in the unit the prompt fixes, or in an angle or
            # percentage question's own unit; otherwise the unit is missing.
            fixed = prompt_unit(spec.prompt, answer_unit)
            angle = answer_unit.dimensions == tuple(1 if base == "angle" else 0 for base in BASES)
            if fixed is None and not angle and not _fraction_of_percent(answer_unit):
                return _Value(reading.value, reading, True)
            unit = fixed or answer_unit
        else:
            return _Value(reading.value, reading, False)
    if unit.dimensions != answer_unit.dimensions:
        return Feedback(False, 0.0, _wrong_dimension_message(spec, answer_unit, unit), WRONG_DIMENSION)
    difference = bool(_DIFFERENCE_WORDS.search(spec.prompt or ""))
    typed_offset = 0.0 if difference else unit.offset
    answer_offset = 0.0 if difference else answer_unit.offset
    value = reading.value * (unit.factor / answer_unit.factor) + (typed_offset - answer_offset) / answer_unit.factor
    if not math.isfinite(value):
        return Feedback(False, 0.0, f"That number is too large to be a measurement in {answer_unit.shown}; "
                        "check the power of ten.")
    return _Value(value, Reading(reading.value, unit, reading.significant_figures, reading.ambiguous_zeros), False,
                  notes)


def _wrong_dimension_message(spec: QuantitySpec, answer_unit: Unit, typed: Unit) -> str:
    noun = dimension_words(typed.dimensions)[0]
    phrase = dimension_words(answer_unit.dimensions)[1]
    message = f"{typed.shown} measures {noun}; the answer is {phrase}, e.g. in {answer_unit.shown}."
    if typed.text.startswith("ms"):
        message += " (ms means milliseconds; for metres per second write m/s or m s⁻¹.)"
    return message


def _matches(target: float, value: float, reading: Reading, allowed: float, minimum_figures: int) -> int | None:
    """How the value matches ``target``: 0 within ``allowed``, else the number of
    figures it is a correct rounding to (≥ ``minimum_figures``), else None."""
    if abs(value - target) <= allowed * (1 + 1e-12):
        return 0
    for figures in reading.possible_figures():
        if figures >= minimum_figures and _same(_round_figures(target, figures), value):
            return figures
    return None


def mark_quantity(response: object, spec: QuantitySpec) -> Feedback:
    """Mark a typed quantity. Never raises; never evaluates the response.

    Args:
        response: What the learner typed (any object).
        spec: The answer and its rules.

    Returns:
        Feedback following the rules in this module's docstring.
    """
    try:
        return _mark(response, spec)
    except Exception:  # a bug must not stop a quiz: say so plainly, score 0
        return Feedback(False, 0.0, "That answer could not be marked; check it is a number and a unit.")


def _example(spec: QuantitySpec) -> str:
    return f' Answer in the form "number unit", e.g. {spec.example}.'


def _mark(response: object, spec: QuantitySpec) -> Feedback:
    answer_unit = answer_unit_of(spec.unit)
    try:
        reading = read_quantity(response)
    except ReadError as error:
        return Feedback(False, 0.0, f"{error}{_example(spec)}")
    converted = _to_question_unit(spec, answer_unit, reading)
    if isinstance(converted, Feedback):
        return converted
    notes = " ".join(converted.notes)
    value, reading = converted.value, converted.reading
    minimum = spec.precision or spec.sig_figs or DEFAULT_MINIMUM_SIG_FIGS
    if _matches(spec.answer, value, reading, spec.allowed, minimum) is not None:
        return _right_value(spec, answer_unit, converted, notes)
    if _fraction_of_percent(answer_unit) and reading.unit.text == answer_unit.text and not response_has_unit(response):
        as_percent = reading.value * 100
        if _matches(spec.answer, as_percent, reading, spec.allowed, minimum) is not None:
            return Feedback(False, 0.5, f"{_format(reading.value)} is the right fraction; the question asks for a "
                            f"percentage: {_format(as_percent)} %.")
    if spec.sig_figs is None and not converted.unit_missing:
        # Right, but rounded further than the data allow: the mark is lost, with the reason.
        for figures in range(1, minimum):
            if figures in reading.possible_figures() and _same(_round_figures(spec.answer, figures), value):
                rounded = format_figures(spec.answer, minimum)
                basis = (f"the data are given to {minimum}" if spec.precision
                         else f"an answer needs at least {minimum}")
                return Feedback(False, 0.5, f"That rounds the answer too far: you gave {figures} significant "
                                f"figure{'s' if figures != 1 else ''}, but {basis}, so give {rounded} "
                                f"{answer_unit.shown}.")
    reminder = " Remember to include the unit." if converted.unit_missing else ""
    for wrong in spec.wrong_answers:
        allowed = abs(wrong.value) * spec.relative if spec.relative is not None else spec.allowed
        if _matches(wrong.value, value, reading, allowed, minimum) is not None:
            return Feedback(False, 0.0, (wrong.feedback or "That is a common wrong answer.") + reminder,
                            wrong.misconception)
    slip = _generic_slip(spec, answer_unit, converted)
    if slip is not None:
        return Feedback(slip.correct, slip.score, slip.message + reminder + (" " + notes if notes else ""),
                        slip.misconception)
    direction = "high" if value > spec.answer else "low"
    return Feedback(False, 0.0, f"That value is too {direction}. Check your working and try again.{reminder}"
                    + (" " + notes if notes else ""))


def response_has_unit(response: object) -> bool:
    """Whether a response has any unit text after its number."""
    try:
        return bool(read_quantity(response).unit.text)
    except ReadError:
        return False


def _right_value(spec: QuantitySpec, answer_unit: Unit, converted: _Value, notes: str) -> Feedback:
    reading, value = converted.reading, converted.value
    tail = f" {notes}" if notes else ""
    if spec.sig_figs is not None and spec.sig_figs not in reading.possible_figures():
        hint = f" Give it to {spec.sig_figs} significant figures."
        if converted.unit_missing:
            return Feedback(False, 0.5, "The number is right, but the unit is missing: a value without a unit isn't a "
                            f"measurement. Include it, e.g. {spec.example}.{hint}")
        return Feedback(False, 0.75, f"The value is right, but {spec.sig_figs} significant figures were expected "
                        f"(you gave {reading.significant_figures}). The model answer is {spec.model_answer}.{tail}")
    if converted.unit_missing:
        return Feedback(False, 0.5, "The number is right, but the unit is missing: a value without a unit isn't a "
                        f"measurement. Include it, e.g. {spec.example}.")
    if spec.precision is not None and spec.sig_figs is None:
        most = max(reading.possible_figures())
        if most < spec.precision:
            rounded = format_figures(spec.answer, spec.precision)
            return Feedback(False, 0.5, f"That rounds the answer too far: you gave {most} significant "
                            f"figure{'s' if most != 1 else ''}, but the data are given to {spec.precision}, so the "
                            f"answer is worth {spec.precision} ({rounded} {answer_unit.shown}).{tail}")
        if reading.significant_figures > spec.precision + EXTRA_FIGURES_ALLOWED:
            tail = (f" The data have {spec.precision} significant figures, so {spec.precision} (or "
                    f"{spec.precision + 1}) figures are enough; more suggest a precision the data don't have.") + tail
    shown = reading.unit.shown if reading.unit.text else answer_unit.shown
    same_unit = reading.unit.text == "" or (reading.unit.factor, reading.unit.offset) == (
        answer_unit.factor, answer_unit.offset)
    converted_text = "" if same_unit else f" = {_format(value, 4)} {answer_unit.shown}"
    return Feedback(True, 1.0, f"{_format(reading.value)} {shown}{converted_text} matches the model answer, "
                    f"{spec.model_answer}.{tail}".replace("  ", " "))


def _generic_slip(spec: QuantitySpec, answer_unit: Unit, converted: _Value) -> Feedback | None:
    value, reading = converted.value, converted.reading
    minimum = spec.precision or spec.sig_figs or DEFAULT_MINIMUM_SIG_FIGS
    if answer_unit.temperature and not _DIFFERENCE_WORDS.search(spec.prompt or ""):
        kelvin = answer_unit.offset == 0
        for shift in (273.15, 273.0):
            wrong = spec.answer - shift if kelvin else spec.answer + shift
            if _matches(wrong, value, reading, max(spec.allowed, 0.5), minimum) is not None:
                if kelvin:
                    return Feedback(False, 0.0, "That is the temperature in °C, not in kelvin: add 273 to a Celsius "
                                    "temperature to get kelvin (a gas-law temperature must be in K).",
                                    CELSIUS_NOT_KELVIN)
                return Feedback(False, 0.0, "That is the temperature in kelvin; the question asks for °C: subtract "
                                "273 from a kelvin temperature.", KELVIN_NOT_CELSIUS)
    power = _power_of_ten(spec, value)
    if power is None:
        return None
    how_far = f"{_thousands(10 ** abs(power))} times too {'big' if power > 0 else 'small'}"
    typed = reading.unit
    prefix_hint = ""
    if (typed.text and not converted.unit_missing and typed.factor != answer_unit.factor
            and abs(reading.value - spec.answer) <= spec.allowed * (1 + 1e-12)):
        prefix_hint = (f" The number would be right in {answer_unit.shown}, but you wrote {typed.shown}: "
                       "check the prefix.")
    elif abs(power) % 3 == 0:
        prefix_hint = " A factor of 1,000 is one prefix step (J and kJ, g and kg, mA and A, m and km)."
    return Feedback(False, 0.0, f"Your digits look right but the value is {how_far}. Check the unit prefixes "
                    f"(cm or m, ms or s, J or kJ) and any powers of ten.{prefix_hint}", POWER_OF_TEN_SLIP)


def _power_of_ten(spec: QuantitySpec, value: float) -> int | None:
    if value == 0 or spec.answer == 0 or (value > 0) != (spec.answer > 0):
        return None
    ratio = value / spec.answer
    if not math.isfinite(ratio) or ratio <= 0:
        return None
    power = round(math.log10(ratio))
    if power == 0 or abs(power) > MAX_POWER_OF_TEN_SLIP:
        return None
    return power if abs(value / 10 ** power - spec.answer) <= spec.allowed * (1 + 1e-12) else None


@functools.lru_cache(maxsize=512)
def answer_unit_of(unit_text: str) -> Unit:
    """A bank's answer unit, read with the same grammar as a typed one (``"J/(kg degC)"``)."""
    if unit_text.strip() in DIMENSIONLESS_SPELLINGS:
        return parse_unit_text("")
    return parse_unit_text(normalise(unit_text))


DIMENSIONLESS_SPELLINGS = ("", "1", "dimensionless")
"""How a bank writes the unit of a pure number (pint's "dimensionless")."""


def _shown_without_dimensionless(text: str) -> str:
    return text[: -len(" dimensionless")] if text.endswith(" dimensionless") else text


def _field(item: object, name: str, default=None):
    return item.get(name, default) if isinstance(item, dict) else getattr(item, name, default)


def spec_for(question: object) -> QuantitySpec:
    """The :class:`QuantitySpec` of a numeric question object.

    Reads ``answer``, ``unit``, ``tolerance`` (via ``allowed_difference()``),
    ``sig_figs``, ``prompt`` and, where the question has them, ``precision_sig_figs``
    or ``precision`` (``{"sig_figs": N}``, an object with ``sig_figs``, or N) and ``wrong_answers``
    (items with ``value``, ``misconception``, ``feedback``), so the question class
    only has to call ``mark_quantity(response, spec_for(self))``.
    """
    tolerance = _field(question, "tolerance", "1%")
    relative = None
    if isinstance(tolerance, str):
        found = re.fullmatch(r"\s*(\d+(?:\.\d*)?|\.\d+)\s*%\s*", tolerance)
        relative = float(found.group(1)) / 100 if found else None
    precision = _field(question, "precision_sig_figs", _field(question, "precision"))
    if precision is not None and not isinstance(precision, int):
        precision = _field(precision, "sig_figs")
    wrong = []
    for item in _field(question, "wrong_answers", ()) or ():
        value = _field(item, "value")
        if isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value):
            wrong.append(WrongValue(float(value), _field(item, "misconception"), _field(item, "feedback", "") or ""))
    return QuantitySpec(
        answer=float(question.answer),
        unit=question.unit,
        allowed=question.allowed_difference(),
        relative=relative,
        sig_figs=_field(question, "sig_figs"),
        precision=precision if isinstance(precision, int) and not isinstance(precision, bool) else None,
        wrong_answers=tuple(wrong),
        prompt=_field(question, "prompt", "") or "",
        example=_shown_without_dimensionless(question.example_shown()),
        model_answer=_shown_without_dimensionless(question.model_answer_shown()),
    )


def browser_data() -> dict:
    """What ``static_quantity.js`` needs to read and mark exactly as this module does:
    the unit table (sizes from pint), prefixes, the text rules and patterns, and the
    names of dimensions. Written into the quiz engine at build time
    (:func:`stemcpd.quiz.static.engine_script`)."""
    return {
        "atoms": unit_atoms(),
        "prefixes": [[symbol, size] for symbol, size in PREFIXES.items()],
        "prefixNames": [[name, symbol] for name, symbol in PREFIX_NAMES.items()],
        "replacements": [list(pair) for pair in REPLACEMENTS],
        "numberPattern": NUMBER_PATTERN,
        "differencePattern": _DIFFERENCE_WORDS.pattern,
        "fixedUnitPattern": _FIXED_UNIT.pattern,
        "wordedPattern": _WORDED.pattern,
        "bases": list(BASES),
        "baseWords": list(_BASE_WORDS),
        "simpleDenominators": list(_SIMPLE_DENOMINATORS),
        "namedDimensions": named_dimensions(),
        "prettyTokens": _PRETTY_TOKENS,
        "dimensionless": list(DIMENSIONLESS_SPELLINGS),
        "limits": {"response": MAX_RESPONSE_CHARACTERS, "unit": MAX_UNIT_CHARACTERS, "factors": MAX_UNIT_FACTORS,
                   "power": MAX_UNIT_POWER, "slip": MAX_POWER_OF_TEN_SLIP, "minimumFigures": DEFAULT_MINIMUM_SIG_FIGS,
                   "extraFigures": EXTRA_FIGURES_ALLOWED},
        "misconceptions": {"powerOfTen": POWER_OF_TEN_SLIP, "wrongDimension": WRONG_DIMENSION,
                           "celsiusNotKelvin": CELSIUS_NOT_KELVIN, "kelvinNotCelsius": KELVIN_NOT_CELSIUS},
    }


def question_data(question: object) -> dict:
    """One numeric question's :class:`QuantitySpec` as the browser reads it."""
    spec = spec_for(question)
    return {
        "answer": spec.answer, "unit": spec.unit, "allowed": spec.allowed, "relative": spec.relative,
        "sigFigs": spec.sig_figs, "precision": spec.precision,
        "wrongAnswers": [{"value": wrong.value, "misconception": wrong.misconception, "feedback": wrong.feedback}
                         for wrong in spec.wrong_answers],
        "prompt": spec.prompt, "example": spec.example, "modelAnswer": spec.model_answer,
    }
