"""The greenhouse view and app, built headless."""

import pytest

from stemcpd.chemistry.greenhouse import GreenhouseParams, balance
from stemcpd.chemistry.greenhouse.app import CONTROLS, GreenhouseApp
from stemcpd.chemistry.greenhouse.view import GreenhouseView


def test_bars_show_the_flows_and_marker_sits_on_the_curve():
    view = GreenhouseView()
    run = balance(GreenhouseParams(co2_ppm=280))
    view.update(run)
    assert view.flow_bars[0].get_width() == pytest.approx(1361 / 4)
    assert view.flow_bars[4].get_width() == pytest.approx(run.absorbed_solar_w_m2)
    assert view.marker.get_data()[1][0] == pytest.approx(288)


def test_app_controls_are_few_and_coarse():
    app = GreenhouseApp()
    assert len(CONTROLS) == 3
    gases, *sliders = CONTROLS
    assert gases.kind == "choice" and gases.widget == "checkbox" and gases.values == [False, True] and gases.value
    for control in sliders:
        assert round((control.maximum - control.minimum) / control.step) + 1 <= 10
    assert [preset.control for preset in app.presets] == ["co2_ppm"]  # no preset on the on/off choice
    app.set(greenhouse_gases=False)
    assert app.params.greenhouse_gases is False
    assert "254.6 K" in app.readout.value
