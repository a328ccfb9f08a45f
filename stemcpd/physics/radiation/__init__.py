"""Infrared radiation from surfaces: the Leslie cube, the Stefan–Boltzmann law, Wien's
law, and cooling by radiation compared with Newton's law of cooling.

Public model API (no plotting or widget libraries are imported here):
:func:`emitted_power_w`, :func:`net_radiated_power_w`, :func:`black_body_exitance_w_m2`,
:func:`peak_wavelength_m`, :func:`planck_spectral_exitance`,
:func:`linearised_heat_loss_w_per_k`, :func:`exact_cooling_time_s`, :func:`simulate`,
:func:`virtual_practical`, :func:`describe`, :func:`to_table`, :func:`power_table`,
:class:`RadiationParams`, :class:`RadiationRun`. The view lives in
:mod:`stemcpd.physics.radiation.view` and the interactive app in
:mod:`stemcpd.physics.radiation.app`.
"""

from .model import (
    BOLTZMANN_J_K,
    EMISSIVITY_RANGES,
    PLANCK_J_S,
    SPEED_OF_LIGHT_M_S,
    STEFAN_BOLTZMANN_W_M2_K4,
    SURFACE_EMISSIVITIES,
    WIEN_DISPLACEMENT_M_K,
    ZERO_CELSIUS_K,
    RadiationParams,
    RadiationRun,
    black_body_exitance_w_m2,
    default_time_step,
    describe,
    emitted_power_w,
    exact_cooling_time_s,
    linearised_heat_loss_w_per_k,
    net_radiated_power_w,
    peak_wavelength_m,
    planck_spectral_exitance,
    power_table,
    radiation_sensor,
    simulate,
    to_kelvin,
    to_table,
    virtual_practical,
)

__all__ = [
    "BOLTZMANN_J_K",
    "EMISSIVITY_RANGES",
    "PLANCK_J_S",
    "SPEED_OF_LIGHT_M_S",
    "STEFAN_BOLTZMANN_W_M2_K4",
    "SURFACE_EMISSIVITIES",
    "WIEN_DISPLACEMENT_M_K",
    "ZERO_CELSIUS_K",
    "RadiationParams",
    "RadiationRun",
    "black_body_exitance_w_m2",
    "default_time_step",
    "describe",
    "emitted_power_w",
    "exact_cooling_time_s",
    "linearised_heat_loss_w_per_k",
    "net_radiated_power_w",
    "peak_wavelength_m",
    "planck_spectral_exitance",
    "power_table",
    "radiation_sensor",
    "simulate",
    "to_kelvin",
    "to_table",
    "virtual_practical",
]
