"""Quiz progress in the one CPD store: export and import of attempts, from Python and the CLI."""

import json
from datetime import datetime, timezone

import pytest

from stemcpd.cpd.store import ProgressStore
from stemcpd.quiz.feedback import Feedback
from stemcpd.quiz.progress import ImportFormatError, export_attempts, import_attempts

RIGHT = Feedback(True, 1.0, "Right.")
WRONG = Feedback(False, 0.0, "Not yet.", "heavier-swings-faster")


def fixed_clock(moment=datetime(2024, 9, 2, 9, 0, tzinfo=timezone.utc)):
    return lambda: moment


def record(store, bank, question_id, response, feedback, confidence=None, module="quiz"):
    return store.record_attempt(module=module, bank_topic=bank, question_id=question_id, response=response,
                                feedback=feedback, confidence=confidence)


def fields(store):
    return [(a.module, a.bank_topic, a.question_id, a.response, a.correct, a.score, a.misconception,
             a.confidence, a.answered_at) for a in store.attempts()]


def test_the_quiz_has_no_second_store():
    import stemcpd.quiz
    import stemcpd.quiz.progress

    assert not hasattr(stemcpd.quiz, "ProgressStore")
    assert stemcpd.quiz.progress.ProgressStore is ProgressStore  # only the CPD record's, used as is
    source = open(stemcpd.quiz.progress.__file__, encoding="utf-8").read()
    assert "._" not in source.replace("self._", "")  # no reaching into the store's private functions


def test_export_import_round_trip_is_idempotent(tmp_path):
    source = ProgressStore(tmp_path / "a.sqlite", clock=fixed_clock())
    record(source, "pendulum", "period-mass", 1, WRONG, "sure")
    record(source, "energy", "energy-stores", {"choice": 2}, RIGHT, "guess", module="physics-energy")
    export = tmp_path / "export.json"
    assert export_attempts(source, export) == 2

    target = ProgressStore(tmp_path / "b.sqlite")
    assert import_attempts(target, export).attempts_added == 2
    again = import_attempts(target, export)
    assert (again.attempts_added, again.attempts_already_present) == (0, 2)
    assert import_attempts(source, export).attempts_added == 0  # into the record it came from: nothing new
    assert fields(target) == fields(source)
    export_attempts(target, tmp_path / "again.json")
    assert json.loads((tmp_path / "again.json").read_text())["attempts"] == json.loads(export.read_text())["attempts"]
    assert export_attempts(source, tmp_path / "energy.json", bank="energy") == 1


def test_bad_import_adds_nothing(tmp_path):
    good = {"learner": "me", "module": "quiz", "bank_topic": "pendulum", "question_id": "q", "response": "1",
            "correct": True, "score": 1.0, "misconception": None, "confidence": None,
            "answered_at": "2024-09-02T09:00:00+00:00"}
    store = ProgressStore(tmp_path / "p.sqlite")
    path = tmp_path / "bad.json"
    for bad, words in ((dict(good, confidence="certain"), "attempt 2"), (dict(good, answered_at="2024-09-02"), "timezone"),
                       (dict(good, module=" "), "module"), ({"module": "quiz"}, "missing field")):
        path.write_text(json.dumps({"format": "stemcpd-quiz-attempts", "version": 1, "attempts": [good, bad]}))
        with pytest.raises(ImportFormatError, match=words):
            import_attempts(store, path)
        assert store.attempts() == []
    path.write_text("[]")
    with pytest.raises(ImportFormatError, match="not a stemcpd quiz export"):
        import_attempts(store, path)


def test_progress_commands(tmp_path, capsys):
    from stemcpd.cli import main

    source = ProgressStore(tmp_path / "a.sqlite", clock=fixed_clock())
    record(source, "pendulum", "period-mass", 1, WRONG, "sure")
    source.close()
    export = tmp_path / "mine.json"
    assert main(["quiz", "progress", "export", str(export), "--store", str(tmp_path / "a.sqlite")]) == 0
    assert "Wrote 1 quiz answer(s)" in capsys.readouterr().out
    assert main(["quiz", "progress", "import", str(export), "--store", str(tmp_path / "b.sqlite")]) == 0
    assert "Added 1 quiz answer(s); 0 were already" in capsys.readouterr().out
    (tmp_path / "broken.json").write_text("{not json")
    assert main(["quiz", "progress", "import", str(tmp_path / "broken.json"), "--store", str(tmp_path / "b.sqlite")]) == 2
    assert "nothing was added" in capsys.readouterr().err
    with ProgressStore(tmp_path / "b.sqlite") as target:
        assert [(a.bank_topic, a.question_id, a.confidence) for a in target.attempts()] == [
            ("pendulum", "period-mass", "sure")]
