"""Loading banks: the packaged bank, the Bank API, and precise errors for broken files."""

from pathlib import Path

import jsonschema
import pytest

from stemcpd.quiz import (
    Bank,
    BankError,
    MultipleChoiceQuestion,
    NumericQuestion,
    bank_path,
    load_bank,
    load_packaged_bank,
)
from stemcpd.quiz.bank import bank_schema, packaged_bank_names

# Line numbers matter: the malformed-bank tests below edit single lines of this
# text (keeping the line count) and assert the exact line in the error.
VALID_BANK = """\
topic: pendulum
title: "Test bank"
questions:
  - id: period-mass
    type: multiple_choice
    prompt: "Does mass matter?"
    options:
      - text: "No"
        correct: true
        feedback: "Mass cancels."
      - text: "Yes, heavier is faster"
        misconception: heavier-swings-faster
        feedback: "Inertia cancels it."
  - id: period-1m
    type: numeric
    prompt: "Period of a 1.00 m pendulum?"
    answer: 2.006
    unit: s
    tolerance: 1%
    sig_figs: 3
"""


def write_bank(tmp_path: Path, text: str, name: str = "bad.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def with_line(line_number: int, new_line: str) -> str:
    lines = VALID_BANK.splitlines()
    lines[line_number - 1] = new_line
    return "\n".join(lines) + "\n"


def load_error(tmp_path: Path, text: str) -> BankError:
    with pytest.raises(BankError) as caught:
        load_bank(write_bank(tmp_path, text))
    return caught.value


# --- The valid bank and the Bank API ---------------------------------------


def test_valid_bank_loads(tmp_path):
    bank = load_bank(write_bank(tmp_path, VALID_BANK, "good.yaml"))

    assert isinstance(bank, Bank)
    assert bank.topic == "pendulum"
    assert bank.title == "Test bank"
    assert bank.path == tmp_path / "good.yaml"
    assert bank.source is None
    assert len(bank) == 2
    assert [question.id for question in bank] == ["period-mass", "period-1m"]


def test_questions_are_built_from_the_yaml(tmp_path):
    bank = load_bank(write_bank(tmp_path, VALID_BANK, "good.yaml"))

    choice = bank["period-mass"]
    assert isinstance(choice, MultipleChoiceQuestion)
    assert choice.topic == "pendulum"
    assert choice.options[0].correct and choice.options[0].feedback == "Mass cancels."
    assert choice.options[1].misconception == "heavier-swings-faster"
    numeric = bank["period-1m"]
    assert numeric == NumericQuestion("period-1m", "Period of a 1.00 m pendulum?", 2.006, "s", "1%", 3, "pendulum")
    assert numeric.mark("2.01 s").correct


def test_unknown_question_id_raises_key_error_naming_it(tmp_path):
    bank = load_bank(write_bank(tmp_path, VALID_BANK, "good.yaml"))

    with pytest.raises(KeyError, match="no-such-question"):
        bank["no-such-question"]
    assert "period-mass" in bank
    assert "no-such-question" not in bank


def test_bank_is_frozen(tmp_path):
    bank = load_bank(write_bank(tmp_path, VALID_BANK, "good.yaml"))

    with pytest.raises(AttributeError):
        bank.title = "changed"


def test_numeric_tolerance_may_be_absolute(tmp_path):
    bank = load_bank(write_bank(tmp_path, with_line(19, "    tolerance: 0.02"), "good.yaml"))

    assert bank["period-1m"].tolerance == 0.02
    assert bank["period-1m"].mark("2.02 s").correct
    assert not bank["period-1m"].mark("2.03 s").correct


def test_schema_is_valid_draft_2020_12():
    schema = bank_schema()

    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)


# --- Packaged banks ---------------------------------------------------------


def test_bank_path_finds_the_packaged_file():
    path = bank_path("pendulum")

    assert path.is_file()
    assert path.name == "pendulum.yaml"
    assert path.parent.name == "banks"
    assert path.parent.parent.name == "quiz"


@pytest.mark.parametrize("name", ["no-such-bank", "../schema", "Pendulum", ""])
def test_bank_path_refuses_unknown_names(name):
    with pytest.raises(FileNotFoundError):
        bank_path(name)


def test_every_packaged_bank_loads():
    assert "pendulum" in packaged_bank_names()
    for name in packaged_bank_names():
        assert len(load_packaged_bank(name)) > 0


def test_pendulum_bank_content():
    bank = load_packaged_bank("pendulum")
    choices = [question for question in bank if isinstance(question, MultipleChoiceQuestion)]
    numerics = [question for question in bank if isinstance(question, NumericQuestion)]
    misconceptions = {option.misconception for question in choices for option in question.options}

    assert bank.topic == "pendulum"
    assert bank.path == bank_path("pendulum")
    assert len(choices) >= 3
    assert len(numerics) >= 2
    assert {
        "heavier-swings-faster",
        "period-proportional-to-length",
        "isochronous-at-all-amplitudes",
        "bigger-swing-takes-longer",
        "repeat-single-timing-equivalent",
    } <= misconceptions
    for question in choices:
        for option in question.options:
            assert option.feedback, (question.id, option.text)
            if not option.correct:
                assert option.misconception, (question.id, option.text)


def test_pendulum_bank_wrong_answers_teach_something():
    bank = load_packaged_bank("pendulum")

    feedback = bank["period-double-length"].mark("It doubles.")
    assert feedback.misconception == "period-proportional-to-length"
    assert "four times the length" in feedback.message
    assert bank["period-1m"].mark("2.006 s").score == 0.75  # asks for 3 s.f.
    assert bank["period-1m"].mark("2.01 s").correct
    assert bank["length-for-1s-period"].mark("24.8 cm").correct
    assert bank["length-for-1s-period"].mark("24.8").misconception == "power-of-ten-slip"


# --- Malformed banks: file, line and question id ------------------------------


def assert_located(error: BankError, line: int, question_id: str | None, problem_words: str):
    assert error.path.name == "bad.yaml"
    assert error.line == line
    assert error.question_id == question_id
    assert problem_words in error.problem
    prefix = f"bad.yaml, line {line}" + (f", question '{question_id}'" if question_id else "")
    assert str(error).startswith(prefix + ": "), str(error)


def test_bank_error_is_a_value_error():
    assert issubclass(BankError, ValueError)


def test_distractor_without_misconception(tmp_path):
    error = load_error(tmp_path, with_line(12, "        # misconception removed"))

    assert str(error) == "bad.yaml, line 11, question 'period-mass': distractor option 2 has no misconception"


def test_distractor_without_misconception_or_feedback(tmp_path):
    text = with_line(12, "        # removed").replace('        feedback: "Inertia cancels it."', "        # removed")
    error = load_error(tmp_path, text)

    assert_located(error, 11, "period-mass", "distractor option 2 has no misconception or feedback")


def test_duplicate_ids(tmp_path):
    error = load_error(tmp_path, with_line(14, "  - id: period-mass"))

    assert_located(error, 14, "period-mass", "duplicate id (first used on line 4)")


def test_two_correct_options(tmp_path):
    error = load_error(tmp_path, with_line(12, "        correct: true"))

    assert_located(error, 7, "period-mass", "exactly one correct option, found 2")


def test_no_correct_option(tmp_path):
    error = load_error(tmp_path, with_line(9, "        correct: false"))

    assert_located(error, 7, "period-mass", "exactly one correct option, found 0")


def test_repeated_option_text(tmp_path):
    error = load_error(tmp_path, with_line(11, '      - text: "No"'))

    assert_located(error, 11, "period-mass", "option 2 repeats the text")


def test_unit_pint_cannot_read(tmp_path):
    error = load_error(tmp_path, with_line(18, "    unit: wibbles"))

    assert_located(error, 18, "period-1m", "unit 'wibbles' is not a unit pint can read")


@pytest.mark.parametrize("tolerance", ["1 percent", "-1", "'-1%'", "'%'", "lots"])
def test_bad_tolerance(tmp_path, tolerance):
    error = load_error(tmp_path, with_line(19, f"    tolerance: {tolerance}"))

    assert_located(error, 19, "period-1m", "tolerance must be a percentage like '2%' or a non-negative number")


def test_non_finite_answer(tmp_path):
    error = load_error(tmp_path, with_line(17, "    answer: .nan"))

    assert_located(error, 17, "period-1m", "answer must be a finite number")


def test_answer_must_be_a_number(tmp_path):
    error = load_error(tmp_path, with_line(17, "    answer: two"))

    assert_located(error, 17, "period-1m", "'answer' should be a number, not 'two'")


def test_sig_figs_must_be_positive(tmp_path):
    error = load_error(tmp_path, with_line(20, "    sig_figs: 0"))

    assert_located(error, 20, "period-1m", "'sig_figs'")


def test_id_must_be_a_slug(tmp_path):
    error = load_error(tmp_path, with_line(4, "  - id: Period Mass"))

    assert_located(error, 4, "Period Mass", "must be a slug")


def test_misconception_must_be_a_slug(tmp_path):
    error = load_error(tmp_path, with_line(12, "        misconception: Heavier swings faster"))

    assert_located(error, 12, "period-mass", "option 2 'misconception' 'Heavier swings faster' must be a slug")


def test_missing_required_field(tmp_path):
    error = load_error(tmp_path, with_line(17, "    # answer removed"))

    assert_located(error, 14, "period-1m", "missing required field 'answer'")


def test_misspelt_field_is_suggested(tmp_path):
    error = load_error(tmp_path, with_line(17, "    anwser: 2.006"))

    assert_located(error, 14, "period-1m", "missing required field 'answer' (is 'anwser' a misspelling?)")


def test_unknown_field_points_at_its_line(tmp_path):
    error = load_error(tmp_path, VALID_BANK + "    hint: think about g\n")

    assert_located(error, 21, "period-1m", "unknown field 'hint'")


def test_field_of_the_other_type_is_unknown(tmp_path):
    error = load_error(tmp_path, VALID_BANK + "    options: []\n")

    assert_located(error, 21, "period-1m", "unknown field 'options'")


def test_unknown_option_field(tmp_path):
    error = load_error(tmp_path, with_line(13, '        hint: "Inertia cancels it."'))

    # the distractor also lost its feedback, but the schema pass reports first
    assert_located(error, 13, "period-mass", "unknown field 'hint'")


def test_unknown_question_type(tmp_path):
    error = load_error(tmp_path, with_line(15, "    type: essay"))

    assert_located(error, 15, "period-1m", "'type' must be one of multiple_choice, numeric, multiple_select, ordering, short_text, parameterised_numeric, matching, extended_response, not 'essay'")


def test_yaml_boolean_where_text_is_needed(tmp_path):
    error = load_error(tmp_path, with_line(8, "      - text: yes"))

    assert_located(error, 8, "period-mass", "option 1 'text' should be a string, not True (put text in quotes)")
    assert error.problem.startswith("option 1 'text'")


def test_question_without_id_is_named_by_position(tmp_path):
    error = load_error(tmp_path, with_line(14, "  - kind: nothing"))

    assert error.line == 14
    assert error.question_id is None
    assert error.question_number == 2
    assert str(error).startswith("bad.yaml, line 14, question 2: ")


def test_unknown_top_level_field(tmp_path):
    error = load_error(tmp_path, "author: me\n" + VALID_BANK)

    assert_located(error, 1, None, "unknown field 'author'")


def test_empty_question_list(tmp_path):
    error = load_error(tmp_path, "topic: pendulum\ntitle: T\nquestions: []\n")

    assert_located(error, 3, None, "'questions' needs at least 1 item")


def test_missing_title(tmp_path):
    error = load_error(tmp_path, VALID_BANK.replace('title: "Test bank"', "# no title"))

    assert_located(error, 1, None, "missing required field 'title'")


def test_top_level_must_be_a_mapping(tmp_path):
    error = load_error(tmp_path, "- one\n- two\n")

    assert_located(error, 1, None, "the bank should be a mapping")
    assert "not ['one', 'two']" in str(error)


def test_yaml_syntax_error_has_its_line(tmp_path):
    error = load_error(tmp_path, with_line(10, "        feedback: Mass: cancels"))

    assert_located(error, 10, None, "YAML syntax error")


def test_unclosed_quote_says_where_it_began(tmp_path):
    error = load_error(tmp_path, VALID_BANK + '    hint: "unclosed\n')

    assert error.line == 22  # where PyYAML gave up: the end of the file
    assert "YAML syntax error" in error.problem
    assert "began on line 21" in error.problem


def test_empty_file(tmp_path):
    error = load_error(tmp_path, "")

    assert str(error) == "bad.yaml: the file is empty"


def test_missing_file(tmp_path):
    with pytest.raises(BankError, match="nothing.yaml: cannot read the file"):
        load_bank(tmp_path / "nothing.yaml")


def test_non_utf8_file(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_bytes(b"topic: \xff\xfe\n")

    with pytest.raises(BankError, match="bad.yaml: the file is not UTF-8"):
        load_bank(path)
