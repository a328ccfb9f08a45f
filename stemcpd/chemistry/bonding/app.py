"""Interactive structure and properties explorer: eight substances of four structure
types, their states at any temperature and when they conduct.

This is the only bonding module that sees both the model and the view. The shared
:class:`~stemcpd.ui.app.SimulationApp` does the wiring. Nothing runs in time, so there
is no playback. Two controls: the substance is a choice (toggle buttons naming each
one) and the temperature a slider, whose buttons add liquid nitrogen, room temperature
and 1000 °C to the settings the site player offers.
"""

from __future__ import annotations

from stemcpd.chemistry.bonding.model import (
    SUBSTANCES,
    TEMPERATURE_PRESETS_C,
    BondingParams,
    describe,
    examine,
    to_table,
)
from stemcpd.chemistry.bonding.view import BondingView
from stemcpd.ui.app import Presets, SimulationApp
from stemcpd.ui.controls import Choice, Control

CONTROLS = (
    Choice("substance", "Substance", tuple((data.name, data.name.capitalize()) for data in SUBSTANCES),
           "sodium chloride", help="Choose the substance: two of each structure type."),
    Control("temperature_c", "Temperature", -250, 3750, 250, 25, "°C",
            help="Temperature at 1 atm: each substance's state follows from its melting and boiling points."),
)


class BondingApp(SimulationApp):
    """The structure and properties explorer as a notebook / Voilà app."""

    name = "bonding"
    title = "Structure and properties: melting, boiling and conducting"
    summary = "Ionic, giant covalent, metallic and simple molecular substances: states at any temperature and conduction."
    controls = CONTROLS
    presets = (Presets("temperature_c", "Temperature", TEMPERATURE_PRESETS_C, "Useful temperatures."),)
    default_size_px = (1000, 440)

    view_class = BondingView
    params_class = BondingParams
    compute_function = staticmethod(examine)
    describe_function = staticmethod(describe)
    table_function = staticmethod(to_table)  # melting and boiling points of every substance

    def readout_html(self, result):
        data = result.params.data
        conducts = "conducts" if result.conducts_now else "does not conduct"
        temperature = f"{result.params.temperature_c:g} °C".replace("-", "−")
        return f"<b>{data.name}</b> ({data.structure}) at {temperature} · <b>{result.state}</b> · {conducts}"


APP = BondingApp
show = APP.show  # show(**initial) builds, displays and returns the app
