"""Interactive distillation of a water sample: mass balance, concentrating residue and
the energy it costs.

This is the only water module that sees both the model and the view. The shared
:class:`~stemcpd.ui.app.SimulationApp` does the wiring. Nothing runs in time, so there
is no playback; three coarse controls keep the site player's data small. The water
sample is a choice: toggle buttons naming each one.
"""

from __future__ import annotations

from stemcpd.chemistry.water.model import SOURCES, WaterParams, describe, distil, to_table
from stemcpd.chemistry.water.view import WaterView
from stemcpd.ui.app import SimulationApp
from stemcpd.ui.controls import Choice, Control

CONTROLS = (
    Choice("source", "Water sample", tuple((source.name, source.label) for source in SOURCES), "seawater",
           help="Hard tap water, still mineral water or seawater: how much is dissolved in each."),
    Control("sample_volume_cm3", "Volume of sample", 50, 250, 50, 100, "cm³",
            help="Volume of sample put in the flask."),
    Control("distilled_percent", "Water distilled off", 0, 90, 10, 50, "%",
            help="Share of the sample's water boiled off and collected as distillate."),
)


class WaterApp(SimulationApp):
    """The distillation as a notebook / Voilà app (see :class:`SimulationApp`)."""

    name = "water"
    title = "Purifying water: distillation as a mass balance"
    summary = "Distil tap, mineral or seawater: distillate + residue = sample, the residue's concentration, the energy."
    controls = CONTROLS
    default_size_px = (1000, 420)

    view_class = WaterView
    params_class = WaterParams
    compute_function = staticmethod(distil)
    describe_function = staticmethod(describe)
    table_function = staticmethod(to_table)  # residue concentration against share distilled

    def readout_html(self, result):
        return (
            f"distillate <b>{result.distillate_g:.1f} g</b> · residue <b>{result.residue_g:.1f} g</b> · "
            f"total {result.sample_g:.1f} g · energy <b>{result.energy_kj:.0f} kJ</b>"
        )


APP = WaterApp
show = APP.show  # show(**initial) builds, displays and returns the app
