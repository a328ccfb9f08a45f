"""Virtual practicals: realistic, seeded measurements of a simulated experiment.

A real practical never gives the model's exact numbers. An :class:`Instrument` turns a
true value into what a pupil would write down: it adds random scatter (reaction time,
judging a meniscus), a systematic error (a zero error, measuring to the wrong point),
then rounds to what the instrument can resolve. With a fixed ``seed`` the same
"class results" come out every time, so a teacher can prepare the analysis in advance.

The second half is shared by every random simulation: how a counted or fitted result
states its uncertainty (:func:`counted_fraction`, :func:`count_uncertainty`,
:func:`with_uncertainty`) and how it says, in words, whether it agrees with theory
(:func:`compare_with_theory`).
"""

from __future__ import annotations

from dataclasses import dataclass
import math

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


# ----- the uncertainty of a random result, and saying it in words --------------------------
#
# Simulations with a few hundred particles or nuclei give a different answer for every
# seed. Each random quantity a teacher sees is shown with its standard uncertainty (one
# standard deviation of the estimate, "±"), taken from the run itself, and, where a theory
# value sits beside it, a verdict in words. The verdict uses 2σ: a correct model lands
# within twice its stated uncertainty of the truth about 95 % of the time, so "differs"
# is a flag worth following up, not one raised every few runs.

AGREEMENT_SIGMAS = 2.0


def counted_fraction(successes, trials) -> tuple[float, float]:
    """A fraction found by counting, with its binomial standard uncertainty.

    ``p = successes / trials`` and ``σ = √(p̃(1 − p̃) / trials)``, with
    ``p̃ = (successes + ½) / (trials + 1)`` in the uncertainty only, so that 0 of 50 is
    not reported as exactly 0 ± 0 (the counting noise of a rare event is never zero).

    Returns:
        ``(fraction, uncertainty)``, both 0 ≤ … ≤ 1; ``(0.0, 0.0)`` when nothing was counted.

    Raises:
        ValueError: for negative counts or more successes than trials.
    """
    successes, trials = float(successes), float(trials)
    if not 0 <= successes <= trials:
        raise ValueError(f"need 0 <= successes <= trials, got {successes:g} of {trials:g}")
    if trials == 0:
        return 0.0, 0.0
    smoothed = (successes + 0.5) / (trials + 1.0)
    return successes / trials, float(np.sqrt(smoothed * (1.0 - smoothed) / trials))


def count_uncertainty(count) -> float:
    """Standard uncertainty of a count of independent random events: √N (Poisson),
    and 1 for a count of 0 (seeing none does not mean the mean is exactly zero)."""
    count = float(count)
    if count < 0:
        raise ValueError(f"count must be >= 0, got {count:g}")
    return float(np.sqrt(count)) if count > 0 else 1.0


def round_with_uncertainty(value: float, uncertainty: float) -> tuple[str, str]:
    """The value and its uncertainty as text, rounded together.

    The uncertainty keeps one significant figure (two when it starts with a 1, where
    rounding to one would change it by up to a third), and the value is rounded to the
    same decimal place: 0.09137 ± 0.01234 → ("0.091", "0.012"); 31.4 ± 2.2 → ("31", "2").
    A zero or non-finite uncertainty leaves the value at three significant figures.
    """
    if not (np.isfinite(uncertainty) and uncertainty > 0):
        return f"{value:.3g}", f"{uncertainty:.2g}" if np.isfinite(uncertainty) else "?"
    places = _rounding_places(uncertainty)
    rounded = round(uncertainty, places)
    places = _rounding_places(rounded)  # 0.96 → 1.0: now it starts with a 1, two figures
    value, uncertainty = round(float(value), places), round(float(uncertainty), places)
    decimals = max(0, places)
    return f"{value:.{decimals}f}", f"{uncertainty:.{decimals}f}"


def _rounding_places(uncertainty: float) -> int:
    """Decimal places (negative: tens, hundreds …) for one significant figure of
    ``uncertainty``, or two when its first figure is 1."""
    exponent = int(np.floor(np.log10(uncertainty)))
    figures = 2 if uncertainty / 10.0**exponent < 1.95 else 1
    return figures - 1 - exponent


def with_uncertainty(value: float, uncertainty: float, unit: str = "", scale: float = 1.0) -> str:
    """``"9.1 % ± 1.2 %"`` style text: value and uncertainty multiplied by ``scale`` (100
    for a percentage), rounded together, the unit after each (units as symbols need a
    space before them, e.g. ``" %"`` or ``" s"``)."""
    shown_value, shown_uncertainty = round_with_uncertainty(value * scale, uncertainty * scale)
    return f"{shown_value}{unit} ± {shown_uncertainty}{unit}"


@dataclass(frozen=True)
class Agreement:
    """How a random result compares with a theory value.

    Attributes:
        measured: the result.
        uncertainty: its standard uncertainty (same unit); > 0 for a verdict.
        theory: the value theory predicts for exactly what was measured.
        sigmas: |measured − theory| / uncertainty; 0 when they are equal, NaN when
            they differ and the uncertainty is unknown (zero, negative or not finite —
            e.g. nothing was counted yet).
    """

    measured: float
    uncertainty: float
    theory: float
    sigmas: float

    @property
    def agrees(self) -> bool:
        """True when the result is within :data:`AGREEMENT_SIGMAS` uncertainties of theory
        (False when that cannot be known)."""
        return self.sigmas <= AGREEMENT_SIGMAS

    @property
    def checkable(self) -> bool:
        """False when the uncertainty is unknown, so no verdict can be given."""
        return not math.isnan(self.sigmas)

    def words(self, theory_text: str) -> str:
        """A verdict a screen reader can speak, e.g. "agrees with theory (9.0 %) within
        its uncertainty" or "is 2.6 uncertainties below theory (9.0 %): more than chance
        usually gives"; ``theory_text`` names and shows the theory value."""
        if not self.checkable:
            return f"cannot yet be checked against {theory_text}: too little was counted"
        if self.agrees:
            return f"agrees with {theory_text} within twice its uncertainty"
        side = "above" if self.measured > self.theory else "below"
        return (f"is {self.sigmas:.1f} times its uncertainty {side} {theory_text}: "
                f"more than random scatter usually gives")


    def brief(self, theory_text: str) -> str:
        """The verdict for a readout: "agrees with 9.0 % within 2σ" or "2.6σ above 9.0 %"
        (σ: the stated uncertainty)."""
        if not self.checkable:
            return f"too few counts to check against {theory_text}"
        if self.agrees:
            return f"agrees with {theory_text} within {AGREEMENT_SIGMAS:g}σ"
        return f"{self.sigmas:.1f}σ {'above' if self.measured > self.theory else 'below'} {theory_text}"


def compare_with_theory(measured: float, uncertainty: float, theory: float) -> Agreement:
    """An :class:`Agreement` of ``measured ± uncertainty`` with ``theory``."""
    difference = abs(float(measured) - float(theory))
    if difference == 0:
        sigmas = 0.0
    elif math.isfinite(uncertainty) and uncertainty > 0:
        sigmas = difference / float(uncertainty)
    else:
        sigmas = math.nan
    return Agreement(float(measured), float(uncertainty), float(theory), float(sigmas))
