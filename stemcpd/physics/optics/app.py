"""Interactive refraction: sliders (declared as data) drive the optics model and view.

Choose the angle of incidence and the refractive indices of the two media (or a
material preset); the ray diagram and the r-against-i graph follow, and the readout
gives the angle of refraction — or says "total internal reflection" — and the critical
angle.
"""

from __future__ import annotations

from stemcpd.physics.optics.model import REFRACTIVE_INDICES, BoundaryParams, describe, to_table, trace
from stemcpd.physics.optics.view import BoundaryView
from stemcpd.ui.app import Presets, SimulationApp
from stemcpd.ui.controls import Control

CONTROLS = (
    Control("incidence_deg", "Angle of incidence", 0, 89, 1, 30, "°",
            help="Angle between the incoming ray and the normal."),
    Control("n1", "Refractive index of medium 1 (light comes from here)", 1.000, 2.500, 0.001, 1.000, "",
            help="1.00 for air; try glass (1.52) going into air to see total internal reflection."),
    Control("n2", "Refractive index of medium 2", 1.000, 2.500, 0.001, 1.520, "",
            help="The medium beyond the boundary."),
)

MATERIAL_PRESETS = {name.capitalize(): value for name, value in REFRACTIVE_INDICES.items()}


class OpticsApp(SimulationApp):
    """Reflection, refraction and total internal reflection at a boundary."""

    name = "optics"
    title = "Refraction and total internal reflection"
    summary = "Reflect and refract a ray at a boundary: Snell's law, critical angle, total internal reflection."
    controls = CONTROLS
    presets = (
        Presets("n1", "Medium 1", MATERIAL_PRESETS, "Refractive index at 589 nm of the medium the light comes from."),
        Presets("n2", "Medium 2", MATERIAL_PRESETS, "Refractive index at 589 nm of the medium beyond the boundary."),
    )
    default_size_px = (1000, 460)

    view_class = BoundaryView
    params_class = BoundaryParams
    compute_function = staticmethod(trace)
    describe_function = staticmethod(describe)
    table_function = staticmethod(to_table)  # the r-against-i curve for the current media

    def readout_html(self, result):
        if result.totally_internally_reflected:
            refraction = "<b>total internal reflection</b>"
        else:
            refraction = f"angle of refraction <b>r = {result.refraction_deg:.1f}°</b>"
        if result.critical_deg is None:
            critical = "no critical angle (n₂ ≥ n₁)"
        else:
            critical = f"critical angle <b>C = {result.critical_deg:.1f}°</b>"
        return f"{refraction} · {critical} · reflected {result.reflectance * 100:.1f}%"


APP = OpticsApp
show = APP.show  # show(**initial) builds, displays and returns the app
