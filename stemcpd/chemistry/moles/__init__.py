"""Amount of substance: formula parsing, molar mass (IUPAC atomic weights via the
``periodictable`` package), moles, concentration, limiting reagent, percentage yield,
atom economy, a reacting-masses app and the magnesium-oxide virtual practical.

Public model API (no plotting or widget libraries are imported here):
:func:`parse_formula`, :func:`molar_mass`, :func:`moles`, :func:`mass`,
:func:`concentration`, :func:`parse_equation`, :func:`limiting_reagent`,
:func:`percentage_yield`, :func:`atom_economy`, :func:`reacting_masses`,
:func:`describe`, :func:`to_table`, :func:`virtual_practical`. The view lives in
:mod:`stemcpd.chemistry.moles.view` and the app in :mod:`stemcpd.chemistry.moles.app`.
"""

from .model import (
    MOLAR_GAS_VOLUME_RTP_DM3,
    REACTION_NAMES,
    REACTIONS,
    AcidReaction,
    ReactingMasses,
    ReactingMassesParams,
    ReactionAmounts,
    atom_economy,
    check_balanced,
    concentration,
    describe,
    expected_mole_ratio,
    formula_charge,
    gas_volume_dm3,
    limiting_reagent,
    mass,
    mass_concentration,
    molar_mass,
    moles,
    parse_equation,
    parse_formula,
    percentage_yield,
    reacting_masses,
    relative_atomic_mass,
    to_table,
    virtual_practical,
)

__all__ = [
    "MOLAR_GAS_VOLUME_RTP_DM3",
    "REACTION_NAMES",
    "REACTIONS",
    "AcidReaction",
    "ReactingMasses",
    "ReactingMassesParams",
    "ReactionAmounts",
    "atom_economy",
    "check_balanced",
    "concentration",
    "describe",
    "expected_mole_ratio",
    "formula_charge",
    "gas_volume_dm3",
    "limiting_reagent",
    "mass",
    "mass_concentration",
    "molar_mass",
    "moles",
    "parse_equation",
    "parse_formula",
    "percentage_yield",
    "reacting_masses",
    "relative_atomic_mass",
    "to_table",
    "virtual_practical",
]
