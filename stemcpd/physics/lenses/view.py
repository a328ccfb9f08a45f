"""Lens view: a ray diagram with the lens, both principal foci, the object, the three
construction rays and the image (solid if real, dashed if virtual).

The view only draws. It creates its artists once and :meth:`LensView.update` moves them
to show a :class:`~stemcpd.physics.lenses.model.LensDiagram`.
"""

from __future__ import annotations

import math

import numpy as np
from matplotlib.patches import FancyArrow

from stemcpd.physics.lenses.model import DIAGRAM_LEFT_M, DIAGRAM_RIGHT_M, LensDiagram
from stemcpd.ui.figures import FrameRenderer, new_figure
from stemcpd.ui.palette import OKABE_ITO, series_style

HALF_HEIGHT_M = 0.16
LENS_HALF_HEIGHT_M = 0.13
RAY_COLOURS = (OKABE_ITO["vermillion"], OKABE_ITO["bluish_green"], OKABE_ITO["reddish_purple"])
RAY_STYLES = ("-", "-.", (0, (5, 1, 1, 1)))


class LensView:
    """One panel: the ray diagram, drawn to scale in metres.

    Args:
        width_px: figure width in pixels.
        height_px: figure height in pixels.
    """

    def __init__(self, width_px: int = 1000, height_px: int = 440):
        self.figure, (self.axes,) = new_figure(width_px, height_px)
        self.axes.set_title("Ray diagram (to scale)")
        self.axes.set_xlabel("distance from the lens / m")
        self.axes.set_ylabel("height / m")
        self.axes.set_xlim(DIAGRAM_LEFT_M, DIAGRAM_RIGHT_M)
        self.axes.set_ylim(-HALF_HEIGHT_M, HALF_HEIGHT_M)
        self.axes.axhline(0, color="0.4", linewidth=1)  # principal axis
        (self.lens_line,) = self.axes.plot([0, 0], [-LENS_HALF_HEIGHT_M, LENS_HALF_HEIGHT_M],
                                           color=OKABE_ITO["sky_blue"], linewidth=6, solid_capstyle="butt")
        (self.focus_markers,) = self.axes.plot([], [], linestyle="none", marker="o", color="black", markersize=6)
        self.focus_labels = [self.axes.text(0, -0.018, "F", ha="center", va="top", fontsize=11) for _ in range(2)]
        self.object_arrow = FancyArrow(0, 0, 0, 0.01, width=0.004, head_width=0.02, head_length=0.01,
                                       length_includes_head=True, color=OKABE_ITO["blue"])
        self.image_arrow = FancyArrow(0, 0, 0, 0.01, width=0.004, head_width=0.02, head_length=0.01,
                                      length_includes_head=True, color=OKABE_ITO["orange"])
        self.axes.add_patch(self.object_arrow)
        self.axes.add_patch(self.image_arrow)
        self.ray_before, self.ray_after, self.ray_virtual = [], [], []
        for colour, style in zip(RAY_COLOURS, RAY_STYLES):
            (before,) = self.axes.plot([], [], color=colour, linestyle=style, linewidth=1.6)
            (after,) = self.axes.plot([], [], color=colour, linestyle=style, linewidth=1.6)
            (virtual,) = self.axes.plot([], [], color=colour, linestyle=(0, (2, 3)), linewidth=1.2, alpha=0.8)
            self.ray_before.append(before)
            self.ray_after.append(after)
            self.ray_virtual.append(virtual)
        self.nature_text = self.axes.text(0.01, 0.97, "", transform=self.axes.transAxes, va="top", fontsize=12,
                                          bbox={"facecolor": "white", "alpha": 0.85, "edgecolor": "none"})
        self.moving_artists = (self.lens_line, self.focus_markers, *self.focus_labels, self.object_arrow,
                               self.image_arrow, *self.ray_before, *self.ray_after, *self.ray_virtual,
                               self.nature_text)
        self.renderer = FrameRenderer(self.figure, self.moving_artists)

    def update(self, diagram: LensDiagram) -> None:
        """Move the artists to show ``diagram``."""
        p = diagram.params
        f = abs(p.focal_length_m)
        # A diverging lens is drawn thinner and dashed, so the two read apart without colour.
        self.lens_line.set_linewidth(6 if p.focal_length_m > 0 else 3)
        self.lens_line.set_linestyle("-" if p.focal_length_m > 0 else "--")
        self.focus_markers.set_data([-f, f], [0, 0])
        for label, x in zip(self.focus_labels, (-f, f)):
            label.set_x(x)
        self.object_arrow.set_data(x=-p.object_distance_m, y=0, dx=0, dy=p.object_height_m)
        if diagram.image_forms and DIAGRAM_LEFT_M < diagram.image.image_distance_m < DIAGRAM_RIGHT_M:
            height = float(np.clip(diagram.image_height_m, -HALF_HEIGHT_M, HALF_HEIGHT_M))
            self.image_arrow.set_data(x=diagram.image.image_distance_m, y=0, dx=0, dy=height)
            self.image_arrow.set_visible(True)
            self.image_arrow.set_linestyle("-" if diagram.image.is_real else "--")
            self.image_arrow.set_alpha(1.0 if diagram.image.is_real else 0.55)
        else:
            self.image_arrow.set_visible(False)
        for index in range(3):
            lines = (self.ray_before[index], self.ray_after[index], self.ray_virtual[index])
            if index < len(diagram.rays):
                ray = diagram.rays[index]
                for line, xy in zip(lines, (ray.before_xy, ray.after_xy, ray.virtual_xy)):
                    line.set_data(xy[:, 0], xy[:, 1])
            else:
                for line in lines:
                    line.set_data([], [])
        where = ""
        if diagram.image_forms and not DIAGRAM_LEFT_M < diagram.image.image_distance_m < DIAGRAM_RIGHT_M:
            where = f" (off the diagram, {abs(diagram.image.image_distance_m):.2f} m from the lens)"
        self.nature_text.set_text(f"Image: {diagram.nature}{where}")

    def render_png(self) -> bytes:
        """The current frame as PNG bytes (only moving artists are redrawn)."""
        return self.renderer.render_png()
