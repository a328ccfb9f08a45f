"""Stopping-distance view: the road seen from above with the thinking and braking
distances marked, and the velocity–time graph whose areas are those distances.

The view only draws. It creates its artists once; :meth:`StoppingView.update` moves
them to show a :class:`~stemcpd.physics.stopping.model.StoppingRun` and
:meth:`StoppingView.show_time` moves the car and the time marker.
"""

from __future__ import annotations

import numpy as np
from matplotlib.patches import Polygon, Rectangle

from stemcpd.physics.stopping.model import StoppingRun
from stemcpd.ui.figures import FrameRenderer, new_figure
from stemcpd.ui.palette import OKABE_ITO
from stemcpd.ui.scales import ladder_ceiling

ROAD_LADDER_M = (25, 50, 100, 150, 200, 300, 400, 600, 800)
TIME_LADDER_S = (2, 4, 6, 8, 10, 15, 20, 30, 40)
SPEED_LADDER_M_S = (10, 20, 30, 40)
CAR_LENGTH_FRACTION = 0.04  # of the road shown, so the car stays visible at any scale

THINKING_STYLE = {"facecolor": OKABE_ITO["sky_blue"], "edgecolor": "black", "alpha": 0.6}
BRAKING_STYLE = {"facecolor": OKABE_ITO["orange"], "edgecolor": "black", "alpha": 0.6, "hatch": "//"}


class StoppingView:
    """Two panels: the road (thinking and braking distances as coloured, differently
    patterned strips, the car at the playback time) and speed against time with the two
    areas shaded the same way.

    Args:
        width_px: figure width in pixels.
        height_px: figure height in pixels.
    """

    def __init__(self, width_px: int = 1000, height_px: int = 420):
        self.figure, (self.road_axes, self.graph_axes) = new_figure(width_px, height_px, ncols=2, width_ratios=(1.1, 1))
        self.road_axes.set_title("The road")
        self.road_axes.set_xlabel("distance from where the hazard appeared / m")
        self.road_axes.set_yticks([])
        self.road_axes.set_ylim(-1, 3)
        self.road_axes.axhline(0, color="black", linewidth=1.5)
        self.thinking_strip = Rectangle((0, 0.1), 0, 0.8, label="thinking distance", **THINKING_STYLE)
        self.braking_strip = Rectangle((0, 0.1), 0, 0.8, label="braking distance", **BRAKING_STYLE)
        self.road_axes.add_patch(self.thinking_strip)
        self.road_axes.add_patch(self.braking_strip)
        self.car = Rectangle((0, 1.2), 1, 0.6, facecolor=OKABE_ITO["blue"], edgecolor="black")
        self.road_axes.add_patch(self.car)
        self.distance_text = self.road_axes.text(0.02, 0.95, "", transform=self.road_axes.transAxes, va="top", fontsize=11)
        self.road_axes.legend(handles=[self.thinking_strip, self.braking_strip], loc="upper center",
                              bbox_to_anchor=(0.5, -0.22), ncols=2, frameon=False)

        self.graph_axes.set_title("Velocity–time graph")
        self.graph_axes.set_xlabel("time / s")
        self.graph_axes.set_ylabel("velocity / m/s")
        self.thinking_area = Polygon(np.zeros((4, 2)), closed=True, **THINKING_STYLE)
        self.braking_area = Polygon(np.zeros((3, 2)), closed=True, **BRAKING_STYLE)
        self.graph_axes.add_patch(self.thinking_area)
        self.graph_axes.add_patch(self.braking_area)
        (self.speed_line,) = self.graph_axes.plot([], [], color="black", linewidth=2)
        self.time_marker = self.graph_axes.axvline(0, color="black", linewidth=1, alpha=0.6)
        self.moving_artists = (
            self.thinking_strip, self.braking_strip, self.car, self.distance_text,
            self.thinking_area, self.braking_area, self.speed_line, self.time_marker,
        )
        self.renderer = FrameRenderer(self.figure, self.moving_artists)

    def update(self, run: StoppingRun) -> None:
        """Move the artists to show ``run``; axis limits snap to round values."""
        p = run.params
        thinking, braking = run.thinking_distance_m, run.braking_distance_m
        self.road_length_m = ladder_ceiling(run.stopping_distance_m * 1.05, ROAD_LADDER_M)
        # A car's length of road before the hazard point, so the car is in view at the start.
        self.road_axes.set_xlim(-self.road_length_m * CAR_LENGTH_FRACTION, self.road_length_m)
        self.thinking_strip.set_width(thinking)
        self.braking_strip.set_x(thinking)
        self.braking_strip.set_width(braking)
        self.car.set_width(self.road_length_m * CAR_LENGTH_FRACTION)

        t_r, t_stop, v = p.reaction_time_s, run.stopping_time_s, p.speed_m_s
        self.thinking_area.set_xy([(0, 0), (0, v), (t_r, v), (t_r, 0)])
        self.braking_area.set_xy([(t_r, 0), (t_r, v), (t_stop, 0)])
        self.speed_line.set_data(run.times_s, run.speed_m_s)
        self.graph_axes.set_xlim(0, ladder_ceiling(t_stop * 1.05, TIME_LADDER_S))
        self.graph_axes.set_ylim(0, ladder_ceiling(v * 1.1, SPEED_LADDER_M_S))
        self.show_time(run, 0.0)

    def show_time(self, run: StoppingRun, time_s: float) -> None:
        """Draw the car where it is at ``time_s`` (its front bumper at the distance
        travelled) and move the time marker."""
        travelled = float(np.interp(time_s, run.times_s, run.distance_m))
        speed = float(np.interp(time_s, run.times_s, run.speed_m_s))
        self.car.set_x(travelled - self.car.get_width())
        phase = "thinking" if time_s < run.params.reaction_time_s else ("braking" if speed > 0 else "stopped")
        self.distance_text.set_text(f"{phase}: {travelled:.1f} m travelled, speed {speed:.1f} m/s")
        self.time_marker.set_xdata([time_s, time_s])

    def render_png(self) -> bytes:
        """The current frame as PNG bytes (only moving artists are redrawn)."""
        return self.renderer.render_png()
