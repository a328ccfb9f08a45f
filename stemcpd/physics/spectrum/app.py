"""Interactive electromagnetic spectrum: one slider (declared as data) picks a wavelength;
the view marks it on the spectrum and the readout names it with its frequency.
"""

from __future__ import annotations

from stemcpd.physics.spectrum.model import SpectrumParams, describe, frequency_words, look_up, to_table, wavelength_words
from stemcpd.physics.spectrum.view import SpectrumView
from stemcpd.ui.app import Presets, SimulationApp
from stemcpd.ui.controls import Control

CONTROLS = (
    Control("log10_wavelength_m", "Wavelength, as a power of ten metres", -14.0, 5.0, 0.5, -6.5, "",
            help="−6.5 means 10^−6.5 m ≈ 316 nm ultraviolet; 0 means 1 m; each step of 1 is ten times longer."),
)

IONISING_READOUT = {"yes": " · <b>ionising</b>", "partly": " · <b>shortest wavelengths ionising</b>", "no": ""}

# One typical wavelength in each group (as powers of ten metres).
EXAMPLES = {"Gamma": -12.0, "X-ray": -10.0, "Ultraviolet": -7.5, "Green light": -6.3, "Infrared": -5.0,
            "Microwave": -2.0, "Radio": 2.0}


class SpectrumApp(SimulationApp):
    """The electromagnetic spectrum: wavelength, frequency, sources, uses and hazards."""

    name = "spectrum"
    title = "The electromagnetic spectrum"
    summary = "Explore the electromagnetic spectrum: wavelength, frequency, sources, uses, hazards, ionising or not."
    controls = CONTROLS
    presets = (Presets("log10_wavelength_m", "Example", EXAMPLES, "Jump to a typical wavelength in each group."),)
    default_size_px = (1000, 420)

    view_class = SpectrumView
    params_class = SpectrumParams
    compute_function = staticmethod(look_up)
    describe_function = staticmethod(describe)
    table_function = staticmethod(to_table)

    def readout_html(self, lookup):
        return (
            f"<b>{lookup.region.name}</b> · wavelength {wavelength_words(lookup.params.wavelength_m)} · frequency "
            f"{frequency_words(lookup.frequency_hz)}{IONISING_READOUT[lookup.region.ionising]}"
        )


APP = SpectrumApp
show = APP.show  # show(**initial) builds, displays and returns the app
