"""The required practicals' data (stemcpd/practicals/data/*.yaml): every AQA GCSE physics
and chemistry required practical is there, satisfies the schema, has a complete
technician sheet, and its recipes add up (mass = c × V × M, c₁V₁ = c₂V₂)."""

import re

import pytest
import yaml

from stemcpd import simulations
from stemcpd.practicals import (
    DATA_DIR, PracticalError, all_practicals, get_practical, load_practical_file, practical_for_label,
)
from stemcpd.practicals.sheet import sheet_html, sheet_page

PRACTICALS = all_practicals()
IDS = [practical.id for practical in PRACTICALS]

# AQA's lists: physics 8463 has 10 required practicals, chemistry 8462 has 8. Three are in
# the separate sciences only (thermal insulation, light, titration, identifying ions: four).
SEPARATE_ONLY = {"physics-thermal-insulation", "physics-reflection-and-refraction",
                 "chemistry-titration", "chemistry-identifying-ions"}


def test_every_aqa_required_practical_is_there_once():
    numbers = {(p.subject, p.number) for p in PRACTICALS}
    assert numbers == {("physics", n) for n in range(1, 11)} | {("chemistry", n) for n in range(1, 9)}
    assert len(PRACTICALS) == 18
    for must_have in ("chemistry-making-salts", "chemistry-water-purification", "physics-reflection-and-refraction"):
        assert must_have in IDS


def test_combined_science_flags_match_the_specification():
    assert {p.id for p in PRACTICALS if not p.data["board"]["combined_science"]} == SEPARATE_ONLY


@pytest.mark.parametrize("practical", PRACTICALS, ids=IDS)
def test_the_sheet_is_complete(practical):
    data = practical.data
    assert data["group_size"] == 3 and data["class_size"] == 30 and practical.groups == 10
    assert len(data["equipment"]) >= 3 and len(data["hazards"]) >= 1 and data["disposal"]
    assert len(data["common_failures"]) >= 2 and len(data["before_the_lesson"]) >= 2
    for line in practical.equipment():
        # A per-group item is for every group; only shared items (per_group < 1) may have fewer.
        if line.per_group >= 1:
            assert line.per_class >= line.per_group * practical.groups * 0.5, line
        assert line.per_class > 0, f"{line.item}: none for the class"
    if practical.subject == "chemistry" and practical.id != "chemistry-chromatography":
        assert data.get("solutions"), "a chemistry practical with reagents lists its solutions"
    html = sheet_html(practical)
    for heading in ("Before the lesson", "Equipment", "Solutions", "Hazards and control measures", "Disposal",
                    "Common failures and fixes", "Per class of 30", "Per group of 3"):
        assert heading in html


@pytest.mark.parametrize("practical", PRACTICALS, ids=IDS)
def test_every_recipe_adds_up_and_makes_enough(practical):
    for solution in practical.data.get("solutions") or []:
        name = f"{practical.id}: {solution['name']}"
        assert solution["make_up_cm3"] >= solution["per_group_cm3"] * practical.groups, f"{name}: not enough for the class"
        concentration = solution.get("concentration_mol_per_dm3")
        if "from_solid" in solution:
            solid = solution["from_solid"]
            expected = concentration * solution["make_up_cm3"] / 1000 * solid["molar_mass_g_per_mol"]
            assert solid["mass_g"] == pytest.approx(expected, rel=0.01), name
            forms = {f"{solid['mass_g']:g}", f"{solid['mass_g']:.1f}", f"{solid['mass_g']:.2f}"}
            assert any(f"{form} g" in solution["how_to_make"] for form in forms), (
                f"{name}: the method does not state the recipe's mass")
        if "from_stock" in solution:
            stock = solution["from_stock"]
            assert stock["stock_mol_per_dm3"] * stock["stock_cm3"] == pytest.approx(
                concentration * solution["make_up_cm3"], rel=0.001), name
            assert f"{stock['stock_cm3']:g} cm³" in solution["how_to_make"], name


def test_hazard_classes_follow_the_concentration_bands():
    """Sodium hydroxide: corrosive at 0.5 mol/dm³ and above, irritant below; dilute
    hydrochloric acid below 2 mol/dm³ is low hazard. One rule across every sheet (issue 13
    found two modules stating the sodium hydroxide threshold differently)."""
    for practical in PRACTICALS:
        for solution in practical.data.get("solutions") or []:
            text = solution["hazard_at_this_concentration"]
            c = solution.get("concentration_mol_per_dm3")
            if solution["name"].startswith("Sodium hydroxide"):
                assert text.startswith("CORROSIVE" if c >= 0.5 else "IRRITANT"), (practical.id, c)
            if "hydrochloric" in solution["name"].lower() and c < 2:
                assert text.startswith("LOW HAZARD"), (practical.id, c)


# Hazcard numbers this course is certain of; any other must be named by substance.
CERTAIN_HAZCARDS = {"HC047a": "hydrochloric", "HC091a": "sodium hydroxide", "HC098a": "sulfuric", "HC059a": "magnesium"}


def test_hazcard_numbers_are_only_the_certain_ones_and_name_their_substance():
    for practical in PRACTICALS:
        for hazard in practical.data["hazards"]:
            reference = hazard.get("reference", "")
            for number in re.findall(r"\bHC\d{3}[a-z]?\b", reference):
                assert number in CERTAIN_HAZCARDS, f"{practical.id}: {number} is not a number this course is sure of"
                assert CERTAIN_HAZCARDS[number] in reference.lower(), f"{practical.id}: {number} without its substance"


@pytest.mark.parametrize("practical", PRACTICALS, ids=IDS)
def test_the_virtual_practical_exists_when_named(practical):
    if practical.simulation is not None:
        assert practical.simulation in simulations.available(), practical.simulation


def test_exam_labels_round_trip():
    for practical in PRACTICALS:
        assert practical_for_label(practical.exam_label) is practical
    assert practical_for_label("AQA physics RP 3: the resistance of a wire") is get_practical("physics-resistance")
    assert practical_for_label("OCR PAG 1") is None


def test_a_broken_file_is_named_with_its_field(tmp_path):
    good = yaml.safe_load((DATA_DIR / "physics-density.yaml").read_text(encoding="utf-8"))
    del good["hazards"][0]["control"]
    path = tmp_path / "physics-density.yaml"
    path.write_text(yaml.safe_dump(good), encoding="utf-8")
    with pytest.raises(PracticalError, match=r"physics-density.yaml: hazards/0: 'control' is a required property"):
        load_practical_file(path)
    path.write_text("id: [unclosed", encoding="utf-8")
    with pytest.raises(PracticalError, match="not valid YAML"):
        load_practical_file(path)
    with pytest.raises(PracticalError, match="choose from"):
        get_practical("physics-nope")


def test_sheet_text_is_escaped():
    practical = get_practical("physics-density")
    hostile = type(practical)({**practical.data, "aim": "<script>alert(1)</script> and more words here"})
    html = sheet_page([hostile])
    assert "<script>alert(1)" not in html and "&lt;script&gt;" in html
