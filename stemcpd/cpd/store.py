"""The teacher's CPD record, kept in one SQLite file on their own machine.

A :class:`ProgressStore` holds two kinds of record:

* **attempts**: one row per quiz answer (what was answered, whether it was
  right, which misconception it showed, how confident the teacher felt);
* **entries**: free text the teacher writes in the CPD Impact Toolkit (action
  plans, reflections, impact records). Saving a field again adds a new row, so
  the history of a plan is kept; :meth:`ProgressStore.latest_entries` gives the
  newest text per field.

Why it is built this way:

* The file is opened lazily, so building a store (or displaying an empty form)
  creates nothing on disk. Reading a store whose file does not exist yet
  returns empty results and still creates nothing.
* WAL journal mode with ``synchronous=FULL`` and one transaction per write:
  a kernel killed mid-save leaves either the whole write or none of it, and a
  notebook and a command-line tool can use the same file at once.
* The schema is versioned with ``PRAGMA user_version``; :data:`MIGRATIONS` is
  the hook later versions append to.
* Only parameterised SQL is used for values.
* A record exported elsewhere (the course site, another computer) joins this one
  with :meth:`ProgressStore.import_record`: one transaction, original timestamps,
  nothing added twice. Reads are ordered by time (then id), so imported history
  takes its place among what was saved here.

Timestamps are ISO-8601 strings in UTC in the file and timezone-aware
:class:`datetime.datetime` objects in Python.
"""

from __future__ import annotations

import json
import math
import numbers
import os
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

STORE_FILE_NAME = "progress.sqlite"
HOME_ENVIRONMENT_VARIABLE = "STEMCPD_HOME"

ENTRY_KINDS = ("action_plan", "reflection", "impact_record")
CONFIDENCE_LEVELS = ("guess", "unsure", "sure")

MAX_RESPONSE_CHARS = 10_000
"""Longest quiz response stored; longer ones are cut and end with a marker."""

TRUNCATION_MARKER = "… [truncated: {total} characters in the original response]"

BUSY_TIMEOUT_SECONDS = 10.0
"""How long a write waits for another process (notebook vs CLI) to finish."""

MigrationStep = Sequence[str] | Callable[[sqlite3.Connection], None]

# Schema history. Step n (counting from 1) upgrades a file at user_version
# n - 1 to n. Append new steps; never edit one that has shipped, because
# teachers' files on disk were built by it. A step is either SQL statements or
# a function given the connection, already inside the migration transaction.
MIGRATIONS: list[MigrationStep] = [
    (
        """
        CREATE TABLE attempts (
            id            INTEGER PRIMARY KEY AUTOINCREMENT,
            learner       TEXT    NOT NULL DEFAULT 'me',
            module        TEXT    NOT NULL CHECK (length(trim(module)) > 0),
            bank_topic    TEXT    NOT NULL,
            question_id   TEXT    NOT NULL,
            response      TEXT    NOT NULL,
            correct       INTEGER NOT NULL CHECK (correct IN (0, 1)),
            score         REAL    NOT NULL,
            misconception TEXT    NULL,
            confidence    TEXT    NULL
                          CHECK (confidence IS NULL
                                 OR confidence IN ('guess', 'unsure', 'sure')),
            answered_at   TEXT    NOT NULL
        )
        """,
        "CREATE INDEX attempts_by_module ON attempts (module, id)",
        """
        CREATE TABLE entries (
            id       INTEGER PRIMARY KEY AUTOINCREMENT,
            module   TEXT NOT NULL CHECK (length(trim(module)) > 0),
            kind     TEXT NOT NULL
                     CHECK (kind IN ('action_plan', 'reflection', 'impact_record')),
            field    TEXT NOT NULL CHECK (length(trim(field)) > 0),
            text     TEXT NOT NULL,
            saved_at TEXT NOT NULL
        )
        """,
        "CREATE INDEX entries_by_module_kind_field ON entries (module, kind, field, id)",
    ),
]


@dataclass
class ImportResult:
    """What :meth:`ProgressStore.import_record` did.

    Attributes:
        attempts_added: Quiz answers new to this store, now added.
        attempts_already_present: Answers skipped because the store had them.
        entries_added: Toolkit entries added.
        entries_already_present: Entries skipped because the store had them.
    """

    attempts_added: int = 0
    attempts_already_present: int = 0
    entries_added: int = 0
    entries_already_present: int = 0


class SchemaTooNewError(RuntimeError):
    """The file was written by a newer stemcpd than the one running."""


@dataclass(frozen=True)
class Attempt:
    """One stored answer to a quiz question.

    Attributes:
        id: Row id; increases with each attempt recorded.
        learner: Who answered (``"me"`` for a single teacher).
        module: CPD module the question belongs to, e.g. ``"pendulum"``.
        bank_topic: Topic of the question bank, e.g. ``"forces"``.
        question_id: Identifier of the question within its bank.
        response: What the teacher answered, as text (possibly truncated).
        correct: Whether the answer was marked correct.
        score: Mark given, as produced by the quiz marker.
        misconception: Misconception the answer revealed, or None.
        confidence: ``"guess"``, ``"unsure"``, ``"sure"`` or None.
        answered_at: When it was recorded, timezone-aware, UTC.
    """

    id: int
    learner: str
    module: str
    bank_topic: str
    question_id: str
    response: str
    correct: bool
    score: float
    misconception: str | None
    confidence: str | None
    answered_at: datetime


@dataclass(frozen=True)
class Entry:
    """One saved piece of text from the CPD Impact Toolkit.

    Attributes:
        id: Row id; increases with each save.
        module: CPD module the entry is about.
        kind: ``"action_plan"``, ``"reflection"`` or ``"impact_record"``.
        field: Which prompt of the form this answers, e.g. ``"planned_change"``.
        text: The teacher's text, exactly as typed.
        saved_at: When it was saved, timezone-aware, UTC.
    """

    id: int
    module: str
    kind: str
    field: str
    text: str
    saved_at: datetime


def default_store_path() -> Path:
    """Where the CPD record lives when no path is given.

    Returns:
        ``$STEMCPD_HOME/progress.sqlite`` if ``STEMCPD_HOME`` is set and not
        empty, otherwise ``~/.stemcpd/progress.sqlite``. Read at call time, so
        changing the environment variable takes effect immediately.
    """
    home = os.environ.get(HOME_ENVIRONMENT_VARIABLE, "").strip()
    if home:
        return Path(home).expanduser() / STORE_FILE_NAME
    return Path.home() / ".stemcpd" / STORE_FILE_NAME


def _utc_now() -> datetime:
    return datetime.now(timezone.utc)


class ProgressStore:
    """Quiz attempts and CPD Toolkit entries in one SQLite file.

    Nothing touches the disk until the first read or write. Use it as a
    context manager, or call :meth:`close`; a closed store reopens itself if
    used again.

    Args:
        path: SQLite file to use; defaults to :func:`default_store_path`.
        clock: Returns the current time as an aware datetime; tests pass a
            fixed clock. Defaults to the system clock in UTC.

    Example:
        >>> with ProgressStore(tmp_path / "progress.sqlite") as store:  # doctest: +SKIP
        ...     store.save_entry(module="pendulum", kind="action_plan",
        ...                      field="planned_change", text="Start with a demo.")
    """

    def __init__(
        self,
        path: str | os.PathLike[str] | None = None,
        *,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        self._path = Path(path).expanduser() if path is not None else default_store_path()
        self._clock = clock if clock is not None else _utc_now
        self._connection: sqlite3.Connection | None = None
        # One connection may be used from a widget callback thread and the
        # notebook's main thread; the lock keeps their transactions apart.
        self._lock = threading.RLock()

    def __repr__(self) -> str:
        return f"ProgressStore({str(self._path)!r})"

    @property
    def path(self) -> Path:
        """The SQLite file this store reads and writes."""
        return self._path

    @property
    def exists(self) -> bool:
        """Whether the file is already on disk (nothing has been saved if not)."""
        return self._path.exists()

    # ------------------------------------------------------------------ writes

    def record_attempt(
        self,
        *,
        module: str,
        bank_topic: str,
        question_id: str,
        response: Any,
        feedback: Any,
        confidence: str | None = None,
    ) -> Attempt:
        """Store one answer to a quiz question.

        Args:
            module: CPD module, e.g. ``"pendulum"``; must not be empty.
            bank_topic: Topic of the question bank; must not be empty.
            question_id: Question identifier; must not be empty.
            response: The teacher's answer. Text is stored as is; anything else
                (a choice index, a list of choices) is stored as JSON. Text
                longer than :data:`MAX_RESPONSE_CHARS` is cut and marked.
            feedback: The marker's verdict: any object with ``.correct``
                (bool), ``.score`` (finite number) and ``.misconception``
                (str or None).
            confidence: ``"guess"``, ``"unsure"``, ``"sure"`` or None.

        Returns:
            The stored attempt, with its id and timestamp.

        Raises:
            ValueError: If an argument is empty or outside its allowed values.
            TypeError: If an argument has the wrong type.
        """
        module = _require_text("module", module)
        bank_topic = _require_text("bank_topic", bank_topic)
        question_id = _require_text("question_id", question_id)
        response_text = _response_as_text(response)
        correct, score, misconception = _read_feedback(feedback)
        if confidence is not None and confidence not in CONFIDENCE_LEVELS:
            raise ValueError(
                f"confidence must be one of {', '.join(map(repr, CONFIDENCE_LEVELS))}"
                f" or None, not {confidence!r}"
            )
        answered_at = self._now_iso()
        with self._transaction() as connection:
            cursor = connection.execute(
                "INSERT INTO attempts (module, bank_topic, question_id, response,"
                " correct, score, misconception, confidence, answered_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    module,
                    bank_topic,
                    question_id,
                    response_text,
                    int(correct),
                    score,
                    misconception,
                    confidence,
                    answered_at,
                ),
            )
            row = connection.execute(
                f"SELECT {_ATTEMPT_COLUMNS} FROM attempts WHERE id = ?",
                (cursor.lastrowid,),
            ).fetchone()
        return _attempt_from_row(row)

    def save_entry(self, *, module: str, kind: str, field: str, text: str) -> Entry:
        """Save the text of one Toolkit prompt; earlier versions are kept.

        Args:
            module: CPD module; must not be empty.
            kind: ``"action_plan"``, ``"reflection"`` or ``"impact_record"``.
            field: Which prompt this answers; must not be empty.
            text: The teacher's text, stored verbatim (may be empty, which
                records that the field was cleared).

        Returns:
            The stored entry.

        Raises:
            ValueError: If module or field is empty or kind is not allowed.
            TypeError: If text is not a string.
        """
        return self.save_entries(module=module, kind=kind, texts={field: text})[0]

    def save_entries(self, *, module: str, kind: str, texts: Mapping[str, str]) -> list[Entry]:
        """Save several prompts of one form in a single transaction.

        Either every field is stored or, if anything fails, none is.

        Args:
            module: CPD module; must not be empty.
            kind: ``"action_plan"``, ``"reflection"`` or ``"impact_record"``.
            texts: Field name to text, each stored as in :meth:`save_entry`.

        Returns:
            The stored entries, in the order of ``texts``.

        Raises:
            ValueError: If module, a field or ``texts`` is empty, or kind is
                not allowed.
            TypeError: If a text is not a string.
        """
        module = _require_text("module", module)
        kind = _require_kind(kind)
        if not texts:
            raise ValueError("texts must contain at least one field to save")
        rows = []
        for field, text in texts.items():
            field = _require_text("field", field)
            if not isinstance(text, str):
                raise TypeError(f"text for field {field!r} must be a str, not {type(text).__name__}")
            rows.append((module, kind, field, text))
        saved_at = self._now_iso()
        with self._transaction() as connection:
            first_id = None
            for row in rows:
                cursor = connection.execute(
                    "INSERT INTO entries (module, kind, field, text, saved_at)"
                    " VALUES (?, ?, ?, ?, ?)",
                    (*row, saved_at),
                )
                if first_id is None:
                    first_id = cursor.lastrowid
            stored = connection.execute(
                f"SELECT {_ENTRY_COLUMNS} FROM entries WHERE id >= ? AND id <= ? ORDER BY id",
                (first_id, cursor.lastrowid),
            ).fetchall()
        return [_entry_from_row(row) for row in stored]

    def import_record(
        self, attempts: Sequence[Mapping[str, Any]], entries: Sequence[Mapping[str, Any]]
    ) -> ImportResult:
        """Add another copy's attempts and entries (a record file's), in ONE transaction.

        Each attempt and entry keeps its original timestamp. One already in the store
        (the same values at the same moment) is skipped, so importing the same file
        twice adds nothing, and neither does importing a file this store exported.
        Either everything new is added or, if anything fails, nothing is.

        Args:
            attempts: Dicts shaped like a record file's attempts (``module``,
                ``bank_topic``, ``question_id``, ``response``, ``correct``, ``score``,
                ``misconception``, ``confidence``, ``answered_at``), already checked
                against the record schema (:mod:`stemcpd.cpd.record_file`).
            entries: Dicts shaped like its entries (``module``, ``kind``, ``field``,
                ``text``, ``saved_at``), checked likewise.

        Returns:
            How many attempts and entries were added and how many were already here.

        Raises:
            ValueError: If a value is empty, out of range or not an ISO timestamp
                with a time zone.
            TypeError: If a value has the wrong type.
        """
        attempt_rows = []
        for attempt in attempts:
            confidence = attempt.get("confidence")
            if confidence is not None and confidence not in CONFIDENCE_LEVELS:
                raise ValueError(f"confidence must be one of {', '.join(CONFIDENCE_LEVELS)} or null, not {confidence!r}")
            correct = attempt["correct"]
            if correct not in (True, False):
                raise TypeError(f"correct must be true or false, not {correct!r}")
            score = attempt["score"]
            if isinstance(score, bool) or not isinstance(score, numbers.Real) or not math.isfinite(float(score)):
                raise ValueError(f"score must be a finite number, not {score!r}")
            response = attempt["response"]
            if not isinstance(response, str):
                raise TypeError(f"response must be a str, not {type(response).__name__}")
            misconception = attempt.get("misconception")
            if misconception is not None and not isinstance(misconception, str):
                raise TypeError(f"misconception must be a str or null, not {type(misconception).__name__}")
            attempt_rows.append((
                _require_text("module", attempt["module"]),
                _require_text("bank_topic", attempt["bank_topic"]),
                _require_text("question_id", attempt["question_id"]),
                response[:MAX_RESPONSE_CHARS],
                int(correct),
                float(score),
                misconception or None,
                confidence,
                _utc_iso(attempt["answered_at"]),
            ))
        entry_rows = []
        for entry in entries:
            text = entry["text"]
            if not isinstance(text, str):
                raise TypeError(f"text must be a str, not {type(text).__name__}")
            entry_rows.append((
                _require_text("module", entry["module"]),
                _require_kind(entry["kind"]),
                _require_text("field", entry["field"]),
                text,
                _utc_iso(entry["saved_at"]),
            ))
        # Oldest first, so ids follow time as they do for answers saved here.
        attempt_rows.sort(key=lambda row: row[-1])
        entry_rows.sort(key=lambda row: row[-1])
        result = ImportResult()
        with self._transaction() as connection:
            seen_attempts = set(connection.execute(
                "SELECT module, bank_topic, question_id, response, correct, score, misconception,"
                " confidence, answered_at FROM attempts").fetchall())
            seen_entries = set(connection.execute(
                "SELECT module, kind, field, text, saved_at FROM entries").fetchall())
            for row in attempt_rows:
                if row in seen_attempts:
                    result.attempts_already_present += 1
                    continue
                connection.execute(
                    "INSERT INTO attempts (module, bank_topic, question_id, response,"
                    " correct, score, misconception, confidence, answered_at)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", row)
                seen_attempts.add(row)
                result.attempts_added += 1
            for row in entry_rows:
                if row in seen_entries:
                    result.entries_already_present += 1
                    continue
                connection.execute(
                    "INSERT INTO entries (module, kind, field, text, saved_at) VALUES (?, ?, ?, ?, ?)", row)
                seen_entries.add(row)
                result.entries_added += 1
        return result

    # ------------------------------------------------------------------- reads

    def attempts(self, module: str | None = None) -> list[Attempt]:
        """All stored quiz attempts, oldest first.

        Args:
            module: Only this module's attempts; None for every module.
        """
        if module is not None:
            module = _require_text("module", module)
        if not self._ready_to_read():
            return []
        sql = f"SELECT {_ATTEMPT_COLUMNS} FROM attempts"
        parameters: tuple[Any, ...] = ()
        if module is not None:
            sql += " WHERE module = ?"
            parameters = (module,)
        with self._lock:
            rows = self._connect(for_writing=False).execute(sql + " ORDER BY answered_at, id", parameters).fetchall()
        return [_attempt_from_row(row) for row in rows]

    def entries(self, module: str | None = None, kind: str | None = None) -> list[Entry]:
        """Every saved Toolkit entry, including earlier versions, oldest first.

        Args:
            module: Only this module; None for every module.
            kind: Only this kind; None for every kind.
        """
        conditions, parameters = [], []
        if module is not None:
            conditions.append("module = ?")
            parameters.append(_require_text("module", module))
        if kind is not None:
            conditions.append("kind = ?")
            parameters.append(_require_kind(kind))
        if not self._ready_to_read():
            return []
        sql = f"SELECT {_ENTRY_COLUMNS} FROM entries"
        if conditions:
            sql += " WHERE " + " AND ".join(conditions)
        with self._lock:
            rows = self._connect(for_writing=False).execute(sql + " ORDER BY saved_at, id", parameters).fetchall()
        return [_entry_from_row(row) for row in rows]

    def latest_entries(self, module: str, kind: str) -> dict[str, str]:
        """The newest text for each field of one module's form.

        Args:
            module: CPD module; must not be empty.
            kind: ``"action_plan"``, ``"reflection"`` or ``"impact_record"``.

        Returns:
            Field name to its most recently saved text, in the order the
            fields were last saved. Empty if nothing has been saved.
        """
        module = _require_text("module", module)
        kind = _require_kind(kind)
        if not self._ready_to_read():
            return {}
        # Newest by saved_at, ties broken by id (timestamps can tie, ids never do): an
        # imported record may bring older texts after newer local ones.
        with self._lock:
            rows = self._connect(for_writing=False).execute(
                "SELECT field, text FROM ("
                " SELECT field, text, saved_at, id, ROW_NUMBER() OVER ("
                "  PARTITION BY field ORDER BY saved_at DESC, id DESC) AS newness"
                " FROM entries WHERE module = ? AND kind = ?"
                ") WHERE newness = 1 ORDER BY saved_at, id",
                (module, kind),
            ).fetchall()
        return {field: text for field, text in rows}

    # --------------------------------------------------------------- lifecycle

    def close(self) -> None:
        """Close the file. Safe to call twice; using the store again reopens it."""
        with self._lock:
            if self._connection is not None:
                self._connection.close()
                self._connection = None

    def __enter__(self) -> ProgressStore:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # ---------------------------------------------------------------- internals

    def _now_iso(self) -> str:
        return self._clock().astimezone(timezone.utc).isoformat(timespec="seconds")

    def _ready_to_read(self) -> bool:
        """Open the file for reading if it exists; never create it just to read."""
        return self._connection is not None or self._path.exists()

    def _connect(self, for_writing: bool = True) -> sqlite3.Connection:
        """The open connection, opening the file first if needed.

        Args:
            for_writing: False for reads (exports, reports): if the file or its folder
                is read-only, it is then opened read-only, with no journal-mode switch
                and no migration, so exporting from a read-only record works.
        """
        with self._lock:
            if self._connection is None:
                if not for_writing and self._path.exists() and not _writable(self._path):
                    self._connection = _open_read_only(self._path)
                    return self._connection
                self._path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
                # isolation_level=None: we issue BEGIN ourselves so that schema
                # changes are transactional too (the sqlite3 module's implicit
                # transactions do not cover CREATE TABLE).
                connection = sqlite3.connect(
                    self._path,
                    timeout=BUSY_TIMEOUT_SECONDS,
                    isolation_level=None,
                    check_same_thread=False,
                )
                try:
                    _switch_to_wal(connection)
                    connection.execute("PRAGMA synchronous=FULL")
                    _migrate(connection)
                except BaseException:
                    connection.close()
                    raise
                self._connection = connection
            return self._connection

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction: committed if the block ends, rolled back if it raises.

        BEGIN IMMEDIATE takes the write lock up front, so two processes
        writing at once queue (up to the busy timeout) instead of failing
        half-way through.
        """
        with self._lock:
            connection = self._connect()
            connection.execute("BEGIN IMMEDIATE")
            try:
                yield connection
                connection.execute("COMMIT")
            except BaseException:
                # SQLite may already have rolled back (e.g. disk full).
                if connection.in_transaction:
                    connection.execute("ROLLBACK")
                raise


def _writable(path: Path) -> bool:
    """Whether SQLite could write ``path`` (the file and, for its journal, its folder)."""
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK | os.X_OK)


def _open_read_only(path: Path) -> sqlite3.Connection:
    """Open a record SQLite cannot write: ``mode=ro``, or ``immutable`` if even that fails.

    A WAL-mode file in a read-only folder cannot create its shared-memory file, so
    ``mode=ro`` alone fails there; nothing can be writing to such a file, so it is
    read as immutable. The schema version is still checked.
    """
    uri = path.resolve().as_uri()
    last_error: sqlite3.Error | None = None
    for options in ("mode=ro", "mode=ro&immutable=1"):
        connection = sqlite3.connect(f"{uri}?{options}", uri=True, timeout=BUSY_TIMEOUT_SECONDS,
                                     isolation_level=None, check_same_thread=False)
        try:
            version = connection.execute("PRAGMA user_version").fetchone()[0]
        except sqlite3.Error as error:
            connection.close()
            last_error = error
            continue
        if version > len(MIGRATIONS):
            connection.close()
            raise SchemaTooNewError(
                f"the CPD record was written by a newer stemcpd (schema version {version}; this one "
                f"understands up to {len(MIGRATIONS)}); please upgrade stemcpd"
            )
        if version < len(MIGRATIONS):
            connection.close()
            raise sqlite3.OperationalError(
                f"the CPD record {path} is read-only and was written by an older stemcpd; "
                "copy it somewhere writable to upgrade it"
            )
        return connection
    assert last_error is not None
    raise last_error


def _switch_to_wal(connection: sqlite3.Connection) -> None:
    """``PRAGMA journal_mode=WAL``, retried for up to the busy timeout.

    Changing the journal mode needs an exclusive lock and SQLite does not apply the
    busy timeout to it, so several processes opening a new file at once could fail
    with "database is locked" straight away (issue 16, item 5).
    """
    deadline = time.monotonic() + BUSY_TIMEOUT_SECONDS
    pause = 0.005
    while True:
        try:
            connection.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) and "busy" not in str(error):
                raise
            if time.monotonic() + pause > deadline:
                raise
            time.sleep(pause)
            pause = min(pause * 2, 0.25)


def _migrate(connection: sqlite3.Connection) -> None:
    """Bring the file's schema up to ``len(MIGRATIONS)``, one step per transaction."""
    target_version = len(MIGRATIONS)
    # Fast path without the write lock, so opening an up-to-date file never
    # waits for another process's write.
    if connection.execute("PRAGMA user_version").fetchone()[0] == target_version:
        return
    while True:
        connection.execute("BEGIN IMMEDIATE")
        try:
            # Read inside the transaction: another process may have migrated
            # the file between our checks.
            version = connection.execute("PRAGMA user_version").fetchone()[0]
            if version > target_version:
                raise SchemaTooNewError(
                    f"the CPD record was written by a newer stemcpd (schema version"
                    f" {version}; this one understands up to {target_version});"
                    " please upgrade stemcpd"
                )
            if version == target_version:
                connection.execute("COMMIT")
                return
            step = MIGRATIONS[version]
            if callable(step):
                step(connection)
            else:
                for statement in step:
                    connection.execute(statement)
            # PRAGMA takes no parameters; the value is an int we computed.
            connection.execute(f"PRAGMA user_version = {int(version) + 1}")
            connection.execute("COMMIT")
        except BaseException:
            if connection.in_transaction:
                connection.execute("ROLLBACK")
            raise


_ATTEMPT_COLUMNS = (
    "id, learner, module, bank_topic, question_id, response, correct, score,"
    " misconception, confidence, answered_at"
)
_ENTRY_COLUMNS = "id, module, kind, field, text, saved_at"


def _attempt_from_row(row: tuple[Any, ...]) -> Attempt:
    (row_id, learner, module, bank_topic, question_id, response, correct, score,
     misconception, confidence, answered_at) = row
    return Attempt(
        id=row_id,
        learner=learner,
        module=module,
        bank_topic=bank_topic,
        question_id=question_id,
        response=response,
        correct=bool(correct),
        score=float(score),
        misconception=misconception,
        confidence=confidence,
        answered_at=datetime.fromisoformat(answered_at),
    )


def _entry_from_row(row: tuple[Any, ...]) -> Entry:
    row_id, module, kind, field, text, saved_at = row
    return Entry(
        id=row_id,
        module=module,
        kind=kind,
        field=field,
        text=text,
        saved_at=datetime.fromisoformat(saved_at),
    )


def _utc_iso(value: Any) -> str:
    """An ISO-8601 timestamp with a time zone, as the UTC text the file stores.

    Whole seconds are written as this store writes its own (``…T21:04:05+00:00``), so
    an exported and re-imported answer is recognised as the same answer.
    """
    if not isinstance(value, str):
        raise TypeError(f"a timestamp must be a str, not {type(value).__name__}")
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{value!r} is not an ISO 8601 date and time") from None
    if moment.tzinfo is None:
        raise ValueError(f"{value!r} has no time zone")
    moment = moment.astimezone(timezone.utc)
    return moment.isoformat(timespec="seconds" if moment.microsecond == 0 else "microseconds")


def _require_text(name: str, value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a str, not {type(value).__name__}")
    if not value.strip():
        raise ValueError(f"{name} must be a non-empty string")
    return value


def _require_kind(kind: Any) -> str:
    if kind not in ENTRY_KINDS:
        raise ValueError(
            f"kind must be one of {', '.join(map(repr, ENTRY_KINDS))}, not {kind!r}"
        )
    return kind


def _response_as_text(response: Any) -> str:
    if isinstance(response, str):
        text = response
    else:
        try:
            text = json.dumps(response, ensure_ascii=False)
        except (TypeError, ValueError):
            text = str(response)
    if len(text) <= MAX_RESPONSE_CHARS:
        return text
    marker = TRUNCATION_MARKER.format(total=len(text))
    return text[: MAX_RESPONSE_CHARS - len(marker)] + marker


def _read_feedback(feedback: Any) -> tuple[bool, float, str | None]:
    missing = [name for name in ("correct", "score", "misconception") if not hasattr(feedback, name)]
    if missing:
        raise TypeError(
            "feedback must have .correct, .score and .misconception attributes;"
            f" {type(feedback).__name__} lacks {', '.join(missing)}"
        )
    correct = feedback.correct
    if correct not in (True, False):
        raise ValueError(f"feedback.correct must be True or False, not {correct!r}")
    score = feedback.score
    if not isinstance(score, numbers.Real) or not math.isfinite(float(score)):
        raise ValueError(f"feedback.score must be a finite number, not {score!r}")
    misconception = feedback.misconception
    if misconception is not None and not isinstance(misconception, str):
        raise TypeError(
            f"feedback.misconception must be a str or None, not {type(misconception).__name__}"
        )
    return bool(correct), float(score), misconception or None
