"""Gas view: the discs in their box (drawn to scale) and the speed histogram beside the
2D Maxwell–Boltzmann curve.

The view only draws. Artists are created once; :meth:`GasView.update` loads a run and
:meth:`GasView.show_time` moves everything to one recorded frame.
"""

from __future__ import annotations

import math

import numpy as np
from matplotlib.collections import EllipseCollection
from matplotlib.patches import Rectangle

from stemcpd.physics.gas.model import GasRun
from stemcpd.practical import with_uncertainty
from stemcpd.ui.figures import FrameRenderer, new_figure
from stemcpd.ui.palette import OKABE_ITO, series_style
from stemcpd.ui.scales import nice_ceiling

ROUND_STEPS = (1.0, 1.5, 2.0, 3.0, 5.0)  # few rungs: a new axis range redraws the whole figure
BOX_STEPS = (1.0, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0)
HISTOGRAM_BINS = 30
TRACER = 0  # the disc whose path is drawn


class GasView:
    """Two panels: the box of discs at the playback time (one tracer disc and its path
    highlighted) and the speed histogram at that time with the Maxwell–Boltzmann curve.

    Args:
        width_px: figure width in pixels.
        height_px: figure height in pixels.
    """

    def __init__(self, width_px: int = 1000, height_px: int = 450):
        self.figure, (self.box_axes, self.speed_axes) = new_figure(
            width_px, height_px, ncols=2, width_ratios=(1, 1.25)
        )

        self.box_axes.set_title("Discs in the box (to scale)")
        self.box_axes.set_xlabel("x / nm")
        self.box_axes.set_ylabel("y / nm")
        self.box_axes.set_aspect("equal", adjustable="box")
        self.box_axes.grid(False)
        # The box's walls, drawn: the axes run to a round size at least as big (few
        # sizes, so a new box size rarely redraws the whole figure).
        self.walls = Rectangle((0, 0), 1, 1, fill=False, edgecolor="black", linewidth=2.0)
        self.box_axes.add_patch(self.walls)
        self.discs = EllipseCollection(
            [1.0], [1.0], [0.0], units="xy", offsets=np.zeros((1, 2)),
            offset_transform=self.box_axes.transData,
            facecolors=series_style(0)["color"], edgecolors="none",
        )
        self.box_axes.add_collection(self.discs)
        (self.tracer_path,) = self.box_axes.plot(
            [], [], color=OKABE_ITO["vermillion"], linestyle="--", linewidth=1.2, label="path of one disc")
        self.tracer = EllipseCollection(
            [1.0], [1.0], [0.0], units="xy", offsets=np.zeros((1, 2)),
            offset_transform=self.box_axes.transData,
            facecolors=OKABE_ITO["vermillion"], edgecolors="black", linewidths=1.0,
        )
        self.box_axes.add_collection(self.tracer)
        self.box_axes.legend(loc="upper center", bbox_to_anchor=(0.5, -0.14), frameon=False)

        self.speed_axes.set_title("Speeds of the discs")
        self.speed_axes.set_xlabel("speed / m s⁻¹")
        self.speed_axes.set_ylabel("number of discs")
        self.histogram = self.speed_axes.stairs(
            np.zeros(HISTOGRAM_BINS), np.arange(HISTOGRAM_BINS + 1.0), fill=True,
            facecolor=series_style(0)["color"], edgecolor="black", alpha=0.55, hatch="//",
            label="simulation, now",
        )
        (self.maxwell_line,) = self.speed_axes.plot(
            [], [], label="2D Maxwell–Boltzmann", **series_style(1))
        self.speed_axes.legend(loc="upper center", bbox_to_anchor=(0.5, -0.14), ncols=2, frameon=False)
        # Words are background and only the numbers beside them move (every glyph drawn
        # on each frame costs ~0.15 ms).
        box = {"facecolor": "white", "alpha": 0.85, "edgecolor": "none"}
        self.status_words = self.speed_axes.text(
            0.55, 0.96, "t =\ncollisions per disc:\nP (run average):", transform=self.speed_axes.transAxes,
            ha="right", multialignment="left", va="top", fontsize=11, bbox=box)
        self.status_text = self.speed_axes.annotate(
            "", xy=(1, 1), xycoords=self.status_words, xytext=(4, 0), textcoords="offset points", fontsize=11,
            ha="left", va="top", bbox=box, annotation_clip=False)
        self.moving_artists = (self.walls, self.discs, self.tracer_path, self.tracer, self.histogram,
                               self.maxwell_line, self.status_text)
        self.renderer = FrameRenderer(self.figure, self.moving_artists)
        self._edges = np.arange(HISTOGRAM_BINS + 1.0)

    def update(self, run: GasRun) -> None:
        """Load ``run``: disc sizes, the Maxwell–Boltzmann curve, axis limits in steps."""
        params = run.params
        n, d = params.number_of_particles, params.particle_diameter_nm
        self.discs.set_widths(np.full(n, d))
        self.discs.set_heights(np.full(n, d))
        self.discs.set_angles(np.zeros(n))
        self.tracer.set_widths([d])
        self.tracer.set_heights([d])
        self.walls.set_width(params.box_side_nm)
        self.walls.set_height(params.box_side_nm)
        limit = nice_ceiling(params.box_side_nm, BOX_STEPS)
        self.box_axes.set_xlim(0, limit)
        self.box_axes.set_ylim(0, limit)

        speed_limit = nice_ceiling(3.2 * params.rms_speed_m_s, ROUND_STEPS)
        self._edges = np.linspace(0.0, speed_limit, HISTOGRAM_BINS + 1)
        speeds = np.linspace(0.0, speed_limit, 300)
        bin_width = self._edges[1] - self._edges[0]
        expected = run.expected_speed_counts(speeds, bin_width)
        self.maxwell_line.set_data(speeds, expected)
        self.speed_axes.set_xlim(0, speed_limit)
        self.speed_axes.set_ylim(0, nice_ceiling(1.6 * expected.max(), ROUND_STEPS))
        self.show_time(run, 0.0)

    def show_time(self, run: GasRun, time_s: float) -> None:
        """Show the recorded frame nearest ``time_s`` (seconds)."""
        frame = run.frame_at(time_s * 1e12)
        self.discs.set_offsets(run.positions_nm[frame])
        self.tracer.set_offsets(run.positions_nm[frame, TRACER][None, :])
        path = run.positions_nm[: frame + 1, TRACER]
        self.tracer_path.set_data(path[:, 0], path[:, 1])
        counts, _ = np.histogram(run.speeds_m_s[frame], bins=self._edges)
        self.histogram.set_data(counts, self._edges)
        self.status_text.set_text(
            f"{run.times_ps[frame]:.1f} ps\n"
            f"{run.collisions_per_particle[frame]:.1f}\n"
            f"{with_uncertainty(run.pressure_n_m, run.pressure_uncertainty_n_m, ' mN/m', 1e3)}"
        )

    def render_png(self) -> bytes:
        """The current frame as PNG bytes (only moving artists are redrawn)."""
        return self.renderer.render_png()
