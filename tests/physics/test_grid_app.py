"""The National Grid app built headless: controls, presets, readout, and a view whose
artists sit where the model says."""

import numpy as np
import pytest

from stemcpd.physics.grid import GridParams
from stemcpd.physics.grid.app import CONTROLS, GridApp


def test_grid_app_defaults_readout_and_bars():
    app = GridApp()
    assert list(app.sliders) == [control.name for control in CONTROLS]
    assert app.params == GridParams(20.0, 400.0, 5.0)
    assert "I = P/V = 50.00 A" in app.readout.value and "I²R = 12.5 kW" in app.readout.value
    view = app.view
    assert view.supplied_bar.get_width() == pytest.approx(20.0)
    assert view.delivered_bar.get_width() + view.lost_bar.get_width() == pytest.approx(20.0)
    assert view.lost_bar.get_width() == pytest.approx(0.0125)


def test_generator_preset_quarters_nothing_but_loses_sixteen_percent():
    app = GridApp(pd_kv=25.0)
    assert "I = P/V = 800.0 A" in app.readout.value and "(16.0%)" in app.readout.value
    assert app.view.lost_bar.get_width() == pytest.approx(3.2)


def test_current_arrows_reverse_with_the_ac():
    app = GridApp()
    run, view = app.result, app.view
    view.show_time(run, 0.005)  # a quarter cycle: current at its positive peak
    assert len(view.forward_arrows.get_xdata()) == 4 and len(view.backward_arrows.get_xdata()) == 0
    assert "now 70.7 A →" in view.current_text.get_text()
    view.show_time(run, 0.015)
    assert len(view.backward_arrows.get_xdata()) == 4 and len(view.forward_arrows.get_xdata()) == 0
    view.show_time(run, 0.0)
    assert "now 0 A" in view.current_text.get_text()
    assert len(view.forward_arrows.get_xdata()) == len(view.backward_arrows.get_xdata()) == 0
    assert view.pd_marker.get_xdata()[0] == pytest.approx(0.0)


def _full_draws_in_sweep(app, control, count=20):
    """How many of ``count`` slider settings across ``control``'s range drew the whole figure."""
    slider = app.sliders[control.name]
    before = app.view.renderer.full_draws
    for value in np.linspace(control.minimum, control.maximum, count):
        value = control.minimum + round((value - control.minimum) / control.step) * control.step
        slider.value = int(round(value)) if getattr(control, "integer", False) else float(value)
    return app.view.renderer.full_draws - before


@pytest.mark.parametrize("control", CONTROLS, ids=lambda control: control.name)
def test_sweeping_a_control_draws_the_whole_figure_rarely(control):
    """Axis limits sit on ladders of round values and choices are named in the static
    key, so sweeping a slider across its range redraws the whole figure only a few times."""
    assert _full_draws_in_sweep(GridApp(), control) <= 6
