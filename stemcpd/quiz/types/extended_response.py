"""Extended response: a written answer, self-assessed against the mark scheme.

For required-practical method and evaluation items. The teacher writes an answer,
then opens the mark scheme and ticks the points their answer makes; the mark
(points ticked, at most ``marks``) is recorded with the attempt, and the model
answer is shown after. Moodle has this as an essay question, marked by a person:
the mark scheme goes into its grader information and the model answer into its
response template's general feedback.
"""

from __future__ import annotations

import html
import re

from stemcpd.quiz.questions import ExtendedResponseQuestion
from stemcpd.quiz.types import AnswerInput, QuestionType

GIFT_SCHEME_HEADING = "Mark scheme"
GIFT_MODEL_HEADING = "Model answer"
_GIFT_GENERAL = re.compile(
    r"(?:Practical: (?P<practical>[^\n]*)\n)?Mark scheme \((?P<marks>\d+) marks?\):\n(?P<points>(?:- [^\n]*\n?)+)\n*"
    r"Model answer: (?P<model>.*)\Z",
    re.DOTALL,
)


def general_feedback_text(question: ExtendedResponseQuestion) -> str:
    """The mark scheme and model answer as plain text (GIFT general feedback), read back by :func:`read_general_feedback`."""
    practical = f"Practical: {question.practical}\n" if question.practical else ""
    points = "\n".join(f"- {point}" for point in question.mark_scheme)
    plural = "s" if question.marks != 1 else ""
    return f"{practical}{GIFT_SCHEME_HEADING} ({question.marks} mark{plural}):\n{points}\n\n{GIFT_MODEL_HEADING}: {question.model_answer}"


def read_general_feedback(text: str) -> dict | None:
    """``marks``, ``mark_scheme``, ``model_answer``, ``practical`` from :func:`general_feedback_text`'s text, or None."""
    match = _GIFT_GENERAL.fullmatch(text.strip())
    if match is None:
        return None
    points = [line[2:].strip() for line in match["points"].strip().split("\n")]
    return {"marks": int(match["marks"]), "mark_scheme": tuple(points), "model_answer": match["model"].strip(),
            "practical": (match["practical"] or "").strip()}


class ExtendedResponse(QuestionType):
    name = "extended_response"
    question_class = ExtendedResponseQuestion
    static_kind = "extended"

    def read(self, entry, topic):
        return ExtendedResponseQuestion(entry["id"], entry["prompt"], entry["marks"], tuple(entry["mark_scheme"]),
                                        entry["model_answer"], entry.get("practical", ""), topic)

    def check(self, entry, fail):
        scheme = entry["mark_scheme"]
        if len(scheme) < entry["marks"]:
            fail(f"mark_scheme has {len(scheme)} point(s) for {entry['marks']} marks; give at least one point per mark",
                 "mark_scheme")
        seen: dict[str, int] = {}
        for number, point in enumerate(scheme, start=1):
            if point.strip() in seen:
                fail(f"mark_scheme point {number} repeats point {seen[point.strip()]}", "mark_scheme", number - 1)
            seen[point.strip()] = number
        super().check(entry, fail)

    def example_responses(self, question):
        everything = list(range(len(question.mark_scheme)))
        return [{"answer": question.model_answer, "points": everything}, {"answer": "A short answer.", "points": [0]},
                {"answer": "", "points": everything}, [0], None]

    def console_lines(self, question, shown):
        practical = [f"  ({question.practical})"] if question.practical else []
        return [*practical, f"  [{question.marks} marks] Write your answer; an empty line ends it."]

    def console_response(self, question, shown, ask, say):
        lines = []
        while True:
            line = ask("> ")
            if not line.strip():
                break
            lines.append(line)
        say("Now compare it with the mark scheme:")
        for number, point in enumerate(question.mark_scheme, start=1):
            say(f"  {number}. {point}")
        typed = ask("Numbers of the points your answer makes, e.g. 1 3 (Enter for none): ")
        points = [int(word) - 1 for word in re.findall(r"\d+", typed) if 1 <= int(word) <= len(question.mark_scheme)]
        return {"answer": "\n".join(lines), "points": sorted(set(points))}

    def widget(self, question, widgets, quiz):
        answer_box = widgets.Textarea(placeholder="Write your answer here", description="Answer:",
                                      continuous_update=False, layout=widgets.Layout(width="95%", height="10em"))
        point_boxes = [widgets.Checkbox(value=False, description=point, indent=False, layout=widgets.Layout(width="auto"))
                       for point in question.mark_scheme]
        scheme = widgets.VBox([widgets.HTML(
            f"<p><strong>Mark scheme</strong> ({question.marks} marks): tick each point your answer makes, "
            "then press “Check answer” to record your mark.</p>"), *point_boxes])
        scheme.layout.display = "none"
        show_scheme = widgets.Button(description="Show mark scheme",
                                     tooltip="Show the mark-scheme points, to tick those your answer makes")

        def reveal(_button=None):
            scheme.layout.display = None
            show_scheme.layout.display = "none"

        show_scheme.on_click(reveal)
        box = widgets.VBox([answer_box, show_scheme, scheme])
        box.answer_box, box.point_boxes, box.scheme = answer_box, point_boxes, scheme

        def response():
            return {"answer": answer_box.value, "points": [index for index, tick in enumerate(point_boxes) if tick.value]}

        def fill(given):
            read = question.self_assessment(given)
            answer, ticked = read if read is not None else (None, frozenset())
            answer_box.value = answer or ""
            reveal()
            for index, tick in enumerate(point_boxes):
                tick.value = index in ticked

        def after_check(_feedback):
            from stemcpd.quiz.markup import markdown_html

            return f"<p><strong>Model answer</strong></p>{markdown_html(question.model_answer)}"

        return AnswerInput(box, response, fill, after_check=after_check)

    def static_inputs_html(self, prefix, question, shown):
        from stemcpd.quiz.markup import markdown_html, markdown_inline_html

        base = f"{prefix}-{question.id}"
        practical = f'<p class="stemcpd-quiz-practical"><em>{html.escape(question.practical)}</em></p>' if question.practical else ""
        points = "".join(
            f'<li><label><input type="checkbox" class="stemcpd-quiz-point" value="{index}" disabled> '
            f"{markdown_inline_html(point)}</label></li>"
            for index, point in enumerate(question.mark_scheme)
        )
        plural = "s" if question.marks != 1 else ""
        return (
            f"{practical}"
            f'<p><label for="{base}-answer">Your answer ({question.marks} mark{plural}):</label><br>'
            f'<textarea id="{base}-answer" class="stemcpd-quiz-essay" rows="8" disabled></textarea></p>'
            f'<p><button type="button" class="stemcpd-quiz-show-scheme" aria-expanded="false" '
            f'aria-controls="{base}-scheme" disabled>Show mark scheme</button></p>'
            f'<fieldset id="{base}-scheme" class="stemcpd-quiz-scheme" hidden>'
            f"<legend>Mark scheme: tick each point your answer makes ({question.marks} mark{plural})</legend>"
            f'<ul class="stemcpd-quiz-points">{points}</ul></fieldset>'
            f'<div class="stemcpd-quiz-model-answer" hidden><p><strong>Model answer</strong></p>'
            f"{markdown_html(question.model_answer)}</div>"
        )

    def static_data(self, question):
        return {"marks": question.marks, "points": list(question.mark_scheme)}

    def reveal_html(self, question, shown):
        from stemcpd.quiz.markup import markdown_html, markdown_inline_html

        points = "".join(f"<li>{markdown_inline_html(point)}</li>" for point in question.mark_scheme)
        plural = "s" if question.marks != 1 else ""
        return (f"<p>Mark scheme ({question.marks} mark{plural}):</p><ul>{points}</ul>"
                f"<p>Model answer:</p>{markdown_html(question.model_answer)}")

    def starter_html(self, question):
        practical = f'<p class="answer-line"><em>{html.escape(question.practical)}</em></p>' if question.practical else ""
        return (f'{practical}<p class="answer-line">[{question.marks} marks]</p>'
                + '<p class="answer-line">____________________________________________</p>' * 4)

    def starter_answer_html(self, question):
        return (f"<strong>Any {question.marks} of:</strong> "
                + "; ".join(html.escape(point) for point in question.mark_scheme))

    def to_gift(self, question):
        from stemcpd.quiz.gift import _escape, gift_header

        # GIFT's essay is "{}"; the mark scheme and model answer travel as general feedback.
        return f"{gift_header(question)}{{####{_escape(general_feedback_text(question))}}}"

    def to_moodle_xml(self, quiz, question):
        from stemcpd.quiz.moodle_xml import _common, _sub, _text_field, plain_to_html

        element = _common(quiz, "essay", question, question.prompt,
                          f"{GIFT_MODEL_HEADING}: {question.model_answer}")
        element.find("defaultgrade").text = str(question.marks)
        _sub(element, "responseformat", "editor")
        _sub(element, "responserequired", "1")
        _sub(element, "responsefieldlines", "15")
        _sub(element, "attachments", "0")
        _sub(element, "attachmentsrequired", "0")
        grader = _sub(element, "graderinfo", format="html")
        points = "".join(f"<li>{html.escape(point)}</li>" for point in question.mark_scheme)
        plural = "s" if question.marks != 1 else ""
        practical = plain_to_html(question.practical) if question.practical else ""
        _sub(grader, "text", f"{practical}<p>{GIFT_SCHEME_HEADING} ({question.marks} mark{plural}): one mark per point, "
                             f"up to {question.marks}.</p><ul>{points}</ul>")
        _text_field(element, "responsetemplate", "", html_format=True)


    def to_bank_entry(self, question, placeholders):
        from stemcpd.quiz.gift import ESSAY_POINT_PLACEHOLDER, Placeholder

        if ESSAY_POINT_PLACEHOLDER in question.mark_scheme:
            placeholders.append(Placeholder(question.id, "the mark scheme", "mark_scheme", ESSAY_POINT_PLACEHOLDER))
        entry = {"id": question.id, "type": "extended_response", "prompt": question.prompt, "marks": question.marks,
                 "mark_scheme": list(question.mark_scheme), "model_answer": question.model_answer}
        if question.practical:
            entry["practical"] = question.practical
        return entry


QUESTION_TYPE = ExtendedResponse()
