"""The energy-track view and app, built headless (no notebook, no browser)."""

import io

import numpy as np
import pytest
from PIL import Image

from stemcpd.physics.energy import TrackParams, simulate
from stemcpd.physics.energy.app import CONTROLS, EnergyApp
from stemcpd.physics.energy.view import EnergyView
from stemcpd.ui.figures import figure_to_png


def pixels(png: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB"), dtype=int)


def test_bars_are_hatched_and_labelled_not_colour_only():
    view = EnergyView()
    hatches = [bar.get_hatch() for bar in view.bars.patches[:3]]
    assert all(hatches) and len(set(hatches)) == 3
    labels = [tick.get_text() for tick in view.bar_axes.get_xticklabels()]
    assert labels == ["grav.\npotential", "kinetic", "thermal", "total"]
    styles = {line.get_linestyle() for line in view.store_lines}
    assert len(styles) == 3


def test_view_bars_show_the_stores_at_the_playback_time_and_blit_correctly():
    view = EnergyView()
    run = simulate(TrackParams(friction_coefficient=0.1))
    view.update(run)
    view.render_png()
    view.show_time(run, 1.0)
    heights = [bar.get_height() for bar in view.bars.patches]
    expected = [np.interp(1.0, run.times_s, values) for values in
                (run.gravitational_energy_j, run.kinetic_energy_j, run.thermal_energy_j)]
    np.testing.assert_allclose(heights[:3], expected)
    assert heights[3] == pytest.approx(run.initial_energy_j, rel=1e-9)
    assert view.bar_values[3].get_text() == "9.81 J"
    blitted = pixels(view.render_png())
    view.figure.set_layout_engine("none")
    for artist in view.moving_artists:
        artist.set_animated(False)
    full = pixels(figure_to_png(view.figure))
    assert blitted.shape == full.shape == (420, 1000, 3)
    assert np.mean(np.abs(blitted - full)) < 0.5


def test_track_is_drawn_through_its_corners():
    view = EnergyView()
    view.update(simulate(TrackParams(height_m=2.0, ramp_angle_deg=45, flat_length_m=1.0)))
    x, y = view.track_line.get_data()
    np.testing.assert_allclose(y, [2.0, 0.0, 0.0, 2.0], atol=1e-12)
    np.testing.assert_allclose(x[-1] - x[0], 4.0 + 1.0, rtol=1e-12)



@pytest.mark.parametrize("control_name, most_full_draws", [
    ("height_m", 10), ("ramp_angle_deg", 4), ("flat_length_m", 2), ("mass_kg", 7), ("friction_coefficient", 4),
])
def test_sweeping_a_control_rarely_draws_the_whole_figure_and_keeps_the_run_on_the_axes(
        control_name, most_full_draws):
    app = EnergyApp()
    control = next(c for c in CONTROLS if c.name == control_name)
    before = app.view.renderer.full_draws
    for value in np.linspace(control.minimum, control.maximum, 30):
        app.sliders[control_name].value = round(float(value), 2)
        view, run = app.view, app.result
        assert view.energy_axes.get_ylim()[1] >= run.initial_energy_j
        assert view.track_axes.get_xlim()[1] >= run.track_outline_m[0][-1]
        assert view.track_axes.get_ylim()[1] >= run.params.height_m
    assert app.view.renderer.full_draws - before <= most_full_draws


def test_playback_readout_gives_the_share_left_in_gpe_and_ke():
    app = EnergyApp()
    assert "GPE + KE left: 100%" in app.time_readout.value

def test_app_controls_readout_and_description():
    app = EnergyApp()
    assert list(app.sliders) == [control.name for control in CONTROLS]
    assert app.params == TrackParams()
    assert "4.03 m/s" in app.readout.value and "83%" in app.readout.value
    before = (app.image.value, app.readout.value, app.description.value)
    app.sliders["friction_coefficient"].value = 0.0
    after = (app.image.value, app.readout.value, app.description.value)
    assert all(a != b for a, b in zip(before, after))
    assert "4.43 m/s" in app.readout.value and "100%" in app.readout.value and "still moving" in app.readout.value


def test_playback_moves_block_and_bars_without_recomputing(monkeypatch):
    app = EnergyApp()
    run = app.run
    start = app.view.block_marker.get_data()
    first = bytes(app.image.value)
    calls = []
    monkeypatch.setattr("stemcpd.physics.energy.app.simulate", lambda *a, **k: calls.append(1))
    for _ in range(15):
        app.step()
    assert app.frame == 15 and app.run is run and calls == []
    x, y = app.view.block_marker.get_data()
    assert x[0] == pytest.approx(np.interp(app.time_s, run.times_s, run.x_m))
    assert y[0] < start[1][0]
    assert app.view.bars.patches[1].get_height() == pytest.approx(np.interp(app.time_s, run.times_s, run.kinetic_energy_j))
    assert bytes(app.image.value) != first
    assert app.view.time_marker.get_xdata()[0] == pytest.approx(app.time_s)
    app.reset()
    assert app.frame == 0 and app.view.block_marker.get_data()[1][0] == pytest.approx(start[1][0])


def test_static_fallback_and_table():
    app = EnergyApp(mass_kg=2.0)
    bundle = app._repr_mimebundle_()
    assert bundle["text/html"].startswith("<figure") and 'class="stemcpd-player-description">A 2.00 kg block' in bundle["text/html"]
    table = app.to_table()
    assert len(table) == len(app.run.times_s) and "m = 2 kg" in table.title
    assert table.columns[0] == "time"
