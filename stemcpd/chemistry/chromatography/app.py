"""Interactive paper chromatography: choose a sample and a solvent, then watch the
chromatogram develop (play / pause / step / reset) and read the Rf values.

This is the only chromatography module that sees both the model and the view. The
shared :class:`~stemcpd.ui.app.SimulationApp` does the wiring. The sample and the
solvent are choices (toggle buttons naming each option). The app opens on the
finished chromatogram; Reset then Play shows it developing.
"""

from __future__ import annotations

from stemcpd.chemistry.chromatography.model import (
    DYES,
    SAMPLES,
    SOLVENTS,
    ChromatographyParams,
    describe,
    simulate,
    to_table,
    visible_spots,
)
from stemcpd.chemistry.chromatography.view import ChromatographyView
from stemcpd.ui.app import SimulationApp
from stemcpd.ui.controls import Choice, Control

CONTROLS = (
    Choice("sample", "Sample", tuple((sample.name, sample.label) for sample in SAMPLES), "green",
           help="The food colouring spotted in the first lane: mixtures, an unknown and a pure dye."),
    Choice("solvent", "Solvent", tuple((solvent.name, solvent.name) for solvent in SOLVENTS), "water",
           help="Rf values depend on the solvent; ethanol also rises more slowly."),
    Control("development_time_min", "Development time", 1, 30, 0.5, 20, "min",
            help="How long the paper stands in the solvent."),
    Control("spot_diameter_mm", "Spot diameter", 1, 8, 0.5, 3, "mm",
            help="Small, concentrated spots separate better."),
    Control("baseline_mm", "Baseline height", 8, 30, 1, 15, "mm",
            help="Pencil line above the paper's bottom edge; it must be above the solvent (5 mm)."),
)


class ChromatographyApp(SimulationApp):
    """Paper chromatography as a notebook / Voilà app (see :class:`SimulationApp`)."""

    name = "chromatography"
    title = "Paper chromatography: Rf values, pure substances and mixtures"
    summary = "Develop a paper chromatogram of food colourings, read Rf values and identify an unknown."
    controls = CONTROLS
    playback_frames = 120
    default_size_px = (1000, 460)

    view_class = ChromatographyView
    params_class = ChromatographyParams
    compute_function = staticmethod(simulate)
    describe_function = staticmethod(describe)
    table_function = staticmethod(to_table)

    def __init__(self, width_px: int | None = None, height_px: int | None = None, **initial):
        super().__init__(width_px, height_px, **initial)
        self.player.value = self.playback_frames  # open on the finished chromatogram

    def readout_html(self, run):
        front = run.final_front_distance_mm
        if front <= 0:
            return f"The {run.solvent.name} has not reached the baseline yet: nothing has moved."
        rows = " · ".join(
            f"{DYES[dye].code} {DYES[dye].name} <b>Rf {run.rf[dye]:.2f}</b> ({run.spot_distance_mm[-1, dye]:.0f} mm)"
            for dye in sorted(run.sample.dyes, key=lambda d: run.rf[d])
        )
        seen = len(visible_spots(run))
        verdict = "looks pure" if seen == 1 else "a mixture"
        return (f"Solvent front <b>{front:.0f} mm</b> above the baseline · {rows} · "
                f"<b>{seen} spot{'s' if seen > 1 else ''} seen</b>: {verdict}")

    def playback_readout_html(self, run, time_s):
        index = run.index_at(time_s)
        seen = len(visible_spots(run, time_s)) if run.front_distance_mm[index] > 0 else 1
        return (f"t = {run.times_s[index] / 60:.1f} min · front {run.front_distance_mm[index]:.0f} mm above the "
                f"baseline · {seen} spot{'s' if seen > 1 else ''} seen in the sample lane")


APP = ChromatographyApp
show = APP.show  # show(**initial) builds, displays and returns the app
