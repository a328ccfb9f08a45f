"""The organic bank's numbers and facts agree with stemcpd.chemistry.alkanes.

Numeric answers and each diagnosed wrong answer are recomputed from the prompt's own
data (the wrong ones from the slip their feedback names); the equations and facts the
choice items quote are checked against the model.
"""


import pytest

from stemcpd.chemistry.alkanes import (
    alkane,
    alkane_formula,
    atoms_each_side,
    co2_mass_per_gram,
    combustion_equation,
    equation_text,
    fraction_of,
    oxygen_mass_per_gram,
    relative_formula_mass,
)

from bank_yaml import raw_questions, wrong  # tests/quiz is on sys.path

TOPIC = "organic"


@pytest.fixture(scope="module")
def questions():
    return raw_questions(TOPIC)


def flat(text):
    return " ".join(text.split())


def test_carbon_dioxide_from_methane(questions):
    question = questions["co2-from-methane"]
    prompt = flat(question["prompt"])
    assert "CH₄ + 2O₂ → CO₂ + 2H₂O" in prompt and "8.0 g" in prompt
    assert equation_text(combustion_equation(1)) == "CH₄ + 2O₂ → CO₂ + 2H₂O"
    methane, carbon_dioxide = relative_formula_mass("CH4"), relative_formula_mass("CO2")
    assert question["answer"] == pytest.approx(8.0 / methane * carbon_dioxide)
    assert question["answer"] == pytest.approx(8.0 * co2_mass_per_gram(1))
    assert wrong(question, "mass-ratio-inverted") == pytest.approx(8.0 * methane / carbon_dioxide, rel=0.005)
    assert wrong(question, "mass-same-for-each-substance") == 8.0
    assert wrong(question, "mr-given-as-mass") == carbon_dioxide


def test_oxygen_to_balance_octane(questions):
    question = questions["oxygen-to-balance-octane"]
    assert "2C₈H₁₈ + __ O₂ → 16CO₂ + 18H₂O" in flat(question["prompt"])
    equation = combustion_equation(8)
    assert equation == {"C8H18": -2, "O2": -25, "CO2": 16, "H2O": 18}
    assert question["answer"] == -equation["O2"]
    oxygen_atoms_on_right = 16 * 2 + 18
    assert wrong(question, "atoms-counted-not-molecules") == oxygen_atoms_on_right
    assert wrong(question, "equation-balanced-for-one-molecule") == oxygen_atoms_on_right / 2 / 2
    assert wrong(question, "oxygen-balanced-against-carbon-only") == 16 * 2 / 2


def test_alkene_from_cracking_hexadecane(questions):
    question = questions["alkene-from-cracking-hexadecane"]
    assert "C₁₆H₃₄ → C₁₀H₂₂ + 3X" in flat(question["prompt"])
    left, right = atoms_each_side({"C16H34": -1, "C10H22": 1})
    left_over = {symbol: (left[symbol] - right[symbol]) // 3 for symbol in left}
    assert left_over == {"C": 2, "H": 4}  # X is ethene, C2H4
    assert question["answer"] == relative_formula_mass("C2H4") == 28
    assert wrong(question, "product-coefficient-ignored") == 3 * relative_formula_mass("C2H4")
    assert wrong(question, "cracking-makes-only-alkanes") == relative_formula_mass(alkane_formula(2))


def test_facts_behind_the_choice_items(questions):
    assert alkane(4).name == "butane" and alkane(4).formula == "C4H10"
    assert equation_text(combustion_equation(3)) == "C₃H₈ + 5O₂ → 3CO₂ + 4H₂O"
    assert "C₃H₈ + 5O₂ → 3CO₂ + 4H₂O" in flat(" ".join(o["feedback"] for o in questions["complete-combustion-products"]["options"]))
    # mass-of-products-from-butane: oxygen used (about 359 g) and 3.03 g CO2 per gram
    feedback = flat(" ".join(o["feedback"] for o in questions["mass-of-products-from-butane"]["options"]))
    assert f"about {100 * oxygen_mass_per_gram(4):.0f} g" in feedback
    assert f"{co2_mass_per_gram(4):.2f} g of CO₂" in feedback
    # diesel boils higher than petrol: the model's fractions
    assert fraction_of(8).name == "petrol" and fraction_of(16).name == "diesel oil"
    assert alkane(16).boiling_point_c > alkane(8).boiling_point_c
    # 1 dm3 of CO2 at room temperature (24 dm3/mol) has a mass of about 1.8 g
    assert relative_formula_mass("CO2") / 24 == pytest.approx(1.8, abs=0.05)


def test_every_numeric_diagnoses_and_three_parameterised(questions):
    numeric = [q for q in questions.values() if q["type"] == "numeric"]
    assert len(numeric) == 3 and all(q["wrong_answers"] for q in numeric)
    assert sum(q["type"] == "parameterised_numeric" for q in questions.values()) == 3


def test_chemistry_only_items_are_flagged(questions):
    for question_id in ("addition-polymerisation", "making-ethanol-by-fermentation"):
        assert questions[question_id]["prompt"].startswith("(Chemistry only, AQA 4.7.")
