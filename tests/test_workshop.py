"""The live workshop's pieces without a hub (the hub itself: tests/hub/): consent decides
what is in the shared file; the dashboard reads hostile files without stopping and keeps
names off screen by default."""

import json

import pytest

from stemcpd import cli
from stemcpd.cpd import ProgressStore
from stemcpd.quiz import load_packaged_bank
from stemcpd.workshop import Consent, Dashboard, SharePanel, dashboard_html, room_state, share


@pytest.fixture
def store(tmp_path):
    store = ProgressStore(tmp_path / "p.sqlite")
    bank = load_packaged_bank("pendulum")
    for question_id, response, confidence in (("period-mass", 1, "sure"), ("period-1m", "2.01 s", "unsure")):
        store.record_attempt(module="physics-pendulum", bank_topic="pendulum", question_id=question_id,
                             response=str(response), feedback=bank[question_id].mark(response), confidence=confidence)
    store.save_entries(module="physics-pendulum", kind="action_plan", texts={"planned_change": "Hinge questions"})
    store.save_entries(module="physics-pendulum", kind="reflection", texts={"surprised_me": "private"})
    return store


def test_only_what_was_agreed_is_shared(store, tmp_path):
    exchange = tmp_path / "exchange"
    exchange.mkdir()
    path = share(store, Consent(answers=True), exchange, "asha", "Asha Patel")
    data = json.loads(path.read_text())
    assert data["participant"] == "" and data["entries"] == []
    assert [a["confidence"] for a in data["attempts"]] == [None, None]
    assert {a["response"] for a in data["attempts"]} == {""}  # what was typed is never shared
    path = share(store, Consent(answers=True, confidence=True, action_plan=True, name=True), exchange, "asha",
                 "Asha Patel")
    data = json.loads(path.read_text())
    assert data["participant"] == "Asha Patel" and [a["confidence"] for a in data["attempts"]] == ["sure", "unsure"]
    assert [e["field"] for e in data["entries"]] == ["planned_change"]  # never the reflection
    assert share(store, Consent(), exchange, "asha") is None and not path.exists()  # withdrawn


def test_the_panel_starts_with_nothing_ticked_and_says_outside_a_hub(store, monkeypatch):
    monkeypatch.delenv("STEMCPD_EXCHANGE", raising=False)
    panel = SharePanel(store, live=False)
    assert not any(box.value for box in panel.checkboxes.values())
    assert panel.share_button.disabled and "not a workshop hub" in panel.status.value


def test_the_dashboard_survives_hostile_files_and_hides_names(store, tmp_path):
    exchange = tmp_path / "exchange"
    exchange.mkdir()
    share(store, Consent(answers=True, confidence=True, action_plan=True, name=True), exchange, "asha", "Asha Patel")
    (exchange / "bad.json").write_text("{" * 100000, encoding="utf-8")
    (exchange / "evil.json").write_text(json.dumps({"format": "stemcpd-record", "version": 1, "participant":
                                                    "<script>alert(1)</script>", "attempts": [], "entries": []}))
    (exchange / "huge.json").write_bytes(b" " * 17_000_000)
    (exchange / "folder.json").mkdir()
    group = room_state(exchange)
    page = dashboard_html(group)
    assert "Participant 01" in page and "Asha" not in page
    assert "<script>alert" not in page
    assert "3 files could not be read and were skipped" in page
    assert "Confidently wrong answers: <strong>1</strong>" in page
    assert "Hinge and diagnostic questions" in page
    named = dashboard_html(room_state(exchange, show_names=True), show_names=True)
    assert "Asha Patel" in named and "&lt;script&gt;" in named
    dashboard = Dashboard(exchange, live=False)
    assert "participants sharing" in dashboard.body.value and not dashboard.show_names.value


def test_the_workshop_command_writes_the_dashboard_page(tmp_path, capsys):
    assert cli.main(["workshop", "-o", str(tmp_path)]) == 0
    notebook = json.loads((tmp_path / "stemcpd-workshop-dashboard.ipynb").read_text())
    assert "Dashboard()" in "".join(notebook["cells"][0]["source"])
    assert "voila/render" in capsys.readouterr().out
