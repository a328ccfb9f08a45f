"""Interactive ray diagram: sliders (declared as data) drive the lens model and view.

Move the object towards a converging lens and change the lens's focal length; the ray
diagram, the image and the readout (image distance, nature, magnification) follow.
"""

from __future__ import annotations

import math

from stemcpd.physics.lenses.model import LensParams, describe, to_table, trace
from stemcpd.physics.lenses.view import LensView
from stemcpd.ui.app import Presets, SimulationApp
from stemcpd.ui.controls import Control

CONTROLS = (
    Control("object_distance_m", "Object distance from lens", 0.02, 0.60, 0.02, 0.30, "m",
            help="Start beyond 2F, then move the object in past 2F and F."),
    Control("focal_length_m", "Focal length of the converging lens", 0.05, 0.25, 0.05, 0.10, "m",
            help="A fatter (more curved) lens has a shorter focal length."),
)

# The workbook's cases for the default 10 cm lens (beyond 2F, 2F, between F and 2F, F,
# inside F), named by distance because the focal-length control can change. Presets also
# make sure the site's player offers exactly these settings.
OBJECT_DISTANCES = {"50 cm": 0.50, "30 cm": 0.30, "20 cm": 0.20, "16 cm": 0.16, "10 cm": 0.10, "6 cm": 0.06}


class LensesApp(SimulationApp):
    """A converging lens: ray diagram, image position, nature and magnification."""

    name = "lenses"
    title = "Lenses and ray diagrams"
    summary = "Draw the ray diagram for a converging lens: real or virtual, inverted or upright, magnification."
    controls = CONTROLS
    presets = (Presets("object_distance_m", "Object at", OBJECT_DISTANCES, "Put the object this far from the lens."),)
    default_size_px = (1000, 440)

    view_class = LensView
    params_class = LensParams
    compute_function = staticmethod(trace)
    describe_function = staticmethod(describe)
    table_function = staticmethod(to_table)

    def readout_html(self, diagram):
        if not diagram.image_forms:
            return "Object at the principal focus: the rays leave parallel, <b>no image</b>"
        v = diagram.image.image_distance_m
        side = "beyond the lens" if v > 0 else "on the object's side"
        return (
            f"Image <b>{abs(v) * 100:.1f} cm</b> {side} · <b>{diagram.nature}</b> · magnification "
            f"<b>{diagram.size_ratio:.2f}</b>"
        )


APP = LensesApp
show = APP.show  # show(**initial) builds, displays and returns the app
