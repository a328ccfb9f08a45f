"""Energy-distribution view: the speed distribution, the energy distribution with the
area beyond Ea shaded, and the fraction above each energy on a logarithmic scale.

The view only draws. It creates its artists once and :meth:`EnergyDistributionView.update`
moves them to show an :class:`~stemcpd.chemistry.energy_distribution.model.EnergyDistribution`.
"""

from __future__ import annotations

import math

import numpy as np
from matplotlib.patches import Polygon

from stemcpd.chemistry.energy_distribution.model import EnergyDistribution, format_fraction
from stemcpd.ui.figures import FrameRenderer, new_figure
from stemcpd.ui.palette import OKABE_ITO, series_style
from stemcpd.ui.scales import ladder_ceiling, nice_ceiling

ROUND_STEPS = (1.0, 2.0, 3.0, 5.0)  # few rungs: an axis change redraws the whole figure (~200 ms)
ENERGY_LADDER_KJ_MOL = (10, 20, 30, 50, 100, 150, 200, 300, 500, 1000, 1500)
SUPERSCRIPTS = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")
LOG_STEP_DECADES = 5  # the log axis bottom moves in steps of this many powers of ten

T_STYLE = series_style(0)  # temperature T: blue, solid
T2_STYLE = series_style(1)  # comparison T₂: vermillion, dashed
T_HATCH, T2_HATCH = "//", "\\\\"
EA_STYLE = {"color": "black", "linestyle": "-", "linewidth": 1.5}
CATALYSED_STYLE = {"color": OKABE_ITO["bluish_green"], "linestyle": "-.", "linewidth": 1.8}


BOX = {"facecolor": "white", "alpha": 0.85, "edgecolor": "none"}
ENERGY_WORDS = "T, T₂:\nhatched: area beyond Ea\nat T:\nat T₂:"
CATALYST_WORDS = "\nbeyond catalysed Ea\nat T:"


def _values_beside(axes, words, fontsize=10):
    """A text for the numbers that go with the static ``words``, its lines level with
    theirs, just right of them, on a white box of its own (only this text moves)."""
    return axes.annotate("", xy=(1, 1), xycoords=words, xytext=(4, 0), textcoords="offset points",
                         fontsize=fontsize, ha="left", va="top", bbox=BOX, annotation_clip=False)


def _area_beyond(x, y, threshold, base=0.0):
    """Vertices of the region between (x, y) and ``base`` from ``threshold`` to the end
    of x (``base`` > 0 on a log axis)."""
    keep = x >= threshold
    xs = np.concatenate(([threshold], x[keep], [x[-1], threshold]))
    ys = np.concatenate(([np.interp(threshold, x, y)], np.maximum(y[keep], base), [base, base]))
    return np.column_stack([xs, ys])


class EnergyDistributionView:
    """Three panels: speeds (depend on molar mass), energies (linear, area above Ea
    hatched), and the fraction with at least each energy (log scale, where the tiny
    areas beyond a realistic Ea become visible).

    Args:
        width_px: figure width in pixels.
        height_px: figure height in pixels.
    """

    def __init__(self, width_px: int = 1100, height_px: int = 440):
        self.figure, (self.speed_axes, self.energy_axes, self.log_axes) = new_figure(
            width_px, height_px, ncols=3
        )

        self.speed_axes.set_title("Speeds of the molecules")
        self.speed_axes.set_xlabel("speed / m s⁻¹")
        self.speed_exponent = None  # the y axis shows f(v) in units of 10^exponent s/m
        (self.speed_line,) = self.speed_axes.plot([], [], label="T", **T_STYLE)
        (self.speed_line_comparison,) = self.speed_axes.plot([], [], label="T₂", **T2_STYLE)
        self.speed_area = self._shading(self.speed_axes, T_STYLE, T_HATCH)
        self.speed_area_comparison = self._shading(self.speed_axes, T2_STYLE, T2_HATCH)
        # The words of the readout boxes are background and the lines move over them:
        # the vertical lines stop below the boxes.
        self.activation_speed_line = self.speed_axes.axvline(0, ymax=0.8, label="speed for Ea", **EA_STYLE)
        self.speed_axes.legend(loc="upper center", bbox_to_anchor=(0.5, -0.2), ncols=3, frameon=False)
        # Words static (background), numbers moving beside them: every glyph drawn on
        # each frame costs ~0.15 ms.
        self.speed_words = self._text(self.speed_axes, "v for Ea:\nv_rms at T:", x=0.62)
        self.speed_text = _values_beside(self.speed_axes, self.speed_words)

        self.energy_axes.set_title("Energies (linear scale)")
        self.energy_axes.set_xlabel("kinetic energy / kJ mol⁻¹")
        self.energy_axes.set_ylabel("fraction per unit energy / mol kJ⁻¹")
        (self.energy_line,) = self.energy_axes.plot([], [], label="T", **T_STYLE)
        (self.energy_line_comparison,) = self.energy_axes.plot([], [], label="T₂", **T2_STYLE)
        self.energy_area = self._shading(self.energy_axes, T_STYLE, T_HATCH)
        self.energy_area_comparison = self._shading(self.energy_axes, T2_STYLE, T2_HATCH)
        self.ea_line = self.energy_axes.axvline(0, ymax=0.6, label="Ea", **EA_STYLE)
        self.catalysed_line = self.energy_axes.axvline(0, ymax=0.6, label="Ea with catalyst", **CATALYSED_STYLE)
        self.energy_axes.legend(loc="upper center", bbox_to_anchor=(0.5, -0.2), ncols=2, frameon=False)
        self.energy_words = self._text(self.energy_axes, ENERGY_WORDS, x=0.03, fontsize=9, ha="left")
        self.energy_text = _values_beside(self.energy_axes, self.energy_words, fontsize=9)

        self.log_axes.set_title("The same energies, log scale")
        self.log_axes.set_xlabel("kinetic energy / kJ mol⁻¹")
        self.log_axes.set_ylabel("fraction per unit energy / mol kJ⁻¹")
        self.log_axes.set_yscale("log")
        self.log_axes.set_ylim(1e-10, 1.0)
        (self.log_line,) = self.log_axes.plot([], [], label="T", **T_STYLE)
        (self.log_line_comparison,) = self.log_axes.plot([], [], label="T₂", **T2_STYLE)
        self.log_area = self._shading(self.log_axes, T_STYLE, T_HATCH)
        self.log_area_comparison = self._shading(self.log_axes, T2_STYLE, T2_HATCH)
        self.log_ea_line = self.log_axes.axvline(0, label="Ea", **EA_STYLE)
        self.log_catalysed_line = self.log_axes.axvline(0, label="Ea with catalyst", **CATALYSED_STYLE)
        self.log_axes.legend(loc="upper center", bbox_to_anchor=(0.5, -0.2), ncols=2, frameon=False)

        self.moving_artists = (
            self.speed_area, self.speed_area_comparison, self.speed_line, self.speed_line_comparison,
            self.activation_speed_line, self.speed_text,
            self.energy_area, self.energy_area_comparison, self.energy_line, self.energy_line_comparison,
            self.ea_line, self.catalysed_line, self.energy_text,
            self.log_area, self.log_area_comparison, self.log_line, self.log_line_comparison,
            self.log_ea_line, self.log_catalysed_line,
        )
        self.renderer = FrameRenderer(self.figure, self.moving_artists)

    @staticmethod
    def _shading(axes, style, hatch):
        patch = Polygon(np.zeros((3, 2)), closed=True, facecolor=style["color"], alpha=0.3,
                        edgecolor=style["color"], hatch=hatch, linewidth=0)
        axes.add_patch(patch)
        return patch

    @staticmethod
    def _text(axes, words, x, fontsize=10, ha="right"):
        return axes.text(x, 0.96, words, transform=axes.transAxes, ha=ha, va="top", fontsize=fontsize, bbox=BOX)

    def update(self, result: EnergyDistribution) -> None:
        """Move the artists to show ``result``; axis limits snap to round values."""
        p = result.params
        # The model's grids run to 3× the widest thing worth showing (Ea, or the
        # bulk of the hotter curve), so a third of the grid is the span to show.
        speed_span = result.speeds_m_s[-1] / 3.0
        energy_span = result.energies_kj_mol[-1] / 3.0

        speeds = result.speeds_m_s
        speed_peak = max(result.speed_pdf.max(), result.speed_pdf_comparison.max())
        exponent = math.floor(math.log10(speed_peak))
        if exponent != self.speed_exponent:
            self.speed_exponent = exponent
            superscript = str(exponent).translate(SUPERSCRIPTS)
            self.speed_axes.set_ylabel(f"fraction per unit speed / 10{superscript} s m⁻¹")
        scale = 10.0**-exponent
        self.speed_line.set_data(speeds, result.speed_pdf * scale)
        self.speed_line_comparison.set_data(speeds, result.speed_pdf_comparison * scale)
        self.speed_area.set_xy(_area_beyond(speeds, result.speed_pdf * scale, result.activation_speed_m_s))
        self.speed_area_comparison.set_xy(
            _area_beyond(speeds, result.speed_pdf_comparison * scale, result.activation_speed_m_s))
        self.activation_speed_line.set_xdata([result.activation_speed_m_s] * 2)
        self.speed_axes.set_xlim(0, nice_ceiling(1.15 * speed_span, ROUND_STEPS))
        self.speed_axes.set_ylim(0, nice_ceiling(1.25 * speed_peak * scale, ROUND_STEPS))
        self.speed_text.set_text(f"{result.activation_speed_m_s:.0f} m/s\n{result.rms_speed_m_s:.0f} m/s")

        energies = result.energies_kj_mol
        ea, catalysed = p.activation_energy_kj_mol, p.catalysed_activation_energy_kj_mol
        self.energy_line.set_data(energies, result.energy_pdf)
        self.energy_line_comparison.set_data(energies, result.energy_pdf_comparison)
        self.energy_area.set_xy(_area_beyond(energies, result.energy_pdf, ea))
        self.energy_area_comparison.set_xy(_area_beyond(energies, result.energy_pdf_comparison, ea))
        self.ea_line.set_xdata([ea, ea])
        self.catalysed_line.set_xdata([catalysed, catalysed])
        self.catalysed_line.set_visible(p.catalyst_reduction_kj_mol > 0)
        energy_limit = ladder_ceiling(1.2 * energy_span, ENERGY_LADDER_KJ_MOL)
        self.energy_axes.set_xlim(0, energy_limit)
        energy_peak = max(result.energy_pdf.max(), result.energy_pdf_comparison.max())
        # Head-room above the peak keeps the curves clear of the text box.
        self.energy_axes.set_ylim(0, nice_ceiling(1.9 * energy_peak, ROUND_STEPS))
        text = (f"{p.temperature_k:.0f} K, {p.comparison_temperature_k:.0f} K\n"
                f"= {ea:.0f} kJ/mol\n"
                f"{format_fraction(result.fraction_above_ea)}\n"
                f"{format_fraction(result.fraction_above_ea_comparison)} (×{result.temperature_ratio:.3g})")
        catalyst = p.catalyst_reduction_kj_mol > 0
        if catalyst:
            text += (f"\n= {catalysed:.0f} kJ/mol\n"
                     f"{format_fraction(result.fraction_above_catalysed_ea)} (×{result.catalyst_ratio:.3g})")
        self.energy_text.set_text(text)
        self.energy_words.set_text(ENERGY_WORDS + (CATALYST_WORDS if catalyst else ""))
        # Background that depends on the settings: the speed axis's power of ten and
        # whether the catalyst's lines of words are there.
        self.renderer.set_static_key((self.speed_exponent, catalyst))

        self.log_axes.set_xlim(0, energy_limit)
        # Bottom of the log axis: below the curves' values at Ea, in steps of decades.
        smallest = min(np.interp(ea, energies, result.energy_pdf),
                       np.interp(ea, energies, result.energy_pdf_comparison), 1e-3)
        exponent = math.floor(math.log10(max(smallest, 1e-290))) - 1
        bottom = 10.0 ** (LOG_STEP_DECADES * math.floor(exponent / LOG_STEP_DECADES))
        self.log_axes.set_ylim(bottom, 10.0 * nice_ceiling(energy_peak))
        self.log_line.set_data(energies, result.energy_pdf)
        self.log_line_comparison.set_data(energies, result.energy_pdf_comparison)
        self.log_area.set_xy(_area_beyond(energies, result.energy_pdf, ea, base=bottom))
        self.log_area_comparison.set_xy(_area_beyond(energies, result.energy_pdf_comparison, ea, base=bottom))
        self.log_ea_line.set_xdata([ea, ea])
        self.log_catalysed_line.set_xdata([catalysed, catalysed])
        self.log_catalysed_line.set_visible(p.catalyst_reduction_kj_mol > 0)

    def render_png(self) -> bytes:
        """The current frame as PNG bytes (only moving artists are redrawn)."""
        return self.renderer.render_png()
