"""Slider update for the pendulum app: from a new control value to the PNG bytes the
browser receives, model included; against the naive way (re-create the figure and
``savefig`` a PNG on every change, as ``ipywidgets.interactive_output`` code does).

Run: ``python benchmarks/bench_slider_update.py [--json PATH]``
"""

from __future__ import annotations

import io
import time

import numpy as np

from _report import parser, report, summarise
from stemcpd.physics.pendulum import PendulumParams, simulate
from stemcpd.physics.pendulum.app import PendulumApp, display_duration
from stemcpd.physics.pendulum.view import PendulumView

UPDATES = 40


def naive_update(length_m: float) -> bytes:
    """What a straightforward interactive_output callback does on every change."""
    params = PendulumParams(length_m=length_m, amplitude_deg=30)
    run = simulate(params, duration_s=display_duration(params))
    view = PendulumView()
    view.update(run)
    for artist in view.moving_artists:
        artist.set_animated(False)
    buffer = io.BytesIO()
    view.figure.savefig(buffer, format="png")
    return buffer.getvalue()


def main() -> None:
    args = parser(__doc__.splitlines()[0]).parse_args()
    lengths = np.linspace(0.2, 2.8, UPDATES)

    app = PendulumApp(amplitude_deg=30)
    slider = app.sliders["length_m"]
    app_times, model_times = [], []
    for length in lengths:
        start = time.perf_counter()
        slider.value = round(float(length), 2)  # observe → simulate → update → PNG
        app_times.append(time.perf_counter() - start)
        assert bytes(app.image.value[:4]) == b"\x89PNG"
    for length in lengths:
        start = time.perf_counter()
        params = PendulumParams(length_m=float(length), amplitude_deg=30)
        simulate(params, duration_s=display_duration(params))
        model_times.append(time.perf_counter() - start)

    naive_times = []
    for length in lengths:
        start = time.perf_counter()
        naive_update(float(length))
        naive_times.append(time.perf_counter() - start)

    app_row = {"name": "pendulum app: slider → PNG (blit, level 1)", **summarise(app_times)}
    model_row = {"name": "  of which model (simulate)", **summarise(model_times)}
    naive_row = {"name": "naive: new figure + savefig PNG", **summarise(naive_times)}
    app_row["ratio"] = naive_row["median_ms"] / app_row["median_ms"]
    app_row["note"] = "ratio = naive median / app median"
    report(f"Slider update, {UPDATES} values of length across its range", [app_row, model_row, naive_row], args.json)


if __name__ == "__main__":
    main()
