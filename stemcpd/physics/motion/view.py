"""Trolley view: a sketch of the runway with its light gates, the velocity–time graph
with the gate readings, and the distance–time graph.

The view only draws. It creates its artists once and :meth:`MotionView.update` moves
them to show a :class:`~stemcpd.physics.motion.model.TrolleyRun`.
"""

from __future__ import annotations

import numpy as np
from matplotlib.patches import Rectangle

from stemcpd.physics.motion.model import TrolleyRun
from stemcpd.ui.figures import FrameRenderer, new_figure
from stemcpd.ui.palette import series_style
from stemcpd.ui.scales import nice_ceiling

AXIS_STEPS = (1.0, 1.5, 2.0, 3.0, 4.0, 5.0, 6.0, 8.0)
TROLLEY_LENGTH_M = 0.25  # drawn length of the trolley body, behind the card's front edge
BENCH_Y = 0.0  # the sketch's vertical axis is schematic: the runway top is at 0
TROLLEY_HEIGHT = 0.25
PULLEY_OVERHANG_M = 0.15  # pulley beyond the end of the card's travel
DROP_SPAN = 1.0  # drawn drop of the hanging mass when the trolley reaches the runway's end


def _limit(value: float, floor: float) -> float:
    return nice_ceiling(max(value, floor), AXIS_STEPS)


class MotionView:
    """Three panels: the runway sketch (trolley, card, gates, pulley and hanging mass)
    at the playback time, velocity against time with each gate's reading, and distance
    against time with the gate positions.

    Args:
        width_px: figure width in pixels.
        height_px: figure height in pixels.
    """

    def __init__(self, width_px: int = 1000, height_px: int = 560):
        self.figure = new_figure(width_px, height_px)[0]
        self.figure.clear()
        grid = self.figure.add_gridspec(2, 2, height_ratios=(0.8, 1))
        self.sketch_axes = self.figure.add_subplot(grid[0, :])
        self.velocity_axes = self.figure.add_subplot(grid[1, 0])
        self.distance_axes = self.figure.add_subplot(grid[1, 1])
        gate_styles = (series_style(1), series_style(2))

        sketch = self.sketch_axes
        sketch.set_title("The runway (the hanging mass falls as far as the trolley moves)")
        sketch.set_xlabel("distance of the card's front edge from the start / m")
        sketch.set_yticks([])
        sketch.grid(False)
        (self.runway_line,) = sketch.plot([], [], color="0.3", linewidth=3)
        (self.string_line,) = sketch.plot([], [], color="0.2", linewidth=1)
        (self.pulley_marker,) = sketch.plot([], [], marker="o", markersize=14, color="0.5",
                                            markeredgecolor="black", linestyle="none")
        self.trolley_patch = Rectangle((0, BENCH_Y), TROLLEY_LENGTH_M, TROLLEY_HEIGHT,
                                       facecolor=series_style(0)["color"], edgecolor="black", alpha=0.85)
        self.card_patch = Rectangle((0, BENCH_Y + TROLLEY_HEIGHT), 0.05, 0.18, facecolor="black")
        self.hanger_patch = Rectangle((0, 0), 0.08, 0.3, facecolor="0.6", edgecolor="black", hatch="//")
        for patch in (self.trolley_patch, self.card_patch, self.hanger_patch):
            sketch.add_patch(patch)
        self.gate_lines = [
            sketch.plot([], [], linewidth=2.5, color=style["color"], linestyle=style["linestyle"])[0]
            for style in gate_styles
        ]
        self.gate_labels = [
            sketch.text(0, 0, f"gate {number}", ha="center", va="bottom", fontsize=10)
            for number in (1, 2)
        ]

        self.velocity_axes.set_title("Velocity against time")
        self.velocity_axes.set_xlabel("time / s")
        self.velocity_axes.set_ylabel("velocity / m/s")
        (self.velocity_line,) = self.velocity_axes.plot([], [], label="trolley", **series_style(0))
        self.gate_reading_markers = [
            self.velocity_axes.plot(
                [], [], linestyle="none", marker=marker, markersize=9, color=style["color"],
                markeredgecolor="black", label=f"gate {number}: card length ÷ time",
            )[0]
            for number, style, marker in ((1, gate_styles[0], "o"), (2, gate_styles[1], "s"))
        ]
        self.velocity_axes.legend(loc="upper center", bbox_to_anchor=(0.5, -0.22), ncols=2, frameon=False)
        self.velocity_time_marker = self.velocity_axes.axvline(0, color="black", linewidth=1, alpha=0.6)

        self.distance_axes.set_title("Distance against time")
        self.distance_axes.set_xlabel("time / s")
        self.distance_axes.set_ylabel("distance / m")
        (self.distance_line,) = self.distance_axes.plot([], [], label="trolley", **series_style(0))
        self.gate_position_lines = [
            self.distance_axes.plot([], [], linewidth=1.5, label=f"gate {number}", **style)[0]
            for number, style in ((1, gate_styles[0]), (2, gate_styles[1]))
        ]
        self.distance_axes.legend(loc="upper center", bbox_to_anchor=(0.5, -0.22), ncols=3, frameon=False)
        self.distance_time_marker = self.distance_axes.axvline(0, color="black", linewidth=1, alpha=0.6)

        self.moving_artists = (
            self.runway_line, self.string_line, self.trolley_patch, self.card_patch,
            self.hanger_patch, self.pulley_marker, *self.gate_lines, *self.gate_labels, self.velocity_line,
            *self.gate_reading_markers, self.velocity_time_marker, self.distance_line,
            *self.gate_position_lines, self.distance_time_marker,
        )
        self.renderer = FrameRenderer(self.figure, self.moving_artists)
        self._run = None

    def update(self, run: TrolleyRun) -> None:
        """Move the artists to show ``run``; axis limits snap to round values."""
        self._run = run
        params = run.params
        end = params.runway_length_m
        pulley_x = end + PULLEY_OVERHANG_M
        self.runway_line.set_data([-TROLLEY_LENGTH_M - 0.1, pulley_x], [BENCH_Y, BENCH_Y])
        self.pulley_marker.set_data([pulley_x], [BENCH_Y + 0.5 * TROLLEY_HEIGHT])
        self.card_patch.set_width(params.card_length_m)
        # The sketch's height is schematic: the hanging mass's full drop (the runway's
        # length) is drawn as a drop of DROP_SPAN, so the y axis has no ticks.
        self.sketch_axes.set_xlim(-TROLLEY_LENGTH_M - 0.15, pulley_x + 0.2)
        self.sketch_axes.set_ylim(-1.45, 0.75)
        for line, label, gate in zip(self.gate_lines, self.gate_labels, (params.gate_1_m, params.gate_2_m)):
            line.set_data([gate, gate], [BENCH_Y + 0.05, BENCH_Y + 0.58])
            label.set_position((gate, BENCH_Y + 0.6))

        duration = run.duration_s
        self.velocity_line.set_data(run.times_s, run.velocity_m_s)
        self.distance_line.set_data(run.times_s, run.position_m)
        half_passage = 0.5 * run.gate_times_s
        for marker, position_line, entry, half, speed, gate in zip(
            self.gate_reading_markers, self.gate_position_lines, run.gate_entry_times_s, half_passage,
            run.gate_speeds_m_s, (params.gate_1_m, params.gate_2_m),
        ):
            if run.moves:
                marker.set_data([entry + half], [speed])  # c/Δt is the speed at mid-passage
            else:
                marker.set_data([], [])
            position_line.set_data([0, duration], [gate, gate])
        time_limit = _limit(duration, floor=0.5)
        self.velocity_axes.set_xlim(0, time_limit)
        self.velocity_axes.set_ylim(0, _limit(float(run.velocity_m_s[-1]) * 1.05, floor=0.1))
        self.distance_axes.set_xlim(0, time_limit)
        self.distance_axes.set_ylim(0, _limit(end * 1.02, floor=0.1))
        self.show_time(run, 0.0)

    def show_time(self, run: TrolleyRun, time_s: float) -> None:
        """Draw the trolley and hanging mass where they are at ``time_s``."""
        params = run.params
        front = float(np.interp(time_s, run.times_s, run.position_m))
        self.trolley_patch.set_x(front - TROLLEY_LENGTH_M)
        self.card_patch.set_x(front - params.card_length_m)
        pulley_x = params.runway_length_m + PULLEY_OVERHANG_M
        pulley_y = BENCH_Y + 0.5 * TROLLEY_HEIGHT
        drop = DROP_SPAN * front / params.runway_length_m
        hanger_top = pulley_y - 0.15 - drop
        # The string runs to the pulley's centre and down from it; the pulley disc is
        # drawn over the corner, so it looks wrapped round the wheel.
        self.hanger_patch.set_xy((pulley_x - 0.04, hanger_top - 0.3))
        self.string_line.set_data([front, pulley_x, pulley_x], [pulley_y, pulley_y, hanger_top])
        for marker in (self.velocity_time_marker, self.distance_time_marker):
            marker.set_xdata([time_s, time_s])

    def render_png(self) -> bytes:
        """The current frame as PNG bytes (only moving artists are redrawn)."""
        return self.renderer.render_png()
