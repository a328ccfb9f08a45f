"""The em-sound-and-lenses bank's numbers agree with the spectrum and lens models and with
distance = speed × time: every numeric answer and listed wrong answer is recomputed from
the prompt's own data; parameterised questions mark the model's own answer."""

import pytest

from stemcpd.physics.lenses import LensParams, trace
from stemcpd.physics.spectrum import frequency_hz, wavelength_from_gigahertz_m
from stemcpd.quiz import load_packaged_bank


@pytest.fixture(scope="module")
def bank():
    return load_packaged_bank("em-sound-and-lenses")


def within(question, model_value):
    return abs(question.answer - model_value) <= question.allowed_difference()


def wrong(question):
    return sorted(answer.value for answer in question.wrong_answers)


def test_frequency_of_orange_light(bank):
    question = bank["frequency-of-orange-light"]
    assert within(question, frequency_hz(600e-9))
    assert wrong(question) == pytest.approx(sorted([3.0e8 * 600e-9, 3.0e8 / 600]))


def test_echo_and_sonar(bank):
    echo = bank["echo-speed-of-sound"]
    assert within(echo, 2 * 85 / 0.50)
    assert wrong(echo) == pytest.approx(sorted([85 / 0.50, 85 * 0.50]))
    sonar = bank["sonar-depth"]
    assert within(sonar, 1500 * 0.40 / 2)
    assert wrong(sonar) == pytest.approx(sorted([1500 * 0.40, 1500 / 0.40]))


def test_mirror_angle(bank):
    question = bank["mirror-angle-from-surface"]
    assert within(question, 90 - 30)
    assert wrong(question) == [30, 120]
    assert question.mark("60°").correct


@pytest.mark.parametrize("question_id", ["frequency-of-a-radio-wave", "wavelength-of-a-microwave",
                                         "magnification-from-heights"])
def test_parameterised_questions_mark_the_models_answer(bank, question_id):
    question = bank[question_id]
    for seed in range(5):
        instance = question.instance(seed)
        assert question.mark(f"{instance.answer} {question.unit}", seed=seed).correct


def test_quoted_lens_facts_match_the_model():
    assert wavelength_from_gigahertz_m(2.4) == pytest.approx(0.125)
    assert trace(LensParams(0.5, 0.1)).nature == "real, inverted, diminished"  # beyond 2F, as the bank says
