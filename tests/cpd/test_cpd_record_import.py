"""The portable record file: one JSON Schema (shared with the site), reading a file
safely, and importing it into the SQLite store so a teacher can move between the course
site and JupyterLab. Bad files get a clear message naming the problem and change nothing."""

import json
from datetime import datetime, timezone
from pathlib import Path

import jsonschema
import pytest

from stemcpd.cpd import ProgressStore, record
from stemcpd.cpd.record_file import RecordFileError, check_record, load_record_file, max_file_bytes, schema
from stemcpd.quiz import load_packaged_bank

# A record as the course site's "My CPD record" page exports it: browser timestamps
# (milliseconds, "Z"), the site's participant name, one cleared field.
SITE_RECORD = {
    "format": "stemcpd-record",
    "version": 1,
    "participant": "Ms Example",
    "exported_at": "2026-12-03T21:10:00.000Z",
    "attempts": [
        {"module": "physics-pendulum", "bank_topic": "pendulum", "question_id": "period-mass", "response": "1",
         "correct": False, "score": 0, "misconception": "heavier-swings-faster", "confidence": "sure",
         "answered_at": "2026-12-03T21:01:02.345Z"},
        {"module": "physics-pendulum", "bank_topic": "pendulum", "question_id": "period-mass", "response": "0",
         "correct": True, "score": 1, "misconception": None, "confidence": None,
         "answered_at": "2026-12-03T21:01:30.000Z"},
        {"module": "chemistry-equilibrium", "bank_topic": "equilibrium", "question_id": "q1",
         "response": "[0, 2]", "correct": False, "score": 0.5, "misconception": None, "confidence": "unsure",
         "answered_at": "2026-12-02T10:00:00+01:00"},
    ],
    "entries": [
        {"module": "physics-pendulum", "kind": "action_plan", "field": "planned_change",
         "text": "Predict-observe-explain with <the> simulation & a hinge question", "saved_at": "2026-12-03T21:00:05.120Z"},
        {"module": "physics-pendulum", "kind": "reflection", "field": "surprised_me",
         "text": "T depends on amplitude", "saved_at": "2026-12-03T21:04:00.000Z"},
        {"module": "physics-pendulum", "kind": "impact_record", "field": "still_empty",
         "text": "", "saved_at": "2026-12-03T21:05:00.000Z"},
    ],
}


def instant(text: str) -> datetime:
    return datetime.fromisoformat(text).astimezone(timezone.utc)


def comparable(record_json: dict) -> tuple[list, list]:
    """Attempts and entries with timestamps as instants (the text of a moment may differ:
    "…Z" from a browser, "+00:00" from Python) and numbers as floats, in time order."""
    attempts = sorted(
        ({**a, "score": float(a["score"]), "answered_at": instant(a["answered_at"])} for a in record_json["attempts"]),
        key=lambda a: a["answered_at"])
    entries = sorted(
        ({**e, "saved_at": instant(e["saved_at"])} for e in record_json["entries"]), key=lambda e: e["saved_at"])
    return attempts, entries


def write(tmp_path: Path, data, name="record.json") -> Path:
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return path


@pytest.fixture
def store(tmp_path):
    with ProgressStore(tmp_path / "progress.sqlite") as opened:
        yield opened


def snapshot(store: ProgressStore) -> tuple[list, list]:
    return store.attempts(), store.entries()


# ------------------------------------------------------------------ the schema


def test_schema_is_valid_draft_07_and_states_the_version_record_py_writes():
    jsonschema.Draft7Validator.check_schema(schema())
    assert schema()["properties"]["version"]["const"] == record.RECORD_VERSION
    assert schema()["properties"]["format"]["const"] == record.RECORD_FORMAT
    assert max_file_bytes() >= 1_000_000


def test_to_json_output_validates_against_the_schema(tmp_path):
    clock_time = [datetime(2026, 11, 2, 19, 0, tzinfo=timezone.utc)]
    store = ProgressStore(tmp_path / "p.sqlite", clock=lambda: clock_time[0])
    bank = load_packaged_bank("pendulum")
    store.save_entries(module="physics-pendulum", kind="action_plan", texts={"planned_change": "Demo first"})
    store.record_attempt(module="physics-pendulum", bank_topic="pendulum", question_id="period-mass",
                         response=1, feedback=bank["period-mass"].mark(1), confidence="sure")
    store.record_attempt(module="physics-pendulum", bank_topic="pendulum", question_id="period-1m",
                         response="x" * 20_000, feedback=bank["period-1m"].mark("3 s"))  # truncated by the store
    store.save_entries(module="physics-pendulum", kind="reflection", texts={"surprised_me": ""})
    exported = json.loads(json.dumps(record.to_json(store, "Mr Example")))
    jsonschema.Draft7Validator(schema()).validate(exported)
    assert check_record(exported) is exported
    assert len(exported["attempts"]) == 2 and len(exported["entries"]) == 2
    # An empty store's export is a valid (empty) record too.
    jsonschema.Draft7Validator(schema()).validate(record.to_json(ProgressStore(tmp_path / "none.sqlite")))


def test_the_site_shaped_record_is_valid():
    jsonschema.Draft7Validator(schema()).validate(SITE_RECORD)


# ------------------------------------------------------------- import round trip


def test_site_record_imports_and_exports_back_the_same_attempts_and_entries(tmp_path, store):
    result = store.import_record(**{k: load_record_file(write(tmp_path, SITE_RECORD))[k] for k in ("attempts", "entries")})
    assert (result.attempts_added, result.entries_added) == (3, 3)
    assert (result.attempts_already_present, result.entries_already_present) == (0, 0)
    exported = record.to_json(store)
    assert comparable(exported) == comparable(SITE_RECORD)
    # Original timestamps are kept, to the millisecond, and stored in UTC.
    first = next(a for a in exported["attempts"] if a["response"] == "1")
    assert first["answered_at"] == "2026-12-03T21:01:02.345000+00:00"
    assert store.attempts()[0].answered_at == datetime(2026, 12, 2, 9, 0, tzinfo=timezone.utc)
    # Text is kept verbatim (the store never interprets it).
    assert store.latest_entries("physics-pendulum", "action_plan") == {
        "planned_change": "Predict-observe-explain with <the> simulation & a hinge question"}


def test_reimporting_the_same_file_adds_nothing(tmp_path, store):
    path = write(tmp_path, SITE_RECORD)
    store.import_record(load_record_file(path)["attempts"], load_record_file(path)["entries"])
    before = snapshot(store)
    again = store.import_record(load_record_file(path)["attempts"], load_record_file(path)["entries"])
    assert (again.attempts_added, again.entries_added) == (0, 0)
    assert (again.attempts_already_present, again.entries_already_present) == (3, 3)
    assert snapshot(store) == before


def test_importing_a_stores_own_export_adds_nothing(tmp_path):
    clock_time = datetime(2026, 11, 2, 19, 0, tzinfo=timezone.utc)
    store = ProgressStore(tmp_path / "p.sqlite", clock=lambda: clock_time)
    bank = load_packaged_bank("pendulum")
    store.record_attempt(module="physics-pendulum", bank_topic="pendulum", question_id="period-mass",
                         response=1, feedback=bank["period-mass"].mark(1), confidence="sure")
    store.save_entries(module="physics-pendulum", kind="action_plan", texts={"planned_change": "Demo"})
    exported = json.loads(json.dumps(record.to_json(store)))
    result = store.import_record(exported["attempts"], exported["entries"])
    assert (result.attempts_added, result.entries_added) == (0, 0)
    assert len(store.attempts()) == 1 and len(store.entries()) == 1


def test_an_older_imported_text_does_not_replace_a_newer_local_one(tmp_path):
    later = datetime(2026, 12, 10, 8, 0, tzinfo=timezone.utc)
    store = ProgressStore(tmp_path / "p.sqlite", clock=lambda: later)
    store.save_entries(module="physics-pendulum", kind="action_plan", texts={"planned_change": "Newer, written locally"})
    store.import_record([], SITE_RECORD["entries"])
    assert store.latest_entries("physics-pendulum", "action_plan") == {"planned_change": "Newer, written locally"}
    # The imported version is kept in the field's history, in time order.
    history = [e.text for e in store.entries("physics-pendulum", "action_plan")]
    assert history == [SITE_RECORD["entries"][0]["text"], "Newer, written locally"]


def test_imported_answers_take_their_place_in_time_order(tmp_path):
    later = datetime(2026, 12, 10, 8, 0, tzinfo=timezone.utc)
    store = ProgressStore(tmp_path / "p.sqlite", clock=lambda: later)
    bank = load_packaged_bank("pendulum")
    store.record_attempt(module="physics-pendulum", bank_topic="pendulum", question_id="period-mass",
                         response=1, feedback=bank["period-mass"].mark(1))
    store.import_record(SITE_RECORD["attempts"], [])
    times = [a.answered_at for a in store.attempts()]
    assert times == sorted(times) and times[-1] == later
    # So the record's "latest answer counts" sees the local (later, wrong) answer last.
    (pendulum,) = [r for r in record.summarise(store) if r.module == "physics-pendulum"]
    assert pendulum.quiz.questions_correct == 0


def test_import_writes_everything_in_one_transaction(tmp_path, store):
    bad = dict(SITE_RECORD["entries"][0], kind="diary")  # the last row fails
    with pytest.raises(ValueError, match="kind"):
        store.import_record(SITE_RECORD["attempts"], [SITE_RECORD["entries"][0], bad])
    assert snapshot(store) == ([], [])


# --------------------------------------------------------------- bad files


def too_new():
    return {**SITE_RECORD, "version": 2}


@pytest.mark.parametrize("content, message", [
    ("{not json", r"is not valid JSON \(line 1, column 2"),
    ("[1, 2]", r'is not a stemcpd CPD record \(it has no "format"'),
    (json.dumps({"format": "moodle-backup", "attempts": []}), r'its "format" is "moodle-backup"'),
    (json.dumps(too_new()), r"newer stemcpd \(record version 2; this one reads version 1\)"),
    (json.dumps({**SITE_RECORD, "version": "1"}), r'no whole-number "version"'),
    (json.dumps({**SITE_RECORD, "attempts": [{**SITE_RECORD["attempts"][0], "correct": "yes"}]}),
     r"attempts\[0\]\.correct should be boolean, not \"yes\""),
    (json.dumps({**SITE_RECORD, "entries": [{**SITE_RECORD["entries"][0], "kind": "diary"}]}),
     r"entries\[0\]\.kind is \"diary\"; it must be one of"),
    (json.dumps({**SITE_RECORD, "entries": [{**SITE_RECORD["entries"][0], "saved_at": "yesterday"}]}),
     r"entries\[0\]\.saved_at is not a date and time with a time zone"),
    (json.dumps({**SITE_RECORD, "entries": [{**SITE_RECORD["entries"][0], "saved_at": "2026-02-30T10:00:00Z"}]}),
     r"entries\[0\]\.saved_at is not a real date and time"),
    (json.dumps({**SITE_RECORD, "attempts": [{**SITE_RECORD["attempts"][0], "module": "  "}]}),
     r"attempts\[0\]\.module must not be empty"),
    (json.dumps({**SITE_RECORD, "entries": [{**SITE_RECORD["entries"][0], "text": "x" * 100_001}]}),
     r"entries\[0\]\.text is longer than 100000 characters"),
    (json.dumps({**SITE_RECORD, "attempts": [SITE_RECORD["attempts"][0]] * 50_001}),
     r"attempts has more than 50000 items"),
    (json.dumps({**SITE_RECORD, "entries": {"a": 1}}), r"entries should be array"),
    (json.dumps({**SITE_RECORD, "extra": 1}), r"has a field this format does not have"),
    ('{"format": "stemcpd-record", "version": 1, "attempts": [{"score": NaN}], "entries": []}',
     r"is not valid JSON \(NaN is not a number JSON allows\)"),
    (b"\xff\xfe{}", r"not a text file in UTF-8"),
])
def test_bad_files_get_a_clear_message_and_change_nothing(tmp_path, store, content, message):
    store.import_record(SITE_RECORD["attempts"][:1], SITE_RECORD["entries"][:1])
    before = snapshot(store)
    path = tmp_path / "bad.json"
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    with pytest.raises(RecordFileError, match=message) as caught:
        load_record_file(path)
    assert str(caught.value).startswith(str(path))
    assert snapshot(store) == before


def test_a_huge_file_is_refused_before_it_is_read(tmp_path, monkeypatch):
    path = tmp_path / "huge.json"
    with path.open("wb") as handle:  # sparse: the size is what matters
        handle.truncate(max_file_bytes() + 1)
    with pytest.raises(RecordFileError, match=r"MB; a CPD record file is at most 16 MB"):
        load_record_file(path)


def test_a_missing_file_is_named(tmp_path):
    with pytest.raises(RecordFileError, match="does not exist"):
        load_record_file(tmp_path / "nowhere.json")


def test_import_checks_values_even_without_the_file_checks(store):
    with pytest.raises(ValueError, match="time zone"):
        store.import_record([{**SITE_RECORD["attempts"][0], "answered_at": "2026-12-03T21:01:02"}], [])
    with pytest.raises(ValueError, match="finite"):
        store.import_record([{**SITE_RECORD["attempts"][0], "score": float("inf")}], [])
    assert snapshot(store) == ([], [])
