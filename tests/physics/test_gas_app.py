"""The gas view and app, built headless (no notebook, no browser)."""

import numpy as np
import pytest

from stemcpd.physics.gas import GasParams, simulate
from stemcpd.physics.gas.app import CONTROLS, GasApp
from stemcpd.physics.gas.view import GasView
from stemcpd.practical import with_uncertainty


def test_view_draws_discs_to_scale_and_histogram_of_the_frame():
    view = GasView()
    run = simulate(GasParams(number_of_particles=300, box_side_nm=25.0), steps=50, frames=10)
    view.update(run)
    assert len(view.discs.get_offsets()) == 300
    np.testing.assert_allclose(view.discs.get_offsets(), run.positions_nm[0])
    assert view.box_axes.get_xlim() == (0, 25.0)
    assert view.walls.get_width() == view.walls.get_height() == 25.0
    # EllipseCollection in data units: each disc is 0.34 nm across on the axes.
    np.testing.assert_allclose(view.discs.get_widths(), 0.34)
    np.testing.assert_allclose(view.discs.get_heights(), 0.34)
    assert view.discs._units == "xy"  # sizes in data units (nm), so drawn to scale
    view.show_time(run, run.times_ps[5] * 1e-12)
    counts = view.histogram.get_data().values
    assert counts.sum() == 300
    np.testing.assert_array_equal(counts, np.histogram(run.speeds_m_s[5], bins=view._edges)[0])
    assert view.render_png()[:4] == b"\x89PNG"


def test_app_controls_and_integer_particle_count():
    app = GasApp()
    assert list(app.sliders) == [control.name for control in CONTROLS]
    assert app.run.params == GasParams(number_of_particles=400, temperature_k=300, box_side_nm=30)
    app.sliders["number_of_particles"].value = 250
    assert app.run.params.number_of_particles == 250
    assert len(app.view.discs.get_offsets()) == 250


@pytest.mark.parametrize("control, value", [("temperature_k", 600), ("box_side_nm", 45), ("number_of_particles", 700)])
def test_moving_a_control_changes_figure_readout_and_description(control, value):
    app = GasApp()
    before = (bytes(app.image.value), app.readout.value, app.description.value)
    app.sliders[control].value = value
    after = (bytes(app.image.value), app.readout.value, app.description.value)
    assert all(a != b for a, b in zip(before, after))
    assert with_uncertainty(app.run.pressure_n_m, app.run.pressure_uncertainty_n_m, " mN/m", 1e3) in app.readout.value


def test_every_control_combination_at_the_extremes_is_valid():
    for n in (100, 1000):
        for side in (20, 60):
            GasParams(number_of_particles=n, box_side_nm=side, temperature_k=1000)


def test_playback_steps_through_frames_without_recomputing(monkeypatch):
    app = GasApp()
    run = app.run
    first = bytes(app.image.value)
    monkeypatch.setattr("stemcpd.physics.gas.app.simulate", lambda *a, **k: pytest.fail("recomputed"))
    for _ in range(10):
        app.step()
    assert app.frame == 10 and app.run is run
    np.testing.assert_allclose(app.view.discs.get_offsets(), run.positions_nm[10])
    assert app.view.status_text.get_text().startswith(f"{run.times_ps[10]:.1f} ps\n")
    assert app.view.status_words.get_text().startswith("t =") and app.view.status_words not in app.view.moving_artists
    assert bytes(app.image.value) != first
    app.reset()
    np.testing.assert_allclose(app.view.discs.get_offsets(), run.positions_nm[0])


def test_app_to_table_and_static_html():
    app = GasApp(number_of_particles=200)
    table = app.to_table()
    assert len(table) == app.playback_frames and "200 discs" in table.title
    assert app._repr_mimebundle_()["text/html"].startswith("<figure")


def test_box_side_sweep_redraws_the_whole_figure_only_at_a_few_round_sizes():
    # The walls are drawn; the axes run to the next of 20, 25, 30, 40, 50, 60 nm.
    app = GasApp()
    drawn = app.view.renderer.full_draws
    for side in range(21, 61, 3):
        app.sliders["box_side_nm"].value = side
        assert app.view.walls.get_width() == side <= app.view.box_axes.get_xlim()[1] < 1.34 * side
    assert app.view.renderer.full_draws - drawn <= 6


def test_temperature_sweep_redraws_the_whole_figure_at_few_speed_ranges():
    app = GasApp()
    drawn = app.view.renderer.full_draws
    temperatures = list(range(50, 1001, 50))
    for temperature in temperatures + temperatures[::-1]:
        app.sliders["temperature_k"].value = temperature
        assert app.view.speed_axes.get_xlim()[1] >= 3.2 * app.run.params.rms_speed_m_s
    assert app.view.renderer.full_draws - drawn <= 7
