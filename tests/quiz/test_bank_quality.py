"""Every bank's multiple-choice items are diagnostic in shape, not only in content.

Issue 12 found most items had three options and the correct option was the longest in
143 of 224, so a test-wise guesser could beat the quiz. These rules hold for every bank,
read straight from the YAML so that a bank mid-edit is still measured:

* at least 80 % of multiple-choice items offer four or more options;
* the correct option is strictly the longest in at most 40 % of items (options of equal
  length give no cue),
  a little over the 1 in 4 expected by chance with four options.
"""

import pytest
import yaml

from stemcpd.quiz.bank import bank_path, packaged_bank_names

MINIMUM_SHARE_WITH_FOUR_OPTIONS = 0.80
MAXIMUM_SHARE_CORRECT_LONGEST = 0.40


def multiple_choice_items(name: str) -> list[dict]:
    bank = yaml.safe_load(bank_path(name).read_text(encoding="utf-8"))
    return [question for question in bank["questions"] if question["type"] == "multiple_choice"]


def correct_is_longest(question: dict) -> bool:
    correct = [len(option["text"]) for option in question["options"] if option.get("correct")]
    others = [len(option["text"]) for option in question["options"] if not option.get("correct")]
    return correct[0] > max(others)


@pytest.mark.parametrize("name", packaged_bank_names())
def test_most_items_offer_four_options(name):
    items = multiple_choice_items(name)
    short = [question["id"] for question in items if len(question["options"]) < 4]

    assert len(short) <= (1 - MINIMUM_SHARE_WITH_FOUR_OPTIONS) * len(items), (
        f"{name}: {len(short)} of {len(items)} multiple-choice items have fewer than 4 options: {short}")


@pytest.mark.parametrize("name", packaged_bank_names())
def test_the_correct_option_is_not_systematically_the_longest(name):
    items = multiple_choice_items(name)
    longest = [question["id"] for question in items if correct_is_longest(question)]

    assert len(longest) <= MAXIMUM_SHARE_CORRECT_LONGEST * len(items), (
        f"{name}: the correct option is the longest in {len(longest)} of {len(items)} items: {longest}")


def test_the_rules_catch_a_bank_that_breaks_them():
    three = {"options": [{"text": "the long right answer", "correct": True}, {"text": "no"}, {"text": "nope"}]}
    four = {"options": [{"text": "short", "correct": True}, {"text": "a"}, {"text": "longer"}, {"text": "b"}]}

    assert correct_is_longest(three) and not correct_is_longest(four)
    tie = {"options": [{"text": "same", "correct": True}, {"text": "size"}]}
    assert not correct_is_longest(tie)
