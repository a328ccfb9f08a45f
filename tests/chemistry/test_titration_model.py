"""Titration model against textbook tables and hand formulae.

References:
* Strong acid / strong base, hand formulae: before equivalence
  [H⁺] = (C_a V_a − C_b V_b)/(V_a + V_b), after it [OH⁻] = (C_b V_b − C_a V_a)/(V_a + V_b),
  pH 7.00 at equivalence (25 °C). Tabulated for 50.00 cm³ of 0.0500 M HCl with 0.1000 M
  NaOH in Skoog, West, Holler & Crouch, *Fundamentals of Analytical Chemistry*, 9th ed.,
  ch. 14 (pH 1.30, 1.60, 2.15, 2.87, 3.87, 7.00, 10.12, 11.12, 11.80, 12.22).
* Weak acid: 50.00 cm³ of 0.1000 M ethanoic acid (K_a = 1.75 × 10⁻⁵) with 0.1000 M
  NaOH, same book, ch. 14 (pH 2.88 at 0, 4.16, 4.76, 5.36, 6.45, 7.46, 8.73 at
  equivalence, 10.00, 11.00, 11.96).
* Very dilute strong acid: [H⁺] = (C + √(C² + 4K_w))/2, so 1.0 × 10⁻⁸ M HCl has pH 6.98,
  not 8 (Harris, *Quantitative Chemical Analysis*, 8th ed., §8-1 works the same case
  for 1.0 × 10⁻⁸ M KOH, pH 7.02).
"""

import math
import subprocess
import sys

import numpy as np
import pytest

from stemcpd.chemistry import titration
from stemcpd.chemistry.titration import TitrationParams, ph_at, simulate

HCL_25 = dict(acid_molar=0.100, acid_ml=25.0, base_molar=0.100)


def strong_hand_formula(volume, acid_molar, acid_ml, base_molar):
    excess_acid = (acid_molar * acid_ml - base_molar * volume) / (acid_ml + volume)
    if abs(excess_acid) < 1e-12:
        return 7.0
    if excess_acid > 0:
        return -math.log10(excess_acid)
    return 14.0 + math.log10(-excess_acid)


@pytest.mark.parametrize("volume, expected", [(0, 1.00), (10, 1.37), (20, 1.95), (24, 2.69),
                                              (25, 7.00), (26, 11.29), (30, 11.96), (50, 12.52)])
def test_brief_table_25_cm3_hcl(volume, expected):
    # Hand formulae, rounded to 2 dp as textbooks print them.
    assert round(strong_hand_formula(volume, **HCL_25), 2) == expected
    assert ph_at(volume, **HCL_25) == pytest.approx(expected, abs=0.006)


@pytest.mark.parametrize("volume, published", [(0, 1.30), (10, 1.60), (20, 2.15), (24, 2.87), (24.9, 3.87),
                                               (25, 7.00), (25.1, 10.12), (26, 11.12), (30, 11.80), (40, 12.22)])
def test_skoog_strong_acid_table(volume, published):
    # Published to 2 dp: agreement within 0.01.
    assert ph_at(volume, acid_molar=0.05, acid_ml=50.0, base_molar=0.1) == pytest.approx(published, abs=0.01)


@pytest.mark.parametrize("volume, published", [(0, 2.88), (10, 4.16), (25, 4.76), (40, 5.36), (49, 6.45),
                                               (49.9, 7.46), (50, 8.73), (50.1, 10.00), (51, 11.00), (60, 11.96)])
def test_skoog_ethanoic_acid_table(volume, published):
    pka = -math.log10(1.75e-5)
    assert ph_at(volume, acid_molar=0.1, acid_ml=50.0, base_molar=0.1, acid_pka=pka) == pytest.approx(
        published, abs=0.01)


def test_strong_acid_matches_exact_quadratic_everywhere():
    volumes = np.linspace(0, 50, 501)
    excess = (0.1 * 25 - 0.1 * volumes) / (25 + volumes)
    root = np.sqrt(excess**2 + 4e-14)
    # The two algebraically equal forms of the quadratic's root, each used where it
    # does not lose digits to cancellation.
    h = np.where(excess >= 0, (excess + root) / 2, 2e-14 / (root - excess))
    exact = -np.log10(h)
    np.testing.assert_allclose(ph_at(volumes, **HCL_25), exact, atol=1e-9)
    # Away from equivalence the textbook hand formula agrees to 0.001 pH.
    for volume in (0, 5, 20, 24, 26, 30, 45):
        assert ph_at(volume, **HCL_25) == pytest.approx(strong_hand_formula(volume, **HCL_25), abs=1e-3)


def test_weak_acid_matches_cubic_roots():
    ka, kw = 10**-4.76, 1e-14
    for volume in (0.0, 3.0, 12.5, 24.99, 25.0, 25.01, 40.0):
        total = 25 + volume
        ca, na = 0.1 * 25 / total, 0.1 * volume / total
        # h³ + (Ka + Na) h² + (Ka Na − Kw − Ka Ca) h − Ka Kw = 0
        roots = np.roots([1.0, ka + na, ka * na - kw - ka * ca, -ka * kw])
        h = max(r.real for r in roots if abs(r.imag) < 1e-20 and r.real > 0)
        assert ph_at(volume, **HCL_25, acid_pka=4.76) == pytest.approx(-math.log10(h), abs=1e-8)


def test_ethanoic_acid_landmarks_from_the_brief():
    assert ph_at(0, **HCL_25, acid_pka=4.76) == pytest.approx(2.88, abs=0.005)
    # pH = pKa at half-equivalence for 0.1 M (the exact correction is below 0.001).
    assert ph_at(12.5, **HCL_25, acid_pka=4.76) == pytest.approx(4.76, abs=0.01)
    assert 8.72 <= ph_at(25.0, **HCL_25, acid_pka=4.76) <= 8.735


def test_charge_balance_residual_is_zero():
    volumes = np.linspace(0, 60, 121)
    for pka in (None, 2.0, 4.76, 9.25):
        ph = ph_at(volumes, **HCL_25, acid_pka=pka)
        residual = titration.charge_balance_residual(volumes, ph, **HCL_25, acid_pka=pka)
        # Each term is up to ~0.1 mol/dm³; the balance closes to 1e-12 of that.
        assert np.max(np.abs(residual)) < 1e-13


def test_very_dilute_acid_approaches_seven_from_below():
    assert ph_at(0, acid_molar=1e-8, acid_ml=25, base_molar=0.1) == pytest.approx(6.98, abs=0.005)
    previous = 0.0
    for concentration in (1e-3, 1e-5, 1e-7, 1e-8, 1e-9, 1e-11):
        ph = ph_at(0, acid_molar=concentration, acid_ml=25, base_molar=0.1)
        assert previous < ph <= 7.0  # an acid never makes water alkaline
        previous = ph
    assert previous == pytest.approx(7.0, abs=1e-4)
    assert ph_at(0, acid_molar=1e-11, acid_ml=25, base_molar=0.1, acid_pka=4.76) == pytest.approx(7.0, abs=1e-4)


def test_curve_rises_monotonically_and_weaker_acids_start_higher():
    volumes = np.linspace(0, 50, 400)
    for pka in (None, 3.0, 4.76, 9.0):
        assert np.all(np.diff(ph_at(volumes, **HCL_25, acid_pka=pka)) > 0)
    starts = [ph_at(0, **HCL_25, acid_pka=pka) for pka in (None, 2.0, 4.76, 7.0, 9.0)]
    assert np.all(np.diff(starts) > 0)
    # Beyond equivalence the excess alkali sets the pH whatever the acid.
    assert ph_at(35, **HCL_25, acid_pka=4.76) == pytest.approx(ph_at(35, **HCL_25), abs=1e-4)


def test_a_very_strong_pka_behaves_like_a_strong_acid():
    volumes = np.array([0.0, 10.0, 24.0, 26.0, 40.0])
    np.testing.assert_allclose(ph_at(volumes, **HCL_25, acid_pka=-2.0), ph_at(volumes, **HCL_25), atol=0.01)


def test_scalar_in_float_out_array_in_array_out():
    assert isinstance(ph_at(5.0, **HCL_25), float)
    out = ph_at(np.array([[0.0, 5.0], [10.0, 15.0]]), **HCL_25)
    assert out.shape == (2, 2)


def test_simulate_finds_landmarks_and_indicators():
    strong = simulate(TitrationParams(acid_pka=None, added_ml=30.0))
    assert strong.equivalence_ml == pytest.approx(25.0)
    assert strong.ph_at_equivalence == pytest.approx(7.0, abs=1e-6)
    assert strong.ph_now == pytest.approx(11.96, abs=0.005)
    assert strong.suitable_indicators == ("methyl orange", "bromothymol blue", "phenolphthalein")
    weak = simulate(TitrationParams(acid_pka=4.76))
    assert weak.half_equivalence_ml == pytest.approx(12.5)
    assert weak.ph_at_half_equivalence == pytest.approx(4.76, abs=0.01)
    # Weak acid + strong base: only phenolphthalein (the textbook choice).
    assert weak.suitable_indicators == ("phenolphthalein",)
    assert simulate(TitrationParams(acid_pka=9.25)).suitable_indicators == ()
    assert "litmus" not in strong.suitable_indicators  # too gradual, never recommended
    assert np.all(np.diff(weak.volumes_ml) > 0) and weak.volumes_ml[-1] == pytest.approx(50.0)
    # The curve reaches twice the equivalence volume when that is beyond the burette.
    big = simulate(TitrationParams(acid_molar=1.0, base_molar=0.1))
    assert big.volumes_ml[-1] == pytest.approx(500.0)


def test_indicator_table_ranges_and_colours():
    ranges = {ind.name: (ind.ph_low, ind.ph_high) for ind in titration.INDICATORS}
    assert ranges == {"methyl orange": (3.1, 4.4), "litmus": (4.5, 8.3),
                      "bromothymol blue": (6.0, 7.6), "phenolphthalein": (8.2, 10.0)}
    pp = titration.INDICATORS_BY_NAME["phenolphthalein"]
    assert (pp.colour_name(7.0), pp.colour_name(9.0), pp.colour_name(11.0)) == ("colourless", "pale pink", "pink")
    mo = titration.INDICATORS_BY_NAME["methyl orange"]
    assert (mo.colour_name(2.0), mo.colour_name(6.0)) == ("red", "yellow")
    assert mo.colour_fraction(2.0) == 0.0 and mo.colour_fraction(3.75) == pytest.approx(0.5)


@pytest.mark.parametrize(
    "field, value, range_text",
    [("acid_molar", 0, "(0, 5] mol/dm³"), ("acid_ml", -1, "(0, 1000] cm³"), ("base_molar", 6, "(0, 5] mol/dm³"),
     ("added_ml", -0.1, "[0, 5000] cm³"), ("acid_pka", 15, "[-2, 14]"), ("acid_molar", float("nan"), "(0, 5]")],
)
def test_out_of_range_parameters_raise_naming_field_and_range(field, value, range_text):
    with pytest.raises(ValueError) as error:
        TitrationParams(**{field: value})
    assert field in str(error.value) and range_text in str(error.value)


def test_ph_at_validates_arguments():
    with pytest.raises(ValueError, match="added_ml"):
        ph_at(-1.0, **HCL_25)
    with pytest.raises(ValueError, match=r"acid_pka must be in \[-2, 14\]"):
        ph_at(1.0, **HCL_25, acid_pka=20)
    with pytest.raises(ValueError, match="base_molar"):
        ph_at(1.0, acid_molar=0.1, acid_ml=25, base_molar=0)


def test_describe_speaks_the_key_numbers():
    text = titration.describe(simulate(TitrationParams(added_ml=12.5)))
    assert "12.50 cm³" in text and "pH is 4.76" in text and "25.00 cm³" in text
    assert "pH 8.73" in text and "phenolphthalein" in text and "pKa" in text
    strong = titration.describe(simulate(TitrationParams(acid_pka=None)))
    assert "strong acid" in strong and "pH 7.00" in strong and "methyl orange" in strong


def test_to_table_has_volume_and_ph_with_units():
    curve = simulate(TitrationParams())
    table = titration.to_table(curve)
    assert table.headers == ["volume of NaOH added / cm³", "pH", "hydrogen ion concentration / mol/dm³"]
    np.testing.assert_allclose(table.column("pH"), curve.ph)
    assert len(table) == len(curve.volumes_ml)


def test_virtual_practical_concordant_titres_recover_concentration_and_show_the_bubble():
    params = TitrationParams(acid_pka=None)
    true_end = titration.volume_at_ph(9.1, params)
    assert true_end == pytest.approx(25.0, abs=0.01)  # phenolphthalein's error is tiny
    means = []
    for seed in range(20):
        table = titration.virtual_practical(params, seed=seed)
        titres = table.column("titre")
        readings = np.concatenate([table.column("initial burette reading"), table.column("final burette reading")])
        # Burette read to 0.05 cm³.
        np.testing.assert_allclose(np.round(readings / 0.05) * 0.05, readings, atol=1e-9)
        assert table.column("run (0 = rough)")[0] == 0 and titres[0] > titres[1:].min()  # rough overshoots
        concordant = titres[table.column("concordant") == 1]
        assert len(concordant) == 2 and np.ptp(concordant) <= 0.10 + 1e-9
        means.append(titration.mean_concordant_titre(table))
    means = np.array(means)
    # Concentration from the titre: within 1 % of 0.100 mol/dm³ for every seed ...
    acid_found = 0.100 * means / 25.0
    assert np.all(np.abs(acid_found - 0.100) < 0.001)
    # ... but systematically high: the 0.15 cm³ air bubble shows in the mean titre.
    assert means.mean() - true_end == pytest.approx(0.15, abs=0.03)
    no_bubble = np.mean([titration.mean_concordant_titre(titration.virtual_practical(params, air_bubble_ml=0, seed=s))
                         for s in range(20)])
    assert no_bubble == pytest.approx(true_end, abs=0.03)
    # Seeded.
    np.testing.assert_array_equal(titration.virtual_practical(params, seed=3).data,
                                  titration.virtual_practical(params, seed=3).data)


def test_virtual_practical_weak_acid_with_methyl_orange_ends_early():
    # Methyl orange changes in the buffer region of a weak acid: the "end point" comes
    # several cm³ before equivalence — why it is the wrong indicator.
    table = titration.virtual_practical(TitrationParams(acid_pka=4.76), indicator="methyl orange", seed=1)
    assert table.column("titre")[1:].max() < 20.0


def test_virtual_practical_validates_arguments():
    with pytest.raises(ValueError, match="indicator"):
        titration.virtual_practical(indicator="beetroot")
    with pytest.raises(ValueError, match="max_accurate"):
        titration.virtual_practical(max_accurate=1)
    with pytest.raises(ValueError, match="50 cm³ burette"):
        titration.virtual_practical(TitrationParams(acid_molar=1.0))
    table = titration.virtual_practical(seed=0)
    with pytest.raises(ValueError, match="no concordant"):
        from stemcpd.table import Table
        titration.mean_concordant_titre(Table(table.columns, table.units, table.data * [1, 1, 1, 1, 0]))


def test_model_import_does_not_pull_in_plotting_or_widgets():
    code = ("import sys, stemcpd.chemistry.titration; "
            "sys.exit(1 if {'matplotlib', 'ipywidgets'} & set(sys.modules) else 0)")
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0
