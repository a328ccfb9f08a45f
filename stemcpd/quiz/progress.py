"""Quiz progress moved between machines: export and import of the attempts in the CPD record.

There is one progress store, the CPD record's SQLite file
(:class:`stemcpd.cpd.store.ProgressStore`, ``$STEMCPD_HOME/progress.sqlite`` else
``~/.stemcpd/progress.sqlite``); it keeps one row per quiz answer, tagged with a CPD
*module* and a *bank topic*. This module only moves those rows: :func:`export_attempts`
writes every attempt to a JSON file (replaced atomically), and :func:`import_attempts`
adds a file's attempts through the store's public
:meth:`~stemcpd.cpd.store.ProgressStore.import_record`, in one transaction (the
whole file or none of it), skipping attempts already stored, so importing the same
file twice adds nothing. ``stemcpd quiz progress export FILE`` and ``… import FILE``
call them.
"""

from __future__ import annotations

import json
import math
import os
import tempfile
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from stemcpd.cpd.store import CONFIDENCE_LEVELS, Attempt, ImportResult, ProgressStore

EXPORT_FORMAT = "stemcpd-quiz-attempts"
EXPORT_VERSION = 1
DEFAULT_MODULE = "quiz"
"""The module answers given outside any workbook are kept under (``stemcpd quiz review``'s new questions)."""

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


def export_attempts(store: ProgressStore, path: str | os.PathLike[str], bank: str | None = None) -> int:
    """Write the store's attempts to a JSON file (replaced atomically: a crash never leaves half a file).

    Args:
        store: The CPD record.
        path: The file to write.
        bank: Only this bank topic's attempts; None for all.

    Returns:
        The number of attempts written.
    """
    attempts = [attempt for attempt in store.attempts() if bank is None or attempt.bank_topic == bank]
    document = {"format": EXPORT_FORMAT, "version": EXPORT_VERSION,
                "attempts": [_attempt_to_json(attempt) for attempt in attempts]}
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
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


def import_attempts(store: ProgressStore, path: str | os.PathLike[str]) -> ImportResult:
    """Add the attempts of an exported file that the store does not already have.

    Returns:
        What was added and what was already there.

    Raises:
        ImportFormatError: If the file is not a valid export; nothing is added.
    """
    entries = _read_export(Path(path))
    try:
        return store.import_record(entries, [])
    except (KeyError, TypeError, ValueError) as error:
        raise ImportFormatError(f"{Path(path).name}: {error}") from None


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


def _text(name: str, value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{name} should be non-empty text")
    return value


def _row_from_json(entry: Any) -> dict:
    """One exported attempt checked, as the store's ``import_record`` takes it."""
    if not isinstance(entry, dict):
        raise TypeError("should be a mapping")
    missing = [name for name in _EXPORTED_FIELDS if name not in entry and name != "learner"]
    if missing:
        raise KeyError(f"missing field {missing[0]!r}")
    for name in ("module", "bank_topic", "question_id"):
        _text(name, entry[name])
    if not isinstance(entry["response"], str):
        raise TypeError("response should be text")
    if entry["correct"] not in (True, False):
        raise ValueError(f"correct should be true or false, not {entry['correct']!r}")
    score = entry["score"]
    if isinstance(score, bool) or not isinstance(score, (int, float)) or not math.isfinite(score):
        raise ValueError(f"score should be a finite number, not {score!r}")
    if entry["misconception"] is not None and not isinstance(entry["misconception"], str):
        raise TypeError("misconception should be text or null")
    if entry["confidence"] is not None and entry["confidence"] not in CONFIDENCE_LEVELS:
        raise ValueError(f"confidence should be one of {', '.join(CONFIDENCE_LEVELS)} or null")
    if not isinstance(entry["answered_at"], str):
        raise TypeError("answered_at should be an ISO date and time")
    answered_at = datetime.fromisoformat(entry["answered_at"])
    if answered_at.tzinfo is None:
        raise ValueError("answered_at needs a timezone")
    return {name: entry[name] for name in _EXPORTED_FIELDS if name != "learner"}
