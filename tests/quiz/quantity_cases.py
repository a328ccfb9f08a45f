"""Typed answers and the questions they answer, shared by the quantity tests and the
Python/browser parity test: what UK teachers and pupils type, as the exam boards write units."""

from stemcpd.quiz.quantity import QuantitySpec, WrongValue


def spec(answer, unit, tolerance="2%", prompt="", precision=None, sig_figs=None, wrong=(), model=None, example=None):
    """A QuantitySpec as a NumericQuestion would make it ("2%" relative, or an absolute number)."""
    if isinstance(tolerance, str):
        relative = float(tolerance.rstrip("%")) / 100
        allowed = abs(answer) * relative
    else:
        relative, allowed = None, float(tolerance)
    return QuantitySpec(answer, unit, allowed, relative, sig_figs, precision, tuple(wrong), prompt,
                        example or f"1.23 {unit}", model or f"{answer:g} {unit}")


SPECIFIC_HEAT = spec(993, "J/(kg K)", prompt="Calculate the specific heat capacity of the block.")
SPECIFIC_HEAT_CELSIUS = spec(4200, "J/(kg degC)", prompt="What is the specific heat capacity of water?")
ANGLE = spec(19.2, "degree", "1%", prompt="Calculate the angle of refraction in degrees.")
ANGLE_NO_WORDS = spec(19.2, "degree", "1%", prompt="Calculate the angle of refraction.")
ENERGY = spec(125400, "J", "1%", prompt="How much energy is transferred?")
ENERGY_KJ = spec(131.4, "kJ", "1%", prompt="Calculate the energy transferred in kJ.", precision=2)
CURRENT = spec(0.1049, "A", "1%", prompt="What is the current in the lamp?", precision=2)
DENSITY = spec(2700, "kg/m^3", prompt="What is the density of aluminium?")
FIELD = spec(9.8, "N/kg", prompt="What is the gravitational field strength?")
ACCELERATION = spec(2.5, "m/s^2", prompt="What is the acceleration?")
CONCENTRATION = spec(0.10, "mol/dm^3", prompt="What is the concentration of the acid?")
MASS_CONCENTRATION = spec(40, "g/dm^3", prompt="What is the concentration in g/dm³?")
ENTHALPY = spec(-57, "kJ/mol", prompt="What is the enthalpy change of neutralisation?")
RESISTANCE = spec(4700, "ohm", prompt="What is the resistance?")
EFFICIENCY = spec(25, "percent", "1%", prompt="What is the efficiency as a percentage?")
EFFICIENCY_RATIO = spec(0.25, "", "1%", prompt="What is the efficiency?")
KELVIN = spec(300, "K", 0.6, prompt="A gas is at 27 °C. What is its temperature in kelvin?")
CELSIUS = spec(27, "degC", 0.6, prompt="A gas is at 300 K. What is its temperature in °C?")
RISE = spec(12, "degC", 0.3, prompt="By how much does the temperature rise?")
LENGTH_FOR_EXTENSION = spec(
    0.040, "m", "2%", prompt="The spring's length goes from 0.200 m to 0.240 m. What is the extension?",
    wrong=(WrongValue(0.240, "length-not-extension", "That is the spring's new length; the extension is the increase in length."),),
)
TIME = spec(2.006, "s", "1%", prompt="Period?", sig_figs=3)
SPRING = spec(25, "N/m", prompt="What is the spring constant?")
RATE = spec(0.5, "cm^3/s", prompt="What is the mean rate of reaction?")
MOLAR_MASS = spec(44, "g/mol", prompt="What is the molar mass of carbon dioxide?")
POWER = spec(3.6e6, "J", prompt="How much energy does a 1 kW heater transfer in an hour?")

OXIDE = spec(1.0, "g", prompt="0.60 g of magnesium (Mg) burns completely: 2Mg + O₂ → 2MgO. What mass of oxide forms?")

CASES = [
    (OXIDE, "1.0", False, 0.5, None),  # "(Mg)" is magnesium, not megagrams: the unit is missing
    (OXIDE, "1.0 g", True, 1.0, None),
    # (spec, typed, expected correct, expected score, expected misconception or None)
    (SPECIFIC_HEAT, "993 J/kg °C", True, 1.0, None),
    (SPECIFIC_HEAT, "993 J/kg K", True, 1.0, None),
    (SPECIFIC_HEAT, "993 J/(kg °C)", True, 1.0, None),
    (SPECIFIC_HEAT, "993 J/(kg K)", True, 1.0, None),
    (SPECIFIC_HEAT, "993 J kg⁻¹ °C⁻¹", True, 1.0, None),
    (SPECIFIC_HEAT, "993 J kg^-1 K^-1", True, 1.0, None),
    (SPECIFIC_HEAT, "993 J/kg/°C", True, 1.0, None),
    (SPECIFIC_HEAT, "993 J/kg°C", True, 1.0, None),
    (SPECIFIC_HEAT, "993 J / kg °C", True, 1.0, None),
    (SPECIFIC_HEAT, "0.993 kJ/kg °C", True, 1.0, None),
    (SPECIFIC_HEAT, "0.993 J/g °C", True, 1.0, None),
    (SPECIFIC_HEAT, "993 J/kg", False, 0.0, "unit-measures-wrong-quantity"),
    (SPECIFIC_HEAT, "993", False, 0.5, None),
    (SPECIFIC_HEAT_CELSIUS, "4200 J/kg °C", True, 1.0, None),
    (SPECIFIC_HEAT_CELSIUS, "4200 J/kg K", True, 1.0, None),
    (SPECIFIC_HEAT_CELSIUS, "4.2 kJ/kg °C", True, 1.0, None),
    (SPECIFIC_HEAT_CELSIUS, "4.2 J/g °C", True, 1.0, None),
    (ANGLE, "19.2", True, 1.0, None),
    (ANGLE, "19.2°", True, 1.0, None),
    (ANGLE, "19.2 °", True, 1.0, None),
    (ANGLE, "19.2 degrees", True, 1.0, None),
    (ANGLE, "19.2 deg", True, 1.0, None),
    (ANGLE, "0.335 rad", True, 1.0, None),
    (ANGLE, "19", True, 1.0, None),
    (ANGLE, "19.2 m", False, 0.0, "unit-measures-wrong-quantity"),
    (ANGLE, "1.92°", False, 0.0, "power-of-ten-slip"),
    (ANGLE_NO_WORDS, "19.2", True, 1.0, None),
    (ENERGY, "125 400 J", True, 1.0, None),
    (ENERGY, "125\u2009400 J", True, 1.0, None),
    (ENERGY, "125\u202f400 J", True, 1.0, None),
    (ENERGY, "125,400 J", True, 1.0, None),
    (ENERGY, "125400J", True, 1.0, None),
    (ENERGY, "125.4 kJ", True, 1.0, None),
    (ENERGY, "0.1254 MJ", True, 1.0, None),
    (ENERGY, "1.254 × 10^5 J", True, 1.0, None),
    (ENERGY, "1.254 x10^5 J", True, 1.0, None),
    (ENERGY, "1.254 x 10^5 J", True, 1.0, None),
    (ENERGY, "1.254×10⁵ J", True, 1.0, None),
    (ENERGY, "1.254E5 J", True, 1.0, None),
    (ENERGY, "1.254e+5 J", True, 1.0, None),
    (ENERGY, "1.254 X 10^5 joules", True, 1.0, None),
    (ENERGY, "125.4 kilojoules", True, 1.0, None),
    (ENERGY, "125.4 KJ", True, 1.0, None),
    (ENERGY, "125.4 kj", True, 1.0, None),
    (ENERGY, "125.4 J", False, 0.0, "power-of-ten-slip"),
    (ENERGY, "125400 kJ", False, 0.0, "power-of-ten-slip"),
    (ENERGY, "125 400", False, 0.5, None),
    (ENERGY, "125 400 N", False, 0.0, "unit-measures-wrong-quantity"),
    (ENERGY, "12 54 J", False, 0.0, None),
    (ENERGY_KJ, "130 kJ", True, 1.0, None),
    (ENERGY_KJ, "131 kJ", True, 1.0, None),
    (ENERGY_KJ, "130", True, 1.0, None),
    (ENERGY_KJ, "1.3 × 10^5 J", True, 1.0, None),
    (ENERGY_KJ, "100 kJ", False, 0.5, None),  # 131.4 to 1 s.f.: rounded further than the data allow
    (ENERGY_KJ, "120 kJ", False, 0.0, None),
    (ENERGY_KJ, "131.4 J", False, 0.0, "power-of-ten-slip"),
    (ENERGY_KJ, "131400 kJ", False, 0.0, "power-of-ten-slip"),
    (ENERGY_KJ, "131.4123 kJ", True, 1.0, None),
    (CURRENT, "0.10 A", True, 1.0, None),
    (CURRENT, "0.105 A", True, 1.0, None),
    (CURRENT, "0.1049 A", True, 1.0, None),
    (CURRENT, "0.1 A", False, 0.5, None),
    (CURRENT, "0.11 A", False, 0.0, None),
    (CURRENT, "105 mA", True, 1.0, None),
    (CURRENT, "100 mA", True, 1.0, None),
    (CURRENT, "1.0 × 10^-1 A", True, 1.0, None),
    (CURRENT, "1.0 x 10⁻¹ A", True, 1.0, None),
    (CURRENT, "1.0 x 10−1 A", True, 1.0, None),
    (CURRENT, "0.104912 A", True, 1.0, None),
    (CURRENT, "0.10 amps", True, 1.0, None),
    (CURRENT, "0.10 V", False, 0.0, "unit-measures-wrong-quantity"),
    (DENSITY, "2700 kg/m³", True, 1.0, None),
    (DENSITY, "2700 kg/m^3", True, 1.0, None),
    (DENSITY, "2700 kg m⁻³", True, 1.0, None),
    (DENSITY, "2700 kg m-3", True, 1.0, None),
    (DENSITY, "2.7 g/cm³", True, 1.0, None),
    (DENSITY, "2.7 g/cm^3", True, 1.0, None),
    (DENSITY, "2.7 g cm^-3", True, 1.0, None),
    (DENSITY, "2.7 kg/m³", False, 0.0, "power-of-ten-slip"),
    (DENSITY, "2700 kg", False, 0.0, "unit-measures-wrong-quantity"),
    (FIELD, "9.8 N/kg", True, 1.0, None),
    (FIELD, "9.8 N kg⁻¹", True, 1.0, None),
    (FIELD, "9.8 m/s²", True, 1.0, None),
    (FIELD, "9.8 m/s^2", True, 1.0, None),
    (FIELD, "10 N/kg", False, 0.5, None),  # 9.8 to 1 s.f.: more figures needed, and the reason given
    (ACCELERATION, "2.5 m/s²", True, 1.0, None),
    (ACCELERATION, "2.5 m s⁻²", True, 1.0, None),
    (ACCELERATION, "2.5 m/s/s", True, 1.0, None),
    (ACCELERATION, "2.5 m/s2", True, 1.0, None),
    (ACCELERATION, "2.5 ms^-2", False, 0.0, "unit-measures-wrong-quantity"),
    (ACCELERATION, "2.5 m/s", False, 0.0, "unit-measures-wrong-quantity"),
    (CONCENTRATION, "0.10 mol/dm³", True, 1.0, None),
    (CONCENTRATION, "0.10 mol/dm^3", True, 1.0, None),
    (CONCENTRATION, "0.10 mol dm⁻³", True, 1.0, None),
    (CONCENTRATION, "0.10 mol dm-3", True, 1.0, None),
    (CONCENTRATION, "0.10 M", True, 1.0, None),
    (CONCENTRATION, "0.10 mol/L", True, 1.0, None),
    (CONCENTRATION, "100 mol/m³", True, 1.0, None),
    (CONCENTRATION, "100 mmol/dm³", True, 1.0, None),
    (CONCENTRATION, "100 mol/dm³", False, 0.0, "power-of-ten-slip"),
    (CONCENTRATION, "0.10 g/dm³", False, 0.0, "unit-measures-wrong-quantity"),
    (MASS_CONCENTRATION, "40 g/dm³", True, 1.0, None),
    (MASS_CONCENTRATION, "40 g dm⁻³", True, 1.0, None),
    (MASS_CONCENTRATION, "40 g/L", True, 1.0, None),
    (MASS_CONCENTRATION, "40", True, 1.0, None),
    (MASS_CONCENTRATION, "0.040 g/cm³", True, 1.0, None),
    (ENTHALPY, "-57 kJ/mol", True, 1.0, None),
    (ENTHALPY, "−57 kJ/mol", True, 1.0, None),
    (ENTHALPY, "–57 kJ mol⁻¹", True, 1.0, None),
    (ENTHALPY, "-57 000 J/mol", True, 1.0, None),
    (ENTHALPY, "57 kJ/mol", False, 0.0, None),
    (ENTHALPY, "-57 kJ", False, 0.0, "unit-measures-wrong-quantity"),
    (RESISTANCE, "4700 Ω", True, 1.0, None),
    (RESISTANCE, "4.7 kΩ", True, 1.0, None),
    (RESISTANCE, "4.7 kohm", True, 1.0, None),
    (RESISTANCE, "4700 ohms", True, 1.0, None),
    (RESISTANCE, "4.7 kilohms", True, 1.0, None),
    (RESISTANCE, "4.7 k ohm", False, 0.0, "unit-measures-wrong-quantity"),  # k alone reads as K
    (RESISTANCE, "4.7 Ω", False, 0.0, "power-of-ten-slip"),
    (EFFICIENCY, "25 %", True, 1.0, None),
    (EFFICIENCY, "25%", True, 1.0, None),
    (EFFICIENCY, "25", True, 1.0, None),
    (EFFICIENCY, "25 percent", True, 1.0, None),
    (EFFICIENCY, "0.25", False, 0.5, None),
    (EFFICIENCY_RATIO, "0.25", True, 1.0, None),
    (EFFICIENCY_RATIO, "25%", True, 1.0, None),
    (EFFICIENCY_RATIO, "25 %", True, 1.0, None),
    (KELVIN, "300 K", True, 1.0, None),
    (KELVIN, "300", True, 1.0, None),
    (KELVIN, "300.15 K", True, 1.0, None),
    (KELVIN, "27 °C", True, 1.0, None),
    (KELVIN, "27 K", False, 0.0, "celsius-not-converted-to-kelvin"),
    (KELVIN, "27", False, 0.0, "celsius-not-converted-to-kelvin"),
    (KELVIN, "300 k", True, 1.0, None),
    (CELSIUS, "27 °C", True, 1.0, None),
    (CELSIUS, "27 ºC", True, 1.0, None),
    (CELSIUS, "300 K", True, 1.0, None),
    (CELSIUS, "300 °C", False, 0.0, "kelvin-given-for-celsius"),
    (RISE, "12 °C", True, 1.0, None),
    (RISE, "12 K", True, 1.0, None),
    (RISE, "12", False, 0.5, None),
    (LENGTH_FOR_EXTENSION, "0.040 m", True, 1.0, None),
    (LENGTH_FOR_EXTENSION, "4.0 cm", True, 1.0, None),
    (LENGTH_FOR_EXTENSION, "40 mm", True, 1.0, None),
    (LENGTH_FOR_EXTENSION, "0.240 m", False, 0.0, "length-not-extension"),
    (LENGTH_FOR_EXTENSION, "24 cm", False, 0.0, "length-not-extension"),
    (LENGTH_FOR_EXTENSION, "4.0 m", False, 0.0, "power-of-ten-slip"),
    (TIME, "2.01 s", True, 1.0, None),
    (TIME, "2.006 s", False, 0.75, None),
    (TIME, "2010 ms", True, 1.0, None),
    (TIME, "2.01", False, 0.5, None),
    (SPRING, "25 N/m", True, 1.0, None),
    (SPRING, "25 N m⁻¹", True, 1.0, None),
    (SPRING, "0.25 N/cm", True, 1.0, None),
    (SPRING, "25 N", False, 0.0, "unit-measures-wrong-quantity"),
    (RATE, "0.5 cm³/s", True, 1.0, None),
    (RATE, "0.50 cm^3/s", True, 1.0, None),
    (RATE, "30 cm³/min", True, 1.0, None),
    (RATE, "0.5 cm³ s⁻¹", True, 1.0, None),
    (MOLAR_MASS, "44 g/mol", True, 1.0, None),
    (MOLAR_MASS, "44 g mol⁻¹", True, 1.0, None),
    (MOLAR_MASS, "0.044 kg/mol", True, 1.0, None),
    (POWER, "3.6 MJ", True, 1.0, None),
    (POWER, "1 kWh", True, 1.0, None),
    (POWER, "3 600 000 J", True, 1.0, None),
    (POWER, "3.6 × 10⁶ J", True, 1.0, None),
    (POWER, "3.6 MJ per hour", False, 0.0, "unit-measures-wrong-quantity"),
    (ENERGY, "", False, 0.0, None),
    (ENERGY, "about 125 kJ", False, 0.0, None),
    (ENERGY, "9,81 J", False, 0.0, None),
    (ENERGY, "125.4 furlongs", False, 0.0, None),
    (ENERGY, "125.4 kJ)", False, 0.0, None),
    (ENERGY, "1e999 J", False, 0.0, None),
    (ENERGY, "2 s**9999999999", False, 0.0, None),
    (ENERGY, "x" * 120, False, 0.0, None),
    (ENERGY, "125.4 kJ\u202e", False, 0.0, None),
]
