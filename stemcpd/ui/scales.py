"""Axis limits that change in steps, not continuously.

Snapping limits to a short ladder of round numbers keeps the axes still while a slider
moves (easier to read, and it lets :class:`stemcpd.ui.figures.FrameRenderer` reuse its
cached background).
"""

from __future__ import annotations

import math


def nice_ceiling(value: float, steps=(1.0, 2.0, 5.0)) -> float:
    """Smallest number of the form s × 10^k (s in ``steps``) that is ≥ ``value``.

    >>> nice_ceiling(0.031)
    0.05
    >>> nice_ceiling(7.2)
    10.0
    """
    if not value > 0 or math.isinf(value):
        raise ValueError(f"value must be a positive finite number, got {value!r}")
    exponent = math.floor(math.log10(value))
    for power in (exponent, exponent + 1):
        for step in steps:
            candidate = step * 10.0**power
            if candidate >= value * (1 - 1e-12):
                return candidate
    raise AssertionError("unreachable")  # pragma: no cover


def ladder_ceiling(value: float, ladder) -> float:
    """First rung of ``ladder`` (ascending) that is ≥ ``value``; the top rung otherwise."""
    for rung in ladder:
        if rung >= value:
            return rung
    return ladder[-1]
