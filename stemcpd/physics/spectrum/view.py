"""Spectrum view: the electromagnetic spectrum as a band on a logarithmic wavelength
scale (frequency along the top), each group shaded and labelled, with a marker at the
chosen wavelength and its properties written beneath.

The view only draws. It creates its artists once and :meth:`SpectrumView.update` moves
them to show a :class:`~stemcpd.physics.spectrum.model.SpectrumLookup`.
"""

from __future__ import annotations

import textwrap

import numpy as np

from matplotlib.patches import Rectangle
from matplotlib.transforms import offset_copy

from stemcpd.physics.spectrum.model import (
    IONISING_WORDS,
    LONGEST_LOG10_M,
    REGIONS,
    SHORTEST_LOG10_M,
    SPEED_OF_LIGHT_M_S,
    SpectrumLookup,
    frequency_words,
    wavelength_words,
)
from stemcpd.ui.figures import FrameRenderer, new_figure
from stemcpd.ui.palette import OKABE_ITO

REGION_COLOURS = ("reddish_purple", "vermillion", "sky_blue", "yellow", "orange", "bluish_green", "blue")
REGION_HATCHES = ("xx", "//", "..", "", "\\\\", "--", "||")


def _inverse(values):
    """c / x for the frequency axis. Matplotlib also passes 0 and extreme values while it
    lays the axis out; their infinite results are harmless there, so the warning is hushed."""
    with np.errstate(divide="ignore", over="ignore"):
        return SPEED_OF_LIGHT_M_S / np.asarray(values, dtype=float)


class SpectrumView:
    """One panel: the spectrum band, the marker and the properties text.

    Args:
        width_px: figure width in pixels.
        height_px: figure height in pixels.
    """

    def __init__(self, width_px: int = 1000, height_px: int = 420):
        self.figure, (self.axes,) = new_figure(width_px, height_px)
        axes = self.axes
        axes.set_xscale("log")
        axes.set_xlim(10**SHORTEST_LOG10_M, 10**LONGEST_LOG10_M)
        axes.set_ylim(0, 1)
        axes.set_yticks([])
        axes.set_xlabel("wavelength / m (each step is ten times longer)")
        top = axes.secondary_xaxis("top", functions=(_inverse, _inverse))
        top.set_xlabel("frequency / Hz")
        for index, (region, colour, hatch) in enumerate(zip(REGIONS, REGION_COLOURS, REGION_HATCHES)):
            left = max(region.shortest_m, 10**SHORTEST_LOG10_M)
            right = min(region.longest_m, 10**LONGEST_LOG10_M)
            axes.add_patch(Rectangle((left, 0.62), right - left, 0.3, facecolor=OKABE_ITO[colour], hatch=hatch,
                                     edgecolor="black", alpha=0.75))
            centre = (left * right) ** 0.5
            label_y = 0.47 if region.name == "Visible light" else 0.56  # narrow band: label lower, clear of UV
            axes.text(centre, label_y, "Visible" if region.name == "Visible light" else (region.name.replace(" ", "\n", 1) if len(region.name) > 8 else region.name),
                      ha="center", va="top", fontsize=10)
        (self.marker,) = axes.plot([], [], marker="v", markersize=18, color="black", linestyle="none")
        self.marker_line = axes.axvline(1e-6, ymin=0.6, ymax=0.94, color="black", linewidth=2)
        # Only the wavelength and frequency move; the group's name, sources, uses and
        # hazards change only with the group, so they are static text in the kept
        # background, named by the group in the static key (every glyph of a moving
        # text is drawn again on each update: the whole paragraph took ~30 ms).
        self.value_text = axes.text(0.01, 0.32, "", transform=axes.transAxes, va="top", fontsize=11)
        below = offset_copy(axes.transAxes, fig=self.figure, y=-17, units="points")
        self.details_text = axes.text(0.01, 0.32, "", transform=below, va="top", fontsize=11, wrap=False)
        self._region_shown = None
        self.moving_artists = (self.marker, self.marker_line, self.value_text)
        self.renderer = FrameRenderer(self.figure, self.moving_artists)

    def update(self, lookup: SpectrumLookup) -> None:
        """Move the marker to the wavelength and write its properties."""
        wavelength = lookup.params.wavelength_m
        region = lookup.region
        self.marker.set_data([wavelength], [0.95])
        self.marker_line.set_xdata([wavelength, wavelength])
        self.value_text.set_text(
            f"wavelength {wavelength_words(wavelength)}, frequency {frequency_words(lookup.frequency_hz)}")
        if region.name != self._region_shown:
            lines = [
                f"{region.name} · {IONISING_WORDS[region.ionising]}",
                *textwrap.wrap(f"Produced by {region.source}.", 110),
                *textwrap.wrap(f"Uses: {region.uses}.", 110),
                *textwrap.wrap(f"Hazards: {region.hazards}.", 110),
            ]
            self.details_text.set_text("\n".join(lines))
            self._region_shown = region.name
        self.renderer.set_static_key(region.name)  # the group's text is in the background

    def render_png(self) -> bytes:
        """The current frame as PNG bytes (only moving artists are redrawn)."""
        return self.renderer.render_png()
