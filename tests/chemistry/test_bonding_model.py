"""The bonding model: its published data obey the GCSE structure rules, states follow
melting and boiling points, and conduction follows the free-charge rule."""

import subprocess
import sys

import pytest

from stemcpd.chemistry.bonding import (
    SUBSTANCES,
    BondingParams,
    conducts,
    describe,
    examine,
    state_at,
    structure_summary,
    to_table,
)

BY_NAME = {substance.name: substance for substance in SUBSTANCES}


def test_giant_structures_melt_far_above_simple_molecules():
    giant = [s.melting_point_c for s in SUBSTANCES if s.structure != "simple molecular"]
    simple = [s.melting_point_c for s in SUBSTANCES if s.structure == "simple molecular"]
    assert min(giant) > 700 and max(simple) <= 0
    assert BY_NAME["magnesium oxide"].melting_point_c > BY_NAME["sodium chloride"].melting_point_c
    assert all(s.melting_point_c <= s.boiling_point_c for s in SUBSTANCES)


def test_published_values_spot_checks():
    # CRC Handbook values as quoted by the RSC (±0.5 °C)
    assert BY_NAME["sodium chloride"].melting_point_c == pytest.approx(801, abs=0.5)
    assert BY_NAME["copper"].melting_point_c == pytest.approx(1084.6, abs=0.5)
    assert BY_NAME["methane"].boiling_point_c == pytest.approx(-161.5, abs=0.5)
    assert BY_NAME["silicon dioxide"].melting_point_c == pytest.approx(1710, abs=20)


@pytest.mark.parametrize("name, temperature_c, state", [
    ("water", -10, "solid"), ("water", 25, "liquid"), ("water", 100, "gas"), ("water", 99.9, "liquid"),
    ("methane", 25, "gas"), ("methane", -170, "liquid"), ("sodium chloride", 801, "liquid"),
    ("copper", 25, "solid"), ("diamond", 3000, "solid"), ("graphite", 3700, "gas"),
])
def test_states_follow_melting_and_boiling_points(name, temperature_c, state):
    assert state_at(BY_NAME[name], temperature_c) == state


@pytest.mark.parametrize("name, state, expected", [
    ("sodium chloride", "solid", False), ("sodium chloride", "liquid", True), ("sodium chloride", "solution", True),
    ("magnesium oxide", "liquid", True), ("copper", "solid", True), ("copper", "liquid", True),
    ("graphite", "solid", True), ("diamond", "solid", False), ("silicon dioxide", "solid", False),
    ("water", "liquid", False), ("methane", "gas", False),
])
def test_conduction_needs_charges_free_to_move(name, state, expected):
    assert conducts(BY_NAME[name], state)[0] is expected


def test_refusals():
    with pytest.raises(ValueError, match="does not dissolve"):
        conducts(BY_NAME["magnesium oxide"], "solution")
    with pytest.raises(ValueError, match="state must be"):
        conducts(BY_NAME["copper"], "plasma")
    with pytest.raises(ValueError, match="substance must be one of .*'sodium chloride'.*got 'mercury'"):
        BondingParams(substance="mercury")
    with pytest.raises(ValueError, match="substance must be one of .*got 0"):
        BondingParams(substance=0)  # a number never stands for a substance
    with pytest.raises(ValueError, match="temperature_c"):
        BondingParams(temperature_c=-300)


def test_run_description_table_and_summary():
    run = examine(BondingParams(substance="sodium chloride", temperature_c=1000))
    assert run.state == "liquid" and run.conducts_now and run.conducts_dissolved
    assert "ions are free to move" in describe(run)
    assert "burn" in describe(examine(BondingParams(substance="diamond", temperature_c=1000)))
    assert dict(run.states_of_all)["methane"] == "gas"
    table = to_table(run)
    assert len(table) == len(SUBSTANCES)
    assert list(table.column("melting point")) == [s.melting_point_c for s in SUBSTANCES]
    assert "row 1 sodium chloride" in table.title and "row 8 methane" in table.title
    summary = {row[0]: row for row in structure_summary()}
    assert summary["ionic"][3] == "when molten or dissolved" and summary["simple molecular"][3] == "never"
    assert summary["giant covalent"][3] == "only graphite"


def test_model_imports_no_plotting():
    code = "import sys, stemcpd.chemistry.bonding; sys.exit('matplotlib' in sys.modules or 'ipywidgets' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0


def test_bonds_and_nanoparticle_ratios():
    from stemcpd.chemistry.bonding import covalent_bonds_formed, cube_surface_area_to_volume, surface_area_to_volume_increase

    assert [covalent_bonds_formed(n) for n in (4, 5, 6, 7)] == [4, 3, 2, 1]
    assert cube_surface_area_to_volume(10) == pytest.approx(0.6)
    assert surface_area_to_volume_increase(100, 10) == pytest.approx(10)  # AQA: side ÷ 10, SA:V × 10
    with pytest.raises(ValueError, match="outer_electrons"):
        covalent_bonds_formed(2)
    with pytest.raises(ValueError, match="side_nm"):
        cube_surface_area_to_volume(0)
