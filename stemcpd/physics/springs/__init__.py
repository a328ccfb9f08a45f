"""Springs: Hooke's law to the elastic limit and beyond, springs in series and parallel,
and a mass bouncing on a spring (period 2π√(m/k), energy stores).

Public model API (no plotting or widget libraries are imported here):
:class:`SpringParams`, :class:`SpringRun`, :func:`simulate`, :func:`extension_for_force`,
:func:`permanent_set`, :func:`series_spring_constant`, :func:`parallel_spring_constant`,
:func:`elastic_potential_energy`, :func:`period`, :func:`exact_displacement`,
:func:`describe`, :func:`to_table`, :func:`loading_table`, :func:`virtual_practical`.
The view is :mod:`stemcpd.physics.springs.view`, the app :mod:`stemcpd.physics.springs.app`.
"""

from .model import (
    METRE_RULE,
    RULE_ZERO_ERROR_M,
    SLOTTED_MASS_KG,
    SpringParams,
    SpringRun,
    describe,
    elastic_potential_energy,
    exact_displacement,
    extension_for_force,
    loading_table,
    parallel_spring_constant,
    period,
    permanent_set,
    series_spring_constant,
    simulate,
    to_table,
    virtual_practical,
    work_done_stretching,
)

__all__ = [
    "METRE_RULE",
    "RULE_ZERO_ERROR_M",
    "SLOTTED_MASS_KG",
    "SpringParams",
    "SpringRun",
    "describe",
    "elastic_potential_energy",
    "exact_displacement",
    "extension_for_force",
    "loading_table",
    "parallel_spring_constant",
    "period",
    "permanent_set",
    "series_spring_constant",
    "simulate",
    "to_table",
    "virtual_practical",
    "work_done_stretching",
]
