"""The bonding-and-structure bank's numbers and facts agree with stemcpd.chemistry.bonding.

Numeric answers and each diagnosed wrong answer are recomputed (the wrong ones from the
slip their feedback names); the states and conduction the choice items rely on are
checked against the model.
"""


import pytest

from stemcpd.chemistry.bonding import (
    SUBSTANCES,
    conducts,
    covalent_bonds_formed,
    cube_surface_area_to_volume,
    state_at,
    surface_area_to_volume_increase,
)

from bank_yaml import raw_questions, wrong  # tests/quiz is on sys.path

TOPIC = "bonding-and-structure"
BY_NAME = {substance.name: substance for substance in SUBSTANCES}


@pytest.fixture(scope="module")
def questions():
    return raw_questions(TOPIC)


def test_surface_area_to_volume(questions):
    question = questions["surface-area-to-volume"]
    assert question["answer"] == pytest.approx(cube_surface_area_to_volume(10))
    assert wrong(question, "side-length-not-used") == 6
    assert wrong(question, "one-face-used") == pytest.approx(10**2 / 10**3)
    assert surface_area_to_volume_increase(100, 10) == pytest.approx(10)


def test_nitrogen_bonds(questions):
    question = questions["bonds-formed-by-nitrogen"]
    assert question["answer"] == covalent_bonds_formed(5)
    assert wrong(question, "bonds-equal-outer-electrons") == 5


def test_methane_liquid_range(questions):
    question = questions["liquid-range-of-methane"]
    methane = BY_NAME["methane"]
    assert "−182.5" in question["prompt"] and "−161.5" in question["prompt"]
    assert question["answer"] == pytest.approx(methane.boiling_point_c - methane.melting_point_c)
    assert wrong(question, "negative-temperatures-added") == pytest.approx(182.5 + 161.5)
    assert wrong(question, "range-order-reversed") == -question["answer"]


def test_facts_behind_the_choice_items():
    salt, graphite, diamond = BY_NAME["sodium chloride"], BY_NAME["graphite"], BY_NAME["diamond"]
    assert not conducts(salt, "solid")[0] and conducts(salt, "liquid")[0] and conducts(salt, "solution")[0]
    assert conducts(graphite, "solid")[0] and not conducts(diamond, "solid")[0]
    assert not conducts(BY_NAME["methane"], "liquid")[0]
    assert state_at(BY_NAME["water"], 25) == "liquid" and salt.melting_point_c == 801


def test_every_numeric_diagnoses_and_three_parameterised(questions):
    numeric = [q for q in questions.values() if q["type"] == "numeric"]
    assert len(numeric) == 3 and all(q["wrong_answers"] for q in numeric)
    assert sum(q["type"] == "parameterised_numeric" for q in questions.values()) == 3
