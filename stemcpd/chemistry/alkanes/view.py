"""Alkanes view: a fractionating column with the chosen alkane at the level where it
condenses, and the melting and boiling points of the series C1–C20 with the chosen
alkane's state at the chosen temperature.

The view only draws. It creates its artists once and :meth:`AlkanesView.update` moves
them to show an :class:`~stemcpd.chemistry.alkanes.model.AlkaneRun`. The column is a
diagram whose height is its temperature (hot at the bottom), not a drawing to scale.
"""

from __future__ import annotations

import numpy as np
from matplotlib.patches import Patch, Rectangle

from stemcpd.chemistry.alkanes.model import (
    ALKANE_DATA,
    COLUMN_BOTTOM_C,
    COLUMN_TOP_C,
    FRACTIONS,
    MAX_CARBON_ATOMS,
    MAX_TEMPERATURE_C,
    MIN_TEMPERATURE_C,
    AlkaneRun,
    equation_text,
)
from stemcpd.ui.figures import FrameRenderer, new_figure
from stemcpd.ui.palette import OKABE_ITO, series_style

COLUMN_TOP_AXIS_C = 0.0
COLUMN_BOTTOM_AXIS_C = 400.0
FRACTION_STYLE = (  # colour and hatch per fraction, top to bottom (never colour alone)
    ("white", ".."), (OKABE_ITO["yellow"], None), (OKABE_ITO["sky_blue"], "//"),
    (OKABE_ITO["orange"], "\\\\"), (OKABE_ITO["reddish_purple"], "xx"), ("0.5", "++"),
)
STATE_STYLE = {"solid": (OKABE_ITO["blue"], "//"), "liquid": (OKABE_ITO["sky_blue"], ".."), "gas": ("white", None)}


class AlkanesView:
    """Two panels: the fractionating column and the states chart of the series.

    Args:
        width_px: figure width in pixels.
        height_px: figure height in pixels.
    """

    def __init__(self, width_px: int = 1000, height_px: int = 460):
        self.figure, (self.column_axes, self.chart_axes) = new_figure(width_px, height_px, ncols=2,
                                                                      width_ratios=(1, 1.3))
        column = self.column_axes
        column.set_xlim(0, 2.7)
        column.set_ylim(COLUMN_BOTTOM_AXIS_C, COLUMN_TOP_AXIS_C)  # hot at the bottom
        column.set_ylabel("temperature in the column / °C")
        column.set_xticks([])
        column.grid(visible=False)
        self.bands = []
        for fraction, (colour, hatch) in zip(FRACTIONS, FRACTION_STYLE):
            top = max(fraction.lowest_c, COLUMN_TOP_AXIS_C)
            bottom = min(fraction.highest_c, COLUMN_BOTTOM_AXIS_C)
            if bottom <= top:
                continue
            band = Rectangle((0.45, top), 0.9, bottom - top, facecolor=colour, hatch=hatch, edgecolor="0.3")
            column.add_patch(band)
            self.bands.append((fraction, band))
            label = f"{fraction.name}\n{fraction.carbon_atoms}"
            if fraction.highest_c > COLUMN_BOTTOM_AXIS_C:
                label = f"{fraction.name} ({fraction.carbon_atoms});\nbitumen: residue below"
            column.text(1.45, (top + bottom) / 2, label, va="center", fontsize=9)
        column.annotate("crude oil\nvapour in", xy=(0.45, COLUMN_BOTTOM_C + 15), xytext=(0.02, COLUMN_BOTTOM_C + 15),
                        fontsize=8, va="center", arrowprops={"arrowstyle": "->", "color": "black"})
        (self.molecule_marker,) = column.plot([], [], linestyle="none", marker="D", markersize=13,
                                              color=OKABE_ITO["vermillion"], markeredgecolor="black")
        self.molecule_text = column.text(0.88, 0, "", ha="left", va="center", fontsize=10, fontweight="bold",
                                         bbox={"facecolor": "white", "edgecolor": "none", "pad": 1})
        self.highlight = Rectangle((0.4, 0), 1.0, 1, fill=False, edgecolor="black", linewidth=3)
        column.add_patch(self.highlight)
        self.column_title = column.set_title("")

        chart = self.chart_axes
        numbers = np.array([a.carbon_atoms for a in ALKANE_DATA])
        melting = np.array([a.melting_point_c for a in ALKANE_DATA])
        boiling = np.array([a.boiling_point_c for a in ALKANE_DATA])
        chart.set_xlim(0.5, MAX_CARBON_ATOMS + 0.5)
        chart.set_ylim(MIN_TEMPERATURE_C, MAX_TEMPERATURE_C)
        chart.set_xlabel("carbon atoms in the chain, n")
        chart.set_ylabel("temperature / °C")
        chart.set_xticks([1, 4, 8, 12, 16, 20])
        for state, low, high in (("solid", np.full_like(melting, MIN_TEMPERATURE_C), melting),
                                 ("liquid", melting, boiling),
                                 ("gas", boiling, np.full_like(boiling, MAX_TEMPERATURE_C))):
            colour, hatch = STATE_STYLE[state]
            chart.fill_between(numbers, low, high, facecolor=colour, hatch=hatch, edgecolor="0.6", linewidth=0,
                               alpha=0.6 if state != "gas" else 1)
        chart.plot(numbers, boiling, marker="o", label="boiling point", **series_style(0))
        chart.plot(numbers, melting, marker="s", label="melting point", **series_style(1))
        handles, _ = chart.get_legend_handles_labels()
        handles += [Patch(facecolor=c, hatch=h, edgecolor="0.3", label=s) for s, (c, h) in STATE_STYLE.items()]
        chart.legend(handles=handles, loc="upper left", fontsize=9, ncols=2)
        self.temperature_line = chart.axhline(25, color="black", linestyle=":", linewidth=2.5)
        (self.state_marker,) = chart.plot([], [], linestyle="none", marker="D", markersize=12, clip_on=False,
                                          color=OKABE_ITO["vermillion"], markeredgecolor="black")
        self.chart_title = chart.set_title("", fontsize=11)
        self.moving_artists = (self.molecule_marker, self.molecule_text, self.highlight, self.column_title,
                               self.temperature_line, self.state_marker, self.chart_title)
        self.renderer = FrameRenderer(self.figure, self.moving_artists)

    def update(self, run: AlkaneRun) -> None:
        """Move the artists to show ``run``."""
        data, params = run.alkane, run.params
        level = float(np.clip(data.boiling_point_c, COLUMN_TOP_AXIS_C + 8, COLUMN_BOTTOM_AXIS_C - 8))
        self.molecule_marker.set_data([0.75], [level])
        self.molecule_text.set_position((0.88, level))
        self.molecule_text.set_text(data.display_formula)
        band = dict((fraction.name, patch) for fraction, patch in self.bands).get(run.fraction.name)
        if band is not None:
            self.highlight.set_bounds(0.4, band.get_y(), 1.0, band.get_height())
        boiling = f"{data.boiling_point_c:g}".replace("-", "−")
        self.column_title.set_text(f"{data.name} (boils at {boiling} °C):\n{run.fraction.name}")
        temperature = f"{params.temperature_c:g}".replace("-", "−")
        self.temperature_line.set_ydata([params.temperature_c] * 2)
        self.state_marker.set_data([data.carbon_atoms], [params.temperature_c])
        self.chart_title.set_text(f"{data.display_formula} at {temperature} °C: {run.state}\n"
                                  f"{params.combustion} combustion: {equation_text(run.equation)}")

    def render_png(self) -> bytes:
        """The current frame as PNG bytes (only moving artists are redrawn)."""
        return self.renderer.render_png()
