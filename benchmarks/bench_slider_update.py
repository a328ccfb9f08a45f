"""Slider update for every simulation app and every control: from a new control value to
the PNG bytes the browser receives, model included; against the naive way (re-create the
figure and ``savefig`` a PNG on every change, as ``ipywidgets.interactive_output`` code
does), with the physical floor beside it.

For each app, each control in turn is swept across its range (a choice control through
its options, back and forth) while the others stay at the app's defaults. Per control it
prints the median and 90th percentile of the app's update, the ratio naive / app, and:

* **model**: the median time of the model alone for the same values;
* **floor**: model + pasting a cached background (a blit) + encoding a blank frame of the
  figure's size as PNG: what no drawing strategy can beat;
* **full**: how many of the updates drew the whole figure (a new axis range or static
  key: :class:`stemcpd.ui.figures.FrameRenderer`) instead of pasting a kept background.

Run: ``python benchmarks/bench_slider_update.py [--json PATH] [--only NAME ...]
[--updates N]``. Numbers are printed, never judged (see BENCHMARKS.md).
"""

from __future__ import annotations

import io
import statistics
import time

import numpy as np

from _report import parser, summarise
from stemcpd import simulations

UPDATES = 30
NAIVE_UPDATES = 8  # the naive path is slow: fewer samples


def naive_update(app, values: dict) -> bytes:
    """What a straightforward interactive_output callback does on every change."""
    result = app.compute(app.make_params(values))
    view = app.make_view(*app.default_size_px)
    view.update(result)
    if getattr(app, "playback_frames", 0) and hasattr(view, "show_time"):
        view.show_time(result, 0.0)
    for artist in getattr(getattr(view, "renderer", None), "moving_artists", ()):
        artist.set_animated(False)
    buffer = io.BytesIO()
    view.figure.savefig(buffer, format="png")
    return buffer.getvalue()


def control_grid(control) -> list:
    """Every value a control can take, or a sample of at most UPDATES of them."""
    options = getattr(control, "options", None)
    if options is not None:  # a choice control (stemcpd.ui.controls.Choice)
        return [value for value, _text in options]
    steps = round((control.maximum - control.minimum) / control.step)
    grid = [control.minimum + index * control.step for index in range(steps + 1)]
    if len(grid) > UPDATES:
        picks = np.unique(np.round(np.linspace(0, steps, UPDATES)).astype(int))
        grid = [grid[index] for index in picks]
    return [int(round(v)) if control.integer else float(v) for v in grid]


def sweep_values(control, start, count: int) -> list:
    """``count`` values across the control's range, each different from the one before
    (a repeated value changes nothing and would time nothing); a control with few
    settings is swept back and forth."""
    grid = control_grid(control)
    zigzag = grid + grid[-2:0:-1] if len(grid) > 2 else grid
    values, index = [], 0
    while len(values) < count:
        value = zigzag[index % len(zigzag)]
        if value != (values[-1] if values else start):
            values.append(value)
        index += 1
    return values


def blit_and_encode_floor(app) -> float:
    """Seconds to paste a cached background and encode a blank frame of the app's size."""
    from stemcpd.ui.figures import encode_png

    canvas = app.view.figure.canvas
    canvas.draw()
    background = canvas.copy_from_bbox(app.view.figure.bbox)
    width, height = (int(round(v)) for v in app.view.figure.bbox.size)
    blank = np.full((height, width, 4), 255, dtype=np.uint8)
    samples = []
    for _ in range(15):
        start = time.perf_counter()
        canvas.restore_region(background)
        encode_png(blank)
        samples.append(time.perf_counter() - start)
    app.view.renderer.invalidate() if hasattr(app.view, "renderer") else None
    return statistics.median(samples)


def bench_app(name: str, updates: int) -> list[dict]:
    app = simulations.get(name).load_app_class()()
    base = {name_: widget.value for name_, widget in app.sliders.items()}
    pixel_floor_s = blit_and_encode_floor(app)
    app.set(**base)
    rows = []
    for control in app.controls:
        widget = app.sliders[control.name]
        values = sweep_values(control, widget.value, updates)
        app_times, model_times, naive_times = [], [], []
        renderer = getattr(app.view, "renderer", None)
        full_before = getattr(renderer, "full_draws", 0)
        for value in values:
            start = time.perf_counter()
            widget.value = value  # observe → compute → update → PNG
            app_times.append(time.perf_counter() - start)
        full_draws = getattr(renderer, "full_draws", 0) - full_before
        app.set(**base)
        for value in values:
            params = app.make_params({**base, control.name: value})
            start = time.perf_counter()
            app.compute(params)
            model_times.append(time.perf_counter() - start)
        for value in values[:NAIVE_UPDATES]:
            start = time.perf_counter()
            naive_update(app, {**base, control.name: value})
            naive_times.append(time.perf_counter() - start)
        row = {"name": f"{name}: {control.name}", **summarise(app_times)}
        row["naive_ms"] = statistics.median(naive_times) * 1e3
        row["model_ms"] = statistics.median(model_times) * 1e3
        row["floor_ms"] = row["model_ms"] + pixel_floor_s * 1e3
        row["ratio"] = row["naive_ms"] / row["median_ms"]
        row["full_draws"] = full_draws
        rows.append(row)
        print(f"{row['name']:<46} {row['median_ms']:>7.1f} {row['p90_ms']:>7.1f} {row['naive_ms']:>7.1f} "
              f"{row['ratio']:>6.1f}x {row['model_ms']:>7.1f} {row['floor_ms']:>7.1f} {full_draws:>3d}/{len(values)}",
              flush=True)
    return rows


def main() -> None:
    arguments = parser(__doc__.splitlines()[0])
    arguments.add_argument("--only", nargs="*", help="simulation names (default: all)")
    arguments.add_argument("--updates", type=int, default=UPDATES, help=f"updates per control (default {UPDATES})")
    args = arguments.parse_args()
    names = args.only or list(simulations.available())
    print(f"\nSlider → encoded PNG, every control of every app ({args.updates} updates each; ms; "
          "ratio = naive median / app median; floor = model + blit + encode of a blank frame)")
    print(f"{'app: control':<46} {'median':>7} {'p90':>7} {'naive':>7} {'ratio':>7} {'model':>7} {'floor':>7} {'full':>6}")
    rows = [row for name in names for row in bench_app(name, args.updates)]
    medians = [row["median_ms"] for row in rows]
    within = sum(1 for value in medians if value <= 20.0)
    print(f"\n{len(rows)} controls in {len(names)} apps: median of medians {statistics.median(medians):.1f} ms, "
          f"worst {max(medians):.1f} ms ({max(rows, key=lambda r: r['median_ms'])['name']}), "
          f"{within} within 20 ms; lowest ratio {min(r['ratio'] for r in rows):.1f}x")
    if args.json:
        import json
        import platform

        with open(args.json, "w", encoding="utf-8") as handle:
            json.dump({"title": "slider update, every control", "machine": platform.platform(), "rows": rows},
                      handle, indent=2)
        print(f"(written to {args.json})")


if __name__ == "__main__":
    main()
