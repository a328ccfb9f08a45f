"""Density view: the block in a tank of liquid, and the mass–volume graph.

The view only draws. It creates its artists once and :meth:`DensityView.update` moves
them to show a :class:`~stemcpd.physics.density.model.BlockResult`.
"""

from __future__ import annotations

from matplotlib.patches import Rectangle

from stemcpd.physics.density.model import BlockResult
from stemcpd.ui.figures import FrameRenderer, new_figure
from stemcpd.ui.palette import OKABE_ITO, series_style
from stemcpd.ui.scales import nice_ceiling

TANK_HALF_WIDTH_M = 0.15
TANK_HEIGHT_M = 0.25
LIQUID_DEPTH_M = 0.18  # deeper than the tallest block (0.10 m in the app), so sinkers are covered
G_PER_KG = 1000.0


class DensityView:
    """Two panels: a side view of the block floating or sinking in the liquid, and the
    mass–volume graph with the material's line, the liquid's line and the block.

    Args:
        width_px: figure width in pixels.
        height_px: figure height in pixels.
    """

    def __init__(self, width_px: int = 1000, height_px: int = 420):
        self.figure, (self.tank_axes, self.graph_axes) = new_figure(
            width_px, height_px, ncols=2, width_ratios=(0.9, 1)
        )

        self.tank_axes.set_title("Side view of the block in the liquid")
        self.tank_axes.set_xlabel("x / cm")
        self.tank_axes.set_ylabel("height / cm")
        self.tank_axes.set_aspect("equal", adjustable="box")
        self.tank_axes.grid(False)
        half, height = TANK_HALF_WIDTH_M * 100, TANK_HEIGHT_M * 100
        self.tank_axes.plot([-half, -half, half, half], [height, 0, 0, height], color="black", linewidth=2)
        self.tank_axes.set_xlim(-half - 2, half + 2)
        self.tank_axes.set_ylim(-1, height + 5)
        self.block_patch = Rectangle(
            (0, 0), 1, 1, facecolor=OKABE_ITO["orange"], edgecolor="black", hatch="//", linewidth=1.5
        )
        self.tank_axes.add_patch(self.block_patch)
        # The liquid never moves, so it is static (in the kept background); the block is
        # drawn over it, and then the same translucent hatched liquid again over just the
        # part of the block under the surface, so that part looks under water. (A moving
        # hatched patch the size of the tank cost more to draw than everything else.)
        liquid_style = {"facecolor": OKABE_ITO["sky_blue"], "alpha": 0.4, "hatch": "..",
                        "edgecolor": OKABE_ITO["blue"], "linewidth": 0}
        self.liquid_patch = Rectangle((-half, 0), 2 * half, LIQUID_DEPTH_M * 100, **liquid_style)
        self.tank_axes.add_patch(self.liquid_patch)
        self.submerged_patch = Rectangle((0, 0), 0, 0, **liquid_style)
        self.tank_axes.add_patch(self.submerged_patch)
        (self.surface_line,) = self.tank_axes.plot(
            [-half, half], [LIQUID_DEPTH_M * 100] * 2, color=OKABE_ITO["blue"], linewidth=1.5
        )
        self.block_text = self.tank_axes.text(
            0, height + 1.0, "", ha="center", va="bottom", fontsize=11,
            bbox={"facecolor": "white", "alpha": 0.85, "edgecolor": "none"},
        )

        self.graph_axes.set_title("Mass against volume")
        self.graph_axes.set_xlabel("volume / cm³")
        self.graph_axes.set_ylabel("mass / g")
        (self.material_line,) = self.graph_axes.plot([], [], label="material: m = ρV", **series_style(0))
        (self.liquid_line,) = self.graph_axes.plot([], [], label="liquid", **series_style(1))
        (self.block_marker,) = self.graph_axes.plot(
            [], [], linestyle="none", marker="s", markersize=10, color=OKABE_ITO["orange"],
            markeredgecolor="black", label="this block",
        )
        self.graph_axes.legend(loc="upper center", bbox_to_anchor=(0.5, -0.18), ncols=3, frameon=False)
        # Words static, numbers moving (every glyph of a moving text is redrawn each update).
        self.graph_axes.text(
            0.47, 0.96, "gradient = density =\nliquid:", transform=self.graph_axes.transAxes, va="top",
            ha="right", multialignment="right", fontsize=11,
            bbox={"facecolor": "white", "alpha": 0.85, "edgecolor": "none"},
        )
        self.gradient_text = self.graph_axes.text(
            0.48, 0.96, "", transform=self.graph_axes.transAxes, va="top", fontsize=11,
        )

        self.moving_artists = (
            self.block_patch, self.submerged_patch, self.surface_line, self.block_text,
            self.material_line, self.liquid_line, self.block_marker, self.gradient_text,
        )
        self.renderer = FrameRenderer(self.figure, self.moving_artists)

    def update(self, result: BlockResult) -> None:
        """Move the artists to show ``result``; graph limits snap to round values."""
        p = result.params
        length_cm, height_cm = p.length_m * 100, p.height_m * 100
        surface_cm = LIQUID_DEPTH_M * 100
        bottom_cm = surface_cm - result.submerged_depth_m * 100 if result.floats else 0.0
        self.block_patch.set_bounds(-length_cm / 2, bottom_cm, length_cm, height_cm)
        submerged_top = min(bottom_cm + height_cm, surface_cm)
        self.submerged_patch.set_bounds(-length_cm / 2, bottom_cm, length_cm, max(submerged_top - bottom_cm, 0.0))
        if result.floats:
            self.block_text.set_text(f"floats: {result.fraction_submerged * 100:.0f}% under the surface")
        else:
            self.block_text.set_text("sinks: denser than the liquid")

        volume_limit = nice_ceiling(result.volume_cm3 * 1.6)
        volumes = [0.0, volume_limit]
        material, liquid = result.mass_volume_lines_g(volumes)
        self.material_line.set_data(volumes, material)
        self.liquid_line.set_data(volumes, liquid)
        self.block_marker.set_data([result.volume_cm3], [result.mass_kg * G_PER_KG])
        self.graph_axes.set_xlim(0, volume_limit)
        self.graph_axes.set_ylim(0, nice_ceiling(max(material[1], liquid[1]) * 1.05, steps=(1.0, 2.0, 3.0, 5.0)))
        self.gradient_text.set_text(
            f"{p.density_kg_m3 / 1000:.3f} g/cm³\n{p.liquid_density_kg_m3 / 1000:.3f} g/cm³"
        )

    def render_png(self) -> bytes:
        """The current frame as PNG bytes (only moving artists are redrawn)."""
        return self.renderer.render_png()
