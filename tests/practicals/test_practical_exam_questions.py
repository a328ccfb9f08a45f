"""The exam layer on the required practicals: every practical has at least two
extended-response questions (a method and an evaluation), each with marks, mark-scheme
points a teacher can tick and a GCSE model answer, in the bank of the module that
teaches it (or, for a module still being written, the practical-work bank)."""

from collections import defaultdict

import pytest

from stemcpd.practicals import all_practicals, practical_for_label
from stemcpd.quiz import load_packaged_bank
from stemcpd.quiz.bank import packaged_bank_names

PRACTICALS = all_practicals()


def extended_response_items():
    """(bank topic, raw question data) for every extended-response item in the shipped banks."""
    import yaml
    from importlib import resources

    items = []
    for name in packaged_bank_names():
        text = resources.files("stemcpd.quiz").joinpath(f"banks/{name}.yaml").read_text(encoding="utf-8")
        for question in yaml.safe_load(text)["questions"]:
            if question.get("type") == "extended_response":
                items.append((name, question))
    return items


ITEMS = extended_response_items()


def test_every_practical_label_names_a_real_practical():
    for bank, question in ITEMS:
        if "practical" in question:
            assert practical_for_label(question["practical"]) is not None, (bank, question["id"], question["practical"])


@pytest.mark.parametrize("practical", PRACTICALS, ids=[p.id for p in PRACTICALS])
def test_at_least_two_extended_response_questions_per_required_practical(practical):
    mine = [question for _, question in ITEMS if practical_for_label(question.get("practical", "")) is practical]
    assert len(mine) >= 2, f"{practical.id}: {len(mine)} extended-response question(s)"
    kinds = {question["id"].rsplit("-", 1)[-1] for question in mine}
    assert {"method", "evaluate"} <= kinds, f"{practical.id}: needs a method and an evaluation question ({kinds})"
    for question in mine:
        assert question["marks"] >= 4 and len(question["mark_scheme"]) >= question["marks"], question["id"]
        assert len(question["model_answer"].split()) >= 40, f"{question['id']}: model answer too thin"


def test_questions_are_in_their_modules_bank():
    by_bank = defaultdict(set)
    for bank, question in ITEMS:
        practical = practical_for_label(question.get("practical", ""))
        if practical:
            by_bank[practical.id].add(bank)
    modules_with_banks = {
        "physics-particles-and-heating": "particles-and-heating", "physics-electricity": "electricity",
        "physics-energy": "energy", "physics-forces-and-motion": "forces-and-motion",
        "physics-waves-and-light": "waves-and-light", "chemistry-acids-and-titration": "acids-and-titration",
        "chemistry-chemical-analysis": "chemical-analysis",
        "chemistry-electrolysis-and-energetics": "electrolysis-and-energetics",
        "chemistry-rates-of-reaction": "rates-of-reaction",
        "chemistry-making-salts-and-water": "making-salts-and-water",
    }
    for practical in PRACTICALS:
        expected = modules_with_banks.get(practical.module, "practical-work")
        assert expected in by_bank[practical.id], (practical.id, by_bank[practical.id])


def test_the_banks_load_with_the_new_items():
    for bank in {bank for bank, _ in ITEMS}:
        assert len(load_packaged_bank(bank)) >= 5
