"""Light at a boundary and through a thin lens: reflection, refraction, total internal
reflection, and the thin-lens equation.

Physics (MODEL.md beside this file is the teacher's version):

* Angles are measured from the **normal** (the line at 90° to the surface), in degrees,
  0 ≤ angle < 90.
* Reflection: angle of reflection = angle of incidence.
* Refraction (Snell's law): ``n₁ sin i = n₂ sin r``. Going into a denser medium
  (n₂ > n₁) the ray bends towards the normal; into a less dense one it bends away.
* Total internal reflection: when n₁ > n₂ and ``sin i > n₂/n₁`` there is no refracted
  ray; :func:`refraction_angle_deg` returns NaN. The critical angle is
  ``C = arcsin(n₂/n₁)``; it only exists when n₁ > n₂ (:func:`critical_angle_deg` raises
  ValueError otherwise).
* Fresnel reflectance (optional extra): the fraction of the light's power reflected,
  averaged over the two polarisations (unpolarised light); 1 beyond the critical angle.
* Thin lens, **real-is-positive** convention: ``1/f = 1/u + 1/v``. Distances are
  measured from the lens; u > 0 for a real object; v > 0 for a real image (on the far
  side, can be caught on a screen), v < 0 for a virtual image (same side as the object);
  f > 0 for a converging lens, f < 0 for a diverging lens. Magnification
  ``m = −v/u``: its size is image height ÷ object height, negative means inverted.

Assumptions and limits: one wavelength (refractive indices at 589 nm, the sodium D
line), smooth flat boundaries, isotropic non-absorbing materials, thin lenses with small
angles to the axis (paraxial rays), and no aberrations.
"""

from __future__ import annotations

from dataclasses import dataclass
import math

import numpy as np

from stemcpd.practical import Instrument, make_rng
from stemcpd.table import Table
from stemcpd.validation import check_count, check_range

MIN_INDEX, MAX_INDEX = 1.0, 5.0

# Refractive indices at 589 nm (sodium D line), for the presets and the quiz.
REFRACTIVE_INDICES = {
    "air": 1.000,      # 1.000277 at 15 °C, 101 kPa (Ciddor, Appl. Opt. 35, 1566 (1996)); 1.000 to 3 d.p.
    "water": 1.333,    # 1.3330 at 20 °C (Hale & Querry, Appl. Opt. 12, 555 (1973))
    "perspex": 1.49,   # acrylic/PMMA 1.4905 (Sultanova et al., Acta Phys. Pol. A 116, 585 (2009))
    "crown glass": 1.52,  # N-BK7 n_d = 1.5168 (SCHOTT optical glass data sheet); typical crown ~1.52
    "diamond": 2.42,   # 2.417 (Peter, Z. Kristallogr. 59, 67 (1923)); all via refractiveindex.info
}


def _check_index(name: str, value) -> float:
    return check_range(name, value, MIN_INDEX, MAX_INDEX, low_open=False)


def _check_angle(name: str, value) -> float:
    return check_range(name, value, 0, 90, low_open=False, high_open=True, unit="degrees")


def refraction_angle_deg(incidence_deg, n1: float, n2: float):
    """Angle of refraction from Snell's law, ``n₁ sin i = n₂ sin r``, in degrees.

    Args:
        incidence_deg: angle of incidence from the normal, degrees; [0, 90). A number
            or an array of them.
        n1: refractive index of the medium the light comes from; [1, 5].
        n2: refractive index of the medium it goes into; [1, 5].

    Returns:
        The angle of refraction (a float, or an array for array input); NaN where the
        light is totally internally reflected (sin i > n₂/n₁).

    Raises:
        ValueError: naming the argument and its allowed range (e.g. n < 1).
    """
    n1, n2 = _check_index("n1", n1), _check_index("n2", n2)
    angles = np.asarray(incidence_deg, dtype=float)
    for angle in angles.ravel():
        _check_angle("incidence_deg", angle)
    sine = n1 / n2 * np.sin(np.radians(angles))
    with np.errstate(invalid="ignore"):
        refracted = np.where(sine <= 1.0, np.degrees(np.arcsin(np.minimum(sine, 1.0))), np.nan)
    return float(refracted) if refracted.ndim == 0 else refracted


def critical_angle_deg(n1: float, n2: float) -> float:
    """Critical angle ``C = arcsin(n₂/n₁)`` for light going from n₁ into n₂, in degrees.

    Raises:
        ValueError: when n2 ≥ n1 (light going into an equally or more optically dense
            medium always refracts, so there is no critical angle), or for an index
            outside [1, 5].
    """
    n1, n2 = _check_index("n1", n1), _check_index("n2", n2)
    if n2 >= n1:
        raise ValueError(
            f"no critical angle: n2 ({n2:g}) must be less than n1 ({n1:g}); total internal "
            "reflection only happens going into a less dense medium"
        )
    return math.degrees(math.asin(n2 / n1))


def is_totally_internally_reflected(incidence_deg: float, n1: float, n2: float) -> bool:
    """True when there is no refracted ray (n₁ > n₂ and i above the critical angle)."""
    return math.isnan(refraction_angle_deg(incidence_deg, n1, n2))


def reflectance(incidence_deg: float, n1: float, n2: float) -> float:
    """Fraction of the light's power reflected (Fresnel equations, unpolarised light).

    ``R = (Rs + Rp)/2`` with ``Rs = ((n₁cos i − n₂cos r)/(n₁cos i + n₂cos r))²`` and
    ``Rp = ((n₁cos r − n₂cos i)/(n₁cos r + n₂cos i))²``; 1 under total internal reflection.
    """
    refracted = refraction_angle_deg(incidence_deg, n1, n2)
    if math.isnan(refracted):
        return 1.0
    cos_i, cos_r = math.cos(math.radians(incidence_deg)), math.cos(math.radians(refracted))
    rs = ((n1 * cos_i - n2 * cos_r) / (n1 * cos_i + n2 * cos_r)) ** 2
    rp = ((n1 * cos_r - n2 * cos_i) / (n1 * cos_r + n2 * cos_i)) ** 2
    return 0.5 * (rs + rp)


@dataclass(frozen=True)
class BoundaryParams:
    """A ray meeting a flat boundary between two media. Validated on creation.

    Attributes:
        incidence_deg: angle of incidence from the normal, in degrees (°); [0, 90).
        n1: refractive index of the medium the light comes from (no unit); [1, 5].
        n2: refractive index of the medium beyond the boundary (no unit); [1, 5].
    """

    incidence_deg: float = 30.0
    n1: float = 1.0
    n2: float = 1.52

    def __post_init__(self):
        object.__setattr__(self, "incidence_deg", _check_angle("incidence_deg", self.incidence_deg))
        object.__setattr__(self, "n1", _check_index("n1", self.n1))
        object.__setattr__(self, "n2", _check_index("n2", self.n2))


@dataclass(frozen=True)
class BoundaryResult:
    """What happens to the ray.

    Attributes:
        params: the parameters used.
        reflection_deg: angle of reflection, degrees (equal to the angle of incidence).
        refraction_deg: angle of refraction, degrees; NaN under total internal reflection.
        critical_deg: critical angle, degrees; None when n2 ≥ n1 (there is none).
        reflectance: fraction of the power reflected (Fresnel, unpolarised), 0–1.
        incidence_curve_deg: angles of incidence 0–89.9° (and C itself), for a graph of r
            against i.
        refraction_curve_deg: the angle of refraction for each (NaN beyond C).
    """

    params: BoundaryParams
    reflection_deg: float
    refraction_deg: float
    critical_deg: float | None
    reflectance: float
    incidence_curve_deg: np.ndarray
    refraction_curve_deg: np.ndarray

    @property
    def totally_internally_reflected(self) -> bool:
        """True when there is no refracted ray."""
        return math.isnan(self.refraction_deg)


CURVE_INCIDENCE_DEG = np.linspace(0.0, 89.9, 300)


def trace(params: BoundaryParams | None = None) -> BoundaryResult:
    """Reflect and refract a ray at the boundary described by ``params``."""
    params = BoundaryParams() if params is None else params
    n1, n2 = params.n1, params.n2
    critical = critical_angle_deg(n1, n2) if n1 > n2 else None
    incidence = CURVE_INCIDENCE_DEG
    if critical is not None:  # include the critical angle itself, where r reaches 90°
        incidence = np.sort(np.append(incidence, critical))
    curve = refraction_angle_deg(incidence, n1, n2)
    return BoundaryResult(
        params=params,
        reflection_deg=params.incidence_deg,
        refraction_deg=refraction_angle_deg(params.incidence_deg, n1, n2),
        critical_deg=critical,
        reflectance=reflectance(params.incidence_deg, n1, n2),
        incidence_curve_deg=incidence,
        refraction_curve_deg=curve,
    )


def describe(result: BoundaryResult) -> str:
    """One or two sentences a screen reader can speak about this ray."""
    p = result.params
    start = (
        f"Light going from n = {p.n1:.2f} into n = {p.n2:.2f} meets the boundary at "
        f"{p.incidence_deg:.0f}° to the normal and reflects at {result.reflection_deg:.0f}°."
    )
    if result.totally_internally_reflected:
        return (
            f"{start} That is above the critical angle of {result.critical_deg:.1f}°, so all of it is "
            f"reflected: total internal reflection."
        )
    if p.n2 > p.n1:
        bend = "towards the normal"
    elif p.n2 < p.n1:
        bend = "away from the normal"
    else:
        bend = "not at all"
    critical = (
        f" The critical angle is {result.critical_deg:.1f}°."
        if result.critical_deg is not None else " There is no critical angle going into a denser medium."
    )
    return (
        f"{start} It refracts at {result.refraction_deg:.1f}°, bending {bend}; "
        f"{result.reflectance * 100:.0f}% of the light is reflected.{critical}"
    )


def to_table(result: BoundaryResult) -> Table:
    """Angle of refraction (and sines) against angle of incidence for this boundary."""
    incidence = result.incidence_curve_deg
    refraction = result.refraction_curve_deg
    return Table.from_columns(
        [
            ("angle of incidence", "°", incidence),
            ("angle of refraction", "°", refraction),
            ("sin i", "", np.sin(np.radians(incidence))),
            ("sin r", "", np.sin(np.radians(refraction))),
        ],
        title=f"Refraction from n1 = {result.params.n1:g} into n2 = {result.params.n2:g} (NaN: total internal reflection)",
    )


# ----- thin lenses -----------------------------------------------------------------------

@dataclass(frozen=True)
class LensImage:
    """Where a thin lens puts the image (real-is-positive convention, see module).

    Attributes:
        focal_length_m: f, m (> 0 converging, < 0 diverging).
        object_distance_m: u, m (> 0, a real object).
        image_distance_m: v, m (> 0 real, < 0 virtual, ±inf when u = f).
        magnification: m = −v/u (negative: inverted; |m| > 1: enlarged).
    """

    focal_length_m: float
    object_distance_m: float
    image_distance_m: float
    magnification: float

    @property
    def is_real(self) -> bool:
        """A real image (on the far side of the lens; it can be caught on a screen)."""
        return self.image_distance_m > 0 and math.isfinite(self.image_distance_m)

    @property
    def is_inverted(self) -> bool:
        """Upside down compared with the object."""
        return self.magnification < 0


def image_distance_m(focal_length_m: float, object_distance_m: float) -> float:
    """Image distance v from ``1/f = 1/u + 1/v`` (real-is-positive), m.

    Returns ``math.inf`` when the object is at the focal point (u = f): the rays leave
    parallel and the image is at infinity.

    Raises:
        ValueError: for f = 0 or |f| > 1000 m, or u outside (0, 10000] m.
    """
    f = check_range("focal_length_m", focal_length_m, -1000, 1000, low_open=False, unit="m")
    if f == 0:
        raise ValueError("focal_length_m must be in [-1000, 1000] m and not 0, got 0")
    u = check_range("object_distance_m", object_distance_m, 0, 10000, unit="m")
    if math.isclose(u, f, rel_tol=1e-12):
        return math.inf
    return 1.0 / (1.0 / f - 1.0 / u)


def thin_lens_image(focal_length_m: float, object_distance_m: float) -> LensImage:
    """Image distance and magnification for an object ``object_distance_m`` from a lens."""
    v = image_distance_m(focal_length_m, object_distance_m)
    u = check_range("object_distance_m", object_distance_m, 0, 10000, unit="m")
    magnification = -math.copysign(math.inf, v) if math.isinf(v) else -v / u
    return LensImage(float(focal_length_m), u, v, magnification)


# ----- virtual practical: ray box and glass block ------------------------------------------

# A 180° protractor read to the nearest degree; judging the middle of a ray that is a
# couple of millimetres wide scatters readings by about a degree.
PROTRACTOR = Instrument("protractor", "°", resolution=1.0, random_sd=1.0)
NORMAL_OFFSET_DEG = 2.0  # the normal drawn 2° off perpendicular (systematic error)


def virtual_practical(
    incidence_deg=(10, 20, 30, 40, 50, 60, 70, 80),
    n_block: float = REFRACTIVE_INDICES["crown glass"],
    normal_offset_deg: float = NORMAL_OFFSET_DEG,
    repeats: int = 3,
    seed: int | None = 0,
) -> Table:
    """Simulated ray-box and glass-block results, as a pupil records them.

    The pupil draws a normal, aims the ray box along lines drawn at the listed angles
    of incidence from that normal, marks the ray leaving the block and measures the
    angle of refraction with a protractor (1°, scatter about 1°). The systematic error:
    the normal is drawn ``normal_offset_deg`` off perpendicular, so every angle measured
    from it — incidence and refraction alike — is off by that amount: the true angle of
    incidence is the recorded one minus the offset, and the recorded angle of refraction
    is the true one plus the offset.

    Plotting sin i against sin r gives a straight line of gradient n (through the origin
    without the systematic error).

    Args:
        incidence_deg: angles of incidence the pupil sets, degrees; each in [0, 90) and
            larger than ``normal_offset_deg``.
        n_block: refractive index of the block; [1, 5].
        normal_offset_deg: how far the drawn normal is off, degrees; [-10, 10].
        repeats: readings of r per angle, 1–10.
        seed: random seed (same seed, same class results).

    Raises:
        ValueError: naming the argument and its allowed range.
    """
    angles = np.asarray(incidence_deg, dtype=float)
    if angles.size == 0:
        raise ValueError("incidence_deg must list at least one angle")
    n_block = _check_index("n_block", n_block)
    normal_offset_deg = check_range("normal_offset_deg", normal_offset_deg, -10, 10, low_open=False, unit="degrees")
    repeats = check_count("repeats", repeats, 1, 10)
    for angle in angles:
        _check_angle("incidence_deg", angle)
        _check_angle("incidence_deg minus normal_offset_deg", angle - normal_offset_deg)
    rng = make_rng(seed)
    true_incidence = angles - normal_offset_deg
    true_refraction = refraction_angle_deg(true_incidence, 1.0, n_block)
    readings = PROTRACTOR.read(np.repeat((true_refraction + normal_offset_deg)[:, None], repeats, axis=1), rng)
    mean_refraction = readings.mean(axis=1)
    columns = [("angle of incidence", "°", angles)]
    columns += [(f"angle of refraction, run {i + 1}", "°", readings[:, i]) for i in range(repeats)]
    columns += [
        ("mean angle of refraction", "°", mean_refraction),
        ("sin i", "", np.sin(np.radians(angles))),
        ("sin r", "", np.sin(np.radians(mean_refraction))),
    ]
    return Table.from_columns(columns, title=f"Virtual practical: refraction in a glass block (seed {seed})")


def reflection_practical(
    incidence_deg=(10, 20, 30, 40, 50, 60, 70, 80),
    normal_offset_deg: float = NORMAL_OFFSET_DEG,
    repeats: int = 3,
    seed: int | None = 0,
) -> Table:
    """Simulated ray-box and plane-mirror results (the reflection half of the AQA physics
    light required practical), as a pupil records them.

    The pupil aims the ray along lines drawn at the listed angles from a drawn normal,
    marks the reflected ray and measures its angle from the same normal with a
    protractor (1°, scatter about 1°). The law of reflection makes the true angles
    equal. The systematic error: a normal drawn ``normal_offset_deg`` off perpendicular
    adds the offset to the true incidence side and takes it from the reflection side, so
    every recorded angle of reflection is ``2 × normal_offset_deg`` smaller than the
    recorded angle of incidence: a constant gap, the signature of a misdrawn normal.

    Args:
        incidence_deg: angles the pupil sets from the drawn normal, degrees; each in
            [0, 90) and with ``angle − 2 × normal_offset_deg`` in [0, 90).
        normal_offset_deg: how far the drawn normal is off, degrees; [-10, 10].
        repeats: readings of the reflected angle per angle, 1–10.
        seed: random seed (same seed, same class results).

    Raises:
        ValueError: naming the argument and its allowed range.
    """
    angles = np.asarray(incidence_deg, dtype=float)
    if angles.size == 0:
        raise ValueError("incidence_deg must list at least one angle")
    normal_offset_deg = check_range("normal_offset_deg", normal_offset_deg, -10, 10, low_open=False, unit="degrees")
    repeats = check_count("repeats", repeats, 1, 10)
    for angle in angles:
        _check_angle("incidence_deg", angle)
        _check_angle("incidence_deg minus twice normal_offset_deg", angle - 2.0 * normal_offset_deg)
    rng = make_rng(seed)
    recorded_reflection = angles - 2.0 * normal_offset_deg  # true i = true r = angle − offset
    readings = PROTRACTOR.read(np.repeat(recorded_reflection[:, None], repeats, axis=1), rng)
    columns = [("angle of incidence", "°", angles)]
    columns += [(f"angle of reflection, run {i + 1}", "°", readings[:, i]) for i in range(repeats)]
    columns += [("mean angle of reflection", "°", readings.mean(axis=1))]
    return Table.from_columns(columns, title=f"Virtual practical: reflection from a plane mirror (seed {seed})")
