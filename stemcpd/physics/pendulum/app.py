"""Interactive pendulum: sliders (declared as data) drive the model and the view.

This is the only pendulum module that sees both the model and the view. A slider change
runs :func:`~stemcpd.physics.pendulum.model.simulate`, moves the view's artists, renders
a PNG frame into an ``ipywidgets.Image``, and rewrites the period readout and the
text description (an ARIA live region, so screen readers announce it).
"""

from __future__ import annotations

import html

from stemcpd.physics.pendulum.model import (
    GRAVITY_PRESETS_M_S2,
    PendulumParams,
    describe,
    simulate,
    small_angle_period,
)
from stemcpd.physics.pendulum.view import PendulumView
from stemcpd.ui.controls import Control, build_controls, build_presets, control_values
from stemcpd.ui.figures import png_to_html
from stemcpd.ui.scales import ladder_ceiling
from stemcpd.ui.static import mimebundle_with_static_fallback

CONTROLS = (
    Control("length_m", "Length", 0.10, 3.00, 0.01, 1.00, "m",
            help="Distance from the pivot to the centre of the bob."),
    Control("amplitude_deg", "Release angle", 1, 170, 1, 10, "°",
            help="How far from the vertical the bob is released, from rest."),
    Control("mass_kg", "Mass of bob", 0.01, 2.00, 0.01, 0.10, "kg",
            help="Changes the energies, not the swing."),
    Control("g_m_s2", "Gravitational field strength", 0.5, 30.0, 0.01, 9.81, "N/kg",
            help="9.81 N/kg on Earth; try the Moon or Jupiter."),
    Control("damping_per_s", "Damping", 0.0, 1.0, 0.01, 0.0, "s⁻¹",
            help="0 means no air resistance or friction at the pivot."),
)

DURATION_LADDER_S = (5.0, 10.0, 20.0, 30.0, 60.0)


def display_duration(params: PendulumParams) -> float:
    """How many seconds to show: at least three small-angle periods, in round steps."""
    return ladder_ceiling(3.0 * small_angle_period(params.length_m, params.g_m_s2), DURATION_LADDER_S)


class PendulumApp:
    """The pendulum simulation as a notebook / Voilà app.

    Args:
        width_px: figure width in pixels.
        height_px: figure height in pixels.
        **initial: starting values for any control, e.g. ``length_m=0.5``.

    Attributes:
        sliders: dict of control name to slider.
        widget: the whole app, ready to display.
        run: the most recent :class:`~stemcpd.physics.pendulum.model.PendulumRun`.
    """

    def __init__(self, width_px: int = 900, height_px: int = 400, **initial):
        import ipywidgets as widgets

        unknown = set(initial) - {control.name for control in CONTROLS}
        if unknown:
            raise ValueError(f"unknown pendulum control(s) {sorted(unknown)}; "
                             f"choose from {[c.name for c in CONTROLS]}")
        self.view = PendulumView(width_px, height_px)
        self._holding = True  # no redraws until every widget exists
        self.sliders = build_controls(CONTROLS, on_change=self._on_change)
        for name, value in initial.items():
            self.sliders[name].value = value
        self.gravity_presets = build_presets(
            "Gravity on", GRAVITY_PRESETS_M_S2, self.sliders["g_m_s2"],
            help="Set g to its value on a planet or moon.",
        )
        self.image = widgets.Image(format="png", layout=widgets.Layout(max_width="100%", height="auto"))
        self.image.add_class("stemcpd-figure")
        self.readout = widgets.HTML()
        self.readout.add_class("stemcpd-readout")
        self.description = widgets.HTML()
        self.description.add_class("stemcpd-description")
        self.widget = widgets.VBox(
            [*self.sliders.values(), self.gravity_presets, self.readout, self.image, self.description],
            layout=widgets.Layout(max_width=f"{width_px + 40}px"),
        )
        self.widget.add_class("stemcpd-app")
        self.widget.add_class("stemcpd-app-pendulum")
        self._holding = False
        self.refresh()

    @property
    def params(self) -> PendulumParams:
        """The parameters the sliders show now."""
        return PendulumParams(**control_values(self.sliders))

    def set(self, **values) -> None:
        """Move several controls at once and redraw once, e.g. ``app.set(length_m=2)``."""
        self._holding = True
        try:
            for name, value in values.items():
                if name not in self.sliders:
                    raise ValueError(f"unknown pendulum control {name!r}; choose from {list(self.sliders)}")
                self.sliders[name].value = value
        finally:
            self._holding = False
        self.refresh()

    def _on_change(self, _values) -> None:
        if not self._holding:
            self.refresh()

    def refresh(self) -> None:
        """Recompute the model for the current controls and redraw."""
        params = self.params
        self.run = simulate(params, duration_s=display_duration(params))
        self.view.update(self.run)
        self.image.value = self.view.render_png()
        longer = (self.run.period_s / self.run.small_angle_period_s - 1.0) * 100.0
        self.readout.value = (
            '<div class="stemcpd-readout-text" style="font-size:1.25em">'
            f"Period <b>T = {self.run.period_s:.3f} s</b> · small-angle formula "
            f"2π√(L/g) = {self.run.small_angle_period_s:.3f} s · "
            f"real period {longer:.2f}% longer</div>"
        )
        self.description.value = (
            '<div role="status" aria-live="polite" class="stemcpd-live">'
            f"{html.escape(describe(self.run))}</div>"
        )

    def static_html(self) -> str:
        """The current frame and description as plain HTML (for the static book)."""
        return png_to_html(self.image.value, describe(self.run)) + (
            f"<p>{html.escape(describe(self.run))}</p>"
        )

    def _repr_mimebundle_(self, **kwargs):
        return mimebundle_with_static_fallback(self.widget, self.static_html(), describe(self.run), **kwargs)


def show(**initial) -> PendulumApp:
    """Build the pendulum app, display it, and return it."""
    from IPython.display import display

    app = PendulumApp(**initial)
    display(app)
    return app
