"""How diagnostic a bank is: the quality rules of issue 12, reported by ``stemcpd quiz validate``.

A bank can load without error and still teach little: three options make a lucky
guess likely, a correct option that is always the longest gives itself away, a
numeric question that maps no wrong answer to a misconception diagnoses nothing,
and a bank without parameterised questions repeats the same numbers. :func:`lint`
reads the bank YAML as data (so it works whatever the question classes are) and
returns one :class:`Finding` per item to improve, with the file and question id.

Rules (constants below):

* multiple-choice items with fewer than :data:`MINIMUM_OPTIONS` options, and the
  bank's share with at least that many (the target is :data:`TARGET_SHARE`);
* banks where the correct option is the longest in more than
  :data:`LONGEST_SHARE_LIMIT` of multiple-choice items;
* numeric questions with no ``wrong_answers`` entry (no diagnosed wrong answer);
* module banks with fewer than :data:`MINIMUM_PARAMETERISED` parameterised questions
  (the needs-analysis bank is not a module bank);
* required practicals (a question's ``practical:``) with fewer than
  :data:`MINIMUM_EXTENDED_RESPONSES` ``type: extended_response`` items.

Findings are advice while the banks are being brought up to these rules:
``stemcpd quiz validate`` prints them and fails on them only with ``--strict``.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

import yaml

MINIMUM_OPTIONS = 4
TARGET_SHARE = 0.8
LONGEST_SHARE_LIMIT = 0.5
MINIMUM_PARAMETERISED = 3
MINIMUM_EXTENDED_RESPONSES = 2
NOT_MODULE_BANKS = ("needs-analysis",)
"""Banks that are not a module's recall quiz, so need no parameterised questions."""


@dataclass(frozen=True)
class Finding:
    """One thing to improve.

    Attributes:
        path: The bank file.
        question_id: The question, or None for a finding about the whole bank.
        rule: A short rule name (``few-options``, ``longest-correct``, ``undiagnosed-numeric``,
            ``few-parameterised``, ``few-extended-responses``).
        message: What is wrong and what the rule asks for.
        advice: True for a note about one item that the bank's rule allows (a three-option
            item in a bank where at least 80 % have four); ``--strict`` fails only on the rest.
    """

    path: Path
    question_id: str | None
    rule: str
    message: str
    advice: bool = False

    def __str__(self) -> str:
        where = f"{self.path.name}, question {self.question_id!r}" if self.question_id else self.path.name
        return f"{where}: {self.message} [{self.rule}]"


def _questions(path: Path) -> tuple[str, list[dict]]:
    from stemcpd.quiz.bank import safe_yaml_load

    try:
        data = safe_yaml_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError, RecursionError):
        return path.stem, []
    if not isinstance(data, dict):
        return path.stem, []
    questions = data.get("questions")
    topic = data.get("topic") if isinstance(data.get("topic"), str) else path.stem
    return topic, [item for item in questions if isinstance(item, dict)] if isinstance(questions, list) else []


def _text_length(option: dict) -> int:
    return len(" ".join(str(option.get("text", "")).split()))


def lint_bank(path: Path) -> list[Finding]:
    """Findings for one bank file (practicals are counted across banks by :func:`lint`)."""
    path = Path(path)
    topic, questions = _questions(path)
    findings: list[Finding] = []
    choice = [item for item in questions if item.get("type") == "multiple_choice"
              and isinstance(item.get("options"), list)]
    enough = 0
    longest = 0
    for item in choice:
        options = [option for option in item["options"] if isinstance(option, dict)]
        if len(options) >= MINIMUM_OPTIONS:
            enough += 1
        else:
            findings.append(Finding(path, str(item.get("id")), "few-options",
                                    f"{len(options)} options; give at least {MINIMUM_OPTIONS} (a distractor for "
                                    "each common misconception) so a guess is less likely to be right", advice=True))
        correct = [option for option in options if option.get("correct")]
        others = [option for option in options if not option.get("correct")]
        if len(correct) == 1 and others and _text_length(correct[0]) > max(map(_text_length, others)):
            longest += 1
    if choice:
        share = enough / len(choice)
        if share < TARGET_SHARE:  # then the per-item notes are part of the failure, not advice
            findings = [Finding(f.path, f.question_id, f.rule, f.message) for f in findings]
            findings.append(Finding(path, None, "few-options",
                                    f"{enough} of {len(choice)} multiple-choice items ({share:.0%}) have at least "
                                    f"{MINIMUM_OPTIONS} options; the target is {TARGET_SHARE:.0%}"))
        if longest / len(choice) > LONGEST_SHARE_LIMIT:
            findings.append(Finding(path, None, "longest-correct",
                                    f"the correct option is the longest in {longest} of {len(choice)} multiple-choice "
                                    f"items ({longest / len(choice):.0%}): test-wise learners pick the longest; "
                                    "lengthen distractors or shorten right answers"))
    for item in questions:
        if item.get("type") == "numeric" and not item.get("wrong_answers"):
            findings.append(Finding(path, str(item.get("id")), "undiagnosed-numeric",
                                    "no wrong_answers: list at least one common wrong value with its misconception "
                                    "and feedback (°C not converted to K, length for extension, a ×1000 slip …)"))
    parameterised = sum(item.get("type") == "parameterised_numeric" for item in questions)
    if topic not in NOT_MODULE_BANKS and parameterised < MINIMUM_PARAMETERISED:
        findings.append(Finding(path, None, "few-parameterised",
                                f"{parameterised} parameterised question(s); a module bank needs at least "
                                f"{MINIMUM_PARAMETERISED} whose numbers come from the models"))
    return findings


def practical_counts(paths: Iterable[Path]) -> dict[str, dict]:
    """``{practical: {"extended": n, "paths": [...], "ids": [...]}}`` over every bank given."""
    counts: dict[str, dict] = defaultdict(lambda: {"extended": 0, "paths": [], "ids": []})
    for path in paths:
        _, questions = _questions(Path(path))
        for item in questions:
            practical = item.get("practical")
            if not isinstance(practical, str) or not practical.strip():
                continue
            entry = counts[" ".join(practical.split())]
            if Path(path) not in entry["paths"]:
                entry["paths"].append(Path(path))
            entry["ids"].append(str(item.get("id")))
            if item.get("type") == "extended_response":
                entry["extended"] += 1
    return dict(counts)


def lint(paths: Iterable[Path | str]) -> list[Finding]:
    """Every finding for the given bank files, bank by bank, then practicals."""
    paths = [Path(path) for path in paths]
    findings = [finding for path in paths for finding in lint_bank(path)]
    for practical, entry in sorted(practical_counts(paths).items()):
        if entry["extended"] < MINIMUM_EXTENDED_RESPONSES:
            findings.append(Finding(entry["paths"][0], None, "few-extended-responses",
                                    f"required practical {practical!r} has {entry['extended']} extended-response "
                                    f"item(s); give at least {MINIMUM_EXTENDED_RESPONSES} (method and evaluation)"))
    return findings
