"""Question types and their pure marking rules.

Each question is a frozen dataclass with ``mark(response) -> Feedback``. Marking
never raises on learner input and never evaluates it: a multiple-choice response
is matched against the options, and a numeric response is read by
:func:`stemcpd.quiz.units.parse_response` (regex for the number, pint only for
a short, whitelisted unit).

Numeric marking, in order:

* unreadable → score 0 and the expected format;
* a unit that measures something else (``9.81 s`` for an acceleration) → score 0,
  naming what the typed unit measures;
* right value (within tolerance, in any equivalent unit) → correct, unless no
  unit was typed (score 0.5) or ``sig_figs`` is set and not met (score 0.75);
* right digits but a power of ten out (×10^k, 1 ≤ |k| ≤ 6) → score 0,
  misconception ``power-of-ten-slip``;
* otherwise → score 0, saying whether the value is too high or too low.
"""

from __future__ import annotations

import math
import numbers
import re
from dataclasses import dataclass

from stemcpd.quiz.feedback import Feedback
from stemcpd.quiz.units import (
    ParsedNumber,
    ResponseParseError,
    describe_unit,
    dimension_phrase,
    parse_response,
    parse_unit,
    unit_registry,
)

POWER_OF_TEN_SLIP = "power-of-ten-slip"
WRONG_DIMENSION = "unit-measures-wrong-quantity"
MAX_POWER_OF_TEN_SLIP = 6

_RELATIVE_TOLERANCE = re.compile(r"\s*(\d+(?:\.\d*)?|\.\d+)\s*%\s*")


@dataclass(frozen=True)
class Option:
    """One choice in a multiple-choice question.

    Attributes:
        text: What the learner sees.
        correct: Whether choosing it is right.
        feedback: What the learner is told after choosing it.
        misconception: For a distractor, the id of the idea it tests
            (e.g. ``"heavier-swings-faster"``).
    """

    text: str
    correct: bool = False
    feedback: str = ""
    misconception: str | None = None


@dataclass(frozen=True)
class MultipleChoiceQuestion:
    """Pick one option.

    Attributes:
        id: Slug unique within its bank.
        prompt: The question, plain text.
        options: The choices, in display order; exactly one is correct.
        topic: The bank's topic, e.g. ``"pendulum"``.
    """

    id: str
    prompt: str
    options: tuple[Option, ...]
    topic: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "options", tuple(self.options))
        if len(self.options) < 2:
            raise ValueError(f"question {self.id!r}: options needs at least 2 options")
        correct_count = sum(option.correct for option in self.options)
        if correct_count != 1:
            raise ValueError(
                f"question {self.id!r}: options must have exactly one correct option, "
                f"found {correct_count}"
            )

    @property
    def correct_option(self) -> Option:
        """The one correct option."""
        return next(option for option in self.options if option.correct)

    def option_index(self, response: object) -> int | None:
        """Index of the option a response names, or None if it names none.

        Args:
            response: An option index (int) or an option's exact text.
        """
        if isinstance(response, numbers.Integral) and not isinstance(response, bool):
            index = int(response)
            return index if 0 <= index < len(self.options) else None
        if isinstance(response, str):
            for index, option in enumerate(self.options):
                if response.strip() == option.text.strip():
                    return index
        return None

    def mark(self, response: object) -> Feedback:
        """Mark a choice.

        Args:
            response: An option index (int) or an option's exact text. Anything
                else (None, out of range, unknown text) scores 0.

        Returns:
            The chosen option's feedback; a wrong option also carries its
            misconception id.
        """
        index = self.option_index(response)
        if index is None:
            message = "No option was chosen." if response is None else "That option wasn't recognised."
            return Feedback(False, 0.0, message + " Pick one of the options.")
        option = self.options[index]
        if option.correct:
            return Feedback(True, 1.0, option.feedback or "That's the right option.")
        return Feedback(False, 0.0, option.feedback or "That's not the right option.", option.misconception)


@dataclass(frozen=True)
class NumericQuestion:
    """Type a number with its unit.

    Attributes:
        id: Slug unique within its bank.
        prompt: The question, plain text.
        answer: The model answer, in ``unit``.
        unit: The answer's unit as pint reads it, e.g. ``"s"`` or ``"m/s^2"``.
        tolerance: ``"2%"`` (relative) or a non-negative number (absolute, in ``unit``).
        sig_figs: Significant figures the answer must be given to, or None for any.
        topic: The bank's topic, e.g. ``"pendulum"``.
    """

    id: str
    prompt: str
    answer: float
    unit: str
    tolerance: str | float = "1%"
    sig_figs: int | None = None
    topic: str = ""

    def __post_init__(self) -> None:
        if isinstance(self.answer, bool) or not isinstance(self.answer, numbers.Real) or not math.isfinite(self.answer):
            raise ValueError(f"question {self.id!r}: answer must be a finite number, got {self.answer!r}")
        try:
            parse_unit(self.unit)
        except ResponseParseError as error:
            raise ValueError(f"question {self.id!r}: unit {self.unit!r} is not a unit pint knows ({error})") from None
        self.allowed_difference()  # validates tolerance
        if self.sig_figs is not None and (
            isinstance(self.sig_figs, bool) or not isinstance(self.sig_figs, int) or self.sig_figs < 1
        ):
            raise ValueError(f"question {self.id!r}: sig_figs must be a whole number of at least 1, got {self.sig_figs!r}")

    def allowed_difference(self) -> float:
        """Largest accepted |response − answer|, in the answer's unit.

        Raises:
            ValueError: If ``tolerance`` is neither ``"N%"`` nor a non-negative number.
        """
        tolerance = self.tolerance
        if isinstance(tolerance, str):
            match = _RELATIVE_TOLERANCE.fullmatch(tolerance)
            if match is None:
                raise ValueError(f"question {self.id!r}: tolerance must look like '2%' or be a number, got {tolerance!r}")
            return abs(self.answer) * float(match.group(1)) / 100
        if isinstance(tolerance, bool) or not isinstance(tolerance, numbers.Real) or not tolerance >= 0:
            raise ValueError(f"question {self.id!r}: tolerance must be '2%' or a non-negative number, got {tolerance!r}")
        return float(tolerance)

    def example_response(self) -> str:
        """A made-up response showing the expected format, e.g. ``"1.23 s"``."""
        digits = "123456789"[: self.sig_figs or 3]
        number = digits[0] + ("." + digits[1:] if len(digits) > 1 else "")
        return f"{number} {self.unit}"

    def _within_tolerance(self, value: float) -> bool:
        return abs(value - self.answer) <= self.allowed_difference() * (1 + 1e-12)

    def _power_of_ten_slip(self, value: float) -> int | None:
        if value == 0 or self.answer == 0 or (value > 0) != (self.answer > 0):
            return None
        power = round(math.log10(value / self.answer))
        if power == 0 or abs(power) > MAX_POWER_OF_TEN_SLIP:
            return None
        return power if self._within_tolerance(value / 10**power) else None

    def mark(self, response: object) -> Feedback:
        """Mark a typed answer such as ``"2.01 s"``.

        Args:
            response: What the learner typed. Any value is accepted; nothing is evaluated.

        Returns:
            Feedback following the rules in this module's docstring.
        """
        try:
            parsed = parse_response(response)
        except ResponseParseError as error:
            return Feedback(False, 0.0, f'{error} Answer in the form "number unit", e.g. {self.example_response()}.')

        answer_unit = parse_unit(self.unit)
        unit_missing = parsed.unit_text == "" and not answer_unit.dimensionless
        if unit_missing:
            value = parsed.value
        else:
            typed_unit = parse_unit(parsed.unit_text)
            if typed_unit.dimensionality != answer_unit.dimensionality:
                return Feedback(False, 0.0, self._wrong_dimension_message(parsed.unit_text), WRONG_DIMENSION)
            try:
                value = float(unit_registry().Quantity(parsed.value, typed_unit).to(answer_unit).magnitude)
            except Exception:  # offset units (degC/s) can refuse; treat like an unreadable unit
                return Feedback(
                    False, 0.0, f"I couldn't convert {parsed.unit_text} to {self.unit}. Try giving the answer in {self.unit}."
                )

        if self._within_tolerance(value):
            return self._mark_right_value(parsed, value, unit_missing)
        unit_reminder = " Remember to include the unit." if unit_missing else ""
        power = self._power_of_ten_slip(value)
        if power is not None:
            return Feedback(
                False,
                0.0,
                f"Your digits look right but the value is {10 ** abs(power):,} times too "
                f"{'big' if power > 0 else 'small'}. Check the unit prefixes (cm or m, ms or s) "
                f"and any powers of ten.{unit_reminder}",
                POWER_OF_TEN_SLIP,
            )
        direction = "high" if value > self.answer else "low"
        return Feedback(False, 0.0, f"That value is too {direction}. Check your working and try again.{unit_reminder}")

    def _mark_right_value(self, parsed: ParsedNumber, value: float, unit_missing: bool) -> Feedback:
        model_answer = f"{self.answer:g} {self.unit}"
        sig_figs_right = self.sig_figs is None or parsed.has_significant_figures(self.sig_figs)
        sig_figs_hint = "" if sig_figs_right else f" Give it to {self.sig_figs} significant figures."
        if unit_missing:
            return Feedback(
                False,
                0.5,
                f"The number is right, but the unit is missing: a value without a unit "
                f"isn't a measurement. Include it, e.g. {self.example_response()}.{sig_figs_hint}",
            )
        if not sig_figs_right:
            return Feedback(
                False,
                0.75,
                f"The value is right, but {self.sig_figs} significant figures were expected "
                f"(you gave {parsed.significant_figures}). The model answer is {model_answer}.",
            )
        converted = "" if parsed.unit_text == self.unit else f" = {value:.4g} {self.unit}"
        return Feedback(
            True,
            1.0,
            f"{parsed.value:g} {parsed.unit_text}{converted} matches the model answer, {model_answer}.",
        )

    def _wrong_dimension_message(self, typed_unit_text: str) -> str:
        message = f"{describe_unit(typed_unit_text)}; the answer is {dimension_phrase(self.unit)}, e.g. in {self.unit}."
        if typed_unit_text.startswith("ms"):
            message += " (ms means milliseconds; for metres per second write m/s or m s^-1.)"
        return message
