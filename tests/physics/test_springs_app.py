"""The springs view and app, built headless (no notebook, no browser)."""

import io

import numpy as np
import pytest
from PIL import Image

from stemcpd.physics.springs import SpringParams, simulate
from stemcpd.physics.springs.app import CONTROLS, SpringsApp, display_duration
from stemcpd.physics.springs.view import SpringsView
from stemcpd.ui.figures import figure_to_png


def pixels(png: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB"), dtype=int)


def test_view_draws_loading_curve_limit_and_blitted_frame_equals_full_redraw():
    view = SpringsView()
    view.update(simulate(SpringParams(), duration_s=5))
    view.render_png()
    run = simulate(SpringParams(mass_kg=1.0), duration_s=5)  # beyond the 5 N limit
    view.update(run)
    x, y = view.loading_line.get_data()
    assert y[-1] == pytest.approx(9.81) and x[-1] == pytest.approx(run.load_extension_m)
    assert view.unloading_line.get_data()[0][-1] == pytest.approx(run.permanent_set_m)
    assert view.limit_line.get_data()[1][0] == pytest.approx(5.0)
    assert view.load_marker.get_data()[1][0] == pytest.approx(9.81)
    blitted = pixels(view.render_png())
    view.figure.set_layout_engine("none")
    for artist in view.moving_artists:
        artist.set_animated(False)
    full = pixels(figure_to_png(view.figure))
    assert blitted.shape == full.shape == (420, 1000, 3)
    assert np.mean(np.abs(blitted - full)) < 0.5


def test_no_unloading_line_within_the_limit_and_axes_move_in_steps():
    view = SpringsView()
    view.update(simulate(SpringParams(mass_kg=0.3), duration_s=5))
    assert len(view.unloading_line.get_data()[0]) == 0
    limits = view.graph_axes.get_xlim(), view.graph_axes.get_ylim()
    view.update(simulate(SpringParams(mass_kg=0.31), duration_s=5))
    assert (view.graph_axes.get_xlim(), view.graph_axes.get_ylim()) == limits
    view.update(simulate(SpringParams(mass_kg=1.5), duration_s=5))
    assert view.graph_axes.get_ylim()[1] > 1.5 * 9.81


def test_sketch_draws_every_spring_of_the_arrangement():
    view = SpringsView()
    view.update(simulate(SpringParams(springs_in_series=3, springs_in_parallel=2), duration_s=5))
    xs, _ = view.spring_line.get_data()
    assert np.count_nonzero(np.isnan(xs)) == 6  # one break after each of 3 × 2 springs


def test_app_builds_one_slider_per_control_and_moving_mass_changes_everything():
    app = SpringsApp()
    assert list(app.sliders) == [control.name for control in CONTROLS]
    assert app.params == SpringParams()
    before = (app.image.value, app.readout.value, app.description.value)
    app.sliders["mass_kg"].value = 0.6
    after = (app.image.value, app.readout.value, app.description.value)
    assert all(a != b for a, b in zip(before, after))
    assert "beyond the elastic limit" in app.readout.value
    assert f"T = {app.run.period_s:.3f} s" in app.readout.value
    assert f"k = <b>{app.run.spring_constant_n_m:.3g} N/m</b>" in app.readout.value
    assert f"permanent set {app.run.permanent_set_m * 100:.1f} cm" in app.readout.value
    assert f"elastic limit {app.run.elastic_limit_n:.3g} N" in app.readout.value



@pytest.mark.parametrize("control_name, most_full_draws", [
    ("spring_constant_n_m", 7), ("elastic_limit_n", 4), ("mass_kg", 9), ("springs_in_series", 2),
    ("springs_in_parallel", 3), ("amplitude_m", 5), ("damping_per_s", 0),
])
def test_sweeping_a_control_rarely_draws_the_whole_figure_and_keeps_the_bounce_on_the_axes(
        control_name, most_full_draws):
    app = SpringsApp()
    control = next(c for c in CONTROLS if c.name == control_name)
    before = app.view.renderer.full_draws
    values = np.linspace(control.minimum, control.maximum, 30)
    for value in [*values, *values[::-1]]:
        app.sliders[control_name].value = int(round(value)) if control.integer else round(float(value), 3)
        view, run = app.view, app.run
        assert view.graph_axes.get_ylim()[1] >= run.load_force_n + run.spring_constant_n_m * run.params.amplitude_m
        assert view.bounce_axes.get_ylim()[1] >= np.max(np.abs(run.displacement_m))
    assert app.view.renderer.full_draws - before <= most_full_draws

def test_series_and_parallel_sliders_give_whole_numbers_and_change_k():
    app = SpringsApp()
    app.set(springs_in_series=2, springs_in_parallel=4)
    assert app.run.params.springs_in_series == 2 and isinstance(app.run.params.springs_in_series, int)
    assert app.run.spring_constant_n_m == pytest.approx(50.0)
    assert "k = <b>50 N/m</b>" in app.readout.value


def test_spring_presets_set_the_slider():
    app = SpringsApp()
    assert app.preset_buttons["spring_constant_n_m"].label == "school (25 N/m)"
    app.preset_buttons["spring_constant_n_m"].value = 80
    assert app.run.params.spring_constant_n_m == 80
    app.sliders["spring_constant_n_m"].value = 33
    assert app.preset_buttons["spring_constant_n_m"].value is None


def test_display_duration_shows_at_least_five_periods():
    for mass_kg, k in [(0.1, 100), (2.0, 5), (0.3, 25)]:
        params = SpringParams(mass_kg=mass_kg, spring_constant_n_m=k)
        assert display_duration(params) >= min(60.0, 5 * simulate(params, duration_s=1).period_s)


def test_playback_moves_the_mass_and_the_graph_marker_without_recomputing(monkeypatch):
    app = SpringsApp(amplitude_m=0.05)
    run = app.run
    start_mass = app.view.mass_marker.get_data()[1][0]
    first = bytes(app.image.value)
    calls = []
    monkeypatch.setattr("stemcpd.physics.springs.app.simulate", lambda *a, **k: calls.append(1))
    for _ in range(7):
        app.step()
    assert app.frame == 7 and app.run is run and calls == []
    displacement = np.interp(app.time_s, run.times_s, run.displacement_m)
    marker_x, marker_y = app.view.bounce_marker.get_data()
    assert marker_x[0] == pytest.approx(run.load_extension_m + displacement)
    assert marker_y[0] == pytest.approx(run.load_force_n + run.spring_constant_n_m * displacement)
    assert app.view.mass_marker.get_data()[1][0] != pytest.approx(start_mass)
    assert bytes(app.image.value) != first
    assert app.view.time_marker.get_xdata()[0] == pytest.approx(app.time_s)
    app.reset()
    assert app.frame == 0 and app.view.mass_marker.get_data()[1][0] == pytest.approx(start_mass)


def test_static_fallback_and_table():
    app = SpringsApp(mass_kg=0.5)
    bundle = app._repr_mimebundle_()
    assert bundle["text/html"].startswith("<figure") and 'class="stemcpd-player-description">A 0.50 kg mass' in bundle["text/html"]
    table = app.to_table()
    assert len(table) == len(app.run.times_s) and "m = 0.5 kg" in table.title
