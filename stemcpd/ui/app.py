"""The shared shape of every simulation app: controls (data) → model → view → frame.

A simulation's ``app.py`` subclasses :class:`SimulationApp` and declares, as data, its
``controls`` (and optional ``presets``), its ``view_class`` and ``params_class``, and the
model functions it calls (``compute_function``, ``describe_function``,
``table_function``); it writes one method itself, ``readout_html``. Any of the other
hooks (``make_view``, ``make_params``, ``compute``, ``describe``, ``to_table``,
``duration_s``) can be overridden where a simulation needs more than the default. The base class builds
the widgets, wires every control, renders PNG frames into an ``ipywidgets.Image``,
keeps a text description in an ARIA live region, and — where time runs
(``playback_frames > 0``) — adds play / pause / step / reset controls that move the
view through the computed run without recomputing it.
"""

from __future__ import annotations

from dataclasses import dataclass
import html

from stemcpd.ui.a11y import a11y_helper
from stemcpd.ui.controls import build_controls, build_presets, control_values
from stemcpd.ui.static import mimebundle_with_static_fallback, player_placeholder_html


def format_time(time_s: float, duration_s: float) -> str:
    """``time_s`` in the unit that suits a run of ``duration_s`` (e.g. "2.50 ms")."""
    for unit, scale in (("s", 1.0), ("ms", 1e-3), ("µs", 1e-6), ("ns", 1e-9)):
        if duration_s >= scale:
            return f"{time_s / scale:.2f} {unit}"
    return f"{time_s / 1e-12:.2f} ps"


@dataclass(frozen=True)
class Presets:
    """Named values for one control, shown as buttons (e.g. gravity on Earth / Moon).

    Attributes:
        control: name of the control the buttons set.
        label: what the group is called.
        values: button text → value, in the control's unit.
        help: tooltip for the group.
    """

    control: str
    label: str
    values: dict
    help: str = ""


class SimulationApp:
    """Base class of the simulation apps (see the module docstring for the hooks).

    Args:
        width_px: figure width in pixels (default: the app's ``default_size_px``).
        height_px: figure height in pixels.
        **initial: starting values for any control, e.g. ``length_m=0.5``.

    Attributes:
        sliders: control name → its widget (a slider, or for a
            :class:`~stemcpd.ui.controls.Choice` toggle buttons, a drop-down or a checkbox).
        preset_buttons: control name → preset buttons.
        image: the ``ipywidgets.Image`` showing the current frame.
        playback_box: play / step / reset / time (None when time does not run).
        readout: live numbers (HTML).
        description: the ``describe()`` sentence inside an ARIA live region (HTML).
        widget: the whole app, ready to display.
        result: the most recent model result.
    """

    name = "simulation"  # used in CSS classes: stemcpd-app-<name>
    title = "Simulation"  # heading shown above the app
    summary = ""  # one line for `stemcpd app --list`
    controls: tuple = ()
    presets: tuple = ()
    playback_frames = 0  # > 0: play/pause/step/reset over the run, in this many frames
    default_size_px = (900, 400)  # figure width, height
    results_kept = 16  # recent model results kept, so revisited settings redraw at once

    # Declared by each simulation (functions wrapped in staticmethod):
    view_class = None  # view_class(width_px, height_px) -> the view
    params_class = None  # params_class(**control_values) -> frozen, validated params
    compute_function = None  # compute_function(params) -> result
    describe_function = None  # describe_function(result) -> str
    table_function = None  # table_function(result) -> Table

    # ----- hooks (defaults use the declarations above) ---------------------------
    def make_view(self, width_px: int, height_px: int):
        """Create the view (an object with ``update(result)`` and ``render_png()``)."""
        return self.view_class(width_px, height_px)

    def make_params(self, values: dict):
        """Turn control values into the model's frozen params (which validate)."""
        return self.params_class(**values)

    def compute(self, params):
        """Run the model."""
        return self.compute_function(params)

    def describe(self, result) -> str:
        """A sentence a screen reader can speak about ``result``."""
        return self.describe_function(result)

    def to_table(self):
        """The current result as a :class:`~stemcpd.table.Table` (CSV-ready)."""
        return self.table_function(self.result)

    def readout_html(self, result) -> str:
        """The live numbers above the figure, as inner HTML."""
        raise NotImplementedError

    def duration_s(self, result) -> float:
        """How long the run lasts in seconds, for playback (default: the last of
        ``result.times_s``)."""
        return float(result.times_s[-1])

    def playback_readout_html(self, result, time_s: float) -> str:
        """What the playback line shows beside the controls: by default the time, in a
        unit that suits the run (s, ms, µs, ns or ps). Override to add values at that
        moment."""
        return f"t = {format_time(time_s, self.duration_s(result))}"

    # ----- shared machinery ---------------------------------------------------------
    def __init__(self, width_px: int | None = None, height_px: int | None = None, **initial):
        import ipywidgets as widgets

        width_px = width_px or self.default_size_px[0]
        height_px = height_px or self.default_size_px[1]
        names = [control.name for control in self.controls]
        unknown = sorted(set(initial) - set(names))
        if unknown:
            raise ValueError(f"unknown {self.name} control(s) {unknown}; choose from {names}")
        self._results = {}  # params → result, oldest first (see _compute_remembered)
        self._holding = True  # no redraws until every widget exists
        self.view = self.make_view(width_px, height_px)
        self.sliders = build_controls(self.controls, on_change=self._on_change)
        for name, value in initial.items():
            self.sliders[name].value = value
        self.preset_buttons = {
            preset.control: build_presets(preset.label, preset.values, self.sliders[preset.control], preset.help)
            for preset in self.presets
        }
        self.image = widgets.Image(format="png", layout=widgets.Layout(max_width="100%", height="auto"))
        self.image.add_class("stemcpd-figure")
        self.readout = widgets.HTML()
        self.readout.add_class("stemcpd-readout")
        self.description = widgets.HTML()
        self.description.add_class("stemcpd-description")
        children = [*self.sliders.values(), *self.preset_buttons.values()]
        # The parts, kept so a different layout (the classroom's) can arrange them.
        self.playback_box = self._build_playback(widgets) if self.playback_frames else None
        if self.playback_box is not None:
            children.append(self.playback_box)
        self.a11y = a11y_helper()
        children += [self.readout, self.image, self.description, self.a11y]
        self.widget = widgets.VBox(children, layout=widgets.Layout(max_width=f"{width_px + 40}px"))
        self.widget.add_class("stemcpd-app")
        self.widget.add_class(f"stemcpd-app-{self.name}")
        self._holding = False
        self.refresh()

    def _build_playback(self, widgets):
        self.player = widgets.Play(
            value=0, min=0, max=self.playback_frames, step=1, interval=50,
            description="Play", show_repeat=False,
        )
        self.player.add_class("stemcpd-play")
        self.time_slider = widgets.IntSlider(
            value=0, min=0, max=self.playback_frames, description="Time", readout=False,
            continuous_update=True, style={"description_width": "initial"},
        )
        self.time_slider.add_class("stemcpd-time")
        widgets.jslink((self.player, "value"), (self.time_slider, "value"))
        # The player is the one source of truth: dragging the time slider moves the
        # player (in the browser through jslink, here through this observer), and only
        # a change of the player redraws, so each frame is drawn once.
        self.player.observe(self._frame_changed, names="value")
        self.time_slider.observe(self._time_slider_moved, names="value")
        self.step_button = widgets.Button(description="Step", tooltip="Move on one frame", icon="step-forward")
        self.reset_button = widgets.Button(description="Reset", tooltip="Back to the start", icon="undo")
        self.step_button.on_click(lambda _button: self.step())
        self.reset_button.on_click(lambda _button: self.reset())
        self.time_readout = widgets.HTML()
        return widgets.HBox([self.player, self.step_button, self.reset_button, self.time_slider, self.time_readout])

    @classmethod
    def show(cls, **initial):
        """Build the app, display it in the notebook, and return it (workbooks call
        ``show`` from a simulation's ``app`` module)."""
        from IPython.display import display

        app = cls(**initial)
        display(app)
        return app

    @property
    def params(self):
        """The model parameters the controls show now."""
        return self.make_params(control_values(self.sliders))

    @property
    def frame(self) -> int:
        """The playback frame shown (0 when the app has no playback)."""
        return self.player.value if self.playback_frames else 0

    @property
    def time_s(self) -> float:
        """The time the playback shows, s."""
        if not self.playback_frames:
            return 0.0
        return self.duration_s(self.result) * self.frame / self.playback_frames

    def set(self, **values) -> None:
        """Move several controls at once and redraw once."""
        self._holding = True
        try:
            for name, value in values.items():
                if name not in self.sliders:
                    raise ValueError(f"unknown {self.name} control {name!r}; choose from {list(self.sliders)}")
                self.sliders[name].value = value
        finally:
            self._holding = False
        self.refresh()

    def step(self) -> None:
        """Advance playback by one frame (stops at the end)."""
        self.player.value = min(self.player.value + 1, self.playback_frames)

    def reset(self) -> None:
        """Back to the first frame."""
        self.player.value = 0

    def _on_change(self, _values) -> None:
        if not self._holding:
            self.refresh()

    def _time_slider_moved(self, change) -> None:
        self.player.value = change["new"]

    def _frame_changed(self, _change) -> None:
        if not self._holding:
            if self.time_slider.value != self.player.value:
                self.time_slider.value = self.player.value
            self._draw()

    def _compute_remembered(self, params):
        """``compute(params)``, remembering the last :attr:`results_kept` results: a
        control dragged back over values it has shown, or a choice switched back (the
        catalyst off, then on again), redraws without re-running the model. Params are
        frozen dataclasses, so equal settings are equal keys; unhashable params are
        simply computed."""
        try:
            hash(params)
        except TypeError:
            return self.compute(params)
        key = params
        kept = self._results
        if key in kept:
            result = kept.pop(key)
        else:
            result = self.compute(params)
        kept[key] = result  # most recent last
        while len(kept) > self.results_kept:
            kept.pop(next(iter(kept)))
        return result

    def refresh(self) -> None:
        """Recompute the model for the current controls and redraw."""
        self.result = self._compute_remembered(self.params)
        self.view.update(self.result)
        self.readout.value = f'<div class="stemcpd-readout-text" style="font-size:1.25em">{self.readout_html(self.result)}</div>'
        self.description.value = (
            '<div role="status" aria-live="polite" class="stemcpd-live">'
            f"{html.escape(self.describe(self.result))}</div>"
        )
        self._draw()

    def _draw(self) -> None:
        if self.playback_frames:
            self.view.show_time(self.result, self.time_s)
            self.time_readout.value = (
                f"<span class='stemcpd-time-readout'>{self.playback_readout_html(self.result, self.time_s)}</span>"
            )
        self.image.value = self.view.render_png()

    def static_html(self) -> str:
        """The static book's stand-in: a placeholder the site's player fills in with
        every control and, where time runs, playback (see :mod:`stemcpd.ui.static`).
        Nothing is drawn here, so displaying the app costs no extra frames."""
        return player_placeholder_html(
            self.name, control_values(self.sliders), self.title, self.summary, self.describe(self.result)
        )

    def _repr_mimebundle_(self, **kwargs):
        return mimebundle_with_static_fallback(self.widget, self.static_html(), self.describe(self.result), **kwargs)
