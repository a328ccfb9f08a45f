"""The projectile view and app, built headless (no notebook, no browser)."""

import io

import numpy as np
import pytest
from PIL import Image

from stemcpd.physics.projectile import ProjectileParams, flight, simulate
from stemcpd.physics.projectile.app import CONTROLS, DRAG_PRESETS_PER_M, ProjectileApp
from stemcpd.physics.projectile.view import ProjectileView
from stemcpd.ui.figures import figure_to_png


def pixels(png: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB"), dtype=int)


def test_view_draws_path_and_blitted_frame_equals_full_redraw():
    view = ProjectileView()
    view.update(flight(20, 45))
    view.render_png()  # caches the background
    result = flight(22, 40, height=5, drag=0.05)
    view.update(result)
    x, y = view.trajectory_line.get_data()
    assert x[-1] == pytest.approx(result.range) and y[0] == 5
    vx, vy = view.vacuum_line.get_data()
    assert vx[-1] == pytest.approx(result.vacuum.range)
    blitted = pixels(view.render_png())
    view.figure.set_layout_engine("none")
    for artist in view.moving_artists:
        artist.set_animated(False)
    full = pixels(figure_to_png(view.figure))
    assert blitted.shape == full.shape == (420, 1000, 3)
    assert np.mean(np.abs(blitted - full)) < 0.5


def test_view_hides_the_dashed_vacuum_path_without_drag_and_limits_move_in_steps():
    view = ProjectileView()
    view.update(flight(20, 45, drag=0.05))
    assert len(view.vacuum_line.get_xdata()) > 0
    view.update(flight(20, 45))
    assert len(view.vacuum_line.get_xdata()) == 0
    first = view.path_axes.get_xlim()
    view.update(flight(20.3, 45))  # range 41.8 m: same rung
    assert view.path_axes.get_xlim() == first
    view.update(flight(40, 45))  # range 163 m
    assert view.path_axes.get_xlim()[1] > 163
    # Axis limits always contain the whole path.
    for args in [(50, 90), (1, 5), (50, -45, 50), (10, -30)]:
        result = flight(*args)
        view.update(result)
        assert view.path_axes.get_xlim()[1] >= result.range
        assert view.path_axes.get_ylim()[1] >= result.max_height



@pytest.mark.parametrize("control_name, most_full_draws", [
    ("speed_m_s", 11), ("angle_deg", 9), ("height_m", 4), ("g_m_s2", 10), ("drag_per_m", 2),
])
def test_sweeping_a_control_rarely_draws_the_whole_figure_and_keeps_the_path_on_the_axes(
        control_name, most_full_draws):
    app = ProjectileApp()
    control = next(c for c in CONTROLS if c.name == control_name)
    before = app.view.renderer.full_draws
    for value in np.linspace(control.minimum, control.maximum, 30):
        app.sliders[control_name].value = round(float(value), 3)
        view, result = app.view, app.result
        assert view.path_axes.get_xlim()[1] >= result.range
        assert view.path_axes.get_ylim()[1] >= result.max_height
        assert view.velocity_axes.get_xlim()[1] >= result.time_of_flight
    assert app.view.renderer.full_draws - before <= most_full_draws

def test_app_builds_one_slider_per_control():
    app = ProjectileApp()
    assert list(app.sliders) == [control.name for control in CONTROLS]
    assert "(m/s)" in app.sliders["speed_m_s"].description
    assert app.params == ProjectileParams(speed_m_s=20, angle_deg=45, height_m=0, g_m_s2=9.81, drag_per_m=0)
    assert "Range <b>40.8 m</b>" in app.readout.value
    assert "The ball lands 40.8 m away after 2.9 s; highest point 10.2 m." in app.description.value


def test_moving_a_slider_changes_figure_readout_and_description():
    app = ProjectileApp()
    before = (app.image.value, app.readout.value, app.description.value)
    app.sliders["angle_deg"].value = 30
    after = (app.image.value, app.readout.value, app.description.value)
    assert all(a != b for a, b in zip(before, after))
    assert f"{app.flight.range:.1f} m" in app.readout.value
    app.sliders["drag_per_m"].value = 0.05
    assert "without air resistance: range" in app.readout.value
    assert app.flight.vacuum is not None


def test_presets_set_gravity_and_air_resistance():
    app = ProjectileApp()
    app.preset_buttons["g_m_s2"].value = 1.62
    assert app.flight.params.g_m_s2 == 1.62
    assert app.flight.range == pytest.approx(400 / 1.62, rel=1e-9)
    app.preset_buttons["drag_per_m"].value = DRAG_PRESETS_PER_M["Shuttlecock"]
    assert app.sliders["drag_per_m"].value == 0.21
    assert app.flight.range < 400 / 1.62
    app.sliders["drag_per_m"].value = 0.1
    assert app.preset_buttons["drag_per_m"].value is None


def test_playback_moves_the_ball_along_the_path_without_recomputing(monkeypatch):
    app = ProjectileApp(drag_per_m=0.02)
    result = app.flight
    first = bytes(app.image.value)
    assert list(app.view.ball_marker.get_xdata()) == [0.0]
    calls = []
    monkeypatch.setattr("stemcpd.physics.projectile.app.simulate", lambda *a, **k: calls.append(1))
    for _ in range(30):
        app.step()
    assert app.flight is result and calls == []
    assert app.time_s == pytest.approx(result.time_of_flight * 30 / app.playback_frames)
    x, y = app.view.ball_marker.get_data()
    assert x[0] == pytest.approx(np.interp(app.time_s, result.t, result.x))
    assert y[0] == pytest.approx(np.interp(app.time_s, result.t, result.y))
    assert y[0] > 0 and bytes(app.image.value) != first
    app.player.value = app.playback_frames
    x, y = app.view.ball_marker.get_data()
    assert x[0] == pytest.approx(result.range) and y[0] == pytest.approx(0.0, abs=1e-9)
    app.reset()
    assert app.frame == 0 and list(app.view.ball_marker.get_xdata()) == [0.0]


def test_grounded_launch_shows_a_still_ball_and_says_so():
    app = ProjectileApp(angle_deg=-20)
    assert app.flight.time_of_flight == 0
    assert "lands at once" in app.description.value
    app.step()
    assert app.time_s == 0.0


def test_app_to_table_and_static_html():
    app = ProjectileApp(speed_m_s=15)
    table = app.to_table()
    assert len(table) == len(app.flight.t)
    assert "15 m/s" in table.title
    html = app._repr_mimebundle_()["text/html"]
    assert html.startswith("<figure") and 'class="stemcpd-player-description">The ball lands' in html


def test_compute_is_the_model():
    app = ProjectileApp(speed_m_s=30, angle_deg=60, height_m=2, drag_per_m=0.01)
    expected = simulate(ProjectileParams(speed_m_s=30, angle_deg=60, height_m=2, drag_per_m=0.01))
    assert app.flight.range == expected.range
