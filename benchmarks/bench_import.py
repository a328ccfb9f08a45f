"""Import cost of the model packages, and whether they pull in plotting or widgets.

Run: ``python benchmarks/bench_import.py [--json PATH]``
"""

from __future__ import annotations

import re
import subprocess
import sys

from _report import parser, report

MODULES = ("stemcpd.physics.pendulum", "stemcpd.quiz", "stemcpd.cpd")
RUNS = 5


def import_time_ms(module: str) -> tuple[float, list[str]]:
    code = (
        f"import {module}, sys; "
        "print('HEAVY' + ','.join(m for m in ('matplotlib', 'ipywidgets') if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-X", "importtime", "-c", code], capture_output=True, text=True, check=True)
    total_us = 0
    for line in result.stderr.splitlines():
        match = re.match(r"import time:\s+\d+ \|\s+(\d+) \| (\S+)$", line.rstrip())
        if match and not line.split("|")[2].startswith("  "):
            total_us += int(match.group(1))  # top-level imports only: cumulative already
    heavy = [name for name in result.stdout.split("HEAVY", 1)[1].strip().split(",") if name]
    return total_us / 1000.0, heavy


def main() -> None:
    args = parser(__doc__.splitlines()[0]).parse_args()
    rows = []
    for module in MODULES:
        times, heavy = [], []
        for _ in range(RUNS):
            ms, heavy = import_time_ms(module)
            times.append(ms)
        times.sort()
        rows.append({
            "name": f"import {module}",
            "median_ms": times[len(times) // 2],
            "p90_ms": times[-1],
            "ratio": None,
            "note": "imports " + ", ".join(heavy) if heavy else "no matplotlib/ipywidgets",
        })
    report(f"Import time (python -X importtime, {RUNS} runs)", rows, args.json)


if __name__ == "__main__":
    main()
