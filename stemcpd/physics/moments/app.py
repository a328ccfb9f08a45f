"""Interactive see-saw: sliders (declared as data) drive the moments model and view.

Move the two loads and change their masses; the beam balances when the clockwise and
anticlockwise moments are equal. The readout gives both moments and where the right-hand
load would balance.
"""

from __future__ import annotations

from stemcpd.physics.moments.model import SeesawParams, balance, describe, to_table
from stemcpd.physics.moments.view import SeesawView
from stemcpd.ui.app import SimulationApp
from stemcpd.ui.controls import Control

# Steps chosen so pupils can find exact balances (40 kg × 1.5 m = 60 kg × 1.0 m).
CONTROLS = (
    Control("left_mass_kg", "Mass on the left", 10, 80, 10, 40, "kg", help="A pupil or a load left of the pivot."),
    Control("left_distance_m", "Distance of left load from pivot", 0.5, 2.0, 0.25, 1.5, "m",
            help="Measured along the beam from the pivot."),
    Control("right_mass_kg", "Mass on the right", 10, 80, 10, 60, "kg", help="A pupil or a load right of the pivot."),
    Control("right_distance_m", "Distance of right load from pivot", 0.5, 2.0, 0.25, 1.0, "m",
            help="Measured along the beam from the pivot."),
)


class MomentsApp(SimulationApp):
    """A see-saw: the principle of moments."""

    name = "moments"
    title = "Moments: balance a see-saw"
    summary = "Balance a see-saw: clockwise moments equal anticlockwise moments, moment = force × distance."
    controls = CONTROLS
    default_size_px = (1000, 420)

    view_class = SeesawView
    params_class = SeesawParams
    compute_function = staticmethod(balance)
    describe_function = staticmethod(describe)
    table_function = staticmethod(to_table)

    def readout_html(self, result):
        verdict = "balanced" if result.turns == "balanced" else f"turns <b>{result.turns}</b>"
        return (
            f"Anticlockwise <b>{result.anticlockwise_moment_n_m:.0f} N m</b> · clockwise "
            f"<b>{result.clockwise_moment_n_m:.0f} N m</b> · {verdict} · right load balances at "
            f"{result.balancing_distance_m:.2f} m"
        )


APP = MomentsApp
show = APP.show  # show(**initial) builds, displays and returns the app
