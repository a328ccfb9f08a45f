"""The glue a workbook calls: one module's quiz and Toolkit forms share one record."""

import pytest

from stemcpd.course import Module
from stemcpd.cpd import ProgressStore


def test_quiz_answers_and_forms_are_recorded_under_the_module(tmp_path):
    store = ProgressStore(tmp_path / "progress.sqlite")
    module = Module("physics-pendulum", "Pendulums", minutes=30, store=store)
    quiz = module.quiz("pendulum", display=False)
    feedback = quiz.answer("period-1m", "2.01 s", confidence="sure")
    assert feedback.correct
    wrong = quiz.answer("period-mass", 1, confidence="sure")
    assert not wrong.correct and wrong.misconception
    attempts = store.attempts("physics-pendulum")
    assert [(a.question_id, a.correct, a.confidence) for a in attempts] == [
        ("period-1m", True, "sure"), ("period-mass", False, "sure")]
    assert attempts[1].misconception == wrong.misconception
    assert attempts[0].bank_topic == "pendulum"

    plan = module.action_plan(display=False)
    first_field = next(iter(plan.text_areas))
    plan.text_areas[first_field].value = "Teach the square-root dependence properly"
    assert plan.save()
    assert store.latest_entries("physics-pendulum", "action_plan") == {
        first_field: "Teach the square-root dependence properly"}


def test_a_broken_store_never_breaks_the_quiz(tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the record's folder should be")
    module = Module("physics-pendulum", "Pendulums", 30, store=ProgressStore(blocker / "progress.sqlite"))
    quiz = module.quiz("pendulum", display=False)
    feedback = quiz.answer("period-1m", "2.01 s")
    assert feedback.correct
    assert "could not be saved" in module.last_save_error


def test_module_arguments_are_checked():
    with pytest.raises(ValueError, match="module_id"):
        Module("physics pendulum!", "x", 30)
    with pytest.raises(ValueError, match="minutes"):
        Module("physics-pendulum", "x", 0)


def test_needs_analysis_recommends_modules_from_the_answers(tmp_path):
    from stemcpd.course import needs_analysis
    from stemcpd.quiz.diagnostic import QUESTION_MODULES

    store = ProgressStore(tmp_path / "progress.sqlite")
    analysis = needs_analysis(store=store, display=False)
    quiz = analysis.quiz
    questions = list(quiz.bank)
    wrong = questions[0]
    wrong_index = next(i for i, o in enumerate(wrong.options) if not o.correct)
    quiz.answer(wrong.id, wrong_index, confidence="sure")
    for question in questions[1:]:
        right = next(i for i, o in enumerate(question.options) if o.correct)
        quiz.answer(question.id, right)
    ranked = analysis.advise()
    assert "Start with" in analysis.advice.value
    assert ranked[0][0] == QUESTION_MODULES[wrong.id]
    assert len(store.attempts("needs-analysis")) == len(questions)
    bundle = analysis._repr_mimebundle_()
    assert "Which modules first?" in bundle["text/html"] and "application/vnd.jupyter.widget-view+json" in bundle
