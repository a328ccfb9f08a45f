"""Numeric: a number with its unit. Marking (units, tolerance, significant figures,
listed wrong answers, power-of-ten slips) is :meth:`NumericQuestion.mark`
(``stemcpd/quiz/questions.py``); the static page gets the same rules as data."""

from __future__ import annotations

import html
import math

from stemcpd.quiz.questions import NumericQuestion, NumericWrongAnswer
from stemcpd.quiz.types import AnswerInput, QuestionType


def numeric_reveal_html(shown: NumericQuestion) -> str:
    from stemcpd.quiz.catalogue import misconception_name
    from stemcpd.quiz.markup import markdown_inline_html
    from stemcpd.quiz.units import pretty_unit

    tolerance = shown.tolerance if isinstance(shown.tolerance, str) else f"{shown.tolerance:g} {pretty_unit(shown.unit)}"
    text = f"<p>{html.escape(shown.model_answer_shown())} (accepted within {html.escape(str(tolerance))})</p>"
    if shown.precision_sig_figs:
        text += f"<p>The data are given to {shown.precision_sig_figs} significant figures.</p>"
    wrong = "".join(
        f"<li>✗ {html.escape(f'{entry.value:g} {pretty_unit(shown.unit)}')} (misconception: "
        f"{html.escape(misconception_name(entry.misconception))}): {markdown_inline_html(entry.feedback)}</li>"
        for entry in shown.wrong_answers
    )
    return text + (f"<ul>{wrong}</ul>" if wrong else "")


def numeric_input_html(prefix: str, question, shown) -> str:
    input_id = f"{prefix}-{question.id}-answer"
    return (
        f'<p><label for="{input_id}">Your answer (number and unit): </label>'
        f'<input type="text" id="{input_id}" class="stemcpd-quiz-text" autocomplete="off" spellcheck="false" '
        f'placeholder="e.g. {html.escape(shown.example_response(), quote=True)}" disabled></p>'
    )


def numeric_widget(question, widgets) -> AnswerInput:
    # continuous_update=False: the typed text reaches the kernel as one update when the
    # box loses focus, before the click on "Check answer" (see stemcpd.ui.timing).
    box = widgets.Text(placeholder=f"e.g. {question.example_response()}", description="Answer:",
                       continuous_update=False)
    return AnswerInput(box, lambda: box.value, lambda response: setattr(box, "value", "" if response is None else str(response)))


class Numeric(QuestionType):
    name = "numeric"
    question_class = NumericQuestion
    static_kind = "numeric"

    def read(self, entry, topic):
        return NumericQuestion(
            entry["id"], entry["prompt"], float(entry["answer"]), entry["unit"], entry["tolerance"],
            entry.get("sig_figs"), topic,
            tuple(NumericWrongAnswer(float(wrong["value"]), wrong["misconception"], wrong["feedback"])
                  for wrong in entry.get("wrong_answers", ())),
            entry.get("precision", {}).get("sig_figs"),
        )

    def check(self, entry, fail):
        from stemcpd.quiz.units import ResponseParseError, parse_unit

        if not math.isfinite(entry["answer"]):
            fail(f"answer must be a finite number, not {entry['answer']!r}", "answer")
        try:
            parse_unit(entry["unit"])
        except ResponseParseError:
            fail(f"unit {entry['unit']!r} is not a unit pint can read (try e.g. 's', 'm/s^2')", "unit")
        seen: dict[float, int] = {}
        for number, wrong in enumerate(entry.get("wrong_answers", ()), start=1):
            if not math.isfinite(wrong["value"]):
                fail(f"wrong answer {number} value must be a finite number, not {wrong['value']!r}",
                     "wrong_answers", number - 1, "value")
            if wrong["value"] in seen:
                fail(f"wrong answer {number} repeats the value of wrong answer {seen[wrong['value']]}",
                     "wrong_answers", number - 1, "value")
            seen[wrong["value"]] = number
            try:
                self.read({**entry, "wrong_answers": [wrong]}, "")
            except ValueError as error:
                problem = str(error).split(": ", 1)[-1].replace("wrong answer 1 ", f"wrong answer {number} ")
                fail(problem, "wrong_answers", number - 1, "value")
        super().check(entry, fail)

    def example_responses(self, question):
        from stemcpd.quiz.gift import format_number

        shown = self.shown(question, 0)
        right = f"{format_number(shown.answer)} {shown.unit}"
        wrong = [f"{format_number(entry.value)} {shown.unit}" for entry in shown.wrong_answers]
        return [right, *wrong, format_number(shown.answer), f"{format_number(shown.answer * 1000)} {shown.unit}",
                "twelve", "", None]

    def unit(self, question):
        return question.unit

    def console_response(self, question, shown, ask, say):
        return ask(f"Your answer (number and unit, e.g. {shown.example_shown()}): ")

    def widget(self, question, widgets, quiz):
        return numeric_widget(question, widgets)

    def static_inputs_html(self, prefix, question, shown):
        return numeric_input_html(prefix, question, shown)

    def static_data(self, question):
        from stemcpd.quiz.static import numeric_data

        return numeric_data(question)

    def reveal_html(self, question, shown):
        return numeric_reveal_html(shown)

    def starter_answer_html(self, question):
        from stemcpd.quiz.units import pretty_unit

        shown = self.shown(question, 0)
        return f"<strong>{html.escape(f'{shown.answer:g} {pretty_unit(shown.unit)}')}</strong>"

    def to_gift(self, question):
        from stemcpd.quiz.gift import _escape, _feedback, format_number, numeric_prompt, tolerance_for_export

        answers = [f"{'=' if question.wrong_answers else ''}{format_number(question.answer)}:"
                   f"{format_number(tolerance_for_export(question))}"]
        # Listed wrong answers are 0 % answers with their feedback, as Moodle's numerical type allows.
        answers += [
            f"=%0%{format_number(wrong.value)}:{format_number(float(f'{question.wrong_answer_allowed_difference(wrong):.12g}'))}"
            f"{_feedback(wrong.feedback)}"
            for wrong in question.wrong_answers
        ]
        body = answers[0] if len(answers) == 1 else "\n\t" + "\n\t".join(answers) + "\n"
        return f"::{_escape(question.id)}::[plain]{_escape(numeric_prompt(question), after_marker=True)}{{#{body}}}"

    def to_moodle_xml(self, quiz, question):
        from stemcpd.quiz.gift import format_number, tolerance_for_export
        from stemcpd.quiz.moodle_xml import MISSING_UNIT_PENALTY, _answer, _common, _sub

        prompt = question.prompt
        if question.sig_figs:
            plural = "s" if question.sig_figs > 1 else ""
            prompt += f" Give your answer to {question.sig_figs} significant figure{plural}."
        element = _common(quiz, "numerical", question, prompt)
        answer = _answer(element, "100", format_number(question.answer), "", html_text=False)
        _sub(answer, "tolerance", format_number(tolerance_for_export(question)))
        for wrong in question.wrong_answers:
            wrong_answer = _answer(element, "0", format_number(wrong.value), wrong.feedback, html_text=False)
            _sub(wrong_answer, "tolerance", format_number(float(f"{question.wrong_answer_allowed_difference(wrong):.12g}")))
        if question.unit:
            unit = _sub(_sub(element, "units"), "unit")
            _sub(unit, "multiplier", "1")
            _sub(unit, "unit_name", question.unit)
            _sub(element, "unitgradingtype", "1")  # penalty applied to the response's mark
            _sub(element, "unitpenalty", format_number(MISSING_UNIT_PENALTY))
            _sub(element, "showunits", "0")  # unit typed in the answer box
        else:
            _sub(element, "unitgradingtype", "0")
            _sub(element, "unitpenalty", "0")
            _sub(element, "showunits", "3")  # no units
        _sub(element, "unitsleft", "0")


    def to_bank_entry(self, question, placeholders):
        from stemcpd.quiz.gift import UNCLASSIFIED_MISCONCEPTION, UNITLESS_PLACEHOLDER, Placeholder

        entry = {"id": question.id, "type": "numeric", "prompt": question.prompt, "answer": question.answer,
                 "unit": question.unit or UNITLESS_PLACEHOLDER, "tolerance": question.tolerance}
        if not question.unit:
            placeholders.append(Placeholder(question.id, "the answer", "unit", UNITLESS_PLACEHOLDER))
        if question.sig_figs is not None:
            entry["sig_figs"] = question.sig_figs
        if question.precision_sig_figs is not None:
            entry["precision"] = {"sig_figs": question.precision_sig_figs}
        wrong_entries = []
        for number, wrong in enumerate(question.wrong_answers, start=1):
            if not wrong.misconception:
                placeholders.append(Placeholder(question.id, f"wrong answer {number} ({wrong.value:g})", "misconception",
                                                UNCLASSIFIED_MISCONCEPTION))
            wrong_entries.append({"value": wrong.value, "misconception": wrong.misconception or UNCLASSIFIED_MISCONCEPTION,
                                  "feedback": wrong.feedback})
        if wrong_entries:
            entry["wrong_answers"] = wrong_entries
        return entry


QUESTION_TYPE = Numeric()
