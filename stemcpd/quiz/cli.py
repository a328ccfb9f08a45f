"""Command-line functions for question banks: ``stemcpd quiz validate``, ``stemcpd quiz starter``,
``stemcpd quiz review`` and ``stemcpd quiz progress export|import`` (the last two call
:mod:`stemcpd.quiz.review` and :mod:`stemcpd.quiz.progress`).

The functions here do the work and return plain values, so they are tested
without a shell; :func:`add_quiz_commands` registers them on the ``stemcpd``
command's argparse subparsers (the top-level ``stemcpd/cli.py`` calls it).

``validate(paths)`` reports every problem it finds, one line each, instead of
stopping at the first:

* anything :func:`stemcpd.quiz.bank.load_bank` rejects (YAML, schema, rules);
* duplicate question ids within a file, and two files claiming the same topic;
* multiple-choice distractors without a misconception id;
* numeric answers that disagree with the model that produces them.

The model check: the bank schema has no field for it (a question may not carry
extra keys), so the calls are kept here as data, in :data:`MODEL_CHECKS`,
following the approach of ``tests/quiz/test_bank_numbers_*.py``: call the model
function, and the bank's answer must be within the question's own tolerance.
Only direct function calls are listed; answers that need a simulation run stay
checked by the tests alone. Functions are resolved through
:func:`stemcpd.quiz.parameterised.resolve_answer_function`, so only model
packages' exported functions can be named. If a question carries a
``check: {function: …, arguments: …}`` mapping (should the schema ever allow
it), that is used too.
"""

from __future__ import annotations

import argparse
import math
import sys
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import yaml

from stemcpd.quiz.bank import BankError, load_bank, packaged_bank_names, safe_yaml_load

G_IN_QUESTIONS_N_PER_KG = 9.81

MODEL_CHECKS: dict[tuple[str, str], tuple[str, Sequence[Any] | Mapping[str, Any]]] = {
    ("pendulum", "period-1m"): (
        "stemcpd.physics.pendulum:small_angle_period", {"length_m": 1.0, "g": G_IN_QUESTIONS_N_PER_KG}),
    ("retrieval-practice", "hinge-quarter-metre-period"): (
        "stemcpd.physics.pendulum:small_angle_period", {"length_m": 0.25, "g": G_IN_QUESTIONS_N_PER_KG}),
    ("retrieval-practice", "hinge-sixty-degree-period"): (
        "stemcpd.physics.pendulum:period", {"length_m": 1.0, "amplitude_deg": 60.0, "g": G_IN_QUESTIONS_N_PER_KG}),
    ("waves-and-light", "wave-speed-on-a-string"): (
        "stemcpd.physics.waves:string_wave_speed", {"tension_n": 2.0, "linear_density_kg_m": 0.80e-3}),
    ("waves-and-light", "third-harmonic-frequency"): (
        "stemcpd.physics.waves:harmonic_frequency", {"harmonic": 3, "string_length_m": 1.0, "speed_m_s": 50.0}),
    ("energy", "elastic-energy-stored"): (
        "stemcpd.physics.springs:elastic_potential_energy", {"spring_constant_n_m": 25.0, "extension_m": 0.10}),
    ("energy", "two-springs-in-series"): ("stemcpd.physics.springs:series_spring_constant", [[25.0, 25.0]]),
    ("electricity", "two-resistors-in-parallel"): (
        "stemcpd.physics.circuits:equivalent_resistance", [[20, 30], "parallel"]),
}
"""(bank topic, question id) → (``"module:function"``, arguments as a list or mapping);
the function's result is in the question's unit."""


def _model_value(reference: str, arguments: Sequence[Any] | Mapping[str, Any]) -> float:
    from stemcpd.quiz.parameterised import resolve_answer_function  # imports a model package on use

    function = resolve_answer_function(reference)
    result = function(**arguments) if isinstance(arguments, Mapping) else function(*arguments)
    return float(result)


def _raw_questions(path: Path) -> list[dict]:
    try:
        data = safe_yaml_load(path.read_text(encoding="utf-8"))  # refuses aliases, like load_bank
    except (OSError, UnicodeDecodeError, yaml.YAMLError, RecursionError):
        return []
    questions = data.get("questions") if isinstance(data, dict) else None
    return [question for question in questions if isinstance(question, dict)] if isinstance(questions, list) else []


def _check_raw(path: Path) -> list[str]:
    """Duplicate ids and unexplained distractors, all of them (load_bank stops at the first)."""
    problems = []
    seen: set[str] = set()
    for number, question in enumerate(_raw_questions(path), start=1):
        question_id = question.get("id")
        label = f"question {question_id!r}" if isinstance(question_id, str) else f"question {number}"
        if isinstance(question_id, str):
            if question_id in seen:
                problems.append(f"{path.name}, {label}: duplicate id")
            seen.add(question_id)
        options = question.get("options")
        if question.get("type") in ("multiple_choice", "multiple_select") and isinstance(options, list):
            for option_number, option in enumerate(options, start=1):
                if isinstance(option, dict) and not option.get("correct", False) and not option.get("misconception"):
                    problems.append(f"{path.name}, {label}: distractor option {option_number} has no misconception id")
    return problems


def _check_models(path: Path, bank: Any) -> list[str]:
    problems = []
    declared = {
        question["id"]: (question["check"].get("function"), question["check"].get("arguments", {}))
        for question in _raw_questions(path)
        if isinstance(question.get("id"), str) and isinstance(question.get("check"), dict)
    }
    for question in bank:
        key = (bank.topic, question.id)
        check = declared.get(question.id) or MODEL_CHECKS.get(key)
        if check is None:
            continue
        if not hasattr(question, "allowed_difference"):
            problems.append(f"{path.name}, question {question.id!r}: a model check is listed but it is not numeric")
            continue
        try:
            model_value = _model_value(*check)
        except Exception as error:  # a broken check is reported, not raised
            problems.append(f"{path.name}, question {question.id!r}: model check {check[0]!r} failed: {error}")
            continue
        if not math.isfinite(model_value) or abs(question.answer - model_value) > question.allowed_difference():
            problems.append(
                f"{path.name}, question {question.id!r}: answer {question.answer:g} {question.unit} disagrees with "
                f"the model ({check[0]} gives {model_value:.6g}; tolerance {question.tolerance})"
            )
    return problems


class NothingToCheck(ValueError):
    """``validate`` was given no bank file at all (an empty folder, a missing path)."""


def bank_files(paths: Iterable[str | Path]) -> list[Path]:
    """The bank files named by ``paths`` (folders give their ``*.yaml`` files).

    Raises:
        NothingToCheck: If a path does not exist, or no bank file is found at all.
    """
    files: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            found = sorted(path.glob("*.yaml"))
            if not found:
                raise NothingToCheck(f"{path}: nothing to check (no *.yaml bank files in this folder)")
            files.extend(found)
        elif path.exists():
            files.append(path)
        else:
            raise NothingToCheck(f"{path}: no such file or folder")
    if not files:
        raise NothingToCheck("nothing to check: give bank YAML files or folders of them")
    return files


def validate(paths: Iterable[str | Path]) -> list[str]:
    """Check banks; return one line per problem (empty if all is well).

    Args:
        paths: Bank files, or folders whose ``*.yaml`` files are all checked.

    Raises:
        NothingToCheck: If ``paths`` name no bank file (see :func:`bank_files`):
            checking nothing must not look like success.
    """
    files = bank_files(paths)
    problems: list[str] = []
    topics: dict[str, Path] = {}
    for path in files:
        raw_problems = _check_raw(path)
        try:
            bank = load_bank(path)
        except BankError as error:
            problems.append(str(error))
            # load_bank reports only the first problem; add the others it would have stopped at
            problems.extend(problem for problem in raw_problems if problem.split(": ", 1)[-1] not in str(error))
            continue
        problems.extend(raw_problems)
        if bank.topic in topics:
            problems.append(f"{path.name}: topic {bank.topic!r} is also the topic of {topics[bank.topic].name}")
        topics.setdefault(bank.topic, path)
        problems.extend(_check_models(path, bank))
    return problems


def starter(
    output: str | Path,
    last_lesson: Sequence[str] | str | None = None,
    last_week: Sequence[str] | str | None = None,
    last_term: Sequence[str] | str | None = None,
    count: int = 5,
    seed: int = 0,
    title: str = "Retrieval starter",
) -> Path:
    """Write a retrieval-starter page (see :mod:`stemcpd.quiz.starter`).

    Args:
        output: The HTML file to write.
        last_lesson, last_week, last_term: Bank name(s) or YAML path(s) for each period.
        count: Number of questions.
        seed: Seed for the choice.
        title: Page heading.

    Returns:
        The file written.
    """
    from stemcpd.quiz.starter import write_starter

    periods = {"last_lesson": last_lesson, "last_week": last_week, "last_term": last_term}
    chosen = {period: banks for period, banks in periods.items() if banks}
    if not chosen:
        raise ValueError("give at least one of last_lesson, last_week, last_term")
    return write_starter(output, chosen, count=count, seed=seed, title=title)


def _cmd_validate(args: argparse.Namespace) -> int:
    try:
        files = bank_files(args.paths)
    except NothingToCheck as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    problems = validate(files)
    for problem in problems:
        print(problem)
    from stemcpd.quiz.lint import lint  # how diagnostic the banks are (issue 12); fails only with --strict

    findings = lint(files)
    for finding in findings:
        print(f"lint: {finding}")
    errors = [finding for finding in findings if not finding.advice]
    if findings:
        print(f"{len(findings)} lint finding(s), {len(errors)} against a bank's rules"
              f"{'' if args.strict else ' (advice; --strict makes those errors)'}.")
    if problems:
        print(f"{len(problems)} problem(s) found.")
        return 1
    if errors and args.strict:
        return 1
    print(f"All {len(files)} bank file(s) valid.")
    return 0


def _cmd_starter(args: argparse.Namespace) -> int:
    try:
        written = starter(
            args.output, args.last_lesson, args.last_week, args.last_term, args.count, args.seed, args.title
        )
    except IsADirectoryError:
        print(f"error: {args.output} is a folder; give an HTML file to write", file=sys.stderr)
        return 2
    except OSError as error:
        if error.filename is None:  # bank_path's "no packaged bank 'x'; available: …"
            print(f"error: {error}", file=sys.stderr)
        else:
            print(f"error: cannot write {args.output}: {error.strerror or error}", file=sys.stderr)
        return 2
    except ValueError as error:  # includes BankError, which names file, line and question
        print(f"error: {error}", file=sys.stderr)
        return 2
    print(f"Wrote {written}")
    return 0


def add_quiz_commands(subparsers: Any) -> argparse.ArgumentParser:
    """Register ``quiz validate`` and ``quiz starter`` on an argparse subparsers object.

    Each command sets ``handler`` (called as ``args.handler(args)``, returning 0, 1
    for problems found in banks, or 2 for a usage or file problem, told on stderr),
    the convention of ``stemcpd/cli.py``.

    Returns:
        The ``quiz`` parser.
    """
    quiz = subparsers.add_parser("quiz", help="check question banks; make retrieval starters; review what is due")
    commands = quiz.add_subparsers(dest="quiz_command", metavar="COMMAND", required=True)

    validate_parser = commands.add_parser(
        "validate", help="check banks: schema, ids, misconception ids, numbers against the models"
    )
    validate_parser.add_argument("paths", nargs="+", metavar="PATH", help="bank YAML files or folders of them")
    validate_parser.add_argument("--strict", action="store_true", help="exit non-zero for lint findings too")
    validate_parser.set_defaults(handler=_cmd_validate)

    starter_parser = commands.add_parser("starter", help="write a print-ready retrieval starter (HTML)")
    for flag, period in (("--last-lesson", "last lesson"), ("--last-week", "last week"), ("--last-term", "last term")):
        starter_parser.add_argument(
            flag, action="append", metavar="BANK", help=f"bank name or YAML path from {period} (repeatable)"
        )
    starter_parser.add_argument("-o", "--output", required=True, metavar="FILE", help="HTML file to write")
    starter_parser.add_argument("--seed", type=int, default=0, help="seed for the choice of questions (default 0)")
    starter_parser.add_argument("--count", type=int, default=5, help="number of questions (default 5)")
    starter_parser.add_argument("--title", default="Retrieval starter", help="page heading")
    starter_parser.set_defaults(handler=_cmd_starter)
    add_review_commands(commands)
    return quiz


# --- stemcpd quiz review | progress export | progress import (stemcpd.quiz.review, stemcpd.quiz.progress)


def _cmd_review(args: argparse.Namespace) -> int:
    from stemcpd.cpd.store import ProgressStore
    from stemcpd.quiz.review import run_review

    unknown = [name for name in args.bank or () if name not in packaged_bank_names()]
    if unknown:
        print(f"error: no packaged bank {unknown[0]!r}; available: {', '.join(packaged_bank_names())}", file=sys.stderr)
        return 2
    with (ProgressStore(args.store) if args.store else ProgressStore()) as store:
        run_review(store, size=args.size, new=args.new, seed=args.seed, banks=args.bank)
    return 0


def _cmd_progress(args: argparse.Namespace) -> int:
    from stemcpd.cpd.store import ProgressStore
    from stemcpd.quiz.progress import ImportFormatError, export_attempts, import_attempts

    with (ProgressStore(args.store) if args.store else ProgressStore()) as store:
        try:
            if args.direction == "export":
                count = export_attempts(store, args.file, args.bank)
                print(f"Wrote {count} quiz answer(s) to {args.file}")
            else:
                result = import_attempts(store, args.file)
                print(f"Added {result.attempts_added} quiz answer(s); {result.attempts_already_present} were already "
                      f"in the record at {store.path}")
        except ImportFormatError as error:
            print(f"error: {error} (nothing was added)", file=sys.stderr)
            return 2
        except OSError as error:
            print(f"error: cannot {'write' if args.direction == 'export' else 'read'} {args.file}: "
                  f"{error.strerror or error}", file=sys.stderr)
            return 2
    return 0


def add_review_commands(commands: Any) -> None:
    """Register ``quiz review`` and ``quiz progress export|import`` on the ``quiz`` subparsers."""
    review = commands.add_parser("review", help="answer the questions due for spaced review (FSRS), mixed across modules")
    review.add_argument("--size", type=int, default=10, help="most due questions in the session (default 10)")
    review.add_argument("--new", type=int, default=0, help="also this many questions not yet answered (default 0; "
                        "3 when nothing has been answered yet)")
    review.add_argument("--bank", action="append", metavar="BANK", help="only this bank (repeatable)")
    review.add_argument("--seed", type=int, help="repeatable choice of questions and values")
    review.add_argument("--store", metavar="FILE", help="CPD record file (default: the usual one)")
    review.set_defaults(handler=_cmd_review)
    progress = commands.add_parser("progress", help="move quiz answers between machines (JSON)")
    progress.add_argument("direction", choices=("export", "import"), help="export to FILE or import from it")
    progress.add_argument("file", metavar="FILE", help="JSON file of quiz answers")
    progress.add_argument("--bank", metavar="BANK", help="export only this bank's answers")
    progress.add_argument("--store", metavar="FILE", help="CPD record file (default: the usual one)")
    progress.set_defaults(handler=_cmd_progress)
