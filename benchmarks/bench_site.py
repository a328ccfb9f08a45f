"""Course site in real Chromium: every page's first-load weight and first-figure time.

For each page of the built site this loads the page in a fresh Chromium context with the
cache disabled and reports

- the bytes transferred on first load (every request the page makes until the network is
  idle, headers included, as Chromium's DevTools counts them), and
- the first-figure time: milliseconds from navigation start until the first figure is
  visible (a simulation player's canvas with something drawn on it, otherwise any figure
  image or canvas, otherwise the page's first loaded ``<img>``), median over ``--loads``.

It also prints totals and the whole built site's size on disk. It measures; it does not
pass or fail (the budgets are checked by tests/browser/test_site_themes_in_browser.py).

Run: ``python benchmarks/bench_site.py [--site DIR] [--loads N] [--json PATH]``
(without ``--site`` it builds the site into ``_build/html`` first, as ``stemcpd build``).
"""

from __future__ import annotations

import json
import platform
import statistics
import threading
from pathlib import Path

from _report import parser
from stemcpd.cli import build_site, find_project_root, make_server

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]

# Records, in the page itself, when the first figure becomes visible. A canvas counts once
# something is drawn on it (a blank canvas is not a figure); an image once it has decoded.
FIRST_FIGURE_PROBE = """
(() => {
  const selectors = [".stemcpd-player canvas", "figure img, figure canvas, .stemcpd-frame", "img"];
  function drawn(canvas) {
    if (!canvas.width || !canvas.height) return false;
    let context = null;
    try { context = canvas.getContext("2d"); } catch (error) { return true; }
    if (!context) return true;  // a WebGL canvas: count it once it is laid out
    const pixels = context.getImageData(0, 0, canvas.width, canvas.height).data;
    const stride = Math.max(4, Math.floor(pixels.length / 4096 / 4) * 4);
    for (let index = 3; index < pixels.length; index += stride) if (pixels[index] > 0) return true;
    return false;
  }
  function visible(element) {
    const box = element.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) return false;
    if (element.checkVisibility && !element.checkVisibility({visibilityProperty: true})) return false;
    if (element.tagName === "IMG") return element.complete && element.naturalWidth > 0;
    if (element.tagName === "CANVAS") return drawn(element);
    return true;
  }
  function look() {
    for (const selector of selectors) {
      for (const element of document.querySelectorAll(selector)) {
        if (visible(element)) { window.__stemcpdFirstFigureMs = performance.now(); return; }
      }
    }
    if (performance.now() < 30000) requestAnimationFrame(look);
  }
  requestAnimationFrame(look);
})();
"""


def site_pages(html_dir: Path) -> list[str]:
    """Every content page of the built site (not the search and index pages)."""
    return sorted(
        str(path.relative_to(html_dir)) for path in html_dir.rglob("*.html")
        if not path.name.startswith(("genindex", "search")) and "_static" not in path.parts
        and not path.relative_to(html_dir).parts[0].startswith("_")
    )


def measure_load(browser, url: str) -> tuple[int, int, float | None]:
    """One cold load of ``url``: (bytes transferred, number of requests, first-figure ms)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.add_init_script(FIRST_FIGURE_PROBE)
    session = context.new_cdp_session(page)
    session.send("Network.enable")
    session.send("Network.setCacheDisabled", {"cacheDisabled": True})
    transferred: dict[str, float] = {}
    session.on("Network.loadingFinished",
               lambda event: transferred.__setitem__(event["requestId"], event["encodedDataLength"]))
    page.goto(url, wait_until="networkidle")
    first_figure = None
    try:
        page.wait_for_function("() => window.__stemcpdFirstFigureMs !== undefined", timeout=3000)
        first_figure = page.evaluate("() => window.__stemcpdFirstFigureMs")
    except Exception:  # noqa: BLE001 - a page without any figure has no first-figure time
        pass
    context.close()
    return int(sum(transferred.values())), len(transferred), first_figure


def size_on_disk(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())


def main() -> None:
    arguments = parser(__doc__.splitlines()[0])
    arguments.add_argument("--site", metavar="DIR", help="an already built site (the _build/html folder)")
    arguments.add_argument("--loads", type=int, default=3, help="loads per page for the first-figure median (≥ 1)")
    arguments.add_argument("--pages", nargs="*", help="only these pages (paths relative to the site)")
    args = arguments.parse_args()
    if args.site:
        html_dir = Path(args.site)
    else:
        root = find_project_root(Path(__file__).resolve().parent)
        html_dir = build_site(root, quiet=True).parent
    pages = args.pages or site_pages(html_dir)

    from playwright.sync_api import sync_playwright

    server = make_server(html_dir, port=0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    host, port = server.server_address[:2]
    rows = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
            for relative in pages:
                loads = [measure_load(browser, f"http://{host}:{port}/{relative}") for _ in range(max(1, args.loads))]
                figure_times = [ms for _, _, ms in loads if ms is not None]
                rows.append({
                    "page": relative,
                    "bytes": loads[0][0],
                    "requests": loads[0][1],
                    "first_figure_ms": statistics.median(figure_times) if figure_times else None,
                })
            browser.close()
    finally:
        server.shutdown()
        server.server_close()

    print(f"\nCourse site first load (cache disabled, {max(1, args.loads)} load(s) per page)")
    print(f"{'page':<56} {'KB':>9} {'requests':>9} {'first figure':>13}")
    for row in rows:
        figure = f"{row['first_figure_ms']:.0f} ms" if row["first_figure_ms"] is not None else "-"
        print(f"{row['page']:<56} {row['bytes'] / 1024:>9.0f} {row['requests']:>9} {figure:>13}")
    weights = [row["bytes"] for row in rows]
    figures = [row["first_figure_ms"] for row in rows if row["first_figure_ms"] is not None]
    on_disk = size_on_disk(html_dir)
    totals = {
        "pages": len(rows),
        "total_bytes": sum(weights),
        "largest_page_bytes": max(weights, default=0),
        "pages_over_1_5_MB": sum(weight > 1.5 * 1024 * 1024 for weight in weights),
        "median_first_figure_ms": statistics.median(figures) if figures else None,
        "slowest_first_figure_ms": max(figures, default=None),
        "site_on_disk_bytes": on_disk,
    }
    print(f"\n{len(rows)} pages: {sum(weights) / 1024 / 1024:.1f} MB in all, largest "
          f"{max(weights, default=0) / 1024 / 1024:.2f} MB, {totals['pages_over_1_5_MB']} over 1.5 MB")
    if figures:
        print(f"first figure: median {totals['median_first_figure_ms']:.0f} ms, slowest "
              f"{totals['slowest_first_figure_ms']:.0f} ms")
    print(f"built site on disk: {on_disk / 1024 / 1024:.1f} MB ({html_dir})")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as handle:
            json.dump({"title": "Course site first load", "machine": platform.platform(), "rows": rows,
                       "totals": totals}, handle, indent=2)
        print(f"(written to {args.json})")


if __name__ == "__main__":
    main()
