"""Hinge-question slides: the module's diagnostic questions, one per slide, for the room.

A hinge question is asked of everyone at once (fingers for A–D, or mini-whiteboards),
so the trainer sees in a few seconds which ideas the room holds. For each misconception
in the module's bank, the first multiple-choice question with a wrong option tagged with
it becomes a slide (a question that diagnoses several misconceptions is shown once).
The options are lettered in the same seeded order as the printed retrieval starter and
the quiz widget, so "B" means the same on paper and on screen. The answer, and for each
wrong option the misconception behind it and what to do about it, come on the next key
press (a reveal.js fragment).

Bank text is hostile until sanitised: every prompt, option and feedback goes through
:func:`stemcpd.quiz.markup.markdown_inline_html` (allow-listed HTML, maths as MathML).
"""

from __future__ import annotations

from dataclasses import dataclass
import html

LETTERS = "ABCDEFGH"


@dataclass(frozen=True)
class Hinge:
    """One hinge question as the slides show it.

    Attributes:
        question_id: the bank's question id.
        prompt_html: the question, sanitised HTML.
        options: ``(letter, option text HTML)`` in display order.
        answer: the letter of the right option.
        answer_feedback_html: why it is right, sanitised HTML.
        wrong: ``(letter, misconception name, feedback HTML)`` for each wrong option.
    """

    question_id: str
    prompt_html: str
    options: tuple[tuple[str, str], ...]
    answer: str
    answer_feedback_html: str
    wrong: tuple[tuple[str, str, str], ...]


def hinge_questions(bank, limit: int | None = None) -> list[Hinge]:
    """The hinge questions of ``bank``, in the bank's order.

    Args:
        bank: a packaged bank's name (``"pendulum"``), a YAML path or a loaded Bank.
        limit: at most this many (None: one per misconception the bank diagnoses).
    """
    from stemcpd.quiz.catalogue import misconception_name
    from stemcpd.quiz.markup import markdown_inline_html
    from stemcpd.quiz.questions import MultipleChoiceQuestion
    from stemcpd.quiz.starter import option_order, resolve_bank

    covered: set[str] = set()
    found: list[Hinge] = []
    for question in resolve_bank(bank):
        if not isinstance(question, MultipleChoiceQuestion) or len(question.options) > len(LETTERS):
            continue
        diagnosed = {option.misconception for option in question.options if option.misconception}
        if not diagnosed - covered:
            continue
        covered |= diagnosed
        order = option_order(question)
        options, wrong, answer, answer_feedback = [], [], "", ""
        for place, index in enumerate(order):
            option = question.options[index]
            letter = LETTERS[place]
            options.append((letter, markdown_inline_html(option.text)))
            feedback = markdown_inline_html(option.feedback or "")
            if option.correct:
                answer, answer_feedback = letter, feedback
            else:
                name = misconception_name(option.misconception) if option.misconception else "A slip"
                wrong.append((letter, html.escape(name), feedback))
        found.append(Hinge(question.id, markdown_inline_html(question.prompt), tuple(options), answer,
                           answer_feedback, tuple(wrong)))
        if limit is not None and len(found) >= limit:
            break
    return found


def question_html(hinge: Hinge, number: int, total: int) -> str:
    """The slide the room answers: the question and its lettered options."""
    options = "".join(
        f'<li><span class="stemcpd-hinge-letter" aria-hidden="true">{letter}</span> {text}</li>'
        for letter, text in hinge.options
    )
    return (
        f'<div class="stemcpd-hinge" data-question="{html.escape(hinge.question_id, quote=True)}">'
        f'<p class="stemcpd-hinge-label">Hinge question {number} of {total}: everyone answers at once '
        "(fingers for A–D, or mini-whiteboards)</p>"
        f'<p class="stemcpd-hinge-prompt">{hinge.prompt_html}</p>'
        f'<ol class="stemcpd-hinge-options" type="A">{options}</ol></div>'
    )


def reveal_html(hinge: Hinge) -> str:
    """What the next key press shows: the answer, then each wrong option's thinking."""
    wrong = "".join(
        f'<li><strong>{letter}: {name}.</strong> {feedback}</li>' for letter, name, feedback in hinge.wrong
    )
    return (
        '<div class="stemcpd-hinge-reveal">'
        f'<p class="stemcpd-hinge-answer"><strong>Answer: {hinge.answer}.</strong> {hinge.answer_feedback_html}</p>'
        f'<ul class="stemcpd-hinge-wrong">{wrong}</ul></div>'
    )
