"""Interactive energetics: a reaction profile beside the temperature–time record of the
same reaction in a polystyrene cup.

This is the only energetics module that sees both the model and the view. Play / step /
reset move a thermometer marker along the temperature–time curve: before mixing, the
moment of mixing, the peak and the slow cooling afterwards.
"""

from __future__ import annotations

import numpy as np

from stemcpd.chemistry.energetics.model import (
    DELTA_H_PRESETS_KJ_MOL,
    EnergeticsParams,
    describe,
    simulate,
    to_table,
)
from stemcpd.chemistry.energetics.view import EnergeticsView
from stemcpd.ui.app import Presets, SimulationApp
from stemcpd.ui.controls import Control

CONTROLS = (
    Control("delta_h_kj_mol", "Enthalpy change ΔH", -250, 50, 0.1, -57.1, "kJ/mol",
            help="Per mole of the limiting reagent; negative is exothermic (the cup warms up)."),
    Control("activation_energy_kj_mol", "Activation energy Ea", 60, 300, 1, 80, "kJ/mol",
            help="From the reactants to the top of the hump."),
    Control("catalyst_reduction_percent", "Catalyst lowers the hump by", 0, 90, 1, 0, "%",
            help="A catalyst gives a lower-energy path; ΔH and the temperature change stay the same."),
    Control("concentration_1_mol_dm3", "Acid (HCl) concentration", 0.1, 2.0, 0.05, 1.0, "mol/dm³",
            help="Solution 1."),
    Control("volume_1_cm3", "Acid volume", 5, 100, 1, 25, "cm³",
            help="Measured with a measuring cylinder."),
    Control("concentration_2_mol_dm3", "Alkali (NaOH) concentration", 0.1, 2.0, 0.05, 1.0, "mol/dm³",
            help="Solution 2; the one with fewer moles is the limiting reagent."),
    Control("volume_2_cm3", "Alkali volume", 5, 100, 1, 25, "cm³",
            help="The total volume is the mass of solution warmed (1 cm³ ≈ 1 g)."),
    Control("heat_loss_per_s", "Heat-loss rate of the cup", 0.0, 0.005, 0.0001, 0.0005, "s⁻¹",
            help="0 is a perfect insulator; about 0.0005 per second for a polystyrene cup with a lid."),
    Control("reaction_time_s", "Time to mix and react", 1, 120, 1, 5, "s",
            help="Slower mixing or reaction means more heat is lost before the peak."),
)


class EnergeticsApp(SimulationApp):
    """The energetics simulation as a notebook / Voilà app (see :class:`SimulationApp`)."""

    name = "energetics"
    title = "Energy changes: reaction profiles and the temperature-change practical"
    summary = "Exothermic and endothermic reactions: profile with Ea and a catalyst, ΔT in a cup, ΔH = −mcΔT/n."
    controls = CONTROLS
    presets = (
        Presets("delta_h_kj_mol", "ΔH of", DELTA_H_PRESETS_KJ_MOL,
                "HCl + NaOH −57.1 kJ/mol; Zn + CuSO₄ −218.7 kJ/mol (from NBS enthalpies of formation)."),
    )
    playback_frames = 150
    default_size_px = (1000, 440)

    view_class = EnergeticsView
    params_class = EnergeticsParams
    compute_function = staticmethod(simulate)
    describe_function = staticmethod(describe)
    table_function = staticmethod(to_table)

    def readout_html(self, run):
        p = run.params
        return (
            f"Largest <b>ΔT = {run.observed_change_k:+.2f} °C</b> · "
            f"ΔH calculated <b>{run.delta_h_from_observed_kj_mol:.1f} kJ/mol</b> vs true "
            f"<b>{p.delta_h_kj_mol:.1f} kJ/mol</b> · with cooling correction "
            f"{run.delta_h_from_extrapolation_kj_mol:.1f} kJ/mol · {p.moles_limiting_mol:.4f} mol reacting in "
            f"{p.solution_mass_g:.0f} g of solution"
        )

    def playback_readout_html(self, run, time_s):
        temperature = float(np.interp(time_s, run.times_s, run.temperature_c))
        return f"t = {time_s:.0f} s · thermometer {temperature:.2f} °C"

    @property
    def run(self):
        """The current :class:`~stemcpd.chemistry.energetics.model.EnergeticsRun`."""
        return self.result


APP = EnergeticsApp
show = APP.show  # show(**initial) builds, displays and returns the app
