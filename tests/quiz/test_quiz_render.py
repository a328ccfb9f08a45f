"""The ipywidgets renderer, built headless, and the import boundary."""

import subprocess
import sys

import ipywidgets as widgets
import pytest

from stemcpd.quiz import Feedback, load_packaged_bank
from stemcpd.quiz.render import QuizWidget, feedback_html, show_quiz


@pytest.fixture
def attempts():
    return []


@pytest.fixture
def quiz(attempts):
    return QuizWidget(load_packaged_bank("pendulum"), on_attempt=lambda *attempt: attempts.append(attempt))


def all_children(widget):
    yield widget
    for child in getattr(widget, "children", ()):
        yield from all_children(child)


def test_widget_has_a_card_per_question(quiz):
    from stemcpd.quiz.questions import MultipleChoiceQuestion, MultipleSelectQuestion, OrderingQuestion

    children = list(all_children(quiz.widget))
    bank = quiz.bank
    single = sum(isinstance(question, MultipleChoiceQuestion) for question in bank)
    multiple = [question for question in bank if isinstance(question, MultipleSelectQuestion)]
    ordering = sum(isinstance(question, OrderingQuestion) for question in bank)
    typed = len(bank) - single - len(multiple) - ordering

    assert isinstance(quiz.widget, widgets.VBox)
    assert sum(isinstance(child, widgets.RadioButtons) for child in children) == single
    assert sum(isinstance(child, widgets.Checkbox) for child in children) == sum(len(q.options) for q in multiple)
    assert sum(isinstance(child, widgets.Text) for child in children) == typed
    assert sum(isinstance(child, widgets.ToggleButtons) for child in children) == len(bank)
    checks = [child for child in children if isinstance(child, widgets.Button) and child.description == "Check answer"]
    assert len(checks) == len(bank)


def test_nothing_is_preselected(quiz):
    radios = [child for child in all_children(quiz.widget) if isinstance(child, widgets.RadioButtons)]
    toggles = [child for child in all_children(quiz.widget) if isinstance(child, widgets.ToggleButtons)]

    assert all(radio.value is None for radio in radios)
    assert all(toggle.value is None for toggle in toggles)
    assert [toggle.options for toggle in toggles][0] == ("Guess", "Unsure", "Sure")


def test_numeric_input_has_a_format_placeholder(quiz):
    texts = [child for child in all_children(quiz.widget) if isinstance(child, widgets.Text)]

    assert texts[0].placeholder == "e.g. 1.23 s"


def test_prompts_are_escaped():
    from stemcpd.quiz import Bank, NumericQuestion

    bank = Bank("t", "<b>Title</b>", (NumericQuestion("q", "Is 1 < 2 & <script>?", 1.0, "s", "1%"),))
    html_values = [child.value for child in all_children(QuizWidget(bank).widget) if isinstance(child, widgets.HTML)]

    assert any("&lt;b&gt;Title&lt;/b&gt;" in value for value in html_values)
    assert any("Is 1 &lt; 2 &amp; &lt;script&gt;?" in value for value in html_values)
    assert not any("<script>" in value for value in html_values)


def test_correct_numeric_answer(quiz, attempts):
    feedback = quiz.answer("period-1m", "2.01 s", confidence="Sure")

    assert feedback.correct
    shown = quiz._feedback_areas["period-1m"].value
    assert shown.startswith('<div role="status" aria-live="polite">')
    assert "✓" in shown and "Correct" in shown
    assert "2.01 s" in shown
    question, response, recorded_feedback, confidence = attempts[-1]
    assert question.id == "period-1m"
    assert response == "2.01 s"
    assert recorded_feedback == feedback
    assert confidence == "sure"


def test_wrong_choice_shows_not_yet_and_the_distractor_feedback(quiz, attempts):
    feedback = quiz.answer("period-mass", 1)

    assert feedback.misconception == "heavier-swings-faster"
    shown = quiz._feedback_areas["period-mass"].value
    assert "✗" in shown and "Not yet" in shown
    assert "a = F/m" in shown
    assert attempts[-1][1] == 1  # the option index
    assert attempts[-1][3] is None


def test_partly_right(quiz):
    quiz.answer("period-1m", "2.01")

    shown = quiz._feedback_areas["period-1m"].value
    assert "Partly right" in shown and "unit is missing" in shown


def test_choice_by_text(quiz):
    assert quiz.answer("period-mass", "They have the same period.").correct


def test_answer_sets_the_widgets_like_a_learner(quiz):
    quiz.answer("period-mass", 0, confidence="guess")
    quiz.answer("length-for-1s-period", "24.8 cm")

    assert quiz._answer_inputs["period-mass"].value == 0
    assert quiz._confidence_buttons["period-mass"].value == "Guess"
    assert quiz._answer_inputs["length-for-1s-period"].value == "24.8 cm"


def test_clicking_the_button_marks_what_is_in_the_input(quiz, attempts):
    quiz._answer_inputs["period-1m"].value = "20.1 s"
    quiz._check_buttons["period-1m"].click()

    assert attempts[-1][2].misconception == "power-of-ten-slip"
    assert "Not yet" in quiz._feedback_areas["period-1m"].value


def test_unrecognised_choice_does_not_raise(quiz):
    feedback = quiz.answer("period-mass", 42)

    assert feedback.score == 0
    assert "No option was chosen" in feedback.message


def test_feedback_html_escapes_the_message():
    shown = feedback_html(Feedback(False, 0.0, "<img src=x onerror=alert(1)>"))

    assert "<img" not in shown
    assert "&lt;img" in shown


def test_score_summary_counts_latest_attempts(quiz):
    total = len(quiz.bank)
    assert f"0 of {total} correct so far" in quiz.summary.value
    quiz.answer("period-mass", 0)
    quiz.answer("period-1m", "2.01 s")
    quiz.answer("period-amplitude", 1)
    assert f"2 of {total} correct so far" in quiz.summary.value
    quiz.answer("period-1m", "3 s")
    assert f"1 of {total} correct so far" in quiz.summary.value


def test_bad_confidence_and_unknown_question(quiz):
    with pytest.raises(ValueError, match="confidence"):
        quiz.answer("period-mass", 0, confidence="certain")
    with pytest.raises(KeyError, match="nope"):
        quiz.answer("nope", 0)


def test_errors_in_the_callback_reach_the_caller():
    def failing_store(*attempt):
        raise RuntimeError("store failed")

    quiz = QuizWidget(load_packaged_bank("pendulum"), on_attempt=failing_store)

    with pytest.raises(RuntimeError, match="store failed"):
        quiz.answer("period-mass", 0)


def test_works_without_a_callback():
    quiz = QuizWidget(load_packaged_bank("pendulum"))

    assert quiz.answer("period-mass", 0).correct


def test_show_quiz_displays_and_returns_the_quiz(monkeypatch):
    shown = []
    monkeypatch.setattr("IPython.display.display", lambda *objects: shown.extend(objects))

    quiz = show_quiz("pendulum")

    assert isinstance(quiz, QuizWidget)
    assert shown == [quiz]  # the quiz itself: live widget plus a static HTML fallback
    assert quiz.bank.topic == "pendulum"


def test_lazy_exports_from_the_package():
    import stemcpd.quiz

    assert stemcpd.quiz.QuizWidget is QuizWidget
    assert stemcpd.quiz.show_quiz is show_quiz
    with pytest.raises(AttributeError):
        stemcpd.quiz.no_such_name


def test_importing_the_quiz_package_imports_no_widgets_or_plots():
    code = (
        "import sys, stemcpd.quiz as quiz\n"
        "quiz.load_packaged_bank('pendulum')['period-1m'].mark('2.01 s')\n"
        "print('ipywidgets' in sys.modules, 'matplotlib' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)

    assert result.stdout.split() == ["False", "False"]


def test_static_fallback_lists_questions_and_hides_answers_in_details():
    from stemcpd.quiz import load_packaged_bank
    from stemcpd.quiz.render import QuizWidget

    quiz = QuizWidget(load_packaged_bank("pendulum"))
    bundle = quiz._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle
    page = bundle["text/html"]
    import html

    import re

    from stemcpd.quiz.parameterised import ParameterisedNumericQuestion

    for question in quiz.bank:
        shown = question.instance(0) if isinstance(question, ParameterisedNumericQuestion) else question
        assert html.escape(shown.prompt, quote=True).split("(")[0][:40] in page, question.id
    assert re.findall(r'data-question-id="([^"]+)"', page) == [question.id for question in quiz.bank]
    assert page.count("<details") == len(quiz.bank)
    assert "heavier-swings-faster" in page  # the misconception behind a distractor


def test_options_are_shuffled_stably_so_the_answer_is_not_always_first():
    from stemcpd.quiz import load_packaged_bank
    from stemcpd.quiz.questions import MultipleChoiceQuestion
    from stemcpd.quiz.render import QuizWidget, display_order

    bank = load_packaged_bank("pendulum")
    choice_questions = [q for q in bank if isinstance(q, MultipleChoiceQuestion)]
    first_shown_correct = [q.options[display_order(q)[0]].correct for q in choice_questions]
    assert not all(first_shown_correct)
    for question in choice_questions:
        assert sorted(display_order(question)) == list(range(len(question.options)))
        assert display_order(question) == display_order(question)
    quiz = QuizWidget(bank)
    question = choice_questions[0]
    radio = quiz._answer_inputs[question.id]
    assert [value for _, value in radio.options] == display_order(question)
    # Marking still goes by the bank's option index, whatever the order shown.
    correct_index = next(i for i, o in enumerate(question.options) if o.correct)
    assert quiz.answer(question.id, correct_index).correct
