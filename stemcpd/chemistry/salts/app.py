"""Interactive salt preparation: excess base, filtration and crystallisation.

This is the only salts module that sees both the model and the view. The shared
:class:`~stemcpd.ui.app.SimulationApp` does the wiring. Nothing runs in time, so there
is no playback. Three controls, each with few values, keep the site player's data
small (one setting per value). The salt is a choice: toggle buttons naming each
base with its acid.
"""

from __future__ import annotations

from stemcpd.chemistry.salts.model import PREPARATIONS, SaltParams, describe, prepare, to_table
from stemcpd.chemistry.salts.view import SaltView
from stemcpd.ui.app import SimulationApp
from stemcpd.ui.controls import Choice, Control

CONTROLS = (
    Choice("preparation", "Salt",
           tuple((preparation.base_name, preparation.label) for preparation in PREPARATIONS), "copper(II) oxide",
           help="The insoluble base (copper(II) oxide, copper(II) carbonate or zinc oxide), each with 25 cm³ of "
                "1.0 mol/dm³ sulfuric acid."),
    Control("base_mass_g", "Mass of base added", 0.5, 4.0, 0.5, 2.5, "g",
            help="Insoluble oxide or carbonate added to the warm acid."),
    Control("water_boiled_off_percent", "Water boiled off before cooling", 0, 90, 10, 70, "%",
            help="Share of the filtrate's water evaporated before it is left to cool to 20 °C."),
)


class SaltsApp(SimulationApp):
    """The salt preparation as a notebook / Voilà app (see :class:`SimulationApp`)."""

    name = "salts"
    title = "Making a salt: excess base, filtration and crystallisation"
    summary = "Make copper(II) or zinc sulfate crystals from an insoluble base: where every gram goes, and the yield."
    controls = CONTROLS
    default_size_px = (1000, 440)

    view_class = SaltView
    params_class = SaltParams
    compute_function = staticmethod(prepare)
    describe_function = staticmethod(describe)
    table_function = staticmethod(to_table)  # crystals and yield against water boiled off

    def readout_html(self, result):
        base = (f"in excess ({result.excess_base_g:.2f} g filtered off)" if result.base_in_excess
                else "<b>not in excess: acid left over</b>")
        crystals = "crust (taken to dryness)" if result.dried_out else "crystals"
        return (
            f"base {base} · {crystals} <b>{result.crystals_g:.2f} g</b> of "
            f"{result.theoretical_crystals_g:.2f} g possible · yield <b>{result.percentage_yield:.0f}%</b>"
        )


APP = SaltsApp
show = APP.show  # show(**initial) builds, displays and returns the app
