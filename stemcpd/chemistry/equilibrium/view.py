"""Equilibrium view: initial and equilibrium concentrations as bars (the ICE table as a
picture), and the Haber process's equilibrium ammonia percentage against temperature.

The view only draws. It creates its artists once and :meth:`EquilibriumView.update`
moves them to show an :class:`~stemcpd.chemistry.equilibrium.model.EquilibriumResult`.
"""

from __future__ import annotations

import numpy as np

from stemcpd.chemistry.equilibrium.model import EquilibriumResult, format_k
from stemcpd.ui.figures import FrameRenderer, new_figure
from stemcpd.ui.palette import OKABE_ITO, series_style
from stemcpd.ui.scales import nice_ceiling

BAR_WIDTH = 0.38
CONCENTRATION_STEPS = (1.0, 1.2, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0)
SPECIES_LABELS = {"H2": "H₂", "I2": "I₂", "HI": "HI"}
BOX = {"facecolor": "white", "alpha": 0.85, "edgecolor": "none"}


def _values_beside(axes, words):
    """A text for the numbers that go with the static ``words``, its lines level with
    theirs, just right of them, on a white box of its own (only this text moves)."""
    return axes.annotate("", xy=(1, 1), xycoords=words, xytext=(4, 0), textcoords="offset points",
                         fontsize=10, ha="left", va="top", bbox=BOX, annotation_clip=False)


class EquilibriumView:
    """Two panels: bars of initial (hatched outline) and equilibrium (filled, cross-
    hatched) concentrations for H₂ + I₂ ⇌ 2HI, and the Haber yield curve at the chosen
    pressure beside the 200 atm curve, with the chosen conditions marked.

    Args:
        width_px: figure width in pixels.
        height_px: figure height in pixels.
    """

    def __init__(self, width_px: int = 1000, height_px: int = 440):
        self.figure, (self.bar_axes, self.haber_axes) = new_figure(
            width_px, height_px, ncols=2, width_ratios=(1, 1.15)
        )

        self.bar_axes.set_title("H₂ + I₂ ⇌ 2HI: start and equilibrium")
        self.bar_axes.set_ylabel("concentration / mol dm⁻³")
        positions = np.arange(3)
        self.initial_bars = self.bar_axes.bar(
            positions - BAR_WIDTH / 2, np.zeros(3), BAR_WIDTH, facecolor="white",
            edgecolor=OKABE_ITO["blue"], hatch="//", linewidth=1.5, label="initial")
        self.equilibrium_bars = self.bar_axes.bar(
            positions + BAR_WIDTH / 2, np.zeros(3), BAR_WIDTH, facecolor=OKABE_ITO["vermillion"],
            edgecolor="black", hatch="xx", linewidth=1.2, alpha=0.85, label="at equilibrium")
        self.bar_axes.set_xticks(positions, [SPECIES_LABELS[s] for s in ("H2", "I2", "HI")])
        self.bar_axes.set_xlim(-0.6, 2.6)
        self.bar_axes.grid(axis="x", visible=False)
        self.bar_axes.legend(loc="upper center", bbox_to_anchor=(0.5, -0.1), ncols=2, frameon=False)
        self.bar_labels = [self.bar_axes.text(0, 0, "", ha="center", va="bottom", fontsize=9)
                           for _ in range(6)]
        # Readout words are background, only the numbers beside them move (every glyph
        # drawn on each frame costs ~0.15 ms).
        self.ice_words = self.bar_axes.text(
            0.02, 0.97, "Kc:\nreacts:", transform=self.bar_axes.transAxes, ha="left", va="top", fontsize=10, bbox=BOX)
        self.ice_text = _values_beside(self.bar_axes, self.ice_words)

        self.haber_axes.set_title("Haber process: N₂ + 3H₂ ⇌ 2NH₃ (1 : 3 feed)")
        self.haber_axes.set_xlabel("temperature / °C")
        self.haber_axes.set_ylabel("ammonia at equilibrium / %")
        (self.haber_line,) = self.haber_axes.plot([], [], label="chosen pressure", **series_style(0))
        (self.reference_line,) = self.haber_axes.plot(
            [], [], label="200 atm (typical plant)", linewidth=1.5, **series_style(1))
        (self.point_marker,) = self.haber_axes.plot(
            [], [], linestyle="none", marker="o", markersize=10, color="black", label="chosen conditions")
        (self.guide_line,) = self.haber_axes.plot([], [], color="black", linestyle=":", linewidth=1)
        self.haber_axes.set_ylim(0, 100)
        self.haber_axes.legend(loc="upper center", bbox_to_anchor=(0.5, -0.15), ncols=2, frameon=False)
        self.haber_words = self.haber_axes.text(
            0.6, 0.97, "chosen:\nNH₃ at equilibrium:\nKp:", transform=self.haber_axes.transAxes, ha="right",
            va="top", fontsize=10, bbox=BOX)
        self.haber_text = _values_beside(self.haber_axes, self.haber_words)

        self.moving_artists = (
            *self.initial_bars.patches, *self.equilibrium_bars.patches, *self.bar_labels, self.ice_text,
            self.haber_line, self.reference_line, self.guide_line, self.point_marker, self.haber_text,
        )
        self.renderer = FrameRenderer(self.figure, self.moving_artists)

    def update(self, result: EquilibriumResult) -> None:
        """Move the artists to show ``result``; the concentration axis snaps to round values."""
        p = result.params
        bars = [*self.initial_bars.patches, *self.equilibrium_bars.patches]
        values = [*result.initial_mol_dm3, *result.equilibrium_mol_dm3]
        for bar, label, value in zip(bars, self.bar_labels, values):
            bar.set_height(value)
            label.set_position((bar.get_x() + bar.get_width() / 2, value))
            label.set_text(f"{value:.3f}" if value >= 5e-4 or value == 0 else f"{value:.1e}")
        top = max(max(values), 0.1)
        self.bar_axes.set_ylim(0, nice_ceiling(1.45 * top, CONCENTRATION_STEPS))
        self.ice_text.set_text(f"{format_k(p.kc)}\n{result.direction}")

        self.haber_line.set_data(result.haber_temperatures_c, result.haber_percent)
        self.reference_line.set_data(result.haber_temperatures_c, result.haber_percent_reference)
        self.point_marker.set_data([p.temperature_c], [result.ammonia_percent])
        low = result.haber_temperatures_c[0]
        self.guide_line.set_data([low, p.temperature_c, p.temperature_c], [result.ammonia_percent] * 2 + [0])
        self.haber_axes.set_xlim(low, result.haber_temperatures_c[-1])
        self.haber_text.set_text(
            f"{p.temperature_c:.0f} °C, {p.pressure_atm:.0f} atm\n"
            f"{result.ammonia_percent:.1f}%\n{format_k(result.haber_kp_atm2)} atm⁻²")

    def render_png(self) -> bytes:
        """The current frame as PNG bytes (only moving artists are redrawn)."""
        return self.renderer.render_png()
