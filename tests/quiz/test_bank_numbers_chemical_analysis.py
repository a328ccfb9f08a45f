"""The chemical-analysis bank's numbers and results agree with the chemistry models.

Each numeric answer is recomputed from stemcpd.chemistry.chromatography or
stemcpd.chemistry.particles and checked within the question's own tolerance; the ion
test results and Rf figures the multiple-choice questions rely on are checked against
stemcpd.chemistry.ions and the chromatography model.
"""

import pytest

from stemcpd.chemistry.chromatography import (
    DYES,
    SOLVENTS,
    ChromatographyParams,
    edge_measured_rf,
    rf_value,
    simulate as develop,
    visible_spots,
    washburn_height_mm,
)
from stemcpd.chemistry.ions import identify, test_result, unknown_sample
from stemcpd.chemistry.particles import ParticlesParams, simulate as heat, substance
from stemcpd.quiz import load_packaged_bank

WATER, ETHANOL = 0, 1
SUNSET_YELLOW, ALLURA_RED, CARMOISINE = 1, 2, 3
STEARIC_ACID = "stearic acid"
ORANGE, UNKNOWN_X = "orange", "unknown X"  # samples by name


@pytest.fixture(scope="module")
def bank():
    return load_packaged_bank("chemical-analysis")


def within(question, model_value):
    return abs(question.answer - model_value) <= question.allowed_difference()


def test_spot_distance(bank):
    question = bank["spot-distance"]
    run = develop(ChromatographyParams(sample=ORANGE, solvent="water"))  # orange: sunset yellow + allura red
    assert run.final_front_distance_mm == pytest.approx(70, abs=0.5)  # "solvent front is 70 mm"
    assert DYES[SUNSET_YELLOW].rf[WATER] == 0.66
    assert rf_value(question.answer, 70.0) == pytest.approx(0.66, rel=question.allowed_difference() / question.answer)
    assert within(question, float(run.spot_distance_mm[-1, SUNSET_YELLOW]) * 70.0 / run.final_front_distance_mm)


def test_solvent_front_time(bank):
    question = bank["solvent-front-time"]
    coefficient = SOLVENTS[WATER].wicking_coefficient_mm2_s
    ratio = washburn_height_mm(question.answer * 60, coefficient) / washburn_height_mm(5 * 60, coefficient)
    assert ratio == pytest.approx(2.0, rel=0.01)
    model_minutes = 5 * (80 / 40) ** 2
    assert within(question, model_minutes)


def test_melting_energy_and_plateau(bank):
    stearic = substance(STEARIC_ACID)
    assert stearic.latent_heat_fusion_j_per_kg == 215e3  # quoted in both prompts
    run = heat(ParticlesParams(substance=STEARIC_ACID, experiment="heating", mass_kg=0.020, power_w=100.0,
                               heat_loss_w_per_k=0.0))
    assert within(bank["stearic-acid-plateau-time"], run.melting_time_s)
    assert within(bank["stearic-acid-melting-energy"], run.melting_time_s * 100.0 / 1000.0)
    assert stearic.melting_point_c == 69.3


def test_edge_measured_rf_quoted(bank):
    feedback = bank["rf-definition"].options[1].feedback
    assert "(Rf 0.30) reads 0.42, close to allura red's 0.48" in " ".join(feedback.split())
    run = develop(ChromatographyParams(sample=UNKNOWN_X, solvent="water"))
    measured = float(edge_measured_rf(DYES[CARMOISINE].rf[WATER], run.final_front_distance_mm, 15.0))
    assert measured == pytest.approx(0.42, abs=0.01)
    assert DYES[ALLURA_RED].rf[WATER] == 0.48


def test_orange_is_one_spot_in_ethanol_two_in_water(bank):
    assert len(visible_spots(develop(ChromatographyParams(sample=ORANGE, solvent="ethanol")))) == 1
    assert len(visible_spots(develop(ChromatographyParams(sample=ORANGE, solvent="water")))) == 2
    assert "sunset yellow + allura red" in bank["one-spot-pure"].correct_option.feedback


def test_rf_does_not_change_with_time():
    short = develop(ChromatographyParams(sample=UNKNOWN_X, development_time_min=10))
    long = develop(ChromatographyParams(sample=UNKNOWN_X, development_time_min=20))
    for run in (short, long):
        spot = float(run.spot_distance_mm[-1, CARMOISINE])
        assert rf_value(spot, run.final_front_distance_mm) == pytest.approx(0.30)


def test_hydroxide_results(bank):
    white_stays = identify({"hydroxide": "white precipitate, stays in excess"})
    assert set(white_stays) == {"Ca2+", "Mg2+"}
    assert identify({"hydroxide": test_result("hydroxide", "Al3+")}) == ["Al3+"]
    assert test_result("hydroxide", "Al3+").dissolves_in_excess
    assert test_result("hydroxide", "Fe2+").colour_name == "green"
    assert test_result("hydroxide", "Fe3+").colour_name == "brown"
    assert test_result("hydroxide", "Cu2+").colour_name == "blue"
    assert bank["green-hydroxide"].correct_option.text.startswith("Iron(II)")


def test_flame_and_halide_results(bank):
    assert test_result("flame", "K+").colour_name == "lilac"
    assert test_result("flame", "Na+").colour_name == "yellow"
    assert test_result("flame", "Ca2+").colour_name == "orange-red"
    assert test_result("flame", "Mg2+").colour_name == "none"
    assert test_result("halide", "Cl-").colour_name == "white"
    assert test_result("carbonate", "CO3^2-").gas == "carbon dioxide"


def test_sodium_trace_hides_potassium():
    sample = next(s for s in (unknown_sample(seed, impurity_probability=1.0) for seed in range(200))
                  if s.cation == "K+")
    assert sample.observe("flame").colour_name == "yellow"
    assert identify({"flame": sample.observe("flame")}) == ["Na+"]
