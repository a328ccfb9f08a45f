"""The atoms-and-nuclear bank's numbers agree with the nuclear model: the uranium-series
count and its wrong answers are recomputed, the equation options follow the alpha and
beta rules, and parameterised questions mark the model's own answer."""

import pytest

from stemcpd.physics.nuclear import ChainParams, Nucleus, daughter, follow_chain, nuclei_left
from stemcpd.quiz import load_packaged_bank


@pytest.fixture(scope="module")
def bank():
    return load_packaged_bank("atoms-and-nuclear")


def test_alphas_in_the_uranium_series(bank):
    question = bank["alphas-in-the-uranium-series"]
    chain = follow_chain(ChainParams(14))
    assert question.answer == chain.alpha_count == (238 - 206) // 4
    assert sorted(answer.value for answer in question.wrong_answers) == [(92 - 82) // 2, (238 - 206) // 2]


def test_radium_option_is_the_models_daughter(bank):
    question = bank["alpha-decay-of-radium"]
    radon = daughter(Nucleus(226, 88), "alpha")
    assert question.correct_option.text == f"{radon.notation()}"


@pytest.mark.parametrize("question_id", ["atomic-number-after-decays", "mass-number-after-alpha-decays",
                                         "nuclei-left-after-half-lives"])
def test_parameterised_questions_mark_the_models_answer(bank, question_id):
    question = bank[question_id]
    for seed in range(6):
        instance = question.instance(seed)
        assert question.mark(f"{instance.answer:g}", seed=seed).correct


def test_nuclei_left():
    assert nuclei_left(800, 2) == 200
    with pytest.raises(ValueError, match=r"half_lives must be a whole number in \[0, 100\]"):
        nuclei_left(800, 1.5)
