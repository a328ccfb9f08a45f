"""Static-site player data: size and generation time for every simulation app.

For each app (at its default setting, as a workbook shows it) this generates the data
the site's player loads — every control one factor at a time, 61 playback moments where
time runs — and prints:

* settings: how many settings the player offers;
* total and first-load bytes (manifest + the opening setting + its background: what a
  page fetches before the reader touches anything);
* generation time, median per setting and in all;
* the ratio of the same playback as one PNG picture per moment (opening background's
  size × moments × settings) to the recorded data: what the data design saves.

With ``--site DIR`` (a built site, e.g. ``_build/html``) it instead opens every page
with a player in headless Chromium, three times, and prints the median time from
navigation to the first complete figure on the canvas and the bytes the player loads
before the reader touches anything (script, style, manifest, opening setting, its
background).

Run: ``python benchmarks/bench_player.py [--apps pendulum gas ...] [--processes N]
[--site DIR] [--json PATH]``. Numbers are printed, never judged (see BENCHMARKS.md).
"""

from __future__ import annotations

import json
import statistics
import time

from _report import parser


def measure(name: str) -> dict:
    from stemcpd.ui.player_data import _dumps, generate

    start = time.perf_counter()
    data = generate(name)
    total_s = time.perf_counter() - start
    setting_bytes = [len(_dumps(setting).encode()) if entry["file"] else 0
                     for entry, setting in zip(data.manifest["settings"], data.settings)]
    manifest_bytes = len(_dumps(data.manifest).encode())
    background_bytes = sum(len(png) for png in data.backgrounds.values())
    base = data.manifest["base"]
    opening_background = len(data.backgrounds[data.manifest["settings"][base]["background"]])
    first_load = manifest_bytes + setting_bytes[base] + opening_background
    total = manifest_bytes + sum(setting_bytes) + background_bytes
    moments = data.manifest["frames"] + 1
    as_pictures = opening_background * moments * len(data.settings)
    return {
        "name": name, "settings": len(data.settings), "frames": data.manifest["frames"],
        "total_bytes": total, "first_load_bytes": first_load, "backgrounds": len(data.backgrounds),
        "median_setting_ms": statistics.median(data.timings_s) * 1e3, "total_s": total_s,
        "pictures_ratio": as_pictures / total,
    }


def measure_site(site: str) -> list[dict]:
    """First-figure time and player bytes per page of a built site, in Chromium."""
    import functools
    import http.server
    import threading
    from pathlib import Path

    from playwright.sync_api import sync_playwright

    root = Path(site)
    pages = sorted(str(p.relative_to(root)) for p in root.rglob("*.html")
                   if "_static" not in p.parts and 'class="stemcpd-player"' in p.read_text(encoding="utf-8"))

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    rows = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"])
        for relative in pages:
            times, player_bytes = [], 0
            for _ in range(3):
                context = browser.new_context(viewport={"width": 1280, "height": 900})
                page = context.new_page()
                sizes = {}
                page.on("requestfinished", lambda request: sizes.__setitem__(
                    request.url, request.sizes()["responseBodySize"]))
                page.goto(base + relative)
                page.wait_for_function("performance.getEntriesByName('stemcpd-player-figure').length > 0",
                                       timeout=60_000)
                page.wait_for_timeout(300)
                times.append(page.evaluate("performance.getEntriesByName('stemcpd-player-figure')[0].startTime") / 1e3)
                player_bytes = sum(size for url, size in sizes.items() if "stemcpd-sims" in url or "stemcpd-player" in url)
                context.close()
            rows.append({"page": relative, "first_figure_ms": statistics.median(times) * 1e3, "player_bytes": player_bytes})
        browser.close()
    server.shutdown()
    print("\nPlayer on the built site: first complete figure after navigation (median of 3) and bytes loaded")
    print(f"{'page':<52} {'first figure':>12} {'player bytes':>12}")
    for row in rows:
        print(f"{row['page']:<52} {row['first_figure_ms']:>10.0f}ms {row['player_bytes'] / 1e3:>10.0f}kB")
    return rows


def main() -> None:
    arguments = parser(__doc__.splitlines()[0])
    arguments.add_argument("--apps", nargs="*", help="only these apps (default: every app)")
    arguments.add_argument("--processes", type=int, default=1, help="generate apps in parallel (default 1)")
    arguments.add_argument("--site", metavar="DIR", help="measure a built site in Chromium instead")
    options = arguments.parse_args()
    if options.site:
        rows = measure_site(options.site)
        if options.json:
            with open(options.json, "w", encoding="utf-8") as handle:
                json.dump({"title": "player on the site", "rows": rows}, handle, indent=2)
        return
    from stemcpd import simulations

    names = options.apps or list(simulations.available())
    start = time.perf_counter()
    if options.processes > 1:
        import concurrent.futures
        import multiprocessing

        with concurrent.futures.ProcessPoolExecutor(
            options.processes, mp_context=multiprocessing.get_context("spawn")
        ) as pool:
            rows = list(pool.map(measure, names))
    else:
        rows = [measure(name) for name in names]
    wall_s = time.perf_counter() - start

    print("\nStatic-site player data per app (default setting; medians; never pass/fail)")
    print(f"{'app':<22} {'settings':>8} {'frames':>6} {'total':>9} {'first load':>10} {'bgs':>4} "
          f"{'ms/setting':>10} {'all':>7} {'vs PNGs':>8}")
    for row in rows:
        print(f"{row['name']:<22} {row['settings']:>8} {row['frames']:>6} {row['total_bytes'] / 1e6:>7.2f}MB "
              f"{row['first_load_bytes'] / 1e3:>8.0f}kB {row['backgrounds']:>4} {row['median_setting_ms']:>10.0f} "
              f"{row['total_s']:>6.1f}s {row['pictures_ratio']:>7.1f}x")
    total = sum(row["total_bytes"] for row in rows)
    print(f"{'all apps':<22} {sum(r['settings'] for r in rows):>8} {'':>6} {total / 1e6:>7.2f}MB "
          f"{statistics.median(r['first_load_bytes'] for r in rows) / 1e3:>8.0f}kB (median first load)  "
          f"wall {wall_s:.1f}s on {options.processes} process(es)")
    if options.json:
        with open(options.json, "w", encoding="utf-8") as handle:
            json.dump({"title": "player data", "wall_s": wall_s, "processes": options.processes, "rows": rows},
                      handle, indent=2)
        print(f"(written to {options.json})")


if __name__ == "__main__":
    main()
