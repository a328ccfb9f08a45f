"""The bank fields agreed for quiz engine 2 (issue 12): numeric wrong answers and
precision, partial-credit options, matching and extended-response questions.

Each loads from YAML, is checked with a message naming file, line and question,
marks, and appears in the live widget, the static page and the printable starter.
"""

import textwrap
from pathlib import Path

import pytest

from stemcpd.quiz import load_bank
from stemcpd.quiz.bank import BankError
from stemcpd.quiz.questions import ExtendedResponseQuestion, MatchingQuestion, NumericWrongAnswer

NEW_FIELDS_BANK = textwrap.dedent(
    """\
    topic: particles-and-heating
    title: "New fields"
    questions:
      - id: shc-water-energy
        type: numeric
        prompt: "How much energy raises 2.0 kg of water by 15 °C? (c = 4200 J/kg °C)"
        answer: 126000
        unit: J
        tolerance: 2%
        precision: {sig_figs: 2}
        wrong_answers:
          - value: 2520000
            misconception: power-of-ten-slip
            feedback: "Check the temperature change you used."
          - value: 63000
            misconception: heat-and-temperature-same
            feedback: "You used half the mass."
      - id: best-insulator
        type: multiple_choice
        prompt: "Which lid keeps a beaker of water hottest?"
        options:
          - text: "A thick polystyrene lid"
            correct: true
            feedback: "Trapped air conducts poorly."
          - text: "A thin polystyrene lid"
            credit: 50
            misconception: heat-and-temperature-same
            feedback: "Better than nothing, but thinner."
          - text: "A metal lid"
            misconception: heat-and-temperature-same
            feedback: "Metals conduct well."
      - id: match-quantities
        type: matching
        prompt: "Match each quantity with its unit."
        pairs:
          - {left: "Specific heat capacity", right: "J/kg °C"}
          - {left: "Specific latent heat", right: "J/kg"}
          - {left: "Density", right: "kg/m³"}
        explanation: "Each unit follows from the defining equation."
      - id: shc-method
        type: extended_response
        prompt: "Describe a method to find the specific heat capacity of a metal block."
        marks: 3
        mark_scheme:
          - "Measure the mass of the block with a balance"
          - "Measure the energy supplied with a joulemeter (or V, I and t)"
          - "Measure the temperature rise with a thermometer"
          - "Insulate the block to reduce energy losses"
        model_answer: "Weigh the block. Heat it with an immersion heater and a joulemeter; record the rise."
        practical: "AQA physics RP 1: specific heat capacity"
    """
)


@pytest.fixture
def bank(tmp_path):
    path = tmp_path / "new-fields.yaml"
    path.write_text(NEW_FIELDS_BANK, encoding="utf-8")
    return load_bank(path)


def load_error(tmp_path: Path, text: str) -> BankError:
    path = tmp_path / "bad.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(BankError) as caught:
        load_bank(path)
    return caught.value


def test_new_fields_load(bank):
    numeric = bank["shc-water-energy"]
    assert numeric.precision_sig_figs == 2
    assert numeric.wrong_answers[1] == NumericWrongAnswer(63000, "heat-and-temperature-same", "You used half the mass.")
    assert bank["best-insulator"].options[1].credit == 50
    matching = bank["match-quantities"]
    assert isinstance(matching, MatchingQuestion) and matching.rights[2] == "kg/m³"
    extended = bank["shc-method"]
    assert isinstance(extended, ExtendedResponseQuestion)
    assert (extended.marks, len(extended.mark_scheme), extended.practical) == (
        3, 4, "AQA physics RP 1: specific heat capacity")


def test_numeric_wrong_answer_is_diagnosed(bank):
    question = bank["shc-water-energy"]
    right = question.mark("126000 J")
    slip = question.mark("63 kJ")
    other = question.mark("90000 J")
    assert right.correct
    assert (slip.correct, slip.score, slip.misconception) == (False, 0.0, "heat-and-temperature-same")
    assert slip.message == "You used half the mass."
    assert other.misconception is None and "too low" in other.message


def test_partial_credit_option(bank):
    question = bank["best-insulator"]
    partly = question.mark(1)
    assert (partly.correct, partly.score, partly.misconception) == (False, 0.5, "heat-and-temperature-same")
    assert question.mark(2).score == 0.0 and question.mark(0).correct


def test_matching_marks_each_pair(bank):
    question = bank["match-quantities"]
    assert question.mark([0, 1, 2]).correct
    assert question.mark({"Density": "kg/m³", "Specific latent heat": "J/kg",
                          "Specific heat capacity": "J/kg °C"}).correct
    partly = question.mark([1, 0, 2])
    assert partly.score == pytest.approx(1 / 3) and "'Specific heat capacity' does not go with 'J/kg'" in partly.message
    assert question.mark(None).score == 0 and question.mark([None, None, None]).score == 0


def test_extended_response_self_assessment(bank):
    question = bank["shc-method"]
    two = question.mark({"answer": "I would weigh it and time it.", "points": [0, 2]})
    assert (two.correct, two.score) == (False, pytest.approx(2 / 3))
    assert "2 of 3 marks" in two.message and "joulemeter" in two.message
    full = question.mark({"answer": "…", "points": [0, 1, 2, 3]})
    assert full.correct and full.score == 1.0
    empty = question.mark({"answer": "   ", "points": [0, 1, 2]})
    assert empty.score == 0 and "Write your answer first" in empty.message
    assert question.mark([3]).score == pytest.approx(1 / 3)


@pytest.mark.parametrize(
    ("find", "replace", "line", "question_id", "words"),
    [
        ("      - value: 63000\n", "      - value: 126500\n", 15, "shc-water-energy", "within the tolerance"),
        ("        misconception: power-of-ten-slip\n", "", 12, "shc-water-energy",
         "missing required field 'misconception'"),
        ("    precision: {sig_figs: 2}", "    precision: {sig_figs: 0}", 10, "shc-water-energy", "sig_figs"),
        ("        credit: 50", "        credit: 100", 26, "best-insulator", "credit must be between 0 and 100"),
        ("        correct: true\n", "        correct: true\n        credit: 40\n", 24, "best-insulator",
         "already earns full credit"),
        ('  - {left: "Density", right: "kg/m³"}', '  - {left: "Density", right: "J/kg"}', 38, "match-quantities",
         "repeats the right item of pair 2"),
        ('      - {left: "Density", right: "kg/m³"}\n', "", 35, "match-quantities", "at least 3"),
        ("    marks: 3", "    marks: 5", 44, "shc-method", "4 point(s) for 5 marks"),
        ("    model_answer:", "    model_answr:", 40, "shc-method", "missing required field 'model_answer' (is 'model_answr' a misspelling?)"),
    ],
)
def test_new_field_errors_name_file_line_and_question(tmp_path, find, replace, line, question_id, words):
    assert find in NEW_FIELDS_BANK
    error = load_error(tmp_path, NEW_FIELDS_BANK.replace(find, replace, 1))
    assert words in error.problem, error
    assert (error.path.name, error.question_id) == ("bad.yaml", question_id), error
    assert error.line == line, error


def test_credit_only_on_multiple_choice(tmp_path):
    text = NEW_FIELDS_BANK.replace("type: multiple_choice", "type: multiple_select")
    error = load_error(tmp_path, text)
    assert "only a multiple_choice option" in error.problem and error.question_id == "best-insulator"


def test_new_types_render_in_the_widget(bank):
    from stemcpd.quiz.render import QuizWidget

    quiz = QuizWidget(bank)
    assert quiz.answer("match-quantities", [0, 1, 2]).correct
    assert [dropdown.value for dropdown in quiz._answer_inputs["match-quantities"].dropdowns] == [0, 1, 2]
    feedback = quiz.answer("shc-method", {"answer": "Weigh it; use a joulemeter.", "points": [0, 1]})
    assert feedback.score == pytest.approx(2 / 3)
    assert "Model answer" in quiz._feedback_areas["shc-method"].value
    assert quiz.answer("best-insulator", 1).score == 0.5
    assert quiz.answer("shc-water-energy", "63000 J").misconception == "heat-and-temperature-same"


def test_new_types_render_on_the_static_page_and_starter(bank):
    from stemcpd.quiz.starter import StarterQuestion, starter_html
    from stemcpd.quiz.static import bank_data, to_html

    page = to_html(bank, inline=False)
    assert "Specific latent heat" in page and "Insulate the block" in page and "partly right (50% credit)" in page
    numeric = next(entry for entry in bank_data(bank)["questions"] if entry["id"] == "shc-water-energy")
    assert numeric["wrongAnswers"][1]["misconception"] == "heat-and-temperature-same"
    printed = starter_html([StarterQuestion("last_lesson", bank, question) for question in bank])
    assert "Specific latent heat" in printed and "Any 3 of:" in printed
