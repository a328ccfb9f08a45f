"""Interactive energy track: a block slides down a ramp, across a floor and up the far
ramp; the bar chart and the graphs show gravitational potential, kinetic and thermal
stores as friction transfers energy away.

This is the only energy module that sees both the model and the view; the shared
:class:`~stemcpd.ui.app.SimulationApp` does the wiring and the playback.
"""

from __future__ import annotations

import math

import numpy as np

from stemcpd.physics.energy.model import TrackParams, describe, simulate, to_table
from stemcpd.physics.energy.view import EnergyView
from stemcpd.ui.app import SimulationApp
from stemcpd.ui.controls import Control

CONTROLS = (
    Control("height_m", "Starting height", 0.2, 3.0, 0.1, 1.0, "m",
            help="Height of the start above the floor; the far ramp is just as high."),
    Control("ramp_angle_deg", "Ramp angle", 10, 70, 1, 30, "°",
            help="Steepness of both ramps."),
    Control("flat_length_m", "Length of the flat floor", 0.0, 3.0, 0.1, 1.0, "m",
            help="The straight, level part between the ramps."),
    Control("mass_kg", "Mass of the block", 0.1, 5.0, 0.1, 1.0, "kg",
            help="Changes the energies, not the motion."),
    Control("friction_coefficient", "Friction coefficient μ", 0.0, 0.5, 0.01, 0.1, "",
            help="0 is frictionless; friction force μ m g cos θ opposes sliding."),
)


class EnergyApp(SimulationApp):
    """The energy-track simulation as a notebook / Voilà app (see :class:`SimulationApp`).

    Play / pause / step / reset move the block, the bars and the time marker.
    """

    name = "energy"
    title = "Energy stores on a track"
    summary = "Slide a block down a ramp: gravitational potential, kinetic and thermal stores, and efficiency."
    controls = CONTROLS
    playback_frames = 200
    default_size_px = (1000, 420)

    view_class = EnergyView
    params_class = TrackParams
    compute_function = staticmethod(simulate)
    describe_function = staticmethod(describe)
    table_function = staticmethod(to_table)

    def readout_html(self, run):
        p = run.params
        ideal = math.sqrt(2 * p.g_m_s2 * p.height_m)
        rest = f"at rest after {run.rest_time_s:.1f} s" if math.isfinite(run.rest_time_s) else "still moving"
        return (
            f"Speed at the bottom <b>{run.speed_at_bottom_m_s:.2f} m/s</b> (√(2gh) = {ideal:.2f} m/s) · "
            f"efficiency of the first descent <b>{run.efficiency * 100:.0f}%</b> · "
            f"thermal store <b>{run.thermal_energy_j[-1]:.3g} J</b> of {run.initial_energy_j:.3g} J, {rest}"
        )

    def playback_readout_html(self, run, time_s):
        """The time, with the speed, the three energy stores and the share of the energy
        still in the GPE and KE stores at that moment."""
        def now(values):
            return float(np.interp(time_s, run.times_s, values))

        gravitational, kinetic = now(run.gravitational_energy_j), now(run.kinetic_energy_j)
        mechanical = (gravitational + kinetic) / run.initial_energy_j * 100
        return (
            f"{super().playback_readout_html(run, time_s)} · speed {now(run.speed_m_s):.2f} m/s · "
            f"GPE {gravitational:.3g} J · KE {kinetic:.3g} J · "
            f"thermal {now(run.thermal_energy_j):.3g} J · GPE + KE left: {mechanical:.0f}%"
        )

    @property
    def run(self):
        """The current :class:`~stemcpd.physics.energy.model.TrackRun`."""
        return self.result


APP = EnergyApp
show = APP.show  # show(**initial) builds, displays and returns the app
