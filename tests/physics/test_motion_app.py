"""The trolley view and app, built headless (no notebook, no browser)."""

import io

import numpy as np
import pytest
from PIL import Image

from stemcpd.physics.motion import TrolleyParams, simulate
from stemcpd.physics.motion.app import CONTROLS, MotionApp
from stemcpd.physics.motion.view import TROLLEY_LENGTH_M, MotionView
from stemcpd.ui.figures import figure_to_png


def pixels(png: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB"), dtype=int)


def test_view_draws_graphs_and_blitted_frame_equals_full_redraw():
    view = MotionView()
    view.update(simulate(TrolleyParams()))
    view.render_png()
    run = simulate(TrolleyParams(hanging_mass_kg=0.1, friction_n=0.2))
    view.update(run)
    times, velocity = view.velocity_line.get_data()
    assert times[-1] == pytest.approx(run.end_time_s) and velocity[-1] == pytest.approx(run.velocity_m_s[-1])
    # Each gate's reading sits on the v–t line at the middle of its passage.
    for marker, entry, gate_time, speed in zip(view.gate_reading_markers, run.gate_entry_times_s,
                                               run.gate_times_s, run.gate_speeds_m_s):
        x, y = marker.get_data()
        assert x[0] == pytest.approx(entry + gate_time / 2) and y[0] == pytest.approx(speed)
        assert y[0] == pytest.approx(np.interp(x[0], run.times_s, run.velocity_m_s), rel=1e-4)
    blitted = pixels(view.render_png())
    view.figure.set_layout_engine("none")
    for artist in view.moving_artists:
        artist.set_animated(False)
    full = pixels(figure_to_png(view.figure))
    assert blitted.shape == full.shape == (560, 1000, 3)
    assert np.mean(np.abs(blitted - full)) < 0.5


def test_gates_in_the_sketch_follow_the_parameters():
    view = MotionView()
    view.update(simulate(TrolleyParams(gate_1_m=0.25, gate_2_m=1.2)))
    assert view.gate_lines[0].get_xdata()[0] == 0.25
    assert view.gate_lines[1].get_xdata()[0] == 1.2
    assert view.gate_position_lines[1].get_ydata()[0] == 1.2
    assert view.card_patch.get_width() == 0.05


def test_app_builds_one_slider_per_control_with_gate_readout():
    app = MotionApp()
    assert list(app.sliders) == [control.name for control in CONTROLS]
    assert "(kg)" in app.sliders["hanging_mass_kg"].description
    assert app.params == TrolleyParams()
    run = app.run
    assert f"{run.acceleration_m_s2:.3f} m/s²" in app.readout.value
    assert f"gate 1 <b>{run.gate_times_s[0]:.3f} s</b>" in app.readout.value


def test_moving_sliders_changes_figure_readout_and_description():
    app = MotionApp()
    before = (app.image.value, app.readout.value, app.description.value)
    app.sliders["hanging_mass_kg"].value = 0.1
    after = (app.image.value, app.readout.value, app.description.value)
    assert all(a != b for a, b in zip(before, after))
    assert app.run.acceleration_m_s2 == pytest.approx(0.1 * 9.81 / 0.6)
    app.sliders["friction_n"].value = 1.5  # more than the 0.98 N pull
    assert "no motion" in app.readout.value and "stays still" in app.description.value
    assert len(app.view.gate_reading_markers[0].get_xdata()) == 0


def test_playback_moves_trolley_and_hanging_mass_without_recomputing(monkeypatch):
    app = MotionApp()
    run = app.run
    start_x = app.view.trolley_patch.get_x()
    start_hanger_y = app.view.hanger_patch.get_y()
    assert start_x == pytest.approx(-TROLLEY_LENGTH_M)
    first = bytes(app.image.value)
    calls = []
    monkeypatch.setattr("stemcpd.physics.motion.app.simulate", lambda *a, **k: calls.append(1))
    for _ in range(60):
        app.step()
    assert app.run is run and calls == []
    assert app.time_s == pytest.approx(run.end_time_s * 60 / app.playback_frames)
    front = 0.5 * run.acceleration_m_s2 * app.time_s**2
    assert app.view.trolley_patch.get_x() == pytest.approx(front - TROLLEY_LENGTH_M)
    assert app.view.hanger_patch.get_y() < start_hanger_y  # the hanging mass has fallen
    assert app.view.velocity_time_marker.get_xdata()[0] == pytest.approx(app.time_s)
    assert bytes(app.image.value) != first
    app.reset()
    assert app.view.trolley_patch.get_x() == pytest.approx(start_x)


def test_app_to_table_and_static_html():
    app = MotionApp(friction_n=0.1)
    table = app.to_table()
    assert len(table) == len(app.run.times_s)
    assert table.headers[-1] == "velocity / m/s"
    html = app._repr_mimebundle_()["text/html"]
    assert html.startswith("<figure") and 'class="stemcpd-player-description">A resultant force of' in html
