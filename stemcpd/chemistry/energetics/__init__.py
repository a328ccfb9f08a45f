"""Energetics: reaction profiles, the temperature-change practical, ΔH from q = mcΔT and
from mean bond energies.

Public model API (no plotting or widget libraries are imported here):
:func:`reaction_profile`, :func:`bond_energy_delta_h`, :func:`energy_transferred_j`,
:func:`delta_h_from_temperature_change`, :func:`temperature_rise_k`,
:func:`extrapolated_temperature_change`, :func:`simulate`, :func:`describe`,
:func:`to_table`, :func:`profile_table`, :func:`virtual_practical`. The view lives in
:mod:`stemcpd.chemistry.energetics.view` and the app in
:mod:`stemcpd.chemistry.energetics.app`.
"""

from .model import (
    BOND_EQUATIONS,
    DELTA_H_PRESETS_KJ_MOL,
    DISPLACEMENT_DELTA_H_KJ_MOL,
    MEAN_BOND_ENERGIES_KJ_MOL,
    NEUTRALISATION_DELTA_H_KJ_MOL,
    SPECIFIC_HEAT_J_PER_G_K,
    EnergeticsParams,
    EnergeticsRun,
    bond_energy_delta_h,
    delta_h_from_temperature_change,
    describe,
    energy_transferred_j,
    extrapolated_temperature_change,
    extreme_change,
    profile_table,
    reaction_profile,
    simulate,
    temperature_rise_k,
    to_table,
    virtual_practical,
)

__all__ = [
    "BOND_EQUATIONS",
    "DELTA_H_PRESETS_KJ_MOL",
    "DISPLACEMENT_DELTA_H_KJ_MOL",
    "MEAN_BOND_ENERGIES_KJ_MOL",
    "NEUTRALISATION_DELTA_H_KJ_MOL",
    "SPECIFIC_HEAT_J_PER_G_K",
    "EnergeticsParams",
    "EnergeticsRun",
    "bond_energy_delta_h",
    "delta_h_from_temperature_change",
    "describe",
    "energy_transferred_j",
    "extrapolated_temperature_change",
    "extreme_change",
    "profile_table",
    "reaction_profile",
    "simulate",
    "temperature_rise_k",
    "to_table",
    "virtual_practical",
]
