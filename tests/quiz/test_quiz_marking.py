"""Marking rules for multiple-choice and numeric questions, including hostile input."""

import builtins
import os
import subprocess
import time

import pytest

from stemcpd.quiz import Feedback, MultipleChoiceQuestion, NumericQuestion, Option
from stemcpd.quiz.questions import POWER_OF_TEN_SLIP, WRONG_DIMENSION


@pytest.fixture
def mass_question():
    return MultipleChoiceQuestion(
        id="period-mass",
        prompt="Does a heavier bob change the period?",
        options=(
            Option("No, the period is the same.", correct=True, feedback="Mass cancels."),
            Option("Yes, it is shorter.", feedback="Pulled harder, but more inertia.", misconception="heavier-swings-faster"),
            Option("Yes, it is longer.", feedback="Inertia is matched by weight.", misconception="heavier-swings-slower"),
        ),
        topic="pendulum",
    )


@pytest.fixture
def period_question():
    return NumericQuestion("period-1m", "Period of a 1.00 m pendulum?", 2.006, "s", "1%", sig_figs=3)


@pytest.fixture
def gravity_question():
    return NumericQuestion("g", "Gravitational field strength at Earth's surface?", 9.81, "m/s^2", "1%")


# --- Feedback ---------------------------------------------------------------


def test_feedback_is_frozen_and_checks_its_score():
    feedback = Feedback(True, 1.0, "ok")
    with pytest.raises(AttributeError):
        feedback.score = 0.5
    with pytest.raises(ValueError):
        Feedback(False, 1.5, "too much")
    with pytest.raises(ValueError):
        Feedback(True, 0.5, "a correct answer scores 1")


# --- Multiple choice --------------------------------------------------------


def test_correct_option_by_index(mass_question):
    feedback = mass_question.mark(0)

    assert feedback == Feedback(True, 1.0, "Mass cancels.", None)


def test_correct_option_by_text(mass_question):
    assert mass_question.mark("No, the period is the same.").correct


def test_wrong_option_returns_its_own_feedback_and_misconception(mass_question):
    feedback = mass_question.mark(2)

    assert feedback.correct is False
    assert feedback.score == 0
    assert feedback.message == "Inertia is matched by weight."
    assert feedback.misconception == "heavier-swings-slower"


def test_wrong_option_by_text(mass_question):
    assert mass_question.mark("Yes, it is shorter.").misconception == "heavier-swings-faster"


@pytest.mark.parametrize(
    "response", [None, 3, -1, 99, "maybe", "", True, False, 1.0, [0], {"index": 0}, object()]
)
def test_unrecognised_choice_scores_zero_without_raising(mass_question, response):
    feedback = mass_question.mark(response)

    assert feedback.correct is False
    assert feedback.score == 0
    assert feedback.misconception is None
    assert "option" in feedback.message


def test_no_choice_says_so(mass_question):
    assert "No option was chosen" in mass_question.mark(None).message
    assert "wasn't recognised" in mass_question.mark(7).message


def test_multiple_choice_needs_exactly_one_correct_option():
    with pytest.raises(ValueError, match="exactly one correct"):
        MultipleChoiceQuestion("q", "?", (Option("a", correct=True), Option("b", correct=True)))
    with pytest.raises(ValueError, match="exactly one correct"):
        MultipleChoiceQuestion("q", "?", (Option("a"), Option("b")))


# --- Numeric: the rules -----------------------------------------------------


@pytest.mark.parametrize(
    "response",
    [
        "9.81 m/s^2",
        "9.81 m s^-2",
        "9.81 m/s²",
        "9.81 m s⁻²",
        "9.81e0 m/s^2",
        "9.81 × 10^0 m/s^2",
        "9.81 x 10^0 m/s^2",
        "981 cm/s^2",
        "9.81 N/kg",
        "0.00981 km/s^2",
        "9.8 m/s^2",  # within 1%
        "9.9 m/s^2",
    ],
)
def test_right_value_in_any_equivalent_unit_is_correct(gravity_question, response):
    feedback = gravity_question.mark(response)

    assert feedback.correct is True
    assert feedback.score == 1
    # Confirms the model answer in the question's unit, printed typographically.
    assert feedback.message.endswith("matches the model answer, 9.81 m/s².")
    assert "^" not in feedback.message


def test_correct_message_converts_to_the_question_unit(gravity_question):
    assert "981 cm/s² = 9.81 m/s²" in gravity_question.mark("981 cm/s^2").message


def test_outside_tolerance_is_not_correct(gravity_question):
    feedback = gravity_question.mark("10.0 m/s^2")  # 1.9% high

    assert feedback.correct is False
    assert feedback.score == 0
    assert "too high" in feedback.message


def test_too_low_says_so(period_question):
    assert "too low" in period_question.mark("1.50 s").message


def test_absolute_tolerance():
    question = NumericQuestion("t", "Boiling point of water?", 100.0, "degC", tolerance=2)

    assert question.mark("101.5 degC").correct
    assert question.mark("373.15 K").correct
    assert not question.mark("103 degC").correct


def test_missing_unit_scores_half(period_question):
    feedback = period_question.mark("2.01")

    assert feedback.correct is False
    assert feedback.score == 0.5
    assert "unit is missing" in feedback.message


def test_missing_unit_and_wrong_value_scores_zero(period_question):
    feedback = period_question.mark("3.5")

    assert feedback.score == 0
    assert "include the unit" in feedback.message


def test_wrong_dimension_names_what_the_unit_measures(gravity_question):
    feedback = gravity_question.mark("9.81 s")

    assert feedback.score == 0
    assert feedback.correct is False
    assert feedback.misconception == WRONG_DIMENSION
    assert "s measures time; the answer is an acceleration" in feedback.message


@pytest.mark.parametrize(
    "response, phrase",
    [
        ("2.01 m", "m measures length; the answer is a time"),
        ("2.01 kg", "kg measures mass; the answer is a time"),
        ("2.01 Hz", "Hz measures frequency; the answer is a time"),
        ("2.01 m/s", "m/s measures speed; the answer is a time"),
    ],
)
def test_wrong_dimension_for_a_time(period_question, response, phrase):
    assert phrase in period_question.mark(response).message


def test_millisecond_confusion_gets_a_hint(gravity_question):
    feedback = gravity_question.mark("9.81 ms^-2")

    assert feedback.score == 0
    # 1/time² has no everyday name: it is described in words, never in pint's notation.
    assert "ms⁻² measures one per time²" in feedback.message and "[time]" not in feedback.message
    assert "milliseconds" in feedback.message


def test_wrong_significant_figures_scores_three_quarters(period_question):
    feedback = period_question.mark("2.006 s")

    assert feedback.correct is False
    assert feedback.score == 0.75
    assert "3 significant figures" in feedback.message


def test_too_few_significant_figures(period_question):
    feedback = period_question.mark("2.0 s")

    assert feedback.score == 0.75
    assert "you gave 2" in feedback.message


def test_right_significant_figures_in_another_unit(period_question):
    assert period_question.mark("2010 ms").correct
    assert period_question.mark("2.01 × 10^3 ms").correct


def test_no_sig_figs_rule_accepts_any_precision(gravity_question):
    assert gravity_question.mark("9.8100 m/s^2").correct
    assert gravity_question.mark("9.8 m/s^2").correct


@pytest.mark.parametrize(
    "response, how_far_out",
    [
        ("20.1 s", "10 times too big"),
        ("0.201 s", "10 times too small"),
        ("2.01 ms", "1,000 times too small"),
        ("2006 s", "1,000 times too big"),
        ("2.01e6 s", "1,000,000 times too big"),
        ("201 ms", "10 times too small"),
    ],
)
def test_power_of_ten_slip(period_question, response, how_far_out):
    feedback = period_question.mark(response)

    assert feedback.correct is False
    assert feedback.score == 0
    assert feedback.misconception == POWER_OF_TEN_SLIP
    assert how_far_out in feedback.message
    assert "prefixes" in feedback.message


def test_power_of_ten_beyond_six_is_just_wrong(period_question):
    feedback = period_question.mark("2.01e7 s")

    assert feedback.misconception is None
    assert "too high" in feedback.message


def test_power_of_ten_slip_needs_the_right_digits(period_question):
    assert period_question.mark("30.0 s").misconception is None


def test_power_of_ten_slip_for_a_length_in_centimetres_without_unit():
    question = NumericQuestion("length", "Length?", 0.2485, "m", "1%")

    feedback = question.mark("24.85")

    assert feedback.misconception == POWER_OF_TEN_SLIP
    assert "include the unit" in feedback.message
    assert question.mark("24.85 cm").correct


def test_negative_answers():
    question = NumericQuestion("charge", "Charge on an electron?", -1.60e-19, "C", "2%")

    assert question.mark("-1.60 × 10^-19 C").correct
    assert question.mark("−1.6e-19 C").correct
    assert not question.mark("1.60e-19 C").correct


def test_unparseable_explains_the_format_with_an_example(period_question):
    feedback = period_question.mark("about two seconds")

    assert feedback.score == 0
    assert feedback.correct is False
    assert "e.g. 1.23 s" in feedback.message


def test_decimal_comma_is_refused_helpfully(period_question):
    feedback = period_question.mark("2,01 s")

    assert feedback.score == 0
    assert "decimal point" in feedback.message


def test_example_response_has_the_required_significant_figures():
    assert NumericQuestion("a", "?", 2.006, "s", "1%", sig_figs=4).example_response() == "1.234 s"
    assert NumericQuestion("a", "?", 2.006, "s", "1%", sig_figs=1).example_response() == "1 s"
    assert NumericQuestion("a", "?", 9.81, "m/s^2", "1%").example_response() == "1.23 m/s^2"


@pytest.mark.parametrize(
    "fields, words",
    [
        ({"answer": float("nan")}, "finite"),
        ({"answer": float("inf")}, "finite"),
        ({"unit": "wibble"}, "unit"),
        ({"tolerance": "1 percent"}, "tolerance"),
        ({"tolerance": -0.1}, "tolerance"),
        ({"sig_figs": 0}, "sig_figs"),
    ],
)
def test_numeric_question_validates_its_fields(fields, words):
    arguments = {"id": "q", "prompt": "?", "answer": 2.0, "unit": "s", "tolerance": "1%", **fields}
    with pytest.raises(ValueError, match=words):
        NumericQuestion(**arguments)


def test_marking_is_pure(period_question):
    first = period_question.mark("2.01 s")
    second = period_question.mark("2.01 s")

    assert first == second
    assert period_question == NumericQuestion("period-1m", "Period of a 1.00 m pendulum?", 2.006, "s", "1%", sig_figs=3)


# --- Hostile input ----------------------------------------------------------

HOSTILE_INPUTS = [
    "",
    " ",
    "\x00",
    "\n\n\n",
    "garbage",
    "x" * 10_000,
    "9" * 10_000,
    "9.81 " + "m" * 10_000,
    "é" * 5_000,
    "🙂 s",
    "ﷺ" * 90,  # NFKC expands this character to 18
    "__import__('os').system('touch /tmp/stemcpd-pwned')",
    "2 + __import__('os').system('touch /tmp/stemcpd-pwned')",
    "eval('1')",
    "lambda: 1",
    "2.01 s; import os",
    "1e999",
    "-1e999 s",
    "1e-999 s",
    "nan",
    "NaN s",
    "inf",
    "10^10^10^10",
    "2 s^10^10^10",
    "2 s**9999999999",
    "2 " + "(" * 50 + "s" + ")" * 50,
    "2 (((((s",
    "9.81 m/s^2^2",
    "1" + "0" * 400 + " s",
    "0." + "0" * 90 + "1 s",
    "2.01 s s s s s s s s s s s",
    "2.01 /",
    "2.01 ^",
    "2.01 s/0",
    "2.01 degC/s",
    "2.01 {s}",
    "2.01 [s]",
    "2.01 s\u202e",
    "2.01 s" + "\u0301" * 50,
    None,
    42,
    3.14,
    b"2.01 s",
    ["2.01 s"],
    {"value": 2.01},
]


@pytest.fixture
def no_eval(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("marking must never evaluate learner input")

    monkeypatch.setattr(builtins, "eval", refuse)
    monkeypatch.setattr(builtins, "exec", refuse)
    system_calls = []
    monkeypatch.setattr(os, "system", lambda command: system_calls.append(command) or 0)
    monkeypatch.setattr(subprocess, "Popen", refuse)
    return system_calls


@pytest.mark.parametrize("response", HOSTILE_INPUTS, ids=lambda value: repr(value)[:30])
def test_hostile_input_returns_feedback_and_never_evaluates(period_question, no_eval, response):
    feedback = period_question.mark(response)

    assert isinstance(feedback, Feedback)
    assert feedback.correct is False
    assert 0 <= feedback.score <= 1
    assert feedback.message
    assert no_eval == []


def test_marking_still_works_without_eval(period_question, no_eval):
    assert period_question.mark("2.01 s").correct
    assert period_question.mark("201 cm").misconception == WRONG_DIMENSION
    assert period_question.mark("２.０１ ｓ").correct  # full-width characters fold to ASCII


def test_hostile_input_is_marked_quickly(period_question):
    start = time.perf_counter()
    for response in HOSTILE_INPUTS:
        period_question.mark(response)
    assert time.perf_counter() - start < 2.0


def test_unit_regex_does_not_backtrack_catastrophically(period_question):
    start = time.perf_counter()
    period_question.mark("2 " + "a" * 38 + "!")
    period_question.mark("2 " + "a b " * 9 + "!")
    assert time.perf_counter() - start < 0.5
