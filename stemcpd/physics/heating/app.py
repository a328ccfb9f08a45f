"""Interactive heating: sliders (declared as data) drive the model and the view.

This is the only heating module that sees both the model and the view. The shared
:class:`~stemcpd.ui.app.SimulationApp` does the wiring; playback moves a thermometer
marker along the computed temperature–time curve.
"""

from __future__ import annotations

from stemcpd.physics.heating.model import (
    SPECIFIC_HEAT_CAPACITIES_J_PER_KG_K,
    HeatingParams,
    cooling_half_life_s,
    describe,
    simulate,
    to_table,
)
from stemcpd.physics.heating.view import HeatingView
from stemcpd.ui.app import Presets, SimulationApp
from stemcpd.ui.controls import Control

CONTROLS = (
    Control("power_w", "Heater power", 5, 200, 1, 50, "W",
            help="A 12 V immersion heater in the lab is usually 30 to 60 W."),
    Control("mass_kg", "Mass of block", 0.1, 5.0, 0.1, 1.0, "kg",
            help="School blocks are usually 1 kg."),
    Control("specific_heat_j_per_kg_k", "Specific heat capacity", 100, 5000, 1, 900, "J/(kg K)",
            help="Energy needed to warm 1 kg by 1 K; pick a material below."),
    Control("heat_loss_w_per_k", "Heat-loss coefficient", 0.0, 2.0, 0.01, 0.3, "W/K",
            help="Energy lost each second per kelvin above room temperature; insulation lowers it, 0 is perfect."),
    Control("room_temperature_c", "Room temperature", 0, 35, 1, 20, "°C",
            help="The block starts at room temperature."),
    Control("heating_time_s", "Heating time", 60, 1800, 60, 600, "s",
            help="How long the heater is switched on."),
    Control("cooling_time_s", "Cooling time", 0, 3600, 60, 600, "s",
            help="How long the block is watched after the heater is switched off."),
)

INSULATION_PRESETS_W_PER_K = {
    "Well insulated": 0.05,
    "Lagged block": 0.3,
    "Bare block": 0.8,
    "Perfect (no loss)": 0.0,
}


class HeatingApp(SimulationApp):
    """The specific-heat-capacity simulation as a notebook / Voilà app."""

    name = "heating"
    title = "Heating a block: specific heat capacity and heat loss"
    summary = "Heat a block with an electric heater: E = mcΔT, heat loss to the room, insulation and cooling curves."
    controls = CONTROLS
    presets = (
        Presets("specific_heat_j_per_kg_k", "Material", SPECIFIC_HEAT_CAPACITIES_J_PER_KG_K,
                "Set c to a material's specific heat capacity (CRC Handbook; Kaye & Laby)."),
        Presets("heat_loss_w_per_k", "Insulation", INSULATION_PRESETS_W_PER_K,
                "Typical heat-loss coefficients for a 1 kg block."),
    )
    playback_frames = 200
    default_size_px = (1000, 420)

    view_class = HeatingView
    params_class = HeatingParams
    compute_function = staticmethod(simulate)
    describe_function = staticmethod(describe)
    table_function = staticmethod(to_table)

    def readout_html(self, run):
        p = run.params
        half_life = cooling_half_life_s(p)
        half_life_text = "never cools" if half_life == float("inf") else f"cooling half-life {half_life:.0f} s"
        return (
            f"Rise <b>ΔT = {run.temperature_rise_k:.1f} K</b> (no loss: {run.no_loss_rise_k:.1f} K) · "
            f"apparent c <b>{run.apparent_specific_heat_j_per_kg_k:.0f} J/(kg K)</b> vs true "
            f"{p.specific_heat_j_per_kg_k:.0f} ({run.apparent_error_percent:+.1f}%) · {half_life_text} · "
            f"{run.temperature_c[-1]:.1f} °C at the end"
        )

    @property
    def run(self):
        """The current :class:`~stemcpd.physics.heating.model.HeatingRun`."""
        return self.result


APP = HeatingApp
show = APP.show  # show(**initial) builds, displays and returns the app
