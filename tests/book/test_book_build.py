"""The course site builds offline with jupyter-book, executes the workbooks, shows each
simulation as a picture with alt text, and an unchanged rebuild comes from the cache."""

import json
import re
import shutil
import time
from pathlib import Path

import pytest
import yaml

from stemcpd.cli import build_site

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[2]


def test_site_has_every_page_of_the_toc(built_site):
    output, index, _ = built_site
    html_dir = output / "_build" / "html"
    assert index.is_file()
    for page in ("book/intro.html", "book/how-to-use.html", "workbooks/physics-pendulum.html"):
        assert (html_dir / page).is_file(), page


def test_workbook_page_shows_executed_simulation_quiz_and_forms(built_site):
    output, _, _ = built_site
    page = (output / "_build" / "html" / "workbooks" / "physics-pendulum.html").read_text(encoding="utf-8")
    # The simulation is the player's placeholder, pointed at data generated at build
    # time: the description from describe() as text, and no frames inlined in the page.
    figures = re.findall(r'<figure class="stemcpd-player" data-stemcpd-sim="pendulum" [^>]*>', page)
    assert len(figures) == 1, "the pendulum player is missing"
    source = re.search(r'data-stemcpd-src="([^"]+)"', figures[0]).group(1)
    data = (output / "_build" / "html" / "workbooks" / source).resolve()
    manifest = json.loads((data / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["sim"] == "pendulum" and len(manifest["controls"]) == 5
    assert all((data / entry["file"]).is_file() for entry in manifest["settings"] if entry["file"])
    description = re.search(r'<p class="stemcpd-player-description">(A 1\.00 m pendulum[^<]+)</p>', page)
    assert description and "period of 2.010 s" in description.group(1)
    assert "data:image/png;base64" not in page and "stemcpd-player.js" in page
    assert "widget-slider" not in page
    # Output of the period table cell: the exact 90° figure.
    assert "18.03% longer" in page
    # The quiz and the Toolkit forms render as readable static HTML, not empty widgets.
    # Misconceptions are named for teachers in the "Show answer" disclosures, not by id.
    assert "Show answer" in page and "misconception: Heavier swings faster" in page
    # The quiz engine is the site's own file, loaded by the pages with a quiz only.
    assert "_static/stemcpd-quiz.js" in page and "stemcpd static quiz engine" not in page
    assert "My action plan" in page and "My impact record" in page
    # The Toolkit forms are data for the site's form engine, which this page loads.
    assert page.count('<div class="stemcpd-record-form" data-module="physics-pendulum"') == 3
    assert page.count('class="stemcpd-record-form-data"') == 3 and "stemcpd-record.js" in page
    assert "Traceback" not in page
    assert 'class="output stderr"' not in page


def test_unchanged_rebuild_uses_the_execution_cache(built_site, tmp_path):
    from jupyter_cache import get_cache

    shared, _, cold_s = built_site
    # A copy: other tests (other workers) serve the shared build while this one rebuilds.
    output = tmp_path / "book"
    shutil.copytree(shared, output, symlinks=True)
    cache = get_cache(str(output / "_build" / ".jupyter_cache"))
    before = [(record.pk, record.created) for record in cache.list_cache_records()]
    toc = yaml.safe_load((REPO / "_toc.yml").read_text(encoding="utf-8"))
    notebooks = [c["file"] for part in toc["parts"] for c in part["chapters"] if (REPO / f"{c['file']}.ipynb").is_file()]
    assert len(before) == len(notebooks) >= 17, "every notebook's executed outputs are cached"
    start = time.perf_counter()
    build_site(REPO, output=output, quiet=True, strict=True, all_pages=True)
    warm_s = time.perf_counter() - start
    # Even with every page rewritten (--all), no workbook is executed again: the cache
    # records are the same ones, created by the cold build.
    after = [(record.pk, record.created) for record in cache.list_cache_records()]
    assert after == before
    print(f"cold build {cold_s:.1f} s, warm rebuild {warm_s:.1f} s")
