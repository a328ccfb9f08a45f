"""Interactive radioactive decay: sliders (declared as data) drive the model and view.

A control change reruns the seeded random model (well under a millisecond); playback
moves a time marker along the run and reads off N and the activity λN there.
"""

from __future__ import annotations

import numpy as np

from stemcpd.physics.decay.model import DecayParams, describe, simulate, to_table
from stemcpd.physics.decay.view import DecayView
from stemcpd.practical import with_uncertainty
from stemcpd.ui.app import Presets, SimulationApp
from stemcpd.ui.controls import Control

CONTROLS = (
    Control("half_life_s", "Half-life", 10, 600, 5, 60, "s",
            help="Time for half of the unstable nuclei to decay, on average."),
    Control("initial_atoms", "Nuclei at the start", 100, 10000, 100, 1000, "",
            help="Fewer nuclei: a more random-looking decay.", integer=True),
    Control("background_rate_per_s", "Background count rate", 0.0, 5.0, 0.1, 0.5, "counts/s",
            help="Counts from background radiation, added to every count."),
    Control("seed", "Random seed", 0, 99, 1, 0, "",
            help="The same seed always gives the same random run; change it for another run.", integer=True),
)

HALF_LIFE_PRESETS_S = {
    "Protactinium-234m": 70.0,
    "Radon-220": 55.0,
    "Barium-137m": 155.0,
}


class DecayApp(SimulationApp):
    """Radioactive decay as a notebook / Voilà app (see :class:`SimulationApp`)."""

    name = "decay"
    title = "Radioactive decay"
    summary = "Random decay of nuclei (or dice), the exponential law, GM counts with background, fitted half-life."
    controls = CONTROLS
    presets = (Presets("half_life_s", "School sources", HALF_LIFE_PRESETS_S,
                       "Half-lives of sources used in school half-life experiments."),)
    playback_frames = 100
    default_size_px = (1000, 420)

    view_class = DecayView
    params_class = DecayParams
    compute_function = staticmethod(simulate)
    describe_function = staticmethod(describe)
    table_function = staticmethod(to_table)

    def readout_html(self, run):
        if run.fit.ok:
            fitted = with_uncertainty(run.fit.half_life_s, run.fit.uncertainty_s, " s")
            fit = (f"fitted half-life <b>{fitted}</b> "
                   f"({run.fit_agreement.brief(f'{run.params.half_life_s:.3g} s')})")
        else:
            fit = "too few counts above background to fit a half-life"
        return (
            f"Half-life <b>{run.params.half_life_s:.3g} s</b> · activity at the start "
            f"<b>{run.activity_bq[0]:.3g} Bq</b> (now: beside the playback time) · counting every "
            f"{run.time_step_s:.3g} s · {fit}"
        )

    def playback_readout_html(self, run, time_s):
        """The time, with the nuclei left and the activity λN at that moment (as on the graph)."""
        index = int(np.clip(np.searchsorted(run.times_s, time_s, side="right") - 1, 0, len(run.times_s) - 1))
        left = int(run.atoms[index])
        activity = run.params.decay_constant_per_s * left
        return f"{super().playback_readout_html(run, time_s)} · N = {left} · activity λN = {activity:.3g} Bq"

    @property
    def run(self):
        """The current :class:`~stemcpd.physics.decay.model.DecayRun`."""
        return self.result


APP = DecayApp
show = APP.show  # show(**initial) builds, displays and returns the app
