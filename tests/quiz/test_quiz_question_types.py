"""The newer question types (multiple select, ordering, short text, parameterised
numeric), their YAML form and errors, and the confidence rules."""

from pathlib import Path

import pytest

from stemcpd.physics.pendulum import small_angle_period
from stemcpd.quiz import (
    BankError,
    Feedback,
    MultipleSelectQuestion,
    NumericQuestion,
    Option,
    OrderingQuestion,
    ParameterisedNumericQuestion,
    ShortTextQuestion,
    Variable,
    WrongAnswer,
    apply_confidence,
    is_confident_error,
    load_bank,
)
from stemcpd.quiz.feedback import HYPERCORRECTION_MESSAGE
from stemcpd.quiz.parameterised import AnswerFunctionError, resolve_answer_function

# Line numbers matter: error tests edit single lines and assert the exact line.
NEW_TYPES_BANK = """\
topic: pendulum
title: "New question types"
questions:
  - id: what-sets-period
    type: multiple_select
    prompt: "Which of these change the period of a pendulum swinging through small angles?"
    options:
      - text: "Its length"
        correct: true
        feedback: "T = 2π√(L/g): length matters."
      - text: "The gravitational field strength"
        correct: true
        feedback: "g is in the formula too."
      - text: "The mass of the bob"
        misconception: heavier-swings-faster
        feedback: "Mass cancels out."
      - text: "The amplitude (for small swings)"
        misconception: bigger-swing-takes-longer
        feedback: "For small swings the period hardly changes."
  - id: period-any-length
    type: parameterised_numeric
    prompt: "A pendulum is {length} m long. Taking g = 9.81 N/kg, what is its period?"
    variables:
      length: {min: 0.2, max: 2.0, step: 0.05, unit: m}
    answer_function: stemcpd.physics.pendulum:small_angle_period
    arguments: {length_m: length, g: 9.81}
    unit: s
    tolerance: 1%
  - id: measure-g-method
    type: ordering
    prompt: "Put the steps for finding g with a pendulum in order."
    steps:
      - "Measure the length from the pivot to the centre of the bob"
      - "Release the bob from a small angle"
      - "Time 10 oscillations"
      - "Divide by 10 to find the period"
      - "Repeat for other lengths and plot T² against L"
    explanation: "The gradient of T² against L is 4π²/g."
  - id: name-the-time
    type: short_text
    prompt: "What is the time for one complete oscillation called?"
    answers: ["period", "time period"]
    synonyms: [["oscillation", "swing", "cycle"]]
    wrong_answers:
      - text: "frequency"
        feedback: "Frequency is the number of oscillations per second, 1/T."
        misconception: period-frequency-confused
    explanation: "T, in seconds."
"""


def write_bank(tmp_path: Path, text: str, name: str = "bad.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def with_line(line_number: int, new_line: str) -> str:
    lines = NEW_TYPES_BANK.splitlines()
    lines[line_number - 1] = new_line
    return "\n".join(lines) + "\n"


def load_error(tmp_path: Path, text: str) -> BankError:
    with pytest.raises(BankError) as caught:
        load_bank(write_bank(tmp_path, text))
    return caught.value


@pytest.fixture
def bank(tmp_path):
    return load_bank(write_bank(tmp_path, NEW_TYPES_BANK, "new-types.yaml"))


# --- Loading -----------------------------------------------------------------


def test_every_new_type_loads_from_yaml(bank):
    assert [type(question) for question in bank] == [
        MultipleSelectQuestion, ParameterisedNumericQuestion, OrderingQuestion, ShortTextQuestion,
    ]
    assert all(question.topic == "pendulum" for question in bank)
    assert bank["what-sets-period"].correct_indexes == (0, 1)
    assert bank["measure-g-method"].steps[2] == "Time 10 oscillations"
    assert bank["name-the-time"].wrong_answers[0] == WrongAnswer(
        "frequency", "Frequency is the number of oscillations per second, 1/T.", "period-frequency-confused")
    parameterised = bank["period-any-length"]
    assert parameterised.variables == (Variable("length", 0.2, 2.0, 0.05, "m"),)
    assert parameterised.arguments == (("length_m", "length"), ("g", 9.81))


def test_unknown_answer_function_names_file_line_and_id(tmp_path):
    error = load_error(tmp_path, with_line(25, "    answer_function: stemcpd.physics.pendulum:no_such_function"))

    assert error.path.name == "bad.yaml"
    assert error.line == 25
    assert error.question_id == "period-any-length"
    assert "unknown answer_function" in error.problem and "no_such_function" in error.problem
    assert str(error).startswith("bad.yaml, line 25, question 'period-any-length': ")


@pytest.mark.parametrize("reference", ["os:system", "stemcpd.quiz.bank:load_bank", "builtins:eval", "subprocess:run"])
def test_modules_outside_the_allowlist_are_refused_without_importing(tmp_path, reference):
    error = load_error(tmp_path, with_line(25, f"    answer_function: {reference}"))

    assert error.line == 25 and error.question_id == "period-any-length"
    assert "is not allowed" in error.problem


def test_private_or_non_function_names_are_refused():
    with pytest.raises(AnswerFunctionError, match="unknown answer_function"):
        resolve_answer_function("stemcpd.physics.pendulum:GRAVITY_PRESETS_M_S2")  # exported, but not a function
    with pytest.raises(AnswerFunctionError, match="unknown answer_function"):
        resolve_answer_function("stemcpd.physics.pendulum:model")  # a submodule, not exported
    with pytest.raises(AnswerFunctionError, match="must look like"):
        resolve_answer_function("stemcpd.physics.pendulum.small_angle_period")
    assert resolve_answer_function("stemcpd.physics.pendulum:small_angle_period") is small_angle_period


def test_argument_the_function_cannot_take(tmp_path):
    error = load_error(tmp_path, with_line(26, "    arguments: {length_cm: length}"))

    assert error.line == 25 and error.question_id == "period-any-length"
    assert "cannot take these arguments" in error.problem


def test_argument_naming_an_unknown_variable(tmp_path):
    error = load_error(tmp_path, with_line(26, "    arguments: {length_m: width}"))

    assert error.line == 26
    assert "'width', which is not a variable" in error.problem


def test_placeholder_without_a_variable(tmp_path):
    error = load_error(tmp_path, with_line(22, '    prompt: "A pendulum is {length} m long on a planet with g = {g} N/kg."'))

    assert error.question_id == "period-any-length"
    assert "{g} is not a variable" in error.problem


def test_variable_range_must_make_sense(tmp_path):
    error = load_error(tmp_path, with_line(24, "      length: {min: 2.0, max: 0.2, step: 0.05, unit: m}"))

    assert error.line == 24
    assert "must not exceed max" in error.problem


def test_model_refusing_the_range_is_reported(tmp_path):
    error = load_error(tmp_path, with_line(24, "      length: {min: -1.0, max: 2.0, step: 0.05, unit: m}"))

    assert error.line == 25 and error.question_id == "period-any-length"
    assert "failed for" in error.problem


def test_multiple_select_needs_a_correct_option(tmp_path):
    text = NEW_TYPES_BANK.replace("        correct: true\n", "        correct: false\n")
    error = load_error(tmp_path, text)

    assert error.line == 7 and error.question_id == "what-sets-period"
    assert "at least one correct option" in error.problem


def test_multiple_select_right_options_need_feedback(tmp_path):
    error = load_error(tmp_path, with_line(10, "        # feedback removed"))

    assert error.line == 8
    assert "right option 1 has no feedback" in error.problem


def test_repeated_step(tmp_path):
    error = load_error(tmp_path, with_line(34, '      - "Measure the length from the pivot to the centre of the bob"'))

    assert error.line == 34 and error.question_id == "measure-g-method"
    assert "step 2 repeats step 1" in error.problem


def test_wrong_answer_that_is_accepted(tmp_path):
    error = load_error(tmp_path, with_line(45, '      - text: "Period!"'))

    assert error.question_id == "name-the-time"
    assert "matches an accepted answer" in error.problem


def test_wrong_answer_needs_a_misconception(tmp_path):
    error = load_error(tmp_path, with_line(47, "        # misconception removed"))

    assert error.line == 45
    assert "missing required field 'misconception'" in error.problem


# --- Multiple select ---------------------------------------------------------


def test_multiple_select_all_right(bank):
    feedback = bank["what-sets-period"].mark([1, 0])

    assert feedback.correct and feedback.score == 1
    assert feedback.misconception is None


def test_multiple_select_partial_credit_and_every_option_reported(bank):
    question = bank["what-sets-period"]

    one_right = question.mark([0])
    assert one_right.score == 0.5 and not one_right.correct
    assert "You missed 'The gravitational field strength'" in one_right.message
    assert "g is in the formula too." in one_right.message

    mixed = question.mark(["Its length", "The mass of the bob", "The amplitude (for small swings)"])
    assert mixed.score == 0  # (1 right − 2 wrong) / 2, clipped
    assert mixed.misconception == "heavier-swings-faster"  # the first wrong option, in bank order
    assert "You ticked 'The mass of the bob'" in mixed.message and "Mass cancels out." in mixed.message
    assert "You ticked 'The amplitude (for small swings)'" in mixed.message
    assert "You missed 'The gravitational field strength'" in mixed.message

    assert question.mark([0, 1, 3]).score == 0.5
    assert question.mark([0, 1, 3]).misconception == "bigger-swing-takes-longer"


@pytest.mark.parametrize("response", [None, [], "", 3.5, {"a": 1}, [None], [99], True])
def test_multiple_select_odd_responses_score_zero(bank, response):
    feedback = bank["what-sets-period"].mark(response)

    assert feedback.score == 0 and not feedback.correct


def test_multiple_select_unrecognised_items_count_against():
    question = MultipleSelectQuestion("q", "?", (Option("a", True, "yes"), Option("b", True, "yes"), Option("c", False, "no", "m")))

    assert question.mark([0, 1, "zzz"]).score == 0.5
    assert not question.mark([0, 1, "zzz"]).correct
    assert "did not match any option" in question.mark([0, 1, "zzz"]).message


def test_multiple_select_needs_a_right_option():
    with pytest.raises(ValueError, match="at least one correct"):
        MultipleSelectQuestion("q", "?", (Option("a"), Option("b")))


# --- Ordering ----------------------------------------------------------------


def test_ordering_right_order_by_index_or_text(bank):
    question = bank["measure-g-method"]

    assert question.mark([0, 1, 2, 3, 4]).correct
    assert question.mark(list(question.steps)).correct
    assert "4π²/g" in question.mark([0, 1, 2, 3, 4]).message


def test_ordering_scores_adjacent_pairs_and_names_the_first_misplaced_step(bank):
    question = bank["measure-g-method"]

    swapped = question.mark([0, 2, 1, 3, 4])
    assert swapped.score == 0.75 and not swapped.correct
    assert "'Time 10 oscillations': you put it 2nd, but it comes 3rd" in swapped.message
    assert question.mark([4, 3, 2, 1, 0]).score == 0
    assert question.mark([1, 2, 3, 4, 0]).score == 0.75  # one step moved costs one pair


@pytest.mark.parametrize(
    "response, words",
    [([0, 1, 2, 3], "is missing"), ([0, 1, 1, 3, 4], "more than once"), ([0, 1, 2, 3, "x"], "did not match"),
     (None, "Put all 5 steps"), ("0 1 2 3 4", "Put all 5 steps"), (list(range(1000)), "too long")],
)
def test_ordering_incomplete_responses(bank, response, words):
    feedback = bank["measure-g-method"].mark(response)

    assert feedback.score == 0 and words in feedback.message


# --- Short text ----------------------------------------------------------------


@pytest.mark.parametrize("response", ["period", "PERIOD", "  Period. ", "time-period", "Time Period!", "timeperiod"])
def test_short_text_ignores_case_spaces_and_punctuation(bank, response):
    assert bank["name-the-time"].mark(response).correct


def test_short_text_synonyms_are_whole_words():
    question = ShortTextQuestion("q", "?", ("one oscillation",), synonyms=(("oscillation", "swing", "cycle"),))

    assert question.mark("one swing").correct
    assert question.mark("One cycle.").correct
    assert not question.mark("one swinging").correct


def test_short_text_listed_wrong_answer_has_its_misconception(bank):
    feedback = bank["name-the-time"].mark("Frequency")

    assert feedback.misconception == "period-frequency-confused"
    assert "oscillations per second" in feedback.message


def test_short_text_other_answers_do_not_give_the_answer_away(bank):
    feedback = bank["name-the-time"].mark("amplitude")

    assert feedback.score == 0 and "period" not in feedback.message.lower()


@pytest.mark.parametrize("response", [None, "", "   ", "!!!", 42, ["period"], "period" * 100])
def test_short_text_odd_responses(bank, response):
    assert bank["name-the-time"].mark(response).score == 0


# --- Parameterised numeric -------------------------------------------------------


def test_instance_fills_the_prompt_and_uses_the_model(bank):
    question = bank["period-any-length"]

    for seed in range(20):
        instance = question.instance(seed)
        length_m = question.values(seed)["length"]
        assert isinstance(instance, NumericQuestion)
        assert instance.id == question.id
        assert f"A pendulum is {length_m:.2f} m long." in instance.prompt
        assert 0.2 <= length_m <= 2.0
        assert round((length_m - 0.2) / 0.05, 6).is_integer()
        assert instance.answer == pytest.approx(small_angle_period(length_m, g=9.81))
        assert question.mark(f"{instance.answer:.3g} s", seed=seed).correct


def test_the_same_seed_gives_the_same_values_and_seeds_vary_them(bank):
    question = bank["period-any-length"]

    assert question.instance(7) == question.instance(7)
    assert len({question.values(seed)["length"] for seed in range(50)}) > 10


def test_parameterised_marking_keeps_numeric_rules(bank):
    question = bank["period-any-length"]
    answer = question.instance(3).answer

    assert question.mark(f"{answer * 10:.3g} s", seed=3).misconception == "power-of-ten-slip"
    assert question.mark(f"{answer:.3g}", seed=3).score == 0.5
    assert question.mark("2 m", seed=3).misconception == "unit-measures-wrong-quantity"


@pytest.mark.parametrize("seed", [None, "1", 1.5, True, [1]])
def test_parameterised_bad_seed_never_raises(bank, seed):
    feedback = bank["period-any-length"].mark("2 s", seed=seed)

    assert feedback.score == 0 and "could not be set" in feedback.message


def test_parameterised_question_in_python():
    question = ParameterisedNumericQuestion(
        "q", "L = {length} m", (Variable("length", 1, 1, 1, "m"),),
        "stemcpd.physics.pendulum:small_angle_period", {"length_m": "length"}, "s",
    )

    assert question.instance(0).prompt == "L = 1 m"
    with pytest.raises(ValueError, match="never shown"):
        ParameterisedNumericQuestion("q", "no placeholder", (Variable("length", 1, 2, 1),),
                                     "stemcpd.physics.pendulum:small_angle_period", {"length_m": "length"}, "s")


# --- Confidence -------------------------------------------------------------------


def test_confident_error_gets_the_hypercorrection_message():
    wrong = Feedback(False, 0.0, "Not quite.", "heavier-swings-faster")

    shown = apply_confidence(wrong, "Sure")
    assert shown.message == "Not quite.\n" + HYPERCORRECTION_MESSAGE
    assert "Butterfield & Metcalfe" in shown.message and "best remembered" in shown.message
    assert (shown.correct, shown.score, shown.misconception) == (False, 0.0, "heavier-swings-faster")
    assert is_confident_error(wrong, "sure")
    assert is_confident_error(Feedback(False, 0.5, "half"), "sure")


@pytest.mark.parametrize("confidence", ["guess", "unsure", None, 1, ["sure"], "surely"])
def test_other_confidence_leaves_feedback_alone(confidence):
    wrong = Feedback(False, 0.0, "Not quite.")

    assert apply_confidence(wrong, confidence) is wrong
    assert not is_confident_error(wrong, confidence)


def test_confident_and_right_is_not_an_error():
    right = Feedback(True, 1.0, "Yes.")

    assert apply_confidence(right, "sure") is right
    assert not is_confident_error(right, "sure")


def test_allowed_modules_are_plain_models():
    """Every allowlisted module imports, exports functions, and pulls in no plotting or widgets."""
    import subprocess
    import sys

    from stemcpd.quiz.parameterised import ALLOWED_MODULES

    code = (
        "import sys, importlib\n"
        f"for name in {list(ALLOWED_MODULES)!r}:\n"
        "    assert name.startswith('stemcpd.'), name\n"
        "    importlib.import_module(name)\n"
        "print('matplotlib' in sys.modules, 'ipywidgets' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)

    assert result.stdout.split() == ["False", "False"]
