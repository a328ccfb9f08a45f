"""Stopping distance: thinking distance (speed × reaction time) plus braking distance
(v²/2a), with road conditions setting the largest deceleration.

Public model API (no plotting or widget libraries are imported here):
:class:`StoppingParams`, :class:`StoppingRun`, :func:`simulate`,
:func:`thinking_distance_m`, :func:`braking_distance_m`, :func:`stopping_distance_m`,
:func:`braking_force_n`, :func:`mph_to_m_s`, :func:`reaction_time_from_ruler_drop_s`, :func:`ruler_drop_practical`, :func:`speed_table`, :func:`describe`,
:func:`to_table`, :data:`ROAD_GRIP`, :data:`HIGHWAY_CODE_M`. The view lives in
:mod:`stemcpd.physics.stopping.view` and the app in :mod:`stemcpd.physics.stopping.app`.
"""

from .model import (
    GRAVITY_N_KG,
    HIGHWAY_CODE_M,
    ROAD_GRIP,
    StoppingParams,
    StoppingRun,
    braking_distance_m,
    braking_force_n,
    describe,
    mph_to_m_s,
    reaction_time_from_ruler_drop_s,
    ruler_drop_practical,
    simulate,
    speed_table,
    stopping_distance_m,
    thinking_distance_m,
    to_table,
)

__all__ = [
    "GRAVITY_N_KG",
    "HIGHWAY_CODE_M",
    "ROAD_GRIP",
    "StoppingParams",
    "StoppingRun",
    "braking_distance_m",
    "braking_force_n",
    "describe",
    "mph_to_m_s",
    "reaction_time_from_ruler_drop_s",
    "ruler_drop_practical",
    "simulate",
    "speed_table",
    "stopping_distance_m",
    "thinking_distance_m",
    "to_table",
]
