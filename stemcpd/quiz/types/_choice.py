"""What multiple choice and multiple select share: options shown in a seeded
shuffle, inputs on the static page, and the answer key and reveal rows."""

from __future__ import annotations

import html

LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def option_rows_html(question, multiple: bool) -> str:
    """The reveal's list: each option (in display order) with its verdict and feedback."""
    from stemcpd.quiz.catalogue import misconception_name
    from stemcpd.quiz.markup import markdown_inline_html
    from stemcpd.quiz.static import display_order

    rows = []
    for index in display_order(question):
        option = question.options[index]
        if option.correct:
            verdict = "✓ tick" if multiple else "✓ correct"
        elif getattr(option, "credit", None):
            verdict = f"◐ partly right ({option.credit:g}% credit)"
        else:
            named = f"misconception: {html.escape(misconception_name(option.misconception))}" if option.misconception else ""
            verdict = ("✗ leave" if multiple else "✗ wrong") + (f" ({named})" if named else "")
        rows.append(f"<li><strong>{verdict}</strong> — {markdown_inline_html(option.text)}: "
                    f"{markdown_inline_html(option.feedback)}</li>")
    return f"<ul>{''.join(rows)}</ul>"


def option_inputs_html(prefix: str, question, multiple: bool) -> str:
    """Radio buttons or checkboxes, one per option in display order, disabled until wired."""
    from stemcpd.quiz.markup import markdown_inline_html
    from stemcpd.quiz.static import display_order

    input_type = "checkbox" if multiple else "radio"
    items = [
        f'<li><label><input type="{input_type}" name="{prefix}-{question.id}" value="{index}" disabled> '
        f"{markdown_inline_html(question.options[index].text)}</label></li>"
        for index in display_order(question)
    ]
    hint = "<p><em>Tick all that apply.</em></p>" if multiple else ""
    return f'{hint}<ol type="A" class="stemcpd-quiz-options">{"".join(items)}</ol>'


def option_data(question) -> list[dict]:
    """Each option's correctness, credit, feedback (HTML) and misconception, for the engine."""
    from stemcpd.quiz.markup import markdown_inline_html
    from stemcpd.quiz.questions import _quoted
    from stemcpd.quiz.static import misconception_note

    return [
        {
            "index": index,
            "correct": option.correct,
            "credit": option.score,
            "quoted": _quoted(option.text),
            "feedback": markdown_inline_html(option.feedback) if option.feedback else "",
            "misconception": misconception_note(None if option.correct else option.misconception),
        }
        for index, option in enumerate(question.options)
    ]


def starter_options_html(question, multiple: bool) -> str:
    from stemcpd.quiz.static import display_order

    options = "".join(
        f'<li><span class="letter">{LETTERS[position]}.</span> {html.escape(question.options[index].text)}</li>'
        for position, index in enumerate(display_order(question))
    )
    hint = '<p class="answer-line">Choose all that apply.</p>' if multiple else ""
    return f'{hint}<ol class="options">{options}</ol>'


def starter_key_html(question) -> str:
    from stemcpd.quiz.static import display_order

    return "; ".join(
        f"<strong>{LETTERS[place]}</strong>: {html.escape(question.options[index].text)}"
        for place, index in enumerate(display_order(question)) if question.options[index].correct
    )


def moodle_choice(quiz, question, single: bool, fractions: list[float]) -> None:
    """A ``multichoice`` question: options in display order (shuffled), and Moodle shuffles them too."""
    from stemcpd.quiz.gift import format_fraction
    from stemcpd.quiz.moodle_xml import _answer, _common, _sub, _text_field
    from stemcpd.quiz.static import display_order

    element = _common(quiz, "multichoice", question, question.prompt)
    _sub(element, "single", "true" if single else "false")
    # Banks list the right option first; exported as written, every answer would be (a).
    _sub(element, "shuffleanswers", "true")
    _sub(element, "answernumbering", "abc")
    for index in display_order(question):
        option = question.options[index]
        _answer(element, format_fraction(fractions[index]), option.text, option.feedback)
    for tag in ("correctfeedback", "partiallycorrectfeedback", "incorrectfeedback"):
        _text_field(element, tag, "")
    if not single:
        _sub(element, "shownumcorrect")


def choice_widget(question, widgets, multiple: bool):
    from stemcpd.quiz.static import display_order
    from stemcpd.quiz.types import AnswerInput

    order = display_order(question)
    if not multiple:
        # Values are indexes, so repeated or odd option text cannot confuse marking.
        radio = widgets.RadioButtons(options=[(question.options[index].text, index) for index in order], value=None,
                                     layout=widgets.Layout(width="auto"))

        def fill(response):
            radio.value = question.option_index(response)

        return AnswerInput(radio, lambda: radio.value, fill)
    checkboxes = [widgets.Checkbox(value=False, description=question.options[index].text, indent=False,
                                   layout=widgets.Layout(width="auto")) for index in order]
    box = widgets.VBox([widgets.HTML("<p><em>Tick all that apply.</em></p>"), *checkboxes])
    box.checkboxes = checkboxes

    def response():
        return sorted(index for index, checkbox in zip(order, checkboxes) if checkbox.value)

    def fill_many(given):
        read = question.selection(given)
        chosen = read[0] if read is not None else frozenset()
        for index, checkbox in zip(order, checkboxes):
            checkbox.value = index in chosen

    return AnswerInput(box, response, fill_many)


def check_options(entry: dict, fail, single: bool) -> None:
    """The option rules a schema cannot state, for multiple choice (``single``) or select."""
    options = entry["options"]
    correct_count = sum(option.get("correct", False) for option in options)
    if single and correct_count != 1:
        fail(f"needs exactly one correct option, found {correct_count}", "options")
    if not single and correct_count == 0:
        fail("needs at least one correct option, found 0", "options")
    seen_texts: set[str] = set()
    for number, option in enumerate(options, start=1):
        if option["text"].strip() in seen_texts:
            fail(f"option {number} repeats the text of an earlier option", "options", number - 1)
        seen_texts.add(option["text"].strip())
        if "credit" in option:
            if not single:
                fail(f"option {number} has 'credit', which only a multiple_choice option can carry "
                     "(a multiple_select question gives partial credit by itself)", "options", number - 1, "credit")
            if option.get("correct", False):
                fail(f"option {number} is correct, so it already earns full credit; remove 'credit'",
                     "options", number - 1, "credit")
            if not 0 < option["credit"] < 100:
                fail(f"option {number} credit must be between 0 and 100 (a percentage), "
                     f"not {option['credit']!r}", "options", number - 1, "credit")
        if option.get("correct", False):
            if not single and "feedback" not in option:
                fail(f"right option {number} has no feedback (said when a learner misses it)", "options", number - 1)
            continue
        missing = [name for name in ("misconception", "feedback") if name not in option]
        if missing:
            fail(f"distractor option {number} has no {' or '.join(missing)}", "options", number - 1)


def letter_indexes(text: str, order: list[int]) -> list:
    """Letters typed at the terminal ("A C", "a,c", "AC") as item indexes in ``order``;
    a letter beyond the list stays as typed, so marking calls it unrecognised."""
    found: list = []
    for character in text.upper():
        if character.isalpha():
            position = LETTERS.find(character)
            found.append(order[position] if 0 <= position < len(order) else character)
    return found


def console_options(question) -> list[str]:
    from stemcpd.quiz.static import display_order

    return [f"  {LETTERS[position]}. {question.options[index].text}"
            for position, index in enumerate(display_order(question))]
