"""The simulation player on the course site: every control, time that runs, no kernel.

``stemcpd.site.player`` is a Sphinx extension (listed in ``_config.yml``). A workbook's
simulation leaves a small placeholder in the page (:func:`stemcpd.ui.static.player_placeholder_html`:
the simulation's name and the workbook's control values). For each page with one this
extension

* adds ``stemcpd-player.js`` / ``.css`` to that page only;
* points the placeholder at its data folder, ``_static/stemcpd-sims/<key>/``, where the
  key hashes the simulation, the workbook's setting and the package source (so a code
  change regenerates, and an unchanged rebuild generates nothing);
* reads again any page whose data is out of date (a changed package source changes the
  key even where the page itself did not change);
* after the pages are written, generates the data for every key not yet on disk
  (:func:`stemcpd.ui.player_data.generate`), spread over the machine's cores, keeping a
  copy in a cache (:func:`cache_dir`) so another build of the same source (a fresh
  output folder, the test suite's build) copies instead of computing, and removes
  folders no page uses any more.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
import shutil
import time

from stemcpd.ui.static import parse_placeholders

from stemcpd.ui.player_data import FIRST_BACKGROUND

DATA_FOLDER = "stemcpd-sims"  # under _static
INDEX_FILE = "index.json"  # page name -> the keys it uses


CACHE_DAYS = 30  # cached data unused this long is removed


def cache_dir() -> Path:
    """Where generated data is kept between builds (``$XDG_CACHE_HOME/stemcpd/player-data``):
    a key names a simulation, its setting and the package source, so data made by an
    earlier build (or by the test suite's own build) is reused as it is."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "stemcpd" / "player-data"


def _complete_copy(source: Path, folder: Path) -> None:
    partial = folder.with_name(folder.name + ".partial")
    shutil.rmtree(partial, ignore_errors=True)
    shutil.copytree(source, partial)
    shutil.rmtree(folder, ignore_errors=True)
    partial.rename(folder)  # a folder is there only once it is complete


def _generate_one(job) -> tuple[str, int, float, int]:
    """Generate one simulation's data into its folder, or copy it from the cache (run in
    a worker process). Returns (key, bytes, seconds, settings; 0 settings when cached)."""
    from stemcpd.ui.player_data import generate

    simulation, settings, folder = job
    folder = Path(folder)
    start = time.perf_counter()
    cached = cache_dir() / folder.name
    count = 0
    if not (cached / "manifest.json").is_file():
        data = generate(simulation, settings)
        count = len(data.settings)
        partial = cached.with_name(cached.name + f".partial-{os.getpid()}")
        shutil.rmtree(partial, ignore_errors=True)
        data.write(partial)
        if not (cached / "manifest.json").is_file():  # another build may have finished it meanwhile
            shutil.rmtree(cached, ignore_errors=True)
            try:
                partial.rename(cached)
            except OSError:  # it did, just now: keep theirs
                pass
        shutil.rmtree(partial, ignore_errors=True)
    os.utime(cached)  # recently used: kept by the cache's clean-up
    _complete_copy(cached, folder)
    size = sum(path.stat().st_size for path in folder.iterdir())
    return folder.name, size, time.perf_counter() - start, count


def _clean_cache() -> None:
    root = cache_dir()
    if not root.is_dir():
        return
    limit = time.time() - CACHE_DAYS * 86400
    for folder in root.iterdir():
        if folder.is_dir() and folder.stat().st_mtime < limit:
            shutil.rmtree(folder, ignore_errors=True)


def generate_all(jobs, processes: int | None = None, log=print) -> list:
    """Generate every ``(simulation, settings, folder)`` job, in parallel where it helps."""
    jobs = list(jobs)
    # Data already in the cache is only copied: no worker process needed.
    cached = [job for job in jobs if (cache_dir() / Path(job[2]).name / "manifest.json").is_file()]
    jobs = [job for job in jobs if job not in cached]
    results = [_generate_one(job) for job in cached]
    if not jobs:
        pass
    elif (processes := processes or min(len(jobs), os.cpu_count() or 1)) <= 1:
        results += [_generate_one(job) for job in jobs]
    else:
        import concurrent.futures
        import multiprocessing

        with concurrent.futures.ProcessPoolExecutor(
            max_workers=processes, mp_context=multiprocessing.get_context("spawn")
        ) as pool:
            results += list(pool.map(_generate_one, jobs))
    for name, size, seconds, settings in results:
        made = f"{settings} settings generated" if settings else "from the cache"
        log(f"stemcpd player: {name}: {made}, {size / 1e6:.2f} MB in {seconds:.1f} s")
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
        keys.append({"key": key, "sim": simulation, "settings": settings})
        source = context["pathto"](f"_static/{DATA_FOLDER}/{key}/", 1)
        body = body.replace(tag, tag[:-1] + f' data-stemcpd-src="{source}">', 1)
        app.builder._stemcpd_player_jobs[key] = (simulation, settings)
    context["body"] = body
    app.builder._stemcpd_player_index[pagename] = keys
    # The first player starts at once: let the browser fetch its opening data while it
    # is still reading the page (the player asks for the same addresses).
    first = context["pathto"](f"_static/{DATA_FOLDER}/{keys[0]['key']}/", 1)
    context["metatags"] = (context.get("metatags") or "") + "".join(
        f'\n<link rel="preload" href="{first}{name}" as="{kind}"{crossorigin}>'
        for name, kind, crossorigin in (
            ("manifest.json", "fetch", ' crossorigin="anonymous"'),
            ("s0.json", "fetch", ' crossorigin="anonymous"'),
            (FIRST_BACKGROUND, "image", ""),
        )
    )


def _read_index(app) -> dict:
    try:
        return json.loads((_data_root(app) / INDEX_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def _env_get_outdated(app, env, added, changed, removed):
    """Pages whose simulations' data is out of date (the package source changed, so the
    key changed, or the folder went): read and write them again, which regenerates."""
    if getattr(app.builder, "format", "") != "html":
        return []
    root = _data_root(app)
    stale = []
    for page, entries in _read_index(app).items():
        if page not in env.found_docs or page in changed or page in added:
            continue
        try:
            from stemcpd.ui.player_data import player_key

            if any(player_key(e["sim"], e["settings"]) != e["key"] or not (root / e["key"] / "manifest.json").is_file()
                   for e in entries):
                stale.append(page)
        except (KeyError, TypeError, ValueError):
            stale.append(page)
    return stale


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
    index = _read_index(app)
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
    cache_dir().mkdir(parents=True, exist_ok=True)
    results = generate_all(jobs, log=logger.info)
    _clean_cache()
    if results:
        total = sum(size for _, size, _, _ in results)
        logger.info(
            f"stemcpd player: generated {len(results)} simulation(s), {total / 1e6:.1f} MB, "
            f"in {time.perf_counter() - start:.1f} s"
        )
    # Folders no page uses any more (an earlier setting or an earlier version) go.
    used = {entry["key"] for entries in index.values() for entry in entries if isinstance(entry, dict)}
    for folder in root.iterdir():
        if folder.is_dir() and folder.name not in used:
            shutil.rmtree(folder, ignore_errors=True)
    index_path.write_text(json.dumps(index, indent=1, sort_keys=True), encoding="utf-8")


def setup(app):
    from stemcpd.site import STATIC_DIR

    if str(STATIC_DIR) not in app.config.html_static_path:
        app.config.html_static_path.append(str(STATIC_DIR))
    app.connect("builder-inited", _builder_inited)
    app.connect("env-get-outdated", _env_get_outdated)
    app.connect("html-page-context", _page_context)
    app.connect("build-finished", _build_finished)
    # Pages record the data they need in the builder; parallel writers would lose it.
    return {"parallel_read_safe": True, "parallel_write_safe": False, "version": "1"}
