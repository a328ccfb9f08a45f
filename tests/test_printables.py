"""Print-ready virtual-practical worksheets for every simulation that has a practical."""

import pytest

from stemcpd import cli
from stemcpd.printables import practical_worksheet, practicals_available


def test_the_required_practicals_have_worksheets():
    available = practicals_available()
    for name in ("pendulum", "springs", "heating", "density", "circuits", "titration", "rates", "electrolysis"):
        assert name in available


@pytest.mark.parametrize("name", practicals_available())
def test_every_worksheet_has_data_grid_questions_and_a_teacher_page(name):
    page = practical_worksheet(name, seed=3)
    assert page.startswith("<!DOCTYPE html>") and "@page { size: A4" in page
    assert "<table" in page and "class='grid'" in page and page.count("<li>") >= 7
    assert "class='teacher'" in page and "seed 3" in page
    assert "<script" not in page and "http" not in page


def test_seed_changes_the_data_but_is_reproducible():
    assert practical_worksheet("pendulum", seed=1) == practical_worksheet("pendulum", seed=1)
    assert practical_worksheet("pendulum", seed=1) != practical_worksheet("pendulum", seed=2)
    assert "1.0 cm short" in practical_worksheet("pendulum")  # the systematic error, for the teacher


def test_unknown_simulation_lists_the_choices(tmp_path, capsys):
    with pytest.raises(ValueError, match="choose from .*pendulum"):
        practical_worksheet("gas")
    assert cli.main(["worksheet", "gas", "-o", str(tmp_path / "w.html")]) == 2
    assert cli.main(["worksheet", "springs", "--seed", "4", "-o", str(tmp_path / "w.html")]) == 0
    assert "seed 4" in (tmp_path / "w.html").read_text(encoding="utf-8")
