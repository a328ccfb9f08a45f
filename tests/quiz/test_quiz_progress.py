"""The quiz's progress adapter: bank ids over the CPD store, export/import, crash safety."""

import json
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from datetime import datetime, timezone

import pytest

from stemcpd.cpd.store import ProgressStore as CpdStore
from stemcpd.quiz.feedback import Feedback
from stemcpd.quiz.progress import ImportFormatError, ProgressStore

RIGHT = Feedback(True, 1.0, "Right.")
WRONG = Feedback(False, 0.0, "Not yet.", "heavier-swings-faster")


def fixed_clock(moment=datetime(2024, 9, 2, 9, 0, tzinfo=timezone.utc)):
    return lambda: moment


@pytest.fixture
def store_path(tmp_path):
    return tmp_path / "progress.sqlite"


def test_attempts_are_stored_in_the_cpd_record_by_bank(store_path):
    with ProgressStore(store_path, clock=fixed_clock()) as progress:
        progress.record_attempt("pendulum", "period-mass", 1, WRONG, "sure")
        progress.record_attempt("energy", "energy-stores", "B", RIGHT)
        assert [a.question_id for a in progress.attempts("pendulum")] == ["period-mass"]
        assert len(progress.attempts()) == 2
        assert progress.bank_ids() == ["pendulum", "energy"]
    with CpdStore(store_path) as cpd:
        first = cpd.attempts()[0]
    assert (first.module, first.bank_topic, first.misconception, first.confidence) == (
        "quiz", "pendulum", "heavier-swings-faster", "sure")


def test_default_path_is_the_cpd_records(isolated_record):
    assert ProgressStore().path == isolated_record / "progress.sqlite"


def test_attempts_from_workbooks_count_for_their_bank(store_path):
    with CpdStore(store_path) as cpd:
        cpd.record_attempt(module="physics-pendulum", bank_topic="pendulum", question_id="period-1m",
                           response="2.01 s", feedback=RIGHT)
    with ProgressStore(store_path, module="cli") as progress:
        progress.record_attempt("pendulum", "period-mass", 0, RIGHT)
        assert [(a.module, a.question_id) for a in progress.attempts("pendulum")] == [
            ("physics-pendulum", "period-1m"), ("cli", "period-mass")]


def test_export_import_round_trip_is_idempotent(tmp_path):
    source = ProgressStore(tmp_path / "a.sqlite", clock=fixed_clock())
    source.record_attempt("pendulum", "period-mass", 1, WRONG, "sure")
    source.record_attempt("pendulum", "period-mass", 1, WRONG, "sure")  # a true repeat, same second
    source.record_attempt("energy", "energy-stores", {"choice": 2}, RIGHT, "guess")
    export = tmp_path / "export.json"
    assert source.export_json(export) == 3

    target = ProgressStore(tmp_path / "b.sqlite")
    assert target.import_json(export) == 3
    assert target.import_json(export) == 0
    assert source.import_json(export) == 0  # importing into the record it came from adds nothing

    def fields(store):
        return [(a.module, a.bank_topic, a.question_id, a.response, a.correct, a.score, a.misconception,
                 a.confidence, a.answered_at) for a in store.attempts()]

    assert fields(target) == fields(source)
    target.export_json(tmp_path / "again.json")
    assert json.loads((tmp_path / "again.json").read_text())["attempts"] == json.loads(export.read_text())["attempts"]


def test_bad_import_adds_nothing(tmp_path):
    good = {"learner": "me", "module": "quiz", "bank_topic": "pendulum", "question_id": "q", "response": "1",
            "correct": True, "score": 1.0, "misconception": None, "confidence": None,
            "answered_at": "2024-09-02T09:00:00+00:00"}
    bad = dict(good, confidence="certain")
    path = tmp_path / "bad.json"
    path.write_text(json.dumps({"format": "stemcpd-quiz-attempts", "version": 1, "attempts": [good, bad]}))
    progress = ProgressStore(tmp_path / "p.sqlite")
    with pytest.raises(ImportFormatError, match="attempt 2"):
        progress.import_json(path)
    assert progress.attempts() == []
    path.write_text("[]")
    with pytest.raises(ImportFormatError, match="not a stemcpd quiz export"):
        progress.import_json(path)


def integrity_check(path):
    connection = sqlite3.connect(path)
    try:
        return connection.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        connection.close()


WRITER = textwrap.dedent(
    """
    import sys
    from stemcpd.quiz.feedback import Feedback
    from stemcpd.quiz.progress import ProgressStore

    progress = ProgressStore(sys.argv[1], module=sys.argv[2])
    limit = int(sys.argv[3])
    number = 0
    while limit == 0 or number < limit:
        progress.record_attempt("pendulum", f"{sys.argv[2]}-{number}", "x" * 500,
                                Feedback(number % 2 == 0, float(number % 2 == 0), "m"), "sure")
        print(number, flush=True)  # printed only after the commit
        number += 1
    """
)


def test_writer_killed_mid_session_loses_no_recorded_attempt(store_path):
    child = subprocess.Popen([sys.executable, "-c", WRITER, str(store_path), "killed", "0"],
                             stdout=subprocess.PIPE, text=True)
    reported = []
    try:
        for line in child.stdout:
            reported.append(int(line))
            if len(reported) >= 20:
                break
        time.sleep(0.2)  # it keeps writing; kill it at an arbitrary point
        child.send_signal(signal.SIGKILL)
        reported.extend(int(line) for line in child.stdout.read().split())
    finally:
        child.kill()
        child.wait(timeout=30)
        child.stdout.close()
    assert child.returncode == -signal.SIGKILL

    assert integrity_check(store_path) == "ok"
    with ProgressStore(store_path) as reopened:
        stored = {attempt.question_id for attempt in reopened.attempts("pendulum")}
        assert {f"killed-{number}" for number in reported} <= stored
        reopened.record_attempt("pendulum", "after-crash", 0, RIGHT)  # still writable


def test_two_concurrent_writers_both_succeed_and_lose_nothing(store_path):
    per_writer = 60
    children = [subprocess.Popen([sys.executable, "-c", WRITER, str(store_path), name, str(per_writer)],
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                for name in ("notebook", "cli")]
    outputs = [child.communicate(timeout=120) for child in children]
    assert [child.returncode for child in children] == [0, 0], [err for _, err in outputs]
    assert integrity_check(store_path) == "ok"
    with ProgressStore(store_path) as reopened:
        stored = [attempt.question_id for attempt in reopened.attempts()]
    expected = {f"{name}-{number}" for name in ("notebook", "cli") for number in range(per_writer)}
    assert sorted(stored) == sorted(expected)
