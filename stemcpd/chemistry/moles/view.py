"""Reacting-masses view: the amounts of the two reactants (have against needed) and the
volume of gas against mass of solid.

The view only draws. It creates its artists once and :meth:`ReactingMassesView.update`
moves them to show a :class:`~stemcpd.chemistry.moles.model.ReactingMasses`.
"""

from __future__ import annotations

import re

from matplotlib.patches import Patch
from matplotlib.transforms import blended_transform_factory

from stemcpd.chemistry.moles.model import ReactingMasses
from stemcpd.ui.figures import FrameRenderer, new_figure
from stemcpd.ui.palette import series_style
from stemcpd.ui.scales import nice_ceiling

_SUBSCRIPT = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")


def pretty(text: str) -> str:
    """Counts written as subscripts (MgCl₂), coefficients left alone: "2HCl → MgCl₂"."""
    text = text.replace("->", "→")
    return re.sub(r"(?<=[A-Za-z)\]])\d+", lambda match: match.group().translate(_SUBSCRIPT), text)


BAR_WIDTH = 0.36
LIMITING_HATCH = "///"
HAVE_COLOUR = series_style(0)["color"]
NEEDED_COLOUR = series_style(1)["color"]


class ReactingMassesView:
    """Two panels: a bar chart of each reactant's amount (what you have beside what
    would react with all of the other; the limiting reagent hatched and labelled), and
    the gas volume against mass of solid, with this mixture marked.

    Args:
        width_px: figure width in pixels.
        height_px: figure height in pixels.
    """

    def __init__(self, width_px: int = 1000, height_px: int = 420):
        self.figure, (self.bar_axes, self.gas_axes) = new_figure(
            width_px, height_px, ncols=2, width_ratios=(1, 1.2)
        )
        self._reaction = None

        self.bar_axes.set_title("Reactants: what you have and what is needed")
        self.bar_axes.set_ylabel("amount / mol")
        self.bar_axes.set_xlim(-0.6, 1.6)
        self.bar_axes.grid(axis="x", visible=False)
        have = self.bar_axes.bar([-BAR_WIDTH / 2, 1 - BAR_WIDTH / 2], [0, 0], BAR_WIDTH,
                                 color=HAVE_COLOUR, edgecolor="black", linewidth=1)
        needed = self.bar_axes.bar([BAR_WIDTH / 2, 1 + BAR_WIDTH / 2], [0, 0], BAR_WIDTH,
                                   facecolor="white", edgecolor=NEEDED_COLOUR, linewidth=2, linestyle="--")
        self.have_bars = list(have.patches)
        self.needed_bars = list(needed.patches)
        self.have_texts = [self.bar_axes.text(0, 0, "", ha="center", va="bottom", fontsize=10) for _ in range(2)]
        self.needed_texts = [self.bar_axes.text(0, 0, "", ha="center", va="bottom", fontsize=10, color="0.25")
                             for _ in range(2)]
        # Verdicts sit at the top of the panel (x in data, y in axes units), clear of the bars.
        top_of_panel = blended_transform_factory(self.bar_axes.transData, self.bar_axes.transAxes)
        self.verdict_texts = [
            self.bar_axes.text(index, 0.97, "", ha="center", va="top", fontsize=11, fontweight="bold",
                               transform=top_of_panel)
            for index in range(2)
        ]
        self.bar_axes.legend(
            handles=[
                Patch(facecolor=HAVE_COLOUR, edgecolor="black", label="you have"),
                Patch(facecolor="white", edgecolor=NEEDED_COLOUR, linestyle="--", linewidth=2,
                      label="needed to use up the other"),
                Patch(facecolor=HAVE_COLOUR, edgecolor="black", hatch=LIMITING_HATCH, label="limiting: runs out"),
            ],
            loc="upper center", bbox_to_anchor=(0.5, -0.1), ncols=1, frameon=False,
        )

        self.gas_axes.set_title("Gas made against mass of solid (acid fixed)")
        (self.gas_line,) = self.gas_axes.plot([], [], label="theoretical gas volume", **series_style(0))
        (self.mixture_marker,) = self.gas_axes.plot(
            [], [], linestyle="none", marker="o", markersize=11, color=NEEDED_COLOUR, markeredgecolor="black",
            label="your mixture")
        self.break_even_line = self.gas_axes.axvline(
            0, color="black", linestyle=":", linewidth=1.5, label="all the acid reacts")
        self.yield_text = self.gas_axes.text(
            0.98, 0.97, "", transform=self.gas_axes.transAxes, ha="right", va="top", fontsize=11,
            bbox={"facecolor": "white", "alpha": 0.9, "edgecolor": "0.7"},
        )
        self.gas_axes.legend(loc="upper center", bbox_to_anchor=(0.5, -0.14), ncols=2, frameon=False)

        self.moving_artists = (
            *self.have_bars, *self.needed_bars, *self.have_texts, *self.needed_texts, *self.verdict_texts,
            self.gas_line, self.mixture_marker, self.break_even_line, self.yield_text,
        )
        self.renderer = FrameRenderer(self.figure, self.moving_artists)

    def _set_reaction_labels(self, result: ReactingMasses) -> None:
        """Names on the axes change only with the reaction (a static part: redraw it)."""
        reaction = result.reaction
        self.bar_axes.set_xticks([0, 1], [pretty(reaction.solid), pretty(reaction.acid)])
        self.gas_axes.set_xlabel(f"mass of {pretty(reaction.solid)} / g")
        self.gas_axes.set_ylabel(f"volume of {pretty(reaction.gas)} at RTP / cm³")
        self.figure.suptitle(pretty(reaction.equation), fontsize=14)
        self.renderer.set_static_key(reaction.label)  # tick labels, axis labels and title name it
        self._reaction = reaction

    def update(self, result: ReactingMasses) -> None:
        """Move the artists to show ``result``; axis limits snap to round values."""
        if result.reaction is not self._reaction:
            self._set_reaction_labels(result)
        reaction, amounts = result.reaction, result.amounts
        names = (reaction.solid, reaction.acid)
        tallest = max(max(amounts.available_mol[n], amounts.needed_mol[n]) for n in names)
        top = nice_ceiling(max(tallest, 1e-6) * 1.4)
        self.bar_axes.set_ylim(0, top)
        for index, name in enumerate(names):
            have, needed = amounts.available_mol[name], amounts.needed_mol[name]
            limiting = name == amounts.limiting or amounts.exact_proportions
            bar = self.have_bars[index]
            bar.set_height(have)
            bar.set_hatch(LIMITING_HATCH if limiting else None)
            bar.set_linewidth(2.5 if limiting else 1)
            self.needed_bars[index].set_height(needed)
            self.have_texts[index].set_position((index - BAR_WIDTH / 2, have + 0.01 * top))
            self.have_texts[index].set_text(f"{have:.4f}")
            self.needed_texts[index].set_position((index + BAR_WIDTH / 2, needed + 0.01 * top))
            self.needed_texts[index].set_text(f"{needed:.4f}")
            if amounts.exact_proportions:
                verdict = "all used"
            elif limiting:
                verdict = "LIMITING\nruns out"
            else:
                verdict = f"in excess\n{amounts.left_over_mol[name]:.4f} mol left"
            self.verdict_texts[index].set_text(verdict)

        self.gas_line.set_data(result.curve_solid_mass_g, result.curve_gas_volume_cm3)
        self.mixture_marker.set_data([result.params.solid_mass_g], [result.gas_volume_cm3])
        self.break_even_line.set_xdata([result.break_even_mass_g] * 2)
        self.yield_text.set_text(
            f"Theoretical yield: {result.salt_mass_g:.2f} g {pretty(reaction.salt)}\n"
            f"and {result.gas_volume_cm3:.0f} cm³ {pretty(reaction.gas)}; limiting: {pretty(amounts.limiting)}\n"
            f"all the acid reacts with {result.break_even_mass_g:.2f} g {pretty(reaction.solid)}"
        )
        self.gas_axes.set_xlim(0, float(result.curve_solid_mass_g[-1]))
        self.gas_axes.set_ylim(0, nice_ceiling(max(float(result.curve_gas_volume_cm3.max()), 1.0) * 1.6))

    def render_png(self) -> bytes:
        """The current frame as PNG bytes (only moving artists are redrawn)."""
        return self.renderer.render_png()
