"""The National Grid model against exact values: I = P/V, loss I²R, energy conservation,
limiting cases (R → 0, loss ∝ 1/V²), the a.c. trace's mean heating, sampling
independence; the household equations (E = Pt, E = QV, kWh and cost, fuses); parameter
errors that name the parameter and its range."""

import math

import numpy as np
import pytest

from stemcpd.physics.grid import (
    GridParams,
    current_from_power_a,
    describe,
    energy_from_charge_j,
    energy_from_power_j,
    energy_kwh,
    kwh_to_joules,
    line_loss_kw,
    line_power_lost_w,
    pd_comparison_table,
    percent_text,
    plug_fuse_a,
    power_from_current_and_resistance_w,
    power_from_pd_and_current_w,
    running_cost_pence,
    simulate,
    to_table,
)
from stemcpd.physics.grid.app import CONTROLS


def test_worked_example_exact_values():
    # 20 MW at 400 kV: I = 50 A; through 5 Ω, I²R = 12 500 W; 19 987 500 W delivered.
    run = simulate(GridParams(power_mw=20.0, pd_kv=400.0, resistance_ohm=5.0))
    assert run.current_a == pytest.approx(50.0, rel=1e-12)
    assert run.power_lost_w == pytest.approx(12_500.0, rel=1e-12)
    assert run.power_delivered_w == pytest.approx(19_987_500.0, rel=1e-12)
    assert run.efficiency == pytest.approx(0.999375, rel=1e-12)
    assert run.cable_pd_v == pytest.approx(250.0, rel=1e-12)
    assert run.generator_current_a == pytest.approx(800.0, rel=1e-12)  # ideal step-up from 25 kV


@pytest.mark.parametrize("power_mw, pd_kv, resistance_ohm", [(1, 25, 0), (20, 400, 5), (60, 25, 10), (37, 132, 7.5)])
def test_energy_is_conserved_delivered_plus_lost_equals_supplied(power_mw, pd_kv, resistance_ohm):
    run = simulate(GridParams(power_mw, pd_kv, resistance_ohm))
    assert run.power_delivered_w + run.power_lost_w == pytest.approx(run.power_supplied_w, rel=1e-12)
    assert run.efficiency + run.lost_fraction == pytest.approx(1.0, rel=1e-12)
    # Power sent = power delivered to the far end (V − IR) I + heating of the cables.
    far_end_pd = run.params.pd_v - run.cable_pd_v
    assert far_end_pd * run.current_a == pytest.approx(run.power_delivered_w, rel=1e-12)


def test_no_resistance_no_loss():
    run = simulate(GridParams(power_mw=20.0, pd_kv=25.0, resistance_ohm=0.0))
    assert run.power_lost_w == 0.0 and run.efficiency == 1.0 and run.power_delivered_w == run.power_supplied_w
    assert line_power_lost_w(2e7, 4e5, 0.0) == 0.0


def test_loss_goes_as_one_over_pd_squared_at_fixed_power():
    base = line_power_lost_w(2e7, 1e5, 5.0)
    for factor in (2.0, 4.0, 10.0):
        assert line_power_lost_w(2e7, 1e5 * factor, 5.0) == pytest.approx(base / factor**2, rel=1e-12)
    # ... and as P² at fixed p.d., and in proportion to R.
    assert line_power_lost_w(4e7, 1e5, 5.0) == pytest.approx(4 * base, rel=1e-12)
    assert line_power_lost_w(2e7, 1e5, 10.0) == pytest.approx(2 * base, rel=1e-12)
    table = pd_comparison_table(20.0, 5.0, (100.0, 200.0))
    lost = table.column("power lost in cables")
    assert lost[1] == pytest.approx(lost[0] / 4, rel=1e-12)


def test_the_ac_trace_is_exact_and_its_mean_heating_is_i_squared_r():
    run = simulate(GridParams(power_mw=20.0, pd_kv=400.0, resistance_ohm=5.0), samples=6001)
    assert run.times_s[-1] == pytest.approx(0.06)  # three cycles of 50 Hz
    assert run.peak_pd_v == pytest.approx(400e3 * math.sqrt(2))
    assert np.max(run.line_pd_v) == pytest.approx(run.peak_pd_v, rel=1e-6)
    # The r.m.s. of the sampled p.d. over whole cycles is the quoted p.d.
    rms = math.sqrt(np.mean(run.line_pd_v[:-1] ** 2))
    assert rms == pytest.approx(400e3, rel=1e-9)
    assert np.mean(run.heating_power_w[:-1]) == pytest.approx(run.power_lost_w, rel=1e-9)
    # Current and p.d. in phase; the current reverses every half cycle (10 ms).
    assert np.allclose(run.line_current_a * run.params.pd_v, run.line_pd_v * run.current_a)
    index_5ms, index_15ms = np.searchsorted(run.times_s, [0.005, 0.015])
    assert run.line_current_a[index_5ms] > 0 > run.line_current_a[index_15ms]


def test_sampling_does_not_change_the_values():
    params = GridParams(power_mw=37.0, pd_kv=132.0, resistance_ohm=7.5)
    coarse, fine = simulate(params, samples=7), simulate(params, samples=6001)
    assert np.allclose(fine.times_s[::1000], coarse.times_s, atol=1e-15)
    assert np.allclose(fine.line_pd_v[::1000], coarse.line_pd_v, rtol=1e-12, atol=1e-6)
    assert coarse.power_lost_w == fine.power_lost_w


def test_household_equations():
    assert power_from_pd_and_current_w(230.0, 5.0) == pytest.approx(1150.0)
    assert power_from_current_and_resistance_w(2.0, 6.0) == pytest.approx(24.0)
    assert current_from_power_a(2300.0, 230.0) == pytest.approx(10.0)
    assert energy_from_power_j(2000.0, 300.0) == pytest.approx(600_000.0)
    assert energy_from_charge_j(15.0, 12.0) == pytest.approx(180.0)
    assert energy_kwh(2.5, 3.0) == pytest.approx(7.5)
    assert kwh_to_joules(1.0) == pytest.approx(3.6e6)
    # 1 kWh by both routes: 1000 W for 3600 s.
    assert energy_from_power_j(1000.0, 3600.0) == pytest.approx(kwh_to_joules(energy_kwh(1.0, 1.0)))
    assert running_cost_pence(2.5, 3.0, 28.0) == pytest.approx(210.0)
    assert line_loss_kw(20.0, 400.0, 5.0) == pytest.approx(12.5)


# 690 W takes exactly 3 A, so its fuse must be the next rating up, 5 A.
@pytest.mark.parametrize("power_w, fuse", [(60, 3), (690, 5), (700, 5), (1150, 13), (2300, 13)])
def test_plug_fuse_is_the_smallest_standard_rating_above_the_normal_current(power_w, fuse):
    assert plug_fuse_a(power_w) == fuse


def test_too_big_for_a_plug():
    with pytest.raises(ValueError, match=r"power_w must give a current below the largest fuse, 13 A"):
        plug_fuse_a(9500.0)


@pytest.mark.parametrize("field, value, message", [
    ("power_mw", 0.0, r"power_mw must be in \(0, 5000\] MW, got 0"),
    ("pd_kv", -5, r"pd_kv must be in \(0, 1000\] kV, got -5"),
    ("resistance_ohm", 200.0, r"resistance_ohm must be in \[0, 100\] ohm, got 200"),
    ("resistance_ohm", "five", r"resistance_ohm must be a number"),
])
def test_bad_parameters_name_field_and_range(field, value, message):
    with pytest.raises(ValueError, match=message):
        GridParams(**{field: value})


def test_a_line_that_would_need_more_than_the_whole_pd_is_refused():
    with pytest.raises(ValueError, match=r"power × resistance ÷ p.d.² must be below 1, got 1.6"):
        GridParams(power_mw=1.0, pd_kv=2.5, resistance_ohm=10.0)
    with pytest.raises(ValueError, match=r"pd_v must be in \(0, 1e\+06\] V"):
        line_power_lost_w(1e6, 0.0, 1.0)
    with pytest.raises(ValueError, match=r"time_s must be in \[0, 1e\+09\] s"):
        energy_from_power_j(100.0, -1.0)
    with pytest.raises(ValueError, match=r"charge_c must be in \[0, 1e\+09\] C"):
        energy_from_charge_j(-1.0, 12.0)
    with pytest.raises(ValueError, match=r"price_p_per_kwh must be in \(0, 1000\] p/kWh"):
        running_cost_pence(1.0, 1.0, 0.0)


def test_every_combination_of_the_sliders_can_be_sent():
    ranges = {control.name: (control.minimum, control.maximum) for control in CONTROLS}
    worst = GridParams(ranges["power_mw"][1], ranges["pd_kv"][0], ranges["resistance_ohm"][1])
    assert simulate(worst).lost_fraction == pytest.approx(0.96)


def test_describe_table_and_percentages():
    run = simulate(GridParams(power_mw=20.0, pd_kv=400.0, resistance_ohm=5.0))
    text = describe(run)
    assert "P/V = 50.00 A" in text and "I²R = 12.5 kW (0.0625%)" in text and "efficiency 99.93%" in text
    assert "need 800.0 A and lose 3.20 MW (16.0%)" in text and "peak is 566 kV" in text and "beyond GCSE" in text
    assert "generator's own p.d." in describe(simulate(GridParams(20.0, 25.0, 5.0)))
    table = to_table(run)
    assert len(table) == 61 and table.column("time")[-1] == pytest.approx(60.0)
    assert percent_text(0.9999999) == "99.99%" and percent_text(0.5) == "50.0%"
