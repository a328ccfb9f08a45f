"""Projectile view: the path of the ball, and its velocity components against time.

The view only draws. It creates its artists once and :meth:`ProjectileView.update` moves
them to show a :class:`~stemcpd.physics.projectile.model.Flight`.
"""

from __future__ import annotations

import math

import numpy as np

from stemcpd.physics.projectile.model import Flight
from stemcpd.ui.figures import FrameRenderer, new_figure
from stemcpd.ui.palette import series_style
from stemcpd.ui.scales import nice_ceiling

DISPLAY_POINTS = 800  # enough for smooth curves; more only slows drawing
# 1-2-5 rungs: a slider swept end to end moves the axes about a third of the time (each
# move draws the whole figure, 10-20 times slower than moving the curves).
AXIS_STEPS = (1.0, 2.0, 5.0)


def _thin(*series, points=DISPLAY_POINTS):
    """Every ``stride``-th sample (always keeping the last) so lines stay light to draw."""
    length = len(series[0])
    stride = max(1, math.ceil(length / points))
    index = np.unique(np.r_[np.arange(0, length, stride), length - 1])
    return [np.asarray(values)[index] for values in series]


def _limit(value: float, floor: float = 1.0) -> float:
    return nice_ceiling(max(value, floor), AXIS_STEPS)


class ProjectileView:
    """Two panels: the path (with the drag-free path dashed when there is air
    resistance) with the ball at the playback time, and vx, vy against time.

    Args:
        width_px: figure width in pixels.
        height_px: figure height in pixels.
    """

    def __init__(self, width_px: int = 1000, height_px: int = 420):
        self.figure, (self.path_axes, self.velocity_axes) = new_figure(
            width_px, height_px, ncols=2, width_ratios=(1.6, 1)
        )

        self.path_axes.set_title("Path of the ball")
        self.path_axes.set_xlabel("horizontal distance / m")
        self.path_axes.set_ylabel("height / m")
        (self.launch_post_line,) = self.path_axes.plot([], [], color="0.35", linewidth=4, solid_capstyle="butt")
        (self.trajectory_line,) = self.path_axes.plot([], [], label="path", **series_style(0))
        (self.vacuum_line,) = self.path_axes.plot(
            [], [], label="path with no air resistance (shown when there is drag)", linewidth=1.5, **series_style(1)
        )
        (self.top_marker,) = self.path_axes.plot(
            [], [], linestyle="none", marker="^", markersize=8, color="black", label="highest point"
        )
        (self.landing_marker,) = self.path_axes.plot(
            [], [], linestyle="none", marker="s", markersize=7, color="black", markerfacecolor="white",
            label="landing point",
        )
        (self.ball_marker,) = self.path_axes.plot(
            [], [], marker="o", markersize=12, color=series_style(0)["color"], markeredgecolor="black",
            linestyle="none",
        )
        # Legends sit below the axes so no curve is ever hidden behind them.
        self.path_axes.legend(loc="upper center", bbox_to_anchor=(0.5, -0.2), ncols=2, frameon=False)

        self.velocity_axes.set_title("Velocity components")
        self.velocity_axes.set_xlabel("time / s")
        self.velocity_axes.set_ylabel("velocity / m/s")
        self.velocity_axes.axhline(0, color="0.5", linewidth=1)
        (self.horizontal_velocity_line,) = self.velocity_axes.plot([], [], label="horizontal, vx", **series_style(0))
        (self.vertical_velocity_line,) = self.velocity_axes.plot(
            [], [], label="vertical, vy (up is +)", **series_style(2)
        )
        self.velocity_axes.legend(loc="upper center", bbox_to_anchor=(0.5, -0.2), ncols=1, frameon=False)
        self.velocity_time_marker = self.velocity_axes.axvline(0, color="black", linewidth=1, alpha=0.6)

        self.moving_artists = (
            self.launch_post_line, self.vacuum_line, self.trajectory_line, self.top_marker,
            self.landing_marker, self.ball_marker, self.horizontal_velocity_line,
            self.vertical_velocity_line, self.velocity_time_marker,
        )
        self.renderer = FrameRenderer(self.figure, self.moving_artists)

    def update(self, result: Flight) -> None:
        """Move the artists to show ``result``; axis limits snap to round values."""
        params = result.params
        t, x, y, vx, vy = _thin(result.t, result.x, result.y, result.vx, result.vy)
        self.trajectory_line.set_data(x, y)
        self.launch_post_line.set_data([0.0, 0.0], [0.0, params.height_m])
        self.top_marker.set_data(
            [float(np.interp(result.time_of_max_height, result.t, result.x))], [result.max_height]
        )
        self.landing_marker.set_data([result.range], [0.0])
        widest, highest = result.range, result.max_height
        if result.vacuum is not None:
            self.vacuum_line.set_data(result.vacuum.x, result.vacuum.y)
            widest, highest = max(widest, result.vacuum.range), max(highest, result.vacuum.max_height)
        else:
            self.vacuum_line.set_data([], [])
        # One rung for both path axes, the height axis half the distance axis: the path
        # keeps its true shape (near equal scales) and both axes move together.
        scale = _limit(max(widest * 1.02, 2.0 * highest * 1.08))
        self.path_axes.set_xlim(0, scale)
        self.path_axes.set_ylim(0, scale / 2.0)

        self.horizontal_velocity_line.set_data(t, vx)
        self.vertical_velocity_line.set_data(t, vy)
        fastest = float(max(np.max(np.abs(result.vx)), np.max(np.abs(result.vy))))
        speed_limit = _limit(fastest * 1.05)
        self.velocity_axes.set_ylim(-speed_limit, speed_limit)
        self.velocity_axes.set_xlim(0, _limit(result.time_of_flight, floor=0.1))
        self.show_time(result, 0.0)

    def show_time(self, result: Flight, time_s: float) -> None:
        """Draw the ball where it is at ``time_s`` and move the time marker there."""
        ball_x = float(np.interp(time_s, result.t, result.x))
        ball_y = float(np.interp(time_s, result.t, result.y))
        self.ball_marker.set_data([ball_x], [ball_y])
        self.velocity_time_marker.set_xdata([time_s, time_s])

    def render_png(self) -> bytes:
        """The current frame as PNG bytes (only moving artists are redrawn)."""
        return self.renderer.render_png()
