"""The radiation view and app, built headless (no notebook, no browser)."""

import io

import numpy as np
import pytest
from PIL import Image

from stemcpd.physics.radiation import RadiationParams, simulate
from stemcpd.physics.radiation.app import CONTROLS, RadiationApp
from stemcpd.physics.radiation.view import SURFACE_HATCHES, RadiationView
from stemcpd.ui.figures import figure_to_png


def pixels(png: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB"), dtype=int)


def test_bars_show_emitted_and_absorbed_power_with_distinct_hatches():
    view = RadiationView()
    run = simulate(RadiationParams())
    view.update(run)
    np.testing.assert_allclose([bar.get_height() for bar in view.emitted_bars], run.emitted_power_w)
    np.testing.assert_allclose([bar.get_height() for bar in view.absorbed_bars], run.absorbed_power_w)
    hatches = [bar.get_hatch() for bar in view.emitted_bars]
    assert len(set(hatches)) == 4 and hatches == list(SURFACE_HATCHES[:4])
    assert view.net_labels[0].get_text() == f"{run.net_power_w[0]:.2f} W"  # the title says "net above"
    labels = [label.get_text() for label in view.bar_axes.get_xticklabels()]
    assert labels[0] == "Matt\nblack\nε = 0.97"
    assert view.bar_axes.get_ylim()[1] >= run.emitted_power_w.max()


def test_cooling_lines_follow_the_run_and_blitted_frame_equals_full_redraw():
    view = RadiationView()
    view.update(simulate(RadiationParams()))
    view.render_png()
    run = simulate(RadiationParams(temperature_c=95))
    view.update(run)
    x, y = view.cooling_lines[3].get_data()
    np.testing.assert_allclose(y, run.temperature_c[3])
    assert x[-1] == pytest.approx(120.0)  # minutes
    assert view.cooling_axes.get_ylim() == (0.0, 120.0)  # round limits, 20 °C or more above the start
    blitted = pixels(view.render_png())
    view.figure.set_layout_engine("none")
    for artist in view.moving_artists:
        artist.set_animated(False)
    full = pixels(figure_to_png(view.figure))
    assert blitted.shape == full.shape == (450, 1000, 3)
    assert np.mean(np.abs(blitted - full)) < 0.5


def test_view_refuses_surfaces_it_was_not_built_for():
    view = RadiationView()
    run = simulate(RadiationParams(surface_names=("Black", "Silver"), emissivities=(0.95, 0.05)))
    with pytest.raises(ValueError, match="this view shows"):
        view.update(run)


def test_app_controls_readout_and_presets():
    app = RadiationApp()
    assert list(app.sliders) == [control.name for control in CONTROLS]
    assert app.params == RadiationParams()
    assert "matt black <b>4.49 W</b>" in app.readout.value and "8.2 μm" in app.readout.value
    before = (bytes(app.image.value), app.readout.value, app.description.value)
    app.sliders["ambient_temperature_c"].value = 35
    after = (bytes(app.image.value), app.readout.value, app.description.value)
    assert all(a != b for a, b in zip(before, after))
    app.preset_buttons["temperature_c"].value = 100.0
    assert app.run.params.temperature_c == 100
    assert app.preset_buttons["temperature_c"].label == "Just boiled"
    app.sliders["temperature_c"].value = 99
    assert app.preset_buttons["temperature_c"].value is None


def test_app_table_and_static_fallback():
    app = RadiationApp(duration_s=3600)
    table = app.to_table()
    assert table.column("time")[-1] == pytest.approx(3600)
    assert 'class="stemcpd-player-description">At 80 °C in 20 °C surroundings' in app._repr_mimebundle_()["text/html"]


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
    assert _full_draws_in_sweep(RadiationApp(), control) <= 8


def test_new_emissivities_draw_a_new_background_and_old_ones_reuse_theirs():
    view = RadiationView()
    view.update(simulate(RadiationParams()))
    view.render_png()
    emissivities = tuple(round(value * 0.5, 3) for value in RadiationParams().emissivities)
    view.update(simulate(RadiationParams(emissivities=emissivities)))
    view.render_png()
    assert view.renderer.full_draws == 2
    assert view.bar_axes.get_xticklabels()[0].get_text().endswith(f"ε = {emissivities[0]:g}")
    view.update(simulate(RadiationParams()))
    view.render_png()
    assert view.renderer.full_draws == 2
