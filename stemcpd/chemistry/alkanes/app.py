"""Interactive homologous-series explorer: choose a chain length, a temperature and
complete or incomplete combustion; see the fraction, the state and the balanced equation.

This is the only alkanes module that sees both the model and the view. The shared
:class:`~stemcpd.ui.app.SimulationApp` does the wiring. Nothing runs in time, so there
is no playback. The buttons name the first four alkanes (the ones AQA asks pupils to
name) and one alkane from each liquid fuel fraction, so the site's player offers them.
"""

from __future__ import annotations

from stemcpd.chemistry.alkanes.model import (
    CARBON_ATOM_PRESETS,
    MAX_CARBON_ATOMS,
    MAX_TEMPERATURE_C,
    MIN_TEMPERATURE_C,
    TEMPERATURE_PRESETS_C,
    AlkaneParams,
    describe,
    equation_text,
    examine,
    to_table,
)
from stemcpd.chemistry.alkanes.view import AlkanesView
from stemcpd.ui.app import Presets, SimulationApp
from stemcpd.ui.controls import Choice, Control

CONTROLS = (
    Control("carbon_atoms", "Carbon atoms in the chain, n", 1, MAX_CARBON_ATOMS, 1, 8, "", integer=True,
            help="The alkane CnH2n+2 with n carbon atoms in a straight chain."),
    Control("temperature_c", "Temperature", MIN_TEMPERATURE_C, MAX_TEMPERATURE_C, 25, 25, "°C",
            help="Temperature at 1 atm: the alkane's state follows from its melting and boiling points."),
    Choice("combustion", "Combustion", (("complete", "complete (plenty of oxygen)"),
                                        ("incomplete", "incomplete (carbon monoxide)")), "complete",
           help="Plenty of oxygen gives carbon dioxide and water; too little gives carbon monoxide (and soot)."),
)


class AlkanesApp(SimulationApp):
    """The alkanes and crude oil explorer as a notebook / Voilà app."""

    name = "alkanes"
    title = "Alkanes and crude oil: fractions, states and combustion"
    summary = ("The alkanes C1–C20: formula, boiling point, the crude-oil fraction each leaves the column in, "
               "state at any temperature and the balanced combustion equation.")
    controls = CONTROLS
    presets = (Presets("carbon_atoms", "Alkane", CARBON_ATOM_PRESETS, "Choose an alkane by name."),
               Presets("temperature_c", "Temperature", TEMPERATURE_PRESETS_C, "Useful temperatures."))
    default_size_px = (1000, 460)

    view_class = AlkanesView
    params_class = AlkaneParams
    compute_function = staticmethod(examine)
    describe_function = staticmethod(describe)
    table_function = staticmethod(to_table)  # the series C1–C20 with published melting and boiling points

    def readout_html(self, result):
        data = result.alkane
        oxide = "CO<sub>2</sub>" if result.params.combustion == "complete" else "CO"
        formula = data.display_formula
        return (f"<b>{data.name}</b> {formula} · M<sub>r</sub> {data.relative_formula_mass} · "
                f"<b>{result.state}</b> · {result.fraction.name} · {equation_text(result.equation)} · "
                f"<b>{result.product_mass_per_gram:.2f} g</b> {oxide} per g")


APP = AlkanesApp
show = APP.show  # show(**initial) builds, displays and returns the app
