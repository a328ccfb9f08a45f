"""The rates view and app, built headless (no notebook, no browser)."""

import io
import math

import numpy as np
import pytest
from PIL import Image

from stemcpd.chemistry.rates import RatesParams, simulate
from stemcpd.chemistry.rates.app import CONTROLS, RatesApp
from stemcpd.chemistry.rates.view import RatesView
from stemcpd.practical import with_uncertainty
from stemcpd.ui.figures import figure_to_png


def pixels(png: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB"), dtype=int)


def test_view_shows_each_species_and_blitted_frame_equals_full_redraw():
    view = RatesView()
    run = simulate(RatesParams(number_of_particles=200))
    view.update(run)
    view.render_png()
    view.show_time(run, run.times_s[-1])
    shown = [len(marker.get_data()[0]) for marker in view.species_markers]
    assert sum(shown) == 200
    assert shown[2] == shown[3] == run.products[-1] > 0
    assert view.walls.get_width() == view.walls.get_height() == pytest.approx(run.params.box_side_nm)
    assert run.params.box_side_nm <= view.box_axes.get_xlim()[1] < 1.5 * run.params.box_side_nm
    assert "A–B successful:" in view.status_words.get_text() and view.status_words not in view.moving_artists
    assert view.status_text.get_text().endswith(f"{int(run.successful_per_step.sum())} of "
                                                f"{int(run.ab_collisions_per_step.sum())}")
    blitted = pixels(view.render_png())
    view.figure.set_layout_engine("none")
    for artist in view.moving_artists:
        artist.set_animated(False)
    full = pixels(figure_to_png(view.figure))
    assert blitted.shape == full.shape
    assert np.mean(np.abs(blitted - full)) < 0.5


def test_app_builds_with_a_catalyst_checkbox():
    import ipywidgets as widgets

    app = RatesApp()
    assert list(app.sliders) == [c.name for c in CONTROLS]
    checkbox = app.sliders["catalyst"]
    assert isinstance(checkbox, widgets.Checkbox) and checkbox.value is False
    assert checkbox.description == "Catalyst"
    assert app.params == RatesParams()
    assert "A–B collisions" in app.readout.value


def test_catalyst_on_changes_figure_readout_and_description():
    app = RatesApp(number_of_particles=200)
    before = (bytes(app.image.value), app.readout.value, app.description.value)
    app.sliders["catalyst"].value = True
    after = (bytes(app.image.value), app.readout.value, app.description.value)
    assert all(a != b for a, b in zip(before, after))
    assert "(catalyst)" in app.readout.value and "with a catalyst" in app.description.value
    assert app.run.params.effective_activation_energy_kj_mol == pytest.approx(3.0)


def test_playback_moves_particles_without_recomputing(monkeypatch):
    app = RatesApp(number_of_particles=200)
    run = app.run
    first = bytes(app.image.value)
    calls = []
    monkeypatch.setattr("stemcpd.chemistry.rates.app.simulate", lambda *a, **k: calls.append(1))
    for _ in range(20):
        app.step()
    assert app.frame == 20 and app.run is run and calls == []
    assert bytes(app.image.value) != first
    frame = run.frame_at(app.time_s)
    x, _ = app.view.species_markers[0].get_data()
    np.testing.assert_allclose(np.sort(x), np.sort(run.positions_nm[frame][run.species[frame] == 0][:, 0]))
    assert "ps" in app.time_readout.value and "product pairs" in app.time_readout.value
    app.reset()
    assert app.frame == 0 and app.view.now_marker.get_data()[1][0] == 0


def test_table_and_static_fallback():
    app = RatesApp(number_of_particles=100)
    assert len(app.to_table()) == 101
    html = app._repr_mimebundle_()["text/html"]
    assert html.startswith("<figure") and 'class="stemcpd-player-description">At 300 K' in html


def test_nearby_temperatures_never_show_the_cooler_box_reacting_faster_beyond_the_stated_uncertainty():
    """Move the temperature slider 10 K at a time from 250 K to 450 K (the app's own
    seed; 21 runs, to keep the test quick — the whole slider, 200–600 K, was checked
    once the same way). The cooler setting may come out ahead by chance, but never by
    more than the combined uncertainty the two readouts state, √(σ₁² + σ₂²), for the
    product formed (largest excess over the whole slider: 0.83 of it); the share of
    collisions with enough energy, whose uncertainty is not an upper bound, stays
    within twice it (largest: 1.14, at 410 → 420 K). Before the thermal start, a 300 K
    box could be 8 % hotter than the set value and react faster than a 310 K one with
    nothing to say so."""
    app = RatesApp()
    shown = []
    for temperature in range(250, 460, 10):
        app.sliders["temperature_k"].value = temperature
        run = app.run
        assert run.params.temperature_k == temperature
        products = with_uncertainty(float(run.products[-1]), run.products_uncertainty)
        energetic = with_uncertainty(run.energetic_fraction, run.energetic_fraction_uncertainty, "%", 100)
        assert f"product <b>{products}</b>" in app.readout.value and f"<b>{energetic}</b>" in app.readout.value
        assert run.energetic_agreement.brief(
            f"e<sup>−Ea/RT</sup> = {run.theoretical_successful_fraction * 100:.1f}%") in app.readout.value
        shown.append(run)
    for cooler, warmer in zip(shown, shown[1:]):
        product_sigma = math.hypot(cooler.products_uncertainty, warmer.products_uncertainty)
        assert cooler.products[-1] - warmer.products[-1] <= product_sigma
        share_sigma = math.hypot(cooler.energetic_fraction_uncertainty, warmer.energetic_fraction_uncertainty)
        assert cooler.energetic_fraction - warmer.energetic_fraction <= 2 * share_sigma
    # Across the range the trend is plain: 100 K warmer, clearly more product.
    assert shown[-1].products[-1] - shown[0].products[-1] > 3 * math.hypot(shown[0].products_uncertainty,
                                                                          shown[-1].products_uncertainty)
