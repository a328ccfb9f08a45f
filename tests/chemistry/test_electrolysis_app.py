"""The electrolysis view and app, built headless (no notebook, no browser)."""

import io

import numpy as np
import pytest
from PIL import Image

from stemcpd.chemistry.electrolysis import ELECTROLYTE_NAMES, ElectrolysisParams, simulate
from stemcpd.chemistry.electrolysis.app import CONTROLS, ElectrolysisApp
from stemcpd.chemistry.electrolysis.view import ElectrolysisView, cell_summary


def pixels(png: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB"), dtype=int)


def test_view_draws_mass_lines_for_solids_and_gas_lines_for_gases():
    view = ElectrolysisView()
    run = simulate(ElectrolysisParams(current_a=1.0, time_s=1200, electrolyte="copper sulfate solution, inert electrodes"))  # CuSO₄, inert
    view.update(run)
    x, y = view.cathode_mass_line.get_data()
    assert x[-1] == pytest.approx(1200) and y[-1] == pytest.approx(run.cathode_mass_g[-1])
    assert len(view.anode_mass_line.get_data()[0]) == 0  # oxygen is a gas
    assert view.anode_gas_line.get_data()[1][-1] == pytest.approx(run.anode_gas_cm3[-1])
    assert view.mass_axes.get_ylim()[1] >= run.cathode_mass_g[-1]
    assert "Cu²⁺ + 2e⁻ → Cu" in cell_summary(run) and "4OH⁻ → O₂ + 2H₂O + 4e⁻" in cell_summary(run)
    assert pixels(view.render_png()).shape == (440, 1100, 3)


def test_view_limits_move_in_steps():
    view = ElectrolysisView()
    view.update(simulate(ElectrolysisParams(current_a=0.50)))
    first = view.mass_axes.get_ylim()
    view.update(simulate(ElectrolysisParams(current_a=0.52)))
    assert view.mass_axes.get_ylim() == first
    view.update(simulate(ElectrolysisParams(current_a=2.0, time_s=3600)))
    assert view.mass_axes.get_ylim()[1] > first[1]


def test_app_controls_and_defaults():
    app = ElectrolysisApp()
    assert list(app.sliders) == [control.name for control in CONTROLS]
    assert app.params == ElectrolysisParams(current_a=0.5, time_s=1800, electrolyte="copper sulfate solution, copper electrodes")
    assert "(A)" in app.sliders["current_a"].description


def test_moving_current_changes_figure_readout_and_description():
    app = ElectrolysisApp()
    before = (bytes(app.image.value), app.readout.value, app.description.value)
    app.sliders["current_a"].value = 1.0
    after = (bytes(app.image.value), app.readout.value, app.description.value)
    assert all(a != b for a, b in zip(before, after))
    assert "Q = 1800 C" in app.readout.value and "18.66 mmol" in app.readout.value
    assert "0.593 g Cu" in app.readout.value  # 1.0 A × 1800 s × 63.55 / (2F)


def test_electrolyte_is_a_labelled_drop_down_of_named_cells():
    import ipywidgets as widgets

    app = ElectrolysisApp()
    dropdown = app.sliders["electrolyte"]
    assert isinstance(dropdown, widgets.Dropdown) and dropdown.description == "Electrolyte"
    assert [value for _, value in dropdown.options] == list(ELECTROLYTE_NAMES)
    assert dropdown.label == "CuSO₄(aq), Cu electrodes: copper sulfate solution, copper electrodes"
    dropdown.value = "concentrated sodium chloride solution"
    assert app.run.products.anode.formula == "Cl₂"
    assert "H₂" in app.readout.value and "Cl₂" in app.readout.value
    assert "concentrated sodium chloride solution" in app.description.value


def test_playback_moves_markers_without_recomputing(monkeypatch):
    app = ElectrolysisApp()
    run = app.run
    calls = []
    monkeypatch.setattr("stemcpd.chemistry.electrolysis.app.simulate", lambda *a, **k: calls.append(1))
    first = bytes(app.image.value)
    for _ in range(25):
        app.step()
    assert app.run is run and calls == []
    assert app.time_s == pytest.approx(1800 * 25 / app.playback_frames)
    x, y = app.view.cathode_mass_marker.get_data()
    assert x[0] == pytest.approx(app.time_s) and y[0] == pytest.approx(np.interp(app.time_s, run.times_s, run.cathode_mass_g))
    assert bytes(app.image.value) != first
    assert "Q = 225 C" in app.time_readout.value
    app.reset()
    assert app.view.cathode_mass_marker.get_data()[1][0] == 0.0


def test_table_and_static_html():
    app = ElectrolysisApp(electrolyte="dilute sulfuric acid")
    table = app.to_table()
    assert len(table) == len(app.run.times_s) and "dilute sulfuric acid" in table.title
    assert app._repr_mimebundle_()["text/html"].startswith("<figure")


def test_cell_description_is_background_and_switching_back_reuses_it():
    app = ElectrolysisApp()
    names = ELECTROLYTE_NAMES[:3]
    for name in names:
        app.set(electrolyte=name)
    before = app.view.renderer.full_draws
    for name in names:
        app.set(electrolyte=name)
    assert app.view.renderer.full_draws == before
    # The description is not redrawn on each update; Faraday's working is.
    assert app.view.description_text not in app.view.renderer.moving_artists
    assert "Q = I t" in app.view.summary_text.get_text()


def test_sweeping_the_current_draws_the_whole_figure_rarely():
    app = ElectrolysisApp()
    before = app.view.renderer.full_draws
    for tenths in range(1, 21):
        app.set(current_a=tenths / 10)
    assert app.view.renderer.full_draws - before <= 6


@pytest.mark.parametrize("electrolyte", ELECTROLYTE_NAMES)
def test_curves_stay_on_axes_sized_for_the_end_of_the_time_axis(electrolyte):
    view = ElectrolysisView()
    for time_s in (60, 420, 1500, 3600):
        run = simulate(ElectrolysisParams(current_a=2.0, time_s=time_s, electrolyte=electrolyte))
        view.update(run)
        low, high = view.mass_axes.get_ylim()
        assert low <= min(run.cathode_mass_g.min(), run.anode_mass_g.min()) and \
            max(run.cathode_mass_g.max(), run.anode_mass_g.max()) <= high
        assert max(run.cathode_gas_cm3.max(), run.anode_gas_cm3.max()) <= view.gas_axes.get_ylim()[1]
        assert run.params.time_s <= view.mass_axes.get_xlim()[1]


def test_sweeping_the_time_moves_the_axes_with_the_time_rung_only():
    app = ElectrolysisApp()
    before = app.view.renderer.full_draws
    for minutes in range(1, 61):
        app.set(time_s=60 * minutes)
    assert app.view.renderer.full_draws - before <= 5
