"""The particles view and app, built headless (no notebook, no browser)."""

import io

import numpy as np
import pytest
from PIL import Image

from stemcpd.chemistry.particles import ParticlesParams, simulate
from stemcpd.chemistry.particles.app import CONTROLS, ParticlesApp
from stemcpd.chemistry.particles.view import ParticlesView
from stemcpd.ui.figures import figure_to_png


def pixels(png: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB"), dtype=int)


def test_view_update_moves_artists_and_blitted_frame_equals_full_redraw():
    view = ParticlesView()
    view.update(simulate(ParticlesParams()))
    view.render_png()
    run = simulate(ParticlesParams(power_w=150))
    view.update(run)
    x, y = view.curve_line.get_data()
    assert x[-1] == pytest.approx(run.duration_s) and y[-1] == pytest.approx(120)
    view.show_time(run, 0.5 * run.duration_s)
    blitted = pixels(view.render_png())
    view.figure.set_layout_engine("none")
    for artist in view.moving_artists:
        artist.set_animated(False)
    full = pixels(figure_to_png(view.figure))
    assert blitted.shape == full.shape == (430, 1000, 3)
    assert np.mean(np.abs(blitted - full)) < 0.5


def test_view_axis_limits_move_in_steps():
    view = ParticlesView()
    view.update(simulate(ParticlesParams(power_w=100)))
    first = view.curve_axes.get_xlim()
    view.update(simulate(ParticlesParams(power_w=110)))
    assert view.curve_axes.get_xlim() == first  # same rung
    assert view.curve_axes.get_ylim()[0] <= -20 and view.curve_axes.get_ylim()[1] >= 120


def test_app_controls_have_units_ranges_and_named_choices():
    import ipywidgets as widgets

    app = ParticlesApp()
    assert list(app.sliders) == [control.name for control in CONTROLS]
    assert isinstance(app.sliders["substance"], widgets.ToggleButtons)
    assert app.sliders["substance"].value == "water" and app.sliders["substance"].label == "Water"
    assert "(kg)" in app.sliders["mass_kg"].description
    assert app.params == ParticlesParams(substance="water", experiment="heating", mass_kg=0.02, power_w=100, heat_loss_w_per_k=0.1)


def test_moving_power_changes_figure_readout_and_description():
    app = ParticlesApp(heat_loss_w_per_k=0.0)
    before = (bytes(app.image.value), app.readout.value, app.description.value)
    assert "mL/P = 66.8 s" in app.readout.value and "<b>66.8 s</b>" in app.readout.value
    app.sliders["power_w"].value = 200
    after = (bytes(app.image.value), app.readout.value, app.description.value)
    assert all(a != b for a, b in zip(before, after))
    assert "<b>33.4 s</b>" in app.readout.value  # 0.02 × 334 000 / 200
    assert "heated at 200 W" in app.description.value


def test_choice_buttons_choose_substance_and_experiment_by_name():
    app = ParticlesApp()
    app.sliders["substance"].value = "stearic acid"
    assert app.run.params.data.name == "stearic acid"
    app.sliders["experiment"].value = "cooling"
    assert app.run.params.experiment == "cooling" and app.sliders["experiment"].label == "Cooling curve"
    assert "freezing plateau" in app.readout.value and "heater off" in app.readout.value
    assert "stearic acid cooling" in app.description.value


def test_playback_moves_point_particles_and_state_label_without_recomputing(monkeypatch):
    app = ParticlesApp(heat_loss_w_per_k=0.0)
    run = app.run
    assert app.view.state_text.get_text().startswith("solid")
    first = bytes(app.image.value)
    particles_before = np.array(app.view.particles.get_data())
    calls = []
    monkeypatch.setattr("stemcpd.chemistry.particles.app.simulate", lambda *a, **k: calls.append(1))
    app.player.value = 100  # half-way: water is boiling
    assert calls == [] and app.run is run
    assert app.view.state_text.get_text().startswith("boiling")
    assert "boiling" in app.time_readout.value and "energy supplied" in app.time_readout.value
    x, y = app.view.now_marker.get_data()
    assert x[0] == pytest.approx(app.time_s) and y[0] == pytest.approx(100.0)
    assert not np.array_equal(particles_before, np.array(app.view.particles.get_data()))
    assert bytes(app.image.value) != first
    app.reset()
    assert app.frame == 0 and app.view.state_text.get_text().startswith("solid")


def test_static_html_and_table():
    app = ParticlesApp(substance="stearic acid")
    assert app._repr_mimebundle_()["text/html"].startswith("<figure")
    assert "stearic acid" in app.to_table().title


def test_sweeping_the_mass_moves_the_axes_a_few_times_only():
    app = ParticlesApp()
    before = app.view.renderer.full_draws
    for hundredths in range(1, 51, 2):
        app.set(mass_kg=hundredths / 100)
    assert app.view.renderer.full_draws - before <= 10
    run = app.result
    assert app.view.curve_axes.get_xlim()[1] >= run.duration_s  # the whole curve stays on the axes
