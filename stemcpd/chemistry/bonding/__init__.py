"""Bonding, structure and properties: four structure types, published melting and
boiling points, states at any temperature and when each substance conducts.

Public model API (no plotting or widget libraries are imported here):
:func:`examine`, :func:`describe`, :func:`to_table`, :func:`state_at`,
:func:`conducts`, :func:`structure_summary`, :class:`BondingParams`,
:class:`BondingRun`, :data:`SUBSTANCES`, :data:`SUBSTANCE_NAMES` (what
:attr:`BondingParams.substance` takes). The view lives in
:mod:`stemcpd.chemistry.bonding.view` and the app in :mod:`stemcpd.chemistry.bonding.app`.
"""

from .model import (
    STRUCTURES,
    SUBSTANCE_NAMES,
    SUBSTANCES,
    TEMPERATURE_PRESETS_C,
    BondingParams,
    BondingRun,
    Substance,
    conducts,
    covalent_bonds_formed,
    cube_surface_area_to_volume,
    describe,
    examine,
    state_at,
    structure_summary,
    surface_area_to_volume_increase,
    to_table,
)

__all__ = [
    "STRUCTURES",
    "SUBSTANCE_NAMES",
    "SUBSTANCES",
    "TEMPERATURE_PRESETS_C",
    "BondingParams",
    "BondingRun",
    "Substance",
    "conducts",
    "covalent_bonds_formed",
    "cube_surface_area_to_volume",
    "describe",
    "examine",
    "state_at",
    "structure_summary",
    "surface_area_to_volume_increase",
    "to_table",
]
