"""The chromatography view and app, built headless (no notebook, no browser)."""

import io

import numpy as np
import pytest
from PIL import Image

from stemcpd.chemistry.chromatography import DYES, ChromatographyParams, simulate
from stemcpd.chemistry.chromatography.app import CONTROLS, ChromatographyApp
from stemcpd.chemistry.chromatography.view import (
    DYE_HATCHES,
    DYE_MARKERS,
    REFERENCE_LANES_MM,
    SAMPLE_LANE_MM,
    ChromatographyView,
)
from stemcpd.ui.figures import figure_to_png


def pixels(png: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB"), dtype=int)


def test_view_puts_spots_at_rf_times_front_with_distinct_hatches_and_markers():
    view = ChromatographyView()
    run = simulate(ChromatographyParams(sample="brown", solvent="water"))
    view.update(run)
    view.show_time(run, run.times_s[-1])
    baseline, front = run.params.baseline_mm, run.final_front_distance_mm
    assert view.front_line.get_ydata()[0] == pytest.approx(baseline + front)
    for dye, spot in enumerate(view.reference_spots):
        assert spot.center == pytest.approx((REFERENCE_LANES_MM[dye], baseline + DYES[dye].rf[0] * front))
        assert spot.get_height() == pytest.approx(4 * run.sigma_along_mm[-1])
    for slot, dye in enumerate(run.sample.dyes):
        assert view.sample_spots[slot].center[0] == SAMPLE_LANE_MM
        assert view.sample_spots[slot].get_hatch() == DYE_HATCHES[dye]
        assert view.spot_curves[slot].get_marker() == DYE_MARKERS[dye]
    assert len(set(DYE_HATCHES)) == len(set(DYE_MARKERS)) == len(DYES)
    labels = sorted(t.get_text() for t in view.sample_labels if t.get_visible())
    assert labels == ["E102  Rf 0.90", "E129  Rf 0.48", "E133  Rf 0.80"]
    # Labels never overlap: at least the gap apart even when spots are close.
    heights = sorted(t.get_position()[1] for t in view.sample_labels if t.get_visible())
    assert np.all(np.diff(heights) >= 6.5 - 1e-9)


def test_view_hides_unused_sample_slots_and_rebuilds_legend():
    view = ChromatographyView()
    view.update(simulate(ChromatographyParams(sample="pure tartrazine")))
    assert [s.get_visible() for s in view.sample_spots] == [True, False, False]
    legend = [t.get_text() for t in view.distance_axes.get_legend().get_texts()]
    assert legend == ["solvent front √(Dt)", "E102 tartrazine"]


def test_blitted_frame_equals_full_redraw():
    view = ChromatographyView()
    run = simulate(ChromatographyParams(sample="purple"))
    view.update(run)
    view.render_png()
    view.show_time(run, 600.0)
    blitted = pixels(view.render_png())
    view.figure.set_layout_engine("none")
    for artist in view.moving_artists:
        artist.set_animated(False)
    full = pixels(figure_to_png(view.figure))
    assert blitted.shape == full.shape
    assert np.mean(np.abs(blitted - full)) < 0.5


def test_app_opens_on_the_finished_chromatogram_with_rf_readout():
    app = ChromatographyApp()
    assert list(app.sliders) == [c.name for c in CONTROLS]
    assert app.frame == app.playback_frames
    assert "Rf 0.90" in app.readout.value and "2 spots seen" in app.readout.value
    assert "t = 20.0 min" in app.time_readout.value


def test_sample_and_solvent_are_named_choice_buttons():
    import ipywidgets as widgets

    app = ChromatographyApp()
    solvent, sample = app.sliders["solvent"], app.sliders["sample"]
    assert isinstance(solvent, widgets.ToggleButtons) and solvent.description == "Solvent"
    assert list(solvent.options) == [("water", "water"), ("ethanol", "ethanol")]
    assert ("purple (E122 + E133)", "purple") in sample.options
    solvent.value = "ethanol"
    assert app.result.solvent.name == "ethanol" and app.params.solvent == "ethanol"
    sample.value = "purple"
    assert app.result.sample.label.startswith("purple")
    assert "1 spot seen</b>: looks pure" in app.readout.value
    assert "a mixture whose dyes have not separated" in app.description.value


def test_controls_change_figure_readout_and_description():
    app = ChromatographyApp()
    before = (bytes(app.image.value), app.readout.value, app.description.value)
    app.sliders["development_time_min"].value = 10
    after = (bytes(app.image.value), app.readout.value, app.description.value)
    assert all(a != b for a, b in zip(before, after))
    assert pixels(bytes(app.image.value)).shape == (460, 1000, 3)


def test_playback_reset_and_step_move_the_front_without_recomputing(monkeypatch):
    app = ChromatographyApp()
    run = app.result
    calls = []
    monkeypatch.setattr("stemcpd.chemistry.chromatography.app.simulate", lambda *a, **k: calls.append(1))
    end_front = app.view.front_line.get_ydata()[0]
    app.reset()
    assert app.frame == 0 and app.view.front_line.get_ydata()[0] == pytest.approx(5.0)  # solvent level
    for _ in range(30):
        app.step()
    assert calls == [] and app.result is run
    index = run.index_at(app.time_s)
    assert app.view.front_line.get_ydata()[0] == pytest.approx(run.front_height_mm[index])
    assert 5.0 < app.view.front_line.get_ydata()[0] < end_front
    assert f"t = {run.times_s[index] / 60:.1f} min" in app.time_readout.value


def test_table_and_static_html():
    app = ChromatographyApp(sample="unknown X")
    table = app.to_table()
    assert "unknown X" in table.title and len(table) == len(app.result.times_s)
    html = app._repr_mimebundle_()["text/html"]
    assert html.startswith("<figure") and 'class="stemcpd-player-description">unknown X in water' in html


def test_switching_samples_back_reuses_their_backgrounds():
    app = ChromatographyApp()
    samples = [value for value, _label in CONTROLS[0].options]
    for sample in samples:
        app.set(sample=sample)
    before = app.view.renderer.full_draws
    for sample in reversed(samples):
        app.set(sample=sample)
        assert app.view.renderer.static_key == sample  # the legend and the label name it
    assert app.view.renderer.full_draws == before
