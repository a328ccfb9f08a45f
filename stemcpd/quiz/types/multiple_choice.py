"""Multiple choice: pick one option; a nearly-right distractor may carry partial
``credit``. Two options "True" / "False" are exchanged as Moodle true/false."""

from __future__ import annotations

from stemcpd.quiz.questions import MultipleChoiceQuestion, Option
from stemcpd.quiz.types import QuestionType, _choice


class MultipleChoice(QuestionType):
    name = "multiple_choice"
    question_class = MultipleChoiceQuestion
    static_kind = "choice"

    def read(self, entry, topic):
        options = tuple(
            Option(option["text"], option.get("correct", False), option.get("feedback", ""),
                   option.get("misconception"), option.get("credit"))
            for option in entry["options"]
        )
        return MultipleChoiceQuestion(entry["id"], entry["prompt"], options, topic)

    def check(self, entry, fail):
        _choice.check_options(entry, fail, single=True)
        super().check(entry, fail)

    def example_responses(self, question):
        right = next(index for index, option in enumerate(question.options) if option.correct)
        return [right, *[index for index in range(len(question.options)) if index != right], None, "no such option"]

    def console_lines(self, question, shown):
        return _choice.console_options(question)

    def console_response(self, question, shown, ask, say):
        from stemcpd.quiz.static import display_order

        chosen = _choice.letter_indexes(ask("Your answer (a letter): "), display_order(question))
        return chosen[0] if len(chosen) == 1 else None

    def widget(self, question, widgets, quiz):
        return _choice.choice_widget(question, widgets, multiple=False)

    def static_inputs_html(self, prefix, question, shown):
        return _choice.option_inputs_html(prefix, question, multiple=False)

    def static_data(self, question):
        return {"options": _choice.option_data(question)}

    def reveal_html(self, question, shown):
        return _choice.option_rows_html(question, multiple=False)

    def starter_html(self, question):
        return _choice.starter_options_html(question, multiple=False)

    def starter_answer_html(self, question):
        return _choice.starter_key_html(question)

    def to_gift(self, question):
        from stemcpd.quiz.gift import TRUE_FALSE_TEXTS, _escape, _feedback, format_fraction, gift_header

        prompt = gift_header(question)
        texts = tuple(option.text for option in question.options)
        if texts == TRUE_FALSE_TEXTS:
            is_true = question.options[0].correct
            right, wrong = (question.options[0], question.options[1]) if is_true else (question.options[1], question.options[0])
            feedback = f"#{_escape(wrong.feedback)}" if (wrong.feedback or right.feedback) else ""
            if right.feedback:
                feedback += f"#{_escape(right.feedback)}"
            return f"{prompt}{{{'TRUE' if is_true else 'FALSE'}{feedback}}}"
        lines = []
        for option in question.options:
            if option.correct:
                marker = "="
            elif option.credit:
                marker = f"~%{format_fraction(option.credit)}%"
            else:
                marker = "~%0%" if option.text.startswith("%") else "~"
            lines.append(f"\t{marker}{_escape(option.text)}{_feedback(option.feedback)}")
        return prompt + "{\n" + "\n".join(lines) + "\n}"

    def to_moodle_xml(self, quiz, question):
        from stemcpd.quiz.gift import TRUE_FALSE_TEXTS
        from stemcpd.quiz.moodle_xml import _answer, _common

        if tuple(option.text for option in question.options) == TRUE_FALSE_TEXTS:
            element = _common(quiz, "truefalse", question, question.prompt)
            for option in question.options:
                _answer(element, "100" if option.correct else "0", option.text.lower(), option.feedback, html_text=False)
            return
        _choice.moodle_choice(quiz, question, True, [option.score * 100 for option in question.options])


    def to_bank_entry(self, question, placeholders):
        from stemcpd.quiz.gift import _option_entries

        return {"id": question.id, "type": self.name, "prompt": question.prompt,
                "options": _option_entries(question, placeholders)}


QUESTION_TYPE = MultipleChoice()
