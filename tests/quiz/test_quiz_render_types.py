"""Rendering the newer question types headless: inputs, keyboard controls, feedback
in the live region, the confidence note, and the static fallback."""

import html

import ipywidgets as widgets
import pytest

from stemcpd.quiz import load_bank
from stemcpd.quiz.feedback import HYPERCORRECTION_MESSAGE
from stemcpd.quiz.render import QuizWidget, display_order, feedback_html

from test_quiz_question_types import NEW_TYPES_BANK


@pytest.fixture
def attempts():
    return []


@pytest.fixture
def quiz(tmp_path, attempts):
    path = tmp_path / "new-types.yaml"
    path.write_text(NEW_TYPES_BANK, encoding="utf-8")
    return QuizWidget(load_bank(path), on_attempt=lambda *attempt: attempts.append(attempt), seed=1)


def test_multiple_select_is_a_checkbox_per_option(quiz):
    box = quiz._answer_inputs["what-sets-period"]
    question = quiz.bank["what-sets-period"]

    assert [checkbox.description for checkbox in box.checkboxes] == [
        question.options[index].text for index in display_order(question)
    ]
    assert all(isinstance(checkbox, widgets.Checkbox) and checkbox.value is False for checkbox in box.checkboxes)


def test_ticking_checkboxes_and_checking(quiz, attempts):
    box = quiz._answer_inputs["what-sets-period"]
    for checkbox in box.checkboxes:
        checkbox.value = checkbox.description in ("Its length", "The mass of the bob")
    quiz._check_buttons["what-sets-period"].click()

    feedback = attempts[-1][2]
    assert attempts[-1][1] == [0, 2]
    assert feedback.misconception == "heavier-swings-faster"
    shown = quiz._feedback_areas["what-sets-period"].value
    assert 'aria-live="polite"' in shown and "Not yet" in shown
    assert "<br>You ticked" in shown  # one line per option comment


def test_answer_fills_checkboxes_like_a_learner(quiz):
    assert quiz.answer("what-sets-period", [0, 1]).correct
    ticked = [checkbox.description for checkbox in quiz._answer_inputs["what-sets-period"].checkboxes if checkbox.value]
    assert sorted(ticked) == ["Its length", "The gravitational field strength"]


def test_ordering_is_a_list_box_with_move_buttons(quiz):
    select = quiz._answer_inputs["measure-g-method"]
    buttons = [child for child in _all(quiz.widget) if isinstance(child, widgets.Button)]

    assert isinstance(select, widgets.Select)
    assert [value for _, value in select.options] != [0, 1, 2, 3, 4]  # never shown already in order
    assert {"Move up", "Move down"} <= {button.description for button in buttons}


def test_moving_steps_with_the_buttons(quiz):
    select = quiz._answer_inputs["measure-g-method"]
    order = [value for _, value in select.options]
    select.value = order[1]
    quiz.move_step("measure-g-method", -1)

    assert [value for _, value in select.options] == [order[1], order[0], *order[2:]]
    assert select.value == order[1]  # stays selected so it can be moved again
    quiz.move_step("measure-g-method", -1)  # already at the top: nothing happens
    assert [value for _, value in select.options][0] == order[1]


def test_answering_an_ordering(quiz):
    assert quiz.answer("measure-g-method", [0, 1, 2, 3, 4]).correct
    assert [value for _, value in quiz._answer_inputs["measure-g-method"].options] == [0, 1, 2, 3, 4]
    assert quiz.answer("measure-g-method", [1, 0, 2, 3, 4]).score == 0.75


def test_short_text(quiz):
    assert quiz.answer("name-the-time", "Time period").correct
    assert quiz.answer("name-the-time", "frequency").misconception == "period-frequency-confused"


def test_parameterised_prompt_shows_the_values_and_marks_against_them(quiz):
    question = quiz.bank["period-any-length"]
    shown = quiz.shown_question("period-any-length")

    assert html.escape(shown.prompt) in quiz._prompts["period-any-length"].value
    assert "{length}" not in quiz._prompts["period-any-length"].value
    assert quiz.answer("period-any-length", f"{shown.answer:.3g} s").correct
    assert shown == question.instance(quiz.seeds["period-any-length"])


def test_new_values_changes_the_question_and_clears_the_answer(quiz):
    before = quiz.shown_question("period-any-length")
    quiz.answer("period-any-length", "1 s")
    prompts = {before.prompt}
    for _ in range(10):
        after = quiz.new_values("period-any-length")
        prompts.add(after.prompt)
    assert len(prompts) > 1
    assert quiz._answer_inputs["period-any-length"].value == ""
    assert "Not yet" not in quiz._feedback_areas["period-any-length"].value
    assert quiz.answer("period-any-length", f"{after.answer:.3g} s").correct


def test_same_seed_same_values(tmp_path):
    path = tmp_path / "new-types.yaml"
    path.write_text(NEW_TYPES_BANK, encoding="utf-8")
    bank = load_bank(path)

    assert QuizWidget(bank, seed=5).seeds == QuizWidget(bank, seed=5).seeds


def test_confident_error_shows_the_hypercorrection_note(quiz, attempts):
    feedback = quiz.answer("name-the-time", "frequency", confidence="sure")

    assert HYPERCORRECTION_MESSAGE in feedback.message
    assert html.escape("Butterfield & Metcalfe") in quiz._feedback_areas["name-the-time"].value
    assert attempts[-1][3] == "sure"
    unsure = quiz.answer("name-the-time", "frequency", confidence="unsure")
    assert HYPERCORRECTION_MESSAGE not in unsure.message
    right = quiz.answer("name-the-time", "period", confidence="sure")
    assert HYPERCORRECTION_MESSAGE not in right.message


def test_static_fallback_covers_every_type(quiz):
    page = quiz._repr_mimebundle_()["text/html"]

    assert page.count("<details>") == len(quiz.bank)
    assert "Tick all that apply." in page and "misconception: Heavier swings faster" in page
    assert "Put these steps in order." in page
    assert "Accepted: period, time period" in page and "misconception: Period frequency confused" in page
    static_instance = quiz.bank["period-any-length"].instance(0)
    assert html.escape(static_instance.prompt) in page  # fixed values, the same on every build
    assert f"{static_instance.answer:g} s" in page
    assert "values change with each attempt" in page


def test_feedback_html_keeps_lines_and_escapes():
    from stemcpd.quiz import Feedback

    shown = feedback_html(Feedback(False, 0.5, "one <b>\ntwo"))
    assert "one &lt;b&gt;<br>two" in shown and "Partly right" in shown


def _all(widget):
    yield widget
    for child in getattr(widget, "children", ()):
        yield from _all(child)
