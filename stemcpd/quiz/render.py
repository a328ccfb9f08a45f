"""Drawing a question bank as ipywidgets, one card per question.

This is the only quiz module that imports ipywidgets. It draws and wires; marking
is the questions' own ``mark``. Feedback is announced to screen readers (an
``aria-live`` status region) and never relies on colour: it shows ✓ or ✗ and the
words "Correct", "Partly right" or "Not yet". A confidently wrong answer gets the
hypercorrection note (:func:`stemcpd.quiz.feedback.apply_confidence`). Each check
calls ``on_attempt`` so a caller (such as the CPD record) can store the attempt;
this module does not know who is listening.

Inputs by question type, all reachable and operable from the keyboard: radio
buttons (multiple choice), one checkbox per option (multiple select), a text box
(numeric, short text, parameterised numeric, the last with a "New values" button)
and, for ordering, a list box with "Move up" / "Move down" buttons.
"""

from __future__ import annotations

import html
from pathlib import Path
import random
from typing import Callable

import ipywidgets as widgets

from stemcpd.quiz.bank import Bank, Question, load_bank, load_packaged_bank
from stemcpd.quiz.feedback import Feedback, apply_confidence
from stemcpd.quiz.parameterised import ParameterisedNumericQuestion
from stemcpd.quiz.questions import (
    ExtendedResponseQuestion,
    MatchingQuestion,
    MultipleChoiceQuestion,
    MultipleSelectQuestion,
    NumericQuestion,
    OrderingQuestion,
    ShortTextQuestion,
)
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
    # The message is plain text; its line breaks (one per option in a multiple
    # select) become <br> so each comment is read and seen separately.
    message = "<br>".join(html.escape(line) for line in feedback.message.split("\n"))
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
        self._confidence_buttons: dict[str, widgets.ToggleButtons] = {}
        self._check_buttons: dict[str, widgets.Button] = {}
        self._feedback_areas: dict[str, widgets.HTML] = {}
        self.summary = widgets.HTML(self._summary_text())
        cards = [self._build_card(number, question) for number, question in enumerate(bank, start=1)]
        title = widgets.HTML(f"<h3>{html.escape(bank.title)}</h3>")
        self.widget = widgets.VBox([title, *cards, self.summary])

    def _build_card(self, number: int, question: Question) -> widgets.VBox:
        extra: list[widgets.Widget] = []
        if isinstance(question, ParameterisedNumericQuestion):
            self.seeds[question.id] = self._seed_source.randrange(2**32)
        prompt = widgets.HTML(self._prompt_html(number, question))
        self._prompts[question.id] = prompt
        if isinstance(question, MultipleChoiceQuestion):
            # Values are indexes, so repeated or odd option text cannot confuse marking.
            answer_input = widgets.RadioButtons(
                options=[(question.options[index].text, index) for index in display_order(question)],
                value=None,
                layout=widgets.Layout(width="auto"),
            )
        elif isinstance(question, MultipleSelectQuestion):
            checkboxes = [
                widgets.Checkbox(value=False, description=question.options[index].text, indent=False,
                                 layout=widgets.Layout(width="auto"))
                for index in display_order(question)
            ]
            answer_input = widgets.VBox([widgets.HTML("<p><em>Tick all that apply.</em></p>"), *checkboxes])
            answer_input.option_indexes = display_order(question)
            answer_input.checkboxes = checkboxes
        elif isinstance(question, OrderingQuestion):
            answer_input = widgets.Select(
                options=[(question.steps[index], index) for index in display_order(question)],
                rows=len(question.steps),
                description="Order:",
                layout=widgets.Layout(width="auto"),
            )
            for label, direction in (("Move up", -1), ("Move down", 1)):
                move_button = widgets.Button(description=label, tooltip=f"{label} the selected step")
                move_button.on_click(lambda _button, question_id=question.id, step=direction: self.move_step(question_id, step))
                extra.append(move_button)
        elif isinstance(question, MatchingQuestion):
            order = display_order(question)
            dropdowns = [
                widgets.Dropdown(options=[("(choose)", None), *[(question.rights[index], index) for index in order]],
                                 value=None, description=left, style={"description_width": "initial"},
                                 layout=widgets.Layout(width="auto"))
                for left in question.lefts
            ]
            answer_input = widgets.VBox([widgets.HTML("<p><em>Match each item with one from its list.</em></p>"),
                                         *dropdowns])
            answer_input.dropdowns = dropdowns
        elif isinstance(question, ExtendedResponseQuestion):
            answer_box = widgets.Textarea(placeholder="Write your answer here", description="Answer:",
                                          continuous_update=False, layout=widgets.Layout(width="95%", height="10em"))
            point_boxes = [widgets.Checkbox(value=False, description=point, indent=False,
                                            layout=widgets.Layout(width="auto"))
                           for point in question.mark_scheme]
            scheme = widgets.VBox([widgets.HTML(
                f"<p><strong>Mark scheme</strong> ({question.marks} marks): tick each point your answer makes.</p>"),
                *point_boxes])
            scheme.layout.display = "none"
            show_scheme = widgets.Button(description="Show mark scheme",
                                         tooltip="Show the mark-scheme points to tick those your answer makes")

            def reveal(_button, scheme=scheme):
                scheme.layout.display = None

            show_scheme.on_click(reveal)
            answer_input = widgets.VBox([answer_box, show_scheme, scheme])
            answer_input.answer_box = answer_box
            answer_input.point_boxes = point_boxes
            answer_input.scheme = scheme
        elif isinstance(question, ShortTextQuestion):
            # continuous_update=False: the typed text reaches the kernel as one update when
            # the box loses focus, before the click on "Check answer". Sent keystroke by
            # keystroke, updates are throttled while the kernel is busy and a quick click
            # could overtake them, marking what was typed a moment earlier.
            answer_input = widgets.Text(
                placeholder="a word or short phrase", description="Answer:", continuous_update=False
            )
        else:
            answer_input = widgets.Text(
                placeholder=f"e.g. {question.example_response()}",
                description="Answer:",
                continuous_update=False,
            )
            if isinstance(question, ParameterisedNumericQuestion):
                new_values_button = widgets.Button(description="New values", tooltip="Try the question with new values")
                new_values_button.on_click(lambda _button, question_id=question.id: self.new_values(question_id))
                extra.append(new_values_button)
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
        prompt = self.shown_question(question.id, question).prompt
        return f"<p><strong>Q{number}.</strong> {html.escape(prompt)}</p>"

    def shown_question(self, question_id: str, question: Question | None = None) -> Question | NumericQuestion:
        """The question as shown now: for a parameterised question, the instance with
        the current values; otherwise the question itself."""
        question = question if question is not None else self.bank[question_id]
        if isinstance(question, ParameterisedNumericQuestion):
            return question.instance(self.seeds[question_id])
        return question

    def new_values(self, question_id: str) -> NumericQuestion:
        """Draw new values for a parameterised question and clear its answer and feedback.

        Returns:
            The instance now shown.
        """
        question = self.bank[question_id]
        if not isinstance(question, ParameterisedNumericQuestion):
            raise TypeError(f"question {question_id!r} has no values to change")
        self.seeds[question_id] = self._seed_source.randrange(2**32)
        number = [entry.id for entry in self.bank].index(question_id) + 1
        self._prompts[question_id].value = self._prompt_html(number, question)
        self._answer_inputs[question_id].value = ""
        self._feedback_areas[question_id].value = _EMPTY_STATUS
        return self.shown_question(question_id)

    def move_step(self, question_id: str, direction: int) -> None:
        """Move the selected step of an ordering question up (-1) or down (+1), keeping it selected."""
        select = self._answer_inputs[question_id]
        options = list(select.options)
        values = [value for _, value in options]
        if select.value is None or select.value not in values:
            return
        position = values.index(select.value)
        target = position + direction
        if not 0 <= target < len(options):
            return
        selected = select.value
        options[position], options[target] = options[target], options[position]
        select.options = options
        select.value = selected

    def current_response(self, question_id: str) -> object:
        """What the learner has entered for a question, in the form its ``mark`` reads."""
        answer_input = self._answer_inputs[question_id]
        question = self.bank[question_id]
        if isinstance(question, MultipleSelectQuestion):
            return sorted(
                index for index, checkbox in zip(answer_input.option_indexes, answer_input.checkboxes) if checkbox.value
            )
        if isinstance(question, OrderingQuestion):
            return [value for _, value in answer_input.options]
        if isinstance(question, MatchingQuestion):
            return [dropdown.value for dropdown in answer_input.dropdowns]
        if isinstance(question, ExtendedResponseQuestion):
            return {"answer": answer_input.answer_box.value,
                    "points": [index for index, box in enumerate(answer_input.point_boxes) if box.value]}
        return answer_input.value

    def _check(self, question_id: str) -> Feedback:
        question = self.bank[question_id]
        response = self.current_response(question_id)
        if isinstance(question, ParameterisedNumericQuestion):
            feedback = question.mark(response, seed=self.seeds[question_id])
        else:
            feedback = question.mark(response)
        confidence_label = self._confidence_buttons[question_id].value
        confidence = confidence_label.lower() if confidence_label else None
        feedback = apply_confidence(feedback, confidence)
        self.latest_feedback[question_id] = feedback
        shown = feedback_html(feedback)
        if isinstance(question, ExtendedResponseQuestion):
            shown += f"<p><strong>Model answer</strong></p><p>{html.escape(question.model_answer)}</p>"
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
        answer_input = self._answer_inputs[question.id]
        if isinstance(question, MultipleChoiceQuestion):
            answer_input.value = question.option_index(response)
        elif isinstance(question, MultipleSelectQuestion):
            read = question.selection(response)
            chosen = read[0] if read is not None else frozenset()
            for index, checkbox in zip(answer_input.option_indexes, answer_input.checkboxes):
                checkbox.value = index in chosen
        elif isinstance(question, MatchingQuestion):
            chosen = question.matches(response) or [None] * len(question.pairs)
            for dropdown, index in zip(answer_input.dropdowns, chosen):
                dropdown.value = index
        elif isinstance(question, ExtendedResponseQuestion):
            read = question.self_assessment(response)
            answer, ticked = read if read is not None else (None, frozenset())
            answer_input.answer_box.value = answer or ""
            answer_input.scheme.layout.display = None
            for index, box in enumerate(answer_input.point_boxes):
                box.value = index in ticked
        elif isinstance(question, OrderingQuestion):
            indexes, _ = question.order(response)
            if indexes is not None:  # an incomplete order cannot be shown in the list box
                answer_input.options = [(question.steps[index], index) for index in indexes]
        else:
            answer_input.value = "" if response is None else str(response)

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
