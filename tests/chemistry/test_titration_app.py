"""The titration view and app, built headless (no notebook, no browser)."""

import io

import numpy as np
import pytest
from PIL import Image

from stemcpd.chemistry.titration import TitrationParams, simulate
from stemcpd.chemistry.titration.app import CONTROLS, TitrationApp
from stemcpd.chemistry.titration.view import TitrationView
from stemcpd.ui.figures import figure_to_png


def pixels(png: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB"), dtype=int)


def test_view_moves_artists_and_blitted_frame_equals_full_redraw():
    view = TitrationView()
    view.update(simulate(TitrationParams(added_ml=5.0)))
    view.render_png()
    curve = simulate(TitrationParams(added_ml=12.5))
    view.update(curve)
    x, y = view.now_marker.get_data()
    assert x[0] == 12.5 and y[0] == pytest.approx(4.76, abs=0.01)
    assert view.equivalence_marker.get_data()[0][0] == pytest.approx(25.0)
    assert view.curve_axes.get_xlim() == (0, 50)
    assert view.name_texts[-1].get_text() == "phenolphthalein:" and view.colour_texts[-1].get_text() == "colourless"
    assert "(suitable)" in view.range_texts[-1].get_text()
    blitted = pixels(view.render_png())
    view.figure.set_layout_engine("none")
    for artist in view.moving_artists:
        artist.set_animated(False)
    full = pixels(figure_to_png(view.figure))
    assert blitted.shape == full.shape
    assert np.mean(np.abs(blitted - full)) < 0.5


def test_volume_axis_snaps_to_round_steps():
    view = TitrationView()
    view.update(simulate(TitrationParams(acid_molar=0.1)))
    assert view.curve_axes.get_xlim() == (0, 50)
    view.update(simulate(TitrationParams(acid_molar=0.6)))  # equivalence at 150 cm³
    assert view.curve_axes.get_xlim() == (0, 300)


def test_app_builds_sliders_and_default_params():
    app = TitrationApp()
    assert list(app.sliders) == [c.name for c in CONTROLS]
    assert app.params == TitrationParams(added_ml=0.0, acid_molar=0.1, acid_ml=25.0, base_molar=0.1, acid_pka=4.76)
    assert "pH <b>2.88</b>" in app.readout.value


def test_pka_slider_at_or_below_minus_one_means_strong_acid():
    app = TitrationApp(added_ml=25.0)
    app.sliders["acid_pka"].value = -1.0
    assert app.curve.params.acid_pka is None
    assert "<b>strong</b> acid" in app.readout.value and "pH <b>7.00</b>" in app.readout.value
    assert "strong acid" in app.description.value
    app.sliders["acid_pka"].value = -0.99
    assert app.curve.params.acid_pka == pytest.approx(-0.99)


def test_moving_volume_changes_figure_readout_and_description():
    app = TitrationApp()
    before = (bytes(app.image.value), app.readout.value, app.description.value)
    app.sliders["added_ml"].value = 30.0
    after = (bytes(app.image.value), app.readout.value, app.description.value)
    assert all(a != b for a, b in zip(before, after))
    assert "30.00 cm³" in app.readout.value and 'aria-live="polite"' in app.description.value


def test_acid_presets_set_the_slider():
    app = TitrationApp()
    app.preset_buttons["acid_pka"].value = -2.0
    assert app.sliders["acid_pka"].value == -2.0 and app.curve.params.is_strong
    app.preset_buttons["acid_pka"].value = 9.25
    assert app.curve.params.acid_pka == 9.25 and "suitable indicators: none" in app.readout.value
    app.sliders["acid_pka"].value = 5.0
    assert app.preset_buttons["acid_pka"].value is None


def test_table_and_static_fallback():
    app = TitrationApp(added_ml=10.0)
    table = app.to_table()
    assert len(table) == len(app.curve.volumes_ml) and "NaOH" in table.title
    html = app._repr_mimebundle_()["text/html"]
    assert html.startswith("<figure") and 'class="stemcpd-player-description">After adding 10.00 cm³' in html


def test_only_the_changing_words_are_redrawn_and_verdicts_name_the_background():
    from stemcpd.chemistry.titration.app import TitrationApp

    app = TitrationApp()
    view = app.view
    moving = set(map(id, view.renderer.moving_artists))
    assert not any(id(text) in moving for text in (*view.name_texts, *view.range_texts, view.status_words))
    drawn = view.renderer.full_draws
    for added in (5.0, 10.0, 20.0, 30.0, 40.0):
        app.sliders["added_ml"].value = added
    assert view.renderer.full_draws == drawn
    weak_key = view.renderer.static_key
    app.sliders["acid_pka"].value = 9.25  # no indicator suitable: the verdicts (background) change
    assert view.renderer.static_key != weak_key and "(not suitable)" in view.range_texts[-1].get_text()
