"""The shared thermal start (stemcpd.thermal): every particle model begins exactly at the
temperature its controls name, with zero net momentum.

References: equipartition, Σ ½ m v² = (D/2) N k T for N particles in D dimensions; the
2D Maxwell–Boltzmann speed distribution F(v) = 1 − exp(−m v²/2kT), checked with the
Kolmogorov–Smirnov distance (1 % critical value 1.63/√n, Massey, JASA 46, 68 (1951)).
"""

import math

import numpy as np
import pytest

from stemcpd.physics.gas.model import ks_distance
from stemcpd.thermal import BOLTZMANN_J_K, kinetic_temperature_k, net_momentum, thermal_velocities

ARGON_KG = 6.63e-26


@pytest.mark.parametrize("start", ["maxwell_boltzmann", "equal_speeds"])
@pytest.mark.parametrize("dimensions", [2, 3])
def test_every_seed_starts_exactly_at_the_set_temperature_with_zero_momentum(start, dimensions):
    for seed in range(40):
        for number, temperature in ((2, 50.0), (3, 300.0), (7, 310.0), (300, 300.0), (1001, 873.0)):
            if start == "equal_speeds" and dimensions == 3 and number % 2:
                continue
            velocities = thermal_velocities(np.random.default_rng(seed), number, temperature, ARGON_KG, 1000.0,
                                            dimensions, start)
            assert velocities.shape == (number, dimensions)
            assert kinetic_temperature_k(velocities, ARGON_KG, 1000.0) == pytest.approx(temperature, rel=1e-12)
            # Zero momentum, relative to the momentum scale m v_rms √N of a random draw.
            scale = ARGON_KG * math.sqrt(np.mean(np.sum(velocities**2, axis=1)) * number) * 1000.0
            assert np.max(np.abs(net_momentum(velocities, ARGON_KG, 1000.0))) < 1e-12 * scale
            if start == "equal_speeds":
                speeds = np.linalg.norm(velocities, axis=1)
                rms = math.sqrt(dimensions * BOLTZMANN_J_K * temperature / ARGON_KG) / 1000.0
                np.testing.assert_allclose(speeds, rms, rtol=1e-12)


def test_same_seed_same_start_and_temperature_only_scales_it():
    cold = thermal_velocities(np.random.default_rng(4), 300, 300.0, ARGON_KG, 1000.0)
    again = thermal_velocities(np.random.default_rng(4), 300, 300.0, ARGON_KG, 1000.0)
    warm = thermal_velocities(np.random.default_rng(4), 300, 310.0, ARGON_KG, 1000.0)
    np.testing.assert_array_equal(cold, again)
    # The same draw, scaled by √(310/300): nearby temperatures start from the same pattern.
    np.testing.assert_allclose(warm, cold * math.sqrt(310.0 / 300.0), rtol=1e-12)


def test_maxwell_boltzmann_start_has_maxwell_boltzmann_speeds_and_random_directions():
    velocities = thermal_velocities(np.random.default_rng(1), 4000, 300.0, ARGON_KG, 1000.0)
    speeds = np.linalg.norm(velocities, axis=1) * 1000.0
    assert ks_distance(speeds, 300.0, ARGON_KG) < 1.63 / math.sqrt(4000)
    paired = thermal_velocities(np.random.default_rng(1), 4000, 300.0, ARGON_KG, 1000.0, start="equal_speeds")
    angles = np.arctan2(paired[:, 1], paired[:, 0])
    counts, _ = np.histogram(angles, bins=8, range=(-math.pi, math.pi))
    assert counts.min() > 0.85 * 500 and counts.max() < 1.15 * 500  # no preferred direction


def test_before_the_fix_a_plain_draw_missed_the_temperature():
    """Why the helper exists: 300 plain Maxwell–Boltzmann draws land 5–10 % off."""
    sigma = math.sqrt(BOLTZMANN_J_K * 300.0 / ARGON_KG) / 1000.0
    plain = [kinetic_temperature_k(np.random.default_rng(seed).normal(0.0, sigma, (300, 2)), ARGON_KG, 1000.0)
             for seed in range(20)]
    assert np.std(plain) / 300.0 == pytest.approx(1 / math.sqrt(300), rel=0.4)  # 2/√(2N) relative spread
    assert max(abs(t / 300.0 - 1) for t in plain) > 0.05


@pytest.mark.parametrize("kwargs, message", [
    (dict(number=1), "number must be a whole number >= 2"),
    (dict(temperature_k=0.0), "must be > 0"),
    (dict(mass_kg=-1.0), "must be > 0"),
    (dict(dimensions=1), "dimensions must be 2 or 3"),
    (dict(start="hot"), "start must be one of"),
    (dict(number=5, dimensions=3, start="equal_speeds"), "even number of particles in 3D"),
])
def test_bad_arguments_are_refused_with_a_clear_message(kwargs, message):
    arguments = dict(number=10, temperature_k=300.0, mass_kg=ARGON_KG)
    arguments.update(kwargs)
    with pytest.raises(ValueError, match=message):
        thermal_velocities(np.random.default_rng(0), **arguments)
