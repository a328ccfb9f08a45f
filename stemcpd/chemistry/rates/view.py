"""Rates view: the box of reacting particles at the playback time, and product formed
against time beside the collision-theory prediction.

The view only draws. Artists are created once; :meth:`RatesView.update` loads a run and
:meth:`RatesView.show_time` moves everything to one recorded frame.
"""

from __future__ import annotations


from matplotlib.patches import Rectangle

from stemcpd.chemistry.rates.model import PARTICLE_DIAMETER_NM, RatesRun
from stemcpd.practical import with_uncertainty
from stemcpd.ui.figures import FrameRenderer, new_figure
from stemcpd.ui.palette import OKABE_ITO
from stemcpd.ui.scales import nice_ceiling

# Each species has its own colour AND marker shape; products are hollow.
SPECIES_STYLES = (
    ("A (reactant)", {"marker": "o", "markerfacecolor": OKABE_ITO["blue"], "markeredgecolor": OKABE_ITO["blue"]}),
    ("B (reactant)", {"marker": "s", "markerfacecolor": OKABE_ITO["vermillion"],
                      "markeredgecolor": OKABE_ITO["vermillion"]}),
    ("C (product)", {"marker": "o", "markerfacecolor": "white", "markeredgecolor": OKABE_ITO["bluish_green"]}),
    ("D (product)", {"marker": "s", "markerfacecolor": "white", "markeredgecolor": OKABE_ITO["reddish_purple"]}),
)


BOX_STEPS = (1.0, 1.5, 2.0, 3.0, 4.0, 5.0, 6.0, 8.0)


class RatesView:
    """Two panels: the particles in their box (A, B and the products C, D, with a
    marker per species) and the number of product pairs against time.

    Args:
        width_px: figure width in pixels.
        height_px: figure height in pixels.
    """

    def __init__(self, width_px: int = 1000, height_px: int = 450):
        self.figure, (self.box_axes, self.product_axes) = new_figure(
            width_px, height_px, ncols=2, width_ratios=(1, 1.25)
        )

        self.box_axes.set_title("Particles in the box")
        self.box_axes.set_xlabel("x / nm")
        self.box_axes.set_ylabel("y / nm")
        self.box_axes.set_aspect("equal", adjustable="box")
        self.box_axes.grid(False)
        # The box's walls, drawn: the axes run to a round size at least as big (few
        # sizes, so a new box size rarely redraws the whole figure).
        self.walls = Rectangle((0, 0), 1, 1, fill=False, edgecolor="black", linewidth=2.0)
        self.box_axes.add_patch(self.walls)
        self.species_markers = []
        for label, style in SPECIES_STYLES:
            (marker,) = self.box_axes.plot([], [], linestyle="none", markersize=4, markeredgewidth=1.0,
                                           label=label, **style)
            self.species_markers.append(marker)
        self.box_axes.legend(loc="upper center", bbox_to_anchor=(0.5, -0.14), ncols=2, frameon=False)

        self.product_axes.set_title("Product formed")
        self.product_axes.set_xlabel("time / ps")
        self.product_axes.set_ylabel("number of product pairs (C + D)")
        (self.product_line,) = self.product_axes.plot(
            [], [], label="particle simulation", color=OKABE_ITO["blue"], linestyle="-", drawstyle="steps-post")
        (self.prediction_line,) = self.product_axes.plot(
            [], [], label="collision theory, rate = k[A][B]", color=OKABE_ITO["vermillion"], linestyle="--")
        (self.now_marker,) = self.product_axes.plot(
            [], [], linestyle="none", marker="o", markersize=9, markerfacecolor=OKABE_ITO["blue"],
            markeredgecolor="black")
        self.time_line = self.product_axes.axvline(0, color="black", linewidth=1, alpha=0.6)
        self.product_axes.legend(loc="upper center", bbox_to_anchor=(0.5, -0.14), ncols=2, frameon=False)
        # Words are background and only the numbers beside them move (every glyph drawn
        # on each frame costs ~0.15 ms).
        box = {"facecolor": "white", "alpha": 0.85, "edgecolor": "none"}
        self.status_words = self.product_axes.text(
            0.02, 0.97, "time:\ncollisions:\nwith enough energy:\nA–B successful:",
            transform=self.product_axes.transAxes, ha="left", va="top", fontsize=10, bbox=box)
        self.status_text = self.product_axes.annotate(
            "", xy=(1, 1), xycoords=self.status_words, xytext=(4, 0), textcoords="offset points", fontsize=10,
            ha="left", va="top", bbox=box, annotation_clip=False)
        self.moving_artists = (self.walls, *self.species_markers, self.product_line, self.prediction_line, self.now_marker,
                               self.time_line, self.status_text)
        self.renderer = FrameRenderer(self.figure, self.moving_artists)
        self._steps_per_frame = 1

    def update(self, run: RatesRun) -> None:
        """Load ``run``: box size, marker size to scale, product curves, axis limits."""
        side = run.params.box_side_nm
        limit = nice_ceiling(side, BOX_STEPS)
        self.walls.set_width(side)
        self.walls.set_height(side)
        self.box_axes.set_xlim(0, limit)
        self.box_axes.set_ylim(0, limit)
        # Markers drawn the size of a particle: nm → points through the axes' width.
        width_in = self.box_axes.get_position().width * self.figure.get_figwidth()
        size_pt = max(1.5, PARTICLE_DIAMETER_NM / limit * width_in * 72.0)
        for marker in self.species_markers:
            marker.set_markersize(size_pt)
        self.product_line.set_data(run.times_ps, run.products)
        self.prediction_line.set_data(run.times_ps, run.predicted_products)
        self.product_axes.set_xlim(0, float(run.times_ps[-1]))
        self.product_axes.set_ylim(0, nice_ceiling(run.params.number_of_particles / 2.0))
        self._steps_per_frame = max(1, len(run.collisions_per_step) // (len(run.times_ps) - 1))
        self.show_time(run, 0.0)

    def show_time(self, run: RatesRun, time_s: float) -> None:
        """Show the recorded frame nearest ``time_s`` (seconds)."""
        frame = run.frame_at(time_s)
        positions, species = run.positions_nm[frame], run.species[frame]
        for code, marker in enumerate(self.species_markers):
            chosen = positions[species == code]
            marker.set_data(chosen[:, 0], chosen[:, 1])
        now = run.times_ps[frame]
        self.now_marker.set_data([now], [run.products[frame]])
        self.time_line.set_xdata([now, now])
        steps = frame * self._steps_per_frame
        ab = int(run.ab_collisions_per_step[:steps].sum())
        successful = int(run.successful_per_step[:steps].sum())
        collisions, share, uncertainty = run.energetic_until(frame)
        energetic = with_uncertainty(share, uncertainty, "%", 100) if collisions else "–"
        self.status_text.set_text(
            f"{now:.0f} ps\n{collisions}\n{energetic} (theory {run.theoretical_successful_fraction * 100:.1f}%)\n"
            f"{successful} of {ab}")

    def render_png(self) -> bytes:
        """The current frame as PNG bytes (only moving artists are redrawn)."""
        return self.renderer.render_png()
