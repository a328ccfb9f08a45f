"""Electrolysis: products at each electrode by the GCSE rules, and Faraday's laws.

Public model API (no plotting or widget libraries are imported here):
:func:`electrolysis_products`, :func:`mass_deposited`, :func:`gas_volume_dm3`,
:func:`charge_passed`, :func:`moles_of_electrons`, :func:`simulate`, :func:`describe`,
:func:`to_table`, :func:`virtual_practical`, :func:`faraday_from_table`. The view lives
in :mod:`stemcpd.chemistry.electrolysis.view` and the app in
:mod:`stemcpd.chemistry.electrolysis.app`.
"""

from .model import (
    ELECTROLYTE_NAMES,
    ELECTROLYTE_LABELS,
    ELECTROLYTES,
    FARADAY_C_PER_MOL,
    MOLAR_GAS_VOLUME_RTP_DM3,
    MOLAR_MASS_G_MOL,
    CellProducts,
    ElectrodeProduct,
    ElectrolysisParams,
    ElectrolysisRun,
    charge_passed,
    describe,
    electrolysis_products,
    faraday_from_table,
    gas_volume_dm3,
    mass_deposited,
    moles_of_electrons,
    simulate,
    to_table,
    virtual_practical,
)

__all__ = [
    "ELECTROLYTE_NAMES",
    "ELECTROLYTE_LABELS",
    "ELECTROLYTES",
    "FARADAY_C_PER_MOL",
    "MOLAR_GAS_VOLUME_RTP_DM3",
    "MOLAR_MASS_G_MOL",
    "CellProducts",
    "ElectrodeProduct",
    "ElectrolysisParams",
    "ElectrolysisRun",
    "charge_passed",
    "describe",
    "electrolysis_products",
    "faraday_from_table",
    "gas_volume_dm3",
    "mass_deposited",
    "moles_of_electrons",
    "simulate",
    "to_table",
    "virtual_practical",
]
