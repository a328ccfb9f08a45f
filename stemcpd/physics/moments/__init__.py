"""Moments: a see-saw and the principle of moments.

Public model API (no plotting or widget libraries are imported here):
:class:`SeesawParams`, :class:`SeesawResult`, :func:`balance`, :func:`moment_n_m`,
:func:`balancing_distance_m`, :func:`describe`, :func:`to_table`. The view lives in
:mod:`stemcpd.physics.moments.view` and the app in :mod:`stemcpd.physics.moments.app`.
"""

from .model import (
    BEAM_HALF_LENGTH_M,
    GRAVITY_N_KG,
    SeesawParams,
    SeesawResult,
    balance,
    balancing_distance_m,
    describe,
    moment_n_m,
    to_table,
)

__all__ = [
    "BEAM_HALF_LENGTH_M",
    "GRAVITY_N_KG",
    "SeesawParams",
    "SeesawResult",
    "balance",
    "balancing_distance_m",
    "describe",
    "moment_n_m",
    "to_table",
]
