"""The quantitative-chemistry bank's numbers agree with the moles model.

Every numeric answer is recomputed from the stemcpd.chemistry.moles function that
produces it and checked within the question's own tolerance; numbers quoted in
options and feedback are checked too.
"""

import pytest

from stemcpd.chemistry import moles
from stemcpd.quiz import NumericQuestion, load_packaged_bank


@pytest.fixture(scope="module")
def bank():
    return load_packaged_bank("quantitative-chemistry")


def assert_matches_model(question, model_value, unit):
    assert question.unit == unit
    assert abs(question.answer - model_value) <= question.allowed_difference()
    assert question.mark(f"{model_value:.3g} {unit}").correct


def test_molar_mass_of_calcium_carbonate(bank):
    assert_matches_model(bank["molar-mass-calcium-carbonate"], moles.molar_mass("CaCO3"), "g/mol")
    assert bank["molar-mass-calcium-carbonate"].mark("100 g/mol").correct  # GCSE Ar values
    # the prompt's own data: Ca = 40.1, C = 12.0, O = 16.0 (the model's precise values give 100.09)
    assert bank["molar-mass-calcium-carbonate"].answer == round(40.1 + 12.0 + 3 * 16.0, 1) == 100.1


def test_moles_of_sodium_hydroxide(bank):
    assert_matches_model(bank["moles-of-sodium-hydroxide"], moles.moles(4.00, "NaOH"), "mol")


def test_concentration_of_sodium_hydroxide(bank):
    amount_mol = moles.moles(2.00, "NaOH")
    assert_matches_model(bank["concentration-of-sodium-hydroxide"], moles.concentration(amount_mol, 0.250), "mol/dm^3")
    assert bank["concentration-of-sodium-hydroxide"].mark("0.2 mol/dm³").correct


def test_mass_of_magnesium_oxide(bank):
    amounts = moles.limiting_reagent("2Mg + O2 -> 2MgO", {"Mg": moles.moles(0.60, "Mg"), "O2": 1.0})
    assert amounts.limiting == "Mg"
    assert_matches_model(bank["mass-of-magnesium-oxide"], amounts.theoretical_yield_g("MgO"), "g")
    assert bank["mass-of-magnesium-oxide"].mark("1.00 g").correct  # 0.60 / 24 × 40 with GCSE Ar values


def test_carbon_dioxide_from_limestone(bank):
    amounts = moles.limiting_reagent("CaCO3 -> CaO + CO2", {"CaCO3": moles.moles(10.0, "CaCO3")})
    assert_matches_model(bank["carbon-dioxide-from-limestone"], amounts.theoretical_yield_g("CO2"), "g")


def test_hydrogen_volume_from_magnesium(bank):
    result = moles.reacting_masses(moles.ReactingMassesParams(reaction="Mg + 2HCl", solid_mass_g=0.50, acid_volume_cm3=50,
                                                              acid_concentration_mol_dm3=1.0))
    assert result.limiting == "Mg"  # "the acid is in excess"
    assert_matches_model(bank["hydrogen-volume-from-magnesium"], result.gas_volume_cm3, "cm^3")
    assert bank["hydrogen-volume-from-magnesium"].mark("500 cm³").correct  # with Ar(Mg) = 24


def test_bracket_formula_mass(bank):
    assert moles.molar_mass("Ca(OH)2") == pytest.approx(74.1, abs=0.05)
    assert bank["molar-mass-with-brackets"].correct_option.text == "74.1"
    assert "74.09" in bank["molar-mass-with-brackets"].correct_option.feedback


def test_limiting_reagent_with_equal_moles(bank):
    amounts = moles.limiting_reagent("Mg + 2HCl -> MgCl2 + H2", {"Mg": 0.050, "HCl": 0.050})
    assert amounts.limiting == "HCl"
    assert amounts.products_mol["H2"] == pytest.approx(0.025)
    assert amounts.left_over_mol["Mg"] == pytest.approx(0.025)
    assert "0.025 mol of hydrogen" in bank["limiting-reagent-mole-ratio"].correct_option.feedback


def test_equal_masses_of_magnesium_and_oxygen(bank):
    amounts = moles.limiting_reagent("2Mg + O2 -> 2MgO", {"Mg": moles.moles(1.0, "Mg"), "O2": moles.moles(1.0, "O2")})
    assert amounts.limiting == "Mg"
    text = bank["limiting-reagent-smaller-mass"].correct_option.text
    assert "0.041 mol" in text and "0.021 mol" in text and "0.66 g" in text
    assert moles.moles(1.0, "Mg") == pytest.approx(0.041, abs=0.0005)
    assert amounts.used_mol["O2"] == pytest.approx(0.021, abs=0.0005)
    assert amounts.used_mol["O2"] * moles.molar_mass("O2") == pytest.approx(0.66, abs=0.005)


def test_excess_acid_volume_does_not_change_hydrogen(bank):
    half = moles.reacting_masses(moles.ReactingMassesParams(solid_mass_g=0.50, acid_volume_cm3=50))
    double = moles.reacting_masses(moles.ReactingMassesParams(solid_mass_g=0.50, acid_volume_cm3=100))
    assert half.gas_volume_cm3 == pytest.approx(double.gas_volume_cm3)
    assert f"{half.gas_volume_cm3:.0f} cm³" in bank["excess-reagent-more-product"].correct_option.feedback


def test_dilution(bank):
    amount_mol = moles.concentration(1.00, 1) * 0.0250
    assert moles.concentration(amount_mol, 0.100) == pytest.approx(0.250)
    assert "0.250 mol/dm³" in bank["dilution"].correct_option.text


def test_magnesium_oxide_formula_from_masses(bank):
    ratio = moles.moles(0.16, "O") / moles.moles(0.24, "Mg")
    assert round(ratio) == 1
    assert "1 : 1" in bank["empirical-formula-from-masses"].correct_option.text
    # The slip option divides by Mr(O2) = 32 and so gets Mg2O, a 2 : 1 ratio (not MgO2).
    slip_ratio = moles.moles(0.24, "Mg") / (0.16 / 32.0)
    assert round(slip_ratio) == 2
    slip = next(o for o in bank["empirical-formula-from-masses"].options if o.misconception == "oxygen-counted-as-molecules")
    assert slip.text.startswith("Mg₂O:") and "2 : 1" in slip.text


def test_smoke_loss_ratio_quoted(bank):
    assert moles.expected_mole_ratio(0.05) == pytest.approx(0.87, abs=0.005)
    assert "ratio of 0.87" in bank["magnesium-oxide-systematic-error"].correct_option.feedback
    table = moles.virtual_practical(seed=0)
    # "every group is low": all but the smallest-mass group, whose 0.01 g readings scatter most
    assert sum(r < 1.0 for r in table.column("O : Mg mole ratio")) >= len(table) - 1


def test_atom_economies_quoted(bank):
    assert moles.atom_economy("2H2O -> 2H2 + O2", "H2") == pytest.approx(11.2, abs=0.05)
    assert "11.2%" in bank["atom-economy-of-hydrogen-from-water"].correct_option.feedback
    assert moles.atom_economy("CaCO3 -> CaO + CO2", "CaO") == pytest.approx(56, abs=0.5)
    assert "56%" in bank["atom-economy-of-hydrogen-from-water"].options[1].feedback
    assert moles.atom_economy("C2H4 + H2O -> C2H5OH", "C2H5OH") == pytest.approx(100)


def test_every_numeric_answer_is_checked_here(bank):
    checked = {
        "molar-mass-calcium-carbonate", "moles-of-sodium-hydroxide", "concentration-of-sodium-hydroxide",
        "mass-of-magnesium-oxide", "carbon-dioxide-from-limestone", "hydrogen-volume-from-magnesium",
    }
    assert {q.id for q in bank if isinstance(q, NumericQuestion)} == checked
