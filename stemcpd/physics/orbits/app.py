"""Interactive orbits: launch a satellite sideways and watch it orbit, or fall.

Choose the height above the Earth and the launch speed (as a fraction of the speed a
circular orbit needs); press Play to watch one whole orbit with its velocity and force
arrows. The readout gives the period, the speeds and the shape of the orbit.
"""

from __future__ import annotations

from stemcpd.physics.orbits.model import OrbitParams, describe, simulate, time_words, to_table
from stemcpd.physics.orbits.view import OrbitView
from stemcpd.ui.app import Presets, SimulationApp
from stemcpd.ui.controls import Control

CONTROLS = (
    Control("altitude_km", "Height above the Earth", 200, 40000, 100, 400, "km",
            help="Where the satellite is launched; the International Space Station is about 420 km up."),
    Control("speed_fraction", "Launch speed ÷ circular-orbit speed", 0.70, 1.30, 0.05, 1.00, "",
            help="1 gives a circular orbit; less falls inwards, more swings out into an ellipse."),
)

ORBIT_HEIGHTS_KM = {
    "Space station (420 km)": 420,
    "GPS (20 200 km)": 20200,
    "Geostationary (35 800 km)": 35800,
}


class OrbitsApp(SimulationApp):
    """A satellite launched sideways around the Earth: circles, ellipses and falls."""

    name = "orbits"
    title = "Orbits"
    summary = "Launch a satellite: constant speed on a circle, changing speed on an ellipse, or a fall to Earth."
    controls = CONTROLS
    presets = (Presets("altitude_km", "Orbit", ORBIT_HEIGHTS_KM, "Heights of real satellite orbits."),)
    playback_frames = 120
    default_size_px = (1000, 420)

    view_class = OrbitView
    params_class = OrbitParams
    compute_function = staticmethod(simulate)
    describe_function = staticmethod(describe)
    table_function = staticmethod(to_table)

    def readout_html(self, run):
        if run.hits_surface:
            return (
                f"<b>Falls to Earth</b> after {time_words(run.duration_s)} · launched at "
                f"{run.launch_speed_m_s / 1000:.2f} km/s (a circle needs {run.circular_speed_m_s / 1000:.2f} km/s)"
            )
        return (
            f"Period <b>T = {time_words(run.period_s)}</b> · speed {run.speed_m_s.min() / 1000:.2f} to "
            f"{run.speed_m_s.max() / 1000:.2f} km/s · a circle here needs {run.circular_speed_m_s / 1000:.2f} km/s"
        )


APP = OrbitsApp
show = APP.show  # show(**initial) builds, displays and returns the app
