"""``stemcpd quiz review``: due questions from the CPD record, interleaved, scheduled by FSRS,
answered at the terminal (simulated input), on a fresh record and on one with a history."""

import subprocess
import sys
from datetime import datetime, timedelta, timezone

from stemcpd.cpd.store import ProgressStore
from stemcpd.quiz.bank import load_packaged_bank
from stemcpd.quiz.feedback import Feedback
from stemcpd.quiz.review import plan_session, run_review
from stemcpd.quiz.schedule import RetrievalSchedule
from stemcpd.quiz.static import display_order

NOW = datetime(2025, 3, 3, 9, 0, tzinfo=timezone.utc)
LETTERS = "ABCDEFGHIJ"


class Terminal:
    """Answers every question right (or wrong) from what the session printed."""

    def __init__(self, banks, right=True, confidence="s"):
        self.questions = {question.prompt: question for name in banks for question in load_packaged_bank(name)}
        self.right, self.confidence, self.lines, self.prompts = right, confidence, [], []

    def say(self, line):
        self.lines.append(line)

    def ask(self, prompt):
        self.prompts.append(prompt)
        if prompt.startswith("How sure"):
            return self.confidence
        question = next(self.questions[line] for line in reversed(self.lines) if line in self.questions)
        order = display_order(question)
        right = order.index(next(index for index, option in enumerate(question.options) if option.correct))
        return LETTERS[right if self.right else (right + 1) % len(order)]


def answered_before(store_path, answers):
    with ProgressStore(store_path, clock=lambda: NOW - timedelta(days=5)) as store:
        for bank, question_id, feedback, confidence in answers:
            store.record_attempt(module=f"physics-{bank}", bank_topic=bank, question_id=question_id, response=1,
                                 feedback=feedback, confidence=confidence)


def multiple_choice_ids(bank, count):
    return [question.id for question in load_packaged_bank(bank) if hasattr(question, "option_index")][:count]


def test_review_with_a_history_asks_what_is_due_interleaved_and_records_it(tmp_path):
    wrong = Feedback(False, 0.0, "No.", "some-idea")
    pendulum, energy = multiple_choice_ids("pendulum", 2), multiple_choice_ids("energy", 2)
    answered_before(tmp_path / "p.sqlite", [("pendulum", pendulum[0], wrong, "sure"), ("pendulum", pendulum[1], wrong, None),
                                            ("energy", energy[0], wrong, "unsure"), ("energy", energy[1], wrong, None)])
    terminal = Terminal(["pendulum", "energy"])
    with ProgressStore(tmp_path / "p.sqlite", clock=lambda: NOW) as store:
        result = run_review(store, now=NOW, size=10, seed=4, banks=["pendulum", "energy"], ask=terminal.ask, say=terminal.say)
        assert result.due_count == 4 and result.new_count == 0 and result.answered == 4 and result.correct == 4
        banks = [bank for bank, _ in result.asked]
        assert all(first != second for first, second in zip(banks, banks[1:]))  # interleaved
        latest = store.attempts()[-4:]
        # Kept under the module each was last answered in, with the confidence given.
        assert {(a.module, a.bank_topic, a.correct, a.confidence) for a in latest} == {
            ("physics-pendulum", "pendulum", True, "sure"), ("physics-energy", "energy", True, "sure")}
        # Right and sure now: nothing is due any more, and the next review is days away.
        assert RetrievalSchedule(store).due(NOW, ["pendulum", "energy"]) == []
        assert result.next_due is not None and result.next_due > NOW + timedelta(days=1)
    assert "4 of 4 answered correctly." in terminal.lines


def test_review_on_a_fresh_record_offers_new_questions_from_several_banks(tmp_path):
    terminal = Terminal(["pendulum", "energy", "electricity"], right=False, confidence="")
    with ProgressStore(tmp_path / "fresh.sqlite", clock=lambda: NOW) as store:
        due, new = plan_session(store, NOW, banks=["pendulum", "energy", "electricity"], seed=2)
        assert due == [] and len(new) == 3 and len({item.bank_id for item in new}) == 3
        # Only multiple-choice questions answer themselves in this test; others get "q" via a fresh seed search.
        result = run_review(store, now=NOW, seed=2, banks=["pendulum", "energy", "electricity"],
                            ask=lambda prompt: terminal.ask(prompt) if "letter" in prompt or "sure" in prompt else "q",
                            say=terminal.say)
        assert result.due_count == 0 and result.new_count == 3
        assert len(store.attempts()) == result.answered
        assert all(attempt.module == "quiz" and not attempt.correct for attempt in store.attempts())
    assert terminal.lines[0].startswith("Nothing is due for review now; here are 3 question(s) you have not answered")


def test_the_command_runs_with_typed_input(tmp_path, isolated_record):
    wrong = Feedback(False, 0.0, "No.")
    question_id = multiple_choice_ids("pendulum", 1)[0]
    answered_before(tmp_path / "cli.sqlite", [("pendulum", question_id, wrong, None)])
    question = load_packaged_bank("pendulum")[question_id]
    order = display_order(question)
    letter = LETTERS[order.index(next(i for i, option in enumerate(question.options) if option.correct))]
    finished = subprocess.run(
        [sys.executable, "-m", "stemcpd", "quiz", "review", "--store", str(tmp_path / "cli.sqlite"), "--bank", "pendulum",
         "--seed", "1"], input=f"{letter}\ns\n", capture_output=True, text=True, timeout=120)
    assert finished.returncode == 0, finished.stderr
    assert "1 due question(s)" in finished.stdout and "✓ Correct" in finished.stdout
    assert "1 of 1 answered correctly." in finished.stdout
    with ProgressStore(tmp_path / "cli.sqlite") as store:
        assert [(a.question_id, a.correct, a.confidence) for a in store.attempts()][-1] == (question_id, True, "sure")
    # End of input part-way is a clean stop, not a traceback.
    stopped = subprocess.run([sys.executable, "-m", "stemcpd", "quiz", "review", "--store", str(tmp_path / "empty.sqlite"),
                              "--seed", "1"], input="", capture_output=True, text=True, timeout=120)
    assert stopped.returncode == 0 and "Stopped; the answers given are kept." in stopped.stdout, stopped.stderr


def test_the_workbook_review_cell(tmp_path):
    import json
    from pathlib import Path

    from stemcpd.quiz.review import review_quiz

    with ProgressStore(tmp_path / "wb.sqlite") as store:
        review = review_quiz(store, new=3, seed=5)
        assert len(review.items) == 3 and all(why == "new" for _, why in review.items)
        quiz = review.quizzes[0]
        question = quiz.bank.questions[0]
        quiz.answer(question.id, None)
        assert [(a.module, a.bank_topic, a.question_id) for a in store.attempts()] == [("quiz", question.topic, question.id)]
        bundle = review._repr_mimebundle_()
        assert 'href="../book/review.html"' in bundle["text/html"] and "stemcpd quiz review" in bundle["text/html"]
    notebook = json.loads((Path(__file__).parents[2] / "workbooks/pedagogy-retrieval-practice.ipynb").read_text())
    assert any("review_quiz(" in "".join(cell["source"]) for cell in notebook["cells"] if cell["cell_type"] == "code")
