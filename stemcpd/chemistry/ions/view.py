"""Ions view: a drawing of the test (a flame or a test tube) with the colour written out,
and the results grid of every test on every ion.

The view only draws. The grid is static (drawn once, from the model's table); the
drawing, its labels and the highlight on the grid move with :meth:`IonsView.update`.
Colour never carries meaning alone: every colour is named in words, and a precipitate
is hatched as well as coloured.
"""

from __future__ import annotations

import textwrap

import numpy as np
from matplotlib.patches import Polygon, Rectangle

from stemcpd.chemistry.ions import data
from stemcpd.chemistry.ions.model import (
    ION_FORMULAS,
    ION_IDS,
    ION_NAMES,
    TEST_IDS,
    TEST_NAMES,
    IonTest,
)
from stemcpd.ui.figures import FrameRenderer, new_figure

TUBE_LEFT, TUBE_RIGHT, TUBE_BOTTOM, TUBE_TOP = 3.6, 6.4, 2.6, 10.5
LIQUID_TOP = 7.0
PRECIPITATE_TOP = 4.2


def _tube_outline(top: float, left: float = TUBE_LEFT, right: float = TUBE_RIGHT, bottom: float = TUBE_BOTTOM):
    """Points around a test tube (round bottom) from the left rim down and up to the right."""
    radius = (right - left) / 2
    centre = (left + right) / 2
    angles = np.linspace(np.pi, 2 * np.pi, 30)
    x = np.concatenate([[left], centre + radius * np.cos(angles), [right]])
    y = np.concatenate([[top], bottom + radius + radius * np.sin(angles), [top]])
    return x, y


def _fill(top: float) -> np.ndarray:
    x, y = _tube_outline(top)
    return np.column_stack([x, np.minimum(y, top)])


FLAME = np.array([[4.0, 5.0], [4.2, 6.6], [4.6, 8.2], [5.0, 10.4], [5.4, 8.2], [5.8, 6.6], [6.0, 5.0],
                  [5.0, 4.8]])


class IonsView:
    """Two panels: the test being done (flame or test tube, the colour named beside it)
    and the results grid (tests × ions) with the current cell outlined.

    Args:
        width_px: figure width in pixels.
        height_px: figure height in pixels.
    """

    def __init__(self, width_px: int = 1150, height_px: int = 560):
        self.figure = new_figure(width_px, height_px)[0]
        self.figure.clear()
        grid = self.figure.add_gridspec(1, 2, width_ratios=(1, 2.3))
        self.drawing_axes = self.figure.add_subplot(grid[0])
        self.grid_axes = self.figure.add_subplot(grid[1])

        axes = self.drawing_axes
        axes.set_title("The test")
        axes.set_xlim(0, 10)
        axes.set_ylim(-2.5, 12)
        axes.set_aspect("equal", adjustable="box")
        axes.set_xticks([])
        axes.set_yticks([])
        axes.grid(False)
        self.burner = Rectangle((4.3, 0.5), 1.4, 4.3, facecolor="0.6", edgecolor="black")
        self.flame = Polygon(FLAME, closed=True, edgecolor="black", linewidth=1.2)
        self.liquid = Polygon(_fill(LIQUID_TOP), closed=True, edgecolor="none")
        self.precipitate = Polygon(_fill(PRECIPITATE_TOP), closed=True, edgecolor="black", hatch="....",
                                   linewidth=0.8)
        for patch in (self.burner, self.flame, self.liquid, self.precipitate):
            axes.add_patch(patch)
        (self.tube,) = axes.plot(*_tube_outline(TUBE_TOP), color="black", linewidth=2)
        (self.bubbles,) = axes.plot([], [], marker="o", markersize=6, linestyle="none", markerfacecolor="none",
                                    markeredgecolor="black")
        self.heading_text = axes.text(5, 11.6, "", ha="center", va="top", fontsize=12, fontweight="bold")
        self.colour_text = axes.text(5, 0.0, "", ha="center", va="top", fontsize=13, fontweight="bold")
        self.observation_text = axes.text(5, -0.9, "", ha="center", va="top", fontsize=10)

        grid_axes = self.grid_axes
        grid_axes.set_title("Results of every test (– means no visible change)")
        grid_axes.set_xlim(0, 1 + len(TEST_IDS) * 1.2)
        grid_axes.set_ylim(len(ION_IDS) + 1, -0.3)
        grid_axes.set_xticks([])
        grid_axes.set_yticks([])
        grid_axes.grid(False)
        for column, test in enumerate(TEST_IDS):
            grid_axes.text(1 + 1.2 * column + 0.6, 0.5, "\n".join(textwrap.wrap(TEST_NAMES[test], 16)),
                           ha="center", va="center", fontsize=8, fontweight="bold")
        self.grid_entries = []  # static texts, filled from the first result's grid
        for row, ion in enumerate(ION_IDS, start=1):
            grid_axes.text(0.05, row + 0.5, f"{ION_FORMULAS[ion]} {ION_NAMES[ion]}", ha="left", va="center",
                           fontsize=8, fontweight="bold")
            grid_axes.axhline(row, color="0.8", linewidth=0.6)
            self.grid_entries.append([
                grid_axes.text(1 + 1.2 * column + 0.6, row + 0.5, "", ha="center", va="center", fontsize=7)
                for column in range(len(TEST_IDS))
            ])
        self._grid_shown = None
        self.highlight = Rectangle((0, 0), 1.2, 1, facecolor="#F0E442", alpha=0.35, edgecolor="black",
                                   linewidth=2.5)
        grid_axes.add_patch(self.highlight)

        self.moving_artists = (
            self.burner, self.flame, self.liquid, self.precipitate, self.tube, self.bubbles,
            self.heading_text, self.colour_text, self.observation_text, self.highlight,
        )
        self.renderer = FrameRenderer(self.figure, self.moving_artists)

    def update(self, result: IonTest) -> None:
        """Draw ``result``: the flame or the tube in the observed colour, named in words."""
        seen, params = result.observation, result.params
        grid = result.short_grid
        if grid is not self._grid_shown:  # static texts: part of the cached background
            self._grid_shown = grid
            for row_texts, row_entries in zip(grid, self.grid_entries):
                for text, entry in zip(row_texts, row_entries):
                    entry.set_text("\n".join(textwrap.wrap(text, 17)))
                    entry.set_color("black" if text != "–" else "0.5")
            self.renderer.invalidate()
        flame_test = params.test_id == "flame"
        colour = data.COLOUR_RGB[seen.colour_name]
        for artist in (self.burner, self.flame):
            artist.set_visible(flame_test)
        for artist in (self.liquid, self.tube):
            artist.set_visible(not flame_test)
        self.flame.set_facecolor(colour if seen.colour_name != "none" else "#A8C8F0")
        limewater = params.test_id == "carbonate"
        self.liquid.set_facecolor(colour if limewater and seen.colour_name == "milky" else data.COLOUR_RGB["none"])
        self.precipitate.set_visible(not flame_test and seen.precipitate and not seen.dissolves_in_excess)
        precipitate_colour = data.PRECIPITATE_GREEN if seen.colour_name == "green" else colour
        self.precipitate.set_facecolor(precipitate_colour)
        if seen.gas and not flame_test:
            rng = np.random.default_rng(ION_IDS.index(params.ion) + 1)  # the ion's row: same speckle every time
            self.bubbles.set_data(rng.uniform(4.2, 5.8, 10), rng.uniform(4.0, LIQUID_TOP - 0.3, 10))
        else:
            self.bubbles.set_data([], [])
        self.heading_text.set_text(f"{TEST_NAMES[params.test_id]}\non {ION_NAMES[params.ion_id]} "
                                   f"{ION_FORMULAS[params.ion_id]}")
        if seen.colour_name == "none":
            colour_words = "no colour" if flame_test else "colourless: no visible change"
            if seen.gas:
                colour_words = "bubbles of gas, no precipitate"
        else:
            what = "flame" if flame_test else ("limewater" if limewater else "precipitate")
            colour_words = f"Colour: {seen.colour_name} {what}"
        if seen.dissolves_in_excess:
            colour_words = "white precipitate, dissolved in excess"
        self.colour_text.set_text(colour_words)
        self.observation_text.set_text("\n".join(textwrap.wrap(seen.text, 40)))
        self.highlight.set_xy((1 + 1.2 * TEST_IDS.index(params.test), ION_IDS.index(params.ion) + 1))

    def render_png(self) -> bytes:
        """The current frame as PNG bytes (only moving artists are redrawn)."""
        return self.renderer.render_png()
