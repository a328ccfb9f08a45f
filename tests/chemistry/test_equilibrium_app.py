"""The equilibrium view and app, built headless (no notebook, no browser)."""

import io

import numpy as np
import pytest
from PIL import Image

from stemcpd.chemistry.equilibrium import EquilibriumParams, simulate
from stemcpd.chemistry.equilibrium.app import CONTROLS, EquilibriumApp
from stemcpd.chemistry.equilibrium.view import EquilibriumView
from stemcpd.ui.figures import figure_to_png


def pixels(png: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB"), dtype=int)


def test_view_bars_show_initial_and_equilibrium_and_blitting_matches_full_redraw():
    view = EquilibriumView()
    view.update(simulate())
    view.render_png()
    result = simulate(EquilibriumParams(initial_hydrogen_iodide_mol_dm3=0.4, pressure_atm=100))
    view.update(result)
    heights = [bar.get_height() for bar in view.equilibrium_bars.patches]
    np.testing.assert_allclose(heights, result.equilibrium_mol_dm3)
    assert [bar.get_height() for bar in view.initial_bars.patches] == [0.5, 0.5, 0.4]
    assert view.initial_bars.patches[0].get_hatch() != view.equilibrium_bars.patches[0].get_hatch()
    assert view.bar_labels[5].get_text() == f"{result.equilibrium_mol_dm3[2]:.3f}"
    x, y = view.point_marker.get_data()
    assert (x[0], y[0]) == (450.0, pytest.approx(result.ammonia_percent))
    blitted = pixels(view.render_png())
    view.figure.set_layout_engine("none")
    for artist in view.moving_artists:
        artist.set_animated(False)
    full = pixels(figure_to_png(view.figure))
    assert blitted.shape == full.shape == (440, 1000, 3)
    assert np.mean(np.abs(blitted - full)) < 0.5


def test_concentration_axis_moves_in_steps():
    view = EquilibriumView()
    view.update(simulate(EquilibriumParams(initial_hydrogen_mol_dm3=0.50)))
    first = view.bar_axes.get_ylim()
    view.update(simulate(EquilibriumParams(initial_hydrogen_mol_dm3=0.55)))
    assert view.bar_axes.get_ylim() == first
    view.update(simulate(EquilibriumParams(initial_hydrogen_mol_dm3=2.0)))
    assert view.bar_axes.get_ylim()[1] > 2.0


def test_app_builds_with_kc_on_a_log_scale():
    app = EquilibriumApp()
    assert list(app.sliders) == [control.name for control in CONTROLS]
    assert app.params == EquilibriumParams()
    assert "[HI] <b>0.787</b>" in app.readout.value
    app.sliders["log10_kc"].value = 3.0
    assert app.result.params.kc == pytest.approx(1000)
    assert "Kc = 1000:" in app.readout.value


def test_moving_pressure_changes_yield_figure_and_description():
    app = EquilibriumApp()
    before = (bytes(app.image.value), app.readout.value, app.description.value)
    app.sliders["pressure_atm"].value = 1000
    after = (bytes(app.image.value), app.readout.value, app.description.value)
    assert all(a != b for a, b in zip(before, after))
    assert app.result.ammonia_percent > 40
    assert f"{app.result.ammonia_percent:.1f}% NH₃" in app.readout.value


def test_raising_temperature_lowers_the_yield_in_the_app():
    app = EquilibriumApp(temperature_c=350)
    cool = app.result.ammonia_percent
    app.sliders["temperature_c"].value = 550
    assert app.result.ammonia_percent < cool


def test_pressure_presets():
    app = EquilibriumApp()
    app.preset_buttons["pressure_atm"].value = 1.0
    assert app.sliders["pressure_atm"].value == 1
    assert app.result.ammonia_percent < 1
    app.sliders["pressure_atm"].value = 350
    assert app.preset_buttons["pressure_atm"].value is None


def test_static_html_and_table():
    app = EquilibriumApp()
    html = app._repr_mimebundle_()["text/html"]
    assert html.startswith("<figure") and 'class="stemcpd-player-description">H2 + I2 ⇌ 2HI with Kc = 54.3' in html
    table = app.to_table()
    assert len(table) == 3 and "ICE table" in table.title


def test_readout_words_are_background_and_temperature_sweep_pastes_backgrounds():
    from stemcpd.chemistry.equilibrium.app import EquilibriumApp

    app = EquilibriumApp()
    view = app.view
    assert view.ice_words not in view.renderer.moving_artists
    assert view.haber_words not in view.renderer.moving_artists
    drawn = view.renderer.full_draws
    for temperature in (300, 350, 400, 500, 600):
        app.sliders["temperature_c"].value = temperature
    assert view.renderer.full_draws == drawn
    assert view.haber_text.get_text().startswith("600 °C")
