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


@pytest.mark.parametrize("test", TEST_IDS)
def test_every_coloured_result_is_also_written_in_words(test):
    view = IonsView()
    for ion in ION_IDS:
        result = run_test(IonsParams(test=test, ion=ion))
        view.update(result)
        words = view.colour_text.get_text() + " " + view.observation_text.get_text().replace("\n", " ")
        if result.observation.colour_name != "none":
            assert result.observation.colour_name in words
        assert view.flame.get_visible() == (test == "flame")
        if result.observation.precipitate and not result.observation.dissolves_in_excess:
            assert view.precipitate.get_visible() and view.precipitate.get_hatch()  # hatched, not colour alone


def test_blitted_frame_equals_full_redraw():
    view = IonsView()
    view.update(run_test(IonsParams(test="flame", ion="Li+")))
    view.render_png()
    view.update(run_test(IonsParams(test="halide", ion="Br-")))
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
    app.sliders["test"].value = "hydroxide"
    after = (bytes(app.image.value), app.readout.value, app.description.value)
    assert all(a != b for a, b in zip(before, after))
    assert "Sodium hydroxide on potassium ions" in app.description.value
    assert app.view.highlight.get_xy() == pytest.approx((2.2, 3))


def test_choice_buttons_name_the_tests_and_ions():
    import ipywidgets as widgets

    app = IonsApp()
    assert isinstance(app.sliders["test"], widgets.ToggleButtons)
    app.sliders["test"].value = "halide"
    app.sliders["ion"].value = "I-"
    assert app.result.params == IonsParams(test="halide", ion="I-")
    assert app.sliders["test"].label == "Nitric acid, then silver nitrate"
    assert app.sliders["ion"].label == "I⁻"
    assert "yellow precipitate" in app.readout.value
    assert app.view.colour_text.get_text() == "Colour: yellow precipitate"
    app.set(test="hydroxide", ion="Al3+")
    assert "dissolves in excess" in app.readout.value


def test_static_fallback_and_table():
    app = IonsApp(test="sulfate", ion="SO4^2-")
    html = app._repr_mimebundle_()["text/html"]
    assert html.startswith("<figure") and "barium chloride on sulfate ions" in html
    assert len(app.to_table()) == 14
