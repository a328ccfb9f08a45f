"""Moodle XML export of stemcpd questions.

:func:`to_moodle_xml` writes the ``<quiz>`` document Moodle's "Moodle XML format"
importer reads, built with :mod:`xml.etree.ElementTree` so every character is
escaped. stemcpd text is plain: it is HTML-escaped (line breaks become ``<br>``)
before going into ``format="html"`` fields, so bank text is never taken as HTML.

Each question's type (:mod:`stemcpd.quiz.types`) writes its own element. Type by type:

* multiple choice → ``multichoice`` with ``<single>true</single>`` (fractions 100,
  a partial-credit option's own percentage, and 0); an option pair "True"/"False"
  → ``truefalse``. Choice and matching questions are written with
  ``<shuffleanswers>true</shuffleanswers>`` and their options already in the
  quiz's seeded shuffle (:func:`stemcpd.quiz.static.display_order`): banks list the
  right option first, so as written every answer would be (a);
* multiple select → ``multichoice`` with ``<single>false</single>``, each right
  option ``100/n`` % and each wrong one ``-100/n`` %, which is stemcpd's own rule
  (right ticked − wrong ticked) ÷ right, clipped to 0…1 as Moodle does;
* numeric → ``numerical``: the answer in the question's unit, the absolute
  tolerance computed from a relative one, the unit in ``<units>`` with multiplier 1,
  graded with a 0.5 penalty when missing (stemcpd gives 0.5 for a number without
  its unit); significant figures, which Moodle does not mark, are asked for in
  the prompt; listed wrong answers are 0 % answers with their feedback;
* matching → ``match``, one ``<subquestion>`` per pair;
* extended response → ``essay`` (graded out of its marks by a person), the mark
  scheme as ``<graderinfo>`` and the model answer as general feedback;
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

from stemcpd.quiz import types
from stemcpd.quiz.gift import Question

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
        question_id = getattr(question, "id", repr(question)[:40])
        try:
            # Each question's type writes its own element (stemcpd.quiz.types).
            types.question_type(question).to_moodle_xml(quiz, question)
        except TypeError:
            reason = f"{type(question).__name__} is not a stemcpd question type"
        except types.Unsupported as error:
            reason = str(error)
        except ValueError as error:
            raise MoodleXmlError(str(error).split(": ", 1)[-1], question_id) from None
        else:
            continue
        if not skip_unsupported:
            raise MoodleXmlError(reason, question_id)
        quiz.append(ElementTree.Comment(f" skipped {question_id.replace('--', '- -')}: {reason} "))
    ElementTree.indent(quiz)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ElementTree.tostring(quiz, encoding="unicode") + "\n"
