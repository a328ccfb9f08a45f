"""The mole calculator view and app, built headless (no notebook, no browser)."""

import io

import numpy as np
import pytest
from PIL import Image

from stemcpd.chemistry.moles import ReactingMassesParams, reacting_masses
from stemcpd.chemistry.moles.app import CONTROLS, MolesApp
from stemcpd.chemistry.moles.view import LIMITING_HATCH, ReactingMassesView, pretty
from stemcpd.ui.figures import figure_to_png


def pixels(png: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB"), dtype=int)


def test_view_hatches_and_labels_the_limiting_reagent():
    view = ReactingMassesView()
    view.update(reacting_masses(ReactingMassesParams(solid_mass_g=0.30)))  # Mg limits
    assert view.have_bars[0].get_hatch() == LIMITING_HATCH and not view.have_bars[1].get_hatch()
    assert "LIMITING" in view.verdict_texts[0].get_text() and "excess" in view.verdict_texts[1].get_text()
    view.update(reacting_masses(ReactingMassesParams(solid_mass_g=2.00)))  # HCl limits
    assert view.have_bars[1].get_hatch() == LIMITING_HATCH and not view.have_bars[0].get_hatch()
    assert "LIMITING" in view.verdict_texts[1].get_text()
    result = reacting_masses(ReactingMassesParams(solid_mass_g=2.00))
    assert view.have_bars[1].get_height() == pytest.approx(result.acid_mol)
    assert view.needed_bars[1].get_height() == pytest.approx(2 * result.solid_mol)


def test_view_curve_marker_and_reaction_labels():
    view = ReactingMassesView()
    result = reacting_masses(ReactingMassesParams(reaction="CaCO3 + 2HCl", solid_mass_g=1.5))
    view.update(result)
    x, y = view.mixture_marker.get_data()
    assert (x[0], y[0]) == pytest.approx((1.5, result.gas_volume_cm3))
    assert view.break_even_line.get_xdata()[0] == pytest.approx(result.break_even_mass_g)
    assert [t.get_text() for t in view.bar_axes.get_xticklabels()] == ["CaCO₃", "HCl"]
    assert "CO₂" in view.gas_axes.get_ylabel() and "/ cm³" in view.gas_axes.get_ylabel()
    assert pretty("Ca3(PO4)2 + 2CuSO4.5H2O") == "Ca₃(PO₄)₂ + 2CuSO₄.5H₂O"


def test_blitted_frame_equals_full_redraw():
    view = ReactingMassesView()
    view.update(reacting_masses(ReactingMassesParams(solid_mass_g=0.4)))
    view.render_png()
    view.update(reacting_masses(ReactingMassesParams(solid_mass_g=0.45)))
    blitted = pixels(view.render_png())
    view.figure.set_layout_engine("none")
    for artist in view.moving_artists:
        artist.set_animated(False)
    full = pixels(figure_to_png(view.figure))
    assert blitted.shape == full.shape
    assert np.mean(np.abs(blitted - full)) < 0.5


def test_app_has_one_widget_per_control_and_reaction_buttons():
    import ipywidgets as widgets

    app = MolesApp()
    assert list(app.sliders) == [c.name for c in CONTROLS]
    assert app.params == ReactingMassesParams()
    buttons = app.sliders["reaction"]
    assert isinstance(buttons, widgets.ToggleButtons) and buttons.description == "Reaction"
    buttons.value = "CaCO3 + 2HCl"
    assert app.result.reaction.solid == "CaCO3"
    assert "CaCO3" in app.readout.value and "CO2" in app.description.value
    buttons.value = "Mg + H2SO4"
    assert buttons.label == "Mg + H2SO4" and app.params.reaction == "Mg + H2SO4"


def test_moving_mass_changes_figure_readout_and_description():
    app = MolesApp()
    before = (bytes(app.image.value), app.readout.value, app.description.value)
    app.sliders["solid_mass_g"].value = 2.0
    after = (bytes(app.image.value), app.readout.value, app.description.value)
    assert all(a != b for a, b in zip(before, after))
    assert "limiting reagent <b>HCl</b>" in app.readout.value
    assert "HCl is the limiting reagent" in app.description.value
    assert pixels(bytes(app.image.value)).shape == (440, 1000, 3)


def test_set_and_table_and_static_html():
    app = MolesApp()
    app.set(acid_volume_cm3=20, acid_concentration_mol_dm3=0.5)
    assert app.result.acid_mol == pytest.approx(0.010)
    table = app.to_table()
    assert table.headers[0] == "mass of Mg / g" and "20 cm³" in table.title
    html = app._repr_mimebundle_()["text/html"]
    assert html.startswith("<figure") and 'class="stemcpd-player-description">' in html
    with pytest.raises(ValueError, match="unknown moles control"):
        MolesApp(colour=1)


def test_switching_reaction_back_reuses_its_background():
    app = MolesApp()
    options = [value for value, _label in CONTROLS[0].options]
    for option in options:
        app.set(reaction=option)
    before = app.view.renderer.full_draws
    for option in reversed(options):
        app.set(reaction=option)
        assert app.view.renderer.static_key == option  # the labels that name it are background
    assert app.view.renderer.full_draws == before
