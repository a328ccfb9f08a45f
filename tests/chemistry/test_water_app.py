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
        if control.kind == "choice":
            assert len(control.options) <= 10
            continue
        assert round((control.maximum - control.minimum) / control.step) + 1 <= 10
    app.set(distilled_percent=90)
    assert "crystallised" in app.description.value


def test_the_sample_is_a_choice_of_named_waters():
    import ipywidgets as widgets

    app = WaterApp()
    assert app.params == WaterParams() and app.params.source == "seawater"
    buttons = app.sliders["source"]
    assert isinstance(buttons, widgets.ToggleButtons) and buttons.description == "Water sample"
    assert buttons.label == "Seawater"
    assert not app.preset_buttons  # every option is in sight: no numbered presets row
    buttons.value = "hard tap water"
    assert app.params.source == "hard tap water" and "hard tap water" in app.description.value
    app.set(source="still mineral water")
    assert buttons.label == "Mineral water" and app.result.params.data.dissolved_solids_g_dm3 == 0.50


def test_sweeping_the_share_distilled_never_redraws_the_background():
    app = WaterApp()
    app.set(distilled_percent=0)
    before = app.view.renderer.full_draws
    for percent in range(10, 100, 10):
        app.set(distilled_percent=percent)
    assert app.view.renderer.full_draws == before
    # The sample's bar and text are background: a new volume names a new one.
    key = app.view.renderer.static_key
    app.set(sample_volume_cm3=200)
    assert app.view.renderer.static_key != key
