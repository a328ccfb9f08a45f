"""The distillation view and app, built headless."""

import pytest

from stemcpd.chemistry.water import WaterParams, distil
from stemcpd.chemistry.water.app import CONTROLS, WaterApp
from stemcpd.chemistry.water.view import WaterView


def test_before_and_after_bars_are_the_same_length():
    view = WaterView()
    run = distil(WaterParams(distilled_percent=60))
    view.update(run)
    before = view.before_water.get_width() + view.before_solids.get_width()
    after = view.after_distillate.get_width() + view.after_water.get_width() + view.after_solids.get_width()
    assert before == pytest.approx(after) == pytest.approx(run.sample_g)
    assert view.marker.get_data()[0][0] == 60


def test_app_controls_are_few_and_coarse():
    app = WaterApp()
    assert len(CONTROLS) <= 4
    for control in CONTROLS:
        assert round((control.maximum - control.minimum) / control.step) + 1 <= 10
    app.set(distilled_percent=90)
    assert "crystallised" in app.description.value
