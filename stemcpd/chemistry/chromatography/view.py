"""Chromatography view: the paper at the playback time, and distances against time.

The view only draws. It creates its artists once; :meth:`ChromatographyView.update`
shows a new :class:`~stemcpd.chemistry.chromatography.model.Chromatogram` and
:meth:`ChromatographyView.show_time` moves the front and spots to a moment of it.
Every dye has its own hatch, centre marker and E-number label as well as its colour,
so the picture reads without colour.
"""

from __future__ import annotations

import numpy as np
from matplotlib.patches import Ellipse, Rectangle

from stemcpd.chemistry.chromatography.model import (
    DYES,
    PAPER_HEIGHT_MM,
    SOLVENT_LEVEL_MM,
    Chromatogram,
)
from stemcpd.ui.figures import FrameRenderer, new_figure
from stemcpd.ui.palette import OKABE_ITO, series_style
from stemcpd.ui.scales import ladder_ceiling

PAPER_WIDTH_MM = 146.0
SAMPLE_LANE_MM = 12.0
REFERENCE_LANES_MM = (62.0, 79.0, 96.0, 113.0, 130.0)  # one per dye, in DYES order
DYE_HATCHES = ("///", "\\\\\\", "xxx", "...", "---")
DYE_MARKERS = ("o", "s", "^", "D", "v")
MAX_SAMPLE_DYES = 3
LABEL_GAP_MM = 6.5  # labels of the sample's spots are kept at least this far apart
TIME_LADDER_MIN = (5.0, 10.0, 15.0, 20.0, 30.0)
DISTANCE_LADDER_MM = (20.0, 40.0, 60.0, 80.0, 100.0)


class ChromatographyView:
    """Two panels: the chromatography paper (sample lane and one reference lane per
    dye, pencil baseline, wet paper, solvent front, spots as ellipses) at the playback
    time, and the distance above the baseline of the front and of each of the sample's
    spots against time.

    Args:
        width_px: figure width in pixels.
        height_px: figure height in pixels.
    """

    def __init__(self, width_px: int = 1000, height_px: int = 460):
        self.figure, (self.paper_axes, self.distance_axes) = new_figure(
            width_px, height_px, ncols=2, width_ratios=(1.0, 1.1)
        )
        self._sample = None

        axes = self.paper_axes
        axes.set_title("The chromatogram")
        axes.set_aspect("equal", adjustable="box")
        axes.set_xlim(-4, PAPER_WIDTH_MM + 4)
        axes.set_ylim(-4, PAPER_HEIGHT_MM + 4)
        axes.grid(False)
        axes.set_ylabel("height above the paper's bottom edge / mm")
        axes.set_xticks([SAMPLE_LANE_MM, *REFERENCE_LANES_MM], ["sample", *(dye.code for dye in DYES)], fontsize=10)
        axes.add_patch(Rectangle((0, 0), PAPER_WIDTH_MM, PAPER_HEIGHT_MM, facecolor="white", edgecolor="0.4"))
        axes.add_patch(Rectangle((-4, -4), PAPER_WIDTH_MM + 8, SOLVENT_LEVEL_MM + 4, facecolor=OKABE_ITO["sky_blue"],
                                 alpha=0.45, edgecolor="none"))
        axes.text(PAPER_WIDTH_MM - 2, SOLVENT_LEVEL_MM / 2 - 1, "solvent", ha="right", va="center", fontsize=9)
        self.wet_paper = axes.add_patch(Rectangle((0, SOLVENT_LEVEL_MM), PAPER_WIDTH_MM, 0,
                                                  facecolor=OKABE_ITO["sky_blue"], alpha=0.18, edgecolor="none"))
        (self.baseline_line,) = axes.plot([0, PAPER_WIDTH_MM], [15, 15], color="0.35", linewidth=1.2)
        self.baseline_text = axes.text(PAPER_WIDTH_MM - 2, 14, "pencil baseline", ha="right", va="top", fontsize=9,
                                       color="0.3")
        (self.front_line,) = axes.plot([0, PAPER_WIDTH_MM], [SOLVENT_LEVEL_MM] * 2, color=OKABE_ITO["blue"],
                                       linestyle="--", linewidth=1.5)
        self.front_text = axes.text(PAPER_WIDTH_MM - 2, SOLVENT_LEVEL_MM, "solvent front", ha="right",
                                    va="bottom", fontsize=9, color=OKABE_ITO["blue"])
        self.time_text = axes.text(2, PAPER_HEIGHT_MM - 2, "", ha="left", va="top", fontsize=10)

        # Spots: up to three in the sample lane, one in each reference lane.
        self.sample_spots = [self._spot(axes) for _ in range(MAX_SAMPLE_DYES)]
        self.reference_spots = [self._spot(axes, index) for index in range(len(DYES))]
        # One marker line per dye: its spot centre in the sample lane (if present) and its reference lane.
        self.centre_markers = [
            axes.plot([], [], linestyle="none", marker=DYE_MARKERS[index], markersize=5, color="black")[0]
            for index in range(len(DYES))
        ]
        self.sample_labels = [axes.text(0, 0, "", fontsize=9, va="center", ha="left") for _ in range(MAX_SAMPLE_DYES)]

        self.distance_axes.set_title("Distance above the baseline against time")
        self.distance_axes.set_xlabel("time / min")
        self.distance_axes.set_ylabel("distance above baseline / mm")
        (self.front_curve,) = self.distance_axes.plot([], [], color="black", linestyle=(0, (8, 2)),
                                                      label="solvent front √(Dt)")
        self.spot_curves = [
            self.distance_axes.plot([], [], marker=DYE_MARKERS[0], markevery=40, markeredgecolor="black",
                                    linewidth=2.5, linestyle=series_style(index)["linestyle"])[0]
            for index in range(MAX_SAMPLE_DYES)
        ]
        self.time_marker = self.distance_axes.axvline(0, color="black", linewidth=1, alpha=0.6)

        self.moving_artists = (
            self.wet_paper, self.baseline_line, self.baseline_text, self.front_line, self.front_text,
            self.time_text, *self.sample_spots, *self.reference_spots, *self.centre_markers, *self.sample_labels,
            self.front_curve, *self.spot_curves, self.time_marker,
        )
        self.renderer = FrameRenderer(self.figure, self.moving_artists)

    @staticmethod
    def _spot(axes, dye: int = 0) -> Ellipse:
        return axes.add_patch(Ellipse((0, 0), 1, 1, facecolor=DYES[dye].colour, edgecolor="0.15",
                                      hatch=DYE_HATCHES[dye], linewidth=0.8))

    def _set_sample(self, run: Chromatogram) -> None:
        """The sample's dyes name the curves and the legend (a static part: redraw it)."""
        dyes = run.sample.dyes
        for slot, curve in enumerate(self.spot_curves):
            if slot < len(dyes):
                dye = DYES[dyes[slot]]
                curve.set_label(f"{dye.code} {dye.name}")
                curve.set_marker(DYE_MARKERS[dyes[slot]])
                curve.set_color(dye.colour)  # as on the paper; marker and dash pattern carry it too
                curve.set_visible(True)
                self.sample_spots[slot].set_facecolor(dye.colour)
                self.sample_spots[slot].set_hatch(DYE_HATCHES[dyes[slot]])
                self.sample_spots[slot].set_visible(True)
                self.sample_labels[slot].set_visible(True)
            else:
                curve.set_label("_hidden")
                curve.set_visible(False)
                self.sample_spots[slot].set_visible(False)
                self.sample_labels[slot].set_visible(False)
        handles = [self.front_curve, *self.spot_curves[:len(dyes)]]
        self.distance_axes.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.14), ncols=2,
                                  frameon=False)
        self.paper_axes.set_xlabel(f"sample: {run.sample.label}; reference dyes →", fontsize=10)
        self.renderer.set_static_key(run.sample.name)  # legend and label name the sample
        self._sample = run.sample

    def update(self, run: Chromatogram) -> None:
        """Show ``run``: curves over its whole time, axes in round steps; the paper at t = 0."""
        if run.sample is not self._sample:
            self._set_sample(run)
        minutes = run.times_s / 60.0
        self.front_curve.set_data(minutes, run.front_distance_mm)
        for slot, dye in enumerate(run.sample.dyes):
            self.spot_curves[slot].set_data(minutes, run.spot_distance_mm[:, dye])
        self.distance_axes.set_xlim(0, ladder_ceiling(float(minutes[-1]) * 0.999, TIME_LADDER_MIN))
        self.distance_axes.set_ylim(0, ladder_ceiling(run.final_front_distance_mm * 1.1 + 1, DISTANCE_LADDER_MM))
        baseline = run.params.baseline_mm
        self.baseline_line.set_ydata([baseline, baseline])
        self.baseline_text.set_y(baseline - 1)
        self.show_time(run, 0.0)

    def show_time(self, run: Chromatogram, time_s: float) -> None:
        """Move the front, the wet paper, the spots and the time marker to ``time_s``."""
        index = run.index_at(time_s)
        front_height = float(run.front_height_mm[index])
        baseline = run.params.baseline_mm
        self.wet_paper.set_height(front_height - SOLVENT_LEVEL_MM)
        self.front_line.set_ydata([front_height, front_height])
        self.front_text.set_y(front_height + 0.5)
        self.front_text.set_visible(front_height > baseline + 6)
        self.time_text.set_text(f"t = {run.times_s[index] / 60:.1f} min")
        self.time_marker.set_xdata([run.times_s[index] / 60.0] * 2)

        width = 4.0 * float(run.sigma_across_mm[index])
        height = 4.0 * float(run.sigma_along_mm[index])
        # Spots fade as they spread: the same dye over a larger area.
        alpha = 0.25 + 0.6 * float(run.sigma_along_mm[0] / run.sigma_along_mm[index])
        centres = baseline + run.spot_distance_mm[index]
        for dye, spot in enumerate(self.reference_spots):
            spot.set_center((REFERENCE_LANES_MM[dye], centres[dye]))
            spot.set_width(width)
            spot.set_height(height)
            spot.set_alpha(alpha)
        sample_dyes = run.sample.dyes
        for slot, dye in enumerate(sample_dyes):
            spot = self.sample_spots[slot]
            spot.set_center((SAMPLE_LANE_MM, centres[dye]))
            spot.set_width(width)
            spot.set_height(height)
            spot.set_alpha(alpha)
        for dye, marker in enumerate(self.centre_markers):
            xs, ys = [REFERENCE_LANES_MM[dye]], [centres[dye]]
            if dye in sample_dyes:
                xs.append(SAMPLE_LANE_MM)
                ys.append(centres[dye])
            marker.set_data(xs, ys)

        # Labels beside the sample lane, lowest spot first, pushed apart so they never overlap.
        front_distance = float(run.front_distance_mm[index])
        order = sorted(range(len(sample_dyes)), key=lambda slot: centres[sample_dyes[slot]])
        previous = -np.inf
        for slot in order:
            dye = sample_dyes[slot]
            y = max(float(centres[dye]), previous + LABEL_GAP_MM)
            previous = y
            rf_text = f"  Rf {run.rf[dye]:.2f}" if front_distance > 0 else ""
            self.sample_labels[slot].set_position((SAMPLE_LANE_MM + max(width / 2, 2) + 1.5, y))
            self.sample_labels[slot].set_text(f"{DYES[dye].code}{rf_text}")

    def render_png(self) -> bytes:
        """The current frame as PNG bytes (only moving artists are redrawn)."""
        return self.renderer.render_png()
