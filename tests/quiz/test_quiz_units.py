"""Reading typed quantities: notations, significant figures, refusals."""

import pytest

from stemcpd.quiz.units import (
    MAX_RESPONSE_CHARACTERS,
    ResponseParseError,
    describe_unit,
    dimension_phrase,
    normalise,
    parse_response,
    parse_unit,
    unit_registry,
)


@pytest.mark.parametrize(
    "text, value, unit_text",
    [
        ("9.81 m/s^2", 9.81, "m/s^2"),
        ("9.81 m s^-2", 9.81, "m s^-2"),
        ("9.81 m/s²", 9.81, "m/s^2"),
        ("9.81 m s⁻²", 9.81, "m s^-2"),
        ("9.81 m·s⁻²", 9.81, "m s^-2"),
        ("9.81e0 m/s^2", 9.81, "m/s^2"),
        ("9.81E0 m/s^2", 9.81, "m/s^2"),
        ("9.81 × 10^0 m/s^2", 9.81, "m/s^2"),
        ("9.81 x 10^0 m/s^2", 9.81, "m/s^2"),
        ("9.81 × 10⁰ m/s^2", 9.81, "m/s^2"),
        ("981 cm/s^2", 981.0, "cm/s^2"),
        ("9.81 m s-2", 9.81, "m s^-2"),
        ("9.81 m/s2", 9.81, "m/s^2"),
        ("9.81 m*s**-2", 9.81, "m*s^-2"),
        ("9.81m/s^2", 9.81, "m/s^2"),
        ("  9.81   N/kg  ", 9.81, "N/kg"),
        ("−9.81 m/s^2", -9.81, "m/s^2"),
        ("+2.5 s", 2.5, "s"),
        (".5 s", 0.5, "s"),
        ("5 µs", 5.0, "us"),
        ("5 μs", 5.0, "us"),
        ("4.7 kΩ", 4.7, "kohm"),
        ("20 °C", 20.0, "degC"),
        ("3 m per s", 3.0, "m / s"),
        ("2 /s", 2.0, "1/s"),
        ("2.01", 2.01, ""),
        ("2.0 × 10^-3 m", 2.0e-3, "m"),
        ("2.0 x 10^3 m", 2.0e3, "m"),
        ("１２ m", 12.0, "m"),  # full-width digits from some keyboards
    ],
)
def test_accepted_notations(text, value, unit_text):
    parsed = parse_response(text)

    assert parsed.value == pytest.approx(value)
    assert parsed.unit_text == unit_text
    parse_unit(parsed.unit_text)  # pint can read what we hand it


def test_equivalent_notations_mean_the_same_quantity():
    registry = unit_registry()
    reference = registry.Quantity(9.81, "m/s^2")
    for text in ["9.81 m/s²", "9.81 m s^-2", "981 cm/s^2", "9.81 N/kg", "9.81 × 10^0 m·s⁻²"]:
        parsed = parse_response(text)
        quantity = registry.Quantity(parsed.value, parse_unit(parsed.unit_text))
        assert quantity.to("m/s^2").magnitude == pytest.approx(reference.magnitude), text


@pytest.mark.parametrize(
    "text, significant_figures, ambiguous_zeros",
    [
        ("2.01 s", 3, 0),
        ("2.006 s", 4, 0),
        ("2.0 s", 2, 0),
        ("2 s", 1, 0),
        ("0.00250 m", 3, 0),
        ("0.2485 m", 4, 0),
        ("200 s", 1, 2),
        ("200. s", 3, 0),
        ("2.00e2 s", 3, 0),
        ("2.0 × 10^2 s", 2, 0),
        ("0 s", 1, 0),
        ("0.0 s", 1, 0),
    ],
)
def test_significant_figures(text, significant_figures, ambiguous_zeros):
    parsed = parse_response(text)

    assert parsed.significant_figures == significant_figures
    assert parsed.ambiguous_trailing_zeros == ambiguous_zeros


def test_ambiguous_trailing_zeros_allow_either_reading():
    parsed = parse_response("200 s")

    assert parsed.has_significant_figures(1)
    assert parsed.has_significant_figures(3)
    assert not parsed.has_significant_figures(4)


def test_normalise_folds_unicode():
    assert normalise("m·s⁻¹") == "m·s^-1"  # the dot is handled with the unit
    assert normalise("10 µm") == "10 um"
    assert normalise("3 Ω") == "3 ohm"
    assert normalise("−4") == "-4"
    assert normalise("m³") == "m^3"


@pytest.mark.parametrize(
    "text, words",
    [
        ("9,81 m/s^2", "decimal point"),
        ("1,000 m", "decimal point"),
        ("", "Type a number"),
        ("   ", "Type a number"),
        ("m/s^2", "Start your answer with a number"),
        ("nan", "Start your answer with a number"),
        ("inf s", "Start your answer with a number"),
        ("1e999 s", "too large"),
        ("9.81 wibbles", "don't recognise the unit"),
        ("10^10^10^10", "couldn't read the unit"),
        ("2 s^99999", "couldn't read the unit"),
        ("2 (m/s", "brackets"),
        ("2.01.5 s", "couldn't read the unit"),
        ("x" * (MAX_RESPONSE_CHARACTERS + 1), "too long"),
    ],
)
def test_refusals_explain_themselves(text, words):
    with pytest.raises(ResponseParseError, match=words):
        parse_response(text)


@pytest.mark.parametrize("not_text", [None, 9.81, b"9.81 s", ["9.81 s"]])
def test_non_text_is_refused_not_crashed(not_text):
    with pytest.raises(ResponseParseError):
        parse_response(not_text)


def test_response_parse_error_is_a_value_error():
    assert issubclass(ResponseParseError, ValueError)


def test_unit_registry_is_shared():
    assert unit_registry() is unit_registry()


@pytest.mark.parametrize(
    "unit_text, description",
    [
        ("s", "s measures time"),
        ("m", "m measures length"),
        ("kg", "kg measures mass"),
        ("m/s", "m/s measures speed"),
        ("N/kg", "N/kg measures acceleration"),
        ("N", "N measures force"),
        ("J", "J measures energy"),
        ("kW", "kW measures power"),
        ("Hz", "Hz measures frequency"),
        ("K", "K measures temperature"),
        ("mA", "mA measures current"),
        ("V", "V measures potential difference"),
        ("kohm", "kΩ measures resistance"),
        ("C", "C measures charge"),
        ("Pa", "Pa measures pressure"),
        ("g/cm^3", "g/cm³ measures density"),
        ("m^3/s", "m³/s measures volume per time"),
        ("mol/dm^3", "mol/dm³ measures concentration (an amount per volume)"),
        ("J/(kg degC)", "J/(kg °C) measures specific heat capacity (energy per mass per degree)"),
        ("V/m", "V/m measures force per charge"),
        ("m^-1", "m⁻¹ measures one per length"),
    ],
)
def test_describe_unit_names_the_quantity(unit_text, description):
    assert describe_unit(unit_text) == description


def test_dimension_phrase_uses_the_right_article():
    assert dimension_phrase("m/s^2") == "an acceleration"
    assert dimension_phrase("s") == "a time"
    assert dimension_phrase("J") == "an energy"
