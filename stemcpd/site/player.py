"""The simulation player on the course site: every control, time that runs, no kernel.

``stemcpd.site.player`` is a Sphinx extension (listed in ``_config.yml``). A workbook's
simulation leaves a small placeholder in the page (:func:`stemcpd.ui.static.player_placeholder_html`:
the simulation's name and the workbook's control values). For each page with one this
extension

* adds ``stemcpd-player.js`` / ``.css`` to that page only;
* points the placeholder at its data folder, ``_static/stemcpd-sims/<key>/``, where the
  key hashes the simulation, the workbook's setting and the package source (so a code
  change regenerates, and an unchanged rebuild generates nothing);
* after the pages are written, generates the data for every key not yet on disk
  (:func:`stemcpd.ui.player_data.generate`), spread over the machine's cores, and
  removes folders no page uses any more.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
import shutil
import time

from stemcpd.ui.static import parse_placeholders

DATA_FOLDER = "stemcpd-sims"  # under _static
INDEX_FILE = "index.json"  # page name -> the keys it uses


def _generate_one(job) -> tuple[str, int, float, int]:
    """Generate one simulation's data into its folder (run in a worker process)."""
    from stemcpd.ui.player_data import generate

    simulation, settings, folder = job
    folder = Path(folder)
    start = time.perf_counter()
    data = generate(simulation, settings)
    partial = folder.with_name(folder.name + ".partial")
    shutil.rmtree(partial, ignore_errors=True)
    size = data.write(partial)
    shutil.rmtree(folder, ignore_errors=True)
    partial.rename(folder)  # a folder is there only once it is complete
    return folder.name, size, time.perf_counter() - start, len(data.settings)


def generate_all(jobs, processes: int | None = None, log=print) -> list:
    """Generate every ``(simulation, settings, folder)`` job, in parallel where it helps."""
    jobs = list(jobs)
    if not jobs:
        return []
    processes = processes or min(len(jobs), os.cpu_count() or 1)
    if processes <= 1:
        results = [_generate_one(job) for job in jobs]
    else:
        import concurrent.futures
        import multiprocessing

        with concurrent.futures.ProcessPoolExecutor(
            max_workers=processes, mp_context=multiprocessing.get_context("spawn")
        ) as pool:
            results = list(pool.map(_generate_one, jobs))
    for name, size, seconds, settings in results:
        log(f"stemcpd player: {name}: {settings} settings, {size / 1e6:.2f} MB in {seconds:.1f} s")
    return results


def _data_root(app) -> Path:
    return Path(app.builder.outdir) / "_static" / DATA_FOLDER


def _page_context(app, pagename, templatename, context, doctree):
    body = context.get("body") or ""
    placeholders = parse_placeholders(body)
    if not placeholders:
        app.builder._stemcpd_player_index[pagename] = []
        return
    from stemcpd.ui.player_data import player_key

    app.add_js_file("stemcpd-player.js", loading_method="defer")
    app.add_css_file("stemcpd-player.css")
    keys = []
    for simulation, settings, tag in placeholders:
        key = player_key(simulation, settings)
        keys.append(key)
        source = context["pathto"](f"_static/{DATA_FOLDER}/{key}/", 1)
        body = body.replace(tag, tag[:-1] + f' data-stemcpd-src="{source}">', 1)
        app.builder._stemcpd_player_jobs[key] = (simulation, settings)
    context["body"] = body
    app.builder._stemcpd_player_index[pagename] = keys


def _builder_inited(app):
    app.builder._stemcpd_player_jobs = {}
    app.builder._stemcpd_player_index = {}


def _build_finished(app, exception):
    if exception is not None or getattr(app.builder, "format", "") != "html":
        return
    from sphinx.util import logging

    logger = logging.getLogger(__name__)
    root = _data_root(app)
    root.mkdir(parents=True, exist_ok=True)
    index_path = root / INDEX_FILE
    try:
        index = json.loads(index_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        index = {}
    index.update({page: keys for page, keys in app.builder._stemcpd_player_index.items() if keys})
    for page, keys in app.builder._stemcpd_player_index.items():
        if not keys:
            index.pop(page, None)
    jobs = [
        (simulation, settings, str(root / key))
        for key, (simulation, settings) in sorted(app.builder._stemcpd_player_jobs.items())
        if not (root / key / "manifest.json").is_file()
    ]
    start = time.perf_counter()
    results = generate_all(jobs, log=logger.info)
    if results:
        total = sum(size for _, size, _, _ in results)
        logger.info(
            f"stemcpd player: generated {len(results)} simulation(s), {total / 1e6:.1f} MB, "
            f"in {time.perf_counter() - start:.1f} s"
        )
    # Folders no page uses any more (an earlier setting or an earlier version) go.
    used = {key for keys in index.values() for key in keys}
    for folder in root.iterdir():
        if folder.is_dir() and folder.name not in used:
            shutil.rmtree(folder, ignore_errors=True)
    index_path.write_text(json.dumps(index, indent=1, sort_keys=True), encoding="utf-8")


def setup(app):
    from stemcpd.site import STATIC_DIR

    if str(STATIC_DIR) not in app.config.html_static_path:
        app.config.html_static_path.append(str(STATIC_DIR))
    app.connect("builder-inited", _builder_inited)
    app.connect("html-page-context", _page_context)
    app.connect("build-finished", _build_finished)
    # Pages record the data they need in the builder; parallel writers would lose it.
    return {"parallel_read_safe": True, "parallel_write_safe": False, "version": "1"}
