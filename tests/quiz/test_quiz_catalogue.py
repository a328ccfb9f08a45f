"""The misconception catalogue: every id the banks use is described, and every
description points at a real workbook section and a real simulation."""

import json
import re
from pathlib import Path

import pytest

from stemcpd.quiz import CatalogueError, Misconception, catalogue, load_catalogue
from stemcpd.quiz.bank import load_packaged_bank, packaged_bank_names
from stemcpd.quiz.catalogue import CATALOGUE_SCHEMA, catalogue_folder, load_catalogue_file

REPOSITORY = Path(__file__).resolve().parents[2]

PHYSICS_BANKS = (
    "electricity", "energy", "forces-and-motion", "magnetism-and-electromagnetism",
    "particles-and-heating", "pendulum", "radioactivity", "waves-and-light",
)


def bank_misconceptions(name: str) -> set[str]:
    ids = set()
    for question in load_packaged_bank(name):
        for option in getattr(question, "options", ()):
            if option.misconception:
                ids.add(option.misconception)
        for wrong in getattr(question, "wrong_answers", ()):
            if wrong.misconception:
                ids.add(wrong.misconception)
    return ids


@pytest.mark.parametrize("name", packaged_bank_names())
def test_every_misconception_in_the_bank_is_catalogued(name):
    missing = bank_misconceptions(name) - set(catalogue())

    assert not missing, f"{name}.yaml uses ids with no entry in stemcpd/quiz/misconceptions/: {sorted(missing)}"


def test_the_physics_banks_have_273_catalogued_ids_each_defined_once():
    used = set().union(*(bank_misconceptions(name) for name in PHYSICS_BANKS))
    files = [catalogue_folder() / f"{name}.yaml" for name in PHYSICS_BANKS]
    defined = [misconception.id for path in files for misconception in load_catalogue_file(path)]

    assert len(used) == 273  # 166 before the fourth options and numeric wrong answers (issue 12)
    assert sorted(defined) == sorted(used)  # nothing missing, nothing extra, no repeats


def test_shared_ids_are_defined_once():
    entries = catalogue()

    assert entries["heavier-falls-faster"].topic == "forces-and-motion"
    assert entries["systematic-error-averages-out"].topic == "electricity"
    assert entries["repeat-single-timing-equivalent"].topic == "pendulum"


def workbook_anchors(path: Path) -> set[str]:
    notebook = json.loads(path.read_text(encoding="utf-8"))
    anchors = set()
    for cell in notebook["cells"]:
        if cell["cell_type"] != "markdown":
            continue
        for line in "".join(cell["source"]).splitlines():
            heading = re.match(r"#{1,6}\s+(.*)", line)
            if heading:
                # MyST's slug: lower case, punctuation dropped, spaces to hyphens.
                text = re.sub(r"[^\w\s-]", "", heading[1].lower())
                anchors.add(re.sub(r"\s+", "-", text.strip()))
    return anchors


@pytest.mark.parametrize("misconception", list(catalogue().values()), ids=lambda entry: entry.id)
def test_addressed_in_points_at_a_workbook_section(misconception):
    workbook = REPOSITORY / misconception.workbook

    assert workbook.is_file(), f"{misconception.id}: no {misconception.workbook}"
    if misconception.section:
        assert misconception.section in workbook_anchors(workbook), (misconception.id, misconception.section)


def test_simulations_exist():
    from stemcpd.simulations import available

    names = set(available())
    unknown = {entry.id: entry.simulation for entry in catalogue().values() if entry.simulation and entry.simulation not in names}

    assert not unknown
    assert sum(1 for entry in catalogue().values() if entry.simulation) >= 80


def test_descriptions_are_short_teacher_prose():
    for entry in catalogue().values():
        sentences = [part for part in re.split(r"(?<=[.!?])\s+(?=[A-Z\"“])", entry.description) if part]
        assert 1 <= len(sentences) <= 3, (entry.id, entry.description)
        assert entry.description.endswith((".", "!", "?")), entry.id
        assert len(entry.description) < 400, entry.id


def test_catalogue_returns_a_fresh_dict():
    first = catalogue()
    first.clear()

    assert catalogue()


def test_misconception_fields():
    entry = catalogue()["static-field-induces-current"]

    assert isinstance(entry, Misconception)
    assert entry.simulation == "electromagnetism"
    assert entry.source == "Thong and Gunstone (2008)"
    assert entry.workbook == "workbooks/physics-magnetism-and-electromagnetism.ipynb"
    assert entry.section == "the-misconceptions-pupils-hold"


# --- Errors: file, line and id -------------------------------------------------

GOOD = """\
topic: good
misconceptions:
  - id: first-idea
    description: "One."
    addressed_in: "workbooks/physics-energy.ipynb#the-misconceptions-pupils-hold"
  - id: second-idea
    description: "Two."
    addressed_in: "workbooks/physics-energy.ipynb"
    simulation: energy
"""


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def catalogue_error(tmp_path, text, name="good.yaml") -> CatalogueError:
    with pytest.raises(CatalogueError) as caught:
        load_catalogue_file(write(tmp_path, name, text))
    return caught.value


def test_good_file_loads(tmp_path):
    entries = load_catalogue_file(write(tmp_path, "good.yaml", GOOD))

    assert [entry.id for entry in entries] == ["first-idea", "second-idea"]
    assert entries[1] == Misconception("second-idea", "Two.", "workbooks/physics-energy.ipynb", "energy", None, "good")


def test_schema_is_valid():
    import jsonschema

    jsonschema.Draft202012Validator.check_schema(CATALOGUE_SCHEMA)


def test_duplicate_id_in_one_file(tmp_path):
    error = catalogue_error(tmp_path, GOOD.replace("id: second-idea", "id: first-idea"))

    assert str(error) == "good.yaml, line 6, misconception 'first-idea': duplicate id (first defined on line 3)"


def test_duplicate_id_across_files_names_both(tmp_path):
    write(tmp_path, "good.yaml", GOOD)
    write(tmp_path, "other.yaml", GOOD.replace("topic: good", "topic: other").replace("id: first-idea", "id: only-here"))

    with pytest.raises(CatalogueError) as caught:
        load_catalogue(tmp_path.glob("*.yaml"))
    message = str(caught.value)
    assert message.startswith("other.yaml, line 6, misconception 'second-idea': ")
    assert "already defined in good.yaml, line 6" in message


def test_missing_description(tmp_path):
    error = catalogue_error(tmp_path, GOOD.replace('    description: "Two."\n', ""))

    assert (error.line, error.question_id) == (6, "second-idea")
    assert "missing required field 'description'" in error.problem


def test_unknown_field(tmp_path):
    error = catalogue_error(tmp_path, GOOD + "    level: gcse\n")

    assert (error.line, error.question_id) == (10, "second-idea")
    assert "unknown field 'level'" in error.problem


def test_addressed_in_must_be_a_workbook_path(tmp_path):
    error = catalogue_error(tmp_path, GOOD.replace('"workbooks/physics-energy.ipynb"', '"energy notebook"'))

    assert (error.line, error.question_id) == (8, "second-idea")
    assert "must look like 'workbooks/" in error.problem


def test_id_must_be_a_slug(tmp_path):
    error = catalogue_error(tmp_path, GOOD.replace("id: first-idea", "id: First Idea"))

    assert (error.line, error.question_id) == (3, "First Idea")
    assert "must be a slug" in error.problem


def test_topic_must_match_the_file_name(tmp_path):
    error = catalogue_error(tmp_path, GOOD, name="energy.yaml")

    assert error.line == 1 and "does not match the file name" in error.problem


def test_yaml_syntax_error_has_its_line(tmp_path):
    error = catalogue_error(tmp_path, GOOD.replace('description: "One."', "description: One: two"))

    assert error.line == 4 and "YAML syntax error" in error.problem


def test_every_misconception_has_a_readable_name():
    from stemcpd.quiz.catalogue import catalogue, default_name, misconception_name

    assert default_name("heavier-swings-faster") == "Heavier swings faster"
    named = catalogue()
    assert named["heavier-swings-faster"].name == "Heavier swings faster"
    assert named["ph-scale-is-linear"].name == "The pH scale is linear"  # written in the catalogue
    assert named["cm3-not-converted-to-dm3"].name == "cm³ not converted to dm³"
    for misconception in named.values():
        assert misconception.name and len(misconception.name) <= 80
        # Abbreviations read badly lower-cased: such ids carry a name of their own.
        words = misconception.id.split("-")
        if set(words) & {"ph", "rf", "pd", "ldr", "emf", "dc", "tir", "ppe", "shc", "cm3", "dm3", "delta"}:
            assert misconception.name != default_name(misconception.id), misconception.id
    assert misconception_name("power-of-ten-slip") == "A power-of-ten slip"
    assert misconception_name("not-in-any-file") == "Not in any file"


def test_a_name_that_is_empty_is_refused(tmp_path):
    from stemcpd.quiz.catalogue import CatalogueError, load_catalogue_file

    path = tmp_path / "demo.yaml"
    path.write_text('topic: demo\nmisconceptions:\n  - id: a-b\n    name: ""\n    description: x\n'
                    '    addressed_in: "workbooks/physics-energy.ipynb"\n', encoding="utf-8")
    with pytest.raises(CatalogueError, match="line 4"):
        load_catalogue_file(path)
