"""Analysing and purifying water (AQA required practical 8): distillation as a mass
balance, the energy it costs, and dissolved solids by evaporation.

Public model API (no plotting or widget libraries are imported here):
:func:`distil`, :func:`describe`, :func:`to_table`, :func:`virtual_practical`,
:func:`distillation_energy_j_per_kg`, :func:`distillation_energy_kj`,
:func:`dissolved_solids_g_dm3`, :func:`dried_residue_relative_uncertainty`,
:class:`WaterParams`, :class:`WaterRun`, :data:`SOURCES`, :data:`SOURCE_NAMES`. The view lives
in :mod:`stemcpd.chemistry.water.view` and the app in :mod:`stemcpd.chemistry.water.app`.
"""

from .model import (
    BALANCE,
    REVERSE_OSMOSIS_KWH_PER_M3,
    SODIUM_CHLORIDE_SOLUBILITY_G_PER_100G,
    SOURCE_NAMES,
    SOURCES,
    WaterParams,
    WaterRun,
    WaterSource,
    describe,
    dissolved_solids_g_dm3,
    distil,
    distillation_energy_j_per_kg,
    distillation_energy_kj,
    dried_residue_relative_uncertainty,
    to_table,
    virtual_practical,
)

__all__ = [
    "BALANCE",
    "REVERSE_OSMOSIS_KWH_PER_M3",
    "SODIUM_CHLORIDE_SOLUBILITY_G_PER_100G",
    "SOURCE_NAMES",
    "SOURCES",
    "WaterParams",
    "WaterRun",
    "WaterSource",
    "describe",
    "dissolved_solids_g_dm3",
    "distil",
    "distillation_energy_j_per_kg",
    "distillation_energy_kj",
    "dried_residue_relative_uncertainty",
    "to_table",
    "virtual_practical",
]
