"""The waves view and app, built headless (no notebook, no browser)."""

import io

import numpy as np
import pytest
from PIL import Image

from stemcpd.physics.waves import WaveParams, simulate
from stemcpd.physics.waves.app import CONTROLS, WaveApp
from stemcpd.physics.waves.view import WaveView
from stemcpd.ui.figures import figure_to_png


def pixels(png: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB"), dtype=int)


def test_view_draws_the_wave_in_mm_and_blitted_frame_equals_full_redraw():
    view = WaveView()
    view.update(simulate(WaveParams(wave="standing", harmonic=2)))
    view.render_png()
    run = simulate(WaveParams(wave="standing", harmonic=2, tension_n=3.0))
    view.update(run)
    x, y = view.total_line.get_data()
    np.testing.assert_allclose(y, run.displacement_m[0] * 1000)
    assert len(view.node_markers.get_data()[0]) == 3
    blitted = pixels(view.render_png())
    view.figure.set_layout_engine("none")
    for artist in view.moving_artists:
        artist.set_animated(False)
    full = pixels(figure_to_png(view.figure))
    assert blitted.shape == full.shape == (560, 1000, 3)
    assert np.mean(np.abs(blitted - full)) < 0.5


def test_view_legend_lists_components_only_for_standing_waves():
    view = WaveView()
    view.update(simulate(WaveParams()))
    labels = [t.get_text() for t in view.string_axes.get_legend().get_texts()]
    assert "wave moving left" not in labels
    assert len(view.backward_line.get_data()[0]) == 0
    view.update(simulate(WaveParams(wave="standing", harmonic=1)))
    labels = [t.get_text() for t in view.string_axes.get_legend().get_texts()]
    assert {"wave moving right", "wave moving left", "node"} <= set(labels)


def test_view_axis_limits_move_in_steps():
    view = WaveView()
    view.update(simulate(WaveParams(amplitude_m=0.010)))
    first = view.string_axes.get_ylim()
    view.update(simulate(WaveParams(amplitude_m=0.011)))
    assert view.string_axes.get_ylim() == first
    view.update(simulate(WaveParams(amplitude_m=0.040)))
    assert view.string_axes.get_ylim()[1] > 40


def test_app_builds_one_slider_per_control():
    app = WaveApp()
    assert list(app.sliders) == [control.name for control in CONTROLS]
    assert app.params == WaveParams()
    assert "(Hz)" in app.sliders["frequency_hz"].description
    import ipywidgets as widgets

    pattern = app.sliders["pattern"]
    assert isinstance(pattern, widgets.ToggleButtons) and pattern.description == "Wave"
    assert pattern.label == "Travelling wave" and len(pattern.options) == 9


def test_moving_controls_changes_figure_readout_and_description():
    app = WaveApp()
    before = (bytes(app.image.value), app.readout.value, app.description.value)
    app.sliders["frequency_hz"].value = 200
    after = (bytes(app.image.value), app.readout.value, app.description.value)
    assert all(a != b for a, b in zip(before, after))
    assert "λ = 0.250 m" in app.readout.value and "v = 50.0 m/s" in app.readout.value
    assert "T = 5.00 ms" in app.readout.value
    app.sliders["pattern"].value = "harmonic 4"
    assert app.run.params == WaveParams(frequency_hz=200, wave="standing", harmonic=4)
    assert app.run.params.harmonic == 4 and app.run.frequency_hz == pytest.approx(100.0)
    assert "Harmonic 4 (standing)" in app.readout.value
    assert "harmonic 4" in app.description.value


def test_tension_presets_set_the_slider():
    app = WaveApp()
    app.preset_buttons["tension_n"].value = 4.91
    assert app.sliders["tension_n"].value == pytest.approx(4.91)
    assert app.run.speed_m_s == pytest.approx(np.sqrt(4.91 / 0.0008))
    app.sliders["tension_n"].value = 3.0
    assert app.preset_buttons["tension_n"].value is None


def test_playback_moves_the_wave_without_recomputing(monkeypatch):
    app = WaveApp()
    run = app.run
    first_frame = bytes(app.image.value)
    y0 = app.view.total_line.get_data()[1].copy()
    calls = []
    monkeypatch.setattr("stemcpd.physics.waves.app.simulate", lambda *a, **k: calls.append(1))
    for _ in range(15):
        app.step()
    assert app.frame == 15 and app.run is run and calls == []
    # 15 of 60 frames per period: a quarter period later.
    assert app.time_s == pytest.approx(run.period_s / 4)
    np.testing.assert_allclose(app.view.total_line.get_data()[1], run.displacement_m[15] * 1000)
    assert not np.allclose(app.view.total_line.get_data()[1], y0)
    assert bytes(app.image.value) != first_frame
    assert "t = 2.50 ms" in app.view.time_text.get_text()
    app.reset()
    assert app.frame == 0
    np.testing.assert_allclose(app.view.total_line.get_data()[1], y0)


def test_app_to_table_follows_playback_time():
    app = WaveApp(pattern="harmonic 1")
    for _ in range(10):
        app.step()
    table = app.to_table()
    np.testing.assert_allclose(table.column("displacement"), app.run.displacement_m[10])
    html = app._repr_mimebundle_()["text/html"]
    assert html.startswith("<figure") and 'class="stemcpd-player-description">Standing wave, harmonic 1' in html


def _full_draws_in_sweep(app, control, count=20):
    """How many of ``count`` slider settings across ``control``'s range drew the whole figure."""
    slider = app.sliders[control.name]
    before = app.view.renderer.full_draws
    for value in np.linspace(control.minimum, control.maximum, count):
        value = control.minimum + round((value - control.minimum) / control.step) * control.step
        slider.value = int(round(value)) if getattr(control, "integer", False) else float(value)
    return app.view.renderer.full_draws - before


@pytest.mark.parametrize("control", [c for c in CONTROLS if hasattr(c, "minimum")], ids=lambda control: control.name)
def test_sweeping_a_control_draws_the_whole_figure_rarely(control):
    """Axis limits sit on ladders of round values and choices are named in the static
    key, so sweeping a slider across its range redraws the whole figure only a few times."""
    assert _full_draws_in_sweep(WaveApp(), control) <= 7


def test_every_wave_pattern_after_the_first_of_each_kind_reuses_a_kept_background():
    """The legend (standing or travelling) is named in the static key: switching among
    the patterns draws the whole figure once per kind of legend, not once per switch."""
    app = WaveApp()
    before = app.view.renderer.full_draws
    for name in ["harmonic 1", "harmonic 2", "travelling", "harmonic 3", "travelling", "harmonic 1"]:
        app.sliders["pattern"].value = name
    assert app.view.renderer.full_draws - before <= 2
    legend = [text.get_text() for text in app.view.string_axes.get_legend().get_texts()]
    assert "node" in legend
