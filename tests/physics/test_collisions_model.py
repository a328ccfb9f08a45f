"""The collisions model against exact results: textbook collisions, conservation of
momentum, kinetic energy in elastic and inelastic limits, and sampling independence."""

import math

import numpy as np
import pytest

from stemcpd.physics.collisions import (
    CollisionParams,
    average_force_n,
    collide,
    describe,
    momentum,
    stuck_together_velocity,
    to_table,
    velocities_after,
)


def test_stick_together_textbook_example():
    # 2 kg at 3 m/s hits 1 kg at rest and they stick: (2 × 3) / 3 = 2 m/s exactly.
    assert stuck_together_velocity(2.0, 1.0, 3.0) == pytest.approx(2.0, abs=1e-12)
    # A 1200 kg car at 15 m/s hits a 800 kg car at rest and they lock: 18 000 / 2000 = 9 m/s.
    assert stuck_together_velocity(1200.0, 800.0, 15.0) == pytest.approx(9.0, abs=1e-12)


def test_equal_masses_elastic_exchange_velocities():
    # Newton's cradle: equal masses, perfectly elastic, the moving one stops dead.
    v_a, v_b = velocities_after(1.0, 1.0, 2.5, 0.0, 1.0)
    assert v_a == pytest.approx(0.0, abs=1e-12) and v_b == pytest.approx(2.5, abs=1e-12)


def test_elastic_formula_for_a_target_at_rest():
    # Exact: v_A = (m_A − m_B) u / (m_A + m_B), v_B = 2 m_A u / (m_A + m_B).
    v_a, v_b = velocities_after(2.0, 1.0, 3.0)
    assert (v_a, v_b) == pytest.approx((1.0, 4.0), abs=1e-12)
    v_a, v_b = velocities_after(1.0, 3.0, 4.0)
    assert (v_a, v_b) == pytest.approx((-2.0, 2.0), abs=1e-12)  # light on heavy: A bounces back


def test_very_heavy_target_reflects_the_light_trolley():
    v_a, v_b = velocities_after(0.01, 1e5, 2.0)
    assert v_a == pytest.approx(-2.0, rel=1e-5) and v_b == pytest.approx(0.0, abs=1e-5)


@pytest.mark.parametrize("restitution", [0.0, 0.25, 0.5, 0.75, 1.0])
@pytest.mark.parametrize("masses", [(0.5, 4.0), (2.0, 1.0), (3.0, 3.0)])
def test_momentum_is_conserved_and_energy_never_created(masses, restitution):
    run = collide(CollisionParams(masses[0], masses[1], 3.0, -1.0, restitution))
    assert np.allclose(run.total_momentum, run.total_momentum[0], atol=1e-12)
    assert run.kinetic_after_j <= run.kinetic_before_j + 1e-12
    # Kinetic energy lost is ½ μ (1 − e²)(relative speed)², μ the reduced mass.
    reduced = masses[0] * masses[1] / sum(masses)
    assert run.energy_transferred_j == pytest.approx(0.5 * reduced * (1 - restitution**2) * 4.0**2, abs=1e-12)
    # Separation speed = e × approach speed.
    assert run.velocity_b_after_m_s - run.velocity_a_after_m_s == pytest.approx(restitution * 4.0, abs=1e-12)


def test_motion_before_and_after_is_exact_whatever_the_sampling():
    params = CollisionParams(2.0, 1.0, 3.0, 0.0, 0.5, gap_m=1.2)
    coarse, fine = collide(params, samples=11), collide(params, samples=1001)
    assert coarse.collision_time_s == pytest.approx(0.4)
    for run in (coarse, fine):
        assert run.times_s[-1] == pytest.approx(0.8)
        expected_a = np.where(run.times_s < 0.4, -1.2 + 3.0 * run.times_s,
                              run.velocity_a_after_m_s * (run.times_s - 0.4))
        assert np.allclose(run.position_a_m, expected_a, atol=1e-12)
        assert np.all(run.position_b_m >= run.position_a_m - 1e-12)  # never pass through each other
    assert np.interp(0.6, fine.times_s, fine.position_b_m) == pytest.approx(
        np.interp(0.6, coarse.times_s, coarse.position_b_m), abs=1e-12)


def test_momentum_and_force_helpers():
    assert momentum(0.5, -4.0) == -2.0
    # A 60 kg passenger stopped from 15 m/s: 0.1 s in a crash → 9000 N; an air bag making it 0.5 s → 1800 N.
    assert average_force_n(60.0, -15.0, 0.1) == pytest.approx(-9000.0)
    assert average_force_n(60.0, -15.0, 0.5) == pytest.approx(-1800.0)


@pytest.mark.parametrize("field, value, message", [
    ("mass_a_kg", 0.0, r"mass_a_kg must be in \(0, 100000\] kg, got 0"),
    ("mass_b_kg", -1.0, r"mass_b_kg must be in \(0, 100000\] kg"),
    ("restitution", 1.5, r"restitution must be in \[0, 1\], got 1.5"),
    ("velocity_a_m_s", 125.0, r"velocity_a_m_s must be in \[-100, 100\] m/s"),
    ("velocity_a_m_s", -1.0, r"velocity_a_m_s must be greater than velocity_b_m_s"),
    ("gap_m", math.nan, r"gap_m must be in"),
])
def test_bad_parameters_name_field_and_range(field, value, message):
    with pytest.raises(ValueError, match=message):
        CollisionParams(**{field: value})


def test_describe_and_table_state_the_conservation():
    run = collide(CollisionParams(restitution=0.0))
    text = describe(run)
    assert "Together they move off at 2.00 m/s" in text and "6.00 kg m/s before and after" in text
    assert "3.00 J transferred" in text  # 9 J before, ½ × 3 × 2² = 6 J after
    table = to_table(run)
    assert np.allclose(table.column("total momentum"), 6.0)
    assert len(table) == 41
