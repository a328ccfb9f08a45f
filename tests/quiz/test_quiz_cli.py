"""The quiz command-line functions: validate and starter, and their argparse wiring."""

import argparse
import textwrap
from pathlib import Path

import pytest

from stemcpd.quiz import bank_path
from stemcpd.quiz.bank import packaged_bank_names
from stemcpd.quiz.cli import MODEL_CHECKS, add_quiz_commands, validate

BAD_BANK = textwrap.dedent(
    """
    topic: bad
    title: "Bad"
    questions:
      - id: dup
        type: multiple_choice
        prompt: "P?"
        options:
          - {text: "a", correct: true, feedback: "ok"}
          - {text: "b", feedback: "no misconception"}
      - id: dup
        type: multiple_choice
        prompt: "Q?"
        options:
          - {text: "a", correct: true, feedback: "ok"}
          - {text: "b", misconception: some-idea, feedback: "no"}
    """
)


def run(argv):
    parser = argparse.ArgumentParser(prog="stemcpd")
    add_quiz_commands(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    return args.handler(args)


def test_every_shipped_bank_validates():
    paths = [bank_path(name) for name in packaged_bank_names()]
    assert "needs-analysis" in packaged_bank_names()
    assert validate(paths) == []
    assert validate([paths[0].parent]) == []


def test_model_checks_name_shipped_numeric_questions():
    from stemcpd.quiz import load_packaged_bank

    for (topic, question_id) in MODEL_CHECKS:
        assert hasattr(load_packaged_bank(topic)[question_id], "answer")


def test_validate_reports_every_problem(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text(BAD_BANK, encoding="utf-8")
    problems = validate([path])
    text = "\n".join(problems)
    assert "duplicate id" in text
    assert "has no misconception" in text
    assert all(problem.startswith("bad.yaml") for problem in problems)


def test_validate_catches_a_number_that_disagrees_with_the_model(tmp_path):
    text = bank_path("pendulum").read_text(encoding="utf-8")
    assert "answer: 2.01" in text
    path = tmp_path / "pendulum.yaml"
    path.write_text(text.replace("answer: 2.01", "answer: 2.2"), encoding="utf-8")
    problems = validate([path])
    assert len(problems) == 1 and "period-1m" in problems[0] and "disagrees with the model" in problems[0]


def test_validate_command(tmp_path, capsys):
    assert run(["quiz", "validate", str(bank_path("pendulum"))]) == 0
    bad = tmp_path / "bad.yaml"
    bad.write_text(BAD_BANK, encoding="utf-8")
    assert run(["quiz", "validate", str(bad)]) == 1
    assert "problem(s) found" in capsys.readouterr().out


def test_starter_command_writes_the_page(tmp_path):
    output = tmp_path / "starter.html"
    assert run(["quiz", "starter", "--last-lesson", "energy", "--last-week", "electricity",
                "--last-term", "forces-and-motion", "-o", str(output), "--seed", "2"]) == 0
    page = output.read_text(encoding="utf-8")
    assert page.count('<li><span class="from">') == 5
    assert "break-before: page" in page
    again = tmp_path / "again.html"
    run(["quiz", "starter", "--last-lesson", "energy", "--last-week", "electricity",
         "--last-term", "forces-and-motion", "-o", str(again), "--seed", "2"])
    assert again.read_text(encoding="utf-8") == page


def test_starter_command_fails_cleanly(tmp_path, capsys):
    # Errors go to stderr with exit code 2 (a usage problem), like every stemcpd command.
    assert run(["quiz", "starter", "--last-lesson", "no-such-bank", "-o", str(tmp_path / "x.html")]) == 2
    captured = capsys.readouterr()
    assert "no packaged bank" in captured.err and captured.out == ""
    assert run(["quiz", "starter", "-o", str(tmp_path / "x.html")]) == 2
    assert "give at least one" in capsys.readouterr().err
    assert run(["quiz", "starter", "--last-lesson", "energy", "-o", str(tmp_path)]) == 2
    assert capsys.readouterr().err.strip() == f"error: {tmp_path} is a folder; give an HTML file to write"
    with pytest.raises(SystemExit):
        run(["quiz", "starter", "--last-lesson", "energy"])  # -o is required


def test_validate_fails_when_there_is_nothing_to_check(tmp_path, capsys):
    """Issue 16, item 7: an empty folder used to print "All 1 path(s) valid" and exit 0."""
    assert run(["quiz", "validate", str(tmp_path)]) == 2
    captured = capsys.readouterr()
    assert "nothing to check" in captured.err and "valid" not in captured.out
    assert run(["quiz", "validate", str(tmp_path / "missing.yaml")]) == 2
    assert "no such file or folder" in capsys.readouterr().err
    with pytest.raises(ValueError, match="nothing to check"):
        validate([tmp_path])
