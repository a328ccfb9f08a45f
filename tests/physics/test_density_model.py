"""Density model against definitions and published values.

References:
* ρ = m / V; 1 g/cm³ = 1000 kg/m³.
* Published densities near 20 °C (CRC Handbook of Chemistry and Physics, 97th ed.):
  aluminium 2698 kg/m³, copper 8960, water 998.21 (20 °C) and 999.97 (4 °C, its
  maximum), ethanol 789.3, glycerol 1261.3, ice 917 (0 °C).
* Archimedes: a floating body displaces its own mass of liquid, so the fraction
  submerged is ρ_object / ρ_liquid (ice in water: 917/998 ≈ 92%, the "tip of the iceberg").
"""

import numpy as np
import pytest

from stemcpd.physics import density
from stemcpd.physics.density import BlockParams, analyse
from stemcpd.practical import fit_line


def test_density_is_mass_over_volume():
    # 2.7 kg of aluminium fills 1 litre (0.001 m³).
    assert density.density(2.7, 0.001) == pytest.approx(2700.0, rel=1e-15)
    np.testing.assert_allclose(density.density([1.0, 8.96], [0.001, 0.001]), [1000.0, 8960.0], rtol=1e-15)
    with pytest.raises(ValueError, match=r"volume_m3 must be in \(0, 1e\+06\] m³"):
        density.density(1.0, 0.0)
    with pytest.raises(ValueError, match="mass_kg"):
        density.density([-1.0], [1.0])


def test_data_tables_match_published_values():
    materials = density.MATERIAL_DENSITIES_KG_M3
    published = {"Aluminium": 2698, "Copper": 8960, "Ice": 917}  # CRC Handbook
    for name, value in published.items():
        assert materials[name] == pytest.approx(value, rel=0.001), name
    # Alloys and woods vary; the table's values lie inside the cited ranges.
    assert 7750 <= materials["Steel"] <= 8050 and 8400 <= materials["Brass"] <= 8730
    assert 600 <= materials["Oak"] <= 900
    liquids = density.LIQUID_DENSITIES_KG_M3
    assert liquids["Water (20 °C)"] == pytest.approx(density.WATER_DENSITY_20C_KG_M3, abs=0.5)
    assert liquids["Ethanol"] == pytest.approx(789.3, abs=0.5)
    assert liquids["Glycerol"] == pytest.approx(1261.3, abs=0.5)
    assert density.WATER_DENSITY_4C_KG_M3 > density.WATER_DENSITY_20C_KG_M3  # maximum near 4 °C


@pytest.mark.parametrize("name", list(density.MATERIAL_DENSITIES_KG_M3))
def test_regular_block_density_from_its_dimensions(name):
    rho = density.MATERIAL_DENSITIES_KG_M3[name]
    block = analyse(BlockParams(density_kg_m3=rho, length_m=0.05, width_m=0.04, height_m=0.03))
    assert block.volume_m3 == pytest.approx(6e-5, rel=1e-12)
    assert block.volume_cm3 == pytest.approx(60.0, rel=1e-12)
    assert block.mass_g == pytest.approx(rho * 6e-5 * 1000, rel=1e-12)
    # Back from the measurements: ρ = m / (l w h).
    assert density.density(block.mass_kg, density.cuboid_volume(0.05, 0.04, 0.03)) == pytest.approx(rho, rel=1e-12)


def test_floating_and_sinking_against_water():
    water = density.LIQUID_DENSITIES_KG_M3["Water (20 °C)"]
    for name, rho in density.MATERIAL_DENSITIES_KG_M3.items():
        expected_to_float = name in ("Oak", "Ice")
        assert density.floats(rho, water) is expected_to_float, name
        assert analyse(BlockParams(density_kg_m3=rho, liquid_density_kg_m3=water)).floats is expected_to_float
    # Oak also floats on ethanol (700 < 789 kg/m³), but lower in it than in water.
    assert density.fraction_submerged(700, 789) > density.fraction_submerged(700, 998)
    # Ice floats on water but sinks in ethanol.
    assert density.floats(917, 998) and not density.floats(917, 789)


def test_fraction_submerged_is_the_density_ratio_and_archimedes_holds():
    # Tip of the iceberg: ice (917) in water (998) is 91.9% under the surface.
    assert density.fraction_submerged(917, 998) == pytest.approx(0.9188, abs=1e-4)
    for rho in (100, 500, 700, 917, 990):
        block = analyse(BlockParams(density_kg_m3=rho, height_m=0.08))
        assert block.fraction_submerged == pytest.approx(rho / 998, rel=1e-14)
        assert block.submerged_depth_m == pytest.approx(0.08 * rho / 998, rel=1e-14)
        # A floating body displaces its own mass of liquid.
        assert block.displaced_mass_kg == pytest.approx(block.mass_kg, rel=1e-12)
    sinker = analyse(BlockParams(density_kg_m3=7850))
    assert sinker.fraction_submerged == 1 and sinker.submerged_depth_m == sinker.params.height_m
    assert sinker.displaced_mass_kg == pytest.approx(sinker.volume_m3 * 998, rel=1e-12)
    assert sinker.displaced_mass_kg < sinker.mass_kg


def test_displacement_volume_equals_object_volume():
    volume = density.cuboid_volume(0.03, 0.02, 0.01)
    # A sinker, or a floater pushed under, displaces exactly its own volume.
    assert density.displaced_volume_m3(volume, 2700, 998) == volume
    assert density.displaced_volume_m3(volume, 700, 998, pushed_under=True) == volume
    assert density.displaced_volume_m3(volume, 700, 998) == pytest.approx(volume * 700 / 998, rel=1e-14)
    # A perfect eureka can (no scatter, no meniscus error, fine cylinder) recovers the volume.
    table = density.virtual_practical_irregular(volumes_cm3=[12.0, 30.0], meniscus_error=False, seed=0)
    np.testing.assert_allclose(table.column("volume"), [12.0, 30.0], atol=1.0)


def test_mass_volume_line_has_gradient_density():
    volumes = np.array([0.0, 10.0, 50.0])
    np.testing.assert_allclose(density.mass_volume_line(2700, volumes), [0.0, 27.0, 135.0], rtol=1e-15)
    table = density.to_table(analyse(BlockParams()))
    gradient, intercept, *_ = fit_line(table.column("volume"), table.column("mass of material"))
    assert gradient == pytest.approx(2.7, rel=1e-12) and intercept == pytest.approx(0, abs=1e-9)
    assert table.headers == ["volume / cm³", "mass of material / g", "mass of liquid / g"]
    assert table.column("volume")[5] == pytest.approx(100.0)  # the block's own volume, mid-table


@pytest.mark.parametrize(
    "field, value, range_text",
    [
        ("density_kg_m3", 0, "(0, 30000] kg/m³"),
        ("density_kg_m3", 40000, "(0, 30000] kg/m³"),
        ("length_m", -0.1, "(0, 10] m"),
        ("width_m", 0, "(0, 10] m"),
        ("height_m", 11, "(0, 10] m"),
        ("liquid_density_kg_m3", 0, "(0, 30000] kg/m³"),
        ("height_m", float("nan"), "(0, 10] m"),
    ],
)
def test_out_of_range_parameters_raise_value_error_naming_field_and_range(field, value, range_text):
    with pytest.raises(ValueError) as error:
        BlockParams(**{field: value})
    assert field in str(error.value) and range_text in str(error.value)


def test_params_frozen_and_functions_validate():
    with pytest.raises(AttributeError):
        BlockParams().length_m = 1
    with pytest.raises(ValueError, match="liquid_density_kg_m3"):
        density.fraction_submerged(700, 0)
    with pytest.raises(ValueError, match="height_m"):
        density.cuboid_volume(1, 1, -1)


def test_describe_floating_sinking_and_neutral():
    sinker = density.describe(analyse(BlockParams(density_kg_m3=2700)))
    assert "100.0 cm³" in sinker and "270.0 g" in sinker and "sinks" in sinker
    floater = density.describe(analyse(BlockParams(density_kg_m3=700, height_m=0.05)))
    assert "floats" in floater and "70%" in floater and "3.5 cm" in floater
    neutral = density.describe(analyse(BlockParams(density_kg_m3=998)))
    assert "neither rises nor sinks" in neutral


def test_virtual_practical_regular_recovers_density():
    table = density.virtual_practical("regular", density_kg_m3=2700, seed=0)
    assert table.headers == ["length / mm", "width / mm", "height / mm", "volume / cm³", "mass / g", "density / kg/m³"]
    # Ruler readings are whole millimetres; balance to 0.1 g.
    np.testing.assert_allclose(table.column("length"), np.round(table.column("length")))
    np.testing.assert_allclose(np.round(table.column("mass"), 1), table.column("mass"), atol=1e-9)
    gradient, intercept, gradient_error, _ = fit_line(table.column("volume"), table.column("mass"))
    # Mass against volume: gradient 2.7 g/cm³ within 3% (1 mm on 20–60 mm sides).
    assert gradient == pytest.approx(2.7, rel=0.03)
    # Each block's density within 8% (the 2 cm cube: ±0.5 mm on each side is ±7.5% on V).
    np.testing.assert_allclose(table.column("density"), 2700, rtol=0.08)


def test_virtual_practical_irregular_shows_the_meniscus_error_and_how_a_difference_cancels_it():
    true = 7850.0
    volumes = np.linspace(10, 60, 6)
    eureka, cylinder, honest = [], [], []
    for seed in range(40):
        eureka.append(density.virtual_practical("irregular", volumes_cm3=volumes, seed=seed).column("density"))
        cylinder.append(density.virtual_practical(
            "irregular", volumes_cm3=volumes, method="measuring cylinder", seed=seed).column("density"))
        honest.append(density.virtual_practical(
            "irregular", volumes_cm3=volumes, meniscus_error=False, seed=seed).column("density"))
    eureka, cylinder, honest = (np.mean(np.concatenate(values)) for values in (eureka, cylinder, honest))
    # Eureka can read at the top of the meniscus: volumes 0.5 cm³ too big, density too low
    # (by about 0.5/V averaged over the objects: ≈ 2%).
    assert eureka < true * 0.99
    # Reading before and after cancels the same offset; no offset at all: unbiased within 1.5%.
    assert cylinder == pytest.approx(true, rel=0.015)
    assert honest == pytest.approx(true, rel=0.015)
    one = density.virtual_practical("irregular", seed=5)
    assert np.all(one.column("reading before") == 0)
    np.testing.assert_array_equal(one.data, density.virtual_practical("irregular", seed=5).data)


def test_virtual_practical_liquid_gradient_is_density_and_offset_moves_the_intercept():
    table = density.virtual_practical("liquid", liquid_density_kg_m3=789, balance_resolution_g=0.01, seed=2)
    assert table.headers == ["volume reading / cm³", "mass of cylinder and liquid / g", "mass of liquid / g",
                             "density / kg/m³"]
    gradient, intercept, gradient_error, intercept_error = fit_line(
        table.column("volume reading"), table.column("mass of liquid"))
    # Ethanol: gradient 0.789 g/cm³ within 2%.
    assert gradient == pytest.approx(0.789, rel=0.02)
    # Readings 0.5 cm³ high → mass = ρ (V_reading − 0.5): intercept ≈ −0.39 g.
    assert intercept == pytest.approx(-0.5 * 0.789, abs=3 * intercept_error + 0.05)
    # Worked point by point, the density is low — most of all for the smallest volume.
    densities = table.column("density")
    assert densities[0] < 789 and np.mean(densities) < 789


def test_virtual_practical_validates_arguments():
    with pytest.raises(ValueError, match="part must be one of"):
        density.virtual_practical("gaseous")
    with pytest.raises(ValueError, match="method must be"):
        density.virtual_practical("irregular", method="guesswork")
    with pytest.raises(ValueError, match="volumes_cm3 must list"):
        density.virtual_practical("liquid", volumes_cm3=[])
    with pytest.raises(ValueError, match="dimensions_m"):
        density.virtual_practical("regular", dimensions_m=[(0.02, 0.02, -0.02)])
    with pytest.raises(ValueError, match="balance_resolution_g"):
        density.virtual_practical("regular", balance_resolution_g=0)
    with pytest.raises(ValueError, match="seed"):
        density.virtual_practical("regular", seed=-1)

