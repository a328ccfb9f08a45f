"""Newton's second law: a trolley pulled by a hanging mass and timed by light gates
(GCSE required practical), and terminal velocity of a falling object.

Public model API (no plotting or widget libraries are imported here):
:func:`acceleration`, :func:`light_gate_time`, :func:`simulate`, :func:`describe`,
:func:`to_table`, :func:`virtual_practical`, :class:`TrolleyParams`, :class:`TrolleyRun`;
and for a falling object :func:`terminal_velocity`, :func:`falling_speed`,
:func:`falling_distance`, :func:`simulate_fall`, :func:`describe_fall`,
:func:`fall_to_table`, :class:`FallRun`. The view lives in
:mod:`stemcpd.physics.motion.view` and the interactive app in
:mod:`stemcpd.physics.motion.app`.
"""

from .model import (
    LIGHT_GATE,
    UNCOMPENSATED_FRICTION_N,
    FallRun,
    TrolleyParams,
    TrolleyRun,
    acceleration,
    describe,
    describe_fall,
    fall_to_table,
    falling_distance,
    falling_speed,
    light_gate_time,
    simulate,
    simulate_fall,
    terminal_velocity,
    to_table,
    virtual_practical,
)

__all__ = [
    "LIGHT_GATE",
    "UNCOMPENSATED_FRICTION_N",
    "FallRun",
    "TrolleyParams",
    "TrolleyRun",
    "acceleration",
    "describe",
    "describe_fall",
    "fall_to_table",
    "falling_distance",
    "falling_speed",
    "light_gate_time",
    "simulate",
    "simulate_fall",
    "terminal_velocity",
    "to_table",
    "virtual_practical",
]
