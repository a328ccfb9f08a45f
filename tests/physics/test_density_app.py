"""The density view and app, built headless (no notebook, no browser)."""

import io

import numpy as np
import pytest
from PIL import Image

from stemcpd.physics.density import BlockParams, analyse
from stemcpd.physics.density.app import CONTROLS, DensityApp
from stemcpd.physics.density.view import LIQUID_DEPTH_M, DensityView
from stemcpd.ui.figures import figure_to_png


def pixels(png: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB"), dtype=int)


def test_view_places_a_floating_block_at_its_submerged_depth():
    view = DensityView()
    result = analyse(BlockParams(density_kg_m3=700, height_m=0.05, length_m=0.06))
    view.update(result)
    x, y = view.block_patch.get_xy()
    assert view.block_patch.get_width() == pytest.approx(6.0)
    assert view.block_patch.get_height() == pytest.approx(5.0)
    # Bottom of the block 70% of its height below the surface (fraction = 700/998).
    assert LIQUID_DEPTH_M * 100 - y == pytest.approx(5.0 * 700 / 998)
    assert "floats" in view.block_text.get_text()
    view.update(analyse(BlockParams(density_kg_m3=8960)))
    assert view.block_patch.get_xy()[1] == 0.0 and "sinks" in view.block_text.get_text()


def test_view_graph_line_gradient_is_the_density_and_frames_match_full_redraw():
    view = DensityView()
    view.update(analyse(BlockParams()))
    view.render_png()
    result = analyse(BlockParams(density_kg_m3=8500, width_m=0.03))
    view.update(result)
    volumes, masses = view.material_line.get_data()
    assert (masses[1] - masses[0]) / (volumes[1] - volumes[0]) == pytest.approx(8.5)
    marker_x, marker_y = view.block_marker.get_data()
    assert marker_x[0] == pytest.approx(result.volume_cm3) and marker_y[0] == pytest.approx(result.mass_g)
    assert view.graph_axes.get_ylim()[1] >= masses[1]
    blitted = pixels(view.render_png())
    view.figure.set_layout_engine("none")
    for artist in view.moving_artists:
        artist.set_animated(False)
    full = pixels(figure_to_png(view.figure))
    assert blitted.shape == full.shape == (420, 1000, 3)
    assert np.mean(np.abs(blitted - full)) < 0.5


def test_app_controls_readout_and_presets():
    app = DensityApp()
    assert list(app.sliders) == [control.name for control in CONTROLS]
    assert app.params == BlockParams()
    assert "<b>sinks</b>" in app.readout.value and "100.0 cm³" in app.readout.value
    before = (bytes(app.image.value), app.readout.value, app.description.value)
    app.preset_buttons["density_kg_m3"].value = 700.0  # oak
    after = (bytes(app.image.value), app.readout.value, app.description.value)
    assert all(a != b for a, b in zip(before, after))
    assert app.sliders["density_kg_m3"].value == 700
    assert "floats, <b>70%</b> submerged" in app.readout.value
    app.preset_buttons["liquid_density_kg_m3"].value = 789.0  # ethanol: oak floats lower
    assert app.block.fraction_submerged == pytest.approx(700 / 789)
    app.sliders["density_kg_m3"].value = 701
    assert app.preset_buttons["density_kg_m3"].value is None
    app.sliders["density_kg_m3"].value = 8960
    assert app.preset_buttons["density_kg_m3"].label == "Copper"


def test_app_table_and_static_fallback():
    app = DensityApp(height_m=0.02)
    table = app.to_table()
    assert len(table) == 11 and table.column("volume")[5] == pytest.approx(app.block.volume_cm3)
    assert 'class="stemcpd-player-description">A 5.0 × 5.0 × 2.0 cm block' in app._repr_mimebundle_()["text/html"]


def _full_draws_in_sweep(app, control, count=20):
    """How many of ``count`` slider settings across ``control``'s range drew the whole figure."""
    slider = app.sliders[control.name]
    before = app.view.renderer.full_draws
    for value in np.linspace(control.minimum, control.maximum, count):
        value = control.minimum + round((value - control.minimum) / control.step) * control.step
        slider.value = int(round(value)) if getattr(control, "integer", False) else float(value)
    return app.view.renderer.full_draws - before


@pytest.mark.parametrize("control", CONTROLS, ids=lambda control: control.name)
def test_sweeping_a_control_draws_the_whole_figure_rarely(control):
    """Axis limits sit on ladders of round values and choices are named in the static
    key, so sweeping a slider across its range redraws the whole figure only a few times."""
    assert _full_draws_in_sweep(DensityApp(), control) <= 6
