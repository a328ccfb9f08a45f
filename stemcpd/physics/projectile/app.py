"""Interactive projectile: sliders (declared as data) drive the model and the view.

This is the only projectile module that sees both the model and the view. The shared
:class:`~stemcpd.ui.app.SimulationApp` does the wiring: a slider change runs
:func:`~stemcpd.physics.projectile.model.simulate`, moves the view's artists, renders a
PNG frame, and rewrites the readout and the text description (an ARIA live region).
Play / pause / step / reset move the ball along the computed path.
"""

from __future__ import annotations

from stemcpd.physics.projectile.model import (
    GRAVITY_PRESETS_M_S2,
    ProjectileParams,
    describe,
    simulate,
    to_table,
)
from stemcpd.physics.projectile.view import ProjectileView
from stemcpd.ui.app import Presets, SimulationApp
from stemcpd.ui.controls import Control

CONTROLS = (
    Control("speed_m_s", "Launch speed", 1.0, 50.0, 0.5, 20.0, "m/s",
            help="How fast the ball leaves the launcher."),
    Control("angle_deg", "Launch angle", -45, 90, 1, 45, "°",
            help="Above the horizontal; negative throws downwards (try it from a height)."),
    Control("height_m", "Launch height", 0.0, 50.0, 0.5, 0.0, "m",
            help="Height above the ground the ball is launched from."),
    Control("g_m_s2", "Gravitational field strength", 0.5, 30.0, 0.01, 9.81, "N/kg",
            help="9.81 N/kg on Earth; try the Moon or Jupiter."),
    Control("drag_per_m", "Air resistance k = b/m", 0.0, 0.3, 0.001, 0.0, "m⁻¹",
            help="0 means no air resistance; drag force = b × speed², and k = b / mass."),
)

# k = ½ ρ C_d A / m with ρ = 1.2 kg/m³, rounded to the slider step. Football: m = 0.43 kg,
# A = 0.038 m², C_d ≈ 0.25. Table-tennis ball: 2.7 g, 40 mm, C_d ≈ 0.5. Shuttlecock:
# terminal speed ≈ 6.8 m/s, so k = g / v_t² ≈ 0.21 m⁻¹.
DRAG_PRESETS_PER_M = {"None": 0.0, "Football": 0.013, "Table-tennis ball": 0.14, "Shuttlecock": 0.21}


class ProjectileApp(SimulationApp):
    """The projectile simulation as a notebook / Voilà app (see :class:`SimulationApp`)."""

    name = "projectile"
    title = "Projectile motion"
    summary = "Launch a ball: range, greatest height and time of flight, with or without air resistance."
    controls = CONTROLS
    presets = (
        Presets("g_m_s2", "Gravity on", GRAVITY_PRESETS_M_S2, "Set g to its value on a planet or moon."),
        Presets("drag_per_m", "Air resistance of", DRAG_PRESETS_PER_M, "Typical k = b/m for real balls."),
    )
    playback_frames = 120
    default_size_px = (1000, 420)

    view_class = ProjectileView
    params_class = ProjectileParams
    compute_function = staticmethod(simulate)
    describe_function = staticmethod(describe)
    table_function = staticmethod(to_table)

    def duration_s(self, result):
        """The time of flight (a :class:`Flight` keeps its times in ``t``, not ``times_s``)."""
        return float(result.time_of_flight)

    def readout_html(self, result):
        text = (
            f"Range <b>{result.range:.1f} m</b> · highest point <b>{result.max_height:.1f} m</b> · "
            f"time of flight <b>{result.time_of_flight:.2f} s</b>"
        )
        if result.vacuum is not None:
            text += f" · without air resistance: range {result.vacuum.range:.1f} m"
        return text

    @property
    def flight(self):
        """The current :class:`~stemcpd.physics.projectile.model.Flight`."""
        return self.result


APP = ProjectileApp
show = APP.show  # show(**initial) builds, displays and returns the app
