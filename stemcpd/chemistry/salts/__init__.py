"""Making a soluble salt from an insoluble base (AQA required practical 1): reaction
with the base in excess, filtration and crystallisation of the hydrate, with every
gram accounted for.

Public model API (no plotting or widget libraries are imported here):
:func:`prepare`, :func:`describe`, :func:`to_table`, :func:`theoretical_crystals_g`,
:func:`base_needed_g`, :func:`base_reacting_exactly_g`, :func:`percentage_yield_of_crystals`,
:class:`SaltParams`, :class:`SaltRun`, :data:`PREPARATIONS`, :data:`PREPARATION_NAMES`. The view
lives in :mod:`stemcpd.chemistry.salts.view` and the app in :mod:`stemcpd.chemistry.salts.app`.
"""

from .model import (
    PREPARATION_NAMES,
    PREPARATIONS,
    SaltParams,
    SaltPreparation,
    SaltRun,
    base_needed_g,
    base_reacting_exactly_g,
    describe,
    percentage_yield_of_crystals,
    prepare,
    theoretical_crystals_g,
    to_table,
)

__all__ = [
    "PREPARATION_NAMES",
    "PREPARATIONS",
    "SaltParams",
    "SaltPreparation",
    "SaltRun",
    "base_needed_g",
    "base_reacting_exactly_g",
    "describe",
    "percentage_yield_of_crystals",
    "prepare",
    "theoretical_crystals_g",
    "to_table",
]
