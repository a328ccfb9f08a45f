"""Kinetic model of a gas: hard discs in a box, pressure from wall impulses, the gas
laws and the 2D Maxwell–Boltzmann speed distribution.

Public model API (no plotting or widget libraries are imported here): :class:`GasParams`,
:class:`GasState`, :class:`GasRun`, :func:`initial_state`, :func:`step`, :func:`advance`,
:func:`simulate`, :func:`overlapping_pairs`, :func:`ideal_gas_pressure`,
:func:`hard_disc_pressure`, :func:`hard_disc_compressibility`,
:func:`maxwell_boltzmann_2d`, :func:`maxwell_boltzmann_2d_cdf`, :func:`ks_distance`,
:func:`describe`, :func:`to_table`, :func:`pressure_table`,
:func:`wall_pressure_uncertainty`. The view is
:mod:`stemcpd.physics.gas.view`, the app :mod:`stemcpd.physics.gas.app`.
"""

from .model import (
    ARGON_DIAMETER_NM,
    ARGON_MASS_KG,
    BOLTZMANN_J_K,
    GasParams,
    GasRun,
    GasState,
    advance,
    default_time_step_ps,
    describe,
    hard_disc_compressibility,
    hard_disc_pressure,
    ideal_gas_pressure,
    initial_state,
    ks_distance,
    maxwell_boltzmann_2d,
    maxwell_boltzmann_2d_cdf,
    minimum_box_side_nm,
    overlapping_pairs,
    pressure_table,
    simulate,
    step,
    to_table,
    wall_pressure_uncertainty,
)

__all__ = [
    "ARGON_DIAMETER_NM",
    "ARGON_MASS_KG",
    "BOLTZMANN_J_K",
    "GasParams",
    "GasRun",
    "GasState",
    "advance",
    "default_time_step_ps",
    "describe",
    "hard_disc_compressibility",
    "hard_disc_pressure",
    "ideal_gas_pressure",
    "initial_state",
    "ks_distance",
    "maxwell_boltzmann_2d",
    "maxwell_boltzmann_2d_cdf",
    "minimum_box_side_nm",
    "overlapping_pairs",
    "pressure_table",
    "simulate",
    "step",
    "to_table",
    "wall_pressure_uncertainty",
]
