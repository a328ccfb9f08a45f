"""Heating a block: specific heat capacity (E = m c ΔT), heat loss to the surroundings
and cooling curves (Newton's law of cooling).

Public model API (no plotting or widget libraries are imported here):
:func:`temperature_rise`, :func:`simulate`, :func:`analytic_temperature_c`,
:func:`integrate`, :func:`cooling_half_life_s`, :func:`virtual_practical`,
:func:`insulation_virtual_practical`,
:func:`specific_heat_from_table`, :func:`describe`, :func:`to_table`,
:class:`HeatingParams`, :class:`HeatingRun`. The view lives in
:mod:`stemcpd.physics.heating.view` and the interactive app in
:mod:`stemcpd.physics.heating.app`.
"""

from .model import (
    INSULATION_HEAT_LOSS_W_PER_K,
    JOULEMETER,
    REFERENCE_SPECIFIC_HEAT_CAPACITIES_J_PER_KG_K,
    SPECIFIC_HEAT_CAPACITIES_J_PER_KG_K,
    HeatingParams,
    HeatingRun,
    analytic_temperature_c,
    cooling_half_life_s,
    describe,
    insulation_virtual_practical,
    integrate,
    lagged_temperature_c,
    simulate,
    specific_heat_from_table,
    temperature_rise,
    thermometer,
    to_table,
    virtual_practical,
)

__all__ = [
    "INSULATION_HEAT_LOSS_W_PER_K",
    "JOULEMETER",
    "REFERENCE_SPECIFIC_HEAT_CAPACITIES_J_PER_KG_K",
    "SPECIFIC_HEAT_CAPACITIES_J_PER_KG_K",
    "HeatingParams",
    "HeatingRun",
    "analytic_temperature_c",
    "cooling_half_life_s",
    "describe",
    "insulation_virtual_practical",
    "integrate",
    "lagged_temperature_c",
    "simulate",
    "specific_heat_from_table",
    "temperature_rise",
    "thermometer",
    "to_table",
    "virtual_practical",
]
