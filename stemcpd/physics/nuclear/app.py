"""Interactive decay chain: one slider (declared as data) steps the uranium-238 series;
the chart shows each alpha and beta step and the readout the latest nuclear equation.
"""

from __future__ import annotations

from stemcpd.physics.nuclear.model import ChainParams, describe, follow_chain, to_table
from stemcpd.physics.nuclear.view import ChainView
from stemcpd.ui.app import Presets, SimulationApp
from stemcpd.ui.controls import Control

CONTROLS = (
    Control("steps", "Decays from uranium-238", 0, 14, 1, 4, "", integer=True,
            help="Each step is one alpha or beta decay; 14 steps reach stable lead-206."),
)

# One button per nucleus of the series: a named jump, and it makes the site's player
# offer every step (it otherwise samples at most ten values of a control).
NUCLEI = {nucleus.name: step for step, nucleus in enumerate(follow_chain(ChainParams(14)).nuclei)}


class NuclearApp(SimulationApp):
    """The uranium-238 series: nuclear equations for alpha and beta decay."""

    name = "nuclear"
    title = "Nuclear equations: a decay chain"
    summary = "Step through the uranium-238 decay series: alpha and beta decay, balanced nuclear equations, half-lives."
    controls = CONTROLS
    presets = (Presets("steps", "Go to", NUCLEI, "Jump to this nucleus of the series."),)
    default_size_px = (1000, 440)

    view_class = ChainView
    params_class = ChainParams
    compute_function = staticmethod(follow_chain)
    describe_function = staticmethod(describe)
    table_function = staticmethod(to_table)

    def readout_html(self, chain):
        current = chain.current
        latest = f" · latest: {chain.last_equation}" if chain.params.steps else ""
        return (
            f"<b>{current.name}</b>: {current.atomic_number} protons, {current.neutron_number} neutrons · "
            f"{chain.alpha_count} alpha, {chain.beta_count} beta so far{latest}"
        )


APP = NuclearApp
show = APP.show  # show(**initial) builds, displays and returns the app
