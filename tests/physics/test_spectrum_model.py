"""The electromagnetic-spectrum model: f = c/λ exactly, the groups in order, named
wavelengths in the right group, ionising flags, bad input, app and view."""

import pytest

from stemcpd.physics.spectrum import (
    REGIONS,
    SpectrumParams,
    describe,
    frequency_hz,
    frequency_words,
    look_up,
    region_of,
    to_table,
    wavelength_from_frequency_m,
    wavelength_words,
)
from stemcpd.physics.spectrum.app import CONTROLS, SpectrumApp


def test_wave_equation_with_the_gcse_speed_of_light():
    assert frequency_hz(500e-9) == pytest.approx(6.0e14)
    assert wavelength_from_frequency_m(100e6) == pytest.approx(3.0)  # FM radio, 100 MHz
    assert wavelength_from_frequency_m(2.45e9) == pytest.approx(0.1224, abs=1e-4)  # microwave oven
    assert frequency_hz(0.68, 340.0) == pytest.approx(500.0)  # sound: v = f λ holds for any wave


def test_groups_are_contiguous_and_ordered_by_wavelength():
    for shorter, longer in zip(REGIONS, REGIONS[1:]):
        assert shorter.longest_m == longer.shortest_m
    assert [region.name for region in REGIONS][0] == "Gamma rays" and REGIONS[-1].name == "Radio waves"


@pytest.mark.parametrize("wavelength_m, name", [
    (1e-12, "Gamma rays"), (1e-10, "X-rays"), (250e-9, "Ultraviolet"), (550e-9, "Visible light"),
    (10e-6, "Infrared"), (0.12, "Radio waves"), (0.03, "Microwaves"), (1500.0, "Radio waves"),
])
def test_named_wavelengths_fall_in_their_group(wavelength_m, name):
    assert region_of(wavelength_m).name == name


def test_ionising_flags():
    flags = {region.name: region.ionising for region in REGIONS}
    assert flags["Gamma rays"] == flags["X-rays"] == "yes"
    assert flags["Ultraviolet"] == "partly"
    assert {flags[name] for name in ("Visible light", "Infrared", "Microwaves", "Radio waves")} == {"no"}


def test_words_and_lookup():
    assert wavelength_words(500e-9) == "500 nm" and wavelength_words(100.0) == "100 m"
    assert frequency_words(2.4e9) == "2.4 GHz" and frequency_words(6e14) == "6 × 10¹⁴ Hz"
    lookup = look_up(SpectrumParams(log10_wavelength_m=-2.0))
    assert lookup.region.name == "Microwaves" and lookup.frequency_hz == pytest.approx(3e10)
    assert "It is not ionising" in describe(lookup)
    assert len(to_table(lookup)) == len(REGIONS)


@pytest.mark.parametrize("call, message", [
    (lambda: SpectrumParams(log10_wavelength_m=6), r"log10_wavelength_m must be in \[-14, 5\], got 6"),
    (lambda: frequency_hz(0.0), r"wavelength_m must be in \(0, 1e\+06\] m, got 0"),
    (lambda: frequency_hz(1.0, 4e8), r"wave_speed_m_s must be in \(0, 3e\+08\] m/s"),
    (lambda: region_of(1e6), r"wavelength_m must be in \[1e-15, 100000\] m"),
])
def test_bad_input_names_parameter_and_range(call, message):
    with pytest.raises(ValueError, match=message):
        call()


def test_app_readout_and_marker():
    app = SpectrumApp()
    assert list(app.sliders) == [control.name for control in CONTROLS] and len(CONTROLS) <= 4
    assert "Ultraviolet" in app.readout.value
    app.sliders["log10_wavelength_m"].value = 2.0
    assert "Radio waves" in app.readout.value
    assert app.view.marker.get_xdata()[0] == pytest.approx(100.0)
    assert "Radio waves" in app.view.details_text.get_text()


def test_sweeping_the_wavelength_draws_the_whole_figure_once_per_group_at_most():
    """The group's paragraph is static, named by the group in the static key: a sweep
    across the spectrum redraws the whole figure at most once per group it enters."""
    app = SpectrumApp()
    before = app.view.renderer.full_draws
    for value in [x / 2 for x in range(-28, 11)]:
        app.sliders["log10_wavelength_m"].value = value
        assert app.view.details_text.get_text().startswith(app.result.region.name)
    assert app.view.renderer.full_draws - before <= 7
