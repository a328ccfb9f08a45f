"""Interactive pendulum: sliders (declared as data) drive the model and the view.

This is the only pendulum module that sees both the model and the view. The shared
:class:`~stemcpd.ui.app.SimulationApp` does the wiring: a slider change runs
:func:`~stemcpd.physics.pendulum.model.simulate`, moves the view's artists, renders a PNG
frame into an ``ipywidgets.Image``, and rewrites the period readout and the text
description (an ARIA live region, so screen readers announce it).
"""

from __future__ import annotations

from stemcpd.physics.pendulum.model import (
    GRAVITY_PRESETS_M_S2,
    PendulumParams,
    describe,
    simulate,
    small_angle_period,
    to_table,
)
from stemcpd.physics.pendulum.view import PendulumView
from stemcpd.ui.app import Presets, SimulationApp
from stemcpd.ui.controls import Control
from stemcpd.ui.scales import ladder_ceiling

CONTROLS = (
    Control("length_m", "Length", 0.10, 3.00, 0.01, 1.00, "m",
            help="Distance from the pivot to the centre of the bob."),
    Control("amplitude_deg", "Release angle", 1, 170, 1, 10, "°",
            help="How far from the vertical the bob is released, from rest."),
    Control("mass_kg", "Mass of bob", 0.01, 2.00, 0.01, 0.10, "kg",
            help="Changes the energies, not the swing."),
    Control("g_m_s2", "Gravitational field strength", 0.5, 30.0, 0.01, 9.81, "N/kg",
            help="9.81 N/kg on Earth; try the Moon or Jupiter."),
    Control("damping_per_s", "Damping", 0.0, 1.0, 0.01, 0.0, "s⁻¹",
            help="0 means no air resistance or friction at the pivot."),
)

DURATION_LADDER_S = (5.0, 10.0, 20.0, 30.0, 60.0)


def display_duration(params: PendulumParams) -> float:
    """How many seconds to show: at least three small-angle periods, in round steps."""
    return ladder_ceiling(3.0 * small_angle_period(params.length_m, params.g_m_s2), DURATION_LADDER_S)


class PendulumApp(SimulationApp):
    """The pendulum simulation as a notebook / Voilà app (see :class:`SimulationApp`).

    Play / pause / step / reset move the pendulum through the computed swing.
    """

    name = "pendulum"
    title = "Pendulum"
    summary = "Swing a pendulum: exact period at any angle, damping, energy stores, gravity on other worlds."
    controls = CONTROLS
    presets = (Presets("g_m_s2", "Gravity on", GRAVITY_PRESETS_M_S2, "Set g to its value on a planet or moon."),)
    playback_frames = 200
    default_size_px = (1000, 400)

    view_class = PendulumView
    params_class = PendulumParams
    describe_function = staticmethod(describe)
    table_function = staticmethod(to_table)

    def compute(self, params):
        return simulate(params, duration_s=display_duration(params))

    def readout_html(self, run):
        longer = (run.period_s / run.small_angle_period_s - 1.0) * 100.0
        return (
            f"Period <b>T = {run.period_s:.3f} s</b> · small-angle formula "
            f"2π√(L/g) = {run.small_angle_period_s:.3f} s · real period {longer:.2f}% longer"
        )

    @property
    def run(self):
        """The current :class:`~stemcpd.physics.pendulum.model.PendulumRun`."""
        return self.result


APP = PendulumApp
show = APP.show  # show(**initial) builds, displays and returns the app
