"""Maxwell–Boltzmann model against analytic results and published values.

References:
* Kinetic theory of gases (e.g. P. Atkins & J. de Paula, *Physical Chemistry*, 9th ed.,
  Topic 1B): f(v) normalised, most probable √(2RT/M), mean √(8RT/πM), rms √(3RT/M).
  Atkins quotes a mean speed of 475 m/s for N₂ at 25 °C; the rms speed of N₂ at 298 K is
  515 m/s.
* R = 8.314462618 J mol⁻¹ K⁻¹ (CODATA 2018).
* Fraction with E ≥ Ea: Q(3/2, Ea/RT), the regularised upper incomplete gamma function
  (scipy.special.gammaincc), checked independently here by numerical integration.
"""

import math

import numpy as np
import pytest
from scipy.integrate import quad
from scipy.special import gammaincc

from stemcpd.chemistry import energy_distribution as ed
from stemcpd.chemistry.energy_distribution import EnergyDistributionParams, simulate

R = 8.314462618


def test_gas_constant_is_codata():
    assert ed.GAS_CONSTANT_J_MOL_K == 8.314462618


@pytest.mark.parametrize("molar_mass, temperature", [(2.016, 150), (28.014, 298.15), (200.0, 1000)])
def test_speed_distribution_is_normalised(molar_mass, temperature):
    integral, error = quad(ed.maxwell_boltzmann_pdf, 0, np.inf, args=(molar_mass, temperature),
                           epsabs=1e-13, epsrel=1e-12)
    assert integral == pytest.approx(1.0, abs=1e-8)


@pytest.mark.parametrize("temperature", [150, 298.15, 1000])
def test_energy_distribution_is_normalised_and_has_mean_three_halves_rt(temperature):
    integral, _ = quad(ed.energy_pdf, 0, np.inf, args=(temperature,), epsabs=1e-13, epsrel=1e-12)
    assert integral == pytest.approx(1.0, abs=1e-8)
    mean, _ = quad(lambda e: e * ed.energy_pdf(e, temperature), 0, np.inf, epsrel=1e-11)
    assert mean == pytest.approx(1.5 * R * temperature / 1000, rel=1e-8)


def test_characteristic_speeds_match_formulas_and_the_curve():
    m, t = 31.998, 350.0
    mass_kg = m / 1000
    assert ed.most_probable_speed(m, t) == pytest.approx(math.sqrt(2 * R * t / mass_kg), rel=1e-12)
    assert ed.mean_speed(m, t) == pytest.approx(math.sqrt(8 * R * t / (math.pi * mass_kg)), rel=1e-12)
    assert ed.rms_speed(m, t) == pytest.approx(math.sqrt(3 * R * t / mass_kg), rel=1e-12)
    # Independently from the distribution: the peak, the first moment and √(second moment).
    speeds = np.linspace(0, 3000, 300001)
    f = ed.maxwell_boltzmann_pdf(speeds, m, t)
    assert speeds[np.argmax(f)] == pytest.approx(ed.most_probable_speed(m, t), abs=0.02)
    mean, _ = quad(lambda v: v * ed.maxwell_boltzmann_pdf(v, m, t), 0, np.inf, epsrel=1e-11)
    square, _ = quad(lambda v: v * v * ed.maxwell_boltzmann_pdf(v, m, t), 0, np.inf, epsrel=1e-11)
    assert mean == pytest.approx(ed.mean_speed(m, t), rel=1e-9)
    assert math.sqrt(square) == pytest.approx(ed.rms_speed(m, t), rel=1e-9)


def test_nitrogen_at_room_temperature_matches_published_speeds():
    # Atkins & de Paula: mean speed of N₂ at 25 °C is 475 m/s; rms 515 m/s. Tolerance 1 m/s
    # (the published values are given to 3 significant figures).
    assert ed.rms_speed(28.014, 298.15) == pytest.approx(515, abs=1)
    assert ed.mean_speed(28.014, 298.15) == pytest.approx(475, abs=1)
    assert ed.most_probable_speed(28.014, 298.15) == pytest.approx(421, abs=1)


def test_heavier_molecules_are_slower_by_root_of_mass_ratio():
    ratio = ed.rms_speed(2.016, 300) / ed.rms_speed(32.0, 300)
    assert ratio == pytest.approx(math.sqrt(32.0 / 2.016), rel=1e-12)  # ≈ 4 (Graham)


@pytest.mark.parametrize("ea, temperature", [(0.5, 298.15), (5, 298.15), (50, 298.15), (50, 1000), (150, 400)])
def test_fraction_above_closed_form_matches_numerical_integration(ea, temperature):
    closed = ed.fraction_above(ea, temperature)
    # Integrate the energy distribution beyond Ea (rtol 1e-9), and compare with the
    # incomplete gamma function Q(3/2, x).
    numeric, _ = quad(ed.energy_pdf, ea, np.inf, args=(temperature,), epsabs=0, epsrel=1e-12, limit=200)
    assert closed == pytest.approx(numeric, rel=1e-9)
    assert closed == pytest.approx(gammaincc(1.5, ea * 1000 / (R * temperature)), rel=1e-12)


def test_fraction_above_agrees_with_speed_distribution_beyond_the_matching_speed():
    # Same area counted on the speed curve: molecules faster than v = √(2Ea/M).
    for molar_mass in (2.016, 44.009):
        speed = ed.speed_for_energy(10.0, molar_mass)
        area, _ = quad(ed.maxwell_boltzmann_pdf, speed, np.inf, args=(molar_mass, 500.0), epsrel=1e-12)
        assert area == pytest.approx(ed.fraction_above(10.0, 500.0), rel=1e-9)


def test_fraction_limits():
    assert ed.fraction_above(0.0, 300) == pytest.approx(1.0)
    # For Ea ≫ RT the erfc term is negligible: F ≈ 2√(x/π) e^{−x} (1 + 1/(2x)).
    x = 80e3 / (R * 300)
    assert ed.fraction_above(80, 300) == pytest.approx(2 * math.sqrt(x / math.pi) * math.exp(-x) * (1 + 1 / (2 * x)),
                                                       rel=1e-3)
    values = ed.fraction_above(np.linspace(0, 100, 50), 300)
    assert np.all(np.diff(values) < 0)


def test_ten_kelvin_rise_roughly_doubles_the_fraction_for_ea_50():
    before = ed.fraction_above(50, 298.15)
    after = ed.fraction_above(50, 308.15)
    # Exact ratio for the 3D kinetic-energy fraction: 1.8943 (Arrhenius factor alone 1.9243).
    assert after / before == pytest.approx(1.8943, abs=1e-4)
    assert math.exp(50e3 / R * (1 / 298.15 - 1 / 308.15)) == pytest.approx(1.9243, abs=1e-4)
    assert 1.8 < after / before < 2.1
    assert before == pytest.approx(9.028e-9, rel=1e-3)


def test_catalyst_increases_the_fraction_and_curve_is_unchanged():
    without = simulate(EnergyDistributionParams(catalyst_reduction_kj_mol=0))
    with_catalyst = simulate(EnergyDistributionParams(catalyst_reduction_kj_mol=10))
    np.testing.assert_array_equal(without.energy_pdf, with_catalyst.energy_pdf)
    assert with_catalyst.fraction_above_catalysed_ea > with_catalyst.fraction_above_ea
    assert without.fraction_above_catalysed_ea == without.fraction_above_ea
    # 50 → 40 kJ/mol at 298 K: ≈ e^{10 kJ/mol / RT} × √(40/50) correction ≈ 51 times.
    assert with_catalyst.catalyst_ratio == pytest.approx(50.9, rel=0.01)


def test_energy_distribution_does_not_depend_on_molar_mass_but_speeds_do():
    light = simulate(EnergyDistributionParams(molar_mass_g_mol=2.016))
    heavy = simulate(EnergyDistributionParams(molar_mass_g_mol=44.009))
    np.testing.assert_allclose(light.energy_pdf, heavy.energy_pdf, rtol=1e-12)
    assert light.fraction_above_ea == heavy.fraction_above_ea
    assert light.rms_speed_m_s > 4 * heavy.rms_speed_m_s


def test_simulate_grids_cover_ea_and_the_hot_curve():
    result = simulate(EnergyDistributionParams(activation_energy_kj_mol=200, temperature_k=150))
    assert result.energies_kj_mol[-1] >= 2.5 * 200
    assert result.speeds_m_s[-1] >= 2.5 * result.activation_speed_m_s
    # The curves are sampled finely enough to integrate to 1 with the trapezium rule
    # (within 0.5%: the √E start of g(E) is the only rough spot; 15% was lost on an even grid).
    assert np.trapezoid(result.energy_pdf, result.energies_kj_mol) == pytest.approx(1, abs=5e-3)
    assert np.trapezoid(result.speed_pdf, result.speeds_m_s) == pytest.approx(1, abs=1e-3)


@pytest.mark.parametrize(
    "field, value, range_text",
    [
        ("temperature_k", 0, "(0, 10000] K"),
        ("comparison_temperature_k", -5, "(0, 10000] K"),
        ("activation_energy_kj_mol", 0, "(0, 1000] kJ/mol"),
        ("catalyst_reduction_kj_mol", -1, "[0, 50) kJ/mol"),
        ("catalyst_reduction_kj_mol", 50, "[0, 50) kJ/mol"),
        ("molar_mass_g_mol", 0, "(0, 1000] g/mol"),
        ("molar_mass_g_mol", float("nan"), "(0, 1000] g/mol"),
    ],
)
def test_out_of_range_parameters_raise_value_error_naming_field_and_range(field, value, range_text):
    with pytest.raises(ValueError) as error:
        EnergyDistributionParams(**{field: value})
    assert field in str(error.value) and range_text in str(error.value)


def test_function_arguments_are_validated():
    with pytest.raises(ValueError, match="molar_mass_g_mol"):
        ed.maxwell_boltzmann_pdf(100, -2, 300)
    with pytest.raises(ValueError, match="temperature_k"):
        ed.energy_pdf(1.0, 0)
    with pytest.raises(ValueError, match="activation_energy_kj_mol must be >= 0"):
        ed.fraction_above(-1, 300)
    with pytest.raises(ValueError, match="temperature_k must be a number"):
        ed.rms_speed(28, "hot")


def test_params_are_frozen():
    with pytest.raises(AttributeError):
        EnergyDistributionParams().temperature_k = 400


def test_describe_states_fractions_ratio_catalyst_and_speed():
    text = ed.describe(simulate(EnergyDistributionParams()))
    assert "298 K" in text and "308 K" in text and "Ea = 50 kJ/mol" in text
    assert "8.94 × 10⁻⁹" in text and "1.9 times" in text
    assert "40 kJ/mol" in text and "50.9 times" in text
    assert "515 m/s" in text
    plain = ed.describe(simulate(EnergyDistributionParams(catalyst_reduction_kj_mol=0)))
    assert "catalyst" not in plain


def test_format_fraction():
    assert ed.format_fraction(0.0123) == "0.0123"
    assert ed.format_fraction(1.7e-9) == "1.70 × 10⁻⁹"
    assert ed.format_fraction(0) == "0"


def test_to_table_has_columns_with_units():
    result = simulate(EnergyDistributionParams())
    table = ed.to_table(result)
    assert table.headers[0] == "energy / kJ/mol"
    assert table.headers[1] == "fraction per kJ/mol at 298 K / mol/kJ"
    assert "fraction with at least this energy at 308 K" in table.columns
    assert len(table) == len(result.energies_kj_mol)
    np.testing.assert_allclose(table.column("fraction with at least this energy at 298 K"),
                               result.fraction_above_energy)

