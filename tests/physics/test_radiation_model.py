"""Radiation model against exact and published results.

References:
* σ = 5.670374419e-8 W m⁻² K⁻⁴ and b = 2.897771955e-3 m K (CODATA 2018, exact in the
  2019 SI); σ = 2π⁵k⁴/(15h³c²) links σ to Planck's law.
* A black body at 300 K emits σT⁴ = 459.3 W/m² (standard textbook value ≈ 459 W/m²).
* The Sun (IAU 2015 Resolution B3 nominal values: L = 3.828e26 W, R = 6.957e8 m,
  T_eff = 5772 K): σT⁴ = L/(4πR²).
* Radiative cooling C dT/dt = −εσA(T⁴ − a⁴) has the exact implicit solution
  t = (C/εσA)[F(T₀) − F(T)], F(T) = (ln|(T−a)/(T+a)| − 2 arctan(T/a))/(4a³); its
  small-ΔT limit is Newton's law with h = 4εσAa³.
"""

import math

import numpy as np
import pytest
from scipy.integrate import quad
from scipy.optimize import minimize_scalar

from stemcpd.physics import radiation
from stemcpd.physics.radiation import RadiationParams, simulate
from stemcpd.practical import fit_line


def test_constants_are_codata_2018_and_consistent_with_planck():
    assert radiation.STEFAN_BOLTZMANN_W_M2_K4 == 5.670374419e-8
    assert radiation.WIEN_DISPLACEMENT_M_K == 2.897771955e-3
    h, c, k = radiation.PLANCK_J_S, radiation.SPEED_OF_LIGHT_M_S, radiation.BOLTZMANN_J_K
    assert 2 * math.pi**5 * k**4 / (15 * h**3 * c**2) == pytest.approx(radiation.STEFAN_BOLTZMANN_W_M2_K4, rel=1e-9)


def test_black_body_at_300_k_emits_459_w_per_m2():
    assert radiation.black_body_exitance_w_m2(300.0) == pytest.approx(459.3, abs=0.05)
    assert round(radiation.black_body_exitance_w_m2(300.0)) == 459
    # Doubling T multiplies the power by 16.
    assert radiation.black_body_exitance_w_m2(600.0) / radiation.black_body_exitance_w_m2(300.0) == pytest.approx(16)


def test_sun_surface_flux_matches_iau_nominal_luminosity():
    luminosity_w, radius_m = 3.828e26, 6.957e8
    assert radiation.black_body_exitance_w_m2(5772.0) == pytest.approx(
        luminosity_w / (4 * math.pi * radius_m**2), rel=1e-3)


@pytest.mark.parametrize("temperature_k", [300.0, 353.15, 1000.0, 5772.0])
def test_planck_spectrum_integrates_to_sigma_t4_and_peaks_at_wien(temperature_k):
    peak = radiation.peak_wavelength_m(temperature_k)
    total, _ = quad(radiation.planck_spectral_exitance, peak / 50, peak * 200, args=(temperature_k,), limit=200)
    assert total == pytest.approx(radiation.black_body_exitance_w_m2(temperature_k), rel=1e-5)
    found = minimize_scalar(lambda x: -radiation.planck_spectral_exitance(x * peak, temperature_k),
                            bounds=(0.5, 2.0), method="bounded", options={"xatol": 1e-9})
    assert found.x == pytest.approx(1.0, abs=1e-6)


def test_room_temperature_objects_peak_in_the_infrared():
    assert radiation.peak_wavelength_m(293.15) == pytest.approx(9.885e-6, rel=1e-3)
    assert radiation.peak_wavelength_m(373.15) == pytest.approx(7.766e-6, rel=1e-3)


def test_emissivity_table_is_inside_the_cited_ranges_and_in_order():
    values = radiation.SURFACE_EMISSIVITIES
    for name, value in values.items():
        low, high = radiation.EMISSIVITY_RANGES[name]
        assert low <= value <= high, name
    assert values["Matt black"] > values["White paint"] > values["Dull aluminium"] > values["Shiny aluminium"]
    # White paint is nearly as good an infrared emitter as black (≥ 0.85).
    assert values["White paint"] >= 0.85


def test_power_formulas():
    # ε σ A T⁴ for a 10 cm face of matt black at 80 °C.
    expected = 0.97 * 5.670374419e-8 * 0.01 * 353.15**4
    assert radiation.emitted_power_w(0.97, 0.01, 353.15) == pytest.approx(expected, rel=1e-14)
    assert radiation.net_radiated_power_w(0.97, 0.01, 353.15, 293.15) == pytest.approx(
        0.97 * 5.670374419e-8 * 0.01 * (353.15**4 - 293.15**4), rel=1e-12)
    assert radiation.net_radiated_power_w(0.5, 1.0, 300.0, 300.0) == 0
    assert radiation.net_radiated_power_w(0.5, 1.0, 290.0, 300.0) < 0
    run = simulate(RadiationParams())
    np.testing.assert_allclose(run.net_power_w, run.emitted_power_w - run.absorbed_power_w)
    # Emitted power is in proportion to emissivity.
    np.testing.assert_allclose(run.emitted_power_w / run.emitted_power_w[0],
                               np.array(run.params.emissivities) / run.params.emissivities[0], rtol=1e-14)


@pytest.mark.parametrize("start_c, ambient_c", [(80.0, 20.0), (100.0, 0.0), (30.0, 40.0), (600.0, 20.0)])
def test_simulation_matches_exact_radiative_cooling(start_c, ambient_c):
    params = RadiationParams(temperature_c=start_c, ambient_temperature_c=ambient_c, face_area_m2=0.02,
                             heat_capacity_j_per_k=2000.0, duration_s=7200.0)
    run = simulate(params)
    for index, emissivity in enumerate(params.emissivities):
        kelvin = run.temperature_c[index, 1:] + radiation.ZERO_CELSIUS_K
        exact_times = radiation.exact_cooling_time_s(
            emissivity, params.cube_area_m2, params.heat_capacity_j_per_k, params.temperature_k,
            params.ambient_temperature_k, kelvin)
        # Time at which the exact solution reaches each simulated temperature: within 1e-3 s
        # of the simulated time (relative 1e-7 of the 2 h run) while far from equilibrium.
        far = np.abs(kelvin - params.ambient_temperature_k) > 0.05 * abs(start_c - ambient_c)
        np.testing.assert_allclose(exact_times[far], run.times_s[1:][far], atol=1e-3)


def test_time_step_independence_fourth_order():
    # Hot and light: the time constant at the start is about 62 s, so the steps matter.
    params = RadiationParams(temperature_c=400, face_area_m2=0.04, heat_capacity_j_per_k=1000, duration_s=3600)
    coarse = simulate(params, time_step_s=16.0)
    fine = simulate(params, time_step_s=8.0)
    finest = simulate(params, time_step_s=4.0)
    error_coarse = np.max(np.abs(coarse.temperature_c - finest.temperature_c[:, ::4]))
    error_fine = np.max(np.abs(fine.temperature_c - finest.temperature_c[:, ::2]))
    assert error_fine < 1e-4
    # At least fourth order: halving the step cuts the difference by 16 or more. (It is
    # nearer 50 here: the error is made in the fast early cooling and then decays.)
    assert error_coarse / error_fine > 13
    # The default step agrees with a much finer one to 1e-6 K.
    default = simulate(RadiationParams())
    reference = simulate(RadiationParams(), time_step_s=default.time_step_s / 8)
    np.testing.assert_allclose(default.temperature_c, reference.temperature_c[:, ::8], atol=1e-6)


def test_small_temperature_difference_follows_newtons_law():
    params = RadiationParams(temperature_c=21.0, ambient_temperature_c=20.0, duration_s=14400)
    run = simulate(params)
    excess = run.temperature_c - 20.0
    newton_excess = run.newton_temperature_c - 20.0
    # ΔT = 1 K on 293 K: the linearisation is good to about 1.5 ΔT/T ≈ 0.5% of the excess.
    np.testing.assert_allclose(excess, newton_excess, rtol=6e-3)
    # Newton's time constant is C / (4 ε σ A T_s³).
    h = radiation.linearised_heat_loss_w_per_k(0.97, params.cube_area_m2, 293.15)
    assert newton_excess[0, -1] == pytest.approx(math.exp(-h * 14400 / params.heat_capacity_j_per_k), rel=1e-12)


def test_large_temperature_difference_cools_faster_than_newton_predicts():
    run = simulate(RadiationParams(temperature_c=100.0, ambient_temperature_c=20.0))
    assert np.all(run.temperature_c[:, 1:] < run.newton_temperature_c[:, 1:])
    # Initial rates differ by (T⁴ − a⁴)/(4a³ΔT) = 1.99 at 100 °C against 20 °C.
    ratio = (373.15**4 - 293.15**4) / (4 * 293.15**3 * 80.0)
    slope = (run.temperature_c[0, 1] - 100.0) / run.times_s[1]
    newton_slope = (run.newton_temperature_c[0, 1] - 100.0) / run.times_s[1]
    assert slope / newton_slope == pytest.approx(ratio, rel=0.01)


def test_energy_lost_equals_integral_of_net_radiated_power():
    params = RadiationParams(temperature_c=90.0, duration_s=7200)
    run = simulate(params, time_step_s=7.2)
    for index, emissivity in enumerate(params.emissivities):
        kelvin = run.temperature_c[index] + radiation.ZERO_CELSIUS_K
        power = radiation.net_radiated_power_w(emissivity, params.cube_area_m2, kelvin, params.ambient_temperature_k)
        radiated = np.sum(0.5 * (power[1:] + power[:-1]) * np.diff(run.times_s))
        lost = params.heat_capacity_j_per_k * (run.temperature_c[index, 0] - run.temperature_c[index, -1])
        assert radiated == pytest.approx(lost, rel=1e-5)


def test_warming_approaches_the_surroundings_without_overshooting():
    run = simulate(RadiationParams(temperature_c=0.0, ambient_temperature_c=30.0, heat_capacity_j_per_k=50,
                                   face_area_m2=0.04, duration_s=7200))
    assert np.all(np.diff(run.temperature_c, axis=1) >= 0)
    assert np.all(run.temperature_c <= 30.0 + 1e-9)
    assert run.temperature_c[0, -1] == pytest.approx(30.0, abs=0.01)


@pytest.mark.parametrize(
    "field, value, range_text",
    [
        ("temperature_c", -300, "[-100, 1000] °C"),
        ("ambient_temperature_c", 2000, "[-100, 1000] °C"),
        ("face_area_m2", 0, "(0, 10] m²"),
        ("heat_capacity_j_per_k", -1, "(0, 1e+07] J/K"),
        ("duration_s", 0, "(0, 1e+06] s"),
        ("emissivities", (0.5, 1.2, 0.1, 0.1), "(0, 1]"),
        ("face_area_m2", float("nan"), "(0, 10] m²"),
    ],
)
def test_out_of_range_parameters_raise_value_error_naming_field_and_range(field, value, range_text):
    with pytest.raises(ValueError) as error:
        RadiationParams(**{field: value})
    assert field in str(error.value) and range_text in str(error.value)


def test_other_validation():
    with pytest.raises(ValueError, match="same length"):
        RadiationParams(emissivities=(0.9, 0.1))
    with pytest.raises(ValueError, match="emissivity"):
        radiation.emitted_power_w(0.0, 1.0, 300.0)
    with pytest.raises(ValueError, match="temperature_k"):
        radiation.black_body_exitance_w_m2(-5.0)
    with pytest.raises(ValueError, match="time_step_s"):
        simulate(RadiationParams(), time_step_s=0)
    with pytest.raises(ValueError, match="the most allowed is 200000"):
        simulate(RadiationParams(duration_s=1e6), time_step_s=1.0)
    with pytest.raises(AttributeError):
        RadiationParams().temperature_c = 50


def test_describe_and_tables():
    run = simulate(RadiationParams())
    text = radiation.describe(run)
    assert "80 °C" in text and "20 °C" in text
    assert f"{run.net_power_w[0]:.2f} W" in text and "8.2 μm" in text and "infrared" in text
    assert f"{run.final_temperature_c[3]:.1f} °C" in text and "120 minutes" in text
    table = radiation.to_table(run)
    assert table.headers == ["time / s", "temperature, matt black / °C", "temperature, white paint / °C",
                             "temperature, dull aluminium / °C", "temperature, shiny aluminium / °C"]
    np.testing.assert_allclose(table.column("temperature, matt black"), run.temperature_c[0])
    powers = radiation.power_table(run)
    assert powers.headers == ["emissivity", "power emitted / W", "power absorbed / W", "net power radiated / W"]
    np.testing.assert_allclose(powers.column("net power radiated"), run.net_power_w)


def test_virtual_practical_recovers_relative_emissivities_and_shows_the_background_error():
    table = radiation.virtual_practical(seed=4)
    assert table.headers[:2] == ["cube temperature / °C", "T⁴ − T_room⁴ / K⁴"]
    x = table.column("T⁴ − T_room⁴")
    black_gradient, black_intercept, _, black_intercept_error = fit_line(x, table.column("matt black reading"))
    # Gradient of a matt-black face: ε σ A / (π d²), within 3%.
    assert black_gradient == pytest.approx(0.97 * 5.670374419e-8 * 0.01 / (math.pi * 0.01), rel=0.03)
    for name, emissivity in radiation.SURFACE_EMISSIVITIES.items():
        gradient, intercept, _, intercept_error = fit_line(x, table.column(f"{name.lower()} reading"))
        # Ratio of gradients = ratio of emissivities, within 10% (worst for shiny aluminium).
        assert gradient / black_gradient == pytest.approx(emissivity / 0.97, rel=0.10), name
        # The background shows up as the intercept, 2 W/m².
        assert intercept == pytest.approx(2.0, abs=3 * intercept_error + 0.3), name
    # Comparing single readings instead: the background makes shiny look far better than it is.
    coolest = np.argmin(table.column("cube temperature"))
    naive = table.column("shiny aluminium reading")[coolest] / table.column("matt black reading")[coolest]
    assert naive > 1.3 * 0.05 / 0.97
    # Readings to 0.1 W/m² and the thermometer to 1 °C; seeded.
    readings = table.column("white paint reading")
    np.testing.assert_allclose(np.round(readings, 1), readings, atol=1e-9)
    np.testing.assert_array_equal(table.data, radiation.virtual_practical(seed=4).data)
    assert not np.array_equal(table.data, radiation.virtual_practical(seed=5).data)


def test_virtual_practical_distance_error_biases_one_face():
    honest = radiation.virtual_practical(background_w_m2=0.0, seed=1)
    closer = radiation.virtual_practical(background_w_m2=0.0, distance_errors_m=(0.0, 0.0, 0.0, -0.01), seed=1)
    x = honest.column("T⁴ − T_room⁴")
    honest_gradient = fit_line(x, honest.column("shiny aluminium reading"))[0]
    closer_gradient = fit_line(x, closer.column("shiny aluminium reading"))[0]
    # Inverse square: 9 cm instead of 10 cm reads (10/9)² = 1.23 times as much.
    assert closer_gradient / honest_gradient == pytest.approx((10 / 9) ** 2, rel=0.08)
    with pytest.raises(ValueError, match="one distance error per surface"):
        radiation.virtual_practical(distance_errors_m=(0.01,))
    with pytest.raises(ValueError, match="distance_m"):
        radiation.virtual_practical(distance_m=0)
    with pytest.raises(ValueError, match="temperatures_c"):
        radiation.virtual_practical(temperatures_c=[])

