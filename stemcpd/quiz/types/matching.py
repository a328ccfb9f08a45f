"""Matching: pair each left item with one on the right (Moodle's ``match`` type).

On screen each left item has a labelled drop-down of the right items (shuffled, the
same order every time), so it works from the keyboard and with a screen reader;
there is no drag and drop to get stuck in. Each pair earns an equal share.
"""

from __future__ import annotations

import html

from stemcpd.quiz.questions import MatchingQuestion
from stemcpd.quiz.types import AnswerInput, QuestionType, Unsupported
from stemcpd.quiz.types._choice import LETTERS


class Matching(QuestionType):
    name = "matching"
    question_class = MatchingQuestion
    static_kind = "matching"

    def read(self, entry, topic):
        return MatchingQuestion(entry["id"], entry["prompt"], tuple((pair["left"], pair["right"]) for pair in entry["pairs"]),
                                entry.get("explanation", ""), topic)

    def check(self, entry, fail):
        for side in ("left", "right"):
            seen: dict[str, int] = {}
            for number, pair in enumerate(entry["pairs"], start=1):
                text = pair[side].strip()
                if text in seen:
                    fail(f"pair {number} repeats the {side} item of pair {seen[text]}; every {side} item must be different",
                         "pairs", number - 1, side)
                seen[text] = number
        super().check(entry, fail)

    def example_responses(self, question):
        count = len(question.pairs)
        return [list(range(count)), list(reversed(range(count))), dict(question.pairs), [0] * count, [None] * count, None]

    def console_lines(self, question, shown):
        from stemcpd.quiz.static import display_order

        return [f"  {LETTERS[position]}. {question.rights[index]}" for position, index in enumerate(display_order(question))]

    def console_response(self, question, shown, ask, say):
        from stemcpd.quiz.static import display_order
        from stemcpd.quiz.types._choice import letter_indexes

        order = display_order(question)
        chosen = []
        for left in question.lefts:
            letters = letter_indexes(ask(f"{left}: which letter? "), order)
            chosen.append(letters[0] if len(letters) == 1 and isinstance(letters[0], int) else None)
        return chosen

    def widget(self, question, widgets, quiz):
        from stemcpd.quiz.static import display_order

        order = display_order(question)
        dropdowns = [
            widgets.Dropdown(options=[("(choose)", None), *[(question.rights[index], index) for index in order]],
                             value=None, description=left, style={"description_width": "initial"},
                             layout=widgets.Layout(width="auto"))
            for left in question.lefts
        ]
        box = widgets.VBox([widgets.HTML("<p><em>Choose the match for each item.</em></p>"), *dropdowns])
        box.dropdowns = dropdowns

        def fill(response):
            chosen = question.matches(response) or [None] * len(question.pairs)
            for dropdown, index in zip(dropdowns, chosen):
                dropdown.value = index

        return AnswerInput(box, lambda: [dropdown.value for dropdown in dropdowns], fill)

    def static_inputs_html(self, prefix, question, shown):
        from stemcpd.quiz.markup import markdown_inline_html
        from stemcpd.quiz.static import display_order

        # Option text is plain (a <select> cannot hold markup): escaped, never parsed.
        choices = '<option value="">(choose)</option>' + "".join(
            f'<option value="{index}">{html.escape(question.rights[index])}</option>' for index in display_order(question)
        )
        rows = "".join(
            f'<li><label for="{prefix}-{question.id}-match-{number}">{markdown_inline_html(left)}</label> '
            f'<select id="{prefix}-{question.id}-match-{number}" class="stemcpd-quiz-match" data-left="{number}" '
            f"disabled>{choices}</select></li>"
            for number, left in enumerate(question.lefts)
        )
        return f'<p><em>Choose the match for each item.</em></p><ol class="stemcpd-quiz-matching">{rows}</ol>'

    def static_data(self, question):
        from stemcpd.quiz.questions import _quoted

        return {"lefts": [_quoted(left) for left in question.lefts], "rights": [_quoted(right) for right in question.rights],
                "explanation": question.explanation}

    def reveal_html(self, question, shown):
        from stemcpd.quiz.markup import markdown_html, markdown_inline_html

        pairs = "".join(f"<li>{markdown_inline_html(left)} → {markdown_inline_html(right)}</li>" for left, right in question.pairs)
        return f"<ul>{pairs}</ul>{markdown_html(question.explanation) if question.explanation else ''}"

    def starter_html(self, question):
        from stemcpd.quiz.static import display_order

        rights = "".join(
            f'<li><span class="letter">{LETTERS[position]}.</span> {html.escape(question.rights[index])}</li>'
            for position, index in enumerate(display_order(question))
        )
        lefts = "".join(f"<li>{html.escape(left)} → ____</li>" for left in question.lefts)
        return f'<ol class="options">{rights}</ol><ol class="matching">{lefts}</ol>'

    def starter_answer_html(self, question):
        from stemcpd.quiz.static import display_order

        order = display_order(question)
        return "<strong>" + ", ".join(f"{place + 1}{LETTERS[order.index(place)]}" for place in range(len(question.pairs))) + "</strong>"

    def to_gift(self, question):
        from stemcpd.quiz.gift import _escape, gift_header

        if any("->" in text for pair in question.pairs for text in pair):
            raise Unsupported("an item contains '->', which GIFT reads as the arrow between a pair")
        lines = [f"\t={_escape(left)} -> {_escape(right)}" for left, right in question.pairs]
        general = f"\n\t####{_escape(question.explanation)}" if question.explanation else ""
        return gift_header(question) + "{\n" + "\n".join(lines) + general + "\n}"

    def to_moodle_xml(self, quiz, question):
        from stemcpd.quiz.moodle_xml import _common, _sub, _text_field, plain_to_html

        element = _common(quiz, "match", question, question.prompt, question.explanation)
        _sub(element, "shuffleanswers", "true")
        for tag in ("correctfeedback", "partiallycorrectfeedback", "incorrectfeedback"):
            _text_field(element, tag, "")
        _sub(element, "shownumcorrect")
        for left, right in question.pairs:
            sub_question = _sub(element, "subquestion", format="html")
            _sub(sub_question, "text", plain_to_html(left))
            _sub(_sub(sub_question, "answer"), "text", right)


    def to_bank_entry(self, question, placeholders):
        entry = {"id": question.id, "type": "matching", "prompt": question.prompt,
                 "pairs": [{"left": left, "right": right} for left, right in question.pairs]}
        if question.explanation:
            entry["explanation"] = question.explanation
        return entry


QUESTION_TYPE = Matching()
