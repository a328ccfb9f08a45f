"""Radioactive decay: the exponential law, a seeded random model of it, and the
count rate a Geiger–Müller (GM) tube records, background included.

Physics (MODEL.md beside this file has the teacher's version):

* Each unstable nucleus decays at random with a constant chance per unit time, the
  decay constant λ. On average ``N(t) = N₀ e^{−λt}``; the half-life is
  ``t½ = ln 2 / λ``; the activity (decays per second, Bq) is ``A = λ N``.
* Stochastic model: time runs in steps Δt; in each step every remaining nucleus decays
  with probability ``p = 1 − e^{−λΔt}`` (so a nucleus survives n steps with
  probability e^{−λ nΔt} whatever Δt is). The number decaying in a step is a binomial
  draw, Binomial(N, p), from a seeded generator. The dice model is the same with
  ``p = 1/6``: each throw removes the dice that show a six.
* Counting: a GM tube placed so it detects every decay (an idealisation — real tubes
  catch a fixed fraction, which does not change the half-life) records in each
  counting interval the decays plus background counts, Poisson-distributed with mean
  ``background rate × interval``.
* Half-life from noisy counts: subtract the background, take ln(net counts) against
  the time the interval starts (a straight line of gradient −λ), fit by least squares
  weighted by each point's Poisson uncertainty (σ of ln C_net ≈ √C_gross / C_net),
  using only intervals with at least 5 net counts.

Limits: one parent nuclide with a stable daughter, no dead time in the counter,
background constant and known (its mean is subtracted). Small samples behave
randomly — that is the point of the stochastic model.
"""

from __future__ import annotations

from dataclasses import dataclass
import math

import numpy as np

from stemcpd.practical import Agreement, Instrument, compare_with_theory, make_rng, with_uncertainty
from stemcpd.table import Table
from stemcpd.validation import check_count, check_range

LN2 = math.log(2.0)
MINIMUM_NET_COUNTS = 5.0
MAX_STEPS = 100_000


@dataclass(frozen=True)
class DecayParams:
    """One radioactive sample and the counter watching it. Validated on creation.

    Attributes:
        half_life_s: half-life of the nuclide, in seconds (s); (0, 1e12].
        initial_atoms: unstable nuclei at t = 0 (a count, no unit); whole number in
            [1, 10⁹].
        background_rate_per_s: mean background count rate, in counts per second (s⁻¹);
            [0, 10⁶].
        seed: seed of the random generator (no unit); whole number in [0, 2³² − 1].
    """

    half_life_s: float = 60.0
    initial_atoms: int = 1000
    background_rate_per_s: float = 0.5
    seed: int = 0

    def __post_init__(self):
        object.__setattr__(self, "half_life_s", check_range("half_life_s", self.half_life_s, 0, 1e12, unit="s"))
        object.__setattr__(self, "initial_atoms", check_count("initial_atoms", self.initial_atoms, 1, 10**9))
        object.__setattr__(self, "background_rate_per_s", check_range(
            "background_rate_per_s", self.background_rate_per_s, 0, 1e6, low_open=False, unit="1/s"))
        object.__setattr__(self, "seed", check_count("seed", self.seed, 0, 2**32 - 1))

    @property
    def decay_constant_per_s(self) -> float:
        """λ = ln 2 / t½, in s⁻¹."""
        return LN2 / self.half_life_s


def decay_constant(half_life_s: float) -> float:
    """λ = ln 2 / t½, in s⁻¹."""
    return LN2 / check_range("half_life_s", half_life_s, 0, 1e12, unit="s")


def remaining(initial_atoms: float, half_life_s: float, times_s) -> np.ndarray:
    """Exponential law N(t) = N₀ e^{−λt} (the mean of the random model)."""
    return initial_atoms * np.exp(-decay_constant(half_life_s) * np.asarray(times_s, dtype=float))


def activity(initial_atoms: float, half_life_s: float, times_s) -> np.ndarray:
    """Activity A = λ N(t), in becquerels (Bq, decays per second)."""
    return decay_constant(half_life_s) * remaining(initial_atoms, half_life_s, times_s)


def decay_probability(half_life_s: float, time_step_s: float) -> float:
    """Chance one nucleus decays within one step, p = 1 − e^{−λΔt} (≈ λΔt for small steps)."""
    time_step_s = check_range("time_step_s", time_step_s, 0, math.inf, unit="s")
    return -math.expm1(-decay_constant(half_life_s) * time_step_s)


def stochastic_decay(initial_atoms: int, probability_per_step: float, steps: int, seed: int | None = 0) -> np.ndarray:
    """Nuclei left after each step when each decays with ``probability_per_step``.

    Returns:
        Integer array of ``steps + 1`` values, starting with ``initial_atoms``.
    """
    initial_atoms = check_count("initial_atoms", initial_atoms, 1, 10**9)
    probability_per_step = check_range("probability_per_step", probability_per_step, 0, 1, high_open=True)
    steps = check_count("steps", steps, 1, MAX_STEPS)
    return _binomial_decay(make_rng(seed), initial_atoms, probability_per_step, steps)


def _binomial_decay(rng, initial_atoms, probability_per_step, steps) -> np.ndarray:
    atoms = np.empty(steps + 1, dtype=np.int64)
    atoms[0] = initial_atoms
    left = initial_atoms
    for index in range(1, steps + 1):
        left -= int(rng.binomial(left, probability_per_step))
        atoms[index] = left
    return atoms


@dataclass(frozen=True)
class DiceRun:
    """The classroom dice model: throw, remove the sixes, repeat.

    Attributes:
        throws: throw number, 0 to the last throw.
        dice_remaining: dice left after each throw (starts with all of them).
        expected: N₀ (5/6)ⁿ, the mean.
    """

    throws: np.ndarray
    dice_remaining: np.ndarray
    expected: np.ndarray

    @property
    def half_life_throws(self) -> float:
        """ln 2 / ln(6/5) = 3.80 throws: the dice model's half-life."""
        return LN2 / math.log(6.0 / 5.0)


def dice_model(number_of_dice: int = 100, throws: int = 20, seed: int | None = 0) -> DiceRun:
    """Roll ``number_of_dice`` dice ``throws`` times, removing those showing a six each time."""
    number_of_dice = check_count("number_of_dice", number_of_dice, 1, 10**6)
    throws = check_count("throws", throws, 1, 1000)
    rng = make_rng(seed)
    left = np.empty(throws + 1, dtype=np.int64)
    left[0] = number_of_dice
    for throw in range(1, throws + 1):
        faces = rng.integers(1, 7, size=left[throw - 1])
        left[throw] = np.count_nonzero(faces != 6)
    numbers = np.arange(throws + 1)
    return DiceRun(numbers, left, number_of_dice * (5.0 / 6.0) ** numbers)


@dataclass(frozen=True)
class HalfLifeFit:
    """A half-life fitted to counts.

    Attributes:
        half_life_s: fitted half-life, s (NaN if too few usable points).
        uncertainty_s: its standard error, s.
        decay_constant_per_s: fitted λ, s⁻¹.
        initial_net_counts: fitted net counts in the first interval.
        points_used: how many intervals had enough counts to use.
    """

    half_life_s: float
    uncertainty_s: float
    decay_constant_per_s: float
    initial_net_counts: float
    points_used: int

    @property
    def ok(self) -> bool:
        """True when the fit had at least three points and a decaying gradient."""
        return math.isfinite(self.half_life_s)


def fit_half_life(interval_start_s, counts, interval_s: float, background_rate_per_s: float = 0.0,
                  minimum_net_counts: float = MINIMUM_NET_COUNTS) -> HalfLifeFit:
    """Fit ln(counts − background) against time by weighted least squares.

    The straight line ln C_net = ln C₀ − λ t is fitted with each point weighted by
    1/σ of ln C_net, σ ≈ √(C_net + B) / C_net (Poisson counts; B the background per
    interval). Points are kept while the *fitted* line says at least
    ``minimum_net_counts`` net counts are expected, and weights use the fitted line's
    counts rather than the observed ones (three rounds): choosing or weighting points by
    their own noisy values would favour those that fluctuated upwards and lengthen
    the half-life. The small bias of a logarithm of a Poisson count,
    E[ln C] ≈ ln μ − σ²/(2μ²), is added back from the second round on.

    Args:
        interval_start_s: when each counting interval started, s.
        counts: counts recorded in each interval (background included).
        interval_s: length of each interval, s.
        background_rate_per_s: background to subtract, counts per second (0: none —
            the systematic error of forgetting it).
        minimum_net_counts: where the fitted line expects fewer net counts, the
            intervals are left out.
    """
    times = np.asarray(interval_start_s, dtype=float)
    gross = np.asarray(counts, dtype=float)
    background = background_rate_per_s * interval_s
    net = gross - background
    expected = np.maximum(net, 0.0)  # first round: the observed counts stand in
    usable = net >= minimum_net_counts
    for _round in range(3):
        usable = (expected >= minimum_net_counts) & (net > 0)
        if usable.sum() < 3:
            return HalfLifeFit(math.nan, math.nan, math.nan, math.nan, int(usable.sum()))
        variance = expected[usable] + background
        weights = expected[usable] / np.sqrt(variance)
        # E[ln C] ≈ ln μ − σ²/(2μ²): undo that bias, which grows as the counts fall.
        log_net = np.log(net[usable]) + (0.5 * variance / expected[usable] ** 2 if _round else 0.0)
        (gradient, intercept), covariance = np.polyfit(times[usable], log_net, 1, w=weights, cov="unscaled")
        expected = np.exp(intercept + gradient * times)
    if not gradient < 0:
        return HalfLifeFit(math.nan, math.nan, math.nan, math.nan, int(usable.sum()))
    rate = -gradient
    half_life = LN2 / rate
    return HalfLifeFit(half_life, half_life * math.sqrt(covariance[0, 0]) / rate, rate,
                       math.exp(intercept), int(usable.sum()))


@dataclass(frozen=True)
class DecayRun:
    """One seeded run. ``times_s`` has one more entry than the interval arrays.

    Attributes:
        params: the parameters it was run with.
        time_step_s: step of the random model = the counting interval, s.
        times_s: times of the samples, s (0, Δt, 2Δt, …).
        atoms: nuclei left at each time (random model).
        expected_atoms: N₀ e^{−λt} at each time.
        decays: decays in each interval.
        counts: GM-tube counts in each interval (decays + background).
        fit: half-life fitted to ``counts`` after subtracting the mean background.
    """

    params: DecayParams
    time_step_s: float
    times_s: np.ndarray
    atoms: np.ndarray
    expected_atoms: np.ndarray
    decays: np.ndarray
    counts: np.ndarray
    fit: HalfLifeFit

    @property
    def interval_start_s(self) -> np.ndarray:
        """When each counting interval starts, s."""
        return self.times_s[:-1]

    @property
    def activity_bq(self) -> np.ndarray:
        """Expected activity λN₀e^{−λt} at each time, Bq."""
        return self.params.decay_constant_per_s * self.expected_atoms

    @property
    def background_per_interval(self) -> float:
        """Mean background counts in one interval."""
        return self.params.background_rate_per_s * self.time_step_s

    @property
    def smooth_times_s(self) -> np.ndarray:
        """300 evenly spaced times over the run, s: where the smooth curves are evaluated."""
        return np.linspace(0.0, float(self.times_s[-1]), 300)

    @property
    def law_atoms(self) -> np.ndarray:
        """The decay law N₀e^{−λt} at :attr:`smooth_times_s`: nuclei left on average."""
        return self.params.initial_atoms * np.exp(-self.params.decay_constant_per_s * self.smooth_times_s)

    @property
    def fitted_counts(self) -> np.ndarray | None:
        """The fitted curve, background + C₀e^{−λ_fit t}, at :attr:`smooth_times_s`
        (counts per interval); None when the fit failed."""
        if not self.fit.ok:
            return None
        return self.background_per_interval + self.fit.initial_net_counts * np.exp(
            -self.fit.decay_constant_per_s * self.smooth_times_s)

    @property
    def atoms_uncertainty(self) -> np.ndarray:
        """Standard uncertainty of the nuclei left at each time, from the run itself:
        ``√(N (1 − N/N₀))``, the binomial spread of "each nucleus has decayed or not"
        (1 when none or all are left: even then the next run could differ)."""
        left = self.atoms.astype(float)
        return np.maximum(np.sqrt(left * (1.0 - left / self.params.initial_atoms)), 1.0)

    @property
    def counts_uncertainty(self) -> np.ndarray:
        """Standard uncertainty of each interval's count, √counts (Poisson; 1 for 0)."""
        return np.maximum(np.sqrt(self.counts.astype(float)), 1.0)

    @property
    def atoms_agreement(self) -> Agreement:
        """Nuclei left at the end ± uncertainty against the exponential law N₀e^{−λt}."""
        return compare_with_theory(self.atoms[-1], self.atoms_uncertainty[-1], self.expected_atoms[-1])

    @property
    def fit_agreement(self) -> Agreement | None:
        """The fitted half-life ± its standard error against the set half-life (None
        when there was no fit)."""
        if not self.fit.ok:
            return None
        return compare_with_theory(self.fit.half_life_s, self.fit.uncertainty_s, self.params.half_life_s)


def simulate(params: DecayParams | None = None, duration_s: float | None = None,
             time_step_s: float | None = None) -> DecayRun:
    """Decay ``params.initial_atoms`` nuclei and count them with a GM tube.

    Args:
        params: the sample; defaults to ``DecayParams()``.
        duration_s: how long to watch, s; defaults to five half-lives; (0, 10¹⁴].
        time_step_s: step and counting interval, s; defaults to a tenth of a half-life.
            Must be in (0, duration_s] with at most 100 000 steps.

    Raises:
        ValueError: naming the parameter and its allowed range.
    """
    params = DecayParams() if params is None else params
    duration_s = 5.0 * params.half_life_s if duration_s is None else duration_s
    duration_s = check_range("duration_s", duration_s, 0, 1e14, unit="s")
    time_step_s = params.half_life_s / 10.0 if time_step_s is None else time_step_s
    time_step_s = check_range("time_step_s", time_step_s, 0, duration_s, unit="s")
    steps = max(1, round(duration_s / time_step_s))
    if steps > MAX_STEPS:
        raise ValueError(f"duration_s / time_step_s must be at most {MAX_STEPS} steps, got {steps}")
    rng = make_rng(params.seed)
    # Decays first, then background, from one generator: the atoms equal
    # stochastic_decay(…, seed) and the background does not change them.
    atoms = _binomial_decay(rng, params.initial_atoms, decay_probability(params.half_life_s, time_step_s), steps)
    decays = -np.diff(atoms)
    background = rng.poisson(params.background_rate_per_s * time_step_s, steps)
    counts = decays + background
    times = np.arange(steps + 1) * time_step_s
    return DecayRun(
        params=params,
        time_step_s=float(time_step_s),
        times_s=times,
        atoms=atoms,
        expected_atoms=remaining(params.initial_atoms, params.half_life_s, times),
        decays=decays,
        counts=counts,
        fit=fit_half_life(times[:-1], counts, time_step_s, params.background_rate_per_s),
    )


def describe(run: DecayRun) -> str:
    """One or two sentences a screen reader can speak about this run."""
    p = run.params
    left = with_uncertainty(float(run.atoms[-1]), float(run.atoms_uncertainty[-1]))
    text = (
        f"{p.initial_atoms} nuclei with a half-life of {p.half_life_s:.3g} s start with an activity of "
        f"{run.activity_bq[0]:.3g} Bq; after {run.times_s[-1]:.3g} s (seed {p.seed}) {left} are left, which "
        f"{run.atoms_agreement.words(f'the exponential law’s {run.expected_atoms[-1]:.1f}')}."
    )
    if run.fit.ok:
        fitted = with_uncertainty(run.fit.half_life_s, run.fit.uncertainty_s, " s")
        text += (
            f" Fitting the counts (background {p.background_rate_per_s:.2g} per second subtracted) gives a "
            f"half-life of {fitted}, which {run.fit_agreement.words(f'the set {p.half_life_s:.3g} s')}."
        )
    else:
        text += " There are too few counts above background to fit a half-life."
    return text


def to_table(run: DecayRun) -> Table:
    """One row per counting interval: start time, nuclei left at its start with their
    uncertainty, the exponential-law value, decays, GM counts with their uncertainty
    (√counts) and the count rate. The title gives the fitted half-life ± its uncertainty."""
    fit = (f"; fitted half-life {with_uncertainty(run.fit.half_life_s, run.fit.uncertainty_s, ' s')}"
           if run.fit.ok else "")
    return Table.from_columns(
        [
            ("time at start of interval", "s", run.interval_start_s),
            ("nuclei left (simulation)", "", run.atoms[:-1]),
            ("uncertainty of nuclei left", "", run.atoms_uncertainty[:-1]),
            ("nuclei left (exponential law)", "", run.expected_atoms[:-1]),
            ("decays in interval", "", run.decays),
            ("counts in interval", "", run.counts),
            ("uncertainty of counts (√counts)", "", run.counts_uncertainty),
            ("count rate", "counts/s", run.counts / run.time_step_s),
        ],
        title=(f"Radioactive decay, half-life {run.params.half_life_s:g} s, N₀ = {run.params.initial_atoms}, "
               f"counting every {run.time_step_s:g} s (seed {run.params.seed}){fit}"),
    )


# The class counter: a GM tube and scaler reads whole counts. Its systematic error is the
# background radiation included in every count (about 0.5 counts per second in a lab).
GM_COUNTER = Instrument(
    "Geiger–Müller tube and counter", "counts", resolution=1.0,
    systematic_note="every count includes background radiation unless it is subtracted",
)
PROTACTINIUM_HALF_LIFE_S = 69.5  # protactinium-234m, the classic school half-life source


def virtual_practical(
    half_life_s: float = PROTACTINIUM_HALF_LIFE_S,
    initial_count_rate_per_s: float = 40.0,
    interval_s: float = 10.0,
    intervals: int = 30,
    background_rate_per_s: float = 0.5,
    background_time_s: float = 300.0,
    seed: int | None = 0,
) -> Table:
    """Simulated class results for "measure a half-life with a GM tube".

    Before the source is brought up, background is counted for ``background_time_s``;
    then counts are taken in back-to-back intervals of ``interval_s``. Every count
    includes background (:data:`GM_COUNTER`'s systematic error): plotting
    ln(counts − background) against time gives a straight line of gradient −λ, while
    forgetting to subtract it bends the line and overestimates the half-life.

    Returns:
        Columns: time at the start of each count, counts in the interval (background
        included), and the background per interval measured beforehand (the same
        number in every row, as a pupil copies it down).

    Raises:
        ValueError: for out-of-range arguments.
    """
    half_life_s = check_range("half_life_s", half_life_s, 0, 1e12, unit="s")
    initial_count_rate_per_s = check_range("initial_count_rate_per_s", initial_count_rate_per_s, 0, 1e6, unit="1/s")
    interval_s = check_range("interval_s", interval_s, 0, 1e6, unit="s")
    intervals = check_count("intervals", intervals, 3, 1000)
    background_rate_per_s = check_range("background_rate_per_s", background_rate_per_s, 0, 1e6,
                                        low_open=False, unit="1/s")
    background_time_s = check_range("background_time_s", background_time_s, 0, 1e6, unit="s")
    rng = make_rng(seed)
    rate = LN2 / half_life_s
    starts = np.arange(intervals) * interval_s
    # Mean source counts in [t, t + Δt]: (C₀/λ) e^{−λt} (1 − e^{−λΔt}).
    mean_source = initial_count_rate_per_s / rate * np.exp(-rate * starts) * -math.expm1(-rate * interval_s)
    true_counts = rng.poisson(mean_source) + rng.poisson(background_rate_per_s * interval_s, intervals)
    counts = GM_COUNTER.read(true_counts, rng)
    background_counted = GM_COUNTER.read(rng.poisson(background_rate_per_s * background_time_s), rng)
    background_per_interval = float(background_counted) * interval_s / background_time_s
    return Table.from_columns(
        [
            ("time at start of count", "s", starts),
            (f"counts in {interval_s:g} s", "", counts),
            (f"background counts per {interval_s:g} s (measured for {background_time_s:g} s)", "",
             np.full(intervals, background_per_interval)),
        ],
        title=f"Virtual practical: half-life with a GM tube (seed {seed})",
    )
