"""Generator view: the spinning coil seen end-on, and its emf and flux linkage over time.

The view only draws. It creates its artists once and :meth:`GeneratorView.update` moves
them to show a :class:`~stemcpd.physics.electromagnetism.model.GeneratorRun`;
:meth:`GeneratorView.show_time` turns the coil to where it is at a playback time.
"""

from __future__ import annotations

import math

import numpy as np
from matplotlib.patches import FancyArrowPatch

from stemcpd.physics.electromagnetism.model import GeneratorRun
from stemcpd.ui.figures import FrameRenderer, new_figure
from stemcpd.ui.palette import series_style
from stemcpd.ui.scales import nice_ceiling

COIL_HALF_WIDTH = 1.0  # the sketch is schematic: the coil is drawn the same size always


class GeneratorView:
    """Two panels: the coil end-on in the field (with its normal and angle), and emf
    (left axis) and flux linkage (right axis) against time with a time marker.

    Args:
        width_px: figure width in pixels.
        height_px: figure height in pixels.
    """

    def __init__(self, width_px: int = 1000, height_px: int = 420):
        self.figure, (self.coil_axes, self.emf_axes) = new_figure(
            width_px, height_px, ncols=2, width_ratios=(0.55, 1)
        )
        self.flux_axes = self.emf_axes.twinx()

        axes = self.coil_axes
        axes.set_title("The coil, seen end-on")
        axes.set_aspect("equal", adjustable="box")
        axes.set_xlim(-1.6, 1.6)
        axes.set_ylim(-1.6, 1.6)
        axes.set_xticks([])
        axes.set_yticks([])
        axes.grid(False)
        for y in np.linspace(-1.3, 1.3, 5):
            axes.annotate("", xy=(1.55, y), xytext=(-1.55, y),
                          arrowprops={"arrowstyle": "->", "color": "0.6", "linewidth": 1.2})
        axes.text(1.5, 1.45, "magnetic field B →", ha="right", va="bottom", fontsize=10, color="0.3")
        axes.plot([0], [0], marker="+", color="black", markersize=10)
        (self.coil_line,) = axes.plot([], [], color=series_style(0)["color"], linewidth=5, solid_capstyle="round")
        (self.wire_out_marker,) = axes.plot([], [], linestyle="none", marker="o", markersize=13,
                                            color="white", markeredgecolor="black")
        (self.wire_in_marker,) = axes.plot([], [], linestyle="none", marker="X", markersize=11,
                                           color="black")
        self.normal_arrow = FancyArrowPatch((0, 0), (1, 0), arrowstyle="-|>", mutation_scale=18,
                                            color=series_style(1)["color"], linewidth=2, linestyle="--")
        axes.add_patch(self.normal_arrow)
        self.angle_text = axes.text(
            0.02, 0.02, "", transform=axes.transAxes, fontsize=10, va="bottom",
            bbox={"facecolor": "white", "alpha": 0.85, "edgecolor": "none"},
        )

        axes = self.emf_axes
        axes.set_title("emf and flux linkage")
        axes.set_xlabel("time / s")
        axes.set_ylabel("emf / V")
        self.flux_axes.set_ylabel("flux linkage NΦ / Wb")
        self.flux_axes.grid(False)
        axes.axhline(0, color="0.4", linewidth=0.8)
        (self.emf_line,) = axes.plot([], [], label="emf", **series_style(0))
        (self.flux_line,) = self.flux_axes.plot([], [], label="flux linkage NΦ", **series_style(1))
        (self.emf_marker,) = axes.plot([], [], linestyle="none", marker="o", markersize=9,
                                       color=series_style(0)["color"], markeredgecolor="black")
        (self.flux_marker,) = self.flux_axes.plot([], [], linestyle="none", marker="s", markersize=8,
                                                  color=series_style(1)["color"], markeredgecolor="black")
        self.time_marker = axes.axvline(0, color="black", linewidth=1, alpha=0.6)
        (self.peak_line,) = axes.plot([], [], color="0.3", linewidth=1, linestyle=(0, (1, 2)), label="peak")
        (self.rms_line,) = axes.plot([], [], color="0.3", linewidth=1.2, linestyle=(0, (6, 2, 1, 2)), label="r.m.s.")
        axes.legend(handles=[self.emf_line, self.flux_line, self.peak_line, self.rms_line],
                    loc="upper center", bbox_to_anchor=(0.5, -0.18), ncols=4, frameon=False)
        self.moving_artists = (
            self.coil_line, self.wire_out_marker, self.wire_in_marker, self.normal_arrow, self.angle_text,
            self.emf_line, self.flux_line, self.peak_line, self.rms_line, self.emf_marker, self.flux_marker,
            self.time_marker,
        )
        self.renderer = FrameRenderer(self.figure, self.moving_artists)

    def update(self, run: GeneratorRun) -> None:
        """Move the artists to show ``run``; axis limits snap to round values."""
        times = run.times_s
        duration = float(times[-1])
        self.emf_line.set_data(times, run.emf_v)
        self.flux_line.set_data(times, run.flux_linkage_wb)
        self.peak_line.set_data([0, duration], [run.peak_emf_v, run.peak_emf_v])
        self.rms_line.set_data([0, duration], [run.rms_emf_v, run.rms_emf_v])
        self.emf_axes.set_xlim(0, duration)
        emf_limit = nice_ceiling(run.peak_emf_v * 1.1)
        flux_limit = nice_ceiling(run.params.peak_flux_linkage_wb * 1.1)
        self.emf_axes.set_ylim(-emf_limit, emf_limit)
        self.flux_axes.set_ylim(-flux_limit, flux_limit)
        self.show_time(run, 0.0)

    def show_time(self, run: GeneratorRun, time_s: float) -> None:
        """Turn the coil to its angle at ``time_s`` and move the time markers there."""
        angle = run.params.angular_velocity_rad_s * time_s
        normal = np.array([math.cos(angle), math.sin(angle)])
        along = np.array([-normal[1], normal[0]]) * COIL_HALF_WIDTH
        self.coil_line.set_data([-along[0], along[0]], [-along[1], along[1]])
        self.wire_out_marker.set_data([along[0]], [along[1]])
        self.wire_in_marker.set_data([-along[0]], [-along[1]])
        self.normal_arrow.set_positions((0.0, 0.0), tuple(1.35 * normal))
        degrees = math.degrees(angle) % 360.0
        emf = float(np.interp(time_s, run.times_s, run.emf_v))
        linkage = float(np.interp(time_s, run.times_s, run.flux_linkage_wb))
        self.angle_text.set_text(f"normal at {degrees:.0f}° to B\nNΦ = {linkage:.3g} Wb, emf = {emf:.3g} V")
        self.emf_marker.set_data([time_s], [emf])
        self.flux_marker.set_data([time_s], [linkage])
        self.time_marker.set_xdata([time_s, time_s])

    def render_png(self) -> bytes:
        """The current frame as PNG bytes (only moving artists are redrawn)."""
        return self.renderer.render_png()
