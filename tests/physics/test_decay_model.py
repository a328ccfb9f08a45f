"""Radioactive decay model against the exponential law and binomial statistics.

References:
* Exponential law N = N₀e^(−λt), λ = ln2/t½, A = λN (any A-level text, e.g. AQA
  A-level Physics specification 3.8.1.2).
* A nucleus survives n steps of probability p with probability (1 − p)ⁿ, independently
  of the others, so the number left is Binomial(N₀, (1 − p)ⁿ): mean N₀(1 − p)ⁿ,
  variance N₀q(1 − q) with q = (1 − p)ⁿ. Statistical tolerances below are 4 standard
  errors of the mean over the seeds (a false alarm about 1 time in 16 000 per check).
* Dice model: p = 1/6 per throw, half-life ln2 / ln(6/5) = 3.80 throws.
"""

import math

import numpy as np
import pytest

from stemcpd.physics import decay
from stemcpd.physics.decay import DecayParams, simulate
from stemcpd.practical import with_uncertainty

SEEDS = range(400)


def test_exponential_law_analytic_values():
    assert decay.decay_constant(math.log(2)) == pytest.approx(1.0, rel=1e-15)
    np.testing.assert_allclose(decay.remaining(1000, 60.0, [0, 60, 120, 180]), [1000, 500, 250, 125], rtol=1e-12)
    # Activity: λN, e.g. 1000 nuclei with t½ = 60 s → 11.55 Bq at the start.
    np.testing.assert_allclose(decay.activity(1000, 60.0, [0, 60]), [1000 * math.log(2) / 60, 500 * math.log(2) / 60],
                               rtol=1e-12)
    # p = 1 − e^(−λΔt): a tenth of a half-life gives 1 − 2^(−0.1) = 0.0669670.
    assert decay.decay_probability(60.0, 6.0) == pytest.approx(1 - 2**-0.1, rel=1e-12)
    # Small-step limit p → λΔt.
    assert decay.decay_probability(60.0, 1e-4) / (math.log(2) / 60 * 1e-4) == pytest.approx(1.0, abs=1e-6)


@pytest.mark.parametrize("probability", [0.05, 0.3])
def test_stochastic_mean_and_spread_follow_binomial_law(probability):
    n0, steps = 1000, 20
    runs = np.array([decay.stochastic_decay(n0, probability, steps, seed) for seed in SEEDS])
    q = (1 - probability) ** np.arange(steps + 1)
    expected = n0 * q
    standard_error = np.sqrt(n0 * q * (1 - q) / len(SEEDS))
    assert np.all(np.abs(runs.mean(axis=0) - expected) <= 4 * standard_error + 1e-12)
    # Spread: the sample variance after 5 steps matches N₀q(1−q) within 4 of its own
    # standard errors (≈ √(2/(S−1)) relative for a near-normal variable).
    ratio = runs[:, 5].var(ddof=1) / (n0 * q[5] * (1 - q[5]))
    assert abs(ratio - 1) < 4 * math.sqrt(2 / (len(SEEDS) - 1))
    assert np.all(np.diff(runs, axis=1) <= 0)  # never gains nuclei


def test_dice_model_follows_five_sixths_law():
    runs = [decay.dice_model(100, 15, seed) for seed in SEEDS]
    left = np.array([run.dice_remaining for run in runs])
    q = (5 / 6) ** np.arange(16)
    np.testing.assert_allclose(runs[0].expected, 100 * q)
    assert np.all(np.abs(left.mean(axis=0) - 100 * q) <= 4 * np.sqrt(100 * q * (1 - q) / len(SEEDS)) + 1e-12)
    assert runs[0].half_life_throws == pytest.approx(3.8018, abs=1e-4)


def test_time_step_does_not_change_the_mean():
    """With p = 1 − e^(−λΔt), N at one half-life averages N₀/2 for any step."""
    n0, half_life = 1000, 60.0
    for steps_per_half_life in (1, 2, 10, 30):
        p = decay.decay_probability(half_life, half_life / steps_per_half_life)
        final = np.array([decay.stochastic_decay(n0, p, steps_per_half_life, seed)[-1] for seed in SEEDS])
        assert abs(final.mean() - n0 / 2) <= 4 * math.sqrt(n0 * 0.25 / len(SEEDS))
    # The check has teeth: the naive p = λΔt with two steps per half-life gives
    # N₀(1 − 0.347)² = 427 on average, far outside the tolerance.
    naive = np.array([decay.stochastic_decay(n0, math.log(2) / 2, 2, seed)[-1] for seed in SEEDS])
    assert abs(naive.mean() - n0 / 2) > 4 * math.sqrt(n0 * 0.25 / len(SEEDS))


def test_simulate_is_seeded_and_uses_the_exponential_law():
    params = DecayParams(half_life_s=30, initial_atoms=2000, seed=7)
    run, again = simulate(params), simulate(params)
    np.testing.assert_array_equal(run.atoms, again.atoms)
    np.testing.assert_array_equal(run.counts, again.counts)
    other = simulate(DecayParams(half_life_s=30, initial_atoms=2000, seed=8))
    assert not np.array_equal(run.atoms, other.atoms)
    # The nuclei are the same random run as stochastic_decay with that seed; the
    # background is drawn afterwards, so changing it leaves the nuclei alone.
    np.testing.assert_array_equal(run.atoms, decay.stochastic_decay(2000, decay.decay_probability(30, 3), 50, 7))
    louder = simulate(DecayParams(half_life_s=30, initial_atoms=2000, seed=7, background_rate_per_s=3))
    np.testing.assert_array_equal(run.atoms, louder.atoms)
    assert np.all(louder.counts >= louder.decays)
    assert run.times_s[-1] == pytest.approx(150) and len(run.counts) == 50
    np.testing.assert_allclose(run.expected_atoms, 2000 * 0.5 ** (run.times_s / 30), rtol=1e-12)
    np.testing.assert_array_equal(run.decays, -np.diff(run.atoms))
    np.testing.assert_allclose(run.activity_bq, math.log(2) / 30 * run.expected_atoms)


def test_fit_recovers_exact_half_life_from_noise_free_data():
    starts = np.arange(40) * 5.0
    counts = 1e9 * np.exp(-math.log(2) / 45.0 * starts) + 20.0
    fit = decay.fit_half_life(starts, counts, 5.0, background_rate_per_s=4.0)
    assert fit.half_life_s == pytest.approx(45.0, rel=1e-6)
    assert fit.initial_net_counts == pytest.approx(1e9, rel=1e-6)


@pytest.mark.parametrize("initial_atoms, bias_tolerance", [(1000, 0.015), (10000, 0.005)])
def test_half_life_recovered_from_noisy_counts(initial_atoms, bias_tolerance):
    """Over 200 seeds: the fit is unbiased (mean within the stated fraction of the true
    half-life) and its stated uncertainty is honest (≥ 95% of fits within 3σ)."""
    fits = [simulate(DecayParams(half_life_s=60, initial_atoms=initial_atoms, background_rate_per_s=0.5,
                                 seed=seed)).fit for seed in range(200)]
    half_lives = np.array([fit.half_life_s for fit in fits])
    errors = np.array([fit.uncertainty_s for fit in fits])
    assert all(fit.ok for fit in fits)
    assert abs(half_lives.mean() / 60 - 1) < bias_tolerance
    assert np.mean(np.abs(half_lives - 60) < 3 * errors) >= 0.95


def test_fit_reports_failure_when_counts_are_buried_in_background():
    fit = decay.fit_half_life(np.arange(10.0), np.full(10, 5), 1.0, background_rate_per_s=5.0)
    assert not fit.ok and math.isnan(fit.half_life_s)
    run = simulate(DecayParams(initial_atoms=1, background_rate_per_s=5))
    assert not run.fit.ok
    assert "too few counts" in decay.describe(run)


@pytest.mark.parametrize(
    "field, value, range_text",
    [
        ("half_life_s", 0, "(0, 1e+12] s"),
        ("half_life_s", -5, "(0, 1e+12] s"),
        ("initial_atoms", 0, "[1, 1000000000]"),
        ("initial_atoms", 10.5, "[1, 1000000000]"),
        ("background_rate_per_s", -0.1, "[0, 1e+06] 1/s"),
        ("seed", -1, "[0, 4294967295]"),
        ("half_life_s", float("nan"), "(0, 1e+12] s"),
    ],
)
def test_out_of_range_parameters_raise_value_error_naming_field_and_range(field, value, range_text):
    with pytest.raises(ValueError) as error:
        DecayParams(**{field: value})
    assert field in str(error.value) and range_text in str(error.value)


def test_function_arguments_are_validated():
    with pytest.raises(ValueError, match="probability_per_step"):
        decay.stochastic_decay(100, 1.0, 5)
    with pytest.raises(ValueError, match="steps"):
        decay.stochastic_decay(100, 0.1, 0)
    with pytest.raises(ValueError, match="time_step_s"):
        simulate(DecayParams(), duration_s=10, time_step_s=20)
    with pytest.raises(ValueError, match="duration_s"):
        simulate(DecayParams(), duration_s=-1)
    with pytest.raises(ValueError, match="seed must be a non-negative integer"):
        decay.dice_model(10, 5, seed=-3)
    with pytest.raises(ValueError, match="intervals"):
        decay.virtual_practical(intervals=2)


def test_describe_states_the_key_numbers():
    run = simulate(DecayParams(half_life_s=60, initial_atoms=1000, seed=0))
    text = decay.describe(run)
    assert "1000 nuclei" in text and "half-life of 60 s" in text
    assert f"{run.activity_bq[0]:.3g} Bq" in text
    assert f"{run.atoms[-1]} ± {round(run.atoms_uncertainty[-1])} are left" in text
    fitted = with_uncertainty(run.fit.half_life_s, run.fit.uncertainty_s, " s")
    assert f"{fitted}, which agrees with the set 60 s" in text


def test_to_table_exports_the_run_with_units():
    run = simulate(DecayParams(seed=3))
    table = decay.to_table(run)
    assert table.headers[0] == "time at start of interval / s"
    assert table.headers[-1] == "count rate / counts/s"
    assert len(table) == len(run.counts)
    np.testing.assert_array_equal(table.column("counts in interval"), run.counts)
    np.testing.assert_allclose(table.column("count rate"), run.counts / run.time_step_s)
    assert table.to_csv().count("\n") == len(run.counts) + 1
    np.testing.assert_allclose(table.column("uncertainty of counts (√counts)"), np.maximum(np.sqrt(run.counts), 1))
    np.testing.assert_allclose(table.column("uncertainty of nuclei left"), run.atoms_uncertainty[:-1])
    assert f"fitted half-life {with_uncertainty(run.fit.half_life_s, run.fit.uncertainty_s, ' s')}" in table.title


@pytest.mark.parametrize("initial_atoms", [1000, 10000])
def test_stated_uncertainties_match_the_spread_over_seeds(initial_atoms):
    """Over 300 seeds every run starts with exactly the set number of nuclei; the fitted
    half-life scatters by the standard error each fit states (within a factor 1.5;
    measured 1.08 for 1000 nuclei), the nuclei left at the end by the binomial
    √(N(1 − N/N₀)) each run states, and about 95 % of runs say they agree with the set
    half-life and the exponential law (the 2σ verdict)."""
    runs = [simulate(DecayParams(initial_atoms=initial_atoms, seed=seed)) for seed in range(300)]
    assert all(run.atoms[0] == initial_atoms for run in runs)
    fitted = np.array([run.fit.half_life_s for run in runs])
    stated = math.sqrt(np.mean([run.fit.uncertainty_s**2 for run in runs]))
    assert 1 / 1.5 < fitted.std(ddof=1) / stated < 1.5
    left = np.array([run.atoms[-1] for run in runs], dtype=float)
    stated_left = math.sqrt(np.mean([run.atoms_uncertainty[-1] ** 2 for run in runs]))
    assert 1 / 1.5 < left.std(ddof=1) / stated_left < 1.5
    for agreements in ([run.fit_agreement for run in runs], [run.atoms_agreement for run in runs]):
        assert 0.9 <= np.mean([agreement.agrees for agreement in agreements]) <= 0.99


def test_virtual_practical_recovers_half_life_and_shows_background_error():
    """Protactinium-234m (t½ = 69.5 s). Background subtracted: the mean fitted half-life
    over 20 seeds is within 2% and each within 3.5σ. Not subtracted (the systematic
    error): every fit is too long, on average by more than 3%."""
    corrected, uncorrected = [], []
    for seed in range(20):
        table = decay.virtual_practical(seed=seed)
        starts, counts = table.column("time at start of count"), table.column("counts in 10 s")
        background = table.data[0, 2]
        assert np.all(table.data[:, 2] == background)  # measured once, copied down
        good = decay.fit_half_life(starts, counts, 10.0, background_rate_per_s=background / 10)
        bad = decay.fit_half_life(starts, counts, 10.0, background_rate_per_s=0.0)
        assert abs(good.half_life_s - 69.5) < 3.5 * good.uncertainty_s
        assert bad.half_life_s > good.half_life_s
        corrected.append(good.half_life_s)
        uncorrected.append(bad.half_life_s)
        np.testing.assert_array_equal(counts, np.round(counts))  # whole counts
    assert abs(np.mean(corrected) / 69.5 - 1) < 0.02
    assert np.mean(uncorrected) / 69.5 - 1 > 0.03
    np.testing.assert_array_equal(decay.virtual_practical(seed=4).data, decay.virtual_practical(seed=4).data)
    assert not np.array_equal(decay.virtual_practical(seed=4).data, decay.virtual_practical(seed=5).data)
    assert "background" in decay.GM_COUNTER.systematic_note


def test_model_import_does_not_pull_in_plotting_or_widgets():
    import subprocess
    import sys

    code = ("import sys, stemcpd.physics.decay; "
            "sys.exit(1 if any(m in sys.modules for m in ('matplotlib', 'ipywidgets')) else 0)")
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0
