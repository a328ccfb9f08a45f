"""The atomic-structure bank's numbers and facts agree with stemcpd.chemistry.atoms.

Each numeric answer (and each diagnosed wrong answer, from the slip its feedback
names) is recomputed from the model; the facts the multiple-choice items rely on
(arrangements, ions, trends, displacement) are checked against it too.
"""


import pytest

from stemcpd.chemistry.atoms import (
    AtomParams,
    build_atom,
    electron_arrangement,
    electrons_in_ion,
    group_table,
    halogen_displaces,
    ion_charge,
    neutrons_in,
    relative_atomic_mass_from_abundances,
    two_isotope_relative_atomic_mass,
)
from stemcpd.chemistry.moles import check_balanced

from bank_yaml import raw_questions, wrong  # tests/quiz is on sys.path

TOPIC = "atomic-structure-and-periodic-table"


@pytest.fixture(scope="module")
def questions():
    return raw_questions(TOPIC)


def test_neutrons_in_chlorine_37(questions):
    question = questions["neutrons-in-chlorine-37"]
    assert question["answer"] == neutrons_in(37, 17)
    assert wrong(question, "mass-number-is-neutrons") == 37
    assert wrong(question, "mass-number-plus-atomic-number") == 37 + 17


def test_boron(questions):
    question = questions["boron-relative-atomic-mass"]
    assert question["answer"] == round(relative_atomic_mass_from_abundances([10, 11], [19.9, 80.1]), 1)
    assert wrong(question, "unweighted-average") == (10 + 11) / 2
    assert wrong(question, "abundance-not-divided-by-100") == round(10 * 19.9 + 11 * 80.1)
    # the prompt's abundances are the textbook 19.9 / 80.1 %; periodictable carries the middle
    # of IUPAC's range for natural boron (19.65 %), which varies from source to source
    natural = {i.mass_number: i.abundance_percent for i in build_atom(AtomParams(5)).isotopes}
    assert natural == pytest.approx({10: 19.9, 11: 80.1}, abs=0.3)


def test_sulfide(questions):
    question = questions["electrons-in-sulfide"]
    assert question["answer"] == electrons_in_ion(16, ion_charge(16))
    assert wrong(question, "negative-ion-lost-electrons") == 16 - 2
    assert wrong(question, "ion-electrons-unchanged") == 16


def test_facts_behind_the_choice_items():
    chlorine = build_atom(AtomParams(17))
    assert [i.mass_number for i in chlorine.isotopes] == [35, 37]
    assert round(chlorine.ar_from_mass_numbers, 1) == 35.5
    assert electron_arrangement(19) == (2, 8, 8, 1) and electron_arrangement(11) == (2, 8, 1)
    magnesium_ion = build_atom(AtomParams(12, True))
    assert (magnesium_ion.protons, magnesium_ion.electrons, magnesium_ion.shells) == (12, 10, (2, 8))
    assert build_atom(AtomParams(18)).electrons == 18 and build_atom(AtomParams(10)).electrons == 10
    assert halogen_displaces("Cl", "Br") and not halogen_displaces("Br", "Cl")
    check_balanced("Cl2 + 2KBr -> 2KCl + Br2")
    assert list(group_table(7).column("covalent radius")) == sorted(group_table(7).column("covalent radius"))


def test_gcse_ar_is_within_the_workbooks_stated_margin():
    for z in range(1, 21):
        atom = build_atom(AtomParams(z))
        assert abs(atom.ar_from_mass_numbers - atom.standard_atomic_weight) < 0.05, atom.symbol


def test_parameterised_functions(questions):
    assert {q["answer_function"] for q in questions.values() if q["type"] == "parameterised_numeric"} == {
        "stemcpd.chemistry.atoms:neutrons_in", "stemcpd.chemistry.atoms:two_isotope_relative_atomic_mass",
        "stemcpd.chemistry.atoms:electrons_in_ion"}
    assert two_isotope_relative_atomic_mass(63, 69.2, 65) == pytest.approx(63.616)  # copper, a real case
    numeric = [q for q in questions.values() if q["type"] == "numeric"]
    assert numeric and all(q["wrong_answers"] for q in numeric)
