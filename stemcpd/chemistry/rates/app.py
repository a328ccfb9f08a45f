"""Interactive rates of reaction: sliders (declared as data) drive the particle box.

Every control change runs a fresh seeded simulation of 500 steps of 0.2 ps (100
recorded frames; roughly 0.1 s for a few hundred particles), then playback moves
through the recorded frames without recomputing. The activation energy and the
catalyst do not change how the particles move (a reaction only relabels them), so
changing those relabels the kept motion's collisions (a few ms) instead of moving the
particles again. The catalyst is a checkbox (an on/off
:class:`~stemcpd.ui.controls.Choice`): on halves the activation energy. The readout gives every counted result with
its uncertainty and says whether the share of collisions with enough energy agrees
with e^(−Ea/RT); the seed control repeats the run from another random start.
"""

from __future__ import annotations

from stemcpd.chemistry.rates.model import RatesParams, describe, simulate, to_table
from stemcpd.chemistry.rates.view import RatesView
from stemcpd.practical import with_uncertainty
from stemcpd.ui.app import SimulationApp
from stemcpd.ui.controls import Choice, Control

CONTROLS = (
    Control("temperature_k", "Temperature", 200, 600, 10, 300, "K",
            help="Hotter: faster particles, more collisions, and far more of them energetic enough."),
    Control("concentration_mol_dm3", "Concentration of A and B", 0.25, 2.0, 0.05, 1.0, "mol/dm³",
            help="More particles in the same space: more collisions every second."),
    Choice.switch("catalyst", "Catalyst", False,
                  help="A catalyst gives another pathway with half the activation energy.",
                  off="no catalyst", on="catalyst"),
    Control("number_of_particles", "Number of particles", 100, 1000, 50, 300, "",
            help="A and B together; the box grows to keep the concentration the same.", integer=True),
    Control("activation_energy_kj_mol", "Activation energy (scaled)", 2.0, 15.0, 0.5, 6.0, "kJ/mol",
            help="Energy a collision needs along the line of centres; scaled down so the box reacts in picoseconds."),
    Control("seed", "Random seed", 0, 99, 1, 0, "",
            help="Another seed is another random start with the same settings: repeat the run and see how much "
                 "the results scatter (the ± in the readout).", integer=True),
)


class RatesApp(SimulationApp):
    """Collision theory as a notebook / Voilà app (see :class:`SimulationApp`)."""

    name = "rates"
    title = "Rates of reaction: collision theory"
    summary = "Particles A + B colliding in a box: concentration, temperature and catalysts change the rate."
    controls = CONTROLS
    playback_frames = 100
    default_size_px = (1000, 450)

    view_class = RatesView
    params_class = RatesParams
    compute_function = staticmethod(simulate)
    describe_function = staticmethod(describe)
    table_function = staticmethod(to_table)

    def readout_html(self, run):
        p = run.params
        energetic = with_uncertainty(run.energetic_fraction, run.energetic_fraction_uncertainty, "%", 100)
        theory = f"e<sup>−Ea/RT</sup> = {run.theoretical_successful_fraction * 100:.1f}%"
        products = with_uncertainty(float(run.products[-1]), run.products_uncertainty)
        return (
            f"Enough energy <b>{energetic}</b> of {int(run.collisions_per_step.sum()):,} collisions in "
            f"{run.times_ps[-1]:.0f} ps ({run.energetic_agreement.brief(theory)}) · product <b>{products}</b> of "
            f"{p.number_of_particles // 2} from {int(run.ab_collisions_per_step.sum())} A–B collisions · "
            f"Ea {p.effective_activation_energy_kj_mol:.1f} kJ/mol" + (" (catalyst)" if p.catalyst else "")
        )

    def playback_readout_html(self, run, time_s):
        """The time, with the product pairs formed by then."""
        return f"{super().playback_readout_html(run, time_s)} · product pairs {int(run.products[run.frame_at(time_s)])}"

    @property
    def run(self):
        """The current :class:`~stemcpd.chemistry.rates.model.RatesRun`."""
        return self.result


APP = RatesApp
show = APP.show  # show(**initial) builds, displays and returns the app
