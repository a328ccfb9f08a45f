"""Interactive test lab for ions: choose a test and an ion, see and read the result.

The only ions module that sees both the model and the view. The test and the ion are
choices (toggle buttons with the tests' names and the ions' formulas); the model takes
their ids. The readout and the drawing always name the result in words.
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
from stemcpd.ui.app import SimulationApp
from stemcpd.ui.controls import Choice, Control

CONTROLS = (
    Choice("test", "Test", tuple((test, TEST_NAMES[test]) for test in TEST_IDS), "flame",
           help="Choose the test."),
    Choice("ion", "Ion", tuple((ion, ION_FORMULAS[ion]) for ion in ION_IDS), "K+",
           help="Choose the ion in the solution."),
)


class IonsApp(SimulationApp):
    """The ion tests as a notebook / Voilà app (see :class:`SimulationApp`)."""

    name = "ions"
    title = "Identifying ions: flame tests and precipitates"
    summary = ("A virtual test lab: flame tests, hydroxide precipitates, carbonate, halide and sulfate "
               "tests on 14 ions, with every colour named in words.")
    controls = CONTROLS
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
