"""Interactive gas in a box: sliders (declared as data) drive the model and the view.

Every control change runs a fresh seeded simulation of 500 steps (100 recorded frames;
about 0.1 s for the default 400 discs), then playback moves through the recorded frames
without recomputing. A temperature change reuses the kept run: with the default step,
the run at another temperature is the same paths traversed faster (see
:func:`stemcpd.physics.gas.model._run_in_steps`), so only its times and speeds are scaled. The run lasts picoseconds, so the playback bar shows the time in ps;
the figure shows it too, beside the collisions per disc so far.
"""

from __future__ import annotations

from stemcpd.physics.gas.model import GasParams, describe, simulate, to_table
from stemcpd.physics.gas.view import GasView
from stemcpd.practical import with_uncertainty
from stemcpd.ui.app import SimulationApp
from stemcpd.ui.controls import Control

CONTROLS = (
    Control("temperature_k", "Temperature", 50, 1000, 10, 300, "K",
            help="Sets the mean kinetic energy of the discs: ½mv² = kT on average."),
    Control("number_of_particles", "Number of particles", 100, 1000, 50, 400, "",
            help="How many argon-sized discs are in the box.", integer=True),
    Control("box_side_nm", "Box side", 20, 60, 1, 30, "nm",
            help="Length of each side of the square box (the 2D 'volume' is its area)."),
    Control("seed", "Random seed", 0, 99, 1, 0, "",
            help="Another seed is another random start with the same settings: repeat the run and see how much "
                 "the pressure scatters (the ± in the readout).", integer=True),
)

RUN_STEPS = 500
RUN_FRAMES = 100


class GasApp(SimulationApp):
    """The kinetic model of a gas as a notebook / Voilà app (see :class:`SimulationApp`)."""

    name = "gas"
    title = "Gas in a box"
    summary = "Hard-disc gas: pressure from wall collisions, Boyle's and Charles's laws, Maxwell–Boltzmann speeds."
    controls = CONTROLS
    playback_frames = RUN_FRAMES
    default_size_px = (1000, 450)

    view_class = GasView
    params_class = GasParams
    describe_function = staticmethod(describe)
    table_function = staticmethod(to_table)

    def compute(self, params):
        return simulate(params, steps=RUN_STEPS, frames=RUN_FRAMES)

    def duration_s(self, run):
        """The run's length in seconds (the model keeps its times in picoseconds)."""
        return float(run.times_ps[-1]) * 1e-12

    def readout_html(self, run):
        pressure = with_uncertainty(run.pressure_n_m, run.pressure_uncertainty_n_m, " mN/m", 1e3)
        hard_disc = f"{run.hard_disc_pressure_n_m * 1e3:.2f} mN/m"
        return (
            f"Pressure <b>{pressure}</b> ({run.pressure_agreement.brief('the excluded-area value ' + hard_disc)}) · "
            f"ideal-gas law NkT/A {run.ideal_pressure_n_m * 1e3:.2f} mN/m · discs cover "
            f"{run.params.area_fraction * 100:.1f}% of the box"
        )

    @property
    def run(self):
        """The current :class:`~stemcpd.physics.gas.model.GasRun`."""
        return self.result


APP = GasApp
show = APP.show  # show(**initial) builds, displays and returns the app
