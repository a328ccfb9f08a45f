"""Chromatography model against analytic results.

References:
* Lucas–Washburn law h = √(D t), D = γ r cos θ / (2η): E. W. Washburn, "The dynamics of
  capillary flow", Phys. Rev. 17, 273 (1921); R. Lucas, Kolloid-Z. 23, 15 (1918).
* Surface tension and viscosity at 20 °C: CRC Handbook of Chemistry and Physics.
* Rf = distance moved by the substance / distance moved by the solvent (AQA GCSE
  Chemistry 4.8.1.3). The dye Rf values themselves are illustrative, so tests check
  behaviour (constancy, separation, matching), not the values.
* Resolution Rs = Δz / (2(σ₁ + σ₂)) (peak width 4σ), two equal peaks show a dip for Rs ≥ 0.5.
"""


import numpy as np
import pytest

from stemcpd.chemistry import chromatography as chrom
from stemcpd.chemistry.chromatography import ChromatographyParams, simulate
from stemcpd.chemistry.chromatography.model import (
    EFFECTIVE_PORE_RADIUS_M,
    SOLVENT_LEVEL_MM,
    SPREAD_ALONG_MM2_PER_S,
)


def test_washburn_front_is_square_root_of_time_analytically():
    d = 5.0
    times = np.array([0.0, 1.0, 4.0, 100.0, 1200.0])
    np.testing.assert_allclose(chrom.washburn_height_mm(times, d), np.sqrt(d * times), rtol=1e-15)
    # Four times the time, twice the height.
    assert chrom.washburn_height_mm(400.0, d) == pytest.approx(2 * chrom.washburn_height_mm(100.0, d), rel=1e-15)


def test_wicking_coefficient_follows_washburn_from_surface_tension_and_viscosity():
    water, ethanol = chrom.SOLVENTS
    expected = 0.07275 * EFFECTIVE_PORE_RADIUS_M / (2 * 1.002e-3) * 1e6
    assert water.wicking_coefficient_mm2_s == pytest.approx(expected, rel=1e-12)
    # Ethanol: (γ/η) ratio (22.39/1.200)/(72.75/1.002) = 0.257 of water's D.
    ratio = ethanol.wicking_coefficient_mm2_s / water.wicking_coefficient_mm2_s
    assert ratio == pytest.approx((0.02239 / 1.200e-3) / (0.07275 / 1.002e-3), rel=1e-12)
    assert ratio == pytest.approx(0.257, abs=0.001)
    # Calibration stated in MODEL.md: water rises about 80 mm in 20 minutes.
    assert chrom.washburn_height_mm(1200.0, water.wicking_coefficient_mm2_s) == pytest.approx(80, abs=1)


def test_simulated_front_matches_washburn_at_every_sample():
    run = simulate(ChromatographyParams(solvent="water", development_time_min=25, baseline_mm=12))
    d = chrom.SOLVENTS[0].wicking_coefficient_mm2_s
    np.testing.assert_allclose(run.front_height_mm, SOLVENT_LEVEL_MM + np.sqrt(d * run.times_s), rtol=1e-12)
    np.testing.assert_allclose(run.front_distance_mm, np.maximum(run.front_height_mm - 12, 0), atol=1e-12)
    assert run.front_height_mm.max() < 120  # never reaches the top of the paper


@pytest.mark.parametrize("solvent", chrom.SOLVENT_NAMES)
@pytest.mark.parametrize("sample", chrom.SAMPLE_NAMES)
def test_rf_is_independent_of_time(sample, solvent):
    run = simulate(ChromatographyParams(sample=sample, solvent=solvent, development_time_min=30))
    moving = run.front_distance_mm > 1.0
    assert moving.sum() > 100
    for dye in run.sample.dyes:
        measured = chrom.rf_value(run.spot_distance_mm[moving, dye], run.front_distance_mm[moving])
        np.testing.assert_allclose(measured, chrom.DYES[dye].rf[chrom.SOLVENT_NAMES.index(solvent)], atol=1e-12)


def test_spots_do_not_move_until_the_front_passes_the_baseline():
    run = simulate(ChromatographyParams(solvent="ethanol", baseline_mm=25, development_time_min=5))
    dry = run.front_height_mm <= 25
    assert dry.any()
    assert np.all(run.spot_distance_mm[dry] == 0)
    # Front reaches the baseline at t = (b − level)² / D.
    reach_s = (25 - SOLVENT_LEVEL_MM) ** 2 / chrom.SOLVENTS[1].wicking_coefficient_mm2_s
    assert run.times_s[dry][-1] <= reach_s < run.times_s[~dry][0]


def test_time_sampling_does_not_change_values_at_a_given_time():
    # Analytic in time: a run of 10 min and one of 20 min agree at 10 min.
    short = simulate(ChromatographyParams(development_time_min=10))
    long = simulate(ChromatographyParams(development_time_min=20))
    index = np.searchsorted(long.times_s, 600.0)
    assert long.times_s[index] == pytest.approx(600.0)
    np.testing.assert_allclose(long.spot_distance_mm[index], short.spot_distance_mm[-1], rtol=1e-12)
    assert long.sigma_along_mm[index] == pytest.approx(short.sigma_along_mm[-1], rel=1e-12)


def test_spot_width_grows_like_diffusion():
    sigma0 = 3.0 / 4
    times = np.array([0.0, 300.0, 1200.0])
    sigma = chrom.spot_sigma_mm(times, 3.0, SPREAD_ALONG_MM2_PER_S)
    np.testing.assert_allclose(sigma**2, sigma0**2 + 2 * SPREAD_ALONG_MM2_PER_S * times, rtol=1e-12)
    # Without the starting size, σ ∝ √t: four times the time, twice the width.
    tiny = chrom.spot_sigma_mm(np.array([1e4, 4e4]), 1e-9, SPREAD_ALONG_MM2_PER_S)
    assert tiny[1] / tiny[0] == pytest.approx(2.0, rel=1e-9)


def test_mixture_spots_separate_and_a_pure_dye_gives_one_spot():
    green = simulate(ChromatographyParams(sample="green", solvent="ethanol"))
    assert chrom.visible_spots(green) == [(0,), (4,)]  # tartrazine then brilliant blue in ethanol
    pure = simulate(ChromatographyParams(sample="pure tartrazine", solvent="water"))
    assert len(chrom.visible_spots(pure)) == 1
    # Separation grows with time: unresolved just after the front passes the baseline.
    brown = simulate(ChromatographyParams(sample="brown", solvent="water", development_time_min=30))
    assert len(chrom.visible_spots(brown, time_s=120)) < 3 == len(chrom.visible_spots(brown))


def test_resolution_criterion_matches_definition():
    run = simulate(ChromatographyParams(sample="orange", solvent="ethanol"))  # E110 0.30 and E129 0.42 in ethanol
    sigma = run.sigma_along_mm[-1]
    separation = abs(run.spot_distance_mm[-1, 2] - run.spot_distance_mm[-1, 1])
    resolution = separation / (2 * (sigma + sigma))
    assert resolution < 0.5
    assert len(chrom.visible_spots(run)) == 1  # a mixture that looks pure in ethanol
    assert len(chrom.visible_spots(simulate(ChromatographyParams(sample="orange", solvent="water")))) == 2


def test_smaller_spots_separate_better():
    wide = simulate(ChromatographyParams(sample="green", solvent="water", development_time_min=8, spot_diameter_mm=8))
    narrow = simulate(ChromatographyParams(sample="green", solvent="water", development_time_min=8, spot_diameter_mm=1))
    assert len(chrom.visible_spots(wide)) == 1 and len(chrom.visible_spots(narrow)) == 2


def test_identify_matches_the_right_dye():
    unknown = simulate(ChromatographyParams(sample="unknown X", solvent="water"))
    front = unknown.final_front_distance_mm
    measured = [unknown.spot_distance_mm[-1, d] / front for d in unknown.sample.dyes]
    assert chrom.identify(measured, solvent="water") == ["sunset yellow", "carmoisine"]
    assert chrom.identify([0.99], solvent="water", tolerance=0.02) == [None]
    with pytest.raises(ValueError, match="rf must be in"):
        chrom.identify([1.2])


def test_baseline_error_biases_rf_towards_one_as_predicted():
    rf = np.array([0.1, 0.3, 0.66, 0.9])
    biased = chrom.edge_measured_rf(rf, 70.0, 15.0)
    np.testing.assert_allclose(biased, (rf * 70 + 15) / 85, rtol=1e-15)
    assert np.all(biased > rf) and np.all(biased < 1)
    assert chrom.edge_measured_rf(1.0, 70.0, 15.0) == pytest.approx(1.0)


def test_virtual_practical_shows_the_predicted_baseline_bias_and_recovers_rf_without_it():
    groups = 400
    true_rf = np.array([0.30, 0.66])  # carmoisine, sunset yellow in water (sample 4)
    run = simulate(ChromatographyParams(sample="unknown X", solvent="water"))
    front = run.final_front_distance_mm
    biased = chrom.virtual_practical(sample="unknown X", groups=groups, measured_from_paper_edge=True, seed=2)
    honest = chrom.virtual_practical(sample="unknown X", groups=groups, measured_from_paper_edge=False, seed=2)
    for spot in (1, 2):
        rows = biased.column("spot number") == spot
        predicted = chrom.edge_measured_rf(true_rf[spot - 1], front, 15.0)
        # Ruler to 1 mm and judging a fuzzy centre: the class mean within 0.005 of the formula.
        assert biased.column("Rf")[rows].mean() == pytest.approx(predicted, abs=0.005)
        honest_rows = honest.column("spot number") == spot
        assert honest.column("Rf")[honest_rows].mean() == pytest.approx(true_rf[spot - 1], abs=0.005)
        # Subtracting the baseline height corrects the biased readings.
        corrected = (biased.column("distance to spot centre")[rows] - 15) / (
            biased.column("distance to solvent front")[rows] - 15)
        assert corrected.mean() == pytest.approx(true_rf[spot - 1], abs=0.005)
    # The bias is enough to misidentify carmoisine (0.30 → ≈0.42): no longer "carmoisine".
    carmoisine_rows = biased.column("spot number") == 1
    assert chrom.identify([biased.column("Rf")[carmoisine_rows].mean()])[0] != "carmoisine"
    assert chrom.identify([honest.column("Rf")[honest.column("spot number") == 1].mean()])[0] == "carmoisine"


def test_virtual_practical_is_seeded_and_read_to_1_mm():
    first = chrom.virtual_practical(seed=5)
    np.testing.assert_array_equal(first.data, chrom.virtual_practical(seed=5).data)
    assert not np.array_equal(first.data, chrom.virtual_practical(seed=6).data)
    for column in ("distance to spot centre", "distance to solvent front"):
        values = first.column(column)
        np.testing.assert_array_equal(values, np.round(values))
    assert first.headers == ["group", "spot number", "distance to spot centre / mm",
                             "distance to solvent front / mm", "Rf"]
    assert "paper's bottom edge" in first.title


def test_virtual_practical_validates_arguments():
    with pytest.raises(ValueError, match="groups"):
        chrom.virtual_practical(groups=0)
    with pytest.raises(ValueError, match="sample"):
        chrom.virtual_practical(sample="blue")
    with pytest.raises(ValueError, match="measured_from_paper_edge"):
        chrom.virtual_practical(measured_from_paper_edge="yes")
    with pytest.raises(ValueError, match="never reaches the baseline"):
        chrom.virtual_practical(solvent="ethanol", development_time_min=1, baseline_mm=30)


@pytest.mark.parametrize("field, value, range_text", [
    ("sample", 0, "green"), ("sample", "blue", "unknown X"), ("solvent", 1, "ethanol"),
    ("development_time_min", 0, "(0, 30] min"), ("development_time_min", 45, "(0, 30] min"),
    ("spot_diameter_mm", 0.2, "[0.5, 10] mm"), ("baseline_mm", 5, "[8, 30] mm"),
    ("baseline_mm", float("nan"), "[8, 30] mm"),
])
def test_params_validate_with_field_and_range(field, value, range_text):
    with pytest.raises(ValueError) as error:
        ChromatographyParams(**{field: value})
    assert field in str(error.value) and range_text in str(error.value)


def test_rf_value_and_washburn_validate():
    assert chrom.rf_value(35.0, 70.0) == 0.5
    with pytest.raises(ValueError, match="front_distance_mm must be > 0"):
        chrom.rf_value(1.0, 0.0)
    with pytest.raises(ValueError, match="spot_distance_mm"):
        chrom.rf_value(80.0, 70.0)
    with pytest.raises(ValueError, match="wicking_coefficient_mm2_s must be in"):
        chrom.washburn_height_mm(1.0, -1.0)
    with pytest.raises(ValueError, match="time_s"):
        chrom.washburn_height_mm(-1.0, 1.0)


def test_describe_reports_front_spots_and_verdict():
    text = chrom.describe(simulate(ChromatographyParams(sample="green", solvent="water")))
    assert "green (E102 + E133) in water after 20.0 min" in text
    assert "front is 70 mm above the baseline" in text
    assert "Rf 0.90, tartrazine (E102)" in text and "2 separate spots, so it is a mixture" in text
    hidden = chrom.describe(simulate(ChromatographyParams(sample="purple", solvent="ethanol")))
    assert "looks pure" in hidden and "a mixture whose dyes have not separated" in hidden
    dry = chrom.describe(simulate(ChromatographyParams(solvent="ethanol", development_time_min=1, baseline_mm=30)))
    assert "not yet reached the baseline" in dry


def test_to_table_has_time_front_and_each_dye_with_units():
    run = simulate(ChromatographyParams(sample="brown"))
    table = chrom.to_table(run)
    assert table.headers[:2] == ["time / s", "solvent front above baseline / mm"]
    assert "tartrazine (E102) above baseline / mm" in table.headers
    assert len(table) == len(run.times_s)
    np.testing.assert_allclose(table.column("allura red (E129) above baseline"), run.spot_distance_mm[:, 2])


def test_model_import_does_not_pull_in_plotting_or_widgets():
    import subprocess
    import sys

    code = ("import sys, stemcpd.chemistry.chromatography as c; c.simulate(); "
            "bad = [m for m in ('matplotlib', 'ipywidgets') if m in sys.modules]; sys.exit(1 if bad else 0)")
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0
