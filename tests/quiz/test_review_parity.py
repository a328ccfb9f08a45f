"""The Review page's scheduling (ts-fsrs in ``stemcpd-review.js``, run here in Node)
gives the same cards as the Python scheduler (``stemcpd.quiz.schedule.replay``, the
``fsrs`` package) for the same attempt histories: same due times, states, stabilities
and difficulties, with the same rating table and confident-error rule."""

import json
import shutil
import subprocess
from datetime import datetime, timedelta, timezone
from pathlib import Path
from types import SimpleNamespace

import pytest

from stemcpd.quiz.schedule import browser_parameters, replay

REVIEW_JS = Path(__file__).resolve().parents[2] / "stemcpd" / "site" / "static" / "stemcpd-review.js"
START = datetime(2026, 1, 5, 8, 30, tzinfo=timezone.utc)

RUNNER = """
// The UMD build, run as a browser runs it (the package is ESM-only for Node's require).
require("vm").runInThisContext(require("fs").readFileSync(process.argv[2], "utf8"));
const FSRS = globalThis.FSRS;
const schedule = require(process.argv[3]);
let input = "";
process.stdin.on("data", (chunk) => { input += chunk; });
process.stdin.on("end", () => {
  const {params, histories} = JSON.parse(input);
  const out = histories.map((attempts) => {
    const cards = schedule.replay(FSRS, params, attempts, null);
    const result = {};
    Object.values(cards).forEach((entry) => {
      result[entry.bank + "/" + entry.question] = {due: entry.card.due.getTime(), state: entry.card.state,
        stability: entry.card.stability, difficulty: entry.card.difficulty};
    });
    return result;
  });
  process.stdout.write(JSON.stringify(out));
});
"""


def attempt(number, bank, question, correct, confidence, at):
    return SimpleNamespace(id=number, bank_topic=bank, question_id=question, correct=correct, confidence=confidence,
                           answered_at=at, module=f"module-{bank}")


def histories():
    """Several learners: steady, lapsing, confidently wrong, guessing, long gaps, many cards."""
    minute, day = timedelta(minutes=1), timedelta(days=1)
    steady = [attempt(n, "pendulum", "q1", True, None, START + offset)
              for n, offset in enumerate([0 * day, 10 * minute, 1 * day, 4 * day, 15 * day, 60 * day], 1)]
    lapsing = [attempt(n, "energy", "q2", correct, confidence, START + offset) for n, (correct, confidence, offset) in enumerate([
        (True, "sure", 0 * day), (True, "sure", 3 * day), (False, None, 20 * day), (True, "guess", 20 * day + 10 * minute),
        (True, "unsure", 22 * day), (False, "sure", 40 * day), (True, None, 41 * day)], 1)]
    confident_errors = [attempt(n, "waves-and-light", "q3", False, "sure", START + n * 7 * minute + n * day) for n in range(1, 6)]
    guessing = [attempt(n, "equilibrium", "q4", n % 2 == 0, ("guess", "unsure", "sure", None)[n % 4], START + n * 2.5 * day)
                for n in range(1, 12)]
    many = [attempt(n, ("pendulum", "energy", "electricity")[n % 3], f"q{n % 5}", n % 4 != 0,
                    ("sure", None, "guess")[n % 3], START + timedelta(hours=7 * n)) for n in range(1, 40)]
    # Hard on the second learning step, and Hard while relearning (the steps' own rules).
    steps = [attempt(n, "radioactivity", "q5", correct, confidence, START + offset) for n, (correct, confidence, offset) in enumerate([
        (True, None, 0 * minute), (True, "guess", 3 * minute), (True, "guess", 12 * minute), (True, None, 30 * minute),
        (True, "sure", 3 * day), (False, None, 12 * day), (True, "guess", 12 * day + 5 * minute),
        (True, "guess", 12 * day + 30 * minute), (True, None, 12 * day + 50 * minute)], 1)]
    return [steady, lapsing, confident_errors, guessing, many, steps]


def as_json(history):
    return [{"module": a.module, "bank_topic": a.bank_topic, "question_id": a.question_id, "correct": a.correct,
             "confidence": a.confidence, "score": 1 if a.correct else 0,
             "answered_at": a.answered_at.isoformat(timespec="milliseconds").replace("+00:00", "Z")} for a in history]


@pytest.fixture(scope="module")
def ts_fsrs():
    if shutil.which("node") is None:
        pytest.skip("Node.js is not installed (the site build needs it: `apt-get install npm`)")
    from stemcpd.vendor import vendored_file

    return vendored_file("ts-fsrs", "dist/index.umd.js")


def test_ts_fsrs_schedules_as_python_fsrs(ts_fsrs, tmp_path):
    cases = histories()
    # A file, not `node -e`: there `module` and `exports` are globals and the UMD
    # build would export into them instead of setting window.FSRS as in a browser.
    runner = tmp_path / "runner.cjs"
    runner.write_text(RUNNER, encoding="utf-8")
    result = subprocess.run(
        ["node", str(runner), str(ts_fsrs), str(REVIEW_JS)],
        input=json.dumps({"params": browser_parameters(), "histories": [as_json(history) for history in cases]}),
        capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    in_browser = json.loads(result.stdout)
    compared = 0
    for history, browser_cards in zip(cases, in_browser):
        python_cards = replay(history)
        assert set(browser_cards) == {f"{bank}/{question}" for bank, question in python_cards}
        for (bank, question), card in python_cards.items():
            seen = browser_cards[f"{bank}/{question}"]
            python_due_ms = card.due.timestamp() * 1000
            assert abs(seen["due"] - python_due_ms) <= 1, (bank, question, card.due, seen)
            assert seen["state"] == int(card.state), (bank, question)
            # ts-fsrs rounds stability and difficulty to 8 decimals at every review.
            assert seen["stability"] == pytest.approx(card.stability, rel=1e-6)
            assert seen["difficulty"] == pytest.approx(card.difficulty, rel=1e-6)
            compared += 1
    assert compared >= 12


def test_browser_parameters_are_the_python_schedulers():
    from stemcpd.quiz.schedule import new_scheduler

    scheduler = new_scheduler()
    params = browser_parameters()
    assert params["w"] == list(scheduler.parameters) and len(params["w"]) == 21  # FSRS-6
    assert params["enable_fuzz"] is False and scheduler.enable_fuzzing is False
    assert params["request_retention"] == scheduler.desired_retention
    assert params["maximum_interval"] == scheduler.maximum_interval
    assert params["ratings"] == {"wrong": "Again", "guess": "Hard", "unsure": "Good", "none": "Good", "sure": "Easy"}
