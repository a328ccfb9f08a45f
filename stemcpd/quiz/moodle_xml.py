"""Moodle XML export of stemcpd questions.

:func:`to_moodle_xml` writes the ``<quiz>`` document Moodle's "Moodle XML format"
importer reads, built with :mod:`xml.etree.ElementTree` so every character is
escaped. stemcpd text is plain: it is HTML-escaped (line breaks become ``<br>``)
before going into ``format="html"`` fields, so bank text is never taken as HTML.

Type by type:

* multiple choice → ``multichoice`` with ``<single>true</single>`` (fractions 100
  and 0); an option pair "True"/"False" → ``truefalse``;
* multiple select → ``multichoice`` with ``<single>false</single>``, each right
  option ``100/n`` % and each wrong one ``-100/n`` %, which is stemcpd's own rule
  (right ticked − wrong ticked) ÷ right, clipped to 0…1 as Moodle does;
* numeric → ``numerical``: the answer in the question's unit, the absolute
  tolerance computed from a relative one, the unit in ``<units>`` with multiplier 1,
  graded with a 0.5 penalty when missing (stemcpd gives 0.5 for a number without
  its unit); significant figures, which Moodle does not mark, are asked for in
  the prompt;
* short text → ``shortanswer`` (case-insensitive, synonyms expanded into accepted
  answers, wrong answers with feedback at fraction 0). Moodle compares the
  text exactly apart from case, so it is stricter than stemcpd about spaces
  and punctuation.

Ordering and parameterised questions raise :class:`MoodleXmlError` naming the
question (Moodle's ordering plugin is not standard; a calculated question's
formula is not a stemcpd model), unless ``skip_unsupported=True``, which leaves an
XML comment in their place. Misconception ids have no Moodle field and are not
exported.
"""

from __future__ import annotations

import html
import xml.etree.ElementTree as ElementTree
from collections.abc import Iterable

from stemcpd.quiz.gift import (
    TRUE_FALSE_TEXTS,
    Question,
    accepted_phrasings,
    format_fraction,
    format_number,
    multiple_select_fractions,
    tolerance_for_export,
    unsupported_reason,
)
from stemcpd.quiz.questions import (
    MultipleChoiceQuestion,
    MultipleSelectQuestion,
    NumericQuestion,
)

MISSING_UNIT_PENALTY = 0.5
"""Fraction of the mark lost for a number without its unit, as stemcpd marks it."""


class MoodleXmlError(ValueError):
    """A question Moodle XML cannot hold; the message names it."""

    def __init__(self, problem: str, question_id: str):
        self.problem = problem
        self.question_id = question_id
        super().__init__(f"Moodle XML question {question_id!r}: {problem}")


def plain_to_html(text: str) -> str:
    """Plain text as safe HTML: escaped, paragraphs in ``<p>``, line breaks as ``<br>``."""
    paragraphs = [paragraph for paragraph in text.replace("\r", "").split("\n\n") if paragraph.strip()]
    return "".join(
        "<p>" + "<br>".join(html.escape(line) for line in paragraph.strip().split("\n")) + "</p>"
        for paragraph in paragraphs
    )


def _sub(parent: ElementTree.Element, tag: str, text: str | None = None, **attributes: str) -> ElementTree.Element:
    element = ElementTree.SubElement(parent, tag, attributes)
    if text is not None:
        element.text = text
    return element


def _text_field(parent: ElementTree.Element, tag: str, text: str, html_format: bool = True) -> ElementTree.Element:
    attributes = {"format": "html"} if html_format else {}
    element = _sub(parent, tag, **attributes)
    _sub(element, "text", plain_to_html(text) if html_format else text)
    return element


def _answer(parent: ElementTree.Element, fraction: str, text: str, feedback: str, html_text: bool = True) -> ElementTree.Element:
    answer = _sub(parent, "answer", fraction=fraction, format="html" if html_text else "moodle_auto_format")
    _sub(answer, "text", plain_to_html(text) if html_text else text)
    _text_field(answer, "feedback", feedback)
    return answer


def _common(quiz: ElementTree.Element, kind: str, question: Question, prompt: str, general_feedback: str = "") -> ElementTree.Element:
    element = _sub(quiz, "question", type=kind)
    name = _sub(element, "name")
    _sub(name, "text", question.id)
    _text_field(element, "questiontext", prompt)
    _text_field(element, "generalfeedback", general_feedback)
    _sub(element, "defaultgrade", "1")
    _sub(element, "penalty", "0.3333333")
    _sub(element, "hidden", "0")
    _sub(element, "idnumber", question.id)
    return element


def _add_question(quiz: ElementTree.Element, question: Question) -> None:
    if isinstance(question, MultipleChoiceQuestion) and tuple(o.text for o in question.options) == TRUE_FALSE_TEXTS:
        element = _common(quiz, "truefalse", question, question.prompt)
        for option in question.options:
            _answer(element, "100" if option.correct else "0", option.text.lower(), option.feedback, html_text=False)
    elif isinstance(question, (MultipleChoiceQuestion, MultipleSelectQuestion)):
        single = isinstance(question, MultipleChoiceQuestion)
        element = _common(quiz, "multichoice", question, question.prompt)
        _sub(element, "single", "true" if single else "false")
        _sub(element, "shuffleanswers", "false")  # stemcpd shows options in the bank's order
        _sub(element, "answernumbering", "abc")
        if single:
            fractions = [option.score * 100 for option in question.options]
        else:
            fractions = multiple_select_fractions(question)
        for option, fraction in zip(question.options, fractions):
            _answer(element, format_fraction(fraction), option.text, option.feedback)
        for tag in ("correctfeedback", "partiallycorrectfeedback", "incorrectfeedback"):
            _text_field(element, tag, "")
        if not single:
            _sub(element, "shownumcorrect")
    elif isinstance(question, NumericQuestion):
        prompt = question.prompt
        if question.sig_figs:
            plural = "s" if question.sig_figs > 1 else ""
            prompt += f" Give your answer to {question.sig_figs} significant figure{plural}."
        element = _common(quiz, "numerical", question, prompt)
        answer = _answer(element, "100", format_number(question.answer), "", html_text=False)
        _sub(answer, "tolerance", format_number(tolerance_for_export(question)))
        if question.unit:
            units = _sub(element, "units")
            unit = _sub(units, "unit")
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
    else:  # ShortTextQuestion, as unsupported_reason has let through
        element = _common(quiz, "shortanswer", question, question.prompt, question.explanation)
        _sub(element, "usecase", "0")
        for phrasing in accepted_phrasings(question):
            # "*" is Moodle's wildcard; "\*" is a literal asterisk
            _answer(element, "100", phrasing.replace("*", "\\*"), "", html_text=False)
        for wrong in question.wrong_answers:
            _answer(element, "0", wrong.text.replace("*", "\\*"), wrong.feedback, html_text=False)


def to_moodle_xml(
    questions: Iterable[Question], category: str | None = None, *, skip_unsupported: bool = False
) -> str:
    """Write questions as a Moodle XML ``<quiz>`` document.

    Args:
        questions: stemcpd questions, e.g. a loaded bank.
        category: Question-bank category to import into (``"Physics/Pendulum"``),
            written as ``$course$/top/<category>``; None leaves Moodle's choice.
        skip_unsupported: Write an XML comment instead of raising for ordering and
            parameterised questions.

    Returns:
        The XML document, UTF-8 declared, one ``<question>`` per exported question.

    Raises:
        MoodleXmlError: Naming the first question Moodle XML cannot hold (unless skipped).
    """
    quiz = ElementTree.Element("quiz")
    if category is not None:
        if not isinstance(category, str) or not category.strip():
            raise ValueError(f"category must be a non-empty string, got {category!r}")
        path = category.strip() if category.strip().startswith("$") else f"$course$/top/{category.strip()}"
        element = _sub(quiz, "question", type="category")
        _sub(_sub(element, "category"), "text", path)
    for question in questions:
        reason = unsupported_reason(question)
        question_id = getattr(question, "id", repr(question)[:40])
        if reason is not None:
            if not skip_unsupported:
                raise MoodleXmlError(reason, question_id)
            quiz.append(ElementTree.Comment(f" skipped {question_id.replace('--', '- -')}: {reason} "))
            continue
        try:
            _add_question(quiz, question)
        except ValueError as error:
            raise MoodleXmlError(str(error).split(": ", 1)[-1], question_id) from None
    ElementTree.indent(quiz)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ElementTree.tostring(quiz, encoding="unicode") + "\n"
