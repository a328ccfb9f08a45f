"""Drawing a question bank as ipywidgets, one card per question.

This is the only quiz module that imports ipywidgets. It draws and wires; marking
is the questions' own ``mark``. Feedback is announced to screen readers (an
``aria-live`` status region) and never relies on colour: it shows ✓ or ✗ and the
words "Correct", "Partly right" or "Not yet". Each check calls ``on_attempt`` so a
caller (such as the CPD record) can store the attempt; this module does not know
who is listening.
"""

from __future__ import annotations

import html
from pathlib import Path
import random
from typing import Callable

import ipywidgets as widgets

from stemcpd.quiz.bank import Bank, Question, load_bank, load_packaged_bank
from stemcpd.quiz.feedback import Feedback
from stemcpd.quiz.questions import MultipleChoiceQuestion
from stemcpd.ui.static import mimebundle_with_static_fallback

AttemptCallback = Callable[[Question, object, Feedback, "str | None"], None]

CONFIDENCE_LEVELS = ("Guess", "Unsure", "Sure")
"""Labels of the optional confidence buttons; callbacks receive them lower-cased."""


def display_order(question: MultipleChoiceQuestion) -> list[int]:
    """The order to show a question's options in: shuffled, so the right answer is not
    always where the bank's author wrote it, but the same every time (seeded by the
    question id) so a class discussing "option B" means the same option."""
    order = list(range(len(question.options)))
    random.Random(f"stemcpd:{question.id}").shuffle(order)
    return order


def feedback_html(feedback: Feedback) -> str:
    """The feedback region's HTML: a live status with a symbol and a verdict word.

    Args:
        feedback: The marking result.

    Returns:
        ``<div role="status" aria-live="polite">…</div>`` with the message escaped.
    """
    if feedback.correct:
        symbol, verdict = "✓", "Correct"
    elif feedback.score > 0:
        symbol, verdict = "✗", "Partly right"
    else:
        symbol, verdict = "✗", "Not yet"
    return (
        '<div role="status" aria-live="polite">'
        f'<span aria-hidden="true">{symbol}</span> <strong>{verdict}</strong>: '
        f"{html.escape(feedback.message)}</div>"
    )


_EMPTY_STATUS = '<div role="status" aria-live="polite"></div>'


class QuizWidget:
    """An interactive quiz over one bank.

    Attributes:
        bank: The questions shown.
        widget: The ``VBox`` to display.
        latest_feedback: Question id → feedback from its most recent check.
    """

    def __init__(self, bank: Bank, on_attempt: AttemptCallback | None = None):
        """Build the widgets.

        Args:
            bank: The questions to show.
            on_attempt: Called as ``on_attempt(question, response, feedback,
                confidence)`` after every check; ``confidence`` is ``"guess"``,
                ``"unsure"``, ``"sure"`` or None.
        """
        self.bank = bank
        self.on_attempt = on_attempt
        self.latest_feedback: dict[str, Feedback] = {}
        self._answer_inputs: dict[str, widgets.ValueWidget] = {}
        self._confidence_buttons: dict[str, widgets.ToggleButtons] = {}
        self._check_buttons: dict[str, widgets.Button] = {}
        self._feedback_areas: dict[str, widgets.HTML] = {}
        self.summary = widgets.HTML(self._summary_text())
        cards = [self._build_card(number, question) for number, question in enumerate(bank, start=1)]
        title = widgets.HTML(f"<h3>{html.escape(bank.title)}</h3>")
        self.widget = widgets.VBox([title, *cards, self.summary])

    def _build_card(self, number: int, question: Question) -> widgets.VBox:
        prompt = widgets.HTML(f"<p><strong>Q{number}.</strong> {html.escape(question.prompt)}</p>")
        if isinstance(question, MultipleChoiceQuestion):
            # Values are indexes, so repeated or odd option text cannot confuse marking.
            answer_input = widgets.RadioButtons(
                options=[(question.options[index].text, index) for index in display_order(question)],
                value=None,
                layout=widgets.Layout(width="auto"),
            )
        else:
            answer_input = widgets.Text(
                placeholder=f"e.g. {question.example_response()}",
                description="Answer:",
            )
        confidence_buttons = widgets.ToggleButtons(
            options=CONFIDENCE_LEVELS,
            value=None,
            description="Confidence:",
            tooltips=["I guessed", "I think so", "I'm sure"],
        )
        check_button = widgets.Button(description="Check answer", tooltip=f"Check your answer to question {number}")
        feedback_area = widgets.HTML(_EMPTY_STATUS)
        check_button.on_click(lambda _button, question_id=question.id: self._check(question_id))

        self._answer_inputs[question.id] = answer_input
        self._confidence_buttons[question.id] = confidence_buttons
        self._check_buttons[question.id] = check_button
        self._feedback_areas[question.id] = feedback_area
        return widgets.VBox([prompt, answer_input, confidence_buttons, check_button, feedback_area])

    def _check(self, question_id: str) -> Feedback:
        question = self.bank[question_id]
        response = self._answer_inputs[question_id].value
        feedback = question.mark(response)
        confidence_label = self._confidence_buttons[question_id].value
        confidence = confidence_label.lower() if confidence_label else None
        self.latest_feedback[question_id] = feedback
        self._feedback_areas[question_id].value = feedback_html(feedback)
        self.summary.value = self._summary_text()
        if self.on_attempt is not None:
            self.on_attempt(question, response, feedback, confidence)
        return feedback

    def _summary_text(self) -> str:
        correct_count = sum(feedback.correct for feedback in self.latest_feedback.values())
        return f"<p>{correct_count} of {len(self.bank)} correct so far</p>"

    def static_html(self) -> str:
        """The quiz as a static page: each question, its options, and a "show answer"
        disclosure with the feedback and the misconception behind each distractor."""
        parts = [f"<h3>{html.escape(self.bank.title)}</h3>",
                 "<p><em>Open this workbook in JupyterLab to answer and get feedback; "
                 "here you can read the questions and reveal the answers.</em></p>"]
        for number, question in enumerate(self.bank, start=1):
            parts.append(f"<p><strong>Q{number}.</strong> {html.escape(question.prompt)}</p>")
            if isinstance(question, MultipleChoiceQuestion):
                shown = [question.options[index] for index in display_order(question)]
                items = "".join(f"<li>{html.escape(option.text)}</li>" for option in shown)
                explained = "".join(
                    f"<li><strong>{'✓ correct' if option.correct else '✗ ' + html.escape(option.misconception or '')}</strong>"
                    f" — {html.escape(option.text)}: {html.escape(option.feedback)}</li>"
                    for option in shown
                )
                parts.append(f'<ol type="A">{items}</ol>')
                parts.append(f"<details><summary>Show answer</summary><ul>{explained}</ul></details>")
            else:
                parts.append(
                    f"<details><summary>Show answer</summary><p>{question.answer:g} {html.escape(question.unit)}"
                    f" (accepted within {html.escape(str(question.tolerance))})</p></details>"
                )
        return "".join(parts)

    def _repr_mimebundle_(self, **kwargs):
        return mimebundle_with_static_fallback(
            self.widget, self.static_html(), f"Quiz: {self.bank.title} ({len(self.bank)} questions)", **kwargs
        )

    def answer(self, question_id: str, response: object, confidence: str | None = None) -> Feedback:
        """Answer as a learner would: fill in the input, then run the "Check answer" handler.

        Args:
            question_id: Which question.
            response: An option index or text (multiple choice) or the typed answer (numeric).
                A multiple-choice response that names no option leaves nothing selected.
            confidence: ``"guess"``, ``"unsure"``, ``"sure"`` (any case) or None.

        Returns:
            The feedback shown.

        Raises:
            KeyError: If the bank has no such question.
            ValueError: If ``confidence`` is not one of the levels.
        """
        question = self.bank[question_id]
        if confidence is None:
            confidence_label = None
        else:
            labels = {label.lower(): label for label in CONFIDENCE_LEVELS}
            if str(confidence).lower() not in labels:
                raise ValueError(f"confidence must be one of {', '.join(labels)} or None, got {confidence!r}")
            confidence_label = labels[str(confidence).lower()]
        if isinstance(question, MultipleChoiceQuestion):
            self._answer_inputs[question_id].value = question.option_index(response)
        else:
            self._answer_inputs[question_id].value = "" if response is None else str(response)
        self._confidence_buttons[question_id].value = confidence_label
        # The button's handler calls _check too; calling it directly lets errors
        # from on_attempt reach the caller (ipywidgets' dispatcher would hide them).
        return self._check(question_id)


def show_quiz(bank_or_name: Bank | str | Path, on_attempt: AttemptCallback | None = None) -> QuizWidget:
    """Display a quiz in the notebook.

    Args:
        bank_or_name: A loaded bank, a packaged bank's name (``"pendulum"``) or a YAML path.
        on_attempt: Passed to :class:`QuizWidget`.

    Returns:
        The displayed quiz.
    """
    from IPython.display import display

    if isinstance(bank_or_name, Bank):
        bank = bank_or_name
    elif isinstance(bank_or_name, Path) or str(bank_or_name).endswith((".yaml", ".yml")):
        bank = load_bank(bank_or_name)
    else:
        bank = load_packaged_bank(bank_or_name)
    quiz = QuizWidget(bank, on_attempt=on_attempt)
    display(quiz)
    return quiz
