"""The collisions and stopping apps built headless: controls, presets, readouts, and views
whose artists sit where the model says."""

import numpy as np
import pytest

from stemcpd.physics.collisions import CollisionParams
from stemcpd.physics.collisions.app import CONTROLS as COLLISION_CONTROLS, CollisionsApp
from stemcpd.physics.stopping import StoppingParams
from stemcpd.physics.stopping.app import CONTROLS as STOPPING_CONTROLS, StoppingApp


def test_collisions_app_defaults_readout_and_trolleys():
    app = CollisionsApp()
    assert list(app.sliders) == [control.name for control in COLLISION_CONTROLS]
    assert app.params == CollisionParams(2.0, 1.0, 3.0, 0.0, 1.0)
    assert "v<sub>A</sub> = 1.00 m/s" in app.readout.value and "6.00 → 6.00 kg m/s" in app.readout.value
    view = app.view
    view.show_time(app.result, app.result.times_s[-1])
    # B's back bumper at the end: contact at 0 m, then 4 m/s for 1/3 s.
    assert view.trolley_b.get_x() == pytest.approx(4.0 / 3.0)
    assert "after: v<sub>A</sub> = 1.00 m/s" in app.playback_readout_html(app.result, app.result.times_s[-1])
    assert "before: v<sub>A</sub> = 3.00 m/s" in app.time_readout.value
    assert len(COLLISION_CONTROLS) <= 4



@pytest.mark.parametrize("control_name, most_full_draws", [
    ("mass_a_kg", 6), ("mass_b_kg", 5), ("velocity_a_m_s", 8), ("restitution", 2),
])
def test_sweeping_a_collisions_control_rarely_draws_the_whole_figure(control_name, most_full_draws):
    app = CollisionsApp()
    control = next(c for c in COLLISION_CONTROLS if c.name == control_name)
    before = app.view.renderer.full_draws
    values = np.arange(control.minimum, control.maximum + control.step / 2, control.step)
    for value in [*values, *values[::-1]]:
        app.sliders[control_name].value = float(value)
        view, run = app.view, app.result
        assert view.energy_axes.get_ylim()[1] >= run.kinetic_before_j
        assert view.momentum_axes.get_ylim()[1] >= run.total_momentum.max()
    assert app.view.renderer.full_draws - before <= most_full_draws

def test_stick_together_preset_gives_common_velocity():
    app = CollisionsApp(restitution=0.0)
    assert "v<sub>B</sub> = 2.00 m/s" in app.readout.value and "9.00 → 6.00 J" in app.readout.value


def test_stopping_app_readout_strips_and_graph_areas():
    app = StoppingApp(speed_m_s=20.0, reaction_time_s=0.5, friction_coefficient=0.5)
    assert list(app.sliders) == [control.name for control in STOPPING_CONTROLS]
    assert app.params == StoppingParams(20.0, 0.5, 0.5)
    assert "Thinking <b>10.0 m</b>" in app.readout.value and "braking <b>40.8 m</b>" in app.readout.value
    view = app.view
    assert view.thinking_strip.get_width() == pytest.approx(10.0)
    assert view.braking_strip.get_x() == pytest.approx(10.0)
    triangle = view.braking_area.get_xy()
    # The braking triangle's area is the braking distance.
    base, height = triangle[2][0] - triangle[0][0], triangle[1][1]
    assert 0.5 * base * height == pytest.approx(app.result.braking_distance_m)
    view.show_time(app.result, app.result.stopping_time_s)
    assert view.car.get_x() + view.car.get_width() == pytest.approx(app.result.stopping_distance_m)
    assert "stopped" in view.distance_text.get_text()
