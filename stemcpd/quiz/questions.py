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

The other types (each documented on its class): :class:`MultipleSelectQuestion`
(tick every right option; partial credit), :class:`OrderingQuestion` (put steps in
order; credit for each adjacent pair in the right order) and
:class:`ShortTextQuestion` (a word or phrase, compared ignoring case, spaces and
punctuation). Parameterised numeric questions live in
:mod:`stemcpd.quiz.parameterised`.
"""

from __future__ import annotations

import math
import numbers
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field

from stemcpd.quiz.feedback import Feedback
from stemcpd.quiz.units import (
    ParsedNumber,
    ResponseParseError,
    describe_unit,
    dimension_phrase,
    parse_response,
    parse_unit,
    pretty_unit,
    unit_registry,
)
from stemcpd.quiz.units import _printable as printable

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
        credit: Partial credit, in percent (0 < credit < 100), for a distractor
            that is nearly right (a multiple-choice question only; Moodle's
            weighted options); None gives none.
    """

    text: str
    correct: bool = False
    feedback: str = ""
    misconception: str | None = None
    credit: float | None = None

    def __post_init__(self) -> None:
        if self.credit is not None:
            if isinstance(self.credit, bool) or not isinstance(self.credit, numbers.Real) or not 0 <= self.credit <= 100:
                raise ValueError(f"option {self.text!r}: credit must be a percentage from 0 to 100, got {self.credit!r}")
            if self.correct and self.credit != 100:
                raise ValueError(f"option {self.text!r}: a correct option earns full credit; remove 'credit' "
                                 "or make the option a distractor")

    @property
    def score(self) -> float:
        """The credit choosing this option earns, from 0 to 1."""
        if self.correct:
            return 1.0
        return float(self.credit) / 100 if self.credit else 0.0


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
        return _item_index([option.text for option in self.options], response)

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
        if option.score > 0:
            return Feedback(False, option.score, option.feedback or "That option is partly right.", option.misconception)
        return Feedback(False, 0.0, option.feedback or "That's not the right option.", option.misconception)


@dataclass(frozen=True)
class NumericWrongAnswer:
    """A common wrong numeric answer, diagnosed like a distractor.

    Attributes:
        value: The wrong value, in the question's unit (e.g. 293 for a
            temperature left in °C where kelvin were needed).
        misconception: The catalogued idea it suggests.
        feedback: Why it is wrong, for the learner.
    """

    value: float
    misconception: str
    feedback: str

    def __post_init__(self) -> None:
        if isinstance(self.value, bool) or not isinstance(self.value, numbers.Real) or not math.isfinite(self.value):
            raise ValueError(f"wrong answer value must be a finite number, got {self.value!r}")


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
        wrong_answers: Common wrong values, each with its misconception and
            feedback; a response within ``tolerance`` of one gets its feedback.
        precision_sig_figs: The significant figures of the data in the prompt
            (the bank's ``precision: {sig_figs: N}``), or None if not stated.
    """

    id: str
    prompt: str
    answer: float
    unit: str
    tolerance: str | float = "1%"
    sig_figs: int | None = None
    topic: str = ""
    wrong_answers: tuple[NumericWrongAnswer, ...] = ()
    precision_sig_figs: int | None = None

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
        if self.precision_sig_figs is not None and (
            isinstance(self.precision_sig_figs, bool) or not isinstance(self.precision_sig_figs, int)
            or self.precision_sig_figs < 1
        ):
            raise ValueError(f"question {self.id!r}: precision sig_figs must be a whole number of at least 1, "
                             f"got {self.precision_sig_figs!r}")
        object.__setattr__(self, "wrong_answers", tuple(self.wrong_answers))
        for number, wrong in enumerate(self.wrong_answers, start=1):
            if self._within_tolerance(wrong.value):
                raise ValueError(f"question {self.id!r}: wrong answer {number} ({wrong.value:g}) is within the "
                                 "tolerance of the right answer, so it could never be diagnosed")

    def wrong_answer_allowed_difference(self, wrong: NumericWrongAnswer) -> float:
        """Largest |response − wrong value| read as that wrong answer: the question's
        own tolerance, relative to the wrong value for a percentage."""
        if isinstance(self.tolerance, str):
            return abs(wrong.value) * self.allowed_difference() / abs(self.answer) if self.answer else 0.0
        return float(self.tolerance)

    def matching_wrong_answer(self, value: float) -> NumericWrongAnswer | None:
        """The listed wrong answer a value (in the question's unit) matches, if any."""
        for wrong in self.wrong_answers:
            if abs(value - wrong.value) <= self.wrong_answer_allowed_difference(wrong) * (1 + 1e-12):
                return wrong
        return None

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

    def example_shown(self) -> str:
        """:meth:`example_response` as feedback prints it, e.g. ``"1.23 m/s²"``."""
        number, _, _ = self.example_response().partition(" ")
        return f"{number} {pretty_unit(self.unit)}"

    def model_answer_shown(self) -> str:
        """The model answer as feedback prints it, e.g. ``"0.1 mol/dm³"``."""
        return f"{self.answer:g} {pretty_unit(self.unit)}"

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
        ratio = value / self.answer
        # The ratio of two finite floats can overflow to inf or underflow to 0; neither
        # is a power-of-ten slip, and log10/round would raise on them.
        if not math.isfinite(ratio) or ratio <= 0:
            return None
        power = round(math.log10(ratio))
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
            return Feedback(False, 0.0, f'{error} Answer in the form "number unit", e.g. {self.example_shown()}.')

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
                    False, 0.0, f"I couldn't convert {pretty_unit(parsed.unit_text)} to {pretty_unit(self.unit)}. "
                    f"Try giving the answer in {pretty_unit(self.unit)}."
                )
            if not math.isfinite(value):  # e.g. "1e308 km" is finite, in metres it is not
                return Feedback(
                    False, 0.0, f"That number is too large to be a measurement in {pretty_unit(self.unit)}; "
                    "check the power of ten."
                )

        if self._within_tolerance(value):
            return self._mark_right_value(parsed, value, unit_missing)
        unit_reminder = " Remember to include the unit." if unit_missing else ""
        wrong = self.matching_wrong_answer(value)
        if wrong is not None:
            return Feedback(False, 0.0, f"{wrong.feedback}{unit_reminder}", wrong.misconception)
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
        model_answer = self.model_answer_shown()
        sig_figs_right = self.sig_figs is None or parsed.has_significant_figures(self.sig_figs)
        sig_figs_hint = "" if sig_figs_right else f" Give it to {self.sig_figs} significant figures."
        if unit_missing:
            return Feedback(
                False,
                0.5,
                f"The number is right, but the unit is missing: a value without a unit "
                f"isn't a measurement. Include it, e.g. {self.example_shown()}.{sig_figs_hint}",
            )
        if not sig_figs_right:
            return Feedback(
                False,
                0.75,
                f"The value is right, but {self.sig_figs} significant figures were expected "
                f"(you gave {parsed.significant_figures}). The model answer is {model_answer}.",
            )
        converted = "" if parsed.unit_text == self.unit else f" = {value:.4g} {pretty_unit(self.unit)}"
        return Feedback(
            True,
            1.0,
            f"{parsed.value:g} {pretty_unit(parsed.unit_text)}{converted} matches the model answer, {model_answer}.",
        )

    def _wrong_dimension_message(self, typed_unit_text: str) -> str:
        message = (f"{describe_unit(typed_unit_text)}; the answer is {dimension_phrase(self.unit)}, "
                   f"e.g. in {pretty_unit(self.unit)}.")
        if typed_unit_text.startswith("ms"):
            message += " (ms means milliseconds; for metres per second write m/s or m s⁻¹.)"
        return message


MAX_LIST_RESPONSE_ITEMS = 200
"""Longest list response read (selections, orderings); real ones have under 20 items."""

MAX_TEXT_RESPONSE_CHARACTERS = 200
"""Longest short-text response read; real answers are a few words."""

_LIST_TYPES = (list, tuple, set, frozenset)


def _item_index(texts: Sequence[str], response: object) -> int | None:
    """Index of the item a response names (its index, or its exact text), else None."""
    if isinstance(response, numbers.Integral) and not isinstance(response, bool):
        index = int(response)
        return index if 0 <= index < len(texts) else None
    if isinstance(response, str) and len(response) <= MAX_TEXT_RESPONSE_CHARACTERS * 10:
        stripped = response.strip()
        for index, text in enumerate(texts):
            if stripped == text.strip():
                return index
    return None


def _quoted(text: str, limit: int = 80) -> str:
    text = " ".join(printable(text).split())
    return f"'{text if len(text) <= limit else text[: limit - 1] + '…'}'"


def _ordinal(number: int) -> str:
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


@dataclass(frozen=True)
class MultipleSelectQuestion:
    """Tick every option that is right ("choose all that apply").

    Marking (see :meth:`mark`): score = (right options chosen − wrong options
    chosen) ÷ right options in total, clipped to [0, 1]; correct only when exactly
    the right options are chosen. The message reports every wrong option chosen and
    every right option missed, with that option's feedback.

    Attributes:
        id: Slug unique within its bank.
        prompt: The question, plain text.
        options: The choices, in the bank's order; at least one is correct.
        topic: The bank's topic.
    """

    id: str
    prompt: str
    options: tuple[Option, ...]
    topic: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "options", tuple(self.options))
        if len(self.options) < 2:
            raise ValueError(f"question {self.id!r}: options needs at least 2 options")
        if not any(option.correct for option in self.options):
            raise ValueError(f"question {self.id!r}: options must have at least one correct option")

    @property
    def correct_indexes(self) -> tuple[int, ...]:
        """Indexes of the right options, in bank order."""
        return tuple(index for index, option in enumerate(self.options) if option.correct)

    def selection(self, response: object) -> tuple[frozenset[int], int] | None:
        """Read a response as ``(chosen option indexes, number of unrecognised items)``.

        Args:
            response: A list, tuple or set of option indexes or exact option texts; a
                single index or text counts as a one-item list.

        Returns:
            None if the response is not a list at all or is too long to be real.
        """
        if isinstance(response, (str, numbers.Integral)) and not isinstance(response, bool):
            response = [response]
        if not isinstance(response, _LIST_TYPES) or len(response) > MAX_LIST_RESPONSE_ITEMS:
            return None
        chosen: set[int] = set()
        unrecognised = 0
        for item in response:
            index = _item_index([option.text for option in self.options], item)
            if index is None:
                unrecognised += 1
            else:
                chosen.add(index)
        return frozenset(chosen), unrecognised

    def mark(self, response: object) -> Feedback:
        """Mark a set of ticked options.

        Args:
            response: As for :meth:`selection`. Anything else scores 0.

        Returns:
            Feedback whose message has one line per option that needs comment; the
            misconception is that of the first wrong option chosen, in bank order.
        """
        read = self.selection(response)
        if read is None:
            return Feedback(False, 0.0, "Tick the options you think are right, then check.")
        chosen, unrecognised = read
        if not chosen and not unrecognised:
            return Feedback(False, 0.0, "No options were ticked. Tick every option you think is right.")
        right = set(self.correct_indexes)
        wrong_chosen = sorted(chosen - right)
        right_missed = sorted(right - chosen)
        # An unrecognised item is a choice that is not right, so it counts against.
        score = (len(chosen & right) - len(wrong_chosen) - unrecognised) / len(right)
        score = min(1.0, max(0.0, score))
        if not wrong_chosen and not right_missed and not unrecognised:
            lines = [f"All {len(right)} right option{'s' if len(right) > 1 else ''} ticked, and nothing else."]
            lines += [self.options[index].feedback for index in sorted(right) if self.options[index].feedback]
            return Feedback(True, 1.0, "\n".join(lines))
        lines = [f"{len(chosen & right)} of {len(right)} right option{'s' if len(right) > 1 else ''} ticked."]
        for index in wrong_chosen:
            option = self.options[index]
            lines.append(f"You ticked {_quoted(option.text)}, which is not right. {option.feedback}".rstrip())
        for index in right_missed:
            option = self.options[index]
            lines.append(f"You missed {_quoted(option.text)}, which is right. {option.feedback}".rstrip())
        if unrecognised:
            lines.append(f"{unrecognised} of your choices did not match any option.")
        misconception = self.options[wrong_chosen[0]].misconception if wrong_chosen else None
        return Feedback(False, score, "\n".join(lines), misconception)


@dataclass(frozen=True)
class OrderingQuestion:
    """Put steps in order, e.g. the method of a required practical.

    The response is the learner's order: a list naming every step once, by its
    index in ``steps`` or by its text. The score is the fraction of adjacent pairs
    in the response whose two steps are in the right order relative to each other
    (so one step moved out of place costs one or two pairs, not the whole answer).

    Attributes:
        id: Slug unique within its bank.
        prompt: The question, plain text.
        steps: The steps in the right order; the renderer shuffles them.
        explanation: Shown with a fully correct answer, e.g. why the order matters.
        topic: The bank's topic.
    """

    id: str
    prompt: str
    steps: tuple[str, ...]
    explanation: str = ""
    topic: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "steps", tuple(self.steps))
        if len(self.steps) < 2:
            raise ValueError(f"question {self.id!r}: steps needs at least 2 steps")
        if len({step.strip() for step in self.steps}) != len(self.steps):
            raise ValueError(f"question {self.id!r}: steps must all be different")

    def order(self, response: object) -> tuple[list[int] | None, str]:
        """Read a response as a list of step indexes.

        Returns:
            ``(indexes, "")`` for a response naming every step once, else
            ``(None, reason)`` with the reason for the learner.
        """
        if not isinstance(response, (list, tuple)):
            return None, f"Put all {len(self.steps)} steps in order, then check."
        if len(response) > MAX_LIST_RESPONSE_ITEMS:
            return None, f"That list is too long: put the {len(self.steps)} steps in order, each once."
        indexes = [_item_index(self.steps, item) for item in response]
        if any(index is None for index in indexes):
            return None, "Some items did not match any step; use each step as it is given."
        if len(set(indexes)) != len(indexes):
            return None, "A step appears more than once; use each step exactly once."
        missing = sorted(set(range(len(self.steps))) - set(indexes))
        if missing:
            return None, f"Every step needs a place; {_quoted(self.steps[missing[0]])} is missing."
        return indexes, ""

    def mark(self, response: object) -> Feedback:
        """Mark an order.

        Args:
            response: As for :meth:`order`. Anything else scores 0.

        Returns:
            Feedback naming the first step out of place and where it belongs.
        """
        indexes, reason = self.order(response)
        if indexes is None:
            return Feedback(False, 0.0, reason)
        pairs = list(zip(indexes, indexes[1:]))
        score = sum(first < second for first, second in pairs) / len(pairs)
        if indexes == list(range(len(self.steps))):
            return Feedback(True, 1.0, f"All {len(self.steps)} steps are in the right order. {self.explanation}".rstrip())
        position = next(place for place, index in enumerate(indexes) if index != place)
        misplaced = indexes[position]
        message = (
            f"{sum(first < second for first, second in pairs)} of {len(pairs)} neighbouring pairs are in the right "
            f"order. The first step out of place is {_quoted(self.steps[misplaced])}: you put it "
            f"{_ordinal(position + 1)}, but it comes {_ordinal(misplaced + 1)}. "
            f"The {_ordinal(position + 1)} step should be {_quoted(self.steps[position])}."
        )
        return Feedback(False, min(1.0, max(0.0, score)), message)


@dataclass(frozen=True)
class WrongAnswer:
    """A wrong short-text answer worth a specific reply.

    Attributes:
        text: The wrong answer, e.g. ``"heat"``; compared as accepted answers are.
        feedback: Why it is wrong, for the learner.
        misconception: The idea it suggests.
    """

    text: str
    feedback: str
    misconception: str | None = None


def _words(text: str) -> list[str]:
    """Lower-case words of a text, with punctuation and control characters as spaces."""
    text = unicodedata.normalize("NFKC", text).casefold()
    cleaned = "".join(" " if unicodedata.category(character)[0] in "PCZ" else character for character in text)
    return cleaned.split()


@dataclass(frozen=True)
class ShortTextQuestion:
    """Type a word or short phrase.

    Responses are compared with the accepted answers ignoring case, spaces and
    punctuation ("Half-life", "half life" and "halflife." all match "half-life").
    ``synonyms`` are groups of interchangeable words or phrases, matched as whole
    words (no regular expressions): with ``[["p.d.", "potential difference",
    "voltage"]]`` an accepted "p.d. across the lamp" also accepts "voltage across
    the lamp".

    Attributes:
        id: Slug unique within its bank.
        prompt: The question, plain text.
        answers: Accepted answers; the first is the model answer.
        synonyms: Groups of interchangeable words or phrases.
        wrong_answers: Wrong answers with their own feedback and misconception.
        explanation: Shown with a correct answer.
        topic: The bank's topic.
    """

    id: str
    prompt: str
    answers: tuple[str, ...]
    synonyms: tuple[tuple[str, ...], ...] = ()
    wrong_answers: tuple[WrongAnswer, ...] = ()
    explanation: str = ""
    topic: str = ""
    _canonical_answers: frozenset[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "answers", tuple(self.answers))
        object.__setattr__(self, "synonyms", tuple(tuple(group) for group in self.synonyms))
        object.__setattr__(self, "wrong_answers", tuple(self.wrong_answers))
        if not self.answers:
            raise ValueError(f"question {self.id!r}: answers needs at least one accepted answer")
        for text in (*self.answers, *(wrong.text for wrong in self.wrong_answers)):
            if not self.canonical(text):
                raise ValueError(f"question {self.id!r}: answer {text!r} has no letters or digits")
        for group in self.synonyms:
            if len(group) < 2 or not all(_words(phrase) for phrase in group):
                raise ValueError(f"question {self.id!r}: each synonym group needs at least 2 non-empty phrases")
        object.__setattr__(self, "_canonical_answers", frozenset(self.canonical(text) for text in self.answers))
        for wrong in self.wrong_answers:
            if self.canonical(wrong.text) in self._canonical_answers:
                raise ValueError(f"question {self.id!r}: wrong answer {wrong.text!r} matches an accepted answer")

    def canonical(self, text: str) -> str:
        """The form answers are compared in: words folded, synonyms replaced, spaces removed."""
        words = _words(text)
        replacements = sorted(
            ((_words(phrase), _words(group[0])) for group in self.synonyms for phrase in group),
            key=lambda pair: -len(pair[0]),
        )
        result: list[str] = []
        position = 0
        while position < len(words):
            for phrase, replacement in replacements:
                if words[position : position + len(phrase)] == phrase:
                    result.extend(replacement)
                    position += len(phrase)
                    break
            else:
                result.append(words[position])
                position += 1
        return "".join(result)

    def mark(self, response: object) -> Feedback:
        """Mark a typed word or phrase.

        Args:
            response: What the learner typed; anything that is not text scores 0.

        Returns:
            Correct for an accepted answer; a listed wrong answer's own feedback and
            misconception; otherwise a prompt to think again (the answer is not given away).
        """
        if not isinstance(response, str) or not response.strip():
            return Feedback(False, 0.0, "Type a word or short phrase, then check.")
        if len(response) > MAX_TEXT_RESPONSE_CHARACTERS:
            return Feedback(
                False, 0.0, f"That answer is too long ({len(response)} characters); a word or short phrase is enough."
            )
        typed = self.canonical(response)
        if not typed:
            return Feedback(False, 0.0, "Type a word or short phrase, with letters or digits, then check.")
        if typed in self._canonical_answers:
            return Feedback(True, 1.0, f"Yes: {self.answers[0]}. {self.explanation}".rstrip())
        for wrong in self.wrong_answers:
            if typed == self.canonical(wrong.text):
                return Feedback(False, 0.0, wrong.feedback, wrong.misconception)
        return Feedback(False, 0.0, "That isn't one of the answers I accept. Check the spelling or think again.")


@dataclass(frozen=True)
class MatchingQuestion:
    """Match each item on the left with one on the right (Moodle's matching type).

    The response gives, for each left item in bank order, the right item chosen:
    a list (its position is the left item) of right-item indexes or texts, or a
    mapping from left index or text to right index or text. Each pair matched
    earns an equal share of the mark; the message names every pair that is wrong.

    Attributes:
        id: Slug unique within its bank.
        prompt: The question, plain text.
        pairs: ``(left, right)`` pairs, at least 3; lefts are all different and
            rights are all different. Renderers shuffle the right-hand column.
        explanation: Shown with the marking, e.g. why each pair belongs together.
        topic: The bank's topic.
    """

    id: str
    prompt: str
    pairs: tuple[tuple[str, str], ...]
    explanation: str = ""
    topic: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "pairs", tuple((str(left), str(right)) for left, right in self.pairs))
        if len(self.pairs) < 3:
            raise ValueError(f"question {self.id!r}: pairs needs at least 3 pairs")
        for side, texts in (("left", self.lefts), ("right", self.rights)):
            if len({text.strip() for text in texts}) != len(texts):
                raise ValueError(f"question {self.id!r}: every {side} item must be different")

    @property
    def lefts(self) -> tuple[str, ...]:
        """The left-hand items, in bank order."""
        return tuple(left for left, _ in self.pairs)

    @property
    def rights(self) -> tuple[str, ...]:
        """The right-hand items, in bank order (item i matches left item i)."""
        return tuple(right for _, right in self.pairs)

    def matches(self, response: object) -> list[int | None] | None:
        """Read a response as the right-item index chosen for each left item (None: unanswered).

        Returns:
            None if the response is neither a list nor a mapping, or is too long to be real.
        """
        count = len(self.pairs)
        chosen: list[int | None] = [None] * count
        if isinstance(response, dict):
            if len(response) > MAX_LIST_RESPONSE_ITEMS:
                return None
            for key, value in response.items():
                left = _item_index(self.lefts, key)
                if left is not None:
                    chosen[left] = _item_index(self.rights, value)
            return chosen
        if not isinstance(response, (list, tuple)) or len(response) > MAX_LIST_RESPONSE_ITEMS:
            return None
        for left, value in enumerate(response[:count]):
            chosen[left] = None if value is None else _item_index(self.rights, value)
        return chosen

    def mark(self, response: object) -> Feedback:
        """Mark a set of matches.

        Args:
            response: As for :meth:`matches`. Anything else scores 0.

        Returns:
            Score = pairs matched ÷ pairs; correct only when every pair is matched.
        """
        chosen = self.matches(response)
        if chosen is None or all(index is None for index in chosen):
            return Feedback(False, 0.0, f"Match each of the {len(self.pairs)} items on the left with one on the right, "
                                        "then check.")
        right_count = sum(index == left for left, index in enumerate(chosen))
        if right_count == len(self.pairs):
            return Feedback(True, 1.0, f"All {len(self.pairs)} pairs are matched correctly. {self.explanation}".rstrip())
        lines = [f"{right_count} of {len(self.pairs)} pairs matched correctly."]
        for left, index in enumerate(chosen):
            if index is None:
                lines.append(f"{_quoted(self.lefts[left])} has no match yet.")
            elif index != left:
                lines.append(f"{_quoted(self.lefts[left])} does not go with {_quoted(self.rights[index])}.")
        return Feedback(False, right_count / len(self.pairs), "\n".join(lines))


MAX_EXTENDED_RESPONSE_CHARACTERS = 20_000
"""Longest extended answer read; a six-mark GCSE answer is a few hundred words."""


@dataclass(frozen=True)
class ExtendedResponseQuestion:
    """A written answer the teacher marks against the mark scheme themselves.

    For required-practical method and evaluation items: the teacher writes an
    answer, then sees the mark-scheme points and ticks those their answer meets;
    the self-assessed mark (points ticked, at most ``marks``) is the score, and the
    model answer is shown after.

    The response is a mapping ``{"answer": text, "points": [indexes ticked]}``, or
    just the list of indexes ticked.

    Attributes:
        id: Slug unique within its bank.
        prompt: The question, plain text.
        marks: The marks available (a whole number, at least 1).
        mark_scheme: The points a teacher ticks; at least ``marks`` of them.
        model_answer: A full-marks answer written at GCSE level.
        practical: The required practical it belongs to, e.g.
            ``"AQA physics RP 1: specific heat capacity"``, or "".
        topic: The bank's topic.
    """

    id: str
    prompt: str
    marks: int
    mark_scheme: tuple[str, ...]
    model_answer: str
    practical: str = ""
    topic: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "mark_scheme", tuple(self.mark_scheme))
        if isinstance(self.marks, bool) or not isinstance(self.marks, int) or self.marks < 1:
            raise ValueError(f"question {self.id!r}: marks must be a whole number of at least 1, got {self.marks!r}")
        if len(self.mark_scheme) < self.marks:
            raise ValueError(f"question {self.id!r}: mark_scheme has {len(self.mark_scheme)} point(s) for "
                             f"{self.marks} marks; give at least one point per mark")
        if len({point.strip() for point in self.mark_scheme}) != len(self.mark_scheme):
            raise ValueError(f"question {self.id!r}: mark_scheme points must all be different")
        if not self.model_answer.strip():
            raise ValueError(f"question {self.id!r}: model_answer must not be empty")

    def self_assessment(self, response: object) -> tuple[str | None, frozenset[int]] | None:
        """Read a response as ``(answer text or None, indexes of the points ticked)``.

        Returns:
            None for a response that is neither form, or too long to be real.
        """
        answer: str | None = None
        points = response
        if isinstance(response, dict):
            answer = response.get("answer")
            if answer is not None and not isinstance(answer, str):
                return None
            points = response.get("points", ())
        if isinstance(answer, str) and len(answer) > MAX_EXTENDED_RESPONSE_CHARACTERS:
            return None
        if not isinstance(points, _LIST_TYPES) or len(points) > MAX_LIST_RESPONSE_ITEMS:
            return None
        ticked = {_item_index(self.mark_scheme, point) for point in points}
        return answer, frozenset(index for index in ticked if index is not None)

    def mark(self, response: object) -> Feedback:
        """Record a self-assessment.

        Args:
            response: As for :meth:`self_assessment`. Anything else scores 0.

        Returns:
            Score = min(points ticked, marks) ÷ marks; the message says the mark and
            lists the points not ticked, so the teacher sees what a full answer adds.
        """
        read = self.self_assessment(response)
        if read is None:
            return Feedback(False, 0.0, "Write your answer, then tick the mark-scheme points it meets.")
        answer, ticked = read
        if answer is not None and not answer.strip():
            return Feedback(False, 0.0, "Write your answer first, then tick the mark-scheme points it meets.")
        awarded = min(len(ticked), self.marks)
        plural = "s" if self.marks != 1 else ""
        lines = [f"Self-assessed: {awarded} of {self.marks} mark{plural} "
                 f"({len(ticked)} of {len(self.mark_scheme)} mark-scheme points ticked)."]
        missed = [point for index, point in enumerate(self.mark_scheme) if index not in ticked]
        if missed and awarded < self.marks:
            lines.append("Points a fuller answer would make: " + "; ".join(missed) + ".")
        return Feedback(awarded == self.marks, awarded / self.marks, "\n".join(lines))
