"""Particles view: the temperature–time curve and a particle picture at the playback time.

The view only draws. It creates its artists once; :meth:`ParticlesView.update` loads a
:class:`~stemcpd.chemistry.particles.model.ParticlesRun` and :meth:`ParticlesView.show_time`
moves the current point, the particles and the state label.
"""

from __future__ import annotations

import math


from stemcpd.chemistry.particles.model import (
    BOX_SIZE,
    MELTING,
    BOILING,
    ParticlesRun,
)
from stemcpd.ui.figures import FrameRenderer, new_figure
from stemcpd.ui.palette import OKABE_ITO, series_style
from stemcpd.ui.scales import nice_ceiling

TIME_STEPS = (1.0, 2.0, 3.0, 5.0)  # a few rungs: the time axis moves rarely as mass or power change


def _temperature_limits(values) -> tuple[float, float]:
    """Round limits with room above and below: multiples of a 1-2-5 step."""
    low, high = float(min(values)), float(max(values))
    step = nice_ceiling(max(high - low, 1.0) / 6.0)
    return math.floor(low / step - 0.5) * step, math.ceil(high / step + 0.5) * step


class ParticlesView:
    """Two panels: temperature against time (with the melting and boiling points, the
    surroundings, and a marker at the playback time), and the particles at that time
    with the state written out.

    Args:
        width_px: figure width in pixels.
        height_px: figure height in pixels.
    """

    def __init__(self, width_px: int = 1000, height_px: int = 430):
        self.figure, (self.curve_axes, self.particle_axes) = new_figure(
            width_px, height_px, ncols=2, width_ratios=(1.6, 1)
        )

        self.curve_axes.set_title("Temperature of the sample")
        self.curve_axes.set_xlabel("time / s")
        self.curve_axes.set_ylabel("temperature / °C")
        (self.curve_line,) = self.curve_axes.plot([], [], label="sample", **series_style(0))
        (self.melting_line,) = self.curve_axes.plot(
            [], [], label="melting point", linewidth=1.2, **series_style(2))
        (self.boiling_line,) = self.curve_axes.plot(
            [], [], label="boiling point", linewidth=1.2, **series_style(1))
        (self.surroundings_line,) = self.curve_axes.plot(
            [], [], label="surroundings", color="0.35", linestyle=(0, (1, 2)), linewidth=1.5)
        (self.now_marker,) = self.curve_axes.plot(
            [], [], marker="o", markersize=10, linestyle="none", color=OKABE_ITO["vermillion"],
            markeredgecolor="black", label="now")
        self.curve_axes.legend(loc="upper center", bbox_to_anchor=(0.5, -0.17), ncols=5, frameon=False)
        self.melting_text = self.curve_axes.text(0, 0, "", fontsize=10, ha="center", va="bottom")
        self.boiling_text = self.curve_axes.text(0, 0, "", fontsize=10, ha="center", va="bottom")
        self.time_marker = self.curve_axes.axvline(0, color="black", linewidth=1, alpha=0.5)

        self.particle_axes.set_title("The particles (illustration)")
        self.particle_axes.set_aspect("equal", adjustable="box")
        self.particle_axes.set_xlim(0, BOX_SIZE)
        self.particle_axes.set_ylim(0, BOX_SIZE)
        self.particle_axes.set_xticks([])
        self.particle_axes.set_yticks([])
        self.particle_axes.grid(False)
        (self.particles,) = self.particle_axes.plot(
            [], [], marker="o", markersize=11, linestyle="none", color=series_style(0)["color"],
            markeredgecolor="black", markeredgewidth=0.8)
        self.state_text = self.particle_axes.text(
            0.5, -0.04, "", transform=self.particle_axes.transAxes, ha="center", va="top", fontsize=12,
            fontweight="bold")

        # Drawn in this order: reference lines first, so the curve's plateaus stay visible.
        self.moving_artists = (
            self.melting_line, self.boiling_line, self.surroundings_line, self.curve_line,
            self.melting_text, self.boiling_text, self.time_marker, self.now_marker,
            self.particles, self.state_text,
        )
        self.renderer = FrameRenderer(self.figure, self.moving_artists)

    def update(self, run: ParticlesRun) -> None:
        """Show ``run``; axis limits snap to round values."""
        params, data = run.params, run.params.data
        self.curve_line.set_data(run.times_s, run.temperature_c)
        time_limit = nice_ceiling(run.duration_s, TIME_STEPS)
        low, high = _temperature_limits(
            [float(run.temperature_c.min()), float(run.temperature_c.max()), params.surroundings_temperature_c])
        self.curve_axes.set_xlim(0, time_limit)
        self.curve_axes.set_ylim(low, high)
        for line, text, temperature, state, word in (
            (self.melting_line, self.melting_text, data.melting_point_c, MELTING, run.state_names[MELTING]),
            (self.boiling_line, self.boiling_text, data.boiling_point_c, BOILING, run.state_names[BOILING]),
        ):
            visible = low <= temperature <= high
            line.set_data([0, time_limit] if visible else [], [temperature] * 2 if visible else [])
            plateau = [stage for stage in run.stages if stage.state == state]
            if plateau and math.isfinite(plateau[0].end_s):
                middle = 0.5 * (plateau[0].start_s + min(plateau[0].end_s, run.duration_s))
                text.set_position((middle, temperature + 0.02 * (high - low)))
                text.set_text(f"{word} {plateau[0].duration_s:.0f} s")
            else:
                text.set_text("")
        self.surroundings_line.set_data([0, time_limit], [params.surroundings_temperature_c] * 2)
        self.show_time(run, 0.0)

    def show_time(self, run: ParticlesRun, time_s: float) -> None:
        """Move the current point and the particles to ``time_s``."""
        state = run.state_at(time_s)
        self.now_marker.set_data([state.time_s], [state.temperature_c])
        self.time_marker.set_xdata([state.time_s, state.time_s])
        x, y = run.particle_positions_at(time_s)
        self.particles.set_data(x, y)
        detail = ""
        if state.state == MELTING:
            detail = f" ({state.liquid_fraction:.0%} liquid)"
        elif state.state == BOILING:
            detail = f" ({state.gas_fraction:.0%} gas)"
        self.state_text.set_text(f"{state.state_name}{detail}, {state.temperature_c:.1f} °C")

    def render_png(self) -> bytes:
        """The current frame as PNG bytes (only moving artists are redrawn)."""
        return self.renderer.render_png()
