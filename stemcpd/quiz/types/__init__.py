"""The registry of question types: one module per type, found, not listed.

A question type is everything stemcpd does with one kind of question, kept in
one module of this package (``multiple_choice.py``, ``numeric.py``, …) that
defines ``QUESTION_TYPE``, an instance of a :class:`QuestionType` subclass:

* **read** it from a bank (:meth:`QuestionType.read`) after the schema check, and
  check the rules a schema cannot state (:meth:`QuestionType.check`);
* **mark** a response (:meth:`QuestionType.mark`, the question's own pure
  ``mark``; numeric comparison stays in :mod:`stemcpd.quiz.questions`);
* **write** it to every output: the live ipywidget (:meth:`QuestionType.widget`),
  the static page (:meth:`QuestionType.static_inputs_html`,
  :meth:`QuestionType.static_data` for ``static_quiz.js``, whose engine has one
  entry per ``static_kind``, and :meth:`QuestionType.reveal_html`), the printable
  starter (:meth:`QuestionType.starter_html`, :meth:`QuestionType.starter_answer_html`),
  GIFT (:meth:`QuestionType.to_gift`), Moodle XML (:meth:`QuestionType.to_moodle_xml`)
  and the terminal (:meth:`QuestionType.console_lines`, :meth:`QuestionType.console_response`,
  used by ``stemcpd quiz review``).

Renderers never test a question's class: they ask :func:`question_type` for the
question's type and call it. What a format cannot express raises
:class:`Unsupported` with the reason, so exporters report it by question.

Why a registry: before it, adding a type meant editing about ten files (57
``isinstance`` checks). Now it is one module here, one entry in ``schema.json``
and, for the static page, one entry in ``static_quiz.js``'s ``KINDS``;
``tests/quiz/test_every_question_type.py`` runs every registered type through
every output and the marking fuzz, so a type that forgets an output fails there.

Importing this package imports no ipywidgets: :meth:`QuestionType.widget` is
handed the ``ipywidgets`` module by the renderer.
"""

from __future__ import annotations

import functools
import importlib
import pkgutil
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable, NoReturn

from stemcpd.quiz.feedback import Feedback

if TYPE_CHECKING:
    from xml.etree.ElementTree import Element

Fail = Callable[..., NoReturn]
"""``fail(problem, *path)``: raise a BankError at a path inside the question."""


class Unsupported(ValueError):
    """An output format cannot express this question; the message says why."""


@dataclass
class AnswerInput:
    """A question's input in the live widget, as its type built it.

    Attributes:
        widget: What the card shows (an ipywidgets widget).
        response: Returns what the learner has entered, in the form ``mark`` reads.
        fill: Puts a response into the input (as a learner would enter it).
        controls: Extra buttons shown under the input (Move up, New values, …).
        after_check: HTML added under the feedback after a check (e.g. a model
            answer), given the feedback; None adds nothing.
    """

    widget: Any
    response: Callable[[], object]
    fill: Callable[[object], None]
    controls: list = field(default_factory=list)
    after_check: Callable[[Feedback], str] | None = None


class QuestionType:
    """One kind of question and every way stemcpd reads, marks and writes it.

    Subclasses set :attr:`name` (the bank's ``type``), :attr:`question_class` and
    :attr:`static_kind`, and override the methods their outputs need; the defaults
    below say what happens otherwise.
    """

    name: str = ""
    question_class: type = object
    static_kind: str = "reveal"
    """The entry in ``static_quiz.js``'s ``KINDS`` that marks it; "reveal" = Show answer only."""
    draws_values: bool = False
    """True if each attempt draws new values (the renderers keep a seed per question)."""

    # ---------------------------------------------------------------- banks
    def read(self, entry: dict, topic: str) -> Any:
        """Build the question from its (schema-checked) bank entry."""
        raise NotImplementedError

    def check(self, entry: dict, fail: Fail) -> None:
        """Rules beyond the schema; call ``fail(problem, *path)`` for the first broken one."""
        try:
            self.read(entry, "")
        except ValueError as error:
            fail(str(error).split(": ", 1)[-1])

    # -------------------------------------------------------------- marking
    def shown(self, question: Any, seed: int | None = None) -> Any:
        """The question as shown for one attempt (a parameterised question's instance)."""
        return question

    def mark(self, question: Any, response: object, seed: int | None = None) -> Feedback:
        """Mark a response to the question as shown with ``seed``."""
        return self.shown(question, seed).mark(response)

    def example_responses(self, question: Any) -> list:
        """Responses a learner might give, right first (tests run them through every output)."""
        return [None]

    # ----------------------------------------------------------- live widget
    def widget(self, question: Any, widgets: Any, quiz: Any) -> AnswerInput:
        """The input for the live quiz; ``widgets`` is the ipywidgets module."""
        box = widgets.Text(placeholder="your answer", description="Answer:", continuous_update=False)
        return AnswerInput(box, lambda: box.value, lambda response: setattr(box, "value", _text(response)))

    # ----------------------------------------------------------- static page
    def static_inputs_html(self, prefix: str, question: Any, shown: Any) -> str:
        """The inputs of the question's card on a static page (disabled until the engine wires them)."""
        return ""

    def static_data(self, question: Any) -> dict:
        """What ``static_quiz.js`` needs to mark it (beyond ``id`` and ``kind``)."""
        return {}

    def reveal_html(self, question: Any, shown: Any) -> str:
        """The "Show answer" disclosure's content (sanitised HTML)."""
        raise NotImplementedError

    def unit(self, question: Any) -> str | None:
        """The answer's unit, for the static page's unit table; None if it has none."""
        return None

    # -------------------------------------------------------------- starter
    def starter_html(self, question: Any) -> str:
        """The printed question's body after its prompt."""
        return '<p class="answer-line">Answer: ____________________</p>'

    def starter_answer_html(self, question: Any) -> str:
        """The printed answer key's entry."""
        raise NotImplementedError

    # -------------------------------------------------------------- console
    def console_lines(self, question: Any, shown: Any) -> list[str]:
        """Plain-text lines printed under the prompt by ``stemcpd quiz review`` (options, steps …)."""
        return []

    def console_response(self, question: Any, shown: Any, ask: Callable[[str], str], say: Callable[[str], None]) -> object:
        """Read a response at the terminal: ``ask(prompt)`` returns a typed line, ``say`` prints one."""
        return ask("Your answer: ")

    # ----------------------------------------------------------- bank YAML
    def to_bank_entry(self, question: Any, placeholders: list) -> dict:
        """The question as a bank entry (written back by ``to_bank_yaml``, e.g. after a GIFT
        import); a value a bank needs but the question lacks is filled in and listed in
        ``placeholders`` (:class:`stemcpd.quiz.gift.Placeholder`)."""
        raise NotImplementedError

    # ------------------------------------------------------------- exchange
    def to_gift(self, question: Any) -> str:
        """The question as one GIFT block (name, prompt and answers)."""
        raise Unsupported(f"{self.name.replace('_', ' ')} questions have no GIFT form")

    def to_moodle_xml(self, quiz: Element, question: Any) -> None:
        """Append the question to a Moodle XML ``<quiz>`` element."""
        raise Unsupported(f"{self.name.replace('_', ' ')} questions have no Moodle XML form")


def _text(response: object) -> str:
    return "" if response is None else str(response)


@functools.lru_cache(maxsize=1)
def registry() -> dict[str, QuestionType]:
    """Every question type, bank ``type`` name → :class:`QuestionType`, from this package's modules."""
    found: dict[str, QuestionType] = {}
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda module: module.name):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        question_type = getattr(module, "QUESTION_TYPE", None)
        if question_type is None:
            continue
        if question_type.name in found:
            raise RuntimeError(f"two question types are called {question_type.name!r}")
        found[question_type.name] = question_type
    return found


def by_name(name: str) -> QuestionType:
    """The type a bank's ``type: name`` means.

    Raises:
        KeyError: For a name no module registers (the message lists those that exist).
    """
    types = registry()
    if name not in types:
        raise KeyError(f"no question type {name!r}; known: {', '.join(types)}")
    return types[name]


def question_type(question: object) -> QuestionType:
    """The registered type of a question object (its exact class first, then a base class).

    Raises:
        TypeError: If no registered type owns its class.
    """
    by_class = _by_class()
    for cls in type(question).__mro__:
        if cls in by_class:
            return by_class[cls]
    raise TypeError(f"{type(question).__name__} is not a registered stemcpd question type")


@functools.lru_cache(maxsize=1)
def _by_class() -> dict[type, QuestionType]:
    return {question_type.question_class: question_type for question_type in registry().values()}
