"""`stemcpd record import FILE`: a record from the course site (or another computer) joins
the local CPD record; bad files change nothing and say why; export gives it back."""

import json
import subprocess
import sys

from stemcpd import cli
from stemcpd.cpd import ProgressStore

SITE_RECORD = {
    "format": "stemcpd-record", "version": 1, "participant": "Ms Example",
    "exported_at": "2026-12-03T21:10:00.000Z",
    "attempts": [{"module": "physics-pendulum", "bank_topic": "pendulum", "question_id": "period-mass",
                  "response": "1", "correct": False, "score": 0, "misconception": "heavier-swings-faster",
                  "confidence": "sure", "answered_at": "2026-12-03T21:01:02.345Z"}],
    "entries": [{"module": "physics-pendulum", "kind": "action_plan", "field": "planned_change",
                 "text": "Predict-observe-explain", "saved_at": "2026-12-03T21:00:05.120Z"},
                {"module": "physics-pendulum", "kind": "reflection", "field": "surprised_me",
                 "text": "Amplitude matters", "saved_at": "2026-12-03T21:04:00.000Z"}],
}


def test_import_then_reimport_then_export(tmp_path, isolated_record, capsys):
    source = tmp_path / "from-the-site.json"
    source.write_text(json.dumps(SITE_RECORD), encoding="utf-8")
    assert cli.main(["record", "import", str(source)]) == 0
    out = capsys.readouterr().out
    assert "1 quiz answer and 2 action-plan, reflection and impact entries added." in out
    assert str(isolated_record / "progress.sqlite") in out

    assert cli.main(["record", "import", str(source)]) == 0
    out = capsys.readouterr().out
    assert "0 quiz answers and 0 action-plan, reflection and impact entries added; 3 items were already" in out

    exported_path = tmp_path / "back.json"
    assert cli.main(["record", "export", "--json", "-o", str(exported_path)]) == 0
    exported = json.loads(exported_path.read_text(encoding="utf-8"))
    assert [(a["question_id"], a["misconception"], a["answered_at"]) for a in exported["attempts"]] == [
        ("period-mass", "heavier-swings-faster", "2026-12-03T21:01:02.345000+00:00")]
    assert [(e["kind"], e["field"], e["text"]) for e in exported["entries"]] == [
        ("action_plan", "planned_change", "Predict-observe-explain"), ("reflection", "surprised_me", "Amplitude matters")]


def test_a_bad_file_exits_2_names_the_file_and_problem_and_writes_nothing(tmp_path, isolated_record, capsys):
    store_path = tmp_path / "mine.sqlite"
    good = tmp_path / "good.json"
    good.write_text(json.dumps(SITE_RECORD), encoding="utf-8")
    assert cli.main(["record", "import", str(good), "--store", str(store_path)]) == 0
    capsys.readouterr()
    before = (ProgressStore(store_path).attempts(), ProgressStore(store_path).entries())
    cases = {
        "foreign.json": (json.dumps({"format": "gradebook", "rows": []}), 'is not a stemcpd CPD record'),
        "newer.json": (json.dumps({**SITE_RECORD, "version": 7}), "newer stemcpd (record version 7"),
        "broken.json": ('{"format": "stemcpd-record",', "is not valid JSON"),
        "wrong-types.json": (json.dumps({**SITE_RECORD, "attempts": [{**SITE_RECORD["attempts"][0], "score": "full"}]}),
                             'attempts[0].score should be number, not "full"'),
    }
    for name, (content, problem) in cases.items():
        path = tmp_path / name
        path.write_text(content, encoding="utf-8")
        assert cli.main(["record", "import", str(path), "--store", str(store_path)]) == 2, name
        err = capsys.readouterr().err
        assert err.startswith(f"stemcpd: cannot import {path}: it "), err
        assert problem in err and err.strip().endswith("Nothing was changed."), err
    missing = tmp_path / "missing.json"
    assert cli.main(["record", "import", str(missing), "--store", str(store_path)]) == 2
    assert f"cannot import {missing}: it does not exist. Nothing was changed." in capsys.readouterr().err
    assert (ProgressStore(store_path).attempts(), ProgressStore(store_path).entries()) == before
    assert not (isolated_record / "progress.sqlite").exists()  # the default record was never touched


def test_record_help_lists_import():
    result = subprocess.run([sys.executable, "-m", "stemcpd", "record", "--help"], capture_output=True, text=True)
    assert result.returncode == 0 and "import" in result.stdout
    result = subprocess.run([sys.executable, "-m", "stemcpd", "record", "import", "--help"],
                            capture_output=True, text=True)
    assert result.returncode == 0 and "changes nothing" in " ".join(result.stdout.split())
