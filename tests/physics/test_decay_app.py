"""The decay view and app, built headless (no notebook, no browser)."""

import io

import numpy as np
import pytest
from PIL import Image

from stemcpd.physics.decay import DecayParams, simulate
from stemcpd.physics.decay.app import CONTROLS, DecayApp
from stemcpd.physics.decay.view import DecayView
from stemcpd.practical import with_uncertainty


def pixels(png: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB"), dtype=int)


def test_view_shows_the_run_and_snaps_axes():
    view = DecayView()
    run = simulate(DecayParams(half_life_s=60, initial_atoms=1000))
    view.update(run)
    x, y = view.atoms_markers.get_data()
    np.testing.assert_array_equal(y, run.atoms)
    assert view.atoms_axes.get_xlim() == (0, 300) and view.atoms_axes.get_ylim() == (0, 1050)
    view.update(simulate(DecayParams(half_life_s=58, initial_atoms=1000)))
    assert view.atoms_axes.get_xlim() == (0, 300)  # same rung: the axes stay still
    assert pixels(view.render_png()).shape == (420, 1000, 3)



@pytest.mark.parametrize("control_name, most_full_draws", [
    ("half_life_s", 8), ("initial_atoms", 7), ("background_rate_per_s", 3), ("seed", 2),
])
def test_sweeping_a_control_rarely_draws_the_whole_figure_and_keeps_points_on_the_axes(
        control_name, most_full_draws):
    app = DecayApp()
    control = next(c for c in CONTROLS if c.name == control_name)
    before = app.view.renderer.full_draws
    for value in np.linspace(control.minimum, control.maximum, 30):
        app.sliders[control_name].value = int(round(value)) if control.integer else round(float(value), 1)
        view, run = app.view, app.run
        assert view.atoms_axes.get_xlim()[1] >= run.times_s[-1]
        assert view.atoms_axes.get_ylim()[1] > run.params.initial_atoms
        assert view.counts_axes.get_ylim()[1] > max(run.counts.max(), run.background_per_interval)
    assert app.view.renderer.full_draws - before <= most_full_draws


def test_readout_states_the_counting_interval():
    app = DecayApp(half_life_s=60)
    assert "counting every 6 s" in app.readout.value

def test_app_builds_one_slider_per_control_and_seed_is_integer():
    app = DecayApp()
    assert list(app.sliders) == [control.name for control in CONTROLS]
    assert app.params == DecayParams(half_life_s=60, initial_atoms=1000, background_rate_per_s=0.5, seed=0)
    app.sliders["seed"].value = 7
    assert app.run.params.seed == 7 and isinstance(app.run.params.seed, int)


@pytest.mark.parametrize("control, value", [("half_life_s", 120), ("seed", 3), ("background_rate_per_s", 2.0)])
def test_moving_a_control_changes_figure_readout_and_description(control, value):
    app = DecayApp()
    before = (bytes(app.image.value), app.readout.value, app.description.value)
    app.sliders[control].value = value
    after = (bytes(app.image.value), app.readout.value, app.description.value)
    assert after[0] != before[0]
    assert after[1] != before[1] or control == "background_rate_per_s" and after[2] != before[2]
    assert after[2] != before[2]
    # The fitted half-life with its uncertainty, rounded together, and the verdict.
    assert f"{with_uncertainty(app.run.fit.half_life_s, app.run.fit.uncertainty_s, ' s')}</b>" in app.readout.value
    assert app.run.fit_agreement.brief(f"{app.run.params.half_life_s:.3g} s") in app.readout.value
    assert 'aria-live="polite"' in app.description.value


def test_half_life_presets_set_the_slider():
    app = DecayApp()
    app.preset_buttons["half_life_s"].value = 70.0
    assert app.sliders["half_life_s"].value == 70.0 and app.run.params.half_life_s == 70.0


def test_playback_moves_the_marker_and_reads_n_and_activity_without_recomputing(monkeypatch):
    app = DecayApp()
    run = app.run
    first = bytes(app.image.value)
    monkeypatch.setattr("stemcpd.physics.decay.app.simulate", lambda *a, **k: pytest.fail("recomputed"))
    for _ in range(20):
        app.step()
    assert app.frame == 20 and app.run is run
    assert app.time_s == pytest.approx(run.times_s[-1] * 20 / app.playback_frames)
    index = int(np.searchsorted(run.times_s, app.time_s, side="right") - 1)
    assert app.view.atoms_now.get_data()[1][0] == run.atoms[index]
    assert f"N = {run.atoms[index]}" in app.time_readout.value
    assert "Bq" in app.time_readout.value
    assert bytes(app.image.value) != first
    app.reset()
    assert app.frame == 0 and app.view.atoms_now.get_data()[1][0] == run.atoms[0]


def test_app_to_table_and_static_html():
    app = DecayApp(initial_atoms=500)
    table = app.to_table()
    assert len(table) == len(app.run.counts) and "N₀ = 500" in table.title
    html = app._repr_mimebundle_()["text/html"]
    assert html.startswith("<figure") and 'class="stemcpd-player-description">500 nuclei' in html
