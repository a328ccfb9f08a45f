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
            "Use unit symbols such as m, s, kg, N, m/s^2 or m s^-2."
        )
    if unit_text.count("(") != unit_text.count(")"):
        raise ResponseParseError(f"The brackets in the unit '{unit_text}' don't match.")
    try:
        return unit_registry().parse_units(unit_text)
    except pint.errors.UndefinedUnitError:
        raise ResponseParseError(
            f"I don't recognise the unit '{unit_text}'. "
            "Use unit symbols such as m, s, kg, N or m/s^2 (units are case-sensitive)."
        ) from None
    except Exception:  # pint's parser raises assorted types on odd but bounded syntax
        raise ResponseParseError(
            f"I couldn't read the unit '{unit_text}'. Write it like m/s^2 or m s^-2."
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


# Example unit -> (noun, noun phrase) used to say what a unit measures.
_DIMENSION_EXAMPLES = {
    "": ("no dimension (a pure number)", "a pure number"),
    "m": ("length", "a length"),
    "m^2": ("area", "an area"),
    "m^3": ("volume", "a volume"),
    "s": ("time", "a time"),
    "kg": ("mass", "a mass"),
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
    "kg/m^3": ("density", "a density"),
}


@functools.lru_cache(maxsize=1)
def _dimension_names() -> dict[frozenset, tuple[str, str]]:
    registry = unit_registry()
    return {
        frozenset(registry.parse_units(example).dimensionality.items()): names
        for example, names in _DIMENSION_EXAMPLES.items()
    }


def describe_unit(unit_text: str) -> str:
    """Say what a unit measures, e.g. ``"s measures time"``.

    Args:
        unit_text: A unit pint can parse.

    Returns:
        ``"<unit> measures <quantity>"``, or for an unnamed dimension
        ``"<unit> has dimensions <pint dimensionality>"``.
    """
    unit = parse_unit(unit_text)
    names = _dimension_names().get(frozenset(unit.dimensionality.items()))
    if names is None:
        return f"{unit_text} has dimensions {unit.dimensionality}"
    return f"{unit_text} measures {names[0]}"


def dimension_phrase(unit_text: str) -> str:
    """Name the kind of quantity a unit measures, e.g. ``"an acceleration"`` for m/s^2.

    Args:
        unit_text: A unit pint can parse.
    """
    unit = parse_unit(unit_text)
    names = _dimension_names().get(frozenset(unit.dimensionality.items()))
    if names is None:
        return f"a quantity with dimensions {unit.dimensionality}"
    return names[1]
