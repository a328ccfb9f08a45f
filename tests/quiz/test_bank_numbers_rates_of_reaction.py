"""The rates-of-reaction bank's numbers agree with the rates and energy-distribution models.

Every numeric answer is recomputed from the model function that produces it and
checked within the question's own tolerance; figures quoted in prompts and feedback
are checked too.
"""

import math

import pytest

from stemcpd.chemistry import energy_distribution, rates
from stemcpd.quiz import NumericQuestion, load_packaged_bank


@pytest.fixture(scope="module")
def bank():
    return load_packaged_bank("rates-of-reaction")


def assert_matches_model(question, model_value, unit):
    assert question.unit == unit
    assert abs(question.answer - model_value) <= question.allowed_difference()
    assert question.mark(f"{model_value:.3g} {unit}").correct


def test_hydrogen_volume_from_ribbon(bank):
    question = bank["hydrogen-volume-from-ribbon"]
    assert_matches_model(question, rates.hydrogen_final_volume_cm3(0.050, 1.0, 50.0), "cm^3")
    assert question.mark("50 cm³").correct  # with Ar(Mg) = 24


def test_initial_rate_with_doubled_concentration(bank):
    assert rates.magnesium_initial_rate_cm3_s(0.050, 1.0) == pytest.approx(2.5)  # quoted in the prompt
    assert_matches_model(bank["initial-rate-doubled-concentration"], rates.magnesium_initial_rate_cm3_s(0.050, 2.0),
                         "cm^3/s")


def test_cross_time_at_half_concentration(bank):
    assert float(rates.cross_time_s(40.0)) == pytest.approx(30.0)  # quoted in the prompt
    assert_matches_model(bank["cross-time-half-concentration"], float(rates.cross_time_s(20.0)), "s")


def test_cross_time_for_diluted_thiosulfate(bank):
    concentration_g_dm3 = 40.0 * 10 / 50
    assert_matches_model(bank["cross-time-diluted"], float(rates.cross_time_s(concentration_g_dm3)), "s")


def test_mean_rate_over_the_first_20_s(bank):
    volume_cm3 = float(rates.gas_volume_cm3(20.0))
    assert f"{volume_cm3:.1f} cm³" in bank["mean-rate-first-20-s"].prompt
    assert_matches_model(bank["mean-rate-first-20-s"], volume_cm3 / 20.0, "cm^3/s")


def test_first_order_half_life(bank):
    model_half_life_s = rates.half_life(order=1, rate_constant=0.0200, initial_concentration=1.0)
    assert_matches_model(bank["first-order-half-life"], model_half_life_s, "s")


def test_ten_degree_rise_figures(bank):
    feedback = bank["why-heating-speeds-reactions"].correct_option.feedback
    ratio = energy_distribution.fraction_above(50, 308.15) / energy_distribution.fraction_above(50, 298.15)
    assert ratio == pytest.approx(1.9, abs=0.05)
    assert "about 1.9 times" in feedback
    speed_rise = energy_distribution.mean_speed(28.014, 308.15) / energy_distribution.mean_speed(28.014, 298.15) - 1
    assert speed_rise < 0.02  # "under 2%"
    assert "under 2%" in feedback
    assert rates.arrhenius_ratio(50, 298, 308) == pytest.approx(2, abs=0.1)  # "roughly doubles"


def test_catalyst_factor_quoted(bank):
    ratio = energy_distribution.fraction_above(40, 298.15) / energy_distribution.fraction_above(50, 298.15)
    assert ratio == pytest.approx(51, abs=0.5)
    assert "about 51 times" in bank["catalyst-how-it-works"].correct_option.feedback


def test_successful_fraction_in_the_box(bank):
    assert rates.successful_fraction(6.0, 300) == pytest.approx(0.090, abs=0.0005)
    assert "9.0%" in bank["every-collision-reacts"].correct_option.feedback
    run = rates.simulate(rates.RatesParams())
    assert 400 <= run.ab_collisions_per_step.sum() <= 600  # "about 500 A–B collisions in 100 ps"
    assert run.times_ps[-1] == pytest.approx(100)


def test_excess_acid_in_the_gas_syringe_practical(bank):
    magnesium_mol = 0.050 / rates.model.MAGNESIUM_MOLAR_MASS_G
    acid_mol = 1.0 * 50 / 1000
    assert magnesium_mol == pytest.approx(0.00206, abs=0.000005)
    assert (acid_mol / 2) / magnesium_mol == pytest.approx(12, abs=0.5)  # "twelve times as much magnesium"
    feedback = " ".join(option.feedback for option in bank["gas-syringe-curve-levels-off"].options)
    assert "twelve times" in feedback and "0.00206 mol" in feedback and "(49 cm³)" in feedback


def test_tail_fraction_quoted(bank):
    assert energy_distribution.fraction_above(50, 298.15) == pytest.approx(9e-9, rel=0.05)
    assert "9 × 10⁻⁹" in bank["maxwell-boltzmann-tail"].correct_option.feedback


def test_late_stopwatch_share_of_shortest_time(bank):
    table = rates.thiosulfate_practical(seed=0)
    shortest_s = table.column("mean time").min()
    assert round(100 * 1.0 / shortest_s) == 4
    assert "1 s error in 28 s is 4%" in bank["disappearing-cross-late-stopwatch"].correct_option.feedback
    assert shortest_s == pytest.approx(28, abs=0.5)


def test_surface_area_numbers(bank):
    assert 6 * 2**2 == 24 and 8 * 6 * 1**2 == 48
    assert "24 cm² against 48 cm²" in bank["surface-area-and-rate"].options[2].feedback
    assert math.isclose(1000 * 6 * 0.1**2, 10 * 6 * 1**2)  # 1 cm cube into 1 mm cubes: ten times the area


def test_every_numeric_answer_is_checked_here(bank):
    checked = {
        "hydrogen-volume-from-ribbon", "initial-rate-doubled-concentration", "cross-time-half-concentration",
        "cross-time-diluted", "mean-rate-first-20-s", "first-order-half-life",
    }
    assert {q.id for q in bank if isinstance(q, NumericQuestion)} == checked
