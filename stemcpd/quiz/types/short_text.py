"""Short text: a word or phrase, compared ignoring case, spaces and punctuation,
with synonyms; listed wrong answers carry a misconception (Moodle short answer)."""

from __future__ import annotations

import html

from stemcpd.quiz.questions import ShortTextQuestion, WrongAnswer
from stemcpd.quiz.types import AnswerInput, QuestionType


class ShortText(QuestionType):
    name = "short_text"
    question_class = ShortTextQuestion

    def read(self, entry, topic):
        return ShortTextQuestion(
            entry["id"], entry["prompt"], tuple(entry["answers"]),
            tuple(tuple(group) for group in entry.get("synonyms", ())),
            tuple(WrongAnswer(wrong["text"], wrong["feedback"], wrong["misconception"])
                  for wrong in entry.get("wrong_answers", ())),
            entry.get("explanation", ""), topic,
        )

    def check(self, entry, fail):
        try:
            built = self.read(entry, "")
        except ValueError as error:
            fail(str(error).split(": ", 1)[-1], "answers")
        seen: dict[str, int] = {}
        for number, wrong in enumerate(built.wrong_answers, start=1):
            canonical = built.canonical(wrong.text)
            if canonical in seen:
                fail(f"wrong answer {number} matches wrong answer {seen[canonical]}", "wrong_answers", number - 1)
            seen[canonical] = number

    def example_responses(self, question):
        return [question.answers[0], *[wrong.text for wrong in question.wrong_answers], "something else", "", None]

    def widget(self, question, widgets, quiz):
        # continuous_update=False: one update when the box loses focus, before "Check answer".
        box = widgets.Text(placeholder="a word or short phrase", description="Answer:", continuous_update=False)
        return AnswerInput(box, lambda: box.value, lambda response: setattr(box, "value", "" if response is None else str(response)))

    def reveal_html(self, question, shown):
        from stemcpd.quiz.markup import markdown_html, markdown_inline_html
        from stemcpd.quiz.static import _named

        accepted = ", ".join(html.escape(answer) for answer in question.answers)
        wrong = "".join(
            f"<li>✗ {html.escape(entry.text)}{_named(entry.misconception)}: {markdown_inline_html(entry.feedback)}</li>"
            for entry in question.wrong_answers
        )
        explanation = markdown_html(question.explanation) if question.explanation else ""
        return f"<p>Accepted: {accepted}</p>{explanation}{f'<ul>{wrong}</ul>' if wrong else ''}"

    def starter_answer_html(self, question):
        return "<strong>" + " / ".join(html.escape(text) for text in question.answers) + "</strong>"

    def to_gift(self, question):
        from stemcpd.quiz.gift import GiftError, _escape, _feedback, accepted_phrasings, gift_header

        texts = [question.prompt, question.explanation, *(wrong.feedback for wrong in question.wrong_answers)]
        phrasings = accepted_phrasings(question)
        if any("->" in text for text in [*texts, *phrasings, *(wrong.text for wrong in question.wrong_answers)]):
            raise GiftError("contains '->', which Moodle would read as a matching question", question.id)
        lines = [f"\t={'%100%' if text.startswith('%') else ''}{_escape(text.replace('*', chr(92) + '*'))}"
                 for text in phrasings]
        lines += [f"\t=%0%{_escape(wrong.text.replace('*', chr(92) + '*'))}{_feedback(wrong.feedback)}"
                  for wrong in question.wrong_answers]
        if question.explanation:
            lines.append(f"\t####{_escape(question.explanation)}")
        return gift_header(question) + "{\n" + "\n".join(lines) + "\n}"

    def to_moodle_xml(self, quiz, question):
        from stemcpd.quiz.gift import accepted_phrasings
        from stemcpd.quiz.moodle_xml import _answer, _common, _sub

        element = _common(quiz, "shortanswer", question, question.prompt, question.explanation)
        _sub(element, "usecase", "0")
        for phrasing in accepted_phrasings(question):
            # "*" is Moodle's wildcard; "\*" is a literal asterisk
            _answer(element, "100", phrasing.replace("*", "\\*"), "", html_text=False)
        for wrong in question.wrong_answers:
            _answer(element, "0", wrong.text.replace("*", "\\*"), wrong.feedback, html_text=False)


    def to_bank_entry(self, question, placeholders):
        from stemcpd.quiz.gift import (UNCLASSIFIED_MISCONCEPTION, WRONG_ANSWER_FEEDBACK_PLACEHOLDER, Placeholder,
                                       _short)

        entry = {"id": question.id, "type": "short_text", "prompt": question.prompt, "answers": list(question.answers)}
        if question.synonyms:
            entry["synonyms"] = [list(group) for group in question.synonyms]
        wrong_entries = []
        for number, wrong in enumerate(question.wrong_answers, start=1):
            where = f"wrong answer {number} {_short(wrong.text)!r}"
            if not wrong.feedback:
                placeholders.append(Placeholder(question.id, where, "feedback", WRONG_ANSWER_FEEDBACK_PLACEHOLDER))
            if not wrong.misconception:
                placeholders.append(Placeholder(question.id, where, "misconception", UNCLASSIFIED_MISCONCEPTION))
            wrong_entries.append({"text": wrong.text, "feedback": wrong.feedback or WRONG_ANSWER_FEEDBACK_PLACEHOLDER,
                                  "misconception": wrong.misconception or UNCLASSIFIED_MISCONCEPTION})
        if wrong_entries:
            entry["wrong_answers"] = wrong_entries
        if question.explanation:
            entry["explanation"] = question.explanation
        return entry


QUESTION_TYPE = ShortText()
