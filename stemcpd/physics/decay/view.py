"""Decay view: nuclei left against time (random model and exponential law) and the
GM-tube counts per interval with the background and the fitted curve.

The view only draws. Artists are created once; :meth:`DecayView.update` moves them to
show a :class:`~stemcpd.physics.decay.model.DecayRun`, :meth:`DecayView.show_time`
moves the time marker.
"""

from __future__ import annotations

import numpy as np

from stemcpd.physics.decay.model import DecayRun
from stemcpd.ui.figures import FrameRenderer, new_figure
from stemcpd.ui.palette import series_style
from stemcpd.ui.scales import nice_ceiling

# Rungs of round values: a slider swept end to end moves the axes a few times (each move
# draws the whole figure, 10-20 times slower than moving the points).
STEPS = (1.0, 2.0, 3.0, 5.0)


class DecayView:
    """Two panels: nuclei left against time, and counts per interval against time.

    Args:
        width_px: figure width in pixels.
        height_px: figure height in pixels.
    """

    def __init__(self, width_px: int = 1000, height_px: int = 420):
        self.figure, (self.atoms_axes, self.counts_axes) = new_figure(width_px, height_px, ncols=2)

        self.atoms_axes.set_title("Unstable nuclei left")
        self.atoms_axes.set_xlabel("time / s")
        self.atoms_axes.set_ylabel("number of nuclei")
        (self.law_line,) = self.atoms_axes.plot([], [], label="exponential law N₀e^(−λt)", **series_style(1))
        (self.atoms_markers,) = self.atoms_axes.plot(
            [], [], linestyle="none", marker="o", markersize=4, color=series_style(0)["color"],
            label="random model (this seed)")
        (self.half_life_guide,) = self.atoms_axes.plot(
            [], [], color="0.35", linestyle=":", linewidth=1.2, label="one half-life")
        (self.atoms_now,) = self.atoms_axes.plot(
            [], [], marker="D", markersize=9, color=series_style(0)["color"], markeredgecolor="black",
            linestyle="none")
        self.atoms_axes.legend(loc="upper center", bbox_to_anchor=(0.5, -0.18), ncols=2, frameon=False)

        self.counts_axes.set_title("GM tube counts")
        self.counts_axes.set_xlabel("time / s")
        self.counts_axes.set_ylabel("counts per interval")
        (self.counts_markers,) = self.counts_axes.plot(
            [], [], linestyle="none", marker="s", markersize=4, color=series_style(0)["color"],
            label="counts (background included)")
        (self.fit_line,) = self.counts_axes.plot([], [], label="fitted decay + background", **series_style(2))
        (self.background_line,) = self.counts_axes.plot([], [], label="mean background", **series_style(3))
        self.counts_axes.legend(loc="upper center", bbox_to_anchor=(0.5, -0.18), ncols=2, frameon=False)

        self.atoms_marker_line = self.atoms_axes.axvline(0, color="black", linewidth=1, alpha=0.6)
        self.counts_marker_line = self.counts_axes.axvline(0, color="black", linewidth=1, alpha=0.6)
        # N and the activity at the playback time, the counting interval and the fitted
        # half-life are in the app's readouts, not in the figure: a text redrawn on every
        # update costs more than all the points and curves together.
        self.moving_artists = (
            self.law_line, self.atoms_markers, self.half_life_guide, self.atoms_now,
            self.counts_markers, self.fit_line, self.background_line,
            self.atoms_marker_line, self.counts_marker_line,
        )
        self.renderer = FrameRenderer(self.figure, self.moving_artists)

    def update(self, run: DecayRun) -> None:
        """Move the artists to show ``run``; axis limits snap to round values."""
        params = run.params
        times = run.times_s
        duration = float(times[-1])
        smooth = run.smooth_times_s
        self.law_line.set_data(smooth, run.law_atoms)
        self.atoms_markers.set_data(times, run.atoms)
        half = params.half_life_s
        self.half_life_guide.set_data([0, half, half], [params.initial_atoms / 2, params.initial_atoms / 2, 0])

        starts = run.interval_start_s
        self.counts_markers.set_data(starts, run.counts)
        background = run.background_per_interval
        self.background_line.set_data([0, duration], [background, background])
        fitted = run.fitted_counts
        if fitted is not None:
            self.fit_line.set_data(smooth, fitted)
        else:
            self.fit_line.set_data([], [])

        time_limit = nice_ceiling(duration, STEPS)
        atoms_rung = nice_ceiling(params.initial_atoms, STEPS)
        self.atoms_axes.set_xlim(0, time_limit)
        self.atoms_axes.set_ylim(0, atoms_rung * 1.05)
        self.counts_axes.set_xlim(0, time_limit)
        # At least a tenth of the nuclei rung (round, and a little above the first
        # interval's decays when an interval is a tenth of a half-life), so the counts
        # axis moves with the nuclei axis, not with each random run.
        counts_top = max(float(run.counts.max()) * 1.1, background * 1.1, atoms_rung / 10.0, 1.0)
        self.counts_axes.set_ylim(0, nice_ceiling(counts_top, STEPS))
        self.show_time(run, 0.0)

    def show_time(self, run: DecayRun, time_s: float) -> None:
        """Mark ``time_s`` on both graphs and the nuclei left there (the app's playback
        readout states N and the activity λN)."""
        index = int(np.clip(np.searchsorted(run.times_s, time_s, side="right") - 1, 0, len(run.times_s) - 1))
        left = int(run.atoms[index])
        self.atoms_now.set_data([run.times_s[index]], [left])
        self.atoms_marker_line.set_xdata([time_s, time_s])
        self.counts_marker_line.set_xdata([time_s, time_s])

    def render_png(self) -> bytes:
        """The current frame as PNG bytes (only moving artists are redrawn)."""
        return self.renderer.render_png()
