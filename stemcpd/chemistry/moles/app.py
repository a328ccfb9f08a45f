"""Interactive mole calculator: reacting masses of a solid with an acid.

This is the only moles module that sees both the model and the view. The shared
:class:`~stemcpd.ui.app.SimulationApp` does the wiring. Nothing runs in time, so there
is no playback. The reaction is a choice: toggle buttons naming each one.
"""

from __future__ import annotations

from stemcpd.chemistry.moles.model import (
    REACTIONS,
    ReactingMassesParams,
    describe,
    reacting_masses,
    to_table,
)
from stemcpd.chemistry.moles.view import ReactingMassesView
from stemcpd.ui.app import SimulationApp
from stemcpd.ui.controls import Choice, Control

CONTROLS = (
    Choice("reaction", "Reaction", tuple((reaction.label, reaction.label) for reaction in REACTIONS), "Mg + 2HCl",
           help="Choose the solid and the acid."),
    Control("solid_mass_g", "Mass of solid", 0.05, 5.00, 0.01, 0.50, "g",
            help="Mass of metal (or marble chips) weighed out."),
    Control("acid_volume_cm3", "Volume of acid", 5, 100, 1, 50, "cm³",
            help="Volume of acid measured with a measuring cylinder."),
    Control("acid_concentration_mol_dm3", "Concentration of acid", 0.10, 2.00, 0.05, 1.00, "mol/dm³",
            help="Moles of acid in each dm³ (1000 cm³) of solution."),
)


class MolesApp(SimulationApp):
    """The mole calculator as a notebook / Voilà app (see :class:`SimulationApp`)."""

    name = "moles"
    title = "Moles: reacting masses and the limiting reagent"
    summary = "Add a weighed solid to acid: moles of each reactant, the limiting reagent and the theoretical yield."
    controls = CONTROLS
    default_size_px = (1000, 440)

    view_class = ReactingMassesView
    params_class = ReactingMassesParams
    compute_function = staticmethod(reacting_masses)
    describe_function = staticmethod(describe)
    table_function = staticmethod(to_table)  # gas volume and salt mass against mass of solid

    def readout_html(self, result):
        r, amounts = result.reaction, result.amounts
        limiting = "both run out together" if amounts.exact_proportions else f"<b>{amounts.limiting}</b>"
        return (
            f"{r.solid} <b>{result.solid_mol:.4f} mol</b> · {r.acid} <b>{result.acid_mol:.4f} mol</b> · "
            f"limiting reagent {limiting} · theoretical yield <b>{result.salt_mass_g:.2f} g {r.salt}</b> "
            f"and <b>{result.gas_volume_cm3:.0f} cm³ {r.gas}</b> at RTP"
        )


APP = MolesApp
show = APP.show  # show(**initial) builds, displays and returns the app
