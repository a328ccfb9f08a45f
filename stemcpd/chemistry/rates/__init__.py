"""Rates of reaction: a collision-theory particle box (A + B → C + D), the Arrhenius
ratio, integrated rate laws with half-lives, and two virtual practicals (magnesium and
hydrochloric acid with a gas syringe; the disappearing cross).

Public model API (no plotting or widget libraries are imported here). The view lives in
:mod:`stemcpd.chemistry.rates.view` and the app in :mod:`stemcpd.chemistry.rates.app`.
"""

from .model import (
    CATALYST_FACTOR,
    MOLAR_GAS_VOLUME_CM3,
    RatesParams,
    RatesRun,
    advance_box,
    arrhenius_ratio,
    box_rate_constant_nm2_ps,
    collision_statistics,
    collision_rate_per_nm2_ps,
    concentration_at,
    cross_time_s,
    describe,
    gas_volume_cm3,
    half_life,
    hydrogen_final_volume_cm3,
    initial_box,
    integrate_rate_law,
    magnesium_initial_rate_cm3_s,
    simulate,
    successful_fraction,
    thiosulfate_practical,
    threshold_speed2,
    to_table,
    virtual_practical,
)

__all__ = [
    "CATALYST_FACTOR",
    "MOLAR_GAS_VOLUME_CM3",
    "RatesParams",
    "RatesRun",
    "advance_box",
    "arrhenius_ratio",
    "box_rate_constant_nm2_ps",
    "collision_statistics",
    "collision_rate_per_nm2_ps",
    "concentration_at",
    "cross_time_s",
    "describe",
    "gas_volume_cm3",
    "half_life",
    "hydrogen_final_volume_cm3",
    "initial_box",
    "integrate_rate_law",
    "magnesium_initial_rate_cm3_s",
    "simulate",
    "successful_fraction",
    "thiosulfate_practical",
    "threshold_speed2",
    "to_table",
    "virtual_practical",
]
