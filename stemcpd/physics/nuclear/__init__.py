"""Nuclear equations and decay chains: alpha, beta, gamma and neutron emission, and the
uranium-238 series stepped through to stable lead-206.

Public model API (no plotting or widget libraries are imported here):
:class:`Nucleus`, :func:`daughter`, :func:`nuclear_equation`, :func:`is_balanced`,
:func:`atomic_number_after`, :func:`mass_number_after`, :func:`nuclei_left`, :class:`ChainParams`,
:class:`Chain`, :func:`follow_chain`, :func:`half_life_words`, :func:`describe`,
:func:`to_table`, :data:`URANIUM_SERIES`, :data:`SYMBOLS`. Random decay and half-life are
in :mod:`stemcpd.physics.decay`. The view lives in :mod:`stemcpd.physics.nuclear.view`
and the app in :mod:`stemcpd.physics.nuclear.app`.
"""

from .model import (
    MODES,
    SYMBOLS,
    URANIUM_238,
    URANIUM_SERIES,
    Chain,
    ChainParams,
    Nucleus,
    atomic_number_after,
    daughter,
    describe,
    follow_chain,
    half_life_words,
    is_balanced,
    mass_number_after,
    nuclear_equation,
    nuclei_left,
    to_table,
)

__all__ = [
    "MODES",
    "SYMBOLS",
    "URANIUM_238",
    "URANIUM_SERIES",
    "Chain",
    "ChainParams",
    "Nucleus",
    "atomic_number_after",
    "daughter",
    "describe",
    "follow_chain",
    "half_life_words",
    "is_balanced",
    "mass_number_after",
    "nuclear_equation",
    "nuclei_left",
    "to_table",
]
