"""Orbits: satellites, moons and planets moving under Newtonian gravity.

Public model API (no plotting or widget libraries are imported here):
:class:`OrbitParams`, :class:`OrbitRun`, :func:`simulate`, :func:`orbit_shape`,
:func:`describe`, :func:`to_table`; GCSE's speed round a circle
(:func:`orbital_speed_m_s`, :func:`orbital_speed_km_s`, :func:`orbital_period_hours`,
:func:`orbital_radius_km`) and, beyond GCSE, :func:`circular_speed_m_s`,
:func:`kepler_period_s` and :func:`field_strength_n_kg`. The view lives in
:mod:`stemcpd.physics.orbits.view` and the app in :mod:`stemcpd.physics.orbits.app`.
"""

from .model import (
    ASTRONOMICAL_UNIT_M,
    BODIES,
    DAY_S,
    GRAVITATIONAL_CONSTANT,
    PLANET_HEADERS,
    PLANETS,
    YEAR_S,
    OrbitParams,
    OrbitRun,
    circular_speed_m_s,
    describe,
    field_strength_n_kg,
    kepler_period_s,
    orbit_shape,
    orbital_period_hours,
    orbital_radius_km,
    orbital_speed_km_s,
    orbital_speed_m_s,
    planet_rows,
    simulate,
    time_words,
    to_table,
)

__all__ = [
    "ASTRONOMICAL_UNIT_M",
    "BODIES",
    "DAY_S",
    "GRAVITATIONAL_CONSTANT",
    "PLANET_HEADERS",
    "PLANETS",
    "YEAR_S",
    "OrbitParams",
    "OrbitRun",
    "circular_speed_m_s",
    "describe",
    "field_strength_n_kg",
    "kepler_period_s",
    "orbit_shape",
    "orbital_period_hours",
    "orbital_radius_km",
    "orbital_speed_km_s",
    "orbital_speed_m_s",
    "planet_rows",
    "simulate",
    "time_words",
    "to_table",
]
