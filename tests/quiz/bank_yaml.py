"""A shipped bank read as plain YAML, for the bank-number tests that recompute each
answer and listed wrong answer from the question's own words."""

from importlib import resources

import yaml


def raw_questions(topic: str) -> dict[str, dict]:
    """Every question of ``banks/<topic>.yaml`` as written, by id."""
    text = resources.files("stemcpd.quiz").joinpath("banks", f"{topic}.yaml").read_text(encoding="utf-8")
    return {question["id"]: question for question in yaml.safe_load(text)["questions"]}


def wrong(question: dict, misconception: str):
    """The value a question lists as the wrong answer that ``misconception`` gives."""
    return next(entry["value"] for entry in question["wrong_answers"] if entry["misconception"] == misconception)
