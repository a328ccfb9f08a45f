"""The greenhouse effect as an energy balance: 255 K with no greenhouse gases, about
288 K with them (a one-layer model), and the no-feedback warming from more carbon
dioxide.

Public model API (no plotting or widget libraries are imported here):
:func:`balance`, :func:`describe`, :func:`to_table`, :func:`effective_temperature_k`,
:func:`one_layer_surface_temperature_k`, :func:`co2_forcing_w_m2`,
:func:`absorptivity_for`, :func:`warming_for_co2_k`, :class:`GreenhouseParams`,
:class:`GreenhouseRun`. The view lives in :mod:`stemcpd.chemistry.greenhouse.view` and
the app in :mod:`stemcpd.chemistry.greenhouse.app`.
"""

from .model import (
    ATMOSPHERE_REACTIONS,
    DRY_AIR_PERCENT,
    EARTH_ALBEDO,
    PRE_INDUSTRIAL_ABSORPTIVITY,
    SOLAR_CONSTANT_W_M2,
    STEFAN_BOLTZMANN_W_M2_K4,
    GreenhouseParams,
    GreenhouseRun,
    absorptivity_for,
    balance,
    co2_forcing_w_m2,
    describe,
    effective_temperature_k,
    one_layer_surface_temperature_k,
    ppm_to_percent,
    to_table,
    warming_for_co2_k,
)

__all__ = [
    "ATMOSPHERE_REACTIONS",
    "DRY_AIR_PERCENT",
    "EARTH_ALBEDO",
    "PRE_INDUSTRIAL_ABSORPTIVITY",
    "SOLAR_CONSTANT_W_M2",
    "STEFAN_BOLTZMANN_W_M2_K4",
    "GreenhouseParams",
    "GreenhouseRun",
    "absorptivity_for",
    "balance",
    "co2_forcing_w_m2",
    "describe",
    "effective_temperature_k",
    "one_layer_surface_temperature_k",
    "ppm_to_percent",
    "to_table",
    "warming_for_co2_k",
]
