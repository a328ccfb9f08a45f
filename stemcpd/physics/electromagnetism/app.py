"""Interactive generator: a coil spinning in a magnetic field, its flux linkage and emf.

Sliders (declared as data) set the turns, field, coil area and rotation frequency;
play / pause / step / reset turn the coil through the computed run. The only
electromagnetism module that sees both the model and the view.
"""

from __future__ import annotations

from stemcpd.physics.electromagnetism.model import (
    GeneratorParams,
    describe,
    simulate_generator,
    to_table,
)
from stemcpd.physics.electromagnetism.view import GeneratorView
from stemcpd.ui.app import Presets, SimulationApp
from stemcpd.ui.controls import Control
from stemcpd.ui.scales import nice_ceiling

CONTROLS = (
    Control("turns", "Turns on the coil", 1, 500, 1, 100, "",
            help="Number of turns N: the emf is proportional to it.", integer=True),
    Control("flux_density_t", "Magnetic flux density", 0.01, 1.00, 0.01, 0.10, "T",
            help="Strength of the field B; a strong school magnet is about 0.1 T."),
    Control("coil_area_m2", "Coil area", 0.001, 0.050, 0.001, 0.010, "m²",
            help="Area A of one turn; 0.010 m² is a 10 cm × 10 cm coil."),
    Control("frequency_hz", "Rotation frequency", 0.5, 50.0, 0.5, 5.0, "Hz",
            help="Turns per second f; the emf alternates at this frequency and its peak is proportional to it."),
)

FREQUENCY_PRESETS_HZ = {"Turned by hand": 2.0, "Bicycle dynamo": 15.0, "UK mains": 50.0}


def display_duration(params: GeneratorParams) -> float:
    """Seconds to show: at least two rotations, rounded up to 1, 2 or 5 × 10ⁿ."""
    return nice_ceiling(2.0 * params.period_s)


class GeneratorApp(SimulationApp):
    """The generator as a notebook / Voilà app (see :class:`SimulationApp`)."""

    name = "electromagnetism"
    title = "Generator: a coil spinning in a magnetic field"
    summary = "Faraday's law in a spinning coil: flux linkage, alternating emf, peak and r.m.s. values."
    controls = CONTROLS
    presets = (Presets("frequency_hz", "Frequency", FREQUENCY_PRESETS_HZ, "Typical rotation rates."),)
    playback_frames = 200
    default_size_px = (1000, 420)

    view_class = GeneratorView
    params_class = GeneratorParams
    describe_function = staticmethod(describe)
    table_function = staticmethod(to_table)

    def compute(self, params):
        return simulate_generator(params, duration_s=display_duration(params))

    def readout_html(self, run):
        return (
            f"Peak emf <b>{run.peak_emf_v:.3g} V</b> · r.m.s. <b>{run.rms_emf_v:.3g} V</b> · "
            f"frequency <b>{run.frequency_hz:g} Hz</b> (period {run.period_s:.3g} s) · "
            f"peak flux linkage NBA = {run.params.peak_flux_linkage_wb:.3g} Wb"
        )

    @property
    def run(self):
        """The current :class:`~stemcpd.physics.electromagnetism.model.GeneratorRun`."""
        return self.result


APP = GeneratorApp
show = APP.show  # show(**initial) builds, displays and returns the app
