"""Moles model against published values.

References:
* Standard atomic weights: IUPAC/CIAAW, Prohaska et al., "Standard atomic weights of
  the elements 2021", Pure Appl. Chem. 94, 573 (2022), abridged (conventional) values.
* Molar masses as printed on reagent catalogues (e.g. Sigma-Aldrich): H2O 18.015,
  CO2 44.009 (44.01), NaCl 58.44, CuSO4·5H2O 249.68, Ca3(PO4)2 310.18 g/mol.
* Limiting reactant: OpenStax, Chemistry 2e (2019), §4.4 Example 4.13 — 2.00 g Si and
  1.50 g N2 in 3Si + 2N2 → Si3N4: Si (0.0712 mol) is limiting; N2 (0.0535 mol) would need
  0.0803 mol Si.
* Percentage yield: OpenStax, Chemistry 2e, §4.4 Example 4.14 — 1.274 g CuSO4 with excess
  Zn gives 0.392 g Cu: yield 77.3%.
* Atom economy (AQA GCSE Chemistry 4.3.3.2): electrolysis of water for hydrogen 11.2%
  (11.1% with Aᵣ H = 1, O = 16); CaCO3 → CaO + CO2 for lime 56.0%; an addition reaction 100%.
"""

import math
import subprocess
import sys

import numpy as np
import pytest

from stemcpd.chemistry import moles
from stemcpd.chemistry.moles import ReactingMassesParams, reacting_masses
from stemcpd.practical import fit_line

# IUPAC 2021 abridged standard atomic weights, typed here ONLY as an independent check of
# the library the model uses.
IUPAC_ABRIDGED = {"H": 1.0080, "C": 12.011, "N": 14.007, "O": 15.999, "Na": 22.990, "Mg": 24.305,
                  "P": 30.974, "S": 32.06, "Cl": 35.45, "K": 39.098, "Ca": 40.078, "Fe": 55.845,
                  "Cu": 63.546, "Zn": 65.38}


@pytest.mark.parametrize("formula, published", [
    ("H2O", 18.015), ("CO2", 44.009), ("NaCl", 58.44), ("CuSO4·5H2O", 249.68), ("CuSO4.5H2O", 249.68),
    ("Ca3(PO4)2", 310.18), ("(NH4)2SO4", 132.14), ("K4[Fe(CN)6]", 368.35), ("MgO", 40.304),
])
def test_molar_mass_matches_published_values_within_0_01(formula, published):
    assert moles.molar_mass(formula) == pytest.approx(published, abs=0.01)


@pytest.mark.parametrize("symbol", sorted(IUPAC_ABRIDGED))
def test_element_data_come_from_iupac_standard_atomic_weights(symbol):
    # The abridged table gives 5 significant figures: agree to half a unit in the last place.
    value = IUPAC_ABRIDGED[symbol]
    last_place = 10 ** (math.floor(math.log10(value)) - 4)
    assert moles.relative_atomic_mass(symbol) == pytest.approx(value, abs=0.5 * last_place + 1e-12)


@pytest.mark.parametrize("formula, counts", [
    ("H2O", {"H": 2, "O": 1}),
    ("Ca3(PO4)2", {"Ca": 3, "P": 2, "O": 8}),
    ("(NH4)2SO4", {"N": 2, "H": 8, "S": 1, "O": 4}),
    ("CuSO4·5H2O", {"Cu": 1, "S": 1, "O": 9, "H": 10}),
    ("CuSO4.5H2O", {"Cu": 1, "S": 1, "O": 9, "H": 10}),
    ("Na2CO3•10H2O", {"Na": 2, "C": 1, "O": 13, "H": 20}),
    ("K4[Fe(CN)6]", {"K": 4, "Fe": 1, "C": 6, "N": 6}),
    ("Mg3(Si2O5){OH}4", {"Mg": 3, "Si": 2, "O": 9, "H": 4}),
    ("H₂O", {"H": 2, "O": 1}),
    ("CH3COOH", {"C": 2, "H": 4, "O": 2}),
    ("NaCl(aq)", {"Na": 1, "Cl": 1}),
])
def test_parse_formula_counts_atoms(formula, counts):
    assert moles.parse_formula(formula) == counts


@pytest.mark.parametrize("formula, charge, counts", [
    ("SO4^2-", -2, {"S": 1, "O": 4}), ("SO4 2-", -2, {"S": 1, "O": 4}), ("SO₄²⁻", -2, {"S": 1, "O": 4}),
    ("Na+", 1, {"Na": 1}), ("Cl-", -1, {"Cl": 1}), ("Fe^3+", 3, {"Fe": 1}), ("NH4^+", 1, {"N": 1, "H": 4}),
    ("PO4^3-", -3, {"P": 1, "O": 4}), ("H2O", 0, {"H": 2, "O": 1}),
])
def test_charges_are_optional_and_read(formula, charge, counts):
    assert moles.formula_charge(formula) == charge
    assert moles.parse_formula(formula) == counts
    # Ions weigh what their atoms weigh (electron mass ignored, as at GCSE).
    assert moles.molar_mass(formula) == pytest.approx(
        sum(IUPAC_ABRIDGED[s] * n for s, n in counts.items()), abs=0.01)


@pytest.mark.parametrize("formula, message, caret_column", [
    ("CaXx2", '"Xx" in "CaXx2" is not an element symbol (position 2)', 2),
    ("co2", "did you mean 'Co' or 'CO'?", 0),
    ("nacl", "did you mean 'Na'?", 0),
    ("Ca3(PO4", 'unbalanced bracket: "(" at position 3 in "Ca3(PO4" is never closed', 3),
    ("CaPO4)2", 'unbalanced bracket: ")" at position 5', 5),
    ("Ca3(PO4]2", 'is closed by "]" at position 7', 3),
    ("Ca()2", 'empty brackets in "Ca()2" (position 2)', 2),
    ("H0", "count 0", 1),
    ("CuSO4.", "ends with the hydrate separator", 5),
    (".H2O", "has no formula before it", 0),
    ("2H2O", 'write "H2O" (coefficients belong in equations)', 0),
    ("Fe2+", 'write "Fe^2+" for a charge of 2+, or "Fe2^+"', 2),
    ("H2O!", 'unexpected character "!"', 3),
    ("Mg+2HCl", "spaces round the plus", 2),
])
def test_malformed_formulae_raise_value_error_pointing_at_the_culprit(formula, message, caret_column):
    with pytest.raises(ValueError) as error:
        moles.parse_formula(formula)
    text = str(error.value)
    assert message in text
    formula_line, caret_line = text.splitlines()[-2:]
    assert formula_line.strip() == formula
    assert caret_line.index("^") - formula_line.index(formula[0]) == caret_column
    with pytest.raises(ValueError):
        moles.molar_mass(formula)


@pytest.mark.parametrize("bad", ["", "   ", None, 12, b"H2O"])
def test_empty_or_non_text_formula_is_refused(bad):
    with pytest.raises(ValueError, match="formula"):
        moles.molar_mass(bad)


def test_moles_mass_and_concentration_are_inverse_and_in_school_units():
    assert moles.moles(18.015, "H2O") == pytest.approx(1.0, rel=1e-4)
    assert moles.mass(0.5, "NaCl") == pytest.approx(29.22, abs=0.005)
    for grams in (0.1, 2.5, 100.0):
        assert moles.mass(moles.moles(grams, "CaCO3"), "CaCO3") == pytest.approx(grams, rel=1e-12)
    # 5.844 g NaCl in 250 cm³ → 0.100 mol in 0.250 dm³ = 0.400 mol/dm³ (23.4 g/dm³).
    n = moles.moles(5.844, "NaCl")
    assert moles.concentration(n, 0.250) == pytest.approx(0.400, abs=0.0005)
    assert moles.mass_concentration(5.844, 0.250) == pytest.approx(23.376)
    # Molar gas volume: ideal gas RT/p at 20 °C, 1 atm is 24.06 dm³/mol; GCSE uses 24.0.
    assert moles.gas_volume_dm3(1.0) == pytest.approx(8.314462618 * 293.15 / 101325 * 1000, rel=0.003)


@pytest.mark.parametrize("call, name", [
    (lambda: moles.moles(-1, "H2O"), "mass_g"),
    (lambda: moles.mass(-0.1, "H2O"), "amount_mol"),
    (lambda: moles.concentration(0.1, 0), "volume_dm3"),
    (lambda: moles.concentration(-0.1, 1), "amount_mol"),
    (lambda: moles.percentage_yield(1, 0), "theoretical_g"),
    (lambda: moles.percentage_yield(-1, 2), "actual_g"),
])
def test_amount_functions_validate_with_named_ranges(call, name):
    with pytest.raises(ValueError, match=rf"{name} must be in [\[(]"):
        call()


def test_equation_text_and_dict_forms_agree():
    parsed = moles.parse_equation("Mg + 2HCl -> MgCl2 + H2")
    assert parsed == {"Mg": -1, "HCl": -2, "MgCl2": 1, "H2": 1}
    assert moles.parse_equation("2H2(g) + O2(g) → 2H2O(l)") == {"H2(g)": -2, "O2(g)": -1, "H2O(l)": 2}
    assert moles.parse_equation("H2 + 1/2O2 = H2O") == {"H2": -1, "O2": -0.5, "H2O": 1}
    assert moles.parse_equation("Ag+ + Cl- -> AgCl") == {"Ag+": -1, "Cl-": -1, "AgCl": 1}


@pytest.mark.parametrize("equation, message", [
    ("Mg + HCl -> MgCl2 + H2", "not balanced: H 1 on the left, 2 on the right; Cl 1 on the left, 2 on the right"),
    ("Fe^3+ + Cl- -> FeCl3", "Cl 1 on the left, 3 on the right"),
    ("Mg + 2HCl", "exactly one arrow"),
    ("-> H2", "no reactants"),
    ("Mg + 2Hcl -> MgCl2 + H2", "in the term '2Hcl'"),
    ({"Mg": -1, "HCl": -2, "MgCl2": 1}, "not balanced"),
    ({"Mg": 0, "MgO": 1}, "must not be 0"),
])
def test_unbalanced_or_malformed_equations_are_refused(equation, message):
    with pytest.raises(ValueError, match=message.replace("(", r"\(").replace("+", r"\+")):
        moles.limiting_reagent(equation, {"Mg": 1.0, "HCl": 1.0})


def test_charge_balance_is_checked_too():
    moles.check_balanced("Ag^+ + Cl^- -> AgCl")
    with pytest.raises(ValueError, match="charge"):
        moles.check_balanced("Fe^3+ + Cl^- -> FeCl^+")  # atoms balance, charge 2+ → 1+


def test_limiting_reagent_openstax_silicon_nitride():
    amounts = {"Si": moles.moles(2.00, "Si"), "N2": moles.moles(1.50, "N2")}
    result = moles.limiting_reagent("3Si + 2N2 -> Si3N4", amounts)
    assert result.limiting == "Si" and not result.exact_proportions
    assert result.available_mol["Si"] == pytest.approx(0.0712, abs=5e-5)
    assert result.available_mol["N2"] == pytest.approx(0.0535, abs=5e-5)
    assert result.needed_mol["Si"] == pytest.approx(0.0803, abs=5e-5)  # to use up the N2
    assert result.needed_mol["N2"] == pytest.approx(0.0475, abs=5e-5)  # to use up the Si
    assert result.left_over_mol["Si"] == 0
    # Conservation of mass: reactants used = product formed (to rounding of Aᵣ, 1e-9 g).
    used_g = sum(result.used_mol[f] * moles.molar_mass(f) for f in ("Si", "N2"))
    assert result.theoretical_yield_g("Si3N4") == pytest.approx(used_g, rel=1e-12)


def test_limiting_reagent_dict_form_and_the_other_way_round():
    equation = {"Mg": -1, "HCl": -2, "MgCl2": 1, "H2": 1}
    # 0.10 mol Mg with 0.10 mol HCl: HCl limits (needs 0.20); 0.05 mol H2 forms.
    result = moles.limiting_reagent(equation, {"Mg": 0.10, "HCl": 0.10})
    assert result.limiting == "HCl"
    assert result.products_mol == pytest.approx({"MgCl2": 0.05, "H2": 0.05})
    assert result.left_over_mol["Mg"] == pytest.approx(0.05)
    exact = moles.limiting_reagent(equation, {"Mg": 0.10, "HCl": 0.20})
    assert exact.exact_proportions and exact.limiting == "Mg"
    assert exact.left_over_mol == pytest.approx({"Mg": 0.0, "HCl": 0.0}, abs=1e-15)


def test_limiting_reagent_validates_amounts():
    equation = "Mg + 2HCl -> MgCl2 + H2"
    with pytest.raises(ValueError, match=r"no amount given for reactant\(s\) \['HCl'\]"):
        moles.limiting_reagent(equation, {"Mg": 0.1})
    with pytest.raises(ValueError, match="not reactants"):
        moles.limiting_reagent(equation, {"Mg": 0.1, "HCl": 0.1, "H2": 0.1})
    with pytest.raises(ValueError, match="amount of HCl must be in"):
        moles.limiting_reagent(equation, {"Mg": 0.1, "HCl": -0.1})


def test_percentage_yield_openstax_copper():
    theoretical = moles.limiting_reagent(
        "CuSO4 + Zn -> Cu + ZnSO4", {"CuSO4": moles.moles(1.274, "CuSO4"), "Zn": 1.0}).theoretical_yield_g("Cu")
    assert theoretical == pytest.approx(0.5072, abs=0.0005)
    assert moles.percentage_yield(0.392, theoretical) == pytest.approx(77.3, abs=0.05)
    assert moles.percentage_yield(1.0, 1.0) == 100.0


@pytest.mark.parametrize("equation, product, expected, tolerance", [
    ("2H2O -> 2H2 + O2", "H2", 11.19, 0.01),  # hydrogen by electrolysis of water
    ("2H2O -> 2H2 + O2", "O2", 88.81, 0.01),
    ("CaCO3 -> CaO + CO2", "CaO", 56.03, 0.01),  # lime from limestone
    ("C2H4 + H2O -> C2H5OH", "C2H5OH", 100.0, 1e-9),  # addition: every atom ends up in the product
    ("C6H12O6 -> 2C2H5OH + 2CO2", "C2H5OH", 51.14, 0.01),  # fermentation
])
def test_atom_economy_textbook_examples(equation, product, expected, tolerance):
    assert moles.atom_economy(equation, product) == pytest.approx(expected, abs=tolerance)


def test_atom_economies_of_all_products_add_to_100():
    equation = "C6H12O6 -> 2C2H5OH + 2CO2"
    total = moles.atom_economy(equation, "C2H5OH") + moles.atom_economy(equation, "CO2")
    assert total == pytest.approx(100.0, abs=1e-9)
    with pytest.raises(ValueError, match="'C6H12O6' is not a product"):
        moles.atom_economy(equation, "C6H12O6")


def test_reacting_masses_switches_limiting_reagent_at_break_even_mass():
    params = ReactingMassesParams(reaction="Mg + 2HCl", solid_mass_g=0.50, acid_volume_cm3=50, acid_concentration_mol_dm3=1.0)
    result = reacting_masses(params)
    # 0.050 mol HCl reacts with 0.025 mol Mg = 0.6076 g.
    assert result.break_even_mass_g == pytest.approx(0.025 * 24.305, rel=1e-4)
    assert result.limiting == "Mg"
    assert result.gas_volume_cm3 == pytest.approx(0.50 / 24.305 * 24000, rel=1e-9)
    assert result.salt_mass_g == pytest.approx(0.50 / 24.305 * moles.molar_mass("MgCl2"), rel=1e-9)
    more = reacting_masses(ReactingMassesParams(reaction="Mg + 2HCl", solid_mass_g=1.0))
    assert more.limiting == "HCl"
    assert more.gas_volume_cm3 == pytest.approx(0.025 * 24000, rel=1e-9)  # capped by the acid
    assert more.left_over_g == pytest.approx(1.0 - 0.025 * 24.305, rel=1e-4)
    # The curve is linear, then flat at the acid's limit; its plateau is the acid-limited volume.
    assert result.curve_gas_volume_cm3.max() == pytest.approx(600.0, rel=1e-9)
    slope = np.diff(result.curve_gas_volume_cm3[:5]) / np.diff(result.curve_solid_mass_g[:5])
    np.testing.assert_allclose(slope, 24000 / 24.305, rtol=1e-9)


def test_sulfuric_acid_reacts_with_twice_the_magnesium_of_hydrochloric():
    hcl = reacting_masses(ReactingMassesParams(reaction="Mg + 2HCl"))
    h2so4 = reacting_masses(ReactingMassesParams(reaction="Mg + H2SO4"))
    assert h2so4.break_even_mass_g == pytest.approx(2 * hcl.break_even_mass_g, rel=1e-12)


def test_marble_chips_give_carbon_dioxide():
    result = reacting_masses(ReactingMassesParams(reaction="CaCO3 + 2HCl", solid_mass_g=1.00, acid_volume_cm3=100,
                                                  acid_concentration_mol_dm3=1.0))
    assert result.limiting == "CaCO3"
    assert result.gas_volume_cm3 == pytest.approx(1.00 / 100.086 * 24000, rel=1e-4)  # ≈ 240 cm³


@pytest.mark.parametrize("field, value, range_text", [
    ("reaction", 1, "Mg + H2SO4"), ("reaction", "Na + HCl", "CaCO3 + 2HCl"),
    ("solid_mass_g", 0, "(0, 100] g"), ("acid_volume_cm3", -5, "(0, 1000] cm³"),
    ("acid_concentration_mol_dm3", 25, "(0, 20] mol/dm³"), ("solid_mass_g", float("nan"), "(0, 100] g"),
])
def test_params_validate_with_field_and_range(field, value, range_text):
    with pytest.raises(ValueError) as error:
        ReactingMassesParams(**{field: value})
    assert field in str(error.value) and range_text in str(error.value)


def test_params_are_frozen():
    with pytest.raises(AttributeError):
        ReactingMassesParams().solid_mass_g = 2.0


def test_describe_names_limiting_reagent_and_yield():
    result = reacting_masses(ReactingMassesParams(solid_mass_g=1.0))
    text = moles.describe(result)
    assert "1.00 g of Mg" in text and "HCl is the limiting reagent" in text
    assert f"{result.salt_mass_g:.2f} g of MgCl2" in text and "600 cm³ of H2" in text
    break_even_g = 0.025 * moles.molar_mass("Mg")  # reacts with exactly 0.050 mol HCl
    exact = moles.describe(reacting_masses(ReactingMassesParams(solid_mass_g=break_even_g)))
    assert "exactly the right proportions and both run out" in exact


def test_to_table_gives_the_gas_against_mass_curve_with_units():
    result = reacting_masses(ReactingMassesParams(reaction="CaCO3 + 2HCl"))
    table = moles.to_table(result)
    assert table.headers == ["mass of CaCO3 / g", "amount of CaCO3 / mol", "volume of CO2 at RTP / cm³",
                             "mass of CaCl2 / g"]
    assert len(table) == len(result.curve_solid_mass_g)
    # Salt and gas are 1 : 1 in moles.
    np.testing.assert_allclose(table.column("mass of CaCl2") / moles.molar_mass("CaCl2"),
                               table.column("volume of CO2 at RTP") / 24000, rtol=1e-12)


def test_virtual_practical_finds_mgo_and_shows_the_smoke_loss():
    masses = np.linspace(0.10, 0.50, 41)
    honest = moles.virtual_practical(masses, smoke_loss_fraction=0.0, seed=1)
    gradient, _, gradient_error, _ = fit_line(honest.column("mass of magnesium"), honest.column("mass of oxygen gained"))
    ratio = gradient * moles.molar_mass("Mg") / moles.molar_mass("O")
    # 0.01 g balance, 41 groups: the O : Mg ratio within 0.05 of 1 (MgO), and within 3 standard errors.
    assert ratio == pytest.approx(1.0, abs=0.05)
    assert abs(ratio - 1.0) < 3 * gradient_error * moles.molar_mass("Mg") / moles.molar_mass("O") + 0.01

    smoky = moles.virtual_practical(masses, smoke_loss_fraction=0.05, seed=1)
    gradient, _, gradient_error, _ = fit_line(smoky.column("mass of magnesium"), smoky.column("mass of oxygen gained"))
    smoky_ratio = gradient * moles.molar_mass("Mg") / moles.molar_mass("O")
    predicted = moles.expected_mole_ratio(0.05)
    assert predicted == pytest.approx(0.874, abs=0.001)
    assert smoky_ratio == pytest.approx(predicted, abs=0.05)
    assert smoky_ratio < ratio - 0.05  # the systematic error shows: every ratio low
    assert round(smoky_ratio) == 1  # still MgO when rounded to a whole-number ratio


def test_virtual_practical_is_seeded_and_reads_to_the_balance_resolution():
    first = moles.virtual_practical(seed=3)
    np.testing.assert_array_equal(first.data, moles.virtual_practical(seed=3).data)
    assert not np.array_equal(first.data, moles.virtual_practical(seed=4).data)
    for column in ("crucible and lid", "crucible, lid and magnesium", "crucible, lid and product"):
        values = first.column(column)
        np.testing.assert_allclose(np.round(values, 2), values, atol=1e-9)
    assert "smoke" in first.title


def test_virtual_practical_validates_arguments():
    with pytest.raises(ValueError, match="magnesium_masses_g must list"):
        moles.virtual_practical([])
    with pytest.raises(ValueError, match="magnesium_mass_g must be in"):
        moles.virtual_practical([0.2, 6.0])
    with pytest.raises(ValueError, match="smoke_loss_fraction must be in"):
        moles.virtual_practical(smoke_loss_fraction=0.9)
    with pytest.raises(ValueError, match="seed"):
        moles.virtual_practical(seed=-1)


def test_model_import_does_not_pull_in_plotting_or_widgets():
    code = (
        "import sys, stemcpd.chemistry.moles as m; m.molar_mass('H2O'); "
        "bad = [x for x in ('matplotlib', 'ipywidgets') if x in sys.modules]; "
        "print(bad); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
