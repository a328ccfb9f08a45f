"""Follow-up (issue 15): review dates as an RFC 5545 calendar, impact records due, the
department view, and their commands."""

from datetime import date, datetime, timezone
import json

import pytest

from stemcpd import cli
from stemcpd.cpd import ProgressStore, department, record, report
from stemcpd.cpd.followup import DEFAULT_REVIEW_WEEKS, impact_due, review_dates, store_entries, to_ics


def entry(module, kind, field, text, saved="2027-01-05T10:00:00+00:00"):
    return {"module": module, "kind": kind, "field": field, "text": text, "saved_at": saved}


ENTRIES = [
    entry("physics-pendulum", "action_plan", "planned_change", "Predict, observe; explain: with two bobs\nthen time"),
    entry("physics-pendulum", "action_plan", "review_on", "2027-02-01"),
    entry("chemistry-equilibrium", "action_plan", "planned_change", "Equilibrium simulation first"),
    entry("physics-energy", "action_plan", "review_on", "2027-01-20"),
    entry("physics-energy", "impact_record", "effect_on_me", "positive"),
    entry("physics-energy", "impact_record", "effect_on_colleagues", "none_yet"),
    entry("physics-energy", "impact_record", "effect_on_pupils", "none_yet"),
]


def test_review_dates_come_from_the_plan_or_the_default():
    reviews = {review.module: review for review in review_dates(ENTRIES)}
    assert reviews["physics-pendulum"].on == date(2027, 2, 1) and reviews["physics-pendulum"].set_by_teacher
    default = reviews["chemistry-equilibrium"]
    assert not default.set_by_teacher and (default.on - date(2027, 1, 5)).days == 7 * DEFAULT_REVIEW_WEEKS
    assert reviews["physics-pendulum"].title == "Pendulums: timing, the period formula and its limits" or \
        reviews["physics-pendulum"].title.startswith("Physics")


def test_impact_due_lists_due_upcoming_and_done():
    items = {item.review.module: item for item in impact_due(ENTRIES, today=date(2027, 2, 3))}
    assert items["physics-pendulum"].state == "due" and items["physics-pendulum"].days == -2
    assert items["physics-energy"].state == "done"  # every circle's effect chosen ("none yet" counts)
    assert (items["chemistry-equilibrium"].state, items["chemistry-equilibrium"].days) == ("upcoming", 13)
    assert "due since 1 February 2027 (your review date)" in items["physics-pendulum"].sentence()
    early = {item.review.module: item.state for item in impact_due(ENTRIES, today=date(2027, 1, 25))}
    assert early["physics-pendulum"] == "upcoming"


def test_the_calendar_file_is_valid_rfc_5545():
    stamp = datetime(2027, 1, 5, 12, 0, tzinfo=timezone.utc)
    text = to_ics(review_dates(ENTRIES), owner="asha", stamp=stamp)
    assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", "")
    assert all(len(line.encode("utf-8")) <= 75 for line in text.split("\r\n"))
    icalendar = pytest.importorskip("icalendar")
    calendar = icalendar.Calendar.from_ical(text)
    events = calendar.walk("VEVENT")
    assert len(events) == 3
    pendulum = next(event for event in events if "Pendulum" in str(event["SUMMARY"]) or "pendulum" in str(event["SUMMARY"]))
    assert pendulum.decoded("DTSTART") == date(2027, 2, 1) and pendulum.decoded("DTEND") == date(2027, 2, 2)
    # Commas, semicolons and the newline survive escaping and folding.
    assert "Predict, observe; explain: with two bobs\nthen time" in str(pendulum["DESCRIPTION"])
    assert pendulum.walk("VALARM")
    assert len({str(event["UID"]) for event in events}) == 3
    assert str(calendar["VERSION"]) == "2.0" and calendar["PRODID"]
    # The same plans give the same UIDs, so re-importing updates rather than duplicates.
    assert to_ics(review_dates(ENTRIES), owner="asha", stamp=stamp) == text


def test_record_due_and_calendar_commands(tmp_path, capsys):
    store = ProgressStore(tmp_path / "p.sqlite")
    store.save_entries(module="physics-pendulum", kind="action_plan",
                       texts={"planned_change": "Two bobs", "review_on": "2027-02-01"})
    assert cli.main(["record", "due", "--store", str(store.path), "--today", "2027-02-03"]) == 0
    out = capsys.readouterr().out
    assert "1 impact record due." in out and "due since 1 February 2027" in out
    ics = tmp_path / "reviews.ics"
    assert cli.main(["record", "calendar", "--store", str(store.path), "-o", str(ics)]) == 0
    assert "DTSTART;VALUE=DATE:20270201" in ics.read_text(encoding="utf-8")
    assert cli.main(["record", "due", "--store", str(store.path), "--today", "tomorrow"]) == 2
    assert "is not a date" in capsys.readouterr().err
    empty = ProgressStore(tmp_path / "empty.sqlite")
    assert cli.main(["record", "calendar", "--store", str(empty.path), "-o", str(tmp_path / "x.ics")]) == 2
    assert not (tmp_path / "x.ics").exists()


def _teacher(tmp_path, name, diagnostic_wrong, plan, effects):
    from stemcpd.quiz.diagnostic import load_diagnostic

    store = ProgressStore(tmp_path / f"{name}.sqlite")
    bank = load_diagnostic()
    for question_id in ("na-pendulum-heavier-bob", "na-equilibrium-dynamic"):
        question = bank[question_id]
        right = question.mark(0).correct and 0 or next(i for i in range(len(question.options)) if question.mark(i).correct)
        wrong = next(i for i in range(len(question.options)) if not question.mark(i).correct)
        response = wrong if question_id in diagnostic_wrong else right
        store.record_attempt(module="needs-analysis", bank_topic="needs-analysis", question_id=question_id,
                             response=str(response), feedback=question.mark(response), confidence="sure")
    if plan:
        store.save_entries(module="physics-pendulum", kind="action_plan",
                           texts={"planned_change": plan, "review_on": "2027-02-01"})
        store.save_entries(module="physics-pendulum", kind="reflection", texts={"surprised_me": "x"})
        pendulum = load_diagnostic()  # any bank with a question the quiz records
        store.record_attempt(module="physics-pendulum", bank_topic="pendulum", question_id="q1", response="1",
                             feedback=pendulum["na-pendulum-heavier-bob"].mark(0))
    if effects:
        store.save_entries(module="physics-pendulum", kind="impact_record", texts=effects)
    path = tmp_path / f"{name}.json"
    path.write_text(json.dumps(record.to_json(store, participant=name)), encoding="utf-8")
    return path


def test_the_department_view_for_a_head_of_science(tmp_path, capsys):
    files = [
        _teacher(tmp_path, "Asha", {"na-pendulum-heavier-bob"}, "Two bobs <b>bold</b>", {"effect_on_pupils": "positive"}),
        _teacher(tmp_path, "Ben", {"na-pendulum-heavier-bob", "na-equilibrium-dynamic"}, "", {}),
        _teacher(tmp_path, "Cara", set(), "Hinge questions", {"pupil_outcomes": "Better"}),
    ]
    (tmp_path / "junk.json").write_text("[]", encoding="utf-8")
    loaded = report.load_records([*files, tmp_path / "junk.json"])
    summary = department.summarise_department(loaded, today=date(2027, 2, 10))
    by_name = {teacher.name: teacher for teacher in summary.teachers}
    assert by_name["Asha"].needs == ("physics-pendulum",)
    assert set(by_name["Ben"].needs) == {"physics-pendulum", "chemistry-equilibrium"}
    assert by_name["Cara"].needs == () and by_name["Cara"].diagnostic_taken
    assert dict(summary.shared_needs)["physics-pendulum"] == 2
    assert summary.modules_done["physics-pendulum"] == (2, 2)
    assert by_name["Asha"].impact["pupils"] == "positive" and by_name["Cara"].impact["pupils"] == "unknown"
    assert by_name["Ben"].impact["pupils"] == "not_answered"
    assert by_name["Cara"].impact_due == 1 and by_name["Asha"].impact_due == 1  # Asha chose only one circle
    assert summary.impact["On pupils"].positive == 1
    output = tmp_path / "department.html"
    assert cli.main(["report", "--department", *map(str, files), "-o", str(output), "--today", "2027-02-10"]) == 0
    page = output.read_text(encoding="utf-8")
    assert "@page { size: A4" in page and "Needs analysis across the department" in page
    assert "Two bobs &lt;b&gt;bold&lt;/b&gt;" in page and "<b>bold</b>" not in page
    assert "Actions planned" in page and "Impact (CPD Impact Toolkit)" in page
    assert "Department view for 3 teachers" in capsys.readouterr().out
