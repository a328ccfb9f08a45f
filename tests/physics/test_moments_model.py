"""The moments model: M = F d, the principle of moments, limiting cases and bad input."""

import pytest

from stemcpd.physics.moments import SeesawParams, balance, balancing_distance_m, describe, moment_n_m, to_table
from stemcpd.physics.moments.app import CONTROLS, MomentsApp


def test_moment_is_force_times_distance():
    assert moment_n_m(50.0, 0.3) == pytest.approx(15.0)
    assert moment_n_m(50.0, 0.0) == 0.0  # a force through the pivot has no moment


def test_exact_balance_and_its_verdict():
    result = balance(SeesawParams(40.0, 1.5, 60.0, 1.0))
    assert result.anticlockwise_moment_n_m == pytest.approx(588.0)  # 40 × 9.8 × 1.5
    assert result.clockwise_moment_n_m == pytest.approx(588.0)
    assert result.turns == "balanced"
    assert result.pivot_force_n == pytest.approx(980.0)


@pytest.mark.parametrize("left_mass, turns", [(50.0, "anticlockwise"), (30.0, "clockwise")])
def test_unbalanced_see_saw_turns_the_way_of_the_larger_moment(left_mass, turns):
    result = balance(SeesawParams(left_mass, 1.5, 60.0, 1.0))
    assert result.turns == turns
    assert result.resultant_moment_n_m == pytest.approx(60 * 9.8 - left_mass * 9.8 * 1.5)


def test_g_cancels_in_the_balance():
    for g in (1.6, 9.8, 24.8):
        assert balance(SeesawParams(40.0, 1.5, 60.0, 1.0, gravity_n_kg=g)).turns == "balanced"


def test_balancing_distance():
    assert balancing_distance_m(30.0, 2.0, 40.0) == pytest.approx(1.5)
    assert balance(SeesawParams(80.0, 2.0, 10.0, 1.0)).balancing_distance_m == pytest.approx(16.0)


@pytest.mark.parametrize("field, value, message", [
    ("left_mass_kg", 0.0, r"left_mass_kg must be in \(0, 200\] kg, got 0"),
    ("right_distance_m", 2.5, r"right_distance_m must be in \(0, 2\] m, got 2.5"),
    ("gravity_n_kg", None, r"gravity_n_kg must be a number"),
])
def test_bad_parameters_name_field_and_range(field, value, message):
    with pytest.raises(ValueError, match=message):
        SeesawParams(**{field: value})


def test_describe_table_app_and_view():
    result = balance(SeesawParams(80.0, 2.0, 10.0, 1.0))
    assert "off the end of the beam" in describe(result)
    assert list(to_table(result).column("moment about pivot")) == pytest.approx([1568.0, 98.0])
    app = MomentsApp()
    assert list(app.sliders) == [control.name for control in CONTROLS] and len(CONTROLS) <= 4
    assert "balanced" in app.readout.value
    app.sliders["left_mass_kg"].value = 50
    x, y = app.view.beam_line.get_data()
    assert y[0] < y[1]  # left end down
    assert "anticlockwise" in app.view.verdict_text.get_text()
