"""Interactive radiation: sliders (declared as data) drive the model and the view.

This is the only radiation module that sees both the model and the view. The shared
:class:`~stemcpd.ui.app.SimulationApp` does the wiring. The cooling curves are drawn
whole, so there is no playback.
"""

from __future__ import annotations

from stemcpd.physics.radiation.model import RadiationParams, describe, simulate, to_table
from stemcpd.physics.radiation.view import RadiationView
from stemcpd.ui.app import Presets, SimulationApp
from stemcpd.ui.controls import Control

CONTROLS = (
    Control("temperature_c", "Cube temperature", 30, 100, 1, 80, "°C",
            help="Temperature of the hot water in the cube at the start."),
    Control("ambient_temperature_c", "Room temperature", 0, 40, 1, 20, "°C",
            help="Temperature of the surroundings, which radiate back to the cube."),
    Control("face_area_m2", "Area of one face", 0.0025, 0.04, 0.0005, 0.01, "m²",
            help="0.01 m² is a face 10 cm square; a cube has six faces."),
    Control("duration_s", "Time shown", 600, 14400, 600, 7200, "s",
            help="How long the cubes are left to cool."),
)

START_TEMPERATURE_PRESETS_C = {
    "Hand-hot water": 40.0,
    "Kettle water, cooled a little": 80.0,
    "Just boiled": 100.0,
}


class RadiationApp(SimulationApp):
    """The Leslie-cube / radiation simulation as a notebook / Voilà app."""

    name = "radiation"
    title = "Infrared radiation: the Leslie cube and cooling by radiation"
    summary = "Compare how matt black, white, dull and shiny surfaces emit infrared, and how cubes cool by radiation."
    controls = CONTROLS
    presets = (
        Presets("temperature_c", "Start with", START_TEMPERATURE_PRESETS_C,
                "Typical starting temperatures for the Leslie cube practical."),
    )
    default_size_px = (1000, 450)

    view_class = RadiationView
    params_class = RadiationParams
    compute_function = staticmethod(simulate)
    describe_function = staticmethod(describe)
    table_function = staticmethod(to_table)  # the cooling curves

    def readout_html(self, run):
        parts = [
            f"{name.lower()} <b>{power:.2f} W</b>"
            for name, power in zip(run.params.surface_names, run.net_power_w)
        ]
        return (
            "Net power radiated per face: " + " · ".join(parts)
            + f" · peak wavelength {run.peak_wavelength_m * 1e6:.1f} μm"
        )

    @property
    def run(self):
        """The current :class:`~stemcpd.physics.radiation.model.RadiationRun`."""
        return self.result


APP = RadiationApp
show = APP.show  # show(**initial) builds, displays and returns the app
