"""Every path and record problem on the command line is one line on stderr with exit
code 2, never a traceback (issue 16, item 7). Run as real processes, as a user runs them."""

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from stemcpd.cpd import ProgressStore, record

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def place(tmp_path):
    with ProgressStore(tmp_path / "ok.sqlite") as store:
        store.save_entry(module="physics-pendulum", kind="reflection", field="surprised_me", text="amplitude")
        (tmp_path / "a.json").write_text(json.dumps(record.to_json(store, "A")), encoding="utf-8")
    with ProgressStore(tmp_path / "newer.sqlite") as store:
        store.save_entry(module="physics-pendulum", kind="reflection", field="f", text="t")
    connection = sqlite3.connect(tmp_path / "newer.sqlite")
    connection.execute("PRAGMA user_version = 99")
    connection.close()
    (tmp_path / "not-a-database.sqlite").write_text("just some text", encoding="utf-8")
    (tmp_path / "a-folder").mkdir()
    return tmp_path


CASES = [
    ("report a.json -o a-folder", "a-folder is a folder"),
    ("report a.json -o missing/x.html", "the folder missing does not exist"),
    ("record export --store ok.sqlite -o a-folder", "a-folder is a folder"),
    ("record export --json --store ok.sqlite -o a-folder", "a-folder is a folder"),
    ("worksheet pendulum -o a-folder", "a-folder is a folder"),
    ("record export --store a-folder -o r.html", "--store a-folder is a folder"),
    ("record export --store not-a-database.sqlite -o r.html", "is it a stemcpd progress file?"),
    ("record export --store newer.sqlite -o r.html", "written by a newer stemcpd"),
    ("record import a.json --store newer.sqlite", "newer stemcpd"),
    ("serve --port 99999", "99999 is not a port number"),
    ("report /dev/zero -o r.html", "no usable participant records"),
    ("quiz validate a-folder", "nothing to check"),
    ("quiz starter --last-lesson no-such-bank -o s.html", "no packaged bank"),
]


@pytest.mark.parametrize(("arguments", "words"), CASES)
def test_path_and_store_problems_are_one_line_errors(place, arguments, words):
    result = subprocess.run([sys.executable, "-m", "stemcpd", *arguments.split()], cwd=place, capture_output=True,
                            text=True, timeout=120, env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin",
                                                         "STEMCPD_HOME": str(place / "home")})
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr and words in result.stderr
    last_line = result.stderr.strip().splitlines()[-1]
    assert words in last_line or "usage:" in result.stderr
    assert result.stdout == "" or "Traceback" not in result.stdout
