"""Controls declared as data, and the one helper that turns them into ipywidgets.

A simulation lists its controls as data: :class:`Control` for a number on a range (name,
label, range, step, unit) and :class:`Choice` for picking one of a few named options (a
solvent, a reaction, a catalyst on or off). :func:`build_controls` makes a labelled,
keyboard-operable widget for each — a slider for a :class:`Control`; toggle buttons, a
drop-down or a checkbox for a :class:`Choice` — so every app looks and behaves the same,
and an app never hand-builds a widget.

Why a separate :class:`Choice` rather than an integer slider: a slider numbered 0, 1, 2
hides the options' names from the learner ("Solvent (0 water, 1 ethanol)") and leaks the
numbering into the model's parameters. A choice carries the names, and the model takes
the named value (a string, or ``True``/``False`` for on/off) directly.
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

    kind = "slider"  # what build_controls and the site's player make of it

    @property
    def decimals(self) -> int:
        """Decimal places the readout needs to show one step."""
        return max(0, -math.floor(math.log10(self.step) + 1e-9))

    def describe_range(self) -> str:
        """The allowed range in words, e.g. ``"0.1 to 3 m"``."""
        unit = f" {self.unit}" if self.unit else ""
        return f"{self.minimum:g} to {self.maximum:g}{unit}"


CHOICE_WIDGETS = ("buttons", "dropdown", "checkbox")


@dataclass(frozen=True)
class Choice:
    """One control that picks between a few named options.

    Attributes:
        name: the model parameter it sets, e.g. ``"solvent"``.
        label: what the learner reads, e.g. ``"Solvent"``.
        options: ``((value, text), ...)``: the value the model takes (a string, or
            ``False``/``True`` for on/off) and the words on the widget.
        value: the starting value (one of the options' values).
        help: one sentence shown as a tooltip and read by screen readers.
        widget: ``"buttons"`` (toggle buttons: every option in sight; the default),
            ``"dropdown"`` (many options) or ``"checkbox"`` (on/off: options
            ``((False, ...), (True, ...))``; see :meth:`switch`).
    """

    name: str
    label: str
    options: tuple
    value: object
    help: str = ""
    widget: str = "buttons"

    kind = "choice"
    unit = ""  # so code that lists controls generically can treat both alike
    integer = False

    def __post_init__(self):
        options = tuple((value, str(text)) for value, text in self.options)
        object.__setattr__(self, "options", options)
        values = [value for value, _ in options]
        if len(options) < 2:
            raise ValueError(f"choice {self.name!r}: needs at least two options, got {len(options)}")
        if len(set(map(repr, values))) != len(values):
            raise ValueError(f"choice {self.name!r}: option values must differ, got {values}")
        for value in values:
            if not isinstance(value, (str, bool)):
                raise ValueError(
                    f"choice {self.name!r}: option value {value!r} must be a name (str) or True/False, "
                    "never a number standing for a choice"
                )
        if self.value not in values:
            raise ValueError(f"choice {self.name!r}: value {self.value!r} must be one of {values}")
        if self.widget not in CHOICE_WIDGETS:
            raise ValueError(f"choice {self.name!r}: widget {self.widget!r} must be one of {CHOICE_WIDGETS}")
        if self.widget == "checkbox" and sorted(values) != [False, True]:
            raise ValueError(f"choice {self.name!r}: a checkbox needs the options False and True")

    @classmethod
    def switch(cls, name: str, label: str, value: bool = False, help: str = "", off: str = "off", on: str = "on"):
        """An on/off control shown as a checkbox; the model gets ``True`` or ``False``."""
        return cls(name, label, ((False, off), (True, on)), bool(value), help, "checkbox")

    @property
    def values(self) -> list:
        """The options' values, in order."""
        return [value for value, _ in self.options]

    def text(self, value) -> str:
        """The words for ``value`` (``KeyError`` names the choice if it is not an option)."""
        for option, text in self.options:
            if option == value and type(option) is type(value):
                return text
        raise KeyError(f"choice {self.name!r} has no option {value!r}; choose from {self.values}")

    def describe_range(self) -> str:
        """The options in words, e.g. ``"water or ethanol"``."""
        texts = [text for _, text in self.options]
        return ", ".join(texts[:-1]) + " or " + texts[-1]


def _choice_widget(choice: Choice):
    import ipywidgets as widgets

    options = [(text, value) for value, text in choice.options]
    common = dict(description=choice.label, description_allow_html=False, tooltip=choice.help or None,
                  style={"description_width": "initial"})
    if choice.widget == "checkbox":
        widget = widgets.Checkbox(value=bool(choice.value), indent=False, **common)
    elif choice.widget == "dropdown":
        widget = widgets.Dropdown(options=options, value=choice.value, **common,
                                  layout=widgets.Layout(width="auto", max_width="34em"))
    else:
        widget = widgets.ToggleButtons(
            options=options, value=choice.value,
            tooltips=[f"{choice.label}: {text}" for _, text in options], **{**common, "style": {
                "description_width": "initial", "button_width": "auto"}},
        )
    widget.add_class("stemcpd-choice")
    widget.add_class(f"stemcpd-choice-{choice.widget}")
    return widget


def build_controls(controls, on_change=None, continuous_update=True):
    """Build one labelled widget per control: a slider per :class:`Control`, toggle
    buttons, a drop-down or a checkbox per :class:`Choice`.

    Args:
        controls: iterable of :class:`Control` and :class:`Choice`.
        on_change: optional callable ``on_change(values: dict)`` called with every
            control's current value after any of them moves.
        continuous_update: update while dragging (True) or only on release.

    Returns:
        dict mapping each control's ``name`` to its widget, in declaration order.
    """
    import ipywidgets as widgets

    sliders = {}
    for control in controls:
        if control.kind == "choice":
            widget = _choice_widget(control)
            widget.add_class("stemcpd-control")
            widget.add_class(f"stemcpd-control-{control.name}")
            sliders[control.name] = widget
            continue
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
