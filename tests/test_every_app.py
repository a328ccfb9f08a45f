"""Every simulation app, found by stemcpd.simulations, built headless and exercised the
same way: each control moves the figure, readout and description; describe() and
to_table() work; the model package imports no plotting or widget library."""

import re
import subprocess
import sys

import pytest

from stemcpd import simulations
from stemcpd.table import Table

SIMULATIONS = sorted(simulations.available())


def test_the_pendulum_is_found():
    assert "pendulum" in SIMULATIONS
    with pytest.raises(ValueError, match="choose from .*pendulum"):
        simulations.get("perpetual-motion")


@pytest.mark.parametrize("name", SIMULATIONS)
def test_app_builds_and_every_control_redraws(name):
    app_class = simulations.get(name).load_app_class()
    assert app_class.summary and app_class.title and app_class.controls
    app = app_class()
    assert bytes(app.image.value[:4]) == b"\x89PNG"
    assert 'aria-live="polite"' in app.description.value
    for control in app_class.controls:
        widget = app.sliders[control.name]
        if control.kind == "choice":
            # Every option of a choice changes the figure and the words.
            for value in control.values:
                if value == widget.value:
                    continue
                before = (bytes(app.image.value), app.description.value)
                widget.value = value
                after = (bytes(app.image.value), app.description.value)
                assert after[0] != before[0], f"{name}: choosing {control.name}={value!r} did not change the figure"
                assert after[1] != before[1], f"{name}: choosing {control.name}={value!r} did not change the words"
                if hasattr(app.params, control.name):  # (the waves app maps its choice to two fields)
                    assert getattr(app.params, control.name) == value
            widget.value = control.value
            continue
        before = (bytes(app.image.value), app.description.value)
        target = control.maximum if widget.value != control.maximum else control.minimum
        widget.value = target
        after = (bytes(app.image.value), app.description.value)
        assert after[0] != before[0], f"{name}: moving {control.name} did not change the figure"
        widget.value = control.value
    table = app.to_table()
    assert isinstance(table, Table) and len(table) > 0
    assert table.to_csv().splitlines()[0]
    static = app._repr_mimebundle_()["text/html"]
    assert static.startswith(f'<figure class="stemcpd-player" data-stemcpd-sim="{name}"') and "base64" not in static


# A number standing for a named option: "(0 off, 1 on)", "0 = travelling wave",
# "1 water, 2 ethanol", "(see the buttons)", "Atom (0) or ion (1)", "0 shows the atom".
NUMBERED_CHOICE = re.compile(r"\b\d+\s*(=\s*)?(off|on)\b|\(\s*\d+\s*=|\b\d+ [a-z]+, \d+ [a-z]+|see the buttons|"
                             r"use the buttons|numbered as|\(\s*\d+\s*\)\s*or\b|\b\d+ shows\b", re.IGNORECASE)


@pytest.mark.parametrize("name", SIMULATIONS)
def test_no_control_encodes_a_choice_as_a_number(name):
    """Choices are Choice controls with named values; no slider label or help numbers
    the options of a choice, and every choice's values are names or True/False."""
    app_class = simulations.get(name).load_app_class()
    for control in app_class.controls:
        if control.kind == "choice":
            assert all(isinstance(value, (str, bool)) for value in control.values)
            continue
        for text in (control.label, control.help):
            assert not NUMBERED_CHOICE.search(text), f"{name}: {control.name} numbers a choice: {text!r}"


@pytest.mark.parametrize("name", SIMULATIONS)
def test_model_package_imports_no_plotting_or_widgets(name):
    package = simulations.get(name).app_module.rsplit(".", 1)[0]
    code = (
        f"import sys, {package}; "
        "bad = [m for m in ('matplotlib', 'ipywidgets') if m in sys.modules]; "
        "sys.exit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, f"{package} imports {result.stdout}{result.stderr}"
