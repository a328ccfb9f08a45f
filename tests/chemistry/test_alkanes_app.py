"""The alkanes explorer's view and app, built headless."""

from stemcpd.chemistry.alkanes import AlkaneParams, examine
from stemcpd.chemistry.alkanes.app import CONTROLS, AlkanesApp
from stemcpd.chemistry.alkanes.view import AlkanesView


def test_view_marks_boiling_level_fraction_and_state_point():
    view = AlkanesView()
    view.update(examine(AlkaneParams(carbon_atoms=12, temperature_c=-50)))
    assert view.molecule_marker.get_ydata()[0] == 216.3
    assert view.highlight.get_y() == 180 and view.highlight.get_height() == 80  # the kerosene band
    assert list(view.state_marker.get_data()) == [[12], [-50]]
    assert "kerosene" in view.column_title.get_text() and "solid" in view.chart_title.get_text()
    assert view.render_png()[:4] == b"\x89PNG"


def test_gases_sit_at_the_top_of_the_column():
    view = AlkanesView()
    view.update(examine(AlkaneParams(carbon_atoms=1)))
    assert 0 < view.molecule_marker.get_ydata()[0] < 25


def test_app_controls_and_readout():
    app = AlkanesApp()
    assert [control.name for control in CONTROLS] == ["carbon_atoms", "temperature_c", "combustion"]
    app.set(carbon_atoms=3, combustion="incomplete")
    assert "propane" in app.readout.value and "6CO" in app.readout.value and "CO per g" in app.readout.value
