"""The electrolysis-and-energetics bank's numbers agree with the chemistry models.

Each numeric answer is recomputed from stemcpd.chemistry.electrolysis or
stemcpd.chemistry.energetics and checked within the question's own tolerance; figures
quoted in multiple-choice feedback, and the products each question names, are checked
too.
"""

import pytest

from stemcpd.chemistry.electrolysis import (
    ELECTROLYTE_NAMES,
    MOLAR_MASS_G_MOL,
    charge_passed,
    electrolysis_products,
    gas_volume_dm3,
    mass_deposited,
)
from stemcpd.chemistry.energetics import (
    BOND_EQUATIONS,
    EnergeticsParams,
    bond_energy_delta_h,
    delta_h_from_temperature_change,
)
from stemcpd.quiz import load_packaged_bank

CURRENT_A, TIME_S = 0.50, 30 * 60


@pytest.fixture(scope="module")
def bank():
    return load_packaged_bank("electrolysis-and-energetics")


def within(question, model_value):
    return abs(question.answer - model_value) <= question.allowed_difference()


def products(name):
    return electrolysis_products(name)


def test_copper_mass(bank):
    question = bank["copper-mass-faraday"]
    assert question.unit == "g"
    assert within(question, mass_deposited(CURRENT_A, TIME_S, MOLAR_MASS_G_MOL["Cu"], 2))
    assert question.mark("296 mg").correct


def test_charge(bank):
    question = bank["charge-passed"]
    assert within(question, charge_passed(CURRENT_A, TIME_S))


def test_hydrogen_and_oxygen_volumes(bank):
    question = bank["hydrogen-volume-faraday"]
    hydrogen_cm3 = gas_volume_dm3(CURRENT_A, TIME_S, 2) * 1000
    oxygen_cm3 = gas_volume_dm3(CURRENT_A, TIME_S, 4) * 1000
    assert within(question, hydrogen_cm3)
    assert question.mark("0.112 dm^3").correct
    feedback = bank["water-splitting-ratio"].correct_option.feedback
    assert "112 cm³ of hydrogen and 56 cm³ of oxygen" in " ".join(feedback.split())
    assert round(hydrogen_cm3) == 112 and round(oxygen_cm3) == 56


def test_bond_energy_answer(bank):
    question = bank["bond-energy-hcl"]
    assert within(question, bond_energy_delta_h(*BOND_EQUATIONS["H₂ + Cl₂ → 2HCl"]))
    assert not question.mark("185 kJ/mol").correct  # the sign matters


def test_methane_figure_in_feedback(bank):
    assert "about −818 kJ/mol" in bank["bond-breaking-energy"].correct_option.feedback
    assert bond_energy_delta_h(*BOND_EQUATIONS["CH₄ + 2O₂ → CO₂ + 2H₂O"]) == pytest.approx(-818)


def test_delta_h_from_the_cup(bank):
    question = bank["delta-h-from-cup"]
    assert within(question, delta_h_from_temperature_change(50.0, 6.5, 0.0250))


def test_doubling_volumes_leaves_the_rise_unchanged(bank):
    small = EnergeticsParams(volume_1_cm3=25, volume_2_cm3=25)
    large = EnergeticsParams(volume_1_cm3=50, volume_2_cm3=50)
    stronger = EnergeticsParams(concentration_1_mol_dm3=2.0, concentration_2_mol_dm3=2.0)
    assert large.ideal_temperature_change_k == pytest.approx(small.ideal_temperature_change_k)
    assert stronger.ideal_temperature_change_k == pytest.approx(2 * small.ideal_temperature_change_k)
    assert small.ideal_temperature_change_k == pytest.approx(6.8, abs=0.05)
    assert "about\n6.8 °C".replace("\n", " ") in " ".join(
        bank["double-volume-same-rise"].correct_option.feedback.split())


@pytest.mark.parametrize(
    "question_id, cell, cathode, anode",
    [
        ("lead-bromide-electrodes", "molten lead bromide", "lead", "bromine"),
        ("brine-cathode-product", "concentrated sodium chloride solution", "hydrogen", "chlorine"),
        ("copper-sulfate-anode", "copper sulfate solution, inert electrodes", "copper", "oxygen"),
        ("water-splitting-ratio", "dilute sulfuric acid", "hydrogen", "oxygen"),
        ("copper-electrodes-purification", "copper sulfate solution, copper electrodes", "copper", "copper"),
    ],
)
def test_products_named_in_the_questions(bank, question_id, cell, cathode, anode):
    cell_products = products(cell)
    assert cell_products.cathode.name == cathode and cell_products.anode.name == anode
    assert bank[question_id].correct_option.text


def test_copper_anode_dissolves():
    assert products("copper sulfate solution, copper electrodes").anode.electrode_dissolves
