"""The greenhouse model against the published 255 K and 288 K, the no-feedback warming
for doubled CO₂, and energy conservation at the top of the atmosphere."""

import math
import subprocess
import sys

import pytest

from stemcpd.chemistry.greenhouse import (
    PRE_INDUSTRIAL_ABSORPTIVITY,
    GreenhouseParams,
    balance,
    co2_forcing_w_m2,
    describe,
    effective_temperature_k,
    one_layer_surface_temperature_k,
    to_table,
    warming_for_co2_k,
)


def test_no_greenhouse_gases_gives_255_kelvin():
    assert effective_temperature_k() == pytest.approx(255, abs=0.5)  # published ≈ 255 K
    assert balance(GreenhouseParams(greenhouse_gases=False)).surface_k == pytest.approx(254.58, abs=0.01)


def test_one_layer_limits():
    assert one_layer_surface_temperature_k(0) == pytest.approx(effective_temperature_k())
    assert one_layer_surface_temperature_k(1) == pytest.approx(effective_temperature_k() * 2**0.25)
    assert one_layer_surface_temperature_k(PRE_INDUSTRIAL_ABSORPTIVITY) == pytest.approx(288, abs=1e-9)
    assert 0.75 < PRE_INDUSTRIAL_ABSORPTIVITY < 0.80  # the textbook ε ≈ 0.77–0.78


def test_doubling_co2_gives_the_no_feedback_warming():
    assert co2_forcing_w_m2(560) == pytest.approx(5.35 * math.log(2))  # 3.7 W/m²
    assert 1.0 < warming_for_co2_k(560) < 1.3  # published Planck response ≈ 1.1–1.2 K
    assert warming_for_co2_k(280) == 0


@pytest.mark.parametrize("gases, co2, albedo", [(False, 400, 0.3), (True, 280, 0.3), (True, 1100, 0.15),
                                                (True, 200, 0.45)])
def test_energy_in_equals_energy_out(gases, co2, albedo):
    run = balance(GreenhouseParams(gases, co2, albedo))
    assert run.outgoing_infrared_w_m2 == pytest.approx(run.absorbed_solar_w_m2, rel=1e-12)
    assert run.incoming_w_m2 == pytest.approx(run.reflected_w_m2 + run.absorbed_solar_w_m2)
    # surface: absorbed sunlight + back radiation = its own emission
    assert run.absorbed_solar_w_m2 + run.back_radiation_w_m2 == pytest.approx(run.surface_emission_w_m2, rel=1e-12)


def test_more_albedo_is_colder_and_description():
    assert balance(GreenhouseParams(albedo=0.45)).surface_k < balance(GreenhouseParams(albedo=0.15)).surface_k
    assert "255 K" in describe(balance(GreenhouseParams(greenhouse_gases=False)))
    assert len(to_table(balance())) == 101


@pytest.mark.parametrize("field, value", [("greenhouse_gases", 2), ("greenhouse_gases", 1), ("greenhouse_gases", 0),
                                          ("greenhouse_gases", "yes"), ("co2_ppm", 50), ("albedo", 0.9)])
def test_bad_parameters_name_themselves(field, value):
    with pytest.raises(ValueError, match=field):
        GreenhouseParams(**{field: value})


def test_greenhouse_gases_are_on_or_off_never_a_number():
    with pytest.raises(ValueError, match="greenhouse_gases must be True or False, got 1"):
        GreenhouseParams(greenhouse_gases=1)
    assert GreenhouseParams().greenhouse_gases is True
    assert GreenhouseParams(greenhouse_gases=False).greenhouse_gases is False


def test_model_imports_no_plotting():
    code = "import sys, stemcpd.chemistry.greenhouse; sys.exit('matplotlib' in sys.modules or 'ipywidgets' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0


def test_atmosphere_reactions_balance_and_air_adds_up():
    from stemcpd.chemistry.greenhouse import ATMOSPHERE_REACTIONS, DRY_AIR_PERCENT, ppm_to_percent
    from stemcpd.chemistry.moles import check_balanced

    for _name, equation in ATMOSPHERE_REACTIONS:
        check_balanced(equation)
    assert sum(DRY_AIR_PERCENT.values()) == pytest.approx(100, abs=0.01)
    assert ppm_to_percent(420) == pytest.approx(DRY_AIR_PERCENT["carbon dioxide"])
