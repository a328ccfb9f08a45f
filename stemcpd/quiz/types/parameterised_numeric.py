"""Parameterised numeric: a numeric question whose values are drawn for each
attempt and whose answer comes from a stemcpd model
(:mod:`stemcpd.quiz.parameterised`). Everywhere one attempt must be fixed (the
static page, the starter) it is the seed-0 instance; GIFT and Moodle XML cannot
draw new values, so they refuse it and name ``question.instance(seed)``."""

from __future__ import annotations

from stemcpd.quiz.parameterised import ParameterisedNumericQuestion, Variable
from stemcpd.quiz.types import QuestionType
from stemcpd.quiz.types.numeric import numeric_input_html, numeric_reveal_html, numeric_widget

REFUSED = ("parameterised questions draw new values for each attempt, which GIFT and Moodle numerical questions "
           "cannot; export one attempt with question.instance(seed)")


class ParameterisedNumeric(QuestionType):
    name = "parameterised_numeric"
    question_class = ParameterisedNumericQuestion
    draws_values = True

    def read(self, entry, topic):
        variables = tuple(
            Variable(name, spec["min"], spec["max"], spec["step"], spec.get("unit", ""))
            for name, spec in entry["variables"].items()
        )
        return ParameterisedNumericQuestion(
            entry["id"], entry["prompt"], variables, entry["answer_function"], tuple(entry["arguments"].items()),
            entry["unit"], entry["tolerance"], entry.get("sig_figs"), topic,
        )

    def check(self, entry, fail):
        from stemcpd.quiz.parameterised import AnswerFunctionError
        from stemcpd.quiz.units import ResponseParseError, parse_unit

        try:
            parse_unit(entry["unit"])
        except ResponseParseError:
            fail(f"unit {entry['unit']!r} is not a unit pint can read (try e.g. 's', 'm/s^2')", "unit")
        for name, spec in entry["variables"].items():
            try:
                Variable(name, spec["min"], spec["max"], spec["step"], spec.get("unit", ""))
            except ValueError as error:
                fail(str(error), "variables", name)
        for argument, value in entry["arguments"].items():
            if isinstance(value, str) and value not in entry["variables"]:
                fail(f"argument {argument!r} names {value!r}, which is not a variable", "arguments", argument)
        try:
            self.read(entry, "")
        except AnswerFunctionError as error:
            fail(str(error), "answer_function")
        except ValueError as error:
            where = "answer_function" if "failed for" in str(error) or "gave" in str(error) else "prompt"
            fail(str(error).split(": ", 1)[-1], where)

    def shown(self, question, seed=None):
        return question.instance(0 if seed is None else seed)

    def mark(self, question, response, seed=None):
        return question.mark(response, seed=0 if seed is None else seed)

    def example_responses(self, question):
        from stemcpd.quiz.types.numeric import QUESTION_TYPE as numeric

        return numeric.example_responses(self.shown(question, 0))

    def unit(self, question):
        return question.unit

    def console_response(self, question, shown, ask, say):
        return ask(f"Your answer (number and unit, e.g. {shown.example_shown()}): ")

    def widget(self, question, widgets, quiz):
        answer = numeric_widget(question, widgets)
        new_values = widgets.Button(description="New values", tooltip="Try the question with new values")
        new_values.on_click(lambda _button: quiz.new_values(question.id))
        answer.controls.append(new_values)
        return answer

    def static_inputs_html(self, prefix, question, shown):
        # Shown with its seed-0 values and a "Show answer" only: the static page cannot draw new ones.
        return "<p><em>In the live quiz the values change with each attempt.</em></p>"

    def reveal_html(self, question, shown):
        return numeric_reveal_html(shown)

    def starter_answer_html(self, question):
        from stemcpd.quiz.types.numeric import QUESTION_TYPE as numeric

        return numeric.starter_answer_html(self.shown(question, 0))

    def to_gift(self, question):
        from stemcpd.quiz.types import Unsupported

        raise Unsupported(REFUSED)

    def to_moodle_xml(self, quiz, question):
        from stemcpd.quiz.types import Unsupported

        raise Unsupported(REFUSED)


    def to_bank_entry(self, question, placeholders):
        entry = {"id": question.id, "type": "parameterised_numeric", "prompt": question.prompt, "variables": {
            variable.name: {"min": variable.minimum, "max": variable.maximum, "step": variable.step,
                            **({"unit": variable.unit} if variable.unit else {})}
            for variable in question.variables
        }}
        entry.update(answer_function=question.answer_function, arguments=dict(question.arguments), unit=question.unit,
                     tolerance=question.tolerance)
        if question.sig_figs is not None:
            entry["sig_figs"] = question.sig_figs
        return entry


QUESTION_TYPE = ParameterisedNumeric()
