"""The generator view and app, built headless (no notebook, no browser)."""

import io
import math

import numpy as np
import pytest
from PIL import Image

from stemcpd.physics.electromagnetism import GeneratorParams, simulate_generator
from stemcpd.physics.electromagnetism.app import CONTROLS, GeneratorApp, display_duration
from stemcpd.physics.electromagnetism.view import GeneratorView
from stemcpd.ui.figures import figure_to_png


def pixels(png: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB"), dtype=int)


def test_view_blitted_frame_equals_full_redraw():
    view = GeneratorView()
    view.update(simulate_generator(GeneratorParams(), duration_s=0.5))
    view.render_png()
    run = simulate_generator(GeneratorParams(turns=120), duration_s=0.5)
    view.update(run)
    view.show_time(run, 0.07)
    x, y = view.emf_line.get_data()
    np.testing.assert_allclose(y, run.emf_v)
    blitted = pixels(view.render_png())
    view.figure.set_layout_engine("none")
    for artist in view.moving_artists:
        artist.set_animated(False)
    full = pixels(figure_to_png(view.figure))
    assert blitted.shape == full.shape == (420, 1000, 3)
    assert np.mean(np.abs(blitted - full)) < 0.5


def test_emf_and_flux_axes_snap_to_round_limits():
    view = GeneratorView()
    view.update(simulate_generator(GeneratorParams(turns=100)))
    first = (view.emf_axes.get_ylim(), view.flux_axes.get_ylim())
    view.update(simulate_generator(GeneratorParams(turns=110)))
    assert (view.emf_axes.get_ylim(), view.flux_axes.get_ylim()) == first
    view.update(simulate_generator(GeneratorParams(turns=400)))
    assert view.emf_axes.get_ylim()[1] >= 4 * math.pi


def test_app_sliders_and_readout():
    app = GeneratorApp()
    assert list(app.sliders) == [control.name for control in CONTROLS]
    assert app.params == GeneratorParams()
    assert "Peak emf <b>3.14 V</b>" in app.readout.value
    assert "r.m.s. <b>2.22 V</b>" in app.readout.value
    before = (bytes(app.image.value), app.readout.value, app.description.value)
    app.sliders["turns"].value = 200
    after = (bytes(app.image.value), app.readout.value, app.description.value)
    assert all(a != b for a, b in zip(before, after))
    assert "Peak emf <b>6.28 V</b>" in app.readout.value
    assert isinstance(app.params.turns, int)


def test_frequency_presets():
    app = GeneratorApp()
    app.preset_buttons["frequency_hz"].value = 50.0
    assert app.sliders["frequency_hz"].value == 50.0
    assert "frequency <b>50 Hz</b>" in app.readout.value
    assert app.run.times_s[-1] == pytest.approx(0.05)


def test_display_duration_shows_two_to_five_rotations():
    for frequency in (0.5, 1.0, 3.0, 7.5, 50.0):
        rotations = display_duration(GeneratorParams(frequency_hz=frequency)) * frequency
        assert 2.0 <= rotations <= 5.0 + 1e-9


def test_playback_turns_the_coil_without_recomputing(monkeypatch):
    app = GeneratorApp()
    run = app.run
    x0, y0 = app.view.coil_line.get_data()
    first_frame = bytes(app.image.value)
    monkeypatch.setattr("stemcpd.physics.electromagnetism.app.simulate_generator",
                        lambda *a, **k: pytest.fail("recomputed during playback"))
    for _ in range(10):
        app.step()
    assert app.frame == 10 and app.run is run
    angle = run.params.angular_velocity_rad_s * app.time_s
    x1, y1 = app.view.coil_line.get_data()
    # The coil lies at right angles to its normal, which is at ωt to the field.
    assert x1[1] == pytest.approx(-math.sin(angle)) and y1[1] == pytest.approx(math.cos(angle))
    assert bytes(app.image.value) != first_frame
    assert app.view.time_marker.get_xdata()[0] == pytest.approx(app.time_s)
    assert app.view.emf_marker.get_data()[1][0] == pytest.approx(run.peak_emf_v * math.sin(angle), rel=1e-3)
    app.reset()
    assert app.frame == 0
    assert app.view.coil_line.get_data()[0][1] == pytest.approx(x0[1])


def test_app_table_and_static_fallback():
    app = GeneratorApp(frequency_hz=10)
    table = app.to_table()
    assert len(table) == len(app.run.times_s)
    assert "f = 10 Hz" in table.title
    html = app._repr_mimebundle_()["text/html"]
    assert html.startswith("<figure") and 'class="stemcpd-player-description">A 100-turn coil' in html
