"""The structure explorer's view and app, built headless."""

import numpy as np

from stemcpd.chemistry.bonding import SUBSTANCE_NAMES, BondingParams, examine
from stemcpd.chemistry.bonding.app import CONTROLS, BondingApp
from stemcpd.chemistry.bonding.view import BondingView


def test_silicon_dioxide_sketch_has_four_bonds_per_silicon_and_two_per_oxygen():
    view = BondingView()
    view.update(examine(BondingParams(substance="silicon dioxide")))
    silicon = np.column_stack(view.small_particles.get_data())
    oxygen = np.column_stack(view.big_particles.get_data())
    ends = [tuple(point) for segment in view.bonds.get_segments() for point in segment]
    assert all(ends.count(tuple(o)) == 2 for o in oxygen)
    assert ends.count(tuple(silicon[4])) == 4  # the middle silicon


def test_view_marks_temperature_and_row():
    view = BondingView()
    view.update(examine(BondingParams(substance="water", temperature_c=-100)))
    assert view.temperature_line.get_xdata()[0] == -100 and abs(view.highlight.get_y() - 5.6) < 1e-9
    assert "solid" in view.particle_title.get_text()


def test_app_two_controls_the_substance_a_named_choice():
    app = BondingApp()
    assert len(CONTROLS) == 2
    substance = CONTROLS[0]
    assert substance.kind == "choice" and substance.values == list(SUBSTANCE_NAMES)
    assert substance.value == "sodium chloride"
    assert [preset.control for preset in app.presets] == ["temperature_c"]  # the choice shows every substance
    app.set(substance="copper", temperature_c=1500)
    assert app.params.substance == "copper"
    assert "liquid" in app.readout.value and "conducts" in app.readout.value


def test_the_particle_key_is_background_named_by_its_text():
    app = BondingApp()
    assert app.view.key_text not in app.view.renderer.moving_artists
    assert app.view.renderer.static_key == app.view.key_text.get_text()
    before = app.view.renderer.full_draws
    for temperature in range(-250, 1000, 250):  # sodium chloride: solid and liquid share the key
        app.set(temperature_c=temperature)
    assert app.view.renderer.full_draws - before <= 1
