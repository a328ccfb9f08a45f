"""The trainer's group report from generated participant records (one malformed, one
not JSON, one duplicate), checked number by number."""

import json
import re

import pytest

from stemcpd import cli
from stemcpd.cpd import ProgressStore, record, report
from stemcpd.quiz import load_packaged_bank


@pytest.fixture
def participant_files(tmp_path):
    bank = load_packaged_bank("pendulum")
    # (name, answer to period-mass (0 right), answer to period-1m, confidence, impact fields)
    people = [
        ("Asha", 0, "2.01 s", "sure", {"pupil_outcomes": "Fewer errors", "shared_with_colleagues": "Dept meeting"}),
        ("Ben", 1, "2.01 s", "sure", {"use_in_practice": "Used it with Y10"}),
        ("Cara", 1, "4 s", "unsure", {}),
        ("Dev", 2, "2.0 s", "guess", {"organisation_support": "Time given"}),
        ("Ena", 0, "2.01", None, {}),
    ]
    paths = []
    for name, choice, numeric, confidence, impact in people:
        store = ProgressStore(tmp_path / f"{name}.sqlite")
        for question_id, response in (("period-mass", choice), ("period-1m", numeric)):
            store.record_attempt(module="physics-pendulum", bank_topic="pendulum", question_id=question_id,
                                 response=str(response), feedback=bank[question_id].mark(response),
                                 confidence=confidence)
        store.save_entries(module="physics-pendulum", kind="reflection", texts={"surprised_me": "amplitude"})
        if impact:
            store.save_entries(module="physics-pendulum", kind="impact_record", texts=impact)
        path = tmp_path / f"{name}.json"
        path.write_text(json.dumps(record.to_json(store, participant=name)), encoding="utf-8")
        paths.append(path)
    (tmp_path / "broken.json").write_text('{"format": "stemcpd-record", "attempts": [{"module": "x"}], "entries": []}')
    (tmp_path / "notes.json").write_text("this is not json", encoding="utf-8")
    (tmp_path / "Asha-again.json").write_text(paths[0].read_text(encoding="utf-8"), encoding="utf-8")
    expected = {name: bank for name, *_ in people}
    return paths + [tmp_path / "broken.json", tmp_path / "notes.json", tmp_path / "Asha-again.json"], expected


def test_malformed_and_duplicate_files_are_named_and_skipped(participant_files):
    files, _ = participant_files
    loaded = report.load_records(files)
    assert [p.name for p in loaded.participants] == ["Asha", "Ben", "Cara", "Dev", "Ena"]
    reasons = dict((path.rsplit("/", 1)[-1], reason) for path, reason in loaded.skipped)
    assert "has no whole-number" in reasons["broken.json"]  # checked by record_file, as the site checks it
    assert "not valid JSON" in reasons["notes.json"]
    assert reasons["Asha-again.json"].startswith("duplicates") and "Asha.json" in reasons["Asha-again.json"]


def test_facility_misconceptions_confidence_progress_and_impact(participant_files):
    files, _ = participant_files
    group = report.aggregate(report.load_records(files))
    facility = {q.question_id: (q.correct, q.answered) for q in group.questions}
    assert facility["period-mass"] == (2, 5)
    # "2.01 s" right (Asha, Ben); "2.0 s" right value but 2 s.f. (not correct); "4 s" wrong; "2.01" no unit.
    assert facility["period-1m"] == (2, 5)
    assert group.questions[0].facility <= group.questions[-1].facility  # hardest first
    bank = load_packaged_bank("pendulum")
    option_1 = bank["period-mass"].options[1].misconception
    option_2 = bank["period-mass"].options[2].misconception
    ranked = dict(group.misconceptions)
    assert ranked[option_1] == 2 and ranked[option_2] == 1
    assert group.misconceptions[0][0] == option_1
    assert group.confidence["sure"] == (3, 1)  # Asha 2 right; Ben 1 right, 1 wrong
    assert group.modules["physics-pendulum"] == {"started": 5, "quiz": 5, "reflection": 5, "impact": 3}
    # These records have text but no effect chosen: unknown, never counted as impact.
    assert {circle: counts.positive for circle, counts in group.impact.items()} == {
        "On me": 0, "On colleagues and my department": 0, "On pupils": 0}
    assert {circle: counts.unknown for circle, counts in group.impact.items()} == {
        "On me": 1, "On colleagues and my department": 2, "On pupils": 1}
    assert group.impact["On pupils"].not_answered == 4
    assert group.shared_with_colleagues == 1


def test_report_page_has_plots_with_alt_text_and_pseudonyms(participant_files, tmp_path, capsys):
    files, _ = participant_files
    output = tmp_path / "report.html"
    assert cli.main(["report", *map(str, files), "-o", str(output), "--pseudonymise"]) == 0
    page = output.read_text(encoding="utf-8")
    assert len(re.findall(r'<img src="data:image/png;base64,[^"]+" alt="[^"]{20,}"', page)) == 3
    assert "Files skipped" in page and "has no whole-number" in page
    # Pseudonymised: no participant's name anywhere on the page, not even in file names.
    text = re.sub(r"data:image/png;base64,[^\"]+", "", page)
    for name in ("Asha", "Ben", "Cara", "Dev", "Ena"):
        assert not re.search(rf"\b{name}\b", text), name
    loaded = report.load_records(files, pseudonymise=True)
    assert [p.name for p in loaded.participants][:2] == ["Participant 01", "Participant 02"]
    # Text without an effect choice is not impact: the headline says nobody chose one yet.
    assert "<strong>On colleagues and my department</strong>: no answers yet (nobody chose an effect yet; " \
        "3 not answered, 2 unknown)" in page
    err = capsys.readouterr().err
    assert "skipped" in err and "notes.json" in err


def test_no_usable_files_is_a_clear_error(tmp_path, capsys):
    bad = tmp_path / "bad.json"
    bad.write_text("[]", encoding="utf-8")
    assert cli.main(["report", str(bad), "-o", str(tmp_path / "r.html")]) == 2
    assert "no usable participant records" in capsys.readouterr().err
