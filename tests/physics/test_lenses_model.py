"""The lens model: the traced construction rays meet at the image the lens equation gives,
the image's nature in each GCSE case, magnification, limiting cases and bad input."""

import math

import numpy as np
import pytest

from stemcpd.physics.lenses import LensParams, describe, magnification, to_table, trace
from stemcpd.physics.lenses.app import CONTROLS, LensesApp


def meeting_point(ray_a, ray_b):
    """Where two straight lines (after the lens, extended either way) cross."""
    (x1, y1), (x2, y2) = ray_a.after_xy
    (x3, y3), (x4, y4) = ray_b.after_xy
    slope_a, slope_b = (y2 - y1) / (x2 - x1), (y4 - y3) / (x4 - x3)
    x = (y3 - y1 + slope_a * x1 - slope_b * x3) / (slope_a - slope_b)
    return x, y1 + slope_a * (x - x1)


@pytest.mark.parametrize("u, f", [(0.30, 0.10), (0.20, 0.10), (0.15, 0.10), (0.06, 0.10), (0.30, -0.10), (0.05, -0.2)])
def test_every_pair_of_rays_meets_at_the_lens_equation_image(u, f):
    diagram = trace(LensParams(u, f, 0.03))
    v = 1.0 / (1.0 / f - 1.0 / u)  # the lens equation, real-is-positive (beyond GCSE)
    assert diagram.image.image_distance_m == pytest.approx(v, rel=1e-12)
    for i in range(3):
        for j in range(i + 1, 3):
            x, y = meeting_point(diagram.rays[i], diagram.rays[j])
            assert x == pytest.approx(v, abs=1e-9) and y == pytest.approx(diagram.image_height_m, abs=1e-9)


@pytest.mark.parametrize("u, nature", [
    (0.30, "real, inverted, diminished"),
    (0.20, "real, inverted, the same size"),
    (0.15, "real, inverted, magnified"),
    (0.06, "virtual, upright, magnified"),
])
def test_the_gcse_cases_for_a_converging_lens(u, nature):
    assert trace(LensParams(u, 0.10)).nature == nature


def test_diverging_lens_always_virtual_upright_diminished():
    for u in (0.02, 0.1, 0.5, 2.0):
        assert trace(LensParams(u, -0.10)).nature == "virtual, upright, diminished"


def test_object_at_focus_gives_no_image_and_parallel_rays():
    diagram = trace(LensParams(0.10, 0.10))
    assert not diagram.image_forms and len(diagram.rays) == 2
    slopes = [np.diff(ray.after_xy[:, 1])[0] / np.diff(ray.after_xy[:, 0])[0] for ray in diagram.rays]
    assert slopes[0] == pytest.approx(slopes[1])
    assert "no image forms" in describe(diagram)


def test_magnification_and_exact_values():
    assert magnification(0.06, 0.03) == pytest.approx(2.0)
    diagram = trace(LensParams(0.30, 0.10, 0.03))
    assert diagram.image.image_distance_m == pytest.approx(0.15) and diagram.size_ratio == pytest.approx(0.5)
    assert "1.5 cm tall, 15.0 cm beyond the lens" in describe(diagram)
    assert math.copysign(1, to_table(diagram).column("magnification (negative: inverted)")[0]) == 1  # 0.5 f: virtual, upright


@pytest.mark.parametrize("field, value, message", [
    ("object_distance_m", 0.0, r"object_distance_m must be in \(0, 5\] m, got 0"),
    ("focal_length_m", 0.0, r"focal_length_m must be in \[-2, 2\] m and not 0"),
    ("focal_length_m", 3.0, r"focal_length_m must be in \[-2, 2\] m, got 3"),
    ("object_height_m", -0.1, r"object_height_m must be in \(0, 1\] m"),
])
def test_bad_parameters_name_field_and_range(field, value, message):
    with pytest.raises(ValueError, match=message):
        LensParams(**{field: value})


def test_app_view_draws_the_image_where_the_model_puts_it():
    app = LensesApp()
    assert list(app.sliders) == [control.name for control in CONTROLS] and len(CONTROLS) <= 4
    assert "15.0 cm" in app.readout.value and "real, inverted, diminished" in app.readout.value
    assert app.view.image_arrow.get_visible()
    app.sliders["object_distance_m"].value = 0.10
    assert "no image" in app.readout.value and not app.view.image_arrow.get_visible()
    app.sliders["object_distance_m"].value = 0.06
    assert len(app.view.ray_virtual[0].get_xydata()) == 2  # dashed extension back to the virtual image
