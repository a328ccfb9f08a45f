"""Choice controls as data (validated, named values only, the right widget for each), and
the constrained-layout cache that makes a redraw after an axis change cheaper."""

import numpy as np
import pytest

from stemcpd.ui.controls import Choice, Control, build_controls, control_values
from stemcpd.ui.figures import FrameRenderer, new_figure


def test_choice_validates_named_options():
    with pytest.raises(ValueError, match="never a number standing for a choice"):
        Choice("solvent", "Solvent", ((0, "water"), (1, "ethanol")), 0)
    with pytest.raises(ValueError, match="must be one of"):
        Choice("solvent", "Solvent", (("water", "water"), ("ethanol", "ethanol")), "propanone")
    with pytest.raises(ValueError, match="at least two"):
        Choice("solvent", "Solvent", (("water", "water"),), "water")
    with pytest.raises(ValueError, match="widget"):
        Choice("solvent", "Solvent", (("water", "water"), ("ethanol", "ethanol")), "water", widget="slider")
    with pytest.raises(ValueError, match="checkbox needs"):
        Choice("solvent", "Solvent", (("water", "water"), ("ethanol", "ethanol")), "water", widget="checkbox")
    solvent = Choice("solvent", "Solvent", (("water", "Water"), ("ethanol", "Ethanol")), "water")
    assert solvent.values == ["water", "ethanol"] and solvent.text("ethanol") == "Ethanol"
    assert solvent.describe_range() == "Water or Ethanol" and solvent.kind == "choice"
    with pytest.raises(KeyError, match="no option"):
        solvent.text("propanone")
    switch = Choice.switch("catalyst", "Catalyst", help="halves Ea")
    assert switch.options == ((False, "off"), (True, "on")) and switch.widget == "checkbox" and switch.value is False
    assert Control("x", "X", 0, 1, 0.1, 0.5).kind == "slider"


def test_build_controls_makes_buttons_dropdown_and_checkbox_that_report_names():
    import ipywidgets as widgets

    controls = (
        Control("mass_kg", "Mass", 0.1, 1, 0.1, 0.5, "kg"),
        Choice("solvent", "Solvent", (("water", "Water"), ("ethanol", "Ethanol")), "water", help="Rf depends on it"),
        Choice("cell", "Cell", (("a", "Cell A"), ("b", "Cell B"), ("c", "Cell C")), "b", widget="dropdown"),
        Choice.switch("catalyst", "Catalyst"),
    )
    seen = []
    made = build_controls(controls, on_change=seen.append)
    assert isinstance(made["solvent"], widgets.ToggleButtons) and made["solvent"].description == "Solvent"
    assert made["solvent"].tooltip == "Rf depends on it" and made["solvent"].label == "Water"
    assert isinstance(made["cell"], widgets.Dropdown) and made["cell"].label == "Cell B"
    assert isinstance(made["catalyst"], widgets.Checkbox) and made["catalyst"].description == "Catalyst"
    for name in ("solvent", "cell", "catalyst"):
        assert {"stemcpd-control", f"stemcpd-control-{name}", "stemcpd-choice"} <= set(made[name]._dom_classes)
    made["solvent"].value = "ethanol"
    made["catalyst"].value = True
    assert seen[-1] == {"mass_kg": 0.5, "solvent": "ethanol", "cell": "b", "catalyst": True}
    assert control_values(made)["cell"] == "b"


def _two_panel_figure():
    figure, (left, right) = new_figure(900, 400, ncols=2)
    left.set_xlabel("time / s")
    left.set_ylabel("angle / °")
    right.set_title("energy")
    (line,) = left.plot([0, 1], [0, 1])
    return figure, left, right, FrameRenderer(figure, [line])


def test_layout_cache_reuses_the_layout_when_only_digits_change_and_matches_the_engine():
    figure, left, right, renderer = _two_panel_figure()
    cache = renderer.layout_cache
    left.set_ylim(0, 60)
    renderer.render_rgba()
    left.set_ylim(0, 80)  # tick labels 0 10 … 80 against 0 10 … 60: the same shapes
    renderer.render_rgba()
    assert cache.hits == 1 and len(cache.positions) == 1
    cached = [axes.get_position().bounds for axes in figure.axes]
    left.set_ylim(0, 5000)  # wider labels: a new layout
    renderer.render_rgba()
    assert cache.hits == 1 and len(cache.positions) == 2
    # The reused layout is the engine's own, to within a pixel.
    from matplotlib.layout_engine import ConstrainedLayoutEngine

    left.set_ylim(0, 80)
    figure.set_layout_engine(ConstrainedLayoutEngine())
    figure.canvas.draw()
    fresh = [axes.get_position().bounds for axes in figure.axes]
    assert np.max(np.abs(np.array(fresh) - np.array(cached)) * 900) < 1.5


def test_layout_cache_follows_titles_and_labels():
    figure, left, right, renderer = _two_panel_figure()
    renderer.render_rgba()
    right.set_title("energy stores over the swing")
    renderer.invalidate()
    renderer.render_rgba()
    assert renderer.layout_cache.hits == 0 and len(renderer.layout_cache.positions) == 2
