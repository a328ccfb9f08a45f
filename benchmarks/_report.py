"""Shared output for stemcpd benchmarks: a small table and optional JSON (see
shared BENCHMARKS.md: medians and ratios measured side by side, never pass/fail)."""

from __future__ import annotations

import argparse
import json
import platform
import statistics


def summarise(samples_s):
    """Median and 90th percentile of a list of durations, in milliseconds."""
    ordered = sorted(samples_s)
    p90 = ordered[min(len(ordered) - 1, int(round(0.9 * (len(ordered) - 1))))]
    return {"median_ms": statistics.median(ordered) * 1e3, "p90_ms": p90 * 1e3, "n": len(ordered)}


def parser(description: str) -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(description=description)
    p.add_argument("--json", metavar="PATH", help="also write the results as JSON")
    return p


def report(title: str, rows: list[dict], json_path: str | None = None) -> None:
    """Print rows (name, median_ms, p90_ms, ratio, note) and optionally save them."""
    print(f"\n{title}")
    print(f"{'name':<44} {'median':>10} {'p90':>10} {'ratio':>8}  note")
    for row in rows:
        ratio = f"{row['ratio']:.1f}x" if row.get("ratio") is not None else ""
        print(
            f"{row['name']:<44} {row['median_ms']:>8.2f}ms {row['p90_ms']:>8.2f}ms {ratio:>8}  {row.get('note', '')}"
        )
    if json_path:
        with open(json_path, "w", encoding="utf-8") as handle:
            json.dump({"title": title, "machine": platform.platform(), "rows": rows}, handle, indent=2)
        print(f"(written to {json_path})")
