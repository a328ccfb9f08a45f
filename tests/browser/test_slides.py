"""Workshop slides build for every workbook (from the book's executed copies), carry a
trainer note per spine section, load nothing from another host, and run in Chromium."""

from pathlib import Path
import re

import nbformat
import pytest

from stemcpd import cli
from stemcpd.slides import TRAINER_NOTES, add_slide_metadata, build_slides

REPO = Path(__file__).resolve().parents[2]
WORKBOOKS = sorted((REPO / "workbooks").glob("*.ipynb"))


def test_slide_metadata_marks_sections_and_adds_trainer_notes():
    notebook = add_slide_metadata(nbformat.read(WORKBOOKS[0], as_version=4))
    types = [cell.metadata["slideshow"]["slide_type"] for cell in notebook.cells]
    assert types[0] == "slide"
    notes = [cell.source for cell in notebook.cells if cell.metadata["slideshow"]["slide_type"] == "notes"]
    assert len(notes) >= 6 and all(note.startswith("**Trainer note.**") for note in notes)
    assert all(t in ("slide", "subslide", "-", "notes") for t in types)


@pytest.mark.slow
def test_slides_build_for_every_workbook_and_are_self_contained(built_site, tmp_path):
    from jupyter_cache import get_cache

    output, _, _ = built_site
    cache = get_cache(str(output / "_build" / ".jupyter_cache"))
    assert len(WORKBOOKS) >= 1
    for workbook in WORKBOOKS:
        _, executed = cache.merge_match_into_notebook(nbformat.read(workbook, as_version=4))
        path = build_slides(workbook, tmp_path, executed=executed)
        page = path.read_text(encoding="utf-8")
        assert page.count("Trainer note.") >= 6, workbook.stem
        assert re.findall(r'(?:src|href)="(https?://[^"]+)"', page) == [], workbook.stem
        assert "Reveal.initialize" in page and 'class="stemcpd-player"' in page or "Reveal.initialize" in page
    assert (tmp_path / "reveal.js" / "dist" / "reveal.js").is_file()
    assert (tmp_path / "mathjax" / "tex-chtml.js").is_file()


@pytest.mark.browser
@pytest.mark.slow
def test_slides_open_in_chromium_with_maths_and_no_outside_requests(built_site, browser, tmp_path):
    from jupyter_cache import get_cache

    output, _, _ = built_site
    workbook = REPO / "workbooks" / "physics-pendulum.ipynb"
    _, executed = get_cache(str(output / "_build" / ".jupyter_cache")).merge_match_into_notebook(
        nbformat.read(workbook, as_version=4))
    path = build_slides(workbook, tmp_path, executed=executed)
    page = browser.new_page(viewport={"width": 1280, "height": 720})
    outside = []
    page.on("request", lambda r: outside.append(r.url) if not r.url.startswith(("file:", "data:")) else None)
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(path.as_uri())
    page.wait_for_selector("mjx-container", timeout=30_000)
    for _ in range(3):
        page.keyboard.press("ArrowRight")
    assert outside == [] and errors == []
    page.close()


def test_cli_slides_names_the_workbooks_when_the_module_is_unknown(capsys, monkeypatch):
    monkeypatch.chdir(REPO)
    assert cli.main(["slides", "no-such-module"]) == 2
    assert "physics-pendulum" in capsys.readouterr().err
