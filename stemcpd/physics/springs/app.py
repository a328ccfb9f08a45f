"""Interactive springs: load a spring (or a series/parallel arrangement), see the
force–extension graph bend past the elastic limit, then pull the mass down and watch it
bounce.

This is the only springs module that sees both the model and the view; the shared
:class:`~stemcpd.ui.app.SimulationApp` does the wiring and the playback.
"""

from __future__ import annotations

import numpy as np

from stemcpd.physics.springs.model import SpringParams, describe, period, simulate, to_table
from stemcpd.physics.springs.view import SpringsView
from stemcpd.ui.app import Presets, SimulationApp
from stemcpd.ui.controls import Control
from stemcpd.ui.scales import ladder_ceiling

CONTROLS = (
    Control("spring_constant_n_m", "Spring constant of each spring", 5, 100, 1, 25, "N/m",
            help="How many newtons stretch one spring by one metre."),
    Control("elastic_limit_n", "Elastic limit of each spring", 1.0, 20.0, 0.5, 5.0, "N",
            help="Beyond this force extension is no longer proportional to force."),
    Control("mass_kg", "Mass hung on the springs", 0.1, 2.0, 0.1, 0.3, "kg",
            help="Slotted masses, 100 g each; the weight is the stretching force."),
    Control("springs_in_series", "Springs in series (end to end)", 1, 4, 1, 1, "",
            help="Each chain of springs in series: 1/k = 1/k₁ + 1/k₂ + …", integer=True),
    Control("springs_in_parallel", "Chains in parallel (side by side)", 1, 4, 1, 1, "",
            help="Chains side by side share the load: k = k₁ + k₂ + …", integer=True),
    Control("amplitude_m", "Pulled down by", 0.005, 0.100, 0.005, 0.020, "m",
            help="How far below its resting position the mass is released from rest."),
    Control("damping_per_s", "Damping", 0.0, 2.0, 0.05, 0.0, "s⁻¹",
            help="0 means no air resistance; larger values make the bounce die away."),
)

DURATION_LADDER_S = (0.5, 1.0, 2.0, 5.0, 10.0, 20.0, 30.0, 60.0)


def display_duration(params: SpringParams) -> float:
    """How many seconds of the bounce to show: at least five periods, in round steps."""
    return ladder_ceiling(5.0 * period(params.mass_kg, params.effective_spring_constant_n_m), DURATION_LADDER_S)


class SpringsApp(SimulationApp):
    """The springs simulation as a notebook / Voilà app (see :class:`SimulationApp`).

    Play / pause / step / reset move the mass through the computed bounce.
    """

    name = "springs"
    title = "Springs: Hooke's law and bouncing masses"
    summary = "Stretch springs past the elastic limit, combine them in series and parallel, and time a bouncing mass."
    controls = CONTROLS
    presets = (
        Presets("spring_constant_n_m", "Spring", {"soft (10 N/m)": 10, "school (25 N/m)": 25, "stiff (80 N/m)": 80},
                "Typical spring constants."),
    )
    playback_frames = 200
    default_size_px = (1000, 420)

    view_class = SpringsView
    params_class = SpringParams
    describe_function = staticmethod(describe)
    table_function = staticmethod(to_table)

    def compute(self, params):
        return simulate(params, duration_s=display_duration(params))

    def readout_html(self, run):
        limit = (f" (beyond the elastic limit: permanent set {run.permanent_set_m * 100:.1f} cm)"
                 if run.beyond_elastic_limit else "")
        return (
            f"Extension <b>{run.load_extension_m * 100:.1f} cm</b>{limit} · k = <b>{run.spring_constant_n_m:.3g} N/m</b>"
            f" · elastic limit {run.elastic_limit_n:.3g} N · energy stored <b>{run.stored_energy_j:.3g} J</b>"
            f" · period <b>T = {run.period_s:.3f} s</b> (2π√(m/k))"
        )

    def playback_readout_html(self, run, time_s):
        """The time, with how far the mass is then below or above its resting position."""
        displacement_cm = float(np.interp(time_s, run.times_s, run.displacement_m)) * 100
        if round(displacement_cm, 1) == 0:
            where = "at its resting position"
        else:
            where = f"{abs(displacement_cm):.1f} cm {'below' if displacement_cm > 0 else 'above'} its resting position"
        return f"{super().playback_readout_html(run, time_s)} · mass {where}"

    @property
    def run(self):
        """The current :class:`~stemcpd.physics.springs.model.SpringRun`."""
        return self.result


APP = SpringsApp
show = APP.show  # show(**initial) builds, displays and returns the app
