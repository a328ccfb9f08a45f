"""The water model: the mass balance is exact, energy from AQA's constants, and
saturation of seawater where the published solubility puts it."""

import subprocess
import sys

import pytest

from stemcpd.chemistry.water import (
    SOURCE_NAMES,
    SOURCES,
    WaterParams,
    describe,
    dissolved_solids_g_dm3,
    distil,
    distillation_energy_j_per_kg,
    distillation_energy_kj,
    dried_residue_relative_uncertainty,
    to_table,
    virtual_practical,
)


@pytest.mark.parametrize("source", SOURCES, ids=lambda source: source.name)
@pytest.mark.parametrize("percent", [0, 30, 90, 99.9])
def test_sample_equals_distillate_plus_residue(source, percent):
    run = distil(WaterParams(source=source.name, sample_volume_cm3=150, distilled_percent=percent))
    assert run.distillate_g + run.residue_g == pytest.approx(run.sample_g, abs=1e-12)
    assert run.solids_g == pytest.approx(source.dissolved_solids_g_dm3 * 0.150)


def test_samples_are_named():
    assert SOURCE_NAMES == ("hard tap water", "still mineral water", "seawater")
    assert WaterParams().source == "seawater" and WaterParams().data is SOURCES[2]
    assert [WaterParams(source=name).data for name in SOURCE_NAMES] == list(SOURCES)
    assert WaterParams(source="Seawater").source == "seawater"  # any case reads as the option's own name


def test_energy_uses_aqa_constants_exactly():
    assert distillation_energy_j_per_kg() == pytest.approx(4180 * 80 + 2.26e6, abs=1e-6)
    assert distillation_energy_kj(500) == pytest.approx(1297.2, abs=1e-9)
    assert distil().energy_kwh_per_m3 == pytest.approx(720.67, abs=0.01)
    assert distillation_energy_j_per_kg(100) == 2.26e6  # limiting case: already boiling


def test_seawater_saturates_near_ninety_percent():
    # 35.875 g of solids per 1000 g… water 989.1 g per dm³; saturation when 100 s / w = 36
    params = WaterParams(source="seawater", sample_volume_cm3=1000)
    run = distil(params)
    percent_at_saturation = 100 * (1 - run.solids_g / 0.36 / run.water_g)
    assert 89.5 < percent_at_saturation < 90.5
    assert distil(WaterParams(source="seawater", distilled_percent=89)).crystallised_g == 0
    assert distil(WaterParams(source="seawater", distilled_percent=91)).crystallised_g > 0
    assert distil(WaterParams(source="hard tap water", distilled_percent=99)).crystallised_g == 0


def test_dissolved_solids_and_balance_uncertainty():
    assert dissolved_solids_g_dm3(1.79, 50) == pytest.approx(35.8)
    tap = "hard tap water"
    assert dried_residue_relative_uncertainty(tap, 50) == pytest.approx(0.00707 / 0.0175, rel=1e-3)
    at_50_cm3 = dried_residue_relative_uncertainty(tap, 50)
    assert dried_residue_relative_uncertainty(tap, 250) == pytest.approx(at_50_cm3 / 5)


def test_virtual_practical_scatters_for_tap_water_not_seawater():
    table = virtual_practical(seed=0)
    source = table.column("source (0 tap, 1 mineral, 2 sea)")
    concentration = table.column("dissolved solids")
    sea = concentration[source == 2]
    assert abs(sea.mean() - SOURCES[2].dissolved_solids_g_dm3) / SOURCES[2].dissolved_solids_g_dm3 < 0.02
    tap = concentration[source == 0]
    assert tap.max() / max(tap.min(), 0.2) >= 1.5


def test_description_and_table():
    run = distil()
    assert "mass is conserved" in describe(run) and "kWh" in describe(run)
    assert to_table(run).headers[0] == "water distilled / %"


@pytest.mark.parametrize("field, value", [("source", 2), ("source", "pond water"), ("sample_volume_cm3", 0),
                                          ("distilled_percent", 100)])
def test_bad_parameters_name_themselves(field, value):
    with pytest.raises(ValueError, match=field):
        WaterParams(**{field: value})


def test_model_imports_no_plotting():
    code = "import sys, stemcpd.chemistry.water; sys.exit('matplotlib' in sys.modules or 'ipywidgets' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0
