"""The course site, built once per test run in the background and shared.

The full build (every workbook executed, every simulation's player data) takes
about ten minutes on two cores. Rather than have the first test that needs it wait
for all of that, ``tests/conftest.py`` starts the build as a separate process as
soon as collection shows a test needs it, runs those tests last, and lets every
other test run meanwhile. Under pytest-xdist each worker is a separate process: a
file lock in a folder shared by the whole run makes sure exactly one build is
started, and every worker waits for the same result.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

from filelock import FileLock

REPO = Path(__file__).resolve().parents[1]
RUN_VARIABLE = "STEMCPD_TEST_RUN"
BUILD_TIMEOUT_S = 60 * 60

# Run in the build process: build strictly, then write the result (or the error) as JSON.
_BUILD_SCRIPT = """
import json, sys, time, traceback
from pathlib import Path
from stemcpd.cli import build_site
output, result = Path(sys.argv[1]), Path(sys.argv[2])
start = time.perf_counter()
try:
    index = build_site(Path(sys.argv[3]), output=output, quiet=True, strict=True)
    answer = {"index": str(index), "seconds": time.perf_counter() - start}
except BaseException as error:
    answer = {"error": f"{type(error).__name__}: {error}", "traceback": traceback.format_exc()}
partial = result.with_suffix(".partial")
partial.write_text(json.dumps(answer), encoding="utf-8")
partial.replace(result)
"""


def run_folder() -> Path:
    """The folder this test run's build lives in (shared by every xdist worker)."""
    run = os.environ.setdefault(RUN_VARIABLE, uuid.uuid4().hex)
    folder = Path(tempfile.gettempdir()) / f"stemcpd-test-site-{run}"
    folder.mkdir(exist_ok=True)
    return folder


def start() -> None:
    """Start the build unless this run has already started it (safe to call from every worker)."""
    folder = run_folder()
    with FileLock(str(folder / "start.lock")):
        if (folder / "pid").exists():
            return
        log = open(folder / "build.log", "w", encoding="utf-8")
        process = subprocess.Popen(
            [sys.executable, "-c", _BUILD_SCRIPT, str(folder / "book"), str(folder / "result.json"), str(REPO)],
            stdout=log, stderr=subprocess.STDOUT, start_new_session=True, cwd=REPO,
        )
        log.close()
        (folder / "pid").write_text(str(process.pid), encoding="utf-8")


def wait() -> tuple[Path, Path, float]:
    """``(output_folder, index_html, cold_build_seconds)`` once the build has finished.

    Raises:
        RuntimeError: If the build failed or did not finish in time (with its log's end).
    """
    start()
    folder = run_folder()
    result = folder / "result.json"
    deadline = time.monotonic() + BUILD_TIMEOUT_S
    while not result.exists():
        if time.monotonic() > deadline:
            raise RuntimeError(f"the site build took over {BUILD_TIMEOUT_S} s:\n{_log_tail(folder)}")
        if not _alive(int((folder / "pid").read_text(encoding="utf-8"))) and not result.exists():
            raise RuntimeError(f"the site build stopped without a result:\n{_log_tail(folder)}")
        time.sleep(1.0)
    answer = json.loads(result.read_text(encoding="utf-8"))
    if "error" in answer:
        raise RuntimeError(f"the site build failed: {answer['error']}\n{answer['traceback']}\n{_log_tail(folder)}")
    return folder / "book", Path(answer["index"]), float(answer["seconds"])


def stop_and_remove() -> None:
    """End the build if it still runs (an interrupted run) and remove the run's folder."""
    run = os.environ.get(RUN_VARIABLE)
    if not run:
        return
    folder = Path(tempfile.gettempdir()) / f"stemcpd-test-site-{run}"
    pid_file = folder / "pid"
    if pid_file.exists():
        pid = int(pid_file.read_text(encoding="utf-8"))
        if _alive(pid):
            try:
                os.killpg(pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
    shutil.rmtree(folder, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        finished, _ = os.waitpid(pid, os.WNOHANG)  # reaps it if this process started it
        if finished == pid:
            return False
    except ChildProcessError:
        pass  # started by another worker: not ours to reap
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    try:  # a finished build another worker started, not yet reaped by it
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except (OSError, IndexError):
        return True


def _log_tail(folder: Path, characters: int = 6000) -> str:
    try:
        return (folder / "build.log").read_text(encoding="utf-8", errors="replace")[-characters:]
    except OSError:
        return ""
