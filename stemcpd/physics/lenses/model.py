"""Ray diagrams for a thin lens: where the image forms, how big, which way up, and the
three construction rays GCSE ray diagrams use.

Physics (MODEL.md beside this file is the teacher's version):

* A thin lens sits at x = 0 with its principal axis along y = 0. The object is an upright
  arrow of height ``h`` standing on the axis a distance ``u`` to the left (x = −u).
* Sign convention, as :mod:`stemcpd.physics.optics` ("real is positive"): f > 0 for a
  converging (convex) lens, f < 0 for a diverging (concave) lens; image distance v > 0
  for a real image (right of the lens), v < 0 for a virtual one (left of the lens). The
  lens equation ``1/f = 1/u + 1/v`` is beyond GCSE (A level); GCSE pupils find the
  image by drawing.
* Each ray is bent at the lens plane by the paraxial rule ``slope_out = slope_in − y/f``
  (y the height where it meets the lens). The three construction rays are:
  1. parallel to the axis, then through (converging) or away from (diverging) the
     principal focus on the far side;
  2. through the centre of the lens, undeviated;
  3. towards the principal focus on the near side (converging; for a diverging lens,
     towards the far-side focus), then parallel to the axis.
* Magnification (AQA physics equation sheet): magnification = image height ÷ object
  height, a ratio without units. Signed, ``m = −v/u``: negative means inverted.

Limits: thin lens, paraxial rays (all rays bend at one plane, as GCSE diagrams draw
them), one wavelength, no aberrations. When u = f the rays leave parallel and no image
forms (it is "at infinity").
"""

from __future__ import annotations

from dataclasses import dataclass
import math

import numpy as np

from stemcpd.physics.optics.model import LensImage, thin_lens_image
from stemcpd.table import Table
from stemcpd.validation import check_range

DIAGRAM_RIGHT_M = 1.0  # rays are drawn out to this x (m)
DIAGRAM_LEFT_M = -0.7


@dataclass(frozen=True)
class LensParams:
    """An object in front of a thin lens. Validated on creation.

    Attributes:
        object_distance_m: u, distance from the object to the lens, in metres (m); (0, 5].
        focal_length_m: f, in metres (m); [−2, 2] but not 0; positive for a converging
            (convex) lens, negative for a diverging (concave) lens.
        object_height_m: height of the object arrow, in metres (m); (0, 1].
    """

    object_distance_m: float = 0.30
    focal_length_m: float = 0.10
    object_height_m: float = 0.03

    def __post_init__(self):
        checks = {
            "object_distance_m": check_range("object_distance_m", self.object_distance_m, 0, 5, unit="m"),
            "focal_length_m": check_range("focal_length_m", self.focal_length_m, -2, 2, low_open=False, unit="m"),
            "object_height_m": check_range("object_height_m", self.object_height_m, 0, 1, unit="m"),
        }
        if checks["focal_length_m"] == 0:
            raise ValueError("focal_length_m must be in [-2, 2] m and not 0, got 0")
        for name, value in checks.items():
            object.__setattr__(self, name, value)

    @property
    def lens_kind(self) -> str:
        """``"converging"`` or ``"diverging"``."""
        return "converging" if self.focal_length_m > 0 else "diverging"


@dataclass(frozen=True)
class Ray:
    """One construction ray: the part before the lens, the part after it, and (for a
    virtual image) the dashed extension back from the lens to the image.

    Attributes:
        name: what the ray does, in words.
        before_xy: (2, 2) array, object tip to the lens, m.
        after_xy: (2, 2) array, lens to the edge of the diagram, m.
        virtual_xy: (2, 2) array, lens back to the virtual image, m; empty if none.
    """

    name: str
    before_xy: np.ndarray
    after_xy: np.ndarray
    virtual_xy: np.ndarray


@dataclass(frozen=True)
class LensDiagram:
    """The image and the construction rays for one object and lens.

    Attributes:
        params: the object and lens.
        image: the :class:`~stemcpd.physics.optics.model.LensImage` (v and signed m).
        rays: the construction rays (two when the object is at the focal point).
    """

    params: LensParams
    image: LensImage
    rays: tuple

    @property
    def image_forms(self) -> bool:
        """False when the object is at the focal point (image at infinity)."""
        return math.isfinite(self.image.image_distance_m)

    @property
    def image_height_m(self) -> float:
        """Signed image height, m (negative: inverted)."""
        return self.image.magnification * self.params.object_height_m

    @property
    def size_ratio(self) -> float:
        """Magnification as AQA defines it: image height ÷ object height (no sign)."""
        return abs(self.image.magnification)

    @property
    def nature(self) -> str:
        """The image in words, e.g. ``"real, inverted, magnified"``."""
        if not self.image_forms:
            return "no image (the rays leave parallel)"
        size = "magnified" if self.size_ratio > 1 + 1e-9 else ("diminished" if self.size_ratio < 1 - 1e-9 else "the same size")
        return f"{'real' if self.image.is_real else 'virtual'}, {'inverted' if self.image.is_inverted else 'upright'}, {size}"


def _ray(name: str, start_y: float, slope_in: float, params: LensParams) -> Ray:
    u, f = params.object_distance_m, params.focal_length_m
    lens_y = start_y + slope_in * u
    slope_out = slope_in - lens_y / f
    before = np.array([[-u, start_y], [0.0, lens_y]])
    after = np.array([[0.0, lens_y], [DIAGRAM_RIGHT_M, lens_y + slope_out * DIAGRAM_RIGHT_M]])
    v = thin_lens_image(f, u).image_distance_m
    if math.isfinite(v) and v < 0:  # a virtual image: the refracted ray appears to come from it
        virtual = np.array([[0.0, lens_y], [v, lens_y + slope_out * v]])
    else:
        virtual = np.empty((0, 2))
    return Ray(name, before, after, virtual)


def trace(params: LensParams | None = None) -> LensDiagram:
    """The image and the construction rays for ``params``.

    Raises:
        ValueError: naming the parameter and its allowed range (through :class:`LensParams`).
    """
    params = LensParams() if params is None else params
    u, f, h = params.object_distance_m, params.focal_length_m, params.object_height_m
    image = thin_lens_image(f, u)
    far = "through the far principal focus" if f > 0 else "as if from the principal focus on the object's side"
    rays = [
        _ray(f"parallel to the axis, then {far}", h, 0.0, params),
        _ray("through the centre of the lens, undeviated", h, -h / u, params),
    ]
    if not math.isclose(u, f, rel_tol=1e-12):
        toward = "through the near principal focus" if f > 0 else "towards the far principal focus"
        rays.append(_ray(f"{toward}, then parallel to the axis", h, -h / (u - f), params))
    return LensDiagram(params, image, tuple(rays))


def magnification(image_height_m: float, object_height_m: float) -> float:
    """AQA: magnification = image height ÷ object height (a ratio, no unit).

    Raises:
        ValueError: if either height is not in (0, 1000] m.
    """
    image_height_m = check_range("image_height_m", image_height_m, 0, 1000, unit="m")
    object_height_m = check_range("object_height_m", object_height_m, 0, 1000, unit="m")
    return image_height_m / object_height_m


def _cm(value_m: float) -> str:
    return f"{abs(value_m) * 100:.1f} cm"


def describe(diagram: LensDiagram) -> str:
    """One or two sentences a screen reader can speak about the ray diagram."""
    p = diagram.params
    text = (
        f"An object {_cm(p.object_height_m)} tall stands {_cm(p.object_distance_m)} from a {p.lens_kind} lens "
        f"of focal length {_cm(p.focal_length_m)}. "
    )
    if not diagram.image_forms:
        return text + "It is at the principal focus, so the rays leave the lens parallel and no image forms."
    v = diagram.image.image_distance_m
    where = f"{_cm(v)} {'beyond the lens, where a screen can catch it' if v > 0 else 'in front of the lens, on the same side as the object: seen by looking through the lens'}"
    return text + (
        f"The image is {diagram.nature}: {_cm(diagram.image_height_m)} tall, {where}. "
        f"Magnification {diagram.size_ratio:.2f}."
    )


def to_table(diagram: LensDiagram) -> Table:
    """Image distance and magnification for object distances from 0.5 f to 5 f with this lens
    (the table behind "move the object towards the lens")."""
    f = diagram.params.focal_length_m
    distances = np.array([0.5, 0.75, 1.25, 1.5, 2.0, 3.0, 4.0, 5.0]) * abs(f)
    images = [thin_lens_image(f, u) for u in distances]
    return Table.from_columns(
        [("object distance", "m", distances),
         ("image distance (negative: virtual)", "m", np.array([image.image_distance_m for image in images])),
         ("magnification (negative: inverted)", "", np.array([image.magnification for image in images]))],
        title=f"{diagram.params.lens_kind.capitalize()} lens, f = {f:g} m",
    )
