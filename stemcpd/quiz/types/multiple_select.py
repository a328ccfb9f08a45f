"""Multiple select: tick every right option; credit for each right one ticked,
less each wrong one (see :class:`stemcpd.quiz.questions.MultipleSelectQuestion`)."""

from __future__ import annotations

from stemcpd.quiz.questions import MultipleSelectQuestion, Option
from stemcpd.quiz.types import QuestionType, _choice


class MultipleSelect(QuestionType):
    name = "multiple_select"
    question_class = MultipleSelectQuestion
    static_kind = "select"

    def read(self, entry, topic):
        options = tuple(
            Option(option["text"], option.get("correct", False), option.get("feedback", ""), option.get("misconception"))
            for option in entry["options"]
        )
        return MultipleSelectQuestion(entry["id"], entry["prompt"], options, topic)

    def check(self, entry, fail):
        _choice.check_options(entry, fail, single=False)
        super().check(entry, fail)

    def example_responses(self, question):
        return [list(question.correct_indexes), [0], list(range(len(question.options))), [], None]

    def console_lines(self, question, shown):
        return ["  (Tick all that apply.)", *_choice.console_options(question)]

    def console_response(self, question, shown, ask, say):
        from stemcpd.quiz.static import display_order

        return _choice.letter_indexes(ask("Letters of every right option, e.g. A C: "), display_order(question))

    def widget(self, question, widgets, quiz):
        return _choice.choice_widget(question, widgets, multiple=True)

    def static_inputs_html(self, prefix, question, shown):
        return _choice.option_inputs_html(prefix, question, multiple=True)

    def static_data(self, question):
        return {"options": _choice.option_data(question)}

    def reveal_html(self, question, shown):
        return _choice.option_rows_html(question, multiple=True)

    def starter_html(self, question):
        return _choice.starter_options_html(question, multiple=True)

    def starter_answer_html(self, question):
        return _choice.starter_key_html(question)

    def to_gift(self, question):
        from stemcpd.quiz.gift import _escape, _feedback, format_fraction, gift_header, multiple_select_fractions

        lines = [
            f"\t~%{format_fraction(fraction)}%{_escape(option.text)}{_feedback(option.feedback)}"
            for option, fraction in zip(question.options, multiple_select_fractions(question))
        ]
        return gift_header(question) + "{\n" + "\n".join(lines) + "\n}"

    def to_moodle_xml(self, quiz, question):
        from stemcpd.quiz.gift import multiple_select_fractions

        _choice.moodle_choice(quiz, question, False, multiple_select_fractions(question))


    def to_bank_entry(self, question, placeholders):
        from stemcpd.quiz.gift import _option_entries

        return {"id": question.id, "type": self.name, "prompt": question.prompt,
                "options": _option_entries(question, placeholders)}


QUESTION_TYPE = MultipleSelect()
