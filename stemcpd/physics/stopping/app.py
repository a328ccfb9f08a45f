"""Interactive stopping distance: sliders (declared as data) drive the model and view.

Choose the speed (or a UK speed limit), the driver's reaction time and the road's grip
(or dry, wet, icy); press Play to watch the stop. The readout gives thinking, braking and
stopping distance.
"""

from __future__ import annotations

from stemcpd.physics.stopping.model import (
    ROAD_GRIP,
    SPEED_LIMITS_MPH,
    StoppingParams,
    describe,
    mph_to_m_s,
    simulate,
    to_table,
)
from stemcpd.physics.stopping.view import StoppingView
from stemcpd.ui.app import Presets, SimulationApp
from stemcpd.ui.controls import Control

CONTROLS = (
    Control("speed_m_s", "Speed", 4.0, 32.0, 0.1, 13.4, "m/s",
            help="13.4 m/s is 30 mph; 31.3 m/s is 70 mph."),
    Control("reaction_time_s", "Reaction time", 0.3, 2.0, 0.1, 0.7, "s",
            help="About 0.7 s for an alert driver; longer when tired, distracted, or after alcohol or drugs."),
    Control("friction_coefficient", "Road grip (coefficient of friction)", 0.1, 1.0, 0.05, 0.7, "",
            help="Dry road about 0.7, wet 0.4, ice 0.1; worn tyres and brakes lower it."),
)

SPEED_PRESETS = {f"{mph} mph": round(mph_to_m_s(mph), 1) for mph in SPEED_LIMITS_MPH}


class StoppingApp(SimulationApp):
    """An emergency stop: thinking distance plus braking distance."""

    name = "stopping"
    title = "Stopping distance"
    summary = "Stop a car: thinking distance plus braking distance, speed, reaction time and road conditions."
    controls = CONTROLS
    presets = (
        Presets("speed_m_s", "Speed limit", SPEED_PRESETS, "Set the speed to a UK speed limit."),
        Presets("friction_coefficient", "Road", ROAD_GRIP, "Typical grip of good tyres on this road."),
    )
    playback_frames = 120
    default_size_px = (1000, 420)

    view_class = StoppingView
    params_class = StoppingParams
    compute_function = staticmethod(simulate)
    describe_function = staticmethod(describe)
    table_function = staticmethod(to_table)

    def readout_html(self, run):
        return (
            f"Thinking <b>{run.thinking_distance_m:.1f} m</b> + braking <b>{run.braking_distance_m:.1f} m</b> "
            f"= stopping distance <b>{run.stopping_distance_m:.1f} m</b> · deceleration "
            f"{run.params.deceleration_m_s2:.1f} m/s²"
        )


APP = StoppingApp
show = APP.show  # show(**initial) builds, displays and returns the app
