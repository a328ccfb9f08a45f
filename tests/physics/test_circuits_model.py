"""Circuits model against hand calculations, Kirchhoff's laws and published values.

References:
* Series/parallel: R = ΣR and 1/R = Σ1/R, worked by hand in each test.
* Resistivity at 20 °C: constantan 49 × 10⁻⁸ Ω m, nichrome 110 × 10⁻⁸ Ω m (Kaye & Laby /
  school data-book values).
* Tungsten resistivity (Midwest Tungsten Service data, tungsten.com): 5.5 µΩ cm at 20 °C,
  10.5 at 227 °C, 24.3 at 727 °C, 55.7 at 1727 °C, 90.4 at 2727 °C — the R ∝ T^1.2 law
  the lamp uses must match these ratios within 3 %.
* Shockley diode equation with NXP's 1N4148 PSPICE parameters (IS 4.352 nA, N 1.906,
  RS 0.6458 Ω, BV 110 V); V_T = kT/e with CODATA 2018 k and e.
* NTC B-parameter equation R = R25 exp(B(1/T − 1/298.15 K)).
* GL55-series LDR datasheet: γ = log10(R10/R100).
"""

import math

import numpy as np
import pytest

from stemcpd.physics import circuits
from stemcpd.physics.circuits import (
    CircuitExplorerParams,
    DiodeParams,
    LampParams,
    LdrParams,
    ResistorParams,
    ThermistorParams,
    WireParams,
    equivalent_resistance,
    iv_curve,
    potential_divider,
)
from stemcpd.practical import fit_line

K_B = 1.380649e-23  # J/K, exact (SI 2019)
Q_E = 1.602176634e-19  # C, exact (SI 2019)


# ---------------------------------------------------------------- resistor networks
@pytest.mark.parametrize(
    "resistances, arrangement, expected",
    [
        ([10, 20, 30], "series", 60.0),
        ([6, 3], "parallel", 2.0),
        ([100, 100, 100, 100], "parallel", 25.0),
        ([47], "series", 47.0),
        ([47], "parallel", 47.0),
        ([1e6, 1], "parallel", 1e6 / (1e6 + 1)),
    ],
)
def test_flat_series_and_parallel_match_hand_values(resistances, arrangement, expected):
    assert equivalent_resistance(resistances, arrangement) == pytest.approx(expected, rel=1e-12)


@pytest.mark.parametrize(
    "network, expected",
    [
        (("series", [10, ("parallel", [20, 20])]), 20.0),
        (("parallel", [("series", [100, 200]), 300]), 150.0),
        # 1 + 2 ∥ (3 + 4 ∥ 4) = 1 + 2 ∥ 5 = 1 + 10/7
        (("series", [1, ("parallel", [2, ("series", [3, ("parallel", [4, 4])])])]), 1 + 10 / 7),
        (("parallel", [("parallel", [12, 12]), ("series", [3, 3])]), 3.0),
        (220, 220.0),
    ],
)
def test_nested_networks_match_hand_calculations(network, expected):
    assert equivalent_resistance(network) == pytest.approx(expected, rel=1e-12)


def test_parallel_is_below_the_smallest_and_series_above_the_largest():
    values = [33.0, 47.0, 68.0, 100.0]
    assert equivalent_resistance(values, "parallel") < min(values)
    assert equivalent_resistance(values, "series") > max(values)


@pytest.mark.parametrize(
    "call, message",
    [
        (lambda: equivalent_resistance([10, -5], "series"), r"network\[1\]: resistance must be in \(0, inf\) ohm"),
        (lambda: equivalent_resistance([10, 0], "parallel"), r"network\[1\]: resistance must be in \(0, inf\)"),
        (lambda: equivalent_resistance([], "series"), "needs at least one resistance"),
        (lambda: equivalent_resistance([10, 20], "diagonal"), "arrangement must be 'series' or 'parallel'"),
        (lambda: equivalent_resistance(("series", [10, ("paralel", [1, 2])])), r"network\[1\]: arrangement must be"),
        (lambda: equivalent_resistance(("series", [10, "ten"])), r"network\[1\]: expected a resistance"),
        (lambda: equivalent_resistance(("series", [10, float("nan")])), r"network\[1\]: resistance must be"),
        (lambda: equivalent_resistance(("series", [10, math.inf])), r"network\[1\]: resistance must be"),
        (lambda: equivalent_resistance(("series", 10)), "needs a list of resistances"),
        (lambda: equivalent_resistance(True), "expected a resistance"),
    ],
)
def test_network_validation_errors_say_where_and_what(call, message):
    with pytest.raises(ValueError, match=message):
        call()


# ---------------------------------------------------------------- wire resistance
def test_wire_resistance_is_rho_l_over_a():
    # 32 SWG constantan: A = π (0.137 mm)² = 5.8965e-8 m² → 8.310 Ω per metre (by hand).
    assert circuits.wire_resistance(1.0) == pytest.approx(8.310, rel=1e-3)
    nichrome = WireParams(resistivity_ohm_m=circuits.RESISTIVITY_OHM_M["nichrome"], diameter_m=0.56e-3)
    expected = 110e-8 * 0.35 / (math.pi * 0.28e-3**2)
    assert circuits.wire_resistance(0.35, nichrome) == pytest.approx(expected, rel=1e-12)
    lengths = np.array([0.0, 0.25, 0.5, 1.0])
    np.testing.assert_allclose(circuits.wire_resistance(lengths), 8.3101 * lengths, rtol=1e-4)
    # Doubling the diameter quarters the resistance.
    thick = WireParams(diameter_m=0.548e-3)
    assert circuits.wire_resistance(1.0, thick) == pytest.approx(circuits.wire_resistance(1.0) / 4, rel=1e-12)


def test_wire_validation():
    with pytest.raises(ValueError, match=r"length_m must be in \[0, 100\] m"):
        circuits.wire_resistance(-0.1)
    with pytest.raises(ValueError, match=r"diameter_m must be in \(0, 0.01\] m"):
        WireParams(diameter_m=0)
    with pytest.raises(ValueError, match=r"resistivity_ohm_m must be in \(0, 1\] ohm m"):
        WireParams(resistivity_ohm_m=-1)


# ---------------------------------------------------------------- potential divider
@pytest.mark.parametrize("vin, r1, r2, load", [(6, 100, 100, 1000), (12, 330, 1000, 470), (5, 1e3, 2.2e3, 1e9), (9, 10, 1e4, 50)])
def test_potential_divider_obeys_kirchhoffs_laws(vin, r1, r2, load):
    d = potential_divider(vin, r1, r2, load)
    # Current law at the output node: what flows in through R1 leaves through R2 and the load.
    assert d.current_r1_a == pytest.approx(d.current_r2_a + d.current_load_a, rel=1e-12)
    # Voltage law round the loop: the p.d.s across R1 and R2 add up to the supply.
    assert d.top_voltage_v + d.output_voltage_v == pytest.approx(vin, rel=1e-12)
    # Ohm's law for each resistor.
    assert d.top_voltage_v == pytest.approx(d.current_r1_a * r1, rel=1e-12)
    assert d.output_voltage_v == pytest.approx(d.current_load_a * load, rel=1e-12)
    assert d.output_voltage_v < d.unloaded_output_voltage_v


def test_potential_divider_hand_values_and_unloaded_limit():
    unloaded = potential_divider(12.0, 1000.0, 2000.0)
    assert unloaded.output_voltage_v == pytest.approx(8.0, rel=1e-12)
    assert unloaded.current_load_a == 0.0
    # A load equal to R2 halves the bottom resistance: 12 × 1000/(1000 + 1000) = 6 V.
    assert potential_divider(12.0, 1000.0, 2000.0, 2000.0).output_voltage_v == pytest.approx(6.0, rel=1e-12)
    # A 10 MΩ digital voltmeter barely loads a 1 kΩ / 2 kΩ divider (< 0.01 %).
    meter = potential_divider(12.0, 1000.0, 2000.0, 10e6)
    assert meter.output_voltage_v == pytest.approx(8.0, rel=1e-4)


def test_potential_divider_validation():
    with pytest.raises(ValueError, match=r"r1_ohm must be in \(0, inf\) ohm"):
        potential_divider(6, 0, 100)
    with pytest.raises(ValueError, match=r"input_voltage_v must be in \[0, 1000\] V"):
        potential_divider(-1, 100, 100)
    with pytest.raises(ValueError, match="load_resistance_ohm"):
        potential_divider(6, 100, 100, 0)


# ---------------------------------------------------------------- resistor and lamp
def test_resistor_obeys_ohms_law():
    voltages = np.linspace(-12, 12, 25)
    np.testing.assert_allclose(iv_curve("resistor", voltages, ResistorParams(47.0)), voltages / 47.0, rtol=1e-15)
    assert iv_curve(" Resistor ", 4.7, ResistorParams(47.0)) == pytest.approx(0.1)


def test_lamp_obeys_ohms_law_at_low_current_and_its_rating_at_high():
    lamp = LampParams()  # 6 V 0.06 A, filament 2500 K
    small = np.array([1e-4, 1e-3, -1e-3])
    np.testing.assert_allclose(small / iv_curve("filament lamp", small, lamp), lamp.cold_resistance_ohm, rtol=1e-4)
    # Cold resistance = 100 Ω / (2500/293.15)^1.2 (by hand: 7.638 Ω).
    assert lamp.cold_resistance_ohm == pytest.approx(100 / (2500 / 293.15) ** 1.2, rel=1e-12)
    assert lamp.cold_resistance_ohm == pytest.approx(7.638, rel=1e-3)
    assert iv_curve("filament lamp", 6.0, lamp) == pytest.approx(0.06, rel=1e-9)
    assert circuits.lamp_temperature_k([6.0], lamp)[0] == pytest.approx(2500.0, rel=1e-9)


def test_lamp_curve_is_symmetric_and_its_resistance_rises_with_current():
    voltages = np.linspace(0.01, 12, 200)
    currents = iv_curve("filament lamp", voltages)
    np.testing.assert_allclose(iv_curve("filament lamp", -voltages), -currents, rtol=1e-12)
    assert np.all(np.diff(currents) > 0)
    assert np.all(np.diff(voltages / currents) > 0)


def test_lamp_steady_state_balances_electrical_power_and_heat_loss():
    lamp = LampParams()
    voltages = np.array([0.05, 0.5, 2.0, 6.0, 10.0])
    temperatures = circuits.lamp_temperature_k(voltages, lamp)
    currents = iv_curve("filament lamp", voltages, lamp)
    np.testing.assert_allclose(voltages * currents, lamp.power_loss_w(temperatures), rtol=1e-9)


@pytest.mark.parametrize(
    "temperature_c, published_ratio",
    [(227, 10.5 / 5.5), (727, 24.3 / 5.5), (1727, 55.7 / 5.5), (2727, 90.4 / 5.5)],
)
def test_tungsten_power_law_matches_published_resistivity(temperature_c, published_ratio):
    lamp = LampParams()
    ratio = lamp.resistance_ohm(temperature_c + 273.15) / lamp.cold_resistance_ohm
    assert ratio == pytest.approx(published_ratio, rel=0.03)


# ---------------------------------------------------------------- diode
def test_diode_without_series_resistance_gives_shockley_values():
    diode = DiodeParams(series_resistance_ohm=0.0)
    vt = K_B * 300.15 / Q_E
    assert diode.thermal_voltage_v == pytest.approx(0.025865, rel=1e-4)
    voltages = np.array([-1.0, -0.2, 0.0, 0.3, 0.5, 0.6, 0.7])
    expected = 4.352e-9 * (np.exp(voltages / (1.906 * vt)) - 1)
    np.testing.assert_allclose(iv_curve("diode", voltages, diode), expected, rtol=1e-9, atol=1e-21)
    # Hand value: I(0.6 V) = 4.352 nA × (e^(0.6/0.049299) − 1) = 4.352 nA × 1.9303e5 ≈ 0.840 mA.
    assert iv_curve("diode", 0.6, diode) == pytest.approx(0.840e-3, rel=2e-3)


def test_diode_with_series_resistance_satisfies_its_loop_equation():
    diode = DiodeParams()  # 1N4148, RS 0.6458 Ω
    voltages = np.array([0.3, 0.6, 0.8, 1.0, 2.0, 5.0])
    currents = iv_curve("diode", voltages, diode)
    emission = 1.906 * K_B * 300.15 / Q_E
    junction = emission * np.log1p(currents / 4.352e-9)
    np.testing.assert_allclose(junction + currents * 0.6458, voltages, rtol=1e-9)
    # At 5 V only the ohmic part limits the current: (5 − V_junction)/R_s, several amps.
    assert currents[-1] > 5.0


def test_diode_blocks_in_reverse_until_breakdown():
    diode = DiodeParams()
    reverse = iv_curve("diode", np.array([-1.0, -12.0, -100.0]), diode)
    np.testing.assert_allclose(reverse, -4.352e-9, rtol=1e-6)
    beyond = iv_curve("diode", -(110.0 + 2.0), diode)
    assert beyond < -0.5  # conducts hard about 2 V past breakdown
    assert iv_curve("diode", 0.0, diode) == pytest.approx(0.0, abs=1e-20)


def test_diode_with_protective_resistor_shares_the_supply():
    current = float(circuits.diode_current(6.0, DiodeParams(), protective_resistance_ohm=100.0))
    diode_voltage = 6.0 - 100.0 * current
    assert 0.6 < diode_voltage < 1.0
    assert iv_curve("diode", diode_voltage) == pytest.approx(current, rel=1e-8)


# ---------------------------------------------------------------- thermistor
def test_thermistor_b_equation_gives_r25_at_25_celsius():
    assert circuits.thermistor_resistance(25.0, 10_000.0, 3950.0) == pytest.approx(10_000.0, rel=1e-12)
    # Two temperatures recover B: ln(R1/R2) / (1/T1 − 1/T2).
    r0, r100 = circuits.thermistor_resistance([0.0, 100.0], 10_000.0, 3950.0)
    assert math.log(r0 / r100) / (1 / 273.15 - 1 / 373.15) == pytest.approx(3950.0, rel=1e-12)
    # Hand value: 10 kΩ × e^(3950 (1/273.15 − 1/298.15)) = 33.6 kΩ at 0 °C.
    assert r0 == pytest.approx(33_620, rel=1e-3)


def test_thermistor_in_a_water_bath_is_ohmic_and_falls_with_temperature():
    voltages = np.linspace(-5, 5, 11)
    warm = ThermistorParams(resistance_25c_ohm=100.0, temperature_c=60.0)
    expected = voltages / circuits.thermistor_resistance(60.0, 100.0, 3950.0)
    np.testing.assert_allclose(iv_curve("thermistor", voltages, warm), expected, rtol=1e-12)
    cold = ThermistorParams(resistance_25c_ohm=100.0, temperature_c=10.0)
    assert iv_curve("thermistor", 5.0, cold) < iv_curve("thermistor", 5.0, warm)


def test_self_heating_thermistor_balances_power_and_runs_away_past_the_peak():
    params = ThermistorParams(dissipation_constant_w_per_k=0.007)  # 10 kΩ, 7 mW/K
    voltages = np.array([0.001, 1.0, 5.0, 10.0, 15.0])
    temperatures = circuits.thermistor_temperature_k(voltages, params)
    currents = iv_curve("thermistor", voltages, params)
    np.testing.assert_allclose(voltages * currents, 0.007 * (temperatures - 298.15), rtol=1e-8, atol=1e-15)
    assert currents[0] == pytest.approx(0.001 / 10_000, rel=1e-6)  # Ohm's law at low current
    assert np.all(np.diff(voltages / currents) < 0)  # warms, so its resistance falls
    with pytest.raises(ValueError, match="self-heating runs away"):
        iv_curve("thermistor", 60.0, params)


# ---------------------------------------------------------------- LDR
def test_ldr_follows_its_gamma_power_law_and_dark_resistance():
    ldr = LdrParams(resistance_10lux_ohm=15_000, gamma=0.6, dark_resistance_ohm=1e6)  # GL5528
    r10, r100 = ldr.resistance_ohm(10.0), ldr.resistance_ohm(100.0)
    # Dark conduction is in parallel, so R10 reads 1.5 % low and γ is within 0.01.
    assert r10 == pytest.approx(15_000, rel=0.02)
    assert math.log10(r10 / r100) == pytest.approx(0.6, abs=0.01)
    assert ldr.resistance_ohm(0.0) == pytest.approx(1e6, rel=1e-12)
    lit = LdrParams(illuminance_lux=1000)
    assert iv_curve("ldr", 6.0, lit) == pytest.approx(6.0 / lit.resistance_ohm(), rel=1e-12)
    assert iv_curve("ldr", 6.0, lit) > iv_curve("ldr", 6.0, LdrParams(illuminance_lux=10))


# ---------------------------------------------------------------- iv_curve checks
def test_iv_curve_returns_the_shape_it_was_given_and_validates():
    for name in circuits.COMPONENTS:
        assert iv_curve(name, np.zeros((3, 2))).shape == (3, 2)
        assert isinstance(iv_curve(name, 1.0), float)
    with pytest.raises(ValueError, match="component must be one of resistor, filament lamp, diode"):
        iv_curve("capacitor", [1.0])
    with pytest.raises(ValueError, match="params for a diode must be DiodeParams, got LampParams"):
        iv_curve("diode", [1.0], LampParams())
    with pytest.raises(ValueError, match="voltages must be finite"):
        iv_curve("resistor", [1.0, float("nan")])


@pytest.mark.parametrize(
    "make, field, range_text",
    [
        (lambda: ResistorParams(0), "resistance_ohm", "(0, inf) ohm"),
        (lambda: LampParams(filament_temperature_k=4000), "filament_temperature_k", "(300, 3695) K"),
        (lambda: LampParams(rated_current_a=-0.1), "rated_current_a", "(0, 100] A"),
        (lambda: DiodeParams(ideality_factor=0), "ideality_factor", "(0, 10]"),
        (lambda: DiodeParams(series_resistance_ohm=-1), "series_resistance_ohm", "[0, 1e+06] ohm"),
        (lambda: ThermistorParams(b_constant_k=-3950), "b_constant_k", "(0, 20000] K"),
        (lambda: ThermistorParams(temperature_c=-300), "temperature_c", "(-273.15, 300] °C"),
        (lambda: LdrParams(illuminance_lux=-5), "illuminance_lux", "[0, 200000] lux"),
        (lambda: CircuitExplorerParams(supply_voltage_v=13), "supply_voltage_v", "(0, 12] V"),
        (lambda: CircuitExplorerParams(temperature_c=101), "temperature_c", "[0, 100] °C"),
    ],
)
def test_parameter_errors_name_the_field_and_range(make, field, range_text):
    with pytest.raises(ValueError) as error:
        make()
    assert field in str(error.value) and range_text in str(error.value)


# ---------------------------------------------------------------- explorer, describe, table
def test_explore_operating_points_lie_on_the_curves():
    result = circuits.explore(CircuitExplorerParams(supply_voltage_v=4.0, temperature_c=50, illuminance_lux=100))
    for name in circuits.COMPONENTS:
        v, i = result.operating_voltage_v[name], result.operating_current_a[name]
        assert iv_curve(name, v, circuits.model.kit_params(result.params)[name]) == pytest.approx(i, rel=1e-8)
    assert result.operating_current_a["resistor"] == pytest.approx(0.04)
    assert result.wire_resistance_ohm == pytest.approx(circuits.wire_resistance(0.5))
    assert result.voltages_v[0] == -4.0 and result.voltages_v[-1] == 4.0


def test_describe_speaks_the_key_numbers():
    result = circuits.explore(CircuitExplorerParams(supply_voltage_v=6.0, wire_length_m=0.5))
    text = circuits.describe(result)
    assert "At 6.0 V the resistor takes 60.0 mA" in text
    assert "the lamp 60.0 mA" in text
    assert "0.50 m of constantan wire has a resistance of 4.16 Ω" in text
    assert f"{result.divider.output_voltage_v:.2f} V with the 1000 Ω load" in text
    assert "3.00 V unloaded" in text


def test_to_table_has_a_current_column_per_component_with_units():
    result = circuits.explore()
    table = circuits.to_table(result)
    assert table.headers[0] == "potential difference / V"
    assert table.headers[1:] == [f"current, {name} / A" for name in circuits.COMPONENTS]
    np.testing.assert_allclose(table.column("current, resistor"), result.voltages_v / 100.0)
    assert len(table) == len(result.voltages_v)


# ---------------------------------------------------------------- virtual practical
def test_virtual_practical_recovers_resistivity_and_shows_contact_resistance():
    table = circuits.virtual_practical(lengths_m=np.linspace(0.1, 1.0, 10), seed=2)
    gradient, intercept, gradient_error, intercept_error = fit_line(table.column("length"), table.column("resistance"))
    area = math.pi * (0.274e-3) ** 2 / 4
    # Meters to 0.01 A / 0.01 V: ρ = gradient × A within 3 % of 49 × 10⁻⁸ Ω m.
    assert gradient * area == pytest.approx(49e-8, rel=0.03)
    # The clips' 0.2 Ω appears as a positive intercept.
    assert intercept == pytest.approx(0.2, abs=3 * intercept_error + 0.05)
    assert intercept > 0
    without_clips = circuits.virtual_practical(lengths_m=np.linspace(0.1, 1.0, 10), contact_resistance_ohm=0, seed=2)
    assert abs(fit_line(without_clips.column("length"), without_clips.column("resistance"))[1]) < 0.15
    # Readings are to 0.01 A and 0.01 V; seeded.
    for column in ("current", "potential difference"):
        values = table.column(column)
        np.testing.assert_allclose(np.round(values, 2), values, atol=1e-9)
    again = circuits.virtual_practical(lengths_m=np.linspace(0.1, 1.0, 10), seed=2)
    np.testing.assert_array_equal(table.data, again.data)
    other = circuits.virtual_practical(lengths_m=np.linspace(0.1, 1.0, 10), seed=3)
    assert not np.array_equal(table.data, other.data)
    assert table.headers == ["length / m", "potential difference / V", "current / A", "resistance / Ω"]


def test_virtual_practical_validates_its_arguments():
    with pytest.raises(ValueError, match="lengths_m must list"):
        circuits.virtual_practical(lengths_m=[])
    with pytest.raises(ValueError, match="length_m"):
        circuits.virtual_practical(lengths_m=[0.5, -0.1])
    with pytest.raises(ValueError, match="contact_resistance_ohm"):
        circuits.virtual_practical(contact_resistance_ohm=-0.1)
    with pytest.raises(ValueError, match="seed"):
        circuits.virtual_practical(seed=-1)


def test_model_import_does_not_pull_in_plotting_or_widgets():
    import subprocess
    import sys

    code = (
        "import sys, stemcpd.physics.circuits; "
        "bad = [m for m in ('matplotlib', 'ipywidgets') if m in sys.modules]; "
        "sys.exit(1 if bad else 0)"
    )
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0


class TestIVVirtualPractical:
    """The I–V characteristics required practical, with a milliammeter zero error."""

    def test_resistor_readings_give_ohms_law_and_show_the_zero_error(self):
        from stemcpd.physics.circuits import iv_virtual_practical
        from stemcpd.practical import fit_line

        table = iv_virtual_practical("resistor", repeats=3, seed=2)
        voltage = np.concatenate([table.column(f"p.d., run {run}") for run in (1, 2, 3)])
        current = np.concatenate([table.column(f"current, run {run}") for run in (1, 2, 3)])
        gradient, intercept, gradient_error, intercept_error = fit_line(voltage, current)
        # 100 Ω kit resistor: gradient 1/R = 0.0100 A/V within 2 %.
        assert gradient == pytest.approx(0.01, rel=0.02)
        # The un-zeroed milliammeter lifts the whole line by 2 mA.
        assert intercept == pytest.approx(0.002, abs=3 * intercept_error + 0.0003)
        assert intercept > 0

    def test_lamp_is_not_ohmic_and_diode_conducts_one_way(self):
        from stemcpd.physics.circuits import iv_virtual_practical

        lamp = iv_virtual_practical("filament lamp", seed=1)
        v, i = lamp.column("p.d., run 1"), lamp.column("current, run 1") - 0.002
        high, low = np.argmax(v), np.argmin(np.where(v > 0.5, v, np.inf))
        assert v[high] / i[high] > 2 * v[low] / i[low]  # resistance rises as it heats
        diode = iv_virtual_practical("diode", seed=1)
        dv, di = diode.column("p.d., run 1"), diode.column("current, run 1") - 0.002
        assert np.all(np.abs(di[dv < 0]) < 0.001)  # reverse: (almost) nothing
        assert di[np.argmax(dv)] > 0.02 and 0.6 < dv.max() < 1.0  # forward: conducts at ~0.7 V

    def test_seeded_resolution_and_validation(self):
        from stemcpd.physics.circuits import iv_virtual_practical

        a = iv_virtual_practical("thermistor", seed=5)
        np.testing.assert_array_equal(a.data, iv_virtual_practical("thermistor", seed=5).data)
        currents = a.column("current, run 1")
        np.testing.assert_allclose(np.round(currents / 0.0001) * 0.0001, currents, atol=1e-12)
        with pytest.raises(ValueError, match="component must be one of"):
            iv_virtual_practical("capacitor")
        with pytest.raises(ValueError, match="supply_setting_v"):
            iv_virtual_practical("resistor", supply_settings_v=[0, 50])
        with pytest.raises(ValueError, match="repeats"):
            iv_virtual_practical("resistor", repeats=0)
