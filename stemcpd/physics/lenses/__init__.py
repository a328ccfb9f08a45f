"""Lenses: ray diagrams for a thin converging or diverging lens, the image's position,
size and nature, and magnification.

Public model API (no plotting or widget libraries are imported here):
:class:`LensParams`, :class:`LensDiagram`, :class:`Ray`, :func:`trace`,
:func:`magnification`, :func:`describe`, :func:`to_table`. The lens equation itself is
:func:`stemcpd.physics.optics.image_distance_m`. The view lives in
:mod:`stemcpd.physics.lenses.view` and the app in :mod:`stemcpd.physics.lenses.app`.
"""

from .model import LensDiagram, LensParams, Ray, describe, magnification, to_table, trace

__all__ = ["LensDiagram", "LensParams", "Ray", "describe", "magnification", "to_table", "trace"]
