"""Reversible reactions at equilibrium: an ICE-table solver for any stoichiometry, Le
Chatelier's principle, the van 't Hoff equation and the Haber process.

Public model API (no plotting or widget libraries are imported here):
:func:`equilibrium_concentrations`, :func:`equilibrium_mole_fractions`,
:func:`reaction_quotient`, :func:`reaction_direction`, :func:`vant_hoff`, :func:`haber_kp`,
:func:`haber_ammonia_fraction`, :func:`haber_table`, :func:`simulate`, :func:`describe`,
:func:`to_table`, :class:`EquilibriumParams`, :class:`EquilibriumResult`. The view is
:mod:`stemcpd.chemistry.equilibrium.view`, the app :mod:`stemcpd.chemistry.equilibrium.app`.
"""

from .model import (
    GAS_CONSTANT_J_MOL_K,
    HABER_DELTA_H_KJ_MOL,
    HABER_REFERENCE_KP_ATM2,
    HABER_REFERENCE_TEMPERATURE_K,
    HABER_STOICHIOMETRY,
    HYDROGEN_IODIDE_STOICHIOMETRY,
    EquilibriumParams,
    EquilibriumResult,
    describe,
    equilibrium_concentrations,
    equilibrium_mole_fractions,
    format_k,
    haber_ammonia_fraction,
    haber_kp,
    haber_table,
    reaction_direction,
    reaction_quotient,
    simulate,
    to_table,
    vant_hoff,
)

__all__ = [
    "GAS_CONSTANT_J_MOL_K",
    "HABER_DELTA_H_KJ_MOL",
    "HABER_REFERENCE_KP_ATM2",
    "HABER_REFERENCE_TEMPERATURE_K",
    "HABER_STOICHIOMETRY",
    "HYDROGEN_IODIDE_STOICHIOMETRY",
    "EquilibriumParams",
    "EquilibriumResult",
    "describe",
    "equilibrium_concentrations",
    "equilibrium_mole_fractions",
    "format_k",
    "haber_ammonia_fraction",
    "haber_kp",
    "haber_table",
    "reaction_direction",
    "reaction_quotient",
    "simulate",
    "to_table",
    "vant_hoff",
]
