"""Programme-level report: 10,000 generated records to the Toolkit's headline figures
per course, term and region (read and check every file, then count in DuckDB).

Run: ``python benchmarks/bench_programme.py [--records N] [--runs N] [--json PATH]``

Prints the median time of the whole report (reading, checking, counting) with one and
two reading processes, and the jsonschema-only check it replaced, scaled from a sample.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from _report import parser, report, summarise


def main() -> None:
    arguments = parser(__doc__.splitlines()[0])
    arguments.add_argument("--records", type=int, default=10_000)
    arguments.add_argument("--runs", type=int, default=3)
    args = arguments.parse_args()

    from stemcpd.cpd import generate, programme
    from stemcpd.cpd.record_file import _validator, read_record_bytes
    import json

    folder = Path(tempfile.mkdtemp(prefix="stemcpd-bench-programme-"))
    manifest, _ = generate.generate_programme(folder, args.records)
    rows = []
    for processes in (1, 2):
        samples, read_samples = [], []
        for _ in range(args.runs):
            start = time.perf_counter()
            data = programme.read_programme(programme.read_manifest(manifest), processes=processes)
            read = time.perf_counter()
            figures = programme.headline_figures(data)
            samples.append(time.perf_counter() - start)
            read_samples.append(read - start)
        rows.append({"name": f"report over {args.records} records, {processes} process(es)", **summarise(samples),
                     "ratio": None, "note": f"reading {summarise(read_samples)['median_ms'] / 1000:.1f} s; "
                     f"{len(figures)} groups, {len(data.skipped)} skipped"})
    # The old way: every file through jsonschema alone (sampled, then scaled).
    sample = sorted((folder / "records").glob("*.json"))[:200]
    start = time.perf_counter()
    for path in sample:
        list(_validator().iter_errors(json.loads(read_record_bytes(path))))
    scaled = (time.perf_counter() - start) * args.records / len(sample)
    rows.append({"name": f"jsonschema check alone, scaled to {args.records}", "median_ms": scaled * 1e3,
                 "p90_ms": scaled * 1e3, "ratio": scaled / (rows[0]["median_ms"] / 1e3), "note": "before issue 15"})
    report("Programme report (stemcpd report --programme)", rows, args.json)


if __name__ == "__main__":
    main()
