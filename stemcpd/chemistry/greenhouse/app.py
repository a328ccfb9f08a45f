"""Interactive greenhouse energy balance.

This is the only greenhouse module that sees both the model and the view. The shared
:class:`~stemcpd.ui.app.SimulationApp` does the wiring. Nothing runs in time, so there
is no playback; three coarse controls keep the site player's data small. Greenhouse
gases are a checkbox (an on/off :class:`~stemcpd.ui.controls.Choice`): off leaves no
infrared-absorbing atmosphere.
"""

from __future__ import annotations

from stemcpd.chemistry.greenhouse.model import GreenhouseParams, balance, describe, to_table
from stemcpd.chemistry.greenhouse.view import GreenhouseView
from stemcpd.ui.app import Presets, SimulationApp
from stemcpd.ui.controls import Choice, Control

CONTROLS = (
    Choice.switch("greenhouse_gases", "Greenhouse gases", True,
                  help="Ticked: an atmosphere like Earth's, which absorbs infrared; unticked: no "
                       "infrared-absorbing gases.",
                  off="none", on="present"),
    Control("co2_ppm", "Carbon dioxide", 200, 1100, 100, 400, "ppm",
            help="Carbon dioxide in the atmosphere, parts per million by volume."),
    Control("albedo", "Albedo (share of sunlight reflected)", 0.15, 0.45, 0.05, 0.30, "",
            help="More ice or cloud reflects more sunlight."),
)


class GreenhouseApp(SimulationApp):
    """The energy balance as a notebook / Voilà app (see :class:`SimulationApp`)."""

    name = "greenhouse"
    title = "The greenhouse effect: an energy balance"
    summary = "Sunlight in, infrared out: 255 K with no greenhouse gases, about 288 K with them, and more CO₂."
    controls = CONTROLS
    presets = (Presets("co2_ppm", "CO₂", {"280 ppm (1750)": 280, "420 ppm (today)": 420, "560 ppm (double)": 560},
                       "Pre-industrial, today and doubled."),)
    default_size_px = (1000, 420)

    view_class = GreenhouseView
    params_class = GreenhouseParams
    compute_function = staticmethod(balance)
    describe_function = staticmethod(describe)
    table_function = staticmethod(to_table)  # surface temperature against absorptivity

    def readout_html(self, result):
        celsius = f"{result.surface_c:.1f}".replace("-", "−")
        return (f"surface <b>{result.surface_k:.1f} K</b> ({celsius} °C) · "
                f"greenhouse warming <b>{result.greenhouse_warming_k:.0f} K</b> · "
                f"in {result.absorbed_solar_w_m2:.0f} W/m² = out {result.outgoing_infrared_w_m2:.0f} W/m²")


APP = GreenhouseApp
show = APP.show  # show(**initial) builds, displays and returns the app
