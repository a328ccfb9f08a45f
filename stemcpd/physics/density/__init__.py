"""Density of regular and irregular solids and of liquids (ρ = m/V), floating and sinking.

Public model API (no plotting or widget libraries are imported here):
:func:`density`, :func:`cuboid_volume`, :func:`fraction_submerged`, :func:`floats`,
:func:`displaced_volume_m3`, :func:`analyse`, :func:`mass_volume_line`,
:func:`virtual_practical` (and its three parts), :func:`describe`, :func:`to_table`,
:class:`BlockParams`, :class:`BlockResult`. The view lives in
:mod:`stemcpd.physics.density.view` and the interactive app in
:mod:`stemcpd.physics.density.app`.
"""

from .model import (
    LIQUID_DENSITIES_KG_M3,
    MATERIAL_DENSITIES_KG_M3,
    MENISCUS_OFFSET_CM3,
    RULER,
    WATER_DENSITY_4C_KG_M3,
    WATER_DENSITY_20C_KG_M3,
    BlockParams,
    BlockResult,
    analyse,
    balance,
    cuboid_volume,
    density,
    describe,
    displaced_volume_m3,
    floats,
    fraction_submerged,
    mass_volume_line,
    measuring_cylinder,
    to_table,
    virtual_practical,
    virtual_practical_irregular,
    virtual_practical_liquid,
    virtual_practical_regular,
)

__all__ = [
    "LIQUID_DENSITIES_KG_M3",
    "MATERIAL_DENSITIES_KG_M3",
    "MENISCUS_OFFSET_CM3",
    "RULER",
    "WATER_DENSITY_4C_KG_M3",
    "WATER_DENSITY_20C_KG_M3",
    "BlockParams",
    "BlockResult",
    "analyse",
    "balance",
    "cuboid_volume",
    "density",
    "describe",
    "displaced_volume_m3",
    "floats",
    "fraction_submerged",
    "mass_volume_line",
    "measuring_cylinder",
    "to_table",
    "virtual_practical",
    "virtual_practical_irregular",
    "virtual_practical_liquid",
    "virtual_practical_regular",
]
