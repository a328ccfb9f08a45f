"""The atoms model against the GCSE electron arrangements, conservation of charge,
IUPAC atomic weights and published group trends."""

import subprocess
import sys

import pytest

from stemcpd.chemistry.atoms import (
    AtomParams,
    build_atom,
    describe,
    electron_arrangement,
    group_and_period,
    group_table,
    ion_charge,
    relative_atomic_mass_from_abundances,
    to_table,
)

# AQA 8462 specimen arrangements
ARRANGEMENTS = {1: (1,), 2: (2,), 3: (2, 1), 6: (2, 4), 8: (2, 6), 10: (2, 8), 11: (2, 8, 1), 13: (2, 8, 3),
                17: (2, 8, 7), 18: (2, 8, 8), 19: (2, 8, 8, 1), 20: (2, 8, 8, 2)}
IONS = {1: 1, 3: 1, 8: -2, 9: -1, 11: 1, 12: 2, 13: 3, 16: -2, 17: -1, 19: 1, 20: 2, 2: None, 6: None, 18: None}


@pytest.mark.parametrize("z, shells", ARRANGEMENTS.items())
def test_electron_arrangements_are_the_gcse_ones(z, shells):
    assert electron_arrangement(z) == shells
    assert build_atom(AtomParams(z)).shells == shells


@pytest.mark.parametrize("z", range(1, 21))
def test_charge_is_conserved_and_ions_reach_a_noble_gas_arrangement(z):
    atom, ion = build_atom(AtomParams(z, False)), build_atom(AtomParams(z, True))
    assert atom.electrons == atom.protons and sum(atom.shells) == z
    assert ion.protons - ion.electrons == ion.charge
    if ion.charge:
        noble = {(), (2,), (2, 8), (2, 8, 8)}
        assert ion.shells in noble, (z, ion.shells)
    assert atom.neutrons == atom.mass_number - z


@pytest.mark.parametrize("z, charge", IONS.items())
def test_simple_ions(z, charge):
    assert ion_charge(z) == charge


def test_groups_and_periods():
    assert group_and_period(11) == (1, 3)
    assert group_and_period(17) == (7, 3)
    assert group_and_period(2) == (0, 1) and group_and_period(18) == (0, 3)
    assert group_and_period(1) == (None, 1)
    assert group_and_period(20) == (2, 4)


def test_relative_atomic_mass_gcse_worked_example():
    # chlorine: 75 % Cl-35, 25 % Cl-37 gives the textbook 35.5
    assert relative_atomic_mass_from_abundances([35, 37], [75, 25]) == 35.5
    assert build_atom(AtomParams(17)).ar_from_mass_numbers == pytest.approx(35.484, abs=1e-9)
    with pytest.raises(ValueError):
        relative_atomic_mass_from_abundances([35, 37], [75])


@pytest.mark.parametrize("z", range(1, 21))
def test_isotope_average_reproduces_iupac_atomic_weight(z):
    atom = build_atom(AtomParams(z))
    assert sum(i.abundance_percent for i in atom.isotopes) == pytest.approx(100, abs=0.01)
    tolerance = 0.03 if z == 3 else 0.01  # IUPAC's lithium allows for depleted commercial samples
    assert atom.ar_from_isotope_masses == pytest.approx(atom.standard_atomic_weight, abs=tolerance)


def test_group_trends_match_published_direction():
    for group in (1, 7, 0):
        table = group_table(group)
        radius = table.column("covalent radius")
        assert all(b > a for a, b in zip(radius, radius[1:])), group
    melting_1 = group_table(1).column("melting point")
    boiling_7 = group_table(7).column("boiling point")
    boiling_0 = group_table(0).column("boiling point")
    assert all(b < a for a, b in zip(melting_1, melting_1[1:]))
    assert all(b > a for a, b in zip(boiling_7, boiling_7[1:])) and all(b > a for a, b in zip(boiling_0, boiling_0[1:]))
    assert melting_1[1] == pytest.approx(97.8) and boiling_7[2] == pytest.approx(58.8)
    with pytest.raises(ValueError, match="group must be 1, 7 or 0"):
        group_table(2)


def test_description_and_table():
    text = describe(build_atom(AtomParams(11, True)))
    assert "Na⁺" in text and "10 electrons" in text and "sodium-23 100%" in text
    assert "forms no simple ion" in describe(build_atom(AtomParams(18, True)))
    assert to_table(build_atom(AtomParams(17))).column("abundance").tolist() == [75.8, 24.2]


@pytest.mark.parametrize("field, value", [("atomic_number", 0), ("atomic_number", 21), ("show_ion", 2), ("show_ion", 1)])
def test_bad_parameters_name_themselves(field, value):
    with pytest.raises(ValueError, match=field):
        AtomParams(**{field: value})
    with pytest.raises(ValueError, match="electrons"):
        electron_arrangement(26)


def test_model_imports_no_plotting():
    code = "import sys, stemcpd.chemistry.atoms; sys.exit('matplotlib' in sys.modules or 'ipywidgets' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0


def test_group_reaction_equations_balance():
    from stemcpd.chemistry.atoms.data import GROUP_REACTIONS
    from stemcpd.chemistry.moles import check_balanced

    for _name, equation in GROUP_REACTIONS:
        check_balanced(equation)
        assert all("(" in term for side in equation.split("->") for term in side.split(" + ")), equation


def test_counting_helpers():
    from stemcpd.chemistry.atoms import electrons_in_ion, neutrons_in, two_isotope_relative_atomic_mass

    assert neutrons_in(37, 17) == 20 and neutrons_in(1, 1) == 0
    assert electrons_in_ion(16, -2) == 18 and electrons_in_ion(1, 1) == 0
    assert two_isotope_relative_atomic_mass(10, 19.9, 11) == pytest.approx(10.801)
    with pytest.raises(ValueError, match="fewer than 0 electrons"):
        electrons_in_ion(1, 2)
    with pytest.raises(ValueError, match="mass_number"):
        neutrons_in(5, 6)
    with pytest.raises(ValueError, match="abundance_1_percent"):
        two_isotope_relative_atomic_mass(35, 120, 37)


def test_halogen_displacement_follows_group_7_order():
    from stemcpd.chemistry.atoms import halogen_displaces

    assert halogen_displaces("Cl", "Br") and halogen_displaces("Cl", "I") and halogen_displaces("Br", "I")
    assert not halogen_displaces("I", "Cl") and not halogen_displaces("Br", "Br")
    with pytest.raises(ValueError, match="halide must be one of"):
        halogen_displaces("Cl", "At")
