"""Reading a learner's typed quantity ("9.81 m/s²") safely.

The number is read here with a regular expression; only the short, whitelisted
unit text is handed to pint, and never through ``eval``. Input is capped at
:data:`MAX_RESPONSE_CHARACTERS`, so a pasted essay or ``10^10^10^10`` cannot make
the parser do unbounded work. One pint ``UnitRegistry`` is shared and created on
first use, because building it costs a tenth of a second.
"""

from __future__ import annotations

import functools
import math
import re
import unicodedata
from dataclasses import dataclass

import pint

MAX_RESPONSE_CHARACTERS = 100
"""Longest response we try to read; real answers are under 30 characters."""

MAX_UNIT_CHARACTERS = 40


class ResponseParseError(ValueError):
    """A response that is not a readable number and unit; the message is for the learner."""


@dataclass(frozen=True)
class ParsedNumber:
    """A number and unit as the learner typed them.

    Attributes:
        value: The number, in the learner's unit.
        unit_text: The unit after normalisation (``"m/s^2"``), ready for pint;
            ``""`` when no unit was typed.
        significant_figures: Digits that are certainly significant.
        ambiguous_trailing_zeros: Trailing zeros of a whole number without a
            decimal point ("200"), which may or may not be significant.
    """

    value: float
    unit_text: str
    significant_figures: int
    ambiguous_trailing_zeros: int = 0

    def has_significant_figures(self, expected: int) -> bool:
        """Whether the typed number can be read as having ``expected`` s.f."""
        most = self.significant_figures + self.ambiguous_trailing_zeros
        return self.significant_figures <= expected <= most


@functools.lru_cache(maxsize=1)
def unit_registry() -> pint.UnitRegistry:
    """Return the one shared pint registry, creating it on first call."""
    return pint.UnitRegistry()


_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺", "0123456789-+")
_SUPERSCRIPT_RUN = re.compile(r"[⁻⁺]?[⁰¹²³⁴⁵⁶⁷⁸⁹]+")

# Applied after NFKC, which folds "µ" into "μ" and "Ω" into "Ω".
_REPLACEMENTS = (
    ("−", "-"), ("–", "-"), ("‐", "-"),
    ("μ", "u"),
    ("Ω", "ohm"),
    ("°C", "degC"), ("°F", "degF"), ("°", "degree"),
    ("**", "^"),
)

_NUMBER = re.compile(
    r"""
    \s*
    (?P<sign>[+-])?\s*
    (?P<mantissa>\d+(?:\.\d*)?|\.\d+)
    (?:
        \s*[eE]\s*(?P<e_exponent>[+-]?\d+)
      | \s*[xX×*·⋅]\s*10\s*\^\s*(?P<power_exponent>[+-]?\d+)
    )?
    (?P<unit>.*)
    """,
    re.VERBOSE | re.DOTALL,
)

_DECIMAL_COMMA = re.compile(r"\s*[+-]?\d+,\d")

# Exponents are at most two digits and never chained, so pint cannot be asked
# for a power tower; "1" is only allowed as the numerator of "1/s". The
# lookahead after a name stops the regex splitting "abc" many ways (no
# catastrophic backtracking).
_UNIT_TOKENS = re.compile(r"(?:\s*(?:[A-Za-z]+(?![A-Za-z])|\^-?\d{1,2}(?![\d^])|[*/()]|1(?=\s*/)))*\s*")

def normalise(text: str) -> str:
    """Fold the unicode a learner might type (², ⁻¹, ·, ×, −, µ, Ω) into plain text."""
    text = _SUPERSCRIPT_RUN.sub(lambda match: "^" + match.group().translate(_SUPERSCRIPTS), text)
    text = unicodedata.normalize("NFKC", text)
    for old, new in _REPLACEMENTS:
        text = text.replace(old, new)
    return " ".join(text.split())


def _normalise_unit(unit_text: str) -> str:
    unit_text = re.sub(r"[·⋅×]", " ", unit_text)
    unit_text = re.sub(r"\bper\b", "/", unit_text)
    # "m s-2" and "m/s2" are how people type m s⁻² without a superscript key.
    unit_text = re.sub(r"(?<=[A-Za-z])(-?\d)", r"^\1", unit_text)
    unit_text = " ".join(unit_text.split())
    if unit_text.startswith("/"):
        unit_text = "1" + unit_text
    return unit_text


def _printable(text: str) -> str:
    """Text safe to echo back: no control, format (bidi) or combining characters."""
    return "".join(character for character in text if unicodedata.category(character)[0] not in "CM")


@functools.lru_cache(maxsize=256)
def parse_unit(unit_text: str) -> pint.Unit:
    """Parse an already-normalised unit such as ``"m/s^2"``.

    Args:
        unit_text: Unit text; ``""`` means dimensionless.

    Returns:
        The pint unit.

    Raises:
        ResponseParseError: If the text is not a unit pint knows.
    """
    if len(unit_text) > MAX_UNIT_CHARACTERS or not _UNIT_TOKENS.fullmatch(unit_text):
        raise ResponseParseError(
            f"I couldn't read the unit '{_printable(unit_text[:MAX_UNIT_CHARACTERS])}'. "
            "Use unit symbols such as m, s, kg, N, m/s² or m s⁻² (typed m/s^2 or m s^-2)."
        )
    if unit_text.count("(") != unit_text.count(")"):
        raise ResponseParseError(f"The brackets in the unit '{unit_text}' don't match.")
    try:
        return unit_registry().parse_units(unit_text)
    except pint.errors.UndefinedUnitError:
        raise ResponseParseError(
            f"I don't recognise the unit '{unit_text}'. "
            "Use unit symbols such as m, s, kg, N or m/s² (units are case-sensitive)."
        ) from None
    except Exception:  # pint's parser raises assorted types on odd but bounded syntax
        raise ResponseParseError(
            f"I couldn't read the unit '{unit_text}'. Write it like m/s² or m s⁻² (typed m/s^2 or m s^-2)."
        ) from None


def _significant_figures(mantissa: str) -> tuple[int, int]:
    digits = mantissa.replace(".", "").lstrip("0")
    if not digits:
        return 1, 0
    if "." in mantissa:
        return len(digits), 0
    without_trailing_zeros = digits.rstrip("0")
    return len(without_trailing_zeros), len(digits) - len(without_trailing_zeros)


def parse_response(text: object) -> ParsedNumber:
    """Read a typed answer such as ``"9.81 m/s²"`` or ``"9.81 × 10^0 m s^-2"``.

    Args:
        text: What the learner typed.

    Returns:
        The number, its unit text and its significant figures.

    Raises:
        ResponseParseError: With a learner-friendly message, for anything that is
            not a finite number optionally followed by a known unit.
    """
    if not isinstance(text, str) or not text.strip():
        raise ResponseParseError("Type a number and its unit.")
    if len(text) > MAX_RESPONSE_CHARACTERS:
        raise ResponseParseError(
            f"That answer is too long ({len(text)} characters); "
            f"type just a number and its unit."
        )
    text = normalise(text)
    if len(text) > MAX_RESPONSE_CHARACTERS:  # NFKC can lengthen some characters
        raise ResponseParseError("Type just a number and its unit.")
    if _DECIMAL_COMMA.match(text):
        raise ResponseParseError(
            "Use a decimal point, not a comma: write 9.81, not 9,81 "
            "(and leave out thousands separators)."
        )
    match = _NUMBER.fullmatch(text)
    if match is None:
        raise ResponseParseError("Start your answer with a number.")
    exponent = match["e_exponent"] or match["power_exponent"] or "0"
    # float() of a bounded decimal string: no eval, no big-integer arithmetic.
    value = float(f"{match['sign'] or ''}{match['mantissa']}e{exponent}")
    if not math.isfinite(value):
        raise ResponseParseError("That number is too large to be a measurement; check the power of ten.")
    unit_text = _normalise_unit(match["unit"])
    parse_unit(unit_text)
    significant_figures, ambiguous_trailing_zeros = _significant_figures(match["mantissa"])
    return ParsedNumber(value, unit_text, significant_figures, ambiguous_trailing_zeros)


# Example unit -> (noun, noun phrase) used to say what a unit measures, in words a
# teacher uses; a quantity not listed is described by combining these (see
# dimension_words), never in pint's notation ("[substance] / [length] ** 3").
_DIMENSION_EXAMPLES = {
    "": ("no dimension (a pure number)", "a pure number"),
    "m": ("length", "a length"),
    "m^2": ("area", "an area"),
    "m^3": ("volume", "a volume"),
    "s": ("time", "a time"),
    "kg": ("mass", "a mass"),
    "mol": ("amount of substance", "an amount of substance"),
    "m/s": ("speed", "a speed"),
    "m/s^2": ("acceleration", "an acceleration"),
    "N": ("force", "a force"),
    "kg m/s": ("momentum", "a momentum"),
    "J": ("energy", "an energy"),
    "W": ("power", "a power"),
    "Hz": ("frequency", "a frequency"),
    "K": ("temperature", "a temperature"),
    "A": ("current", "a current"),
    "V": ("potential difference", "a potential difference"),
    "ohm": ("resistance", "a resistance"),
    "C": ("charge", "a charge"),
    "Pa": ("pressure", "a pressure"),
    "T": ("magnetic flux density", "a magnetic flux density"),
    "kg/m^3": ("density", "a density"),
    "mol/m^3": ("concentration (an amount per volume)", "a concentration (an amount per volume)"),
    "kg/mol": ("molar mass (a mass per amount)", "a molar mass (a mass per amount)"),
    "J/mol": ("energy per amount", "an energy per amount"),
    "J/kg": ("energy per mass", "an energy per mass"),
    "J/(kg K)": ("specific heat capacity (energy per mass per degree)",
                 "a specific heat capacity (an energy per mass per degree)"),
    "N/m": ("stiffness (a force per length)", "a stiffness (a force per length, as a spring constant)"),
    "m^3/s": ("volume per time", "a volume per time"),
    "mol/s": ("amount per time", "an amount per time"),
    "kg/s": ("mass per time", "a mass per time"),
}

_BASE_WORDS = {
    "[length]": "length", "[mass]": "mass", "[time]": "time", "[substance]": "amount of substance",
    "[temperature]": "temperature", "[current]": "current", "[luminosity]": "luminous intensity",
}
_SIMPLE_DENOMINATORS = {"length", "area", "volume", "time", "mass", "amount of substance", "temperature", "charge"}
_SUPERSCRIPT_DIGITS = str.maketrans("0123456789-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻")


@functools.lru_cache(maxsize=1)
def _dimension_names() -> dict[frozenset, tuple[str, str]]:
    registry = unit_registry()
    return {
        frozenset(registry.parse_units(example).dimensionality.items()): names
        for example, names in _DIMENSION_EXAMPLES.items()
    }


def _plain_noun(noun: str) -> str:
    return noun.split(" (")[0]


def dimension_words(unit) -> tuple[str, str]:
    """What a pint unit measures, in words: ``(noun, noun phrase)``, e.g.
    ``("acceleration", "an acceleration")``. A quantity without a name of its own is
    described as one named quantity per (or times) another ("an energy per area"),
    else by its base quantities ("mass × length² per time³")."""
    names = _dimension_names()
    wanted = dict(unit.dimensionality.items())
    found = names.get(frozenset(wanted.items()))
    if found is not None:
        return found
    named = [(dict(key), value) for key, value in names.items() if key and " per " not in value[0]]
    bottoms = [(dimensions, value) for dimensions, value in named if value[0] in _SIMPLE_DENOMINATORS]
    # A power of one base quantity reads best as itself ("one per time²").
    pairs = [] if len(wanted) == 1 else [(top, bottom) for top in named for bottom in bottoms]
    for (top, (top_noun, top_phrase)), (bottom, (bottom_noun, _)) in pairs:
        if True:
            combined = {name: top.get(name, 0) - bottom.get(name, 0) for name in {*top, *bottom}}
            # The bottom may cancel a base quantity of the top, never overturn it
            # ("power per area", but not "length per area" for one per length).
            shared_cancels = all(combined[name] * top[name] >= 0 for name in set(top) & set(bottom))
            if shared_cancels and {name: power for name, power in combined.items() if power} == wanted:
                noun = f"{_plain_noun(top_noun)} per {_plain_noun(bottom_noun)}"
                return noun, f"{top_phrase.split(' (')[0]} per {_plain_noun(bottom_noun)}"

    def power(name: str, exponent: float) -> str:
        word = _BASE_WORDS.get(name, name.strip("[]"))
        exponent = abs(exponent)
        if exponent == 1:
            return word
        text = f"{exponent:g}"
        return word + (text.translate(_SUPERSCRIPT_DIGITS) if text.isdigit() else f"^{text}")

    numerator = " × ".join(power(name, exponent) for name, exponent in wanted.items() if exponent > 0) or "one"
    per = "".join(f" per {power(name, exponent)}" for name, exponent in wanted.items() if exponent < 0)
    noun = numerator + per
    return noun, f"a quantity of {noun}"


_PRETTY_TOKENS = {
    "ohm": "Ω", "ohms": "Ω", "kohm": "kΩ", "Mohm": "MΩ", "degC": "°C", "degF": "°F",
    "degree": "°", "degrees": "°", "percent": "%",
    "um": "µm", "us": "µs", "ug": "µg", "uA": "µA", "uV": "µV", "uC": "µC", "uL": "µL", "uJ": "µJ", "uW": "µW",
}


def squeeze_unit(unit_text: str) -> str:
    """A normalised unit with the spaces pint ignores removed ("m / s" → "m/s")."""
    squeezed = re.sub(r"\s*([/*()])\s*", r"\1", unit_text)
    return re.sub(r"\s+\^", "^", squeezed).strip()


def pretty_unit(unit_text: str) -> str:
    """A unit as it is printed, not typed: ``"mol/dm^3"`` → ``"mol/dm³"``,
    ``"m s^-2"`` → ``"m s⁻²"``, ``"J/(kg degC)"`` → ``"J/(kg °C)"``, ``"kohm"`` → ``"kΩ"``,
    ``"us"`` → ``"µs"``. Feedback shows units this way; learners may type either."""
    text = squeeze_unit(unit_text)
    text = re.sub(r"[A-Za-z]+", lambda match: _PRETTY_TOKENS.get(match.group(), match.group()), text)
    text = re.sub(r"\^(-?\d+)", lambda match: match.group(1).translate(_SUPERSCRIPT_DIGITS), text)
    return text.replace("*", "·")


def describe_unit(unit_text: str) -> str:
    """Say what a unit measures, e.g. ``"s measures time"``, ``"mol/dm³ measures
    concentration (an amount per volume)"``.

    Args:
        unit_text: A unit pint can parse.
    """
    return f"{pretty_unit(unit_text)} measures {dimension_words(parse_unit(unit_text))[0]}"


def dimension_phrase(unit_text: str) -> str:
    """Name the kind of quantity a unit measures, e.g. ``"an acceleration"`` for m/s^2.

    Args:
        unit_text: A unit pint can parse.
    """
    return dimension_words(parse_unit(unit_text))[1]
