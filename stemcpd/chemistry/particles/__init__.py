"""States of matter: heating and cooling curves with latent heat, and a particle picture.

Public model API (no plotting or widget libraries are imported here):
:class:`ParticlesParams`, :func:`simulate`, :func:`stages`, :func:`state_at`,
:func:`particle_positions`, :func:`describe`, :func:`to_table`,
:func:`virtual_practical`, :func:`plateau_temperature_c`, :func:`integrate_energy`,
:func:`hand_calculation_energy_j` and the material data :data:`SUBSTANCES`. The view
lives in :mod:`stemcpd.chemistry.particles.view` and the app in
:mod:`stemcpd.chemistry.particles.app`.
"""

from .model import (
    BOILING,
    EXPERIMENTS,
    SUBSTANCE_NAMES,
    GAS,
    LIQUID,
    MELTING,
    SOLID,
    SUBSTANCES,
    ParticlesParams,
    ParticlesRun,
    Stage,
    StateAt,
    Substance,
    describe,
    hand_calculation_energy_j,
    integrate_energy,
    lagged_temperature_c,
    particle_positions,
    plateau_temperature_c,
    simulate,
    stages,
    state_at,
    substance,
    temperature_at,
    to_table,
    virtual_practical,
)

__all__ = [
    "BOILING", "EXPERIMENTS", "SUBSTANCE_NAMES", "GAS", "LIQUID", "MELTING", "SOLID", "SUBSTANCES",
    "ParticlesParams", "ParticlesRun", "Stage", "StateAt", "Substance",
    "describe", "hand_calculation_energy_j", "integrate_energy", "lagged_temperature_c",
    "particle_positions", "plateau_temperature_c", "simulate", "stages", "state_at",
    "substance", "temperature_at", "to_table", "virtual_practical",
]
