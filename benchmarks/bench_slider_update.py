"""Slider update for every simulation app: from a new control value to the PNG bytes the
browser receives, model included; against the naive way (re-create the figure and
``savefig`` a PNG on every change, as ``ipywidgets.interactive_output`` code does).

For each app the first control is swept across its range. Run:
``python benchmarks/bench_slider_update.py [--json PATH] [--only NAME ...]``
"""

from __future__ import annotations

import io
import time

import numpy as np

from _report import parser, report, summarise
from stemcpd import simulations

UPDATES = 40


def naive_update(app, values: dict) -> bytes:
    """What a straightforward interactive_output callback does on every change."""
    result = app.compute(app.make_params(values))
    view = app.make_view(*app.default_size_px)
    view.update(result)
    for artist in getattr(view, "moving_artists", ()):
        artist.set_animated(False)
    buffer = io.BytesIO()
    view.figure.savefig(buffer, format="png")
    return buffer.getvalue()


def sweep_values(control, start) -> list[float]:
    """UPDATES values across the control's range, each different from the one before
    (a repeated value changes nothing and would time nothing). A control with few
    settings (e.g. a choice of 5) is swept back and forth."""
    steps = round((control.maximum - control.minimum) / control.step)
    grid = [control.minimum + index * control.step for index in range(steps + 1)]
    if len(grid) > UPDATES:
        picks = np.unique(np.round(np.linspace(0, steps, UPDATES)).astype(int))
        grid = [grid[index] for index in picks]
    zigzag = grid + grid[-2:0:-1] if len(grid) > 2 else grid
    values, index = [], 0
    while len(values) < UPDATES:
        value = zigzag[index % len(zigzag)]
        if value != (values[-1] if values else start):
            values.append(value)
        index += 1
    return [int(round(v)) if control.integer else float(v) for v in values]


def bench_app(name: str) -> list[dict]:
    app = simulations.get(name).load_app_class()()
    control = app.controls[0]
    slider = app.sliders[control.name]
    values = sweep_values(control, slider.value)

    app_times, model_times, naive_times = [], [], []
    for value in values:
        start = time.perf_counter()
        slider.value = value  # observe → compute → update → PNG
        app_times.append(time.perf_counter() - start)
    base = {c.name: c.value for c in app.controls}
    for value in values:
        params = app.make_params({**base, control.name: value})
        start = time.perf_counter()
        app.compute(params)
        model_times.append(time.perf_counter() - start)
    for value in values[::2]:  # the naive path is slow: half as many samples
        start = time.perf_counter()
        naive_update(app, {**base, control.name: value})
        naive_times.append(time.perf_counter() - start)

    app_row = {"name": f"{name}: {control.name} → PNG", **summarise(app_times)}
    naive_row = {"name": f"{name}: naive new figure + savefig", **summarise(naive_times)}
    model_row = {"name": f"{name}:   of which model", **summarise(model_times)}
    app_row["ratio"] = naive_row["median_ms"] / app_row["median_ms"]
    app_row["note"] = "ratio = naive median / app median"
    return [app_row, model_row, naive_row]


def main() -> None:
    arguments = parser(__doc__.splitlines()[0])
    arguments.add_argument("--only", nargs="*", help="simulation names (default: all)")
    args = arguments.parse_args()
    names = args.only or list(simulations.available())
    rows = [row for name in names for row in bench_app(name)]
    report(f"Slider update, {UPDATES} values of each app's first control", rows, args.json)


if __name__ == "__main__":
    main()
