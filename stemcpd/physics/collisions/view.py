"""Collisions view: the two trolleys on the track, momentum against time, and kinetic
energy against time.

The view only draws. It creates its artists once; :meth:`CollisionView.update` moves
them to show a :class:`~stemcpd.physics.collisions.model.CollisionRun` and
:meth:`CollisionView.show_time` moves the trolleys and the time markers.
"""

from __future__ import annotations

import math

import numpy as np
from matplotlib.patches import Rectangle
from matplotlib.ticker import MaxNLocator

from stemcpd.physics.collisions.model import TROLLEY_LENGTH_M, CollisionRun
from stemcpd.ui.figures import FrameRenderer, new_figure
from stemcpd.ui.palette import OKABE_ITO, series_style
from stemcpd.ui.scales import nice_ceiling

TROLLEY_HEIGHT_M = 0.08


def _half_metre_floor(value: float) -> float:
    return math.floor(value * 2.0) / 2.0


def _half_metre_ceiling(value: float) -> float:
    return math.ceil(value * 2.0) / 2.0


class CollisionView:
    """Three panels: the track (trolleys at the playback time), momentum of A, B and the
    total, and kinetic energy of A, B and the total, each against time.

    Args:
        width_px: figure width in pixels.
        height_px: figure height in pixels.
    """

    def __init__(self, width_px: int = 1000, height_px: int = 420):
        self.figure, (self.track_axes, self.momentum_axes, self.energy_axes) = new_figure(
            width_px, height_px, ncols=3, width_ratios=(1.2, 1, 1)
        )
        self.track_axes.set_title("The track")
        self.track_axes.set_xlabel("position / m")
        self.track_axes.set_yticks([])
        self.track_axes.set_ylim(-0.05, 0.3)
        self.track_axes.xaxis.set_major_locator(MaxNLocator(5))
        self.track_axes.axhline(0, color="black", linewidth=2)
        self.trolley_a = Rectangle((0, 0.0), TROLLEY_LENGTH_M, TROLLEY_HEIGHT_M,
                                   facecolor=OKABE_ITO["blue"], edgecolor="black")
        self.trolley_b = Rectangle((0, 0.0), TROLLEY_LENGTH_M, TROLLEY_HEIGHT_M,
                                   facecolor=OKABE_ITO["vermillion"], edgecolor="black", hatch="//")
        self.track_axes.add_patch(self.trolley_a)
        self.track_axes.add_patch(self.trolley_b)
        self.label_a = self.track_axes.text(0, TROLLEY_HEIGHT_M + 0.03, "A", ha="center", fontsize=12)
        self.label_b = self.track_axes.text(0, TROLLEY_HEIGHT_M + 0.03, "B", ha="center", fontsize=12)

        self.momentum_axes.set_title("Momentum")
        self.momentum_axes.set_xlabel("time / s")
        self.momentum_axes.set_ylabel("momentum / kg m/s")
        self.momentum_axes.axhline(0, color="0.6", linewidth=1)
        (self.momentum_a_line,) = self.momentum_axes.plot([], [], label="A", **series_style(0))
        (self.momentum_b_line,) = self.momentum_axes.plot([], [], label="B", **series_style(1))
        (self.momentum_total_line,) = self.momentum_axes.plot(
            [], [], label="total", color="black", linestyle=(0, (8, 2)), linewidth=2
        )
        self.momentum_axes.legend(loc="upper center", bbox_to_anchor=(0.5, -0.2), ncols=3, frameon=False)

        self.energy_axes.set_title("Kinetic energy")
        self.energy_axes.set_xlabel("time / s")
        self.energy_axes.set_ylabel("kinetic energy / J")
        (self.kinetic_a_line,) = self.energy_axes.plot([], [], label="A", **series_style(0))
        (self.kinetic_b_line,) = self.energy_axes.plot([], [], label="B", **series_style(1))
        (self.kinetic_total_line,) = self.energy_axes.plot(
            [], [], label="total", color="black", linestyle=(0, (8, 2)), linewidth=2
        )
        self.energy_axes.legend(loc="upper center", bbox_to_anchor=(0.5, -0.2), ncols=3, frameon=False)

        self.momentum_marker = self.momentum_axes.axvline(0, color="black", linewidth=1, alpha=0.6)
        self.energy_marker = self.energy_axes.axvline(0, color="black", linewidth=1, alpha=0.6)
        # The velocities before or after the collision at the playback time are in the
        # app's playback readout, not in the figure: a text redrawn on every update costs
        # more than all the curves.
        self.moving_artists = (
            self.momentum_a_line, self.momentum_b_line, self.momentum_total_line,
            self.kinetic_a_line, self.kinetic_b_line, self.kinetic_total_line,
            self.trolley_a, self.trolley_b, self.label_a, self.label_b,
            self.momentum_marker, self.energy_marker,
        )
        self.renderer = FrameRenderer(self.figure, self.moving_artists)
        self._run = None

    def update(self, run: CollisionRun) -> None:
        """Move the artists to show ``run``; axis limits snap to round values."""
        self._run = run
        times = run.times_s
        self.momentum_a_line.set_data(times, run.momentum_a)
        self.momentum_b_line.set_data(times, run.momentum_b)
        self.momentum_total_line.set_data(times, run.total_momentum)
        self.kinetic_a_line.set_data(times, run.kinetic_a_j)
        self.kinetic_b_line.set_data(times, run.kinetic_b_j)
        self.kinetic_total_line.set_data(times, run.kinetic_total_j)

        duration = float(times[-1])
        momenta = np.concatenate([run.momentum_a, run.momentum_b, run.total_momentum])
        top, bottom = nice_ceiling(max(float(momenta.max()), 0.1) * 1.1), float(momenta.min())
        self.momentum_axes.set_xlim(0, duration)
        self.momentum_axes.set_ylim(-nice_ceiling(-bottom * 1.1) if bottom < 0 else 0.0, top)
        self.energy_axes.set_xlim(0, duration)
        self.energy_axes.set_ylim(0, nice_ceiling(run.kinetic_before_j * 1.15))
        left = _half_metre_floor(float(run.position_a_m.min()) - TROLLEY_LENGTH_M - 0.1)
        right = _half_metre_ceiling(float(run.position_b_m.max()) + TROLLEY_LENGTH_M + 0.1)
        self.track_axes.set_xlim(left, right)
        self.show_time(run, 0.0)

    def show_time(self, run: CollisionRun, time_s: float) -> None:
        """Draw the trolleys where they are at ``time_s`` and move the time markers."""
        front_a = float(np.interp(time_s, run.times_s, run.position_a_m))
        back_b = float(np.interp(time_s, run.times_s, run.position_b_m))
        self.trolley_a.set_x(front_a - TROLLEY_LENGTH_M)
        self.trolley_b.set_x(back_b)
        self.label_a.set_x(front_a - TROLLEY_LENGTH_M / 2)
        self.label_b.set_x(back_b + TROLLEY_LENGTH_M / 2)
        self.momentum_marker.set_xdata([time_s, time_s])
        self.energy_marker.set_xdata([time_s, time_s])

    def render_png(self) -> bytes:
        """The current frame as PNG bytes (only moving artists are redrawn)."""
        return self.renderer.render_png()
