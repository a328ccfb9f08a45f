"""Optics model against hand-worked and published values.

References:
* Snell's law n₁ sin i = n₂ sin r and C = arcsin(n₂/n₁) (e.g. Hecht, Optics, 5th ed.,
  §4.4 and §4.7). Critical angles to air computed by hand from arcsin(1/n): crown glass
  n = 1.52 → 41.14°, water n = 1.333 → 48.61°, diamond n = 2.42 → 24.41°; these match
  the commonly tabulated 41.1°, 48.6° and 24.4°. Tolerance 0.01°.
* Fresnel equations (Hecht §4.6): at normal incidence R = ((n₁ − n₂)/(n₁ + n₂))², 4.26%
  for air → glass (1.52); at Brewster's angle tan θ_B = n₂/n₁ the p-polarised
  reflectance is zero.
* Thin lens 1/f = 1/u + 1/v, real-is-positive; hand values: f = 10 cm, u = 30 cm →
  v = 15 cm, m = −0.5; u = 5 cm → v = −10 cm (virtual), m = +2; diverging f = −20 cm,
  u = 20 cm → v = −10 cm, m = +0.5; u = 2f → v = 2f, m = −1.
"""

import math

import numpy as np
import pytest

from stemcpd.physics import optics
from stemcpd.physics.optics import BoundaryParams, trace
from stemcpd.practical import fit_line


# ----- Snell's law ---------------------------------------------------------------

def test_refraction_matches_hand_values():
    # sin r = sin 30° / 1.52 = 0.328947 → r = 19.2049°
    assert optics.refraction_angle_deg(30, 1.0, 1.52) == pytest.approx(19.2049, abs=1e-4)
    # sin r = 1.333 sin 40° / 1 = 0.856836 → r = 58.9632°
    assert optics.refraction_angle_deg(40, 1.333, 1.0) == pytest.approx(58.9632, abs=1e-4)
    for i in (5, 25, 45, 70, 89):
        r = optics.refraction_angle_deg(i, 1.0, 1.52)
        assert 1.0 * math.sin(math.radians(i)) == pytest.approx(1.52 * math.sin(math.radians(r)), rel=1e-12)
        assert r < i  # into a denser medium: towards the normal


@pytest.mark.parametrize("n1, n2", [(1.0, 1.52), (1.333, 1.0), (1.49, 2.42), (2.42, 1.333)])
def test_snell_is_reversible(n1, n2):
    for i in np.linspace(0, 89, 90):
        r = optics.refraction_angle_deg(i, n1, n2)
        if math.isnan(r):
            continue
        assert optics.refraction_angle_deg(r, n2, n1) == pytest.approx(i, abs=1e-6)


def test_normal_incidence_and_equal_indices_do_not_bend():
    for n1, n2 in [(1.0, 1.52), (2.42, 1.0), (1.333, 1.333)]:
        assert optics.refraction_angle_deg(0, n1, n2) == 0.0
    np.testing.assert_allclose(optics.refraction_angle_deg(np.arange(0, 90), 1.49, 1.49), np.arange(0, 90), atol=1e-12)


def test_array_input_returns_array_with_nan_beyond_critical_angle():
    angles = np.array([10.0, 40.0, 42.0, 80.0])
    result = optics.refraction_angle_deg(angles, 1.52, 1.0)
    assert isinstance(result, np.ndarray) and result.shape == (4,)
    assert np.isfinite(result[:2]).all() and np.isnan(result[2:]).all()
    assert isinstance(optics.refraction_angle_deg(10.0, 1.52, 1.0), float)


# ----- total internal reflection and the critical angle -------------------------------

@pytest.mark.parametrize("n, expected", [(1.52, 41.14), (1.333, 48.61), (2.42, 24.41), (1.49, 42.16)])
def test_critical_angle_to_air_matches_published_values(n, expected):
    assert optics.critical_angle_deg(n, 1.0) == pytest.approx(expected, abs=0.01)
    assert optics.critical_angle_deg(n, 1.0) == pytest.approx(math.degrees(math.asin(1 / n)), rel=1e-14)


def test_glass_to_water_critical_angle():
    # arcsin(1.333/1.52) = 61.28°: TIR is harder against water than against air.
    assert optics.critical_angle_deg(1.52, 1.333) == pytest.approx(61.28, abs=0.01)


@pytest.mark.parametrize("n1, n2", [(1.52, 1.0), (1.333, 1.0), (2.42, 1.52)])
def test_total_internal_reflection_starts_exactly_above_the_critical_angle(n1, n2):
    c = optics.critical_angle_deg(n1, n2)
    below = optics.refraction_angle_deg(c - 1e-7, n1, n2)
    assert 89.9 < below < 90.0
    assert optics.refraction_angle_deg(c, n1, n2) == pytest.approx(90.0, abs=1e-6)
    assert math.isnan(optics.refraction_angle_deg(c + 1e-7, n1, n2))
    assert optics.is_totally_internally_reflected(c + 1e-7, n1, n2)
    assert not optics.is_totally_internally_reflected(c - 1e-7, n1, n2)
    assert optics.reflectance(c + 1, n1, n2) == 1.0


@pytest.mark.parametrize("n1, n2", [(1.0, 1.52), (1.333, 1.333), (1.0, 1.0)])
def test_no_critical_angle_into_an_equal_or_denser_medium(n1, n2):
    with pytest.raises(ValueError) as error:
        optics.critical_angle_deg(n1, n2)
    message = str(error.value)
    assert "n1" in message and "n2" in message and "no critical angle" in message
    assert not any(math.isnan(optics.refraction_angle_deg(i, n1, n2)) for i in range(90))


# ----- Fresnel reflectance ------------------------------------------------------------------

def test_reflectance_at_normal_incidence_and_brewster_angle():
    assert optics.reflectance(0, 1.0, 1.52) == pytest.approx((0.52 / 2.52) ** 2, rel=1e-12)
    assert optics.reflectance(0, 1.0, 1.52) == pytest.approx(0.0426, abs=1e-4)
    brewster = math.degrees(math.atan(1.52))
    r = math.radians(optics.refraction_angle_deg(brewster, 1.0, 1.52))
    i = math.radians(brewster)
    rs = ((math.cos(i) - 1.52 * math.cos(r)) / (math.cos(i) + 1.52 * math.cos(r))) ** 2
    assert optics.reflectance(brewster, 1.0, 1.52) == pytest.approx(rs / 2, rel=1e-9)  # Rp = 0
    grazing = [optics.reflectance(a, 1.0, 1.52) for a in (60, 75, 85, 89)]
    assert all(np.diff(grazing) > 0) and grazing[-1] > 0.9


# ----- trace, describe, table -------------------------------------------------------------

def test_trace_reports_reflection_refraction_and_critical_angle():
    result = trace(BoundaryParams(incidence_deg=50, n1=1.52, n2=1.0))
    assert result.reflection_deg == 50
    assert result.totally_internally_reflected and math.isnan(result.refraction_deg)
    assert result.critical_deg == pytest.approx(41.14, abs=0.01)
    into_glass = trace(BoundaryParams(incidence_deg=30, n1=1.0, n2=1.52))
    assert into_glass.critical_deg is None
    assert into_glass.refraction_deg == pytest.approx(19.2049, abs=1e-4)
    # The r-against-i curve reaches exactly 90° at C, then stops.
    at_c = result.refraction_curve_deg[result.incidence_curve_deg == result.critical_deg]
    assert at_c == pytest.approx([90.0])
    assert np.isnan(result.refraction_curve_deg[result.incidence_curve_deg > result.critical_deg]).all()


def test_describe_states_the_angles():
    text = optics.describe(trace(BoundaryParams(incidence_deg=30, n1=1.0, n2=1.52)))
    assert "30°" in text and "19.2°" in text and "towards the normal" in text
    assert "4% of the light is reflected" in text and "no critical angle" in text
    tir = optics.describe(trace(BoundaryParams(incidence_deg=50, n1=1.52, n2=1.0)))
    assert "total internal reflection" in tir and "41.1°" in tir
    away = optics.describe(trace(BoundaryParams(incidence_deg=30, n1=1.52, n2=1.0)))
    assert "away from the normal" in away and "critical angle is 41.1°" in away


def test_to_table_has_units_and_sines():
    result = trace(BoundaryParams(n1=1.0, n2=1.333))
    table = optics.to_table(result)
    assert table.headers == ["angle of incidence / °", "angle of refraction / °", "sin i", "sin r"]
    np.testing.assert_allclose(table.column("sin i"), 1.333 * table.column("sin r"), rtol=1e-12)


@pytest.mark.parametrize(
    "field, value, range_text",
    [
        ("incidence_deg", 90, "[0, 90) degrees"),
        ("incidence_deg", -1, "[0, 90) degrees"),
        ("n1", 0.9, "[1, 5]"),
        ("n2", 0.5, "[1, 5]"),
        ("n2", float("nan"), "[1, 5]"),
    ],
)
def test_out_of_range_parameters_raise_value_error_naming_field_and_range(field, value, range_text):
    with pytest.raises(ValueError) as error:
        BoundaryParams(**{field: value})
    assert field in str(error.value) and range_text in str(error.value)


def test_functions_validate_their_arguments():
    with pytest.raises(ValueError, match=r"incidence_deg must be in \[0, 90\)"):
        optics.refraction_angle_deg(95, 1.0, 1.5)
    with pytest.raises(ValueError, match=r"incidence_deg must be in \[0, 90\)"):
        optics.refraction_angle_deg([10, 90], 1.0, 1.5)
    with pytest.raises(ValueError, match=r"n1 must be in \[1, 5\]"):
        optics.refraction_angle_deg(10, 0.99, 1.5)
    with pytest.raises(ValueError, match=r"n2 must be in \[1, 5\]"):
        optics.critical_angle_deg(1.5, 0.8)
    with pytest.raises(AttributeError):
        BoundaryParams().n1 = 2.0


# ----- thin lenses ---------------------------------------------------------------------------

@pytest.mark.parametrize(
    "f, u, v, m, real, inverted",
    [
        (0.10, 0.30, 0.15, -0.5, True, True),
        (0.10, 0.05, -0.10, 2.0, False, False),
        (-0.20, 0.20, -0.10, 0.5, False, False),
        (0.10, 0.20, 0.20, -1.0, True, True),  # u = 2f → v = 2f, same size, inverted
        (0.25, 0.40, 2.0 / 3.0, -5.0 / 3.0, True, True),
    ],
)
def test_thin_lens_matches_hand_values(f, u, v, m, real, inverted):
    image = optics.thin_lens_image(f, u)
    assert image.image_distance_m == pytest.approx(v, rel=1e-12)
    assert image.magnification == pytest.approx(m, rel=1e-12)
    assert image.is_real is real and image.is_inverted is inverted
    assert 1 / image.object_distance_m + 1 / image.image_distance_m == pytest.approx(1 / f, rel=1e-12)


def test_object_at_focal_point_gives_image_at_infinity_and_far_object_images_at_f():
    assert optics.image_distance_m(0.1, 0.1) == math.inf
    assert not optics.thin_lens_image(0.1, 0.1).is_real
    assert optics.image_distance_m(0.1, 10000) == pytest.approx(0.1, rel=2e-5)


def test_thin_lens_validation():
    with pytest.raises(ValueError, match="focal_length_m .*not 0"):
        optics.image_distance_m(0.0, 0.3)
    with pytest.raises(ValueError, match="focal_length_m must be in"):
        optics.image_distance_m(2000.0, 0.3)
    with pytest.raises(ValueError, match=r"object_distance_m must be in \(0, 10000\] m"):
        optics.thin_lens_image(0.1, -0.2)


# ----- virtual practical: ray box and glass block ----------------------------------------------

def test_virtual_practical_recovers_refractive_index_and_is_seeded():
    table = optics.virtual_practical(seed=0)
    gradient, intercept, gradient_error, _ = fit_line(table.column("sin r"), table.column("sin i"))
    # One class set (8 angles × 3 readings, ±1° scatter, 2° normal error): n within 3%.
    assert gradient == pytest.approx(1.52, rel=0.03)
    readings = table.column("angle of refraction, run 1")
    np.testing.assert_allclose(readings, np.round(readings), atol=1e-12)  # protractor: 1°
    np.testing.assert_array_equal(table.data, optics.virtual_practical(seed=0).data)
    assert not np.array_equal(table.data, optics.virtual_practical(seed=1).data)
    assert table.headers[0] == "angle of incidence / °"


def test_virtual_practical_shows_the_normal_offset_systematic_error():
    def class_average(offset):
        fits = [fit_line(t.column("sin r"), t.column("sin i"))
                for t in (optics.virtual_practical(normal_offset_deg=offset, seed=s) for s in range(50))]
        return np.mean([f[0] for f in fits]), np.mean([f[1] for f in fits])

    # Averaged over 50 classes the random scatter (±0.004 in gradient) is small enough to
    # see the 2° error: the gradient is pulled low and the intercept negative.
    gradient, intercept = class_average(2.0)
    assert gradient < 1.52 - 0.012 and intercept < -0.006
    honest_gradient, honest_intercept = class_average(0.0)
    assert honest_gradient == pytest.approx(1.52, abs=0.012) and abs(honest_intercept) < 0.006
    # Correcting every angle by the known offset recovers n (mean of sin i / sin r, 1%).
    ratios = []
    for seed in range(50):
        table = optics.virtual_practical(seed=seed)
        i = np.radians(table.column("angle of incidence") - 2.0)
        r = np.radians(table.column("mean angle of refraction") - 2.0)
        ratios.append(np.mean(np.sin(i) / np.sin(r)))
    assert np.mean(ratios) == pytest.approx(1.52, rel=0.01)


def test_virtual_practical_validates_its_arguments():
    with pytest.raises(ValueError, match="incidence_deg must list"):
        optics.virtual_practical(incidence_deg=[])
    with pytest.raises(ValueError, match="incidence_deg"):
        optics.virtual_practical(incidence_deg=[10, 95])
    with pytest.raises(ValueError, match="incidence_deg minus normal_offset_deg"):
        optics.virtual_practical(incidence_deg=[1, 10], normal_offset_deg=2)
    with pytest.raises(ValueError, match="n_block"):
        optics.virtual_practical(n_block=0.9)
    with pytest.raises(ValueError, match="normal_offset_deg"):
        optics.virtual_practical(normal_offset_deg=15)
    with pytest.raises(ValueError, match="repeats"):
        optics.virtual_practical(repeats=0)


def test_refractive_indices_are_the_cited_values():
    assert optics.REFRACTIVE_INDICES == {
        "air": 1.000, "water": 1.333, "perspex": 1.49, "crown glass": 1.52, "diamond": 2.42,
    }


def test_reflection_practical_obeys_the_law_with_a_constant_misdrawn_normal_gap():
    from stemcpd.physics.optics import reflection_practical

    perfect = reflection_practical(normal_offset_deg=0.0, repeats=10, seed=3)
    gap = perfect.column("angle of incidence") - perfect.column("mean angle of reflection")
    assert np.all(np.abs(gap) < 1.5)  # law of reflection, within protractor scatter (10 readings)
    skewed = reflection_practical(normal_offset_deg=2.0, repeats=10, seed=3)
    gap = skewed.column("angle of incidence") - skewed.column("mean angle of reflection")
    assert np.mean(gap) == pytest.approx(4.0, abs=0.5)  # 2 × offset, the same at every angle
    assert reflection_practical(seed=5).to_csv() == reflection_practical(seed=5).to_csv()
    with pytest.raises(ValueError, match="incidence_deg minus twice normal_offset_deg"):
        reflection_practical(incidence_deg=(3,), normal_offset_deg=2.0)
