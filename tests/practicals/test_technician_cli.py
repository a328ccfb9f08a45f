"""`stemcpd technician`: lists the practicals, writes one sheet or all, refuses an unknown id."""

from stemcpd.cli import main
from stemcpd.practicals import all_practicals


def test_no_id_lists_every_practical(capsys):
    assert main(["technician"]) == 0
    out = capsys.readouterr().out
    for practical in all_practicals():
        assert practical.id in out


def test_one_sheet_is_a_printable_page(tmp_path, capsys):
    target = tmp_path / "salts.html"
    assert main(["technician", "chemistry-making-salts", "-o", str(target)]) == 0
    page = target.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "@media print" in page and "@page { size: A4" in page
    assert "Technician sheet: Making salts" in page and "Per class of 30" in page
    assert "1.0 mol/dm³" in page and "HC098a" in page
    assert page.count('class="stemcpd-tech-sheet"') == 1
    assert str(target) in capsys.readouterr().out


def test_all_sheets_one_per_page(tmp_path):
    target = tmp_path / "all.html"
    assert main(["technician", "--all", "-o", str(target)]) == 0
    assert target.read_text(encoding="utf-8").count('class="stemcpd-tech-sheet"') == len(all_practicals())


def test_an_unknown_practical_is_a_clear_message_and_writes_nothing(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(["technician", "physics-warp-drive"]) == 2
    error = capsys.readouterr().err
    assert "no required practical 'physics-warp-drive'" in error and "chemistry-titration" in error
    assert list(tmp_path.iterdir()) == []
