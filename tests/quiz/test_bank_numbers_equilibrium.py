"""The equilibrium bank's numbers agree with the equilibrium model.

Every numeric answer is recomputed from the stemcpd.chemistry.equilibrium function
that produces it and checked within the question's own tolerance; the Haber figures
quoted in options and feedback are checked too.
"""

import pytest

from stemcpd.chemistry import equilibrium
from stemcpd.quiz import NumericQuestion, load_packaged_bank

KC_430_C = 54.3
HI = equilibrium.HYDROGEN_IODIDE_STOICHIOMETRY


@pytest.fixture(scope="module")
def bank():
    return load_packaged_bank("equilibrium")


def assert_matches_model(question, model_value, unit):
    assert question.unit == unit
    assert abs(question.answer - model_value) <= question.allowed_difference()
    assert question.mark(f"{model_value:.3g} {unit}").correct


def haber_percent(temperature_c, pressure_atm):
    return 100 * equilibrium.haber_ammonia_fraction(temperature_c + 273.15, pressure_atm)


def test_hydrogen_iodide_at_equilibrium(bank):
    final = equilibrium.equilibrium_concentrations(HI, KC_430_C, {"H2": 0.500, "I2": 0.500, "HI": 0.0})
    assert_matches_model(bank["hi-at-equilibrium"], final["HI"], "mol/dm^3")


def test_same_equilibrium_from_hydrogen_iodide(bank):
    final = equilibrium.equilibrium_concentrations(HI, KC_430_C, {"H2": 0.0, "I2": 0.0, "HI": 1.000})
    assert_matches_model(bank["hydrogen-from-hydrogen-iodide"], final["H2"], "mol/dm^3")


def test_dilute_start(bank):
    final = equilibrium.equilibrium_concentrations(HI, KC_430_C, {"H2": 0.200, "I2": 0.200, "HI": 0.0})
    assert_matches_model(bank["hydrogen-iodide-dilute-start"], final["HI"], "mol/dm^3")


def test_ammonia_from_a_hundred_moles(bank):
    fraction = equilibrium.haber_ammonia_fraction(450 + 273.15, 200)
    assert "24.7%" in bank["ammonia-from-a-hundred-moles"].prompt
    assert 100 * fraction == pytest.approx(24.7, abs=0.05)
    # n(NH3) = y × total, total = 100 − n(NH3): every 2 NH3 made removes 4 mol of reactants
    ammonia_mol = 100 * fraction / (1 + fraction)
    mixture = equilibrium.equilibrium_mole_fractions(equilibrium.HABER_STOICHIOMETRY, equilibrium.haber_kp(723.15),
                                                     {"N2": 25.0, "H2": 75.0, "NH3": 0.0}, 200)
    assert mixture["NH3"] == pytest.approx(fraction, rel=1e-6)
    assert_matches_model(bank["ammonia-from-a-hundred-moles"], ammonia_mol, "mol")


def test_haber_kp_at_350(bank):
    assert equilibrium.HABER_REFERENCE_KP_ATM2 == pytest.approx(4.51e-5)
    model_kp = equilibrium.vant_hoff(4.51e-5, -92.2, 450 + 273.15, 350 + 273.15)
    assert model_kp == pytest.approx(equilibrium.haber_kp(350 + 273.15))
    assert_matches_model(bank["haber-kp-at-350"], model_kp, "atm^-2")
    assert bank["haber-kp-at-350"].mark("5.3 × 10⁻⁴ atm⁻²").correct


def test_equilibrium_mixture_quoted_for_the_app(bank):
    final = equilibrium.equilibrium_concentrations(HI, KC_430_C, {"H2": 0.5, "I2": 0.5, "HI": 0.0})
    assert final["HI"] == pytest.approx(0.79, abs=0.005) and final["H2"] == pytest.approx(0.11, abs=0.005)
    assert "0.79 of HI and 0.11 of each reactant" in bank["dynamic-equilibrium-meaning"].options[2].feedback


def test_adding_hydrogen_figures(bank):
    before = equilibrium.equilibrium_concentrations(HI, KC_430_C, {"H2": 0.5, "I2": 0.5, "HI": 0.0})
    after = equilibrium.equilibrium_concentrations(
        HI, KC_430_C, {"H2": round(before["H2"], 3) + 0.5, "I2": round(before["I2"], 3), "HI": round(before["HI"], 3)})
    feedback = bank["adding-a-reactant"].correct_option.feedback
    assert "0.107 : 0.107 : 0.787" in feedback
    assert "0.53 : 0.031 : 0.94" in feedback
    assert (after["H2"], after["I2"], after["HI"]) == pytest.approx((0.53, 0.031, 0.94), abs=0.005)
    assert before["H2"] < after["H2"] < before["H2"] + 0.5  # opposed, not cancelled


@pytest.mark.parametrize("pressure_atm, quoted", [(50, "9.0%"), (100, "15.6%"), (200, "24.7%")])
def test_pressure_figures(bank, pressure_atm, quoted):
    assert f"{haber_percent(450, pressure_atm):.1f}%" == quoted
    assert quoted in bank["pressure-haber"].correct_option.feedback


@pytest.mark.parametrize("temperature_c, quoted", [(350, "45%"), (450, "25%"), (550, "13%")])
def test_temperature_figures(bank, temperature_c, quoted):
    assert f"{haber_percent(temperature_c, 200):.0f}%" == quoted
    feedback = bank["temperature-exothermic"].correct_option.feedback
    assert f"{quoted} at {temperature_c} °C" in feedback or f"{quoted} ammonia at {temperature_c} °C" in feedback


def test_low_temperature_and_high_pressure_figures(bank):
    assert haber_percent(200, 200) > 80  # "over 80% ammonia"
    assert "over 80% ammonia" in bank["haber-compromise-temperature"].options[1].feedback
    assert haber_percent(450, 1000) == pytest.approx(51, abs=0.5)
    assert "about 51% at 450 °C" in bank["why-not-higher-pressure"].correct_option.feedback
    assert haber_percent(450, 200) == pytest.approx(25, abs=0.5)


def test_every_numeric_answer_is_checked_here(bank):
    checked = {
        "hi-at-equilibrium", "hydrogen-from-hydrogen-iodide", "hydrogen-iodide-dilute-start",
        "ammonia-from-a-hundred-moles", "haber-kp-at-350",
    }
    assert {q.id for q in bank if isinstance(q, NumericQuestion)} == checked
