"""The pendulum view and app, built headless (no notebook, no browser)."""

import io

import numpy as np
import pytest
from PIL import Image

from stemcpd.physics.pendulum import PendulumParams, simulate
from stemcpd.physics.pendulum.app import CONTROLS, PendulumApp, display_duration
from stemcpd.physics.pendulum.view import PendulumView
from stemcpd.ui.figures import figure_to_png


def pixels(png: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB"), dtype=int)


def test_view_update_moves_artists_and_blitted_frame_equals_full_redraw():
    view = PendulumView()
    view.update(simulate(PendulumParams(length_m=1.0, amplitude_deg=40)))
    view.render_png()  # caches the background
    run = simulate(PendulumParams(length_m=1.2, amplitude_deg=40))
    view.update(run)
    x, y = view.angle_line.get_data()
    assert x[-1] == pytest.approx(run.times_s[-1])
    assert np.max(y) == pytest.approx(40, abs=0.5)
    blitted = pixels(view.render_png())
    # The slow path: make the moving artists ordinary and draw everything, keeping the
    # axes where the blitted frame had them (constrained layout may nudge them on
    # every full draw, which would compare layout, not blitting).
    view.figure.set_layout_engine("none")
    for artist in view.moving_artists:
        artist.set_animated(False)
    full = pixels(figure_to_png(view.figure))
    assert blitted.shape == full.shape == (400, 1000, 3)
    assert np.mean(np.abs(blitted - full)) < 0.5


def test_view_axis_limits_follow_amplitude_in_steps():
    view = PendulumView()
    view.update(simulate(PendulumParams(amplitude_deg=16)))
    first = view.angle_axes.get_ylim()
    view.update(simulate(PendulumParams(amplitude_deg=19)))
    assert view.angle_axes.get_ylim() == first  # same rung: axes stay still
    view.update(simulate(PendulumParams(amplitude_deg=80)))
    assert view.angle_axes.get_ylim()[1] > 80



@pytest.mark.parametrize("control_name, most_full_draws", [
    ("amplitude_deg", 8), ("length_m", 10), ("mass_kg", 7), ("g_m_s2", 9), ("damping_per_s", 0),
])
def test_sweeping_a_control_rarely_draws_the_whole_figure_and_keeps_curves_on_the_axes(
        control_name, most_full_draws):
    app = PendulumApp()
    control = next(c for c in CONTROLS if c.name == control_name)
    before = app.view.renderer.full_draws
    for value in np.linspace(control.minimum, control.maximum, 30):
        app.sliders[control_name].value = round(float(value), 2)
        view = app.view
        assert np.max(np.abs(view.angle_line.get_ydata())) <= view.angle_axes.get_ylim()[1]
        assert np.max(view.total_line.get_ydata()) <= view.energy_axes.get_ylim()[1]
    assert app.view.renderer.full_draws - before <= most_full_draws

def test_app_builds_one_slider_per_control_with_units_and_ranges():
    app = PendulumApp()
    assert list(app.sliders) == [control.name for control in CONTROLS]
    length = app.sliders["length_m"]
    assert (length.min, length.max, length.value) == (0.10, 3.00, 1.00)
    assert "(m)" in length.description
    assert app.params == PendulumParams(length_m=1.0, amplitude_deg=10, mass_kg=0.1)


def test_moving_length_slider_changes_figure_readout_and_description():
    app = PendulumApp()
    before = (app.image.value, app.readout.value, app.description.value)
    app.sliders["length_m"].value = 2.0
    after = (app.image.value, app.readout.value, app.description.value)
    assert all(a != b for a, b in zip(before, after))
    assert f"T = {app.run.period_s:.3f} s" in app.readout.value
    assert app.run.params.length_m == 2.0
    assert 'aria-live="polite"' in app.description.value
    assert pixels(bytes(app.image.value)).shape == (400, 1000, 3)


def test_gravity_presets_set_the_slider_and_follow_it():
    app = PendulumApp()
    app.preset_buttons["g_m_s2"].value = 1.62
    assert app.sliders["g_m_s2"].value == 1.62
    assert app.run.params.g_m_s2 == 1.62
    app.sliders["g_m_s2"].value = 5.0
    assert app.preset_buttons["g_m_s2"].value is None
    app.sliders["g_m_s2"].value = 9.81
    assert app.preset_buttons["g_m_s2"].label == "Earth"


def test_set_moves_several_controls_and_redraws_once(monkeypatch):
    app = PendulumApp()
    calls = []
    original = app.refresh
    monkeypatch.setattr(app, "refresh", lambda: (calls.append(1), original()))
    app.set(length_m=0.5, amplitude_deg=60)
    assert len(calls) == 1
    assert app.run.params.length_m == 0.5 and app.run.params.amplitude_deg == 60
    with pytest.raises(ValueError, match="unknown pendulum control 'colour'"):
        app.set(colour="red")
    with pytest.raises(ValueError, match="unknown pendulum control"):
        PendulumApp(lenght_m=1)


def test_display_duration_shows_at_least_three_periods():
    for length_m, g in [(0.1, 9.81), (3.0, 9.81), (3.0, 1.62), (1.0, 24.79)]:
        params = PendulumParams(length_m=length_m, g_m_s2=g)
        duration = display_duration(params)
        assert duration >= min(60.0, 3 * simulate(params, duration_s=1).small_angle_period_s)


def test_static_html_fallback_is_the_player_placeholder_with_the_description():
    app = PendulumApp(length_m=0.5)
    bundle = app._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle
    html = bundle["text/html"]
    assert html.startswith("<figure") and 'class="stemcpd-player-description">A 0.50 m pendulum' in html
    assert bundle["text/plain"].startswith("A 0.50 m pendulum")


def test_playback_steps_resets_and_moves_the_bob_without_recomputing(monkeypatch):
    app = PendulumApp(amplitude_deg=30)
    run = app.run
    assert app.frame == 0 and app.time_s == 0
    x0, y0 = app.view.bob_marker.get_data()
    first_frame = bytes(app.image.value)
    calls = []
    monkeypatch.setattr("stemcpd.physics.pendulum.app.simulate", lambda *a, **k: calls.append(1))
    for _ in range(10):
        app.step()
    assert app.frame == 10 and app.run is run and calls == []
    assert app.time_s == pytest.approx(run.times_s[-1] * 10 / app.playback_frames)
    x1, _ = app.view.bob_marker.get_data()
    expected_angle = np.interp(app.time_s, run.times_s, run.angle_rad)
    assert x1[0] == pytest.approx(app.params.length_m * np.sin(expected_angle))
    assert x1[0] != pytest.approx(x0[0])
    assert bytes(app.image.value) != first_frame
    assert app.view.angle_time_marker.get_xdata()[0] == pytest.approx(app.time_s)
    app.reset()
    assert app.frame == 0 and app.view.bob_marker.get_data()[0][0] == pytest.approx(x0[0])
    app.player.value = app.playback_frames
    app.step()  # stays at the end
    assert app.frame == app.playback_frames


def test_app_to_table_matches_current_run():
    app = PendulumApp(length_m=0.5)
    table = app.to_table()
    assert len(table) == len(app.run.times_s)
    assert "L = 0.5 m" in table.title


def test_each_playback_step_draws_exactly_once(monkeypatch):
    app = PendulumApp()
    draws = []
    original = app.view.render_png
    monkeypatch.setattr(app.view, "render_png", lambda: (draws.append(1), original())[1])
    app.step()
    assert len(draws) == 1
    app.time_slider.value = 50  # dragging the time slider moves the player too
    assert app.player.value == 50 and len(draws) == 2
    assert "t = " in app.time_readout.value and " s" in app.time_readout.value
