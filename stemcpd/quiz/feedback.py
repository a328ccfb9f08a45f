"""The result of marking one response.

Every question type's ``mark(response)`` returns a :class:`Feedback`, so the
renderer, the CPD record and the tests all read the same small value.
"""

from __future__ import annotations

from dataclasses import dataclass


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
