"""Titration view: the pH curve with indicator colour-change bands, and the colour each
indicator would show in the flask now.

The view only draws. It creates its artists once and :meth:`TitrationView.update` moves
them to show a :class:`~stemcpd.chemistry.titration.model.TitrationCurve`.
"""

from __future__ import annotations

import numpy as np
from matplotlib.colors import to_rgb
from matplotlib.patches import Rectangle
from matplotlib.transforms import blended_transform_factory

from stemcpd.chemistry.titration.model import INDICATORS, TitrationCurve
from stemcpd.ui.figures import FrameRenderer, new_figure
from stemcpd.ui.palette import OKABE_ITO, series_style
from stemcpd.ui.scales import ladder_ceiling

VOLUME_LADDER_ML = (10, 20, 30, 40, 50, 60, 80, 100, 150, 200, 300, 500, 1000, 2000, 5000)
BAND_HATCHES = {"methyl orange": "\\\\", "bromothymol blue": "..", "phenolphthalein": "//"}


def _mix(indicator, fraction: float):
    """The drawing colour between the acid (0) and alkali (1) colours."""
    acid, alkali = np.array(to_rgb(indicator.acid_rgb)), np.array(to_rgb(indicator.alkali_rgb))
    return tuple(acid + (alkali - acid) * fraction)


class TitrationView:
    """Two panels: the pH curve (with the current point, the equivalence and
    half-equivalence points, and shaded, labelled indicator ranges), and the indicators'
    colours at the current pH, each named in words.

    Args:
        width_px: figure width in pixels.
        height_px: figure height in pixels.
    """

    def __init__(self, width_px: int = 1000, height_px: int = 430):
        self.figure, (self.curve_axes, self.flask_axes) = new_figure(
            width_px, height_px, ncols=2, width_ratios=(1.6, 1)
        )

        axes = self.curve_axes
        axes.set_title("pH curve")
        axes.set_xlabel("volume of NaOH added / cm³")
        axes.set_ylabel("pH")
        axes.set_ylim(0, 14)
        axes.set_yticks(range(0, 15, 2))
        label_transform = blended_transform_factory(axes.transAxes, axes.transData)
        for indicator in INDICATORS:
            if not indicator.recommended:
                continue
            axes.axhspan(indicator.ph_low, indicator.ph_high, facecolor=_mix(indicator, 0.5), alpha=0.25,
                         hatch=BAND_HATCHES.get(indicator.name), edgecolor="0.5", linewidth=0.5)
            axes.text(0.99, 0.5 * (indicator.ph_low + indicator.ph_high),
                      f"{indicator.name} {indicator.ph_low:g}–{indicator.ph_high:g}",
                      transform=label_transform, ha="right", va="center", fontsize=9,
                      bbox={"facecolor": "white", "alpha": 0.8, "edgecolor": "none", "pad": 1})
        (self.curve_line,) = axes.plot([], [], label="pH curve", **series_style(0))
        (self.equivalence_marker,) = axes.plot(
            [], [], linestyle="none", marker="s", markersize=9, markerfacecolor="white",
            markeredgecolor="black", label="equivalence point")
        (self.half_marker,) = axes.plot(
            [], [], linestyle="none", marker="D", markersize=8, markerfacecolor=OKABE_ITO["bluish_green"],
            markeredgecolor="black", label="half-equivalence")
        (self.now_marker,) = axes.plot(
            [], [], linestyle="none", marker="o", markersize=11, markerfacecolor=OKABE_ITO["vermillion"],
            markeredgecolor="black", label="now")
        self.now_line = axes.axvline(0, color="black", linewidth=1, alpha=0.6, linestyle=":")
        axes.legend(loc="upper center", bbox_to_anchor=(0.5, -0.16), ncols=4, frameon=False)

        self.flask_axes.set_title("Indicator colour in the flask now")
        self.flask_axes.set_xlim(0, 1)
        self.flask_axes.set_ylim(-1.6, len(INDICATORS) - 0.5)
        self.flask_axes.axis("off")
        # The numbers live here, not on the curve panel, so they never hide the curve.
        # Words are background and only what changes is redrawn on each frame (every
        # glyph costs ~0.15 ms): the numbers beside "pH now:" etc., each indicator's
        # colour beside its name. An indicator's range and verdict are background too;
        # the verdicts change only with the kind of titration (named in the static key).
        self.status_words = self.flask_axes.text(0.02, -1.05, "pH now:\nacid:\nequivalence:", va="center",
                                                 ha="left", fontsize=11)
        self.status_text = self.flask_axes.annotate(
            "", xy=(1, 1), xycoords=self.status_words, xytext=(4, 0), textcoords="offset points",
            fontsize=11, ha="left", va="top", annotation_clip=False)
        self.swatches, self.colour_texts, self.name_texts, self.range_texts = [], [], [], []
        for row, indicator in enumerate(reversed(INDICATORS)):
            swatch = Rectangle((0.02, row - 0.3), 0.18, 0.6, facecolor="white", edgecolor="black", linewidth=1.2)
            self.flask_axes.add_patch(swatch)
            name = self.flask_axes.text(0.25, row, f"{indicator.name}:", va="bottom", ha="left", fontsize=10)
            text = self.flask_axes.annotate("", xy=(1, 0), xycoords=name, xytext=(3, 0), textcoords="offset points",
                                            va="bottom", ha="left", fontsize=10, annotation_clip=False)
            self.range_texts.append(self.flask_axes.text(0.25, row, "", va="top", ha="left", fontsize=10))
            self.swatches.append(swatch)
            self.colour_texts.append(text)
            self.name_texts.append(name)
        for artists in (self.swatches, self.colour_texts, self.name_texts, self.range_texts):
            artists.reverse()

        self.moving_artists = (self.curve_line, self.equivalence_marker, self.half_marker, self.now_marker,
                               self.now_line, self.status_text, *self.swatches, *self.colour_texts)
        self.renderer = FrameRenderer(self.figure, self.moving_artists)

    def update(self, curve: TitrationCurve) -> None:
        """Move the artists to show ``curve``; the volume axis snaps to round values."""
        params = curve.params
        self.curve_line.set_data(curve.volumes_ml, curve.ph)
        self.equivalence_marker.set_data([curve.equivalence_ml], [curve.ph_at_equivalence])
        self.half_marker.set_data([curve.half_equivalence_ml], [curve.ph_at_half_equivalence])
        self.now_marker.set_data([params.added_ml], [curve.ph_now])
        self.now_line.set_xdata([params.added_ml, params.added_ml])
        self.curve_axes.set_xlim(0, ladder_ceiling(float(curve.volumes_ml[-1]), VOLUME_LADDER_ML))
        self.status_text.set_text(
            f"{curve.ph_now:.2f} at {params.added_ml:.2f} cm³\n"
            f"{curve.acid_label}\n"
            f"{curve.equivalence_ml:.2f} cm³, pH {curve.ph_at_equivalence:.2f}")
        for indicator, swatch, text, range_text in zip(INDICATORS, self.swatches, self.colour_texts,
                                                       self.range_texts):
            swatch.set_facecolor(_mix(indicator, indicator.colour_fraction(curve.ph_now)))
            verdict = ("suitable" if indicator.name in curve.suitable_indicators
                       else "too gradual" if not indicator.recommended else "not suitable")
            text.set_text(indicator.colour_name(curve.ph_now))
            range_text.set_text(f"{indicator.acid_colour} → {indicator.alkali_colour}, pH {indicator.ph_low:g}–"
                                f"{indicator.ph_high:g} ({verdict})")
        self.renderer.set_static_key(tuple(curve.suitable_indicators))

    def render_png(self) -> bytes:
        """The current frame as PNG bytes (only moving artists are redrawn)."""
        return self.renderer.render_png()
