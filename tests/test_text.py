"""Teacher-facing number and table formatting (stemcpd.text)."""

import pytest

from stemcpd import text


@pytest.mark.parametrize("value, figures, expected", [
    (9.03e-09, 3, "9.03 × 10⁻⁹"),
    (4.94e-07, 3, "4.94 × 10⁻⁷"),
    (0.00071, 2, "7.1 × 10⁻⁴"),
    (0.0071, 2, "0.0071"),
    (0.0123, 3, "0.0123"),
    (1.5, 3, "1.50"),
    (96485.3, 5, "96 485"),
    (2_500_000, 2, "2.5 × 10⁶"),
    (-3.2e-5, 2, "−3.2 × 10⁻⁵"),
    (9.996e-9, 3, "1.00 × 10⁻⁸"),
    (0, 3, "0"),
])
def test_number_uses_plain_decimal_or_standard_form(value, figures, expected):
    assert text.number(value, figures) == expected


def test_number_rejects_zero_significant_figures():
    with pytest.raises(ValueError, match="significant_figures"):
        text.number(1.0, 0)


def test_fixed_uses_a_minus_sign_and_never_shows_minus_zero():
    assert text.fixed(-114.1, 1) == "−114.1"
    assert text.fixed(78.3, 1) == "78.3"
    assert text.fixed(-0.01, 1) == "0.0"


def test_signed_writes_a_minus_sign_not_plus_minus():
    assert text.signed(-0.00071, 5) == "− 0.00071"
    assert text.signed(0.25, 2) == "+ 0.25"
    assert text.signed(-0.0000001, 3) == "+ 0.000"  # rounds to zero: no "−0.000"


def test_html_table_escapes_every_cell_and_checks_row_length():
    page = text.html_table(["test", "ions"], [["<b>flame</b>", "Ca²⁺ & Mg²⁺"]], caption="A < B")
    assert "&lt;b&gt;flame&lt;/b&gt;" in page and "Ca²⁺ &amp; Mg²⁺" in page
    assert "<caption>A &lt; B</caption>" in page and "<th scope='col'>test</th>" in page
    with pytest.raises(ValueError, match="2 headings"):
        text.html_table(["a", "b"], [["only one"]])


def test_table_html_cells_use_minus_signs_and_standard_form():
    import numpy as np

    from stemcpd.table import Table

    table = Table(("p.d.", "ρ"), ("V", "Ω m"), np.array([[-6.0, 4.9e-7], [-0.0, 1.0]]))
    page = table.to_html()
    assert "<td>−6</td>" in page and "<td>0</td>" in page and "-0" not in page
    assert "<td>4.900 × 10⁻⁷</td>" in page and "e-07" not in page
