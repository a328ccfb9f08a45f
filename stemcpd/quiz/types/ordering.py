"""Ordering: put steps in order (a required practical's method). Credit for each
neighbouring pair in the right order; shown with its steps shuffled, never in order."""

from __future__ import annotations

import html
import random

from stemcpd.quiz.questions import OrderingQuestion
from stemcpd.quiz.types import AnswerInput, QuestionType, Unsupported
from stemcpd.quiz.types._choice import LETTERS


def _starter_order(question) -> list[int]:
    shuffled = list(range(len(question.steps)))
    random.Random(f"stemcpd-starter:{question.id}").shuffle(shuffled)
    return shuffled


class Ordering(QuestionType):
    name = "ordering"
    question_class = OrderingQuestion

    def read(self, entry, topic):
        return OrderingQuestion(entry["id"], entry["prompt"], tuple(entry["steps"]), entry.get("explanation", ""), topic)

    def check(self, entry, fail):
        seen: dict[str, int] = {}
        for number, step in enumerate(entry["steps"], start=1):
            if step.strip() in seen:
                fail(f"step {number} repeats step {seen[step.strip()]}", "steps", number - 1)
            seen[step.strip()] = number
        super().check(entry, fail)

    def example_responses(self, question):
        count = len(question.steps)
        return [list(range(count)), list(reversed(range(count))), list(question.steps), [0], None]

    def console_lines(self, question, shown):
        from stemcpd.quiz.static import display_order

        return [f"  {LETTERS[position]}. {question.steps[index]}" for position, index in enumerate(display_order(question))]

    def console_response(self, question, shown, ask, say):
        from stemcpd.quiz.static import display_order
        from stemcpd.quiz.types._choice import letter_indexes

        return letter_indexes(ask("The letters in the right order, e.g. C A B: "), display_order(question))

    def widget(self, question, widgets, quiz):
        from stemcpd.quiz.static import display_order

        select = widgets.Select(options=[(question.steps[index], index) for index in display_order(question)],
                                rows=len(question.steps), description="Order:", layout=widgets.Layout(width="auto"))

        def move(direction: int) -> None:
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

        def fill(response):
            indexes, _ = question.order(response)
            if indexes is not None:  # an incomplete order cannot be shown in the list box
                select.options = [(question.steps[index], index) for index in indexes]

        buttons = []
        for label, direction in (("Move up", -1), ("Move down", 1)):
            button = widgets.Button(description=label, tooltip=f"{label} the selected step")
            button.on_click(lambda _button, step=direction: move(step))
            buttons.append(button)
        answer = AnswerInput(select, lambda: [value for _, value in select.options], fill, buttons)
        answer.move = move
        return answer

    def static_inputs_html(self, prefix, question, shown):
        from stemcpd.quiz.markup import markdown_inline_html
        from stemcpd.quiz.static import display_order

        items = "".join(f"<li>{markdown_inline_html(question.steps[index])}</li>" for index in display_order(question))
        return f"<p><em>Put these steps in order.</em></p><ul>{items}</ul>"

    def reveal_html(self, question, shown):
        from stemcpd.quiz.markup import markdown_html, markdown_inline_html

        ordered = "".join(f"<li>{markdown_inline_html(step)}</li>" for step in question.steps)
        return f"<ol>{ordered}</ol>{markdown_html(question.explanation) if question.explanation else ''}"

    def starter_html(self, question):
        steps = "".join(
            f'<li><span class="letter">{LETTERS[position]}.</span> {html.escape(question.steps[index])}</li>'
            for position, index in enumerate(_starter_order(question))
        )
        return f'<ol class="options">{steps}</ol><p class="answer-line">Order: ____________________</p>'

    def starter_answer_html(self, question):
        shuffled = _starter_order(question)
        return "<strong>" + ", ".join(LETTERS[shuffled.index(index)] for index in range(len(question.steps))) + "</strong>"

    def to_gift(self, question):
        raise Unsupported("ordering questions have no GIFT or standard Moodle type")

    def to_moodle_xml(self, quiz, question):
        raise Unsupported("ordering questions have no GIFT or standard Moodle type")


    def to_bank_entry(self, question, placeholders):
        entry = {"id": question.id, "type": "ordering", "prompt": question.prompt, "steps": list(question.steps)}
        if question.explanation:
            entry["explanation"] = question.explanation
        return entry


QUESTION_TYPE = Ordering()
