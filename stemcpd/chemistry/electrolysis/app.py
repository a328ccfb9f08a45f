"""Interactive electrolysis: one cell, a current and a time; the products and Faraday's law.

This is the only electrolysis module that sees both the model and the view. The
electrolyte is a choice (a drop-down: ten cells are too many for a row of buttons on a
projector); the model takes its name. Play / step / reset run the current through the cell so the markers move along
the mass and gas-volume lines.
"""

from __future__ import annotations

from stemcpd.chemistry.electrolysis.model import (
    ELECTROLYTE_LABELS,
    ELECTROLYTE_NAMES,
    PURIFICATION,
    FARADAY_C_PER_MOL,
    ElectrolysisParams,
    describe,
    simulate,
    to_table,
)
from stemcpd.chemistry.electrolysis.view import ElectrolysisView
from stemcpd.ui.app import SimulationApp
from stemcpd.ui.controls import Choice, Control

CONTROLS = (
    Control("current_a", "Current", 0.05, 2.00, 0.01, 0.50, "A",
            help="A school power pack and a 2 cm × 5 cm copper plate work well at 0.2 to 1.0 A."),
    Control("time_s", "Time", 60, 3600, 60, 1800, "s",
            help="How long the current flows; 1800 s is 30 minutes."),
    Choice("electrolyte", "Electrolyte", tuple((name, f"{ELECTROLYTE_LABELS[name]}: {name}") for name in ELECTROLYTE_NAMES),
           PURIFICATION, widget="dropdown",
           help="Pick the cell: molten compounds, solutions with inert electrodes, or copper electrodes."),
)


class ElectrolysisApp(SimulationApp):
    """The electrolysis simulation as a notebook / Voilà app (see :class:`SimulationApp`)."""

    name = "electrolysis"
    title = "Electrolysis: products at the electrodes and Faraday's law"
    summary = "Electrolyse molten and aqueous compounds: products, half equations, mass and gas volume from Q = It."
    controls = CONTROLS
    playback_frames = 100
    default_size_px = (1100, 440)

    view_class = ElectrolysisView
    params_class = ElectrolysisParams
    compute_function = staticmethod(simulate)
    describe_function = staticmethod(describe)
    table_function = staticmethod(to_table)

    def readout_html(self, run):
        products = run.products
        parts = []
        for product, mass, gas in (
            (products.cathode, run.cathode_mass_g[-1], run.cathode_gas_cm3[-1]),
            (products.anode, run.anode_mass_g[-1], run.anode_gas_cm3[-1]),
        ):
            if product.gas_at_rtp:
                amount = f"{gas:.1f} cm³ {product.formula}"
            elif product.electrode_dissolves:
                amount = f"−{-mass:.3f} g {product.formula}"
            else:
                amount = f"{mass:.3f} g {product.formula}"
            parts.append(f"{product.electrode} <b>{amount}</b>")
        return (
            " · ".join(parts)
            + f" · charge <b>Q = {run.total_charge_c:.0f} C</b>"
            + f" · electrons <b>{run.total_electrons_mol * 1000:.2f} mmol</b> (Q / {FARADAY_C_PER_MOL:.0f} C/mol)"
        )

    def playback_readout_html(self, run, time_s):
        charge = run.params.current_a * time_s
        return f"t = {time_s:.0f} s · Q = {charge:.0f} C"

    @property
    def run(self):
        """The current :class:`~stemcpd.chemistry.electrolysis.model.ElectrolysisRun`."""
        return self.result


APP = ElectrolysisApp
show = APP.show  # show(**initial) builds, displays and returns the app
