"""The stopping-distance model against the Highway Code's published table, exact
kinematics, limiting cases and sampling independence."""

import numpy as np
import pytest

from stemcpd.physics.stopping import (
    HIGHWAY_CODE_M,
    ROAD_GRIP,
    StoppingParams,
    braking_distance_m,
    braking_force_n,
    describe,
    mph_to_m_s,
    reaction_time_from_ruler_drop_s,
    ruler_drop_practical,
    simulate,
    speed_table,
    stopping_distance_m,
    thinking_distance_m,
    to_table,
)


@pytest.mark.parametrize("mph", sorted(HIGHWAY_CODE_M))
def test_matches_the_highway_code_within_its_rounding(mph):
    # The Highway Code (rule 126) rounds to the metre; 0.67 s and 6.5 m/s² reproduce it
    # to within 1.5 m at every speed limit.
    thinking, braking = HIGHWAY_CODE_M[mph]
    speed = mph_to_m_s(mph)
    assert thinking_distance_m(speed, 0.67) == pytest.approx(thinking, abs=0.6)
    assert braking_distance_m(speed, 6.5) == pytest.approx(braking, abs=1.5)


def test_unit_conversion_is_exact():
    assert mph_to_m_s(70) == pytest.approx(31.2928, abs=1e-12)


def test_doubling_speed_doubles_thinking_and_quadruples_braking():
    assert thinking_distance_m(20.0, 0.7) == pytest.approx(2 * thinking_distance_m(10.0, 0.7))
    assert braking_distance_m(20.0, 7.0) == pytest.approx(4 * braking_distance_m(10.0, 7.0))


def test_worked_example_and_work_done():
    # 20 m/s, 0.5 s, 5 m/s²: 10 m + 40 m = 50 m; a 1000 kg car needs 5000 N over 40 m.
    assert stopping_distance_m(20.0, 0.5, 5.0) == pytest.approx(50.0)
    assert braking_force_n(1000.0, 20.0, 40.0) == pytest.approx(5000.0)


def test_run_uses_mu_g_and_ends_at_rest_after_the_stopping_distance():
    run = simulate(StoppingParams(speed_m_s=14.0, reaction_time_s=0.5, friction_coefficient=0.5))
    assert run.params.deceleration_m_s2 == pytest.approx(4.9)  # μ g with g = 9.8 N/kg
    assert run.braking_distance_m == pytest.approx(20.0)  # 14² / 9.8
    assert run.distance_m[-1] == pytest.approx(27.0, abs=1e-9)
    assert run.speed_m_s[-1] == pytest.approx(0.0, abs=1e-9)
    # Area under the velocity–time graph is the distance travelled.
    area = np.trapezoid(run.speed_m_s, run.times_s) if hasattr(np, "trapezoid") else np.trapz(run.speed_m_s, run.times_s)
    assert area == pytest.approx(27.0, rel=1e-3)


def test_sampling_does_not_change_the_motion():
    params = StoppingParams(speed_m_s=25.0, reaction_time_s=1.2, friction_coefficient=0.4)
    coarse, fine = simulate(params, samples=5), simulate(params, samples=4001)
    # The fine run's every 1000th sample is at a coarse sample time: identical values.
    assert np.allclose(fine.times_s[::1000], coarse.times_s, atol=1e-12)
    assert np.allclose(fine.distance_m[::1000], coarse.distance_m, atol=1e-9)
    assert np.allclose(fine.speed_m_s[::1000], coarse.speed_m_s, atol=1e-9)
    assert coarse.distance_m[-1] == fine.distance_m[-1] == pytest.approx(coarse.stopping_distance_m)


def test_ice_makes_braking_seven_times_longer_than_dry():
    dry = simulate(StoppingParams(friction_coefficient=ROAD_GRIP["Dry road"]))
    icy = simulate(StoppingParams(friction_coefficient=ROAD_GRIP["Icy road"]))
    assert icy.braking_distance_m / dry.braking_distance_m == pytest.approx(7.0)
    assert icy.thinking_distance_m == dry.thinking_distance_m


def test_zero_reaction_time_leaves_only_braking():
    run = simulate(StoppingParams(reaction_time_s=0.0))
    assert run.thinking_distance_m == 0.0 and run.stopping_distance_m == run.braking_distance_m


@pytest.mark.parametrize("field, value, message", [
    ("speed_m_s", 0.0, r"speed_m_s must be in \(0, 70\] m/s, got 0"),
    ("reaction_time_s", -0.1, r"reaction_time_s must be in \[0, 5\] s"),
    ("friction_coefficient", 2.0, r"friction_coefficient must be in \(0, 1.2\], got 2"),
    ("gravity_n_kg", "nine", r"gravity_n_kg must be a number"),
])
def test_bad_parameters_name_field_and_range(field, value, message):
    with pytest.raises(ValueError, match=message):
        StoppingParams(**{field: value})


def test_describe_table_and_speed_table():
    run = simulate(StoppingParams(speed_m_s=13.4, reaction_time_s=0.7, friction_coefficient=0.7))
    text = describe(run)
    assert "(30 mph)" in text and "9.4 m before braking" in text and "Stopping distance 22.5 m" in text
    assert to_table(run).column("speed")[0] == pytest.approx(13.4)
    table = speed_table()
    assert table.column("stopping distance")[-1] == pytest.approx(96.0, abs=1.0)  # Highway Code: 96 m at 70 mph


def test_ruler_drop_reaction_time_is_free_fall():
    # 20 cm: t = √(2 × 0.20 / 9.8) = 0.2020 s; 4× the drop, 2× the time.
    assert reaction_time_from_ruler_drop_s(0.20) == pytest.approx(0.20203, abs=1e-5)
    assert reaction_time_from_ruler_drop_s(0.80) == pytest.approx(2 * reaction_time_from_ruler_drop_s(0.20))
    with pytest.raises(ValueError, match=r"drop_distance_m must be in \(0, 2\] m, got 20"):
        reaction_time_from_ruler_drop_s(20)


def test_ruler_drop_practical_is_seeded_and_recovers_the_mean_reaction_time():
    table = ruler_drop_practical(pupils=40, attempts=20, seed=1)
    assert table.to_csv() == ruler_drop_practical(pupils=40, attempts=20, seed=1).to_csv()
    catches = np.array([table.column(f"catch {i + 1}") for i in range(20)])
    assert np.allclose(catches * 2, np.round(catches * 2))  # read to the nearest 0.5 cm
    # Mean of 800 catches ≈ ½ g (mean t² ) = ½ × 9.8 × (0.20² + 0.03²) m = 20.0 cm.
    # Within three standard errors of the mean (catch spread ≈ 6 cm, so ≈ 0.2 cm each).
    standard_error = catches.std(ddof=1) / np.sqrt(catches.size)
    assert catches.mean() == pytest.approx(100 * 0.5 * 9.8 * (0.2**2 + 0.03**2), abs=3 * standard_error)
    assert np.median(table.column("reaction time")) == pytest.approx(0.20, abs=0.01)
