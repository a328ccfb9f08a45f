"""Projectile motion over level ground, with optional air resistance (drag ∝ speed²).

Public model API (no plotting or widget libraries are imported here):
:func:`flight`, :func:`simulate`, :func:`vacuum_flight`, :func:`describe`,
:func:`to_table`, :class:`ProjectileParams`, :class:`Flight`. The view lives in
:mod:`stemcpd.physics.projectile.view` and the interactive app in
:mod:`stemcpd.physics.projectile.app`.
"""

from .model import (
    GRAVITY_PRESETS_M_S2,
    Flight,
    ProjectileParams,
    describe,
    flight,
    simulate,
    to_table,
    vacuum_flight,
)

__all__ = [
    "GRAVITY_PRESETS_M_S2",
    "Flight",
    "ProjectileParams",
    "describe",
    "flight",
    "simulate",
    "to_table",
    "vacuum_flight",
]
