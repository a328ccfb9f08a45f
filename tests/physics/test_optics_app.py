"""The optics view and app, built headless (no notebook, no browser)."""

import io
import math

import numpy as np
import pytest
from PIL import Image

from stemcpd.physics.optics import BoundaryParams, trace
from stemcpd.physics.optics.app import CONTROLS, OpticsApp
from stemcpd.physics.optics.view import BoundaryView
from stemcpd.ui.figures import figure_to_png


def pixels(png: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB"), dtype=int)


def test_view_draws_rays_at_the_right_angles_and_blitting_matches_full_redraw():
    view = BoundaryView()
    view.update(trace(BoundaryParams(incidence_deg=30, n1=1.0, n2=1.52)))
    view.render_png()
    result = trace(BoundaryParams(incidence_deg=45, n1=1.0, n2=1.333))
    view.update(result)
    x, y = view.incident_line.get_data()
    assert math.degrees(math.atan2(-x[0], y[0])) == pytest.approx(45)  # from the normal
    x, y = view.refracted_line.get_data()
    assert math.degrees(math.atan2(x[1], -y[1])) == pytest.approx(result.refraction_deg)
    x, y = view.reflected_line.get_data()
    assert math.degrees(math.atan2(x[1], y[1])) == pytest.approx(45)
    # Line styles differ, so the rays read without colour; the normal is dashed.
    styles = {view.incident_line.get_linestyle(), view.reflected_line.get_linestyle(),
              view.refracted_line.get_linestyle()}
    assert len(styles) == 3 and view.normal_line.get_linestyle() == "--"
    blitted = pixels(view.render_png())
    view.figure.set_layout_engine("none")
    for artist in view.moving_artists:
        artist.set_animated(False)
    full = pixels(figure_to_png(view.figure))
    assert blitted.shape == full.shape == (460, 1000, 3)
    assert np.mean(np.abs(blitted - full)) < 0.5


def test_view_hides_refracted_ray_under_total_internal_reflection():
    view = BoundaryView()
    view.update(trace(BoundaryParams(incidence_deg=50, n1=1.52, n2=1.0)))
    assert len(view.refracted_line.get_data()[0]) == 0
    assert "total internal reflection" in view.refraction_text.get_text()
    assert view.critical_marker.get_data()[0][0] == pytest.approx(41.14, abs=0.01)
    view.update(trace(BoundaryParams(incidence_deg=50, n1=1.0, n2=1.52)))
    assert len(view.refracted_line.get_data()[0]) == 2
    assert len(view.critical_line.get_data()[0]) == 0


def test_app_controls_and_readout():
    app = OpticsApp()
    assert list(app.sliders) == [control.name for control in CONTROLS]
    assert app.params == BoundaryParams(incidence_deg=30, n1=1.0, n2=1.52)
    assert "r = 19.2°" in app.readout.value and "no critical angle" in app.readout.value
    before = (bytes(app.image.value), app.readout.value, app.description.value)
    app.set(n1=1.52, n2=1.0, incidence_deg=50)
    after = (bytes(app.image.value), app.readout.value, app.description.value)
    assert all(a != b for a, b in zip(before, after))
    assert "total internal reflection" in app.readout.value and "C = 41.1°" in app.readout.value
    assert "total internal reflection" in app.description.value
    app.sliders["incidence_deg"].value = 30
    assert "r = 49.5°" in app.readout.value  # arcsin(1.52 sin 30°) = 49.46°


def test_material_presets_set_the_refractive_index():
    app = OpticsApp()
    app.preset_buttons["n2"].value = 1.333
    assert app.sliders["n2"].value == pytest.approx(1.333)
    assert app.preset_buttons["n2"].label == "Water"
    assert app.result.params.n2 == pytest.approx(1.333)
    app.preset_buttons["n1"].value = 2.42
    assert app.result.params.n1 == pytest.approx(2.42)
    assert "C = 33.4°" in app.readout.value  # arcsin(1.333/2.42) = 33.42°
    app.sliders["n2"].value = 1.4
    assert app.preset_buttons["n2"].value is None


def test_app_table_and_static_fallback():
    app = OpticsApp(incidence_deg=60)
    table = app.to_table()
    assert len(table) > 100 and table.headers[1] == "angle of refraction / °"
    html = app._repr_mimebundle_()["text/html"]
    assert html.startswith("<figure") and 'class="stemcpd-player-description">Light going from n = 1.00 into n = 1.52' in html
