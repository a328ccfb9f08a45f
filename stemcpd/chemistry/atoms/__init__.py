"""Atomic structure and the periodic table: protons, neutrons, electron shells, simple
ions, isotopes and relative atomic mass (element data from ``periodictable``), and
the trends in groups 1, 7 and 0.

Public model API (no plotting or widget libraries are imported here):
:func:`build_atom`, :func:`describe`, :func:`to_table`, :func:`electron_arrangement`,
:func:`arrangement_text`, :func:`group_and_period`, :func:`ion_charge`,
:func:`isotopes`, :func:`relative_atomic_mass_from_abundances`,
:func:`standard_atomic_weight`, :func:`covalent_radius_pm`, :func:`group_table`,
:func:`element_symbol`, :func:`element_name`. The view lives in
:mod:`stemcpd.chemistry.atoms.view` and the app in :mod:`stemcpd.chemistry.atoms.app`.
"""

from .model import (
    HIGHEST_GCSE_ATOMIC_NUMBER,
    AtomParams,
    AtomRun,
    Isotope,
    arrangement_text,
    build_atom,
    charge_text,
    covalent_radius_pm,
    describe,
    electron_arrangement,
    electrons_in_ion,
    element_name,
    element_symbol,
    group_and_period,
    group_table,
    halogen_displaces,
    ion_charge,
    isotopes,
    neutrons_in,
    relative_atomic_mass_from_abundances,
    standard_atomic_weight,
    to_table,
    two_isotope_relative_atomic_mass,
)

__all__ = [
    "HIGHEST_GCSE_ATOMIC_NUMBER",
    "AtomParams",
    "AtomRun",
    "Isotope",
    "arrangement_text",
    "build_atom",
    "charge_text",
    "covalent_radius_pm",
    "describe",
    "electron_arrangement",
    "electrons_in_ion",
    "element_name",
    "element_symbol",
    "group_and_period",
    "group_table",
    "halogen_displaces",
    "ion_charge",
    "isotopes",
    "neutrons_in",
    "relative_atomic_mass_from_abundances",
    "standard_atomic_weight",
    "to_table",
    "two_isotope_relative_atomic_mass",
]
