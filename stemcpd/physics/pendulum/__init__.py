"""The simple pendulum: exact period at any amplitude, damping, and energy stores.

Public model API (no plotting or widget libraries are imported here):
:func:`period`, :func:`small_angle_period`, :func:`simulate`, :func:`describe`,
:class:`PendulumParams`, :class:`PendulumRun`. The view lives in
:mod:`stemcpd.physics.pendulum.view` and the interactive app in
:mod:`stemcpd.physics.pendulum.app`.
"""

from .model import (
    GRAVITY_PRESETS_M_S2,
    PendulumParams,
    PendulumRun,
    describe,
    exact_undamped_angle,
    measured_periods,
    period,
    period_ratio,
    period_table,
    simulate,
    small_angle_period,
    to_table,
    virtual_practical,
)

__all__ = [
    "GRAVITY_PRESETS_M_S2",
    "PendulumParams",
    "PendulumRun",
    "describe",
    "exact_undamped_angle",
    "measured_periods",
    "period",
    "period_ratio",
    "period_table",
    "simulate",
    "small_angle_period",
    "to_table",
    "virtual_practical",
]
