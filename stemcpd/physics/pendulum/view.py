"""Pendulum view: angle against time and the energy stores against time.

The view only draws. It creates its artists once and :meth:`PendulumView.update` moves
them to show a :class:`~stemcpd.physics.pendulum.model.PendulumRun`.
"""

from __future__ import annotations

import math

import numpy as np

from stemcpd.physics.pendulum.model import PendulumRun
from stemcpd.ui.figures import FrameRenderer, new_figure
from stemcpd.ui.palette import series_style
from stemcpd.ui.scales import ladder_ceiling, nice_ceiling

# A short ladder of angle ranges: a release-angle slider swept end to end moves the
# axes nine times, and the energy axis and the sketch follow the same rung (see update).
ANGLE_LADDER_DEG = (5, 10, 15, 20, 30, 45, 60, 90, 180)
DISPLAY_POINTS = 800  # enough for smooth curves; more only slows drawing


def _thin(times, *series, points=DISPLAY_POINTS):
    """Pick evenly spaced samples so every line has at most ``points`` vertices."""
    stride = max(1, math.ceil(len(times) / points))
    picked = [times[::stride]] + [values[::stride] for values in series]
    return picked


LENGTH_LADDER_M = (0.25, 0.5, 1.0, 2.0, 3.0)


class PendulumView:
    """Three panels: the pendulum itself at the playback time, θ(t) beside the
    small-angle prediction, and the energy stores over time (with a time marker).

    Args:
        width_px: figure width in pixels.
        height_px: figure height in pixels.
    """

    def __init__(self, width_px: int = 1000, height_px: int = 400):
        self.figure, (self.sketch_axes, self.angle_axes, self.energy_axes) = new_figure(
            width_px, height_px, ncols=3, width_ratios=(0.7, 1, 1)
        )

        self.sketch_axes.set_title("The pendulum")
        self.sketch_axes.set_aspect("equal", adjustable="box")
        self.sketch_axes.set_xlabel("x / m")
        self.sketch_axes.axvline(0, color="0.6", linestyle=":", linewidth=1)
        self.sketch_axes.plot([0], [0], marker="^", color="black", markersize=9)
        (self.rod_line,) = self.sketch_axes.plot([], [], color="0.25", linewidth=1.5)
        (self.bob_marker,) = self.sketch_axes.plot(
            [], [], marker="o", markersize=16, color=series_style(0)["color"], markeredgecolor="black"
        )

        self.angle_axes.set_title("Angle from the vertical")
        self.angle_axes.set_xlabel("time / s")
        self.angle_axes.set_ylabel("angle / °")
        (self.angle_line,) = self.angle_axes.plot([], [], label="simulation", **series_style(0))
        (self.small_angle_line,) = self.angle_axes.plot(
            [], [], label="small-angle formula", linewidth=1.5, **series_style(1)
        )
        # Legends sit below the axes so no curve is ever hidden behind them.
        self.angle_axes.legend(loc="upper center", bbox_to_anchor=(0.5, -0.2), ncols=2, frameon=False)

        self.energy_axes.set_title("Energy stores")
        self.energy_axes.set_xlabel("time / s")
        self.energy_axes.set_ylabel("energy / J")
        (self.kinetic_line,) = self.energy_axes.plot([], [], label="kinetic", **series_style(0))
        (self.potential_line,) = self.energy_axes.plot([], [], label="gravitational potential", **series_style(2))
        (self.thermal_line,) = self.energy_axes.plot([], [], label="thermal (surroundings)", **series_style(1))
        (self.total_line,) = self.energy_axes.plot(
            [], [], label="total", color="black", linestyle=(0, (8, 2)), linewidth=1.5
        )
        self.energy_axes.legend(loc="upper center", bbox_to_anchor=(0.5, -0.2), ncols=2, frameon=False)

        self.angle_time_marker = self.angle_axes.axvline(0, color="black", linewidth=1, alpha=0.6)
        self.energy_time_marker = self.energy_axes.axvline(0, color="black", linewidth=1, alpha=0.6)
        # The period and the small-angle formula's period are in the app's readout, not
        # in the figure: a text redrawn on every update costs more than all the curves.
        self.moving_artists = (
            self.angle_line, self.small_angle_line, self.kinetic_line, self.potential_line,
            self.thermal_line, self.total_line, self.rod_line, self.bob_marker,
            self.angle_time_marker, self.energy_time_marker,
        )
        self.renderer = FrameRenderer(self.figure, self.moving_artists)

    def update(self, run: PendulumRun) -> None:
        """Move the artists to show ``run``; axis limits snap to round values."""
        params = run.params
        duration = float(run.times_s[-1])
        times, angle, small_angle, kinetic, potential, thermal = _thin(
            run.times_s, run.angle_deg, run.small_angle_angle_deg, run.kinetic_energy_j, run.potential_energy_j,
            run.thermal_energy_j,
        )
        self.angle_line.set_data(times, angle)
        self.small_angle_line.set_data(times, small_angle)
        self.kinetic_line.set_data(times, kinetic)
        self.potential_line.set_data(times, potential)
        self.thermal_line.set_data(times, thermal)
        self.total_line.set_data(times, kinetic + potential + thermal)

        # Every limit is a rung of a ladder, so most slider moves keep every axis still
        # and the renderer pastes a kept background instead of drawing the whole figure.
        # The energy axis follows the angle rung (the energy at release from the rung's
        # angle, which is at least the run's, on 1-2-3-5 rungs), not the energy itself:
        # a release-angle sweep then moves both panels together, at the same values.
        angle_limit = ladder_ceiling(params.amplitude_deg, ANGLE_LADDER_DEG)  # the axis adds 15 %
        self.angle_axes.set_xlim(0, duration)
        self.angle_axes.set_ylim(-angle_limit * 1.15, angle_limit * 1.15)
        self.energy_axes.set_xlim(0, duration)
        self.energy_axes.set_ylim(0, nice_ceiling(run.potential_energy_at_j(angle_limit) * 1.1, (1.0, 2.0, 3.0, 5.0)))

        reach = ladder_ceiling(params.length_m, LENGTH_LADDER_M) * 1.15
        self.sketch_axes.set_xlim(-reach, reach)
        self.sketch_axes.set_ylim(-reach, reach if angle_limit > 90 else 0.25 * reach)
        self.show_time(run, 0.0)

    def show_time(self, run: PendulumRun, time_s: float) -> None:
        """Draw the pendulum where it is at ``time_s`` and move the time markers there."""
        angle = float(np.interp(time_s, run.times_s, run.angle_rad))
        length = run.params.length_m
        bob_x, bob_y = length * math.sin(angle), -length * math.cos(angle)
        self.rod_line.set_data([0.0, bob_x], [0.0, bob_y])
        self.bob_marker.set_data([bob_x], [bob_y])
        self.angle_time_marker.set_xdata([time_s, time_s])
        self.energy_time_marker.set_xdata([time_s, time_s])

    def render_png(self) -> bytes:
        """The current frame as PNG bytes (only moving artists are redrawn)."""
        return self.renderer.render_png()
