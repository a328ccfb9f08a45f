"""Interactive atom builder: shells, ions and isotopes of the first 20 elements.

This is the only atoms module that sees both the model and the view. The shared
:class:`~stemcpd.ui.app.SimulationApp` does the wiring. Nothing runs in time, so there
is no playback. Two controls (element, and atom or ion as a named choice) keep the site player's data small;
the element buttons add the members of groups 1, 7 and 0 to the settings the site
player offers.
"""

from __future__ import annotations

from stemcpd.chemistry.atoms.model import HIGHEST_GCSE_ATOMIC_NUMBER, AtomParams, build_atom, describe, to_table
from stemcpd.chemistry.atoms.view import AtomView
from stemcpd.ui.app import Presets, SimulationApp
from stemcpd.ui.controls import Choice, Control

CONTROLS = (
    Control("atomic_number", "Atomic number (protons)", 1, HIGHEST_GCSE_ATOMIC_NUMBER, 1, 11, "",
            help="The number of protons: which element it is.", integer=True),
    Choice("show_ion", "Show", ((False, "Atom"), (True, "Ion")), False,
           help="The neutral atom, or the simple ion the element forms."),
)
ELEMENT_PRESETS = {"Li": 3, "Na": 11, "K": 19, "F": 9, "Cl": 17, "He": 2, "Ne": 10, "Ar": 18, "C": 6, "O": 8}


class AtomsApp(SimulationApp):
    """The atom builder as a notebook / Voilà app (see :class:`SimulationApp`)."""

    name = "atoms"
    title = "Atoms: shells, ions and isotopes"
    summary = "Protons, neutrons and electron shells of the first 20 elements, their ions, and Aᵣ from isotopes."
    controls = CONTROLS
    presets = (Presets("atomic_number", "Element", ELEMENT_PRESETS, "Groups 1, 7 and 0, and carbon and oxygen."),)
    default_size_px = (1000, 440)

    view_class = AtomView
    params_class = AtomParams
    compute_function = staticmethod(build_atom)
    describe_function = staticmethod(describe)
    table_function = staticmethod(to_table)  # the element's isotopes

    def readout_html(self, result):
        place = f"group {result.group}, period {result.period}" if result.group is not None else "no group"
        shells = ",".join(str(n) for n in result.shells) or "none"
        return (f"<b>{result.formula}</b> · {place} · {result.protons} p, {result.neutrons} n, "
                f"{result.electrons} e · shells <b>{shells}</b> · Aᵣ <b>{result.ar_from_mass_numbers:.1f}</b>")


APP = AtomsApp
show = APP.show  # show(**initial) builds, displays and returns the app
