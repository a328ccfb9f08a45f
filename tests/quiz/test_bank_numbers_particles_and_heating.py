"""The particles-and-heating bank's numbers agree with the physics models.

Each numeric answer is recomputed from the model function that produces it
(heating, density, gas, radiation) and checked within the question's own tolerance;
a few figures quoted in multiple-choice feedback are checked too.
"""

import math

import pytest

from stemcpd.physics.density import MATERIAL_DENSITIES_KG_M3, density
from stemcpd.physics.gas import ARGON_DIAMETER_NM, GasParams, ideal_gas_pressure
from stemcpd.physics.heating import HeatingParams, simulate, temperature_rise
from stemcpd.physics.radiation import SURFACE_EMISSIVITIES, peak_wavelength_m, to_kelvin
from stemcpd.quiz import load_packaged_bank

WATER_C_J_PER_KG_K = 4180.0
ZERO_CELSIUS_K = 273.15  # the prompt says "add 273"; the model uses 273.15


@pytest.fixture(scope="module")
def bank():
    return load_packaged_bank("particles-and-heating")


def within(question, model_value):
    return abs(question.answer - model_value) <= question.allowed_difference()


def test_energy_to_warm_water(bank):
    question = bank["shc-energy-for-kettle"]
    # E = m c ΔT, checked the other way round through the model's ΔT = E / (m c).
    assert question.unit == "J"
    assert temperature_rise(question.answer, 2.0, WATER_C_J_PER_KG_K) == pytest.approx(15.0, rel=1e-9)
    model_energy_j = HeatingParams(mass_kg=2.0, specific_heat_j_per_kg_k=WATER_C_J_PER_KG_K).heat_capacity_j_per_k * 15
    assert within(question, model_energy_j)
    assert question.mark("125 kJ").correct


def test_specific_heat_from_the_practical(bank):
    question = bank["shc-from-practical"]
    run = simulate(HeatingParams())  # 50 W, 1 kg aluminium, lagged (h = 0.3 W/K), 600 s
    assert run.temperature_rise_k == pytest.approx(30.2, abs=0.05)  # the rise quoted in the prompt
    assert within(question, run.apparent_specific_heat_j_per_kg_k)
    # From the prompt's own data: c = P t / (m ΔT) = 50 × 600 / (1.00 × 30.2) = 993 J/kg °C
    assert question.answer == round(50 * 600 / (1.00 * 30.2))
    assert question.mark("993 J/kg/K").correct
    # the spellings the prompt invites (°C and K intervals are the same size)
    assert question.mark("993 J/(kg °C)").correct and question.mark("993 J/(kg K)").correct


def test_class_results_are_too_high(bank):
    run = simulate(HeatingParams())
    assert run.apparent_specific_heat_j_per_kg_k > 900.0  # "all higher than the data-book value"


def test_same_energy_temperature_rises(bank):
    feedback = bank["same-energy-which-hotter"].correct_option.feedback
    assert "about 22 °C" in feedback and "about 4.8 °C" in feedback  # AQA's units: c in J/kg °C
    assert temperature_rise(20000, 1.0, 900) == pytest.approx(22, abs=0.5)
    assert temperature_rise(20000, 1.0, WATER_C_J_PER_KG_K) == pytest.approx(4.8, abs=0.05)


def test_bath_and_mug_energies(bank):
    feedback = bank["heat-versus-temperature"].correct_option.feedback
    bath = HeatingParams(mass_kg=100.0, specific_heat_j_per_kg_k=WATER_C_J_PER_KG_K).heat_capacity_j_per_k * 20
    mug = HeatingParams(mass_kg=0.3, specific_heat_j_per_kg_k=WATER_C_J_PER_KG_K).heat_capacity_j_per_k * 70
    assert "about 8 MJ" in feedback and "about 0.09 MJ" in feedback
    assert bath / 1e6 == pytest.approx(8, abs=0.5) and mug / 1e6 == pytest.approx(0.09, abs=0.005)


def test_density_of_the_stone(bank):
    question = bank["density-numeric"]
    model_density = density(67.5e-3, (75.0 - 50.0) * 1e-6)
    assert question.unit == "kg/m^3"
    assert within(question, model_density)
    assert question.mark("2.7 g/cm^3").correct


def test_densities_quoted_for_floating(bank):
    feedback = bank["density-heavy-things-sink"].correct_option.feedback
    assert MATERIAL_DENSITIES_KG_M3["Oak"] == 700.0 and "about 700 kg/m³" in feedback
    assert MATERIAL_DENSITIES_KG_M3["Steel"] == 7850.0 and "about 7850 kg/m³" in feedback


def _box_side_for_accessible_side(accessible_side_nm):
    return accessible_side_nm + ARGON_DIAMETER_NM


def test_boyle_compression(bank):
    question = bank["boyle-compression"]
    # P ∝ 1/A in the 2D model: areas in the ratio 60 : 20 stand for the volumes.
    large = GasParams(number_of_particles=100, box_side_nm=_box_side_for_accessible_side(30.0))
    small = GasParams(number_of_particles=100, box_side_nm=_box_side_for_accessible_side(30.0 / math.sqrt(3.0)))
    assert large.accessible_area_m2 / small.accessible_area_m2 == pytest.approx(60 / 20)
    model_kpa = 100.0 * ideal_gas_pressure(small) / ideal_gas_pressure(large)
    assert question.unit == "kPa"
    assert within(question, model_kpa)


def test_pressure_law_needs_kelvin(bank):
    question = bank["pressure-law-celsius"]
    cold = GasParams(temperature_k=20.0 + ZERO_CELSIUS_K)
    hot = GasParams(temperature_k=80.0 + ZERO_CELSIUS_K)
    model_kpa = 100.0 * ideal_gas_pressure(hot) / ideal_gas_pressure(cold)
    assert within(question, model_kpa)
    assert not question.mark("400 kPa").correct  # the °C slip: 100 × 80/20


def test_emissivities_quoted(bank):
    feedback = bank["white-paint-infrared"].correct_option.feedback
    assert f"near {SURFACE_EMISSIVITIES['Shiny aluminium']:g}" in feedback
    assert f"about {SURFACE_EMISSIVITIES['Matt black']:g}" in feedback
    assert f"about {SURFACE_EMISSIVITIES['White paint']:.2f}" in feedback


def test_peak_wavelength_of_the_cube(bank):
    question = bank["peak-wavelength-leslie-cube"]
    model_um = peak_wavelength_m(float(to_kelvin(80.0))) * 1e6
    assert question.unit == "um"
    assert within(question, model_um)
    assert question.mark("8.2 µm").correct
