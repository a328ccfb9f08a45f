"""Optics view: a ray diagram at a boundary, and angle of refraction against angle of
incidence.

The view only draws. It creates its artists once and :meth:`BoundaryView.update` moves
them to show a :class:`~stemcpd.physics.optics.model.BoundaryResult`.
"""

from __future__ import annotations

import math

import numpy as np

from stemcpd.physics.optics.model import REFRACTIVE_INDICES, BoundaryResult
from stemcpd.ui.figures import FrameRenderer, new_figure
from stemcpd.ui.palette import series_style

RAY_LENGTH = 1.0
NORMAL_STYLE = {"color": "black", "linestyle": (0, (6, 4)), "linewidth": 1.2}
CRITICAL_STYLE = {"color": "0.45", "linestyle": (0, (8, 2, 1, 2, 1, 2)), "linewidth": 1.2}
INCIDENT_STYLE = series_style(0)
REFLECTED_STYLE = series_style(3)
REFRACTED_STYLE = series_style(2)
MATERIAL_BY_INDEX = {round(value, 3): name for name, value in REFRACTIVE_INDICES.items()}


def _material(n: float) -> str:
    name = MATERIAL_BY_INDEX.get(round(n, 3))
    return f" ({name})" if name else ""


ARROWHEAD = np.array([[1.0, 0.0], [-0.8, 0.65], [-0.4, 0.0], [-0.8, -0.65], [1.0, 0.0]])


def _direction_marker(angle_from_x_deg: float) -> np.ndarray:
    """Marker vertices for an arrowhead pointing ``angle_from_x_deg`` anticlockwise from +x.

    (A regular triangle cannot show direction: turned by 120° it looks the same.)
    """
    angle = math.radians(angle_from_x_deg)
    rotation = np.array([[math.cos(angle), -math.sin(angle)], [math.sin(angle), math.cos(angle)]])
    return ARROWHEAD @ rotation.T


class BoundaryView:
    """Two panels: the rays at the boundary, and the r-against-i graph.

    Args:
        width_px: figure width in pixels.
        height_px: figure height in pixels.
    """

    def __init__(self, width_px: int = 1000, height_px: int = 460):
        self.figure, (self.ray_axes, self.graph_axes) = new_figure(
            width_px, height_px, ncols=2, width_ratios=(1.1, 1)
        )

        axes = self.ray_axes
        axes.set_title("Ray at a boundary")
        axes.set_aspect("equal", adjustable="box")
        axes.set_xlim(-1.25, 1.25)
        axes.set_ylim(-1.1, 1.1)
        axes.set_xticks([])
        axes.set_yticks([])
        axes.grid(False)
        # Shading: the optically denser medium looks darker (alpha set in update).
        self.upper_medium = axes.axhspan(0, 1.1, color="#9ecae1", alpha=0.0, linewidth=0)
        self.lower_medium = axes.axhspan(-1.1, 0, color="#9ecae1", alpha=0.0, linewidth=0)
        axes.axhline(0, color="black", linewidth=1.5)
        (self.normal_line,) = axes.plot([0, 0], [-1.05, 1.05], label="normal", **NORMAL_STYLE)
        (self.critical_line,) = axes.plot([], [], label="critical angle", **CRITICAL_STYLE)
        (self.incident_line,) = axes.plot([], [], label="incident ray", **INCIDENT_STYLE)
        (self.reflected_line,) = axes.plot([], [], label="reflected ray", **REFLECTED_STYLE)
        (self.refracted_line,) = axes.plot([], [], label="refracted ray", **REFRACTED_STYLE)
        self.arrows = []
        for style in (INCIDENT_STYLE, REFLECTED_STYLE, REFRACTED_STYLE):
            (arrow,) = axes.plot([], [], linestyle="none", marker=_direction_marker(0.0), markersize=13, color=style["color"])
            self.arrows.append(arrow)
        label_box = {"facecolor": "white", "alpha": 0.8, "edgecolor": "none", "pad": 1}
        self.upper_label = axes.text(-1.2, 1.0, "", va="top", fontsize=11, bbox=label_box)
        self.lower_label = axes.text(-1.2, -1.0, "", va="bottom", fontsize=11, bbox=label_box)
        self.incidence_text = axes.text(0, 0, "", ha="center", va="center", fontsize=11, bbox=label_box)
        self.refraction_text = axes.text(0, 0, "", ha="center", va="center", fontsize=11, bbox=label_box)
        axes.legend(loc="upper center", bbox_to_anchor=(0.5, -0.03), ncols=3, frameon=False)

        graph = self.graph_axes
        graph.set_title("Angle of refraction against angle of incidence")
        graph.set_xlabel("angle of incidence / °")
        graph.set_ylabel("angle of refraction / °")
        graph.set_xlim(0, 90)
        graph.set_ylim(0, 90)
        graph.set_xticks(range(0, 91, 15))
        graph.set_yticks(range(0, 91, 15))
        graph.plot([0, 90], [0, 90], color="0.6", linestyle=":", linewidth=1, label="no bending (r = i)")
        (self.curve_line,) = graph.plot([], [], label="Snell's law", **REFRACTED_STYLE)
        (self.critical_marker,) = graph.plot([], [], label="critical angle", **CRITICAL_STYLE)
        (self.current_point,) = graph.plot(
            [], [], linestyle="none", marker="o", markersize=9, color=INCIDENT_STYLE["color"],
            markeredgecolor="black", label="this ray",
        )
        self.tir_text = graph.text(
            0.97, 0.05, "", transform=graph.transAxes, ha="right", fontsize=11,
            bbox={"facecolor": "white", "alpha": 0.85, "edgecolor": "none"},
        )
        graph.legend(loc="upper center", bbox_to_anchor=(0.5, -0.15), ncols=2, frameon=False)

        self.moving_artists = (
            self.upper_medium, self.lower_medium, self.critical_line, self.incident_line,
            self.reflected_line, self.refracted_line, *self.arrows, self.upper_label,
            self.lower_label, self.incidence_text, self.refraction_text, self.curve_line,
            self.critical_marker, self.current_point, self.tir_text,
        )
        self.renderer = FrameRenderer(self.figure, self.moving_artists)

    def update(self, result: BoundaryResult) -> None:
        """Move the artists to show ``result``."""
        p = result.params
        i = math.radians(p.incidence_deg)
        self.upper_medium.set_alpha(min(0.75, 0.5 * (p.n1 - 1.0)))
        self.lower_medium.set_alpha(min(0.75, 0.5 * (p.n2 - 1.0)))
        self.upper_label.set_text(f"medium 1: n₁ = {p.n1:.2f}{_material(p.n1)}")
        self.lower_label.set_text(f"medium 2: n₂ = {p.n2:.2f}{_material(p.n2)}")

        start = (-RAY_LENGTH * math.sin(i), RAY_LENGTH * math.cos(i))
        self.incident_line.set_data([start[0], 0.0], [start[1], 0.0])
        reflected_end = (RAY_LENGTH * math.sin(i), RAY_LENGTH * math.cos(i))
        self.reflected_line.set_data([0.0, reflected_end[0]], [0.0, reflected_end[1]])
        # Brighter (wider) reflected ray for a larger share of the light reflected.
        self.reflected_line.set_linewidth(1.2 + 2.3 * result.reflectance)
        directions = [90.0 + p.incidence_deg - 180.0, 90.0 - p.incidence_deg]
        points = [(start[0] / 2, start[1] / 2), (reflected_end[0] / 2, reflected_end[1] / 2)]
        # Angle labels sit on the bisector of the ray and the normal, clear of both.
        self.incidence_text.set_position((-0.55 * math.sin(i / 2), 0.55 * math.cos(i / 2)))
        self.incidence_text.set_text(f"i = {p.incidence_deg:.0f}°")

        if result.totally_internally_reflected:
            self.refracted_line.set_data([], [])
            self.arrows[2].set_data([], [])
            self.refraction_text.set_position((0.45, -0.45))
            self.refraction_text.set_text("total internal reflection:\nno refracted ray")
        else:
            r = math.radians(result.refraction_deg)
            end = (RAY_LENGTH * math.sin(r), -RAY_LENGTH * math.cos(r))
            self.refracted_line.set_data([0.0, end[0]], [0.0, end[1]])
            directions.append(-(90.0 - result.refraction_deg))
            points.append((end[0] / 2, end[1] / 2))
            self.refraction_text.set_position((0.55 * math.sin(r / 2), -0.55 * math.cos(r / 2)))
            self.refraction_text.set_text(f"r = {result.refraction_deg:.1f}°")
        for arrow, direction, point in zip(self.arrows, directions, points):
            arrow.set_data([point[0]], [point[1]])
            arrow.set_marker(_direction_marker(direction))

        if result.critical_deg is not None:
            c = math.radians(result.critical_deg)
            self.critical_line.set_data([0.0, -RAY_LENGTH * math.sin(c)], [0.0, RAY_LENGTH * math.cos(c)])
            self.critical_marker.set_data([result.critical_deg, result.critical_deg], [0, 90])
        else:
            self.critical_line.set_data([], [])
            self.critical_marker.set_data([], [])

        curve = result.refraction_curve_deg
        self.curve_line.set_data(result.incidence_curve_deg, np.where(np.isfinite(curve), curve, np.nan))
        if result.totally_internally_reflected:
            self.current_point.set_data([], [])
            self.tir_text.set_text(f"i = {p.incidence_deg:.0f}° > C = {result.critical_deg:.1f}°:\ntotal internal reflection")
        else:
            self.current_point.set_data([p.incidence_deg], [result.refraction_deg])
            self.tir_text.set_text("")

    def render_png(self) -> bytes:
        """The current frame as PNG bytes (only moving artists are redrawn)."""
        return self.renderer.render_png()
