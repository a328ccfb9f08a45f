"""See-saw view: the beam (level when balanced, resting on the ground when not), the two
loads with their weight arrows, and a bar chart of the two moments.

The view only draws. It creates its artists once; :meth:`SeesawView.update` moves them
to show a :class:`~stemcpd.physics.moments.model.SeesawResult`.
"""

from __future__ import annotations

import math

from matplotlib.patches import FancyArrow, Polygon

from stemcpd.physics.moments.model import BEAM_HALF_LENGTH_M, SeesawResult
from stemcpd.ui.figures import FrameRenderer, new_figure
from stemcpd.ui.palette import OKABE_ITO
from stemcpd.ui.scales import ladder_ceiling

PIVOT_HEIGHT_M = 0.5
TILT_RAD = math.asin(PIVOT_HEIGHT_M / BEAM_HALF_LENGTH_M)  # the beam's end touches the ground
MOMENT_LADDER_N_M = (500, 1000, 2000, 4000, 8000)
LOAD_MARKER_SIZE = 18


class SeesawView:
    """Two panels: the see-saw, and the anticlockwise and clockwise moments as bars.

    Args:
        width_px: figure width in pixels.
        height_px: figure height in pixels.
    """

    def __init__(self, width_px: int = 1000, height_px: int = 420):
        self.figure, (self.seesaw_axes, self.moment_axes) = new_figure(width_px, height_px, ncols=2, width_ratios=(1.6, 1))
        self.seesaw_axes.set_title("The see-saw")
        self.seesaw_axes.set_xlabel("distance from the pivot / m")
        self.seesaw_axes.set_yticks([])
        self.seesaw_axes.set_xlim(-2.3, 2.3)
        self.seesaw_axes.set_ylim(-0.6, 1.5)
        self.seesaw_axes.set_aspect("equal", adjustable="box")
        self.seesaw_axes.axhline(0, color="black", linewidth=1.5)
        self.seesaw_axes.add_patch(Polygon([(-0.2, 0), (0.2, 0), (0, PIVOT_HEIGHT_M)], closed=True,
                                           facecolor="0.6", edgecolor="black"))
        (self.beam_line,) = self.seesaw_axes.plot([], [], color="0.2", linewidth=5, solid_capstyle="butt")
        (self.left_marker,) = self.seesaw_axes.plot([], [], marker="s", markersize=LOAD_MARKER_SIZE, linestyle="none",
                                                    color=OKABE_ITO["blue"], markeredgecolor="black")
        (self.right_marker,) = self.seesaw_axes.plot([], [], marker="D", markersize=LOAD_MARKER_SIZE, linestyle="none",
                                                     color=OKABE_ITO["vermillion"], markeredgecolor="black")
        self.left_arrow = FancyArrow(0, 0, 0, -0.1, width=0.03, color=OKABE_ITO["blue"])
        self.right_arrow = FancyArrow(0, 0, 0, -0.1, width=0.03, color=OKABE_ITO["vermillion"])
        self.seesaw_axes.add_patch(self.left_arrow)
        self.seesaw_axes.add_patch(self.right_arrow)
        self.verdict_text = self.seesaw_axes.text(0.5, 0.95, "", transform=self.seesaw_axes.transAxes,
                                                  ha="center", va="top", fontsize=13)

        self.moment_axes.set_title("Moments about the pivot")
        self.moment_axes.set_ylabel("moment / N m")
        self.bars = self.moment_axes.bar(["anticlockwise\n(left load)", "clockwise\n(right load)"], [0, 0],
                                         color=[OKABE_ITO["blue"], OKABE_ITO["vermillion"]], edgecolor="black")
        self.bars.patches[1].set_hatch("//")
        self.bar_texts = [self.moment_axes.text(bar.get_x() + bar.get_width() / 2, 0, "", ha="center", va="bottom")
                          for bar in self.bars.patches]
        self.moving_artists = (self.beam_line, self.left_marker, self.right_marker, self.left_arrow,
                               self.right_arrow, self.verdict_text, *self.bars.patches, *self.bar_texts)
        self.renderer = FrameRenderer(self.figure, self.moving_artists)

    def update(self, result: SeesawResult) -> None:
        """Move the artists to show ``result``."""
        p = result.params
        tilt = {"balanced": 0.0, "clockwise": -TILT_RAD, "anticlockwise": TILT_RAD}[result.turns]

        def on_beam(signed_distance_m: float, lift_m: float = 0.0):
            x = signed_distance_m * math.cos(tilt) - lift_m * math.sin(tilt)
            y = PIVOT_HEIGHT_M + signed_distance_m * math.sin(tilt) + lift_m * math.cos(tilt)
            return x, y

        ends = [on_beam(-BEAM_HALF_LENGTH_M), on_beam(BEAM_HALF_LENGTH_M)]
        self.beam_line.set_data([ends[0][0], ends[1][0]], [ends[0][1], ends[1][1]])
        left_x, left_y = on_beam(-p.left_distance_m, 0.12)
        right_x, right_y = on_beam(p.right_distance_m, 0.12)
        self.left_marker.set_data([left_x], [left_y])
        self.right_marker.set_data([right_x], [right_y])
        biggest = max(p.left_mass_kg, p.right_mass_kg)
        for arrow, x, y, mass in ((self.left_arrow, left_x, left_y, p.left_mass_kg),
                                  (self.right_arrow, right_x, right_y, p.right_mass_kg)):
            arrow.set_data(x=x, y=y, dx=0, dy=-(0.15 + 0.45 * mass / biggest), width=0.03)  # weight acts down from the load
        words = {"balanced": "Balanced: the moments are equal",
                 "clockwise": "Turns clockwise (right side goes down)",
                 "anticlockwise": "Turns anticlockwise (left side goes down)"}
        self.verdict_text.set_text(words[result.turns])

        moments = (result.anticlockwise_moment_n_m, result.clockwise_moment_n_m)
        top = ladder_ceiling(max(moments) * 1.15, MOMENT_LADDER_N_M)
        self.moment_axes.set_ylim(0, top)
        for bar, text, value in zip(self.bars.patches, self.bar_texts, moments):
            bar.set_height(value)
            text.set_position((bar.get_x() + bar.get_width() / 2, value + 0.01 * top))
            text.set_text(f"{value:.0f} N m")

    def render_png(self) -> bytes:
        """The current frame as PNG bytes (only moving artists are redrawn)."""
        return self.renderer.render_png()
