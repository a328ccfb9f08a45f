"""The shared parameter checks every model uses."""

import math

import pytest

from stemcpd.validation import check_count, check_range


def test_check_range_accepts_and_converts():
    assert check_range("length_m", 2, 0, 10, unit="m") == 2.0
    assert check_range("x", 0, 0, 1, low_open=False) == 0.0
    assert check_range("x", 5, 0, math.inf) == 5.0


@pytest.mark.parametrize("value, message", [
    (0, r"length_m must be in \(0, 10\] m, got 0"),
    (11, r"length_m must be in \(0, 10\] m, got 11"),
    (float("nan"), r"length_m must be in \(0, 10\] m, got nan"),
    ("long", r"length_m must be a number, got 'long'"),
    (None, r"length_m must be a number, got None"),
    (True, r"length_m must be a number, got True"),
])
def test_check_range_rejects_with_name_range_and_value(value, message):
    with pytest.raises(ValueError, match=message):
        check_range("length_m", value, 0, 10, unit="m")


def test_open_upper_end():
    with pytest.raises(ValueError, match=r"\(0, 180\) degrees"):
        check_range("amplitude_deg", 180, 0, 180, high_open=True, unit="degrees")


def test_check_count():
    assert check_count("repeats", 3, 1, 10) == 3
    assert check_count("repeats", 3.0, 1, 10) == 3
    for bad in (0, 11, 2.5, "3", True):
        with pytest.raises(ValueError, match=r"repeats must be a whole number in \[1, 10\]"):
            check_count("repeats", bad, 1, 10)
