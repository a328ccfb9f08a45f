"""Radiation view: power radiated by each face of a Leslie cube, and cooling curves.

The view only draws. It creates its artists once and :meth:`RadiationView.update` moves
them to show a :class:`~stemcpd.physics.radiation.model.RadiationRun`.
"""

from __future__ import annotations

import math

import numpy as np

from stemcpd.physics.radiation.model import SURFACE_EMISSIVITIES, RadiationRun
from stemcpd.ui.figures import FrameRenderer, new_figure
from stemcpd.ui.palette import series_style
from stemcpd.ui.scales import ladder_ceiling, nice_ceiling

# One hatch per surface, so bars are told apart without colour.
SURFACE_HATCHES = ("//", "..", "xx", "--", "\\\\", "oo", "++", "**")
TEMPERATURE_STEP_C = 10.0
# The time axis ends on one of these (minutes), so the "time shown" slider moves it in a
# few steps; longer runs end on a 1-2-5 value.
TIME_AXIS_MINUTES = (10.0, 20.0, 30.0, 60.0, 120.0, 180.0, 240.0)
POWER_STEPS = (1.0, 2.0, 3.0, 5.0)
BAR_WIDTH = 0.38


def _tick_labels(names, emissivities):
    return [f"{name.replace(' ', chr(10))}\nε = {value:g}" for name, value in zip(names, emissivities)]


class RadiationView:
    """Two panels: a bar chart of the power one face of each surface emits and
    absorbs (net written above), and the cooling curves of whole cubes of each surface
    beside Newton's-law (linearised) prediction for the best emitter.

    Args:
        width_px: figure width in pixels.
        height_px: figure height in pixels.
        surface_names: the surfaces shown (the model's four by default).
    """

    def __init__(self, width_px: int = 1000, height_px: int = 450, surface_names=tuple(SURFACE_EMISSIVITIES)):
        self.figure, (self.bar_axes, self.cooling_axes) = new_figure(width_px, height_px, ncols=2)
        self.surface_names = tuple(surface_names)
        count = len(self.surface_names)
        positions = np.arange(count)

        self.bar_axes.set_title("Infrared power of one face (net above)")
        self.bar_axes.set_ylabel("power / W")
        self.bar_axes.set_xticks(positions)
        self.bar_axes.set_xticklabels(_tick_labels(self.surface_names, SURFACE_EMISSIVITIES.values()), fontsize=9)
        self.bar_axes.set_xlim(-0.6, count - 0.4)
        self.bar_axes.grid(axis="x", visible=False)
        self.emitted_bars = []
        self.absorbed_bars = []
        for index in range(count):
            colour = series_style(index)["color"]
            hatch = SURFACE_HATCHES[index % len(SURFACE_HATCHES)]
            (emitted,) = self.bar_axes.bar(
                index - BAR_WIDTH / 2, 0.0, BAR_WIDTH, color=colour, edgecolor="black", hatch=hatch,
                label="emitted" if index == 0 else None,
            )
            (absorbed,) = self.bar_axes.bar(
                index + BAR_WIDTH / 2, 0.0, BAR_WIDTH, facecolor="white", edgecolor=colour, hatch=hatch,
                linewidth=1.5, label="absorbed from surroundings" if index == 0 else None,
            )
            self.emitted_bars.append(emitted)
            self.absorbed_bars.append(absorbed)
        self.net_labels = [
            self.bar_axes.text(index, 0.0, "", ha="center", va="bottom", fontsize=10) for index in range(count)
        ]
        self.bar_axes.legend(loc="upper center", bbox_to_anchor=(0.5, -0.2), ncols=2, frameon=False)

        self.cooling_axes.set_title("Whole cubes, radiation only")
        self.cooling_axes.set_xlabel("time / min")
        self.cooling_axes.set_ylabel("temperature / °C")
        self.cooling_lines = [
            self.cooling_axes.plot([], [], label=name.lower(), **series_style(index))[0]
            for index, name in enumerate(self.surface_names)
        ]
        (self.newton_line,) = self.cooling_axes.plot(
            [], [], label="Newton's law (small ΔT), best emitter", color="0.25",
            linestyle=(0, (1, 1.5)), linewidth=1.5,
        )
        (self.ambient_line,) = self.cooling_axes.plot(
            [], [], label="surroundings", color="0.55", linestyle=(0, (6, 3)), linewidth=1,
        )
        self.cooling_axes.legend(loc="upper center", bbox_to_anchor=(0.5, -0.2), ncols=2, frameon=False,
                                 fontsize=9)
        # Only the number moves: every glyph of a moving text is drawn on each update.
        self.cooling_axes.text(
            0.84, 0.96, "infrared peak wavelength at the start:", transform=self.cooling_axes.transAxes,
            ha="right", va="top", fontsize=10, bbox={"facecolor": "white", "alpha": 0.85, "edgecolor": "none"},
        )
        self.peak_text = self.cooling_axes.text(
            0.855, 0.96, "", transform=self.cooling_axes.transAxes, ha="left", va="top", fontsize=10,
        )

        self.moving_artists = (
            *self.emitted_bars, *self.absorbed_bars, *self.net_labels, *self.cooling_lines,
            self.newton_line, self.ambient_line, self.peak_text,
        )
        self.renderer = FrameRenderer(self.figure, self.moving_artists)
        self._emissivities = tuple(SURFACE_EMISSIVITIES.values())

    def update(self, run: RadiationRun) -> None:
        """Move the artists to show ``run``; axis limits snap to round values."""
        params = run.params
        if params.surface_names != self.surface_names:
            raise ValueError(f"this view shows {list(self.surface_names)}, not {list(params.surface_names)}")
        if params.emissivities != self._emissivities:
            self._emissivities = params.emissivities
            self.bar_axes.set_xticklabels(_tick_labels(self.surface_names, params.emissivities), fontsize=9)
        self.renderer.set_static_key(tuple(params.emissivities))  # tick labels are in the background

        highest = max(float(np.max(run.emitted_power_w)), float(np.max(run.absorbed_power_w)), 1e-6)
        top = nice_ceiling(highest * 1.3, steps=POWER_STEPS)
        for index in range(len(self.surface_names)):
            self.emitted_bars[index].set_height(run.emitted_power_w[index])
            self.absorbed_bars[index].set_height(run.absorbed_power_w[index])
            label_y = max(run.emitted_power_w[index], run.absorbed_power_w[index]) + 0.02 * top
            self.net_labels[index].set_position((index, label_y))
            self.net_labels[index].set_text(f"{run.net_power_w[index]:.2f} W")
        self.bar_axes.set_ylim(0, top)

        minutes = run.times_s / 60.0
        for index, line in enumerate(self.cooling_lines):
            line.set_data(minutes, run.temperature_c[index])
        best = int(np.argmax(params.emissivities))
        self.newton_line.set_data(minutes, run.newton_temperature_c[best])
        end = float(minutes[-1])
        end = ladder_ceiling(end, TIME_AXIS_MINUTES) if end <= TIME_AXIS_MINUTES[-1] else nice_ceiling(end)
        self.ambient_line.set_data([0, end], [params.ambient_temperature_c] * 2)
        low = min(params.temperature_c, params.ambient_temperature_c)
        high = max(params.temperature_c, params.ambient_temperature_c)
        # Round limits that move rarely: 0 unless the data go near or below it, and a
        # top 20 °C or more above the hottest value (room for the peak-wavelength text).
        bottom = min(0.0, math.floor((low - 5.0) / TEMPERATURE_STEP_C) * TEMPERATURE_STEP_C)
        ceiling = nice_ceiling(max(high, 1.0) + 2 * TEMPERATURE_STEP_C, (1.0, 1.2, 1.5, 2.0, 3.0, 5.0))
        self.cooling_axes.set_ylim(bottom, ceiling)
        self.cooling_axes.set_xlim(0, end)
        self.peak_text.set_text(f"{run.peak_wavelength_m * 1e6:.1f} μm")

    def render_png(self) -> bytes:
        """The current frame as PNG bytes (only moving artists are redrawn)."""
        return self.renderer.render_png()
