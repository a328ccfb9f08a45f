"""The module map keeps the specification, the practicals' data, the workbooks and
_toc.yml in step: every topic and practical names a module that exists (in the toc) or is
planned; every physics and chemistry module in the toc is on the map; every workbook that
teaches a required practical shows its technician sheet."""

import json
from pathlib import Path

import yaml

from stemcpd.practicals import all_practicals, practicals_for_module
from stemcpd.practicals.curriculum import (
    OUTSIDE_THE_SPECIFICATION, PLANNED_MODULES, module_ids, module_status, topics,
)

REPO = Path(__file__).resolve().parents[2]
WORKBOOKS = REPO / "workbooks"


def toc_files() -> set[str]:
    toc = yaml.safe_load((REPO / "_toc.yml").read_text(encoding="utf-8"))
    return {chapter["file"] for part in toc["parts"] for chapter in part["chapters"]}


def test_every_module_on_the_map_exists_or_is_planned():
    in_toc = toc_files()
    for module in sorted(module_ids()):
        status = module_status(module, WORKBOOKS)
        assert status != "missing", f"{module} has no workbook and is not a planned module"
        if status == "available":
            assert f"workbooks/{module}" in in_toc, f"workbooks/{module}.ipynb exists but is not in _toc.yml"


def test_every_subject_module_in_the_toc_is_on_the_map():
    on_map = module_ids()
    for entry in sorted(toc_files()):
        name = entry.removeprefix("workbooks/")
        if entry.startswith("workbooks/") and name.split("-")[0] in ("physics", "chemistry"):
            assert name in on_map or name in OUTSIDE_THE_SPECIFICATION, f"{name} is in _toc.yml but not on the module map"


def test_the_map_covers_every_section_of_both_specifications():
    refs = {(topic.subject, topic.ref) for topic in topics()}
    assert len(refs) == len(topics()), "a topic is listed twice"
    for subject, sections in (("physics", range(1, 9)), ("chemistry", range(1, 11))):
        for section in sections:
            assert any(s == subject and ref.split(".")[1] == str(section) for s, ref in refs), f"{subject} 4.{section}"


def test_every_practical_sits_under_one_topic():
    placed = [practical.id for topic in topics() for practical in topic.practicals]
    assert sorted(placed) == sorted(practical.id for practical in all_practicals())


def test_planned_modules_are_the_ones_being_written():
    assert set(PLANNED_MODULES) <= module_ids()
    for module in PLANNED_MODULES:  # a module leaves the list when its workbook is written
        assert not (WORKBOOKS / f"{module}.ipynb").exists(), f"{module} is written: remove it from PLANNED_MODULES"


def test_every_module_of_the_map_is_written():
    """The whole AQA GCSE physics and chemistry specification has a module (issue 13)."""
    assert {module for module in module_ids() if module_status(module, WORKBOOKS) != "available"} == set()


def test_book_pages_are_in_the_toc_and_drawn_from_the_data():
    assert {"book/modules", "book/practical-work"} <= toc_files()
    assert "```{stemcpd-module-map}" in (REPO / "book" / "modules.md").read_text(encoding="utf-8")
    assert "```{stemcpd-technician-sheets}" in (REPO / "book" / "practical-work.md").read_text(encoding="utf-8")


def test_each_practical_workbook_shows_its_technician_sheets():
    for workbook in sorted(WORKBOOKS.glob("*.ipynb")):
        practicals = practicals_for_module(workbook.stem)
        if not practicals:
            continue
        cells = json.loads(workbook.read_text(encoding="utf-8"))["cells"]
        markdown = "\n".join("".join(cell["source"]) for cell in cells if cell["cell_type"] == "markdown")
        code = "\n".join("".join(cell["source"]) for cell in cells if cell["cell_type"] == "code")
        assert "For technicians" in markdown, workbook.name
        for practical in practicals:
            assert f'technician_sheet("{practical.id}")' in code, f"{workbook.name}: no sheet for {practical.id}"


def test_the_practical_work_table_names_a_simulation_for_every_required_practical():
    """Issue 13: the practical-work module's table had "—" for two chemistry practicals."""
    import re

    import nbformat

    from stemcpd import simulations

    notebook = nbformat.read(WORKBOOKS / "pedagogy-practical-work.ipynb", as_version=4)
    text = next(cell.source for cell in notebook.cells if "### The GCSE required practicals" in cell.source)
    lines = text.splitlines()
    start = next(index for index, line in enumerate(lines) if line.startswith("| Physics (AQA 8463)"))
    rows = []
    for line in lines[start + 2:]:  # after the header and its |---| line, to the table's end
        if not line.startswith("|"):
            break
        rows.append(line)
    pairs = [cells for row in rows for cells in zip(*[iter([c.strip() for c in row.strip("|").split("|")])] * 2)]
    named = [(practical, simulation) for practical, simulation in pairs if practical]
    assert len(named) >= 18
    available = set(simulations.available())
    for practical, simulation in named:
        assert re.fullmatch(r"`[a-z_]+`", simulation) and simulation.strip("`") in available, (practical, simulation)
