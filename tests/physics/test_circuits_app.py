"""The circuits view and app, built headless (no notebook, no browser)."""

import io

import numpy as np
import pytest
from PIL import Image

from stemcpd.physics.circuits import CircuitExplorerParams, explore
from stemcpd.physics.circuits.app import CONTROLS, CircuitsApp
from stemcpd.physics.circuits.view import CircuitsView
from stemcpd.ui.figures import figure_to_png


def pixels(png: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB"), dtype=int)


def test_view_draws_every_component_and_blitting_matches_a_full_redraw():
    view = CircuitsView()
    view.update(explore())
    view.render_png()
    result = explore(CircuitExplorerParams(supply_voltage_v=5.5, temperature_c=40))
    view.update(result)
    for name, line in view.iv_lines.items():
        x, y = line.get_data()
        np.testing.assert_allclose(y, result.currents_a[name] * 1000)
    # Distinct line styles and markers, never colour alone.
    styles = {(line.get_linestyle(), line.get_marker()) for line in view.iv_lines.values()}
    assert len(styles) == 5
    blitted = pixels(view.render_png())
    view.figure.set_layout_engine("none")
    for artist in view.moving_artists:
        artist.set_animated(False)
    full = pixels(figure_to_png(view.figure))
    assert blitted.shape == full.shape == (460, 1150, 3)
    assert np.mean(np.abs(blitted - full)) < 0.5


def test_view_axes_move_in_steps():
    view = CircuitsView()
    view.update(explore(CircuitExplorerParams(supply_voltage_v=5.0)))
    first = (view.iv_axes.get_xlim(), view.iv_axes.get_ylim(), view.divider_axes.get_ylim())
    view.update(explore(CircuitExplorerParams(supply_voltage_v=5.5)))
    assert (view.iv_axes.get_xlim(), view.iv_axes.get_ylim(), view.divider_axes.get_ylim()) == first
    view.update(explore(CircuitExplorerParams(supply_voltage_v=11.0)))
    assert view.iv_axes.get_xlim()[1] > 11.0


def test_app_builds_sliders_from_controls():
    app = CircuitsApp()
    assert list(app.sliders) == [control.name for control in CONTROLS]
    assert app.params == CircuitExplorerParams()
    assert "(Ω)" in app.sliders["r1_ohm"].description


def test_moving_a_slider_changes_figure_readout_and_description():
    app = CircuitsApp()
    before = (bytes(app.image.value), app.readout.value, app.description.value)
    app.sliders["supply_voltage_v"].value = 3.0
    after = (bytes(app.image.value), app.readout.value, app.description.value)
    assert all(a != b for a, b in zip(before, after))
    assert "resistor <b>30.0 mA</b>" in app.readout.value
    assert "At 3.0 V the resistor takes 30.0 mA" in app.description.value
    app.sliders["wire_length_m"].value = 1.0
    assert "Wire <b>R = 8.31 Ω</b>" in app.readout.value


def test_loading_the_divider_lowers_the_output_in_the_readout():
    app = CircuitsApp(r1_ohm=1000, r2_ohm=1000, load_resistance_ohm=100000)
    # 1 kΩ ∥ 100 kΩ = 990.1 Ω → 6 × 990.1/1990.1 = 2.985 V (unloaded 3.00 V).
    assert "V_out <b>2.99 V</b> (unloaded 3.00 V" in app.readout.value
    app.sliders["load_resistance_ohm"].value = 1000
    assert "V_out <b>2.00 V</b>" in app.readout.value  # R2 ∥ load = 500 Ω → 6 × 500/1500


def test_light_presets_set_the_ldr_slider():
    app = CircuitsApp()
    app.preset_buttons["illuminance_lux"].value = 1000.0
    assert app.sliders["illuminance_lux"].value == 1000
    assert app.result.params.illuminance_lux == 1000
    app.sliders["illuminance_lux"].value = 120
    assert app.preset_buttons["illuminance_lux"].value is None


def test_app_table_and_static_fallback():
    app = CircuitsApp(supply_voltage_v=4.0)
    table = app.to_table()
    assert len(table) == len(app.result.voltages_v)
    assert table.column("potential difference")[-1] == pytest.approx(4.0)
    html = app._repr_mimebundle_()["text/html"]
    assert html.startswith("<figure") and 'class="stemcpd-player-description">At 4.0 V the resistor' in html


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
    assert _full_draws_in_sweep(CircuitsApp(), control) <= 7
