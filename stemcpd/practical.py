"""Virtual practicals: realistic, seeded measurements of a simulated experiment.

A real practical never gives the model's exact numbers. An :class:`Instrument` turns a
true value into what a pupil would write down: it adds random scatter (reaction time,
judging a meniscus), a systematic error (a zero error, measuring to the wrong point),
then rounds to what the instrument can resolve. With a fixed ``seed`` the same
"class results" come out every time, so a teacher can prepare the analysis in advance.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Instrument:
    """A measuring instrument and the way it is used.

    Attributes:
        name: what it is, e.g. ``"stopwatch (hand-timed)"``.
        unit: unit of its readings, e.g. ``"s"``.
        resolution: smallest step it can show, in ``unit``; > 0.
        random_sd: standard deviation of random scatter per reading, in ``unit``; ≥ 0.
        zero_error: systematic offset added to every reading, in ``unit``.
        systematic_note: the systematic error in words, for the worksheet.
    """

    name: str
    unit: str
    resolution: float
    random_sd: float = 0.0
    zero_error: float = 0.0
    systematic_note: str = ""

    def __post_init__(self):
        if not self.resolution > 0:
            raise ValueError(f"resolution must be > 0 {self.unit}, got {self.resolution!r}")
        if not self.random_sd >= 0:
            raise ValueError(f"random_sd must be >= 0 {self.unit}, got {self.random_sd!r}")

    def read(self, true_values, rng: np.random.Generator) -> np.ndarray:
        """Readings of ``true_values`` (scalar or array) as this instrument gives them."""
        true_values = np.asarray(true_values, dtype=float)
        noisy = true_values + self.zero_error + rng.normal(0.0, self.random_sd, true_values.shape)
        return np.round(noisy / self.resolution) * self.resolution


def make_rng(seed: int | None) -> np.random.Generator:
    """A random generator; ``seed`` must be a non-negative integer or None (unseeded)."""
    if seed is not None and (not isinstance(seed, (int, np.integer)) or seed < 0):
        raise ValueError(f"seed must be a non-negative integer or None, got {seed!r}")
    return np.random.default_rng(seed)


def fit_line(x, y) -> tuple[float, float, float, float]:
    """Least-squares straight line ``y = m x + c``.

    Returns:
        ``(gradient, intercept, gradient_uncertainty, intercept_uncertainty)``; the
        uncertainties are standard errors from the scatter of the points.
    """
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    if x.shape != y.shape or x.size < 3:
        raise ValueError("fit_line needs x and y of the same length, with at least 3 points")
    (gradient, intercept), covariance = np.polyfit(x, y, 1, cov=True)
    return float(gradient), float(intercept), float(np.sqrt(covariance[0, 0])), float(np.sqrt(covariance[1, 1]))
