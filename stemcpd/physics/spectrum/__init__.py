"""The electromagnetic spectrum: wavelength, frequency (f = c/λ), the named groups, their
sources, uses and hazards, and which are ionising.

Public model API (no plotting or widget libraries are imported here):
:class:`SpectrumParams`, :class:`SpectrumLookup`, :class:`Region`, :data:`REGIONS`,
:func:`look_up`, :func:`region_of`, :func:`frequency_hz`,
:func:`wavelength_from_frequency_m`, :func:`wavelength_from_gigahertz_m`, :func:`wavelength_words`, :func:`frequency_words`,
:func:`describe`, :func:`to_table`. The view lives in :mod:`stemcpd.physics.spectrum.view`
and the app in :mod:`stemcpd.physics.spectrum.app`.
"""

from .model import (
    IONISING_WORDS,
    REGIONS,
    SPEED_OF_LIGHT_M_S,
    Region,
    SpectrumLookup,
    SpectrumParams,
    describe,
    frequency_hz,
    frequency_words,
    look_up,
    region_of,
    to_table,
    wavelength_from_frequency_m,
    wavelength_from_gigahertz_m,
    wavelength_words,
)

__all__ = [
    "IONISING_WORDS",
    "REGIONS",
    "SPEED_OF_LIGHT_M_S",
    "Region",
    "SpectrumLookup",
    "SpectrumParams",
    "describe",
    "frequency_hz",
    "frequency_words",
    "look_up",
    "region_of",
    "to_table",
    "wavelength_from_frequency_m",
    "wavelength_from_gigahertz_m",
    "wavelength_words",
]
