"""The salt-preparation view and app, built headless."""

import pytest

from stemcpd.chemistry.salts import SaltParams, prepare
from stemcpd.chemistry.salts.app import CONTROLS, SaltsApp
from stemcpd.chemistry.salts.view import SaltView


def test_view_splits_the_salt_and_the_base():
    view = SaltView()
    run = prepare(SaltParams(base_mass_g=2.5))
    view.update(run)
    widths = [bar.get_width() for bar in view.salt_bars]
    assert sum(widths) == pytest.approx(run.theoretical_crystals_g)
    assert widths[0] == pytest.approx(run.crystals_g) and widths[3] == 0
    assert view.base_bars[1].get_width() == pytest.approx(run.excess_base_g)
    assert view.missing_base_bar.get_width() == 0
    assert view.bar_axes.get_yticklabels()[1].get_text() == "CuSO₄·5H₂O"


def test_view_shows_missing_base_and_dryness():
    view = SaltView()
    run = prepare(SaltParams(preparation="copper(II) carbonate", base_mass_g=1.5, water_boiled_off_percent=90))
    view.update(run)
    assert view.missing_base_bar.get_width() == pytest.approx(run.base_needed_g - 1.5)
    assert view.salt_bars[3].get_width() > 0 and "acid left" in view.verdict_text.get_text()
    assert 85 < view.dryness_region.get_x() < 100


def test_app_controls_are_few_and_coarse():
    app = SaltsApp()
    assert list(app.sliders) == [c.name for c in CONTROLS] and len(CONTROLS) <= 4
    for control in CONTROLS:
        if control.kind == "choice":
            assert len(control.options) <= 10
            continue
        assert round((control.maximum - control.minimum) / control.step) + 1 <= 10
    app.set(base_mass_g=1.0)
    assert "not in excess" in app.readout.value


def test_the_salt_is_a_choice_of_named_bases():
    import ipywidgets as widgets

    app = SaltsApp()
    assert app.params == SaltParams() and app.params.preparation == "copper(II) oxide"
    buttons = app.sliders["preparation"]
    assert isinstance(buttons, widgets.ToggleButtons) and buttons.description == "Salt"
    assert list(buttons.options) == [("CuO + H₂SO₄", "copper(II) oxide"),
                                     ("CuCO₃ + H₂SO₄", "copper(II) carbonate"), ("ZnO + H₂SO₄", "zinc oxide")]
    assert not app.preset_buttons  # every option is in sight: no numbered presets row
    buttons.value = "zinc oxide"
    assert app.params.preparation == "zinc oxide" and app.result.params.data.salt == "ZnSO4"
    assert "zinc oxide" in app.description.value
    assert app.view.bar_axes.get_yticklabels()[1].get_text() == "ZnSO₄·7H₂O"
    app.set(preparation="copper(II) carbonate")
    assert buttons.value == "copper(II) carbonate" and buttons.label == "CuCO₃ + H₂SO₄"


def test_switching_preparation_back_reuses_its_background():
    app = SaltsApp()
    options = [value for value, _label in CONTROLS[0].options]
    for option in options:
        app.set(preparation=option)
    before = app.view.renderer.full_draws
    for option in reversed(options):
        app.set(preparation=option)
        assert app.view.renderer.static_key == option  # the labels that name it are background
    assert app.view.renderer.full_draws == before
