"""Waves: travelling and standing waves on a string, v = fλ, superposition, and the
GCSE waves required practical (ripple tank and vibrating string).

Public model API (no plotting or widget libraries are imported here):
:class:`WaveParams`, :class:`WaveRun`, :func:`simulate`, :func:`string_wave_speed`,
:func:`wave_speed`, :func:`harmonic_frequency`, :func:`node_positions`,
:func:`antinode_positions`, :func:`travelling_wave`, :func:`standing_wave`,
:func:`describe`, :func:`to_table`, :func:`harmonics_table`,
:func:`ripple_tank_practical`, :func:`string_practical`. The view lives in
:mod:`stemcpd.physics.waves.view` and the app in :mod:`stemcpd.physics.waves.app`.
"""

from .model import (
    GENERATOR_DIAL_SCALE_ERROR,
    RIPPLE_TANK_MAGNIFICATION,
    WaveParams,
    WaveRun,
    antinode_positions,
    describe,
    harmonic_frequency,
    harmonics_table,
    node_positions,
    ripple_tank_practical,
    simulate,
    standing_wave,
    string_practical,
    string_wave_speed,
    to_table,
    travelling_wave,
    wave_speed,
)

virtual_practical = ripple_tank_practical  # the name every sim with a practical exports

__all__ = [
    "GENERATOR_DIAL_SCALE_ERROR",
    "RIPPLE_TANK_MAGNIFICATION",
    "WaveParams",
    "WaveRun",
    "antinode_positions",
    "describe",
    "harmonic_frequency",
    "harmonics_table",
    "node_positions",
    "ripple_tank_practical",
    "simulate",
    "standing_wave",
    "string_practical",
    "string_wave_speed",
    "to_table",
    "travelling_wave",
    "virtual_practical",
]
