"""Book build: a cold build (empty output folder, execution cache cleared) and a warm
rebuild with nothing changed, their ratio, and the five slowest workbooks to execute.

Run: ``python benchmarks/bench_book.py [--json PATH] [--runs N]``
"""

from __future__ import annotations

from pathlib import Path
import tempfile
import time

from _report import parser, report
from stemcpd.cli import build_site, find_project_root


def main() -> None:
    arguments = parser(__doc__.splitlines()[0])
    arguments.add_argument("--runs", type=int, default=1, help="cold/warm pairs to time (default 1)")
    args = arguments.parse_args()
    root = find_project_root(Path(__file__).resolve().parent)
    cold, warm = [], []
    slowest: list[tuple[float, str]] = []
    for _ in range(args.runs):
        with tempfile.TemporaryDirectory(prefix="stemcpd-book-") as output:
            start = time.perf_counter()
            build_site(root, output=Path(output), quiet=True)
            cold.append(time.perf_counter() - start)
            start = time.perf_counter()
            build_site(root, output=Path(output), quiet=True)
            warm.append(time.perf_counter() - start)
            from jupyter_cache import get_cache

            records = get_cache(str(Path(output) / "_build" / ".jupyter_cache")).list_cache_records()
            slowest = sorted(((r.data or {}).get("execution_seconds", 0.0), Path(r.uri).stem) for r in records)[-5:]
    median = lambda values: sorted(values)[len(values) // 2]  # noqa: E731
    rows = [
        {"name": "cold build (cache cleared)", "median_ms": median(cold) * 1e3, "p90_ms": max(cold) * 1e3, "ratio": None},
        {"name": "warm rebuild (nothing changed)", "median_ms": median(warm) * 1e3, "p90_ms": max(warm) * 1e3,
         "ratio": median(cold) / median(warm), "note": "ratio = cold / warm"},
    ]
    rows += [{"name": f"  execute {name}", "median_ms": seconds * 1e3, "p90_ms": seconds * 1e3, "ratio": None}
             for seconds, name in reversed(slowest)]
    report(f"Book build ({args.runs} run(s))", rows, args.json)


if __name__ == "__main__":
    main()
