"""Hostile participant files for the trainer's report (issue 16, item 4).

One bad file used to stop the whole report with a traceback; ``"correct": "false"``
and NaN counted as right; ``$…$`` labels went to matplotlib's mathtext; a re-export
after one more answer counted as a second participant.
"""

import copy
import json
import time

import pytest

from stemcpd import cli
from stemcpd.cpd import report

from hostile_limits import within


def attempt(question_id="period-1m", correct=True, misconception=None, answered_at="2026-11-02T10:00:00+00:00",
            confidence="sure"):
    return {"module": "physics-pendulum", "bank_topic": "pendulum", "question_id": question_id, "response": "2 s",
            "correct": correct, "score": 1.0 if correct is True else 0.0, "misconception": misconception,
            "confidence": confidence, "answered_at": answered_at}


def record_of(name, attempts, exported_at="2026-11-02T12:00:00+00:00"):
    return {"format": "stemcpd-record", "version": 1, "participant": name, "exported_at": exported_at,
            "attempts": attempts, "entries": [
                {"module": "physics-pendulum", "kind": "reflection", "field": "surprised_me", "text": "amplitude",
                 "saved_at": "2026-11-02T11:00:00+00:00"}]}


def good(name):
    return json.dumps(record_of(name, [attempt(), attempt("period-mass", False, "heavier-swings-faster")]))


HOSTILE = {
    "attempt-is-a-number.json": json.dumps(record_of("X", [7])),
    "correct-is-a-string.json": json.dumps(record_of("Y", [attempt(correct="false")])),
    "score-is-nan.json": json.dumps(record_of("Z", [attempt()])).replace('"score": 1.0', '"score": NaN'),
    "nested-1100-deep.json": '{"format": "stemcpd-record", "version": 1, "attempts": '
                             + "[" * 1100 + "]" * 1100 + ', "entries": []}',
    "five-thousand-digits.json": json.dumps(record_of("W", [attempt()])).replace('"score": 1.0', '"score": ' + "9" * 5000),
    "not-an-object.json": "[1, 2, 3]",
    "not-utf8.json": b"\xff\xfe{".decode("latin-1"),
}
EXPECTED_REASON = {
    "attempt-is-a-number.json": "attempts[0] should be object",
    "correct-is-a-string.json": "attempts[0].correct should be boolean",
    "score-is-nan.json": "NaN",
    "nested-1100-deep.json": "",
    "five-thousand-digits.json": "not valid JSON",
    "not-an-object.json": "not a stemcpd CPD record",
    "not-utf8.json": "",
}


@pytest.fixture
def files(tmp_path):
    paths = []
    for name in ("Asha", "Ben"):
        path = tmp_path / f"{name}.json"
        path.write_text(good(name), encoding="utf-8")
        paths.append(path)
    for file_name, text in HOSTILE.items():
        path = tmp_path / file_name
        path.write_bytes(text.encode("latin-1") if file_name == "not-utf8.json" else text.encode("utf-8"))
        paths.append(path)
    return paths


def test_each_bad_file_is_skipped_and_named_and_the_report_still_comes(files, tmp_path, capsys):
    output = tmp_path / "report.html"
    assert cli.main(["report", *map(str, files), "-o", str(output)]) == 0
    err = capsys.readouterr().err
    loaded = report.load_records(files)
    assert [person.name for person in loaded.participants] == ["Asha", "Ben"]
    reasons = {path.rsplit("/", 1)[-1]: reason for path, reason in loaded.skipped}
    assert set(reasons) == set(HOSTILE)
    for file_name, words in EXPECTED_REASON.items():
        assert words in reasons[file_name], (file_name, reasons[file_name])
        assert f"skipped {tmp_path / file_name}" in err
    page = output.read_text(encoding="utf-8")
    assert "Files skipped" in page and all(file_name in page for file_name in HOSTILE)
    assert "Traceback" not in err


def test_a_string_false_or_nan_is_never_counted_as_right(tmp_path):
    path = tmp_path / "tricky.json"
    path.write_text(json.dumps(record_of("T", [attempt(correct="false")])), encoding="utf-8")
    groups = report.aggregate(report.load_records([path]))
    assert groups.participants == [] and groups.questions == []


@pytest.mark.parametrize("label", [r"$\frac{1}{$", r"$\undefinedmacro{x}$", "$x^{2$", "a$b$c" * 30, "$" * 200])
def test_tex_like_labels_are_drawn_literally(tmp_path, label):
    path = tmp_path / "tex.json"
    path.write_text(json.dumps(record_of("T", [attempt(label[:200]), attempt("q2", False, label[:200])])),
                    encoding="utf-8")
    page = within(60, lambda: report.to_html(report.aggregate(report.load_records([path]))))
    assert page.count("<img ") == 3


def test_long_labels_are_cut_on_plots_and_kept_in_tables(tmp_path):
    long_id = "w" * 200  # the schema's longest name
    attempts = [attempt(f"{long_id[:190]}-{number:03d}", number % 2 == 0, f"{long_id[:190]}-m{number:03d}")
                for number in range(40)]
    path = tmp_path / "long.json"
    path.write_text(json.dumps(record_of("L", attempts)), encoding="utf-8")
    started = time.monotonic()
    page = within(60, lambda: report.to_html(report.aggregate(report.load_records([path]))))
    assert time.monotonic() - started < 60
    assert f"{long_id[:190]}-000" in page  # the table keeps the whole id
    assert report.plot_label(long_id) == "w" * (report.MAX_LABEL_CHARACTERS - 1) + "…"


def test_a_re_export_after_one_more_answer_counts_the_participant_once(tmp_path):
    first = record_of("me", [attempt()], exported_at="2026-11-02T12:00:00+00:00")
    again = copy.deepcopy(first)
    again["attempts"].append(attempt("period-mass", False, "heavier-swings-faster", "2026-11-03T09:00:00+00:00"))
    again["exported_at"] = "2026-11-03T09:05:00+00:00"
    someone_else = record_of("me", [attempt(answered_at="2026-11-01T08:00:00+00:00")])
    paths = []
    for name, data in (("later.json", again), ("earlier.json", first), ("other.json", someone_else)):
        path = tmp_path / name
        path.write_text(json.dumps(data), encoding="utf-8")
        paths.append(path)
    loaded = report.load_records(paths)
    assert [(person.name, len(person.attempts)) for person in loaded.participants] == [("me", 2), ("me (2)", 1)]
    assert loaded.participants[0].source.endswith("later.json")
    (skipped_path, reason), = loaded.skipped
    assert skipped_path.endswith("earlier.json") and "earlier export of the same participant" in reason
    # In the other order the later export still wins.
    loaded = report.load_records(list(reversed(paths[:2])))
    assert [len(person.attempts) for person in loaded.participants] == [2]


def test_five_thousand_participants_still_report_in_seconds(tmp_path):
    paths = []
    for number in range(5000):
        path = tmp_path / f"p{number:04d}.json"
        attempts = [attempt("period-1m", number % 3 != 0, None, f"2026-11-02T10:{number % 60:02d}:00+00:00"),
                    attempt("period-mass", number % 2 == 0, "heavier-swings-faster")]
        path.write_text(json.dumps(record_of(f"Participant {number}", attempts)), encoding="utf-8")
        paths.append(path)
    started = time.monotonic()
    loaded = report.load_records(paths)
    page = report.to_html(report.aggregate(loaded))
    elapsed = time.monotonic() - started
    assert len(loaded.participants) == 5000 and "5000 participants" in page
    assert elapsed < 60, f"5,000 participants took {elapsed:.1f} s"
    print(f"5,000 participants: {elapsed:.1f} s")
