"""Formative-recall quizzes: questions as validated data, pure marking, a widget renderer.

* :mod:`stemcpd.quiz.bank` loads YAML banks checked against ``schema.json``;
* :mod:`stemcpd.quiz.questions` holds the question dataclasses and their pure
  ``mark(response) -> Feedback``: multiple choice, multiple select, numeric,
  ordering, short text, matching and extended response;
* :mod:`stemcpd.quiz.parameterised` holds numeric questions whose values are drawn
  afresh for each attempt and whose answers come from stemcpd's models;
* :mod:`stemcpd.quiz.feedback` holds :class:`Feedback` and the confidence rules
  (:func:`apply_confidence`, :func:`is_confident_error`);
* :mod:`stemcpd.quiz.catalogue` loads the misconception catalogue
  (``misconceptions/*.yaml``);
* :mod:`stemcpd.quiz.units` reads typed quantities safely (no ``eval``);
* :mod:`stemcpd.quiz.render` draws a bank with ipywidgets;
* :mod:`stemcpd.quiz.static` (:func:`to_html`) makes a bank a kernel-free quiz for
  the static book, marked in the browser; :mod:`stemcpd.quiz.markup` renders bank
  Markdown to sanitised HTML;
* :mod:`stemcpd.quiz.types` is the registry of question types: one module per type
  owns how it is read, checked, marked and written to every output;
* answers are kept in the one CPD record (:class:`stemcpd.cpd.store.ProgressStore`);
  :mod:`stemcpd.quiz.progress` exports and imports them, :mod:`stemcpd.quiz.schedule`
  schedules retrieval with FSRS and :mod:`stemcpd.quiz.review` runs a review
  session at the terminal (``stemcpd quiz review``),
  :mod:`stemcpd.quiz.starter` prints retrieval starters and
  :mod:`stemcpd.quiz.diagnostic` is the course's needs analysis;
* :mod:`stemcpd.quiz.gift` and :mod:`stemcpd.quiz.moodle_xml` exchange questions with
  Moodle (:func:`from_gift`, :func:`to_gift`, :func:`to_moodle_xml`).

Importing this package does not import ipywidgets or matplotlib: ``QuizWidget``
and ``show_quiz`` are loaded from :mod:`stemcpd.quiz.render` on first use, and
``to_html`` from :mod:`stemcpd.quiz.static` (which loads markdown-it when called).
"""

from stemcpd.quiz.bank import Bank, BankError, Question, bank_path, load_bank, load_packaged_bank
from stemcpd.quiz.catalogue import CatalogueError, Misconception, catalogue, load_catalogue
from stemcpd.quiz.feedback import Feedback, apply_confidence, is_confident_error
from stemcpd.quiz.gift import GiftError, from_gift, to_gift
from stemcpd.quiz.moodle_xml import MoodleXmlError, to_moodle_xml
from stemcpd.quiz.parameterised import ParameterisedNumericQuestion, Variable
from stemcpd.quiz.questions import (
    ExtendedResponseQuestion,
    MatchingQuestion,
    MultipleChoiceQuestion,
    MultipleSelectQuestion,
    NumericQuestion,
    Option,
    OrderingQuestion,
    ShortTextQuestion,
    WrongAnswer,
)

__all__ = [
    "Bank",
    "BankError",
    "CatalogueError",
    "Feedback",
    "GiftError",
    "Misconception",
    "MoodleXmlError",
    "ExtendedResponseQuestion",
    "MatchingQuestion",
    "MultipleChoiceQuestion",
    "MultipleSelectQuestion",
    "NumericQuestion",
    "Option",
    "OrderingQuestion",
    "ParameterisedNumericQuestion",
    "Question",
    "ShortTextQuestion",
    "Variable",
    "WrongAnswer",
    "apply_confidence",
    "bank_path",
    "catalogue",
    "from_gift",
    "is_confident_error",
    "load_bank",
    "load_catalogue",
    "load_packaged_bank",
    "to_gift",
    "to_html",
    "to_moodle_xml",
]

_RENDER_NAMES = ("QuizWidget", "show_quiz")


def __getattr__(name: str):
    # Keeps ipywidgets out of plain imports (marking is used without Jupyter).
    if name in _RENDER_NAMES:
        from stemcpd.quiz import render

        return getattr(render, name)
    if name == "to_html":
        from stemcpd.quiz.static import to_html

        return to_html
    raise AttributeError(f"module 'stemcpd.quiz' has no attribute {name!r}")
