"""Interactive National Grid: sliders (declared as data) drive the model and the view.

Choose the power the station sends, the transmission p.d. (or press a grid p.d.) and the
cables' resistance; press Play to watch the a.c. reverse 50 times a second. The readout
gives the current, the power heating the cables and the efficiency.
"""

from __future__ import annotations

from stemcpd.physics.grid.model import (
    TRANSMISSION_PD_PRESETS_KV,
    GridParams,
    describe,
    number,
    percent_text,
    power_text,
    simulate,
    to_table,
)
from stemcpd.physics.grid.view import GridView
from stemcpd.ui.app import Presets, SimulationApp
from stemcpd.ui.controls import Control

# Ranges chosen so that every combination can be sent (P R / V² stays below 1: at 60 MW,
# 10 Ω and 25 kV the cables take 96 % of the power).
CONTROLS = (
    Control("power_mw", "Power sent", 1.0, 60.0, 1.0, 20.0, "MW",
            help="The power the power station sends into the cables: a small town's demand is about 20 MW."),
    Control("pd_kv", "Transmission p.d.", 25.0, 400.0, 5.0, 400.0, "kV",
            help="Step-up transformers raise the generator's 25 kV to 275 kV or 400 kV for the cables."),
    Control("resistance_ohm", "Resistance of the cables", 0.0, 10.0, 0.5, 5.0, "Ω",
            help="Total resistance of the cables there and back; longer or thinner cables have more."),
)


class GridApp(SimulationApp):
    """Transmission at a chosen p.d.: current P/V, heating I²R, and the a.c. trace."""

    name = "grid"
    title = "The National Grid"
    summary = "Send power along the grid: I = P/V, cable heating I²R, why high p.d. wastes less, the 50 Hz a.c. trace."
    controls = CONTROLS
    presets = (
        Presets("pd_kv", "Transmission p.d.", TRANSMISSION_PD_PRESETS_KV,
                "Send the power at the generator's p.d. or at a grid p.d."),
    )
    playback_frames = 120
    default_size_px = (1000, 420)

    view_class = GridView
    params_class = GridParams
    compute_function = staticmethod(simulate)
    describe_function = staticmethod(describe)
    table_function = staticmethod(to_table)

    def readout_html(self, run):
        return (
            f"Current <b>I = P/V = {number(run.current_a, 4)} A</b> · heating the cables "
            f"<b>I²R = {power_text(run.power_lost_w)}</b> ({percent_text(run.lost_fraction)}) · delivered "
            f"{power_text(run.power_delivered_w, 4)} · efficiency <b>{percent_text(run.efficiency)}</b>"
        )


APP = GridApp
show = APP.show  # show(**initial) builds, displays and returns the app
