"""Interactive titration: sliders (declared as data) drive the pH model and the view.

A strong acid has no pKa, but a slider always has a number. The acid-strength slider
therefore runs from −2 to 12 and any value at or below −1 (:data:`STRONG_PKA_LIMIT`)
means "strong acid": :meth:`TitrationApp.make_params` turns it into ``acid_pka=None``,
the value the model API uses for a fully dissociated acid, and the readout says "strong".
"""

from __future__ import annotations

from stemcpd.chemistry.titration.model import (
    ACID_PRESETS_PKA,
    STRONG_PKA_LIMIT,
    TitrationParams,
    describe,
    simulate,
    to_table,
)
from stemcpd.chemistry.titration.view import TitrationView
from stemcpd.ui.app import Presets, SimulationApp
from stemcpd.ui.controls import Control

CONTROLS = (
    Control("added_ml", "NaOH added", 0.0, 50.0, 0.05, 0.0, "cm³",
            help="Volume run in from the burette, read to 0.05 cm³."),
    Control("acid_molar", "Acid concentration", 0.005, 1.0, 0.005, 0.1, "mol/dm³",
            help="Concentration of the acid pipetted into the flask."),
    Control("acid_ml", "Acid volume", 5.0, 50.0, 0.5, 25.0, "cm³",
            help="Volume of acid in the flask (a 25.00 cm³ pipette in school)."),
    Control("base_molar", "NaOH concentration", 0.005, 1.0, 0.005, 0.1, "mol/dm³",
            help="Concentration of the sodium hydroxide in the burette."),
    Control("acid_pka", "Acid pKa (−1 or less: strong)", -2.0, 12.0, 0.01, 4.76, "",
            help="Smaller pKa, stronger acid; at −1 or below the acid is treated as fully dissociated."),
)


class TitrationApp(SimulationApp):
    """The titration pH curve as a notebook / Voilà app (see :class:`SimulationApp`)."""

    name = "titration"
    title = "Acid–base titration"
    summary = "Titrate a strong or weak acid with NaOH: exact pH curve, equivalence, pKa, indicator choice."
    controls = CONTROLS
    presets = (Presets("acid_pka", "Acid", ACID_PRESETS_PKA,
                       "Typical acids; 'Hydrochloric (strong)' sets the slider into the strong range."),)
    default_size_px = (1000, 430)

    view_class = TitrationView
    params_class = TitrationParams
    compute_function = staticmethod(simulate)
    describe_function = staticmethod(describe)
    table_function = staticmethod(to_table)

    def make_params(self, values: dict):
        """Slider values → params; a pKa at or below −1 means a strong acid (None)."""
        values = dict(values)
        if values["acid_pka"] <= STRONG_PKA_LIMIT:
            values["acid_pka"] = None
        return TitrationParams(**values)

    def readout_html(self, curve):
        p = curve.params
        strength = "<b>strong</b> acid" if p.is_strong else f"weak acid, pKa <b>{p.acid_pka:.2f}</b>"
        indicators = ", ".join(curve.suitable_indicators) or "none"
        return (
            f"pH <b>{curve.ph_now:.2f}</b> at {p.added_ml:.2f} cm³ · {strength} · equivalence "
            f"<b>{curve.equivalence_ml:.2f} cm³</b> (pH {curve.ph_at_equivalence:.2f}) · "
            f"half-equivalence pH {curve.ph_at_half_equivalence:.2f} · suitable indicators: {indicators}"
        )

    @property
    def curve(self):
        """The current :class:`~stemcpd.chemistry.titration.model.TitrationCurve`."""
        return self.result


APP = TitrationApp
show = APP.show  # show(**initial) builds, displays and returns the app
