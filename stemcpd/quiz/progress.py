"""Quiz progress by bank: a thin adapter over the CPD record's SQLite store.

The CPD record (:class:`stemcpd.cpd.store.ProgressStore`) already keeps one row per
quiz answer, tagged with a CPD *module* and a *bank topic*. The quiz side thinks in
banks, so this adapter:

* maps ``bank_id`` (a bank's topic slug, e.g. ``"pendulum"``) to the store's
  ``bank_topic`` and tags new attempts with ``module`` (``"quiz"`` unless given);
* reads attempts by bank, across every module (a question answered inside a
  workbook and one answered from the command line are the same retrieval);
* exports and imports attempts as JSON, so a teacher can move their record
  between machines. Import is idempotent: importing the same file twice adds
  nothing.

There is no second database layer: the same file (``$STEMCPD_HOME/progress.sqlite``
else ``~/.stemcpd/progress.sqlite``), the same WAL + ``synchronous=FULL`` settings
and the same ``BEGIN IMMEDIATE … COMMIT`` transactions are used. Each recorded
attempt is committed before :meth:`ProgressStore.record_attempt` returns, so a
process killed afterwards cannot lose it, and two processes writing at once queue.
An import runs in one transaction: the whole file is added, or none of it.
"""

from __future__ import annotations

import json
import math
import os
import tempfile
from collections import Counter
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from stemcpd.cpd import store as cpd_store
from stemcpd.cpd.store import CONFIDENCE_LEVELS, Attempt

EXPORT_FORMAT = "stemcpd-quiz-attempts"
EXPORT_VERSION = 1
DEFAULT_MODULE = "quiz"

_EXPORTED_FIELDS = (
    "learner",
    "module",
    "bank_topic",
    "question_id",
    "response",
    "correct",
    "score",
    "misconception",
    "confidence",
    "answered_at",
)


class ImportFormatError(ValueError):
    """An attempts file that is not a stemcpd quiz export (the message says why)."""


class ProgressStore:
    """Quiz attempts per bank, kept in the teacher's CPD record.

    Args:
        path: SQLite file; defaults to the CPD record's own default path.
        module: Module tag for attempts recorded here (the store needs one);
            ``"quiz"`` for quizzes taken outside a workbook.
        clock: Returns the current time (aware); tests pass a fixed clock.

    Example:
        >>> with ProgressStore() as progress:  # doctest: +SKIP
        ...     feedback = question.mark(1)
        ...     progress.record_attempt("pendulum", question.id, 1, feedback, "sure")
    """

    def __init__(
        self,
        path: str | os.PathLike[str] | None = None,
        *,
        module: str = DEFAULT_MODULE,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        self.module = cpd_store._require_text("module", module)
        self.store = cpd_store.ProgressStore(path, clock=clock)

    def __repr__(self) -> str:
        return f"stemcpd.quiz.progress.ProgressStore({str(self.path)!r}, module={self.module!r})"

    @property
    def path(self) -> Path:
        """The SQLite file (shared with the CPD record)."""
        return self.store.path

    # ------------------------------------------------------------------ writes

    def record_attempt(
        self,
        bank_id: str,
        question_id: str,
        response: Any,
        feedback: Any,
        confidence: str | None = None,
    ) -> Attempt:
        """Store one answer; it is committed to disk before this returns.

        Args:
            bank_id: The bank's topic slug, e.g. ``"pendulum"``.
            question_id: The question's id within the bank.
            response: What was answered (text as is; anything else as JSON).
            feedback: The :class:`~stemcpd.quiz.feedback.Feedback` from marking it.
            confidence: ``"guess"``, ``"unsure"``, ``"sure"`` or None.

        Returns:
            The stored attempt with its id and UTC timestamp.
        """
        return self.store.record_attempt(
            module=self.module,
            bank_topic=bank_id,
            question_id=question_id,
            response=response,
            feedback=feedback,
            confidence=confidence,
        )

    # ------------------------------------------------------------------- reads

    def attempts(self, bank_id: str | None = None) -> list[Attempt]:
        """Stored attempts, oldest first, from every module.

        Args:
            bank_id: Only this bank's attempts; None for all.
        """
        everything = self.store.attempts()
        if bank_id is None:
            return everything
        return [attempt for attempt in everything if attempt.bank_topic == bank_id]

    def bank_ids(self) -> list[str]:
        """Banks with at least one attempt, in order of their first attempt."""
        return list(dict.fromkeys(attempt.bank_topic for attempt in self.store.attempts()))

    # ------------------------------------------------------- export and import

    def export_json(self, path: str | os.PathLike[str]) -> int:
        """Write every attempt to a JSON file (replaced atomically).

        Returns:
            The number of attempts written.
        """
        attempts = self.store.attempts()
        document = {
            "format": EXPORT_FORMAT,
            "version": EXPORT_VERSION,
            "attempts": [_attempt_to_json(attempt) for attempt in attempts],
        }
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        # Write beside the target then rename, so a crash never leaves half a file.
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as file:
                json.dump(document, file, ensure_ascii=False, indent=1)
                file.flush()
                os.fsync(file.fileno())
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        return len(attempts)

    def import_json(self, path: str | os.PathLike[str]) -> int:
        """Add the attempts of an exported file that are not already stored.

        Attempts are matched on every stored field (not the row id, which differs
        between machines), counting repeats, so importing a file twice, or
        importing a file exported from this same record, adds nothing.

        Returns:
            The number of attempts added.

        Raises:
            ImportFormatError: If the file is not a valid export; nothing is added.
        """
        rows = _read_export(Path(path))
        # Read and write in one write transaction, so two imports of the same
        # file at once cannot both add it.
        with self.store._transaction() as connection:
            stored = Counter(
                connection.execute(
                    "SELECT learner, module, bank_topic, question_id, response, correct,"
                    " score, misconception, confidence, answered_at FROM attempts"
                ).fetchall()
            )
            added = 0
            for row in rows:
                if stored[row] > 0:
                    stored[row] -= 1
                    continue
                connection.execute(
                    "INSERT INTO attempts (learner, module, bank_topic, question_id, response,"
                    " correct, score, misconception, confidence, answered_at)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    row,
                )
                added += 1
        return added

    # --------------------------------------------------------------- lifecycle

    def close(self) -> None:
        """Close the file; using the store again reopens it."""
        self.store.close()

    def __enter__(self) -> ProgressStore:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


def _attempt_to_json(attempt: Attempt) -> dict[str, Any]:
    return {
        "learner": attempt.learner,
        "module": attempt.module,
        "bank_topic": attempt.bank_topic,
        "question_id": attempt.question_id,
        "response": attempt.response,
        "correct": attempt.correct,
        "score": attempt.score,
        "misconception": attempt.misconception,
        "confidence": attempt.confidence,
        "answered_at": attempt.answered_at.astimezone(timezone.utc).isoformat(timespec="seconds"),
    }


def _read_export(path: Path) -> list[tuple]:
    """Rows of an export, in the database's column order, checked before any write."""
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ImportFormatError(f"{path.name}: cannot read it as JSON ({error})") from None
    if not isinstance(document, dict) or document.get("format") != EXPORT_FORMAT:
        raise ImportFormatError(f"{path.name}: not a stemcpd quiz export (format should be {EXPORT_FORMAT!r})")
    if document.get("version") != EXPORT_VERSION:
        raise ImportFormatError(f"{path.name}: export version {document.get('version')!r} is not supported")
    entries = document.get("attempts")
    if not isinstance(entries, list):
        raise ImportFormatError(f"{path.name}: 'attempts' should be a list")
    rows = []
    for number, entry in enumerate(entries, start=1):
        try:
            rows.append(_row_from_json(entry))
        except (KeyError, TypeError, ValueError) as error:
            raise ImportFormatError(f"{path.name}: attempt {number}: {error}") from None
    return rows


def _row_from_json(entry: Any) -> tuple:
    if not isinstance(entry, dict):
        raise TypeError("should be a mapping")
    missing = [name for name in _EXPORTED_FIELDS if name not in entry]
    if missing:
        raise KeyError(f"missing field {missing[0]!r}")
    learner = cpd_store._require_text("learner", entry["learner"])
    module = cpd_store._require_text("module", entry["module"])
    bank_topic = cpd_store._require_text("bank_topic", entry["bank_topic"])
    question_id = cpd_store._require_text("question_id", entry["question_id"])
    response = entry["response"]
    if not isinstance(response, str):
        raise TypeError("response should be text")
    if entry["correct"] not in (True, False):
        raise ValueError(f"correct should be true or false, not {entry['correct']!r}")
    score = entry["score"]
    if isinstance(score, bool) or not isinstance(score, (int, float)) or not math.isfinite(score):
        raise ValueError(f"score should be a finite number, not {score!r}")
    misconception = entry["misconception"]
    if misconception is not None and not isinstance(misconception, str):
        raise TypeError("misconception should be text or null")
    confidence = entry["confidence"]
    if confidence is not None and confidence not in CONFIDENCE_LEVELS:
        raise ValueError(f"confidence should be one of {', '.join(CONFIDENCE_LEVELS)} or null")
    answered_at = datetime.fromisoformat(entry["answered_at"])
    if answered_at.tzinfo is None:
        raise ValueError("answered_at needs a timezone")
    answered_at_text = answered_at.astimezone(timezone.utc).isoformat(timespec="seconds")
    return (
        learner,
        module,
        bank_topic,
        question_id,
        response,
        int(entry["correct"]),
        float(score),
        misconception or None,
        confidence,
        answered_at_text,
    )
