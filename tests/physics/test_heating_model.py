"""Heating model against exact results.

References:
* ΔT = E / (m c) (definition of specific heat capacity); a published worked value:
  4180 J warms 1 kg of water by 1 K (CRC Handbook, c_water = 4181 J/(kg K) at 25 °C).
* m c dT/dt = P − h (T − T_room) has the exact solution
  T = T_room + (P/h)(1 − e^(−h t/(m c))); checked against an independent fourth-order
  Runge–Kutta integration, whose error falls as the step to the fourth power.
* Newton cooling: the excess temperature halves every (m c / h) ln 2.
"""

import math

import numpy as np
import pytest

from stemcpd.physics import heating
from stemcpd.physics.heating import HeatingParams, simulate


def test_temperature_rise_is_energy_over_mass_times_c():
    assert heating.temperature_rise(4180, 1.0, 4180) == pytest.approx(1.0, rel=1e-15)
    # 30 kJ into 1 kg of aluminium (c = 900 J/(kg K)) warms it by 33.3 K.
    assert heating.temperature_rise(30000, 1.0, 900) == pytest.approx(33.333333, rel=1e-6)
    np.testing.assert_allclose(heating.temperature_rise([0, 385, 770], 0.5, 385), [0, 2, 4], rtol=1e-15)


def test_material_table_matches_cited_reference_values():
    # Rounded teaching values within 1% of the CRC / Kaye & Laby reference values.
    for name, value in heating.SPECIFIC_HEAT_CAPACITIES_J_PER_KG_K.items():
        reference = heating.REFERENCE_SPECIFIC_HEAT_CAPACITIES_J_PER_KG_K[name]
        assert value == pytest.approx(reference, rel=0.01), name
    assert heating.SPECIFIC_HEAT_CAPACITIES_J_PER_KG_K["Water"] == 4180
    assert heating.SPECIFIC_HEAT_CAPACITIES_J_PER_KG_K["Copper"] == 385


@pytest.mark.parametrize("heat_loss", [0.05, 0.3, 2.0, 20.0])
def test_analytic_solution_matches_numerical_integration(heat_loss):
    params = HeatingParams(power_w=40, mass_kg=0.8, specific_heat_j_per_kg_k=900, heat_loss_w_per_k=heat_loss,
                           heating_time_s=900, cooling_time_s=900)
    times, numerical = heating.integrate(params, time_step_s=5.0)
    exact = heating.analytic_temperature_c(params, times)
    # RK4 with a step of at most τ/7 (τ = m c / h ≥ 36 s): agreement to 1e-5 K.
    assert np.max(np.abs(numerical - exact)) < 1e-5
    run = simulate(params)
    np.testing.assert_allclose(run.temperature_c, heating.analytic_temperature_c(params, run.times_s), rtol=0, atol=1e-12)


def test_numerical_integration_is_time_step_independent_and_fourth_order():
    params = HeatingParams(power_w=60, mass_kg=0.2, specific_heat_j_per_kg_k=385, heat_loss_w_per_k=1.0,
                           heating_time_s=600, cooling_time_s=600)  # τ = 77 s
    coarse_t, coarse = heating.integrate(params, 20.0)
    fine_t, fine = heating.integrate(params, 10.0)
    exact_coarse = heating.analytic_temperature_c(params, coarse_t)
    exact_fine = heating.analytic_temperature_c(params, fine_t)
    error_coarse = np.max(np.abs(coarse - exact_coarse))
    error_fine = np.max(np.abs(fine - exact_fine))
    assert error_fine < 1e-3
    # Halving the step cuts the error by about 2⁴ = 16.
    assert 12 < error_coarse / error_fine < 20
    # At the shared times the two step sizes agree to 1e-3 K.
    np.testing.assert_allclose(coarse, fine[::2], atol=1e-3)


def test_no_heat_loss_gives_exactly_p_t_over_m_c():
    params = HeatingParams(power_w=50, mass_kg=1.0, specific_heat_j_per_kg_k=900, heat_loss_w_per_k=0.0,
                           heating_time_s=600, cooling_time_s=300)
    run = simulate(params)
    assert run.temperature_rise_k == 50 * 600 / 900  # exact, no rounding
    assert run.apparent_specific_heat_j_per_kg_k == pytest.approx(900, rel=1e-14)
    assert np.all(run.lost_energy_j == 0)
    # After switch-off a perfectly insulated block keeps its temperature.
    assert run.temperature_c[-1] == pytest.approx(20 + 50 * 600 / 900, rel=1e-14)
    assert heating.cooling_half_life_s(params) == math.inf
    # The h → 0 limit is continuous: tiny h agrees with h = 0 to first order in h t/(m c).
    tiny = simulate(HeatingParams(power_w=50, mass_kg=1.0, specific_heat_j_per_kg_k=900,
                                  heat_loss_w_per_k=1e-9, heating_time_s=600, cooling_time_s=300))
    assert tiny.temperature_rise_k == pytest.approx(run.temperature_rise_k, rel=1e-8)


def test_heat_loss_makes_the_apparent_specific_heat_too_high():
    for heat_loss in (0.1, 0.3, 0.8):
        run = simulate(HeatingParams(heat_loss_w_per_k=heat_loss))
        assert run.temperature_rise_k < run.no_loss_rise_k
        assert run.apparent_specific_heat_j_per_kg_k > 900
    # Small-loss expansion: ΔT ≈ (P t/(m c))(1 − t/(2τ)), so c_apparent ≈ c (1 + h t/(2 m c)).
    run = simulate(HeatingParams(heat_loss_w_per_k=0.1, heating_time_s=600))
    assert run.apparent_specific_heat_j_per_kg_k == pytest.approx(900 * (1 + 0.1 * 600 / (2 * 900)), rel=2e-3)


def test_steady_temperature_is_room_plus_p_over_h():
    params = HeatingParams(power_w=20, mass_kg=0.1, specific_heat_j_per_kg_k=385, heat_loss_w_per_k=0.5,
                           heating_time_s=3000, cooling_time_s=0)  # τ = 77 s, 39 τ of heating
    run = simulate(params)
    assert run.temperature_c[-1] == pytest.approx(20 + 20 / 0.5, rel=1e-12)


@pytest.mark.parametrize("heat_loss", [0.1, 0.5, 2.0])
def test_cooling_half_life_is_tau_ln2(heat_loss):
    params = HeatingParams(mass_kg=1.0, specific_heat_j_per_kg_k=900, heat_loss_w_per_k=heat_loss,
                           heating_time_s=600, cooling_time_s=20000)
    half_life = heating.cooling_half_life_s(params)
    assert half_life == pytest.approx(900 / heat_loss * math.log(2), rel=1e-15)
    switch_off = params.heating_time_s
    excess = heating.analytic_temperature_c(params, [switch_off, switch_off + half_life, switch_off + 2 * half_life]) - 20
    assert excess[1] / excess[0] == pytest.approx(0.5, rel=1e-12)
    assert excess[2] / excess[0] == pytest.approx(0.25, rel=1e-12)
    # The same from the numerical integration (independent of the formula), within 1e-6.
    times, numerical = heating.integrate(params, 10.0)
    at_half_life = np.interp(switch_off + half_life, times, numerical) - 20
    at_start = np.interp(switch_off, times, numerical) - 20
    assert at_half_life / at_start == pytest.approx(0.5, abs=1e-4)


@pytest.mark.parametrize("heat_loss", [0.0, 0.3, 1.5])
def test_energy_balance_heater_equals_stored_plus_lost(heat_loss):
    run = simulate(HeatingParams(heat_loss_w_per_k=heat_loss, cooling_time_s=1200), samples=4001)
    np.testing.assert_allclose(run.heater_energy_j, run.stored_energy_j + run.lost_energy_j, rtol=1e-10, atol=1e-7)
    # The loss agrees with an independent numerical integral of h (T − T_room) dt
    # (trapezium rule on 4001 samples: better than 0.01%).
    excess = run.temperature_c - run.params.room_temperature_c
    integral = np.concatenate([[0.0], np.cumsum(0.5 * (excess[1:] + excess[:-1]) * np.diff(run.times_s))]) * heat_loss
    np.testing.assert_allclose(run.lost_energy_j, integral, rtol=1e-4, atol=1e-6)
    assert run.heater_energy_j[-1] == pytest.approx(50 * 600)


def test_simulate_samples_include_switch_off_and_end():
    run = simulate(HeatingParams(heating_time_s=610, cooling_time_s=333), samples=11)
    assert 610 in run.times_s
    assert run.times_s[0] == 0 and run.times_s[-1] == pytest.approx(943)
    assert run.peak_temperature_c == pytest.approx(run.temperature_c[run.times_s == 610][0])


@pytest.mark.parametrize(
    "field, value, range_text",
    [
        ("power_w", 0, "(0, 10000] W"),
        ("mass_kg", -1, "(0, 1000] kg"),
        ("specific_heat_j_per_kg_k", 0, "(0, 100000] J/(kg K)"),
        ("heat_loss_w_per_k", -0.1, "[0, 1000] W/K"),
        ("room_temperature_c", 150, "[-50, 100] °C"),
        ("heating_time_s", 0, "(0, 100000] s"),
        ("cooling_time_s", -1, "[0, 100000] s"),
        ("mass_kg", float("nan"), "(0, 1000] kg"),
    ],
)
def test_out_of_range_parameters_raise_value_error_naming_field_and_range(field, value, range_text):
    with pytest.raises(ValueError) as error:
        HeatingParams(**{field: value})
    assert field in str(error.value) and range_text in str(error.value)


def test_function_arguments_are_validated_and_params_frozen():
    with pytest.raises(ValueError, match=r"mass_kg must be in \(0, 1e\+06\] kg"):
        heating.temperature_rise(100, 0, 900)
    with pytest.raises(ValueError, match="specific_heat must be"):
        heating.temperature_rise(100, 1, -5)
    with pytest.raises(ValueError, match="energy_j"):
        heating.temperature_rise([1, -1], 1, 900)
    with pytest.raises(ValueError, match="time_step_s"):
        heating.integrate(HeatingParams(), 0)
    with pytest.raises(ValueError, match="samples"):
        simulate(HeatingParams(), samples=2)
    with pytest.raises(AttributeError):
        HeatingParams().mass_kg = 2


def test_describe_states_the_rise_and_the_apparent_c():
    run = simulate(HeatingParams())
    text = heating.describe(run)
    assert f"{run.temperature_rise_k:.1f} °C" in text and f"{run.no_loss_rise_k:.1f} °C" in text
    assert f"c = {run.apparent_specific_heat_j_per_kg_k:.0f} J/(kg K)" in text and "too high" in text
    assert "half-life" in text
    insulated = heating.describe(simulate(HeatingParams(heat_loss_w_per_k=0)))
    assert "Perfect insulation" in insulated and "true c" in insulated


def test_to_table_columns_and_units():
    run = simulate(HeatingParams())
    table = heating.to_table(run)
    assert table.headers == ["time / s", "temperature / °C", "energy from heater / J",
                             "energy stored in block / J", "energy transferred to surroundings / J"]
    assert len(table) == len(run.times_s)
    np.testing.assert_allclose(table.column("temperature"), run.temperature_c)
    every_minute = heating.to_table(run, every_s=60)
    np.testing.assert_allclose(every_minute.column("time"), np.arange(0, 1201, 60))


def test_virtual_practical_recovers_c_and_shows_the_heat_loss_error():
    params = HeatingParams(power_w=50, mass_kg=1.0, specific_heat_j_per_kg_k=900, heat_loss_w_per_k=0.3)
    table = heating.virtual_practical(params, seed=1)
    assert table.headers == ["time / s", "energy / J", "temperature / °C"]
    assert len(table) == 11
    c_measured, c_error = heating.specific_heat_from_table(table, 1.0)
    # Within 15% of the true 900 J/(kg K) — and too high, because heat is lost.
    assert c_measured == pytest.approx(900, rel=0.15)
    assert c_measured > 900 + 2 * c_error
    # With perfect insulation the same analysis recovers c within 2%.
    insulated = heating.virtual_practical(HeatingParams(heat_loss_w_per_k=0.0), seed=1)
    assert heating.specific_heat_from_table(insulated, 1.0)[0] == pytest.approx(900, rel=0.02)
    # Readings are to the thermometer's resolution; seeded: same seed, same results.
    coarse = heating.virtual_practical(params, thermometer_resolution_c=0.5, seed=1)
    np.testing.assert_allclose(np.round(coarse.column("temperature") * 2) / 2, coarse.column("temperature"), atol=1e-9)
    np.testing.assert_array_equal(table.data, heating.virtual_practical(params, seed=1).data)
    assert not np.array_equal(table.data, heating.virtual_practical(params, seed=2).data)


def test_thermometer_lag_makes_readings_low_and_c_higher_still():
    params = HeatingParams(heat_loss_w_per_k=0.0)
    times = np.array([0.0, 300.0, 600.0])
    lagged = heating.lagged_temperature_c(params, times, lag_s=60)
    true = heating.analytic_temperature_c(params, times)
    # For a steady rise at rate r the reading trails by r λ (1 − e^(−t/λ)) exactly.
    rate = 50 / 900
    np.testing.assert_allclose(true - lagged, rate * 60 * (1 - np.exp(-times / 60)), atol=1e-6)
    sluggish = heating.virtual_practical(params, thermometer_lag_s=60, seed=1)
    prompt = heating.virtual_practical(params, thermometer_lag_s=0, seed=1)
    assert np.all(sluggish.column("temperature")[1:] < prompt.column("temperature")[1:])


def test_virtual_practical_validates_arguments():
    with pytest.raises(ValueError, match="reading_interval_s"):
        heating.virtual_practical(reading_interval_s=0)
    with pytest.raises(ValueError, match="thermometer_lag_s"):
        heating.virtual_practical(thermometer_lag_s=-1)
    with pytest.raises(ValueError, match="thermometer_resolution_c"):
        heating.virtual_practical(thermometer_resolution_c=0)
    with pytest.raises(ValueError, match="seed"):
        heating.virtual_practical(seed=-3)


class TestInsulationPractical:
    """The thermal insulation practical: Newton cooling of wrapped beakers."""

    def test_better_insulators_lose_less_heat_and_the_drop_follows_newton(self):
        from stemcpd.physics.heating import INSULATION_HEAT_LOSS_W_PER_K, insulation_virtual_practical

        table = insulation_virtual_practical(thermometer_resolution_c=0.1, seed=1)
        drops = {m: table.column(f"temperature, {m}")[0] - table.column(f"temperature, {m}")[-1]
                 for m in INSULATION_HEAT_LOSS_W_PER_K}
        assert drops["polystyrene"] < drops["cotton wool"] < drops["newspaper"] < drops["no insulation"]
        # Exact Newton cooling for the unwrapped beaker (first filled, so it starts at 80 °C):
        expected = (80 - 20) * (1 - math.exp(-0.60 * 600 / (0.2 * 4180)))
        assert drops["no insulation"] == pytest.approx(expected, abs=0.5)

    def test_the_systematic_error_is_the_different_starting_temperatures(self):
        from stemcpd.physics.heating import insulation_virtual_practical

        table = insulation_virtual_practical(seed=0)
        starts = [table.column(name)[0] for name in table.columns[1:]]
        assert starts[0] - starts[-1] == pytest.approx(10.0, abs=1.0)  # 2.5 °C cooler per beaker
        # Final temperatures mislead: polystyrene (filled last) may end cooler than a worse insulator.
        finals = dict(zip(table.columns[1:], [table.column(name)[-1] for name in table.columns[1:]]))
        assert finals["temperature, polystyrene"] < finals["temperature, bubble wrap"] + 3

    def test_seeded_resolution_and_validation(self):
        from stemcpd.physics.heating import insulation_virtual_practical

        a = insulation_virtual_practical(seed=3)
        np.testing.assert_array_equal(a.data, insulation_virtual_practical(seed=3).data)
        readings = a.data[:, 1:]
        np.testing.assert_allclose(np.round(readings / 0.5) * 0.5, readings, atol=1e-9)
        with pytest.raises(ValueError, match="materials must come from"):
            insulation_virtual_practical(materials=["tin foil"])
        with pytest.raises(ValueError, match="room_temperature_c"):
            insulation_virtual_practical(start_temperature_c=30, room_temperature_c=35)
        with pytest.raises(ValueError, match="minutes"):
            insulation_virtual_practical(minutes=0)
