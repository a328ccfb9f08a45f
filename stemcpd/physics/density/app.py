"""Interactive density: sliders (declared as data) drive the model and the view.

This is the only density module that sees both the model and the view. The shared
:class:`~stemcpd.ui.app.SimulationApp` does the wiring. Nothing runs in time, so there
is no playback.
"""

from __future__ import annotations

from stemcpd.physics.density.model import (
    LIQUID_DENSITIES_KG_M3,
    MATERIAL_DENSITIES_KG_M3,
    BlockParams,
    analyse,
    describe,
    to_table,
)
from stemcpd.physics.density.view import DensityView
from stemcpd.ui.app import Presets, SimulationApp
from stemcpd.ui.controls import Control

CONTROLS = (
    Control("density_kg_m3", "Density of material", 100, 12000, 1, 2700, "kg/m³",
            help="Mass of one cubic metre of the material; pick a material below."),
    Control("length_m", "Length", 0.01, 0.10, 0.001, 0.05, "m",
            help="Length of the block, left to right in the side view."),
    Control("width_m", "Width", 0.01, 0.10, 0.001, 0.05, "m",
            help="Width of the block, front to back (not seen in the side view)."),
    Control("height_m", "Height", 0.01, 0.10, 0.001, 0.04, "m",
            help="Height of the block."),
    Control("liquid_density_kg_m3", "Density of liquid", 700, 1400, 1, 998, "kg/m³",
            help="Water at 20 °C is 998 kg/m³; pick a liquid below."),
)


class DensityApp(SimulationApp):
    """The density simulation as a notebook / Voilà app."""

    name = "density"
    title = "Density: blocks, liquids, floating and sinking"
    summary = "Find density from mass and volume, see blocks float or sink, and read density from a mass–volume graph."
    controls = CONTROLS
    presets = (
        Presets("density_kg_m3", "Material", MATERIAL_DENSITIES_KG_M3,
                "Set the density to a material's (CRC Handbook; Kaye & Laby; woods vary)."),
        Presets("liquid_density_kg_m3", "Liquid", LIQUID_DENSITIES_KG_M3,
                "Set the liquid's density at 20 °C (CRC Handbook)."),
    )
    default_size_px = (1000, 420)

    view_class = DensityView
    params_class = BlockParams
    compute_function = staticmethod(analyse)
    describe_function = staticmethod(describe)
    table_function = staticmethod(to_table)  # the mass–volume line of the material and liquid

    def readout_html(self, result):
        p = result.params
        behaviour = (
            f"floats, <b>{result.fraction_submerged * 100:.0f}%</b> submerged (ρ/ρ<sub>liquid</sub>)"
            if result.floats else "<b>sinks</b>"
        )
        return (
            f"Volume <b>{result.volume_cm3:.1f} cm³</b> · mass <b>{result.mass_g:.1f} g</b> · "
            f"density {p.density_kg_m3 / 1000:.3f} g/cm³ · {behaviour} in the "
            f"{p.liquid_density_kg_m3:.0f} kg/m³ liquid"
        )

    @property
    def block(self):
        """The current :class:`~stemcpd.physics.density.model.BlockResult`."""
        return self.result


APP = DensityApp
show = APP.show  # show(**initial) builds, displays and returns the app
