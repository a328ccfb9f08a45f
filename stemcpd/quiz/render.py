"""Drawing a question bank as ipywidgets, one card per question.

This is the only quiz module that imports ipywidgets. It draws and wires; marking
is the questions' own ``mark``. Feedback is announced to screen readers (an
``aria-live`` status region) and never relies on colour: it shows ✓ or ✗ and the
words "Correct", "Partly right" or "Not yet". A confidently wrong answer gets the
hypercorrection note (:func:`stemcpd.quiz.feedback.apply_confidence`). Each check
calls ``on_attempt`` so a caller (such as the CPD record) can store the attempt;
this module does not know who is listening.

Each question's input is built by its type (:meth:`stemcpd.quiz.types.QuestionType.widget`),
all reachable and operable from the keyboard: radio buttons (multiple choice), one
checkbox per option (multiple select), a text box (numeric, short text,
parameterised numeric, the last with a "New values" button), a list box with "Move
up" / "Move down" (ordering), one drop-down per item (matching), and a text area
with a "Show mark scheme" button and one checkbox per mark-scheme point (extended
response, whose model answer follows the check). Prompts and feedback are bank
Markdown rendered by :mod:`stemcpd.quiz.markup`, as on the static page.
"""

from __future__ import annotations

import html
from pathlib import Path
import random
from typing import Callable

import ipywidgets as widgets

from stemcpd.quiz import types
from stemcpd.quiz.bank import Bank, Question, load_bank, load_packaged_bank
from stemcpd.quiz.feedback import Feedback, apply_confidence
from stemcpd.quiz.markup import markdown_inline_html, markdown_html
from stemcpd.quiz.questions import NumericQuestion
from stemcpd.quiz.static import display_order, to_html
from stemcpd.ui.static import mimebundle_with_static_fallback
from stemcpd.ui.timing import after_pending_updates

AttemptCallback = Callable[[Question, object, Feedback, "str | None"], None]

CONFIDENCE_LEVELS = ("Guess", "Unsure", "Sure")
"""Labels of the optional confidence buttons; callbacks receive them lower-cased."""


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
    # Each line of the message (one per option in a multiple select) is bank Markdown
    # rendered and sanitised as the static page renders it, so each comment is read
    # and seen separately and looks the same live and static.
    message = "<br>".join(markdown_inline_html(line) for line in feedback.message.split("\n"))
    return (
        '<div role="status" aria-live="polite">'
        f'<span aria-hidden="true">{symbol}</span> <strong>{verdict}</strong>: '
        f"{message}</div>"
    )


_EMPTY_STATUS = '<div role="status" aria-live="polite"></div>'


class QuizWidget:
    """An interactive quiz over one bank.

    Attributes:
        bank: The questions shown.
        widget: The ``VBox`` to display.
        latest_feedback: Question id → feedback from its most recent check.
    """

    def __init__(self, bank: Bank, on_attempt: AttemptCallback | None = None, seed: int | None = None,
                 module_id: str | None = None):
        """Build the widgets.

        Args:
            bank: The questions to show.
            on_attempt: Called as ``on_attempt(question, response, feedback,
                confidence)`` after every check; ``confidence`` is ``"guess"``,
                ``"unsure"``, ``"sure"`` or None. The feedback is what was shown
                (with the hypercorrection note for a confident error).
            seed: Seeds the values of parameterised questions, for repeatable
                quizzes; None draws fresh values each time the quiz is built.
            module_id: The CPD module showing the quiz (``"physics-pendulum"``), so the
                static page's answers are kept under it as the live quiz's are.
        """
        self.bank = bank
        self.module_id = module_id
        self.on_attempt = on_attempt
        self.latest_feedback: dict[str, Feedback] = {}
        self._seed_source = random.Random(seed)
        self.seeds: dict[str, int] = {}
        """Question id → seed of the values shown, for each parameterised question."""
        self._prompts: dict[str, widgets.HTML] = {}
        self._answer_inputs: dict[str, widgets.Widget] = {}
        self._answers: dict[str, types.AnswerInput] = {}
        self._confidence_buttons: dict[str, widgets.ToggleButtons] = {}
        self._check_buttons: dict[str, widgets.Button] = {}
        self._feedback_areas: dict[str, widgets.HTML] = {}
        self.summary = widgets.HTML(self._summary_text())
        cards = [self._build_card(number, question) for number, question in enumerate(bank, start=1)]
        title = widgets.HTML(f"<h3>{html.escape(bank.title)}</h3>")
        self.widget = widgets.VBox([title, *cards, self.summary])

    def _build_card(self, number: int, question: Question) -> widgets.VBox:
        question_type = types.question_type(question)
        if question_type.draws_values:
            self.seeds[question.id] = self._seed_source.randrange(2**32)
        prompt = widgets.HTML(self._prompt_html(number, question))
        self._prompts[question.id] = prompt
        answer = question_type.widget(question, widgets, self)
        answer_input = answer.widget
        extra = answer.controls
        self._answers[question.id] = answer
        confidence_buttons = widgets.ToggleButtons(
            options=CONFIDENCE_LEVELS,
            value=None,
            description="Confidence:",
            tooltips=["I guessed", "I think so", "I'm sure"],
        )
        check_button = widgets.Button(description="Check answer", tooltip=f"Check your answer to question {number}")
        feedback_area = widgets.HTML(_EMPTY_STATUS)
        check_button.on_click(
            lambda _button, question_id=question.id: after_pending_updates(lambda: self._check(question_id))
        )

        self._answer_inputs[question.id] = answer_input
        self._confidence_buttons[question.id] = confidence_buttons
        self._check_buttons[question.id] = check_button
        self._feedback_areas[question.id] = feedback_area
        controls = [widgets.HBox(extra)] if extra else []
        return widgets.VBox([prompt, answer_input, *controls, confidence_buttons, check_button, feedback_area])

    def _prompt_html(self, number: int, question: Question) -> str:
        # The same Markdown (and maths) rendering as the static page: stemcpd.quiz.markup.
        prompt = self.shown_question(question.id, question).prompt
        return f'<div class="stemcpd-quiz-prompt"><p><strong>Q{number}.</strong></p>{markdown_html(prompt)}</div>'

    def shown_question(self, question_id: str, question: Question | None = None) -> Question | NumericQuestion:
        """The question as shown now: for a parameterised question, the instance with
        the current values; otherwise the question itself."""
        question = question if question is not None else self.bank[question_id]
        return types.question_type(question).shown(question, self.seeds.get(question_id))

    def new_values(self, question_id: str) -> NumericQuestion:
        """Draw new values for a parameterised question and clear its answer and feedback.

        Returns:
            The instance now shown.
        """
        question = self.bank[question_id]
        if not types.question_type(question).draws_values:
            raise TypeError(f"question {question_id!r} has no values to change")
        self.seeds[question_id] = self._seed_source.randrange(2**32)
        number = [entry.id for entry in self.bank].index(question_id) + 1
        self._prompts[question_id].value = self._prompt_html(number, question)
        self._answer_inputs[question_id].value = ""
        self._feedback_areas[question_id].value = _EMPTY_STATUS
        return self.shown_question(question_id)

    def move_step(self, question_id: str, direction: int) -> None:
        """Move the selected step of an ordering question up (-1) or down (+1), keeping it selected."""
        self._answers[question_id].move(direction)

    def current_response(self, question_id: str) -> object:
        """What the learner has entered for a question, in the form its ``mark`` reads."""
        return self._answers[question_id].response()

    def _check(self, question_id: str) -> Feedback:
        question = self.bank[question_id]
        response = self.current_response(question_id)
        feedback = types.question_type(question).mark(question, response, self.seeds.get(question_id))
        confidence_label = self._confidence_buttons[question_id].value
        confidence = confidence_label.lower() if confidence_label else None
        feedback = apply_confidence(feedback, confidence)
        self.latest_feedback[question_id] = feedback
        shown = feedback_html(feedback)
        after_check = self._answers[question_id].after_check
        if after_check is not None:
            shown += after_check(feedback)
        self._feedback_areas[question_id].value = shown
        self.summary.value = self._summary_text()
        if self.on_attempt is not None:
            self.on_attempt(question, response, feedback, confidence)
        return feedback

    def _summary_text(self) -> str:
        correct_count = sum(feedback.correct for feedback in self.latest_feedback.values())
        return f"<p>{correct_count} of {len(self.bank)} correct so far</p>"

    def static_html(self) -> str:
        """The quiz for a static page (the book): answered and marked in the browser,
        without a kernel, with a "Show answer" disclosure per question
        (:func:`stemcpd.quiz.static.to_html`)."""
        return to_html(self.bank, module=self.module_id)

    def _fill_input(self, question: Question, response: object) -> None:
        self._answers[question.id].fill(response)

    def _repr_mimebundle_(self, **kwargs):
        return mimebundle_with_static_fallback(
            self.widget, self.static_html(), f"Quiz: {self.bank.title} ({len(self.bank)} questions)", **kwargs
        )

    def answer(self, question_id: str, response: object, confidence: str | None = None) -> Feedback:
        """Answer as a learner would: fill in the input, then run the "Check answer" handler.

        Args:
            question_id: Which question.
            response: An option index or text (multiple choice), a list of them
                (multiple select), a list of step indexes or texts (ordering), or the
                typed answer (numeric, short text, parameterised numeric, marked
                against the values shown). A multiple-choice response that names no
                option leaves nothing selected; an ordering response that is not a
                complete order leaves the list box as it was.
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
        self._fill_input(question, response)
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
