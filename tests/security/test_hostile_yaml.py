"""Hostile YAML banks (issue 16, item 3): aliases are refused before they can expand.

A 600-byte bank of nested aliases ("billion laughs") took minutes and gigabytes in
``load_bank``, ``stemcpd quiz validate`` and ``quiz starter``.
"""

import subprocess
import sys
from pathlib import Path

import pytest

from stemcpd.quiz.bank import BankError, load_bank, load_packaged_bank, packaged_bank_names, safe_yaml_load
from stemcpd.quiz.cli import validate

from hostile_limits import within

REPO = Path(__file__).resolve().parents[2]
LIMIT_S = 10.0

LAUGHS = """topic: laughs
title: Laughs
questions:
  - id: first-fine
    type: multiple_choice
    prompt: Fine?
    options:
      - {text: "yes", correct: true}
      - {text: "no", misconception: nope}
  - id: boom
    type: multiple_choice
    prompt: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
    b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
    c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
    d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
    e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
    f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
    g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
    h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
    i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
"""


@pytest.fixture
def laughs(tmp_path):
    path = tmp_path / "laughs.yaml"
    path.write_text(LAUGHS, encoding="utf-8")
    return path


def test_load_bank_refuses_aliases_naming_file_line_and_question(laughs):
    with pytest.raises(BankError) as caught:
        within(LIMIT_S, load_bank, laughs)
    error = caught.value
    assert (error.path.name, error.line, error.question_id) == ("laughs.yaml", 13, "boom")
    assert str(error).startswith("laughs.yaml, line 13, question 'boom': YAML alias *a (defined with &a on line 12)")


def test_merge_keys_are_aliases_too(tmp_path):
    path = tmp_path / "merge.yaml"
    path.write_text("topic: merge\ntitle: M\nbase: &base {type: numeric}\nquestions:\n  - <<: *base\n    id: q\n",
                    encoding="utf-8")
    with pytest.raises(BankError, match="line 5, question .q.: YAML alias"):
        load_bank(path)


def test_safe_yaml_load_refuses_aliases_and_reads_plain_yaml():
    assert safe_yaml_load("a: [1, 2]\nb: &x 3\n") == {"a": [1, 2], "b": 3}
    with pytest.raises(Exception, match="alias"):
        within(LIMIT_S, safe_yaml_load, LAUGHS)


def test_validate_and_starter_commands_refuse_the_bomb_quickly(laughs, tmp_path):
    problems = within(LIMIT_S, validate, [laughs])
    assert problems and "YAML alias *a" in problems[0]
    command = [sys.executable, "-m", "stemcpd", "quiz", "starter", "--last-lesson", str(laughs),
               "-o", str(tmp_path / "starter.html")]
    result = subprocess.run(command, capture_output=True, text=True, timeout=60, cwd=REPO)
    assert result.returncode == 2 and "YAML alias" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "starter.html").exists()


def test_deeply_nested_yaml_is_a_bank_error(tmp_path):
    path = tmp_path / "deep.yaml"
    path.write_text("topic: deep\ntitle: D\nquestions: " + "[" * 5000 + "]" * 5000 + "\n", encoding="utf-8")
    with pytest.raises(BankError):
        within(LIMIT_S, load_bank, path)


def test_every_shipped_bank_still_loads():
    assert all(len(load_packaged_bank(name)) for name in packaged_bank_names())


@pytest.mark.parametrize("question_type", ["[]", "{}", "{a: 1}"])
def test_a_type_that_is_not_a_name_is_a_bank_error(tmp_path, question_type):
    """Found by the fuzz suite: "type: []" raised TypeError (unhashable) instead of a BankError."""
    path = tmp_path / "odd-type.yaml"
    path.write_text(f"topic: odd\ntitle: Odd\nquestions:\n  - type: {question_type}\n    id: q\n", encoding="utf-8")
    with pytest.raises(BankError, match="odd-type.yaml, line 4, question 'q'"):
        load_bank(path)
