"""Every workbook is a complete CPD module: the same spine, thin code, stored without
outputs, listed in the book's table of contents, and its quiz bank exists."""

import re
from pathlib import Path

import nbformat
import pytest
import yaml

REPO = Path(__file__).resolve().parents[1]
WORKBOOKS = sorted((REPO / "workbooks").glob("*.ipynb"))

# (heading the module must contain, why it is there)
SPINE = (
    ("## Before you start", "the CPD Impact Toolkit's action plan"),
    ("## Subject knowledge", "the refresher, driven by a simulation"),
    ("## The misconceptions pupils hold", "each with a diagnostic question"),
    ("## Using this in class", "classroom app, retrieval starter, questions to ask"),
    ("## Practical work", "the related practical, its virtual version and safety"),
    ("## Recall quiz", "formative recall"),
    ("## Reflection", "end-of-module reflection"),
    ("## A few weeks later", "the impact record"),
)


def test_there_are_workbooks():
    assert WORKBOOKS


@pytest.mark.parametrize("path", WORKBOOKS, ids=lambda p: p.stem)
def test_workbook_has_the_module_spine_in_order(path):
    notebook = nbformat.read(path, as_version=4)
    markdown = "\n".join(cell.source for cell in notebook.cells if cell.cell_type == "markdown")
    code = "\n".join(cell.source for cell in notebook.cells if cell.cell_type == "code")
    first = notebook.cells[0]
    assert first.cell_type == "markdown" and first.source.startswith("# ")
    assert "**Time:**" in first.source and "self-paced" in first.source and "workshop" in first.source.lower()
    assert "By the end of this module" in first.source
    positions = []
    for heading, why in SPINE:
        match = re.search(rf"^{re.escape(heading)}", markdown, flags=re.MULTILINE)
        assert match, f"{path.name} lacks '{heading}' ({why})"
        positions.append(match.start())
    assert positions == sorted(positions), f"{path.name}: spine sections out of order"
    assert re.search(r'Module\("' + re.escape(path.stem) + r'"', code), "Module id must be the file name"
    for call in ("module.action_plan()", "module.quiz(", "module.reflection()", "module.impact_record()"):
        assert call in code, f"{path.name} does not call {call}"
    assert "stemcpd app " in markdown, f"{path.name}: no classroom app named for 'Using this in class'"
    assert re.search(r"[Ss]afety", markdown), f"{path.name}: no safety notes"


@pytest.mark.parametrize("path", WORKBOOKS, ids=lambda p: p.stem)
def test_workbook_is_thin_and_stored_without_outputs(path):
    notebook = nbformat.read(path, as_version=4)
    for cell in notebook.cells:
        if cell.cell_type == "code":
            assert not cell.outputs and cell.execution_count is None, f"{path.name} has stored outputs"
            lines = [line for line in cell.source.splitlines() if line.strip() and not line.strip().startswith("#")]
            assert len(lines) <= 12, f"{path.name}: a code cell of {len(lines)} lines; move logic into stemcpd"
            assert "def " not in cell.source and "class " not in cell.source


@pytest.mark.parametrize("path", WORKBOOKS, ids=lambda p: p.stem)
def test_workbook_quiz_bank_exists_and_is_in_the_toc(path):
    from stemcpd.quiz import load_packaged_bank

    notebook = nbformat.read(path, as_version=4)
    code = "\n".join(cell.source for cell in notebook.cells if cell.cell_type == "code")
    for bank_name in re.findall(r'module\.quiz\("([^"]+)"\)', code):
        assert len(load_packaged_bank(bank_name)) >= 5
    toc = yaml.safe_load((REPO / "_toc.yml").read_text(encoding="utf-8"))
    files = [chapter["file"] for part in toc["parts"] for chapter in part["chapters"]]
    assert f"workbooks/{path.stem}" in files


def test_module_map_lists_every_workbook_with_its_times():
    page = (REPO / "book" / "modules.md").read_text(encoding="utf-8")
    for path in WORKBOOKS:
        notebook = nbformat.read(path, as_version=4)
        first = notebook.cells[0].source
        times = re.search(r"\*\*Time:\*\*\s*about (\d+) minutes self-paced; (\d+) minutes as a workshop", first)
        assert times, f"{path.name}: first cell must give self-paced and workshop minutes"
        row = next((line for line in page.splitlines() if f"../workbooks/{path.stem}.ipynb" in line), None)
        assert row, f"book/modules.md does not list {path.stem}"
        assert f"| {times.group(1)} min | {times.group(2)} min |" in row, f"{path.stem}: times differ from the workbook"
        code = "\n".join(cell.source for cell in notebook.cells if cell.cell_type == "code")
        assert re.search(r'Module\("[^"]+",[^)]*minutes=' + times.group(1), code), f"{path.stem}: Module minutes differ"
