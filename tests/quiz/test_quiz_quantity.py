"""Marking typed quantities as UK science teachers and pupils write them (issue 12, items 2–3):
the boards' unit spellings, SI digit groups, powers of ten, bare numbers where the prompt
fixes the unit, precision, common wrong answers and the slips feedback names."""

import pytest

from quantity_cases import CASES, CURRENT, ENERGY, ENERGY_KJ, KELVIN, LENGTH_FOR_EXTENSION, spec
from stemcpd.quiz.bank import load_packaged_bank, packaged_bank_names
from stemcpd.quiz.feedback import Feedback
from stemcpd.quiz.quantity import (
    answer_unit_of,
    format_number,
    mark_quantity,
    prompt_unit,
    read_quantity,
    round_figures,
)
from stemcpd.quiz.questions import NumericQuestion


@pytest.mark.parametrize("case", CASES, ids=lambda case: f"{case[0].unit}|{case[1][:24]}")
def test_marking_table(case):
    question, typed, correct, score, misconception = case
    feedback = mark_quantity(typed, question)
    assert (feedback.correct, feedback.score, feedback.misconception) == (correct, score, misconception), feedback.message


def test_the_issues_examples_through_numeric_questions():
    heat = NumericQuestion("c", "Calculate the specific heat capacity.", 993, "J/(kg*K)", "2%")
    assert heat.mark("993 J/kg °C").correct and heat.mark("993 J/kg K").correct
    angle = NumericQuestion("r", "What is the angle of refraction in degrees?", 19.2, "degree", "1%")
    assert angle.mark("19.2").correct
    energy = NumericQuestion("e", "Energy?", 125400, "J", "1%")
    feedback = energy.mark("125 400 J")
    assert feedback.correct and "125400 J matches" in feedback.message


def test_capital_k_for_kilo_is_named():
    feedback = mark_quantity("125.4 KJ", ENERGY)
    assert feedback.correct
    assert "small k" in feedback.message and "kelvin" in feedback.message


def test_a_prefix_slip_is_named():
    feedback = mark_quantity("131.4 J", ENERGY_KJ)
    assert feedback.misconception == "power-of-ten-slip"
    assert "1,000 times too small" in feedback.message
    assert "would be right in kJ, but you wrote J" in feedback.message


def test_too_few_figures_lose_the_mark_with_the_reason():
    feedback = mark_quantity("0.1 A", CURRENT)
    assert not feedback.correct and feedback.score == 0.5
    assert "1 significant figure" in feedback.message and "given to 2" in feedback.message and "0.10 A" in feedback.message


def test_far_too_many_figures_are_right_with_a_nudge():
    feedback = mark_quantity("0.104912 A", CURRENT)
    assert feedback.correct and "2 significant figures" in feedback.message
    assert "significant" not in mark_quantity("0.1049 A", CURRENT).message  # two extra figures: no nudge


def test_a_missing_unit_is_named():
    feedback = mark_quantity("125 400", ENERGY)
    assert feedback.score == 0.5 and "unit is missing" in feedback.message


def test_a_listed_wrong_answer_gives_its_feedback_and_misconception():
    feedback = mark_quantity("24 cm", LENGTH_FOR_EXTENSION)
    assert feedback.misconception == "length-not-extension"
    assert "new length" in feedback.message


def test_celsius_not_converted_is_diagnosed():
    feedback = mark_quantity("27 K", KELVIN)
    assert feedback.misconception == "celsius-not-converted-to-kelvin"
    assert "add 273" in feedback.message


def test_the_wrong_quantity_is_named_in_words():
    feedback = mark_quantity("993 J/kg", spec(993, "J/(kg K)"))
    assert "J/kg measures energy per mass; the answer is a specific heat capacity" in feedback.message


@pytest.mark.parametrize(
    "prompt, unit, fixed",
    [
        ("Calculate the energy in kJ.", "kJ", "kJ"),
        ("Give the angle (in degrees).", "degree", "degrees"),
        ("Energy / kJ", "kJ", "kJ"),
        ("Round to the nearest degree.", "degree", "degree"),
        ("How many seconds does it take?", "s", "seconds"),
        ("In a titration, 25 cm³ of acid is used. What is the concentration?", "mol/dm^3", None),
        ("What is the energy in the kinetic store?", "J", None),
        ("Water has a specific heat capacity of 4200 J/kg °C. What mass of water is heated?", "kg", None),
        ("0.60 g of magnesium (Mg) burns. What mass of oxide forms?", "g", None),
        ("Results (cm³): 25.15, 25.10. What is the mean titre?", "cm^3", "cm^3"),
        ("Energy / J", "kJ", None),
    ],
)
def test_the_unit_a_prompt_fixes(prompt, unit, fixed):
    found = prompt_unit(prompt, answer_unit_of(unit))
    assert (found.text if found else None) == fixed


@pytest.mark.parametrize(
    "typed, value, figures, zeros",
    [("125 400 J", 125400, 4, 2), ("1.30 × 10^2 kJ", 130, 3, 0), ("10⁻³ m", 0.001, 1, 0), ("2E3 J", 2000, 1, 0),
     ("−5.0 °C", -5, 2, 0), ("0.0050 kg", 0.005, 2, 0), ("1 000 000 J", 1e6, 1, 6), ("3.2 x10-3 m", 0.0032, 2, 0)],
)
def test_numbers_and_their_figures(typed, value, figures, zeros):
    reading = read_quantity(typed)
    assert reading.value == pytest.approx(value) and (reading.significant_figures, reading.ambiguous_zeros) == (figures, zeros)


def test_rounding_is_half_up_on_decimal_digits():
    assert round_figures(2.5, 1) == 3 and round_figures(0.1049, 2) == 0.10 and round_figures(0.125, 2) == 0.13
    assert round_figures(9.96, 2) == 10 and round_figures(-0.1049, 2) == -0.10
    assert [format_number(x) for x in (0.1, 125400.0, 1.254e8, 1e-5, -57.0)] == ["0.1", "125400", "1.254e+08", "1e-05", "-57"]


def test_every_bank_answer_unit_reads_with_the_boards_grammar():
    for name in packaged_bank_names():
        for question in load_packaged_bank(name):
            if hasattr(question, "unit"):
                answer_unit_of(question.unit)  # raises UnitError if the grammar cannot read it


HOSTILE = ["", " ", None, 42, ["1 J"], "x" * 10_000, "1" + "0" * 400 + " J", "10^10^10^10", "2 s**9999999999",
           "2 " + "(" * 50 + "s" + ")" * 50, "2 s^-99", "1e-999 J", "NaN J", "9.81 m/s^2^2", "2 J\u202e", "ﷺ" * 90]


@pytest.mark.parametrize("typed", HOSTILE, ids=lambda value: repr(value)[:20])
def test_hostile_input_is_feedback_never_an_exception(typed):
    feedback = mark_quantity(typed, ENERGY)
    assert isinstance(feedback, Feedback) and not feedback.correct and feedback.message


def test_every_misconception_marking_detects_has_a_teachers_name():
    from stemcpd.quiz.catalogue import BUILT_IN_NAMES, misconception_name
    from stemcpd.quiz.quantity import BUILT_IN_MISCONCEPTIONS

    assert set(BUILT_IN_MISCONCEPTIONS) <= set(BUILT_IN_NAMES)
    name = misconception_name("celsius-not-converted-to-kelvin")  # the catalogue's name wins over the built-in one
    assert "°C" in name and ("K" in name or "kelvin" in name)
