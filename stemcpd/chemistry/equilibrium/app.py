"""Interactive equilibrium: Kc (on a log scale) and starting concentrations for
H₂ + I₂ ⇌ 2HI, and temperature and pressure for the Haber process.

This is the only equilibrium module that sees both the model and the view; the shared
:class:`~stemcpd.ui.app.SimulationApp` does the wiring.
"""

from __future__ import annotations

from stemcpd.chemistry.equilibrium.model import (
    EquilibriumParams,
    describe,
    format_k,
    simulate,
    to_table,
)
from stemcpd.chemistry.equilibrium.view import EquilibriumView
from stemcpd.ui.app import Presets, SimulationApp
from stemcpd.ui.controls import Control

CONTROLS = (
    Control("log10_kc", "log₁₀ Kc (H₂ + I₂ ⇌ 2HI)", -6.0, 6.0, 0.005, 1.735, "",
            help="Kc on a log scale: 1.735 is Kc = 54.3 (430 °C); each step of 1 is ten times bigger."),
    Control("initial_hydrogen_mol_dm3", "Initial [H₂]", 0.0, 2.0, 0.01, 0.5, "mol/dm³",
            help="Starting concentration of hydrogen."),
    Control("initial_iodine_mol_dm3", "Initial [I₂]", 0.0, 2.0, 0.01, 0.5, "mol/dm³",
            help="Starting concentration of iodine."),
    Control("initial_hydrogen_iodide_mol_dm3", "Initial [HI]", 0.0, 2.0, 0.01, 0.0, "mol/dm³",
            help="Starting concentration of hydrogen iodide."),
    Control("temperature_c", "Haber temperature", 200, 800, 5, 450, "°C",
            help="Reactor temperature; industry uses about 400–450 °C."),
    Control("pressure_atm", "Haber pressure", 1, 1000, 1, 200, "atm",
            help="Total pressure; industry uses about 150–250 atm."),
)


class EquilibriumApp(SimulationApp):
    """Equilibrium (ICE table and Haber process) as a notebook / Voilà app."""

    name = "equilibrium"
    title = "Reversible reactions and equilibrium"
    summary = "Solve ICE tables from Kc, and see how temperature and pressure move the Haber equilibrium."
    controls = CONTROLS
    presets = (Presets("pressure_atm", "Pressure", {"1 atm": 1, "200 atm (typical)": 200, "1000 atm": 1000},
                       "Set the Haber pressure."),)
    default_size_px = (1000, 440)

    view_class = EquilibriumView
    params_class = EquilibriumParams
    compute_function = staticmethod(simulate)
    describe_function = staticmethod(describe)
    table_function = staticmethod(to_table)

    def readout_html(self, result):
        concentrations = " · ".join(
            f"[{name}] <b>{value:.3f}</b>" if value >= 5e-4 or value == 0 else f"[{name}] <b>{value:.2e}</b>"
            for name, value in zip(("H₂", "I₂", "HI"), result.equilibrium_mol_dm3))
        return (
            f"Kc = {format_k(result.params.kc)}: {concentrations} mol/dm³ · "
            f"Haber yield <b>{result.ammonia_percent:.1f}% NH₃</b>"
        )


APP = EquilibriumApp
show = APP.show  # show(**initial) builds, displays and returns the app
