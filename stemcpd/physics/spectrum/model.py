"""The electromagnetic spectrum: one family of transverse waves, from radio to gamma,
with where each comes from, what it is used for and the harm it can do.

Physics (MODEL.md beside this file is the teacher's version):

* All electromagnetic waves travel through a vacuum (and, very nearly, air) at the same
  speed, ``c = 3.0 × 10⁸ m/s`` (the value GCSE questions use; exactly 299 792 458 m/s).
  The wave equation ``v = f λ`` gives the frequency from the wavelength: ``f = c / λ``.
* The spectrum is continuous; the named groups are conventional, and the boundaries used
  here are typical textbook ones. X-rays and gamma rays overlap in wavelength and are
  named by their origin (X-rays from electrons, gamma rays from nuclei).
* X-rays and gamma rays are **ionising**, and so is the shortest-wavelength
  ultraviolet; the hazards grow with frequency and with dose (measured in sieverts, Sv).

Beyond GCSE (shown for interest, marked as such): photon energy ``E = h f``.

Limits: a lookup of properties for one wavelength, not a wave simulation; the speed in a
medium (glass, water) is lower and is not modelled here.
"""

from __future__ import annotations

from dataclasses import dataclass
import math

import numpy as np

from stemcpd.table import Table
from stemcpd.validation import check_range

SPEED_OF_LIGHT_M_S = 3.0e8  # the GCSE value of c
PLANCK_CONSTANT_J_S = 6.626e-34  # beyond GCSE
SHORTEST_LOG10_M, LONGEST_LOG10_M = -14.0, 5.0


@dataclass(frozen=True)
class Region:
    """One named group of the spectrum.

    Attributes:
        name: e.g. ``"Visible light"``.
        shortest_m: shortest wavelength counted in this group, m.
        longest_m: longest wavelength counted in this group, m.
        source: how the waves are produced, in words.
        uses: typical uses (AQA 4.6.2.4), in words.
        hazards: what they can do to people, in words.
        ionising: ``"yes"`` (X-rays, gamma rays), ``"partly"`` (ultraviolet: only its
            shortest wavelengths can ionise) or ``"no"``.
    """

    name: str
    shortest_m: float
    longest_m: float
    source: str
    uses: str
    hazards: str
    ionising: str


REGIONS = (
    Region("Gamma rays", 1e-15, 1e-11, "changes in the nuclei of atoms (radioactive decay)",
           "sterilising medical equipment and food, treating cancer, medical tracers",
           "ionising: can cause mutation of genes and cancer", "yes"),
    Region("X-rays", 1e-11, 1e-8, "fast electrons hitting a metal target (X-ray tube)",
           "medical imaging, airport security scanners, cancer treatment",
           "ionising: can cause mutation of genes and cancer", "yes"),
    Region("Ultraviolet", 1e-8, 4e-7, "very hot objects (the Sun), electron changes in atoms (UV lamps)",
           "energy-efficient lamps, sun tanning, detecting forged bank notes, sterilising water",
           "ages skin prematurely and increases the risk of skin cancer; damages eyes", "partly"),
    Region("Visible light", 4e-7, 7e-7, "hot objects, electron changes in atoms (lamps, LEDs)",
           "seeing, fibre-optic communication, photography",
           "very bright light (lasers, the Sun) damages the retina", "no"),
    Region("Infrared", 7e-7, 1e-3, "every object, more from hotter ones",
           "electrical heaters, cooking food, infrared cameras, remote controls",
           "heating of the skin; burns from intense sources", "no"),
    Region("Microwaves", 1e-3, 0.1, "oscillating electrons in a magnetron or antenna",
           "satellite communications, mobile phones, Wi-Fi, cooking food",
           "internal heating of body tissue at high intensity", "no"),
    Region("Radio waves", 0.1, 1e5, "oscillations in electrical circuits (an aerial)",
           "television and radio broadcasting, Bluetooth",
           "none known at normal intensities", "no"),
)
"""The named groups, shortest wavelength first. Boundaries are conventional."""


IONISING_WORDS = {
    "yes": "It is ionising.",
    "partly": "Its shortest wavelengths are ionising.",
    "no": "It is not ionising.",
}


@dataclass(frozen=True)
class SpectrumParams:
    """One wavelength to look up. Validated on creation.

    Attributes:
        log10_wavelength_m: log₁₀ of the wavelength measured in metres (m), no unit of its
            own; [−14, 5]: −6.3 is 500 nm (green light), 2 is 100 m (radio).
    """

    log10_wavelength_m: float = -6.3

    def __post_init__(self):
        value = check_range("log10_wavelength_m", self.log10_wavelength_m, SHORTEST_LOG10_M, LONGEST_LOG10_M,
                            low_open=False)
        object.__setattr__(self, "log10_wavelength_m", value)

    @property
    def wavelength_m(self) -> float:
        """The wavelength in metres."""
        return 10.0**self.log10_wavelength_m


def frequency_hz(wavelength_m: float, wave_speed_m_s: float = SPEED_OF_LIGHT_M_S) -> float:
    """Frequency from the wave equation, ``f = v / λ``, in hertz.

    Raises:
        ValueError: if ``wavelength_m`` is not in (0, 1e6] m or ``wave_speed_m_s`` not in (0, 3e8] m/s.
    """
    wavelength_m = check_range("wavelength_m", wavelength_m, 0, 1e6, unit="m")
    wave_speed_m_s = check_range("wave_speed_m_s", wave_speed_m_s, 0, 3e8, unit="m/s")
    return wave_speed_m_s / wavelength_m


def wavelength_from_frequency_m(frequency_hz: float, wave_speed_m_s: float = SPEED_OF_LIGHT_M_S) -> float:
    """Wavelength from the wave equation, ``λ = v / f``, in metres.

    Raises:
        ValueError: if ``frequency_hz`` is not in (0, 1e25] Hz or ``wave_speed_m_s`` not in (0, 3e8] m/s.
    """
    frequency_hz = check_range("frequency_hz", frequency_hz, 0, 1e25, unit="Hz")
    wave_speed_m_s = check_range("wave_speed_m_s", wave_speed_m_s, 0, 3e8, unit="m/s")
    return wave_speed_m_s / frequency_hz


def wavelength_from_gigahertz_m(frequency_ghz: float) -> float:
    """Wavelength in a vacuum of an electromagnetic wave of ``frequency_ghz`` gigahertz
    (1 GHz = 10⁹ Hz; Wi-Fi and phone microwaves), in metres.

    Raises:
        ValueError: if ``frequency_ghz`` is not in (0, 1e16] GHz.
    """
    frequency_ghz = check_range("frequency_ghz", frequency_ghz, 0, 1e16, unit="GHz")
    return wavelength_from_frequency_m(frequency_ghz * 1e9)


def region_of(wavelength_m: float) -> Region:
    """The named group a wavelength falls in (at a boundary, the longer-wavelength group).

    Raises:
        ValueError: if ``wavelength_m`` is outside the table (1e-15 to 1e5 m).
    """
    wavelength_m = check_range("wavelength_m", wavelength_m, 1e-15, 1e5, low_open=False, unit="m")
    for region in reversed(REGIONS):
        if wavelength_m >= region.shortest_m:
            return region
    return REGIONS[0]


@dataclass(frozen=True)
class SpectrumLookup:
    """One wavelength and what it is.

    Attributes:
        params: the wavelength looked up.
        region: its named group.
        frequency_hz: c / λ, Hz.
        photon_energy_j: h f, J (beyond GCSE).
    """

    params: SpectrumParams
    region: Region
    frequency_hz: float
    photon_energy_j: float


def look_up(params: SpectrumParams | None = None) -> SpectrumLookup:
    """Name, frequency and properties for the wavelength in ``params``."""
    params = SpectrumParams() if params is None else params
    wavelength = params.wavelength_m
    frequency = SPEED_OF_LIGHT_M_S / wavelength
    return SpectrumLookup(params, region_of(wavelength), frequency, PLANCK_CONSTANT_J_S * frequency)


def _engineering(value: float, unit: str) -> str:
    """A wavelength or frequency in words a teacher reads: 500 nm, 2.4 GHz, 100 m."""
    prefixes = ((1e9, "G"), (1e6, "M"), (1e3, "k"), (1.0, ""), (1e-3, "m"), (1e-6, "µ"), (1e-9, "n"),
                (1e-12, "p"), (1e-15, "f"))
    if unit == "m" and value >= 1e3:
        return f"{value / 1e3:.3g} km"
    for factor, prefix in prefixes:
        if value >= factor * 0.9999:
            return f"{value / factor:.3g} {prefix}{unit}"
    exponent = math.floor(math.log10(value))
    return f"{value / 10**exponent:.3g} × 10^{exponent} {unit}"


def wavelength_words(wavelength_m: float) -> str:
    """A wavelength with a sensible prefix, e.g. ``"500 nm"``."""
    return _engineering(wavelength_m, "m")


def frequency_words(frequency_hz: float) -> str:
    """A frequency with a sensible prefix (up to GHz; higher in powers of ten)."""
    if frequency_hz >= 1e12:
        exponent = math.floor(math.log10(frequency_hz))
        return f"{frequency_hz / 10**exponent:.3g} × 10{_superscript(exponent)} Hz"
    return _engineering(frequency_hz, "Hz")


def _superscript(number: int) -> str:
    return str(number).translate(str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹"))


def describe(lookup: SpectrumLookup) -> str:
    """One or two sentences a screen reader can speak about the wavelength."""
    region = lookup.region
    return (
        f"A wavelength of {wavelength_words(lookup.params.wavelength_m)} is {region.name.lower()}, frequency "
        f"{frequency_words(lookup.frequency_hz)} (speed 3.0 × 10⁸ m/s in a vacuum). "
        f"{IONISING_WORDS[region.ionising]} "
        f"Produced by {region.source}; used for {region.uses}. Hazard: {region.hazards}."
    )


def to_table(lookup: SpectrumLookup | None = None) -> Table:
    """Every named group: wavelength and frequency ranges (conventional boundaries)."""
    shortest = np.array([region.shortest_m for region in REGIONS])
    longest = np.array([region.longest_m for region in REGIONS])
    return Table.from_columns(
        [("group (1 = gamma … 7 = radio)", "", np.arange(1, len(REGIONS) + 1, dtype=float)),
         ("shortest wavelength", "m", shortest), ("longest wavelength", "m", longest),
         ("highest frequency", "Hz", SPEED_OF_LIGHT_M_S / shortest),
         ("lowest frequency", "Hz", SPEED_OF_LIGHT_M_S / longest)],
        title="The electromagnetic spectrum, shortest wavelength first (boundaries are conventional)",
    )
