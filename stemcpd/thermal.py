"""Starting velocities for particle simulations: exactly the temperature the controls name.

Why this exists: drawing N velocities from the Maxwell–Boltzmann distribution gives a
box whose kinetic temperature is itself random — for a few hundred particles it lands
anywhere from about 0.9 to 1.1 times the set value, and the box drifts with whatever net
momentum the draw happened to have. A "300 K" box could then be hotter than a "310 K"
one and react faster, the wrong lesson for a collision-theory simulation. So every
particle model (the gas in :mod:`stemcpd.physics.gas`, the rates box in
:mod:`stemcpd.chemistry.rates`) starts from :func:`thermal_velocities`: random
directions and a random spread of speeds, then the centre-of-mass velocity removed and
the speeds scaled so the kinetic temperature is the set value to rounding error.

Kinetic temperature (equipartition, ``D`` dimensions, ``N`` particles of mass ``m``):
``Σ ½ m v² = (D/2) N k T``. All ``D N`` velocity components count, including the two
of the centre of mass: the models' particles bounce off fixed walls, which exchange
momentum with the box, so the total momentum is not conserved and the centre-of-mass
motion shares the energy like every other degree of freedom (a periodic box, where
momentum is conserved, would use ``D (N − 1)``). Zero net momentum is a tidy start,
not a constraint the dynamics keeps.

Units: velocities in whatever unit ``metres_per_second_per_unit`` names (the models use
nm/ps, 1 nm/ps = 1000 m/s); mass in kg; temperature in K.
"""

from __future__ import annotations

import math

import numpy as np

BOLTZMANN_J_K = 1.380649e-23  # exact in the 2019 SI
STARTS = ("maxwell_boltzmann", "equal_speeds")


def kinetic_temperature_k(velocities, mass_kg: float, metres_per_second_per_unit: float = 1.0) -> float:
    """Kinetic temperature of particles of equal mass: ``Σ ½ m v² / ((D/2) N k)``, K.

    Args:
        velocities: array of shape (N, D), in units of ``metres_per_second_per_unit`` m/s.
        mass_kg: mass of one particle, kg.
        metres_per_second_per_unit: how many m/s one velocity unit is (1000 for nm/ps).
    """
    velocities = np.asarray(velocities, dtype=float)
    number, dimensions = velocities.shape
    kinetic_energy_j = 0.5 * mass_kg * float(np.sum(velocities**2)) * metres_per_second_per_unit**2
    return kinetic_energy_j / (0.5 * dimensions * number * BOLTZMANN_J_K)


def net_momentum(velocities, mass_kg: float, metres_per_second_per_unit: float = 1.0) -> np.ndarray:
    """Total momentum ``m Σ v`` of particles of equal mass, kg m/s, one entry per direction."""
    return mass_kg * np.asarray(velocities, dtype=float).sum(axis=0) * metres_per_second_per_unit


def thermal_velocities(rng: np.random.Generator, number: int, temperature_k: float, mass_kg: float,
                       metres_per_second_per_unit: float = 1.0, dimensions: int = 2,
                       start: str = "maxwell_boltzmann") -> np.ndarray:
    """Velocities at exactly ``temperature_k`` with zero total momentum.

    Args:
        rng: the model's seeded generator (so the same seed gives the same start).
        number: how many particles; at least 2 (one particle cannot have zero momentum
            and a temperature at once).
        temperature_k: the set temperature, K; > 0.
        mass_kg: mass of one particle, kg; > 0.
        metres_per_second_per_unit: how many m/s one velocity unit is (1000 for nm/ps).
        dimensions: 2 or 3.
        start: ``"maxwell_boltzmann"`` (each component drawn from a normal distribution,
            then shifted and scaled) or ``"equal_speeds"`` (every particle at the rms
            speed √(D k T / m) in a random direction, the directions in opposite pairs —
            or, for an odd number in 2D, one triple at 120° — so the momentum is zero
            with every speed still equal).

    Returns:
        Array of shape (number, dimensions): velocities whose kinetic temperature is
        ``temperature_k`` to rounding error (relative 1e-12) and whose sum is zero to
        rounding error.

    Raises:
        ValueError: naming the argument and its allowed values.
    """
    if not isinstance(number, (int, np.integer)) or number < 2:
        raise ValueError(f"number must be a whole number >= 2, got {number!r}")
    if not temperature_k > 0 or not mass_kg > 0 or not metres_per_second_per_unit > 0:
        raise ValueError(f"temperature_k, mass_kg and metres_per_second_per_unit must be > 0, got "
                         f"{temperature_k!r}, {mass_kg!r}, {metres_per_second_per_unit!r}")
    if dimensions not in (2, 3):
        raise ValueError(f"dimensions must be 2 or 3, got {dimensions!r}")
    if start not in STARTS:
        raise ValueError(f"start must be one of {STARTS}, got {start!r}")
    if start == "equal_speeds" and dimensions == 3 and number % 2:
        raise ValueError("an equal-speeds start with zero momentum needs an even number of particles in 3D")
    rms_speed = math.sqrt(dimensions * BOLTZMANN_J_K * temperature_k / mass_kg) / metres_per_second_per_unit
    if start == "maxwell_boltzmann":
        velocities = rng.normal(0.0, rms_speed / math.sqrt(dimensions), size=(number, dimensions))
        velocities -= velocities.mean(axis=0)
    else:
        velocities = _opposed_unit_vectors(rng, number, dimensions)
    # Scale so Σ v² = N × rms²: the kinetic temperature is then exactly the set value.
    velocities *= rms_speed / math.sqrt(np.mean(np.sum(velocities**2, axis=1)))
    return velocities


def _opposed_unit_vectors(rng, number, dimensions) -> np.ndarray:
    """Random unit vectors summing to zero: pairs pointing opposite ways (plus one
    triple at 120° in 2D when the number is odd), shuffled among the particles."""
    pairs = number // 2 - (number % 2)  # with an odd number, three go into the triple
    if dimensions == 2:
        angles = rng.uniform(0.0, 2.0 * math.pi, pairs)
        directions = [np.column_stack([np.cos(angles), np.sin(angles)])]
        if number % 2:
            angle = rng.uniform(0.0, 2.0 * math.pi) + np.array([0.0, 2.0 * math.pi / 3.0, 4.0 * math.pi / 3.0])
            directions.append(np.column_stack([np.cos(angle), np.sin(angle)]))
    else:
        vectors = rng.normal(size=(pairs, 3))
        directions = [vectors / np.linalg.norm(vectors, axis=1)[:, None]]
    directions.insert(1, -directions[0])
    unit = np.concatenate(directions)
    return unit[rng.permutation(number)]
