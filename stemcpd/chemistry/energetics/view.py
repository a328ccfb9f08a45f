"""Energetics view: the reaction profile, and temperature against time in the cup.

The view only draws. It creates its artists once and :meth:`EnergeticsView.update`
moves them to show an :class:`~stemcpd.chemistry.energetics.model.EnergeticsRun`.
"""

from __future__ import annotations

import math

import numpy as np

from stemcpd.chemistry.energetics.model import EnergeticsRun
from stemcpd.ui.figures import FrameRenderer, new_figure
from stemcpd.ui.palette import series_style
from stemcpd.ui.scales import nice_ceiling

PROFILE_STEP_KJ_MOL = 50.0
BOX = {"facecolor": "white", "alpha": 0.85, "edgecolor": "none"}


TEMPERATURE_WORDS = ("acid n₁, alkali n₂:\nreacting (limiting):\nlargest ΔT (no heat loss):\n"
                     "ΔH from ΔT:\nwith cooling correction; true:")


def _values_beside(axes, words):
    """A text for the numbers that go with the static ``words``, its lines level with
    theirs, just right of them, on a white box of its own (only this text moves)."""
    return axes.annotate("", xy=(1, 1), xycoords=words, xytext=(5, 0), textcoords="offset points",
                         fontsize=10, ha="left", va="top", bbox=BOX, annotation_clip=False)


def _round_out(value: float, step: float) -> float:
    return math.ceil(value / step - 1e-9) * step


class EnergeticsView:
    """Two panels: the reaction profile (with and without a catalyst, Ea and ΔH marked)
    and the temperature of the cup against time (with heat loss, without it, and the
    extrapolated cooling line), with a thermometer marker for playback.

    Args:
        width_px: figure width in pixels.
        height_px: figure height in pixels.
    """

    def __init__(self, width_px: int = 1000, height_px: int = 440):
        self.figure, (self.profile_axes, self.temperature_axes) = new_figure(width_px, height_px, ncols=2)

        axes = self.profile_axes
        axes.set_title("Reaction profile")
        axes.set_xlabel("progress of reaction")
        axes.set_ylabel("energy / kJ/mol (reactants = 0)")
        axes.set_xlim(0, 1)
        axes.set_xticks([])
        axes.axhline(0, color="0.5", linestyle=":", linewidth=1)
        (self.profile_line,) = axes.plot([], [], label="without catalyst", **series_style(0))
        (self.catalysed_line,) = axes.plot([], [], label="with catalyst", **series_style(1))
        (self.products_level,) = axes.plot([], [], color="0.5", linestyle=":", linewidth=1)
        (self.activation_arrow,) = axes.plot([], [], color="black", linewidth=1.2, marker="^", markevery=[1])
        # Up the side of the peak, then back along its top so it meets the catalysed hump.
        (self.catalysed_arrow,) = axes.plot(
            [], [], color=series_style(1)["color"], linewidth=1.2, linestyle="--", marker="^", markevery=[1])
        (self.enthalpy_arrow,) = axes.plot([], [], color="black", linewidth=1.2, marker="v", markevery=[1])
        # Ea in the empty top-left corner (the curve is flat at 0 there); ΔH beside its arrow.
        # The words are static (drawn once with the background), only the numbers move:
        # each glyph costs ~0.2 ms to draw on every frame.
        self.activation_words = axes.text(0.02, 0.97, "Ea (solid arrow):\nwith catalyst (dashed):",
                                          transform=axes.transAxes, fontsize=10, va="top", bbox=BOX)
        self.activation_label = _values_beside(axes, self.activation_words)
        self.enthalpy_label = axes.text(0, 0, "", fontsize=10, ha="left", va="center", bbox=BOX)
        self.reactants_label = axes.text(0.02, 0, "reactants", fontsize=10, va="bottom")
        self.products_label = axes.text(0.98, 0, "products", fontsize=10, ha="right", va="bottom")
        axes.legend(loc="upper center", bbox_to_anchor=(0.5, -0.1), ncols=2, frameon=False)

        axes = self.temperature_axes
        axes.set_title("Temperature in the polystyrene cup")
        axes.set_xlabel("time / s")
        axes.set_ylabel("temperature / °C")
        (self.temperature_line,) = axes.plot([], [], label="with heat loss", **series_style(0))
        (self.no_loss_line,) = axes.plot([], [], label="no heat loss", linewidth=1.5, **series_style(2))
        (self.extrapolation_line,) = axes.plot(
            [], [], label="cooling line, extrapolated", color="black", linestyle=(0, (4, 3)), linewidth=1.2)
        (self.mixing_line,) = axes.plot([], [], label="solutions mixed", color="0.35", linestyle=(0, (1, 2)))
        (self.thermometer_marker,) = axes.plot(
            [], [], marker="o", markersize=9, linestyle="none", color=series_style(0)["color"],
            markeredgecolor="black")
        axes.legend(loc="upper center", bbox_to_anchor=(0.5, -0.16), ncols=2, frameon=False)
        # Words static at the right edge of the panel, numbers moving to their right
        # (the box's corner anchored at the bottom right, or the top right when cooling).
        self.temperature_words = axes.text(0.6, 0.02, TEMPERATURE_WORDS, transform=axes.transAxes, fontsize=10,
                                           ha="right", va="bottom", bbox=BOX)
        self.temperature_text = _values_beside(axes, self.temperature_words)
        self.time_marker = axes.axvline(0, color="black", linewidth=1, alpha=0.6)

        self.moving_artists = (
            self.profile_line, self.catalysed_line, self.products_level, self.activation_arrow,
            self.catalysed_arrow, self.enthalpy_arrow, self.activation_label, self.enthalpy_label,
            self.products_label, self.temperature_line, self.no_loss_line,
            self.extrapolation_line, self.mixing_line, self.thermometer_marker, self.temperature_text,
            self.time_marker,
        )
        self.renderer = FrameRenderer(self.figure, self.moving_artists)

    def update(self, run: EnergeticsRun) -> None:
        """Move the artists to show ``run``; axis limits snap to round values."""
        p = run.params
        delta_h, ea, ea_cat = p.delta_h_kj_mol, p.activation_energy_kj_mol, p.catalysed_activation_energy_kj_mol
        self.profile_line.set_data(run.progress, run.profile_kj_mol)
        self.catalysed_line.set_data(run.progress, run.catalysed_profile_kj_mol)
        self.products_level.set_data([0.5, 1.0], [delta_h, delta_h])
        self.activation_arrow.set_data([0.5, 0.5], [0.0, ea])
        self.catalysed_arrow.set_data([0.56, 0.56, 0.47], [0.0, ea_cat, ea_cat])
        self.enthalpy_arrow.set_data([0.78, 0.78], [0.0, delta_h])
        self.enthalpy_arrow.set_marker("v" if delta_h < 0 else "^")
        self.activation_label.set_text(f"{ea:.0f} kJ/mol\n{ea_cat:.0f} kJ/mol")
        self.enthalpy_label.set_position((0.8, delta_h / 2.0 if delta_h else -8.0))
        self.enthalpy_label.set_text(f"ΔH = {delta_h:+.1f}")
        self.products_label.set_position((0.98, delta_h))
        low, high = min(0.0, delta_h), max(ea, delta_h)
        span = high - low
        self.profile_axes.set_ylim(-_round_out(-low + 0.2 * span, PROFILE_STEP_KJ_MOL),
                                   _round_out(high + 0.35 * span, PROFILE_STEP_KJ_MOL))  # room for the Ea box

        times = run.times_s
        room = p.room_temperature_c
        self.temperature_line.set_data(times, run.temperature_c)
        self.no_loss_line.set_data(times, run.no_loss_temperature_c)
        if run.cooling_gradient_k_per_s or run.extrapolated_change_k:
            start = room + run.extrapolated_change_k
            self.extrapolation_line.set_data(
                [run.mix_at_s, times[-1]], [start, start + run.cooling_gradient_k_per_s * (times[-1] - run.mix_at_s)])
        else:
            self.extrapolation_line.set_data([], [])
        ideal = p.ideal_temperature_change_k
        extent = nice_ceiling(max(abs(ideal), 0.5) * 1.3)
        # A margin beyond room temperature holds the numbers box clear of the curves.
        if ideal >= 0:
            bottom, top = room - 0.6 * extent, room + extent
        else:
            bottom, top = room - extent, room + 0.6 * extent
        self.mixing_line.set_data([run.mix_at_s] * 2, [bottom, top])
        self.temperature_axes.set_xlim(0, times[-1])
        self.temperature_axes.set_ylim(bottom, top)
        moles_1 = p.concentration_1_mol_dm3 * p.volume_1_cm3 / 1000.0
        moles = (f"{moles_1:.4f}, {p.concentration_2_mol_dm3 * p.volume_2_cm3 / 1000.0:.4f} mol"
                 if p.volume_2_cm3 > 0 else f"{moles_1:.4f} mol, excess")
        self.temperature_text.set_text(
            f"{moles}\n"
            f"{p.moles_limiting_mol:.4f} mol\n"
            f"{run.observed_change_k:+.2f} °C ({ideal:+.2f})\n"
            f"{run.delta_h_from_observed_kj_mol:.1f} kJ/mol\n"
            f"{run.delta_h_from_extrapolation_kj_mol:.1f}; {delta_h:.1f} kJ/mol"
        )
        # Static words: where they sit is part of the background (named in the key).
        cooling = ideal < 0
        self.temperature_words.set_va("top" if cooling else "bottom")
        self.temperature_words.set_y(0.98 if cooling else 0.02)
        self.renderer.set_static_key(("cooling" if cooling else "warming",))
        self.show_time(run, 0.0)

    def show_time(self, run: EnergeticsRun, time_s: float) -> None:
        """Put the thermometer marker on the curve at ``time_s`` and move the time line."""
        temperature = float(np.interp(time_s, run.times_s, run.temperature_c))
        self.thermometer_marker.set_data([time_s], [temperature])
        self.time_marker.set_xdata([time_s, time_s])

    def render_png(self) -> bytes:
        """The current frame as PNG bytes (only moving artists are redrawn)."""
        return self.renderer.render_png()
