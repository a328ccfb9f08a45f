"""The result of marking one response.

Every question type's ``mark(response)`` returns a :class:`Feedback`, so the
renderer, the CPD record and the tests all read the same small value.
"""

from __future__ import annotations

from dataclasses import dataclass, replace


@dataclass(frozen=True)
class Feedback:
    """What a learner is told after one attempt.

    Attributes:
        correct: True only for a fully correct answer.
        score: Credit from 0 to 1 (e.g. 0.5 for the right number without its unit).
        message: Plain text for the learner; no HTML.
        misconception: Id of the misconception this response suggests
            (e.g. ``"heavier-swings-faster"``), or None.
    """

    correct: bool
    score: float
    message: str
    misconception: str | None = None

    def __post_init__(self) -> None:
        if not 0.0 <= self.score <= 1.0:
            raise ValueError(f"score must be between 0 and 1, got {self.score!r}")
        if self.correct and self.score != 1.0:
            raise ValueError(f"a correct answer must score 1, got {self.score!r}")


CONFIDENT = "sure"
"""The confidence level that marks a response as confidently held."""

HYPERCORRECTION_MESSAGE = (
    "You were sure of this one, so it is worth a second look: confident errors, once "
    "corrected, are the ones best remembered (the hypercorrection effect; Butterfield & "
    "Metcalfe, 2001)."
)


def is_confident_error(feedback: Feedback, confidence: object) -> bool:
    """Whether a response was wrong although the learner was sure of it.

    Args:
        feedback: The marking result.
        confidence: ``"guess"``, ``"unsure"``, ``"sure"`` (any case) or None; anything
            else counts as not sure.

    Returns:
        True for a "sure" response that was not fully correct (partial credit included).
    """
    return isinstance(confidence, str) and confidence.strip().lower() == CONFIDENT and not feedback.correct


def apply_confidence(feedback: Feedback, confidence: object) -> Feedback:
    """Add what a learner's confidence tells them to the feedback.

    A confidently wrong answer gets :data:`HYPERCORRECTION_MESSAGE` appended; any
    other feedback is returned unchanged. Score, correctness and misconception are
    never changed, so what is recorded is the same whatever the learner felt.

    Args:
        feedback: The marking result.
        confidence: As for :func:`is_confident_error`.
    """
    if not is_confident_error(feedback, confidence):
        return feedback
    separator = "\n" if feedback.message else ""
    return replace(feedback, message=f"{feedback.message}{separator}{HYPERCORRECTION_MESSAGE}")
