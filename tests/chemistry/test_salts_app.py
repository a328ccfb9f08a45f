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
    run = prepare(SaltParams(preparation=1, base_mass_g=1.5, water_boiled_off_percent=90))
    view.update(run)
    assert view.missing_base_bar.get_width() == pytest.approx(run.base_needed_g - 1.5)
    assert view.salt_bars[3].get_width() > 0 and "acid left" in view.verdict_text.get_text()
    assert 85 < view.dryness_region.get_x() < 100


def test_app_controls_are_few_and_coarse():
    app = SaltsApp()
    assert list(app.sliders) == [c.name for c in CONTROLS] and len(CONTROLS) <= 4
    for control in CONTROLS:
        assert round((control.maximum - control.minimum) / control.step) + 1 <= 10
    app.set(base_mass_g=1.0)
    assert "not in excess" in app.readout.value
