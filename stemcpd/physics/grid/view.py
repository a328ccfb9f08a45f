"""National Grid view: the grid as a strip (power station, step-up transformer, cables,
step-down transformer, homes), the power supplied, delivered and lost as bars, and the
line's a.c. p.d. against time.

The view only draws. It creates its artists once; :meth:`GridView.update` moves them to
show a :class:`~stemcpd.physics.grid.model.GridRun` and :meth:`GridView.show_time` moves
the current arrows, the time marker and the instantaneous values.
"""

from __future__ import annotations

import numpy as np
from matplotlib.patches import Circle, Rectangle

from stemcpd.physics.grid.model import GridRun, percent_text, power_text
from stemcpd.ui.figures import FrameRenderer, new_figure
from stemcpd.ui.palette import OKABE_ITO, series_style
from stemcpd.text import number
from stemcpd.ui.scales import ladder_ceiling, nice_ceiling

PD_LADDER_KV = (50, 100, 200, 300, 400, 600)
CABLE_START_X, CABLE_END_X = 3.0, 7.0
CABLE_Y = 2.6
ARROW_X = np.linspace(3.9, 6.1, 4)
ARROW_Y = CABLE_Y + 0.55  # just above the cable, which thickens as it loses more
LARGEST_ARROW_PT = 12.0

SUPPLIED_STYLE = {"facecolor": OKABE_ITO["sky_blue"], "edgecolor": "black"}
DELIVERED_STYLE = {"facecolor": OKABE_ITO["bluish_green"], "edgecolor": "black", "hatch": ".."}
LOST_STYLE = {"facecolor": OKABE_ITO["vermillion"], "edgecolor": "black", "hatch": "//"}


def _transformer(axes, x: float, y: float, label: str) -> None:
    """Two overlapping circles, the usual block symbol for a transformer."""
    for offset in (-0.22, 0.22):
        axes.add_patch(Circle((x + offset, y), 0.32, fill=False, linewidth=1.5, edgecolor="black"))
    axes.text(x, y + 0.45, label, ha="center", va="bottom", fontsize=9)


class GridView:
    """Three panels: the grid strip with current arrows that reverse with the a.c.; bars
    of power supplied, delivered and lost (lost also in kW, as it can be too small to
    see); and the line's p.d. against time with its peak and r.m.s. values.

    Args:
        width_px: figure width in pixels.
        height_px: figure height in pixels.
    """

    def __init__(self, width_px: int = 1000, height_px: int = 420):
        self.figure, (self.grid_axes, self.power_axes, self.trace_axes) = new_figure(
            width_px, height_px, ncols=3, width_ratios=(1.3, 0.9, 1)
        )
        axes = self.grid_axes
        axes.set_title("The National Grid")
        axes.set_xlim(0, 10)
        axes.set_ylim(0, 4.2)
        axes.set_xticks([])
        axes.set_yticks([])
        axes.add_patch(Rectangle((0.2, 2.1), 1.5, 1.0, facecolor=OKABE_ITO["orange"], edgecolor="black", alpha=0.7))
        axes.text(0.95, 2.6, "power\nstation", ha="center", va="center", fontsize=9)
        axes.text(0.95, 1.95, "25 kV", ha="center", va="top", fontsize=9)
        _transformer(axes, 2.35, CABLE_Y, "step-up")
        _transformer(axes, 7.65, CABLE_Y, "step-down")
        axes.plot([1.7, 2.03], [CABLE_Y, CABLE_Y], color="black", linewidth=1.5)
        axes.plot([7.97, 8.45], [CABLE_Y, CABLE_Y], color="black", linewidth=1.5)
        (self.cable_line,) = axes.plot([CABLE_START_X - 0.33, CABLE_END_X + 0.33], [CABLE_Y, CABLE_Y],
                                       color=OKABE_ITO["vermillion"], linewidth=3)
        axes.add_patch(Rectangle((8.45, 2.2), 1.45, 0.8, facecolor=OKABE_ITO["sky_blue"], edgecolor="black", alpha=0.7))
        axes.plot([8.35, 9.175, 10.0], [3.0, 3.55, 3.0], color="black", linewidth=1.5)
        axes.text(9.175, 2.6, "homes", ha="center", va="center", fontsize=9)
        axes.text(9.175, 1.95, "230 V", ha="center", va="top", fontsize=9)
        self.cable_text = axes.text(5.0, 3.75, "", ha="center", va="bottom", fontsize=10)
        self.current_text = axes.text(5.0, 1.55, "", ha="center", va="top", fontsize=10)
        # Static words (in the kept background), the numbers just right of them move.
        loss_words = axes.text(5.2, 0.45, "I²R in the cables:", ha="right", va="top", fontsize=10)
        self.loss_text = axes.annotate("", xy=(1, 0), xycoords=loss_words, xytext=(3, 0),
                                       textcoords="offset points", ha="left", va="bottom", fontsize=10)
        arrow_style = {"linestyle": "none", "color": "black", "markersize": 10}
        (self.forward_arrows,) = axes.plot([], [], marker=">", **arrow_style)
        (self.backward_arrows,) = axes.plot([], [], marker="<", **arrow_style)

        self.power_axes.set_title("Power")
        self.power_axes.set_xlabel("power / MW")
        self.power_axes.set_ylim(-0.6, 2.6)
        self.power_axes.set_yticks([2, 1, 0], ["sent", "delivered", "lost in\ncables"])
        self.supplied_bar = Rectangle((0, 1.65), 0, 0.7, **SUPPLIED_STYLE)
        self.delivered_bar = Rectangle((0, 0.65), 0, 0.7, **DELIVERED_STYLE)
        self.lost_bar = Rectangle((0, -0.35), 0, 0.7, **LOST_STYLE)
        for bar in (self.supplied_bar, self.delivered_bar, self.lost_bar):
            self.power_axes.add_patch(bar)
        self.supplied_text = self.power_axes.text(0, 2, "", ha="left", va="center", fontsize=10)
        self.delivered_text = self.power_axes.text(0, 1, "", ha="left", va="center", fontsize=10)
        self.lost_text = self.power_axes.text(0, 0, "", ha="left", va="center", fontsize=10)

        self.trace_axes.set_title("p.d. of the line (a.c., 50 Hz)")
        self.trace_axes.set_xlabel("time / ms")
        self.trace_axes.set_ylabel("p.d. / kV")
        self.trace_axes.set_xlim(0, 60)
        self.trace_axes.axhline(0, color="0.6", linewidth=1)
        (self.pd_line,) = self.trace_axes.plot([], [], label="p.d.", **series_style(0))
        (self.rms_line,) = self.trace_axes.plot([], [], label="r.m.s. value", linewidth=1.5, **series_style(1))
        (self.peak_line,) = self.trace_axes.plot([], [], label="peak (beyond GCSE)", linewidth=1.2, **series_style(3))
        self.trace_axes.legend(loc="upper center", bbox_to_anchor=(0.5, -0.2), ncols=2, frameon=False)
        (self.pd_marker,) = self.trace_axes.plot([], [], marker="o", markersize=8, color=series_style(0)["color"],
                                                 markeredgecolor="black", linestyle="none")
        self.time_marker = self.trace_axes.axvline(0, color="black", linewidth=1, alpha=0.6)

        self.moving_artists = (
            self.cable_line, self.cable_text, self.current_text, self.loss_text, self.forward_arrows,
            self.backward_arrows, self.supplied_bar, self.delivered_bar, self.lost_bar, self.supplied_text,
            self.delivered_text, self.lost_text, self.pd_line, self.rms_line, self.peak_line, self.pd_marker,
            self.time_marker,
        )
        self.renderer = FrameRenderer(self.figure, self.moving_artists)

    def update(self, run: GridRun) -> None:
        """Move the artists to show ``run``; axis limits snap to round values."""
        p = run.params
        self.cable_text.set_text(f"cables: {p.pd_kv:g} kV, {p.resistance_ohm:g} Ω")
        # The cables look hotter (thicker) the larger the share of the power they lose.
        self.cable_line.set_linewidth(2.0 + 10.0 * run.lost_fraction)
        self.loss_text.set_text(f"{power_text(run.power_lost_w)} ({percent_text(run.lost_fraction)})")

        supplied, delivered, lost = (run.power_supplied_w / 1e6, run.power_delivered_w / 1e6, run.power_lost_w / 1e6)
        # Room on the right of the longest bar for its label.
        top = nice_ceiling(supplied * 1.5, steps=(1.0, 2.0, 3.0, 5.0))  # few rungs: few full redraws
        self.power_axes.set_xlim(0, top)
        for bar, text, value, label in (
            (self.supplied_bar, self.supplied_text, supplied, power_text(run.power_supplied_w)),
            (self.delivered_bar, self.delivered_text, delivered, power_text(run.power_delivered_w, 4)),
            (self.lost_bar, self.lost_text, lost, power_text(run.power_lost_w)),
        ):
            bar.set_width(value)
            text.set_position((value + 0.02 * top, text.get_position()[1]))
            text.set_text(label)

        times_ms = run.times_s * 1e3
        pd_kv = run.line_pd_v / 1e3
        self.pd_line.set_data(times_ms, pd_kv)
        self.rms_line.set_data([0, 60], [p.pd_kv, p.pd_kv])
        self.peak_line.set_data([0, 60], [run.peak_pd_v / 1e3] * 2)
        limit = ladder_ceiling(run.peak_pd_v / 1e3 * 1.05, PD_LADDER_KV)
        self.trace_axes.set_ylim(-limit * 1.1, limit * 1.1)
        self.show_time(run, 0.0)

    def show_time(self, run: GridRun, time_s: float) -> None:
        """Show the a.c. at ``time_s``: arrows along the cables point the way the current
        flows now, sized by its size, and the marker sits on the p.d. trace."""
        current = float(np.interp(time_s, run.times_s, run.line_current_a))
        if abs(current) < 1e-9 * run.current_a:  # sin(2πft) at a zero crossing, not 10⁻¹³ A
            current = 0.0
        pd_kv = float(np.interp(time_s, run.times_s, run.line_pd_v)) / 1e3
        peak_current = np.sqrt(2.0) * run.current_a
        size = LARGEST_ARROW_PT * abs(current) / peak_current
        ys = np.full(ARROW_X.size, ARROW_Y)
        if current == 0:  # at the instant the current reverses, no arrow
            self.forward_arrows.set_data([], [])
            self.backward_arrows.set_data([], [])
        elif current > 0:
            self.forward_arrows.set_data(ARROW_X, ys)
            self.backward_arrows.set_data([], [])
        else:
            self.backward_arrows.set_data(ARROW_X, ys)
            self.forward_arrows.set_data([], [])
        for arrows in (self.forward_arrows, self.backward_arrows):
            arrows.set_markersize(max(size, 1.0))
        direction = "→" if current > 0 else ("←" if current < 0 else "")
        self.current_text.set_text(
            f"current {number(run.current_a, 3)} A (r.m.s.)\nnow {number(abs(current), 3)} A {direction}"
        )
        self.pd_marker.set_data([time_s * 1e3], [pd_kv])
        self.time_marker.set_xdata([time_s * 1e3, time_s * 1e3])

    def render_png(self) -> bytes:
        """The current frame as PNG bytes (only moving artists are redrawn)."""
        return self.renderer.render_png()
