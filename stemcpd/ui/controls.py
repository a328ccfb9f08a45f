"""Controls declared as data, and the one helper that turns them into ipywidgets.

A simulation lists its controls as :class:`Control` values (name, label, range, step,
unit). :func:`build_controls` makes a labelled, keyboard-operable slider for each, so
every app looks and behaves the same, and an app never hand-builds a widget.
"""

from __future__ import annotations

from dataclasses import dataclass
import math


@dataclass(frozen=True)
class Control:
    """One numeric control of a simulation.

    Attributes:
        name: the model parameter it sets, e.g. ``"length_m"``.
        label: what the learner reads, e.g. ``"Length"``.
        minimum: lowest value the control allows (in ``unit``).
        maximum: highest value the control allows (in ``unit``).
        step: slider step (in ``unit``).
        value: starting value (in ``unit``).
        unit: unit shown after the value, e.g. ``"m"``; empty for none.
        help: one sentence shown as a tooltip and read by screen readers.
        integer: whole numbers only (a count such as turns of wire or a seed); the
            slider then gives ``int`` values.
    """

    name: str
    label: str
    minimum: float
    maximum: float
    step: float
    value: float
    unit: str = ""
    help: str = ""
    integer: bool = False

    def __post_init__(self):
        if not self.minimum < self.maximum:
            raise ValueError(
                f"control {self.name!r}: minimum ({self.minimum}) must be below maximum ({self.maximum})"
            )
        if not self.minimum <= self.value <= self.maximum:
            raise ValueError(
                f"control {self.name!r}: value {self.value} must be in "
                f"[{self.minimum}, {self.maximum}]"
            )
        if not 0 < self.step <= self.maximum - self.minimum:
            raise ValueError(
                f"control {self.name!r}: step {self.step} must be in (0, {self.maximum - self.minimum}]"
            )
        if self.integer and not all(float(v).is_integer() for v in (self.minimum, self.maximum, self.step, self.value)):
            raise ValueError(f"control {self.name!r}: an integer control needs whole-number minimum, maximum, step and value")

    @property
    def decimals(self) -> int:
        """Decimal places the readout needs to show one step."""
        return max(0, -math.floor(math.log10(self.step) + 1e-9))

    def describe_range(self) -> str:
        """The allowed range in words, e.g. ``"0.1 to 3 m"``."""
        unit = f" {self.unit}" if self.unit else ""
        return f"{self.minimum:g} to {self.maximum:g}{unit}"


def build_controls(controls, on_change=None, continuous_update=True):
    """Build one labelled ipywidgets slider per :class:`Control`.

    Args:
        controls: iterable of :class:`Control`.
        on_change: optional callable ``on_change(values: dict)`` called with every
            control's current value after any of them moves.
        continuous_update: update while dragging (True) or only on release.

    Returns:
        dict mapping each control's ``name`` to its slider widget, in declaration order.
    """
    import ipywidgets as widgets

    sliders = {}
    for control in controls:
        unit = f" ({control.unit})" if control.unit else ""
        slider_class = widgets.IntSlider if control.integer else widgets.FloatSlider
        convert = int if control.integer else float
        slider = slider_class(
            value=convert(control.value),
            min=convert(control.minimum),
            max=convert(control.maximum),
            step=convert(control.step),
            description=f"{control.label}{unit}",
            description_allow_html=False,
            tooltip=control.help or None,
            readout=True,
            readout_format="d" if control.integer else f".{control.decimals}f",
            continuous_update=continuous_update,
            style={"description_width": "initial"},
            layout=widgets.Layout(width="100%", max_width="34em"),
        )
        slider.add_class("stemcpd-control")
        slider.add_class(f"stemcpd-control-{control.name}")
        sliders[control.name] = slider

    if on_change is not None:

        def _changed(_change):
            on_change(control_values(sliders))

        for slider in sliders.values():
            slider.observe(_changed, names="value")
    return sliders


def control_values(sliders) -> dict:
    """Current value of every slider, keyed by the control's name."""
    return {name: slider.value for name, slider in sliders.items()}


def build_presets(label: str, presets: dict, slider, help: str = ""):
    """Buttons that set ``slider`` to a named value, e.g. gravity on Earth / Moon.

    Args:
        label: what the group of buttons is called, e.g. ``"Gravity"``.
        presets: mapping of button text to slider value.
        slider: the slider the buttons set.
        help: tooltip for the group.

    Returns:
        An ``ipywidgets.ToggleButtons`` that follows the slider: it shows the matching
        preset, or none when the slider is moved elsewhere.
    """
    import ipywidgets as widgets

    options = [(name, float(value)) for name, value in presets.items()]
    buttons = widgets.ToggleButtons(
        options=options,
        value=slider.value if slider.value in dict(options).values() else None,
        description=label,
        tooltips=[f"{name}: {value:g}" for name, value in options],
        style={"description_width": "initial", "button_width": "auto"},
    )
    if help:
        buttons.tooltip = help
    buttons.add_class("stemcpd-presets")

    def _preset_chosen(change):
        if change["new"] is not None and slider.value != change["new"]:
            slider.value = change["new"]

    def _slider_moved(change):
        matching = change["new"] if change["new"] in dict(options).values() else None
        if buttons.value != matching:
            buttons.value = matching

    buttons.observe(_preset_chosen, names="value")
    slider.observe(_slider_moved, names="value")
    return buttons
