"""Greenhouse view: the energy flows per square metre, and surface temperature against
how much of the surface's infrared the atmosphere absorbs.

The view only draws. It creates its artists once and :meth:`GreenhouseView.update`
moves them to show a :class:`~stemcpd.chemistry.greenhouse.model.GreenhouseRun`.
"""

from __future__ import annotations

from stemcpd.chemistry.greenhouse.model import GreenhouseRun
from stemcpd.ui.figures import FrameRenderer, new_figure
from stemcpd.ui.palette import OKABE_ITO, series_style

FLOWS = (
    ("sunlight arriving", OKABE_ITO["yellow"], None),
    ("reflected (albedo)", "white", "//"),
    ("infrared from surface", OKABE_ITO["vermillion"], None),
    ("infrared back down", OKABE_ITO["orange"], "xx"),
    ("infrared to space", OKABE_ITO["reddish_purple"], ".."),
)


class GreenhouseView:
    """Two panels: a bar for each energy flow (W/m²) and the surface temperature curve.

    Args:
        width_px: figure width in pixels.
        height_px: figure height in pixels.
    """

    def __init__(self, width_px: int = 1000, height_px: int = 420):
        self.figure, (self.flow_axes, self.curve_axes) = new_figure(width_px, height_px, ncols=2)
        self.flow_axes.set_title("Energy flows (per m² of surface)")
        self.flow_axes.set_xlabel("power / W/m²")
        self.flow_axes.set_xlim(0, 500)
        self.flow_axes.set_yticks(range(len(FLOWS)), [name for name, _c, _h in FLOWS])
        self.flow_axes.invert_yaxis()
        self.flow_axes.grid(axis="y", visible=False)
        self.flow_bars = [self.flow_axes.barh(index, 0, 0.6, color=colour, hatch=hatch, edgecolor="black")[0]
                          for index, (_name, colour, hatch) in enumerate(FLOWS)]
        self.flow_texts = [self.flow_axes.text(0, index, "", va="center", fontsize=10) for index in range(len(FLOWS))]

        axes = self.curve_axes
        axes.set_title("Surface temperature")
        axes.set_xlabel("infrared absorbed by the atmosphere / %")
        axes.set_ylabel("surface temperature / K")
        axes.set_xlim(0, 100)
        axes.set_ylim(240, 320)
        axes.axhline(255, color="black", linestyle=":", linewidth=1.2)
        axes.axhline(288, color="black", linestyle="--", linewidth=1.2)
        axes.text(2, 256, "255 K: no greenhouse gases", fontsize=9, va="bottom")
        axes.text(2, 289, "288 K: Earth's mean surface", fontsize=9, va="bottom")
        (self.curve,) = axes.plot([], [], label="one-layer model", **series_style(0))
        (self.marker,) = axes.plot([], [], linestyle="none", marker="o", markersize=11,
                                   color=OKABE_ITO["vermillion"], markeredgecolor="black", label="this planet")
        self.temperature_text = axes.text(0.97, 0.04, "", transform=axes.transAxes, ha="right", va="bottom",
                                          fontsize=12, bbox={"facecolor": "white", "alpha": 0.9, "edgecolor": "0.7"})
        axes.legend(loc="upper left", fontsize=10)
        self.moving_artists = (*self.flow_bars, *self.flow_texts, self.curve, self.marker, self.temperature_text)
        self.renderer = FrameRenderer(self.figure, self.moving_artists)

    def update(self, run: GreenhouseRun) -> None:
        """Move the artists to show ``run``."""
        values = (run.incoming_w_m2, run.reflected_w_m2, run.surface_emission_w_m2, run.back_radiation_w_m2,
                  run.outgoing_infrared_w_m2)
        for bar, text, value in zip(self.flow_bars, self.flow_texts, values):
            bar.set_width(value)
            text.set_position((value + 5, text.get_position()[1]))
            text.set_text(f"{value:.0f}")
        self.curve.set_data(run.curve_absorptivity * 100, run.curve_surface_k)
        self.marker.set_data([run.absorptivity * 100], [run.surface_k])
        celsius = f"{run.surface_c:.1f}".replace("-", "−")
        self.temperature_text.set_text(f"surface {run.surface_k:.1f} K ({celsius} °C)")

    def render_png(self) -> bytes:
        """The current frame as PNG bytes (only moving artists are redrawn)."""
        return self.renderer.render_png()
