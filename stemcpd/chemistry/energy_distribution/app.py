"""Interactive Maxwell–Boltzmann distribution: temperature, a comparison temperature,
activation energy, a catalyst and the gas's molar mass drive the model and the view.

This is the only energy-distribution module that sees both the model and the view; the
shared :class:`~stemcpd.ui.app.SimulationApp` does the wiring.
"""

from __future__ import annotations

from stemcpd.chemistry.energy_distribution.model import (
    MOLAR_MASS_PRESETS_G_MOL,
    EnergyDistributionParams,
    describe,
    format_fraction,
    simulate,
    to_table,
)
from stemcpd.chemistry.energy_distribution.view import EnergyDistributionView
from stemcpd.ui.app import Presets, SimulationApp
from stemcpd.ui.controls import Control

# Ea starts at 40 kJ/mol and a catalyst lowers it by at most 35 kJ/mol, so every slider
# combination leaves a catalysed Ea of at least 5 kJ/mol (the model rejects Ea ≤ 0).
CONTROLS = (
    Control("temperature_k", "Temperature T", 150, 1000, 1, 298, "K",
            help="Temperature of the gas; 298 K is 25 °C."),
    Control("comparison_temperature_k", "Comparison temperature T₂", 150, 1000, 1, 308, "K",
            help="A second temperature drawn dashed, to compare with T."),
    Control("activation_energy_kj_mol", "Activation energy Ea", 40, 200, 1, 50, "kJ/mol",
            help="The least energy a molecule needs to react, without a catalyst."),
    Control("catalyst_reduction_kj_mol", "Catalyst lowers Ea by", 0, 35, 1, 10, "kJ/mol",
            help="0 means no catalyst. A catalyst gives a route with a lower activation energy."),
    Control("molar_mass_g_mol", "Molar mass", 2.0, 200.0, 0.001, 28.014, "g/mol",
            help="Changes the speeds, not the energies or the fraction able to react."),
)


class EnergyDistributionApp(SimulationApp):
    """The Maxwell–Boltzmann distribution as a notebook / Voilà app."""

    name = "energy_distribution"
    title = "Maxwell–Boltzmann distribution and activation energy"
    summary = "Speeds and energies of gas molecules: how temperature and catalysts change the fraction above Ea."
    controls = CONTROLS
    presets = (Presets("molar_mass_g_mol", "Gas", MOLAR_MASS_PRESETS_G_MOL,
                       "Set the molar mass to that of a common gas."),)
    default_size_px = (1100, 440)

    view_class = EnergyDistributionView
    params_class = EnergyDistributionParams
    compute_function = staticmethod(simulate)
    describe_function = staticmethod(describe)
    table_function = staticmethod(to_table)

    def readout_html(self, result):
        p = result.params
        text = (
            f"Fraction above Ea at {p.temperature_k:.0f} K <b>{format_fraction(result.fraction_above_ea)}</b> · "
            f"at {p.comparison_temperature_k:.0f} K {format_fraction(result.fraction_above_ea_comparison)} · "
            f"ratio <b>{result.temperature_ratio:.3g}</b>"
        )
        if p.catalyst_reduction_kj_mol > 0:
            text += f" · catalyst: <b>×{result.catalyst_ratio:.3g}</b>"
        return text


APP = EnergyDistributionApp
show = APP.show  # show(**initial) builds, displays and returns the app
