"""Numeric questions whose values change from attempt to attempt.

A :class:`ParameterisedNumericQuestion` draws each variable from a range with a
seed, fills the prompt's ``{placeholders}`` and computes the answer with a named
function of stemcpd's own models, so the answer is always the model's:

.. code-block:: yaml

    - id: period-any-length
      type: parameterised_numeric
      prompt: "A pendulum is {length} m long. Taking g = 9.81 N/kg, what is its period?"
      variables:
        length: {min: 0.2, max: 2.0, step: 0.05, unit: m}
      answer_function: stemcpd.physics.pendulum:small_angle_period
      arguments: {length_m: length, g: 9.81}
      unit: s
      tolerance: 1%

``answer_function`` is ``module:function``. The module must be in
:data:`ALLOWED_MODULES` (checked before anything is imported) and the function
must be one the module exports (its ``__all__``); nothing is evaluated. Argument
values are a variable's name or a number. Each variable's value is passed in the
unit written in the bank, so choose the unit the function's argument expects.
"""

from __future__ import annotations

import functools
import importlib
import inspect
import math
import numbers
import random
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Callable

from stemcpd.quiz.feedback import Feedback
from stemcpd.quiz.questions import NumericQuestion

ALLOWED_MODULES = (
    "stemcpd.physics.circuits",
    "stemcpd.physics.decay",
    "stemcpd.physics.density",
    "stemcpd.physics.electromagnetism",
    "stemcpd.physics.energy",
    "stemcpd.physics.gas",
    "stemcpd.physics.heating",
    "stemcpd.physics.motion",
    "stemcpd.physics.optics",
    "stemcpd.physics.pendulum",
    "stemcpd.physics.projectile",
    "stemcpd.physics.radiation",
    "stemcpd.physics.springs",
    "stemcpd.physics.waves",
    # Chemistry models used by the chemistry banks (until the quiz engine finds every
    # model package through stemcpd.simulations).
    "stemcpd.chemistry.atoms",
    "stemcpd.chemistry.bonding",
    "stemcpd.chemistry.greenhouse",
    "stemcpd.chemistry.salts",
    "stemcpd.chemistry.water",
)
"""Modules an ``answer_function`` may come from: the model packages, which import no
plotting or widget library. Add a model package here to use its functions in banks."""

MAX_VALUES_PER_VARIABLE = 100_000

_FUNCTION_REFERENCE = re.compile(r"(?P<module>[a-z_][a-z0-9_]*(?:\.[a-z_][a-z0-9_]*)*):(?P<name>[A-Za-z][A-Za-z0-9_]*)")
_PLACEHOLDER = re.compile(r"\{([a-z][a-z0-9_]*)\}")


class AnswerFunctionError(ValueError):
    """An ``answer_function`` that is not allowed, does not exist or cannot take the arguments."""


def resolve_answer_function(reference: str) -> Callable[..., object]:
    """Find ``"module:function"`` among the allowed modules' exports.

    Args:
        reference: e.g. ``"stemcpd.physics.pendulum:small_angle_period"``.

    Returns:
        The function.

    Raises:
        AnswerFunctionError: If the reference is malformed, the module is not in
            :data:`ALLOWED_MODULES`, or the module does not export that function.
    """
    match = _FUNCTION_REFERENCE.fullmatch(reference) if isinstance(reference, str) else None
    if match is None:
        raise AnswerFunctionError(
            f"answer_function must look like 'stemcpd.physics.pendulum:small_angle_period', got {reference!r}"
        )
    module_name, name = match["module"], match["name"]
    if module_name not in ALLOWED_MODULES:
        raise AnswerFunctionError(
            f"answer_function module {module_name!r} is not allowed; use one of: {', '.join(ALLOWED_MODULES)}"
        )
    module = importlib.import_module(module_name)
    exported = getattr(module, "__all__", [attribute for attribute in dir(module) if not attribute.startswith("_")])
    function = getattr(module, name, None) if name in exported else None
    if function is None or not (inspect.isfunction(function) or inspect.isbuiltin(function)):
        functions = sorted(
            attribute for attribute in exported if inspect.isfunction(getattr(module, attribute, None))
        )
        raise AnswerFunctionError(
            f"unknown answer_function {reference!r}: {module_name} exports no function {name!r} "
            f"(it has: {', '.join(functions)})"
        )
    return function


def _decimal_places(number: float) -> int:
    exponent = Decimal(repr(float(number))).normalize().as_tuple().exponent
    return max(0, -int(exponent))


@dataclass(frozen=True)
class Variable:
    """A value drawn afresh for each attempt: ``min``, ``min + step``, … up to ``max``.

    Attributes:
        name: Placeholder name in the prompt, e.g. ``length`` for ``{length}``.
        minimum: Smallest value, in ``unit``.
        maximum: Largest value, in ``unit``.
        step: Spacing of the values (> 0).
        unit: The unit the value is shown and passed in, e.g. ``"m"``; informational.
    """

    name: str
    minimum: float
    maximum: float
    step: float
    unit: str = ""

    def __post_init__(self) -> None:
        for label, value in (("min", self.minimum), ("max", self.maximum), ("step", self.step)):
            if isinstance(value, bool) or not isinstance(value, numbers.Real) or not math.isfinite(value):
                raise ValueError(f"variable {self.name!r}: {label} must be a finite number, got {value!r}")
        if not self.step > 0:
            raise ValueError(f"variable {self.name!r}: step must be positive, got {self.step!r}")
        if not self.minimum <= self.maximum:
            raise ValueError(f"variable {self.name!r}: min ({self.minimum}) must not exceed max ({self.maximum})")
        if self.count > MAX_VALUES_PER_VARIABLE:
            raise ValueError(f"variable {self.name!r}: more than {MAX_VALUES_PER_VARIABLE:,} values; use a larger step")

    @property
    def count(self) -> int:
        """How many values the variable can take."""
        return int(math.floor((self.maximum - self.minimum) / self.step + 1e-9)) + 1

    @property
    def decimal_places(self) -> int:
        """Decimal places the values are rounded to and shown with."""
        return max(_decimal_places(self.minimum), _decimal_places(self.step))

    def value(self, position: int) -> float:
        """The value at ``position`` (0 is ``min``)."""
        return round(self.minimum + position * self.step, self.decimal_places)

    def format(self, value: float) -> str:
        """The value as written in the prompt, e.g. ``"1.35"``."""
        return f"{value:.{self.decimal_places}f}"


@dataclass(frozen=True)
class ParameterisedNumericQuestion:
    """A numeric question with new values for each attempt.

    ``instance(seed)`` gives the :class:`~stemcpd.quiz.questions.NumericQuestion` a
    learner sees for one attempt; the same seed always gives the same values.

    Attributes:
        id: Slug unique within its bank.
        prompt: The question with ``{variable}`` placeholders.
        variables: The variables, in the order they are drawn.
        answer_function: ``"module:function"`` computing the answer in ``unit``.
        arguments: ``(argument name, variable name or number)`` pairs passed to it.
        unit: The answer's unit.
        tolerance: As for :class:`NumericQuestion`.
        sig_figs: As for :class:`NumericQuestion`.
        topic: The bank's topic.
    """

    id: str
    prompt: str
    variables: tuple[Variable, ...]
    answer_function: str
    arguments: tuple[tuple[str, str | float], ...]
    unit: str
    tolerance: str | float = "1%"
    sig_figs: int | None = None
    topic: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "variables", tuple(self.variables))
        arguments = self.arguments.items() if isinstance(self.arguments, dict) else self.arguments
        object.__setattr__(self, "arguments", tuple((str(name), value) for name, value in arguments))
        names = [variable.name for variable in self.variables]
        if not names:
            raise ValueError(f"question {self.id!r}: variables needs at least one variable")
        if len(set(names)) != len(names):
            raise ValueError(f"question {self.id!r}: variable names must be different")
        for placeholder in _PLACEHOLDER.findall(self.prompt):
            if placeholder not in names:
                raise ValueError(f"question {self.id!r}: the prompt's {{{placeholder}}} is not a variable")
        for name in names:
            if f"{{{name}}}" not in self.prompt:
                raise ValueError(f"question {self.id!r}: variable {name!r} is never shown; put {{{name}}} in the prompt")
        for argument, value in self.arguments:
            if isinstance(value, str) and value not in names:
                raise ValueError(f"question {self.id!r}: argument {argument!r} names {value!r}, which is not a variable")
            if not isinstance(value, str) and (
                isinstance(value, bool) or not isinstance(value, numbers.Real) or not math.isfinite(value)
            ):
                raise ValueError(f"question {self.id!r}: argument {argument!r} must be a variable name or a number")
        function = resolve_answer_function(self.answer_function)
        try:
            inspect.signature(function).bind(**dict(self.arguments))
        except TypeError as error:
            raise AnswerFunctionError(f"{self.answer_function} cannot take these arguments ({error})") from None
        except ValueError:
            pass  # a builtin without a signature; the sample instances below still check it
        # Validates unit, tolerance and sig_figs, and that the model gives a finite
        # answer at both ends of every range.
        for position in ("first", "last"):
            self._build_instance(self._extreme_values(position))

    def _extreme_values(self, position: str) -> dict[str, float]:
        return {
            variable.name: variable.value(0 if position == "first" else variable.count - 1)
            for variable in self.variables
        }

    def values(self, seed: int) -> dict[str, float]:
        """The variables' values for one attempt.

        Args:
            seed: Any whole number; the same seed gives the same values.

        Raises:
            TypeError: If the seed is not a whole number.
        """
        if isinstance(seed, bool) or not isinstance(seed, numbers.Integral):
            raise TypeError(f"seed must be a whole number, got {seed!r}")
        generator = random.Random(f"stemcpd:{self.id}:{int(seed)}")
        return {variable.name: variable.value(generator.randrange(variable.count)) for variable in self.variables}

    def answer_for(self, values: dict[str, float]) -> float:
        """The model's answer, in ``unit``, for given variable values.

        Raises:
            ValueError: If the model refuses the values or gives no finite number.
        """
        keyword_arguments = {
            argument: values[value] if isinstance(value, str) else value for argument, value in self.arguments
        }
        function = resolve_answer_function(self.answer_function)
        try:
            result = function(**keyword_arguments)
            answer = float(result)
        except Exception as error:  # the model's own validation, or a non-number result
            raise ValueError(
                f"question {self.id!r}: {self.answer_function} failed for {keyword_arguments} ({error})"
            ) from None
        if not math.isfinite(answer):
            raise ValueError(f"question {self.id!r}: {self.answer_function} gave {answer} for {keyword_arguments}")
        return answer

    def fill_prompt(self, values: dict[str, float]) -> str:
        """The prompt with each ``{variable}`` replaced by its value."""
        by_name = {variable.name: variable for variable in self.variables}
        return _PLACEHOLDER.sub(
            lambda match: by_name[match[1]].format(values[match[1]]) if match[1] in by_name else match[0], self.prompt
        )

    def _build_instance(self, values: dict[str, float]) -> NumericQuestion:
        return NumericQuestion(
            self.id, self.fill_prompt(values), self.answer_for(values), self.unit, self.tolerance, self.sig_figs, self.topic
        )

    def instance(self, seed: int) -> NumericQuestion:
        """The numeric question for one attempt, its prompt filled in and its answer computed.

        Raises:
            TypeError: If the seed is not a whole number.
            ValueError: If the model cannot give an answer for the drawn values.
        """
        if isinstance(seed, bool) or not isinstance(seed, numbers.Integral):
            raise TypeError(f"seed must be a whole number, got {seed!r}")
        return _cached_instance(self, int(seed))

    def example_response(self) -> str:
        """A made-up response showing the expected format."""
        return self._build_instance(self._extreme_values("first")).example_response()

    def mark(self, response: object, seed: int = 0) -> Feedback:
        """Mark a typed answer against the attempt drawn with ``seed``.

        Never raises: a seed that cannot give a question scores 0 with a message.
        """
        try:
            question = self.instance(seed)
        except (TypeError, ValueError):
            return Feedback(False, 0.0, "This question could not be set with those values; try new values.")
        return question.mark(response)


@functools.lru_cache(maxsize=2048)
def _cached_instance(question: ParameterisedNumericQuestion, seed: int) -> NumericQuestion:
    return question._build_instance(question.values(seed))
