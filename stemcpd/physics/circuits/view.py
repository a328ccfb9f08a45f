"""Circuits view: wire resistance against length, the potential divider's output, and
the I–V characteristics of five components on one pair of axes.

The view only draws. It creates its artists once and :meth:`CircuitsView.update` moves
them to show a :class:`~stemcpd.physics.circuits.model.CircuitExplorerResult`.
"""

from __future__ import annotations

import numpy as np

from stemcpd.physics.circuits.model import (
    COMPONENT_LABELS,
    COMPONENTS,
    CircuitExplorerResult,
)
from stemcpd.ui.figures import FrameRenderer, new_figure
from stemcpd.ui.palette import series_style
from stemcpd.ui.scales import ladder_ceiling, nice_ceiling

# A marker per component, so each curve reads without colour.
COMPONENT_MARKERS = {"resistor": "o", "filament lamp": "s", "diode": "^", "thermistor": "D", "ldr": "v"}
VOLTAGE_LADDER_V = (1.0, 2.0, 3.0, 4.0, 6.0, 8.0, 10.0, 12.0)


class CircuitsView:
    """Three panels: R against L for the wire (with seeded class readings), V_out
    against R₂ for the potential divider (unloaded and loaded), and the I–V curves.

    Args:
        width_px: figure width in pixels.
        height_px: figure height in pixels.
    """

    def __init__(self, width_px: int = 1150, height_px: int = 460):
        self.figure, (self.wire_axes, self.divider_axes, self.iv_axes) = new_figure(
            width_px, height_px, ncols=3, width_ratios=(1, 1, 1.35)
        )
        self._draw_wire_background()

        axes = self.divider_axes
        axes.set_title("Potential divider")
        axes.set_xlabel("R₂ / Ω")
        axes.set_ylabel("output p.d. V_out / V")
        (self.unloaded_line,) = axes.plot([], [], label="no load", **series_style(0))
        (self.loaded_line,) = axes.plot([], [], label="with load across R₂", **series_style(1))
        (self.divider_marker,) = axes.plot(
            [], [], linestyle="none", marker="o", markersize=9, markeredgecolor="black",
            color=series_style(1)["color"], label="chosen R₂",
        )
        axes.legend(loc="upper center", bbox_to_anchor=(0.5, -0.2), ncols=2, frameon=False)

        axes = self.iv_axes
        axes.set_title("I–V characteristics")
        axes.set_xlabel("potential difference / V")
        axes.set_ylabel("current / mA")
        axes.axhline(0, color="0.4", linewidth=0.8)
        axes.axvline(0, color="0.4", linewidth=0.8)
        self.iv_lines, self.operating_markers = {}, {}
        for index, name in enumerate(COMPONENTS):
            style = series_style(index)
            (self.iv_lines[name],) = axes.plot(
                [], [], label=COMPONENT_LABELS[name], marker=COMPONENT_MARKERS[name], markersize=5,
                markevery=20, **style,
            )
            (self.operating_markers[name],) = axes.plot(
                [], [], linestyle="none", marker=COMPONENT_MARKERS[name], markersize=11,
                color=style["color"], markeredgecolor="black",
            )
        axes.legend(loc="upper center", bbox_to_anchor=(0.5, -0.2), ncols=2, frameon=False, fontsize=9)
        # The words are static (in the kept background); only the two p.d.s below them
        # move: every glyph of a moving text is drawn again on each update.
        axes.text(
            0.02, 0.97, "large markers: operating points\n(diode through a 100 Ω resistor)",
            transform=axes.transAxes, va="top", fontsize=9,
            bbox={"facecolor": "white", "alpha": 0.85, "edgecolor": "none"},
        )
        self.iv_text = axes.text(0.02, 0.84, "", transform=axes.transAxes, va="top", fontsize=9)
        self.moving_artists = (
            self.wire_marker, self.wire_text, self.unloaded_line, self.loaded_line, self.divider_marker,
            *self.iv_lines.values(), *self.operating_markers.values(), self.iv_text,
        )
        self.renderer = FrameRenderer(self.figure, self.moving_artists)

    def _draw_wire_background(self) -> None:
        """The wire panel's artists: ρL/A, the class readings and their best fit are
        static (in the cached background) and filled from the first result's data."""
        axes = self.wire_axes
        axes.set_title("Resistance of a wire")
        axes.set_xlabel("length / m")
        axes.set_ylabel("resistance / Ω")
        (self.wire_theory_line,) = axes.plot([], [], label="ρL/A (constantan, 0.274 mm)", **series_style(0))
        (self.wire_readings_markers,) = axes.plot(
            [], [], linestyle="none", marker="x", markersize=8, color="black", label="class readings (V/I)")
        (self.wire_fit_line,) = axes.plot([], [], label="best fit: clips add R", **series_style(1))
        self._wire_data_shown = None
        axes.set_xlim(0, 1.0)
        axes.legend(loc="upper center", bbox_to_anchor=(0.5, -0.2), ncols=1, frameon=False)
        (self.wire_marker,) = axes.plot(
            [], [], linestyle="none", marker="o", markersize=10, color=series_style(0)["color"],
            markeredgecolor="black",
        )
        self.wire_text = axes.text(
            0.03, 0.96, "", transform=axes.transAxes, va="top", fontsize=10,
            bbox={"facecolor": "white", "alpha": 0.85, "edgecolor": "none"},
        )

    def update(self, result: CircuitExplorerResult) -> None:
        """Move the artists to show ``result``; axis limits snap to round values."""
        params = result.params
        readings = result.wire_readings
        if readings is not None and self._wire_data_shown is not readings:
            # Static artists: drawn into the background, so it is redrawn once.
            self._wire_data_shown = readings
            lengths = result.wire_lengths_m
            self.wire_theory_line.set_data(lengths, result.wire_resistances_ohm)
            self.wire_readings_markers.set_data(readings.lengths_m, readings.resistances_ohm)
            self.wire_fit_line.set_data(lengths, readings.fit_gradient_ohm_m * lengths + readings.fit_intercept_ohm)
            self.wire_axes.set_ylim(0, nice_ceiling(float(result.wire_resistances_ohm[-1]) * 1.1))
        if readings is not None:
            # The class readings are drawn into the background: name them in its key.
            self.renderer.set_static_key((readings.fit_gradient_ohm_m, readings.fit_intercept_ohm,
                                          tuple(readings.resistances_ohm)))
        self.wire_marker.set_data([params.wire_length_m], [result.wire_resistance_ohm])
        self.wire_text.set_text(f"L = {params.wire_length_m:.2f} m   R = {result.wire_resistance_ohm:.2f} Ω")

        divider = result.divider
        self.unloaded_line.set_data(result.r2_sweep_ohm, result.vout_unloaded_v)
        self.loaded_line.set_data(result.r2_sweep_ohm, result.vout_loaded_v)
        self.divider_marker.set_data([divider.r2_ohm], [divider.output_voltage_v])
        self.divider_axes.set_xlim(0, float(result.r2_sweep_ohm[-1]))
        self.divider_axes.set_ylim(0, ladder_ceiling(params.supply_voltage_v, VOLTAGE_LADDER_V) * 1.05)

        voltages = result.voltages_v
        for name in COMPONENTS:
            self.iv_lines[name].set_data(voltages, result.currents_a[name] * 1000)
            self.operating_markers[name].set_data(
                [result.operating_voltage_v[name]], [result.operating_current_a[name] * 1000]
            )
        # The diode's forward current shoots off the top, as in textbooks; the other
        # four set the scale.
        largest = max(np.max(np.abs(result.currents_a[name])) for name in COMPONENTS if name != "diode")
        current_limit = nice_ceiling(max(largest * 1000 * 1.1, 1e-3), steps=(1.0, 2.0, 2.5, 5.0))
        # A little room beyond the curves so the operating markers are never cut in half.
        self.iv_axes.set_xlim(float(voltages[0]) * 1.08, float(voltages[-1]) * 1.08)
        self.iv_axes.set_ylim(-current_limit, current_limit)
        self.iv_text.set_text(
            f"at {params.supply_voltage_v:.1f} V (diode {result.operating_voltage_v['diode']:.2f} V)"
        )

    def render_png(self) -> bytes:
        """The current frame as PNG bytes (only moving artists are redrawn)."""
        return self.renderer.render_png()
