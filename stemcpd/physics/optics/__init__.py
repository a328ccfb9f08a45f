"""Optics: reflection, refraction (Snell's law), total internal reflection and the
critical angle, thin lenses, and the GCSE light required practical (ray box and glass
block).

Public model API (no plotting or widget libraries are imported here):
:func:`refraction_angle_deg`, :func:`critical_angle_deg`,
:func:`is_totally_internally_reflected`, :func:`reflectance`, :class:`BoundaryParams`,
:class:`BoundaryResult`, :func:`trace`, :func:`describe`, :func:`to_table`,
:func:`image_distance_m`, :func:`thin_lens_image`, :class:`LensImage`,
:func:`virtual_practical`, :func:`reflection_practical`, :data:`REFRACTIVE_INDICES`. The view lives in
:mod:`stemcpd.physics.optics.view` and the app in :mod:`stemcpd.physics.optics.app`.
"""

from .model import (
    NORMAL_OFFSET_DEG,
    REFRACTIVE_INDICES,
    BoundaryParams,
    BoundaryResult,
    LensImage,
    critical_angle_deg,
    describe,
    image_distance_m,
    is_totally_internally_reflected,
    reflectance,
    reflection_practical,
    refraction_angle_deg,
    thin_lens_image,
    to_table,
    trace,
    virtual_practical,
)

__all__ = [
    "NORMAL_OFFSET_DEG",
    "REFRACTIVE_INDICES",
    "BoundaryParams",
    "BoundaryResult",
    "LensImage",
    "critical_angle_deg",
    "describe",
    "image_distance_m",
    "is_totally_internally_reflected",
    "reflectance",
    "reflection_practical",
    "refraction_angle_deg",
    "thin_lens_image",
    "to_table",
    "trace",
    "virtual_practical",
]
