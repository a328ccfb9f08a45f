"""The atom-builder view and app, built headless."""

from stemcpd.chemistry.atoms import AtomParams, build_atom
from stemcpd.chemistry.atoms.app import CONTROLS, AtomsApp
from stemcpd.chemistry.atoms.view import AtomView


def test_view_draws_one_marker_per_electron_and_brackets_for_ions():
    view = AtomView()
    view.update(build_atom(AtomParams(12, False)))
    assert len(view.electrons.get_xdata()) == 12 and not view.charge_text.get_visible()
    view.update(build_atom(AtomParams(12, True)))
    assert len(view.electrons.get_xdata()) == 10
    assert view.charge_text.get_visible() and view.charge_text.get_text() == "2+"
    assert [shell.get_visible() for shell in view.shells] == [True, True, False, False]
    assert "12 p" in view.nucleus_text.get_text()


def test_view_isotope_bars():
    view = AtomView()
    view.update(build_atom(AtomParams(17)))
    visible = [bar for bar in view.isotope_bars if bar.get_visible()]
    assert [round(bar.get_height(), 1) for bar in visible] == [75.8, 24.2]
    assert abs(view.ar_line.get_xdata()[0] - 35.484) < 1e-9


def test_app_has_two_controls_and_presets():
    app = AtomsApp()
    assert len(CONTROLS) == 2
    app.set(atomic_number=17, show_ion=True)
    assert "Cl⁻" in app.readout.value and "2,8,8" in app.readout.value


def test_sweeping_the_atomic_number_moves_the_isotope_axis_in_round_windows():
    app = AtomsApp()
    windows = set()
    for number in range(1, 21):
        app.set(atomic_number=number)
        low, high = app.view.isotope_axes.get_xlim()
        run = app.result
        assert low <= run.isotopes[0].mass_number - 1 and run.isotopes[-1].mass_number + 1 <= high
        assert low % 5 == 0 and high % 5 == 0
        windows.add((low, high))
    assert len(windows) <= 10  # so neighbouring elements share a kept background
    before = app.view.renderer.full_draws
    for number in range(20, 0, -1):
        app.set(atomic_number=number)
    assert app.view.renderer.full_draws == before
