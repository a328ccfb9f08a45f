"""The energy-distribution view and app, built headless (no notebook, no browser)."""

import io

import numpy as np
import pytest
from PIL import Image

from stemcpd.chemistry.energy_distribution import EnergyDistributionParams, simulate
from stemcpd.chemistry.energy_distribution.app import CONTROLS, EnergyDistributionApp
from stemcpd.chemistry.energy_distribution.view import EnergyDistributionView
from stemcpd.ui.figures import figure_to_png


def pixels(png: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB"), dtype=int)


def test_view_shades_the_area_beyond_ea_and_blitted_frame_equals_full_redraw():
    view = EnergyDistributionView()
    view.update(simulate(EnergyDistributionParams()))
    view.render_png()
    result = simulate(EnergyDistributionParams(temperature_k=600, comparison_temperature_k=700))
    view.update(result)
    shaded = view.energy_area.get_xy()
    assert shaded[:, 0].min() == pytest.approx(50.0)  # the hatched area starts at Ea
    assert view.energy_area.get_hatch() and view.energy_area_comparison.get_hatch()
    assert view.energy_area.get_hatch() != view.energy_area_comparison.get_hatch()
    assert view.energy_line.get_linestyle() != view.energy_line_comparison.get_linestyle()
    assert view.ea_line.get_xdata()[0] == 50.0 and view.catalysed_line.get_xdata()[0] == 40.0
    blitted = pixels(view.render_png())
    view.figure.set_layout_engine("none")
    for artist in view.moving_artists:
        artist.set_animated(False)
    full = pixels(figure_to_png(view.figure))
    assert blitted.shape == full.shape == (440, 1100, 3)
    assert np.mean(np.abs(blitted - full)) < 0.5


def test_axis_limits_move_in_steps():
    view = EnergyDistributionView()
    view.update(simulate(EnergyDistributionParams(activation_energy_kj_mol=45)))
    first = (view.energy_axes.get_xlim(), view.log_axes.get_ylim())
    view.update(simulate(EnergyDistributionParams(activation_energy_kj_mol=48)))
    assert (view.energy_axes.get_xlim(), view.log_axes.get_ylim()) == first
    view.update(simulate(EnergyDistributionParams(activation_energy_kj_mol=150)))
    assert view.energy_axes.get_xlim()[1] >= 150 * 1.2


def test_catalyst_line_hidden_without_a_catalyst():
    view = EnergyDistributionView()
    view.update(simulate(EnergyDistributionParams(catalyst_reduction_kj_mol=0)))
    assert not view.catalysed_line.get_visible()
    view.update(simulate(EnergyDistributionParams(catalyst_reduction_kj_mol=5)))
    assert view.catalysed_line.get_visible()


def test_app_builds_one_slider_per_control():
    app = EnergyDistributionApp()
    assert list(app.sliders) == [control.name for control in CONTROLS]
    assert app.params == EnergyDistributionParams(298, 308, 50, 10, 28.014)
    assert "(kJ/mol)" in app.sliders["activation_energy_kj_mol"].description


def test_every_slider_combination_is_valid():
    # The catalyst can never lower Ea to zero or below from the sliders.
    controls = {control.name: control for control in CONTROLS}
    assert controls["activation_energy_kj_mol"].minimum > controls["catalyst_reduction_kj_mol"].maximum


def test_moving_temperature_changes_figure_readout_and_description():
    app = EnergyDistributionApp()
    before = (bytes(app.image.value), app.readout.value, app.description.value)
    assert "ratio <b>1.9</b>" in app.readout.value
    app.sliders["comparison_temperature_k"].value = 318
    after = (bytes(app.image.value), app.readout.value, app.description.value)
    assert all(a != b for a, b in zip(before, after))
    assert f"ratio <b>{app.result.temperature_ratio:.3g}</b>" in app.readout.value
    assert 3.4 < app.result.temperature_ratio < 3.8  # 20 K: about two doublings


def test_gas_presets_set_molar_mass_and_change_speeds_only():
    app = EnergyDistributionApp()
    fraction = app.result.fraction_above_ea
    app.preset_buttons["molar_mass_g_mol"].value = 2.016
    assert app.sliders["molar_mass_g_mol"].value == 2.016
    assert app.result.rms_speed_m_s == pytest.approx(1920, abs=5)
    assert app.result.fraction_above_ea == fraction
    app.sliders["molar_mass_g_mol"].value = 100.0
    assert app.preset_buttons["molar_mass_g_mol"].value is None


def test_catalyst_readout_and_static_html():
    app = EnergyDistributionApp(catalyst_reduction_kj_mol=0)
    assert "catalyst" not in app.readout.value
    app.sliders["catalyst_reduction_kj_mol"].value = 20
    assert "catalyst: <b>×" in app.readout.value
    html = app._repr_mimebundle_()["text/html"]
    assert html.startswith("<figure") and 'class="stemcpd-player-description">At 298 K a fraction' in html


def test_app_table_matches_the_result():
    app = EnergyDistributionApp(temperature_k=400)
    table = app.to_table()
    assert len(table) == len(app.result.energies_kj_mol)
    assert "400 K" in table.title


@pytest.mark.parametrize("control, values, most", [
    ("comparison_temperature_k", range(150, 1001, 50), 7),
    ("molar_mass_g_mol", [2.0, 4.0, 10.0, 20.0, 28.0, 44.0, 70.0, 100.0, 150.0, 200.0], 8),
])
def test_sweeping_a_slider_draws_the_whole_figure_rarely(control, values, most):
    # Axis limits on few round rungs, the speed axis's power of ten in the static key
    # (not a forgotten background): most frames paste a kept background.
    from stemcpd.chemistry.energy_distribution.app import EnergyDistributionApp

    app = EnergyDistributionApp()
    view = app.view
    drawn = view.renderer.full_draws
    for value in list(values) + list(values)[::-1]:
        app.sliders[control].value = value
    assert view.renderer.full_draws - drawn <= most
    assert view.energy_words not in view.renderer.moving_artists and "at T₂:" in view.energy_words.get_text()
