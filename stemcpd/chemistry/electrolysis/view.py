"""Electrolysis view: what forms at each electrode, and how much as the current flows.

The view only draws. It creates its artists once and :meth:`ElectrolysisView.update`
moves them to show an :class:`~stemcpd.chemistry.electrolysis.model.ElectrolysisRun`.
"""

from __future__ import annotations

import textwrap

import numpy as np

from stemcpd.chemistry.electrolysis.model import FARADAY_C_PER_MOL, ElectrolysisRun
from stemcpd.ui.figures import FrameRenderer, new_figure
from stemcpd.ui.palette import series_style
from stemcpd.ui.scales import ladder_ceiling, nice_ceiling

TIME_LADDER_S = (300, 600, 1200, 1800, 3600, 5400, 7200, 14400, 28800, 86400)
TEXT_WIDTH_CHARACTERS = 46


def _wrap(text: str, indent: str = "   ") -> str:
    return textwrap.fill(text, TEXT_WIDTH_CHARACTERS, subsequent_indent=indent)


def cell_summary(run: ElectrolysisRun) -> str:
    """The text panel: electrolyte, ions, both half equations and Faraday's working."""
    return cell_description(run) + "\n" + faraday_working(run)


def cell_description(run: ElectrolysisRun) -> str:
    """The part of the text panel that depends only on the cell: electrolyte, ions and
    both half equations (drawn once per cell, as part of the background)."""
    products = run.products
    cathode, anode = products.cathode, products.anode
    anode_what = f"{anode.name} dissolves" if anode.electrode_dissolves else anode.name
    deposit = cathode if not cathode.gas_at_rtp else anode
    lines = [
        _wrap(f"{products.electrolyte.name.capitalize()} ({products.electrolyte.formula})", ""),
        _wrap("Ions: " + ", ".join(products.ions)),
        "",
        _wrap(f"Cathode (−): {cathode.name}   {cathode.half_equation}"),
        _wrap(f"   {cathode.observation}"),
        _wrap(f"Anode (+): {anode_what}   {anode.half_equation}"),
        _wrap(f"   {anode.observation}"),
        _wrap(f"Left: {products.left_in_solution}"),
        "",
        f"F = {FARADAY_C_PER_MOL:.0f} C/mol",
    ]
    return "\n".join(lines)


def faraday_working(run: ElectrolysisRun) -> str:
    """The part of the text panel that follows the current and the time: Faraday's working."""
    p = run.params
    products = run.products
    deposit = products.cathode if not products.cathode.gas_at_rtp else products.anode
    lines = [
        f"Q = I t = {p.current_a:.2f} A × {p.time_s:.0f} s = {run.total_charge_c:.0f} C",
        f"n(e⁻) = Q / F = {run.total_electrons_mol * 1000:.2f} mmol",
        f"n({deposit.formula}) = n(e⁻) / {deposit.electrons_per_particle}"
        f" = {run.total_electrons_mol / deposit.electrons_per_particle * 1000:.2f} mmol",
    ]
    return "\n".join(lines)


class ElectrolysisView:
    """Three panels: the cell in words (products, half equations, Faraday's working),
    the mass formed or dissolved at each electrode against time, and the gas volume at
    room temperature and pressure against time. Markers show the playback time.

    Args:
        width_px: figure width in pixels.
        height_px: figure height in pixels.
    """

    def __init__(self, width_px: int = 1100, height_px: int = 440):
        self.figure, _ = new_figure(width_px, height_px)
        self.figure.clear()
        grid = self.figure.add_gridspec(1, 3, width_ratios=(1.25, 1, 1))
        self.text_axes = self.figure.add_subplot(grid[0])
        self.mass_axes = self.figure.add_subplot(grid[1])
        self.gas_axes = self.figure.add_subplot(grid[2])

        self.text_axes.set_title("What forms at each electrode")
        self.text_axes.set_axis_off()
        # The cell's description (hundreds of glyphs) is background, named by the cell in the
        # static key; only Faraday's working, at the foot of the panel, is redrawn on each update.
        self.description_text = self.text_axes.text(
            0.0, 1.0, "", transform=self.text_axes.transAxes, va="top", ha="left", fontsize=10, linespacing=1.3,
        )
        self.summary_text = self.text_axes.annotate(
            "", xy=(0, 0), xycoords=self.description_text, xytext=(0, -4), textcoords="offset points",
            va="top", ha="left", fontsize=10, linespacing=1.3, annotation_clip=False,
        )

        cathode_style, anode_style = series_style(0), series_style(1)
        self.mass_axes.set_title("Mass formed (+) or dissolved (−)")
        self.mass_axes.set_xlabel("time / s")
        self.mass_axes.set_ylabel("mass / g")
        self.mass_axes.axhline(0, color="0.4", linewidth=1)
        (self.cathode_mass_line,) = self.mass_axes.plot([], [], label="cathode (−)", **cathode_style)
        (self.anode_mass_line,) = self.mass_axes.plot([], [], label="anode (+)", **anode_style)
        (self.cathode_mass_marker,) = self.mass_axes.plot(
            [], [], marker="o", markersize=12, linestyle="none", color=cathode_style["color"], markeredgecolor="black")
        (self.anode_mass_marker,) = self.mass_axes.plot(
            [], [], marker="s", markersize=7, linestyle="none", color=anode_style["color"], markeredgecolor="black")
        self.mass_axes.legend(loc="upper center", bbox_to_anchor=(0.5, -0.16), ncols=2, frameon=False)
        # What the panel shows (changes only with the cell: background) and, just under it,
        # the values at the playback time (redrawn on each update).
        self.mass_label_text = self.mass_axes.text(
            0.03, 0.96, "", transform=self.mass_axes.transAxes, va="top", fontsize=10,
            bbox={"facecolor": "white", "alpha": 0.85, "edgecolor": "none"},
        )
        self.mass_note = self.mass_axes.annotate(
            "", xy=(0, 0), xycoords=self.mass_label_text, xytext=(0, -6), textcoords="offset points",
            va="top", ha="left", fontsize=10, bbox={"facecolor": "white", "alpha": 0.85, "edgecolor": "none"},
        )

        self.gas_axes.set_title("Gas collected at RTP")
        self.gas_axes.set_xlabel("time / s")
        self.gas_axes.set_ylabel("volume / cm³")
        (self.cathode_gas_line,) = self.gas_axes.plot([], [], label="cathode (−)", **cathode_style)
        (self.anode_gas_line,) = self.gas_axes.plot([], [], label="anode (+)", **anode_style)
        (self.cathode_gas_marker,) = self.gas_axes.plot(
            [], [], marker="o", markersize=12, linestyle="none", color=cathode_style["color"], markeredgecolor="black")
        (self.anode_gas_marker,) = self.gas_axes.plot(
            [], [], marker="s", markersize=7, linestyle="none", color=anode_style["color"], markeredgecolor="black")
        self.gas_axes.legend(loc="upper center", bbox_to_anchor=(0.5, -0.16), ncols=2, frameon=False)
        # What the panel shows (changes only with the cell: background) and, just under it,
        # the values at the playback time (redrawn on each update).
        self.gas_label_text = self.gas_axes.text(
            0.03, 0.96, "", transform=self.gas_axes.transAxes, va="top", fontsize=10,
            bbox={"facecolor": "white", "alpha": 0.85, "edgecolor": "none"},
        )
        self.gas_note = self.gas_axes.annotate(
            "", xy=(0, 0), xycoords=self.gas_label_text, xytext=(0, -6), textcoords="offset points",
            va="top", ha="left", fontsize=10, bbox={"facecolor": "white", "alpha": 0.85, "edgecolor": "none"},
        )
        self.mass_time_marker = self.mass_axes.axvline(0, color="black", linewidth=1, alpha=0.6)
        self.gas_time_marker = self.gas_axes.axvline(0, color="black", linewidth=1, alpha=0.6)

        self.moving_artists = (
            self.summary_text, self.cathode_mass_line, self.anode_mass_line, self.cathode_gas_line,
            self.anode_gas_line, self.cathode_mass_marker, self.anode_mass_marker, self.cathode_gas_marker,
            self.anode_gas_marker, self.mass_note, self.gas_note, self.mass_time_marker, self.gas_time_marker,
        )
        self.renderer = FrameRenderer(self.figure, self.moving_artists)
        self._run = None

    @staticmethod
    def _show(line, times, values, shown: bool) -> None:
        if shown:
            line.set_data(times, values)
        else:
            line.set_data([], [])

    def update(self, run: ElectrolysisRun) -> None:
        """Move the artists to show ``run``; axis limits snap to round values."""
        self._run = run
        products = run.products
        cathode, anode = products.cathode, products.anode
        times = run.times_s
        description = cell_description(run)
        self.description_text.set_text(description)
        self.summary_text.set_text(faraday_working(run))
        self._show(self.cathode_mass_line, times, run.cathode_mass_g, not cathode.gas_at_rtp)
        self._show(self.anode_mass_line, times, run.anode_mass_g, not anode.gas_at_rtp)
        self._show(self.cathode_gas_line, times, run.cathode_gas_cm3, cathode.gas_at_rtp)
        self._show(self.anode_gas_line, times, run.anode_gas_cm3, anode.gas_at_rtp)

        time_limit = ladder_ceiling(run.params.time_s, TIME_LADDER_S)
        # Amounts grow in proportion to the time (constant current): the vertical axes are sized
        # for the amount at the end of the time axis, so they move with the time axis rung,
        # not with every step of the time slider.
        stretch = time_limit / run.params.time_s if run.params.time_s > 0 else 1.0
        biggest_mass = max(float(np.max(np.abs(run.cathode_mass_g))), float(np.max(np.abs(run.anode_mass_g))))
        # With no solid product the axis shows 0 to 1 g rather than magnifying zero.
        mass_top = nice_ceiling(biggest_mass * stretch * 1.1) if biggest_mass > 0 else 1.0
        dissolves = anode.electrode_dissolves
        self.mass_axes.set_xlim(0, time_limit)
        self.mass_axes.set_ylim(-mass_top if dissolves else -0.05 * mass_top, mass_top)
        biggest_gas = max(float(run.cathode_gas_cm3[-1]), float(run.anode_gas_cm3[-1]))
        self.gas_axes.set_xlim(0, time_limit)
        self.gas_axes.set_ylim(0, nice_ceiling(biggest_gas * stretch * 1.1) if biggest_gas > 0 else 100.0)

        solids = [f"{p.electrode}: {p.name}" for p in (cathode, anode) if not p.gas_at_rtp]
        gases = [f"{p.electrode}: {p.name}" for p in (cathode, anode) if p.gas_at_rtp]
        self.mass_label_text.set_text("no solid or liquid product" if not solids else "; ".join(solids))
        self.gas_label_text.set_text("no gas collected" if not gases else "; ".join(gases))
        # The background's texts name it: equal texts, equal background.
        self.renderer.set_static_key((description, self.mass_label_text.get_text(), self.gas_label_text.get_text()))
        self.show_time(run, run.params.time_s)

    def show_time(self, run: ElectrolysisRun, time_s: float) -> None:
        """Put the markers on the curves at ``time_s`` and move the time lines there."""
        products = run.products
        values = {
            name: float(np.interp(time_s, run.times_s, getattr(run, name)))
            for name in ("cathode_mass_g", "anode_mass_g", "cathode_gas_cm3", "anode_gas_cm3")
        }
        for marker, name, shown in (
            (self.cathode_mass_marker, "cathode_mass_g", not products.cathode.gas_at_rtp),
            (self.anode_mass_marker, "anode_mass_g", not products.anode.gas_at_rtp),
            (self.cathode_gas_marker, "cathode_gas_cm3", products.cathode.gas_at_rtp),
            (self.anode_gas_marker, "anode_gas_cm3", products.anode.gas_at_rtp),
        ):
            marker.set_data(([time_s], [values[name]]) if shown else ([], []))
        mass_lines = []
        for product, name in ((products.cathode, "cathode_mass_g"), (products.anode, "anode_mass_g")):
            if not product.gas_at_rtp:
                mass_lines.append(f"{product.electrode}: {values[name]:+.3f} g")
        gas_lines = []
        for product, name in ((products.cathode, "cathode_gas_cm3"), (products.anode, "anode_gas_cm3")):
            if product.gas_at_rtp:
                gas_lines.append(f"{product.electrode}: {values[name]:.1f} cm³")
        self.mass_note.set_text("\n".join(mass_lines))
        self.mass_note.set_visible(bool(mass_lines))
        self.gas_note.set_text("\n".join(gas_lines))
        self.gas_note.set_visible(bool(gas_lines))
        self.mass_time_marker.set_xdata([time_s, time_s])
        self.gas_time_marker.set_xdata([time_s, time_s])

    def render_png(self) -> bytes:
        """The current frame as PNG bytes (only moving artists are redrawn)."""
        return self.renderer.render_png()
