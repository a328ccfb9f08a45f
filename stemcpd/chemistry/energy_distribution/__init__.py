"""Maxwell–Boltzmann speeds and energies, and the fraction of molecules with at least the
activation energy: the effect of temperature and of a catalyst.

Public model API (no plotting or widget libraries are imported here):
:func:`maxwell_boltzmann_pdf`, :func:`energy_pdf`, :func:`fraction_above`,
:func:`most_probable_speed`, :func:`mean_speed`, :func:`rms_speed`,
:func:`speed_for_energy`, :func:`simulate`, :func:`describe`, :func:`to_table`,
:class:`EnergyDistributionParams`, :class:`EnergyDistribution`. The view is
:mod:`stemcpd.chemistry.energy_distribution.view`, the app
:mod:`stemcpd.chemistry.energy_distribution.app`.
"""

from .model import (
    GAS_CONSTANT_J_MOL_K,
    MOLAR_MASS_PRESETS_G_MOL,
    EnergyDistribution,
    EnergyDistributionParams,
    describe,
    energy_pdf,
    format_fraction,
    fraction_above,
    maxwell_boltzmann_pdf,
    mean_speed,
    most_probable_speed,
    rms_speed,
    simulate,
    speed_for_energy,
    to_table,
)

__all__ = [
    "GAS_CONSTANT_J_MOL_K",
    "MOLAR_MASS_PRESETS_G_MOL",
    "EnergyDistribution",
    "EnergyDistributionParams",
    "describe",
    "energy_pdf",
    "format_fraction",
    "fraction_above",
    "maxwell_boltzmann_pdf",
    "mean_speed",
    "most_probable_speed",
    "rms_speed",
    "simulate",
    "speed_for_energy",
    "to_table",
]
