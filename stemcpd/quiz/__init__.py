"""Formative-recall quizzes: questions as validated data, pure marking, a widget renderer.

* :mod:`stemcpd.quiz.bank` loads YAML banks checked against ``schema.json``;
* :mod:`stemcpd.quiz.questions` holds the question types and their pure
  ``mark(response) -> Feedback``: multiple choice, multiple select, numeric,
  ordering and short text;
* :mod:`stemcpd.quiz.parameterised` holds numeric questions whose values are drawn
  afresh for each attempt and whose answers come from stemcpd's models;
* :mod:`stemcpd.quiz.feedback` holds :class:`Feedback` and the confidence rules
  (:func:`apply_confidence`, :func:`is_confident_error`);
* :mod:`stemcpd.quiz.catalogue` loads the misconception catalogue
  (``misconceptions/*.yaml``);
* :mod:`stemcpd.quiz.units` reads typed quantities safely (no ``eval``);
* :mod:`stemcpd.quiz.render` draws a bank with ipywidgets.

Importing this package does not import ipywidgets or matplotlib: ``QuizWidget``
and ``show_quiz`` are loaded from :mod:`stemcpd.quiz.render` on first use.
"""

from stemcpd.quiz.bank import Bank, BankError, Question, bank_path, load_bank, load_packaged_bank
from stemcpd.quiz.catalogue import CatalogueError, Misconception, catalogue, load_catalogue
from stemcpd.quiz.feedback import Feedback, apply_confidence, is_confident_error
from stemcpd.quiz.parameterised import ParameterisedNumericQuestion, Variable
from stemcpd.quiz.questions import (
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
    "Misconception",
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
    "is_confident_error",
    "load_bank",
    "load_catalogue",
    "load_packaged_bank",
]

_RENDER_NAMES = ("QuizWidget", "show_quiz")


def __getattr__(name: str):
    # Keeps ipywidgets out of plain imports (marking is used without Jupyter).
    if name in _RENDER_NAMES:
        from stemcpd.quiz import render

        return getattr(render, name)
    raise AttributeError(f"module 'stemcpd.quiz' has no attribute {name!r}")
