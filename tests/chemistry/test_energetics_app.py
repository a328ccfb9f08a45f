"""The energetics view and app, built headless (no notebook, no browser)."""

import io

import numpy as np
import pytest
from PIL import Image

from stemcpd.chemistry.energetics import EnergeticsParams, simulate
from stemcpd.chemistry.energetics.app import CONTROLS, EnergeticsApp
from stemcpd.chemistry.energetics.view import EnergeticsView


def pixels(png: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB"), dtype=int)


def test_view_draws_profile_arrows_and_temperature():
    view = EnergeticsView()
    run = simulate(EnergeticsParams(activation_energy_kj_mol=120, catalyst_reduction_percent=50))
    view.update(run)
    assert max(view.profile_line.get_data()[1]) == pytest.approx(120)
    assert view.activation_arrow.get_data()[1][-1] == pytest.approx(120)
    assert view.catalysed_arrow.get_data()[1][1] == pytest.approx(60)
    assert view.enthalpy_arrow.get_data()[1][-1] == pytest.approx(-57.1)
    low, high = view.profile_axes.get_ylim()
    assert low < -57.1 and high > 120 and low % 50 == 0 and high % 50 == 0
    x, y = view.extrapolation_line.get_data()
    assert x[0] == run.mix_at_s and y[0] == pytest.approx(20 + run.extrapolated_change_k)
    assert pixels(view.render_png()).shape == (440, 1000, 3)


def test_endothermic_view_points_delta_h_arrow_up_and_axis_below_room():
    view = EnergeticsView()
    view.update(simulate(EnergeticsParams(delta_h_kj_mol=30)))
    assert view.enthalpy_arrow.get_marker() == "^"
    assert view.temperature_axes.get_ylim()[0] < 20 - 3.5


def test_app_controls_and_defaults():
    app = EnergeticsApp()
    assert list(app.sliders) == [control.name for control in CONTROLS]
    assert app.params == EnergeticsParams()


def test_moving_volume_changes_figure_readout_and_description():
    app = EnergeticsApp()
    before = (bytes(app.image.value), app.readout.value, app.description.value)
    app.sliders["volume_2_cm3"].value = 50
    after = (bytes(app.image.value), app.readout.value, app.description.value)
    assert all(a != b for a, b in zip(before, after))
    assert "0.0250 mol reacting in 75 g" in app.readout.value


def test_catalyst_changes_profile_not_temperature_readout():
    app = EnergeticsApp()
    readout, frame = app.readout.value, bytes(app.image.value)
    app.sliders["catalyst_reduction_percent"].value = 50
    assert app.readout.value == readout and bytes(app.image.value) != frame
    assert "40 kJ/mol with the catalyst" in app.description.value


def test_delta_h_presets():
    app = EnergeticsApp()
    app.preset_buttons["delta_h_kj_mol"].value = -218.7
    assert app.run.params.delta_h_kj_mol == -218.7
    assert "true <b>-218.7 kJ/mol</b>" in app.readout.value
    app.sliders["delta_h_kj_mol"].value = -100
    assert app.preset_buttons["delta_h_kj_mol"].value is None


def test_playback_moves_thermometer_without_recomputing(monkeypatch):
    app = EnergeticsApp()
    run = app.run
    calls = []
    monkeypatch.setattr("stemcpd.chemistry.energetics.app.simulate", lambda *a, **k: calls.append(1))
    frame = bytes(app.image.value)
    for _ in range(40):
        app.step()
    assert calls == [] and app.run is run
    assert app.time_s == pytest.approx(600 * 40 / 150)
    x, y = app.view.thermometer_marker.get_data()
    assert y[0] == pytest.approx(np.interp(app.time_s, run.times_s, run.temperature_c)) and y[0] > 26
    assert bytes(app.image.value) != frame and "thermometer" in app.time_readout.value
    app.reset()
    assert app.view.thermometer_marker.get_data()[1][0] == pytest.approx(20.0)


def test_table_and_static_html():
    app = EnergeticsApp()
    assert len(app.to_table()) == len(app.run.times_s)
    assert app._repr_mimebundle_()["text/html"].startswith("<figure")


def test_readout_words_are_background_and_follow_the_sign_of_delta_h():
    # Only the numbers are redrawn on each frame (glyphs are slow to draw); the words
    # beside them are background, which moves to the top when the cup cools.
    app = EnergeticsApp()
    view = app.view
    assert view.temperature_words not in view.renderer.moving_artists
    assert view.activation_words not in view.renderer.moving_artists
    assert "largest ΔT" in view.temperature_words.get_text()
    drawn = view.renderer.full_draws
    for volume in (30, 40, 50, 60, 70):
        app.sliders["volume_1_cm3"].value = volume
    assert view.renderer.full_draws - drawn <= 1
    assert view.temperature_words.get_va() == "bottom"
    warm_key = view.renderer.static_key
    app.sliders["delta_h_kj_mol"].value = 30
    assert view.temperature_words.get_va() == "top" and view.renderer.static_key != warm_key
    assert view.temperature_text.get_text().endswith("; 30.0 kJ/mol")
