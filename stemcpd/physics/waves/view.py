"""Waves view: the string (transverse) above, the same wave as moving particles
(longitudinal) below.

The view only draws. It creates its artists once; :meth:`WaveView.update` sets the axes
for a :class:`~stemcpd.physics.waves.model.WaveRun` and :meth:`WaveView.show_time`
moves the artists to one of its precomputed samples.
"""

from __future__ import annotations

import numpy as np

from stemcpd.physics.waves.model import WaveRun
from stemcpd.ui.figures import FrameRenderer, new_figure
from stemcpd.ui.palette import series_style
from stemcpd.ui.scales import nice_ceiling

MM_PER_M = 1000.0
PARTICLE_ROW_Y = 0.45
FEATURE_ROW_Y = 0.9
TRACED_FRACTION = 0.37
# The position axis ends on one of these × 10ⁿ m, so the length slider moves it in steps.
LENGTH_STEPS = (1.0, 1.5, 2.0, 3.0, 5.0, 7.0)


class WaveView:
    """Two panels sharing the position axis.

    Top: displacement of the string against position; for a standing wave also the two
    travelling waves that add up to it, and the nodes. Bottom: particles displaced along
    the direction of travel, with compressions and rarefactions marked. One particle
    (and the matching point on the string) is highlighted so learners see that the
    medium oscillates in place while the wave moves on.

    Args:
        width_px: figure width in pixels.
        height_px: figure height in pixels.
    """

    def __init__(self, width_px: int = 1000, height_px: int = 560):
        self.figure = new_figure(width_px, height_px, nrows=2)[0]
        self.figure.clear()
        grid = self.figure.add_gridspec(2, 1, height_ratios=(1.6, 1))
        self.string_axes = self.figure.add_subplot(grid[0])
        self.particle_axes = self.figure.add_subplot(grid[1], sharex=self.string_axes)

        self.string_axes.set_title("Transverse: the string moves at right angles to the wave")
        self.string_axes.set_xlabel("position along the string / m")
        self.string_axes.set_ylabel("displacement / mm")
        self.string_axes.axhline(0, color="0.6", linewidth=1, linestyle=":")
        (self.total_line,) = self.string_axes.plot([], [], label="string", **series_style(0))
        (self.forward_line,) = self.string_axes.plot(
            [], [], label="wave moving right", linewidth=1.3, **series_style(1)
        )
        (self.backward_line,) = self.string_axes.plot(
            [], [], label="wave moving left", linewidth=1.3, **series_style(2)
        )
        (self.node_markers,) = self.string_axes.plot(
            [], [], linestyle="none", marker="o", markersize=8, markerfacecolor="white",
            markeredgecolor="black", markeredgewidth=1.5, label="node",
        )
        (self.string_tracer,) = self.string_axes.plot(
            [], [], linestyle="none", marker="D", markersize=9, color=series_style(4)["color"],
            markeredgecolor="black", label="one point of the string",
        )
        (self.wavelength_bracket,) = self.string_axes.plot(
            [], [], color="black", linewidth=1.2, marker="|", markersize=12
        )
        self.wavelength_text = self.string_axes.text(
            0, 0, "", ha="center", va="bottom", fontsize=11,
            bbox={"facecolor": "white", "alpha": 0.85, "edgecolor": "none", "pad": 1},
        )
        self.time_text = self.string_axes.text(
            0.99, 0.04, "", transform=self.string_axes.transAxes, ha="right", fontsize=11,
            bbox={"facecolor": "white", "alpha": 0.85, "edgecolor": "none"},
        )

        self.particle_axes.set_title("Longitudinal: particles move along the direction of the wave")
        self.particle_axes.set_xlabel("position / m")
        self.particle_axes.set_ylim(0, 1.1)
        self.particle_axes.set_yticks([])
        self.particle_axes.grid(False)
        (self.particle_marks,) = self.particle_axes.plot(
            [], [], linestyle="none", marker="|", markersize=34, markeredgewidth=1.6, color="0.25",
            label="particle",
        )
        (self.particle_tracer,) = self.particle_axes.plot(
            [], [], linestyle="none", marker="|", markersize=40, markeredgewidth=4,
            color=series_style(4)["color"], label="one particle",
        )
        (self.compression_markers,) = self.particle_axes.plot(
            [], [], linestyle="none", marker="v", markersize=10, color=series_style(1)["color"],
            markeredgecolor="black", label="compression",
        )
        (self.rarefaction_markers,) = self.particle_axes.plot(
            [], [], linestyle="none", marker="o", markersize=9, markerfacecolor="white",
            markeredgecolor=series_style(0)["color"], markeredgewidth=2, label="rarefaction",
        )
        # Legends sit below the axes so no curve is ever hidden behind them.
        self.particle_axes.legend(
            loc="upper center", bbox_to_anchor=(0.5, -0.35), ncols=4, frameon=False
        )
        self._standing = None
        self.moving_artists = (
            self.total_line, self.forward_line, self.backward_line, self.node_markers,
            self.string_tracer, self.wavelength_bracket, self.wavelength_text, self.time_text,
            self.particle_marks, self.particle_tracer, self.compression_markers,
            self.rarefaction_markers,
        )
        self.renderer = FrameRenderer(self.figure, self.moving_artists)
        self._set_string_legend(standing=False)

    def _set_string_legend(self, standing: bool) -> None:
        """Legend entries for what is drawn: components and nodes only for standing waves."""
        if standing == self._standing:
            return
        handles = [self.total_line, self.string_tracer]
        if standing:
            handles = [self.total_line, self.forward_line, self.backward_line, self.node_markers, self.string_tracer]
        legend = self.string_axes.get_legend()
        if legend is not None:
            legend.remove()
        self.string_axes.legend(
            handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.2), ncols=len(handles), frameon=False
        )
        self._standing = standing
        self.renderer.set_static_key(standing)  # the legend is part of the kept background

    def update(self, run: WaveRun) -> None:
        """Set axes, legend and labels for ``run`` and show its first sample."""
        params = run.params
        self._run = run
        self._set_string_legend(params.is_standing)
        length = params.string_length_m
        # The string runs from 0 to its length; the axis ends on a round length at or past it.
        self.string_axes.set_xlim(0, nice_ceiling(length, LENGTH_STEPS))
        limit_mm = nice_ceiling(run.peak_displacement_m * MM_PER_M * 1.45)
        self.string_axes.set_ylim(-limit_mm, limit_mm)

        bracket_y = run.peak_displacement_m * MM_PER_M * 1.15
        bracket_end = min(run.wavelength_m, length)
        self.wavelength_bracket.set_data([0.0, bracket_end], [bracket_y, bracket_y])
        label = f"λ = {run.wavelength_m:.3g} m" + ("" if run.wavelength_m <= length else " (longer than shown)")
        self.wavelength_text.set_position((bracket_end / 2.0, bracket_y))
        self.wavelength_text.set_text(label)
        self.node_markers.set_data(run.nodes_m, np.zeros_like(run.nodes_m))
        self.show_time(run, 0.0)

    def show_time(self, run: WaveRun, time_s: float) -> None:
        """Move every moving artist to the sample of ``run`` nearest ``time_s``."""
        index = run.frame_index(time_s)
        x = run.x_m
        self.total_line.set_data(x, run.displacement_m[index] * MM_PER_M)
        if run.params.is_standing:
            self.forward_line.set_data(x, run.forward_m[index] * MM_PER_M)
            self.backward_line.set_data(x, run.backward_m[index] * MM_PER_M)
        else:
            self.forward_line.set_data([], [])
            self.backward_line.set_data([], [])

        # Follow one particle (and the string point above it), 37% of the way along:
        # not a node of any harmonic up to 8, so it always moves.
        traced = int(round(TRACED_FRACTION * (len(run.particle_rest_m) - 1)))
        rest = run.particle_rest_m[traced]
        string_y = np.interp(rest, x, run.displacement_m[index]) * MM_PER_M
        self.string_tracer.set_data([rest], [string_y])
        positions = run.particle_x_m[index]
        self.particle_marks.set_data(positions, np.full_like(positions, PARTICLE_ROW_Y))
        self.particle_tracer.set_data([positions[traced]], [PARTICLE_ROW_Y])

        compressions = run.compressions_m[index]
        compressions = compressions[np.isfinite(compressions)]
        rarefactions = run.rarefactions_m[index]
        rarefactions = rarefactions[np.isfinite(rarefactions)]
        self.compression_markers.set_data(compressions, np.full_like(compressions, FEATURE_ROW_Y))
        self.rarefaction_markers.set_data(rarefactions, np.full_like(rarefactions, FEATURE_ROW_Y))
        self.time_text.set_text(
            f"t = {run.times_s[index] * 1000:.2f} ms  (T = {run.period_s * 1000:.2f} ms)"
        )

    def render_png(self) -> bytes:
        """The current frame as PNG bytes (only moving artists are redrawn)."""
        return self.renderer.render_png()
