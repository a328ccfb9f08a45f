"""Radioactive decay: the exponential law, a seeded stochastic model (nuclei or dice),
GM-tube counts with background, and a half-life fitted to noisy counts.

Public model API (no plotting or widget libraries are imported here):
:class:`DecayParams`, :class:`DecayRun`, :class:`DiceRun`, :class:`HalfLifeFit`,
:func:`decay_constant`, :func:`remaining`, :func:`activity`, :func:`decay_probability`,
:func:`stochastic_decay`, :func:`dice_model`, :func:`fit_half_life`, :func:`simulate`,
:func:`describe`, :func:`to_table`, :func:`virtual_practical`. The view is
:mod:`stemcpd.physics.decay.view`, the app :mod:`stemcpd.physics.decay.app`.
"""

from .model import (
    GM_COUNTER,
    PROTACTINIUM_HALF_LIFE_S,
    DecayParams,
    DecayRun,
    DiceRun,
    HalfLifeFit,
    activity,
    decay_constant,
    decay_probability,
    describe,
    dice_model,
    fit_half_life,
    remaining,
    simulate,
    stochastic_decay,
    to_table,
    virtual_practical,
)

__all__ = [
    "GM_COUNTER",
    "PROTACTINIUM_HALF_LIFE_S",
    "DecayParams",
    "DecayRun",
    "DiceRun",
    "HalfLifeFit",
    "activity",
    "decay_constant",
    "decay_probability",
    "describe",
    "dice_model",
    "fit_half_life",
    "remaining",
    "simulate",
    "stochastic_decay",
    "to_table",
    "virtual_practical",
]
