"""Paper chromatography: a solvent front rising by capillary action, dye spots moving
with their Rf values, spreading as they go; pure substances versus mixtures.

Chemistry and physics (see MODEL.md beside this file for the teacher's version):

* Solvent front (Lucas–Washburn law: R. Lucas, Kolloid-Z. 23, 15 (1918); E. W.
  Washburn, Phys. Rev. 17, 273 (1921)). A liquid soaking into a porous strip from a
  reservoir rises a height ``h(t) = √(D t)`` above the liquid surface, with the wicking
  coefficient ``D = γ r cos θ / (2 η)`` (surface tension γ, viscosity η, effective pore
  radius r, contact angle θ, taken as 0 for these wetting liquids). Gravity and
  evaporation are neglected (fine for a 12 cm strip over tens of minutes).
* Spots. A dye spotted on the pencil baseline moves only once the front has passed
  the baseline; from then on its centre stays at the fraction Rf of the distance
  the front has gone above the baseline:
  ``spot distance = Rf × front distance``, so ``Rf = spot distance / front distance``
  whatever the time. Rf depends on the dye *and* the solvent.
* Spreading. Each spot is a two-dimensional Gaussian whose standard deviation grows
  like diffusion, ``σ(t)² = σ₀² + 2 K t`` (so σ ∝ √t once it has grown well beyond its
  starting size); it spreads faster along the flow than across it. ``σ₀`` is a quarter of
  the spotted diameter (the visible edge is at about 2σ).
* Two spots look like one unless their centres are further apart than the sum of
  their half-widths: resolution ``Rs = Δz / (2(σ₁ + σ₂)) ≥ 0.5`` (Rs as in
  chromatography texts, with width 4σ). A pure substance gives one spot in every
  solvent; a mixture gives more than one in some solvent.

Data: the Rf values of the food dyes in :data:`DYES` are ILLUSTRATIVE typical values
for school filter paper, chosen to be realistic in order and spacing, not measured
values to quote. Surface tensions and viscosities at 20 °C are from the CRC Handbook of
Chemistry and Physics; the paper's effective pore radius is chosen so that water rises
about 8 cm in 20 minutes, typical of school chromatography paper.

Virtual practical (GCSE required practical, paper chromatography): a ruler read to
1 mm; the centre of a fuzzy spot is judged with a scatter that grows with its width;
the systematic error is measuring from the bottom edge of the paper instead of the
pencil baseline, so every distance is too long by the baseline height b and
``Rf_measured = (Rf F + b) / (F + b)`` — biased towards 1.

Limits: no tailing, no interaction between dyes, the front never reaches the top of the
paper in the times offered, Rf independent of temperature and of how saturated the
tank is with vapour.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from stemcpd.practical import Instrument, make_rng
from stemcpd.table import Table
from stemcpd.validation import check_count, check_range, check_choice

PAPER_HEIGHT_MM = 120.0  # strip from bottom edge to top
SOLVENT_LEVEL_MM = 5.0  # depth of solvent in the tank, measured up the paper from its bottom edge
EFFECTIVE_PORE_RADIUS_M = 1.47e-7  # Washburn radius that makes water rise 80 mm in 20 min
SPREAD_ALONG_MM2_PER_S = 0.0025  # K along the flow
SPREAD_ACROSS_MM2_PER_S = 0.0012  # K across the flow
RESOLUTION_NEEDED = 0.5  # Rs at which two equal spots show a dip between them
TIME_SAMPLES = 241


@dataclass(frozen=True)
class Solvent:
    """A chromatography solvent.

    Attributes:
        name: e.g. "water".
        surface_tension_n_m: γ at 20 °C, N/m.
        viscosity_pa_s: η at 20 °C, Pa s.
    """

    name: str
    surface_tension_n_m: float
    viscosity_pa_s: float

    @property
    def wicking_coefficient_mm2_s(self) -> float:
        """Washburn D = γ r / (2η) on the paper, mm²/s (contact angle 0)."""
        return self.surface_tension_n_m * EFFECTIVE_PORE_RADIUS_M / (2.0 * self.viscosity_pa_s) * 1e6


# CRC Handbook (20 °C): water γ 72.75 mN/m, η 1.002 mPa s; ethanol γ 22.39 mN/m, η 1.20 mPa s.
SOLVENTS = (
    Solvent("water", 0.07275, 1.002e-3),
    Solvent("ethanol", 0.02239, 1.200e-3),
)
SOLVENT_NAMES = tuple(solvent.name for solvent in SOLVENTS)  # what ChromatographyParams.solvent takes


@dataclass(frozen=True)
class Dye:
    """A food colouring.

    Attributes:
        name: common name, e.g. "tartrazine".
        code: E number, e.g. "E102".
        colour: what it looks like, as a hex colour.
        rf: Rf in each solvent of :data:`SOLVENTS`, same order (illustrative values).
    """

    name: str
    code: str
    colour: str
    rf: tuple[float, ...]


# ILLUSTRATIVE Rf values (water, ethanol) on filter paper — typical, not measured.
DYES = (
    Dye("tartrazine", "E102", "#E0BE00", (0.90, 0.12)),
    Dye("sunset yellow", "E110", "#F08A00", (0.66, 0.30)),
    Dye("allura red", "E129", "#D01C1C", (0.48, 0.42)),
    Dye("carmoisine", "E122", "#8E1538", (0.30, 0.55)),
    Dye("brilliant blue", "E133", "#1F4FD8", (0.80, 0.70)),
)


@dataclass(frozen=True)
class Sample:
    """A sample spotted on the baseline: one dye (pure) or several (a mixture).

    Attributes:
        name: what :class:`ChromatographyParams` takes, e.g. ``"green"``.
        label: what the learner reads (the button text), e.g. ``"green (E102 + E133)"``.
        dyes: indices into :data:`DYES`.
    """

    name: str
    label: str
    dyes: tuple[int, ...]


SAMPLES = (
    Sample("green", "green (E102 + E133)", (0, 4)),
    Sample("orange", "orange (E110 + E129)", (1, 2)),
    Sample("brown", "brown (E102 + E129 + E133)", (0, 2, 4)),
    Sample("purple", "purple (E122 + E133)", (3, 4)),
    Sample("unknown X", "unknown X", (1, 3)),
    Sample("pure tartrazine", "pure tartrazine", (0,)),
)
SAMPLE_NAMES = tuple(sample.name for sample in SAMPLES)  # what ChromatographyParams.sample takes
_SAMPLE_BY_NAME = {sample.name: sample for sample in SAMPLES}
_SOLVENT_INDEX = {solvent.name: index for index, solvent in enumerate(SOLVENTS)}


@dataclass(frozen=True)
class ChromatographyParams:
    """One chromatogram. Validated on creation.

    Attributes:
        sample: the name of the mixture or pure dye spotted in the first lane, one of
            :data:`SAMPLE_NAMES` (e.g. ``"unknown X"``).
        solvent: the solvent's name, one of :data:`SOLVENT_NAMES` (``"water"`` or
            ``"ethanol"``).
        development_time_min: how long the paper stands in the solvent, in minutes
            (min); (0, 30].
        spot_diameter_mm: diameter of each spot as first made, in millimetres (mm);
            [0.5, 10].
        baseline_mm: height of the pencil baseline above the bottom edge of the
            paper, in millimetres (mm); [8, 30]. It must be above the solvent (5 mm).
    """

    sample: str = "green"
    solvent: str = "water"
    development_time_min: float = 20.0
    spot_diameter_mm: float = 3.0
    baseline_mm: float = 15.0

    def __post_init__(self):
        checks = {
            "sample": check_choice("sample", self.sample, SAMPLE_NAMES),
            "solvent": check_choice("solvent", self.solvent, SOLVENT_NAMES),
            "development_time_min": check_range(
                "development_time_min", self.development_time_min, 0, 30, unit="min"),
            "spot_diameter_mm": check_range(
                "spot_diameter_mm", self.spot_diameter_mm, 0.5, 10, low_open=False, unit="mm"),
            "baseline_mm": check_range("baseline_mm", self.baseline_mm, 8, 30, low_open=False, unit="mm"),
        }
        for name, value in checks.items():
            object.__setattr__(self, name, value)


def washburn_height_mm(time_s, wicking_coefficient_mm2_s: float) -> np.ndarray:
    """Height of the solvent front above the liquid surface, ``√(D t)``, mm.

    Raises:
        ValueError: if the coefficient is not in (0, 1000] mm²/s or a time is negative.
    """
    coefficient = check_range("wicking_coefficient_mm2_s", wicking_coefficient_mm2_s, 0, 1000, unit="mm²/s")
    times = np.asarray(time_s, dtype=float)
    if np.any(times < 0) or np.any(~np.isfinite(times)):
        raise ValueError("time_s must be finite and ≥ 0 s")
    return np.sqrt(coefficient * times)


def spot_sigma_mm(time_s, spot_diameter_mm: float, spread_mm2_per_s: float) -> np.ndarray:
    """Standard deviation of a spot, ``√(σ₀² + 2 K t)`` with σ₀ = diameter / 4, mm."""
    sigma0 = spot_diameter_mm / 4.0
    return np.sqrt(sigma0**2 + 2.0 * spread_mm2_per_s * np.asarray(time_s, dtype=float))


def rf_value(spot_distance_mm, front_distance_mm):
    """Rf = distance moved by the spot / distance moved by the solvent, both from the
    baseline.

    Raises:
        ValueError: if the front distance is not > 0 or a spot is beyond the front.
    """
    spot = np.asarray(spot_distance_mm, dtype=float)
    front = np.asarray(front_distance_mm, dtype=float)
    if np.any(front <= 0):
        raise ValueError("front_distance_mm must be > 0 mm (the solvent has not reached the baseline)")
    if np.any(spot < 0) or np.any(spot > front):
        raise ValueError("spot_distance_mm must be in [0, front_distance_mm]")
    ratio = spot / front
    return float(ratio) if ratio.ndim == 0 else ratio


def edge_measured_rf(rf, front_distance_mm: float, baseline_mm: float):
    """Rf a pupil gets measuring from the paper's edge: ``(Rf F + b) / (F + b)``."""
    return (np.asarray(rf, dtype=float) * front_distance_mm + baseline_mm) / (front_distance_mm + baseline_mm)


@dataclass(frozen=True)
class Chromatogram:
    """A chromatogram developing over time. Arrays share the index of ``times_s``;
    per-dye arrays have one column for each dye of :data:`DYES`.

    Attributes:
        params: the parameters it was run with.
        solvent: the :class:`Solvent`.
        sample: the :class:`Sample` in the first lane.
        times_s: sample times, s, from 0 to the development time.
        front_height_mm: solvent front above the bottom edge of the paper, mm.
        front_distance_mm: solvent front above the baseline (0 until it gets there), mm.
        rf: Rf of every dye in this solvent.
        spot_distance_mm: centre of every dye's spot above the baseline, mm (time × dye).
        sigma_along_mm: spot standard deviation along the flow, mm.
        sigma_across_mm: spot standard deviation across the flow, mm.
    """

    params: ChromatographyParams
    solvent: Solvent
    sample: Sample
    times_s: np.ndarray = field(repr=False)
    front_height_mm: np.ndarray = field(repr=False)
    front_distance_mm: np.ndarray = field(repr=False)
    rf: np.ndarray = field(repr=False)
    spot_distance_mm: np.ndarray = field(repr=False)
    sigma_along_mm: np.ndarray = field(repr=False)
    sigma_across_mm: np.ndarray = field(repr=False)

    @property
    def sample_rf(self) -> np.ndarray:
        """Rf of each dye in the sample, in the sample's order."""
        return self.rf[list(self.sample.dyes)]

    @property
    def final_front_distance_mm(self) -> float:
        """How far the front got above the baseline, mm."""
        return float(self.front_distance_mm[-1])

    def index_at(self, time_s: float) -> int:
        """Index of the last sample at or before ``time_s``."""
        return int(np.clip(np.searchsorted(self.times_s, time_s, side="right") - 1, 0, len(self.times_s) - 1))


def simulate(params: ChromatographyParams | None = None) -> Chromatogram:
    """Develop the chromatogram from t = 0 to the development time (analytic, so the
    sampling does not change any value at a given time)."""
    params = ChromatographyParams() if params is None else params
    solvent_index = _SOLVENT_INDEX[params.solvent]
    solvent = SOLVENTS[solvent_index]
    sample = _SAMPLE_BY_NAME[params.sample]
    times = np.linspace(0.0, params.development_time_min * 60.0, TIME_SAMPLES)
    rise = washburn_height_mm(times, solvent.wicking_coefficient_mm2_s)
    front_height = np.minimum(SOLVENT_LEVEL_MM + rise, PAPER_HEIGHT_MM)
    front_distance = np.maximum(front_height - params.baseline_mm, 0.0)
    rf = np.array([dye.rf[solvent_index] for dye in DYES])
    return Chromatogram(
        params=params,
        solvent=solvent,
        sample=sample,
        times_s=times,
        front_height_mm=front_height,
        front_distance_mm=front_distance,
        rf=rf,
        spot_distance_mm=front_distance[:, None] * rf[None, :],
        sigma_along_mm=spot_sigma_mm(times, params.spot_diameter_mm, SPREAD_ALONG_MM2_PER_S),
        sigma_across_mm=spot_sigma_mm(times, params.spot_diameter_mm, SPREAD_ACROSS_MM2_PER_S),
    )


def visible_spots(run: Chromatogram, time_s: float | None = None) -> list[tuple[int, ...]]:
    """The spots an eye would see in the sample's lane: groups of dyes whose spots
    overlap (resolution below 0.5), lowest first. One group means the sample looks pure.
    """
    index = len(run.times_s) - 1 if time_s is None else run.index_at(time_s)
    dyes = sorted(run.sample.dyes, key=lambda d: run.rf[d])
    sigma = run.sigma_along_mm[index]
    groups = [[dyes[0]]]
    for dye in dyes[1:]:
        separation = run.spot_distance_mm[index, dye] - run.spot_distance_mm[index, groups[-1][-1]]
        if separation / (4.0 * sigma) >= RESOLUTION_NEEDED:
            groups.append([dye])
        else:
            groups[-1].append(dye)
    return [tuple(group) for group in groups]


def identify(rf_values, solvent: str = "water", tolerance: float = 0.05) -> list[str | None]:
    """Name the dye whose reference Rf (in ``solvent``) is nearest each measured Rf,
    or None when none is within ``tolerance``.

    Raises:
        ValueError: for an Rf outside [0, 1], an unknown solvent or a bad tolerance.
    """
    solvent = _SOLVENT_INDEX[check_choice("solvent", solvent, SOLVENT_NAMES)]
    tolerance = check_range("tolerance", tolerance, 0, 1)
    names = []
    for value in np.atleast_1d(np.asarray(rf_values, dtype=float)):
        check_range("rf", value, 0, 1, low_open=False)
        differences = [abs(dye.rf[solvent] - value) for dye in DYES]
        best = int(np.argmin(differences))
        names.append(DYES[best].name if differences[best] <= tolerance else None)
    return names


def describe(run: Chromatogram) -> str:
    """One or two sentences a screen reader can speak about the finished chromatogram."""
    p = run.params
    front = run.final_front_distance_mm
    if front <= 0:
        return (f"After {p.development_time_min:.1f} min in {run.solvent.name} the solvent has not yet reached "
                f"the baseline, so nothing has moved.")
    spots = visible_spots(run)
    parts = []
    for group in spots:
        distance = float(np.mean(run.spot_distance_mm[-1, list(group)]))
        names = " and ".join(f"{DYES[d].name} ({DYES[d].code})" for d in group)
        parts.append(f"{distance:.0f} mm (Rf {distance / front:.2f}, {names})")
    verdict = ("One spot, so it looks pure in this solvent" if len(spots) == 1
               else f"{len(spots)} separate spots, so it is a mixture")
    if len(spots) == 1 and len(run.sample.dyes) > 1:
        verdict += " — but it is a mixture whose dyes have not separated"
    # Spots are drawn 4 standard deviations long: a bigger starting spot ends bigger and
    # blurrier, which is why pupils are told to keep spots small.
    length = 4.0 * float(run.sigma_along_mm[-1])
    return (f"{run.sample.label} in {run.solvent.name} after {p.development_time_min:.1f} min: the solvent "
            f"front is {front:.0f} mm above the baseline; {'a spot' if len(parts) == 1 else 'spots'} at "
            + "; ".join(parts) + f". {verdict}. Each spot is now about {length:.1f} mm long "
            f"(spotted {p.spot_diameter_mm:g} mm across).")


def to_table(run: Chromatogram) -> Table:
    """Front and spot distances above the baseline against time, for the sample's dyes."""
    columns = [("time", "s", run.times_s), ("solvent front above baseline", "mm", run.front_distance_mm)]
    for dye in run.sample.dyes:
        columns.append((f"{DYES[dye].name} ({DYES[dye].code}) above baseline", "mm", run.spot_distance_mm[:, dye]))
    columns.append(("spot standard deviation along the flow", "mm", run.sigma_along_mm))
    return Table.from_columns(columns, title=f"Chromatogram of {run.sample.label} in {run.solvent.name}")


# ------------------------------------------------------------------ virtual practical
FRONT_JUDGEMENT_SD_MM = 0.5  # the front is a sharp line; marked quickly in pencil
SPOT_CENTRE_JUDGEMENT = 0.3  # scatter in judging a spot's centre, as a fraction of σ


def virtual_practical(
    sample: str = "unknown X",
    solvent: str = "water",
    development_time_min: float = 20.0,
    groups: int = 6,
    measured_from_paper_edge: bool = True,
    baseline_mm: float = 15.0,
    seed: int | None = 0,
) -> Table:
    """Simulated class results for the chromatography required practical.

    Each group runs the chromatogram, marks the solvent front, and measures each spot's
    centre and the front with a 1 mm ruler. Judging the centre of a fuzzy spot scatters
    by 0.3 σ of the spot. The systematic error (``measured_from_paper_edge=True``):
    distances measured from the bottom edge of the paper, not the pencil baseline, so
    all are ``baseline_mm`` too long and each Rf is biased towards 1 (see
    :func:`edge_measured_rf`). Subtracting the baseline height corrects it.

    Returns:
        A table, one row per spot per group: group, spot number (1 nearest the
        baseline), distances to the spot centre and to the front, and Rf.

    Raises:
        ValueError: for an out-of-range argument (named).
    """
    params = ChromatographyParams(sample=sample, solvent=solvent, development_time_min=development_time_min,
                                  baseline_mm=baseline_mm)
    groups = check_count("groups", groups, 1, 1000)
    if not isinstance(measured_from_paper_edge, bool):
        raise ValueError(f"measured_from_paper_edge must be True or False, got {measured_from_paper_edge!r}")
    run = simulate(params)
    front = run.final_front_distance_mm
    if front <= 0:
        raise ValueError("development_time_min is too short: the solvent never reaches the baseline")
    offset = params.baseline_mm if measured_from_paper_edge else 0.0
    note = "distances measured from the paper's bottom edge, not the pencil baseline" if offset else ""
    sigma = float(run.sigma_along_mm[-1])
    ruler_for_front = Instrument("ruler", "mm", resolution=1.0, random_sd=FRONT_JUDGEMENT_SD_MM,
                                 zero_error=offset, systematic_note=note)
    ruler_for_spots = Instrument("ruler", "mm", resolution=1.0, random_sd=SPOT_CENTRE_JUDGEMENT * sigma,
                                 zero_error=offset, systematic_note=note)
    dyes = sorted(run.sample.dyes, key=lambda d: run.rf[d])
    rng = make_rng(seed)
    spot_true = np.array([run.spot_distance_mm[-1, d] for d in dyes])
    front_readings = ruler_for_front.read(np.full(groups, front), rng)
    spot_readings = ruler_for_spots.read(np.tile(spot_true, (groups, 1)), rng)
    group_column = np.repeat(np.arange(1, groups + 1), len(dyes))
    spot_column = np.tile(np.arange(1, len(dyes) + 1), groups)
    front_column = np.repeat(front_readings, len(dyes))
    spot_column_mm = spot_readings.ravel()
    return Table.from_columns(
        [
            ("group", "", group_column),
            ("spot number", "", spot_column),
            ("distance to spot centre", "mm", spot_column_mm),
            ("distance to solvent front", "mm", front_column),
            ("Rf", "", spot_column_mm / front_column),
        ],
        title=(f"Virtual practical: chromatography of {run.sample.label} in {run.solvent.name}, "
               f"{development_time_min:g} min (seed {seed})" + (f"; systematic error: {note}" if note else "")),
    )
