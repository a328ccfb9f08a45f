"""Uncertainty of random results (stemcpd.practical): counting statistics, rounding a
value with its uncertainty, and the verdict against theory.

References: binomial standard error √(p(1 − p)/n) and Poisson √N (any statistics text,
e.g. Taylor, An Introduction to Error Analysis, 2nd ed., ch. 10–11); rounding the
uncertainty to one significant figure, two when it starts with 1 (Taylor §2.2).
"""

import math

import numpy as np
import pytest

from stemcpd.practical import (
    compare_with_theory,
    count_uncertainty,
    counted_fraction,
    round_with_uncertainty,
    with_uncertainty,
)


def test_counted_fraction_is_the_binomial_standard_error_and_matches_repeated_draws():
    fraction, sigma = counted_fraction(450, 5000)
    assert fraction == 0.09
    assert sigma == pytest.approx(math.sqrt(0.09 * 0.91 / 5000), rel=1e-3)
    draws = np.random.default_rng(0).binomial(5000, 0.09, 4000) / 5000
    assert np.std(draws) == pytest.approx(sigma, rel=0.05)
    assert counted_fraction(0, 0) == (0.0, 0.0)
    zero, zero_sigma = counted_fraction(0, 50)
    assert zero == 0.0 and zero_sigma > 0.0  # none seen is not "exactly zero"
    with pytest.raises(ValueError, match="successes <= trials"):
        counted_fraction(6, 5)


def test_count_uncertainty_is_root_n():
    assert count_uncertainty(49) == 7.0 and count_uncertainty(0) == 1.0
    with pytest.raises(ValueError, match="count must be >= 0"):
        count_uncertainty(-1)


@pytest.mark.parametrize("value, uncertainty, expected", [
    (0.09137, 0.01234, ("0.091", "0.012")),
    (31.4, 2.2, ("31", "2")),
    (31.4, 0.96, ("31.4", "1.0")),  # rounds up to a leading 1: two figures
    (1234.0, 150.0, ("1230", "150")),
    (60.3, 1.9, ("60.3", "1.9")),
    (2.0312, 0.031, ("2.03", "0.03")),
])
def test_value_and_uncertainty_are_rounded_together(value, uncertainty, expected):
    assert round_with_uncertainty(value, uncertainty) == expected


def test_with_uncertainty_formats_percentages_and_units():
    assert with_uncertainty(0.1123, 0.0098, " %", 100) == "11.2 % ± 1.0 %"
    assert with_uncertainty(0.11, 0.011, " %", 100) == "11.0 % ± 1.1 %"
    assert with_uncertainty(31.2, 2.3, " s") == "31 s ± 2 s"


def test_agreement_verdict_uses_twice_the_uncertainty():
    inside = compare_with_theory(0.095, 0.004, 0.090)
    assert inside.agrees and inside.sigmas == pytest.approx(1.25)
    assert inside.words("theory (9.0 %)") == "agrees with theory (9.0 %) within twice its uncertainty"
    assert inside.brief("9.0 %") == "agrees with 9.0 % within 2σ"
    outside = compare_with_theory(0.070, 0.004, 0.090)
    assert not outside.agrees and outside.sigmas == pytest.approx(5.0)
    assert outside.words("theory (9.0 %)").startswith("is 5.0 times its uncertainty below theory (9.0 %)")
    assert outside.brief("9.0 %") == "5.0σ below 9.0 %"
    assert compare_with_theory(1.0, 0.0, 1.0).agrees
    unknown = compare_with_theory(0.0, 0.0, 0.09)  # nothing counted yet
    assert not unknown.checkable and not unknown.agrees
    assert unknown.words("theory (9.0 %)") == "cannot yet be checked against theory (9.0 %): too little was counted"
    assert not compare_with_theory(1.1, float("nan"), 1.0).checkable


def test_models_with_nothing_counted_say_so_instead_of_a_verdict():
    from stemcpd.chemistry import rates
    from stemcpd.physics import gas

    run = rates.simulate(rates.RatesParams(number_of_particles=10, concentration_mol_dm3=0.1), steps=1, frames=1)
    assert run.collisions_per_step.sum() == 0
    assert "cannot yet be checked against the collision-theory value" in rates.describe(run)
    short = gas.simulate(gas.GasParams(number_of_particles=10), steps=1, frames=1)
    assert "nan" not in gas.describe(short).lower()
