"""Momentum in collisions: two trolleys on a track, elastic to sticking together.

Public model API (no plotting or widget libraries are imported here):
:class:`CollisionParams`, :class:`CollisionRun`, :func:`collide`, :func:`momentum`,
:func:`velocities_after`, :func:`stuck_together_velocity`, :func:`average_force_n`,
:func:`describe`, :func:`to_table`. The view lives in
:mod:`stemcpd.physics.collisions.view` and the app in :mod:`stemcpd.physics.collisions.app`.
"""

from .model import (
    CollisionParams,
    CollisionRun,
    average_force_n,
    collide,
    describe,
    momentum,
    stuck_together_velocity,
    to_table,
    velocities_after,
)

__all__ = [
    "CollisionParams",
    "CollisionRun",
    "average_force_n",
    "collide",
    "describe",
    "momentum",
    "stuck_together_velocity",
    "to_table",
    "velocities_after",
]
