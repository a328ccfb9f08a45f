"""Orbits view: the orbit drawn to scale with velocity and force arrows, and the speed
and the distance from the centre against time.

The view only draws. It creates its artists once and :meth:`OrbitView.update` moves them
to show an :class:`~stemcpd.physics.orbits.model.OrbitRun`; :meth:`OrbitView.show_time`
puts the satellite and its two arrows where they are at a moment of the run.
"""

from __future__ import annotations

import math

import numpy as np
from matplotlib.lines import Line2D
from matplotlib.patches import Circle, FancyArrowPatch

from stemcpd.physics.orbits.model import OrbitRun
from stemcpd.ui.figures import FrameRenderer, new_figure
from stemcpd.ui.palette import OKABE_ITO, series_style
from stemcpd.ui.scales import nice_ceiling

# Axis limits snap to these × 10ⁿ: few enough rungs that a slider sweep crosses only a
# handful of them (each new set of limits draws the whole figure, ~150 ms), fine enough
# that the orbit and the curves fill most of their panels.
ROUND_STEPS = (1.0, 1.5, 2.0, 3.0, 5.0, 7.0)
COARSE_STEPS = (1.0, 2.0, 5.0)  # for the time axes, whose curves need less room
SPEED_STEPS = (1.0, 1.2, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0)
DISPLAY_POINTS = 800  # enough for a smooth ellipse; more only slows drawing
VELOCITY_STYLE = {"color": OKABE_ITO["blue"], "linestyle": "-"}
FORCE_STYLE = {"color": OKABE_ITO["vermillion"], "linestyle": "--"}


def _thin(times, *series, points=DISPLAY_POINTS):
    """Evenly spaced samples (always keeping the last) so no line has more than ``points`` vertices."""
    stride = max(1, math.ceil(len(times) / points))
    index = np.unique(np.append(np.arange(0, len(times), stride), len(times) - 1))
    return [times[index]] + [values[index] for values in series]


def _time_axis(duration_s: float) -> tuple[float, str]:
    """Scale and label for a time axis: minutes, hours or days."""
    if duration_s <= 3 * 3600:
        return 60.0, "time / minutes"
    if duration_s <= 3 * 86400:
        return 3600.0, "time / hours"
    return 86400.0, "time / days"


class OrbitView:
    """Three panels: the orbit to scale (central body, path, satellite, velocity and
    force arrows, with the speed and the force of gravity at that moment as its title),
    speed against time, and distance from the centre against time.

    Args:
        width_px: figure width in pixels.
        height_px: figure height in pixels.
    """

    def __init__(self, width_px: int = 1000, height_px: int = 420):
        self.figure, (self.orbit_axes, self.speed_axes, self.distance_axes) = new_figure(
            width_px, height_px, ncols=3, width_ratios=(1.1, 1, 1)
        )
        axes = self.orbit_axes
        axes.set_ylabel("y / thousand km")
        axes.set_aspect("equal", adjustable="box")
        axes.set_xlabel("x / thousand km")
        self.body_disc = Circle((0, 0), 1.0, facecolor=OKABE_ITO["sky_blue"], edgecolor="black", linewidth=1,
                                alpha=0.6)
        axes.add_patch(self.body_disc)
        axes.plot([0], [0], marker="+", color="black", markersize=8)
        (self.path_line,) = axes.plot([], [], color="0.35", linewidth=1.2, linestyle=":")
        (self.satellite_marker,) = axes.plot([], [], marker="o", markersize=7, color=OKABE_ITO["orange"],
                                             markeredgecolor="black", linestyle="none")
        self.velocity_arrow = FancyArrowPatch((0, 0), (1, 0), arrowstyle="-|>", mutation_scale=16, linewidth=2.2,
                                              **VELOCITY_STYLE)
        self.force_arrow = FancyArrowPatch((0, 0), (1, 0), arrowstyle="-|>", mutation_scale=16, linewidth=2.2,
                                           **FORCE_STYLE)
        axes.add_patch(self.velocity_arrow)
        axes.add_patch(self.force_arrow)
        axes.legend(
            [Line2D([], [], linewidth=2.2, **VELOCITY_STYLE), Line2D([], [], linewidth=2.2, **FORCE_STYLE)],
            ["velocity", "force of gravity"], loc="upper center", bbox_to_anchor=(0.5, -0.2), ncols=2,
            frameon=False,
        )

        self.speed_axes.set_title("Speed")
        self.speed_axes.set_ylabel("speed / km/s")
        (self.speed_line,) = self.speed_axes.plot([], [], **series_style(0))
        (self.speed_marker,) = self.speed_axes.plot([], [], marker="o", markersize=8, linestyle="none",
                                                    color=series_style(0)["color"], markeredgecolor="black")

        self.distance_axes.set_title("Distance from the centre")
        self.distance_axes.set_ylabel("distance / thousand km")
        (self.distance_line,) = self.distance_axes.plot([], [], **series_style(2))
        (self.surface_line,) = self.distance_axes.plot([], [], color="0.4", linewidth=1, linestyle=(0, (4, 2)),
                                                       label="surface")
        (self.distance_marker,) = self.distance_axes.plot([], [], marker="s", markersize=7, linestyle="none",
                                                          color=series_style(2)["color"], markeredgecolor="black")
        self.distance_axes.legend(loc="upper center", bbox_to_anchor=(0.5, -0.2), frameon=False)

        # The panel's title is the live readout, so it never hides the satellite.
        self.info_text = self.orbit_axes.text(0.5, 1.03, "", transform=self.orbit_axes.transAxes, fontsize=11,
                                              ha="center", va="bottom")
        self.moving_artists = (
            self.path_line, self.satellite_marker, self.velocity_arrow, self.force_arrow, self.speed_line,
            self.speed_marker, self.distance_line, self.surface_line, self.distance_marker, self.info_text,
        )
        self.renderer = FrameRenderer(self.figure, self.moving_artists)
        self._time_scale = 60.0

    def update(self, run: OrbitRun) -> None:
        """Move the artists to show ``run``; axis limits snap to round values."""
        params = run.params
        body_km = params.body_radius_m / 1e6  # thousand km
        self.body_disc.set_radius(body_km)
        self._time_scale, label = _time_axis(run.duration_s)
        # The disc and the time axes' label are part of the kept background.
        self.renderer.set_static_key((body_km, label))
        times, x, y, speed, radius = _thin(run.times_s, run.x_m / 1e6, run.y_m / 1e6, run.speed_m_s / 1000,
                                           run.radius_m / 1e6)
        self.path_line.set_data(x, y)

        # The farthest distance from the centre bounds |x| and |y| too: one rung sets the
        # orbit panel and the distance axis, so they change limits together.
        reach = nice_ceiling(1.08 * max(float(np.max(radius)), body_km), ROUND_STEPS)
        self.orbit_axes.set_xlim(-reach, reach)
        self.orbit_axes.set_ylim(-reach, reach)
        # Arrow lengths are drawn to a scale fixed for the whole run, so a longer arrow
        # means a bigger speed or force within this orbit.
        self._speed_scale = 0.35 * reach / float(np.max(speed))
        field = run.field_strength_n_kg
        self._field_scale = 0.3 * reach / float(np.max(field))

        end = nice_ceiling(run.duration_s / self._time_scale, COARSE_STEPS)
        for axes in (self.speed_axes, self.distance_axes):
            axes.set_xlim(0, end)
            axes.set_xlabel(label)
        self.speed_line.set_data(times / self._time_scale, speed)
        self.distance_line.set_data(times / self._time_scale, radius)
        self.surface_line.set_data([0, end], [body_km, body_km])
        # Speed axis fixed for the central body (up to its surface escape speed, which no
        # run exceeds): higher orbits are visibly slower, and the axis never moves.
        self.speed_axes.set_ylim(0, nice_ceiling(params.surface_escape_speed_m_s / 1000, SPEED_STEPS))
        self.distance_axes.set_ylim(0, reach)
        self.show_time(run, 0.0)

    def show_time(self, run: OrbitRun, time_s: float) -> None:
        """Put the satellite and its velocity and force arrows where they are at ``time_s``."""
        x = float(np.interp(time_s, run.times_s, run.x_m)) / 1e6
        y = float(np.interp(time_s, run.times_s, run.y_m)) / 1e6
        vx = float(np.interp(time_s, run.times_s, run.vx_m_s)) / 1000
        vy = float(np.interp(time_s, run.times_s, run.vy_m_s)) / 1000
        distance = math.hypot(x, y)
        field = float(np.interp(time_s, run.times_s, run.field_strength_n_kg))
        self.satellite_marker.set_data([x], [y])
        self.velocity_arrow.set_positions((x, y), (x + vx * self._speed_scale, y + vy * self._speed_scale))
        force_length = field * self._field_scale
        self.force_arrow.set_positions((x, y), (x - x / distance * force_length, y - y / distance * force_length))
        speed = math.hypot(vx, vy)
        self.speed_marker.set_data([time_s / self._time_scale], [speed])
        self.distance_marker.set_data([time_s / self._time_scale], [distance])
        force = field * run.params.satellite_mass_kg
        mass = run.params.satellite_mass_kg
        self.info_text.set_text(f"Orbit to scale: {speed:.2f} km/s, gravity {force / 1000:.3g} kN on {mass:g} kg")

    def render_png(self) -> bytes:
        """The current frame as PNG bytes (only moving artists are redrawn)."""
        return self.renderer.render_png()
