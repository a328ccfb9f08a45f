"""Rates of reaction: Arrhenius, integrated rate laws, the collision-theory particle box
and the two virtual practicals, against analytic results.

References:
* Arrhenius equation k = A e^(−Ea/RT), R = 8.314 J mol⁻¹ K⁻¹ (IUPAC Gold Book,
  "Arrhenius equation"); 50 kJ/mol from 298 K to 308 K gives a ratio of 1.93 — the
  "rate doubles for a 10 °C rise" rule of thumb (Atkins' Physical Chemistry, ch. on
  reaction rates).
* Integrated rate laws and half-lives [A]₀/2k, ln2/k, 1/(k[A]₀) (Atkins, same chapter).
* 2D collision theory for discs of diameter d: Z_AB = n_A n_B · 2d · √(πkT/m) (equal
  masses), times the hard-disc contact value (1 − 7φ/16)/(1 − φ)² (D. Henderson, Mol.
  Phys. 30, 971 (1975)); the flux-weighted fraction of collisions whose line-of-centres
  energy exceeds Ea is exp(−Ea/RT) (line-of-centres model, e.g. Atkins).
* Mg + 2HCl → MgCl₂ + H₂; molar gas volume 24 dm³/mol at RTP (AQA GCSE Chemistry 8462,
  §4.3.5, and other GCSE data sheets).
"""

import math
import subprocess
import sys

import numpy as np
import pytest
from scipy.optimize import curve_fit

from stemcpd.chemistry import rates
from stemcpd.chemistry.rates import RatesParams, simulate
from stemcpd.physics.gas.model import ks_distance
from stemcpd.practical import counted_fraction, fit_line, with_uncertainty
from stemcpd.thermal import kinetic_temperature_k, net_momentum


# ----- Arrhenius -------------------------------------------------------------------------

def test_arrhenius_ratio_published_example():
    assert rates.arrhenius_ratio(50, 298, 308) == pytest.approx(1.93, abs=0.005)
    assert rates.arrhenius_ratio(50, 298, 308) == pytest.approx(math.exp(50000 / 8.314 * (1 / 298 - 1 / 308)),
                                                                rel=1e-12)


def test_arrhenius_ratio_limits_and_symmetry():
    assert rates.arrhenius_ratio(80, 300, 300) == 1.0
    assert rates.arrhenius_ratio(0, 300, 400) == 1.0  # no barrier: no temperature effect
    assert rates.arrhenius_ratio(60, 300, 320) * rates.arrhenius_ratio(60, 320, 300) == pytest.approx(1.0)
    assert rates.arrhenius_ratio(100, 298, 308) > rates.arrhenius_ratio(50, 298, 308) > 1
    with pytest.raises(ValueError, match=r"t1_k must be in \(0, 10000\] K"):
        rates.arrhenius_ratio(50, 0, 300)
    with pytest.raises(ValueError, match="ea_kj_per_mol"):
        rates.arrhenius_ratio(-1, 300, 310)


# ----- integrated rate laws --------------------------------------------------------------

@pytest.mark.parametrize("order, expected", [(0, 0.5 / (2 * 0.01)), (1, math.log(2) / 0.01), (2, 1 / (0.01 * 0.5))])
def test_half_lives_match_textbook_formulae(order, expected):
    t_half = rates.half_life(order=order, rate_constant=0.01, initial_concentration=0.5)
    assert t_half == pytest.approx(expected, rel=1e-12)
    at_half = rates.concentration_at(t_half, order=order, rate_constant=0.01, initial_concentration=0.5)
    assert at_half == pytest.approx(0.25, rel=1e-12)


def test_half_life_dependence_on_starting_concentration():
    # Zero order: t½ ∝ [A]₀; first order: constant; second order: ∝ 1/[A]₀.
    t = {order: [rates.half_life(order=order, rate_constant=0.02, initial_concentration=a0) for a0 in (0.5, 1.0)]
         for order in (0, 1, 2)}
    assert t[0][1] / t[0][0] == pytest.approx(2.0)
    assert t[1][1] / t[1][0] == pytest.approx(1.0)
    assert t[2][1] / t[2][0] == pytest.approx(0.5)
    # First order: successive half-lives are equal.
    c = rates.concentration_at([0, 34.657, 69.315, 103.972], order=1, rate_constant=0.02, initial_concentration=1)
    np.testing.assert_allclose(c, [1, 0.5, 0.25, 0.125], rtol=1e-4)


@pytest.mark.parametrize("order", [1, 2])
def test_numerical_integration_matches_analytic_and_is_step_independent(order):
    kwargs = dict(order=order, rate_constant=0.05, initial_concentration=0.8, duration_s=60.0)
    exact = lambda t: rates.concentration_at(t, order=order, rate_constant=0.05, initial_concentration=0.8)
    coarse_t, coarse = rates.integrate_rate_law(**kwargs, time_step_s=1.0)
    fine_t, fine = rates.integrate_rate_law(**kwargs, time_step_s=0.5)
    error_coarse = np.max(np.abs(coarse - exact(coarse_t)))
    error_fine = np.max(np.abs(fine - exact(fine_t)))
    assert error_fine < 1e-7
    # RK4: halving the step divides the error by about 16.
    assert 12 < error_coarse / error_fine < 20
    np.testing.assert_allclose(coarse, fine[::2], atol=2e-7)


def test_zero_order_integration_is_exact_and_stops_at_zero():
    times, values = rates.integrate_rate_law(order=0, rate_constant=0.01, initial_concentration=0.5,
                                             duration_s=80.0, time_step_s=0.5)
    exact = rates.concentration_at(times, order=0, rate_constant=0.01, initial_concentration=0.5)
    np.testing.assert_allclose(values, exact, atol=1e-12)
    assert values[-1] == 0.0 and np.all(values >= 0)


def test_rate_law_arguments_are_validated():
    with pytest.raises(ValueError, match="order"):
        rates.half_life(order=3, rate_constant=1, initial_concentration=1)
    with pytest.raises(ValueError, match="rate_constant"):
        rates.concentration_at(1.0, order=1, rate_constant=0, initial_concentration=1)
    with pytest.raises(ValueError, match="time_step_s"):
        rates.integrate_rate_law(order=1, rate_constant=1, initial_concentration=1, duration_s=1, time_step_s=2)


# ----- the particle box --------------------------------------------------------------------

def test_collision_frequency_scales_with_a_times_b():
    """Doubling the concentration of A and B in the same box quadruples the A–B collision
    rate. Tolerance 12 %: over seeds 0–4 the ratio scatters by up to 10 % (the counts are
    ~10⁴, but collisions are correlated: the same neighbours meet again), and at the
    higher density a few more collisions (≤ 6 %) are missed or deferred when a particle
    meets two others in one step."""
    low = rates.collision_statistics(RatesParams(number_of_particles=400, concentration_mol_dm3=1.0), steps=1200)
    # Same box side: twice the particles at twice the concentration.
    high = rates.collision_statistics(RatesParams(number_of_particles=800, concentration_mol_dm3=2.0), steps=1200)
    assert RatesParams(number_of_particles=800, concentration_mol_dm3=2.0).box_side_nm == pytest.approx(
        RatesParams(number_of_particles=400, concentration_mol_dm3=1.0).box_side_nm)
    assert high["ab_per_ps"] / low["ab_per_ps"] == pytest.approx(4.0, rel=0.12)
    # Absolute rate against 2D collision theory, within 10 %.
    for stats in (low, high):
        assert stats["ab_per_ps"] == pytest.approx(stats["theory_ab_per_ps"], rel=0.10)


def test_energetic_fraction_matches_exp_minus_ea_over_rt_over_seeds_and_two_temperatures():
    """What the box counts: A–B collisions whose kinetic energy of relative motion along
    the line of centres, ½μv_n² (μ = m/2), is at least Ea. Collisions happen at a rate
    proportional to v_n, and v_n, one component of a Maxwell–Boltzmann relative
    velocity, is normally distributed whatever the number of dimensions, so the
    fraction is ∫ v e^(−μv²/2kT) dv from the threshold ÷ the same from 0 = exp(−Ea/RT),
    in 2D exactly as in 3D (the line-of-centres model: IUPAC Gold Book, "line-of-centres
    model", Pure Appl. Chem. 68, 149 (1996); its 3D rate constant in Atkins' Physical
    Chemistry, collision theory). It is NOT the
    fraction of collisions whose total relative kinetic energy exceeds Ea — that is
    (1 + x)e^(−x) in 3D and erfc√x + 2√(x/π)e^(−x) in 2D, x = Ea/RT. With a fixed total
    energy the exact value is (1 − Ea/(N R T))^(N − ½), 0.6 % lower for 300 particles:
    far inside the tolerance.

    Tolerance: each seed within 3 of its stated (binomial) uncertainties, and the
    pooled fraction of six seeds within 3 pooled uncertainties. Before the thermal
    start, seeds 0–4 at 300 K gave 0.069 to 0.108 against 0.090."""
    for temperature, ea in ((300, 6.0), (450, 6.0), (300, 10.0)):
        theory = rates.successful_fraction(ea, temperature)
        energetic = counted = 0
        for seed in range(6):
            stats = rates.collision_statistics(
                RatesParams(temperature_k=temperature, activation_energy_kj_mol=ea, seed=seed), steps=600)
            assert stats["theory_fraction"] == theory
            assert abs(stats["energetic_fraction"] - theory) <= 3 * stats["energetic_fraction_uncertainty"]
            energetic, counted = energetic + stats["energetic"], counted + stats["ab_collisions"]
        pooled, pooled_uncertainty = counted_fraction(energetic, counted)
        assert abs(pooled - theory) <= 3 * pooled_uncertainty, (temperature, ea, pooled, theory, pooled_uncertainty)


def test_stated_uncertainties_match_the_spread_over_seeds():
    """The app's run (300 particles, 500 steps, reacting) for 20 seeds: the spread of the
    share of collisions with enough energy matches the binomial uncertainty each run
    states (within a factor 1.5; measured 1.02 at 300 K), and its mean agrees with
    exp(−Ea/RT) within 3 standard errors of the mean.

    The product count's stated uncertainty √(P(1 − P/n₀)) is a deliberate upper bound:
    each reaction uses up some of the fast tail the next one needs, so reactions are
    anticorrelated over tens of picoseconds and whole runs scatter less than any count
    from within one run suggests (block counts inside a run look Poisson, √P). Measured
    spread ÷ stated: 0.61 over seeds 0–39 at 300 K, 0.43 over seeds 0–19, 0.6–0.8 at
    200 K, 600 K, with a catalyst and with 100 particles. The test asks that it never
    understates (ratio below 1.2, allowing for 20 seeds' noise) and overstates at most
    2.5-fold. Estimating it from the supply of energetic collisions instead,
    P√((1 − p)/E), fits better on average (0.9–1.4) but understates in some conditions,
    and would let the app show 300 K "clearly" faster than 310 K at the default seed."""
    runs = [simulate(RatesParams(seed=seed)) for seed in range(20)]
    shares = np.array([run.energetic_fraction for run in runs])
    stated = math.sqrt(np.mean([run.energetic_fraction_uncertainty**2 for run in runs]))
    assert 1 / 1.5 < shares.std(ddof=1) / stated < 1.5
    theory = runs[0].theoretical_successful_fraction
    assert abs(shares.mean() - theory) < 3 * shares.std(ddof=1) / math.sqrt(len(runs))
    assert sum(run.energetic_agreement.agrees for run in runs) >= 17  # ~95 % agree within 2σ
    products = np.array([run.products[-1] for run in runs], dtype=float)
    stated_products = math.sqrt(np.mean([run.products_uncertainty**2 for run in runs]))
    assert 0.4 < products.std(ddof=1) / stated_products < 1.2


def test_successful_fraction_rises_with_temperature_and_with_a_catalyst():
    base = simulate(RatesParams(number_of_particles=600, temperature_k=300))
    hot = simulate(RatesParams(number_of_particles=600, temperature_k=500))
    catalysed = simulate(RatesParams(number_of_particles=600, temperature_k=300, catalyst=True))
    assert hot.measured_successful_fraction > 1.5 * base.measured_successful_fraction
    assert catalysed.measured_successful_fraction > 2.0 * base.measured_successful_fraction
    assert hot.products[-1] > base.products[-1] and catalysed.products[-1] > base.products[-1]
    assert catalysed.params.effective_activation_energy_kj_mol == pytest.approx(6.0 * rates.CATALYST_FACTOR)
    # Hotter particles also collide more often (∝ √T), but that is the smaller effect
    # (counted without reactions, which would use the reactants up).
    cool_stats = rates.collision_statistics(RatesParams(number_of_particles=600, temperature_k=300), steps=400)
    hot_stats = rates.collision_statistics(RatesParams(number_of_particles=600, temperature_k=500), steps=400)
    speed_up = hot_stats["ab_per_ps"] / cool_stats["ab_per_ps"]
    assert speed_up == pytest.approx(math.sqrt(500 / 300), rel=0.1)
    # The energy factor is the bigger one: theory exp[(Ea/R)(1/300 − 1/500)] = 2.62 against
    # √(500/300) = 1.29 for the collision frequency. (This once asked for more than twice
    # the speed-up, 2.58: within 2 % of the true ratio, so it could only pass by luck.)
    ratio = hot_stats["energetic_fraction"] / cool_stats["energetic_fraction"]
    ratio_uncertainty = ratio * math.hypot(
        hot_stats["energetic_fraction_uncertainty"] / hot_stats["energetic_fraction"],
        cool_stats["energetic_fraction_uncertainty"] / cool_stats["energetic_fraction"])
    assert ratio == pytest.approx(rates.arrhenius_ratio(6.0, 300, 500), abs=3 * ratio_uncertainty)
    assert ratio > 1.5 * speed_up


def test_higher_concentration_makes_product_faster():
    dilute = simulate(RatesParams(number_of_particles=400, concentration_mol_dm3=0.5))
    concentrated = simulate(RatesParams(number_of_particles=400, concentration_mol_dm3=2.0))
    assert concentrated.products[-1] > 2 * dilute.products[-1]


def test_products_follow_collision_theory_and_atoms_are_conserved():
    run = simulate(RatesParams(number_of_particles=1000, activation_energy_kj_mol=10.0))
    half = run.params.number_of_particles // 2
    counts = np.stack([np.count_nonzero(run.species == code, axis=1) for code in range(4)], axis=1)
    np.testing.assert_array_equal(counts[:, 0] + counts[:, 2], half)  # A + C
    np.testing.assert_array_equal(counts[:, 1] + counts[:, 3], half)  # B + D
    np.testing.assert_array_equal(counts[:, 2], counts[:, 3])  # C and D form together
    assert np.all(np.diff(run.products) >= 0)
    assert run.products[-1] == run.successful_per_step.sum()
    # Product against rate = k[A][B], within 3 stated uncertainties. The simulation may
    # also run behind by up to 15 %: fast reactants are used up faster than collisions
    # replace them (over seeds 0–7 at this Ea, 0.87 ± 0.04 of the prediction; seed 0,
    # at 0.74, is 2σ low — which is why the old fixed 25 % tolerance was luck, not a test).
    predicted, sigma = run.predicted_products[-1], run.products_uncertainty
    assert 0.85 * predicted - 3 * sigma <= run.products[-1] <= predicted + 3 * sigma


def test_box_conserves_kinetic_energy_and_is_seeded():
    params = RatesParams(number_of_particles=400)
    positions, velocities, species = rates.initial_box(params)
    energy = np.sum(velocities**2)
    rates.advance_box(positions, velocities, species, 0.2, params.box_side_nm, rates.threshold_speed2(6.0), 300)
    assert np.sum(velocities**2) == pytest.approx(energy, rel=1e-10)
    side = params.box_side_nm
    assert np.all((positions >= 0) & (positions <= side))
    a, b = simulate(RatesParams(seed=4)), simulate(RatesParams(seed=4))
    np.testing.assert_array_equal(a.positions_nm, b.positions_nm)
    assert not np.array_equal(a.positions_nm, simulate(RatesParams(seed=5)).positions_nm)


def test_starting_box_has_no_overlaps_and_maxwell_boltzmann_speeds():
    params = RatesParams(number_of_particles=2000, concentration_mol_dm3=3.0)
    positions, velocities, species = rates.initial_box(params)
    from stemcpd.physics.gas.model import overlapping_pairs

    assert overlapping_pairs(positions, 0.40)[0].size == 0
    assert np.count_nonzero(species == 0) == np.count_nonzero(species == 1) == 1000
    # ⟨v²⟩ = 2kT/m in 2D, exactly (the start is rescaled), and Maxwell–Boltzmann speeds.
    sigma2 = 1.380649e-23 * 300 / (30 * 1.66054e-27) / 1e6
    assert np.mean(np.sum(velocities**2, axis=1)) == pytest.approx(2 * sigma2, rel=1e-12)
    speeds = np.linalg.norm(velocities, axis=1) * 1000.0
    assert ks_distance(speeds, 300.0, rates.model.PARTICLE_MASS_KG) < 1.63 / math.sqrt(2000)


@pytest.mark.parametrize("temperature_k, concentration, particles",
                         [(300, 1.0, 300), (310, 0.5, 100), (600, 2.0, 1000)])
def test_starting_box_is_exactly_the_state_the_controls_name_for_every_seed(temperature_k, concentration, particles):
    """Before the shared thermal start, seeds 0–4 at 300 K gave 0.93× to 1.08× the set
    temperature and a drifting box. Now: kinetic temperature equal to the set value to
    1e-9 (relative), net momentum zero to 1e-12 (relative to m v_rms √N), exactly N/2
    A and N/2 B, and the box that gives the set concentration."""
    for seed in range(25):
        params = RatesParams(temperature_k=temperature_k, concentration_mol_dm3=concentration,
                             number_of_particles=particles, seed=seed)
        positions, velocities, species = rates.initial_box(params)
        mass = rates.model.PARTICLE_MASS_KG
        assert kinetic_temperature_k(velocities, mass, 1000.0) == pytest.approx(temperature_k, rel=1e-9)
        scale = mass * math.sqrt(np.sum(velocities**2)) * 1000.0
        assert np.max(np.abs(net_momentum(velocities, mass, 1000.0))) < 1e-12 * scale
        assert np.count_nonzero(species == 0) == np.count_nonzero(species == 1) == particles // 2
        assert positions.shape == (particles, 2)
        per_nm2 = (particles / 2) / params.box_side_nm**2
        assert per_nm2 / (rates.model.DENSITY_PER_NM2_PER_MOL_DM3 / 2) == pytest.approx(concentration, rel=1e-12)


@pytest.mark.parametrize(
    "field, value, range_text",
    [("temperature_k", 50, "[100, 1000] K"), ("concentration_mol_dm3", 0, "(0, 3] mol/dm³"),
     ("catalyst", 1, "True or False"), ("number_of_particles", 5, "[10, 2000]"), ("number_of_particles", 301, "even"),
     ("activation_energy_kj_mol", 0, "(0, 200] kJ/mol"), ("seed", -1, "seed")],
)
def test_out_of_range_parameters_raise_naming_field_and_range(field, value, range_text):
    with pytest.raises(ValueError) as error:
        RatesParams(**{field: value})
    assert field in str(error.value) and range_text in str(error.value)


def test_describe_and_table_state_each_random_result_with_its_uncertainty():
    run = simulate(RatesParams(catalyst=True))
    text = rates.describe(run)
    assert "300 K" in text and "with a catalyst" in text and "3.0 kJ/mol" in text
    assert text.count(". ") == 1 and text.endswith(".")  # two sentences
    assert f"{int(run.ab_collisions_per_step.sum())} A–B collisions" in text
    energetic = with_uncertainty(run.energetic_fraction, run.energetic_fraction_uncertainty, " %", 100)
    assert f"{energetic} of the {int(run.collisions_per_step.sum()):,} collisions" in text
    theory = f"the collision-theory value of {run.theoretical_successful_fraction * 100:.1f} %"
    assert run.energetic_agreement.words(theory) in text
    assert f"{run.products[-1]} ± {round(run.products_uncertainty)} of the 150 A particles" in text
    table = rates.to_table(run)
    assert table.headers == ["time / ps", "product pairs formed", "uncertainty of product pairs",
                             "collision-theory prediction", "collisions so far", "collisions with enough energy / %",
                             "uncertainty of share with enough energy / %"]
    np.testing.assert_array_equal(table.column("product pairs formed"), run.products)
    assert len(table) == len(run.times_ps) == 101
    # The last row is the whole run, as the readout states it.
    assert table.column("collisions so far")[-1] == run.collisions_per_step.sum()
    assert table.column("collisions with enough energy")[-1] == pytest.approx(100 * run.energetic_fraction)
    assert table.column("uncertainty of share with enough energy")[-1] == pytest.approx(
        100 * run.energetic_fraction_uncertainty)
    assert table.column("uncertainty of product pairs")[-1] == pytest.approx(run.products_uncertainty)
    assert f"{run.theoretical_successful_fraction * 100:.1f} %" in table.title


# ----- magnesium + hydrochloric acid ------------------------------------------------------------

def test_final_hydrogen_volume_from_stoichiometry():
    # 0.050 g Mg = 2.058 mmol → 2.058 mmol H₂ × 24 000 cm³/mol = 49.4 cm³ (acid in excess).
    assert rates.hydrogen_final_volume_cm3(0.050, 1.0, 50.0) == pytest.approx(0.050 / 24.3 * 24000, rel=1e-12)
    # Acid limiting: 10 cm³ of 0.1 mol/dm³ HCl = 1 mmol HCl → 0.5 mmol H₂ = 12 cm³.
    assert rates.hydrogen_final_volume_cm3(0.5, 0.1, 10.0) == pytest.approx(12.0)
    curve = rates.gas_volume_cm3(np.linspace(0, 600, 601))
    assert curve[0] == 0 and np.all(np.diff(curve) > 0)
    assert curve[-1] == pytest.approx(rates.hydrogen_final_volume_cm3(0.050, 1.0, 50.0), rel=1e-6)


def test_initial_rate_trends():
    base = rates.magnesium_initial_rate_cm3_s(0.05, 1.0)
    assert rates.magnesium_initial_rate_cm3_s(0.05, 2.0) == pytest.approx(2 * base)
    assert rates.magnesium_initial_rate_cm3_s(0.05, 1.0, surface_factor=5.0) == pytest.approx(5 * base)
    assert rates.magnesium_initial_rate_cm3_s(0.05, 1.0, temperature_k=303) == pytest.approx(
        base * rates.arrhenius_ratio(35.0, 293, 303))
    # The gradient of V(t) at t = 0 is the initial rate.
    assert (rates.gas_volume_cm3(1e-4) / 1e-4) == pytest.approx(base, rel=1e-4)


def test_gas_practical_recovers_rate_and_final_volume_and_shows_lost_gas():
    final = rates.hydrogen_final_volume_cm3(0.050, 1.0, 50.0)
    true_rate = rates.magnesium_initial_rate_cm3_s(0.050, 1.0)
    lost = float(rates.gas_volume_cm3(2.0))
    for seed in range(5):
        table = rates.virtual_practical(seed=seed)
        t, v = table.column("time"), table.column("volume of hydrogen")
        np.testing.assert_array_equal(v, np.round(v))  # syringe read to 1 cm³
        assert v[0] == 0 and t[1] - t[0] == 5.0
        model = lambda t, a, tau, c: a * (1 - np.exp(-t / tau)) + c
        (a, tau, c), _ = curve_fit(model, t[1:], v[1:], p0=(40, 20, 0))
        # Fitted plateau height within 5 % of the stoichiometric 49.4 cm³; initial rate a/τ
        # within 15 % of the model's 2.5 cm³/s.
        assert a == pytest.approx(final, rel=0.05)
        assert a / tau == pytest.approx(true_rate, rel=0.15)
        # The systematic error: every volume low by the gas lost before the bung (≈ 4.8 cm³).
        assert c == pytest.approx(-lost, abs=2.5)
        assert np.mean(v[-3:]) == pytest.approx(final - lost, abs=1.5)
    no_loss = rates.virtual_practical(bung_delay_s=0, seed=0)
    assert np.mean(no_loss.column("volume of hydrogen")[-3:]) == pytest.approx(final, abs=1.5)
    np.testing.assert_array_equal(rates.virtual_practical(seed=2).data, rates.virtual_practical(seed=2).data)


def test_gas_practical_validates():
    with pytest.raises(ValueError, match="overflow the 100 cm³ gas syringe"):
        rates.virtual_practical(magnesium_g=0.2)
    with pytest.raises(ValueError, match="readings"):
        rates.virtual_practical(readings=2)
    with pytest.raises(ValueError, match="magnesium_g"):
        rates.virtual_practical(magnesium_g=0)


# ----- disappearing cross ------------------------------------------------------------------------

def test_cross_time_is_inversely_proportional_to_concentration():
    times = rates.cross_time_s([8, 16, 32])
    np.testing.assert_allclose(times * [8, 16, 32], 30 * 40)
    assert rates.cross_time_s(40, 303) == pytest.approx(30 / rates.arrhenius_ratio(55, 293, 303))
    with pytest.raises(ValueError, match="concentration_g_dm3"):
        rates.cross_time_s([10, 0])


def test_thiosulfate_practical_gives_one_over_t_proportional_to_concentration():
    gradients = []
    for seed in range(5):
        table = rates.thiosulfate_practical(seed=seed)
        c, rate = table.column("concentration of thiosulfate"), table.column("1 / mean time")
        gradient, intercept, gradient_error, _ = fit_line(c, rate)
        assert np.corrcoef(c, rate)[0, 1] > 0.99
        # A straight line near the origin (intercept small next to the largest 1/t).
        assert abs(intercept) < 0.05 * rate.max()
        gradients.append(gradient)
        # The systematic error: the late start makes every time about 1 s short.
        true = rates.cross_time_s(c)
        assert np.mean(table.column("mean time") - true) == pytest.approx(-1.0, abs=0.8)
    # Gradient 1/(30 s × 40 g/dm³) within 10 %, and high on average (times too short).
    assert np.mean(gradients) == pytest.approx(1 / 1200, rel=0.10)
    assert np.mean(gradients) > 1 / 1200
    with pytest.raises(ValueError, match="thiosulfate_ml"):
        rates.thiosulfate_practical(thiosulfate_ml=[10, 60])


def test_model_import_does_not_pull_in_plotting_or_widgets():
    code = ("import sys, stemcpd.chemistry.rates; "
            "sys.exit(1 if {'matplotlib', 'ipywidgets'} & set(sys.modules) else 0)")
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0


@pytest.mark.parametrize("changes", [{}, {"activation_energy_kj_mol": 2.0}, {"catalyst": True, "temperature_k": 500.0}])
def test_run_relabelled_from_kept_motion_equals_stepping_the_box_with_reactions(changes):
    # simulate keeps the motion (which no activation energy or catalyst changes) and
    # labels its collisions in one pass: the result must be advance_box's, exactly.
    from stemcpd.chemistry.rates import model

    params = RatesParams(number_of_particles=120, seed=5, **changes)
    model.simulate(RatesParams(number_of_particles=120, seed=5, activation_energy_kj_mol=11.0,
                               temperature_k=params.temperature_k), steps=200, frames=20)  # motion now kept
    run = model.simulate(params, steps=200, frames=20)
    positions, velocities, species = model.initial_box(params)
    threshold = model.threshold_speed2(params.effective_activation_energy_kj_mol)
    frames_species, counts = [species.copy()], []
    for _ in range(20):
        counts.append(model.advance_box(positions, velocities, species, model.TIME_STEP_PS, params.box_side_nm,
                                        threshold, 10))
        frames_species.append(species.copy())
    counts = np.concatenate(counts)
    assert np.array_equal(run.positions_nm[-1], positions.astype(np.float32))
    assert np.array_equal(run.species, np.array(frames_species))
    for column, name in enumerate(("collisions_per_step", "ab_collisions_per_step", "successful_per_step",
                                   "energetic_per_step")):
        assert np.array_equal(getattr(run, name), counts[:, column]), name
    assert run.products[-1] > 0
