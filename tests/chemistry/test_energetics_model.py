"""Energetics model against hand calculations and published values.

References:
* ΔH of neutralisation, HCl + NaOH: −57.1 kJ/mol (strong acid/alkali pairs −57 to −58
  kJ/mol; J. Clark, chemguide.co.uk, "Enthalpy change of neutralisation").
* Zn + Cu²⁺: ΔH = ΔfH°(Zn²⁺,aq) − ΔfH°(Cu²⁺,aq) = −153.89 − 64.77 = −218.66 kJ/mol
  (NBS tables, Wagman et al. 1982).
* Mean bond energies as given in AQA GCSE questions: H–H 436, Cl–Cl 243, H–Cl 432,
  C–H 413, O=O 498, C=O 805, O–H 464 kJ/mol. Hand values: H₂ + Cl₂ → 2HCl
  436 + 243 − 2×432 = −185 kJ/mol; CH₄ + 2O₂ → CO₂ + 2H₂O (g)
  (4×413 + 2×498) − (2×805 + 4×464) = 2648 − 3466 = −818 kJ/mol.
* Enthalpies of formation (NIST/CODATA): HCl(g) −92.31, CO₂(g) −393.51, H₂O(g) −241.83,
  CH₄(g) −74.87 kJ/mol, so 2HCl: −184.6 kJ/mol and methane (gaseous water): −802.3 kJ/mol.
"""

import numpy as np
import pytest
from scipy.integrate import solve_ivp

from stemcpd.chemistry import energetics as en
from stemcpd.chemistry.energetics import EnergeticsParams, simulate


def test_bond_energy_hydrogen_chloride_hand_value():
    assert en.bond_energy_delta_h({"H–H": 1, "Cl–Cl": 1}, {"H–Cl": 2}) == 436 + 243 - 2 * 432 == -185


def test_bond_energy_methane_combustion_hand_value():
    broken, made = en.BOND_EQUATIONS["CH₄ + 2O₂ → CO₂ + 2H₂O"]
    assert en.bond_energy_delta_h(broken, made) == (4 * 413 + 2 * 498) - (2 * 805 + 4 * 464) == -818


def test_bond_energy_values_are_the_cited_table():
    cited = {"H–H": 436, "Cl–Cl": 243, "H–Cl": 432, "C–H": 413, "O=O": 498, "C=O": 805, "O–H": 464}
    assert {bond: en.MEAN_BOND_ENERGIES_KJ_MOL[bond] for bond in cited} == cited


def test_bond_energy_estimates_agree_with_formation_enthalpies_within_a_few_percent():
    # Mean bond energies are averages: within 1% for HCl, 2.5% for methane.
    hcl = en.bond_energy_delta_h(*en.BOND_EQUATIONS["H₂ + Cl₂ → 2HCl"])
    assert hcl == pytest.approx(2 * -92.31, rel=0.01)
    methane = en.bond_energy_delta_h(*en.BOND_EQUATIONS["CH₄ + 2O₂ → CO₂ + 2H₂O"])
    assert methane == pytest.approx(-393.51 + 2 * -241.83 - -74.87, rel=0.025)


def test_bond_energy_validation():
    with pytest.raises(ValueError, match="no mean bond energy for 'C≡O'; the table has H–H"):
        en.bond_energy_delta_h({"C≡O": 1}, {})
    with pytest.raises(ValueError, match=r"number of H–H bonds must be a whole number in \[0, 100\]"):
        en.bond_energy_delta_h({"H–H": -1}, {})


def test_q_equals_mc_delta_t_hand_value():
    # 50 g × 4.18 J/(g K) × 6.8 K = 1421.2 J; per 0.025 mol → −56.85 kJ/mol.
    assert en.energy_transferred_j(50, 6.8) == pytest.approx(1421.2, rel=1e-12)
    assert en.delta_h_from_temperature_change(50, 6.8, 0.025) == pytest.approx(-56.848, rel=1e-12)
    assert en.delta_h_from_temperature_change(50, -2.0, 0.025) > 0  # cooling → endothermic


@pytest.mark.parametrize("delta_h, volume_2, tau", [
    (en.NEUTRALISATION_DELTA_H_KJ_MOL, 25.0, 5.0),
    (en.DISPLACEMENT_DELTA_H_KJ_MOL, 0.0, 40.0),
    (25.0, 25.0, 10.0),
])
def test_ideal_experiment_recovers_input_delta_h_exactly(delta_h, volume_2, tau):
    params = EnergeticsParams(delta_h_kj_mol=delta_h, volume_2_cm3=volume_2, heat_loss_per_s=0.0,
                              reaction_time_s=tau)
    run = simulate(params, duration_s=2000)
    assert run.delta_h_from_observed_kj_mol == pytest.approx(delta_h, rel=1e-9)
    assert run.delta_h_from_extrapolation_kj_mol == pytest.approx(delta_h, rel=1e-9)


def test_neutralisation_ideal_temperature_rise_hand_value():
    # 57 100 J/mol × 0.025 mol / (50 g × 4.18 J/(g K)) = 6.8301 K.
    params = EnergeticsParams()
    assert params.ideal_temperature_change_k == pytest.approx(57100 * 0.025 / (50 * 4.18), rel=1e-12)
    # Limiting reagent: 25 cm³ of 2.0 M acid with 25 cm³ of 1.0 M alkali → 0.025 mol.
    assert EnergeticsParams(concentration_1_mol_dm3=2.0).moles_limiting_mol == pytest.approx(0.025)
    # A solid in excess: only solution 1 counts, and only its mass is warmed.
    zinc = EnergeticsParams(delta_h_kj_mol=-218.7, volume_2_cm3=0)
    assert zinc.solution_mass_g == 25 and zinc.ideal_temperature_change_k == pytest.approx(52.32, abs=0.01)


def test_heat_loss_makes_delta_h_less_negative_and_extrapolation_corrects_it():
    lossy = simulate(EnergeticsParams(heat_loss_per_s=0.0008, reaction_time_s=20))
    true = en.NEUTRALISATION_DELTA_H_KJ_MOL
    assert 0.95 * true < lossy.delta_h_from_observed_kj_mol < 0  # at least 5% less negative
    # Cooling correction recovers the no-loss ΔT within 1%.
    assert lossy.extrapolated_change_k == pytest.approx(lossy.params.ideal_temperature_change_k, rel=0.01)
    assert lossy.delta_h_from_extrapolation_kj_mol == pytest.approx(true, rel=0.01)
    more = simulate(EnergeticsParams(heat_loss_per_s=0.002, reaction_time_s=20))
    assert more.delta_h_from_observed_kj_mol > lossy.delta_h_from_observed_kj_mol


def test_endothermic_cooling_correction():
    run = simulate(EnergeticsParams(delta_h_kj_mol=30, heat_loss_per_s=0.0008, reaction_time_s=20))
    assert run.observed_change_k < 0
    assert run.extrapolated_change_k == pytest.approx(run.params.ideal_temperature_change_k, rel=0.01)
    assert 0 < run.delta_h_from_observed_kj_mol < 30


def test_analytic_temperature_matches_numerical_integration():
    params = EnergeticsParams(heat_loss_per_s=0.003, reaction_time_s=30)
    ideal, rate, k = params.ideal_temperature_change_k, 1 / params.reaction_time_s, params.heat_loss_per_s
    seconds = np.linspace(0, 600, 61)
    solution = solve_ivp(lambda s, theta: ideal * rate * np.exp(-rate * s) - k * theta, (0, 600), [0.0],
                         t_eval=seconds, rtol=1e-10, atol=1e-12)
    np.testing.assert_allclose(en.temperature_rise_k(params, seconds), solution.y[0], atol=1e-7)
    # The special case 1/τ = k uses the limit formula; it must join on smoothly.
    equal = EnergeticsParams(heat_loss_per_s=0.01, reaction_time_s=100)
    near = EnergeticsParams(heat_loss_per_s=0.01, reaction_time_s=100.001)
    np.testing.assert_allclose(en.temperature_rise_k(equal, seconds), en.temperature_rise_k(near, seconds), rtol=1e-4)


def test_sampling_does_not_change_the_results():
    params = EnergeticsParams(heat_loss_per_s=0.001, reaction_time_s=10)
    coarse, fine = simulate(params, samples=601), simulate(params, samples=6001)
    np.testing.assert_allclose(np.interp(coarse.times_s, fine.times_s, fine.temperature_c), coarse.temperature_c,
                               atol=1e-2)
    assert coarse.extrapolated_change_k == pytest.approx(fine.extrapolated_change_k, rel=2e-3)
    assert coarse.observed_change_k == pytest.approx(fine.observed_change_k, rel=2e-3)


def test_profile_peak_is_reactants_plus_ea_and_ends_at_delta_h():
    for delta_h, ea in ((-57.1, 80), (30, 120), (-218.7, 60)):
        progress, energy = en.reaction_profile(delta_h, ea)
        assert energy.max() == pytest.approx(ea, rel=1e-12)
        assert energy[0] == 0 and energy[-1] == pytest.approx(delta_h, abs=1e-12)
        assert progress[np.argmax(energy)] == pytest.approx(0.5)


def test_catalyst_lowers_peak_not_delta_h_or_temperature():
    plain = simulate(EnergeticsParams(activation_energy_kj_mol=100))
    catalysed = simulate(EnergeticsParams(activation_energy_kj_mol=100, catalyst_reduction_percent=40))
    assert catalysed.catalysed_profile_kj_mol.max() == pytest.approx(60.0)
    assert catalysed.catalysed_profile_kj_mol[-1] == pytest.approx(plain.profile_kj_mol[-1])
    np.testing.assert_array_equal(plain.temperature_c, catalysed.temperature_c)
    endo = EnergeticsParams(delta_h_kj_mol=40, activation_energy_kj_mol=100, catalyst_reduction_percent=50)
    assert endo.catalysed_activation_energy_kj_mol == pytest.approx(70.0)  # half the hump above products


def test_validation_names_field_and_range():
    with pytest.raises(ValueError, match=r"activation_energy_kj_mol must be in \(30, 1000\] kJ/mol, got 20"):
        EnergeticsParams(delta_h_kj_mol=30, activation_energy_kj_mol=20)
    with pytest.raises(ValueError, match=r"volume_1_cm3 must be in \(0, 500\] cm³, got -5"):
        EnergeticsParams(volume_1_cm3=-5)
    with pytest.raises(ValueError, match=r"catalyst_reduction_percent must be in \[0, 95\] %"):
        EnergeticsParams(catalyst_reduction_percent=100)
    with pytest.raises(ValueError, match=r"heat_loss_per_s must be in \[0, 0.05\]"):
        EnergeticsParams(heat_loss_per_s=-0.1)
    with pytest.raises(ValueError, match=r"delta_h_kj_mol must be in \[-500, 200\]"):
        EnergeticsParams(delta_h_kj_mol=-900)
    with pytest.raises(ValueError, match=r"mix_at_s must be in \[0, 600\) s"):
        simulate(mix_at_s=600)
    with pytest.raises(ValueError, match="at least one reading before mixing"):
        en.extrapolated_temperature_change([0, 10, 20, 30], [20, 25, 24, 23], mix_at_s=0)


def test_describe_speaks_the_key_numbers():
    text = en.describe(simulate(EnergeticsParams(heat_loss_per_s=0)))
    assert "0.0250 mol reacting" in text and "rises by at most 6.83 °C" in text
    assert "ΔH = -57.1 kJ/mol against the true -57.1 kJ/mol" in text
    assert "exothermic profile peaks 80 kJ/mol" in text
    endo = en.describe(simulate(EnergeticsParams(delta_h_kj_mol=20, volume_2_cm3=0)))
    assert "falls by" in endo and "a solid in excess" in endo and "endothermic" in endo


def test_tables_have_columns_and_units():
    run = simulate()
    table = en.to_table(run)
    assert table.headers == ["time / s", "temperature / °C", "temperature with no heat loss / °C"]
    assert len(table) == 601
    profile = en.profile_table(run)
    assert profile.headers == ["progress of reaction", "energy / kJ/mol", "energy with catalyst / kJ/mol"]


def test_virtual_practical_seeded_shows_heat_loss_and_extrapolation_recovers():
    table = en.virtual_practical(seed=1)
    assert table.to_csv() == en.virtual_practical(seed=1).to_csv()
    assert table.to_csv() != en.virtual_practical(seed=2).to_csv()
    assert table.headers == ["time / s", "temperature run 1 / °C", "temperature run 2 / °C",
                             "temperature run 3 / °C"]
    times = table.column("time")
    np.testing.assert_allclose(table.data[:, 1:] * 10, np.round(table.data[:, 1:] * 10), atol=1e-9)  # 0.1 °C
    true = en.NEUTRALISATION_DELTA_H_KJ_MOL
    observed, corrected = [], []
    for seed in range(4):
        table = en.virtual_practical(seed=seed)
        for column in range(1, 4):
            readings = table.data[:, column]
            start = readings[times < 180].mean()
            observed.append(en.delta_h_from_temperature_change(50, en.extreme_change(start, readings), 0.025))
            change = en.extrapolated_temperature_change(times, readings, 180)[0]
            corrected.append(en.delta_h_from_temperature_change(50, change, 0.025))
    # Systematic error: the highest reading gives ΔH at least 4% less negative than true.
    assert np.mean(observed) > 0.96 * true
    # The cooling correction recovers it: mean within 2.5%, each run within 5%.
    assert np.mean(corrected) == pytest.approx(true, rel=0.025)
    np.testing.assert_allclose(corrected, true, rtol=0.05)


def test_virtual_practical_coarse_thermometer_and_validation():
    table = en.virtual_practical(thermometer_resolution_c=0.5, seed=0)
    np.testing.assert_allclose(table.data[:, 1:] * 2, np.round(table.data[:, 1:] * 2), atol=1e-9)
    with pytest.raises(ValueError, match=r"repeats must be a whole number in \[1, 10\]"):
        en.virtual_practical(repeats=0)

