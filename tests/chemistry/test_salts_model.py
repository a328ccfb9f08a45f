"""The salt-preparation model against exact stoichiometry, mass conservation and its
limiting cases (the solubility-balance formula is checked by substitution)."""

import subprocess
import sys

import pytest

from stemcpd.chemistry.moles import check_balanced, molar_mass, parse_equation
from stemcpd.chemistry.salts import (
    PREPARATION_NAMES,
    PREPARATIONS,
    SaltParams,
    base_needed_g,
    base_reacting_exactly_g,
    describe,
    percentage_yield_of_crystals,
    prepare,
    theoretical_crystals_g,
    to_table,
)

ACID_MOL = 0.025  # 25 cm³ of 1.0 mol/dm³


@pytest.mark.parametrize("preparation", PREPARATIONS, ids=lambda p: p.base)
def test_equations_balance_and_name_their_base_salt_and_gas(preparation):
    equation = check_balanced(preparation.equation)
    assert equation[preparation.base] == -1 and equation["H2SO4"] == -1 and equation[preparation.salt] == 1
    assert (preparation.gas in equation) == bool(preparation.gas)
    # the hydrate really is the salt with its stated water of crystallisation
    assert molar_mass(preparation.hydrate) == pytest.approx(
        molar_mass(preparation.salt) + preparation.waters_of_crystallisation * molar_mass("H2O"), abs=1e-9)


def test_theoretical_yield_is_exact_stoichiometry():
    # 0.025 mol × M(CuSO4·5H2O) = 0.025 × 249.68 g/mol (IUPAC atomic weights)
    assert theoretical_crystals_g(25, 1.0, "copper(II) oxide") == pytest.approx(ACID_MOL * 249.677, abs=1e-3)
    assert theoretical_crystals_g(25, 1.0) == theoretical_crystals_g(25, 1.0, "copper(II) oxide")  # the default
    assert theoretical_crystals_g(25, 1.0, "zinc oxide") == pytest.approx(ACID_MOL * 287.53, abs=2e-3)
    assert base_needed_g(25, 1.0, "copper(II) oxide") == pytest.approx(ACID_MOL * 79.545, abs=1e-3)
    assert base_needed_g(25, 1.0, "copper(II) carbonate") == pytest.approx(ACID_MOL * 123.55, abs=1e-3)
    assert percentage_yield_of_crystals(3.12, 25, 1.0, "copper(II) oxide") == pytest.approx(49.98, abs=0.01)
    # a base given by its molar mass, as a question gives Mr, agrees with the named base
    assert base_reacting_exactly_g(25, 1.0, molar_mass("ZnO")) == pytest.approx(base_needed_g(25, 1.0, "zinc oxide"))
    assert base_reacting_exactly_g(30, 1.25, 81.4) == pytest.approx(0.0375 * 81.4, rel=1e-12)
    with pytest.raises(ValueError, match="base_molar_mass_g_mol"):
        base_reacting_exactly_g(25, 1.0, 0)


def test_preparations_are_named_by_their_base():
    assert PREPARATION_NAMES == ("copper(II) oxide", "copper(II) carbonate", "zinc oxide")
    assert [SaltParams(preparation=name).data for name in PREPARATION_NAMES] == list(PREPARATIONS)
    # any case or spacing reads as the option's own name
    assert SaltParams(preparation="Zinc  Oxide").preparation == "zinc oxide"


@pytest.mark.parametrize("preparation", PREPARATION_NAMES)
@pytest.mark.parametrize("base_mass_g", [0.5, 2.0, 4.0])
@pytest.mark.parametrize("boiled_percent", [0, 50, 80, 95, 99.9])
def test_mass_is_conserved_in_every_preparation(preparation, base_mass_g, boiled_percent):
    run = prepare(SaltParams(preparation=preparation, base_mass_g=base_mass_g,
                             water_boiled_off_percent=boiled_percent))
    assert run.total_out_g == pytest.approx(run.total_in_g, abs=1e-9)
    # metal is conserved too: base in = base left + salt in crystals, solution and paper
    data = run.params.data
    metal_in = base_mass_g / molar_mass(data.base)
    metal_out = (run.excess_base_g / molar_mass(data.base) + run.salt_lost_on_paper_g / molar_mass(data.salt)
                 + run.salt_in_filtrate_g / molar_mass(data.salt))
    assert metal_out == pytest.approx(metal_in, rel=1e-12)


def test_crystals_leave_a_saturated_solution():
    run = prepare(SaltParams(water_boiled_off_percent=70))
    data = run.params.data
    water_left = run.water_in_filtrate_g - run.water_boiled_off_g - run.crystals_g * (1 - data.hydrate_fraction)
    assert run.salt_left_dissolved_g / water_left == pytest.approx(data.solubility_g_per_100g_water / 100, rel=1e-12)


def test_limiting_cases():
    # nothing boiled off: 4 g of CuSO4 in 25 g of water is below saturation (5 g), so no crystals
    assert prepare(SaltParams(water_boiled_off_percent=0)).crystals_g == 0
    # no solution kept by the filter paper: no salt lost there
    ideal = prepare(SaltParams(retained_solution_g=0, water_boiled_off_percent=60))
    assert ideal.salt_lost_on_paper_g == 0
    run = prepare(SaltParams(water_boiled_off_percent=99.9))
    assert run.dried_out and "dryness" in describe(run)
    # the yield rises with water boiled off until the basin dries out
    curve = prepare(SaltParams()).curve_yield_percent
    rising = curve[: int(len(curve) * 0.85)]
    assert all(b >= a for a, b in zip(rising, rising[1:]))


def test_base_in_excess_or_not():
    excess = prepare(SaltParams(base_mass_g=2.5))
    assert excess.base_in_excess and excess.leftover_acid_g == 0
    assert excess.excess_base_g == pytest.approx(2.5 - base_needed_g(25, 1.0, "copper(II) oxide"), abs=1e-12)
    short = prepare(SaltParams(preparation="copper(II) carbonate", base_mass_g=2.0))
    assert not short.base_in_excess and short.excess_base_g == 0 and short.limiting == "CuCO3"
    assert short.leftover_acid_g == pytest.approx((ACID_MOL - 2.0 / molar_mass("CuCO3")) * molar_mass("H2SO4"))
    assert "left unreacted" in describe(short)
    # the carbonate gives off its carbon dioxide
    assert short.gas_g == pytest.approx(2.0 / molar_mass("CuCO3") * molar_mass("CO2"))


def test_zinc_sulfate_needs_more_water_boiled_off():
    copper = prepare(SaltParams(preparation="copper(II) oxide", base_mass_g=2.5, water_boiled_off_percent=60))
    zinc = prepare(SaltParams(preparation="zinc oxide", base_mass_g=2.5, water_boiled_off_percent=60))
    assert copper.crystals_g > 0 and zinc.crystals_g == 0


def test_table_and_description():
    run = prepare()
    table = to_table(run)
    assert table.headers == ["water boiled off / %", "crystals / g", "percentage yield / %"] and len(table) == 96
    assert "blue copper(II) sulfate crystals" in describe(run)


@pytest.mark.parametrize("field, value, message", [
    ("preparation", 0, "preparation must be one of .*copper\\(II\\) oxide"),
    ("preparation", "magnesium oxide", "preparation must be one of .*zinc oxide"),
    ("base_mass_g", 0, r"base_mass_g must be in \(0, 50\] g"),
    ("water_boiled_off_percent", 100, r"water_boiled_off_percent must be in \[0, 100\) %"),
    ("acid_concentration_mol_dm3", 5, "acid_concentration_mol_dm3"),
    ("retained_solution_g", -1, "retained_solution_g"),
])
def test_bad_parameters_name_themselves(field, value, message):
    with pytest.raises(ValueError, match=message):
        SaltParams(**{field: value})


def test_model_imports_no_plotting():
    code = "import sys, stemcpd.chemistry.salts; sys.exit('matplotlib' in sys.modules or 'ipywidgets' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0
