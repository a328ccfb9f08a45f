"""The heating view and app, built headless (no notebook, no browser)."""

import io

import numpy as np
import pytest
from PIL import Image

from stemcpd.physics.heating import HeatingParams, simulate
from stemcpd.physics.heating.app import CONTROLS, HeatingApp
from stemcpd.physics.heating.view import HeatingView
from stemcpd.ui.figures import figure_to_png


def pixels(png: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB"), dtype=int)


def test_view_draws_the_run_and_blitted_frame_equals_full_redraw():
    view = HeatingView()
    view.update(simulate(HeatingParams()))
    view.render_png()
    run = simulate(HeatingParams(power_w=60))
    view.update(run)
    x, y = view.temperature_line.get_data()
    np.testing.assert_allclose(y, run.temperature_c)
    assert view.switch_off_line.get_xdata()[0] == 600
    low, high = view.temperature_axes.get_ylim()
    assert low < 20 < run.no_loss_temperature_c.max() < high
    blitted = pixels(view.render_png())
    view.figure.set_layout_engine("none")
    for artist in view.moving_artists:
        artist.set_animated(False)
    full = pixels(figure_to_png(view.figure))
    assert blitted.shape == full.shape == (420, 1000, 3)
    assert np.mean(np.abs(blitted - full)) < 0.5


def test_view_axis_limits_move_in_steps():
    view = HeatingView()
    view.update(simulate(HeatingParams(power_w=50)))
    first = (view.temperature_axes.get_ylim(), view.energy_axes.get_ylim())
    view.update(simulate(HeatingParams(power_w=52)))
    assert (view.temperature_axes.get_ylim(), view.energy_axes.get_ylim()) == first
    view.update(simulate(HeatingParams(power_w=150)))
    assert view.temperature_axes.get_ylim()[1] > first[0][1]


def test_app_controls_presets_and_readout():
    app = HeatingApp()
    assert list(app.sliders) == [control.name for control in CONTROLS]
    assert app.params == HeatingParams()
    before = (bytes(app.image.value), app.readout.value, app.description.value)
    app.sliders["heat_loss_w_per_k"].value = 0.8
    after = (bytes(app.image.value), app.readout.value, app.description.value)
    assert all(a != b for a, b in zip(before, after))
    assert f"{app.run.apparent_specific_heat_j_per_kg_k:.0f} J/(kg K)" in app.readout.value
    assert "vs true 900" in app.readout.value
    # Material presets set c; moving the slider away clears the preset.
    app.preset_buttons["specific_heat_j_per_kg_k"].value = 4180.0
    assert app.sliders["specific_heat_j_per_kg_k"].value == 4180
    assert app.run.params.specific_heat_j_per_kg_k == 4180
    app.sliders["specific_heat_j_per_kg_k"].value = 1000
    assert app.preset_buttons["specific_heat_j_per_kg_k"].value is None
    app.sliders["specific_heat_j_per_kg_k"].value = 385
    assert app.preset_buttons["specific_heat_j_per_kg_k"].label == "Copper"
    app.preset_buttons["heat_loss_w_per_k"].value = 0.0
    assert "never cools" in app.readout.value and "+0.0%" in app.readout.value


def test_playback_moves_the_thermometer_marker_without_recomputing(monkeypatch):
    app = HeatingApp()
    run = app.run
    first = bytes(app.image.value)
    calls = []
    monkeypatch.setattr("stemcpd.physics.heating.app.simulate", lambda *a, **k: calls.append(1))
    for _ in range(50):
        app.step()
    assert app.frame == 50 and app.run is run and calls == []
    assert app.time_s == pytest.approx(1200 * 50 / app.playback_frames)
    x, y = app.view.thermometer_marker.get_data()
    assert x[0] == pytest.approx(app.time_s)
    assert y[0] == pytest.approx(np.interp(app.time_s, run.times_s, run.temperature_c))
    assert bytes(app.image.value) != first
    app.reset()
    assert app.frame == 0 and app.view.thermometer_marker.get_data()[1][0] == pytest.approx(20)


def test_app_table_and_static_fallback():
    app = HeatingApp(mass_kg=0.5)
    table = app.to_table()
    assert len(table) == len(app.run.times_s) and "0.5 kg" in table.title
    bundle = app._repr_mimebundle_()
    assert 'class="stemcpd-player-description">A 50 W heater warms a 0.50 kg block' in bundle["text/html"]
