"""Acid–base titration: the exact pH curve of a monoprotic acid titrated with NaOH,
equivalence and half-equivalence points, indicator choice, and a virtual burette practical.

Public model API (no plotting or widget libraries are imported here): :func:`ph_at`,
:func:`simulate`, :func:`describe`, :func:`to_table`, :func:`virtual_practical`,
:class:`TitrationParams`, :class:`TitrationCurve`. The view lives in
:mod:`stemcpd.chemistry.titration.view` and the app in :mod:`stemcpd.chemistry.titration.app`.
"""

from .model import (
    ACID_PRESETS_PKA,
    INDICATORS,
    INDICATORS_BY_NAME,
    KW,
    STRONG_PKA_LIMIT,
    Indicator,
    TitrationCurve,
    TitrationParams,
    charge_balance_residual,
    describe,
    hydrogen_ion_concentration,
    mean_concordant_titre,
    ph_at,
    simulate,
    suitable_indicators,
    to_table,
    virtual_practical,
    volume_at_ph,
)

__all__ = [
    "ACID_PRESETS_PKA",
    "INDICATORS",
    "INDICATORS_BY_NAME",
    "KW",
    "STRONG_PKA_LIMIT",
    "Indicator",
    "TitrationCurve",
    "TitrationParams",
    "charge_balance_residual",
    "describe",
    "hydrogen_ion_concentration",
    "mean_concordant_titre",
    "ph_at",
    "simulate",
    "suitable_indicators",
    "to_table",
    "virtual_practical",
    "volume_at_ph",
]
