"""Interactive test lab for ions: choose a test and an ion, see and read the result.

The only ions module that sees both the model and the view. Design: the apps are
sliders-only, so the test and the ion are whole-number controls, each with labelled
preset buttons (test names, ion formulas) that set them; the readout and the drawing
always name the result in words.
"""

from __future__ import annotations

from stemcpd.chemistry.ions.model import (
    ION_FORMULAS,
    ION_IDS,
    TEST_IDS,
    TEST_NAMES,
    IonsParams,
    describe,
    run_test,
    to_table,
)
from stemcpd.chemistry.ions.view import IonsView
from stemcpd.ui.app import Presets, SimulationApp
from stemcpd.ui.controls import Control

CONTROLS = (
    Control("test", "Test", 1, len(TEST_IDS), 1, 1, "",
            help="1 flame test, 2 sodium hydroxide, 3 acid + limewater, 4 nitric acid + silver nitrate, "
                 "5 hydrochloric acid + barium chloride (use the buttons).", integer=True),
    Control("ion", "Ion", 1, len(ION_IDS), 1, 3, "",
            help="Which ion is in the solution: 1 Li⁺ … 14 SO₄²⁻ (use the buttons).", integer=True),
)

TEST_PRESETS = {TEST_NAMES[test]: number for number, test in enumerate(TEST_IDS, start=1)}
ION_PRESETS = {ION_FORMULAS[ion]: number for number, ion in enumerate(ION_IDS, start=1)}


class IonsApp(SimulationApp):
    """The ion tests as a notebook / Voilà app (see :class:`SimulationApp`)."""

    name = "ions"
    title = "Identifying ions: flame tests and precipitates"
    summary = ("A virtual test lab: flame tests, hydroxide precipitates, carbonate, halide and sulfate "
               "tests on 14 ions, with every colour named in words.")
    controls = CONTROLS
    presets = (
        Presets("test", "Test", TEST_PRESETS, "Choose the test."),
        Presets("ion", "Ion", ION_PRESETS, "Choose the ion in the solution."),
    )
    default_size_px = (1150, 560)

    view_class = IonsView
    params_class = IonsParams
    compute_function = staticmethod(run_test)
    describe_function = staticmethod(describe)
    table_function = staticmethod(to_table)

    def readout_html(self, result):
        seen = result.observation
        colour = f"colour <b>{seen.colour_name}</b>" if seen.colour_name != "none" else "no colour"
        return (f"{TEST_NAMES[result.params.test_id]} on {ION_FORMULAS[result.params.ion_id]}: "
                f"<b>{seen.text}</b> · {colour} · this {result.conclusion}")


APP = IonsApp
show = APP.show  # show(**initial) builds, displays and returns the app
