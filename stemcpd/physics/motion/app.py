"""Interactive trolley and light gates: sliders (declared as data) drive the model and
the view.

This is the only motion module that sees both the model and the view. The shared
:class:`~stemcpd.ui.app.SimulationApp` does the wiring: a slider change runs
:func:`~stemcpd.physics.motion.model.simulate`, moves the view's artists, renders a PNG
frame, and rewrites the gate readout and the text description (an ARIA live region).
Play / pause / step / reset move the trolley along the runway.
"""

from __future__ import annotations

from stemcpd.physics.motion.model import TrolleyParams, describe, simulate, to_table
from stemcpd.physics.motion.view import MotionView
from stemcpd.ui.app import SimulationApp
from stemcpd.ui.controls import Control

CONTROLS = (
    Control("trolley_mass_kg", "Trolley mass", 0.10, 2.00, 0.01, 0.50, "kg",
            help="The trolley and any masses left on it."),
    Control("hanging_mass_kg", "Hanging mass", 0.0, 0.50, 0.005, 0.05, "kg",
            help="Its weight, mass × g, is the accelerating force."),
    Control("friction_n", "Friction", 0.0, 2.0, 0.01, 0.0, "N",
            help="0 means the runway is friction-compensated (tilted just enough)."),
    Control("gate_1_m", "Light gate 1 position", 0.10, 0.60, 0.01, 0.30, "m",
            help="Distance from the start to the first light gate."),
    Control("gate_2_m", "Light gate 2 position", 0.70, 1.50, 0.01, 1.00, "m",
            help="Distance from the start to the second light gate."),
    Control("card_length_m", "Card length", 0.010, 0.200, 0.005, 0.050, "m",
            help="The card on the trolley that breaks each light beam."),
)


class MotionApp(SimulationApp):
    """The trolley-and-light-gates simulation as a notebook / Voilà app."""

    name = "motion"
    title = "Force and acceleration: trolley and light gates"
    summary = "Pull a trolley with a hanging mass, time it with light gates, and find a = F / m."
    controls = CONTROLS
    playback_frames = 120
    default_size_px = (1000, 560)

    view_class = MotionView
    params_class = TrolleyParams
    compute_function = staticmethod(simulate)
    describe_function = staticmethod(describe)
    table_function = staticmethod(to_table)

    def readout_html(self, run):
        p = run.params
        if not run.moves:
            return (
                f"Pull <b>{p.pulling_force_n:.3f} N</b> ≤ friction <b>{p.friction_n:.2f} N</b>: "
                "no motion · gate 1 — · gate 2 —"
            )
        (t1, t2), (v1, v2) = run.gate_times_s, run.gate_speeds_m_s
        return (
            f"a = <b>{run.acceleration_m_s2:.3f} m/s²</b> · gate 1 <b>{t1:.3f} s</b> → {v1:.3f} m/s · "
            f"gate 2 <b>{t2:.3f} s</b> → {v2:.3f} m/s · from the gates a = "
            f"{run.measured_acceleration_m_s2:.3f} m/s²"
        )

    @property
    def run(self):
        """The current :class:`~stemcpd.physics.motion.model.TrolleyRun`."""
        return self.result


APP = MotionApp
show = APP.show  # show(**initial) builds, displays and returns the app
