"""The acids-and-titration bank's numbers agree with the titration model.

Each numeric answer is recomputed from stemcpd.chemistry.titration and checked within
the question's own tolerance; pH values and volumes quoted in multiple-choice options
and feedback are checked too.
"""

import pytest

from stemcpd.chemistry.titration import (
    INDICATORS_BY_NAME,
    TitrationParams,
    hydrogen_ion_concentration,
    mean_concordant_titre,
    ph_at,
    simulate,
    virtual_practical,
)
from stemcpd.quiz import load_packaged_bank

ETHANOIC_PKA = 4.76
STANDARD = dict(acid_molar=0.100, acid_ml=25.0, base_molar=0.100)


@pytest.fixture(scope="module")
def bank():
    return load_packaged_bank("acids-and-titration")


def within(question, model_value):
    return abs(question.answer - model_value) <= question.allowed_difference()


def test_acid_concentration_from_titre(bank):
    question = bank["acid-concentration-from-titre"]
    assert "mean titre of 20.35 cm³ of 0.100 mol/dm³" in " ".join(question.prompt.split())
    # The model's equivalence volume for the answer's concentration is the titre in the prompt.
    assert TitrationParams(acid_molar=question.answer, acid_ml=25.0, base_molar=0.100,
                           acid_pka=None).equivalence_ml == pytest.approx(20.35, abs=1e-9)
    assert question.answer == round(0.100 * 20.35 / 25.00, 4)  # 0.0814, three significant figures
    assert question.unit == "mol/dm^3"
    assert question.sig_figs == 3
    # The model answer as the quiz shows it must itself be marked fully right.
    shown = f"{question.answer:g} {question.unit}"
    assert shown == "0.0814 mol/dm^3"
    assert question.mark(shown).correct and question.mark(shown).score == 1.0


def test_mean_concordant_titre_from_the_virtual_practical(bank):
    question = bank["mean-concordant-titre"]
    table = virtual_practical(seed=0)  # the results quoted in the prompt and in the workbook
    titres = list(table.column("titre"))
    assert titres == pytest.approx([25.85, 25.15, 25.10])
    for value in ("rough 25.85", "run 1: 25.15", "run 2:\n25.10".replace("\n", " ")):
        assert value in " ".join(question.prompt.split())
    assert within(question, mean_concordant_titre(table))
    assert question.unit == "cm^3"


def test_concordant_titres_question_quotes_the_same_table(bank):
    text = bank["concordant-titres"].prompt
    assert "rough 25.85" in text and "25.15" in text and "25.10" in text
    assert mean_concordant_titre(virtual_practical(seed=0)) == pytest.approx(25.125)


def test_weak_acid_equivalence_volume(bank):
    question = bank["weak-acid-equivalence-volume"]
    model_ml = TitrationParams(acid_molar=0.150, acid_ml=25.0, base_molar=0.100,
                               acid_pka=ETHANOIC_PKA).equivalence_ml
    assert within(question, model_ml)


def test_hydrogen_ions_in_weak_acid(bank):
    question = bank["hydrogen-ions-in-weak-acid"]
    model_h = float(hydrogen_ion_concentration(0.0, acid_pka=ETHANOIC_PKA, **STANDARD))
    assert within(question, model_h)
    # From the prompt's own data, pH 2.88: [H+] = 10^-2.88 = 0.001318..., so 0.00132 to 3 s.f.
    assert "has pH 2.88" in " ".join(question.prompt.split())
    # (The model's unrounded 0.001310 mol/dm³ is pH 2.883; the prompt quotes pH 2.88, and the
    # model answer must follow from what the learner is given.)
    assert question.answer == float(f"{10 ** -2.88:.3g}") == 0.00132
    assert float(ph_at(0.0, acid_pka=ETHANOIC_PKA, **STANDARD)) == pytest.approx(2.88, abs=0.005)
    # "about 1.3% ionised" and "about 75 times more" in weak-acid-higher-ph
    assert model_h / 0.100 * 100 == pytest.approx(1.3, abs=0.05)
    assert 0.100 / model_h == pytest.approx(75, abs=2)


def test_equal_volumes_for_strong_and_weak_acids(bank):
    strong = simulate(TitrationParams(acid_pka=None))
    weak = simulate(TitrationParams(acid_pka=ETHANOIC_PKA))
    assert strong.equivalence_ml == weak.equivalence_ml == pytest.approx(25.00)
    assert "about 8.7" in bank["weak-acid-alkali-volume"].correct_option.feedback
    assert weak.ph_at_equivalence == pytest.approx(8.7, abs=0.05)
    assert strong.ph_at_equivalence == pytest.approx(7.0, abs=0.005)


def test_indicator_choice(bank):
    weak = simulate(TitrationParams(acid_pka=ETHANOIC_PKA))
    strong = simulate(TitrationParams(acid_pka=None))
    assert weak.suitable_indicators == ("phenolphthalein",)
    assert set(strong.suitable_indicators) == {"methyl orange", "bromothymol blue", "phenolphthalein"}
    assert weak.steep_ph[0] == pytest.approx(6.5, abs=0.1) and weak.steep_ph[1] == pytest.approx(11, abs=0.1)
    assert "from about pH 6.5 to 11" in bank["indicator-for-weak-acid"].correct_option.feedback
    phenolphthalein = INDICATORS_BY_NAME["phenolphthalein"]
    assert (phenolphthalein.ph_low, phenolphthalein.ph_high) == (8.2, 10.0)


BURETTE_DROP_CM3 = 0.05  # a drop from a burette, about 20 drops per cm³


def test_two_drop_jump_at_equivalence(bank):
    before, after = ph_at([24.95, 25.05], acid_pka=None, **STANDARD)
    assert before == pytest.approx(4.0, abs=0.05) and after == pytest.approx(10.0, abs=0.05)
    question = bank["end-point-meaning"]
    feedback = " ".join(question.correct_option.feedback.split())
    assert "24.95 cm³ gives pH 4.0 and 25.05 cm³ gives pH 10.0" in feedback
    # 25.05 − 24.95 = 0.10 cm³ is two drops, not one
    assert round((25.05 - 24.95) / BURETTE_DROP_CM3) == 2
    assert "two drops (0.10 cm³) take the pH from about 4 to 10" in question.correct_option.text
    assert "one drop" not in question.correct_option.text
    steadily = next(option for option in question.options if option.misconception == "ph-changes-steadily")
    assert "within two drops (0.10 cm³)" in " ".join(steadily.feedback.split())


def test_dilution_figures(bank):
    question = bank["dilute-strong-acid-ph"]
    assert question.correct_option.text == "2.0"
    assert float(ph_at(0.0, acid_molar=0.010, acid_ml=25.0, base_molar=0.100)) == pytest.approx(2.0, abs=1e-6)
    feedback = question.correct_option.feedback
    assert "has pH 2.88, 0.010 mol/dm³ pH 3.39" in " ".join(feedback.split())
    assert float(ph_at(0.0, acid_molar=0.010, acid_ml=25.0, base_molar=0.100,
                       acid_pka=ETHANOIC_PKA)) == pytest.approx(3.39, abs=0.005)


def test_air_bubble_makes_the_concentration_high():
    with_bubble = mean_concordant_titre(virtual_practical(seed=0))
    without = mean_concordant_titre(virtual_practical(seed=0, air_bubble_ml=0.0))
    assert with_bubble > without
    assert (with_bubble * 0.100 / 25.0 / 0.100 - 1) * 100 == pytest.approx(0.6, abs=0.2)
