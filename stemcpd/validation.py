"""Parameter checks shared by every model: a clear ValueError naming the parameter,
its allowed range (with the unit) and the value that was given."""

from __future__ import annotations

import math


def check_range(name: str, value, low: float, high: float, *, low_open: bool = True,
                high_open: bool = False, unit: str = "") -> float:
    """Return ``value`` as a float if it lies in the range, else raise ValueError.

    The range is written the way the error prints it: ``(0, 180)`` is open at both ends,
    ``[0, 100]`` closed. Use ``math.inf`` for no upper limit.

    Args:
        name: the parameter's name as the caller spells it, e.g. ``"length_m"``.
        value: what was given.
        low: lower limit.
        high: upper limit.
        low_open: exclude ``low`` itself (default True: strictly greater).
        high_open: exclude ``high`` itself (default False).
        unit: unit shown after the range, e.g. ``"m"``.

    Raises:
        ValueError: ``"length_m must be in (0, 1000] m, got -1"``, or ``"… must be a
            number"`` for text, None or NaN.
    """
    if isinstance(value, bool):
        raise ValueError(f"{name} must be a number, got {value!r}")
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise ValueError(f"{name} must be a number, got {value!r}") from None
    below = number <= low if low_open else number < low
    above = number >= high if high_open else number > high
    if math.isnan(number) or below or above:
        left = "(" if low_open else "["
        right = ")" if high_open else "]"
        unit_text = f" {unit}" if unit else ""
        raise ValueError(f"{name} must be in {left}{low:g}, {high:g}{right}{unit_text}, got {number:g}")
    return number


def check_count(name: str, value, low: int, high: int) -> int:
    """Return ``value`` if it is a whole number in ``[low, high]``, else raise ValueError."""
    if isinstance(value, bool) or not isinstance(value, (int,)) and not (
        isinstance(value, float) and value.is_integer()
    ):
        raise ValueError(f"{name} must be a whole number in [{low}, {high}], got {value!r}")
    if not low <= int(value) <= high:
        raise ValueError(f"{name} must be a whole number in [{low}, {high}], got {value!r}")
    return int(value)


def check_switch(name: str, value) -> bool:
    """Return ``value`` if it is ``True`` or ``False`` (an on/off choice), else raise
    ValueError: a number standing for on/off (``0``, ``1``) is refused, so a choice is
    always named."""
    if isinstance(value, bool) or type(value).__name__ == "bool_":  # numpy's too, without importing it
        return bool(value)
    raise ValueError(f"{name} must be True or False, got {value!r}")


def check_choice(name: str, value, options) -> str:
    """Return the option ``value`` names (matched without regard to case or repeated
    spaces), else raise ValueError listing the options. Numbers are refused: a choice is
    always named."""
    options = tuple(options)
    if isinstance(value, str):
        wanted = " ".join(value.split()).casefold()
        for option in options:
            if " ".join(option.split()).casefold() == wanted:
                return option
    raise ValueError(f"{name} must be one of {list(options)}, got {value!r}")
