"""The nuclear-equations model: alpha and beta bookkeeping, conservation of mass number
and charge, the uranium-238 series end to end, bad input, app and view."""

import pytest

from stemcpd.physics.nuclear import (
    URANIUM_SERIES,
    ChainParams,
    Nucleus,
    atomic_number_after,
    daughter,
    describe,
    follow_chain,
    half_life_words,
    is_balanced,
    mass_number_after,
    nuclear_equation,
    to_table,
)
from stemcpd.physics.nuclear.app import CONTROLS, NuclearApp


def test_alpha_and_beta_bookkeeping_and_equations():
    radium = Nucleus(226, 88)
    assert daughter(radium, "alpha") == Nucleus(222, 86)  # radon
    assert nuclear_equation(radium, "alpha") == "²²⁶₈₈Ra → ²²²₈₆Rn + ⁴₂He"
    carbon = Nucleus(14, 6)
    assert daughter(carbon, "beta") == Nucleus(14, 7)
    assert nuclear_equation(carbon, "beta") == "¹⁴₆C → ¹⁴₇N + ⁰₋₁e"
    assert daughter(Nucleus(60, 27), "gamma") == Nucleus(60, 27)
    assert is_balanced(radium, [Nucleus(222, 86)], 4, 2)
    assert not is_balanced(radium, [Nucleus(222, 86)], 4, 0)


def test_the_uranium_series_ends_at_lead_206_with_8_alpha_and_6_beta():
    chain = follow_chain(ChainParams(len(URANIUM_SERIES)))
    assert chain.current == Nucleus(206, 82) and chain.current.name == "Pb-206"
    assert (chain.alpha_count, chain.beta_count) == (8, 6)
    assert mass_number_after(238, 8) == 206 and atomic_number_after(92, 8, 6) == 82
    names = [nucleus.name for nucleus in chain.nuclei]
    assert names[:4] == ["U-238", "Th-234", "Pa-234", "U-234"] and "Rn-222" in names
    for parent, child, mode in zip(chain.nuclei, chain.nuclei[1:], chain.modes):
        emitted = (4, 2) if mode == "alpha" else (0, -1)
        assert is_balanced(parent, [child], *emitted)
    assert all(half > 0 for half in chain.half_lives_s) and chain.is_stable


def test_published_half_lives_in_words():
    chain = follow_chain(ChainParams(0))
    assert half_life_words(chain.half_lives_s[0]) == "4.47 × 10⁹ years"
    assert half_life_words(chain.half_lives_s[6]) == "3.82 days"  # Rn-222
    assert half_life_words(chain.half_lives_s[10]) == "164 µs"  # Po-214
    assert half_life_words(chain.half_lives_s[2]) == "69.5 s"  # Pa-234m, the school generator


@pytest.mark.parametrize("call, message", [
    (lambda: ChainParams(15), r"steps must be a whole number in \[0, 14\], got 15"),
    (lambda: Nucleus(4, 6), r"atomic_number must not exceed mass_number \(4\), got 6"),
    (lambda: daughter(Nucleus(238, 92), "positron"), r"mode must be one of alpha, beta, gamma, neutron"),
    (lambda: atomic_number_after(2, 2, 0), r"leave no protons"),
])
def test_bad_input_is_named(call, message):
    with pytest.raises(ValueError, match=message):
        call()


def test_describe_table_app_and_view():
    chain = follow_chain(ChainParams(1))
    assert "²³⁸₉₂U → ²³⁴₉₀Th + ⁴₂He" in describe(chain) and "beta emission" in describe(chain)
    assert len(to_table(chain)) == 15
    app = NuclearApp()
    assert list(app.sliders) == [control.name for control in CONTROLS] and len(CONTROLS) <= 4
    assert "Th-230" in app.readout.value
    app.sliders["steps"].value = 14
    assert "Pb-206" in app.readout.value and "stable" in app.view.equation_text.get_text()
    assert app.view.current_marker.get_data()[1][0] == 206
    assert sum(len(line.get_xdata()) > 0 for line in app.view.step_lines) == 14
