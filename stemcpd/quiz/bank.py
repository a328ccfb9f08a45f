"""Loading question banks: YAML files checked against ``schema.json``.

A bank is one YAML file per topic (see ``banks/pendulum.yaml``). Loading runs in
three passes, each reporting the first problem as a :class:`BankError` that names
the file, the 1-based line and the question id, so an author can go straight to
the mistake:

1. YAML syntax (PyYAML's own error mark);
2. shape, against the JSON Schema in ``schema.json`` (draft 2020-12), mapping
   the error's path back to the YAML node it came from;
3. rules a schema cannot state: unique ids, exactly one correct option, every
   distractor has a misconception and feedback, units pint can read, finite answers,
   and answer functions that are allowed and exist (see
   :mod:`stemcpd.quiz.parameterised`).

Question types and their YAML keys (``id``, ``type`` and ``prompt`` always):

* ``multiple_choice``: ``options`` (``text``, ``correct``, ``feedback``,
  ``misconception``), exactly one correct;
* ``multiple_select``: ``options`` as above, at least one correct, every option
  with ``feedback``;
* ``numeric``: ``answer``, ``unit``, ``tolerance``, optional ``sig_figs``;
* ``parameterised_numeric``: ``variables`` (name → ``min``, ``max``, ``step``,
  ``unit``), ``answer_function`` (``module:function``), ``arguments`` (argument →
  variable name or number), ``unit``, ``tolerance``, optional ``sig_figs``;
* ``ordering``: ``steps`` in the right order, optional ``explanation``;
* ``short_text``: ``answers``, optional ``synonyms`` (groups of interchangeable
  phrases), ``wrong_answers`` (``text``, ``feedback``, ``misconception``) and
  ``explanation``;
* ``matching``: ``pairs`` (``left``, ``right``; at least 3, all different),
  optional ``explanation``;
* ``extended_response``: ``marks``, ``mark_scheme`` (points, at least one per
  mark), ``model_answer``, optional ``practical``.

A multiple-choice distractor may carry ``credit`` (percent, partial credit). A
numeric question may list ``wrong_answers`` (``value`` in the question's unit,
``misconception``, ``feedback``) and state ``precision: {sig_figs: N}``, the
significant figures of the data in its prompt.
"""

from __future__ import annotations

import functools
import json
import math
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any, Callable, Iterator, NoReturn

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported when validating: importing jsonschema takes about a second
    import jsonschema
import yaml

from stemcpd.quiz.parameterised import AnswerFunctionError, ParameterisedNumericQuestion, Variable
from stemcpd.quiz.questions import (
    ExtendedResponseQuestion,
    MatchingQuestion,
    MultipleChoiceQuestion,
    MultipleSelectQuestion,
    NumericQuestion,
    NumericWrongAnswer,
    Option,
    OrderingQuestion,
    ShortTextQuestion,
    WrongAnswer,
)
from stemcpd.quiz.units import ResponseParseError, parse_unit

Question = (
    MultipleChoiceQuestion
    | MultipleSelectQuestion
    | NumericQuestion
    | ParameterisedNumericQuestion
    | OrderingQuestion
    | ShortTextQuestion
    | MatchingQuestion
    | ExtendedResponseQuestion
)

_SLUG = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")


class BankError(ValueError):
    """A question bank that cannot be loaded.

    The message reads ``"pendulum.yaml, line 14, question 'period-mass': <problem>"``.

    Attributes:
        path: The bank file.
        line: 1-based line of the problem, or None if it has no single line.
        question_id: Id of the question the problem is in, or None.
        question_number: 1-based position of that question, for questions without an id.
        problem: The problem on its own, without the location.
        item_kind: What the id names in the message: ``"question"`` here,
            ``"misconception"`` for the catalogue.
    """

    item_kind = "question"

    def __init__(
        self,
        path: Path | str,
        problem: str,
        line: int | None = None,
        question_id: str | None = None,
        question_number: int | None = None,
    ):
        self.path = Path(path)
        self.line = line
        self.question_id = question_id
        self.question_number = question_number
        self.problem = problem
        location = [self.path.name]
        if line is not None:
            location.append(f"line {line}")
        if question_id is not None:
            location.append(f"{self.item_kind} {question_id!r}")
        elif question_number is not None:
            location.append(f"{self.item_kind} {question_number}")
        super().__init__(f"{', '.join(location)}: {problem}")

    def __reduce__(self):
        # Keeps the error whole when it crosses a process boundary (e.g. a worker pool).
        return type(self), (self.path, self.problem, self.line, self.question_id, self.question_number)


@dataclass(frozen=True)
class Bank:
    """The questions on one topic, in file order.

    Iterate over a bank for its questions; ``bank["period-mass"]`` finds one by id.

    Attributes:
        topic: Slug such as ``"pendulum"``.
        title: Heading shown to the learner.
        questions: The questions.
        path: The YAML file it was loaded from, if any.
        source: Optional citation for the questions' content.
    """

    topic: str
    title: str
    questions: tuple[Question, ...]
    path: Path | None = None
    source: str | None = None

    def __iter__(self) -> Iterator[Question]:
        return iter(self.questions)

    def __len__(self) -> int:
        return len(self.questions)

    def __contains__(self, question_id: object) -> bool:
        return any(question.id == question_id for question in self.questions)

    def __getitem__(self, question_id: str) -> Question:
        for question in self.questions:
            if question.id == question_id:
                return question
        known = ", ".join(question.id for question in self.questions)
        raise KeyError(f"no question with id {question_id!r} in bank {self.topic!r} (ids: {known})")


@functools.lru_cache(maxsize=1)
def bank_schema() -> dict:
    """The JSON Schema every bank must match (``stemcpd/quiz/schema.json``)."""
    return json.loads(resources.files("stemcpd.quiz").joinpath("schema.json").read_text(encoding="utf-8"))


@functools.lru_cache(maxsize=1)
def _validator() -> jsonschema.Draft202012Validator:
    import jsonschema

    return jsonschema.Draft202012Validator(bank_schema())


def packaged_bank_names() -> list[str]:
    """Names of the banks shipped in ``stemcpd/quiz/banks``, sorted."""
    folder = resources.files("stemcpd.quiz").joinpath("banks")
    return sorted(entry.name[: -len(".yaml")] for entry in folder.iterdir() if entry.name.endswith(".yaml"))


def bank_path(name: str) -> Path:
    """Path of a packaged bank, e.g. ``bank_path("pendulum")``.

    Args:
        name: The bank's file name without ``.yaml``.

    Raises:
        FileNotFoundError: If no packaged bank has that name (the message lists those that do).
    """
    if not isinstance(name, str) or not _SLUG.fullmatch(name):
        raise FileNotFoundError(f"bank names are slugs like 'pendulum', got {name!r}")
    resource = resources.files("stemcpd.quiz").joinpath("banks").joinpath(f"{name}.yaml")
    if not resource.is_file():
        raise FileNotFoundError(f"no packaged bank {name!r}; available: {', '.join(packaged_bank_names())}")
    # stemcpd is installed as ordinary files (package-data), so the resource is a real path.
    return Path(str(resource))


def load_packaged_bank(name: str) -> Bank:
    """Load a bank shipped with stemcpd, e.g. ``load_packaged_bank("pendulum")``."""
    return load_bank(bank_path(name))


def load_bank(path: Path | str) -> Bank:
    """Load and check a YAML question bank.

    Args:
        path: The bank file.

    Returns:
        The bank, its questions in file order.

    Raises:
        BankError: For the first problem found, naming file, line and question id.
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise BankError(path, "the file is not UTF-8 text") from None
    except OSError as error:
        raise BankError(path, f"cannot read the file ({error.strerror or error})") from None
    root, data = _parse_yaml(path, text)
    _check_schema(path, root, data)
    _check_rules(path, root, data)
    return _build_bank(path, root, data)


class BankLoader(yaml.SafeLoader):
    """PyYAML's safe loader without aliases: ``*name`` is never expanded.

    Aliases let a 600-byte file describe a structure with billions of nodes (the
    "billion laughs"); a bank never needs them, so each alias is composed as a null
    and its position is kept in :attr:`refused` for the caller to report (issue 16,
    item 3). Anchors alone are harmless and are recorded only so the message can
    say where the repeated part was defined.
    """

    def __init__(self, stream: str):
        super().__init__(stream)
        self.refused: list[tuple[yaml.Mark, str]] = []
        self.anchor_lines: dict[str, int] = {}

    def compose_node(self, parent: yaml.Node | None, index: Any) -> yaml.Node:
        if self.check_event(yaml.AliasEvent):
            event = self.get_event()
            self.refused.append((event.start_mark, event.anchor))
            return yaml.ScalarNode("tag:yaml.org,2002:null", "", event.start_mark, event.end_mark)
        event = self.peek_event()
        anchor = getattr(event, "anchor", None)
        if anchor is not None:
            self.anchor_lines.setdefault(anchor, event.start_mark.line + 1)
        return super().compose_node(parent, index)


def safe_yaml_load(text: str) -> Any:
    """Parse YAML text as :class:`BankLoader` does; raise ``yaml.YAMLError`` on any alias."""
    loader = BankLoader(text)
    try:
        root = loader.get_single_node()
        if loader.refused:
            mark, anchor = loader.refused[0]
            raise yaml.MarkedYAMLError(problem=f"alias *{anchor} refused (aliases are not allowed)", problem_mark=mark)
        return None if root is None else loader.construct_document(root)
    finally:
        loader.dispose()


def _question_at_line(root: yaml.Node, line: int) -> tuple[str | None, int | None]:
    """(id, 1-based number) of the question whose YAML spans ``line`` (1-based), if any."""
    if not isinstance(root, yaml.MappingNode):
        return None, None
    for key, value in root.value:
        if isinstance(key, yaml.ScalarNode) and key.value == "questions" and isinstance(value, yaml.SequenceNode):
            for number, item in enumerate(value.value, start=1):
                if item.start_mark.line + 1 <= line <= item.end_mark.line + 1:
                    if isinstance(item, yaml.MappingNode):
                        for item_key, item_value in item.value:
                            if (isinstance(item_key, yaml.ScalarNode) and item_key.value == "id"
                                    and isinstance(item_value, yaml.ScalarNode)):
                                return item_value.value, number
                    return None, number
    return None, None


def _parse_yaml(path: Path, text: str) -> tuple[yaml.Node, Any]:
    # Composing to nodes first keeps the line of every value for error messages.
    loader = BankLoader(text)
    try:
        root = loader.get_single_node()
        if root is None:
            raise BankError(path, "the file is empty")
        if loader.refused:
            mark, anchor = loader.refused[0]
            line = mark.line + 1
            question_id, question_number = _question_at_line(root, line)
            defined = loader.anchor_lines.get(anchor)
            where = f" (defined with &{anchor} on line {defined})" if defined else ""
            raise BankError(
                path,
                f"YAML alias *{anchor}{where} is not allowed in a bank: aliases can make a small file expand "
                "to an enormous one; write the repeated part out in full",
                line,
                question_id,
                None if question_id else question_number,
            )
        return root, loader.construct_document(root)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        problem = " ".join(part for part in (error.context, error.problem) if part)
        if error.context_mark is not None and mark is not None and error.context_mark.line != mark.line:
            # e.g. an unclosed quote is only noticed lines later; say where it began
            problem += f" (the construct began on line {error.context_mark.line + 1})"
        raise BankError(path, f"YAML syntax error: {problem}", mark.line + 1 if mark else None) from None
    except yaml.YAMLError as error:
        raise BankError(path, f"YAML error: {error}") from None
    except RecursionError:
        raise BankError(path, "the YAML is nested too deeply to be a question bank") from None
    finally:
        loader.dispose()


def _find_node(root: yaml.Node, data_path: list) -> tuple[yaml.Node | None, int]:
    """Follow a data path (keys and indexes) through the YAML nodes.

    Returns:
        The node reached (None if the path left the tree) and the 1-based line of
        its key (for a mapping value) or of the item itself (for a list item).
    """
    node: yaml.Node | None = root
    line = root.start_mark.line
    for step in data_path:
        if isinstance(node, yaml.MappingNode):
            for key_node, value_node in node.value:
                if isinstance(key_node, yaml.ScalarNode) and key_node.value == str(step):
                    node, line = value_node, key_node.start_mark.line
                    break
            else:
                return None, line + 1
        elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and 0 <= step < len(node.value):
            node = node.value[step]
            line = node.start_mark.line
        else:
            return None, line + 1
    return node, line + 1


def _question_location(data: Any, data_path: list) -> tuple[str | None, int | None]:
    """``(id, 1-based number)`` of the question a data path is inside; id None if it has none."""
    if len(data_path) < 2 or data_path[0] != "questions" or not isinstance(data_path[1], int):
        return None, None
    question = data["questions"][data_path[1]]
    if isinstance(question, dict) and isinstance(question.get("id"), str):
        return question["id"], data_path[1] + 1
    return None, data_path[1] + 1


def _field_name(data_path: list) -> str:
    """Describe a path inside a question or the bank, e.g. ``option 2 'text'``."""
    if not data_path:
        return "the bank"
    if data_path[0] == "questions" and len(data_path) >= 2:
        if len(data_path) == 2:
            return "the question"
        data_path = data_path[2:]
    words = []
    for position, step in enumerate(data_path):
        following = data_path[position + 1] if position + 1 < len(data_path) else None
        if step == "options" and isinstance(following, int):
            continue  # "option 2" says it already
        if isinstance(step, int):
            words.append(f"{'option' if position and data_path[position - 1] == 'options' else 'item'} {step + 1}")
        else:
            words.append(f"'{step}'")
    return " ".join(words)


def _short_repr(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _allowed_fields(instance: dict) -> set[str]:
    defs = bank_schema()["$defs"]
    allowed = set(defs["question"]["properties"])
    question_type = instance.get("type")
    if isinstance(question_type, str) and question_type in defs:  # "type: []" is a list, not a name
        allowed |= set(defs[question_type]["properties"])
    return allowed


# JSON Schema's type names, said the way a YAML author thinks of them.
_YAML_TYPE_NAMES = {
    "object": "a mapping of 'key: value' lines",
    "array": "a list of '- ' items",
    "string": "a string",
    "number": "a number",
    "integer": "a whole number",
    "boolean": "true or false",
}


def _describe_schema_error(error: jsonschema.ValidationError) -> tuple[str, list] | None:
    """A bank author's description of one schema error and the data path to point at.

    Returns:
        ``(problem, path)``, or None for an error that only echoes another one.
    """
    path = list(error.absolute_path)
    field = _field_name(path)
    keyword = error.validator
    if keyword == "required":
        missing = [name for name in error.validator_value if name not in error.instance]
        where = "" if field in ("the bank", "the question") else f" in {field}"
        typo_hint = ""
        if field == "the question":
            unknown = [str(key) for key in error.instance if str(key) not in _allowed_fields(error.instance)]
            typo_hint = f" (is '{unknown[0]}' a misspelling?)" if unknown else ""
        return f"missing required field '{missing[0]}'{where}{typo_hint}", path
    if keyword in ("additionalProperties", "unevaluatedProperties"):
        if keyword == "additionalProperties":
            allowed = set(error.schema.get("properties", {}))
        else:
            allowed = _allowed_fields(error.instance)
        extras = [str(key) for key in error.instance if str(key) not in allowed]
        if not extras:
            # jsonschema also calls a known field "unevaluated" when its own value
            # failed; that failure is reported by its own, clearer error.
            return None
        return f"unknown field '{extras[0]}' (allowed: {', '.join(sorted(allowed))})", [*path, extras[0]]
    if keyword == "type":
        expected = _YAML_TYPE_NAMES.get(str(error.validator_value), str(error.validator_value))
        hint = " (put text in quotes)" if error.validator_value == "string" else ""
        return f"{field} should be {expected}, not {_short_repr(error.instance)}{hint}", path
    if keyword == "pattern" and path[-1:] in (["id"], ["topic"], ["misconception"]):
        return (
            f"{field} {error.instance!r} must be a slug: lowercase letters and digits "
            "joined by single hyphens, e.g. heavier-swings-faster",
            path,
        )
    if path[-1:] == ["tolerance"]:
        return f"tolerance must be a percentage like '2%' or a non-negative number, not {_short_repr(error.instance)}", path
    if keyword == "enum":
        choices = ", ".join(str(choice) for choice in error.validator_value)
        return f"{field} must be one of {choices}, not {_short_repr(error.instance)}", path
    if keyword == "minItems":
        return f"{field} needs at least {error.validator_value} item(s)", path
    if keyword == "minLength":
        return f"{field} must not be empty", path
    return f"{field}: {error.message}", path


def _check_schema(path: Path, root: yaml.Node, data: Any) -> None:
    problems = []
    for error in _validator().iter_errors(data):
        described = _describe_schema_error(error)
        if described is None:
            continue
        problem, pointed_path = described
        _, line = _find_node(root, pointed_path)
        # Unknown-field errors are often side effects of another mistake (a bad
        # "type"), so report them only when nothing else is wrong.
        is_side_effect = error.validator == "unevaluatedProperties"
        question_id, question_number = _question_location(data, list(error.absolute_path))
        problems.append((is_side_effect, line, problem, question_id, question_number))
    if problems:
        _, line, problem, question_id, question_number = min(problems, key=lambda item: item[:2])
        raise BankError(path, problem, line, question_id, question_number)


def _check_rules(path: Path, root: yaml.Node, data: dict) -> None:
    first_line_of_id: dict[str, int] = {}
    for index, question in enumerate(data["questions"]):
        question_path = ["questions", index]
        question_id = question["id"]

        def fail(problem: str, *inner: str | int) -> NoReturn:
            _, line = _find_node(root, [*question_path, *inner])
            raise BankError(path, problem, line, question_id, index + 1)

        _, id_line = _find_node(root, [*question_path, "id"])
        if question_id in first_line_of_id:
            fail(f"duplicate id (first used on line {first_line_of_id[question_id]})", "id")
        first_line_of_id[question_id] = id_line

        kind = question["type"]
        if kind in ("multiple_choice", "multiple_select"):
            options = question["options"]
            correct_count = sum(option.get("correct", False) for option in options)
            if kind == "multiple_choice" and correct_count != 1:
                fail(f"needs exactly one correct option, found {correct_count}", "options")
            if kind == "multiple_select" and correct_count == 0:
                fail("needs at least one correct option, found 0", "options")
            seen_texts: set[str] = set()
            for number, option in enumerate(options, start=1):
                if option["text"].strip() in seen_texts:
                    fail(f"option {number} repeats the text of an earlier option", "options", number - 1)
                seen_texts.add(option["text"].strip())
                if "credit" in option:
                    if kind != "multiple_choice":
                        fail(f"option {number} has 'credit', which only a multiple_choice option can carry "
                             "(a multiple_select question gives partial credit by itself)", "options", number - 1, "credit")
                    if option.get("correct", False):
                        fail(f"option {number} is correct, so it already earns full credit; remove 'credit'",
                             "options", number - 1, "credit")
                    if not 0 < option["credit"] < 100:
                        fail(f"option {number} credit must be between 0 and 100 (a percentage), "
                             f"not {option['credit']!r}", "options", number - 1, "credit")
                if option.get("correct", False):
                    if kind == "multiple_select" and "feedback" not in option:
                        fail(f"right option {number} has no feedback (said when a learner misses it)",
                             "options", number - 1)
                    continue
                missing = [name for name in ("misconception", "feedback") if name not in option]
                if missing:
                    fail(f"distractor option {number} has no {' or '.join(missing)}", "options", number - 1)
        elif kind == "ordering":
            seen_steps: dict[str, int] = {}
            for number, step in enumerate(question["steps"], start=1):
                if step.strip() in seen_steps:
                    fail(f"step {number} repeats step {seen_steps[step.strip()]}", "steps", number - 1)
                seen_steps[step.strip()] = number
        elif kind == "short_text":
            _check_short_text(question, fail)
        elif kind == "matching":
            for side in ("left", "right"):
                seen_sides: dict[str, int] = {}
                for number, pair in enumerate(question["pairs"], start=1):
                    text = pair[side].strip()
                    if text in seen_sides:
                        fail(f"pair {number} repeats the {side} item of pair {seen_sides[text]}; "
                             f"every {side} item must be different", "pairs", number - 1, side)
                    seen_sides[text] = number
        elif kind == "extended_response":
            scheme = question["mark_scheme"]
            if len(scheme) < question["marks"]:
                fail(f"mark_scheme has {len(scheme)} point(s) for {question['marks']} marks; "
                     "give at least one point per mark", "mark_scheme")
            seen_points: dict[str, int] = {}
            for number, point in enumerate(scheme, start=1):
                if point.strip() in seen_points:
                    fail(f"mark_scheme point {number} repeats point {seen_points[point.strip()]}", "mark_scheme", number - 1)
                seen_points[point.strip()] = number
        elif kind == "parameterised_numeric":
            _check_parameterised(question, fail)
        else:
            if not math.isfinite(question["answer"]):
                fail(f"answer must be a finite number, not {question['answer']!r}", "answer")
            try:
                parse_unit(question["unit"])
            except ResponseParseError:
                fail(f"unit {question['unit']!r} is not a unit pint can read (try e.g. 's', 'm/s^2')", "unit")
            _check_numeric_wrong_answers(question, fail)


def _numeric_question(entry: dict, topic: str) -> NumericQuestion:
    return NumericQuestion(
        entry["id"],
        entry["prompt"],
        float(entry["answer"]),
        entry["unit"],
        entry["tolerance"],
        entry.get("sig_figs"),
        topic,
        tuple(
            NumericWrongAnswer(float(wrong["value"]), wrong["misconception"], wrong["feedback"])
            for wrong in entry.get("wrong_answers", ())
        ),
        entry.get("precision", {}).get("sig_figs"),
    )


def _check_numeric_wrong_answers(question: dict, fail: Callable[..., NoReturn]) -> None:
    seen: dict[float, int] = {}
    for number, wrong in enumerate(question.get("wrong_answers", ()), start=1):
        if not math.isfinite(wrong["value"]):
            fail(f"wrong answer {number} value must be a finite number, not {wrong['value']!r}",
                 "wrong_answers", number - 1, "value")
        if wrong["value"] in seen:
            fail(f"wrong answer {number} repeats the value of wrong answer {seen[wrong['value']]}",
                 "wrong_answers", number - 1, "value")
        seen[wrong["value"]] = number
        try:
            _numeric_question({**question, "wrong_answers": [wrong]}, "")
        except ValueError as error:
            problem = str(error).split(": ", 1)[-1].replace("wrong answer 1 ", f"wrong answer {number} ")
            fail(problem, "wrong_answers", number - 1, "value")


def _short_text_question(entry: dict, topic: str) -> ShortTextQuestion:
    return ShortTextQuestion(
        entry["id"],
        entry["prompt"],
        tuple(entry["answers"]),
        tuple(tuple(group) for group in entry.get("synonyms", ())),
        tuple(
            WrongAnswer(wrong["text"], wrong["feedback"], wrong["misconception"])
            for wrong in entry.get("wrong_answers", ())
        ),
        entry.get("explanation", ""),
        topic,
    )


def _check_short_text(question: dict, fail: Callable[..., NoReturn]) -> None:
    try:
        built = _short_text_question(question, "")
    except ValueError as error:
        fail(str(error).split(": ", 1)[-1], "answers")
    seen: dict[str, int] = {}
    for number, wrong in enumerate(built.wrong_answers, start=1):
        canonical = built.canonical(wrong.text)
        if canonical in seen:
            fail(f"wrong answer {number} matches wrong answer {seen[canonical]}", "wrong_answers", number - 1)
        seen[canonical] = number


def _parameterised_question(entry: dict, topic: str) -> ParameterisedNumericQuestion:
    variables = tuple(
        Variable(name, spec["min"], spec["max"], spec["step"], spec.get("unit", ""))
        for name, spec in entry["variables"].items()
    )
    return ParameterisedNumericQuestion(
        entry["id"],
        entry["prompt"],
        variables,
        entry["answer_function"],
        tuple(entry["arguments"].items()),
        entry["unit"],
        entry["tolerance"],
        entry.get("sig_figs"),
        topic,
    )


def _check_parameterised(question: dict, fail: Callable[..., NoReturn]) -> None:
    try:
        parse_unit(question["unit"])
    except ResponseParseError:
        fail(f"unit {question['unit']!r} is not a unit pint can read (try e.g. 's', 'm/s^2')", "unit")
    for name, spec in question["variables"].items():
        try:
            Variable(name, spec["min"], spec["max"], spec["step"], spec.get("unit", ""))
        except ValueError as error:
            fail(str(error), "variables", name)
    for argument, value in question["arguments"].items():
        if isinstance(value, str) and value not in question["variables"]:
            fail(f"argument {argument!r} names {value!r}, which is not a variable", "arguments", argument)
    try:
        _parameterised_question(question, "")
    except AnswerFunctionError as error:
        fail(str(error), "answer_function")
    except ValueError as error:
        where = "answer_function" if "failed for" in str(error) or "gave" in str(error) else "prompt"
        fail(str(error).split(": ", 1)[-1], where)


def _build_bank(path: Path, root: yaml.Node, data: dict) -> Bank:
    topic = data["topic"]
    questions = []
    for index, entry in enumerate(data["questions"]):
        try:
            if entry["type"] == "multiple_choice":
                options = tuple(
                    Option(
                        text=option["text"],
                        correct=option.get("correct", False),
                        feedback=option.get("feedback", ""),
                        misconception=option.get("misconception"),
                        credit=option.get("credit"),
                    )
                    for option in entry["options"]
                )
                questions.append(MultipleChoiceQuestion(entry["id"], entry["prompt"], options, topic))
            elif entry["type"] == "multiple_select":
                options = tuple(
                    Option(option["text"], option.get("correct", False), option.get("feedback", ""),
                           option.get("misconception"))
                    for option in entry["options"]
                )
                questions.append(MultipleSelectQuestion(entry["id"], entry["prompt"], options, topic))
            elif entry["type"] == "ordering":
                questions.append(
                    OrderingQuestion(entry["id"], entry["prompt"], tuple(entry["steps"]), entry.get("explanation", ""), topic)
                )
            elif entry["type"] == "short_text":
                questions.append(_short_text_question(entry, topic))
            elif entry["type"] == "parameterised_numeric":
                questions.append(_parameterised_question(entry, topic))
            elif entry["type"] == "matching":
                questions.append(MatchingQuestion(
                    entry["id"], entry["prompt"], tuple((pair["left"], pair["right"]) for pair in entry["pairs"]),
                    entry.get("explanation", ""), topic))
            elif entry["type"] == "extended_response":
                questions.append(ExtendedResponseQuestion(
                    entry["id"], entry["prompt"], entry["marks"], tuple(entry["mark_scheme"]), entry["model_answer"],
                    entry.get("practical", ""), topic))
            else:
                questions.append(_numeric_question(entry, topic))
        except ValueError as error:  # a rule the checks above missed; still point at the question
            _, line = _find_node(root, ["questions", index])
            raise BankError(path, str(error), line, entry["id"], index + 1) from None
    return Bank(topic, data["title"], tuple(questions), path, data.get("source"))
