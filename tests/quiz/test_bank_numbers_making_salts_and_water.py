"""The making-salts-and-water bank's numbers agree with the chemistry models.

Each numeric answer is recomputed from stemcpd.chemistry.salts or .water (or, where the
prompt gives rounded data, from that data), each diagnosed wrong answer from the slip
its feedback names, and each parameterised question's answer function is checked
against a hand calculation.
"""


import pytest

from stemcpd.chemistry.moles import molar_mass
from stemcpd.chemistry.salts import base_needed_g, base_reacting_exactly_g, theoretical_crystals_g
from stemcpd.chemistry.water import SOURCES, WaterParams, distil, distillation_energy_kj, dissolved_solids_g_dm3

from bank_yaml import raw_questions, wrong  # tests/quiz is on sys.path

TOPIC = "making-salts-and-water"


@pytest.fixture(scope="module")
def questions():
    return raw_questions(TOPIC)


def test_theoretical_crystals(questions):
    question = questions["theoretical-crystals"]
    model = theoretical_crystals_g(25.0, 1.00, "copper(II) oxide")
    assert question["answer"] == pytest.approx(model, rel=0.005)
    assert question["answer"] == round(0.0250 * 249.7, 2)  # the prompt's own Mr
    assert wrong(question, "water-of-crystallisation-ignored") == pytest.approx(
        0.0250 * molar_mass("CuSO4"), abs=0.005)
    assert wrong(question, "cm3-not-converted-to-dm3") == pytest.approx(1000 * question["answer"], rel=0.001)


def test_percentage_yield(questions):
    question = questions["percentage-yield-crystals"]
    assert question["answer"] == round(100 * 4.10 / 6.24, 1)
    assert wrong(question, "yield-ratio-inverted") == round(100 * 6.24 / 4.10)
    assert wrong(question, "yield-is-the-loss") == round(100 - 100 * 4.10 / 6.24, 1)


def test_residue_after_distillation(questions):
    question = questions["residue-after-distillation"]
    seawater = distil(WaterParams(source="seawater", sample_volume_cm3=100))
    assert seawater.sample_g == pytest.approx(102.5)
    assert question["answer"] == pytest.approx(seawater.sample_g - 60.0)
    assert wrong(question, "mass-equals-volume-for-solutions") == 100 - 60.0
    assert wrong(question, "mass-not-conserved-in-reactions") == seawater.sample_g + 60.0


def test_dissolved_solids(questions):
    question = questions["dissolved-solids-concentration"]
    assert question["answer"] == pytest.approx(dissolved_solids_g_dm3(0.90, 25.0))
    assert abs(question["answer"] - SOURCES[2].dissolved_solids_g_dm3) < 1  # a realistic seawater figure
    assert wrong(question, "cm3-not-converted-to-dm3") == pytest.approx(0.90 / 25.0)
    assert wrong(question, "concentration-is-amount") == pytest.approx(0.90 * 25)


def test_parameterised_answer_functions_match_hand_calculations(questions):
    crystals = questions["any-theoretical-crystals"]
    assert crystals["answer_function"] == "stemcpd.chemistry.salts:theoretical_crystals_g"
    assert "copper(II) oxide" in crystals["prompt"]  # the function's default base
    assert theoretical_crystals_g(40, 0.75) == pytest.approx(0.030 * 249.7, rel=0.001)
    base = questions["any-base-needed"]
    assert base["answer_function"] == "stemcpd.chemistry.salts:base_reacting_exactly_g"
    assert base["arguments"]["base_molar_mass_g_mol"] == 81.4 and "Mᵣ = 81.4" in base["prompt"]  # the prompt's Mr
    assert base_reacting_exactly_g(30, 1.25, 81.4) == pytest.approx(0.0375 * 81.4, rel=1e-12)
    assert base_needed_g(30, 1.25, "zinc oxide") == pytest.approx(0.0375 * 81.4, rel=0.001)  # ZnO from the model
    assert distillation_energy_kj(250) == pytest.approx(0.250 * (4180 * 80 + 2.26e6) / 1000)


def test_every_numeric_question_is_checked_and_diagnoses(questions):
    numeric = [q["id"] for q in questions.values() if q["type"] == "numeric"]
    assert set(numeric) == {"theoretical-crystals", "percentage-yield-crystals", "residue-after-distillation",
                            "dissolved-solids-concentration"}
    assert all(questions[i]["wrong_answers"] for i in numeric)
    assert sum(q["type"] == "parameterised_numeric" for q in questions.values()) >= 3
