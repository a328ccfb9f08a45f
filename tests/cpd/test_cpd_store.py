"""Tests for stemcpd.cpd.store: the SQLite CPD record.

Every test points STEMCPD_HOME and HOME at a temporary directory, so nothing
touches the real home directory.
"""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from dataclasses import FrozenInstanceError, dataclass
from datetime import datetime, timezone
from pathlib import Path

import pytest

from stemcpd.cpd import Attempt, Entry, ProgressStore, default_store_path
from stemcpd.cpd import store as store_module

FIXED_TIME = datetime(2024, 3, 4, 15, 30, 0, tzinfo=timezone.utc)


@dataclass
class FakeFeedback:
    """Stands in for stemcpd.quiz's Feedback; the store only duck-types it."""

    correct: bool = True
    score: float = 1.0
    misconception: str | None = None


@pytest.fixture(autouse=True)
def isolated_home(tmp_path, monkeypatch):
    home = tmp_path / "home"
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("STEMCPD_HOME", str(tmp_path / "stemcpd_home"))
    return home


@pytest.fixture
def store_path(tmp_path) -> Path:
    return tmp_path / "records" / "progress.sqlite"


@pytest.fixture
def store(store_path):
    with ProgressStore(store_path, clock=lambda: FIXED_TIME) as opened_store:
        yield opened_store


def record(store, **overrides):
    arguments = dict(
        module="pendulum",
        bank_topic="forces",
        question_id="q1",
        response="B",
        feedback=FakeFeedback(),
    )
    arguments.update(overrides)
    return store.record_attempt(**arguments)


def open_raw(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(path, isolation_level=None)


# --------------------------------------------------------------- where it lives


def test_default_path_uses_stemcpd_home(tmp_path):
    assert default_store_path() == tmp_path / "stemcpd_home" / "progress.sqlite"
    assert ProgressStore().path == tmp_path / "stemcpd_home" / "progress.sqlite"


def test_default_path_falls_back_to_home_directory(monkeypatch, isolated_home):
    monkeypatch.delenv("STEMCPD_HOME")
    assert default_store_path() == isolated_home / ".stemcpd" / "progress.sqlite"
    monkeypatch.setenv("STEMCPD_HOME", "")
    assert default_store_path() == isolated_home / ".stemcpd" / "progress.sqlite"


def test_constructing_and_reading_create_nothing(store_path):
    store = ProgressStore(store_path)
    assert store.attempts() == []
    assert store.entries() == []
    assert store.latest_entries("pendulum", "action_plan") == {}
    assert not store.exists
    assert not store_path.parent.exists()
    store.close()


def test_first_write_creates_parent_directories(store_path):
    with ProgressStore(store_path) as store:
        store.save_entry(module="pendulum", kind="reflection", field="note", text="hi")
    assert store_path.is_file()


# ---------------------------------------------------------------- file format


def test_file_uses_wal_full_sync_and_current_schema(store, store_path):
    store.save_entry(module="pendulum", kind="reflection", field="note", text="hi")
    assert store._connect().execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    raw = open_raw(store_path)
    try:
        assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert raw.execute("PRAGMA user_version").fetchone()[0] == len(store_module.MIGRATIONS)
        attempt_columns = [row[1] for row in raw.execute("PRAGMA table_info(attempts)")]
        entry_columns = [row[1] for row in raw.execute("PRAGMA table_info(entries)")]
    finally:
        raw.close()
    assert attempt_columns == [
        "id", "learner", "module", "bank_topic", "question_id", "response", "correct",
        "score", "misconception", "confidence", "answered_at",
    ]
    assert entry_columns == ["id", "module", "kind", "field", "text", "saved_at"]


def test_database_constraints_reject_bad_rows_from_other_writers(store, store_path):
    store.save_entry(module="pendulum", kind="reflection", field="note", text="hi")
    raw = open_raw(store_path)
    try:
        with pytest.raises(sqlite3.IntegrityError):
            raw.execute(
                "INSERT INTO entries (module, kind, field, text, saved_at)"
                " VALUES ('pendulum', 'diary', 'note', 'x', '2024-01-01T00:00:00+00:00')"
            )
        with pytest.raises(sqlite3.IntegrityError):
            raw.execute(
                "INSERT INTO attempts (module, bank_topic, question_id, response, correct,"
                " score, confidence, answered_at)"
                " VALUES ('pendulum', 't', 'q', 'r', 1, 1.0, 'certain', '2024-01-01')"
            )
        raw.execute(
            "INSERT INTO attempts (module, bank_topic, question_id, response, correct,"
            " score, answered_at) VALUES ('m', 't', 'q', 'r', 0, 0.0, '2024-01-01T00:00:00+00:00')"
        )
        learner = raw.execute("SELECT learner FROM attempts").fetchone()[0]
    finally:
        raw.close()
    assert learner == "me"


def test_migration_hook_upgrades_an_existing_file(store_path, monkeypatch):
    with ProgressStore(store_path) as store:
        store.save_entry(module="pendulum", kind="action_plan", field="planned_change", text="v1")

    def add_sessions_table(connection):
        connection.execute("CREATE TABLE sessions (id INTEGER PRIMARY KEY, seconds REAL)")

    upgraded = [
        *store_module.MIGRATIONS,
        ("CREATE TABLE badges (id INTEGER PRIMARY KEY, name TEXT)",),
        add_sessions_table,
    ]
    monkeypatch.setattr(store_module, "MIGRATIONS", upgraded)
    with ProgressStore(store_path) as store:
        assert store.latest_entries("pendulum", "action_plan") == {"planned_change": "v1"}
    raw = open_raw(store_path)
    try:
        assert raw.execute("PRAGMA user_version").fetchone()[0] == len(upgraded)
        tables = {row[0] for row in raw.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    finally:
        raw.close()
    assert {"attempts", "entries", "badges", "sessions"} <= tables


def test_failed_migration_step_leaves_the_file_unchanged(store_path, monkeypatch):
    with ProgressStore(store_path) as store:
        store.save_entry(module="pendulum", kind="reflection", field="note", text="kept")
    broken_step = ("CREATE TABLE half_done (id INTEGER)", "THIS IS NOT SQL")
    monkeypatch.setattr(store_module, "MIGRATIONS", [*store_module.MIGRATIONS, broken_step])
    with pytest.raises(sqlite3.OperationalError):
        ProgressStore(store_path).entries()
    raw = open_raw(store_path)
    try:
        assert raw.execute("PRAGMA user_version").fetchone()[0] == 1
        tables = {row[0] for row in raw.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    finally:
        raw.close()
    assert "half_done" not in tables


def test_file_from_a_newer_version_is_refused_clearly(store_path):
    with ProgressStore(store_path) as store:
        store.save_entry(module="pendulum", kind="reflection", field="note", text="hi")
    raw = open_raw(store_path)
    raw.execute("PRAGMA user_version = 99")
    raw.close()
    with pytest.raises(store_module.SchemaTooNewError, match="newer stemcpd"):
        ProgressStore(store_path).entries()


# ------------------------------------------------------------------- attempts


def test_record_attempt_round_trips_every_field(store):
    stored = record(
        store,
        response="The bob speeds up",
        feedback=FakeFeedback(correct=False, score=0.25, misconception="heavier_falls_faster"),
        confidence="unsure",
    )
    assert store.attempts() == [stored]
    assert stored == Attempt(
        id=stored.id,
        learner="me",
        module="pendulum",
        bank_topic="forces",
        question_id="q1",
        response="The bob speeds up",
        correct=False,
        score=0.25,
        misconception="heavier_falls_faster",
        confidence="unsure",
        answered_at=FIXED_TIME,
    )
    assert stored.answered_at.tzinfo is not None
    with pytest.raises(FrozenInstanceError):
        stored.score = 1.0


def test_attempts_filter_by_module_oldest_first(store):
    first = record(store, module="pendulum", question_id="q1")
    record(store, module="rates", question_id="r1")
    third = record(store, module="pendulum", question_id="q2", confidence="sure")
    assert store.attempts("pendulum") == [first, third]
    assert [attempt.module for attempt in store.attempts()] == ["pendulum", "rates", "pendulum"]
    assert store.attempts("no such module") == []


def test_timestamps_are_utc_iso_8601_in_the_file(store_path):
    local_time = datetime(2024, 6, 1, 9, 0, tzinfo=timezone.utc).astimezone()
    with ProgressStore(store_path, clock=lambda: local_time) as store:
        record(store)
    raw = open_raw(store_path)
    try:
        answered_at = raw.execute("SELECT answered_at FROM attempts").fetchone()[0]
    finally:
        raw.close()
    assert answered_at == "2024-06-01T09:00:00+00:00"


def test_non_text_responses_are_stored_as_json(store):
    assert record(store, response=[0, 2]).response == "[0, 2]"
    assert record(store, response=3).response == "3"


def test_long_responses_are_truncated_with_a_marker(store):
    long_response = "a" * 50_000
    stored = record(store, response=long_response)
    assert len(stored.response) == store_module.MAX_RESPONSE_CHARS
    assert stored.response.startswith("a" * 9_000)
    assert "truncated" in stored.response and "50000" in stored.response
    exactly_at_limit = "b" * store_module.MAX_RESPONSE_CHARS
    assert record(store, response=exactly_at_limit).response == exactly_at_limit


@pytest.mark.parametrize("confidence", ["certain", "", "Sure"])
def test_bad_confidence_names_parameter_and_choices(store, confidence):
    with pytest.raises(ValueError, match="confidence.*'guess', 'unsure', 'sure'"):
        record(store, confidence=confidence)
    assert store.attempts() == []


@pytest.mark.parametrize("parameter", ["module", "bank_topic", "question_id"])
@pytest.mark.parametrize("value", ["", "   "])
def test_empty_identifiers_are_rejected(store, parameter, value):
    with pytest.raises(ValueError, match=parameter):
        record(store, **{parameter: value})


def test_bad_feedback_is_rejected(store):
    class NoScore:
        correct = True
        misconception = None

    with pytest.raises(TypeError, match="score"):
        record(store, feedback=NoScore())
    with pytest.raises(ValueError, match="feedback.correct"):
        record(store, feedback=FakeFeedback(correct=None))
    with pytest.raises(ValueError, match="feedback.score"):
        record(store, feedback=FakeFeedback(score=float("nan")))
    with pytest.raises(TypeError, match="module"):
        record(store, module=None)
    assert store.attempts() == []


# -------------------------------------------------------------------- entries


@pytest.mark.parametrize(
    "text",
    [
        "Les élèves — “quotes”, 'apostrophes', émoji 🧪, 中文",
        "'); DROP TABLE entries; --",
        "line one\nline two\r\n\ttabbed  ",
        "",
        "x" * 100_000,
    ],
    ids=["unicode", "sql-like", "whitespace", "empty", "100kB"],
)
def test_entry_text_is_stored_verbatim(store, store_path, text):
    saved = store.save_entry(module="pendulum", kind="reflection", field="note", text=text)
    assert saved.text == text
    with ProgressStore(store_path) as reopened:
        assert reopened.latest_entries("pendulum", "reflection") == {"note": text}
        assert reopened.entries()[0].text == text


def test_saving_again_keeps_history_and_latest_is_newest(store):
    store.save_entry(module="pendulum", kind="action_plan", field="planned_change", text="first")
    store.save_entry(module="pendulum", kind="action_plan", field="review_date", text="March")
    store.save_entry(module="pendulum", kind="action_plan", field="planned_change", text="second")
    # Same module and field but another kind or module must not leak in.
    store.save_entry(module="pendulum", kind="impact_record", field="planned_change", text="other kind")
    store.save_entry(module="rates", kind="action_plan", field="planned_change", text="other module")

    # All saves share one timestamp (fixed clock): newest must still win.
    assert store.latest_entries("pendulum", "action_plan") == {
        "review_date": "March",
        "planned_change": "second",
    }
    history = store.entries("pendulum", "action_plan")
    assert [entry.text for entry in history] == ["first", "March", "second"]
    assert all(isinstance(entry, Entry) and entry.saved_at == FIXED_TIME for entry in history)
    assert [entry.module for entry in store.entries(kind="action_plan")] == ["pendulum"] * 3 + ["rates"]
    assert len(store.entries()) == 5


def test_save_entries_writes_a_whole_form(store):
    saved = store.save_entries(
        module="pendulum", kind="impact_record", texts={"reactions": "useful", "learning": "lots"}
    )
    assert [(entry.field, entry.text) for entry in saved] == [("reactions", "useful"), ("learning", "lots")]
    assert store.latest_entries("pendulum", "impact_record") == {"reactions": "useful", "learning": "lots"}


def test_save_entries_validates_every_field_before_writing(store):
    with pytest.raises(TypeError, match="learning"):
        store.save_entries(module="pendulum", kind="impact_record", texts={"reactions": "ok", "learning": None})
    with pytest.raises(ValueError, match="field"):
        store.save_entries(module="pendulum", kind="impact_record", texts={"reactions": "ok", " ": "x"})
    with pytest.raises(ValueError, match="texts"):
        store.save_entries(module="pendulum", kind="impact_record", texts={})
    assert store.entries() == []


@pytest.mark.parametrize("kind", ["diary", "", "Action_Plan", None])
def test_bad_kind_names_parameter_and_choices(store, kind):
    with pytest.raises(ValueError, match="kind.*'action_plan', 'reflection', 'impact_record'"):
        store.save_entry(module="pendulum", kind=kind, field="note", text="x")
    with pytest.raises(ValueError, match="kind"):
        store.latest_entries("pendulum", kind)
    assert store.entries() == []


def test_empty_module_and_field_are_rejected(store):
    with pytest.raises(ValueError, match="module"):
        store.save_entry(module="", kind="reflection", field="note", text="x")
    with pytest.raises(ValueError, match="field"):
        store.save_entry(module="pendulum", kind="reflection", field="", text="x")
    with pytest.raises(ValueError, match="module"):
        store.latest_entries(" ", "reflection")


# ----------------------------------------------------------------- durability


def run_python(script: str, *arguments: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(script), *arguments],
        capture_output=True,
        text=True,
        timeout=60,
    )


def integrity_check(path: Path) -> str:
    raw = open_raw(path)
    try:
        return raw.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        raw.close()


def test_write_killed_mid_transaction_leaves_no_partial_rows(store_path):
    # The child commits one entry, then dies with SIGKILL half-way through a
    # large transaction (big enough to spill uncommitted pages into the WAL).
    killed = run_python(
        """
        import os, signal, sys
        from stemcpd.cpd.store import ProgressStore

        store = ProgressStore(sys.argv[1])
        store.save_entry(module="pendulum", kind="action_plan", field="planned_change",
                         text="committed before the crash")
        store.record_attempt(module="pendulum", bank_topic="forces", question_id="q1",
                             response="B", feedback=type("F", (), {"correct": True,
                             "score": 1.0, "misconception": None})())
        with store._transaction() as connection:
            for index in range(3000):
                connection.execute(
                    "INSERT INTO entries (module, kind, field, text, saved_at)"
                    " VALUES (?, ?, ?, ?, ?)",
                    ("pendulum", "reflection", f"field{index}", "x" * 2000,
                     "2024-01-01T00:00:00+00:00"),
                )
            print("inside the transaction", flush=True)
            os.kill(os.getpid(), signal.SIGKILL)
        print("unreachable", flush=True)
        """,
        str(store_path),
    )
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    assert "inside the transaction" in killed.stdout
    assert "unreachable" not in killed.stdout

    assert integrity_check(store_path) == "ok"
    with ProgressStore(store_path) as reopened:
        assert [(entry.kind, entry.text) for entry in reopened.entries()] == [
            ("action_plan", "committed before the crash")
        ]
        assert [attempt.question_id for attempt in reopened.attempts()] == ["q1"]
        reopened.save_entry(module="pendulum", kind="reflection", field="after", text="still writable")
        assert reopened.latest_entries("pendulum", "reflection") == {"after": "still writable"}


def test_process_killed_while_saving_forms_keeps_whole_forms_only(store_path):
    # A child saves 100-field forms in a loop; we kill it at an arbitrary
    # moment. Every form must be stored completely or not at all.
    fields_per_form = 100
    child = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent(
                """
                import sys
                from stemcpd.cpd.store import ProgressStore

                store = ProgressStore(sys.argv[1])
                texts = {f"field{index}": "y" * 3000 for index in range(int(sys.argv[2]))}
                saved_forms = 0
                while True:
                    store.save_entries(module="pendulum", kind="reflection", texts=texts)
                    saved_forms += 1
                    print(saved_forms, flush=True)
                """
            ),
            str(store_path),
            str(fields_per_form),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        for line in child.stdout:
            if int(line) >= 3:
                break
        # The child spends nearly all its time inside save_entries, so a kill
        # after a pause almost always lands in the middle of a form.
        time.sleep(0.3)
        child.send_signal(signal.SIGKILL)
    finally:
        child.kill()
        child.wait(timeout=30)
        child.stdout.close()
    assert child.returncode == -signal.SIGKILL

    assert integrity_check(store_path) == "ok"
    with ProgressStore(store_path) as reopened:
        entries = reopened.entries()
    assert len(entries) >= 3 * fields_per_form
    assert len(entries) % fields_per_form == 0
    assert all(entry.text == "y" * 3000 for entry in entries)


def test_two_stores_on_one_file_see_each_others_writes(store_path):
    # As when a notebook and the command line use the same record at once.
    notebook_store = ProgressStore(store_path)
    cli_store = ProgressStore(store_path)
    try:
        notebook_store.save_entry(module="pendulum", kind="action_plan", field="planned_change", text="demo")
        assert cli_store.latest_entries("pendulum", "action_plan") == {"planned_change": "demo"}
        record(cli_store, question_id="from-cli")
        record(notebook_store, question_id="from-notebook")
        cli_store.save_entry(module="pendulum", kind="action_plan", field="planned_change", text="demo v2")
        assert [a.question_id for a in notebook_store.attempts()] == ["from-cli", "from-notebook"]
        assert [a.question_id for a in cli_store.attempts()] == ["from-cli", "from-notebook"]
        assert notebook_store.latest_entries("pendulum", "action_plan") == {"planned_change": "demo v2"}
    finally:
        notebook_store.close()
        cli_store.close()


def test_another_process_sees_committed_rows(store, store_path):
    store.save_entry(module="pendulum", kind="reflection", field="note", text="from the notebook")
    result = run_python(
        """
        import sys
        from stemcpd.cpd.store import ProgressStore
        with ProgressStore(sys.argv[1]) as store:
            print(store.latest_entries("pendulum", "reflection")["note"])
        """,
        str(store_path),
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "from the notebook"


def test_reopening_after_close_keeps_everything(store_path):
    store = ProgressStore(store_path)
    first_attempt = record(store, confidence="guess")
    store.save_entry(module="pendulum", kind="impact_record", field="learning", text="period ∝ √L")
    store.close()
    store.close()  # closing twice is harmless

    with ProgressStore(store_path) as reopened:
        assert reopened.attempts() == [first_attempt]
        assert reopened.latest_entries("pendulum", "impact_record") == {"learning": "period ∝ √L"}

    # A closed store reopens itself when used again.
    store.save_entry(module="pendulum", kind="impact_record", field="learning", text="and more")
    assert store.latest_entries("pendulum", "impact_record") == {"learning": "and more"}
    store.close()


def test_context_manager_closes_the_connection(store_path):
    with ProgressStore(store_path) as store:
        record(store)
        assert store._connection is not None
    assert store._connection is None
