"""Formative-recall quizzes: questions as validated data, pure marking, a widget renderer.

* :mod:`stemcpd.quiz.bank` loads YAML banks checked against ``schema.json``;
* :mod:`stemcpd.quiz.questions` holds the question types and their pure
  ``mark(response) -> Feedback``;
* :mod:`stemcpd.quiz.units` reads typed quantities safely (no ``eval``);
* :mod:`stemcpd.quiz.render` draws a bank with ipywidgets.

Importing this package does not import ipywidgets or matplotlib: ``QuizWidget``
and ``show_quiz`` are loaded from :mod:`stemcpd.quiz.render` on first use.
"""

from stemcpd.quiz.bank import Bank, BankError, bank_path, load_bank, load_packaged_bank
from stemcpd.quiz.feedback import Feedback
from stemcpd.quiz.questions import MultipleChoiceQuestion, NumericQuestion, Option

__all__ = [
    "Bank",
    "BankError",
    "Feedback",
    "MultipleChoiceQuestion",
    "NumericQuestion",
    "Option",
    "bank_path",
    "load_bank",
    "load_packaged_bank",
]

_RENDER_NAMES = ("QuizWidget", "show_quiz")


def __getattr__(name: str):
    # Keeps ipywidgets out of plain imports (marking is used without Jupyter).
    if name in _RENDER_NAMES:
        from stemcpd.quiz import render

        return getattr(render, name)
    raise AttributeError(f"module 'stemcpd.quiz' has no attribute {name!r}")
