"""The ions view and app, built headless (no notebook, no browser)."""

import io

import numpy as np
import pytest
from PIL import Image

from stemcpd.chemistry.ions import ION_IDS, TEST_IDS, IonsParams, run_test
from stemcpd.chemistry.ions.app import IonsApp
from stemcpd.chemistry.ions.view import IonsView
from stemcpd.ui.figures import figure_to_png


def pixels(png: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB"), dtype=int)


@pytest.mark.parametrize("test", range(1, len(TEST_IDS) + 1))
def test_every_coloured_result_is_also_written_in_words(test):
    view = IonsView()
    for ion in range(1, len(ION_IDS) + 1):
        result = run_test(IonsParams(test=test, ion=ion))
        view.update(result)
        words = view.colour_text.get_text() + " " + view.observation_text.get_text().replace("\n", " ")
        if result.observation.colour_name != "none":
            assert result.observation.colour_name in words
        assert view.flame.get_visible() == (test == 1)
        if result.observation.precipitate and not result.observation.dissolves_in_excess:
            assert view.precipitate.get_visible() and view.precipitate.get_hatch()  # hatched, not colour alone


def test_blitted_frame_equals_full_redraw():
    view = IonsView()
    view.update(run_test(IonsParams(test=1, ion=1)))
    view.render_png()
    view.update(run_test(IonsParams(test=4, ion=12)))
    blitted = pixels(view.render_png())
    view.figure.set_layout_engine("none")
    for artist in view.moving_artists:
        artist.set_animated(False)
    full = pixels(figure_to_png(view.figure))
    assert blitted.shape == full.shape == (560, 1150, 3)
    assert np.mean(np.abs(blitted - full)) < 0.5


def test_app_moves_highlight_readout_and_description():
    app = IonsApp()
    assert "lilac flame" in app.readout.value and "shows potassium ions" in app.readout.value
    before = (bytes(app.image.value), app.readout.value, app.description.value)
    app.sliders["test"].value = 2
    after = (bytes(app.image.value), app.readout.value, app.description.value)
    assert all(a != b for a, b in zip(before, after))
    assert "Sodium hydroxide on potassium ions" in app.description.value
    assert app.view.highlight.get_xy() == pytest.approx((2.2, 3))


def test_presets_name_the_tests_and_ions():
    app = IonsApp()
    app.preset_buttons["test"].value = 4
    app.preset_buttons["ion"].value = 13
    assert app.result.params == IonsParams(test=4, ion=13)
    assert app.preset_buttons["test"].label == "Nitric acid, then silver nitrate"
    assert app.preset_buttons["ion"].label == "I⁻"
    assert "yellow precipitate" in app.readout.value
    assert app.view.colour_text.get_text() == "Colour: yellow precipitate"
    app.set(test=2, ion=6)
    assert "dissolves in excess" in app.readout.value


def test_static_fallback_and_table():
    app = IonsApp(test=5, ion=14)
    html = app._repr_mimebundle_()["text/html"]
    assert html.startswith("<figure") and "barium chloride on sulfate ions" in html
    assert len(app.to_table()) == 14
