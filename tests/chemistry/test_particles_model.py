"""States-of-matter model against exact results and a hand calculation.

References:
* Water data as used in AQA GCSE Physics and the CRC Handbook of Chemistry and
  Physics (97th ed.): c(ice) 2100, c(water) 4180, c(steam) 2010 J/(kg K), L_f 334 kJ/kg,
  L_v 2260 kJ/kg.
* Plateau t = m L / P and slope P/(m c) follow from E = m L and E = m c ΔT (exact).
* Newton cooling in one state: T − T_s = (T₀ − T_s) e^(−h t / (m c)) (exact).
"""

import math

import numpy as np
import pytest

from stemcpd.chemistry import particles
from stemcpd.chemistry.particles import (
    BOILING, GAS, LIQUID, MELTING, SOLID, ParticlesParams, simulate, state_at,
)
from stemcpd.practical import fit_line


def test_water_data_are_the_cited_values():
    water = particles.substance("water")
    assert (water.specific_heat_solid_j_per_kg_k, water.specific_heat_liquid_j_per_kg_k,
            water.specific_heat_gas_j_per_kg_k) == (2100, 4180, 2010)
    assert (water.latent_heat_fusion_j_per_kg, water.latent_heat_vaporisation_j_per_kg) == (334e3, 2260e3)
    assert (water.melting_point_c, water.boiling_point_c) == (0, 100)
    assert particles.substance("stearic acid").melting_point_c == 69.3  # stearic acid, CRC Handbook


@pytest.mark.parametrize("name", particles.SUBSTANCE_NAMES)
@pytest.mark.parametrize("mass_kg, power_w", [(0.02, 100), (0.5, 1000), (0.1, 37)])
def test_plateaus_last_exactly_m_l_over_p_without_heat_loss(name, mass_kg, power_w):
    params = ParticlesParams(substance=name, mass_kg=mass_kg, power_w=power_w)
    run = simulate(params)
    data = params.data
    assert run.melting_time_s == pytest.approx(mass_kg * data.latent_heat_fusion_j_per_kg / power_w, rel=1e-12)
    if params.end_temperature_c > data.boiling_point_c:
        assert run.boiling_time_s == pytest.approx(
            mass_kg * data.latent_heat_vaporisation_j_per_kg / power_w, rel=1e-12)
    # On each plateau the temperature does not move at all.
    plateau = run.state == MELTING
    assert plateau.sum() >= 2
    np.testing.assert_array_equal(run.temperature_c[plateau], data.melting_point_c)


def test_slopes_are_p_over_m_c_in_each_state():
    params = ParticlesParams(substance="water", mass_kg=0.05, power_w=250)
    run = simulate(params)
    data = params.data
    expected = {
        SOLID: 250 / (0.05 * data.specific_heat_solid_j_per_kg_k),
        LIQUID: 250 / (0.05 * data.specific_heat_liquid_j_per_kg_k),
        GAS: 250 / (0.05 * data.specific_heat_gas_j_per_kg_k),
    }
    for stage in run.stages:
        if stage.state in expected:
            t = np.linspace(stage.start_s, stage.end_s, 5)[1:-1]
            temperature, state, _ = particles.temperature_at(params, run.stages, t)
            assert np.all(state == stage.state)
            slopes = np.diff(temperature) / np.diff(t)
            np.testing.assert_allclose(slopes, expected[stage.state], rtol=1e-9)
    # Ice warms about twice as fast as liquid water (c 2100 against 4180).
    assert expected[SOLID] / expected[LIQUID] == pytest.approx(4180 / 2100)


def test_total_energy_from_ice_to_steam_matches_hand_calculation():
    # 0.100 kg from −20 °C ice to 120 °C steam, by hand:
    #   ice 0.1 × 2100 × 20 = 4 200 J; melt 0.1 × 334 000 = 33 400 J;
    #   water 0.1 × 4180 × 100 = 41 800 J; boil 0.1 × 2 260 000 = 226 000 J;
    #   steam 0.1 × 2010 × 20 = 4 020 J; total 309 420 J.
    hand = 4200 + 33400 + 41800 + 226000 + 4020
    params = ParticlesParams(substance="water", mass_kg=0.1, power_w=500, start_temperature_c=-20, end_temperature_c=120)
    run = simulate(params)
    assert run.energy_supplied_j == pytest.approx(hand, rel=1e-12)
    assert run.duration_s == pytest.approx(hand / 500, rel=1e-12)
    assert particles.hand_calculation_energy_j(params.data, 0.1, -20, 120) == pytest.approx(hand, rel=1e-12)
    assert run.temperature_c[-1] == pytest.approx(120)
    # Boiling takes most of it: 226 000 / 309 420 = 73%.
    assert run.boiling_time_s / run.duration_s == pytest.approx(226000 / hand, rel=1e-12)


def test_heat_loss_lengthens_heating_plateau_exactly():
    params = ParticlesParams(substance="water", mass_kg=0.05, power_w=200, heat_loss_w_per_k=0.5)
    run = simulate(params)
    # Net power on the boiling plateau: 200 − 0.5 × (100 − 20) = 160 W.
    assert run.boiling_time_s == pytest.approx(0.05 * 2260e3 / 160, rel=1e-12)
    # Below room temperature the surroundings warm the ice: 200 + 0.5 × 20 = 210 W.
    assert run.melting_time_s == pytest.approx(0.05 * 334e3 / 210, rel=1e-12)


def test_cooling_curve_plateau_at_freezing_point_and_exponential_approach():
    params = ParticlesParams(substance="stearic acid", experiment="cooling", mass_kg=0.02, heat_loss_w_per_k=0.1)
    run = simulate(params, samples=3000)
    data = params.data
    freezing = run.state == MELTING
    np.testing.assert_array_equal(run.temperature_c[freezing], 69.3)
    # m L / (h (T_m − T_s)) = 0.02 × 215 000 / (0.1 × 49.3) = 872.2 s
    assert run.melting_time_s == pytest.approx(0.02 * 215e3 / (0.1 * 49.3), rel=1e-12)
    # Liquid and solid: ln(T − T_s) falls in a straight line with gradient −h/(m c).
    for state, c in ((LIQUID, data.specific_heat_liquid_j_per_kg_k), (SOLID, data.specific_heat_solid_j_per_kg_k)):
        mask = run.state == state
        gradient, _, _, _ = fit_line(run.times_s[mask], np.log(run.temperature_c[mask] - 20.0))
        assert gradient == pytest.approx(-0.1 / (0.02 * c), rel=1e-9)
    assert np.all(np.diff(run.temperature_c) <= 1e-12)  # never warms up
    # Left long enough, it reaches room temperature and no lower.
    long = simulate(ParticlesParams(substance="stearic acid", experiment="cooling", mass_kg=0.02, heat_loss_w_per_k=0.1,
                                    end_temperature_c=20.001))
    assert long.temperature_c[-1] == pytest.approx(20.0, abs=0.002)
    assert long.temperature_c.min() >= 20.0


def test_exact_curve_agrees_with_numerical_integration_as_step_shrinks():
    params = ParticlesParams(substance="water", experiment="heating", mass_kg=0.02, power_w=100, heat_loss_w_per_k=0.2)
    run = simulate(params)
    errors = []
    for step in (4.0, 1.0, 0.25):
        times, integrated = particles.integrate_energy(params, run.duration_s, step)
        exact = particles.temperature_at(params, run.stages, times)[0]
        errors.append(np.max(np.abs(integrated - exact)))
    assert errors[2] < errors[1] < errors[0]
    assert errors[2] < 0.05  # kelvin, at a 0.25 s step


def test_cooling_integration_is_time_step_independent():
    params = ParticlesParams(substance="water", experiment="cooling", mass_kg=0.02, heat_loss_w_per_k=0.1)
    run = simulate(params)
    duration = math.floor(run.duration_s)
    _, coarse = particles.integrate_energy(params, duration, 2.0)
    times, fine = particles.integrate_energy(params, duration, 1.0)
    np.testing.assert_allclose(coarse, fine[::2], atol=0.02)
    np.testing.assert_allclose(fine, particles.temperature_at(params, run.stages, times)[0], atol=0.02)


def test_energy_is_conserved_heater_equals_store_plus_surroundings():
    params = ParticlesParams(substance="ethanol", mass_kg=0.03, power_w=150, heat_loss_w_per_k=0.3)
    run = simulate(params, samples=40000)
    integral = np.concatenate([[0], np.cumsum(0.5 * np.diff(run.times_s) * (
        (run.temperature_c[1:] - 20.0) + (run.temperature_c[:-1] - 20.0)) * 0.3)])
    np.testing.assert_allclose(run.surroundings_energy_j, integral, atol=2.0)  # J, of ~50 kJ
    np.testing.assert_allclose(run.heater_energy_j, run.energy_j - run.energy_j[0] + run.surroundings_energy_j)


def test_heating_stalls_when_heat_loss_matches_the_heater():
    run = simulate(ParticlesParams(substance="water", power_w=10, heat_loss_w_per_k=1.0))
    assert not run.finished
    # The liquid heads for T_s + P/h = 20 + 10 = 30 °C from 0 °C; shown for 5 time constants.
    assert run.temperature_c[-1] == pytest.approx(30.0 - 30.0 * math.exp(-5), abs=1e-9)
    assert run.boiling_time_s == 0
    assert "never reaches" in particles.describe(run)
    no_loss_cooling = simulate(ParticlesParams(substance="stearic acid", experiment="cooling", heat_loss_w_per_k=0.0))
    assert not no_loss_cooling.finished and np.all(no_loss_cooling.temperature_c == 90.0)


def test_state_at_reports_fractions_on_plateaus():
    run = simulate(ParticlesParams(substance="water", mass_kg=0.1, power_w=500))
    boiling = next(stage for stage in run.stages if stage.state == BOILING)
    middle = state_at(run, boiling.start_s + 0.25 * boiling.duration_s)
    assert middle.state_name == "boiling"
    assert middle.gas_fraction == pytest.approx(0.25) and middle.liquid_fraction == pytest.approx(0.75)
    cooling = simulate(ParticlesParams(substance="stearic acid", experiment="cooling", heat_loss_w_per_k=0.1))
    freezing = next(stage for stage in cooling.stages if stage.state == MELTING)
    moment = state_at(cooling, freezing.start_s + 0.25 * freezing.duration_s)
    assert moment.state_name == "freezing" and moment.liquid_fraction == pytest.approx(0.75)
    assert state_at(run, 1e9).time_s == run.duration_s


def test_particle_picture_is_seeded_and_shows_each_state():
    run = simulate(ParticlesParams(substance="water", mass_kg=0.1, power_w=500))

    def spread(state_code):
        stage = next(s for s in run.stages if s.state == state_code)
        moment = state_at(run, 0.5 * (stage.start_s + stage.end_s))
        x, y = particles.particle_positions(moment, seed=1)
        again = particles.particle_positions(moment, seed=1)
        np.testing.assert_array_equal(x, again[0])
        assert np.all((x > 0) & (x < particles.model.BOX_SIZE) & (y > 0) & (y < particles.model.BOX_SIZE))
        points = np.column_stack([x, y])
        distance = np.linalg.norm(points[:, None] - points[None], axis=-1) + np.eye(len(x)) * 99
        return distance.min(axis=1).mean(), np.ptp(y)

    solid_gap, solid_height = spread(SOLID)
    liquid_gap, _ = spread(LIQUID)
    gas_gap, gas_height = spread(GAS)
    assert 0.8 < solid_gap < 1.2  # touching neighbours in a lattice (spacing 1.03)
    assert 0.5 < liquid_gap < 1.2  # still close together
    assert gas_gap > 1.5 * solid_gap and gas_height > 1.2 * solid_height  # far apart, fills the box


@pytest.mark.parametrize(
    "field, value, range_text",
    [
        ("mass_kg", 0, "(0, 100] kg"),
        ("power_w", -5, "(0, 100000] W"),
        ("heat_loss_w_per_k", -0.1, "[0, 1000] W/K"),
        ("start_temperature_c", -300, "[-273, 2000] °C"),
        ("substance", 3, "stearic acid"),
        ("substance", "mercury", "water"),
        ("experiment", 2, "cooling"),
        ("mass_kg", float("nan"), "(0, 100] kg"),
    ],
)
def test_out_of_range_parameters_raise_value_error_naming_field_and_range(field, value, range_text):
    with pytest.raises(ValueError) as error:
        ParticlesParams(**{field: value})
    assert field in str(error.value) and range_text in str(error.value)


def test_temperatures_must_run_the_right_way():
    with pytest.raises(ValueError, match="end_temperature_c must be above"):
        ParticlesParams(start_temperature_c=50, end_temperature_c=10)
    with pytest.raises(ValueError, match="end_temperature_c must be below"):
        ParticlesParams(experiment="cooling", start_temperature_c=10, end_temperature_c=50)
    with pytest.raises(ValueError, match="substance must be one of"):
        particles.substance("mercury")
    with pytest.raises(ValueError, match="samples"):
        simulate(ParticlesParams(), samples=2)


def test_describe_states_plateaus_and_energy():
    run = simulate(ParticlesParams(substance="water", mass_kg=0.1, power_w=500))
    text = particles.describe(run)
    assert "100 g of water heated at 500 W" in text
    assert "melting at 0 °C for 66.8 s" in text and "boiling at 100 °C for 452.0 s" in text
    assert "309.4 kJ" in text
    cooling = particles.describe(simulate(ParticlesParams(substance="stearic acid", experiment="cooling", heat_loss_w_per_k=0.1)))
    assert "stearic acid cooling" in cooling and "freezing at 69.3 °C" in cooling


def test_to_table_has_units_and_matches_run():
    run = simulate(ParticlesParams())
    table = particles.to_table(run)
    assert table.headers[:2] == ["time / s", "temperature / °C"]
    assert "energy supplied by heater / J" in table.headers
    np.testing.assert_allclose(table.column("temperature"), run.temperature_c)
    assert len(table) == len(run.times_s)


def test_virtual_practical_finds_melting_point_and_shows_thermometer_lag():
    table = particles.virtual_practical(seed=2)
    times, readings = table.column("time"), table.column("temperature")
    np.testing.assert_array_equal(times, np.arange(0, 1201, 30))
    np.testing.assert_allclose(readings * 2, np.round(readings * 2))  # read to 0.5 °C
    melting_point, start, end = particles.plateau_temperature_c(times, readings)
    assert melting_point == pytest.approx(69.3, abs=0.5)  # tolerance a pupil can reach
    assert end - start > 600  # the flat part lasts over ten minutes
    # Systematic error: while the liquid cools, the lagging thermometer reads high.
    params = ParticlesParams(substance="stearic acid", experiment="cooling", mass_kg=0.02, heat_loss_w_per_k=0.1)
    run = simulate(params)
    true = particles.temperature_at(params, run.stages, times)[0]
    cooling_liquid = (true > 70.5) & (times > 0)
    assert np.mean(readings[cooling_liquid] - true[cooling_liquid]) > 1.0
    no_lag = particles.virtual_practical(seed=2, thermometer_lag_s=0)
    assert abs(np.mean(no_lag.column("temperature")[cooling_liquid] - true[cooling_liquid])) < 0.5
    # Seeded.
    np.testing.assert_array_equal(table.data, particles.virtual_practical(seed=2).data)
    assert not np.array_equal(table.data, particles.virtual_practical(seed=3).data)
    with pytest.raises(ValueError, match="reading_interval_s"):
        particles.virtual_practical(reading_interval_s=0)
    with pytest.raises(ValueError, match="thermometer_resolution_c"):
        particles.virtual_practical(thermometer_resolution_c=10)

