"""Energy view: the track with the block, an energy bar chart, and the stores over time.

The view only draws. It creates its artists once; :meth:`EnergyView.update` moves them
to show a :class:`~stemcpd.physics.energy.model.TrackRun`, and :meth:`show_time` puts
the block, the bars and the time marker at the playback time.
"""

from __future__ import annotations

import math

import numpy as np

from stemcpd.physics.energy.model import TrackRun
from stemcpd.ui.figures import FrameRenderer, new_figure
from stemcpd.ui.palette import series_style
from stemcpd.ui.scales import nice_ceiling

DISPLAY_POINTS = 800
# Round axis tops on short ladders: a slider swept end to end moves the axes at most a
# third of the time (each move draws the whole figure, 10-20 times slower than moving
# the artists), and the default run still fills two thirds of the energy axes.
TRACK_STEPS = (1.0, 2.0, 3.0, 5.0)
ENERGY_STEPS = (1.0, 1.5, 2.0, 3.0, 5.0)

# Each store keeps one colour, line style and hatch everywhere (never colour alone).
STORES = (
    ("gravitational potential", "gravitational_energy_j", series_style(2), "//"),
    ("kinetic", "kinetic_energy_j", series_style(0), ".."),
    ("thermal", "thermal_energy_j", series_style(1), "xx"),
)
BAR_LABELS = ("grav.\npotential", "kinetic", "thermal", "total")


def _thin(times, *series, points=DISPLAY_POINTS):
    """Evenly spaced samples so every line has at most ``points`` vertices."""
    stride = max(1, math.ceil(len(times) / points))
    return [times[::stride]] + [values[::stride] for values in series]


class EnergyView:
    """Three panels: the track with the block at the playback time, a bar chart of the
    energy stores at that time, and the stores against time.

    Args:
        width_px: figure width in pixels.
        height_px: figure height in pixels.
    """

    def __init__(self, width_px: int = 1000, height_px: int = 420):
        self.figure, (self.track_axes, self.bar_axes, self.energy_axes) = new_figure(
            width_px, height_px, ncols=3, width_ratios=(1.1, 0.8, 1)
        )

        self.track_axes.set_title("The track")
        self.track_axes.set_xlabel("horizontal distance / m")
        self.track_axes.set_ylabel("height / m")
        self.track_axes.set_aspect("equal", adjustable="box")  # true slopes
        (self.track_line,) = self.track_axes.plot([], [], color="0.25", linewidth=3, solid_capstyle="round")
        (self.path_line,) = self.track_axes.plot([], [], color="0.5", linestyle=":", linewidth=1.2)
        (self.block_marker,) = self.track_axes.plot(
            [], [], linestyle="none", marker="s", markersize=14, color=series_style(4)["color"], markeredgecolor="black"
        )

        self.bar_axes.set_title("Energy stores now")
        self.bar_axes.set_ylabel("energy / J")
        positions = np.arange(len(BAR_LABELS))
        bar_colours = [style["color"] for _, _, style, _ in STORES] + ["white"]
        hatches = [hatch for _, _, _, hatch in STORES] + [""]
        self.bars = self.bar_axes.bar(
            positions, np.zeros(len(BAR_LABELS)), color=bar_colours, hatch=hatches, edgecolor="black", linewidth=1.2
        )
        self.bar_axes.set_xticks(positions, BAR_LABELS, fontsize=9)
        self.bar_axes.set_xlim(-0.6, len(BAR_LABELS) - 0.4)
        self.bar_axes.grid(axis="x", visible=False)
        self.bar_values = [
            self.bar_axes.text(position, 0, "", ha="center", va="bottom", fontsize=9) for position in positions
        ]

        self.energy_axes.set_title("Energy stores over time")
        self.energy_axes.set_xlabel("time / s")
        self.energy_axes.set_ylabel("energy / J")
        self.store_lines = [
            self.energy_axes.plot([], [], label=name, **style)[0] for name, _, style, _ in STORES
        ]
        (self.total_line,) = self.energy_axes.plot(
            [], [], label="total", color="black", linestyle=(0, (8, 2)), linewidth=1.5
        )
        self.energy_axes.legend(loc="upper center", bbox_to_anchor=(0.5, -0.18), ncols=2, frameon=False)
        self.time_marker = self.energy_axes.axvline(0, color="black", linewidth=1, alpha=0.6)

        # The time, the speed and the share of energy still in the GPE and KE stores are
        # in the app's playback readout, not in the figure: a text redrawn on every
        # update costs more than all the curves.
        self.moving_artists = (
            self.track_line, self.path_line, self.block_marker,
            *self.bars.patches, *self.bar_values, *self.store_lines, self.total_line, self.time_marker,
        )
        self.renderer = FrameRenderer(self.figure, self.moving_artists)

    def update(self, run: TrackRun) -> None:
        """Move the artists to show ``run``; axis limits snap to round values."""
        params = run.params
        track_x, track_y = run.track_outline_m
        self.track_line.set_data(track_x, track_y)
        self.path_line.set_data([track_x[0], track_x[-1]], [params.height_m, params.height_m])
        width = nice_ceiling(track_x[-1] * 1.05, TRACK_STEPS)
        self.track_axes.set_xlim(-0.05 * width, width)
        # Equal scales (true slopes), with head-room above the start.
        top = max(0.6 * width, nice_ceiling(params.height_m * 1.5, TRACK_STEPS))
        self.track_axes.set_ylim(-0.08 * width, top)

        top = nice_ceiling(run.initial_energy_j * 1.2, ENERGY_STEPS)
        self.bar_axes.set_ylim(0, top)
        times, *stores = _thin(run.times_s, *(getattr(run, field) for _, field, _, _ in STORES))
        for line, values in zip(self.store_lines, stores):
            line.set_data(times, values)
        self.total_line.set_data(times, np.sum(stores, axis=0))
        self.energy_axes.set_xlim(0, float(run.times_s[-1]))
        self.energy_axes.set_ylim(0, top)
        self.show_time(run, 0.0)

    def show_time(self, run: TrackRun, time_s: float) -> None:
        """Put the block, the bars and the time marker at ``time_s``."""
        values = [float(np.interp(time_s, run.times_s, getattr(run, field))) for _, field, _, _ in STORES]
        values.append(sum(values))
        for bar, label, value in zip(self.bars.patches, self.bar_values, values):
            bar.set_height(value)
            label.set_position((bar.get_x() + bar.get_width() / 2, value))
            label.set_text(f"{value:.3g} J")
        x = float(np.interp(time_s, run.times_s, run.x_m))
        y = float(np.interp(time_s, run.times_s, run.y_m))
        self.block_marker.set_data([x], [y])
        self.time_marker.set_xdata([time_s, time_s])

    def render_png(self) -> bytes:
        """The current frame as PNG bytes (only moving artists are redrawn)."""
        return self.renderer.render_png()
