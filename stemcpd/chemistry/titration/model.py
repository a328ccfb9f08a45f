"""Acid–base titration: the pH curve of a monoprotic acid titrated with sodium hydroxide.

Chemistry (see MODEL.md beside this file for the teacher's version):

* ``V_a`` cm³ of a monoprotic acid HA at ``C_a`` mol/dm³ in the flask; ``V_b`` cm³ of
  NaOH at ``C_b`` mol/dm³ added from the burette. After mixing (volumes add),

      c_acid = C_a V_a / (V_a + V_b),   [Na⁺] = C_b V_b / (V_a + V_b).

* Exact charge balance (no Henderson–Hasselbalch shortcut):

      [H⁺] + [Na⁺] = [OH⁻] + [A⁻],   [OH⁻] = K_w / [H⁺],

  with ``[A⁻] = c_acid`` for a strong acid (fully dissociated) and
  ``[A⁻] = c_acid K_a / (K_a + [H⁺])`` for a weak acid (mass balance + K_a).
  ``K_w = 1.0 × 10⁻¹⁴`` (25 °C). The left side minus the right side rises strictly
  with [H⁺], so there is exactly one root; it is found by vectorised bisection in
  log₁₀[H⁺] on [10⁻¹⁶, 10¹] mol/dm³ (60 halvings: better than 10⁻¹⁵ in pH).
* Equivalence when ``C_b V_b = C_a V_a``; half-equivalence at half that volume, where
  pH ≈ pK_a for a weak acid that is not too dilute.
* Indicators change colour over a pH range (table :data:`INDICATORS`). One is called
  suitable when its whole range lies inside the steep part of the curve, taken as the
  pH change between 98 % and 102 % of the equivalence volume (±0.50 cm³ for a
  25.00 cm³ titre). Litmus is never recommended: its change is too gradual.

Units: concentrations in mol/dm³ (1 mol/dm³ = 1000 mol/m³), volumes in cm³ (10⁻⁶ m³),
as on a school burette.

Limits: ideal solutions (activities = concentrations, so very concentrated solutions
are only roughly right), 25 °C, monoprotic acids only, no CO₂ absorbed by the alkali.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from stemcpd.practical import Instrument, make_rng
from stemcpd.table import Table
from stemcpd.validation import check_count, check_range

KW = 1.0e-14  # ionic product of water at 25 °C, mol²/dm⁶
STRONG_PKA_LIMIT = -1.0  # the app treats a pKa slider value ≤ this as "strong acid"
PKA_RANGE = (-2.0, 14.0)
MAX_BURETTE_ML = 50.0
BISECTION_STEPS = 60
LOG_H_BRACKET = (-16.0, 1.0)
STEEP_FRACTION = 0.02  # steep section: 98 % to 102 % of the equivalence volume

ACID_PRESETS_PKA = {
    "Hydrochloric (strong)": -2.0,
    "Methanoic": 3.75,
    "Ethanoic": 4.76,
    "Ammonium ion": 9.25,
}


@dataclass(frozen=True)
class Indicator:
    """An acid–base indicator.

    Attributes:
        name: e.g. ``"phenolphthalein"``.
        ph_low: pH where the colour starts to change.
        ph_high: pH where the change is complete.
        acid_colour / alkali_colour / middle_colour: colour names (words, never colour alone).
        acid_rgb / alkali_rgb: colours for drawing, as hex.
        recommended: False for indicators whose change is too gradual for titrations.
    """

    name: str
    ph_low: float
    ph_high: float
    acid_colour: str
    middle_colour: str
    alkali_colour: str
    acid_rgb: str
    alkali_rgb: str
    recommended: bool = True

    @property
    def end_point_ph(self) -> float:
        """The pH where a pupil sees the colour change (the middle of the range)."""
        return 0.5 * (self.ph_low + self.ph_high)

    def colour_name(self, ph: float) -> str:
        """The colour a pupil would name at ``ph``."""
        if ph < self.ph_low:
            return self.acid_colour
        if ph > self.ph_high:
            return self.alkali_colour
        return self.middle_colour

    def colour_fraction(self, ph: float) -> float:
        """0 (acid colour) to 1 (alkali colour), linear across the range."""
        return float(np.clip((ph - self.ph_low) / (self.ph_high - self.ph_low), 0.0, 1.0))


# Transition ranges as tabulated in the CRC Handbook of Chemistry and Physics, "Acid–Base
# Indicators" (phenolphthalein 8.2–10.0, methyl orange 3.1–4.4, bromothymol blue
# 6.0–7.6); litmus 4.5–8.3 as in Vogel's Textbook of Quantitative Chemical Analysis
# (5th ed., Table 10.8). The same ranges appear in the RSC's and exam boards' data sheets.
INDICATORS = (
    Indicator("methyl orange", 3.1, 4.4, "red", "orange", "yellow", "#D55E00", "#F0E442"),
    Indicator("litmus", 4.5, 8.3, "red", "purple", "blue", "#CC3333", "#3355CC", recommended=False),
    Indicator("bromothymol blue", 6.0, 7.6, "yellow", "green", "blue", "#F0E442", "#0072B2"),
    Indicator("phenolphthalein", 8.2, 10.0, "colourless", "pale pink", "pink", "#FFFFFF", "#E754A8"),
)
INDICATORS_BY_NAME = {indicator.name: indicator for indicator in INDICATORS}


def _check_pka(acid_pka):
    if acid_pka is None:
        return None
    return check_range("acid_pka", acid_pka, *PKA_RANGE, low_open=False)


@dataclass(frozen=True)
class TitrationParams:
    """One titration. Validated on creation.

    Attributes:
        added_ml: volume of NaOH added so far, in cm³ (10⁻⁶ m³); [0, 5000].
        acid_molar: acid concentration in the flask before titrating, in mol/dm³
            (1 mol/dm³ = 1000 mol/m³); (0, 5].
        acid_ml: volume of acid pipetted into the flask, in cm³; (0, 1000].
        base_molar: NaOH concentration in the burette, in mol/dm³; (0, 5].
        acid_pka: pKa of the acid (dimensionless, −log₁₀ of K_a in mol/dm³); None for a
            strong (fully dissociated) acid; otherwise [−2, 14].
    """

    added_ml: float = 0.0
    acid_molar: float = 0.100
    acid_ml: float = 25.0
    base_molar: float = 0.100
    acid_pka: float | None = 4.76

    def __post_init__(self):
        checks = {
            "added_ml": check_range("added_ml", self.added_ml, 0, 5000, low_open=False, unit="cm³"),
            "acid_molar": check_range("acid_molar", self.acid_molar, 0, 5, unit="mol/dm³"),
            "acid_ml": check_range("acid_ml", self.acid_ml, 0, 1000, unit="cm³"),
            "base_molar": check_range("base_molar", self.base_molar, 0, 5, unit="mol/dm³"),
            "acid_pka": _check_pka(self.acid_pka),
        }
        for name, value in checks.items():
            object.__setattr__(self, name, value)

    @property
    def is_strong(self) -> bool:
        """True for a fully dissociated acid (``acid_pka`` is None)."""
        return self.acid_pka is None

    @property
    def equivalence_ml(self) -> float:
        """Volume of NaOH that exactly neutralises the acid, cm³: C_a V_a / C_b."""
        return self.acid_molar * self.acid_ml / self.base_molar


def _charge_imbalance(log_h, acid_conc, sodium_conc, ka):
    """[H⁺] + [Na⁺] − [OH⁻] − [A⁻] (mol/dm³); rises strictly with log₁₀[H⁺]."""
    h = 10.0**log_h
    acid_anion = acid_conc if ka is None else acid_conc * ka / (ka + h)
    return h + sodium_conc - KW / h - acid_anion


def hydrogen_ion_concentration(added_ml, *, acid_molar, acid_ml, base_molar, acid_pka=None) -> np.ndarray:
    """[H⁺] in mol/dm³ after ``added_ml`` cm³ of base (array of the same shape), from the
    exact charge balance solved by vectorised bisection in log₁₀[H⁺]."""
    added = np.asarray(added_ml, dtype=float)
    if np.any(~np.isfinite(added)) or np.any(added < 0):
        raise ValueError(f"added_ml must be in [0, inf) cm³, got {added_ml!r}")
    acid_molar = check_range("acid_molar", acid_molar, 0, 5, unit="mol/dm³")
    acid_ml = check_range("acid_ml", acid_ml, 0, 1000, unit="cm³")
    base_molar = check_range("base_molar", base_molar, 0, 5, unit="mol/dm³")
    pka = _check_pka(acid_pka)
    ka = None if pka is None else 10.0**-pka
    total_ml = acid_ml + added
    acid_conc = acid_molar * acid_ml / total_ml
    sodium_conc = base_molar * added / total_ml
    low = np.full(added.shape, LOG_H_BRACKET[0])
    high = np.full(added.shape, LOG_H_BRACKET[1])
    for _ in range(BISECTION_STEPS):
        middle = 0.5 * (low + high)
        above = _charge_imbalance(middle, acid_conc, sodium_conc, ka) > 0.0
        high = np.where(above, middle, high)
        low = np.where(above, low, middle)
    return 10.0 ** (0.5 * (low + high))


def ph_at(added_ml, *, acid_molar, acid_ml, base_molar, acid_pka=None):
    """pH after adding ``added_ml`` cm³ of NaOH (``base_molar`` mol/dm³) to ``acid_ml``
    cm³ of acid (``acid_molar`` mol/dm³). ``acid_pka=None`` means a strong acid.

    Returns:
        A float for a scalar volume, else an array of the same shape.

    Raises:
        ValueError: naming the argument and its allowed range.
    """
    h = hydrogen_ion_concentration(
        added_ml, acid_molar=acid_molar, acid_ml=acid_ml, base_molar=base_molar, acid_pka=acid_pka)
    ph = -np.log10(h)
    return float(ph) if np.ndim(added_ml) == 0 else ph


def charge_balance_residual(added_ml, ph, *, acid_molar, acid_ml, base_molar, acid_pka=None) -> np.ndarray:
    """[H⁺] + [Na⁺] − [OH⁻] − [A⁻] at the given pH, mol/dm³ (0 for the model's answer)."""
    added = np.asarray(added_ml, dtype=float)
    total_ml = acid_ml + added
    ka = None if acid_pka is None else 10.0**-acid_pka
    return _charge_imbalance(-np.asarray(ph, dtype=float), acid_molar * acid_ml / total_ml,
                             base_molar * added / total_ml, ka)


def volume_at_ph(target_ph: float, params: TitrationParams) -> float:
    """Volume of base (cm³) at which the pH first reaches ``target_ph`` (the curve
    rises monotonically). Raises ValueError if the curve never reaches it below
    ten times the equivalence volume."""
    kwargs = _ph_kwargs(params)
    low, high = 0.0, 10.0 * params.equivalence_ml
    if not ph_at(low, **kwargs) <= target_ph <= ph_at(high, **kwargs):
        raise ValueError(f"target_ph {target_ph:g} is not reached between 0 and {high:g} cm³")
    for _ in range(60):
        middle = 0.5 * (low + high)
        if ph_at(middle, **kwargs) < target_ph:
            low = middle
        else:
            high = middle
    return 0.5 * (low + high)


def _ph_kwargs(params: TitrationParams) -> dict:
    return dict(acid_molar=params.acid_molar, acid_ml=params.acid_ml,
                base_molar=params.base_molar, acid_pka=params.acid_pka)


@dataclass(frozen=True)
class TitrationCurve:
    """The pH curve of one titration and its landmarks.

    Attributes:
        params: the titration.
        volumes_ml: volumes of base for the curve, cm³ (ascending).
        ph: pH at each volume.
        ph_now: pH at ``params.added_ml``.
        equivalence_ml / ph_at_equivalence: the equivalence point (cm³, pH).
        half_equivalence_ml / ph_at_half_equivalence: half-way to it (cm³, pH).
        steep_ph: (low, high) pH of the steep section, 98 %–102 % of equivalence.
        suitable_indicators: names of indicators whose whole range lies in the steep section.
    """

    params: TitrationParams
    volumes_ml: np.ndarray
    ph: np.ndarray
    ph_now: float
    equivalence_ml: float
    ph_at_equivalence: float
    half_equivalence_ml: float
    ph_at_half_equivalence: float
    steep_ph: tuple
    suitable_indicators: tuple

    @property
    def acid_label(self) -> str:
        """"strong acid" or "weak acid, pKa 4.76"."""
        p = self.params
        return "strong acid" if p.is_strong else f"weak acid, pKa {p.acid_pka:.2f}"


def curve_end_ml(params: TitrationParams) -> float:
    """Last volume on the curve, cm³: twice the equivalence volume, at least the volume
    added and at least a full 50 cm³ burette when the equivalence point is within it."""
    end = max(2.0 * params.equivalence_ml, params.added_ml)
    return max(end, MAX_BURETTE_ML) if params.equivalence_ml <= MAX_BURETTE_ML else end


def suitable_indicators(steep_ph) -> tuple:
    """Recommended indicators whose whole colour-change range lies within ``steep_ph``."""
    low, high = steep_ph
    return tuple(ind.name for ind in INDICATORS if ind.recommended and low <= ind.ph_low and ind.ph_high <= high)


def simulate(params: TitrationParams | None = None, points: int = 400) -> TitrationCurve:
    """The whole pH curve (evenly spaced points plus extra points near equivalence) and
    its landmarks.

    Raises:
        ValueError: for ``points`` outside [10, 100000].
    """
    params = TitrationParams() if params is None else params
    points = check_count("points", points, 10, 100_000)
    kwargs = _ph_kwargs(params)
    equivalence = params.equivalence_ml
    end = curve_end_ml(params)
    offsets = equivalence * np.geomspace(1e-5, 0.2, 60)
    volumes = np.concatenate([np.linspace(0.0, end, points), equivalence - offsets, equivalence + offsets,
                              [equivalence, 0.5 * equivalence, params.added_ml]])
    volumes = np.unique(volumes[(volumes >= 0) & (volumes <= end)])
    # One vectorised solve for the curve and its landmarks (each point is solved on its own).
    landmarks = [(1 - STEEP_FRACTION) * equivalence, (1 + STEEP_FRACTION) * equivalence, params.added_ml,
                 equivalence, 0.5 * equivalence]
    solved = ph_at(np.concatenate([volumes, landmarks]), **kwargs)
    ph = solved[:len(volumes)]
    below, above, now, at_equivalence, at_half = (float(value) for value in solved[len(volumes):])
    steep = (below, above)
    return TitrationCurve(
        params=params,
        volumes_ml=volumes,
        ph=ph,
        ph_now=now,
        equivalence_ml=equivalence,
        ph_at_equivalence=at_equivalence,
        half_equivalence_ml=0.5 * equivalence,
        ph_at_half_equivalence=at_half,
        steep_ph=steep,
        suitable_indicators=suitable_indicators(steep),
    )


def to_table(curve: TitrationCurve) -> Table:
    """The pH curve as a table: volume of NaOH added, pH, [H⁺]."""
    return Table.from_columns(
        [("volume of NaOH added", "cm³", curve.volumes_ml), ("pH", "", curve.ph),
         ("hydrogen ion concentration", "mol/dm³", 10.0**-curve.ph)],
        title=(f"pH curve: {curve.params.acid_ml:g} cm³ of {curve.params.acid_molar:g} mol/dm³ "
               f"{curve.acid_label} with {curve.params.base_molar:g} mol/dm³ NaOH"),
    )


def describe(curve: TitrationCurve) -> str:
    """One or two sentences a screen reader can speak about the titration."""
    p = curve.params
    indicators = (" and ".join(curve.suitable_indicators) if curve.suitable_indicators
                  else "no common indicator")
    text = (
        f"After adding {p.added_ml:.2f} cm³ of {p.base_molar:.3g} mol/dm³ sodium hydroxide to "
        f"{p.acid_ml:.2f} cm³ of {p.acid_molar:.3g} mol/dm³ {curve.acid_label} the pH is "
        f"{curve.ph_now:.2f}. The equivalence point is at {curve.equivalence_ml:.2f} cm³ "
        f"(pH {curve.ph_at_equivalence:.2f}); the steep part runs from pH {curve.steep_ph[0]:.1f} "
        f"to {curve.steep_ph[1]:.1f}, so {indicators} would show the end point."
    )
    if not p.is_strong:
        text += f" At half-equivalence the pH is {curve.ph_at_half_equivalence:.2f}, close to the pKa."
    return text


# ----- the virtual practical -----------------------------------------------------------

# A 50 cm³ burette read to the nearest 0.05 cm³ (half a 0.1 cm³ division), judging the
# bottom of the meniscus with a scatter of about 0.02 cm³.
BURETTE = Instrument("50 cm³ burette", "cm³", resolution=0.05, random_sd=0.02)
END_POINT_JUDGEMENT_SD_ML = 0.03  # about half a drop: when is the colour "permanent"?
AIR_BUBBLE_ML = 0.15  # trapped in the jet; see virtual_practical
ROUGH_OVERSHOOT_ML = (0.3, 0.9)  # the rough titre is run in quickly and overshoots
CONCORDANT_ML = 0.10


def virtual_practical(
    params: TitrationParams | None = None,
    indicator: str = "phenolphthalein",
    max_accurate: int = 6,
    air_bubble_ml: float = AIR_BUBBLE_ML,
    seed: int | None = 0,
) -> Table:
    """Simulated burette results: a rough titre, then accurate titres until two agree
    within 0.10 cm³ (concordant) or ``max_accurate`` have been done.

    Every burette reading is read to 0.05 cm³ (:data:`BURETTE`). The true end point is
    where the pH reaches the middle of the indicator's range. Systematic error: an air
    bubble of ``air_bubble_ml`` cm³ trapped in the jet is pushed out during each titre
    (the burette was refilled each time without first running liquid through the jet),
    so every titre reads that much too large and the concentration comes out high.

    Returns:
        Columns: run (0 is the rough titre), initial reading, final reading, titre (cm³),
        concordant (1 for titres used in the mean, else 0).

    Raises:
        ValueError: unknown indicator, counts out of range, or an end point beyond 50 cm³.
    """
    params = TitrationParams() if params is None else params
    if indicator not in INDICATORS_BY_NAME:
        raise ValueError(f"indicator must be one of {list(INDICATORS_BY_NAME)}, got {indicator!r}")
    max_accurate = check_count("max_accurate", max_accurate, 2, 20)
    air_bubble_ml = check_range("air_bubble_ml", air_bubble_ml, 0, 5, low_open=False, unit="cm³")
    rng = make_rng(seed)
    true_end_ml = volume_at_ph(INDICATORS_BY_NAME[indicator].end_point_ph, params)
    if true_end_ml + 2.0 > MAX_BURETTE_ML:
        raise ValueError(f"the end point ({true_end_ml:.2f} cm³) needs more than one 50 cm³ burette")

    def one_titre(extra_ml):
        start = rng.uniform(0.0, 1.0)  # filled to near, not exactly, 0.00 cm³
        delivered = true_end_ml + extra_ml + air_bubble_ml + rng.normal(0.0, END_POINT_JUDGEMENT_SD_ML)
        first = float(BURETTE.read(start, rng))
        final = float(BURETTE.read(start + delivered, rng))
        return first, final, round(final - first, 2)

    rows = [(0, *one_titre(rng.uniform(*ROUGH_OVERSHOOT_ML)))]
    accurate = []
    concordant_pair = None
    for run in range(1, max_accurate + 1):
        rows.append((run, *one_titre(0.0)))
        accurate.append(rows[-1][3])
        for earlier in range(len(accurate) - 1):
            if abs(accurate[earlier] - accurate[-1]) <= CONCORDANT_ML + 1e-9:
                concordant_pair = (earlier + 1, run)
                break
        if concordant_pair:
            break
    concordant = [1.0 if concordant_pair and row[0] in concordant_pair else 0.0 for row in rows]
    data = np.array(rows, dtype=float)
    return Table.from_columns(
        [("run (0 = rough)", "", data[:, 0]), ("initial burette reading", "cm³", data[:, 1]),
         ("final burette reading", "cm³", data[:, 2]), ("titre", "cm³", data[:, 3]),
         ("concordant", "", concordant)],
        title=f"Virtual practical: titration with {indicator} (seed {seed})",
    )


def mean_concordant_titre(table: Table) -> float:
    """Mean of the titres marked concordant, cm³ (what a pupil uses to find C_a).

    Raises:
        ValueError: if no concordant titres were obtained.
    """
    titres = table.column("titre")[table.column("concordant") == 1]
    if titres.size == 0:
        raise ValueError("no concordant titres: do another accurate titration")
    return float(titres.mean())
