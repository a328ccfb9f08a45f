"""The CPD record: summaries from the store, the printable page, JSON and PDF export."""

import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from stemcpd import cli
from stemcpd.cpd import ProgressStore
from stemcpd.cpd import record
from stemcpd.quiz import load_packaged_bank

REPO = Path(__file__).resolve().parents[2]


class Clock:
    """A controllable clock so the time estimate is exact."""

    def __init__(self, start):
        self.now = start

    def __call__(self):
        return self.now

    def advance(self, minutes):
        self.now += timedelta(minutes=minutes)


@pytest.fixture
def filled_store(tmp_path):
    clock = Clock(datetime(2026, 11, 2, 19, 0, tzinfo=timezone.utc))
    store = ProgressStore(tmp_path / "progress.sqlite", clock=clock)
    bank = load_packaged_bank("pendulum")
    store.save_entries(module="physics-pendulum", kind="action_plan",
                       texts={"improvement_focus": "Year 10 think heavier bobs swing faster",
                              "planned_change": "Predict-observe-explain with the simulation"})
    clock.advance(10)
    wrong = bank["period-mass"].mark(1)
    store.record_attempt(module="physics-pendulum", bank_topic="pendulum", question_id="period-mass",
                         response="1", feedback=wrong, confidence="sure")
    clock.advance(2)
    store.record_attempt(module="physics-pendulum", bank_topic="pendulum", question_id="period-mass",
                         response="0", feedback=bank["period-mass"].mark(0), confidence="unsure")
    clock.advance(3)
    store.record_attempt(module="physics-pendulum", bank_topic="pendulum", question_id="period-1m",
                         response="3 s", feedback=bank["period-1m"].mark("3 s"))
    clock.advance(5)
    store.save_entries(module="physics-pendulum", kind="reflection", texts={"surprised_me": "T depends on amplitude"})
    clock.advance(60 * 24 * 21)  # three weeks later: a new session
    store.save_entries(module="physics-pendulum", kind="impact_record",
                       texts={"use_in_practice": "Used the hinge question with 10Y2",
                              "shared_with_colleagues": "Showed the app at a department meeting",
                              "pupil_outcomes": "Half as many 'heavier is faster' answers"})
    store.record_attempt(module="physics-electricity", bank_topic="pendulum", question_id="period-1m",
                         response="2.01 s", feedback=bank["period-1m"].mark("2.01 s"))
    return store, wrong


def test_summary_counts_latest_answers_misconceptions_time_and_completion(filled_store):
    store, wrong = filled_store
    records = {r.module: r for r in record.summarise(store, REPO)}
    pendulum = records["physics-pendulum"]
    assert pendulum.title == "Pendulums: timing, the period formula and its limits"
    assert pendulum.quiz.questions_answered == 2 and pendulum.quiz.questions_correct == 1
    assert pendulum.quiz.attempts == 3 and pendulum.quiz.confident_errors == 1
    assert wrong.misconception in pendulum.quiz.misconceptions
    # Session 1: 5 min lead-in + 10 + 2 + 3 + 5; session 2 (three weeks later): 5 min lead-in.
    assert pendulum.minutes_spent == 25 + 5
    assert pendulum.complete and pendulum.status == "complete, impact recorded"
    assert records["physics-electricity"].status == "in progress"
    assert record.module_title("physics-electricity", root=None) == "Physics: electricity"


def test_estimate_minutes_splits_sessions_at_long_pauses():
    start = datetime(2026, 1, 1, tzinfo=timezone.utc)
    times = [start, start + timedelta(minutes=20), start + timedelta(hours=5)]
    assert record.estimate_minutes(times) == 5 + 20 + 5
    assert record.estimate_minutes([]) == 0


def test_html_page_is_printable_escaped_and_groups_impact_by_circles(filled_store):
    store, _ = filled_store
    store.save_entries(module="physics-pendulum", kind="reflection", texts={"still_unsure": "<script>x</script>"})
    page = record.to_html(record.summarise(store, REPO), teacher="A. Teacher")
    assert page.startswith("<!DOCTYPE html>") and "@page { size: A4" in page and "@media print" in page
    assert "Continuing professional development record — A. Teacher" in page
    assert "<script>" not in page and "&lt;script&gt;" in page
    for circle in ("On me", "On colleagues and my department", "On pupils"):
        assert circle in page
    assert page.index("On pupils") < page.index("Half as many")
    assert "1 of 2 questions right" in page
    # Misconceptions by readable name, with the catalogue's description.
    assert "<strong>Heavier swings faster</strong>: " in page and "heavier-swings-faster" not in page
    assert "http" not in page  # self-contained


def test_empty_record_says_how_to_start(tmp_path):
    page = record.to_html(record.summarise(ProgressStore(tmp_path / "none.sqlite")))
    assert "No CPD activity recorded yet" in page


def test_json_export_has_every_attempt_and_entry(filled_store):
    store, _ = filled_store
    data = record.to_json(store, participant="P07")
    assert data["format"] == "stemcpd-record" and data["version"] == 1 and data["participant"] == "P07"
    assert len(data["attempts"]) == 4 and len(data["entries"]) == 6
    json.dumps(data)  # serialisable
    assert {"module", "question_id", "correct", "misconception", "confidence"} <= set(data["attempts"][0])


def test_cli_export_writes_html_and_json(filled_store, tmp_path, monkeypatch, capsys):
    store, _ = filled_store
    monkeypatch.chdir(REPO)
    out = tmp_path / "record.html"
    assert cli.main(["record", "export", "--store", str(store.path), "-o", str(out), "--name", "T. Smith"]) == 0
    assert "T. Smith" in out.read_text(encoding="utf-8")
    assert str(out) in capsys.readouterr().out
    json_out = tmp_path / "record.json"
    assert cli.main(["record", "export", "--store", str(store.path), "--json", "-o", str(json_out)]) == 0
    assert json.loads(json_out.read_text(encoding="utf-8"))["format"] == "stemcpd-record"


@pytest.mark.browser
def test_pdf_export_prints_an_a4_pdf(filled_store, tmp_path):
    """Through the real command (its own process, so its own browser session)."""
    import subprocess
    import sys

    if not Path("/usr/bin/chromium").exists():
        pytest.skip("needs /usr/bin/chromium")
    store, _ = filled_store
    html_path = tmp_path / "record.html"
    result = subprocess.run(
        [sys.executable, "-m", "stemcpd", "record", "export", "--store", str(store.path), "-o", str(html_path), "--pdf"],
        capture_output=True, text=True, cwd=REPO, timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    data = (tmp_path / "record.pdf").read_bytes()
    assert data.startswith(b"%PDF") and len(data) > 5000
    assert b"/MediaBox [0 0 595" in data or b"/MediaBox[0 0 595" in data  # A4 width in points


def test_pdf_export_without_chromium_says_what_to_do(tmp_path):
    with pytest.raises(RuntimeError, match="print the HTML page from a browser"):
        record.to_pdf(tmp_path / "x.html", tmp_path / "x.pdf", chromium=str(tmp_path / "no-chromium"))
