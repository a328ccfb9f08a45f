"""Heating view: temperature against time, and where the heater's energy went.

The view only draws. It creates its artists once and :meth:`HeatingView.update` moves
them to show a :class:`~stemcpd.physics.heating.model.HeatingRun`.
"""

from __future__ import annotations

import math

import numpy as np

from stemcpd.physics.heating.model import HeatingRun
from stemcpd.ui.figures import FrameRenderer, new_figure
from stemcpd.ui.palette import series_style
from stemcpd.ui.scales import ladder_ceiling, nice_ceiling

TIME_LADDER_S = (300, 600, 900, 1200, 1800, 2400, 3600, 5400, 7200)
FLOOR_STEP_C = 10.0


def _time_limit(duration_s: float) -> float:
    if duration_s > TIME_LADDER_S[-1]:
        return nice_ceiling(duration_s)
    return ladder_ceiling(duration_s, TIME_LADDER_S)


class HeatingView:
    """Two panels: the block's temperature over time (with the no-heat-loss line and room
    temperature), and the heater's energy split into the block's store and the
    surroundings.

    Args:
        width_px: figure width in pixels.
        height_px: figure height in pixels.
    """

    def __init__(self, width_px: int = 1000, height_px: int = 420):
        self.figure, (self.temperature_axes, self.energy_axes) = new_figure(width_px, height_px, ncols=2)

        self.temperature_axes.set_title("Temperature of the block")
        self.temperature_axes.set_xlabel("time / s")
        self.temperature_axes.set_ylabel("temperature / °C")
        (self.temperature_line,) = self.temperature_axes.plot([], [], label="with heat loss", **series_style(0))
        (self.no_loss_line,) = self.temperature_axes.plot(
            [], [], label="no heat loss (E = mcΔT)", linewidth=1.5, **series_style(1)
        )
        (self.room_line,) = self.temperature_axes.plot(
            [], [], label="room temperature", color="0.35", linestyle=(0, (1, 2)), linewidth=1.5
        )
        (self.switch_off_line,) = self.temperature_axes.plot(
            [], [], label="heater switched off", color="0.2", linestyle=(0, (6, 3)), linewidth=1
        )
        (self.thermometer_marker,) = self.temperature_axes.plot(
            [], [], marker="o", markersize=9, linestyle="none", color=series_style(0)["color"],
            markeredgecolor="black",
        )
        self.temperature_axes.legend(loc="upper center", bbox_to_anchor=(0.5, -0.18), ncols=2, frameon=False)
        self.temperature_text = self.temperature_axes.text(
            0.02, 0.96, "", transform=self.temperature_axes.transAxes, fontsize=11, va="top",
            bbox={"facecolor": "white", "alpha": 0.85, "edgecolor": "none"},
        )

        self.energy_axes.set_title("Where the heater's energy goes")
        self.energy_axes.set_xlabel("time / s")
        self.energy_axes.set_ylabel("energy / kJ")
        (self.heater_line,) = self.energy_axes.plot(
            [], [], label="supplied by heater", color="black", linestyle=(0, (8, 2)), linewidth=1.5
        )
        (self.stored_line,) = self.energy_axes.plot([], [], label="stored in block", **series_style(2))
        (self.lost_line,) = self.energy_axes.plot([], [], label="to surroundings", **series_style(1))
        self.energy_axes.legend(loc="upper center", bbox_to_anchor=(0.5, -0.18), ncols=2, frameon=False)

        self.temperature_time_marker = self.temperature_axes.axvline(0, color="black", linewidth=1, alpha=0.6)
        self.energy_time_marker = self.energy_axes.axvline(0, color="black", linewidth=1, alpha=0.6)
        self.moving_artists = (
            self.temperature_line, self.no_loss_line, self.room_line, self.switch_off_line,
            self.heater_line, self.stored_line, self.lost_line, self.temperature_text,
            self.thermometer_marker, self.temperature_time_marker, self.energy_time_marker,
        )
        self.renderer = FrameRenderer(self.figure, self.moving_artists)

    def update(self, run: HeatingRun) -> None:
        """Move the artists to show ``run``; axis limits snap to round values."""
        params = run.params
        times = run.times_s
        self.temperature_line.set_data(times, run.temperature_c)
        self.no_loss_line.set_data(times, run.no_loss_temperature_c)
        self.room_line.set_data([0, times[-1]], [params.room_temperature_c] * 2)

        time_limit = _time_limit(params.duration_s)
        # Room temperature sits above the bottom edge; curves stay below the text box.
        bottom = math.floor((params.room_temperature_c - 0.5) / FLOOR_STEP_C) * FLOOR_STEP_C
        highest_rise = max(run.no_loss_rise_k, run.peak_temperature_c - params.room_temperature_c)
        top = bottom + nice_ceiling((params.room_temperature_c - bottom + highest_rise) * 1.35)
        self.switch_off_line.set_data([params.heating_time_s] * 2, [bottom, top])
        self.temperature_axes.set_xlim(0, time_limit)
        self.temperature_axes.set_ylim(bottom, top)

        self.heater_line.set_data(times, run.heater_energy_j / 1000.0)
        self.stored_line.set_data(times, run.stored_energy_j / 1000.0)
        self.lost_line.set_data(times, run.lost_energy_j / 1000.0)
        self.energy_axes.set_xlim(0, time_limit)
        self.energy_axes.set_ylim(0, nice_ceiling(run.heating_energy_j / 1000.0 * 1.1))

        self.temperature_text.set_text(
            f"ΔT = {run.temperature_rise_k:.1f} K   (no loss: {run.no_loss_rise_k:.1f} K)\n"
            f"apparent c = {run.apparent_specific_heat_j_per_kg_k:.0f} J/(kg K), "
            f"true c = {params.specific_heat_j_per_kg_k:.0f}"
        )
        self.show_time(run, 0.0)

    def show_time(self, run: HeatingRun, time_s: float) -> None:
        """Put the thermometer marker on the curve at ``time_s`` and move the time lines."""
        temperature = float(np.interp(time_s, run.times_s, run.temperature_c))
        self.thermometer_marker.set_data([time_s], [temperature])
        self.temperature_time_marker.set_xdata([time_s, time_s])
        self.energy_time_marker.set_xdata([time_s, time_s])

    def render_png(self) -> bytes:
        """The current frame as PNG bytes (only moving artists are redrawn)."""
        return self.renderer.render_png()
