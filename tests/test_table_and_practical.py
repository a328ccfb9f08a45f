"""Tables (CSV export) and virtual-practical instruments."""

import numpy as np
import pytest

from stemcpd.practical import Instrument, fit_line, make_rng
from stemcpd.table import Table


def test_table_csv_has_unit_headers_and_round_trips(tmp_path):
    table = Table.from_columns([("time", "s", [0, 0.5, 1.0]), ("angle", "°", [10, 0, -10])], title="t")
    text = table.to_csv(tmp_path / "out.csv")
    assert text.splitlines()[0] == "time / s,angle / °"
    assert (tmp_path / "out.csv").read_text(encoding="utf-8") == text
    back = np.loadtxt(tmp_path / "out.csv", delimiter=",", skiprows=1)
    np.testing.assert_allclose(back, table.data)
    assert len(table) == 3 and list(table.column("angle")) == [10, 0, -10]
    with pytest.raises(KeyError, match="no column 'speed'"):
        table.column("speed")
    assert "<th scope='col'>time / s</th>" in table.to_html()


def test_table_shape_is_checked():
    with pytest.raises(ValueError, match="units"):
        Table(("a", "b"), ("s",), np.zeros((2, 2)))
    with pytest.raises(ValueError, match="data has 3 columns"):
        Table(("a", "b"), ("s", "m"), np.zeros((2, 3)))


def test_instrument_rounds_to_resolution_adds_zero_error_and_scatter():
    exact = Instrument("ruler", "m", resolution=0.001)
    assert exact.read(0.12345, make_rng(0)) == pytest.approx(0.123)
    offset = Instrument("ruler", "m", resolution=0.001, zero_error=-0.01)
    assert offset.read(0.5, make_rng(0)) == pytest.approx(0.49)
    watch = Instrument("stopwatch", "s", resolution=0.01, random_sd=0.14)
    readings = watch.read(np.full(20000, 20.0), make_rng(1))
    assert np.std(readings) == pytest.approx(0.14, rel=0.05)
    assert np.mean(readings) == pytest.approx(20.0, abs=0.01)
    assert np.allclose(np.round(readings / 0.01) * 0.01, readings)
    # Same seed, same readings: a teacher can prepare the analysis in advance.
    np.testing.assert_array_equal(watch.read([1, 2, 3], make_rng(7)), watch.read([1, 2, 3], make_rng(7)))


def test_instrument_and_seed_validation():
    with pytest.raises(ValueError, match="resolution must be > 0"):
        Instrument("x", "s", resolution=0)
    with pytest.raises(ValueError, match="random_sd"):
        Instrument("x", "s", resolution=0.1, random_sd=-1)
    with pytest.raises(ValueError, match="seed must be a non-negative integer"):
        make_rng(-3)


def test_fit_line_recovers_gradient_and_intercept():
    x = np.linspace(0, 1, 11)
    gradient, intercept, gradient_error, _ = fit_line(x, 4.0 * x + 0.2)
    assert gradient == pytest.approx(4.0) and intercept == pytest.approx(0.2, abs=1e-12)
    assert gradient_error < 1e-9
    with pytest.raises(ValueError, match="at least 3 points"):
        fit_line([1, 2], [1, 2])
