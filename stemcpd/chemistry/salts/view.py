"""Salt-preparation view: where the salt and the base end up, and the yield of
crystals against how much water is boiled off.

The view only draws. It creates its artists once and :meth:`SaltView.update` moves
them to show a :class:`~stemcpd.chemistry.salts.model.SaltRun`.
"""

from __future__ import annotations

from matplotlib.patches import Patch, Rectangle

from stemcpd.chemistry.moles.view import pretty
from stemcpd.chemistry.salts.model import SaltRun
from stemcpd.ui.figures import FrameRenderer, new_figure
from stemcpd.ui.palette import OKABE_ITO, series_style
from stemcpd.ui.scales import nice_ceiling

# (label, colour, hatch) for each share of the salt; hatches keep them apart without colour.
SALT_SEGMENTS = (
    ("crystals collected", OKABE_ITO["blue"], None),
    ("still dissolved at 20 °C", OKABE_ITO["sky_blue"], "..."),
    ("lost on the wet filter paper", OKABE_ITO["orange"], "\\\\"),
    ("never made: base ran out", "white", "xx"),
)
BASE_SEGMENTS = (
    ("base that reacted", OKABE_ITO["bluish_green"], None),
    ("excess base filtered off", OKABE_ITO["reddish_purple"], "//"),
)
SALT_ROW, BASE_ROW = 1.0, 0.0
BAR_HEIGHT = 0.5


class SaltView:
    """Two panels: stacked bars (the salt the acid could give, split by where it ends up;
    the base, split into reacted and excess) and percentage yield against water boiled
    off with this preparation marked and the "to dryness" region shaded.

    Args:
        width_px: figure width in pixels.
        height_px: figure height in pixels.
    """

    def __init__(self, width_px: int = 1000, height_px: int = 440):
        self.figure, (self.bar_axes, self.yield_axes) = new_figure(width_px, height_px, ncols=2,
                                                                   width_ratios=(1.15, 1))
        self._preparation = None
        self.bar_axes.set_title("Where it all ends up")
        self.bar_axes.set_xlabel("mass / g")
        self.bar_axes.set_ylim(-0.6, 1.9)
        self.bar_axes.grid(axis="y", visible=False)
        self.salt_bars = [self.bar_axes.barh(SALT_ROW, 0, BAR_HEIGHT, left=0, color=colour, hatch=hatch,
                                             edgecolor="black", linewidth=1, label=label)[0]
                          for label, colour, hatch in SALT_SEGMENTS]
        self.base_bars = [self.bar_axes.barh(BASE_ROW, 0, BAR_HEIGHT, left=0, color=colour, hatch=hatch,
                                             edgecolor="black", linewidth=1, label=label)[0]
                          for label, colour, hatch in BASE_SEGMENTS]
        self.missing_base_bar = Rectangle((0, BASE_ROW - BAR_HEIGHT / 2), 0, BAR_HEIGHT, facecolor="none",
                                          edgecolor=OKABE_ITO["vermillion"], linestyle="--", linewidth=2)
        self.bar_axes.add_patch(self.missing_base_bar)
        self.salt_text = self.bar_axes.text(0, SALT_ROW + 0.33, "", fontsize=10, va="bottom")
        self.base_text = self.bar_axes.text(0, BASE_ROW + 0.33, "", fontsize=10, va="bottom")
        self.bar_axes.legend(
            handles=[Patch(facecolor=c, hatch=h, edgecolor="black", label=label) for label, c, h in SALT_SEGMENTS]
            + [Patch(facecolor=c, hatch=h, edgecolor="black", label=label) for label, c, h in BASE_SEGMENTS]
            + [Patch(facecolor="none", edgecolor=OKABE_ITO["vermillion"], linestyle="--", linewidth=2,
                     label="more base needed")],
            loc="upper center", bbox_to_anchor=(0.5, -0.16), ncols=2, frameon=False, fontsize=10,
        )

        self.yield_axes.set_title("Crystals against water boiled off")
        self.yield_axes.set_xlabel("water boiled off before cooling / %")
        self.yield_axes.set_ylabel("percentage yield of crystals / %")
        self.yield_axes.set_xlim(0, 100)
        self.yield_axes.set_ylim(0, 110)
        self.dryness_region = Rectangle((100, 0), 0, 110, facecolor="0.85", edgecolor="0.5", hatch="||",
                                        linewidth=0.5, label="to dryness: a crust, not crystals")
        self.yield_axes.add_patch(self.dryness_region)
        (self.yield_line,) = self.yield_axes.plot([], [], label="crystals at 20 °C", **series_style(0))
        (self.marker,) = self.yield_axes.plot([], [], linestyle="none", marker="o", markersize=11,
                                              color=OKABE_ITO["vermillion"], markeredgecolor="black",
                                              label="this preparation")
        self.verdict_text = self.yield_axes.text(
            0.03, 0.97, "", transform=self.yield_axes.transAxes, ha="left", va="top", fontsize=11,
            bbox={"facecolor": "white", "alpha": 0.9, "edgecolor": "0.7"})
        self.yield_axes.legend(loc="upper center", bbox_to_anchor=(0.5, -0.16), ncols=2, frameon=False, fontsize=10)

        self.moving_artists = (*self.salt_bars, *self.base_bars, self.missing_base_bar, self.salt_text,
                               self.base_text, self.dryness_region, self.yield_line, self.marker, self.verdict_text)
        self.renderer = FrameRenderer(self.figure, self.moving_artists)

    def _set_labels(self, run: SaltRun) -> None:
        """Axis labels change only with the preparation (a static part: redraw it)."""
        data = run.params.data
        self.bar_axes.set_yticks([BASE_ROW, SALT_ROW], [pretty(data.base), pretty(data.hydrate).replace(".", "·")])
        self.figure.suptitle(pretty(data.equation.replace("->", "→")), fontsize=14)
        self.renderer.set_static_key(run.params.preparation)  # tick labels and title name it
        self._preparation = run.params.preparation

    def update(self, run: SaltRun) -> None:
        """Move the artists to show ``run``; the mass axis snaps to round values."""
        if run.params.preparation != self._preparation:
            self._set_labels(run)
        data = run.params.data
        fraction = data.hydrate_fraction
        possible = run.possible_crystals_g
        collected = (run.salt_in_filtrate_g - run.salt_left_dissolved_g) / fraction
        shares = (collected, run.salt_left_dissolved_g / fraction, run.salt_lost_on_paper_g / fraction,
                  max(possible - run.theoretical_crystals_g, 0.0))
        left = 0.0
        for bar, share in zip(self.salt_bars, shares):
            bar.set_x(left)
            bar.set_width(share)
            left += share
        reacted_base = run.reacted_base_g
        self.base_bars[0].set_width(reacted_base)
        self.base_bars[1].set_x(reacted_base)
        self.base_bars[1].set_width(run.excess_base_g)
        missing = max(run.base_needed_g - run.params.base_mass_g, 0.0)
        self.missing_base_bar.set_x(run.params.base_mass_g)
        self.missing_base_bar.set_width(missing)
        top = nice_ceiling(max(possible, run.params.base_mass_g + missing, 0.1) * 1.15)
        self.bar_axes.set_xlim(0, top)
        crystals_word = "crust" if run.dried_out else "crystals"
        self.salt_text.set_text(f"{crystals_word} {run.crystals_g:.2f} g; the acid could give {possible:.2f} g")
        if run.base_in_excess:
            base_words = f"{run.params.base_mass_g:.2f} g added, {run.excess_base_g:.2f} g in excess"
        else:
            base_words = f"{run.params.base_mass_g:.2f} g added: all dissolves, acid left over"
        self.base_text.set_text(base_words)

        start = next((x for x, y in zip(run.curve_boiled_off_percent, self._dried(run)) if y), 100.0)
        self.dryness_region.set_x(start)
        self.dryness_region.set_width(100.0 - start)
        self.yield_line.set_data(run.curve_boiled_off_percent, run.curve_yield_percent)
        self.marker.set_data([run.params.water_boiled_off_percent], [run.percentage_yield])
        if run.dried_out:
            verdict = "Too far: taken to dryness.\nStop at the crystallisation point."
        elif run.crystals_g == 0:
            verdict = "Not saturated at 20 °C:\nno crystals yet. Boil off more."
        else:
            verdict = f"Yield {run.percentage_yield:.0f}%"
        if not run.base_in_excess:
            verdict += "\nBase not in excess:\nacid left in the crystals!"
        self.verdict_text.set_text(verdict)

    @staticmethod
    def _dried(run: SaltRun):
        """For each point of the curve, whether that much boiling takes it to dryness."""
        data = run.params.data
        fraction = data.hydrate_fraction
        needed = run.salt_in_filtrate_g * (1.0 - fraction) / fraction
        return [run.water_in_filtrate_g * (1.0 - percent / 100.0) < needed for percent in run.curve_boiled_off_percent]

    def render_png(self) -> bytes:
        """The current frame as PNG bytes (only moving artists are redrawn)."""
        return self.renderer.render_png()
