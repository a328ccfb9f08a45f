"""Water-distillation view: the mass balance of flask and collecting tube, and the
residue growing more concentrated as distillation goes on.

The view only draws. It creates its artists once and :meth:`WaterView.update` moves
them to show a :class:`~stemcpd.chemistry.water.model.WaterRun`.
"""

from __future__ import annotations

from matplotlib.patches import Patch

from stemcpd.chemistry.water.model import SODIUM_CHLORIDE_SOLUBILITY_G_PER_100G, WaterRun
from stemcpd.ui.figures import FrameRenderer, new_figure
from stemcpd.ui.palette import OKABE_ITO, series_style
from stemcpd.ui.scales import nice_ceiling

# (label, colour, hatch); hatches keep the parts apart without colour.
SEGMENTS = (
    ("water", OKABE_ITO["sky_blue"], None),
    ("dissolved solids", OKABE_ITO["orange"], "xx"),
    ("distillate (pure water)", OKABE_ITO["blue"], "//"),
)
BEFORE_ROW, AFTER_ROW = 1.0, 0.0
BAR_HEIGHT = 0.5
FINE_STEPS = (1.0, 1.2, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0)  # mass axis a little longer than the bars


class WaterView:
    """Two panels: the sample's mass before, and distillate + residue after (equal
    lengths: mass is conserved); and solids per 100 g of water left in the flask
    against the share distilled, with sodium chloride's solubility marked.

    Args:
        width_px: figure width in pixels.
        height_px: figure height in pixels.
    """

    def __init__(self, width_px: int = 1000, height_px: int = 420):
        self.figure, (self.bar_axes, self.curve_axes) = new_figure(width_px, height_px, ncols=2)
        self.bar_axes.set_title("Mass balance: nothing is lost")
        self.bar_axes.set_xlabel("mass / g")
        self.bar_axes.set_yticks([AFTER_ROW, BEFORE_ROW], ["after:\ndistillate +\nresidue", "before:\nsample"])
        self.bar_axes.set_ylim(-0.6, 1.9)
        self.bar_axes.grid(axis="y", visible=False)
        water, solids, distillate = SEGMENTS
        self.before_water = self.bar_axes.barh(BEFORE_ROW, 0, BAR_HEIGHT, color=water[1], edgecolor="black")[0]
        self.before_solids = self.bar_axes.barh(BEFORE_ROW, 0, BAR_HEIGHT, color=solids[1], hatch=solids[2],
                                                edgecolor="black")[0]
        self.after_distillate = self.bar_axes.barh(AFTER_ROW, 0, BAR_HEIGHT, color=distillate[1],
                                                   hatch=distillate[2], edgecolor="black")[0]
        self.after_water = self.bar_axes.barh(AFTER_ROW, 0, BAR_HEIGHT, color=water[1], edgecolor="black")[0]
        self.after_solids = self.bar_axes.barh(AFTER_ROW, 0, BAR_HEIGHT, color=solids[1], hatch=solids[2],
                                               edgecolor="black")[0]
        self.before_text = self.bar_axes.text(0, BEFORE_ROW + 0.32, "", fontsize=10, va="bottom")
        self.after_text = self.bar_axes.text(0, AFTER_ROW + 0.32, "", fontsize=10, va="bottom")
        self.bar_axes.legend(handles=[Patch(facecolor=c, hatch=h, edgecolor="black", label=label)
                                      for label, c, h in SEGMENTS],
                             loc="upper center", bbox_to_anchor=(0.5, -0.16), ncols=3, frameon=False, fontsize=10)

        self.curve_axes.set_title("The residue gets more concentrated")
        self.curve_axes.set_xlabel("water distilled off / %")
        self.curve_axes.set_ylabel("solids per 100 g of water left / g")
        self.curve_axes.set_yscale("log")
        self.curve_axes.set_xlim(0, 100)
        self.curve_axes.set_ylim(0.01, 1000)
        self.curve_axes.axhline(SODIUM_CHLORIDE_SOLUBILITY_G_PER_100G, color="black", linestyle=":", linewidth=1.5,
                                label="saturated with salt (NaCl, 20 °C)")
        (self.curve_line,) = self.curve_axes.plot([], [], label="residue in the flask", **series_style(0))
        (self.marker,) = self.curve_axes.plot([], [], linestyle="none", marker="o", markersize=11,
                                              color=OKABE_ITO["vermillion"], markeredgecolor="black",
                                              label="now")
        # The energy per m³ is the same for every sample (background); this sample's energy,
        # just under it, is redrawn on each update.
        self.energy_rate_text = self.curve_axes.text(
            0.03, 0.97, "", transform=self.curve_axes.transAxes, ha="left", va="top", fontsize=11,
            bbox={"facecolor": "white", "alpha": 0.9, "edgecolor": "0.7"})
        self.energy_text = self.curve_axes.annotate(
            "", xy=(0, 0), xycoords=self.energy_rate_text, xytext=(0, -7), textcoords="offset points",
            ha="left", va="top", fontsize=11, bbox={"facecolor": "white", "alpha": 0.9, "edgecolor": "0.7"})
        self.curve_axes.legend(loc="upper center", bbox_to_anchor=(0.5, -0.16), ncols=2, frameon=False, fontsize=10)
        # The "before" bar and its text depend only on the sample (source and volume) and the
        # curve only on the source: background, named by the static key. Only what the share
        # distilled moves is redrawn on each update.
        self.moving_artists = (self.after_distillate, self.after_water, self.after_solids, self.after_text,
                               self.marker, self.energy_text)
        self.renderer = FrameRenderer(self.figure, self.moving_artists)

    def update(self, run: WaterRun) -> None:
        """Move the artists to show ``run``; the mass axis snaps to round values."""
        self.renderer.set_static_key((run.params.source, run.params.sample_volume_cm3, run.energy_kwh_per_m3))
        self.before_water.set_width(run.water_g)
        self.before_solids.set_x(run.water_g)
        self.before_solids.set_width(run.solids_g)
        self.after_distillate.set_width(run.distillate_g)
        self.after_water.set_x(run.distillate_g)
        self.after_water.set_width(run.residue_water_g)
        self.after_solids.set_x(run.distillate_g + run.residue_water_g)
        self.after_solids.set_width(run.solids_g)
        self.bar_axes.set_xlim(0, nice_ceiling(run.sample_g * 1.1, steps=FINE_STEPS))
        self.before_text.set_text(f"{run.sample_g:.1f} g, of which {run.solids_g:.3g} g dissolved solids")
        self.after_text.set_text(f"{run.distillate_g:.1f} g distillate + {run.residue_g:.1f} g residue")
        self.curve_line.set_data(run.curve_distilled_percent, run.curve_residue_concentration_g_per_100g)
        self.marker.set_data([run.params.distilled_percent], [run.residue_concentration_g_per_100g])
        crystals = (f"\n{run.crystallised_g:.2g} g of salt has crystallised" if run.crystallised_g > 0 else "")
        self.energy_rate_text.set_text(f"Distilling takes ≈ {run.energy_kwh_per_m3:.0f} kWh per m³ of water")
        self.energy_text.set_text(f"This sample: {run.energy_kj:.0f} kJ{crystals}")

    def render_png(self) -> bytes:
        """The current frame as PNG bytes (only moving artists are redrawn)."""
        return self.renderer.render_png()
