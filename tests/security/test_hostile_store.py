"""The CPD store under contention, newer files and read-only folders (issue 16, item 5)."""

import multiprocessing
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from stemcpd.course import Module
from stemcpd.cpd.store import ProgressStore, SchemaTooNewError
from stemcpd.quiz import NumericQuestion

REPO = Path(__file__).resolve().parents[2]


def _write_one(path: str, number: int, start) -> None:
    start.wait()
    with ProgressStore(path) as store:
        store.save_entry(module="pendulum", kind="reflection", field=f"field-{number}", text=f"text {number}")


def test_many_processes_opening_a_new_file_at_once_all_write(tmp_path):
    """Switching to WAL needs an exclusive lock and ignored the busy timeout."""
    context = multiprocessing.get_context("fork")
    for round_number in range(3):
        path = tmp_path / f"new-{round_number}.sqlite"
        start = context.Barrier(8)
        workers = [context.Process(target=_write_one, args=(str(path), number, start)) for number in range(8)]
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join(60)
        assert [worker.exitcode for worker in workers] == [0] * 8
        assert len(ProgressStore(path).entries()) == 8


def _newer_file(path: Path) -> Path:
    with ProgressStore(path) as store:
        store.save_entry(module="pendulum", kind="reflection", field="f", text="t")
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA user_version = 999")
    connection.close()
    return path


def test_record_attempt_never_lets_a_store_error_reach_the_quiz(tmp_path, caplog):
    module = Module("physics-pendulum", "Pendulum", 30, store=ProgressStore(_newer_file(tmp_path / "newer.sqlite")))
    question = NumericQuestion("period", "Period?", 2.0, "s", topic="pendulum")
    for _ in range(3):
        module.record_attempt(question, "2.0 s", question.mark("2.0 s"))
    assert "newer stemcpd" in module.last_save_error
    assert sum("could not be saved" in record.message for record in caplog.records) == 1  # warned once


def test_a_newer_file_is_refused_when_only_reading(tmp_path):
    path = _newer_file(tmp_path / "newer.sqlite")
    with pytest.raises(SchemaTooNewError):
        ProgressStore(path).attempts()


READ_AND_EXPORT = """
import json, sys
from stemcpd.cpd import ProgressStore, record
store = ProgressStore(sys.argv[1])
print(json.dumps([entry.text for entry in store.entries()]))
record.to_json(store, "me")
"""


def test_export_from_a_read_only_record_folder(tmp_path):
    folder = Path(tempfile.mkdtemp(prefix="stemcpd-readonly-"))
    try:
        path = folder / "progress.sqlite"
        with ProgressStore(path) as store:
            store.save_entry(module="pendulum", kind="reflection", field="f", text="kept")
        before = sorted(child.name for child in folder.iterdir())
        os.chmod(path, 0o444)
        os.chmod(folder, 0o555)
        command = [sys.executable, "-c", READ_AND_EXPORT, str(path)]
        if os.geteuid() == 0:  # root ignores file modes; read as an ordinary user instead
            if not shutil.which("setpriv"):
                pytest.skip("running as root without setpriv to drop privileges")
            command = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] + command
        result = subprocess.run(command, capture_output=True, text=True, timeout=60, cwd=REPO,
                                env={**os.environ, "PYTHONPATH": str(REPO), "HOME": str(folder)})
        assert result.returncode == 0, result.stderr
        assert result.stdout.strip() == '["kept"]'
        assert sorted(child.name for child in folder.iterdir()) == before  # nothing written
    finally:
        os.chmod(folder, 0o755)
        shutil.rmtree(folder)
