"""The atmosphere-and-resources bank's numbers agree with stemcpd.chemistry.greenhouse.

Numeric answers and each diagnosed wrong answer are recomputed (the wrong ones from the
slip their feedback names); the 255 K and 288 K the choice items quote come from the model.
"""


import pytest

from stemcpd.chemistry.greenhouse import (
    DRY_AIR_PERCENT,
    GreenhouseParams,
    balance,
    effective_temperature_k,
    ppm_to_percent,
)

from bank_yaml import raw_questions, wrong  # tests/quiz is on sys.path

TOPIC = "atmosphere-and-resources"


@pytest.fixture(scope="module")
def questions():
    return raw_questions(TOPIC)


def test_oxygen_from_iron_wool(questions):
    question = questions["oxygen-from-iron-wool"]
    assert question["answer"] == 100 - 79
    assert abs(question["answer"] - DRY_AIR_PERCENT["oxygen"]) < 0.1
    assert wrong(question, "remaining-gas-taken-as-oxygen") == 79
    assert wrong(question, "percentage-of-wrong-total") == pytest.approx(100 * 21 / 79, abs=0.05)


def test_ppm(questions):
    question = questions["co2-ppm-to-percent"]
    assert question["answer"] == pytest.approx(ppm_to_percent(420))
    assert wrong(question, "ppm-divided-by-100") == pytest.approx(420 / 100)
    assert wrong(question, "ppm-divided-by-1000") == pytest.approx(420 / 1000)


def test_oxygen_in_a_room(questions):
    question = questions["oxygen-in-a-room"]
    assert question["answer"] == 150 / 5
    assert wrong(question, "nitrogen-fraction-used-for-oxygen") == 150 * 4 / 5


def test_quoted_temperatures():
    assert round(effective_temperature_k() - 273.15) == -19 or round(effective_temperature_k() - 273.15) == -18
    assert balance(GreenhouseParams(co2_ppm=280)).surface_k == pytest.approx(288)
    assert abs(balance(GreenhouseParams(co2_ppm=420)).back_radiation_w_m2 - 155) < 3  # "about 155 W/m²"


def test_three_parameterised_and_every_numeric_diagnoses(questions):
    assert sum(q["type"] == "parameterised_numeric" for q in questions.values()) == 3
    assert all(q["wrong_answers"] for q in questions.values() if q["type"] == "numeric")
