"""The orbits view and app, built headless (no notebook, no browser)."""

import io
import math

import numpy as np
import pytest
from PIL import Image

from stemcpd.physics.orbits import OrbitParams, simulate
from stemcpd.physics.orbits.app import CONTROLS, OrbitsApp
from stemcpd.physics.orbits.view import OrbitView
from stemcpd.ui.figures import figure_to_png


def pixels(png: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB"), dtype=int)


def test_blitted_frame_equals_full_redraw():
    view = OrbitView()
    view.update(simulate(OrbitParams(speed_fraction=1.2)))
    view.render_png()
    run = simulate(OrbitParams(speed_fraction=1.25))
    view.update(run)
    view.show_time(run, run.duration_s / 3)
    blitted = pixels(view.render_png())
    view.figure.set_layout_engine("none")
    for artist in view.moving_artists:
        artist.set_animated(False)
    full = pixels(figure_to_png(view.figure))
    assert blitted.shape == full.shape == (420, 1000, 3)
    assert np.mean(np.abs(blitted - full)) < 0.5


def test_arrows_point_along_the_velocity_and_to_the_centre():
    view = OrbitView()
    run = simulate(OrbitParams(speed_fraction=1.2))
    view.update(run)
    time_s = run.duration_s / 4
    view.show_time(run, time_s)
    (x,), (y,) = view.satellite_marker.get_data()
    start, end = view.force_arrow._posA_posB
    force = np.subtract(end, start)
    # The force arrow points from the satellite to the centre of the Earth.
    assert force[0] * -y - force[1] * -x == pytest.approx(0, abs=1e-9 * math.hypot(x, y) ** 2)
    assert np.dot(force, [-x, -y]) > 0
    start, end = view.velocity_arrow._posA_posB
    velocity = np.subtract(end, start)
    vx = np.interp(time_s, run.times_s, run.vx_m_s)
    vy = np.interp(time_s, run.times_s, run.vy_m_s)
    assert math.atan2(velocity[1], velocity[0]) == pytest.approx(math.atan2(vy, vx), abs=1e-9)


def test_app_controls_readout_presets_and_playback():
    app = OrbitsApp()
    assert list(app.sliders) == [control.name for control in CONTROLS]
    assert app.params == OrbitParams(altitude_km=400, speed_fraction=1.0)
    assert "Period <b>T = 92.4 minutes</b>" in app.readout.value
    app.preset_buttons["altitude_km"].value = 35800
    assert app.result.period_s / 3600 == pytest.approx(23.9, abs=0.05)
    app.set(speed_fraction=0.8, altitude_km=400)
    assert "Falls to Earth" in app.readout.value and "too slow" in app.description.value
    before = bytes(app.image.value)
    for _ in range(5):
        app.step()
    assert app.frame == 5 and bytes(app.image.value) != before
    assert app.time_s == pytest.approx(app.result.duration_s * 5 / app.playback_frames)


def test_static_html_is_the_player_placeholder():
    html = OrbitsApp(speed_fraction=1.1)._repr_mimebundle_()["text/html"]
    assert html.startswith('<figure class="stemcpd-player" data-stemcpd-sim="orbits"')
    assert "ellipse" in html


@pytest.mark.parametrize("control", [control.name for control in CONTROLS])
def test_sweeping_a_control_draws_the_whole_figure_rarely(control):
    """Axis limits sit on a ladder (speed axis fixed for the body), so a sweep of a
    slider across its whole range redraws the whole figure only when a rung changes."""
    app = OrbitsApp()
    slider = app.sliders[control]
    spec = next(c for c in CONTROLS if c.name == control)
    before = app.view.renderer.full_draws
    for value in np.linspace(spec.minimum, spec.maximum, 20):
        slider.value = float(round(value / spec.step) * spec.step)
    assert app.view.renderer.full_draws - before <= 9
