"""Energy stores and transfers: a block sliding on a skate-park track (ramp, floor,
ramp) with friction — gravitational potential ⇄ kinetic → thermal, and efficiency.

Public model API (no plotting or widget libraries are imported here):
:class:`TrackParams`, :class:`TrackRun`, :func:`simulate`, :func:`track_shape`,
:func:`first_descent_efficiency`, :func:`describe`, :func:`to_table`. The view is
:mod:`stemcpd.physics.energy.view`, the app :mod:`stemcpd.physics.energy.app`.
"""

from .model import (
    TrackParams,
    TrackRun,
    describe,
    first_descent_efficiency,
    simulate,
    to_table,
    track_shape,
)

__all__ = [
    "TrackParams",
    "TrackRun",
    "describe",
    "first_descent_efficiency",
    "simulate",
    "to_table",
    "track_shape",
]
